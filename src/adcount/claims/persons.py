"""Claims of a person: the claims of its ads, gathered per person label (for profiles and reports)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from adcount.claims.lexicon import GENDERS
from adcount.claims.result import Claims


def claims_by_person(claims: Claims, person: np.ndarray) -> pd.DataFrame:
    """One row per person label (sorted): how many ads, and what they claim.

    gender: the gender most of its stating ads claim ("" when none states one; a tie goes to the
    order of GENDERS), gender_ads: how many ads state it; origins, spoken, names: every label its
    ads claim, most claimed first, joined by "|"; age_min, age_median: over the ads stating an
    age (a person whose ads ever claim 16 has age_min 16, whatever the others say)."""
    person = np.asarray(person)
    if len(person) != len(claims.age):
        raise ValueError(f"{len(person)} person labels for {len(claims.age)} ads")
    codes, labels = pd.factorize(person, sort=True)
    n = len(labels)
    ads = np.bincount(codes, minlength=n)
    stated = claims.gender >= 0
    votes = np.zeros((n, len(GENDERS)), dtype=np.int64)
    np.add.at(votes, (codes[stated], claims.gender[stated].astype(np.int64)), 1)
    gender = np.where(votes.sum(axis=1) > 0, np.asarray(GENDERS, dtype=object)[votes.argmax(axis=1)], "")
    ages = pd.Series(claims.age).groupby(codes)
    return pd.DataFrame({
        "person": labels,
        "ads": ads,
        "gender": gender,
        "gender_ads": votes.max(axis=1),
        "origins": _labels_by_person(claims.origins, claims.origin_labels, codes, n),
        "spoken": _labels_by_person(claims.spoken, claims.spoken_labels, codes, n),
        "names": _labels_by_person(claims.names, claims.vocabulary, codes, n),
        "age_min": ages.min().reindex(range(n)).to_numpy(),
        "age_median": ages.median().reindex(range(n)).to_numpy(),
    })


def _labels_by_person(per_ad: sp.csr_matrix, labels: np.ndarray, codes: np.ndarray, n: int) -> list[str]:
    """Per person, its ads' labels, most claimed first (ties in label order), joined by "|"."""
    owner = sp.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(n, len(codes)))
    counts = (owner @ per_ad).tocoo()
    table = pd.DataFrame({"person": counts.row, "label": np.asarray(labels, dtype=object)[counts.col],
                          "ads": counts.data}).sort_values(["person", "ads", "label"], ascending=[True, False, True])
    joined = table.groupby("person")["label"].agg("|".join)
    return joined.reindex(range(n), fill_value="").tolist()

"""Who is advertised: per-person profiles and their shares, with an interval on each share.

A person's profile is read from its ads (`stated.Stated`): the gender most of its ads state, its
lowest claimed age (the one a protection officer must see; birthdays between ads move the others
up), the origin most of its ads state and whether it is the national country's, every language
and service any of its ads states. Each share is of the persons who state the item (its *base*),
never of all persons: "63% women" among 250 persons stating a gender says nothing of the others.

The interval on a share carries the two uncertainties a share has here. The persons themselves
are uncertain: each linkage replicate (`adcount.estimate.linkage.sample_partitions`, the Monte
Carlo behind the count's interval) redraws the clustering's merges and splits, and the share is
recomputed on the redrawn persons. And the persons who state an item stand for a wider set (those
who state nothing, the next months' ads): within each replicate the share is drawn from the
Jeffreys posterior Beta(k + 1/2, n - k + 1/2) of its k persons out of n, whose central interval is
the Jeffreys binomial interval (Brown, Cai and DasGupta 2001, *Statistical Science* 16: 101-133,
recommend it with Wilson's for small and mid-size n). The reported interval is the percentile
interval of those draws, stretched to hold the share on the reported persons. Each replicate is
whole-array work (sparse products over ads); the loop is over replicates only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from adcount.claims import GENDERS
from adcount.estimate.linkage import replicate_interval, sample_partitions
from adcount.report.stated import Stated

# claimed-age bands of the field's diagnostics: minors, the two years a protection worker checks
# first, then the bands used for "aged 25 or under" (the diagnostic this report replaces)
AGE_BANDS = (("under 18", 0, 18), ("18-19", 18, 20), ("20-25", 20, 26), ("26-35", 26, 36), ("36+", 36, 200))
YOUNG_MAX_AGE = 25  # "aged 25 or under", as the field's diagnostics count young persons
DIMENSIONS = ("gender", "age", "young", "status", "origin", "languages", "services")


@dataclass(frozen=True)
class PersonProfiles:
    """Per person label: what its ads state, as one-hot matrices with fixed category lists."""

    gender: np.ndarray  # object per person: GENDERS label or ""
    age_min: np.ndarray  # float per person: lowest claimed age, NaN when none
    origin: np.ndarray  # object per person: most stated origin label, or ""
    status: np.ndarray  # object per person: "national" | "foreign" | "" (no country code stated)
    spoken: sp.csr_matrix  # persons x spoken labels, bool
    services: sp.csr_matrix  # persons x service labels, bool

    @property
    def age_band(self) -> np.ndarray:
        return _band(self.age_min)


def person_profiles(stated: Stated, person: np.ndarray, national: str) -> PersonProfiles:
    """Profiles of the persons `person` labels (per ad, 0..n-1); `national`: ISO code of the
    country the set is about ("" when unknown: then no person is national or foreign)."""
    person = np.asarray(person, dtype=np.int64)
    n = int(person.max()) + 1 if person.size else 0
    owner = sp.csr_matrix((np.ones(person.size), (person, np.arange(person.size))), shape=(n, person.size))
    gender = _mode(owner, stated.gender, list(GENDERS))
    origin = _mode(owner, stated.origin, sorted(set(stated.origin) - {""}))
    age_min = np.full(n, np.inf)
    np.minimum.at(age_min, person, np.where(np.isnan(stated.age), np.inf, stated.age))
    age_min[np.isinf(age_min)] = np.nan
    is_code = pd.Series(origin, dtype=object).str.fullmatch(r"[A-Z]{2}").to_numpy(dtype=bool)
    status = np.where(is_code & bool(national), np.where(origin == national, "national", "foreign"), "")
    return PersonProfiles(gender=gender, age_min=age_min, origin=origin, status=status.astype(object),
                          spoken=(owner @ stated.spoken.astype(float)) > 0,
                          services=(owner @ stated.services.astype(float)) > 0)


def _mode(owner: sp.csr_matrix, values: np.ndarray, categories: list[str]) -> np.ndarray:
    """Per person, the category most of its ads state (ties: the first in `categories`), or ""."""
    out = np.full(owner.shape[0], "", dtype=object)
    if not categories:
        return out
    code = pd.Index(categories, dtype=object).get_indexer(values)
    stated = code >= 0
    onehot = sp.csr_matrix((np.ones(int(stated.sum())), (np.flatnonzero(stated), code[stated])),
                           shape=(len(values), len(categories)))
    votes = (owner @ onehot).toarray()
    has = votes.sum(axis=1) > 0
    out[has] = np.asarray(categories, dtype=object)[votes[has].argmax(axis=1)]
    return out


def _band(age: np.ndarray) -> np.ndarray:
    out = np.full(len(age), "", dtype=object)
    for label, low, high in AGE_BANDS:
        out[(age >= low) & (age < high)] = label
    return out


def _counts(profiles: PersonProfiles, labels: dict[str, list[str]]) -> np.ndarray:
    """Persons per (dimension, category) row of `share_rows`, and the base of each row's dimension,
    as a (rows, 2) array: [persons, base]."""
    young = np.where(np.isnan(profiles.age_min), "", np.where(profiles.age_min <= YOUNG_MAX_AGE, "25 or under",
                                                               "over 25"))
    single = {"gender": profiles.gender, "age": profiles.age_band, "young": young, "status": profiles.status,
              "origin": profiles.origin}
    multi = {"languages": profiles.spoken, "services": profiles.services}
    rows = []
    for dimension in DIMENSIONS:
        if dimension in single:
            values = single[dimension]
            base = int((values != "").sum())
            rows += [(int((values == category).sum()), base) for category in labels[dimension]]
        else:
            matrix = sp.csr_matrix(multi[dimension])
            base = int((np.diff(matrix.indptr) > 0).sum())
            rows += [(int(k), base) for k in np.asarray(matrix.sum(axis=0)).ravel()]
    return np.asarray(rows, dtype=np.int64).reshape(-1, 2)


def category_labels(stated: Stated, profiles: PersonProfiles) -> dict[str, list[str]]:
    """The categories each dimension lists, fixed across replicates."""
    origins = pd.Series(profiles.origin[profiles.origin != ""]).value_counts()
    return {
        "gender": list(GENDERS), "age": [label for label, _, _ in AGE_BANDS], "young": ["25 or under"],
        "status": ["national", "foreign"],
        "origin": sorted(origins.index, key=lambda label: (-origins[label], label)),
        "languages": list(stated.spoken_labels), "services": list(stated.service_labels),
    }


def profile_shares(stated: Stated, person: np.ndarray, national: str, *, pairs: np.ndarray | None = None,
                   probability: np.ndarray | None = None, level: float = 0.95, n_replicates: int = 200,
                   seed: int = 0) -> pd.DataFrame:
    """One row per (dimension, category): persons stating it, base (persons stating the dimension),
    share, and its `level` interval (module doc). Without `pairs`/`probability` the persons are
    taken as certain and only the Jeffreys interval is given."""
    profiles = person_profiles(stated, person, national)
    labels = category_labels(stated, profiles)
    observed = _counts(profiles, labels)
    rng = np.random.default_rng(seed)
    if pairs is None or probability is None or not len(pairs):
        replicates = np.repeat(observed[None], n_replicates, axis=0)
    else:
        replicates = np.stack([_counts(person_profiles(stated, labels_r, national), labels)
                               for labels_r in sample_partitions(person, pairs, probability, n_replicates, seed)])
    k, base = replicates[..., 0].astype(float), replicates[..., 1].astype(float)
    draws = rng.beta(k + 0.5, np.maximum(base - k, 0) + 0.5)
    draws[base == 0] = np.nan
    share = np.where(observed[:, 1] > 0, observed[:, 0] / np.maximum(observed[:, 1], 1), np.nan)
    bounds = np.asarray([replicate_interval(s, d[~np.isnan(d)], level) if np.isfinite(s) and (~np.isnan(d)).any()
                         else (np.nan, np.nan) for s, d in zip(share, draws.T)])
    frame = pd.DataFrame({
        "dimension": [d for d in DIMENSIONS for _ in labels[d]],
        "category": [c for d in DIMENSIONS for c in labels[d]],
        "persons": observed[:, 0], "base": observed[:, 1], "share": share,
        "low": bounds[:, 0] if len(bounds) else [], "high": bounds[:, 1] if len(bounds) else [],
    })
    frame[["share", "low", "high"]] = frame[["share", "low", "high"]].round(4)
    return frame


def persons_frame(profiles: PersonProfiles, stated: Stated) -> pd.DataFrame:
    """Per person label: the profile in words (for persons.csv-like outputs and the flags)."""
    return pd.DataFrame({
        "gender": profiles.gender, "age_min": profiles.age_min, "age_band": profiles.age_band,
        "origin": profiles.origin, "status": profiles.status,
        "languages": _joined_rows(profiles.spoken, stated.spoken_labels),
        "services": _joined_rows(profiles.services, stated.service_labels),
    })


def _joined_rows(matrix: sp.csr_matrix, labels: np.ndarray) -> list[str]:
    matrix = sp.csr_matrix(matrix)
    rows = np.split(np.asarray(labels, dtype=object)[matrix.indices], matrix.indptr[1:-1])
    return ["|".join(sorted(row)) for row in rows]

"""Active labelling: ask a person about the pairs the model is least sure of, learn from the answers.

`uncertain_pairs` picks the pairs whose label would teach the model most — uncertainty sampling
(probability nearest 0.5), spread over distinct agreement patterns so that ten answers do not
all teach the same thing — and returns a DataFrame with an empty `label` column for a notebook
user to fill (1 = same person, 0 = different persons). `fold_labels` brings the answers back:
EM again with the labelled pairs held at their class, or, given enough labels of both kinds, a
supervised model. Run `deduplicate(ads, model=...)` with the returned model.
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from adcount.link.comparisons import comparison_levels
from adcount.link.fellegi_sunter import FellegiSunter
from adcount.link.model_io import LinkModel
from adcount.link.supervised import SupervisedModel
from adcount.link.weights import pair_weights
from adcount.tools.review import masked_texts
from adcount.result import DedupResult
from adcount.load.facts import ad_texts

TEXT_CHARS = 300


def uncertain_pairs(result: DedupResult, n: int = 20) -> pd.DataFrame:
    """The `n` candidate pairs most worth labelling, with masked texts and an empty `label`."""
    levels = comparison_levels(result.features, tuple(result.bits.columns), result.config.link.stock_photo_contacts)
    uncertainty = np.abs(result.probability - 0.5)
    order = np.argsort(uncertainty, kind="stable")
    keys = pd.util.hash_pandas_object(levels.iloc[order], index=False).to_numpy()
    first_of_pattern = ~pd.Series(keys).duplicated().to_numpy()
    chosen = np.concatenate([order[first_of_pattern], order[~first_of_pattern]])[:n]
    ids = result.ads.table["ad_id"].to_numpy(dtype=str)
    a, b = result.pairs[chosen, 0], result.pairs[chosen, 1]
    table = result.ads.table
    texts = masked_texts(ad_texts(table.iloc[np.r_[a, b]]))
    bits = result.bits.iloc[chosen].round(1)
    evidence = [", ".join(f"{c} {v:+.1f}" for c, v in row.items() if v != 0) for _, row in bits.iterrows()]
    return pd.DataFrame({
        "ad_id_a": ids[a], "ad_id_b": ids[b], "probability": np.round(result.probability[chosen], 3),
        "text_a": [t[:TEXT_CHARS] for t in texts[:len(a)]], "text_b": [t[:TEXT_CHARS] for t in texts[len(a):]],
        "evidence": evidence, "label": pd.array([pd.NA] * len(chosen), dtype="Int8"),
    })


def pair_labels(result: DedupResult, labelled: pd.DataFrame) -> np.ndarray:
    """Per candidate pair of `result`: 1 / 0 from `labelled` (ad_id_a, ad_id_b, label), NaN elsewhere."""
    done = labelled.dropna(subset=["label"])
    ids = result.ads.table["ad_id"].to_numpy(dtype=str)
    position = pd.Series(np.arange(ids.size), index=ids)
    missing = set(done["ad_id_a"].astype(str)) | set(done["ad_id_b"].astype(str))
    missing -= set(ids)
    if missing:
        raise KeyError(f"{len(missing)} labelled ad_id(s) are not in this result")
    i = position[done["ad_id_a"].astype(str)].to_numpy()
    j = position[done["ad_id_b"].astype(str)].to_numpy()
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    n = max(ids.size, 1)
    codes = result.pairs[:, 0] * n + result.pairs[:, 1]
    where = np.searchsorted(codes, lo * n + hi)
    found = (where < codes.size) & (codes[np.minimum(where, codes.size - 1)] == lo * n + hi)
    if not found.all():
        raise ValueError(f"{int((~found).sum())} labelled pair(s) were never compared by this run; "
                         "label pairs from `uncertain_pairs` or `links`")
    labels = np.full(len(result.pairs), np.nan)
    labels[where] = done["label"].astype(float).to_numpy()
    return labels


def fold_labels(result: DedupResult, labelled: pd.DataFrame, kind: str = "em") -> LinkModel:
    """A model that has learned from the labels: kind "em" (EM with labelled pairs held fixed)
    or "supervised" (logistic regression on the labelled pairs only)."""
    levels = comparison_levels(result.features, tuple(result.bits.columns), result.config.link.stock_photo_contacts)
    labels = pair_labels(result, labelled)
    if kind == "em":
        weights = pair_weights(result.n_ads, result.pairs, result.config.link.pairs_per_ad_in_em)  # each ad's pairs capped, as in the run's EM
        return FellegiSunter(comparisons=tuple(result.bits.columns)).fit(levels, labels, weights)
    if kind == "supervised":
        return SupervisedModel(comparisons=tuple(result.bits.columns)).fit(levels, labels)
    raise ValueError(f"unknown kind {kind!r}; use 'em' or 'supervised'")

"""Why two ads were, or were not, put together: the evidence of one pair and its weight in bits.

For a scored pair, every comparison of the model is listed with its level ("personal phone",
"one template, other person", ...), the pair features behind it and the bits it added; the bits
plus the prior give the probability, and the decision says whether the pair was linked on its own
and whether the ads ended in one person (chains re-split by average linkage can disagree with
the pair alone). A pair set apart by group evidence (`adcount.link.photo_sets`: the two ads
belong to two photo sets of one found person that never meet) has its probability overruled to
0; its explanation says so and still shows what the pair's own evidence said. A pair that was
never scored is explained too: no shared contact, no near photo and texts below the candidate
threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import expit

from adcount.link.comparisons import BY_NAME, MISSING, comparison_levels
from adcount.result import DedupResult


@dataclass(frozen=True)
class Explanation:
    """The evidence of one pair of ads. `evidence`: comparison, level, bits, features (text)."""

    ad_id_a: str
    ad_id_b: str
    compared: bool
    probability: float
    prior_bits: float
    threshold: float
    same_person: bool
    same_network: bool
    evidence: pd.DataFrame
    photo_sets_apart: bool = False  # probability overruled to 0: the ads' photo sets never meet

    @property
    def linked(self) -> bool:
        return self.compared and self.probability >= self.threshold

    def __str__(self) -> str:
        head = f"ads {self.ad_id_a} and {self.ad_id_b}: " + (
            "one person" if self.same_person else "different persons") + (
            ", one network" if self.same_network else "")
        if not self.compared:
            return head + ("\n  never compared: no shared phone, e-mail or handle, no near-identical photo, "
                           "and texts below the candidate similarity threshold")
        lines = [head, f"  link probability {self.probability:.3f} "
                       f"({'above' if self.linked else 'below'} the threshold {self.threshold:g})"]
        if self.photo_sets_apart:
            own = expit(np.log(2.0) * (self.prior_bits + self.evidence["bits"].sum()))
            lines.append(f"  overruled from {own:.3f}: the ads belong to two sets of ads posted over the same weeks, "
                         "each showing its own photos, that never share one (two persons under one name)")
        lines.append(f"  {self.prior_bits:+6.1f} bits  prior (share of candidate pairs that are one person)")
        for row in self.evidence.itertuples(index=False):
            lines.append(f"  {row.bits:+6.1f} bits  {row.comparison}: {row.level}  [{row.features}]")
        return "\n".join(lines)


def explain_pair(result: DedupResult, ad_id_a: str, ad_id_b: str) -> Explanation:
    """Explain the pair (ad_id_a, ad_id_b) of a `DedupResult` (ids in either order)."""
    ids = result.ads.table["ad_id"].to_numpy(dtype=str)
    position = pd.Series(np.arange(ids.size), index=ids)
    for ad_id in (ad_id_a, ad_id_b):
        if ad_id not in position.index:
            raise KeyError(f"ad_id {ad_id!r} is not among the valid ads of this result")
    i, j = sorted((int(position[ad_id_a]), int(position[ad_id_b])))
    same_person = bool(result.person[i] == result.person[j])
    same_network = bool(result.network[i] == result.network[j])
    threshold = result.config.link.person_threshold
    row = np.flatnonzero((result.pairs[:, 0] == i) & (result.pairs[:, 1] == j))
    if row.size == 0:
        empty = pd.DataFrame(columns=["comparison", "level", "bits", "features"])
        return Explanation(ids[i], ids[j], False, 0.0, 0.0, threshold, same_person, same_network, empty)
    k = int(row[0])
    features = result.features.iloc[[k]]
    bits = result.bits.iloc[k]
    levels = comparison_levels(features, tuple(bits.index), result.config.link.stock_photo_contacts).iloc[0]
    probability = float(result.probability[k])
    overruled = bool(result.features["photo_sets_apart"].iloc[k]) if "photo_sets_apart" in result.features else False
    evidence = pd.DataFrame({
        "comparison": bits.index,
        "level": [("not comparable" if levels[c] == MISSING else BY_NAME[c].levels[levels[c]]) for c in bits.index],
        "bits": bits.to_numpy().round(2),
        "features": [", ".join(f"{f}={_shown(features[f].iloc[0])}" for f in BY_NAME[c].features) for c in bits.index],
    }).sort_values("bits", key=np.abs, ascending=False, ignore_index=True)
    prior = _prior_bits(result) if overruled else float(_logit2(probability) - bits.sum())
    return Explanation(ids[i], ids[j], True, probability, prior, threshold, same_person, same_network, evidence,
                       overruled)


def _logit2(probability: np.ndarray | float) -> np.ndarray | float:
    """log2 odds, saturated at +-60 bits for probabilities of exactly 0 or 1."""
    with np.errstate(divide="ignore"):
        return np.clip(np.log2(probability) - np.log2(1.0 - np.asarray(probability)), -60.0, 60.0)


def _prior_bits(result: DedupResult) -> float:
    """The model's prior log2 odds, read off the pairs it scored without overruling: probability
    = prior + sum of the evidence bits, the same prior for every pair."""
    kept = (result.features["photo_sets_apart"].to_numpy() == 0) & (result.probability > 0) & (result.probability < 1)
    if not kept.any():
        return 0.0
    return float(np.median(_logit2(result.probability[kept]) - result.bits.to_numpy()[kept].sum(axis=1)))


def _shown(value) -> str:
    if isinstance(value, (float, np.floating)):
        return "n/a" if np.isnan(value) else f"{value:.2f}"
    return str(value)

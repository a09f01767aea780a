"""Pair features: the evidence for and against two ads showing the same person.

Every feature is computed for all candidate pairs at once from per-ad arrays (sparse products for
shared contacts, fancy indexing for ages, cities and dates). The result is a plain DataFrame, one
row per pair, which the scorer turns into probabilities and the outputs show as link evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd
import scipy.sparse as sp

from adcount.signals.keys import KINDS, ContactKeys

NO_IMAGE_MATCH = 64  # Hamming distance reported when two ads share no near-identical photo


@dataclass(frozen=True)
class AdSignals:
    """Per-ad evidence aligned with the rows of the ads table."""

    text_jaccard: Callable[[np.ndarray], np.ndarray]  # pairs -> float array, NaN where a text is unusable
    contacts: ContactKeys
    contact_spread: np.ndarray  # per key: distinct claimed ages seen with it (>= 1): a hub indicator
    image_ad_pairs: np.ndarray  # (k, 2) ad pairs with a near photo, i < j
    image_ad_distance: np.ndarray  # (k,) smallest photo Hamming distance of each such pair
    image_ad_spread: np.ndarray  # (k,) how many distinct contacts the matched photo is seen with
    age: np.ndarray  # float, NaN when missing
    city: np.ndarray  # int codes, -1 when missing
    site: np.ndarray  # int codes, -1 when missing
    day: np.ndarray  # float days since epoch, NaN when missing


def contact_spread(contacts: ContactKeys, age: np.ndarray) -> np.ndarray:
    """For each contact key, how many distinct claimed ages its ads show (at least 1).

    One person's ads keep one claimed age (give or take a birthday); a phone whose ads claim
    several different ages most likely belongs to an organiser who advertises several persons.
    """
    spread = np.ones(contacts.n_keys, dtype=np.int64)
    rounded = np.round(age[contacts.rows] / 2.0)  # ages within a year or two count as one
    known = ~np.isnan(rounded)
    if known.any():
        frame = pd.DataFrame({"key": contacts.key_ids[known], "age": rounded[known]})
        counts = frame.drop_duplicates().groupby("key").size()
        spread[counts.index.to_numpy()] = np.maximum(counts.to_numpy(), 1)
    return spread


def _shared_keys(matrix: sp.csr_matrix, pairs: np.ndarray) -> sp.csr_matrix:
    """(pairs x keys) matrix of the keys both ads of each pair carry."""
    return matrix[pairs[:, 0]].multiply(matrix[pairs[:, 1]]).tocsr()


def pair_features(pairs: np.ndarray, signals: AdSignals) -> pd.DataFrame:
    """One row of evidence per candidate pair (pairs: int64 (m, 2), i < j)."""
    a, b = pairs[:, 0], pairs[:, 1]
    features: dict[str, np.ndarray] = {"a": a, "b": b}
    features["text_jaccard"] = signals.text_jaccard(pairs)

    spread = signals.contact_spread.astype(np.float64)
    for kind in KINDS:
        shared = _shared_keys(signals.contacts.matrix(kind), pairs)
        features[f"shared_{kind}s"] = np.asarray(shared.sum(axis=1)).ravel().astype(np.int64)
        if kind == "phone":
            # the least shared phone of the pair: one personal phone in common outweighs a hub
            weighted = shared.multiply(spread[None, :]).tocsr()
            least = np.zeros(len(pairs), dtype=np.int64)  # 0: no shared phone
            has = np.diff(weighted.indptr) > 0
            if has.any():
                least[has] = np.minimum.reduceat(weighted.data, weighted.indptr[:-1][has])
            features["phone_spread"] = least

    distance, photo_spread = _image_evidence(pairs, signals)
    features["image_distance"] = distance
    features["image_spread"] = photo_spread

    with np.errstate(invalid="ignore"):
        features["age_diff"] = np.abs(signals.age[a] - signals.age[b])
        features["days_apart"] = np.abs(signals.day[a] - signals.day[b])
    features["same_city"] = _same_code(signals.city, a, b)
    features["same_site"] = _same_code(signals.site, a, b)
    return pd.DataFrame(features)


def _same_code(codes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 same, 0 different, -1 unknown (either side missing)."""
    known = (codes[a] >= 0) & (codes[b] >= 0)
    return np.where(known, (codes[a] == codes[b]).astype(np.int8), np.int8(-1)).astype(np.int8)


def _image_evidence(pairs: np.ndarray, signals: AdSignals) -> tuple[np.ndarray, np.ndarray]:
    """Look up each candidate pair among the ad pairs that share a near photo."""
    m = len(pairs)
    distance = np.full(m, NO_IMAGE_MATCH, dtype=np.int64)
    spread = np.zeros(m, dtype=np.int64)
    if m == 0 or len(signals.image_ad_pairs) == 0:
        return distance, spread
    n = max(int(pairs.max()), int(signals.image_ad_pairs.max())) + 1
    wanted = pairs[:, 0] * n + pairs[:, 1]
    known = signals.image_ad_pairs[:, 0] * n + signals.image_ad_pairs[:, 1]
    order = np.argsort(known)
    position = np.searchsorted(known[order], wanted)
    position = np.minimum(position, known.size - 1)
    hit = known[order][position] == wanted
    distance[hit] = signals.image_ad_distance[order][position[hit]]
    spread[hit] = signals.image_ad_spread[order][position[hit]]
    return distance, spread

"""Photo evidence of each ad: perceptual hashes of its photos, near-identical photos between ads,
and how many contacts each photo is seen with (stock photos are weak evidence)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from adcount.candidates.hamming import DEFAULT_MAX_DISTANCE, image_pairs
from adcount.config import ImageConfig
from adcount.signals.image_spread import photo_spread
from adcount.signals.images import ImageHashes, hash_images
from adcount.signals.keys import ContactKeys

@dataclass(frozen=True)
class PhotoEvidence:
    ad_pairs: np.ndarray  # (k, 2) ad pairs sharing a near-identical photo, i < j
    ad_distance: np.ndarray  # (k,) smallest Hamming distance between their photos
    ad_spread: np.ndarray  # (k,) distinct contacts the shared photo is seen with
    radius: int
    flags: pd.DataFrame  # ad_id, image, reason for every photo that could not be hashed


def photo_evidence(table: pd.DataFrame, image_root: Path | None, config: ImageConfig,
                   contacts: ContactKeys) -> PhotoEvidence:
    radius = DEFAULT_MAX_DISTANCE if config.max_distance is None else config.max_distance
    counts = table["images"].map(len).to_numpy(dtype=np.int64)  # int even for an empty table
    owner = np.repeat(np.arange(len(table)), counts)
    relative = [p for paths in table["images"] for p in paths]
    empty = np.empty((0, 2), np.int64)
    if not relative:
        return PhotoEvidence(empty, np.empty(0, np.int64), np.empty(0, np.int64), radius, _no_flags())
    paths = [(image_root / p) if image_root is not None else Path(p) for p in relative]
    hashes = hash_images(paths, threads=config.threads)
    flags = pd.DataFrame({"ad_id": table["ad_id"].to_numpy()[owner[~hashes.ok]],
                          "image": np.asarray(relative, dtype=object)[~hashes.ok],
                          "reason": np.asarray(hashes.errors, dtype=object)[~hashes.ok]})
    photo_pairs = image_pairs(hashes, max_distance=radius)
    distance = pair_distances(hashes, photo_pairs)
    spread = _photo_spread(photo_pairs, owner, contacts)

    ad_a, ad_b = owner[photo_pairs[:, 0]], owner[photo_pairs[:, 1]]
    frame = pd.DataFrame({"a": np.minimum(ad_a, ad_b), "b": np.maximum(ad_a, ad_b), "d": distance,
                          "s": np.maximum(spread[photo_pairs[:, 0]], spread[photo_pairs[:, 1]])})
    frame = frame[frame["a"] != frame["b"]].groupby(["a", "b"], sort=True).agg(d=("d", "min"), s=("s", "max"))
    ad_pairs = np.stack([frame.index.get_level_values(0), frame.index.get_level_values(1)], axis=1).astype(np.int64)
    return PhotoEvidence(ad_pairs.reshape(-1, 2), frame["d"].to_numpy(np.int64), frame["s"].to_numpy(np.int64),
                         radius, flags)


def pair_distances(hashes: ImageHashes, pairs: np.ndarray) -> np.ndarray:
    """Smallest Hamming distance between any column of one photo and a base column of the other,
    both ways round: the distance `image_pairs` thresholded."""
    table = hashes.hashes
    base = list(hashes.base_columns)
    a, b = table[pairs[:, 0]], table[pairs[:, 1]]
    forward = np.bitwise_count(a[:, :, None] ^ b[:, None, base]).min(axis=(1, 2))
    backward = np.bitwise_count(b[:, :, None] ^ a[:, None, base]).min(axis=(1, 2))
    return np.minimum(forward, backward).astype(np.int64)


def _photo_spread(photo_pairs: np.ndarray, owner: np.ndarray, contacts: ContactKeys) -> np.ndarray:
    """Per photo: distinct phones among the ads showing it or a near copy of it."""
    phones_of_ad = contacts.matrix("phone").tolil().rows
    return photo_spread(photo_pairs, [phones_of_ad[ad] for ad in owner])


def _no_flags() -> pd.DataFrame:
    return pd.DataFrame({"ad_id": pd.Series(dtype=object), "image": pd.Series(dtype=object),
                         "reason": pd.Series(dtype=object)})

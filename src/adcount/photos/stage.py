"""Photo evidence of each ad: perceptual hashes of its photos, near-identical photos between ads,
and how many contacts each photo is seen with (stock photos are weak evidence)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from adcount.photos.hamming import DEFAULT_MAX_DISTANCE, image_pairs, pair_distances
from adcount.config import ImageConfig
from adcount.claims.persons_per_key import age_runs
from adcount.contacts.keys import ContactKeys
from adcount.photos.hashing import ImageHashes, hash_images
from adcount.photos.spread import photo_spread


@dataclass(frozen=True)
class PhotoEvidence:
    ad_pairs: np.ndarray  # (k, 2) ad pairs sharing a near-identical photo, i < j
    # of each pair's most personal shared photo (fewest contacts, then fewest claimed persons):
    ad_distance: np.ndarray  # (k,) Hamming distance between the two ads' copies of it
    ad_spread: np.ndarray  # (k,) distinct contacts it is seen with
    ad_claims: np.ndarray  # (k,) persons the ads showing it claim to be (runs of ages; 0 unknown)
    photo_count: np.ndarray  # (ads,) photos of each ad that could be hashed (a broken one compares nothing)
    radius: int
    flags: pd.DataFrame  # ad_id, column ("images"), value (the path), reason: every photo that could not be hashed


def photo_evidence(table: pd.DataFrame, image_root: Path | None, config: ImageConfig,
                   contacts: ContactKeys, age: np.ndarray, day: np.ndarray) -> PhotoEvidence:
    """Hash every photo, pair the near-identical ones, and say for each pair of ads sharing one
    how many contacts (a stock photo: many phones) and claimed persons (the photo of a flat a
    network shows for all its persons: one phone, several ages) the shared photo is seen with.
    age: claimed age per ad (NaN unknown); day: posting day per ad (NaN unknown)."""
    radius = DEFAULT_MAX_DISTANCE if config.max_distance is None else config.max_distance
    hashes, owner, flags = hash_ad_photos(table, image_root, config)
    if hashes is None:
        none = np.empty(0, np.int64)
        counts = table["images"].map(len).to_numpy(dtype=np.int64)  # int even for an empty table
        return PhotoEvidence(np.empty((0, 2), np.int64), none, none, none, counts, radius, flags)
    return hashed_photo_evidence(hashes, owner, radius, contacts, age, day, flags)


def hash_ad_photos(table: pd.DataFrame, image_root: Path | None,
                   config: ImageConfig) -> tuple[ImageHashes | None, np.ndarray, pd.DataFrame]:
    """Perceptual hashes of every photo of every ad (None when no ad shows one), the ad row of
    each photo, and the flags of the photos that could not be hashed (the loader's flag columns)."""
    counts = table["images"].map(len).to_numpy(dtype=np.int64)  # int even for an empty table
    owner = np.repeat(np.arange(len(table)), counts)
    relative = [p for paths in table["images"] for p in paths]
    if not relative:
        return None, owner, _no_flags()
    paths = [(image_root / p) if image_root is not None else Path(p) for p in relative]
    hashes = hash_images(paths, threads=config.threads)
    flags = pd.DataFrame({"ad_id": table["ad_id"].to_numpy()[owner[~hashes.ok]], "column": "images",
                          "value": np.asarray(relative, dtype=object)[~hashes.ok],
                          "reason": np.asarray(hashes.errors, dtype=object)[~hashes.ok]})
    return hashes, owner, flags


def hashed_photo_evidence(hashes: ImageHashes, owner: np.ndarray, radius: int, contacts: ContactKeys,
                          age: np.ndarray, day: np.ndarray, flags: pd.DataFrame) -> PhotoEvidence:
    """`photo_evidence` from photos already hashed (owner: the ad of each hash row; one ad per
    entry of `age`), as the persistent index reads them back from its store."""
    photo_pairs = image_pairs(hashes, max_distance=radius)
    distance = pair_distances(hashes, photo_pairs)
    spread = _photo_spread(photo_pairs, owner, contacts)
    claims = _photo_claims(photo_pairs, owner, age, day)

    first, second = photo_pairs[:, 0], photo_pairs[:, 1]
    ad_a, ad_b = owner[first], owner[second]
    frame = pd.DataFrame({"a": np.minimum(ad_a, ad_b), "b": np.maximum(ad_a, ad_b),
                          "s": np.maximum(spread[first], spread[second]),
                          "c": np.maximum(claims[first], claims[second]), "d": distance})
    # two ads sharing a personal photo and the network's flat (or a stock photo) share a personal
    # photo: each ad pair keeps its most personal shared photo, the closest copy of it
    frame = frame[frame["a"] != frame["b"]].sort_values(["a", "b", "s", "c", "d"], kind="stable")
    frame = frame.drop_duplicates(["a", "b"])
    ad_pairs = frame[["a", "b"]].to_numpy(np.int64)
    hashed = np.bincount(owner[hashes.ok], minlength=age.size).astype(np.int64)
    return PhotoEvidence(ad_pairs.reshape(-1, 2), frame["d"].to_numpy(np.int64), frame["s"].to_numpy(np.int64),
                         frame["c"].to_numpy(np.int64), hashed, radius, flags)


def _photo_spread(photo_pairs: np.ndarray, owner: np.ndarray, contacts: ContactKeys) -> np.ndarray:
    """Per photo: distinct phones among the ads showing it or a near copy of it."""
    phones_of_ad = contacts.matrix("phone").tolil().rows
    return photo_spread(photo_pairs, [phones_of_ad[ad] for ad in owner])


def _photo_claims(photo_pairs: np.ndarray, owner: np.ndarray, age: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Per photo: persons claimed (runs of close ages, `age_runs`) by the ads showing it or a
    near copy of it (its neighbours, as for `_photo_spread`)."""
    n_images = owner.size
    image = np.concatenate([np.arange(n_images), photo_pairs[:, 0], photo_pairs[:, 1]])
    shown_with = np.concatenate([np.arange(n_images), photo_pairs[:, 1], photo_pairs[:, 0]])
    incidence = sp.coo_matrix((np.ones(image.size), (image, owner[shown_with])), shape=(n_images, age.size))
    return age_runs(incidence, age, day)


def _no_flags() -> pd.DataFrame:
    """No photo flag, in the loader's flag columns."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in ("ad_id", "column", "value", "reason")})

"""Stock-photo evidence: how many distinct contacts (or persons, or any groups) show each photo.

A photo found in the ads of many different phones is more likely a stock or stolen photo than
the portrait of one person, so linkage should trust a shared photo less the more groups share
it. `photo_spread` counts, for each image, the distinct group labels among the image itself and
every image paired with it by `adcount.image_pairs` (its neighbours within the Hamming radius,
not a transitive cluster).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd


def _as_list(item: object) -> list:
    """The labels of one image: none, one, or a collection."""
    if item is None or (isinstance(item, float) and np.isnan(item)):
        return []
    if isinstance(item, (str, bytes)) or not isinstance(item, Iterable):
        return [item]
    return list(item)


def _incidence(labels: np.ndarray | Sequence) -> tuple[np.ndarray, np.ndarray, int]:
    """(image index, label code) of every (image, label) incidence, and the image count."""
    if isinstance(labels, np.ndarray):
        if labels.ndim != 1:
            raise ValueError(f"labels must hold one label per image (1-D), got shape {labels.shape}")
        images, flat = np.arange(len(labels)), labels
    else:
        per_image = [_as_list(item) for item in labels]
        images = np.repeat(np.arange(len(per_image)), [len(item) for item in per_image])
        flat = np.array([label for item in per_image for label in item] + [None], dtype=object)[:-1]
    codes, _ = pd.factorize(flat)  # None and NaN get -1
    if flat.dtype.kind in "iu":
        codes[flat < 0] = -1
    keep = codes >= 0
    return images[keep], codes[keep], len(labels)


def photo_spread(pairs: np.ndarray, labels: np.ndarray | Sequence[Hashable | Sequence[Hashable]]) -> np.ndarray:
    """For each image, how many distinct labels appear on it or on the images paired with it.

    pairs: int array (m, 2) of image pairs (as returned by `adcount.image_pairs`).
    labels: per image, its group label (contact key, person id, ...) or a collection of labels
        (every contact of the ad the image belongs to); None, NaN, an empty collection, or a
        negative value in an integer array means no label. Returns an int64 array (n_images,); an unlabelled, unpaired image gets 0.
    """
    images, codes, n = _incidence(labels)
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if len(pairs) and (pairs.min() < 0 or pairs.max() >= n):
        raise ValueError(f"pairs refer to images outside 0..{n - 1}")
    # closed neighbourhoods: every image reaches itself and both ends of each of its pairs
    source = np.concatenate([np.arange(n), pairs[:, 0], pairs[:, 1]])
    target = np.concatenate([np.arange(n), pairs[:, 1], pairs[:, 0]])
    order = np.argsort(images, kind="stable")
    images, codes = images[order], codes[order]
    starts = np.searchsorted(images, np.arange(n + 1))
    per_target = np.diff(starts)[target]
    reached_by = np.repeat(source, per_target)
    # label positions of each edge's target, laid end to end
    offsets = np.repeat(starts[target] - np.cumsum(per_target) + per_target, per_target)
    reached = codes[offsets + np.arange(len(reached_by))]
    n_labels = int(codes.max()) + 1 if len(codes) else 1
    unique = np.unique(reached_by * n_labels + reached)
    return np.bincount(unique // n_labels, minlength=n).astype(np.int64)

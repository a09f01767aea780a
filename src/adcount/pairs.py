"""Candidate pairs from exact keys: ads that share a phone, an e-mail, a handle (or any label).

Pairs are produced by sorting (key, ad) and expanding each run of equal keys with whole-array
index arithmetic. A key shared by more than `max_group` ads (a hub: an agency switchboard, a
boilerplate address) is chained instead (each ad paired with the next one in the run), which keeps
the group connected without a quadratic number of pairs.
"""

from __future__ import annotations

import numpy as np


def unique_pairs(pairs: np.ndarray) -> np.ndarray:
    """Rows (i, j) with i < j, self-pairs dropped, duplicates removed, sorted."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    lo = np.minimum(pairs[:, 0], pairs[:, 1])
    hi = np.maximum(pairs[:, 0], pairs[:, 1])
    keep = lo != hi
    if not keep.any():
        return np.empty((0, 2), dtype=np.int64)
    return np.unique(np.stack([lo[keep], hi[keep]], axis=1), axis=0)


def key_pairs(rows: np.ndarray, keys: np.ndarray, max_group: int = 200) -> np.ndarray:
    """Pairs of rows that share a key.

    rows, keys: aligned 1-D arrays, one entry per (row, key) incidence (a row may have many keys).
    Returns int64 (m, 2), i < j, unique, sorted.
    """
    rows = np.asarray(rows, dtype=np.int64)
    keys = np.asarray(keys)
    if rows.size < 2:
        return np.empty((0, 2), dtype=np.int64)
    order = np.lexsort((rows, keys))
    rows, keys = rows[order], keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, rows.size])

    small = (sizes >= 2) & (sizes <= max_group)
    full = _all_pairs_in_runs(rows, starts[small], sizes[small])
    big = sizes > max_group
    chained = _chain_runs(rows, starts[big], sizes[big])
    return unique_pairs(np.concatenate([full, chained]))


def _local_index(sizes: np.ndarray) -> np.ndarray:
    """For runs of the given sizes laid end to end: each element's position inside its run."""
    return np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)


def _all_pairs_in_runs(rows: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Every (a, b) with a before b inside each run, by index arithmetic (no Python loop)."""
    if starts.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    local = _local_index(sizes)
    elem = np.repeat(starts, sizes) + local
    later = np.repeat(sizes, sizes) - 1 - local  # how many run members follow each element
    first = np.repeat(elem, later)
    second = first + 1 + _local_index(later)
    return np.stack([rows[first], rows[second]], axis=1)


def _chain_runs(rows: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Each element paired with the next one of its run: connected, linear in the run size."""
    if starts.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    elem = np.repeat(starts, sizes - 1) + _local_index(sizes - 1)
    return np.stack([rows[elem], rows[elem + 1]], axis=1)

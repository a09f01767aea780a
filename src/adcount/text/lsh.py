"""Candidate text pairs from MinHash signatures: LSH banding by sorting, then verification.

* Bands and rows: a signature of ``num_perm`` slots is cut into ``bands`` bands of ``rows``
  slots; two texts of Jaccard similarity ``s`` share at least one band with probability
  ``1 - (1 - s**rows)**bands`` (the S-curve). :func:`optimal_bands` picks the pair that
  minimises the weighted areas under the curve below the threshold (false positives) and
  above the curve over it (false negatives), as in Leskovec, Rajaraman & Ullman, *Mining of
  Massive Datasets*, ch. 3.4, and datasketch's MinHashLSH.
* Buckets without dictionaries: each band of each row is hashed to a 64-bit key; per band,
  rows are sorted by key (``np.argsort``) and runs of equal keys are the buckets. Bands run
  on threads; sorting and the compiled pair kernel release the GIL.
* Giant buckets (thousands of re-posts of one text, or one boilerplate shared by many ads):
  a bucket larger than ``max_bucket`` is not expanded into all its pairs. Its members are
  ordered by their key in the next band (then by row) and each is paired with its next
  ``window`` members: work and output stay linear in the bucket size, members that share
  more of their signature sit next to each other, and the bucket stays connected, so
  clustering still sees one group.
* One look per pair: a similar pair shares many bands; it is considered only in the first
  band where it shares an ordinary (not giant) bucket, found by comparing the two rows'
  keys of the earlier bands. A band's new candidates are kept if their estimated Jaccard
  similarity (share of equal slots) reaches ``verify_threshold`` (default: ``threshold``).
  So each pair is verified once, and besides one band's candidates only verified pairs are
  held in memory.
* Sentinel rows (texts too short, see :func:`adcount.text.minhash.is_empty_signature`)
  are never paired.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numba import njit

from adcount.text.minhash import is_empty_signature
from adcount.text.shingles import FNV_OFFSET, fmix64, fnv_step

_QUADRATURE_NODES = 64


def _s_curve_errors(threshold: float, bands: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """False-positive and false-negative areas of each (bands, rows), by Gauss-Legendre."""
    nodes, weights = np.polynomial.legendre.leggauss(_QUADRATURE_NODES)
    below = threshold / 2 * (nodes + 1)
    above = threshold + (1 - threshold) / 2 * (nodes + 1)
    b = bands[:, None].astype(float)
    r = rows[:, None].astype(float)
    false_positive = (1 - (1 - below**r) ** b) @ weights * (threshold / 2)
    false_negative = ((1 - above**r) ** b) @ weights * ((1 - threshold) / 2)
    return false_positive, false_negative


def optimal_bands(
    threshold: float, num_perm: int, false_positive_weight: float = 0.5, false_negative_weight: float = 0.5
) -> tuple[int, int]:
    """The (bands, rows) with ``bands * rows <= num_perm`` minimising the weighted error."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be strictly between 0 and 1, got {threshold!r}")
    if false_positive_weight < 0 or false_negative_weight < 0 or false_positive_weight + false_negative_weight <= 0:
        raise ValueError("false_positive_weight and false_negative_weight must be >= 0, not both 0")
    bands = np.concatenate([np.full(num_perm // b, b) for b in range(1, num_perm + 1)])
    rows = np.concatenate([np.arange(1, num_perm // b + 1) for b in range(1, num_perm + 1)])
    false_positive, false_negative = _s_curve_errors(threshold, bands, rows)
    best = int(np.argmin(false_positive_weight * false_positive + false_negative_weight * false_negative))
    return int(bands[best]), int(rows[best])


@njit(cache=True, nogil=True)
def _band_keys(sig, ids, bands, rows):
    """64-bit key of each band of each listed row: ``keys[t, band]`` for row ``ids[t]``."""
    keys = np.empty((ids.size, bands), dtype=np.uint64)
    for t in range(ids.size):
        row = ids[t]
        for band in range(bands):
            h = fnv_step(FNV_OFFSET, band)
            for slot in range(band * rows, (band + 1) * rows):
                h = fnv_step(h, sig[row, slot])
            keys[t, band] = fmix64(h)
    return keys


@njit(cache=True, nogil=True)
def _equal_slots(sig, i, j):
    count = 0
    for slot in range(sig.shape[1]):
        count += sig[i, slot] == sig[j, slot]
    return count


@njit(cache=True, nogil=True)
def _emitted_earlier(keys, giant, p, q, band):
    """Whether positions ``p`` and ``q`` shared an ordinary bucket in an earlier band (the pair
    was considered there already)."""
    for earlier in range(band):
        if keys[p, earlier] == keys[q, earlier] and not giant[p, earlier]:
            return True
    return False


@njit(cache=True, nogil=True)
def _consider(n, ids, keys, giant, p, q, band, out, m):
    """Append the code of pair (p, q) unless an earlier band considered it already."""
    if _emitted_earlier(keys, giant, p, q, band):
        return out, m
    i, j = ids[p], ids[q]
    if m == out.size:
        grown = np.empty(2 * m, dtype=np.int64)
        grown[:m] = out[:m]
        out = grown
    out[m] = min(i, j) * n + max(i, j)
    return out, m + 1


@njit(cache=True, nogil=True)
def _verified(codes, sig, min_equal):
    """The pair codes whose rows agree on at least ``min_equal`` slots. Codes come in bucket
    order, so the rows of one bucket are read while still in cache (measured at 1M ads: 4x
    faster than verifying in sorted order)."""
    n = sig.shape[0]
    keep = np.empty(codes.size, dtype=np.bool_)
    for t in range(codes.size):
        keep[t] = _equal_slots(sig, codes[t] // n, codes[t] % n) >= min_equal
    return codes[keep]


@njit(cache=True, nogil=True)
def _band_pairs(band, order, keys, giant, n, ids, max_bucket, window):
    """Candidate pair codes from the runs of equal keys of one band (see the module docs).

    ``order`` lists positions sorted by this band's key, giant runs already ordered for
    chaining (:func:`_band_order`). A pair is considered in the first band where it shares
    an ordinary bucket, so each pair is verified once and emitted once."""
    out = np.empty(1024, dtype=np.int64)
    m = 0
    size_all = order.size
    start = 0
    while start < size_all:
        key = keys[order[start], band]
        end = start + 1
        while end < size_all and keys[order[end], band] == key:
            end += 1
        size = end - start
        if 1 < size <= max_bucket:
            for x in range(start, end):
                for y in range(x + 1, end):
                    out, m = _consider(n, ids, keys, giant, order[x], order[y], band, out, m)
        elif size > max_bucket:
            for x in range(start, end):
                for y in range(x + 1, min(x + 1 + window, end)):
                    out, m = _consider(n, ids, keys, giant, order[x], order[y], band, out, m)
        start = end
    return out[:m]


@njit(cache=True, nogil=True)
def _jaccard_estimates(sig, pairs):
    out = np.empty(pairs.shape[0], dtype=np.float64)
    for t in range(pairs.shape[0]):
        out[t] = _equal_slots(sig, pairs[t, 0], pairs[t, 1]) / sig.shape[1]
    return out


def _distinct(codes: np.ndarray) -> np.ndarray:
    """Sorted distinct values (``np.sort`` and a mask: several times faster than ``np.unique``
    on large int64 arrays with numpy 2.x, and the sort releases the GIL)."""
    codes = np.sort(codes)
    keep = np.empty(codes.size, dtype=bool)
    keep[:1] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    return codes[keep]


def _band_order(keys: np.ndarray, band: int, ids: np.ndarray, max_bucket: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions sorted by their key in ``band``, and which positions sit in a giant run.

    Members of runs longer than ``max_bucket`` are ordered by (key in the next band, row), so
    that chaining pairs members that share more of their signature."""
    column = np.ascontiguousarray(keys[:, band])
    order = np.argsort(column)
    sorted_keys = column[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, sorted_keys.size])
    giant = np.zeros(column.size, dtype=bool)
    if (sizes > max_bucket).any():
        run = np.repeat(np.arange(starts.size), sizes)
        inside = np.flatnonzero((sizes > max_bucket)[run])
        members = order[inside]
        next_keys = keys[members, (band + 1) % keys.shape[1]]
        order[inside] = members[np.lexsort((ids[members], next_keys, run[inside]))]
        giant[members] = True
    return order, giant


def _check_signatures(sig: np.ndarray) -> np.ndarray:
    sig = np.asarray(sig)
    if sig.ndim != 2 or sig.dtype.kind != "u":
        raise ValueError(f"signatures must be a 2-d unsigned integer array, got {sig.dtype} with shape {sig.shape}")
    return np.ascontiguousarray(sig)


def _resolve_bands(threshold: float, num_perm: int, bands: int | None, rows: int | None, weights) -> tuple[int, int]:
    if bands is None and rows is None:
        return optimal_bands(threshold, num_perm, *weights)
    if bands is None:
        bands = num_perm // rows
    if rows is None:
        rows = num_perm // bands
    if bands < 1 or rows < 1 or bands * rows > num_perm:
        raise ValueError(f"bands * rows must be between 1 and num_perm={num_perm}, got {bands} x {rows}")
    return int(bands), int(rows)


def lsh_pairs(
    sig: np.ndarray,
    threshold: float = 0.5,
    bands: int | None = None,
    rows: int | None = None,
    *,
    verify_threshold: float | None = None,
    max_bucket: int = 256,
    window: int = 8,
    false_positive_weight: float = 0.5,
    false_negative_weight: float = 0.5,
    n_threads: int | None = None,
) -> np.ndarray:
    """Pairs of rows whose texts are probably similar (Jaccard >= ``threshold``).

    Returns an ``int64`` array ``(m, 2)`` of row positions with ``i < j``, unique, sorted.

    Args:
        sig: signatures from :func:`adcount.minhash`, one row per text.
        threshold: the Jaccard similarity the banding targets.
        bands, rows: override the banding chosen by :func:`optimal_bands`.
        verify_threshold: keep a candidate only if its estimated Jaccard reaches this
            (default ``threshold``; ``0`` keeps every candidate).
        max_bucket: buckets larger than this are chained, not expanded (module docs).
        window: neighbours each member of a chained bucket is paired with.
        false_positive_weight, false_negative_weight: weights of :func:`optimal_bands`.
        n_threads: threads over bands (default: all cores).
    """
    sig = _check_signatures(sig)
    n, num_perm = sig.shape
    n_bands, n_rows = _resolve_bands(threshold, num_perm, bands, rows, (false_positive_weight, false_negative_weight))
    verify = threshold if verify_threshold is None else verify_threshold
    min_equal = math.ceil(verify * num_perm - 1e-9)
    if max_bucket < 2 or window < 1:
        raise ValueError(f"max_bucket must be >= 2 and window >= 1, got {max_bucket} and {window}")
    ids = np.flatnonzero(~is_empty_signature(sig)).astype(np.int64)
    keys = _band_keys(sig, ids, n_bands, n_rows)
    with ThreadPoolExecutor(max_workers=n_threads or os.cpu_count() or 1) as pool:
        orders, giants = zip(*pool.map(lambda band: _band_order(keys, band, ids, max_bucket), range(n_bands)))
        giant = np.stack(giants, axis=1)
        del giants
        found = list(pool.map(
            lambda band: _verified(_band_pairs(band, orders[band], keys, giant, n, ids, max_bucket, window), sig, min_equal),
            range(n_bands),
        ))
    codes = _distinct(np.concatenate(found))  # duplicates only from chained giant buckets
    return np.stack([codes // n, codes % n], axis=1) if n else np.zeros((0, 2), dtype=np.int64)


def jaccard_estimate(sig: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each pair: the share of equal signature slots.

    Pairs involving a sentinel row (a text too short to compare) get NaN: no text evidence.
    """
    sig = _check_signatures(sig)
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if pairs.size and (pairs.min() < 0 or pairs.max() >= sig.shape[0]):
        raise IndexError(f"pairs refer to rows outside 0..{sig.shape[0] - 1}")
    estimates = _jaccard_estimates(sig, pairs)
    empty = is_empty_signature(sig)
    estimates[empty[pairs[:, 0]] | empty[pairs[:, 1]]] = np.nan
    return estimates

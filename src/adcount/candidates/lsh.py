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
* Verification: the candidates of all bands are merged (sorted, duplicates dropped: a
  similar pair shares many bands) and each is kept only if its estimated Jaccard similarity
  (share of equal slots) reaches ``verify_threshold`` (default: ``threshold``). Verifying
  once per distinct pair, in row order, keeps the random reads of signatures to a minimum.
* Sentinel rows (texts too short, see :func:`adcount.signals.minhash.is_empty_signature`)
  are never paired.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numba import njit

from adcount.signals.minhash import is_empty_signature
from adcount.signals.shingles import FNV_OFFSET, fmix64, fnv_step

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
    """64-bit key of each band of each listed row: ``keys[band, t]`` for row ``ids[t]``."""
    keys = np.empty((bands, ids.size), dtype=np.uint64)
    for t in range(ids.size):
        row = ids[t]
        for band in range(bands):
            h = fnv_step(FNV_OFFSET, band)
            for slot in range(band * rows, (band + 1) * rows):
                h = fnv_step(h, sig[row, slot])
            keys[band, t] = fmix64(h)
    return keys


@njit(cache=True, nogil=True)
def _equal_slots(sig, i, j):
    count = 0
    for slot in range(sig.shape[1]):
        count += sig[i, slot] == sig[j, slot]
    return count


@njit(cache=True, nogil=True)
def _append_code(out, m, i, j, n):
    """Append the pair code ``min * n + max``; grow ``out`` when full."""
    if m == out.size:
        grown = np.empty(2 * m, dtype=np.int64)
        grown[:m] = out[:m]
        out = grown
    out[m] = min(i, j) * n + max(i, j)
    return out, m + 1


@njit(cache=True, nogil=True)
def _band_candidates(sorted_keys, members, n, max_bucket, window):
    """Candidate pair codes from the runs of equal keys of one band (see the module docs).

    Members of giant runs come already ordered for chaining (:func:`_chain_order`)."""
    out = np.empty(1024, dtype=np.int64)
    m = 0
    size_all = sorted_keys.size
    start = 0
    while start < size_all:
        end = start + 1
        while end < size_all and sorted_keys[end] == sorted_keys[start]:
            end += 1
        size = end - start
        if 1 < size <= max_bucket:
            for x in range(start, end):
                for y in range(x + 1, end):
                    out, m = _append_code(out, m, members[x], members[y], n)
        elif size > max_bucket:
            for x in range(start, end):
                for y in range(x + 1, min(x + 1 + window, end)):
                    out, m = _append_code(out, m, members[x], members[y], n)
        start = end
    return out[:m]


@njit(cache=True, nogil=True)
def _verified(codes, sig, min_equal):
    """Decode sorted pair codes into (i, j) rows, keeping pairs with enough equal slots."""
    n = sig.shape[0]
    out = np.empty((codes.size, 2), dtype=np.int64)
    m = 0
    for t in range(codes.size):
        i = codes[t] // n
        j = codes[t] % n
        if _equal_slots(sig, i, j) >= min_equal:
            out[m, 0] = i
            out[m, 1] = j
            m += 1
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


def _chain_order(sorted_keys: np.ndarray, order: np.ndarray, next_keys: np.ndarray, ids: np.ndarray,
                 max_bucket: int) -> np.ndarray:
    """Reorder the members of runs longer than ``max_bucket`` by (key in the next band, row)."""
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, sorted_keys.size])
    giant = sizes > max_bucket
    if not giant.any():
        return order
    run = np.repeat(np.arange(starts.size), sizes)
    inside = np.flatnonzero(giant[run])
    members = order[inside]
    order = order.copy()
    order[inside] = members[np.lexsort((ids[members], next_keys[members], run[inside]))]
    return order


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

    def band_candidates(band: int) -> np.ndarray:
        order = np.argsort(keys[band])
        sorted_keys = keys[band][order]
        order = _chain_order(sorted_keys, order, keys[(band + 1) % n_bands], ids, max_bucket)
        return _band_candidates(sorted_keys, ids[order], n, max_bucket, window)  # distinct within a band

    with ThreadPoolExecutor(max_workers=n_threads or os.cpu_count() or 1) as pool:
        found = list(pool.map(band_candidates, range(n_bands)))
    codes = _distinct(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    return _verified(codes, sig, min_equal)


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

"""Batched pHash: the DCT of a whole stack of 32x32 grey images at once, bits packed into uint64.

The perceptual hash of Zauner (2010) / Krawetz ("Looks like it", 2011), as imagehash computes it:
a 2-D DCT-II (unnormalised) of the 32x32 grey image, its 8x8 lowest-frequency corner, each
coefficient compared with the median of those 64.

Two ways to get the 8x8 corner, for two purposes:

* `phash_exact`: scipy's FFT-based DCT in float64, in imagehash's order (axis of rows first), so
  that mode="imagehash" agrees with ``imagehash.phash`` bit for bit, even on flat images whose
  coefficients are rounding noise.
* `phash_fast`: only the 64 wanted coefficients (C X C^T with the 8x32 DCT basis C), summed in
  a numba kernel that releases the GIL, so each decoding thread hashes its own photo's views;
  mirrored lines are summed first (the basis is even or odd about the middle), halving the work.
"""

from __future__ import annotations

import functools

import numba
import numpy as np
import scipy.fft

HASH_SIDE = 8
"""The hash keeps the HASH_SIDE x HASH_SIDE lowest DCT frequencies: 64 bits."""

# bit k of the row-major 8x8 bit grid is bit (63 - k) of the integer, as in imagehash's hex string
_BIT_WEIGHTS = np.left_shift(np.uint64(1), np.arange(63, -1, -1, dtype=np.uint64))


def _check(pixels: np.ndarray) -> np.ndarray:
    stack = np.asarray(pixels)
    if stack.ndim != 3 or stack.shape[1] < HASH_SIDE or stack.shape[2] < HASH_SIDE:
        raise ValueError(f"expected a stack of shape (n, s, s) with s >= {HASH_SIDE}, got {stack.shape}")
    return stack


def _median_bits(low: np.ndarray) -> np.ndarray:
    """(n, 64) coefficients -> uint64 hashes: bit set where the coefficient exceeds the median."""
    bits = low > np.median(low, axis=1, keepdims=True)
    return (bits.astype(np.uint64) * _BIT_WEIGHTS).sum(axis=1, dtype=np.uint64)


def phash_exact(pixels: np.ndarray) -> np.ndarray:
    """pHash of every image in ``pixels`` ((n, s, s), any real dtype) -> uint64 (n,), computed
    exactly as ``imagehash.phash`` does (float64 FFT-based DCT along rows, then columns)."""
    stack = _check(pixels).astype(np.float64)
    # each 1-D transform is computed line by line, so keeping only the low rows of the first
    # pass before the second changes no value, and saves most of the second pass
    rows = scipy.fft.dct(stack, axis=1)[:, :HASH_SIDE, :]
    low = scipy.fft.dct(rows, axis=2)[:, :, :HASH_SIDE]
    return _median_bits(low.reshape(len(stack), HASH_SIDE * HASH_SIDE))


@functools.cache
def _dct_basis(side: int) -> np.ndarray:
    """The HASH_SIDE x side rows of the unnormalised DCT-II matrix: 2 cos(pi k (2n + 1) / 2 side)."""
    k = np.arange(HASH_SIDE)[:, None]
    n = np.arange(side)[None, :]
    return 2.0 * np.cos(np.pi * k * (2 * n + 1) / (2 * side))


@numba.njit(cache=True, nogil=True)
def _phash_kernel(grids: np.ndarray, basis: np.ndarray) -> np.ndarray:
    """uint64 pHash of each (side, side) grid: 8x8 corner C X C^T, median split, packed.

    The DCT basis is even (k even) or odd (k odd) about the middle, C[k, side-1-y] = (-1)^k
    C[k, y], so each pass sums the mirrored pairs of lines first: half the multiplications.
    """
    count, side = grids.shape[0], grids.shape[1]
    pairs = side // 2
    hashes = np.empty(count, dtype=np.uint64)
    folded = np.empty((2, pairs + 1, side))  # line y + mirror (even k), line y - mirror (odd k)
    half = np.empty((HASH_SIDE, side))
    low = np.empty(HASH_SIDE * HASH_SIDE)
    for g in range(count):
        for y in range(pairs):
            for x in range(side):
                top, mirror = grids[g, y, x], grids[g, side - 1 - y, x]
                folded[0, y, x] = top + mirror
                folded[1, y, x] = top - mirror
        for x in range(side):  # the middle line of an odd side (odd k weigh it 0)
            folded[0, pairs, x] = grids[g, pairs, x] if side % 2 else 0.0
        for k in range(HASH_SIDE):  # along columns: half[k, x] = sum_y C[k, y] X[y, x]
            parity = k % 2
            for x in range(side):
                half[k, x] = 0.0
            for y in range(pairs + (1 - parity) * (side % 2)):
                weight = basis[k, y]
                for x in range(side):
                    half[k, x] += weight * folded[parity, y, x]
        for k in range(HASH_SIDE):  # along rows: low[k, l] = sum_x half[k, x] C[l, x]
            for l in range(HASH_SIDE):
                sign = 1.0 if l % 2 == 0 else -1.0
                total = basis[l, pairs] * half[k, pairs] if side % 2 and l % 2 == 0 else 0.0
                for x in range(pairs):
                    total += basis[l, x] * (half[k, x] + sign * half[k, side - 1 - x])
                low[k * HASH_SIDE + l] = total
        median = np.median(low)
        value = np.uint64(0)
        for bit in range(HASH_SIDE * HASH_SIDE):
            if low[bit] > median:
                value |= np.uint64(1) << np.uint64(HASH_SIDE * HASH_SIDE - 1 - bit)
        hashes[g] = value
    return hashes


def phash_fast(pixels: np.ndarray) -> np.ndarray:
    """pHash of every image in ``pixels`` ((n, s, s)) -> uint64 (n,): only the 64 wanted
    coefficients, by direct sums in a numba kernel that releases the GIL (same hash as
    `phash_exact` up to float rounding)."""
    stack = _check(pixels)
    return _phash_kernel(np.ascontiguousarray(stack, dtype=np.float32), _dct_basis(stack.shape[1]))

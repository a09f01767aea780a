"""Batched pHash: one DCT over a whole stack of 32x32 grey images, bits packed into uint64.

The perceptual hash of Zauner (2010) / Krawetz ("Looks like it", 2011), as imagehash computes it:
a 2-D DCT-II (unnormalised) of the 32x32 grey image, its 8x8 lowest-frequency corner, each
coefficient compared with the median of those 64. Doing the DCT on an (n, 32, 32) stack at once
replaces n small scipy calls by one.
"""

from __future__ import annotations

import numpy as np
import scipy.fft

HASH_SIDE = 8
"""The hash keeps the HASH_SIDE x HASH_SIDE lowest DCT frequencies: 64 bits."""

# bit k of the row-major 8x8 bit grid is bit (63 - k) of the integer, as in imagehash's hex string
_BIT_WEIGHTS = np.left_shift(np.uint64(1), np.arange(63, -1, -1, dtype=np.uint64))


def phash_stack(pixels: np.ndarray) -> np.ndarray:
    """pHash of every image in ``pixels`` (shape (n, s, s), any real dtype) -> uint64 array (n,).

    The DCT runs in float64 along axis 1 then axis 2, the same order and precision as
    ``imagehash.phash`` (rows of the image are axis 0 there), so hashes agree bit for bit.
    """
    stack = np.asarray(pixels, dtype=np.float64)
    if stack.ndim != 3 or stack.shape[1] < HASH_SIDE or stack.shape[2] < HASH_SIDE:
        raise ValueError(f"expected a stack of shape (n, s, s) with s >= {HASH_SIDE}, got {stack.shape}")
    # each 1-D transform is computed line by line, so keeping only the low rows of the first
    # pass before the second changes no value, and saves most of the second pass
    rows = scipy.fft.dct(stack, axis=1)[:, :HASH_SIDE, :]
    low = scipy.fft.dct(rows, axis=2)[:, :, :HASH_SIDE].reshape(len(stack), HASH_SIDE * HASH_SIDE)
    bits = low > np.median(low, axis=1, keepdims=True)
    return pack_bits(bits)


def pack_bits(bits: np.ndarray) -> np.ndarray:
    """Pack boolean rows of 64 bits (first bit most significant) into uint64."""
    return (bits.astype(np.uint64) * _BIT_WEIGHTS).sum(axis=1, dtype=np.uint64)

"""Shingles of normalised texts and their 32-bit hashes, as compiled kernels.

A shingle is a character k-gram of a text or a word k-gram (words split on spaces, which
is how the normaliser separates them). Its hash: a polynomial rolling hash of its code points
modulo 2**64 (word shingles: FNV-1a over the 64-bit FNV-1a hashes of its words), then the
64-bit MurmurHash3 finalizer, keeping the high 32 bits. :func:`shingle_hashes` exposes these hashes, e.g. to feed
datasketch (see :mod:`adcount.text.minhash`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numba import njit

from adcount.text.normalize import normalize_encoded
from adcount.text.blocks import checked_texts, encode_block

SHINGLES = ("char", "word")

_MASK32 = np.uint64(0xFFFFFFFF)
FNV_OFFSET = np.uint64(0xCBF29CE484222325)
FNV_PRIME = np.uint64(0x100000001B3)
ROLLING_BASE = np.uint64(0x9E3779B97F4A7C15)  # odd: multiplication by it is a bijection mod 2**64
_SPACE = 32


@njit(cache=True, nogil=True)
def fmix64(h):
    """MurmurHash3's 64-bit finalizer (an avalanching bijection on uint64)."""
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


@njit(cache=True, nogil=True)
def fmix32(h):
    """MurmurHash3's 32-bit finalizer on a value held in a uint64."""
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x85EBCA6B)) & _MASK32
    h ^= h >> np.uint64(13)
    h = (h * np.uint64(0xC2B2AE35)) & _MASK32
    return h ^ (h >> np.uint64(16))


@njit(cache=True, nogil=True)
def fnv_step(h, value):
    return (h ^ np.uint64(value)) * FNV_PRIME


@njit(cache=True, nogil=True)
def _char_shingles(cps, start, end, k, out):
    """32-bit hashes of the character k-grams of ``cps[start:end]``; returns their number.

    A k-gram ``c_0 .. c_{k-1}`` is the polynomial ``sum c_i * P**(k-1-i)`` modulo 2**64,
    rolled from one k-gram to the next with two multiplications, then finalised."""
    count = max(end - start - k + 1, 0)
    if count == 0:
        return 0
    top = np.uint64(1)  # P ** (k - 1)
    for _ in range(k - 1):
        top *= ROLLING_BASE
    h = np.uint64(0)
    for j in range(start, start + k):
        h = h * ROLLING_BASE + np.uint64(cps[j])
    out[0] = fmix64(h) >> np.uint64(32)
    for s in range(1, count):
        h = (h - np.uint64(cps[start + s - 1]) * top) * ROLLING_BASE + np.uint64(cps[start + s + k - 1])
        out[s] = fmix64(h) >> np.uint64(32)
    return count


@njit(cache=True, nogil=True)
def _word_shingles(cps, start, end, k, out):
    """32-bit hashes of the word k-grams of ``cps[start:end]`` (words split on spaces)."""
    n_words = 0
    i = start
    while i < end:  # word hashes first, written at the front of `out`
        if cps[i] == _SPACE:
            i += 1
            continue
        h = FNV_OFFSET
        while i < end and cps[i] != _SPACE:
            h = fnv_step(h, cps[i])
            i += 1
        out[n_words] = fmix64(h)
        n_words += 1
    count = max(n_words - k + 1, 0)
    for s in range(count):  # in place: shingle s only reads words s .. s+k-1
        h = FNV_OFFSET
        for j in range(s, s + k):
            h = fnv_step(h, out[j])
        out[s] = fmix64(h) >> np.uint64(32)
    return count


@njit(cache=True, nogil=True)
def doc_shingles(cps, start, end, k, by_word, out):
    if by_word:
        return _word_shingles(cps, start, end, k, out)
    return _char_shingles(cps, start, end, k, out)


@njit(cache=True, nogil=True)
def block_shingle_hashes(cps, offsets, k, by_word):
    """All shingle hashes of a block and their per-text offsets (for export and tests)."""
    n_docs = offsets.size - 1
    hashes = np.empty(max(cps.size, 1), dtype=np.uint64)
    out_offsets = np.zeros(n_docs + 1, dtype=np.int64)
    for d in range(n_docs):
        begin = out_offsets[d]
        count = doc_shingles(cps, offsets[d], offsets[d + 1] - 1, k, by_word, hashes[begin:])
        out_offsets[d + 1] = begin + count
    return hashes[: out_offsets[-1]].astype(np.uint32), out_offsets


def check_shingle_options(shingle: str, k: int) -> None:
    """Raise ``ValueError`` for an unknown shingle kind or a shingle length below 1."""
    if shingle not in SHINGLES:
        raise ValueError(f"shingle must be one of {SHINGLES}, got {shingle!r}")
    if not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")


def shingle_hashes(
    texts: Iterable[str | None], shingle: str = "char", k: int = 5, *, normalize: bool = True
) -> list[np.ndarray]:
    """The 32-bit shingle hashes :func:`adcount.minhash` uses, one array per text.

    Feed them to datasketch (``MinHash(seed=..., num_perm=..., hashfunc=int)`` then
    ``update_batch``) to get the same signature in datasketch.
    """
    check_shingle_options(shingle, k)
    items = checked_texts(texts)
    cps, offsets = encode_block(items, nfkc=normalize)
    if normalize:
        cps, offsets = normalize_encoded(cps, offsets)
    hashes, bounds = block_shingle_hashes(cps, offsets, k, shingle == "word")
    return np.split(hashes, bounds[1:-1])

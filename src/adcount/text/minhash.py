"""MinHash signatures of ad texts, compiled with numba and computed on threads over blocks.

Scheme (chosen so that signatures are bit-for-bit those of datasketch >= 2.0's default
``"affine32"`` scheme, given the same shingle hashes, seed and number of permutations):

* a shingle (a character k-gram of the normalised text, or a word k-gram) is hashed to 32
  bits by :mod:`adcount.text.shingles`;
* that hash is mixed once with the 32-bit MurmurHash3 finalizer, then permuted by
  ``a_k * h + b_k mod 2**32`` with odd ``a_k`` (a bijection), ``a`` and ``b`` drawn from
  ``numpy.random.RandomState(seed)`` exactly as datasketch draws them;
* slot ``k`` of a signature is the minimum of permutation ``k`` over the text's shingles.

datasketch's older "legacy" scheme (``a*h+b mod 2**61-1`` truncated to 32 bits) is not used:
it needs 64-bit products that do not vectorise, and datasketch 2.0 documents it as biased
on large sets and kept only for old sketches.

Texts with fewer than ``min_shingles`` shingles (empty or very short ads) get the sentinel
row, every slot :data:`EMPTY_SLOT` (datasketch's own "empty MinHash" value); such rows are
never paired by :func:`adcount.lsh_pairs`, so short texts are never linked on text alone.
Test rows with :func:`is_empty_signature`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numba import njit

from adcount.text.normalize import normalize_encoded
from adcount.text.blocks import BLOCK_SIZE, checked_texts, distinct_texts, run_blocks
from adcount.text.shingles import check_shingle_options, doc_shingles, fmix32

EMPTY_SLOT = np.uint32(0xFFFFFFFF)
DEFAULT_MIN_SHINGLES = {"char": 24, "word": 6}  # about a 28-character text or 10 words


@njit(cache=True, nogil=True)
def _block_signatures(cps, offsets, k, by_word, min_shingles, a, b, out):
    """Fill ``out[d]`` with the signature of text ``d`` of a block laid out by ``encode_block``."""
    n_docs = offsets.size - 1
    num_perm = a.size
    longest = 1
    for d in range(n_docs):
        longest = max(longest, offsets[d + 1] - offsets[d])
    hashes = np.empty(longest, dtype=np.uint64)
    row = np.empty(num_perm, dtype=np.uint32)
    for d in range(n_docs):
        count = doc_shingles(cps, offsets[d], offsets[d + 1] - 1, k, by_word, hashes)
        row[:] = EMPTY_SLOT
        if count >= min_shingles:
            for s in range(count):
                h = np.uint32(fmix32(hashes[s]))
                for p in range(num_perm):
                    value = np.uint32(a[p] * h + b[p])  # modulo 2**32
                    if value < row[p]:
                        row[p] = value
        out[d, :] = row


def permutations(num_perm: int = 128, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` parameters of the permutations: odd ``a``, any ``b``, both uint32.

    Drawn from ``numpy.random.RandomState(seed)`` in the order datasketch's affine32 scheme
    draws them, so that the same seed gives the same permutations.
    """
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def is_empty_signature(sig: np.ndarray) -> np.ndarray:
    """Boolean mask of the sentinel rows (texts too short to be linked on text alone)."""
    sig = np.asarray(sig)
    return np.all(sig == EMPTY_SLOT, axis=-1)


def _check_options(shingle: str, k: int, num_perm: int, min_shingles: int | None) -> int:
    check_shingle_options(shingle, k)
    if not isinstance(num_perm, int | np.integer) or num_perm < 1:
        raise ValueError(f"num_perm must be a positive integer, got {num_perm!r}")
    if min_shingles is None:
        return DEFAULT_MIN_SHINGLES[shingle]
    if min_shingles < 1:
        raise ValueError(f"min_shingles must be at least 1, got {min_shingles!r}")
    return int(min_shingles)


def minhash(
    texts: Iterable[str | None],
    num_perm: int = 128,
    seed: int = 1,
    shingle: str = "char",
    k: int = 5,
    *,
    normalize: bool = True,
    min_shingles: int | None = None,
    block_size: int = BLOCK_SIZE,
    n_threads: int | None = None,
) -> np.ndarray:
    """MinHash signatures of texts, one row per text: ``uint32`` array ``(n, num_perm)``.

    Args:
        texts: ad texts; ``None``/NaN count as empty texts.
        num_perm: number of permutations (signature length).
        seed: permutation seed (same seed, same permutations as datasketch).
        shingle: ``"char"`` (character k-grams) or ``"word"`` (word k-grams).
        k: shingle length, in characters or words.
        normalize: run :func:`adcount.normalize_text` first (the default); pass ``False``
            for texts normalised already.
        min_shingles: texts with fewer shingles get the sentinel row (see
            :func:`is_empty_signature`); default 24 character or 6 word shingles.
        block_size: texts per compiled call; memory grows with it, not with ``len(texts)``.
        n_threads: worker threads (default: all cores). The main thread prepares blocks
            while workers normalise and hash earlier ones.
    """
    minimum = _check_options(shingle, k, num_perm, min_shingles)
    distinct, rows = distinct_texts(checked_texts(texts))
    a, b = permutations(num_perm, seed)
    out = np.empty((len(distinct), num_perm), dtype=np.uint32)
    by_word = shingle == "word"

    def work(first: int, cps: np.ndarray, offsets: np.ndarray) -> None:
        if normalize:
            cps, offsets = normalize_encoded(cps, offsets)
        _block_signatures(cps, offsets, k, by_word, minimum, a, b, out[first : first + offsets.size - 1])

    run_blocks(distinct, work, nfkc=normalize, block_size=block_size, n_threads=n_threads)
    return out if len(distinct) == len(rows) else out[rows]


def to_datasketch(sig: np.ndarray, seed: int = 1) -> list:
    """Signatures as ``datasketch.LeanMinHash`` objects (scheme ``"affine32"``), one per row.

    ``seed`` must be the seed the signatures were made with; the number of permutations is
    the signature width. Sentinel rows become datasketch's empty MinHash (all slots at the
    maximum), which datasketch treats the same way. Needs datasketch >= 2.0.
    """
    from datasketch import LeanMinHash

    sig = np.asarray(sig)
    if sig.ndim != 2 or sig.dtype != np.uint32:
        raise ValueError(f"signatures must be a 2-d uint32 array, got {sig.dtype} with shape {sig.shape}")
    try:
        return [LeanMinHash(seed=seed, hashvalues=row, scheme="affine32") for row in sig]
    except TypeError as error:  # datasketch < 2.0 has no `scheme`
        raise ImportError("to_datasketch needs datasketch >= 2.0 (the affine32 scheme)") from error

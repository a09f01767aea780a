"""Disguise-proof text normaliser for ad texts.

Two re-posts of one ad must normalise to (nearly) the same string even when the poster
changed accents, swapped Latin letters for Cyrillic or fullwidth look-alikes, added emoji,
wrote "b0nj0ur", stretched "sexyyyy", spaced out "s.e.x.y" or changed the phone number.
The output is lower-case ASCII words and digits separated by single spaces (letters of
non-Latin scripts are kept), plus the placeholders ``EMAIL``, ``URL`` and ``PHONE``.

Steps:

1. NFKC (fullwidth, mathematical alphanumerics, circled letters, ligatures), in Python on a
   whole block of texts joined by NUL characters.
2. Compiled passes over the block's code points (numba, no Python per character):
   the fold table of :mod:`~adcount.text.confusables` (case folding, accents stripped,
   look-alikes to Latin, invisible characters deleted, emoji and decorative symbols to a
   separator); the
   contact masks of :mod:`~adcount.text.masks`; then the word passes of
   :mod:`~adcount.text.words` (words spelled out with punctuation re-joined,
   leetspeak undone, punctuation and spaces collapsed, words spelled out with spaces
   re-joined, stretched letters collapsed). The order makes the normaliser idempotent on
   its own output (up to contact masking).

:func:`normalize_encoded` hands the result to MinHash as code points (blocks built by
:mod:`~adcount.text.blocks`), without building Python strings;
:func:`normalize_texts` decodes it.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numba import njit

from adcount.text.confusables import FOLD_TABLE
from adcount.text.blocks import BLOCK_SIZE, checked_texts, distinct_texts, run_blocks
from adcount.text.masks import mask_emails, mask_phones, mask_urls
from adcount.text.words import collapse_repeats, join_spaced_letters, spacing, unleet

_GROWTH = 16  # worst-case growth of a text through the passes (fold x8, e-mail x1.4, URL x1.25)


@njit(cache=True, nogil=True)
def _fold(src, start, end, table, expansions, expansion_lengths, dst):
    """Apply the fold table to ``src[start:end]``; return the output length."""
    m = 0
    for i in range(start, end):
        code = table[src[i]]
        if code >= 0:
            dst[m] = code
            m += 1
        elif code <= -2:
            row = -2 - code
            for k in range(expansion_lengths[row]):
                dst[m] = expansions[row, k]
                m += 1
    return m


@njit(cache=True, nogil=True)
def _join_and_collapse(a, k, b):
    """Re-join spaced letters and collapse repeats until neither changes anything (result in
    ``a``). Collapsing can leave new lone letters ("a a sss a" -> "a a s a") that a second round
    joins, so one round is not idempotent; both passes only shrink the text, so this ends."""
    while True:
        shorter = collapse_repeats(b, join_spaced_letters(a, k, b, True), a)
        if shorter == k:
            return k
        k = shorter


@njit(cache=True, nogil=True)
def _normalize_block(cps, offsets, table, expansions, expansion_lengths):
    """Run every compiled pass on each text of a block (layout of ``encode_block``)."""
    n_docs = offsets.size - 1
    longest = 0
    for d in range(n_docs):
        longest = max(longest, offsets[d + 1] - offsets[d])
    a = np.empty(_GROWTH * longest + 64, dtype=np.uint32)
    b = np.empty_like(a)
    out = np.empty(cps.size + n_docs + 64, dtype=np.uint32)
    out_offsets = np.zeros(n_docs + 1, dtype=np.int64)
    m = 0
    for d in range(n_docs):
        k = _fold(cps, offsets[d], offsets[d + 1] - 1, table, expansions, expansion_lengths, a)
        k = mask_emails(a, k, b)
        k = mask_urls(b, k, a)
        k = mask_phones(a, k, b)
        k = join_spaced_letters(b, k, a, False)
        k = unleet(a, k, b)
        k = spacing(b, k, a)
        k = _join_and_collapse(a, k, b)
        if m + k + 1 > out.size:
            grown = np.empty(2 * (m + k + 1), dtype=np.uint32)
            grown[:m] = out[:m]
            out = grown
        out[m : m + k] = a[:k]
        out[m + k] = 0
        m += k + 1
        out_offsets[d + 1] = m
    return out[:m], out_offsets


def normalize_encoded(cps: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Normalise a block made by :func:`~adcount.text.blocks.encode_block`; same
    layout in and out.

    Compiled and GIL-free, so blocks can be normalised on several threads.
    """
    FOLD_TABLE.ensure(cps[cps >= 128])
    return _normalize_block(cps, offsets, FOLD_TABLE.codes, FOLD_TABLE.expansions, FOLD_TABLE.expansion_lengths)


def _decoded(first: int, cps: np.ndarray, offsets: np.ndarray) -> list[str]:
    cps, _ = normalize_encoded(cps, offsets)
    return cps.tobytes().decode("utf-32-le").split("\x00")[:-1]


def normalize_texts(
    texts: Iterable[str | None], *, block_size: int = BLOCK_SIZE, n_threads: int | None = None
) -> list[str]:
    """Normalise many texts (see the module docs); one output per input, in order.

    Missing texts (``None`` or NaN, as pandas gives them) become ``""``; any other non-string
    is a ``TypeError`` naming its position. Identical texts (re-posted ads often are) are
    normalised once. Blocks of ``block_size`` texts are normalised on ``n_threads`` threads
    (default: all cores).
    """
    distinct, rows = distinct_texts(checked_texts(texts))
    blocks = run_blocks(distinct, _decoded, block_size=block_size, n_threads=n_threads)
    normalised = [text for block in blocks for text in block]
    return list(map(normalised.__getitem__, rows.tolist()))


def normalize_text(text: str) -> str:
    """Normalise one ad text for near-duplicate detection.

    >>> normalize_text("B0NJ0UR, je suis Ｌｏｌａ 😘 appelle au 06.12.34.56.78 !!!")
    'bonjour je suis lola appelle au PHONE'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_text expects a str, got {type(text).__name__}")
    return normalize_texts([text])[0]

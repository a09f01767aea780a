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
   the fold table of :mod:`~adcount.normalize.confusables` (case folding, accents stripped,
   look-alikes to Latin, invisible characters deleted, emoji and decorative symbols to a
   separator); the
   contact masks of :mod:`~adcount.normalize.text_masks`; then the word passes of
   :mod:`~adcount.normalize.text_words` (words spelled out with punctuation re-joined,
   leetspeak undone, punctuation and spaces collapsed, words spelled out with spaces
   re-joined, stretched letters collapsed). The order makes the normaliser idempotent on
   its own output (up to contact masking).

:func:`encode_block` and :func:`normalize_encoded` hand the result to MinHash as code
points, without building Python strings; :func:`normalize_texts` decodes it.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
from numba import njit

from adcount.normalize.confusables import FOLD_TABLE
from adcount.normalize.text_masks import mask_emails, mask_phones, mask_urls
from adcount.normalize.text_words import collapse_repeats, join_spaced_letters, spacing, unleet

BLOCK_SIZE = 4096  # texts normalised per compiled call; bounds the scratch memory
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
def _normalize_block(cps, offsets, table, expansions, expansion_lengths):
    """Run every compiled pass on each text of a block laid out as by :func:`encode_block`."""
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
        k = join_spaced_letters(a, k, b, True)
        k = collapse_repeats(b, k, a)
        if m + k + 1 > out.size:
            grown = np.empty(2 * (m + k + 1), dtype=np.uint32)
            grown[:m] = out[:m]
            out = grown
        out[m : m + k] = a[:k]
        out[m + k] = 0
        m += k + 1
        out_offsets[d + 1] = m
    return out[:m], out_offsets


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def checked_texts(texts: Iterable[object]) -> list[str]:
    """Texts as a list of str: missing values (None, NaN) become "", anything else is an error."""
    items = list(texts)
    if all(type(item) is str for item in items):
        return items
    for position, item in enumerate(items):
        if not (isinstance(item, str) or _is_missing(item)):
            raise TypeError(f"text at position {position} is a {type(item).__name__}, expected str or missing")
    return [item if isinstance(item, str) else "" for item in items]


def encode_block(texts: Sequence[str], nfkc: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """A block of texts as one code-point array, each text followed by a 0 code point.

    Returns ``(cps, offsets)``: text ``d`` is ``cps[offsets[d] : offsets[d + 1] - 1]``. NUL
    characters inside a text become spaces. With ``nfkc`` the block is NFKC-normalised (in one
    call, which is much faster than one call per text).
    """
    if not texts:
        return np.zeros(0, dtype=np.uint32), np.zeros(1, dtype=np.int64)
    joined = "\x00".join(texts) + "\x00"
    if joined.count("\x00") != len(texts):  # a text holds NUL characters itself
        joined = "".join(text.replace("\x00", " ") + "\x00" for text in texts)
    if nfkc:
        joined = unicodedata.normalize("NFKC", joined)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    offsets = np.concatenate([[0], np.flatnonzero(cps == 0) + 1])
    return cps, offsets


def normalize_encoded(cps: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Normalise a block made by :func:`encode_block`; same layout in and out.

    Compiled and GIL-free, so blocks can be normalised on several threads.
    """
    FOLD_TABLE.ensure(cps[cps >= 128])
    return _normalize_block(cps, offsets, FOLD_TABLE.codes, FOLD_TABLE.expansions, FOLD_TABLE.expansion_lengths)


def normalize_texts(texts: Iterable[str | None]) -> list[str]:
    """Normalise many texts (see the module docs); one output per input, in order.

    Missing texts (``None`` or NaN, as pandas gives them) become ``""``; any other non-string
    is a ``TypeError`` naming its position. Identical texts (re-posted ads often are) are
    normalised once.
    """
    items = checked_texts(texts)
    distinct = list(dict.fromkeys(items))
    normalised: list[str] = []
    for first in range(0, len(distinct), BLOCK_SIZE):
        cps, _ = normalize_encoded(*encode_block(distinct[first : first + BLOCK_SIZE]))
        normalised.extend(cps.tobytes().decode("utf-32-le").split("\x00")[:-1])
    return list(map(dict(zip(distinct, normalised)).__getitem__, items))


def normalize_text(text: str) -> str:
    """Normalise one ad text for near-duplicate detection.

    >>> normalize_text("B0NJ0UR, je suis Ｌｏｌａ 😘 appelle au 06.12.34.56.78 !!!")
    'bonjour je suis lola appelle au PHONE'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_text expects a str, got {type(text).__name__}")
    return normalize_texts([text])[0]

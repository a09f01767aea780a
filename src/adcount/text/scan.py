"""Character classes and small matchers shared by the compiled normaliser passes.

The normaliser works on arrays of Unicode code points (``uint32``) already folded to ASCII
by :mod:`adcount.text.confusables`: lower-case letters, digits, ASCII punctuation,
spaces, and letters of non-Latin scripts (code points >= 128). Upper-case ASCII letters
only appear in the placeholders written by the masking pass.

Every pass has the signature ``pass(src, n, dst) -> m``: it reads ``src[:n]`` and writes
``dst[:m]``; the caller sizes ``dst`` for the worst-case growth documented by each pass.
"""

from __future__ import annotations

import numpy as np
from numba import njit


def codes(text: str) -> np.ndarray:
    """A pattern as a code-point array (module-level arrays are constants inside numba)."""
    return np.array([ord(char) for char in text], dtype=np.uint32)


SPACE = 32


@njit(cache=True, nogil=True)
def is_lower(c):
    return 97 <= c <= 122


@njit(cache=True, nogil=True)
def is_digit(c):
    return 48 <= c <= 57


@njit(cache=True, nogil=True)
def is_alnum(c):
    return is_lower(c) or is_digit(c)


@njit(cache=True, nogil=True)
def is_word(c):
    """A character that belongs to a word: letter (any script), digit or placeholder letter."""
    return is_alnum(c) or (65 <= c <= 90) or c >= 128


@njit(cache=True, nogil=True)
def matches(src, n, start, pattern):
    """Whether ``src[start:]`` begins with ``pattern``."""
    if start < 0 or start + pattern.size > n:
        return False
    for k in range(pattern.size):
        if src[start + k] != pattern[k]:
            return False
    return True


@njit(cache=True, nogil=True)
def write(dst, m, pattern):
    """Append ``pattern`` to ``dst`` at ``m``; return the new length."""
    for k in range(pattern.size):
        dst[m + k] = pattern[k]
    return m + pattern.size


@njit(cache=True, nogil=True)
def copy_range(src, start, end, dst, m):
    """Append ``src[start:end]`` to ``dst`` at ``m``; return the new length."""
    for k in range(start, end):
        dst[m] = src[k]
        m += 1
    return m

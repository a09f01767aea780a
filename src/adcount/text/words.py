"""Compiled word-level normaliser passes: spaced-out words, leetspeak, stretched letters.

None of these passes makes its input longer.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from adcount.text.scan import SPACE, codes, copy_range, is_alnum, is_digit, is_lower, is_word

_APOSTROPHE, _AT_SIGN, _DOLLAR, _UNDERSCORE, _ONE, _LETTER_L = (ord(c) for c in "'@$_1l")
_JOINING_PUNCT = codes(".-_*|~+/:")
_MIN_LETTERS_BY_PUNCT = 3  # "s.e.x.y", "s-v-p"
_MIN_LETTERS_BY_SPACE = 4  # "b i s o u s"; "il y a" and "y a" stay as they are

# Leet characters and the letters they stand for inside words.
_LEET = np.zeros(128, dtype=np.uint32)
for _leet, _letter in zip("013457@$", "oieastas"):
    _LEET[ord(_leet)] = ord(_letter)


@njit(cache=True, nogil=True)
def _glued(c):
    """Characters that make a letter part of a word (so it is not a lone spaced letter)."""
    return is_word(c) or c == _APOSTROPHE


@njit(cache=True, nogil=True)
def _is_joining_punct(c):
    for k in range(_JOINING_PUNCT.size):
        if _JOINING_PUNCT[k] == c:
            return True
    return False


@njit(cache=True, nogil=True)
def _spaced_run(src, n, i, by_space):
    """End and letter count of a chain of lone letters starting at ``i``.

    Letters are joined by exactly one space (``by_space``) or by runs of joining punctuation
    (spaces allowed around it: "s • e • x • y").
    """
    end = i + 1
    letters = 1
    while True:
        j = end
        if by_space:
            if j >= n or src[j] != SPACE:
                break
            j += 1
        else:
            punct = 0
            while j < n and (_is_joining_punct(src[j]) or src[j] == SPACE):
                punct += src[j] != SPACE
                j += 1
            if punct == 0:
                break
        if j < n and is_lower(src[j]) and (j + 1 >= n or not _glued(src[j + 1])):
            end = j + 1
            letters += 1
        else:
            break
    return end, letters


@njit(cache=True, nogil=True)
def join_spaced_letters(src, n, dst, by_space):
    """Re-join words written letter by letter.

    With ``by_space`` False: letters joined by punctuation, 3 or more ("s.e.x.y" -> "sexy",
    "s.v.p" -> "svp"). With ``by_space`` True (run on spaced-out text, after punctuation has
    become spaces): 4 letters or more joined by single spaces ("b i s o u s" -> "bisous"),
    so that "il y a" stays as it is.
    """
    minimum = _MIN_LETTERS_BY_SPACE if by_space else _MIN_LETTERS_BY_PUNCT
    m = 0
    i = 0
    while i < n:
        c = src[i]
        lone_letter = is_lower(c) and (i + 1 >= n or not _glued(src[i + 1]))
        if lone_letter and (i == 0 or not _glued(src[i - 1])):
            end, letters = _spaced_run(src, n, i, by_space)
            if letters >= minimum:
                for k in range(i, end):
                    if is_lower(src[k]):
                        dst[m] = src[k]
                        m += 1
                i = end
                continue
        dst[m] = c
        m += 1
        i += 1
    return m


@njit(cache=True, nogil=True)
def _in_leet_word(c):
    return is_alnum(c) or c == _AT_SIGN or c == _DOLLAR


@njit(cache=True, nogil=True)
def _is_leet(c):
    return c < 128 and _LEET[c] != 0


@njit(cache=True, nogil=True)
def _write_unleeted(src, start, end, dst, m):
    """Write the letters that the leet run ``src[start:end]`` stands for."""
    j = start
    while j < end:
        if src[j] == _ONE and j + 1 < end and src[j + 1] == _ONE:
            dst[m] = dst[m + 1] = _LETTER_L  # "fi11e", "be11e": a French double l
            m += 2
            j += 2
        else:
            dst[m] = _LEET[src[j]]
            m += 1
            j += 1
    return m


@njit(cache=True, nogil=True)
def unleet(src, n, dst):
    """Undo leetspeak inside words that start with a letter: "b0nj0ur" -> "bonjour".

    Leet runs between two letters change (0->o, 1->i, 11->ll, 3->e, 4->a, 5->s, 7->t,
    @->a, $->s); a run that ends the word changes too when the word had one already
    ("d0uc3") or when it holds no digit ("mi$$"). Words that start with a digit are numbers
    with units ("25ans", "1h30", "2x30min") and are left alone, as are digits that merely
    end a word ("h24", "top10").
    A word is a run of letters, digits, "@" and "$" not glued to other word characters.
    """
    m = 0
    i = 0
    in_letter_word = False  # inside a word whose first character is a letter
    unleeted = False  # a leet run of the current word has been replaced
    while i < n:
        c = src[i]
        if not _in_leet_word(c):
            in_letter_word = False
            dst[m] = c
            m += 1
            i += 1
            continue
        if i == 0 or not (_in_leet_word(src[i - 1]) or is_word(src[i - 1]) or src[i - 1] == _UNDERSCORE):
            # "$a0a": a symbol that spacing drops later must not hide the letter word behind it,
            # or a second pass would unleet what the first left alone
            in_letter_word = is_lower(c) or ((c == _DOLLAR or c == _AT_SIGN) and i + 1 < n and is_lower(src[i + 1]))
            unleeted = False
        if in_letter_word and _is_leet(c) and i > 0 and is_lower(src[i - 1]):
            run_end = i + 1
            only_symbols = not is_digit(c)
            while run_end < n and _is_leet(src[run_end]):
                only_symbols = only_symbols and not is_digit(src[run_end])
                run_end += 1
            inside = run_end < n and is_lower(src[run_end])
            ends_word = run_end == n or not _in_leet_word(src[run_end])
            if inside or (ends_word and (unleeted or only_symbols)):
                m = _write_unleeted(src, i, run_end, dst, m)
                unleeted = True
            else:
                m = copy_range(src, i, run_end, dst, m)
            i = run_end
            continue
        dst[m] = c
        m += 1
        i += 1
    return m


@njit(cache=True, nogil=True)
def spacing(src, n, dst):
    """Every run of non-word characters to one space; no space at either end."""
    m = 0
    pending_space = False
    for i in range(n):
        c = src[i]
        if not is_word(c):
            pending_space = m > 0
            continue
        if pending_space:
            dst[m] = SPACE
            m += 1
            pending_space = False
        dst[m] = c
        m += 1
    return m


@njit(cache=True, nogil=True)
def collapse_repeats(src, n, dst):
    """Letters repeated 3 times or more to one ("sexyyyy" -> "sexy"); French never triples
    a letter, and doubled letters are kept."""
    m = 0
    i = 0
    while i < n:
        c = src[i]
        run_end = i + 1
        if is_lower(c):
            while run_end < n and src[run_end] == c:
                run_end += 1
        dst[m] = c
        m += 1
        i = run_end if run_end - i >= 3 else i + 1
    return m

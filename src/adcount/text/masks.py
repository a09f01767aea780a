"""Compiled masking of contact shapes (e-mails, URLs, phone numbers) inside folded text.

Contacts are their own, stronger signal (see the contacts extractors); inside the text they
would dominate similarity (two ads sharing one number and nothing else would look alike) or
hide it (one text posted with two numbers would look less alike). These passes only *mask*
contact shapes with a placeholder; they neither extract nor validate contacts.

Placeholders are upper-case words (``EMAIL``, ``URL``, ``PHONE``): folded text is lower-case,
so a placeholder never collides with ad words. Growth: an e-mail is at least 5 characters
and becomes 7, a URL at least 4 and becomes 5, a phone at least 9 and becomes 7.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from adcount.text.scan import SPACE, codes, copy_range, is_alnum, is_digit, is_lower, is_word, matches, write

EMAIL = codes(" EMAIL ")
URL = codes(" URL ")
PHONE = codes(" PHONE ")

_AT_SIGN, _DOT, _SLASH, _PLUS, _DASH, _OPEN_BRACKET, _OPEN_SQUARE = (ord(c) for c in "@./+-([")
_AT_WORD = codes(" at ")
_AROBASE = codes(" arobase ")
_BRACKET_AT = codes("(at)")
_SQUARE_AT = codes("[at]")
_BRACKET_DOT = codes("(dot)")
_SQUARE_DOT = codes("[dot]")
_POINT_WORD = codes(" point ")
_DOT_WORD = codes(" dot ")
_SPACED_DOT = codes(" . ")
_LETTER_A, _LETTER_H, _LETTER_W = ord("a"), ord("h"), ord("w")
_HTTP = codes("http://")
_HTTPS = codes("https://")
_WWW = codes("www.")
_TLD_LIST = (
    "com fr net org be ch eu info biz io xyz ly gl app link site online club live vip uk lu "
    "ca pro tv cc to"
).split()
_TLDS = np.zeros((len(_TLD_LIST), max(map(len, _TLD_LIST))), dtype=np.uint32)
for _row, _tld in enumerate(_TLD_LIST):
    _TLDS[_row, : len(_tld)] = codes(_tld)
_TLD_LENGTHS = np.array([len(t) for t in _TLD_LIST], dtype=np.int64)
_LOCAL_PUNCT = codes("._%+-")
_PHONE_SEPARATORS = codes(" .-/()")
_PHONE_LETTERS = codes("oil")  # o for 0, i and l for 1, glued to digits: "o6 i2 34 56 78"
_MIN_PHONE_DIGITS = 9
_MAX_PHONE_SEPARATORS = 3


@njit(cache=True, nogil=True)
def _is_label(c):
    return is_alnum(c) or c == _DASH


@njit(cache=True, nogil=True)
def _contains(pattern, c):
    for k in range(pattern.size):
        if pattern[k] == c:
            return True
    return False


@njit(cache=True, nogil=True)
def _at_marker_end(src, n, i):
    """End of an "@" (or "(at)", "[at]", " at ", " arobase ") starting at ``i``, or -1."""
    c = src[i]
    if c == _AT_SIGN:
        return i + 1
    if c == _OPEN_BRACKET or c == _OPEN_SQUARE:
        patterns = (_BRACKET_AT, _SQUARE_AT)
    elif c == SPACE and i + 1 < n and src[i + 1] == _LETTER_A:
        patterns = (_AT_WORD, _AROBASE)
    else:
        return -1
    for pattern in patterns:
        if matches(src, n, i, pattern):
            return i + pattern.size
    return -1


@njit(cache=True, nogil=True)
def _dot_marker_end(src, n, i):
    """End of a "." (or "(dot)", "[dot]", " point ", " dot ") starting at ``i``, or -1."""
    if src[i] == _DOT:
        return i + 1
    if src[i] != SPACE and src[i] != _OPEN_BRACKET and src[i] != _OPEN_SQUARE:
        return -1
    for pattern in (_POINT_WORD, _DOT_WORD, _SPACED_DOT):
        if matches(src, n, i, pattern):
            return i + pattern.size
    start = i + 1 if src[i] == SPACE else i
    for pattern in (_BRACKET_DOT, _SQUARE_DOT):
        if matches(src, n, start, pattern):
            end = start + pattern.size
            return end + 1 if end < n and src[end] == SPACE else end
    return -1


@njit(cache=True, nogil=True)
def _domain_end(src, n, start):
    """End of a domain (two labels or more joined by dot markers) starting at ``start``, or -1."""
    end = start
    while end < n and _is_label(src[end]):
        end += 1
    if end == start:
        return -1
    dots = 0
    while end < n:
        label = _dot_marker_end(src, n, end)
        if label < 0 or label >= n or not _is_label(src[label]):
            break
        end = label
        while end < n and _is_label(src[end]):
            end += 1
        dots += 1
    return end if dots else -1


@njit(cache=True, nogil=True)
def mask_emails(src, n, dst):
    """Replace e-mail shapes, plain or disguised ("lola (at) gmail point com"), by EMAIL."""
    m = 0
    i = 0
    floor = 0  # characters before `floor` belong to an earlier mask
    while i < n:
        marker_end = _at_marker_end(src, n, i)
        if marker_end >= 0:
            left = i - 1 if i > floor and src[i - 1] == SPACE else i
            start = left
            while start > floor and (is_alnum(src[start - 1]) or _contains(_LOCAL_PUNCT, src[start - 1])):
                start -= 1
            while start < left and not is_alnum(src[start]):
                start += 1
            right = marker_end + 1 if marker_end < n and src[marker_end] == SPACE else marker_end
            end = _domain_end(src, n, right)
            if start < left and end > 0:
                m -= i - start  # the local part was already copied: take it back
                m = write(dst, m, EMAIL)
                i = floor = end
                continue
        dst[m] = src[i]
        m += 1
        i += 1
    return m


@njit(cache=True, nogil=True)
def _tld_end(src, n, dot):
    """End of a known top-level domain right after the "." at ``dot``, or -1."""
    for row in range(_TLDS.shape[0]):
        length = _TLD_LENGTHS[row]
        end = dot + 1 + length
        if end <= n and matches(src, n, dot + 1, _TLDS[row, :length]):
            if end == n or not _is_label(src[end]):
                return end
    return -1


@njit(cache=True, nogil=True)
def _next_space(src, n, i):
    while i < n and src[i] != SPACE:
        i += 1
    return i


@njit(cache=True, nogil=True)
def mask_urls(src, n, dst):
    """Replace "http(s)://...", "www...." and bare domains with a known TLD by URL."""
    m = 0
    i = 0
    floor = 0
    while i < n:
        c = src[i]
        starts_link = (c == _LETTER_H or c == _LETTER_W) and (i == 0 or not is_word(src[i - 1]))
        if starts_link and (matches(src, n, i, _HTTP) or matches(src, n, i, _HTTPS) or matches(src, n, i, _WWW)):
            m = write(dst, m, URL)
            i = floor = _next_space(src, n, i)
            continue
        if c == _DOT and i > floor and _is_label(src[i - 1]):
            end = _tld_end(src, n, i)
            start = i
            while end > 0 and start > floor and (_is_label(src[start - 1]) or src[start - 1] == _DOT):
                start -= 1
            while start < i and not is_alnum(src[start]):
                start += 1
            if end > 0 and start < i:
                if end < n and src[end] == _SLASH:
                    end = _next_space(src, n, end)
                m -= i - start
                m = write(dst, m, URL)
                i = floor = end
                continue
        dst[m] = c
        m += 1
        i += 1
    return m


@njit(cache=True, nogil=True)
def _skip_separators(src, n, i):
    end = i
    while end < n and end - i < _MAX_PHONE_SEPARATORS and _contains(_PHONE_SEPARATORS, src[end]):
        end += 1
    return end


@njit(cache=True, nogil=True)
def _is_phone_unit(src, n, k):
    """A digit, or o/i/l standing for 0/1 when not inside a word and followed by a digit."""
    c = src[k]
    if is_digit(c):
        return True
    if not _contains(_PHONE_LETTERS, c) or (k > 0 and is_lower(src[k - 1])):
        return False
    after = _skip_separators(src, n, k + 1)
    return after < n and is_digit(src[after])


@njit(cache=True, nogil=True)
def _phone_run(src, n, start):
    """Scan the digit run at ``start``: (end, number of digits, looks like a price list).

    A price list is 3-digit groups separated by spaces or slashes ("100 150 200").
    """
    k = start
    units = 0
    group = 0
    groups = 1
    price_list = True
    while True:
        units += 1
        if is_digit(src[k]):
            group += 1
        else:
            price_list = False
        k += 1
        after = _skip_separators(src, n, k)
        if after >= n or not _is_phone_unit(src, n, after):
            break
        if after > k:
            for s in range(k, after):
                price_list = price_list and (src[s] == SPACE or src[s] == _SLASH)
            price_list = price_list and group == 3
            group = 0
            groups += 1
        k = after
    price_list = price_list and group == 3 and groups >= 2
    return k, units, price_list


@njit(cache=True, nogil=True)
def mask_phones(src, n, dst):
    """Replace runs of 9 digits or more (separators and o/i/l allowed) by PHONE."""
    m = 0
    i = 0
    while i < n:
        c = src[i]
        could_start = is_digit(c) or c == _PLUS or _contains(_PHONE_LETTERS, c)
        if could_start and (i == 0 or not is_alnum(src[i - 1])):
            start = i
            if c == _PLUS:
                start = i + 2 if i + 1 < n and src[i + 1] == SPACE else i + 1
            if start < n and _is_phone_unit(src, n, start):
                end, units, price_list = _phone_run(src, n, start)
                if units >= _MIN_PHONE_DIGITS and not price_list:
                    m = write(dst, m, PHONE)
                    i = end
                    continue
                m = copy_range(src, i, end, dst, m)
                i = end
                continue
        dst[m] = c
        m += 1
        i += 1
    return m

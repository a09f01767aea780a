"""Spelled-out numbers (French and English) to digits, for phone numbers written in words.

Ads write phones as "zéro six douze trente-quatre cinquante-six soixante-dix-huit", "zero six
one two ...", "06 douze 34 56 78" or "zéro six double sept ...". :func:`spell_to_digits` rewrites
every run of number words as digit groups, one group per spoken number ("douze" -> "12",
"soixante-dix-huit" -> "78", "quatre-vingt-dix-neuf" -> "99", "double sept" -> "77",
"deux fois trois" -> "33"), separated by spaces so that the phone extractor can align numbers on
group boundaries.

A lone number word is rewritten only when it touches a digit or another number word
("06 douze 34", "zéro six, douze, ..."): "une fille",
"deux amies" or "appartement neuf" stay words. Belgian and Swiss forms (septante, huitante,
octante, nonante) are understood.

English habits of North American ads: "oh" or "o" for zero inside a run of number words ("seven
oh two"; never on its own, so "oh yes" stays words), "double 7" and "triple five", and number
words glued to digits to get past site filters ("5five5", "two1two", "O1two3" -> "555", "212",
"0123"); digits split by single letters ("2x1x2x5x5x5...") lose the letters.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from adcount.contacts.regex import word_start_alternation

_UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
}
_TEENS = {
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_REPEAT = {"double": 2, "triple": 3}
# "oh"/"o" for zero is English speech, read only between other number words (see _replace).
_ZERO_LETTERS = {"oh": 0, "o": 0}
_NUMBER_WORDS = {**_UNITS, **_TEENS, **_TENS, **_ZERO_LETTERS}

_WORD_ALT = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_NUM = rf"(?:z[eé]ro|{_WORD_ALT})"
_RUN_HEAD = word_start_alternation([*_NUMBER_WORDS, "zéro", *_REPEAT])
# Words of one run are joined by spaces or a bare hyphen; a spaced hyphen (" - ") or a comma
# separates two runs ("soixante - quatre-vingt-quatorze" is 60 then 94, not 64 ...).
_LINK = r"(?:\s+(?:et|and|fois|times)\s+|-(?:et|and)-|\s+|-)"
# A run of number words joined by spaces/hyphens, optionally with "et", "fois", "double"...
# It starts with _RUN_HEAD (any number word, or "double"/"triple") so that the engine only stops
# on word starts; a repeat word must then be followed by a number.
_RUN = re.compile(
    rf"{_RUN_HEAD}(?:(?<=double|triple)\s+{_NUM}|(?<!double)(?<!triple))"
    rf"(?:{_LINK}(?:(?:double|triple)\s+)?{_NUM})*\b",
    re.IGNORECASE,
)
# "double 7", "triple 5": a repeat word before a digit.
_REPEATED_DIGIT = re.compile(r"[dDtT](?<!\w[dDtT])(?i:(?<=[dD])ouble|(?<=[tT])riple)\s+(\d)(?!\d)")
# A token made only of digits and number words glued together, with at least one of each
# ("5five5", "two1two", "O1two3"), and digits split one by one by single letters ("2x1x2x5...").
# Only tokens holding a digit are looked at (found by _DIGIT_TOKEN, which starts with a class).
_GLUED_PART = re.compile(rf"\d+|{_NUM}", re.IGNORECASE)
_DIGIT_TOKEN = re.compile(r"[^\W_]*\d[^\W_]*")
_GLUED = re.compile(rf"(?:\d+|{_NUM})+", re.IGNORECASE)
# Cheap test first: a digit touching a number word ("5five", "two1").
_GLUED_HINT = re.compile(rf"\d(?i:{_NUM})|{word_start_alternation(_NUMBER_WORDS)}\d")
_LETTER_SPLIT_DIGITS = re.compile(r"\d(?<!\w\d)(?:[^\W\d_]\d){6,}(?!\w)")
_TOKEN = re.compile(r"[^\W\d_]+")
# What may stand next to a lone number word for it to count as a digit: a digit or another
# number word, across at most three separator characters ("six, douze", "06 douze").
_NEIGHBOUR_BEFORE = re.compile(rf"(?:\d|\b{_NUM})[^\w]{{1,3}}$|\d$", re.IGNORECASE)
_NEIGHBOUR_AFTER = re.compile(rf"[^\w]{{1,3}}(?:\d|{_NUM}\b)|\d", re.IGNORECASE)
_WINDOW = 16
_DIGITS_AFTER = re.compile(r"[^\w\n]{1,3}\d{2}")


@functools.lru_cache(maxsize=4096)
def _plain(word: str) -> str:
    """Lower-case, accent-free form of one word ("Zéro" -> "zero")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _chunk(words: list[str], i: int) -> tuple[int | None, int]:
    """Parse one spoken number (0..99) starting at ``words[i]``; return (value, next index)."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w == "quatre" and nxt in ("vingt", "vingts"):
        return _tens_tail(80, words, i + 2)
    if w in _TENS:
        return _tens_tail(_TENS[w], words, i + 1)
    if w == "dix" and nxt in ("sept", "huit", "neuf"):
        return 10 + _UNITS[nxt], i + 2
    if w in _TEENS:
        return _TEENS[w], i + 1
    if w in _UNITS:
        return _UNITS[w], i + 1
    if w in _ZERO_LETTERS:
        return 0, i + 1
    return None, i + 1  # a link word ("et", "fois") on its own


def _tens_tail(tens: int, words: list[str], i: int) -> tuple[int, int]:
    """After a tens word: optional "et", then a unit (1-9) or, after 60/80, a teen (10-19)."""
    j = i + 1 if i < len(words) and words[i] in ("et", "and") else i
    if j >= len(words):
        return tens, i
    w = words[j]
    if tens in (60, 80) and (w in _TEENS or w == "dix"):
        teen, k = _chunk(words, j)
        if teen is not None and 10 <= teen <= 19:
            return tens + teen, k
    if w in _UNITS and _UNITS[w] > 0 and tens % 10 == 0:
        return tens + _UNITS[w], j + 1
    return tens, i


def _run_to_digits(words: list[str]) -> str:
    """Digit groups for a run of plain number words, one group per spoken number."""
    groups: list[str] = []
    i = 0
    while i < len(words):
        repeat = 1
        if words[i] in _REPEAT:
            repeat, i = _REPEAT[words[i]], i + 1
        elif words[i] in _UNITS and i + 2 < len(words) and words[i + 1] in ("fois", "times"):
            repeat, i = _UNITS[words[i]], i + 2
        if i >= len(words):
            break
        value, i = _chunk(words, i)
        if value is not None:
            groups.append(str(value) * repeat)
    return " ".join(groups)


def _replace(match: re.Match[str]) -> str:
    words = [_plain(w) for w in _TOKEN.findall(match.group())]
    spoken = sum(w in _NUMBER_WORDS and w not in _ZERO_LETTERS for w in words)
    if spoken == 0:  # "oh", "o" alone are words, unless digits follow ("oh 77 33 ...")
        followed = _DIGITS_AFTER.match(match.string, match.end()) is not None
        return _run_to_digits(words) if followed else match.group()
    if len(words) == 1 or spoken < 2:
        text = match.string
        start, end = match.span()
        before = _NEIGHBOUR_BEFORE.search(text, max(0, start - _WINDOW), start)
        if before is None and _NEIGHBOUR_AFTER.match(text, end, end + _WINDOW) is None:
            return match.group()
    return _run_to_digits(words)


def _glued_digits(match: re.Match[str]) -> str:
    """Digits of a token glued from digits and number words: "5five5" -> "555"; any other
    token ("25ans", "1m70") is left as it is."""
    token = match.group()
    if token.isdigit() or _GLUED.fullmatch(token) is None:
        return token
    return "".join(part if part.isdigit() else str(_NUMBER_WORDS[_plain(part)])
                   for part in _GLUED_PART.findall(token))


def _drop_letters(match: re.Match[str]) -> str:
    return "".join(c for c in match.group() if c.isdigit())


def spell_to_digits(text: str) -> str:
    """Rewrite spelled-out numbers in ``text`` as digit groups separated by spaces.

    A run of two or more number words is always rewritten; a lone number word only when a
    digit or another number word stands next to it. Tokens glued from digits and number words
    become one digit group first.
    """
    if _GLUED_HINT.search(text) is not None:
        text = _DIGIT_TOKEN.sub(_glued_digits, text)
    text = _LETTER_SPLIT_DIGITS.sub(_drop_letters, text)
    text = _REPEATED_DIGIT.sub(lambda m: m.group(1) * _REPEAT[m.group()[:6].lower()], text)
    return _RUN.sub(_replace, text)


# A phone written (partly) in words starts with a spoken zero ("zéro six ..."), mixes digits and
# words ("06 douze 34 ...", "5five5", "2x1x2x5..."), or is a run of number words ("seven oh two,
# five five five ..."): it holds "zéro"/"zero", a digit followed by a number word (glued or
# not) or split from the next by a letter, or (may_hold_word_phone) two number words in a row. Every branch starts with a character class, so the check
# stays cheap.
_SPELLED_PHONE_HINT = re.compile(
    r"[zZ\d](?:(?<=[zZ])(?<!\w[zZ])(?i:[eé]ro)\b"
    rf"|(?<=\d)(?:[^\w\n]{{1,3}}(?i:{_NUM}|double|triple)\b|(?=[^\W\d_])(?i:{_NUM})(?:\b|(?=\d))"
    r"|[^\W\d_]\d[^\W\d_]\d))"
)
_WORD_RUN_HINT = re.compile(rf"{_RUN_HEAD}[\s,\-]{{1,3}}(?i:{_NUM}|double|triple)\b")
# A phone in English words only holds several of these (substring tests are much cheaper than
# the word-run pattern, which stops at every word).
_ENGLISH_DIGIT_WORDS = ("two", "three", "four", "five", "seven", "eight", "nine")


def may_hold_spelled_phone(text: str) -> bool:
    """Cheap necessary condition for a phone written with number words and digits in ``text``
    (or starting with a spoken zero)."""
    return _SPELLED_PHONE_HINT.search(text) is not None


def may_hold_word_phone(text: str) -> bool:
    """Cheap necessary condition for a phone written in English number words alone."""
    lowered = text.lower()
    return sum(word in lowered for word in _ENGLISH_DIGIT_WORDS) >= 2 and _WORD_RUN_HINT.search(text) is not None

"""Character folding for contact extraction: make disguised digits plain ASCII digits.

Advertisers write phone numbers with characters that look like digits but are not ASCII
``0-9``: fullwidth digits (``０６``), mathematical bold digits (``𝟎𝟔``), Arabic-Indic and other
script digits, keycap emoji (``0️⃣6️⃣``), circled digits (``⓪⑥``), letters that stand for digits
inside a digit run (``O6 I2`` for ``06 12``) and invisible characters that split a run. This module
turns all of them into ASCII digits so the phone extractor sees one plain form.

It is deliberately separate from the general text normaliser used for similarity: contact folding
must keep digits and separators, while similarity folding masks contacts away.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

# Zero-width and formatting characters that split a digit run without being visible, and the
# two code points that turn a digit into a keycap emoji (variation selector 16 + combining keycap).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f\u20e3"
# Enclosed digits carry a digit value but are not decimal digits in Unicode; superscripts and
# subscripts also carry one but are units ("m²"), so only enclosed/dingbat forms are folded.
_ENCLOSED_WORDS = ("CIRCLED", "PARENTHESIZED", "DINGBAT", "FULL STOP", "KEYCAP")


@functools.cache
def _fold_table() -> dict[int, str]:
    """str.translate table: every non-ASCII digit-like character -> ASCII digit or ''."""
    table: dict[int, str] = {ord(c): "" for c in _INVISIBLE}
    # Every decimal digit lives below U+20000 (BMP and SMP), so the scan stops there.
    for cp in range(0x80, min(sys.maxunicode, 0x1FFFF) + 1):
        ch = chr(cp)
        value = unicodedata.decimal(ch, None)
        if value is None:
            digit = unicodedata.digit(ch, None)
            if digit is None or not any(w in unicodedata.name(ch, "") for w in _ENCLOSED_WORDS):
                continue
            value = digit
        table[cp] = str(value)
    table[0x1F51F] = "10"  # keycap ten emoji
    table[0xFF0B] = "+"  # fullwidth plus
    table[0xFF20] = "@"  # fullwidth commercial at
    return table


# Does the text hold anything _fold_table changes? A non-ASCII decimal digit, an enclosed digit,
# a keycap or an invisible character. (Checking is much cheaper than translating every text.)
_FOLDABLE = re.compile(
    "[\\d\u00ad\u200b-\u200d\u2060\ufeff\u20e3\u2460-\u24ff\u2776-\u2793\uff0b\uff20\U0001f51f]"
    "(?<![0-9])"
)
# Superscript and subscript digits are units ("m²") when alone, digits when in a run ("⁰⁶¹²...").
_SCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉"
_SCRIPT_RUN = re.compile(f"[{_SCRIPT_DIGITS}]{{2,}}")
_SCRIPT_TO_DIGIT = str.maketrans(_SCRIPT_DIGITS, "0123456789" * 2)
# Letters that stand for digits inside a digit run: Latin, Cyrillic and Greek O/o for 0, l/I
# (and Cyrillic/Greek capital I) for 1, Cyrillic Ze for 3.
_LOOKALIKES = "OoОоΟοlIІΙЗз"
_LETTER_TO_DIGIT = str.maketrans(_LOOKALIKES, "000000" + "1111" + "33")
# A token made of digits and such letters, with at least one real digit and one letter, not
# glued to other letters: "O6", "I2", "1O0", "o6". Written to start with a character class (see
# contacts_regex) and then check what precedes it.
_L = f"[{_LOOKALIKES}]"
_LETTER_DIGIT_RUN = re.compile(
    rf"[{_LOOKALIKES}\d](?<!\w{_L})(?<![^\W\d_]\d)(?:(?<={_L}){_L}*\d|(?<=\d)\d*{_L})[\d{_LOOKALIKES}]*"
    r"(?![^\W\d_])"
)
# Cheap test run first: a look-alike letter touching a digit (the engine only stops on digits).
_LOOKALIKE_NEAR_DIGIT = re.compile(rf"\d(?:(?<={_L}\d)|(?={_L}))")
# Pairs written with such letters only ("II", "OO", "lO"), following a digit group: in
# "O6 4l 46 7l ll" the last pair is "11". Applied only after _LETTER_DIGIT_RUN found letters.
_LETTER_PAIRS_AFTER_DIGITS = re.compile(
    rf"[{_LOOKALIKES}](?<=\d[ .\-/]{_L}){_L}{{1,3}}(?![^\W\d_])(?:[ .\-/]{_L}{{2,4}}(?![^\W\d_]))*"
)


def _fix_letter_digits(match: re.Match[str]) -> str:
    return match.group().translate(_LETTER_TO_DIGIT)


def _fix_script_digits(match: re.Match[str]) -> str:
    return match.group().translate(_SCRIPT_TO_DIGIT)


def fold_digits(text: str) -> str:
    """Return ``text`` with every digit-like character written as an ASCII digit.

    Unicode decimal digits of any script, enclosed and keycap digits, and runs of superscript or
    subscript digits become ``0-9``; invisible joiners and emoji modifiers are dropped; ``O``/``o``
    and ``l``/``I`` (and their Cyrillic and Greek look-alikes) inside a digit run become ``0`` and
    ``1``. Letters elsewhere are left untouched ("Il", "lol" stay words).
    """
    if not text.isascii():
        if _FOLDABLE.search(text) is not None:
            text = text.translate(_fold_table())
        text = _SCRIPT_RUN.sub(_fix_script_digits, text)
    if _LOOKALIKE_NEAR_DIGIT.search(text) is None:
        return text
    text, fixed = _LETTER_DIGIT_RUN.subn(_fix_letter_digits, text)
    if fixed:
        text = _LETTER_PAIRS_AFTER_DIGITS.sub(_fix_letter_digits, text)
    return text

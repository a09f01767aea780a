"""Character folding table: every non-ASCII character to plain ASCII (or removed).

Ads evade filters and duplicate detectors with look-alike letters (Cyrillic "о", Greek "ο",
fullwidth "ｏ", mathematical "𝐨", small capitals "ᴏ", circled "ⓞ"), accents, emoji and
invisible characters. :func:`fold_char` gives the ASCII fold of one character (after NFKC
and case folding); :data:`FOLD_TABLE` holds it as arrays for the compiled normaliser. The
table is lazy: a code point's fold is computed from its Unicode name and category the first
time a batch contains it, so characters that never occur cost nothing.

Rules, in order:

* ASCII is kept as is (punctuation is handled later by the normaliser).
* Explicit Cyrillic, Greek, Cherokee and Armenian look-alikes map to the Latin letter they
  imitate (capitals are looked up before case folding: Greek "Ν" is an "n", its lower case
  "ν" a "v").
* Characters named "... LATIN ... LETTER X ..." (accented, stroked, small capital, turned,
  circled, squared, regional indicator ...) map to ``x``; a few ligature letters map to two.
* Non-ASCII decimal digits and dingbat digits map to ASCII digits.
* Format characters (zero-width spaces and joiners, soft hyphens, bidi controls) and
  combining marks (accents, variation selectors, keycap enclosures) are deleted, so a word
  split by an invisible character stays one word.
* Separators and control characters become a space.
* Other symbols and punctuation (emoji, stars, hearts, bullets, arrows) become ``.``: a
  decorative separator, so that "s★e★x★y" can be re-joined and "douce💋coquine" splits.
* Letters of other scripts (Arabic, Chinese ...) are kept.
"""

from __future__ import annotations

import re
import threading
import unicodedata

import numpy as np

# Lower-case Cyrillic and Greek letters that imitate Latin ones (after case folding).
_CYRILLIC = {
    "а": "a", "в": "b", "г": "r", "д": "d", "е": "e", "ё": "e", "ж": "x", "з": "3",
    "и": "u", "й": "u", "к": "k", "л": "n", "м": "m", "н": "h", "о": "o", "п": "n",
    "р": "p", "с": "c", "т": "t", "у": "y", "ф": "f", "х": "x", "ц": "u", "ч": "4",
    "ш": "w", "щ": "w", "ъ": "b", "ы": "bi", "ь": "b", "э": "e", "ю": "io", "я": "r",
    "є": "e", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ћ": "h", "ђ": "h", "ў": "y",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g", "ү": "y", "ұ": "y",
    "қ": "k", "ң": "h", "ҳ": "x", "ӑ": "a", "ӓ": "a", "ӗ": "e", "ӧ": "o", "ӱ": "y",
}
_GREEK = {
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "θ": "o",
    "ι": "i", "κ": "k", "λ": "l", "μ": "u", "ν": "v", "ξ": "e", "ο": "o", "π": "n",
    "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "u", "φ": "f", "χ": "x", "ψ": "w",
    "ω": "w", "ϲ": "c", "ϳ": "j", "ϐ": "b", "ϑ": "o", "ϕ": "f", "ϖ": "w", "ϱ": "p",
    "ά": "a", "έ": "e", "ή": "n", "ί": "i", "ό": "o", "ύ": "u", "ώ": "w", "ϊ": "i",
    "ϋ": "u", "ΐ": "i", "ΰ": "u",
}
# Upper-case Greek and Cyrillic letters that imitate a Latin capital (before case folding,
# which would turn Greek "Ν" into "ν", a look-alike of "v").
_CAPITALS = {
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
    "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x", "А": "a", "В": "b", "Е": "e", "К": "k",
    "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c", "Т": "t", "У": "y", "Х": "x", "Ѕ": "s",
    "І": "i", "Ј": "j", "Ү": "y", "Ԛ": "q", "Ԝ": "w",
}
# Look-alikes from other scripts (Cherokee capitals, Armenian).
_OTHER_SCRIPTS = {
    "Ꭺ": "a", "Ᏼ": "b", "Ꮯ": "c", "Ꭰ": "d", "Ꭼ": "e", "Ꮐ": "g", "Ꮋ": "h", "Ꭻ": "j", "Ꮶ": "k",
    "Ꮮ": "l", "Ꮇ": "m", "Ꮲ": "p", "Ꮪ": "s", "Ꭲ": "t", "Ꮩ": "v", "Ꮃ": "w", "Ꮓ": "z",
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "զ": "q",
}
# Latin letters whose names do not end in a single base letter.
_LATIN_SPECIAL = {
    "æ": "ae", "œ": "oe", "ß": "ss", "ĳ": "ij", "ƿ": "p", "ɑ": "a", "ɩ": "i", "ʋ": "u",
    "ɒ": "a", "ʃ": "s", "ʒ": "z", "ŋ": "n", "þ": "p", "ð": "d", "ɸ": "f", "ℓ": "l",
    "€": " eur ",
}
_DIGIT_WORDS = {
    name: str(value)
    for value, name in enumerate(
        ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"]
    )
}

# "LATIN SMALL LETTER O WITH STROKE", "LATIN LETTER SMALL CAPITAL A",
# "CIRCLED LATIN SMALL LETTER A", "REGIONAL INDICATOR SYMBOL LETTER A", ...
_LATIN_NAME = re.compile(
    r"(?:LATIN|REGIONAL INDICATOR SYMBOL)\b.*?\bLETTER "
    r"(?:SMALL CAPITAL |CAPITAL |SMALL |DOTLESS |TURNED |REVERSED |SCRIPT |OPEN |CLOSED |"
    r"SIDEWAYS |INVERTED |LONG |BARRED )*([A-Z])(?: WITH\b.*| BAR| STROKE| HOOK)?$"
)
_DIGIT_NAME = re.compile(r"\bDIGIT (ZERO|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE)$")

SEPARATOR = "."


def fold_char(char: str) -> str:
    """The case-folded ASCII replacement of one character (``""`` deletes it)."""
    capital = _CAPITALS.get(char)
    if capital is not None:
        return capital
    return "".join(map(_fold_folded_char, char.casefold()))


def _fold_folded_char(char: str) -> str:
    if char.isascii():
        return char if char.isprintable() else " "
    explicit = _CYRILLIC.get(char) or _GREEK.get(char) or _OTHER_SCRIPTS.get(char) or _LATIN_SPECIAL.get(char)
    if explicit is not None:
        return explicit
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):
        return ""
    if category[0] in "ZC":
        return " "
    name = unicodedata.name(char, "")
    if category == "Nd":
        return str(unicodedata.decimal(char))
    digit = _DIGIT_NAME.search(name)
    if digit:
        return _DIGIT_WORDS[digit.group(1)]
    latin = _LATIN_NAME.search(name)
    if latin:
        return latin.group(1).lower()
    if category[0] == "L":
        return char
    return SEPARATOR


UNKNOWN = np.int32(-(2**31))  # code not computed yet
DELETED = np.int32(-1)  # the character is removed
# codes <= -2 point to a multi-character replacement: row (-2 - code) of `expansions`
_MAX_EXPANSION = 8


class FoldArrays:
    """The fold of every code point as arrays a numba kernel can read.

    ``codes[cp]`` is the replacement code point (>= 0), :data:`DELETED`, or ``-2 - row`` for
    a multi-character replacement stored in ``expansions[row, :expansion_lengths[row]]``.
    """

    def __init__(self) -> None:
        self.codes = np.full(0x110000, UNKNOWN, dtype=np.int32)
        self.expansions = np.zeros((0, _MAX_EXPANSION), dtype=np.uint32)
        self.expansion_lengths = np.zeros(0, dtype=np.int64)
        self._lock = threading.Lock()
        self.ensure(np.arange(128, dtype=np.uint32))

    def ensure(self, codepoints: np.ndarray) -> None:
        """Compute the folds of the code points not seen before."""
        missing = codepoints[self.codes[codepoints] == UNKNOWN]
        if missing.size == 0:
            return
        with self._lock:
            rows: list[str] = []
            for codepoint in np.unique(missing).tolist():
                folded = fold_char(chr(codepoint))
                if folded == "":
                    self.codes[codepoint] = DELETED
                elif len(folded) == 1:
                    self.codes[codepoint] = ord(folded)
                else:
                    self.codes[codepoint] = -2 - (len(self.expansion_lengths) + len(rows))
                    rows.append(folded)
            if rows:
                table = np.zeros((len(rows), _MAX_EXPANSION), dtype=np.uint32)
                for row, folded in enumerate(rows):
                    table[row, : len(folded)] = [ord(char) for char in folded]
                self.expansions = np.concatenate([self.expansions, table])
                self.expansion_lengths = np.concatenate(
                    [self.expansion_lengths, np.array([len(f) for f in rows], dtype=np.int64)]
                )


FOLD_TABLE = FoldArrays()

"""How each country writes its mobile numbers, and how ads disguise them.

A style is a pattern over the national significant number (NSN): ``#`` takes its next digit,
``T`` is the trunk zero of countries that dial one nationally (GB, DE, NL, BE, CH), anything else
is written as is. Each digit is written as a token of the style's kind: the digit itself, its
word ("five"), "oh" for zero, a look-alike letter (O for 0, l for 1), a keycap emoji, or digits
and words mixed ("4one6-5five5-..."). Words are in the ad's language.

North American numbers are written the ways the field shows them: ``DDD-DDD-DDDD``,
``(DDD) DDD-DDDD``, ``DDD.DDD.DDDD``, ``DDD DDD DDDD``, ten plain digits, ``+1`` and ``1-``
prefixes, and the disguises of ads that dodge filters. European numbers follow each country's
own grouping (Ofcom, Bundesnetzagentur, CNMC, AGCOM, ACM, BIPT and OFCOM conventions as printed
in ads), with their ``+CC`` and ``00CC`` forms. Numbers of other countries are written in the
three international forms of the original generator. French numbers keep the French renderer
(``contacts``). Rendering is whole-array: patterns are compiled once into literal and digit
slots, and every ad's number is one ``binary_join_element_wise`` over those slots.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# country -> (dial code, allowed leading digits of the national number, random digits after them)
MOBILE_RANGES: dict[str, tuple[str, tuple[str, ...], int]] = {
    "FR": ("33", ("60", "61", "62", "64", "65", "66", "67", "68", "73", "74", "75", "76", "77",
                  "78"), 7),
    "RO": ("40", ("72", "73", "74", "75", "76", "77"), 7),
    "BG": ("359", ("87", "88", "89"), 7),
    "BR": ("55", ("1196", "1197", "1198", "1199"), 7),
    "CO": ("57", ("300", "301", "310", "311", "312", "313", "315", "320"), 7),
    "CN": ("86", ("135", "136", "137", "138", "139", "186", "187", "188"), 8),
    "NG": ("234", ("803", "805", "806"), 7),
    "ES": ("34", ("60", "61", "62", "63", "64", "65", "66", "67", "68", "69"), 7),
    "BE": ("32", ("47", "48", "49"), 7),
    # checked with phonenumbers: every number of these blocks is a valid mobile (or, in North
    # America, a valid number of a real area code; exchanges are set by ``nanp_numbers``)
    "GB": ("44", tuple(str(b) for b in range(740, 760) if b not in (745, 750, 752)), 7),  # no IM/JE
    "DE": ("49", ("151", "152", "157", "159"), 8),
    "IT": ("39", ("32", "33", "34", "35", "36", "38", "39"), 8),
    "NL": ("31", ("61", "62", "63", "64", "65"), 7),
    "CH": ("41", ("75", "76", "77", "78", "79"), 7),
    "US": ("1", ("212", "213", "312", "713", "602", "215", "305", "404"), 7),
    "CA": ("1", ("416", "514", "604", "403", "613", "780"), 7),
    "MX": ("52", ("55", "33", "81"), 8),
    "CU": ("53", ("52", "53", "54", "55", "56", "58"), 6),
    "TH": ("66", ("81", "82", "83", "84", "86", "89", "91", "92", "95"), 7),
    "PH": ("63", ("905", "906", "915", "917", "918", "919", "920", "927"), 7),
    "VN": ("84", ("90", "91", "93", "94", "96", "97", "98"), 7),
    "RU": ("7", ("915", "916", "925", "926", "903", "905"), 7),
    "HU": ("36", ("20", "30", "70"), 7),
    "PL": ("48", ("50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"), 7),
}

KINDS = ("digit", "word", "oh", "lookalike", "keycap", "mixed")
_KIND = {kind: i for i, kind in enumerate(KINDS)}
DIGIT_WORDS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
    "es": ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
    "de": ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
    "it": ("zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"),
}
WORD_LANGUAGES = tuple(DIGIT_WORDS)  # languages whose digit words are written (English first)
_LOOKALIKE = ("O", "l", "2", "3", "4", "5", "6", "7", "8", "9")
_KEYCAP = "\ufe0f\u20e3"

# (name, pattern, token kind, weight): how often ads write a number each way
NANP_STYLES = (
    ("dashes", "###-###-####", "digit", 25), ("parentheses", "(###) ###-####", "digit", 15),
    ("dots", "###.###.####", "digit", 10), ("spaces", "### ### ####", "digit", 8),
    ("plain", "##########", "digit", 8), ("+1 dashes", "+1 ###-###-####", "digit", 4),
    ("+1 parentheses", "+1 (###) ###-####", "digit", 2), ("+1 plain", "+1##########", "digit", 2),
    ("1-dashes", "1-###-###-####", "digit", 3), ("1 parentheses", "1 (###) ###-####", "digit", 1),
    ("mixed-words", "###-###-####", "mixed", 5), ("spelled", "# # # # # # # # # #", "word", 3),
    ("spelled-oh", "# # # - # # # - # # # #", "oh", 2), ("letter-o", "###-###-####", "lookalike", 4),
    ("keycap", "##########", "keycap", 2), ("spaced-digits", "# # # # # # # # # #", "digit", 3),
    ("split-lines", "###\n###\n####", "digit", 3), ("stars", "###*###*####", "digit", 2),
    ("spaced-dashes", "### - ### - ####", "digit", 2),
)
_DISGUISES = (  # every European country: look-alike letters, spaced digits, words
    ("lookalike", None, "lookalike", 3), ("spaced-digits", None, "digit", 2),
    ("mixed-words", None, "mixed", 2),
)
COUNTRY_STYLES: dict[str, tuple[tuple[str, str | None, str, float], ...]] = {
    "US": NANP_STYLES,
    "CA": NANP_STYLES,
    "GB": (("national", "T#### ######", "digit", 30), ("compact", "T##########", "digit", 15),
           ("national-3-3", "T#### ### ###", "digit", 8), ("+44", "+44 #### ######", "digit", 12),
           ("+44 (0)", "+44 (0)#### ######", "digit", 4), ("+44 compact", "+44##########", "digit", 6),
           ("0044", "0044 #### ######", "digit", 3), ("spelled-oh", "T # # # # # # # # # #", "oh", 2),
           ("split-lines", "T####\n######", "digit", 3)) + _DISGUISES,
    "DE": (("national", "T### ########", "digit", 25), ("slash", "T###/########", "digit", 12),
           ("dash", "T###-########", "digit", 8), ("compact", "T###########", "digit", 10),
           ("groups", "T### #### ####", "digit", 6), ("+49", "+49 ### ########", "digit", 12),
           ("+49 (0)", "+49 (0)### ########", "digit", 4), ("+49 compact", "+49###########", "digit", 4),
           ("0049", "0049 ### ########", "digit", 3), ("split-lines", "T###\n########", "digit", 2))
    + _DISGUISES,
    "ES": (("pairs", "### ## ## ##", "digit", 25), ("triples", "### ### ###", "digit", 20),
           ("compact", "#########", "digit", 15), ("+34", "+34 ### ## ## ##", "digit", 10),
           ("+34 triples", "+34 ### ### ###", "digit", 6), ("+34 compact", "+34#########", "digit", 5),
           ("0034", "0034 ### ### ###", "digit", 3), ("dots", "###.##.##.##", "digit", 3),
           ("split-lines", "### ###\n###", "digit", 2)) + _DISGUISES,
    "IT": (("spaced", "### ### ####", "digit", 25), ("compact", "##########", "digit", 15),
           ("3-7", "### #######", "digit", 10), ("dash", "###-#######", "digit", 6),
           ("+39", "+39 ### ### ####", "digit", 10), ("+39 compact", "+39##########", "digit", 5),
           ("0039", "0039 ### ### ####", "digit", 3), ("dots", "###.###.####", "digit", 3),
           ("split-lines", "### ###\n####", "digit", 2)) + _DISGUISES,
    "NL": (("dash", "T#-########", "digit", 25), ("spaced", "T# ########", "digit", 15),
           ("pairs", "T# ## ## ## ##", "digit", 10), ("compact", "T#########", "digit", 10),
           ("+31", "+31 # ########", "digit", 10), ("+31 (0)", "+31 (0)# ########", "digit", 4),
           ("+31 compact", "+31#########", "digit", 5), ("0031", "0031 # ########", "digit", 3),
           ("split-lines", "T# ####\n####", "digit", 2)) + _DISGUISES,
    "BE": (("pairs", "T### ## ## ##", "digit", 25), ("slash-dots", "T###/##.##.##", "digit", 12),
           ("slash", "T###/######", "digit", 6), ("compact", "T#########", "digit", 10),
           ("+32", "+32 ### ## ## ##", "digit", 10), ("+32 (0)", "+32 (0)### ## ## ##", "digit", 3),
           ("+32 compact", "+32#########", "digit", 4), ("0032", "0032 ### ## ## ##", "digit", 3),
           ("split-lines", "T### ##\n## ##", "digit", 2)) + _DISGUISES,
    "CH": (("national", "T## ### ## ##", "digit", 30), ("compact", "T#########", "digit", 12),
           ("+41", "+41 ## ### ## ##", "digit", 12), ("+41 (0)", "+41 (0)## ### ## ##", "digit", 3),
           ("+41 compact", "+41#########", "digit", 4), ("0041", "0041 ## ### ## ##", "digit", 4),
           ("dots", "T##.###.##.##", "digit", 3), ("split-lines", "T## ###\n## ##", "digit", 2))
    + _DISGUISES,
}
# how sites print a number in their contact field (site field style 0 or 1 picks one)
FIELD_STYLE_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("parentheses", "dashes", "plain"), "CA": ("parentheses", "dashes", "plain"),
    "GB": ("national", "compact"), "DE": ("national", "compact"), "ES": ("triples", "compact"),
    "IT": ("spaced", "compact"), "NL": ("dash", "compact"), "BE": ("pairs", "compact"),
    "CH": ("national", "compact"),
}
INTERNATIONAL_STYLES = ("international-spaced", "e164", "00-spaced")  # every other country
_INTERNATIONAL_WEIGHTS = (50, 30, 20)


def _international(dial: str, length: int) -> tuple[tuple[str, str, str, float], ...]:
    groups = " ".join("#" * len(range(i, min(i + 3, length))) for i in range(0, length, 3))
    patterns = (f"+{dial} {groups}", f"+{dial}" + "#" * length, f"00{dial} {groups}")
    return tuple((name, pattern, "digit", w) for name, pattern, w
                 in zip(INTERNATIONAL_STYLES, patterns, _INTERNATIONAL_WEIGHTS))


def _with_disguise_patterns(styles: tuple, national: str) -> tuple:
    """Fill the pattern of the shared disguises with the country's own national pattern
    (spaced digits: one digit per slot)."""
    spaced = " ".join(ch for ch in national if ch in "#T")
    return tuple((name, pattern if pattern is not None else
                  (spaced if name == "spaced-digits" else national), kind, weight)
                 for name, pattern, kind, weight in styles)


@dataclass(frozen=True)
class _Compiled:
    """Every style of every country, compiled into slots: literal, digit, literal, ..."""

    countries: tuple[str, ...]
    names: np.ndarray  # (n_styles,) style names
    first: dict[str, int]  # country -> index of its first style
    count: dict[str, int]  # country -> number of its styles
    cumulative: np.ndarray  # (n_countries, max_styles) cumulative weights (1.0 padded)
    literals: list[pa.Array]  # W + 1 arrays of n_styles literals
    source: np.ndarray  # (n_styles, W): NSN digit index, TRUNK, or NONE
    kind: np.ndarray  # (n_styles,) token kind code
    field: dict[str, tuple[int, ...]]  # country -> style indices of its contact fields


TRUNK, NONE = -2, -1


def _parse(pattern: str) -> tuple[list[str], list[int]]:
    literals, sources, k, current = [], [], 0, ""
    for ch in pattern:
        if ch in "#T":
            literals.append(current)
            sources.append(k if ch == "#" else TRUNK)
            k += ch == "#"
            current = ""
        else:
            current += ch
    literals.append(current)
    return literals, sources


@functools.lru_cache(maxsize=1)
def compiled() -> _Compiled:
    """Compile the styles of every country with a mobile range (French numbers excepted)."""
    tables = {}
    for country, (dial, prefixes, n_random) in MOBILE_RANGES.items():
        if country == "FR":
            continue
        length = len(prefixes[0]) + n_random
        if country in COUNTRY_STYLES:
            styles = COUNTRY_STYLES[country]
            tables[country] = _with_disguise_patterns(styles, styles[0][1])
        else:
            tables[country] = _international(dial, length)
    countries = tuple(tables)
    parsed = [(country, style, *_parse(style[1])) for country in countries
              for style in tables[country]]
    width = max(len(sources) for *_, sources in parsed)
    literals = [pa.array([lits[j] if j < len(lits) else "" for *_, lits, _ in parsed], pa.string())
                for j in range(width + 1)]
    source = np.array([sources + [NONE] * (width - len(sources)) for *_, sources in parsed])
    first, count, start = {}, {}, 0
    max_styles = max(len(t) for t in tables.values())
    cumulative = np.ones((len(countries), max_styles))
    for row, country in enumerate(countries):
        first[country], count[country] = start, len(tables[country])
        weights = np.array([s[3] for s in tables[country]], dtype=float)
        cumulative[row, :len(weights)] = np.cumsum(weights) / weights.sum()
        start += len(tables[country])
    names = np.array([style[0] for _, style, *_ in parsed], dtype=object)
    field = {}
    for country in countries:
        wanted = FIELD_STYLE_NAMES.get(country, INTERNATIONAL_STYLES[:2])
        own = list(names[first[country]:first[country] + count[country]])
        field[country] = tuple(first[country] + own.index(name) for name in wanted)
    return _Compiled(countries, names, first, count, cumulative, literals, source,
                     np.array([_KIND[style[2]] for _, style, *_ in parsed]), field)


@functools.lru_cache(maxsize=1)
def _tokens() -> pa.Array:
    """Token (kind, word language, digit) -> text."""
    out = []
    for kind in KINDS:
        for language in WORD_LANGUAGES:
            words = DIGIT_WORDS[language]
            for d in range(10):
                oh = "oh" if d == 0 and language == "en" else words[d]  # "oh" is English
                out.append({"digit": str(d), "word": words[d], "oh": oh,
                            "lookalike": _LOOKALIKE[d],
                            "keycap": f"{d}{_KEYCAP}", "mixed": words[d]}[kind])
    out.append("")
    return pa.array(out, pa.string())


def word_languages(language: np.ndarray) -> np.ndarray:
    """Index in ``WORD_LANGUAGES`` of each ad's language (English where none is written)."""
    position, distinct = pd.factorize(np.asarray(language, dtype=object))
    known = np.array([WORD_LANGUAGES.index(c) if c in WORD_LANGUAGES else 0 for c in distinct],
                     dtype=np.int64)
    return known[position] if len(position) else np.zeros(0, dtype=np.int64)


def _token_index(kind: np.ndarray, language: np.ndarray, digit: np.ndarray) -> np.ndarray:
    return (kind * len(WORD_LANGUAGES) + language) * 10 + digit


def draw_styles(countries: np.ndarray, quantile: np.ndarray) -> np.ndarray:
    """Global style index for numbers of ``countries`` at preference ``quantile`` in [0, 1)."""
    table = compiled()
    position, distinct = pd.factorize(np.asarray(countries, dtype=object))
    row = np.array([table.countries.index(c) for c in distinct], dtype=np.int64)[position]
    local = (table.cumulative[row] <= quantile[:, None]).sum(axis=1)
    first = np.array([table.first[c] for c in table.countries], dtype=np.int64)[row]
    count = np.array([table.count[c] for c in table.countries], dtype=np.int64)[row]
    return first + np.minimum(local, count - 1)


def field_styles(countries: np.ndarray, site_style: np.ndarray) -> np.ndarray:
    """Global style index of a contact field: the site's field style among the country's."""
    table = compiled()
    out = np.zeros(len(countries), dtype=np.int64)
    for country in np.unique(countries).tolist():
        where = countries == country
        options = np.array(table.field[country])
        out[where] = options[site_style[where] % len(options)]
    return out


def render(nsn_digits: np.ndarray, style: np.ndarray, word_language: np.ndarray,
           rng: np.random.Generator) -> pa.Array:
    """Numbers (rows of NSN digits, -1 padded) written in global ``style``s; digit words in
    ``word_language`` (index in ``WORD_LANGUAGES``)."""
    table = compiled()
    n = len(style)
    source = table.source[style]  # (n, W)
    rows = np.arange(n)[:, None]
    digit = np.where(source >= 0, nsn_digits[rows, np.maximum(source, 0)], 0)
    kind = np.broadcast_to(table.kind[style][:, None], source.shape)
    mixed = kind == _KIND["mixed"]
    kind = np.where(mixed & (rng.random(source.shape) < 0.5), _KIND["digit"], kind)
    kind = np.where(mixed & (kind == _KIND["mixed"]), _KIND["word"], kind)
    index = _token_index(kind, word_language[:, None], digit)
    index = np.where(source == NONE, len(_tokens()) - 1, index)
    tokens = _tokens()
    parts = [table.literals[0].take(pa.array(style))]
    for j in range(source.shape[1]):
        parts.append(tokens.take(pa.array(index[:, j])))
        parts.append(table.literals[j + 1].take(pa.array(style)))
    return pc.binary_join_element_wise(*parts, "")

"""Phone numbers and e-mail addresses of synthetic persons, and the ways ads disguise them.

Numbers are drawn inside ranges that ``phonenumbers`` accepts as valid mobile numbers (French 06
and 07 blocks; home-country mobiles of the foreign nationalities), unique within one ad set.
Ads show them the way advertisers dodge site filters: separators of every kind, +33 and 0033
forms, letters for digits ("O6 I2"), digits spelled in French, keycap emoji, numbers split across
lines or mixing digits and words. Renderings are whole-array: every ad's number is assembled from
precomputed per-pair tokens with ``pyarrow.compute`` string joins, never per-ad Python code.
"""

from __future__ import annotations

import functools
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import phone_formats
from .phone_formats import MOBILE_RANGES

_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def french_number(n: int) -> str:
    """French words for 0 <= n <= 99 (traditional spelling, hyphenated)."""
    if n < 17:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _TENS[tens]
        return _TENS[tens] + (" et un" if unit == 1 else "-" + _UNITS[unit])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + french_number(n - 60)
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + french_number(n - 80)


def _pair_words(n: int) -> str:
    return f"zéro {_UNITS[n]}" if n < 10 else french_number(n)


def _lookalike(n: int) -> str:
    one = "I" if n % 2 == 0 else "l"
    return f"{n:02d}".replace("0", "O").replace("1", one)


_KEYCAP = "\ufe0f\u20e3"

# token kinds: how one pair of digits (00..99) is written
_TOKEN_KINDS: dict[str, tuple[str, ...]] = {
    "num": tuple(f"{n:02d}" for n in range(100)),
    "lookalike": tuple(_lookalike(n) for n in range(100)),
    "words": tuple(_pair_words(n) for n in range(100)),
    "keycap": tuple("".join(d + _KEYCAP for d in f"{n:02d}") for n in range(100)),
    "spaced": tuple(" ".join(f"{n:02d}") for n in range(100)),
    "intl": tuple(str(n % 10) for n in range(100)),  # first pair after +33: "6" for "06"
    "intl_paren": tuple(f"(0){n % 10}" for n in range(100)),
}
_KIND_CODES = {kind: i for i, kind in enumerate(_TOKEN_KINDS)}
_TOKENS = pa.array([tok for toks in _TOKEN_KINDS.values() for tok in toks])

# style -> (prefix, first-pair kind, other-pair kind ("mixed": digits or words at random), gaps)
FRENCH_STYLES: tuple[tuple[str, str, str, tuple[str, str, str, str]], ...] = (
    ("", "num", "num", (" ", " ", " ", " ")),  # 06 12 34 56 78
    ("", "num", "num", ("", "", "", "")),  # 0612345678
    ("", "num", "num", (".", ".", ".", ".")),  # 06.12.34.56.78
    ("", "num", "num", ("-", "-", "-", "-")),  # 06-12-34-56-78
    ("+33 ", "intl", "num", (" ", " ", " ", " ")),  # +33 6 12 34 56 78
    ("+33 ", "intl_paren", "num", (" ", " ", " ", " ")),  # +33 (0)6 12 34 56 78
    ("0033 ", "intl", "num", (" ", " ", " ", " ")),  # 0033 6 12 34 56 78
    ("", "lookalike", "lookalike", (" ", " ", " ", " ")),  # O6 I2 34 56 78
    ("", "words", "words", (" ", " ", " ", " ")),  # zéro six douze trente-quatre ...
    ("", "keycap", "keycap", ("", "", "", "")),  # keycap emoji digits
    ("", "num", "num", (" ", " ", "\n", " ")),  # split across lines
    ("", "spaced", "spaced", (" ", " ", " ", " ")),  # 0 6 1 2 3 4 5 6 7 8
    ("", "num", "mixed", (" ", " ", " ", " ")),  # 06 12 trente-quatre 56 78
    ("", "num", "num", ("/", "/", "/", "/")),  # 06/12/34/56/78
)
FRENCH_STYLE_NAMES = ("spaced", "compact", "dots", "dashes", "+33", "+33 (0)", "0033",
                      "lookalike", "words", "keycap", "split-lines", "spaced-digits",
                      "mixed-words", "slashes")
FOREIGN_STYLE_NAMES = ("international-spaced", "e164", "00-spaced")
# how often each style is used in an ad text (plain forms dominate)
FRENCH_STYLE_WEIGHTS = np.array([25, 10, 10, 3, 6, 3, 2, 6, 6, 4, 5, 4, 4, 2], dtype=float)
FIELD_STYLES = (0, 1)  # how sites print a number in their contact field

FOREIGN_STYLE_COUNT = 3  # "+40 712 345 678", "+40712345678", "0040 712 345 678"


class PhoneBook:
    """All numbers of one ad set: E.164 strings plus what the renderers need."""

    def __init__(self, country: np.ndarray, national: np.ndarray) -> None:
        self.country = country  # (n,) country codes ("FR", ...)
        self.national = national  # (n,) national significant numbers, digits only
        codes = list(MOBILE_RANGES)
        dials = np.array([MOBILE_RANGES[c][0] for c in codes], dtype=object)
        dial = dials[pd.Index(codes).get_indexer(country)]
        self.e164 = "+" + dial + national
        self.is_french = country == "FR"
        # French digits as ints: lead digit (6/7) and the eight digits after it
        french_nsn = np.where(self.is_french, national, "600000000").astype(np.str_)
        as_int = french_nsn.astype(np.int64)
        self.lead = as_int // 100_000_000
        self.rest = as_int % 100_000_000
        self.dial = dial

    @functools.cached_property
    def foreign_row(self) -> np.ndarray:
        """Position of each foreign number among the foreign ones."""
        foreign = np.flatnonzero(~self.is_french)
        row = np.zeros(len(self.country), dtype=np.int64)
        row[foreign] = np.arange(len(foreign))
        return row

    @functools.cached_property
    def foreign_forms(self) -> pa.Array:
        """The three international forms of every foreign number (``render``)."""
        foreign = np.flatnonzero(~self.is_french)
        return pa.array([form for d, n in zip(self.dial[foreign].tolist(),
                                              self.national[foreign].tolist())
                          for form in _foreign_forms(d, n)] or [""], pa.string())

    def __len__(self) -> int:
        return len(self.e164)

    def render(self, phone: np.ndarray, style: np.ndarray, rng: np.random.Generator) -> pa.Array:
        """Text of numbers ``phone`` (indices) written in ``style`` (French style indices; foreign
        numbers use ``style % FOREIGN_STYLE_COUNT``)."""
        french = _render_french(self.lead[phone], self.rest[phone], style, rng)
        row = np.where(self.is_french[phone], 0,
                       self.foreign_row[phone] * FOREIGN_STYLE_COUNT + style % FOREIGN_STYLE_COUNT)
        foreign = self.foreign_forms.take(pa.array(row))
        return pc.if_else(pa.array(self.is_french[phone]), french, foreign)

    @functools.cached_property
    def digits(self) -> np.ndarray:
        """(n, longest) national significant digits of every number, -1 padded."""
        width = max((len(x) for x in self.national.tolist()), default=1)
        padded = np.char.ljust(self.national.astype(np.str_), width, "x")
        codes = padded.view(np.uint32).reshape(len(padded), width).astype(np.int64) - ord("0")
        return np.where((codes >= 0) & (codes <= 9), codes, -1)

    def render_local(self, phone: np.ndarray, style: np.ndarray, word_language: np.ndarray,
                     rng: np.random.Generator) -> pa.Array:
        """Numbers written their own country's ways: ``style`` is a French style index for
        French numbers, a ``phone_formats`` style index for the others; digit words in
        ``word_language`` (index in ``phone_formats.WORD_LANGUAGES``)."""
        french = np.flatnonzero(self.is_french[phone])
        other = np.flatnonzero(~self.is_french[phone])
        pieces = [_render_french(self.lead[phone[french]], self.rest[phone[french]],
                                 style[french], rng),
                  phone_formats.render(self.digits[phone[other]], style[other],
                                       word_language[other], rng)]
        back = np.empty(len(phone), dtype=np.int64)
        back[np.concatenate([french, other])] = np.arange(len(phone))
        return pa.concat_arrays(pieces).take(pa.array(back))

    def style_names(self, phone: np.ndarray, style: np.ndarray, local: bool) -> np.ndarray:
        """Name of the style each number was written in (``local``: ``render_local``)."""
        french = np.array(FRENCH_STYLE_NAMES, dtype=object)
        if local:
            is_french = self.is_french[phone]
            other = phone_formats.compiled().names
            return np.where(is_french, french[np.where(is_french, style, 0)],
                            other[np.where(is_french, 0, style)])
        foreign = np.array(FOREIGN_STYLE_NAMES, dtype=object)
        return np.where(self.is_french[phone], french[style],
                        foreign[style % FOREIGN_STYLE_COUNT])

    def extended(self, rng: np.random.Generator, countries: np.ndarray) -> PhoneBook:
        """This book plus one new number per entry of ``countries``, distinct from all."""
        fresh = draw_phones(rng, countries)
        taken = self.e164.astype(np.str_)
        while (clash := np.isin(fresh.e164.astype(np.str_), taken)
               | pd.Series(fresh.e164, dtype=object).duplicated().to_numpy()).any():
            national = fresh.national.copy()  # rare: redraw the numbers drawn twice
            national[clash] = draw_phones(rng, countries[clash]).national
            fresh = PhoneBook(fresh.country, national)
        return PhoneBook(np.concatenate([self.country, fresh.country]),
                         np.concatenate([self.national, fresh.national]))


def _foreign_forms(dial: str, nsn: str) -> tuple[str, str, str]:
    groups = " ".join(nsn[i:i + 3] for i in range(0, len(nsn), 3))
    return f"+{dial} {groups}", f"+{dial}{nsn}", f"00{dial} {groups}"


def _render_french(lead: np.ndarray, rest: np.ndarray, style: np.ndarray,
                   rng: np.random.Generator) -> pa.Array:
    n = len(lead)
    prefixes = np.array([s[0] for s in FRENCH_STYLES], dtype=object)
    first_kind = np.array([_KIND_CODES[s[1]] for s in FRENCH_STYLES])
    other = [s[2] for s in FRENCH_STYLES]
    mixed = np.array([k == "mixed" for k in other])
    other_kind = np.array([_KIND_CODES.get(k, _KIND_CODES["num"]) for k in other])
    words = _KIND_CODES["words"]
    pairs = [lead] + [(rest // 10 ** (6 - 2 * k)) % 100 for k in range(4)]
    parts: list[pa.Array] = [pa.array(prefixes[style], pa.string())]
    parts.append(_TOKENS.take(pa.array(first_kind[style] * 100 + pairs[0])))
    for k in range(4):
        kind = np.where(mixed[style] & (rng.random(n) < 0.5), words, other_kind[style])
        gap = np.array([s[3][k] for s in FRENCH_STYLES], dtype=object)[style]
        parts.append(pa.array(gap, pa.string()))
        parts.append(_TOKENS.take(pa.array(kind * 100 + pairs[k + 1])))
    return pc.binary_join_element_wise(*parts, "")


def draw_phones(rng: np.random.Generator, countries: np.ndarray) -> PhoneBook:
    """One new unique valid mobile number per entry of ``countries``."""
    national = np.empty(len(countries), dtype=object)
    for code in np.unique(countries).tolist():
        where = np.flatnonzero(countries == code)
        national[where] = _unique_numbers(rng, code, len(where))
    return PhoneBook(np.asarray(countries, dtype=object), national)


NANP_COUNTRIES = ("US", "CA")


def nanp_numbers(rng: np.random.Generator, area_codes: np.ndarray) -> np.ndarray:
    """Distinct ten-digit North American numbers, one in each given area code: exchange
    200-999 except the service codes N11 and the fictional 555, any line number."""
    def draw(codes: np.ndarray) -> np.ndarray:
        exchange = rng.integers(200, 1000, len(codes))
        exchange = np.where((exchange % 100 == 11) | (exchange == 555), exchange + 1, exchange)
        return (codes.astype(np.int64) * 1000 + exchange) * 10_000 + rng.integers(0, 10_000,
                                                                                 len(codes))

    numbers = draw(np.asarray(area_codes))
    while True:  # redraw the rare repeats (later copies of a number drawn twice)
        _, first = np.unique(numbers, return_index=True)
        repeated = np.ones(len(numbers), dtype=bool)
        repeated[first] = False
        if not repeated.any():
            return numbers.astype(np.str_).astype(object)
        numbers[repeated] = draw(np.asarray(area_codes)[repeated])


def _unique_numbers(rng: np.random.Generator, country: str, n: int) -> np.ndarray:
    if country in NANP_COUNTRIES:
        prefixes = MOBILE_RANGES[country][1]
        area = np.array(prefixes, dtype=object)[rng.integers(0, len(prefixes), n)]
        return nanp_numbers(rng, area)
    _, prefixes, n_random = MOBILE_RANGES[country]
    space = len(prefixes) * 10**n_random
    if n > space // 4:
        raise ValueError(f"too many {country} numbers asked ({n}) for the simulated ranges")
    codes = np.empty(0, dtype=np.int64)
    while len(codes) < n:  # redraw until enough distinct numbers (one or two rounds)
        drawn = rng.integers(0, space, size=int(n * 1.1) + 16)
        codes = np.concatenate([codes, drawn])
        _, first = np.unique(codes, return_index=True)
        codes = codes[np.sort(first)]
    codes = codes[:n]
    prefix = np.array(prefixes, dtype=object)[codes // 10**n_random]
    digits = np.char.zfill((codes % 10**n_random).astype(np.str_), n_random).astype(object)
    return prefix + digits


# ---------------------------------------------------------------- e-mails

# style -> (between local part and domain, between domain name and suffix)
EMAIL_STYLES: tuple[tuple[str, str], ...] = (
    ("@", "."),
    (" (at) ", " point "),
    ("[at]", "."),
    (" arobase ", " point "),
    (" @ ", " . "),
    (" AT ", " DOT "),
)
PLAIN_EMAIL_STYLE = 0  # how contact fields print an address
EMAIL_STYLE_NAMES = ("plain", "(at) point", "[at]", "arobase", "spaced @", "AT DOT")
EMAIL_STYLE_WEIGHTS = np.array([40, 15, 10, 15, 10, 10], dtype=float)


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters of a name ("Léa" -> "lea"), as people write their addresses."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


def draw_emails(rng: np.random.Generator, names: np.ndarray, domains: tuple[str, ...]
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique addresses for persons called ``names``: (local part, domain name, suffix) arrays."""
    n = len(names)
    numbers = rng.permutation(max(n * 5, 100))[:n] + 10  # distinct numbers make unique addresses
    folded = np.array([ascii_fold(name) or "contact" for name in names.tolist()], dtype=object)
    local = folded + np.array([str(v) for v in numbers.tolist()], dtype=object)
    domain = np.array(domains, dtype=object)[rng.integers(0, len(domains), n)]
    name_part = np.array([d.split(".")[0] for d in domain.tolist()], dtype=object)
    suffix = np.array([d.split(".")[1] for d in domain.tolist()], dtype=object)
    return local, name_part, suffix


def render_emails(local: pa.Array, name_part: pa.Array, suffix: pa.Array,
                  style: np.ndarray) -> pa.Array:
    """Addresses written in ``style`` ("lea59 (at) gmail point com")."""
    at = pa.array(np.array([s[0] for s in EMAIL_STYLES], dtype=object)[style], pa.string())
    dot = pa.array(np.array([s[1] for s in EMAIL_STYLES], dtype=object)[style], pa.string())
    return pc.binary_join_element_wise(local, at, name_part, dot, suffix, "")

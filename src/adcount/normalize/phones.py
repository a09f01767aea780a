"""Phone numbers from ad text, through the disguises advertisers use to get past site filters.

Pipeline for one text (each step is a precompiled regex or ``str.translate``):

1. :func:`~adcount.normalize.contacts_fold.fold_digits`: Unicode, keycap and enclosed digits,
   ``O``/``l`` inside digit runs -> ASCII digits.
2. :func:`~adcount.normalize.numerals.spell_to_digits`: "zéro six douze ..." -> "0 6 12 ...".
3. Masking: prices ("150€", "100 roses"), ages ("25 ans"), times ("22h30"), durations, dates
   ("12/10/2018"), measurements ("1m70", "55 kg", "95C"), company identifiers (SIRET) and masked
   numbers ("06 xx xx xx xx") become a breaker character that no phone can span.
4. Chains: digit groups joined by separators of any kind (spaces, dots, slashes, emoji, line
   breaks); then, on what is left, chains whose groups may also be split by up to three short
   words or a remark in parentheses ("06 12 (appelle) 34 56 78").
5. Inside a chain, a phone starts at a group that begins with ``+``, ``00`` or the national
   trunk ``0``, ends at a group boundary, and must be a valid number for phonenumbers
   (``is_valid_number``); the longest valid span wins, then the search resumes after it. Digits
   are never cut inside a group, so a 14-digit identifier cannot yield a phone.

Validation results are cached: the same numbers recur across thousands of ads.
"""

from __future__ import annotations

import functools
import re

import phonenumbers

from adcount.normalize.contacts_fold import fold_digits
from adcount.normalize.numerals import has_number_words, spell_to_digits

_BREAK = "#"
_MONTHS = (
    "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
    "|janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c"
    "|january|february|march|april|may|june|july|august|september|october|november|december"
)
# Every pattern here describes a number that is not a phone; matches are replaced by _BREAK.
# Case-insensitive, except the parts marked (?-i:...) where the case carries the meaning.
_NOT_PHONE = re.compile(
    "|".join(
        (
            # masked digits: "06 xx xx xx xx", "06 ** ** ** **", "06 ## ##", "06 ?? ??"
            r"(?<![^\W\d_])(?:x{1,4}|\*{2,}|#+|\?+|_{2,})(?![^\W\d_])",
            # prices, after or before the amount
            r"\d+(?:[.,]\d+)?(?:\s*(?:€|\$|£|eur(?:os?)?\b|chf\b|frs?\b|balles\b|dollars?\b"
            r"|roses?\b|cadeaux?\b)|(?:e|r|k)\b)",
            r"(?:€|\$|£)\s*\d+(?:[.,]\d+)?",
            # ages and durations
            r"\d+\s*(?:ans?|yo|y/o|years?|yrs?|mins?|mn|minutes?|heures?|hours?|nuits?|nights?"
            r"|jours?|days?|semaines?|mois|fois)\b",
            r"\b[aâ]ge\s*:?\s*\d+",
            # times: "22h30", "22 h", "9h-23h", "22:30" (a colon time not continued by digits)
            r"\b\d{1,2}\s?h(?:\s?\d{2})?\b",
            r"(?<![\d:.])\b\d{1,2}:\d{2}\b(?!\s*[:.\-/]?\s*\d)",
            # dates: "12/10/2018", "12.10.18", "12 octobre 2018", "2018-10-12"
            r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}\b",
            r"(?<![\d/.\-]\s)(?<![\d/.\-])\b\d{1,2}/\d{1,2}/\d{2}\b(?!\s*/\s*\d|\s+\d)",
            r"\b(?:19|20)\d{2}[/.\-]\d{1,2}[/.\-]\d{1,2}\b",
            rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\b\.?(?:\s+(?:19|20)\d{{2}}\b)?",
            rf"\b(?:{_MONTHS})\b\.?\s+(?:19|20)\d{{2}}\b",
            # measurements: "1m70", "1,70 m", "55 kg", "38 ème", "3 km", "95C", "90 DD"
            r"\b\d\s?m\s?\d{2}\b",
            r"\d+(?:[.,]\d+)?(?:\s*(?:kgs?|kilos?|cm|mm|km|ml|cl|%|pts?|points?|[eè]me|[eè]re"
            r"|bonnet)|(?:m|g|l|er|nd|nde|th|st|rd))\b",
            r"\b(?:bonnet|taille|pointure|tour de poitrine|poitrine)\s*:?\s*\d+\w*",
            r"(?-i:(?<!\d[\s.\-/])\b\d{2,3}(?:\s?[A-H]|[a-h]|\s?DDD?)\b|\bT\s?\d{2}\b)",
            # identifiers: SIRET/SIREN/TVA/RCS numbers and references; postcode or département
            # followed by a town name
            r"\b(?:siret|siren|tva|rcs|r[ée]f(?:[ée]rence)?)\b[\s:°n.#]*[\da-z]?[\d\s.]{3,24}",
            r"(?-i:\b\d{5}\s+(?=[A-ZÉÈ][a-zéèêàç])|\(\d{2,3}\)(?=\s*[A-ZÉÈ]?[a-zéèêàç]))",
        )
    ),
    re.IGNORECASE,
)
# Separators between digit groups: anything that is neither a letter/digit nor a breaker.
_SEP = r"(?:[^\w#+@€$£%]|_)"
# Gaps a disguised phone may have between groups: up to three short words ("06 12 appelle 34"),
# or one parenthesised remark ("06 72 (appelle, pas de sms) 11 93 58").
_WORD_GAP = rf"{_SEP}+(?:[^\W\d_]{{1,12}}{_SEP}+){{0,3}}"
_REMARK_GAP = rf"{_SEP}*\([^()\d#]{{1,40}}\){_SEP}*"
_TIGHT_CHAIN = re.compile(rf"(?:\+|\b)\d+(?:{_SEP}+\+?\d+)*")
_LOOSE_CHAIN = re.compile(rf"(?:\+|\b)\d+(?:(?:{_REMARK_GAP}|{_WORD_GAP})\+?\d+)*")
# A WhatsApp link writes the international number without "+": "wa.me/33612345678".
_LINK_NUMBER = re.compile(r"(?:wa\.me/|phone=)\+?(?=\d)", re.IGNORECASE)
_GROUP = re.compile(r"\+?\d+")
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 17  # "00" + 15-digit E.164, with room for a written trunk "(0)"
_DIGITS = "0123456789"


@functools.lru_cache(maxsize=1 << 16)
def _valid_e164(candidate: str, region: str) -> str | None:
    """E.164 form of ``candidate`` if phonenumbers accepts it as a valid number, else None."""
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _phones_in_chain(groups: list[str], region: str) -> list[str]:
    """Valid phones in one chain of digit groups, aligned on group boundaries, left to right."""
    found: list[str] = []
    i = 0
    while i < len(groups):
        first = groups[i]
        if not first.startswith(("+", "0")):
            i += 1
            continue
        prefix = "+" if first.startswith(("+", "00")) else ""
        digits = first.lstrip("+")
        if first.startswith("00"):
            digits = digits[2:]
        best: tuple[str, int] | None = None
        j = i
        while True:
            if len(digits) >= _MIN_PHONE_DIGITS:
                e164 = _valid_e164(prefix + digits, region)
                if e164 is not None:
                    best = (e164, j)
            j += 1
            if j >= len(groups) or groups[j].startswith("+"):
                break
            digits += groups[j]
            if len(digits) > _MAX_PHONE_DIGITS:
                break
        if best is None:
            i += 1
        else:
            found.append(best[0])
            i = best[1] + 1
    return found


def prepare_digits(text: str) -> str | None:
    """Text with digits folded, spelled numbers as digits and non-phone numbers masked.

    Returns None, cheaply, when the text has too few digits and no number words to hold a phone.
    """
    folded = _LINK_NUMBER.sub(" +", fold_digits(text))
    if has_number_words(folded):
        folded = spell_to_digits(folded)
    elif _digit_count(folded) < _MIN_PHONE_DIGITS:
        return None
    return _NOT_PHONE.sub(_BREAK, folded)


def _digit_count(text: str) -> int:
    return sum(text.count(d) for d in _DIGITS)


def extract_phones(text: str, region: str = "FR") -> list[str]:
    """Phone numbers in ``text`` as E.164 strings, in order of appearance, without repeats.

    ``region`` is the ISO 3166 country used for numbers written without an international prefix
    ("06 12 34 56 78" -> "+33612345678" for "FR"). International numbers written with ``+`` or
    ``00`` are recognised for every country phonenumbers knows. Only numbers that phonenumbers
    accepts as valid are returned; prices, ages, dates, times, measurements, identifiers and
    masked numbers are never read as phones.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_phones expects a str, got {type(text).__name__}")
    prepared = prepare_digits(text)
    if prepared is None or _digit_count(prepared) < _MIN_PHONE_DIGITS:
        return []
    phones: list[str] = []
    # Tight chains (groups joined by separators only) first, so that a number written plainly is
    # never glued to digits across words; then chains across words, on what the first pass left.
    for pattern in (_TIGHT_CHAIN, _LOOSE_CHAIN):
        leftover = []
        end = 0
        for chain in pattern.finditer(prepared):
            found = _phones_in_chain(_GROUP.findall(chain.group()), region)
            if found:
                leftover.append(prepared[end : chain.start()])
                leftover.append(_BREAK)
                end = chain.end()
            phones.extend(p for p in found if p not in phones)
        leftover.append(prepared[end:])
        prepared = "".join(leftover)
    return phones

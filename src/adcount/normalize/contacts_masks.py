"""Numbers in ad text that are not phones: prices, ages, durations, times, dates, measurements,
identifiers and masked numbers.

:func:`mask_non_phones` replaces each of them by a breaker character that no phone can span, so
the phone extractor never reads "150€", "25 ans", "22h30", "12/10/2018", "1m70", "95C",
"SIRET 802 954 785 00028" or "06 xx xx xx xx" as (part of) a phone number.

Speed: the main pattern begins with one character class (a digit, a currency sign, a masking
symbol, "(" or "T"), so the regex engine only stops where a masked number can start; each branch
is written as the rest of its pattern after that first character. Patterns introduced by a
keyword ("âge", "octobre 2018", "taille", "SIRET") run only when such a keyword is in the text.
"""

from __future__ import annotations

import re

from adcount.normalize.contacts_regex import word_start_alternation

BREAK = "#"
_MONTHS = (
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr", "fevr", "fév",
    "fev", "avr", "juil", "sept", "oct", "nov", "déc", "dec", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
)
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Right after the first digit of a number: no letter, digit or "_" stands before that digit.
_START = r"(?<!\w\d)"

# Each branch is the rest of a pattern whose first character, a digit, is already consumed; they
# are tried at the first digit of a run only.
_AFTER_DIGIT = (
    # prices: "150€", "150 euros", "100 roses", "150e", "1k"
    r"\d*(?:[.,]\d+)?(?:\s*(?:€|\$|£|eur(?:os?)?\b|chf\b|frs?\b|balles\b|dollars?\b|roses?\b"
    r"|cadeaux?\b)|(?:e|r|k)\b)",
    # ages and durations: "25 ans", "30 min", "2 nuits", "3 fois"
    r"\d*\s*(?:ans?|yo|y/o|years?|yrs?|mins?|mn|minutes?|heures?|hours?|nuits?|nights?|jours?"
    r"|days?|semaines?|mois|fois)\b",
    # times: "22h30", "22 h", "9h-23h"; "22:30" when no digits continue it
    rf"{_START}\d?\s?h(?:\s?\d{{2}})?\b",
    r"(?<![\w:.]\d)\d?:\d{2}\b(?!\s*[:.\-/]?\s*\d)",
    # dates: "12/10/2018", "12.10.2018", "28/09/18" (not "06/12/34/56/78"), "2018-10-12",
    # "12 octobre 2018", "1er novembre", "du 01/11"
    rf"{_START}\d?[/.\-]\d{{1,2}}[/.\-](?:19|20)\d{{2}}\b",
    r"(?<![\d/.\-]\s\d)(?<![\w/.\-]\d)\d?/\d{1,2}/\d{2}\b(?!\s*/\s*\d|\s+\d)",
    rf"{_START}(?:(?<=1)9|(?<=2)0)\d{{2}}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}\b",
    rf"{_START}\d?(?:er)?\s+(?:{_MONTH})\b\.?(?:\s+(?:19|20)\d{{2}}\b)?",
    # a day and month after "du", "au" or "le": "du 01/11 au 05/11"
    r"(?<=\bdu \d|\bau \d|\ble \d)\d?/\d{1,2}\b(?!\s*/\s*\d)",
    # measurements: "1m70", "1,70 m", "55 kg", "38 ème", "3 km", "95C", "90 DD"
    rf"{_START}\s?m\s?\d{{2}}\b",
    r"\d*(?:[.,]\d+)?(?:\s*(?:kgs?|kilos?|cm|mm|km|ml|cl|%|pts?|points?|[eè]me|[eè]re|bonnet)"
    r"|(?:m|g|l|er|nd|nde|th|st|rd))\b",
    rf"(?-i:(?<!\d[\s.\-/]\d){_START}\d{{1,2}}(?:\s?[A-H]|[a-h]|\s?DDD?)\b)",
    # a postcode followed by a town name: "62000 Arras"
    rf"(?-i:{_START}\d{{4}}\s+(?=[A-ZÉÈ][a-zéèêàç]))",
)
_NOT_PHONE = re.compile(
    r"[\d€$£xX*#?_(T](?:"
    # (a run followed by spaces and another digit, as in "06 12 34", is none of them: skip it)
    rf"(?<=\d)(?<!\d\d)(?!\d*+\s++\d)(?:{'|'.join(_AFTER_DIGIT)})"
    # a currency sign before the amount: "€150"
    r"|(?<=[€$£])\s*\d+(?:[.,]\d+)?"
    # masked digits: "06 xx xx xx xx", "06 ** ** ** **", "06 ## ##", "06 ?? ??"
    r"|(?<![^\W\d_][xX*#?_])(?:(?<=[xX])x{0,3}|(?<=\*)\*+|(?<=#)#*|(?<=\?)\?*|(?<=_)_+)(?![^\W\d_])"
    # a département in brackets before a town name: "(62) Arras"; a dress size "T38"
    r"|(?-i:(?<=\()\d{2,3}\)(?=\s*[A-ZÉÈ]?[a-zéèêàç]))"
    r"|(?-i:(?<=T)(?<!\wT)\s?\d{2}\b)"
    ")",
    re.IGNORECASE,
)
_KEYWORDS = (*_MONTHS, "âge", "age", "bonnet", "taille", "pointure", "tour", "poitrine", "siret", "siren",
             "tva", "rcs", "ref", "réf", "reference", "référence")
_KEYWORD_HINT = re.compile(word_start_alternation(_KEYWORDS), re.IGNORECASE)
# Matched only where _KEYWORD_HINT found a keyword, so each branch starts with its keyword.
_AFTER_KEYWORD = re.compile(
    "|".join(
        (
            r"[aâ]ge\s*:?\s*\d+",
            rf"(?:{_MONTH})\b\.?\s+(?:19|20)\d{{2}}\b",
            r"(?:bonnet|taille|pointure|tour de poitrine|poitrine)\s*:?\s*\d+\w*",
            r"(?:siret|siren|tva|rcs|r[ée]f(?:[ée]rence)?)\b[\s:°n.#]*[\da-z]?[\d\s.]{3,24}",
        )
    ),
    re.IGNORECASE,
)


def mask_non_phones(text: str) -> str:
    """``text`` with every number that is not a phone replaced by :data:`BREAK`."""
    pieces: list[str] = []
    done = 0
    for hint in _KEYWORD_HINT.finditer(text):
        masked = _AFTER_KEYWORD.match(text, hint.start()) if hint.start() >= done else None
        if masked is not None:
            pieces += (text[done : masked.start()], BREAK)
            done = masked.end()
    if pieces:
        text = "".join(pieces) + text[done:]
    return _NOT_PHONE.sub(BREAK, text)

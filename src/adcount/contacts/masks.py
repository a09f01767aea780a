"""Numbers in ad text that are not phones: prices, ages, durations, times, dates, measurements,
identifiers and masked numbers.

:func:`mask_non_phones` replaces each of them by a breaker character that no phone can span, so
the phone extractor never reads "150€", "25 ans", "22h30", "12/10/2018", "1m70", "95C",
"SIRET 802 954 785 00028" or "06 xx xx xx xx" as (part of) a phone number, nor the habits of ads
elsewhere: "$200 hh", "150hhr", "£150ph", "200 lei", "23 yrs", "25 anni", "10am", "22 Uhr", "24/7",
"5'6\"", "120 lbs", "36DD-24-36", "NV 89109", "1012 AB", "Post ID: ...", "P.IVA ...", CPF numbers.

Speed: the main pattern begins with one character class (a digit, a currency sign, a masking
symbol, "(" or "T"), so the regex engine only stops where a masked number can start; each branch
is written as the rest of its pattern after that first character. Patterns introduced by a
keyword ("âge", "octobre 2018", "taille", "SIRET") run only when such a keyword is in the text.
"""

from __future__ import annotations

import re

from adcount.contacts.regex import word_start_alternation

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

# Words written after a number that make it a price, an age, a duration or a measure, in the
# languages of the corpus's countries (tests/data/contacts): English, French, Spanish, Italian,
# Portuguese, German, Dutch, Romanian, Danish/Norwegian, Thai.
_CURRENCIES = (
    "eur", "euros?", "chf", "frs?", "balles", "dollars?", "usd", "cad", "gbp", "bucks", "quid", "reais", "real",
    "lei", "ron", "kr", "dkk", "nok", "sek", "pln", "baht", "roses?", "cadeaux?", "donations?", "specials?",
)
_PER_TIME = ("hhr", "hh", "hr", "hrs", "qv", "ph", "pph")  # "150hhr" half hour, "£150ph" per hour
_YEARS_AND_TIMES = (
    "ans?", "yo", "y/o", "y\\.o", "years?", "yrs?", "anni", "años", "anos", "ani", "jahre?n?", "jaar", "år",
    "mins?", "mn", "minutes?", "minuti", "minutos", "minuten", "heures?", "hours?", "ore", "horas?", "uur",
    "std", "stunden?", "timer", "nuits?", "nights?", "notte", "noches?", "noites?", "nacht", "jours?", "days?",
    "giorni", "días", "dias", "tage?n?", "dagen", "semaines?", "weeks?", "mois", "months?", "fois", "times",
)
_UNITS_AFTER = (
    "kgs?", "kilos?", "lbs?", "pounds?", "cm", "mm", "km", "ml", "cl", "pts?", "points?", "[eè]me", "[eè]re",
    "bonnet", "ft", "feet", "foot", "inch(?:es)?",
)
# Each branch is the rest of a pattern whose first character, a digit, is already consumed; they
# are tried at the first digit of a run only.
_AFTER_DIGIT = (
    # a number and its unit, in one branch (one pass of the engine): prices ("150€", "150 euros",
    # "100 roses", "200 lei", "1.500 kr", "150hhr", "150e", "1k"; "$200" below), ages and durations
    # ("25 ans", "23 yrs", "30 min", "2 nuits", "22 ปี"), measures ("1,70 m", "55 kg", "120 lbs",
    # "38 ème", "3 km", "5ft"). A sign followed by digits is the next price's: "1893 $200" keeps "1893".
    # (possessive: the engine never gives digits back to retry every unit at a shorter number)
    rf"\d*+(?:[.,]\d+)?+(?:\s*+(?:(?:€|\$|£|฿)(?!\s?\d)|บาท|ปี|นาที|ชม|,-|\.-|%"
    rf"|(?:{'|'.join((*_CURRENCIES, *_YEARS_AND_TIMES, *_UNITS_AFTER))})\b)"
    rf"|\s*/?\s*(?:{'|'.join(_PER_TIME)})\b|(?:e|r|k|m|g|l|er|nd|nde|th|st|rd)\b)",
    # times: "22h30", "22 h", "9h-23h", "10am", "10:30 pm", "22 Uhr"; "22:30" when no digits continue it
    rf"{_START}\d?\s?h(?:\s?\d{{2}})?\b",
    r"\d?(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?|uhr)(?![^\W\d_])",
    r"(?<![\w:.]\d)\d?:\d{2}\b(?!\s*[:.\-/]?\s*\d)",
    # always open: "24/7", "24-7", "24/24", "7/7", "7j/7" (never inside a number: "06-18-18-24-24")
    r"(?<![\d][\s.\-/]\d)(?:(?<=2)4\s?(?:[/\-]\s?7|/\s?24)|(?<=7)\s?j?\s?/\s?7)\b(?!\s?[\-./]?\s?\d)",
    # dates: "12/10/2018", "12.10.2018", "28/09/18" (not "06/12/34/56/78"), "2018-10-12",
    # "12 octobre 2018", "1er novembre", "du 01/11"; Thai years count from 543 BC ("12/10/2561")
    rf"{_START}\d?[/.\-]\d{{1,2}}[/.\-](?:19|20|25)\d{{2}}\b",
    r"(?<![\d/.\-]\s\d)(?<![\w/.\-]\d)\d?/\d{1,2}/\d{2}\b(?!\s*/\s*\d|\s+\d)",
    rf"{_START}(?:(?<=1)9|(?<=2)0)\d{{2}}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}\b",
    rf"{_START}\d?(?:er)?\s+(?:{_MONTH})\b\.?(?:\s+(?:19|20)\d{{2}}\b)?",
    # a day and month after "du", "au" or "le": "du 01/11 au 05/11"
    r"(?<=\bdu \d|\bau \d|\ble \d)\d?/\d{1,2}\b(?!\s*/\s*\d)",
    # measurements: "1m70", "95C", "90 DD"
    rf"{_START}\s?m\s?\d{{2}}\b",
    rf"(?-i:(?<!\d[\s.\-/]\d){_START}\d{{1,2}}(?:\s?[A-H]|[a-h]|\s?DDD?)\b)",
    # a height in feet and inches: "5'6", "5’ 4''", "5'4\""
    r"(?<=[4-7])\s?['’′]\s?(?:1[01]|\d)\b(?:\s?(?:\"|''|”|″|in\b))?(?!\s?['’′]?\s?\d)",
    # Brazilian taxpayer numbers, by their own format: CPF "123.456.789-09", CNPJ "12.345.678/0001-95"
    r"(?:\d{2}\.\d{3}\.\d{3}-\d{2}|\d\.\d{3}\.\d{3}/\d{4}-\d{2})\b",
    # bust-waist-hips: "36-24-36", "90-60-90"
    # (never inside a list of numbers: "06 - 35 - 23 - 86 - 98")
    r"(?<![\d\-]\d)(?<![\d\-]\s\d)\d[A-H]{0,3}\s?-\s?\d{2}\s?-\s?\d{2}\b(?!\s*[\-.]?\s*\d)",
    # a postcode followed by a town name: "62000 Arras", "1000 Bruxelles", "8001 Zürich";
    # after a US state: "NV 89109", "NY 10019-1234"; Dutch "1012 AB"
    rf"(?-i:(?<!\d[\s.\-/]\d){_START}\d{{3,4}}\s+(?=[A-ZÉÈÜÖÄ][a-zéèêàçüöäß]))",
    r"(?-i:(?<=[^\w][A-Z]{2}\s\d)\d{4}(?:-\d{4})?\b(?!\s*[\-.]?\s*\d))",
    r"(?-i:(?<!\d[\s.\-/]\d){_START}\d{3}\s?[A-Z]{2}\b)".replace("{_START}", _START),
)
_NOT_PHONE = re.compile(
    r"[\d€$£฿xX*#?_(T](?:"
    # (a run followed by spaces and another digit, as in "06 12 34", is none of them: skip it)
    rf"(?<=\d)(?<!\d\d)(?!\d*+\s++\d)(?:{'|'.join(_AFTER_DIGIT)})"
    # a currency sign before the amount: "€150", "$ 200", "R$200"
    # (unless the sign ends the amount before it: "250฿ 092-857-8647")
    r"|(?<=[€$£฿])(?<!\d[€$£฿])(?<!\d\s[€$£฿])\s*\d+(?:[.,]\d+)?"
    # an order or ad number: "#2019112345", "# 12345"
    r"|(?<=#)\s?\d+(?![\s.\-/]?\d)"
    # masked digits: "06 xx xx xx xx", "06 ** ** ** **", "06 ## ##", "06 ?? ??"
    r"|(?<![^\W\d_][xX*#?_])(?:(?<=[xX])x{0,3}|(?<=\*)\*+|(?<=#)#*|(?<=\?)\?*|(?<=_)_+)(?![^\W\d_])"
    # a département in brackets before a town name: "(62) Arras"; a dress size "T38"
    r"|(?-i:(?<=\()\d{2,3}\)(?=\s*[A-ZÉÈ]?[a-zéèêàç]))"
    r"|(?-i:(?<=T)(?<!\wT)\s?\d{2}\b)"
    ")",
    re.IGNORECASE,
)
# Identifiers introduced by a keyword: company and tax numbers, IBANs, order and ad numbers.
_LONG_ID_WORDS = ("siret", "siren", "tva", "rcs", "ref", "réf", "reference", "référence", "iban")
# Only identifiers a phone could be read from need a keyword: a long run that is never cut (a
# 13-digit CNP, a postcode) cannot yield one, nor a tax number glued to its country letters
# ("DE123456789"); these are spaced, dotted or short enough to. Their first letters are already
# those of other keywords (the keyword scan stops on each word starting with one of them).
_ID_WORDS = ("btw", "kvk", "p.iva", "piva", "partita iva", "post id", "ad id", "order")
_KEYWORDS = (*_MONTHS, "âge", "age", "bonnet", "taille", "pointure", "tour", "poitrine", *_LONG_ID_WORDS,
             *_ID_WORDS)
_KEYWORD_HINT = re.compile(word_start_alternation(_KEYWORDS), re.IGNORECASE)
# Matched only where _KEYWORD_HINT found a keyword, so each branch starts with its keyword.
_AFTER_KEYWORD = re.compile(
    "|".join(
        (
            r"[aâ]ge\s*:?\s*\d+",
            rf"(?:{_MONTH})\b\.?\s+(?:19|20)\d{{2}}\b",
            r"(?:bonnet|taille|pointure|tour de poitrine|poitrine)\s*:?\s*\d+\w*",
            rf"(?:{'|'.join(re.escape(w) for w in _LONG_ID_WORDS)})\b[\s:°n.#]*[\da-z]?[\d\s.]{{3,24}}",
            # one identifier only, so that a phone written after it stays whole: "CAP 20100 333 1234567"
            rf"(?:{'|'.join(re.escape(w) for w in sorted(_ID_WORDS, key=len, reverse=True))})\b"
            r"[\s:°n.#\-]*(?:[a-z]{1,3}\s?)?\d+(?:[\-/.]\d+)*[a-z]?\b",
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

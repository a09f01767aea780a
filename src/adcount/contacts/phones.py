"""Phone numbers from ad text, through the disguises advertisers use to get past site filters.

Pipeline for one text (each step is a precompiled regex or ``str.translate``):

1. :func:`~adcount.contacts.fold.fold_digits`: Unicode, keycap and enclosed digits,
   ``O``/``l`` inside digit runs -> ASCII digits.
2. :func:`~adcount.contacts.numerals.spell_to_digits`: "zéro six douze ..." -> "0 6 12 ...".
3. Windows: only the spans around digit chains that could hold a phone (enough digits, a group
   that can start one) go further, so the cost of long texts stays low.
4. :func:`~adcount.contacts.masks.mask_non_phones`: prices ("150€", "100 roses"), ages
   ("25 ans"), times ("22h30"), durations, dates ("12/10/2018"), measurements ("1m70", "55 kg",
   "95C"), company identifiers (SIRET) and masked numbers ("06 xx xx xx xx") become a breaker
   character that no phone can span.
5. Chains: digit groups joined by separators of any kind (spaces, dots, slashes, emoji, line
   breaks); then, on what is left, chains whose groups may also be split by up to three short
   words or a remark in parentheses ("06 12 (appelle) 34 56 78").
6. Inside a chain, a phone starts at a group that begins with ``+``, ``00`` or the region's
   trunk prefix (``0`` in France, ``1`` in North America; at the chain's start, also the
   region's calling code: "33 6 12 34 56 78"), or at any group in a region whose ads write
   national numbers without a trunk prefix (North America, Brazil, Italy, Spain ...: see
   :mod:`~adcount.contacts.phone_plans`); it ends at a group boundary, and must be a valid number for phonenumbers
   (``is_valid_number``); from each start the longest valid span counts, and overlapping spans
   are settled by covering the most digits. Digits are never cut inside a group, so a 14-digit
   identifier cannot yield a phone.

Validation results are cached: the same numbers recur across thousands of ads.
"""

from __future__ import annotations

import re

from adcount.contacts.fold import fold_digits
from adcount.contacts.masks import BREAK, mask_non_phones
from adcount.contacts.numerals import may_hold_spelled_phone, may_hold_word_phone, spell_to_digits
from adcount.contacts.phone_plans import (
    NO_TRUNK_MIN_DIGITS, DialPlan, dial_plan, international_plausible, valid_e164,
)

# Separators between digit groups: anything that is neither a letter/digit nor a breaker.
_SEP = r"(?:[^\w#+@€$£%]|_)"
# Gaps a disguised phone may have between groups: up to three short words ("06 12 appelle 34"),
# or one parenthesised remark ("06 72 (appelle, pas de sms) 11 93 58").
# A colon introduces a number ("Tel.: 621 ..."), so a gap across words never holds one.
_GAP_SEP = r"(?:[^\w#+@€$£%:]|_)"
_WORD_GAP = rf"(?:{_GAP_SEP}+(?:[^\W\d_]{{1,12}}{_GAP_SEP}+){{1,3}}|{_SEP}+)"
_REMARK_GAP = rf"{_SEP}*\([^()\d#]{{1,40}}\){_SEP}*"
# A chain starts with "+" and a digit, or with a digit that follows no digit (written as a class
# first, then checks, so that the engine only stops on "+" and digits). Letters may touch it:
# scraped text often loses the space in "Tel06 12 34 56 78".
_CHAIN_START = r"[+\d](?:(?<=\+)\d+|(?<!\d\d)\d*)"
_TIGHT_CHAIN = re.compile(rf"{_CHAIN_START}(?:{_SEP}+\+?\d+)*")
_LOOSE_CHAIN = re.compile(rf"{_CHAIN_START}(?:(?:{_REMARK_GAP}|{_WORD_GAP})\+?\d+)*")
# A WhatsApp link writes the international number without "+": "wa.me/33612345678".
_LINK_NUMBER = re.compile(r"(?:wa\.me/|phone=)\+?(?=\d)", re.IGNORECASE)
_GROUP = re.compile(r"\+?\d+")
_SPACED_PLUS = re.compile(r"\+\s+(?=\d)")
# A chain worth masking and reading holds a group that starts with "+" or "0" (or the region's
# trunk), or begins with the region's calling code; in a region that writes national numbers
# without a prefix, any chain long enough (see _start).
_START_HINT = re.compile(r"[+0](?<![0-9]0)")
_MARGIN = 40
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 17  # "00" + 15-digit E.164, with room for a written trunk "(0)"
_DIGITS = "0123456789"


def _start(group: str, first_in_chain: bool, plan: DialPlan) -> tuple[str, str] | None:
    """(prefix, digits) if a phone may start at ``group``: "+33...", "0033...", the region's
    trunk prefix ("06...", "1-212-..."), the region's calling code without "+" at the start of
    a chain ("33 6 12 34 56 78"), or any group in a region whose numbers are written without a
    trunk prefix ("212-555-0123", "333 123 4567")."""
    if group.startswith("+"):
        return "+", group[1:]
    if group.startswith("00"):
        return "+", group[2:]
    if plan.trunk and group.startswith(plan.trunk):
        return "", group
    if first_in_chain and plan.calling_code and group.startswith(plan.calling_code):
        return "+", group
    if plan.trunk_optional:
        return "", group
    return None


def _plausible(prefix: str, digits: str, plan: DialPlan) -> bool:
    """Cheap test that spares phonenumbers' parser the many candidates that cannot be valid."""
    if prefix:
        return len(digits) >= _MIN_PHONE_DIGITS and international_plausible(digits)
    if plan.trunk and digits.startswith(plan.trunk):
        enough = _MIN_PHONE_DIGITS
    else:  # a bare digit run, without any prefix: see NO_TRUNK_MIN_DIGITS
        enough = plan.min_bare_digits
    return len(digits) >= enough and plan.national_plausible(digits)


def _longest_from(groups: list[str], i: int, plan: DialPlan) -> tuple[int, str, int] | None:
    """(last group, E.164, digits used) of the longest valid phone starting at group ``i``."""
    start = _start(groups[i], i == 0, plan)
    if start is None:
        return None
    prefix, digits = start
    best = None
    j = i
    while True:
        if _plausible(prefix, digits, plan):
            e164 = valid_e164(prefix + digits, plan.region)
            if e164 is not None:
                best = (j, e164, len(digits))
        j += 1
        if j >= len(groups) or groups[j].startswith("+"):
            return best
        digits += groups[j]
        if len(digits) > _MAX_PHONE_DIGITS:
            return best


def _phones_in_chain(groups: list[str], plan: DialPlan) -> list[str]:
    """Valid phones in one chain of digit groups, aligned on group boundaries, in order.

    Each group may start a phone (the longest valid span from it). Spans overlap when stray
    digits touch a phone ("note 09/10 06 12 34 56 78" holds "09 10 06 12 34" and
    "06 12 34 56 78"); the chosen spans cover the most digits and, on a tie, start latest, so
    the stray digits before a phone are the ones left out.
    """
    spans = {i: span for i in range(len(groups)) if (span := _longest_from(groups, i, plan))}
    if len(spans) <= 1:
        return [phone for _, phone, _ in spans.values()]
    # best[k]: ((digits covered, sum of starts), phones) using groups k.. only
    best: list[tuple[tuple[int, int], list[str]]] = [((0, 0), [])] * (len(groups) + 1)
    for k in range(len(groups) - 1, -1, -1):
        choice = best[k + 1]
        if k in spans:
            end, phone, used = spans[k]
            (covered, starts), phones = best[end + 1]
            taken = ((covered + used, starts + k), [phone, *phones])
            if taken[0] > choice[0]:
                choice = taken
        best[k] = choice
    return best[0][1]


def _folded(text: str) -> str:
    """``text`` with digits folded and link numbers given their "+"."""
    folded = fold_digits(text)
    if "wa.me/" in folded or "phone=" in folded:
        folded = _LINK_NUMBER.sub(" +", folded)
    if "+" in folded:
        folded = _SPACED_PLUS.sub("+", folded)
    return folded


def _digits_and_words(text: str) -> str:
    """``text`` folded (see _folded) with numbers spelled among digits as digits."""
    folded = _folded(text)
    return spell_to_digits(folded) if may_hold_spelled_phone(folded) else folded


def _least_digits(plan: DialPlan) -> int:
    """Fewest digits a phone of ``plan`` can have (fewer than 7 only where bare numbers are short)."""
    return min(_MIN_PHONE_DIGITS, plan.min_bare_digits) if plan.trunk_optional else _MIN_PHONE_DIGITS


def _read(prepared: str, plan: DialPlan) -> list[str]:
    """Phones of a prepared text (see _digits_and_words), in order, without repeats."""
    if _digit_count(prepared) < _least_digits(plan):
        return []
    phones: list[str] = []
    for start, end in _windows(prepared, plan):
        for phone in _phones_in_window(mask_non_phones(prepared[start:end]), plan):
            if phone not in phones:
                phones.append(phone)
    return phones


def _digit_count(text: str) -> int:
    return sum(text.count(d) for d in _DIGITS)


def _windows(text: str, plan: DialPlan) -> list[tuple[int, int]]:
    """Spans of ``text`` that may hold a phone: loose chains with enough digits and a group that
    can start a phone, widened by _MARGIN on each side (so that masks see their context) and
    merged. Masking only these spans keeps the cost of long texts low."""
    spans: list[tuple[int, int]] = []
    least = _least_digits(plan)
    for chain in _LOOSE_CHAIN.finditer(text):
        body = chain.group()
        if _digit_count(body) < least:
            continue
        if not plan.trunk_optional and _START_HINT.search(body) is None and not (
            plan.calling_code and body.startswith(plan.calling_code)
        ) and not (plan.trunk and plan.trunk != "0" and plan.trunk in body):
            continue
        start, end = max(0, chain.start() - _MARGIN), min(len(text), chain.end() + _MARGIN)
        # never cut a word or a number in two: a cut number could look like a phone
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _phones_in_window(window: str, plan: DialPlan) -> list[str]:
    """Phones of one masked window: tight chains (groups joined by separators only) first, so a
    number written plainly is never glued to digits across words; then, on what they left,
    chains across words."""
    phones: list[str] = []
    for pattern in (_TIGHT_CHAIN, _LOOSE_CHAIN):
        leftover = []
        end = 0
        for chain in pattern.finditer(window):
            found = _phones_in_chain(_GROUP.findall(chain.group()), plan)
            if found:
                leftover += (window[end : chain.start()], BREAK)
                end = chain.end()
            phones.extend(found)
        window = "".join(leftover) + window[end:]
    return phones


def extract_phones(text: str, region: str | None = "FR") -> list[str]:
    """Phone numbers in ``text`` as E.164 strings, in order of appearance, without repeats.

    ``region`` is the ISO 3166 country used for numbers written in national form: "06 12 34 56
    78" -> "+33612345678" for "FR", "(212) 555-0123" -> "+12125550123" for "US" or "CA",
    "333 123 4567" -> "+393331234567" for "IT", with or without the region's trunk prefix as
    its ads write them (see :mod:`adcount.contacts.phone_plans`). ``None`` reads international
    numbers only. Numbers written with ``+`` or ``00`` are recognised for every country
    phonenumbers knows. Only numbers that phonenumbers accepts as valid are returned; prices,
    ages, dates, times, measurements, identifiers and masked numbers are never read as phones.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_phones expects a str, got {type(text).__name__}")
    plan = dial_plan(region)
    folded = _folded(text)
    spelled = may_hold_spelled_phone(folded)
    phones = _read(spell_to_digits(folded) if spelled else folded, plan)
    # a number in English words alone ("seven oh two, five five five ...") is looked for only
    # where no other was found: the test for it would otherwise run on every text
    if not phones and not spelled and may_hold_word_phone(folded):
        phones = _read(spell_to_digits(folded), plan)
    return phones


# Reads every chain long enough as a possible national number (used to find the region's plan).
_ANY_PLAN = DialPlan(None, "", "", True, frozenset(), False, NO_TRUNK_MIN_DIGITS)
_INTERNATIONAL_GROUP = re.compile(r"^(?:\+|00)")
# Where one written number ends and the next begins in a list: "416.555.0199, 06 12 34 56 78",
# "0470 12 34 56 / 06 12 34 56 78"; a slash between digits is inside a number, German ads write
# "0157/76075670" (split there, the German run was lost and the ad read with another plan).
_LIST_BREAK = re.compile(r"\s*[,;|\n]\s*|\s*/\s+|\s+/\s*|\s{2,}|\s+(?=\+)")


def national_runs(text: str) -> list[tuple[str, ...]]:
    """Digit groups of each chain of ``text`` that looks like a national phone number: written
    without "+" or "00", 8 to 15 digits, after the same folding, spelled-number reading and
    masks as :func:`extract_phones`. Used to find which region's numbering plan a set follows."""
    prepared = _digits_and_words(text)
    if _digit_count(prepared) < NO_TRUNK_MIN_DIGITS:
        return []
    runs = []
    for start, end in _windows(prepared, _ANY_PLAN):
        for chain in _TIGHT_CHAIN.finditer(mask_non_phones(prepared[start:end])):
            for piece in _LIST_BREAK.split(chain.group()):
                groups = tuple(_GROUP.findall(piece))
                size = sum(map(len, groups))
                if NO_TRUNK_MIN_DIGITS <= size <= 15 and not any(_INTERNATIONAL_GROUP.match(g) for g in groups):
                    runs.append(groups)
    return runs

"""Claimed ages: a number in the plausible range with an age word around it.

Read: "23 ans", "23yo", "23 y/o", "23 yrs", "23 years old", "23-year-old", "age 23", "age: 23",
"I'm 23", "aged 23", "j'ai 23 ans", "20a" (glued only), and "Jessica 23" once "jessica" is known
as a name (see names.py). Not read: quantities ("24/7", "$200", "5'4", "36DD", "200 roses",
"2 hours", "30 min", "Paris 16e"), ranges ("de 20 à 30 ans", "25 to 40"), what the client must
be or the years of a career ("over 18", "plus de 25 ans", "10 years experience", "depuis 5 ans").

The range is wide on purpose: an ad that claims 16 is read as 16, because claimed minors are
what a protection flag must catch; what to do with them is decided downstream.
"""

from __future__ import annotations

import numpy as np

from adcount.claims.scan import Scan

MIN_AGE, MAX_AGE = 14, 80  # plausible claimed ages: wide, so that claimed minors are read as stated


def standalone_numbers(scan: Scan) -> np.ndarray:
    """Per token: a number that can be an age where it stands (in range, not a quantity, not a
    range end, not what the client must be). "Jessica 23" qualifies; whether it is an age depends
    on what stands before it."""
    alone, number_pair = _number_context(scan)
    return alone & ~number_pair


def _number_context(scan: Scan) -> tuple[np.ndarray, np.ndarray]:
    """Per token: a plausible age number that is no quantity, range end or client age; and a
    number followed by another ("24/7", "5'4", "36-24-36"; not "29, 7 inches", where the next
    one has a unit of its own)."""
    tokens = scan.tokens
    number = tokens.number
    following = tokens.neighbour(1)
    has_next = following >= 0
    nxt = np.maximum(following, 0)
    suffix = _suffix_end(scan) >= 0
    letters_glued_after = has_next & tokens.glued[nxt] & (number[nxt] < 0)
    unit = scan.starts("age_units")
    after_next = tokens.neighbour(2)
    number_pair = has_next & (number[nxt] >= 0) & ~((after_next >= 0) & unit[np.maximum(after_next, 0)])
    quantity = has_next & (unit[nxt] | letters_glued_after) & ~suffix
    plausible = (number >= MIN_AGE) & (number <= MAX_AGE) & ~tokens.glued  # "h24", "1m65": glued to letters
    at = np.arange(len(tokens.ad))
    alone = plausible & ~quantity & ~_in_range(scan) & ~scan.before("age_not_before", at)
    return alone, number_pair & ~suffix


def read_ages(scan: Scan, standalone: np.ndarray, after_person: np.ndarray) -> np.ndarray:
    """Per ad, the first claimed age (float; NaN when none): a standalone number with an age
    word after it or an age cue before it, or right after a word for the person (`after_person`:
    per token, the token before is a name, "here" after a name, a gender or origin word:
    "Jessica, 23", "Keisha here, 28", "TS, 24", "Venezuelan, 28")."""
    tokens = scan.tokens
    at = np.arange(len(tokens.ad))
    suffix_end = _suffix_end(scan)
    with_suffix = (suffix_end >= 0) & ~_trap_after(scan, suffix_end)
    cue_start = scan.matches["age_cues_before"].start_of_end(len(at))
    previous = tokens.neighbour(-1)
    with_cue = (previous >= 0) & (cue_start[np.maximum(previous, 0)] >= 0)
    cue_blocked = with_cue & scan.before("age_not_before", np.maximum(cue_start[np.maximum(previous, 0)], 0))
    with_cue &= ~cue_blocked
    alone, _ = _number_context(scan)
    labelled = alone & scan.before("age_labels_before", at)  # "age 22, 5'5": the label says it all
    stated = np.flatnonzero(labelled | standalone & (with_suffix | with_cue | after_person))
    age = np.full(tokens.n_ads, np.nan)
    ads, first = np.unique(tokens.ad[stated], return_index=True)
    age[ads] = tokens.number[stated[first]]
    return age


def _suffix_end(scan: Scan) -> np.ndarray:
    """Per number token: end of the age word right after it ("yo", "years old"; a glued-only word
    such as French "a" only when glued: "20a"), else -1."""
    tokens = scan.tokens
    n = len(tokens.ad)
    following = tokens.neighbour(1)
    nxt = np.maximum(following, 0)
    spaced = scan.matches["age_cues_after"].end_of_start(n)[nxt]
    glued = np.where(tokens.glued[nxt], scan.matches["age_glued_after"].end_of_start(n)[nxt], -1)
    end = np.maximum(spaced, glued)
    return np.where((following >= 0) & (tokens.number >= 0), end, -1)


def _trap_after(scan: Scan, suffix_end: np.ndarray) -> np.ndarray:
    """"12 ans d'expérience", "18 years or older": a phrase of not_after right after the age word."""
    tokens = scan.tokens
    inside = (suffix_end >= 0) & (suffix_end < len(tokens.ad))
    end = np.where(inside, suffix_end, 0)
    same_ad = tokens.ad[end] == tokens.ad
    return inside & same_ad & scan.starts("age_not_after")[end]


def _in_range(scan: Scan) -> np.ndarray:
    """Per token: a number at either end of a range ("20 à 30", "25 to 40")."""
    tokens = scan.tokens
    is_number = tokens.number >= 0
    range_word = scan.starts("age_range_words")
    ends = np.zeros(len(tokens.ad), dtype=bool)
    for step in (-1, 1):
        word, other = tokens.neighbour(step), tokens.neighbour(2 * step)
        ends |= (word >= 0) & (other >= 0) & range_word[np.maximum(word, 0)] & is_number[np.maximum(other, 0)]
    return ends & is_number


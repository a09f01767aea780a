"""Claimed ages: a number in the plausible range with an age word around it.

Read: "23 ans", "23yo", "23 y/o", "23 yrs", "23 years old", "23-year-old", "age 23", "age: 23",
"I'm 23", "aged 23", "j'ai 23 ans", "20a" (glued only), and "Jessica 23", "TS, 24", "Latina 24"
once the word before is known to describe the person. Not read: quantities ("24/7", "$200",
"5'4", "36DD", "200 roses", "2 hours", "30 min", "Paris 16e"), ranges ("de 20 à 30 ans",
"25 to 40"), what the client must be or the years of a career ("over 18", "plus de 25 ans",
"10 years experience", "depuis 5 ans").

The range is wide on purpose: an ad that claims 16 is read as 16, because claimed minors are
what a protection flag must catch; what to do with them is decided downstream.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from adcount.claims.scan import Scan

MIN_AGE, MAX_AGE = 14, 80  # plausible claimed ages: wide, so that claimed minors are read as stated


@dataclass(frozen=True)
class AgeNumbers:
    """The numbers that can be ages where they stand, by token position."""

    at: np.ndarray  # sorted positions of plausible numbers that are no quantity, range end or client age
    before_number: np.ndarray  # (len(at),) followed by another number ("24/7", "5'4"), so no bare age
    suffix_end: np.ndarray  # (len(at),) end of the age word right after ("yo", "ans"), else -1

    @property
    def standalone(self) -> np.ndarray:
        """Positions of numbers that can be an age on their own ("Jessica 23")."""
        return self.at[~self.before_number]


def age_numbers(scan: Scan) -> AgeNumbers:
    """Plausible age numbers (in range, not glued to letters before as in "h24" or "1m65"), minus
    quantities (a unit or letters glued after: "30 min", "36DD"), range ends and client ages."""
    tokens = scan.tokens
    number = tokens.vocabulary_number
    at = np.flatnonzero(((number >= MIN_AGE) & (number <= MAX_AGE))[tokens.word] & ~tokens.glued)
    suffix_end = _suffix_end(scan, at)
    following = tokens.neighbour(at, 1)
    nxt = np.maximum(following, 0)
    letters_glued_after = (following >= 0) & tokens.glued[nxt] & (number[tokens.word[nxt]] < 0)
    unit = scan.after("age_units", at)
    quantity = (unit | letters_glued_after) & (suffix_end < 0)
    # "24/7", "5'4", "36-24-36": a number then another; not "29, 7 inches", where the next has its own unit
    next_is_number = (following >= 0) & (number[tokens.word[nxt]] >= 0)
    next_has_unit = np.zeros(len(at), dtype=bool)
    next_has_unit[next_is_number] = scan.after("age_units", following[next_is_number])
    before_number = next_is_number & ~next_has_unit & (suffix_end < 0)
    keep = ~quantity & ~_range_end(scan, at) & ~scan.before("age_not_before", at)
    return AgeNumbers(at[keep], before_number[keep], suffix_end[keep])


def read_ages(scan: Scan, numbers: AgeNumbers, after_person: np.ndarray) -> np.ndarray:
    """Per ad, the first claimed age (float; NaN when none): a number labelled as an age ("age 22,
    5'5"), or a standalone one with an age word after it, an age cue before it, or a word for the
    person before it (`after_person`: per position of `numbers.at`, "Jessica, 23", "TS, 24")."""
    tokens = scan.tokens
    at = numbers.at
    with_suffix = (numbers.suffix_end >= 0) & ~_trap_after(scan, numbers.suffix_end)
    cue_start = scan.start_before("age_cues_before", at)
    with_cue = cue_start >= 0
    with_cue[with_cue] = ~scan.before("age_not_before", cue_start[with_cue])
    labelled = scan.before("age_labels_before", at)
    stated = at[labelled | ~numbers.before_number & (with_suffix | with_cue | after_person)]
    age = np.full(tokens.n_ads, np.nan)
    ads, first = np.unique(tokens.ad[stated], return_index=True)
    age[ads] = tokens.vocabulary_number[tokens.word[stated[first]]]
    return age


def _suffix_end(scan: Scan, at: np.ndarray) -> np.ndarray:
    """For number positions: end of the age word right after ("yo", "years old"; a glued-only word
    such as French "a" only when glued: "20a"), else -1."""
    spaced = scan.end_after("age_cues_after", at)
    following = scan.tokens.neighbour(at, 1)
    glued = (following >= 0) & scan.tokens.glued[np.maximum(following, 0)]
    return np.maximum(spaced, np.where(glued, scan.end_after("age_glued_after", at), -1))


def _trap_after(scan: Scan, suffix_end: np.ndarray) -> np.ndarray:
    """"12 ans d'expérience", "18 years or older": a phrase of not_after right after the age word."""
    trapped = np.zeros(len(suffix_end), dtype=bool)
    has = suffix_end >= 0
    trapped[has] = scan.after("age_not_after", suffix_end[has] - 1)
    return trapped


def _range_end(scan: Scan, at: np.ndarray) -> np.ndarray:
    """For number positions: at either end of a range ("20 à 30", "25 to 40")."""
    tokens = scan.tokens
    ends = np.zeros(len(at), dtype=bool)
    for step in (-1, 1):
        word, other = tokens.neighbour(at, step), tokens.neighbour(at, 2 * step)
        both = (word >= 0) & (other >= 0)
        is_range = scan.end_of_phrase_from("age_range_words", word[both]) == word[both] + 1
        ends[both] |= is_range & (tokens.vocabulary_number[tokens.word[other[both]]] >= 0)
    return ends

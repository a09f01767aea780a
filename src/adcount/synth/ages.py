"""True ages, birthdays and the ages persons claim: what an age comparison must see through.

Every person has a birth date, so her true age grows by one at her birthday; over a year of ads,
most persons cross one. What an ad claims depends on her habits: some update their age (an ad
says 22, a later one 23), most re-post the age of their first ads for months; some shave years,
some give a round age (27 -> 25), some claim another age on some of their sites, and a few are
minors advertised as 18 or 19. The claims of the first ads are the diagnostic's bands (see
``population.AGE_BANDS``); the truth is derived from them and the habits.
"""

from __future__ import annotations


import numpy as np

from .population import AgeHabits, Persons
from .presets import Preset

DAYS_PER_YEAR = 365.25
ADULT_AGE = 18
MINOR_AGES = (15, 17)  # true ages of minors advertised as adults (inclusive)
MINOR_CLAIMS = (18, 19)  # what their ads claim (inclusive)
SITE_OFFSETS = np.array([-3, -2, -1, -1, 1, 2])  # another site, another age: mostly younger
ROUND_TO = 5  # round claims are multiples of five


def draw_age_habits(preset: Preset, p: Persons, rng: np.random.Generator) -> AgeHabits:
    """Draw each person's birth date and age habits (minors' first claims are set in ``p``)."""
    n = len(p)
    u = rng.random((6, n))
    minor = u[0] < preset.minor_share
    p.age[minor] = rng.integers(MINOR_CLAIMS[0], MINOR_CLAIMS[1] + 1, n)[minor]
    true_minor = rng.integers(MINOR_AGES[0], MINOR_AGES[1] + 1, n)
    shave = np.where(u[1] < preset.age_shave_share,
                     rng.integers(1, max(preset.age_shave_max, 1) + 1, n), 0)
    true_minus_claim = np.where(minor, true_minor - p.age, shave)
    true_at_first = p.age + true_minus_claim
    birth_day = p.first_day - (true_at_first + u[2]) * DAYS_PER_YEAR
    slots = p.sites.shape[1]
    site_offset = np.where(u[3][:, None] < preset.age_site_lie_share,
                           rng.choice(SITE_OFFSETS, (n, slots)), 0)
    site_offset[:, 0] = 0  # her main site shows her usual claim
    return AgeHabits(birth_day=birth_day, true_minus_claim=true_minus_claim,
                     updates=u[4] < preset.age_update_share,
                     rounds=(u[5] < preset.age_round_share) & ~minor,
                     site_offset=site_offset, minor=minor)


def true_ages(habits: AgeHabits, person: np.ndarray, day: np.ndarray) -> np.ndarray:
    """True age of ``person`` on ``day`` (days from the period's start)."""
    return np.floor((day - habits.birth_day[person]) / DAYS_PER_YEAR).astype(np.int64)


def claimed_ages(habits: AgeHabits, p: Persons, person: np.ndarray, day: np.ndarray,
                 site_slot: np.ndarray, drift: np.ndarray) -> np.ndarray:
    """What each ad claims: first claim, plus the birthdays since for persons who update, made
    round, shifted on the sites where she lies, plus the ad's own slip of a year (``drift``)."""
    first = p.age[person]
    at_first = first + habits.true_minus_claim[person]
    claim = first + np.where(habits.updates[person],
                             true_ages(habits, person, day) - at_first, 0)
    claim = np.where(habits.rounds[person], np.maximum(claim // ROUND_TO * ROUND_TO, ADULT_AGE),
                     claim)
    claim = claim + habits.site_offset[person, site_slot] + drift
    return np.maximum(claim, ADULT_AGE)

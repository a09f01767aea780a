"""The check that sets an EM fit aside for the hand-set rules: a fit with one empty class, or
one that overturns many of the decisions the rules are sure of."""

import numpy as np
import pandas as pd

import adcount
from adcount.link.fellegi_sunter import FellegiSunter
from adcount.link.fit_check import MAX_OVERTURNED, checked_em, overturned_share
from habit_ads import aging_woman_fr

KEY = b"fit-check-key-0123456789abcdefgh"


def _levels(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    match = rng.random(n) < 0.4
    return pd.DataFrame({
        "text": np.where(match, rng.choice(5, n, p=[0.05, 0.05, 0.2, 0.3, 0.4]), rng.choice(5, n, p=[0.5, 0.3, 0.1, 0.05, 0.05])),
        "phone": np.where(match, rng.choice(6, n, p=[0.1, 0.02, 0.02, 0.03, 0.03, 0.8]), rng.choice(6, n, p=[0.6, 0.2, 0.1, 0.05, 0.04, 0.01])),
        "age": np.where(match, rng.choice(5, n, p=[0.7, 0.2, 0.06, 0.03, 0.01]), rng.choice(5, n, p=[0.1, 0.15, 0.05, 0.2, 0.5])),
    }).astype(np.int8)


def test_a_fit_that_learns_persons_is_kept():
    levels = _levels(5000, seed=1)
    model, note = checked_em(FellegiSunter(comparisons=("text", "phone", "age")), levels, np.ones(len(levels)))
    assert note == "" and model.n_iter_ > 0


def test_a_set_where_every_pair_is_one_person_is_scored_by_the_rules():
    """One woman's 20 ads: every candidate pair is one person; EM's other class is empty."""
    result = adcount.deduplicate(adcount.load_ads(aging_woman_fr()), key=KEY)
    assert result.model_note.startswith("EM put nearly every candidate pair in one class (one person)")
    assert "link model: EM put nearly every" in result.summary()
    assert result.n_persons == 1


def test_a_fit_that_turns_the_rules_around_is_set_aside():
    levels = _levels(3000, seed=2)
    rules = FellegiSunter.from_rules(levels, ("text", "phone", "age"))
    upside_down = FellegiSunter(comparisons=rules.comparisons)
    upside_down.match_share_ = 0.5
    upside_down.m_, upside_down.u_ = dict(rules.u_), dict(rules.m_)  # every level's bits negated
    weights = np.ones(len(levels))
    assert overturned_share(upside_down, rules, levels, weights) > 0.9
    assert overturned_share(rules, rules, levels, weights) == 0.0
    assert MAX_OVERTURNED < 0.9


def test_too_few_pairs_say_so():
    two_ads = aging_woman_fr().iloc[:2]
    result = adcount.deduplicate(adcount.load_ads(two_ads), key=KEY)
    assert "too few for EM" in result.model_note

"""Fellegi–Sunter EM: recovers known m/u from simulated comparison vectors, honours labels and
fixed (or partly fixed) m, fits joint comparisons on their parts, round-trips through JSON."""

import json

import numpy as np
import pandas as pd
import pytest

from adcount.link.comparisons import BY_NAME
from adcount.link.fellegi_sunter import FellegiSunter

# level shares that keep the field's order of levels (rules.LEVEL_ORDER)
TRUE_M = {"text": [0.01, 0.04, 0.25, 0.4, 0.3], "phone_key": [0.2, 0.05, 0.15, 0.6],
          "name": [0.08, 0.92], "age": [0.7, 0.2, 0.06, 0.03, 0.01]}
TRUE_U = {"text": [0.3, 0.3, 0.3, 0.08, 0.02], "phone_key": [0.6, 0.38, 0.015, 0.005],
          "name": [0.8, 0.2], "age": [0.07, 0.1, 0.03, 0.1, 0.7]}
NAMES = tuple(TRUE_M)


def simulate(n: int, share: float, seed: int, missing: float = 0.1) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    match = rng.random(n) < share
    columns = {}
    for name in NAMES:
        m, u = np.asarray(TRUE_M[name]), np.asarray(TRUE_U[name])
        draw_m = rng.choice(len(m), size=n, p=m)
        draw_u = rng.choice(len(u), size=n, p=u)
        level = np.where(match, draw_m, draw_u)
        level[rng.random(n) < missing] = -1
        columns[name] = level.astype(np.int8)
    return pd.DataFrame(columns), match


def test_em_recovers_known_m_u_and_share():
    levels, match = simulate(60_000, 0.4, seed=1)
    model = FellegiSunter(comparisons=NAMES, fixed_m={}, level_order={}).fit(levels)
    assert model.converged_
    assert model.match_share_ == pytest.approx(0.4, abs=0.02)
    for name in NAMES:
        assert np.allclose(model.m_[name], TRUE_M[name], atol=0.03), name
        assert np.allclose(model.u_[name], TRUE_U[name], atol=0.03), name
    # calibrated: among pairs given ~0.8, about 80% are matches
    proba = model.predict_proba(levels)
    band = (proba > 0.7) & (proba < 0.9)
    assert band.sum() > 200
    assert match[band].mean() == pytest.approx(proba[band].mean(), abs=0.06)


def test_match_weights_are_log2_ratios_and_missing_adds_nothing():
    levels, _ = simulate(5_000, 0.5, seed=2)
    model = FellegiSunter(comparisons=NAMES).fit(levels)
    weights = model.match_weights(levels)
    row = levels.iloc[0]
    for name in NAMES:
        expected = 0.0 if row[name] < 0 else np.log2(model.m_[name][row[name]] / model.u_[name][row[name]])
        assert weights.iloc[0][name] == pytest.approx(expected)
    missing = levels.copy()
    missing.loc[:, :] = -1
    assert np.allclose(model.predict_proba(missing), model.match_share_)


def test_fixed_m_stays_and_labels_stay_fixed():
    levels, match = simulate(8_000, 0.3, seed=3)
    fixed = {"age": (0.6, 0.25, 0.05, 0.07, 0.03)}
    labels = np.full(len(levels), np.nan)
    labels[:500] = match[:500]
    model = FellegiSunter(comparisons=NAMES, fixed_m=fixed).fit(levels, labels)
    assert np.allclose(model.m_["age"], fixed["age"])
    assert model.m_["text"][-1] > model.u_["text"][-1]


def test_partly_fixed_m_holds_its_levels_and_learns_the_others():
    levels, _ = simulate(30_000, 0.4, seed=5)
    model = FellegiSunter(comparisons=NAMES, fixed_m={"age": (np.nan, np.nan, np.nan, 0.03, 0.01)}).fit(levels)
    m = model.m_["age"]
    assert np.allclose(m[3:], [0.03, 0.01]) and m.sum() == pytest.approx(1.0)
    assert m[0] / m[1] == pytest.approx(0.7 / 0.2, rel=0.15)  # the free levels' split is learned


def simulate_alias_templates(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Pairs whose name and template levels depend on each other given the class: one person
    sometimes uses an alias inside her own template ("one template, other person" because the
    names differ), and two persons of one organiser show one template with two names."""
    levels, match = simulate(n, 0.4, seed)
    rng = np.random.default_rng(seed + 100)
    name = levels["name"].to_numpy()
    alias_template = rng.random(n) < np.where(match, 0.6, 0.3)  # given different names
    other_template = rng.random(n) < np.where(match, 0.15, 0.05)  # given one name
    same_template = np.where(name == 0, alias_template, other_template)
    features = pd.DataFrame({"name_match": name, "same_template": same_template.astype(np.int8),
                             "template_conflict": (same_template & (name == 0)).astype(np.int8)})
    levels["template"] = BY_NAME["template"].compute(features)
    levels["name_template"] = BY_NAME["name_template"].compute(features)
    return levels, match


def test_joint_comparison_is_fitted_on_its_parts_and_counts_a_name_once():
    levels, match = simulate_alias_templates(60_000, seed=6)
    parts = FellegiSunter(comparisons=NAMES + ("template",)).fit(levels)
    joint = FellegiSunter(comparisons=("text", "phone_key", "age", "name_template")).fit(levels)
    # EM ran on the parts: the other comparisons and the match share are those of the parts' fit
    assert joint.match_share_ == pytest.approx(parts.match_share_)
    assert np.allclose(joint.m_["text"], parts.m_["text"])
    assert set(joint.m_) == {"text", "phone_key", "age", "name_template"}
    # the parts are read back from the joint level when only the joint's column is given
    alone = FellegiSunter(comparisons=joint.comparisons).fit(levels[list(joint.comparisons)])
    assert np.allclose(alone.predict_proba(levels), joint.predict_proba(levels))
    # a different name inside one template: the parts count the name twice, the joint once
    cell = (levels["name"] == 0) & (levels["template"] == 2)
    truth = match[cell].mean()
    error_parts = abs(parts.predict_proba(levels)[cell].mean() - truth)
    error_joint = abs(joint.predict_proba(levels)[cell].mean() - truth)
    assert error_joint < error_parts / 2
    assert json.loads(json.dumps(joint.to_dict()))["levels"]["name_template"][0] == "name not comparable; different texts"


def test_json_round_trip_gives_identical_probabilities():
    levels, _ = simulate(3_000, 0.5, seed=4)
    model = FellegiSunter(comparisons=NAMES).fit(levels)
    again = FellegiSunter.from_dict(json.loads(json.dumps(model.to_dict())))
    assert np.array_equal(model.predict_proba(levels), again.predict_proba(levels))
    assert again.to_dict()["levels"]["phone_key"] == list(BY_NAME["phone_key"].levels)
    broken = model.to_dict()
    broken["m"]["phone_key"] = [0.5, 0.5]
    with pytest.raises(ValueError, match="phone_key"):
        FellegiSunter.from_dict(broken)


def test_sample_weights_count_as_repeated_pairs():
    """Integer weights fit the same model as the weighted rows repeated: weights are counts."""
    levels, _ = simulate(3_000, 0.3, seed=5)
    weights = np.random.default_rng(6).integers(1, 4, size=len(levels))
    exact = {"comparisons": NAMES, "fixed_m": {}, "level_order": {}, "tol": 1e-13, "max_iter": 5000}  # both run to convergence
    weighted = FellegiSunter(**exact).fit(levels, sample_weight=weights)
    repeated = FellegiSunter(**exact).fit(levels.loc[levels.index.repeat(weights)])
    assert weighted.match_share_ == pytest.approx(repeated.match_share_, rel=1e-6)
    for name in NAMES:
        np.testing.assert_allclose(weighted.m_[name], repeated.m_[name], rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(weighted.u_[name], repeated.u_[name], rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize(("weights", "message"), [(np.ones(5), "one weight per pair"),
                                                 (np.r_[-1.0, np.ones(99)], "non-negative"),
                                                 (np.r_[np.nan, np.ones(99)], "finite")])
def test_bad_sample_weights_are_refused(weights, message):
    levels, _ = simulate(100, 0.3, seed=7)
    with pytest.raises(ValueError, match=message):
        FellegiSunter(comparisons=NAMES, fixed_m={}).fit(levels, sample_weight=weights)


def test_level_order_keeps_each_levels_meaning_whatever_em_makes_of_the_set():
    """A set whose classes are not persons (here: labels drawn against the field's order) cannot
    give a name in common, or a personal phone, bits against one person, nor make more text in
    common weaker evidence."""
    rng = np.random.default_rng(8)
    match = rng.random(4000) < 0.5
    levels = pd.DataFrame({
        "name": np.where(match, 0, rng.choice(2, 4000)),  # "matches" never share a name
        "phone_key": np.where(match & (rng.random(4000) < 0.9), 0, rng.choice(4, 4000)),
        "text": np.where(match, rng.choice(5, 4000, p=[0.4, 0.3, 0.1, 0.1, 0.1]), rng.choice(5, 4000)),
        "age": rng.choice(5, 4000),
    }).astype(np.int8)
    labels = match.astype(float)
    free = FellegiSunter(comparisons=NAMES, level_order={}).fit(levels, labels)
    held = FellegiSunter(comparisons=NAMES).fit(levels, labels)
    assert free.level_bits("name")[1] < -1 and free.level_bits("phone_key")[3] < -1  # meaning turned around
    assert np.diff(free.level_bits("text")).min() < -0.5
    for name, against, towards in (("name", 0, 1), ("phone_key", 0, 3)):
        bits = held.level_bits(name)
        assert bits[against] <= 1e-4 and bits[towards] >= -1e-4, name
    assert np.diff(held.level_bits("text")).min() >= -1e-9


def test_in_order_is_the_isotonic_fit_with_a_neutral_point():
    from adcount.link.fellegi_sunter import _in_order
    from adcount.link.rules import NEUTRAL
    m, u = np.array([10.0, 40.0, 5.0]), np.array([40.0, 10.0, 20.0])  # level 1 strongest, 2 weakest
    fitted_m, fitted_u = _in_order(m, u, ((0, 1, 2),))
    bits = np.log2(fitted_m / fitted_m.sum()) - np.log2(fitted_u / fitted_u.sum())
    assert np.all(np.diff(bits) >= -1e-9) and np.allclose(fitted_m + fitted_u, m + u)
    anchored_m, anchored_u = _in_order(m, u, ((0, NEUTRAL, 2),))
    bits = np.log2(anchored_m / anchored_m.sum()) - np.log2(anchored_u / anchored_u.sum())
    assert bits[0] < 0 and abs(bits[2]) < 1e-6  # level 2 (against) pulled up to no evidence
    assert anchored_m[1] / (anchored_m[1] + anchored_u[1]) == pytest.approx(0.8)  # a level in no chain keeps its share


def test_learned_state_exists_only_after_fit():
    """scikit-learn's convention: __init__ holds parameters; fit sets the state ending in '_'."""
    model = FellegiSunter(comparisons=("text", "age"))
    assert not model.is_fitted() and not hasattr(model, "m_") and not hasattr(model, "match_share_")
    levels = pd.DataFrame({"text": [0, 1, 2, 3] * 10, "age": [0, 1, 2, 0] * 10})
    assert model.fit(levels) is model and model.is_fitted()
    assert set(model.m_) == {"text", "age"} and model.n_iter_ >= 1

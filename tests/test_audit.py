"""Audit-sample estimate: reference values and coverage by simulation."""

import numpy as np
import pytest

from adcount.estimate.audit import audit_estimate, draw_audit_sample, rate_interval


def test_wilson_matches_the_textbook_value():
    # Newcombe (1998), Statistics in Medicine 17:857, example 81/263: Wilson 95% CI 0.2553-0.3662
    low, high = rate_interval(81, 263, 0.95, "wilson")
    assert low == pytest.approx(0.2553, abs=1e-4) and high == pytest.approx(0.3662, abs=1e-4)


def test_clopper_pearson_edges():
    assert rate_interval(0, 20, 0.95, "clopper-pearson")[0] == 0.0
    low, high = rate_interval(20, 20, 0.95, "clopper-pearson")
    assert high == 1.0 and low == pytest.approx(0.025 ** (1 / 20), rel=1e-6)


def test_the_study_figures_get_an_interval():
    # 699 ads, a labelled sample of 100 with 61 duplicates -> about 273 persons
    labels = np.r_[np.ones(61, int), np.zeros(39, int)]
    est = audit_estimate(699, labels)
    assert est.point == pytest.approx(699 * 0.39)
    assert est.low < 273 < est.high
    assert 200 < est.low and est.high < 350


def test_finite_population_correction_narrows():
    labels = np.r_[np.ones(300, int), np.zeros(300, int)]
    with_fpc = audit_estimate(700, labels)
    cp = audit_estimate(700, labels, method="clopper-pearson")
    assert (with_fpc.high - with_fpc.low) < 0.5 * (cp.high - cp.low)


def test_coverage_by_simulation():
    rng = np.random.default_rng(3)
    n_ads, true_rate, hits = 700, 0.6, 0
    population = (rng.random(n_ads) < true_rate).astype(int)
    truth = n_ads - population.sum()
    for _ in range(400):
        sample = population[rng.choice(n_ads, 80, replace=False)]
        est = audit_estimate(n_ads, sample)
        hits += est.low <= truth <= est.high
    assert hits / 400 >= 0.92


def test_sample_drawing_and_bad_labels():
    sample = draw_audit_sample([f"a{i}" for i in range(50)], 10, seed=1)
    assert len(sample) == 10 and sample["ad_id"].is_unique and sample["duplicate"].isna().all()
    assert sample.equals(draw_audit_sample([f"a{i}" for i in range(50)], 10, seed=1))
    with pytest.raises(ValueError, match="not labelled yet"):
        audit_estimate(50, sample["duplicate"])
    with pytest.raises(ValueError, match="must be 0"):
        audit_estimate(50, [0, 2])

"""The person-count intervals the pipeline reports stay well-formed on a synthetic ad set.

(Their coverage over 100 seeds is a benchmark: benchmarks/bench_coverage.py.)
"""

import json

import pytest

import adcount


@pytest.fixture(scope="module")
def result():
    frame = adcount.synth.generate(preset="pas-de-calais-2018", seed=3)
    return adcount.deduplicate(adcount.load_ads(frame), key=b"coverage-test-key-0001")


def test_linkage_interval_contains_the_count_and_the_replicates(result):
    est = result.estimate(level=0.95)
    assert est.point == result.n_persons
    assert est.low <= est.details["replicate_median"] <= est.high
    assert est.low < est.point <= est.high <= result.n_ads
    json.dumps(est.to_dict())


def test_bracket_on_the_ads_design(result):
    est = result.estimate(method="capture-recapture", estimator="bracket")
    parts = est.details["components"]
    assert est.method == "capture-recapture/bracket" and set(parts) == {"chao-f2f3", "ichao"}
    assert est.point == pytest.approx(parts["chao-f2f3"]["point"])
    assert est.low == pytest.approx(min(p["low"] for p in parts.values()))
    assert est.high == pytest.approx(max(p["high"] for p in parts.values()))
    assert result.n_persons <= est.low <= est.point <= est.high
    for name in ("chao-f2f3", "ichao"):
        alone = result.estimate(method="capture-recapture", estimator=name)
        assert alone.point == pytest.approx(parts[name]["point"])


def test_combined_interval_contains_the_estimator_interval(result):
    alone = result.estimate(method="capture-recapture", estimator="bracket")
    both = result.estimate(method="combined", estimator="bracket", n_replicates=60)
    assert both.method == "capture-recapture+linkage/bracket"
    assert both.point == alone.point
    assert both.low <= alone.low and both.high >= alone.high
    assert set(both.details["linkage_interval"]) == {"chao-f2f3", "ichao"}
    low, high = both.details["linkage_and_sampling_interval"]  # the replicates' percentile interval
    assert both.low <= low < high <= both.high
    json.dumps(both.to_dict())


def test_other_estimators_and_list_designs_still_answer(result):
    assert result.estimate(method="capture-recapture").method == "capture-recapture/bracket"  # the default
    assert result.estimate(method="capture-recapture", estimator="chao").method == "capture-recapture/chao"
    chao = result.estimate(method="combined", estimator="chao", n_replicates=60)
    assert chao.method == "capture-recapture+linkage/chao" and chao.low <= chao.point <= chao.high
    sites = result.estimate(method="capture-recapture", lists="site-group")
    assert sites.method == "capture-recapture/loglinear" and sites.low <= sites.point <= sites.high

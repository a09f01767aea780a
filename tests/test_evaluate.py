"""Clustering metrics against hand-computed values and scikit-learn."""

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

import adcount
from adcount.tools.evaluate import cluster_metrics


def test_hand_computed_example():
    # truth: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}
    truth = np.array(["T1", "T1", "T1", "T2", "T2"])
    pred = np.array(["P1", "P1", "P2", "P2", "P2"])
    m = cluster_metrics(pred, truth)
    # true pairs: ab ac bc de (4); predicted pairs: ab cd ce de (4); common: ab de (2)
    assert m["pairwise_precision"] == pytest.approx(0.5)
    assert m["pairwise_recall"] == pytest.approx(0.5)
    # B-cubed precision per item: a,b: 2/2; c: 1/3; d,e: 2/3  -> (1+1+1/3+2/3+2/3)/5
    assert m["bcubed_precision"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    # recall per item: a,b: 2/3; c: 1/3; d,e: 1 -> (2/3+2/3+1/3+1+1)/5
    assert m["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert m["ari"] == pytest.approx(adjusted_rand_score(truth, pred))
    assert (m["n_found"], m["n_true"], m["count_error"]) == (2, 2, 0.0)


def test_perfect_and_all_singletons():
    truth = np.repeat(np.arange(20), 3)
    assert cluster_metrics(truth, truth)["pairwise_f1"] == 1.0
    singles = cluster_metrics(np.arange(60), truth)
    assert singles["pairwise_recall"] == 0.0 and singles["bcubed_precision"] == 1.0
    assert singles["count_error"] == pytest.approx(2.0)


def test_evaluate_both_levels_and_alignment():
    assignments = pd.DataFrame({"ad_id": ["1", "2", "3", "4"], "person_id": ["P1", "P1", "P2", "P3"],
                                "network_id": ["N1", "N1", "N2", "N2"]})
    truth = pd.DataFrame({"ad_id": ["4", "3", "2", "1"], "true_person_id": ["c", "b", "a", "a"],
                          "true_network_id": ["x", "x", "y", "y"]})
    report = adcount.evaluate(assignments, truth)
    assert report["person"]["pairwise_f1"] == 1.0 and report["network"]["pairwise_f1"] == 1.0
    with pytest.raises(ValueError, match="only one of"):
        adcount.evaluate(assignments, truth.iloc[:3])

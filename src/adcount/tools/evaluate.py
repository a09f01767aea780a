"""Accuracy of assignments against ground truth, at the person and the network level.

Pairwise precision/recall/F1 count pairs of ads put together; B-cubed averages per ad (so one
giant wrong merge cannot hide behind many small right ones); the adjusted Rand index corrects
for chance; the count error is what the headline figure suffers. All from one contingency table
(sparse), linear in the number of ads.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.metrics import adjusted_rand_score

LEVELS = {"person": ("person_id", "true_person_id"), "network": ("network_id", "true_network_id")}


def _pairs(counts: np.ndarray) -> float:
    counts = counts.astype(np.float64)
    return float((counts * (counts - 1) / 2).sum())


def cluster_metrics(predicted: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """Pairwise, B-cubed, ARI and counts for two labelings of the same items."""
    pred_codes, pred_labels = pd.factorize(pd.Series(predicted))
    true_codes, true_labels = pd.factorize(pd.Series(truth))
    n = len(pred_codes)
    table = sp.coo_matrix((np.ones(n), (pred_codes, true_codes)),
                          shape=(len(pred_labels), len(true_labels))).tocsr()
    table.sum_duplicates()
    joint = table.data
    pred_sizes = np.asarray(table.sum(axis=1)).ravel()
    true_sizes = np.asarray(table.sum(axis=0)).ravel()

    together_both = _pairs(joint)
    together_pred = _pairs(pred_sizes)
    together_true = _pairs(true_sizes)
    precision = together_both / together_pred if together_pred else 1.0
    recall = together_both / together_true if together_true else 1.0

    # B-cubed: for each item, share of its predicted cluster in its true cluster, and vice versa
    coo = table.tocoo()
    b3_precision = float((coo.data ** 2 / pred_sizes[coo.row]).sum() / n) if n else 1.0
    b3_recall = float((coo.data ** 2 / true_sizes[coo.col]).sum() / n) if n else 1.0
    return {
        "pairwise_precision": precision,
        "pairwise_recall": recall,
        "pairwise_f1": _f1(precision, recall),
        "bcubed_precision": b3_precision,
        "bcubed_recall": b3_recall,
        "bcubed_f1": _f1(b3_precision, b3_recall),
        "ari": float(adjusted_rand_score(true_codes, pred_codes)) if n else 1.0,
        "n_found": int(len(pred_labels)),
        "n_true": int(len(true_labels)),
        "count_error": (len(pred_labels) - len(true_labels)) / len(true_labels) if len(true_labels) else 0.0,
    }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(assignments: Any, truth: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Compare assignments (a DataFrame with ad_id, person_id, network_id, or a DedupResult) to truth.

    truth: DataFrame with ad_id, true_person_id and optionally true_network_id (a synthetic set
    from `adcount.synth.generate` has them). Ads missing from either side are an error: scores on
    different ad sets would not mean anything.
    """
    if hasattr(assignments, "assignments"):
        assignments = assignments.assignments
    missing_cols = {"ad_id", "true_person_id"} - set(truth.columns)
    if missing_cols:
        raise ValueError(f"truth lacks column(s) {sorted(missing_cols)}")
    merged = assignments.merge(truth, on="ad_id", how="outer", indicator=True)
    unmatched = int((merged["_merge"] != "both").sum())
    if unmatched:
        raise ValueError(f"{unmatched} ads appear in only one of assignments and truth")
    report: dict[str, dict[str, float]] = {}
    for level, (predicted, expected) in LEVELS.items():
        if predicted in merged and expected in merged:
            report[level] = cluster_metrics(merged[predicted].to_numpy(), merged[expected].to_numpy())
    return report

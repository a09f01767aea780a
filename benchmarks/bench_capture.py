"""Capture–recapture runtimes: exhaustive BIC search over 5 lists and 1,000-replicate bootstraps.

Baseline (same process, same data): the plain way the reference R packages work — fit
each model on its own (Newton/IRLS in numpy) and run the Fienberg–Rinaldo linear program
(scipy linprog) for every model. adcount fits all models in batched array operations and
runs the linear program only when a fit does not prove existence by itself.

    .venv/bin/python benchmarks/bench_capture.py
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

import adcount
from adcount.estimate.existence import has_interior_point
from adcount.estimate.histories import parse_histories
from adcount.estimate.loglinear import all_terms, design_matrix, hierarchical_models
from cases.capture import data_dir


def plain_bic_search(table: pd.DataFrame, max_order: int) -> tuple[float, str]:
    """One model at a time: Newton fit, linear-program existence check, BIC."""
    data = parse_histories(table)
    terms = all_terms(data.n_lists, max_order)
    y = data.counts.astype(float)
    n = y.sum()
    best = (np.inf, np.nan)
    for mask in hierarchical_models(data.n_lists, terms):
        x = design_matrix(data.n_lists, terms[mask])
        if not has_interior_point(x, y):
            continue
        beta = np.zeros(x.shape[1])
        beta[0] = np.log(y.mean())
        for _ in range(100):
            mu = np.exp(x @ beta)
            step = np.linalg.solve(x.T @ (x * mu[:, None]), x.T @ (y - mu))
            beta += step
            if np.abs(step).max() < 1e-10:
                break
        mu = np.exp(x @ beta)
        loglik = np.sum(y * np.log(mu) - mu) - np.sum([np.sum(np.log(np.arange(1, k + 1))) for k in y])
        bic = -2 * loglik + np.log(n) * x.shape[1]
        if bic < best[0]:
            best = (bic, n + np.exp(beta[0]))
    return best[1], f"{len(hierarchical_models(data.n_lists, terms))} models"


def timed(function, repeat: int = 3):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    uk5 = pd.read_csv(data_dir() / "uk2013_5lists_PFNCA.csv")
    adcount.capture_recapture(uk5, max_order=2, interval="none")  # imports and warm-up
    print("Exhaustive BIC search, UK 2013 five lists (extended MLE, existence checked for every model)")
    for order in (2, 4):
        ours_s, ours = timed(lambda: adcount.capture_recapture(uk5, max_order=order, interval="none"))
        with threadpool_limits(limits=1, user_api="blas"):
            base_s, (base_point, label) = timed(lambda: plain_bic_search(uk5, order), repeat=1)
        print(f"  max_order={order} ({label}): adcount {ours_s:.3f} s (N={ours.point:,.0f}), "
              f"plain per-model loop {base_s:.2f} s (N={base_point:,.0f}), ratio {base_s / ours_s:.0f}x")
    print("1,000-replicate BCa bootstraps (model selection re-run on every replicate, seed 0)")
    runs = [
        ("Kosovo, exhaustive BIC, max order 3, 113 models", "kosovo_1999_4lists.csv", {"max_order": 3, "n_top": 113}),
        ("UK 2013 5 lists, exhaustive BIC, max order 2, top 100", "uk2013_5lists_PFNCA.csv", {"max_order": 2}),
        ("UK 2013 6 lists, downhill BIC, max order 2", "uk2013_6lists.csv", {"search": "downhill"}),
        ("New Orleans 8 lists, stepwise p=0.02", "new_orleans_8lists_sparsemse2019_n185.csv", {"search": "stepwise"}),
    ]
    for label, name, call in runs:
        table = pd.read_csv(data_dir() / name)
        seconds, estimate = timed(lambda: adcount.capture_recapture(table, n_boot=1000, seed=0, **call), repeat=1)
        print(f"  {label}: {seconds:.1f} s -> {estimate}")


if __name__ == "__main__":
    main()

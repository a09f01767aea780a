"""Single-source estimators with unit covariates: zero-truncated Poisson and Zelterman regressions.

Each observed unit i has a count y_i >= 1 (times seen) and covariates x_i. The rate is
lambda_i = exp(x_i beta); the unit's probability of being seen is p_i = 1 - exp(-lambda_i)
and N is the Horvitz–Thompson sum of 1 / p_i over the observed units (van der Heijden et
al. 2003). Zelterman's version fits beta by logistic regression on the units seen once or
twice only, P(y = 2 | y in {1, 2}) = lambda / (2 + lambda), which makes it robust to
heterogeneity in the higher counts. Intervals are Wald intervals with the variance used by
singleRcapture: sum (1 - p_i) / p_i^2 plus the delta-method term of beta.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.stats import norm

from adcount.estimate.result import Estimate

TIMES_ALIASES = ("times_captured", "capture", "captures", "times")


def unit_table(table: pd.DataFrame, covariates: str | list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Counts per unit and a dummy-coded design (intercept first; first level of each factor as reference)."""
    times_name = next((c for c in TIMES_ALIASES if c in table.columns), None)
    if times_name is None:
        raise ValueError(f"covariate models need one row per unit with a count column named one of {TIMES_ALIASES}")
    names = [c for c in table.columns if c != times_name] if covariates == "all" else list(covariates)
    missing = [c for c in names if c not in table.columns]
    if missing:
        raise ValueError(f"covariates not in the table: {missing}")
    if table[[times_name, *names]].isna().to_numpy().any():
        raise ValueError("missing values in the count or covariate columns")
    counts = table[times_name].to_numpy(dtype=float)
    if (counts < 1).any() or not np.allclose(counts, np.round(counts)):
        raise ValueError(f"{times_name!r} must hold whole numbers >= 1 (units seen zero times are unknown)")
    parts = [np.ones((len(table), 1))]
    labels = ["(intercept)"]
    for name in names:
        column = table[name]
        if pd.api.types.is_numeric_dtype(column):
            parts.append(column.to_numpy(dtype=float)[:, None])
            labels.append(name)
            continue
        levels = sorted(column.astype(str).unique())
        for level in levels[1:]:
            parts.append((column.astype(str) == level).to_numpy(dtype=float)[:, None])
            labels.append(f"{name}={level}")
    return counts, np.hstack(parts), labels


def _newton(score_and_information, dim: int, max_iter: int = 100) -> tuple[np.ndarray, np.ndarray]:
    beta = np.zeros(dim)
    for _ in range(max_iter):
        score, information = score_and_information(beta)
        step = np.linalg.solve(information, score)
        beta = beta + step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta, np.linalg.inv(score_and_information(beta)[1])


def _horvitz_thompson(rate: np.ndarray, design: np.ndarray, rate_cov: np.ndarray, level: float,
                      method: str, labels: list[str], beta: np.ndarray) -> Estimate:
    seen = -np.expm1(-rate)
    point = float(np.sum(1.0 / seen))
    gradient = -(np.exp(-rate) * rate / seen**2) @ design  # dN / dbeta (beta of log lambda)
    variance = float(np.sum((1 - seen) / seen**2) + gradient @ rate_cov @ gradient)
    half = norm.ppf(0.5 + level / 2) * math.sqrt(variance)
    n = float(rate.size)
    return Estimate(point, max(point - half, n), point + half, level, method,
                    {"n_observed": int(n), "coefficients": dict(zip(labels, beta.tolist())),
                     "se": math.sqrt(variance), "interval": "wald"})


def zt_poisson_regression(counts: np.ndarray, design: np.ndarray, labels: list[str], level: float) -> Estimate:
    """Zero-truncated Poisson regression by Newton's method."""
    def step(beta: np.ndarray):
        rate = np.exp(design @ beta)
        seen = -np.expm1(-rate)
        mean = rate / seen
        variance = mean * (1 + rate - mean)
        return design.T @ (counts - mean), design.T @ (design * variance[:, None])

    beta, cov = _newton(step, design.shape[1])
    return _horvitz_thompson(np.exp(design @ beta), design, cov, level, "ztpoisson", labels, beta)


def zelterman_regression(counts: np.ndarray, design: np.ndarray, labels: list[str], level: float) -> Estimate:
    """Zelterman regression: logistic fit on units seen once or twice, then Horvitz–Thompson."""
    low = counts <= 2
    if not (np.any(counts == 1) and np.any(counts == 2)):
        raise ValueError("Zelterman's estimator needs units seen once and units seen twice")
    sub, twice = design[low], (counts[low] == 2).astype(float)

    def step(gamma: np.ndarray):
        p = 1 / (1 + np.exp(-(sub @ gamma)))
        return sub.T @ (twice - p), sub.T @ (sub * (p * (1 - p))[:, None])

    gamma, cov = _newton(step, design.shape[1])
    rate = 2.0 * np.exp(design @ gamma)  # logit = log(lambda / 2), so d log(lambda) / d gamma = x
    return _horvitz_thompson(rate, design, cov, level, "zelterman", labels, gamma)


REGRESSIONS = {"ztpoisson": zt_poisson_regression, "zelterman": zelterman_regression}

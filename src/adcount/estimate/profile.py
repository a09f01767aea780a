"""Profile-likelihood intervals for N under one fixed log-linear model.

Two conventions are in use and both are offered:

- "poisson": profile the intercept of the Poisson GLM on the observed cells (what R's
  ``confint`` on a ``glm`` gives); N = n + exp(intercept) at both ends.
- "multinomial": the multinomial likelihood of the complete 2^K table with the unobserved
  cell holding N - n, maximised over the model for each N (Cormack 1992; the interval of
  Rcapture's ``closedpCI.t``). Its maximiser is the point estimate of that convention; it
  sits slightly below the Poisson one.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import gammaln
from scipy.stats import chi2

from adcount.estimate.loglinear import ModelSpace, fit_poisson

SEARCH_FACTOR = 1e4
"""An end beyond n + SEARCH_FACTOR x (N_hat - n) is reported as unbounded (inf)."""


def _bracket(profile, centre: float, drop: float, far: float) -> float:
    """Where `profile` (a deviance from its minimum at `centre`) reaches `drop`, searching towards `far`."""
    step = far - centre
    scale = 1e-3
    while abs(scale) <= 1.0:
        probe = centre + scale * step
        if profile(probe) >= drop:
            return brentq(lambda v: profile(v) - drop, centre, probe, xtol=1e-10 * max(1.0, abs(probe)))
        scale *= 4.0
    return math.nan


def poisson_profile(space: ModelSpace, y: np.ndarray, mask: np.ndarray, level: float) -> tuple[float, float, float]:
    """(point, low, high) from the profile of the intercept; high may be inf."""
    columns, cells, _ = space.systems(np.asarray(y, float)[None, :], mask[None, :])
    full = fit_poisson(y, space.design, columns, cells)
    n = float(full.n_observed[0])
    intercept = float(full.beta[0, 0])
    free = columns.copy()
    free[:, 0] = False

    def deviance(b: float) -> float:
        fit = fit_poisson(y, space.design, free, cells, offset=b)
        return 2.0 * float(full.loglik[0] - fit.loglik[0])

    drop = float(chi2.ppf(level, 1))
    low_b = _bracket(deviance, intercept, drop, intercept - 50.0)
    high_b = _bracket(deviance, intercept, drop, intercept + math.log(SEARCH_FACTOR))
    low = n + math.exp(low_b) if math.isfinite(low_b) else n
    high = n + math.exp(high_b) if math.isfinite(high_b) else math.inf
    return n + math.exp(intercept), low, high


def multinomial_profile(space: ModelSpace, y: np.ndarray, mask: np.ndarray, level: float) -> tuple[float, float, float]:
    """(point, low, high) from the multinomial profile likelihood of N (continuous N)."""
    y = np.asarray(y, dtype=float)
    columns, cells, _ = space.systems(y[None, :], mask[None, :])
    n = float(y.sum())
    unseen_row = np.zeros((1, space.design.shape[1]))
    unseen_row[0, 0] = 1.0
    design = np.vstack([unseen_row, space.design])
    cells = np.hstack([np.ones((1, 1), dtype=bool), cells])

    def loglik(log_unseen: float) -> float:
        unseen = math.exp(log_unseen)
        total = n + unseen
        counts = np.concatenate([[unseen], y])
        fit = fit_poisson(counts, design, columns, cells)
        mu = fit.fitted[0]
        kept = cells[0] & (counts > 0)
        return float(gammaln(total + 1) - gammaln(unseen + 1) + np.sum(counts[kept] * np.log(mu[kept] / total)))

    poisson_fit = fit_poisson(y, space.design, columns, cells[:, 1:])
    start = float(poisson_fit.beta[0, 0])
    best = minimize_scalar(lambda v: -loglik(v), bracket=(start - 0.1, start), tol=1e-12)
    centre = float(best.x)
    top = -float(best.fun)
    drop = float(chi2.ppf(level, 1))
    deviance = lambda v: 2.0 * (top - loglik(v))  # noqa: E731
    low_v = _bracket(deviance, centre, drop, centre - 50.0)
    high_v = _bracket(deviance, centre, drop, centre + math.log(SEARCH_FACTOR))
    low = n + math.exp(low_v) if math.isfinite(low_v) else n
    high = n + math.exp(high_v) if math.isfinite(high_v) else math.inf
    return n + math.exp(centre), low, high

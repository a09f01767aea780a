"""Multinomial bootstrap and BCa intervals for capture–recapture estimates.

The observed persons are resampled with replacement (a multinomial draw of the observed
history counts, all replicates in one array operation), and the *whole* estimation
procedure, model selection included, is re-run on every replicate, so the interval carries
the uncertainty of the model choice (Silverman, Chan & Vincent 2024). The BCa acceleration
comes from the delete-one-person jackknife, one deletion per distinct observed history
weighted by its count; quantiles use the median-unbiased rule (Hyndman & Fan type 8), the
convention of the published intervals.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

Estimator = Callable[[np.ndarray], np.ndarray]
"""Maps a (replicates x cells) count matrix to one estimate per replicate (nan if none)."""


@dataclass(frozen=True)
class BootstrapResult:
    low: float
    high: float
    replicates: np.ndarray
    acceleration: float
    bias_correction: float
    kind: str
    n_failed: int


def resample(counts: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """n_boot multinomial resamples of the observed persons (replicates x cells)."""
    counts = np.asarray(counts, dtype=np.int64)
    rng = np.random.default_rng(seed)
    return rng.multinomial(int(counts.sum()), counts / counts.sum(), size=n_boot)


def jackknife(counts: np.ndarray, estimator: Estimator) -> tuple[np.ndarray, np.ndarray]:
    """Delete-one-person estimates, one per distinct observed history, and their weights."""
    counts = np.asarray(counts, dtype=np.int64)
    observed = np.nonzero(counts > 0)[0]
    deleted = np.repeat(counts[None, :], observed.size, axis=0)
    deleted[np.arange(observed.size), observed] -= 1
    return estimator(deleted), counts[observed].astype(float)


def acceleration(estimates: np.ndarray, weights: np.ndarray) -> float:
    """Efron's acceleration from weighted jackknife estimates."""
    centred = np.sum(weights * estimates) / weights.sum() - estimates
    denominator = 6.0 * np.sum(weights * centred**2) ** 1.5
    return float(np.sum(weights * centred**3) / denominator) if denominator > 0 else 0.0


def bca_limits(replicates: np.ndarray, point: float, accel: float, probabilities: np.ndarray) -> tuple[np.ndarray, float]:
    """BCa quantiles of the replicates at the given nominal probabilities, and z0."""
    below = float(np.mean(replicates < point))
    below = min(max(below, 0.5 / replicates.size), 1 - 0.5 / replicates.size)
    z0 = float(norm.ppf(below))
    z = norm.ppf(probabilities)
    adjusted = norm.cdf(z0 + (z0 + z) / (1 - accel * (z0 + z)))
    return np.quantile(replicates, adjusted, method="median_unbiased"), z0


def bootstrap_interval(counts: np.ndarray, point: float, estimator: Estimator, level: float, n_boot: int,
                       seed: int, kind: str = "bca") -> BootstrapResult:
    """Percentile or BCa interval from `n_boot` multinomial replicates."""
    if kind not in ("bca", "percentile"):
        raise ValueError(f"bootstrap kind must be 'bca' or 'percentile', got {kind!r}")
    if n_boot < 20:
        raise ValueError(f"n_boot must be at least 20 for an interval, got {n_boot}")
    estimates = estimator(resample(counts, n_boot, seed))
    usable = estimates[np.isfinite(estimates)]
    if usable.size < n_boot // 2:
        raise ValueError(f"only {usable.size} of {n_boot} bootstrap replicates gave an estimate")
    tails = np.array([(1 - level) / 2, (1 + level) / 2])
    if kind == "percentile":
        low, high = np.quantile(usable, tails, method="median_unbiased")
        return BootstrapResult(float(low), float(high), usable, math.nan, math.nan, kind, n_boot - usable.size)
    jack, weights = jackknife(counts, estimator)
    keep = np.isfinite(jack)
    accel = acceleration(jack[keep], weights[keep])
    (low, high), z0 = bca_limits(usable, point, accel, tails)
    return BootstrapResult(float(low), float(high), usable, accel, z0, kind, n_boot - usable.size)

"""Estimators from capture frequencies: f_k = units seen exactly k times (k = 1, 2, ...).

The frequencies come from one source seen repeatedly (ads per person) or from K lists
(lists per person). All estimators return N = n + f0_hat, n = sum f_k:

- Chao (1987) lower bound f1^2 / (2 f2) and its bias-corrected form f1 (f1 - 1) / (2 (f2 + 1)),
  with Chao's log-normal interval (the interval never goes below n).
- Zelterman (1988): a Poisson rate from f1 and f2 only, lambda = 2 f2 / f1, robust to
  heterogeneity in the higher counts.
- Zero-truncated Poisson and zero-truncated negative binomial, fitted by maximum likelihood.

Zelterman, ZTP and ZTNB intervals are normal (Wald) intervals with the variance used by
the singleRcapture package (Böhning, van der Heijden): sum over units of (1 - p) / p^2 plus
the delta-method term of the fitted parameters, p being the probability of being seen.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq, minimize
from scipy.special import gammaln
from scipy.stats import norm

from adcount.estimate.result import Estimate


def _details(freq: np.ndarray, **extra: object) -> dict:
    return {"frequencies": {int(k): int(v) for k, v in enumerate(freq, start=1) if v},
            "n_observed": int(freq.sum()), **extra}


def _log_normal_interval(n: float, f0: float, variance: float, level: float) -> tuple[float, float]:
    """Chao (1987): log(f0_hat) approximately normal, so the interval is [n + f0/C, n + f0 C]."""
    if f0 <= 0 or variance <= 0:
        return n, n
    c = math.exp(norm.ppf(0.5 + level / 2) * math.sqrt(math.log1p(variance / f0**2)))
    return n + f0 / c, n + f0 * c


def chao(freq: np.ndarray, level: float, bias_corrected: bool = False) -> Estimate:
    """Chao's lower bound (or its bias-corrected form, always used when f2 = 0)."""
    n = float(freq.sum())
    f1 = float(freq[0]) if freq.size > 0 else 0.0
    f2 = float(freq[1]) if freq.size > 1 else 0.0
    if bias_corrected or f2 == 0:
        f0 = f1 * (f1 - 1) / (2 * (f2 + 1))
        variance = (f1 * (f1 - 1) / (2 * (f2 + 1)) + f1 * (2 * f1 - 1) ** 2 / (4 * (f2 + 1) ** 2)
                    + f1**2 * f2 * (f1 - 1) ** 2 / (4 * (f2 + 1) ** 4))
        form = "bias-corrected"
    else:
        ratio = f1 / f2
        f0 = f1**2 / (2 * f2)
        variance = f2 * (ratio**4 / 4 + ratio**3 + ratio**2 / 2)
        form = "lower bound"
    low, high = _log_normal_interval(n, f0, variance, level)
    return Estimate(n + f0, low, high, level, "chao",
                    _details(freq, form=form, f0=f0, se=math.sqrt(variance), interval="chao-1987-log-normal"))


def _wald(point: float, variance: float, n: float, level: float) -> tuple[float, float]:
    half = norm.ppf(0.5 + level / 2) * math.sqrt(variance)
    return max(point - half, n), point + half


def zelterman(freq: np.ndarray, level: float) -> Estimate:
    """N = n / (1 - exp(-lambda)), lambda = 2 f2 / f1 (a logistic fit on the f1 + f2 units)."""
    n = float(freq.sum())
    f1 = float(freq[0])
    f2 = float(freq[1]) if freq.size > 1 else 0.0
    if f1 == 0 or f2 == 0:
        raise ValueError("Zelterman's estimator needs units seen once (f1 > 0) and twice (f2 > 0)")
    lam = 2 * f2 / f1
    seen = -math.expm1(-lam)
    point = n / seen
    slope = n * math.exp(-lam) * lam / seen**2  # |dN / dlog(lambda)|
    variance = n * (1 - seen) / seen**2 + slope**2 * (1 / f1 + 1 / f2)
    low, high = _wald(point, variance, n, level)
    return Estimate(point, low, high, level, "zelterman",
                    _details(freq, rate=lam, se=math.sqrt(variance), interval="wald"))


def zt_poisson(freq: np.ndarray, level: float) -> Estimate:
    """Zero-truncated Poisson MLE: lambda solves lambda / (1 - exp(-lambda)) = mean count."""
    k = np.arange(1, freq.size + 1)
    n = float(freq.sum())
    mean = float((k * freq).sum()) / n
    if mean <= 1.0:
        raise ValueError("every unit was seen exactly once: the zero-truncated Poisson has no finite MLE")
    lam = brentq(lambda x: x / -math.expm1(-x) - mean, 1e-12, mean + 1.0)
    seen = -math.expm1(-lam)
    point = n / seen
    info = n * mean * (1 + lam - mean)  # Fisher information for log(lambda)
    slope = n * math.exp(-lam) * lam / seen**2
    variance = n * (1 - seen) / seen**2 + slope**2 / info
    low, high = _wald(point, variance, n, level)
    return Estimate(point, low, high, level, "ztpoisson",
                    _details(freq, rate=lam, se=math.sqrt(variance), interval="wald"))


def _ztnb_negloglik(theta: np.ndarray, k: np.ndarray, freq: np.ndarray) -> float:
    mu, size = math.exp(theta[0]), math.exp(theta[1])
    log_p0 = size * (math.log(size) - math.log(size + mu))
    log_pk = (gammaln(k + size) - gammaln(size) - gammaln(k + 1) + size * math.log(size / (size + mu))
              + k * math.log(mu / (size + mu)))
    return -float((freq * (log_pk - np.log(-np.expm1(log_p0)))).sum())


def _hessian(f, x: np.ndarray, step: float = 1e-4) -> np.ndarray:
    dim = x.size
    hess = np.empty((dim, dim))
    for i in range(dim):
        for j in range(dim):
            ei, ej = np.eye(dim)[i] * step, np.eye(dim)[j] * step
            hess[i, j] = (f(x + ei + ej) - f(x + ei - ej) - f(x - ei + ej) + f(x - ei - ej)) / (4 * step**2)
    return hess


def zt_negbin(freq: np.ndarray, level: float) -> Estimate:
    """Zero-truncated negative binomial (mean mu, size r) by maximum likelihood."""
    k = np.arange(1, freq.size + 1, dtype=float)
    n = float(freq.sum())
    mean = float((k * freq).sum()) / n
    if mean <= 1.0:
        raise ValueError("every unit was seen exactly once: the zero-truncated negative binomial has no finite MLE")
    result = minimize(_ztnb_negloglik, np.array([math.log(mean), 0.0]), args=(k, freq), method="Nelder-Mead",
                      options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000})
    theta = result.x
    if math.exp(theta[1]) < 1e-3:
        raise ValueError(
            "the zero-truncated negative binomial MLE does not exist for these frequencies: the "
            "likelihood keeps rising as the dispersion size goes to 0, where the estimate of the unseen "
            "is unbounded; use method='chao' (a lower bound) or 'zelterman'"
        )

    def log_seen(t: np.ndarray) -> float:
        mu, size = math.exp(t[0]), math.exp(t[1])
        return math.log(-math.expm1(size * (math.log(size) - math.log(size + mu))))

    seen = math.exp(log_seen(theta))
    point = n / seen
    cov = np.linalg.pinv(_hessian(lambda t: _ztnb_negloglik(t, k, freq), theta))
    grad = np.array([(log_seen(theta + d) - log_seen(theta - d)) / 2e-5 for d in np.eye(2) * 1e-5])
    variance = n * (1 - seen) / seen**2 + point**2 * float(grad @ cov @ grad)
    low, high = _wald(point, variance, n, level)
    return Estimate(point, low, high, level, "ztnegbin",
                    _details(freq, mean=math.exp(theta[0]), size=math.exp(theta[1]), se=math.sqrt(variance),
                             interval="wald", converged=bool(result.success)))

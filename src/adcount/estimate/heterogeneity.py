"""Unseen persons from ads-per-person frequencies when capture rates differ and f1 is inflated.

Two estimators complete the single-source set of `frequency.py`, each chosen for one way ad
data break the plain Poisson model:

- iChao1 (Chiu, Wang, Walther and Chao 2014, Biometrics 70: 671–682): Chao's lower bound plus
  a correction from f3 and f4 that tightens the bound when persons post at very different
  rates (a heavy-tailed ads-per-person distribution). Still a lower bound under any mixed
  Poisson model, but a sharper one.
- Chao's bound moved up one count (Böhning, Kaskasamkul and van der Heijden 2019, "A
  modification of Chao's lower bound estimator in the case of one-inflation", Metrika 82:
  361–384): f0 = 2 f2^3 / (9 f3^2), unbiased for a Poisson and a lower bound for a mixed Poisson.
  It ignores f1 entirely, so it is unaffected by extra singletons: persons seen once for a
  reason other than chance (one-inflation), and, in adcount, the ads a linkage error split off
  a person, which Chao's f1^2 squares.

Both are functions of the frequency vector, so their intervals use one construction: the delta
method under multinomial sampling of the estimated population (Chao 1987: the variance of
f0_hat takes the covariances of the f_k into account), with Chao's log-normal interval for f0,
which keeps the lower limit at or above the number of persons seen.

`bracket` reports both: its point is the one-inflation bound (a pipeline that splits a person
inflates f1 first) and its interval spans both estimators' intervals, so that neither failure
mode — split persons, or persons posting at very different rates — is silently assumed away.
Size from a single source is not identifiable under arbitrary heterogeneity (Link 2003,
Biometrics 59: 1123–1130): the bracket is a range over two defensible models, not a guarantee.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from adcount.estimate.frequency import _details, _log_normal_interval
from adcount.estimate.result import Estimate

UnseenFormula = Callable[[np.ndarray], float]


def _padded(freq: np.ndarray, length: int) -> np.ndarray:
    out = np.zeros(max(length, freq.size))
    out[: freq.size] = freq
    return out


def ichao_unseen(freq: np.ndarray) -> float:
    """iChao1's f0: Chao's bias-corrected bound plus f3 / (4 f4) * max(f1 - f2 f3 / (2 f4), 0)."""
    f1, f2, f3, f4 = _padded(freq, 4)[:4]
    base = f1 * (f1 - 1) / (2 * (f2 + 1)) if f2 == 0 else f1 * f1 / (2 * f2)
    if f4 == 0:  # the published rule: f4 replaced by 1 when absent
        f4 = 1.0
    return float(base + f3 / (4 * f4) * max(f1 - f2 * f3 / (2 * f4), 0.0))


def one_inflation_unseen(freq: np.ndarray) -> float:
    """Böhning et al.'s f0 = 2 f2^3 / (9 f3^2): Chao's bound moved up one count, blind to f1."""
    f2, f3 = _padded(freq, 3)[1:3]
    if f2 == 0 or f3 == 0:
        raise ValueError("the one-inflation bound needs persons seen twice (f2 > 0) and three times (f3 > 0)")
    return float(2 * f2**3 / (9 * f3**2))


def multinomial_delta_variance(freq: np.ndarray, unseen: UnseenFormula) -> float:
    """Var(f0_hat) by the delta method, the f_k multinomial over the estimated N = n + f0_hat."""
    freq = np.asarray(freq, dtype=float)
    f0 = unseen(freq)
    total = freq.sum() + f0
    step = np.maximum(1e-3, 1e-4 * freq)
    grad = np.array([(unseen(freq + d) - unseen(np.maximum(freq - d, 0.0))) / (2 * d[i])
                     for i, d in enumerate(np.diag(step))])
    cov = np.diag(freq) - np.outer(freq, freq) / total
    return float(max(grad @ cov @ grad, 0.0))


def _estimate(freq: np.ndarray, level: float, unseen: UnseenFormula, name: str, reference: str) -> Estimate:
    freq = np.asarray(freq, dtype=float)
    n = float(freq.sum())
    f0 = unseen(freq)
    variance = multinomial_delta_variance(freq, unseen)
    low, high = _log_normal_interval(n, f0, variance, level)
    return Estimate(n + f0, low, high, level, name,
                    _details(freq, f0=f0, se=math.sqrt(variance), interval="delta-multinomial-log-normal",
                             reference=reference))


def ichao(freq: np.ndarray, level: float) -> Estimate:
    """iChao1 (Chiu et al. 2014): a sharper lower bound under heterogeneous ad rates."""
    return _estimate(freq, level, ichao_unseen, "ichao", "Chiu, Wang, Walther and Chao (2014)")


def chao_one_inflation(freq: np.ndarray, level: float) -> Estimate:
    """Chao's bound from f2 and f3 (Böhning, Kaskasamkul and van der Heijden 2019): robust to extra singletons."""
    return _estimate(freq, level, one_inflation_unseen, "chao-f2f3", "Böhning, Kaskasamkul and van der Heijden (2019)")


def bracket(freq: np.ndarray, level: float) -> Estimate:
    """The one-inflation bound as point, the envelope of it and iChao1 as interval (see module doc)."""
    parts = {name: fit(freq, level) for name, fit in BRACKET_COMPONENTS.items()}
    point = parts["chao-f2f3"].point
    low = min(p.low for p in parts.values())
    high = max(p.high for p in parts.values())
    return Estimate(point, low, high, level, "bracket",
                    _details(np.asarray(freq, dtype=float), interval="envelope of the component intervals",
                             components={name: {"point": p.point, "low": p.low, "high": p.high}
                                         for name, p in parts.items()}))


BRACKET_COMPONENTS = {"chao-f2f3": chao_one_inflation, "ichao": ichao}
UNSEEN_FORMULAS: dict[str, UnseenFormula] = {"chao-f2f3": one_inflation_unseen, "ichao": ichao_unseen}
HETEROGENEITY_METHODS = {"ichao": ichao, "chao-f2f3": chao_one_inflation, "bracket": bracket}

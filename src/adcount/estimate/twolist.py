"""Two-list estimators: Lincoln–Petersen and Chapman (Seber's variance, Wald interval).

With n1 persons on list 1, n2 on list 2 and m on both, Lincoln–Petersen is n1 n2 / m and
Chapman's nearly unbiased form is (n1 + 1)(n2 + 1) / (m + 1) - 1, with Seber's (1982,
p. 60) variance (n1 + 1)(n2 + 1)(n1 - m)(n2 - m) / ((m + 1)^2 (m + 2)).
"""

from __future__ import annotations

import math

from scipy.stats import norm

from adcount.estimate.histories import CaptureHistories
from adcount.estimate.result import Estimate


def _two_list_counts(data: CaptureHistories) -> tuple[int, int, int]:
    if data.n_lists != 2:
        raise ValueError(
            f"two-list estimators need exactly 2 lists, got {data.n_lists}; "
            "collapse lists first or use method='loglinear'"
        )
    only1, only2, both = (int(c) for c in data.counts)
    return only1 + both, only2 + both, both


def lincoln_petersen(data: CaptureHistories, level: float) -> Estimate:
    """n1 n2 / m; infinite when no person is on both lists. No interval (use Chapman)."""
    n1, n2, m = _two_list_counts(data)
    point = n1 * n2 / m if m > 0 else math.inf
    return Estimate(point, math.nan, math.nan, level, "lincoln-petersen",
                    {"n1": n1, "n2": n2, "m": m, "n_observed": data.n_observed,
                     "interval": "none (use method='chapman' for an interval)", "lists": list(data.lists)})


def chapman(data: CaptureHistories, level: float) -> Estimate:
    """Chapman's estimator with a Wald interval from Seber's variance (floored at n observed)."""
    n1, n2, m = _two_list_counts(data)
    point = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    half = norm.ppf(0.5 + level / 2) * math.sqrt(variance)
    return Estimate(point, max(point - half, float(data.n_observed)), point + half, level, "chapman",
                    {"n1": n1, "n2": n2, "m": m, "n_observed": data.n_observed,
                     "se": math.sqrt(variance), "interval": "wald-seber", "lists": list(data.lists)})

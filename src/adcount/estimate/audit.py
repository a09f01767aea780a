"""The hand method made rigorous: a duplicate rate from a labelled random sample of ads.

An analyst draws `n` ads at random, decides for each whether it is a *duplicate* (its person has
another ad earlier in the set) and reports persons = ads x (1 - duplicate rate). The diagnostic this
library automates did exactly that without an interval ("61% duplicates, so ~273 persons"). Here the
rate gets a Wilson score or Clopper–Pearson interval, with the finite-population correction when the
sample is a large share of the ads, and the interval is carried to the person count.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from adcount.estimate.result import Estimate


def draw_audit_sample(ad_ids: Sequence[str], n: int, seed: int = 0) -> pd.DataFrame:
    """A simple random sample of `n` ads to label, with an empty `duplicate` column to fill (0/1)."""
    ad_ids = np.asarray(ad_ids, dtype=object)
    if not 1 <= n <= ad_ids.size:
        raise ValueError(f"sample size must be between 1 and the number of ads ({ad_ids.size}), got {n}")
    chosen = np.sort(np.random.default_rng(seed).choice(ad_ids.size, size=n, replace=False))
    return pd.DataFrame({"ad_id": ad_ids[chosen], "duplicate": pd.array([pd.NA] * n, dtype="Int64")})


def rate_interval(k: int, n: int, level: float, method: str, population: int | None = None) -> tuple[float, float]:
    """Interval for a proportion k/n. `population`: finite size the sample was drawn from (FPC)."""
    if method == "clopper-pearson":
        alpha = 1.0 - level
        low = stats.beta.ppf(alpha / 2, k, n - k + 1) if k > 0 else 0.0
        high = stats.beta.ppf(1 - alpha / 2, k + 1, n - k) if k < n else 1.0
        return float(low), float(high)
    if method != "wilson":
        raise ValueError(f"unknown interval method {method!r}; use 'wilson' or 'clopper-pearson'")
    z = stats.norm.ppf(0.5 + level / 2)
    # the finite-population correction shrinks the effective variance: n_eff = n / fpc^2
    fpc = np.sqrt((population - n) / (population - 1)) if population and population > 1 else 1.0
    n_eff = n / max(fpc**2, 1e-12)
    p = k / n
    centre = (p + z**2 / (2 * n_eff)) / (1 + z**2 / n_eff)
    half = z / (1 + z**2 / n_eff) * np.sqrt(p * (1 - p) / n_eff + z**2 / (4 * n_eff**2))
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def audit_estimate(n_ads: int, labels: Sequence[int] | pd.Series, level: float = 0.95,
                   method: str = "wilson") -> Estimate:
    """Persons from a labelled sample: `labels` are 1 (duplicate) / 0 (first ad of its person).

    Unlabelled entries (NA) are an error: a partially labelled sample is no longer random.
    """
    values = pd.Series(labels)
    if values.isna().any():
        raise ValueError(f"{int(values.isna().sum())} sampled ads are not labelled yet; label all or draw a smaller sample")
    values = values.astype(int).to_numpy()
    if not np.isin(values, (0, 1)).all():
        raise ValueError("labels must be 0 (not a duplicate) or 1 (duplicate)")
    n = values.size
    if n == 0 or n > n_ads:
        raise ValueError(f"need between 1 and {n_ads} labels, got {n}")
    k = int(values.sum())
    low_rate, high_rate = rate_interval(k, n, level, method, population=n_ads)
    rate = k / n
    return Estimate(
        point=n_ads * (1 - rate), low=n_ads * (1 - high_rate), high=n_ads * (1 - low_rate), level=level,
        method=f"audit-{method}",
        details={"n_ads": n_ads, "sample_size": n, "duplicates_in_sample": k, "duplicate_rate": rate,
                 "duplicate_rate_interval": [low_rate, high_rate],
                 "finite_population_correction": method == "wilson"},
    )

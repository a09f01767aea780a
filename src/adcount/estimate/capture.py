"""`adcount.capture_recapture`: persons including those on no list, from capture histories.

One entry point for every capture–recapture estimator in adcount:

============================  ======================================  =====================
method                        needs                                   interval
============================  ======================================  =====================
"loglinear" (default)         K >= 2 lists                            profile / bootstrap
"chapman"                     2 lists                                 Wald, Seber variance
"lincoln-petersen"            2 lists                                 none
"chao", "chao-bc"             frequencies (f1, f2)                    Chao 1987 log-normal
"zelterman"                   frequencies (f1, f2)                    Wald
"ztpoisson", "ztnegbin"       frequencies                             Wald
"ichao", "chao-f2f3"          frequencies (f1..f4)                    log-normal, delta
"bracket"                     frequencies (f1..f4)                    envelope of the two
============================  ======================================  =====================

Frequencies are taken from a frequency table (`times_captured` + a count column, e.g. ads
per person) or computed from histories (lists per person). See docs/capture-recapture.md.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from adcount.estimate import frequency, twolist
from adcount.estimate.heterogeneity import HETEROGENEITY_METHODS
from adcount.estimate.histories import is_frequency_table, parse_frequencies, parse_histories
from adcount.estimate.multilist import loglinear_estimate
from adcount.estimate.regression import REGRESSIONS, unit_table
from adcount.estimate.result import Estimate



def _in_floats(fit: Callable[[np.ndarray, float], Estimate]) -> Callable[[Any, float], Estimate]:
    """A heterogeneity estimator reading its frequencies as floats, as it was written for."""
    return lambda freq, level: fit(np.asarray(freq, dtype=float), level)


FREQUENCY_METHODS = {
    "chao": lambda f, level: frequency.chao(f, level),
    "chao-bc": lambda f, level: frequency.chao(f, level, bias_corrected=True),
    "zelterman": frequency.zelterman,
    "ztpoisson": frequency.zt_poisson,
    "ztnegbin": frequency.zt_negbin,
    # estimators for heterogeneous frequencies (docs/estimates.md)
    **{name: _in_floats(fit) for name, fit in HETEROGENEITY_METHODS.items()},
}
TWO_LIST_METHODS = {"chapman": twolist.chapman, "lincoln-petersen": twolist.lincoln_petersen}
METHODS = ("loglinear", *TWO_LIST_METHODS, *FREQUENCY_METHODS)


def capture_recapture(
    histories: pd.DataFrame,
    method: str = "loglinear",
    criterion: str = "bic",
    max_order: int = 2,
    level: float = 0.95,
    interval: str = "auto",
    n_boot: int = 1000,
    seed: int = 0,
    *,
    model: Any = None,
    search: str = "auto",
    p_threshold: float = 0.02,
    margins: str = "all",
    sparse: str = "extended",
    n_top: int | None = None,
    table_rows: int = 20,
    heterogeneity: str | None = None,
    cell_covariates: dict | None = None,
    covariates: str | list[str] | None = None,
) -> Estimate:
    """Estimate the total number of persons, seen and unseen, with an interval.

    histories: 0/1 list columns plus `count` (one row per history) or one row per person;
        for the frequency methods also a frequency table (`times_captured` + count column).
    method: one of METHODS (see the module docstring).
    criterion, max_order: log-linear model search by "bic" or "aic" over hierarchical models
        with interactions up to `max_order` lists.
    level: confidence level of the interval.
    interval (log-linear): "profile" (Poisson intercept profile; default for a fixed model),
        "profile-multinomial" (Rcapture's multinomial profile; its maximiser is the point),
        "bootstrap" (BCa, model selection re-run on every replicate; default for a search),
        "bootstrap-percentile", or "none".
    n_boot, seed: bootstrap replicates and seed (deterministic for a given seed).
    model: a fixed log-linear model instead of a search: "[12,13,4]" (published notation,
        1-based list digits), "main", or a list of term tuples of list names / 0-based indices.
    search: "auto" (exhaustive for K <= 5, else stepwise), "exhaustive", "stepwise"
        (Chan–Silverman–Vincent, two-list terms, p < p_threshold), or "downhill".
    margins: "all" candidate terms, or "observed": only terms whose lists share a person.
    sparse: "extended" (terms with a zero margin fixed at minus infinity, their cells dropped)
        or "refuse" (such models have no MLE and are excluded).
    n_top: exhaustive-search bootstrap restricted to the n_top best models on the data
        (default: all for K <= 3, 20 for K = 4, 100 for K >= 5).
    table_rows: how many ranked models to keep in `details["ranked_models"]`.
    heterogeneity: add a capture-heterogeneity column to every log-linear model: "poisson2"
        (2^k - 1, Rcapture's Mth Poisson2) or "darroch" (k^2 / 2), k = lists per history.
    cell_covariates: more such columns, {name: history string like "111111" (an indicator)
        or 2^K - 1 values by history code}.
    covariates ("ztpoisson" and "zelterman" only): unit covariates, a list of column names
        or "all"; the table then has one row per unit with its count (`times_captured` or
        `capture`) and N is a Horvitz–Thompson sum (van der Heijden et al. 2003).
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    method = method.lower()
    if covariates is not None:
        if method not in REGRESSIONS:
            raise ValueError(f"covariates are supported by {sorted(REGRESSIONS)}, not {method!r}")
        counts, design, labels = unit_table(histories, covariates)
        return REGRESSIONS[method](counts, design, labels, level)
    if method in FREQUENCY_METHODS:
        if is_frequency_table(histories):
            freq = parse_frequencies(histories)
        else:
            freq = parse_histories(histories).capture_frequencies()
        return FREQUENCY_METHODS[method](np.asarray(freq), level)
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {list(METHODS)}")
    if is_frequency_table(histories):
        raise ValueError(f"method {method!r} needs capture histories (one 0/1 column per list), not a frequency table")
    data = parse_histories(histories)
    if method in TWO_LIST_METHODS:
        return TWO_LIST_METHODS[method](data, level)
    # The fits are many tiny matrix products: one BLAS thread is far faster than several
    # fighting over them (measured 50x on 50 x 255 by 255 x 100 products).
    with threadpool_limits(limits=1, user_api="blas"):
        return loglinear_estimate(data, criterion=criterion, max_order=max_order, level=level,
                                  interval=interval, n_boot=n_boot, seed=seed, model=model, search=search,
                                  p_threshold=p_threshold, margins=margins, sparse=sparse, n_top=n_top,
                                  table_rows=table_rows, heterogeneity=heterogeneity,
                                  cell_covariates=cell_covariates)

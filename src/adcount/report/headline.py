"""Which figure to quote: the headline rule, and what each other estimate assumes.

The rule: the headline is the count of persons behind the ads seen (the linkage estimate), with
its interval. It is the one figure that rests on the ads alone; every estimate of persons seen
nowhere (capture–recapture) rests on an assumption the ads cannot check, so it is shown below
with that assumption in a sentence. A list design (sites, groups of sites, weeks as lists) is
known to overestimate when many persons post once: such a person is on exactly one list by
construction, so lists are negatively dependent (on the synthetic Pas-de-Calais sets, log-linear
models over sites overestimate by ~90% and over weeks by ~200%: docs/estimates.md). Those get a
warning, as does any estimate the data cannot bound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from adcount.estimate.result import Estimate

LIST_DESIGNS = ("site-group", "site", "week")
# share of persons with one ad above which list designs are flagged: measured on the synthetic
# sets (docs/estimates.md), where ~40% post once and list designs overestimate 2-3 times; at a
# tenth the dependence they ignore is already several times the interval's width
ONE_AD_WARN_SHARE = 0.10


@dataclass(frozen=True)
class Ranked:
    """An estimate with the design key of its wording and its warning key ("" when none)."""

    estimate: Estimate
    design: str  # "linkage", "ads", "site-group", "site", "week"
    warning: str  # "", "warn_biased", "warn_unbounded"


def design_of(estimate: Estimate) -> str:
    return str(estimate.details.get("lists") or "linkage")


def rank_estimates(estimates: list[Estimate], ads_per_person: np.ndarray) -> tuple[Ranked, list[Ranked]]:
    """The headline (the first linkage estimate; the first estimate when none is) and the others
    in the given order, each with its warning. `ads_per_person`: ads of each person found."""
    if not estimates:
        raise ValueError("a report needs at least one estimate")
    one_ad = one_ad_share(ads_per_person)
    ranked = [Ranked(e, design_of(e), _warning(e, design_of(e), one_ad)) for e in estimates]
    main = next((r for r in ranked if r.design == "linkage"), ranked[0])
    return main, [r for r in ranked if r is not main]


def one_ad_share(ads_per_person: np.ndarray) -> float:
    sizes = np.asarray(ads_per_person)
    return float((sizes == 1).mean()) if sizes.size else 0.0


def _warning(estimate: Estimate, design: str, one_ad: float) -> str:
    if not (math.isfinite(estimate.point) and math.isfinite(estimate.high)):
        return "warn_unbounded"
    if design in LIST_DESIGNS and one_ad >= ONE_AD_WARN_SHARE:
        return "warn_biased"
    return ""

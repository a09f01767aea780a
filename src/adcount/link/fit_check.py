"""Is an EM fit fit to use? A check against the hand-set rules on the ad set at hand.

EM fits two classes to the candidate pairs; nothing makes them "one person / two persons"
rather than "one network / the rest" or "re-posted text / rewritten text". The level order
(`rules.LEVEL_ORDER`) keeps each level's meaning; two checks catch a fit that is still not
about persons, and the run is then scored with the rules, with a note saying why
(`DedupResult.model_note`, the summary):

- EM put (nearly) every pair in one class: its match share sits at a bound, so it learned what
  one class looks like and nothing of the other (a set of one woman's ads, or of a few posters
  re-posting, where every candidate pair is one person);
- EM turns around more than `MAX_OVERTURNED` of the decisions the rules are sure of (pairs the
  rules score at 0.999 or more, or 0.001 or less). The rules give such odds only on strong
  evidence (a personal phone in common, ages four years apart beyond the time between), so a
  fit that overturns many of them is answering another question.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adcount.config import LinkConfig
from adcount.link.fellegi_sunter import MAX_SHARE, MIN_SHARE, FellegiSunter

# defaults of the configuration fields link.fit_sure and link.fit_max_overturned (measured there)
SURE = LinkConfig.fit_sure
MAX_OVERTURNED = LinkConfig.fit_max_overturned


def overturned_share(fitted: FellegiSunter, rules: FellegiSunter, levels: pd.DataFrame,
                     weights: np.ndarray, sure: float = SURE) -> float:
    """Share (by pair weight) of the pairs the rules are sure of that `fitted` decides the other
    way at a 0.5 threshold (0 when the rules are sure of none)."""
    by_rules = rules.predict_proba(levels)
    decided = (by_rules >= sure) | (by_rules <= 1.0 - sure)
    turned = decided & ((fitted.predict_proba(levels) >= 0.5) != (by_rules >= 0.5))
    total = float(weights[decided].sum())
    return float(weights[turned].sum()) / total if total > 0 else 0.0


def checked_em(model: FellegiSunter, levels: pd.DataFrame, weights: np.ndarray, sure: float = SURE,
               max_overturned: float = MAX_OVERTURNED) -> tuple[FellegiSunter, str]:
    """`model` fitted by EM on these pairs, or the rule weights when the fit fails a check
    (module docs); with a note saying which (empty when EM's fit is kept)."""
    rules = FellegiSunter.from_rules(levels, model.comparisons)
    fitted = model.fit(levels, sample_weight=weights)
    if fitted.match_share_ <= MIN_SHARE or fitted.match_share_ >= MAX_SHARE:
        side = "one person" if fitted.match_share_ >= MAX_SHARE else "two persons"
        return rules, (f"EM put nearly every candidate pair in one class ({side}) and learned nothing of "
                       "the other: pairs scored with the hand-set rule weights")
    share = overturned_share(fitted, rules, levels, weights, sure)
    if share > max_overturned:
        return rules, (f"EM's fit turned around {share:.0%} of the pairs the hand-set rules are sure of "
                       f"(at most {max_overturned:.0%} expected): pairs scored with the rule weights")
    return fitted, ""

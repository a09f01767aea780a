"""The scoring stage: the evidence of every candidate pair, its comparison levels, and the link
probability given by the run's model.

The model is EM-fitted Fellegi–Sunter by default ("em"), the hand-set rule weights ("rules"), or
a fitted model given by the user (`FellegiSunter`, `SupervisedModel`, e.g. from `load_model` or
`adcount.tools.fold_labels`); an unfitted `FellegiSunter(comparisons=...)` is fitted by EM here.
With fewer than `link.min_pairs_for_em` candidate pairs, or a fit that fails the checks of
`adcount.link.fit_check`, "em" falls back to the rule weights and says so in `model_note`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from adcount.config import LinkConfig
from adcount.link.comparisons import comparison_levels
from adcount.link.features import AdSignals, pair_features
from adcount.link.fellegi_sunter import FellegiSunter
from adcount.link.fit_check import checked_em
from adcount.link.model_io import LinkModel
from adcount.link.weights import pair_weights


@dataclass(frozen=True)
class PairScores:
    features: pd.DataFrame  # one row of evidence per candidate pair
    levels: pd.DataFrame  # comparison levels per pair
    model: LinkModel  # the fitted model that scored them
    model_note: str  # why the rule weights stood in for EM ("" when they did not)
    probability: np.ndarray  # link probability per pair


def score_pairs(pairs: np.ndarray, signals: AdSignals, model: LinkModel | str = "em",
                config: LinkConfig = LinkConfig()) -> PairScores:
    """Features, levels and link probabilities of the candidate pairs (module docs)."""
    features = pair_features(pairs, signals)
    levels = comparison_levels(features, stock_photo_contacts=config.stock_photo_contacts)
    weights = pair_weights(signals.facts.day.size, pairs, config.pairs_per_ad_in_em)
    fitted, note = fitted_model(model, levels, weights, config)
    return PairScores(features, levels, fitted, note, fitted.predict_proba(levels))


def fitted_model(model: LinkModel | str, levels: pd.DataFrame, weights: np.ndarray,
                 config: LinkConfig = LinkConfig()) -> tuple[LinkModel, str]:
    """The link model of this run (module docs), and a note when the rule weights stand in for
    EM (too few pairs, or a fit that fails `fit_check.checked_em`)."""
    model_name = model if isinstance(model, str) else None
    if isinstance(model, str) and model in ("em", "rules"):
        model = FellegiSunter()
    if isinstance(model, FellegiSunter) and not model.is_fitted():  # chosen comparisons, parameters still to learn
        if model_name == "rules":
            return FellegiSunter.from_rules(levels, model.comparisons), ""
        if len(levels) < config.min_pairs_for_em:  # too few pairs to fit: the prior
            return FellegiSunter.from_rules(levels, model.comparisons), (
                f"{len(levels)} candidate pairs, too few for EM (at least {config.min_pairs_for_em}): "
                "pairs scored with the hand-set rule weights")
        return checked_em(model, levels, weights, config.fit_sure, config.fit_max_overturned)
    if isinstance(model, str):
        raise ValueError(f"unknown link model {model!r}; use 'em', 'rules' or a fitted model")
    return model, ""

"""Log-linear capture–recapture for K lists: pick a model, estimate N, attach an interval.

Glue between the model space (loglinear.py), the searches (selection.py), the profile
intervals (profile.py) and the bootstrap (bootstrap.py). A `Procedure` is the complete
recipe (candidate terms, search, criterion): the bootstrap re-runs exactly the same
recipe on every replicate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from adcount.estimate.bootstrap import bootstrap_interval
from adcount.estimate.histories import CaptureHistories
from adcount.estimate.loglinear import (ModelSpace, all_terms, hierarchical_models, model_label, parse_model,
                                        popcount)
from adcount.estimate.profile import multinomial_profile, poisson_profile
from adcount.estimate.result import Estimate
from adcount.estimate.selection import Choice, Hierarchy, downhill, exhaustive, stepwise

SEARCHES = ("auto", "exhaustive", "stepwise", "downhill", "fixed")
INTERVALS = ("auto", "profile", "profile-multinomial", "bootstrap", "bootstrap-percentile", "none")
DEFAULT_TOP = {2: None, 3: None, 4: 20, 5: 100, 6: 100}
"""Models kept for the exhaustive-search bootstrap, by K (the 2024 package defaults; None = all)."""


@dataclass
class Procedure:
    """A complete, re-runnable model-selection recipe over one model space."""

    space: ModelSpace
    search: str
    criterion: str
    threshold: float
    models: np.ndarray | None = None  # exhaustive: candidate models (term masks)
    fixed: np.ndarray | None = None  # fixed: the model's term mask
    hierarchy: Hierarchy | None = field(default=None, repr=False)

    def choose(self, y: np.ndarray) -> Choice:
        if self.search == "fixed":
            assert self.fixed is not None
            evaluation = self.space.evaluate(y, self.fixed[None, :])
            if not evaluation.exists[0]:
                raise ValueError(
                    "the maximum-likelihood estimate of this model does not exist on these counts (zero cells "
                    "make an interaction unbounded, or the model is not identifiable); choose a smaller model"
                )
            return Choice(self.fixed, float(evaluation.population[0]), self.fixed[None, :], evaluation)
        if self.search == "exhaustive":
            assert self.models is not None
            return exhaustive(self.space, y, self.models, self.criterion)
        if self.search == "stepwise":
            return stepwise(self.space, y, self.threshold)
        self.hierarchy = self.hierarchy or Hierarchy(self.space.terms)
        return downhill(self.space, y, self.criterion, self.hierarchy)

    def estimates(self, replicates: np.ndarray) -> np.ndarray:
        """Estimate for every row of a (replicates x cells) count matrix; nan where no model exists."""
        if self.search in ("exhaustive", "fixed"):
            models = self.models if self.search == "exhaustive" else self.fixed[None, :]
            n_rep, n_models = replicates.shape[0], models.shape[0]
            evaluation = self.space.evaluate(np.repeat(replicates, n_models, axis=0), np.tile(models, (n_rep, 1)))
            scores = evaluation.criterion(self.criterion).reshape(n_rep, n_models)
            population = evaluation.population.reshape(n_rep, n_models)
            best = np.argmin(scores, axis=1)
            chosen = population[np.arange(n_rep), best]
            return np.where(np.isfinite(scores[np.arange(n_rep), best]), chosen, np.nan)
        out = np.full(replicates.shape[0], np.nan)
        for r, y in enumerate(replicates):
            try:
                out[r] = self.choose(y).population
            except ValueError:
                out[r] = np.nan
        return out


def candidate_terms(data: CaptureHistories, max_order: int, margins: str) -> np.ndarray:
    """Interaction terms up to max_order; with margins='observed' only those seen together."""
    if margins not in ("all", "observed"):
        raise ValueError(f"margins must be 'all' or 'observed', got {margins!r}")
    terms = all_terms(data.n_lists, max_order)
    if margins == "observed":
        terms = np.array([t for t in terms if data.margin(int(t)) > 0], dtype=np.int64)
    return terms


def ranked_table(choice: Choice, procedure: Procedure, data: CaptureHistories, rows: int) -> list[dict]:
    """The best `rows` models compared, by criterion, with their estimates."""
    evaluation = choice.evaluation
    scores = evaluation.criterion(procedure.criterion)
    order = np.argsort(scores, kind="stable")[:rows]
    best = scores[order[0]] if order.size else math.nan
    table = []
    for i in order:
        table.append({
            "model": model_label(procedure.space.terms[choice.considered[i]], data.n_lists),
            "terms": model_label(procedure.space.terms[choice.considered[i]], data.n_lists, data.lists),
            "n_params": int(evaluation.n_params[i]),
            "loglik": float(evaluation.loglik[i]),
            procedure.criterion: float(scores[i]),
            "delta": float(scores[i] - best),
            "population": float(evaluation.population[i]),
            "mle_exists": bool(evaluation.exists[i]),
        })
    return table


def loglinear_estimate(data: CaptureHistories, *, criterion: str, max_order: int, level: float, interval: str,
                       n_boot: int, seed: int, model: object, search: str, p_threshold: float, margins: str,
                       sparse: str, n_top: int | None, table_rows: int) -> Estimate:
    """Log-linear estimate of N for K >= 2 lists; see `adcount.capture_recapture`."""
    if data.n_lists < 2:
        raise ValueError(f"log-linear models need at least 2 lists, got {data.n_lists}")
    if search not in SEARCHES:
        raise ValueError(f"search must be one of {SEARCHES}, got {search!r}")
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {INTERVALS}, got {interval!r}")
    if criterion not in ("bic", "aic"):
        raise ValueError(f"criterion must be 'bic' or 'aic', got {criterion!r}")
    if not 1 <= max_order < data.n_lists:
        max_order = min(max(max_order, 1), data.n_lists - 1)
    if model is not None:
        search = "fixed"
        fixed_terms = parse_model(model, data.lists)
        terms = np.array(sorted(set(candidate_terms(data, max(popcount(fixed_terms).max(initial=1), max_order),
                                                    "all").tolist()) | set(fixed_terms)), dtype=np.int64)
        terms = terms[np.lexsort((terms, popcount(terms)))] if terms.size else terms
    else:
        if search == "fixed":
            raise ValueError("search='fixed' needs a model=")
        if search == "auto":
            search = "exhaustive" if data.n_lists <= 5 else "stepwise"
        if search == "stepwise":
            max_order = 2
        terms = candidate_terms(data, max_order, margins)
    space = ModelSpace(data.n_lists, terms, sparse)
    procedure = Procedure(space, search, criterion, p_threshold)
    if search == "fixed":
        procedure.fixed = space.masks_for([fixed_terms])[0]
    elif search == "exhaustive":
        procedure.models = hierarchical_models(data.n_lists, terms)
    y = data.counts.astype(float)
    choice = procedure.choose(y)
    point = choice.population
    details: dict = {
        "model": model_label(terms[choice.mask], data.n_lists),
        "model_terms": model_label(terms[choice.mask], data.n_lists, data.lists),
        "lists": list(data.lists),
        "n_observed": data.n_observed,
        "counts": {"".join(str(b) for b in row): int(c) for row, c in zip(data.membership(), data.counts)},
        "search": search,
        "criterion": criterion if search in ("exhaustive", "downhill") else None,
        "max_order": int(max_order),
        "margins": margins,
        "sparse": sparse,
        "n_models_compared": int(choice.considered.shape[0]),
        "ranked_models": ranked_table(choice, procedure, data, table_rows),
    }
    if search == "stepwise":
        details["p_threshold"] = p_threshold
        details["steps"] = [{"added": model_label([s["added"]], data.n_lists), "p_value": s["p_value"]}
                            for s in choice.path]
    if interval == "auto":
        interval = "profile" if search == "fixed" else "bootstrap"
    details["interval"] = interval
    low = high = math.nan
    if interval in ("profile", "profile-multinomial"):
        if interval == "profile":
            point, low, high = poisson_profile(space, y, choice.mask, level)
        else:
            details["poisson_point"] = point
            point, low, high = multinomial_profile(space, y, choice.mask, level)
        if search != "fixed":
            details["interval_note"] = "profile interval of the selected model: ignores model-selection uncertainty"
    elif interval.startswith("bootstrap"):
        if search == "exhaustive":
            top = n_top if n_top is not None else DEFAULT_TOP.get(data.n_lists)
            scores = choice.evaluation.criterion(criterion)
            order = np.argsort(scores, kind="stable")
            order = order[np.isfinite(scores[order])]
            procedure.models = procedure.models[order[:top] if top is not None else order]
            details["n_top"] = int(procedure.models.shape[0])
        result = bootstrap_interval(data.counts, point, procedure.estimates, level, n_boot, seed,
                                    kind="percentile" if interval.endswith("percentile") else "bca")
        low, high = result.low, result.high
        details.update({"n_boot": n_boot, "seed": seed, "bootstrap_failed": result.n_failed,
                        "acceleration": result.acceleration, "bias_correction": result.bias_correction,
                        "bootstrap_median": float(np.median(result.replicates))})
    return Estimate(float(point), float(low), float(high), level, "loglinear", details)

"""Log-linear capture–recapture for K lists: pick a model, estimate N, attach an interval.

Glue between the model space (loglinear.py), the searches (selection.py), the profile
intervals (profile.py) and the bootstrap (bootstrap.py). A `Procedure` is the complete
recipe (candidate terms, search, criterion): the bootstrap re-runs exactly the same
recipe on every replicate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from adcount.estimate.bootstrap import bootstrap_interval
from adcount.estimate.histories import CaptureHistories
from adcount.estimate.loglinear import (ModelSpace, all_terms, hierarchical_models, model_label, parse_model,
                                        popcount, term_label, unseen_standard_error)
from adcount.estimate.profile import multinomial_profile, poisson_profile
from adcount.estimate.result import Estimate
from adcount.estimate.selection import Choices, downhill, exhaustive, stepwise

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
    models: np.ndarray | None = None  # exhaustive: candidate models; fixed: the one model

    def run(self, tables: np.ndarray) -> Choices:
        """Select a model and estimate N for every row of a (tables x cells) count matrix."""
        tables = np.atleast_2d(np.asarray(tables, dtype=float))
        if self.search in ("exhaustive", "fixed"):
            assert self.models is not None
            return exhaustive(self.space, tables, self.models, self.criterion)
        if self.search == "stepwise":
            return stepwise(self.space, tables, self.threshold)
        return downhill(self.space, tables, self.criterion)

    def estimates(self, tables: np.ndarray) -> np.ndarray:
        """Estimate for every row of a (tables x cells) count matrix; nan where no model exists."""
        return self.run(tables).population


HETEROGENEITY = {
    "poisson2": lambda k: 2.0**k - 1.0,  # Rcapture's Mh Poisson2 column
    "darroch": lambda k: k**2 / 2.0,  # Darroch et al. (1993)
}
"""Heterogeneity columns, functions of how many lists a history is on (0 for the unseen)."""


def covariate_columns(data: CaptureHistories, heterogeneity: str | None,
                      cell_covariates: dict | None) -> tuple[np.ndarray | None, list[str]]:
    """Extra design columns present in every model: heterogeneity and user cell covariates.

    cell_covariates maps a name to a history string such as "111111" (an indicator of that
    one history, list order as in the table) or to 2^K - 1 numbers, one per history code.
    """
    columns, names = [], []
    times = data.membership().sum(axis=1).astype(float)
    if heterogeneity is not None:
        if heterogeneity not in HETEROGENEITY:
            raise ValueError(f"heterogeneity must be one of {list(HETEROGENEITY)}, got {heterogeneity!r}")
        columns.append(HETEROGENEITY[heterogeneity](times))
        names.append(heterogeneity)
    for name, value in (cell_covariates or {}).items():
        if isinstance(value, str):
            if len(value) != data.n_lists or set(value) - {"0", "1"} or set(value) == {"0"}:
                raise ValueError(f"cell covariate {name!r}: {value!r} is not an observable history of "
                                 f"{data.n_lists} lists")
            code = sum(1 << j for j, bit in enumerate(value) if bit == "1")
            column = (data.codes == code).astype(float)
        else:
            column = np.asarray(value, dtype=float)
            if column.shape != (data.counts.size,):
                raise ValueError(f"cell covariate {name!r} needs {data.counts.size} values, one per history code")
        columns.append(column)
        names.append(str(name))
    return (np.column_stack(columns) if columns else None), names


def candidate_terms(data: CaptureHistories, max_order: int, margins: str) -> np.ndarray:
    """Interaction terms up to max_order; with margins='observed' only those seen together."""
    if margins not in ("all", "observed"):
        raise ValueError(f"margins must be 'all' or 'observed', got {margins!r}")
    terms = all_terms(data.n_lists, max_order)
    if margins == "observed":
        terms = np.array([t for t in terms if data.margin(int(t)) > 0], dtype=np.int64)
    return terms


def ranked_table(choice: Choices, procedure: Procedure, data: CaptureHistories, rows: int) -> list[dict]:
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


def build_procedure(data: CaptureHistories, *, criterion: str, max_order: int, model: object, search: str,
                    p_threshold: float, margins: str, sparse: str, covariates: np.ndarray | None) -> Procedure:
    """The model space and search a call asks for (a fixed model is a one-model search)."""
    if search not in SEARCHES:
        raise ValueError(f"search must be one of {SEARCHES}, got {search!r}")
    if criterion not in ("bic", "aic"):
        raise ValueError(f"criterion must be 'bic' or 'aic', got {criterion!r}")
    max_order = min(max(max_order, 1), data.n_lists - 1)
    if model is not None:
        fixed_terms = parse_model(model, data.lists)
        space = ModelSpace(data.n_lists, np.array(fixed_terms, dtype=np.int64), sparse, covariates)
        return Procedure(space, "fixed", criterion, p_threshold, models=space.masks_for([fixed_terms]))
    if search == "fixed":
        raise ValueError("search='fixed' needs a model=")
    if search == "auto":
        search = "exhaustive" if data.n_lists <= 5 else "stepwise"
    terms = candidate_terms(data, 2 if search == "stepwise" else max_order, margins)
    space = ModelSpace(data.n_lists, terms, sparse, covariates)
    models = hierarchical_models(data.n_lists, terms) if search == "exhaustive" else None
    return Procedure(space, search, criterion, p_threshold, models=models)


def loglinear_estimate(data: CaptureHistories, *, criterion: str, max_order: int, level: float, interval: str,
                       n_boot: int, seed: int, model: object, search: str, p_threshold: float, margins: str,
                       sparse: str, n_top: int | None, table_rows: int, heterogeneity: str | None = None,
                       cell_covariates: dict | None = None) -> Estimate:
    """Log-linear estimate of N for K >= 2 lists; see `adcount.capture_recapture`."""
    if data.n_lists < 2:
        raise ValueError(f"log-linear models need at least 2 lists, got {data.n_lists}")
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {INTERVALS}, got {interval!r}")
    covariates, covariate_names = covariate_columns(data, heterogeneity, cell_covariates)
    procedure = build_procedure(data, criterion=criterion, max_order=max_order, model=model, search=search,
                                p_threshold=p_threshold, margins=margins, sparse=sparse, covariates=covariates)
    space, search = procedure.space, procedure.search
    y = data.counts.astype(float)
    choice = procedure.run(y)
    point = float(choice.population[0])
    if not np.isfinite(point):
        raise ValueError(
            "the maximum-likelihood estimate of this model does not exist on these counts (zero cells make an "
            "interaction unbounded, or the model is not identifiable); choose a smaller model"
            if search == "fixed" else "no candidate model has a finite maximum-likelihood estimate on these counts"
        )
    chosen = choice.masks[0]
    details: dict = {
        "model": model_label(space.terms[chosen], data.n_lists),
        "model_terms": model_label(space.terms[chosen], data.n_lists, data.lists),
        "lists": list(data.lists),
        "n_observed": data.n_observed,
        "counts": {"".join(str(b) for b in row): int(c) for row, c in zip(data.membership(), data.counts)},
        "search": search,
        "criterion": criterion if search in ("exhaustive", "downhill") else None,
        "max_order": int(popcount(space.terms).max(initial=1)),
        "margins": margins,
        "sparse": sparse,
        "se": unseen_standard_error(space, y, chosen),
        "n_models_compared": int(choice.considered.shape[0]),
        "cell_covariates": covariate_names,
        "ranked_models": ranked_table(choice, procedure, data, table_rows),
    }
    if search == "stepwise":
        details["p_threshold"] = p_threshold
        details["steps"] = [{"added": term_label(s["added"]), "p_value": s["p_value"]} for s in choice.path]
    if interval == "auto":
        interval = "profile" if search == "fixed" else "bootstrap"
    details["interval"] = interval
    low = high = math.nan
    if interval in ("profile", "profile-multinomial"):
        if interval == "profile":
            point, low, high = poisson_profile(space, y, chosen, level)
        else:
            details["poisson_point"] = point
            point, low, high = multinomial_profile(space, y, chosen, level)
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

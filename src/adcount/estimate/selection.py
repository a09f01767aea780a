"""Model selection for log-linear capture–recapture: exhaustive, stepwise and downhill.

- exhaustive: every candidate hierarchical model, ranked by BIC or AIC (models whose MLE
  does not exist are ranked last, with no estimate).
- stepwise (Chan, Silverman & Vincent 2021): start from main effects; for every two-list
  term not yet in the model, compare the observed number of persons on both lists with its
  Poisson expectation under the current fit; add the term with the smallest tail
  probability min(P(X <= n*), P(X >= n*)) if it is below the threshold (0.02) and the
  enlarged model has an MLE; stop otherwise.
- downhill (Silverman, Chan & Vincent 2024): start from main effects, move to the best
  not-yet-visited neighbour (one term added or removed, hierarchy kept) while the
  criterion decreases.

Every search runs on a whole batch of count tables at once (the data, or all bootstrap
replicates): each step fits the models of all tables still searching in one batched call.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

from adcount.estimate.loglinear import Evaluation, ModelSpace, parent_matrix, popcount


@dataclass(frozen=True)
class Choices:
    """Selected models (term masks) and estimates for a batch of count tables.

    For the first table, `considered` and `evaluation` record every model compared (for the
    ranked table shown to users) and `path` the steps taken by a stepwise search.
    """

    masks: np.ndarray  # tables x terms
    population: np.ndarray  # tables (nan where no model has an MLE)
    considered: np.ndarray  # models x terms, first table
    evaluation: Evaluation  # of `considered`, first table
    path: tuple[dict, ...] = ()


def _stack(evaluations: list[Evaluation]) -> Evaluation:
    fields = ("population", "loglik", "n_params", "n_observed", "exists")
    return Evaluation(*(np.concatenate([getattr(e, f) for e in evaluations]) for f in fields), fits=None)


def exhaustive(space: ModelSpace, tables: np.ndarray, models: np.ndarray, criterion: str) -> Choices:
    """Best of `models` by `criterion` for every table (tables x cells)."""
    n_tables, n_models = tables.shape[0], models.shape[0]
    evaluation = space.evaluate(np.repeat(tables, n_models, axis=0), np.tile(models, (n_tables, 1)))
    scores = evaluation.criterion(criterion).reshape(n_tables, n_models)
    best = np.argmin(scores, axis=1)
    found = np.isfinite(scores[np.arange(n_tables), best])
    population = np.where(found, evaluation.population.reshape(n_tables, n_models)[np.arange(n_tables), best], np.nan)
    return Choices(models[best], population, models, evaluation.take(np.arange(n_models)))


def stepwise(space: ModelSpace, tables: np.ndarray, threshold: float = 0.02) -> Choices:
    """Chan–Silverman–Vincent stepwise selection over the two-list terms, for every table.

    The tail probabilities need only the current fit, so candidates are tried in order of
    increasing probability and only until one whose enlarged model has an MLE is found
    (the same choice as checking them all, at a fraction of the fits).
    """
    n_tables = tables.shape[0]
    pairs = popcount(space.terms) == 2
    contains = space.term_columns
    observed = tables @ contains
    masks = np.zeros((n_tables, space.terms.size), dtype=bool)
    visited, path = [masks[0].copy()], []
    active = np.arange(n_tables)
    while active.size:
        expected = space.evaluate(tables[active], masks[active]).fits.fitted @ contains
        n_star = observed[active]
        pvalues = np.minimum(poisson.cdf(n_star, expected), poisson.sf(n_star - 1, expected))
        pvalues[~(pairs[None, :] & ~masks[active])] = np.inf
        order = np.argsort(pvalues, axis=1, kind="stable")
        rank = np.zeros(active.size, dtype=np.int64)
        chosen = np.full(active.size, -1)
        pending = np.arange(active.size)
        while pending.size:
            term = order[pending, rank[pending]]
            below = pvalues[pending, term] < threshold
            pending, term = pending[below], term[below]
            if pending.size == 0:
                break
            enlarged = masks[active[pending]].copy()
            enlarged[np.arange(pending.size), term] = True
            ok = space.evaluate(tables[active[pending]], enlarged).exists
            chosen[pending[ok]] = term[ok]
            pending = pending[~ok]
            rank[pending] += 1
        grow = chosen >= 0
        masks[active[grow], chosen[grow]] = True
        if active[0] == 0 and grow[0]:
            visited.append(masks[0].copy())
            path.append({"added": int(space.terms[chosen[0]]), "p_value": float(pvalues[0, chosen[0]])})
        active = active[grow]
    final = space.evaluate(tables, masks)
    considered = np.array(visited)
    return Choices(masks, final.population, considered, space.evaluate(tables[0], considered), tuple(path))


def downhill(space: ModelSpace, tables: np.ndarray, criterion: str, max_steps: int = 20) -> Choices:
    """Greedy descent of the criterion through neighbouring hierarchical models, every table."""
    n_tables = tables.shape[0]
    parents = parent_matrix(space.terms).astype(np.int64)
    n_parents = np.array([popcount(int(t)) if popcount(int(t)) > 2 else 0 for t in space.terms], dtype=np.int64)
    masks = np.zeros((n_tables, space.terms.size), dtype=bool)
    start = space.evaluate(tables, masks)
    best = start.criterion(criterion)
    population = start.population.copy()
    seen = [{masks[0].tobytes()} for _ in range(n_tables)]
    record, considered = [start.take(0)], [masks[:1].copy()]
    active = np.arange(n_tables)
    for _ in range(max_steps):
        current = masks[active].astype(np.int64)
        addable = ~masks[active] & ((current @ parents.T) == n_parents[None, :])
        removable = masks[active] & ((current @ parents) == 0)
        rows, terms = np.nonzero(addable | removable)
        neighbours = masks[active][rows]
        neighbours[np.arange(rows.size), terms] ^= True
        fresh = np.array([n.tobytes() not in seen[active[r]] for r, n in zip(rows, neighbours)], dtype=bool)
        rows, neighbours = rows[fresh], neighbours[fresh]
        for r, n in zip(rows, neighbours):
            seen[active[r]].add(n.tobytes())
        if rows.size == 0:
            break
        evaluation = space.evaluate(tables[active][rows], neighbours)
        scores = evaluation.criterion(criterion)
        if active[0] == 0:
            first = rows == 0
            record.append(evaluation.take(np.nonzero(first)[0]))
            considered.append(neighbours[first])
        order = np.lexsort((scores, rows))  # per table, best neighbour first
        leaders = order[np.r_[True, rows[order][1:] != rows[order][:-1]]]
        improves = scores[leaders] < best[active[rows[leaders]]]
        winners = leaders[improves]
        tables_won = active[rows[winners]]
        masks[tables_won] = neighbours[winners]
        best[tables_won] = scores[winners]
        population[tables_won] = evaluation.population[winners]
        active = tables_won
        if active.size == 0:
            break
    population = np.where(np.isfinite(best), population, np.nan)
    return Choices(masks, population, np.vstack(considered), _stack(record))

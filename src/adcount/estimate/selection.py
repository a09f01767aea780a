"""Model selection for log-linear capture–recapture: exhaustive, stepwise and downhill.

- exhaustive: every hierarchical model over the candidate terms, ranked by BIC or AIC
  (models whose MLE does not exist are ranked last, with no estimate).
- stepwise (Chan, Silverman & Vincent 2021): start from main effects; for every two-list
  term not yet in the model, compare the observed number of persons on both lists with its
  Poisson expectation under the current fit; add the term with the smallest two-sided
  Poisson tail probability min(P(X <= n*), P(X >= n*)) if it is below the threshold (0.02)
  and the enlarged model has an MLE; stop otherwise.
- downhill (Silverman, Chan & Vincent 2024): start from main effects, move to the best
  neighbour (one term added or removed, hierarchy kept) while the criterion decreases.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

from adcount.estimate.loglinear import Evaluation, ModelSpace, popcount


@dataclass(frozen=True)
class Choice:
    """The selected model (a mask over the space's terms), its estimate, and what was compared."""

    mask: np.ndarray
    population: float
    considered: np.ndarray  # models x terms
    evaluation: Evaluation  # of the considered models
    path: tuple[dict, ...] = ()


class Hierarchy:
    """Which terms may be added to or removed from a model without breaking the hierarchy."""

    def __init__(self, terms: np.ndarray):
        terms = np.asarray(terms, dtype=np.int64)
        index = {int(t): i for i, t in enumerate(terms)}
        self.parents = np.zeros((terms.size, terms.size), dtype=bool)  # [i, j]: j is a sub-term of i one order lower
        for i, t in enumerate(terms):
            for j in range(63):
                if t >> j & 1 and int(t ^ (1 << j)) in index:
                    self.parents[i, index[int(t ^ (1 << j))]] = True
        self.needs = np.array([popcount(int(t)) > 2 for t in terms], dtype=bool)

    def addable(self, mask: np.ndarray) -> np.ndarray:
        missing_parent = (self.parents & ~mask[None, :]).any(axis=1)
        return ~mask & ~missing_parent

    def removable(self, mask: np.ndarray) -> np.ndarray:
        has_child = (self.parents & mask[:, None]).any(axis=0)
        return mask & ~has_child


def exhaustive(space: ModelSpace, y: np.ndarray, models: np.ndarray, criterion: str) -> Choice:
    """Best model by `criterion` among `models` (rows of term masks)."""
    evaluation = space.evaluate(y, models)
    scores = evaluation.criterion(criterion)
    if not np.isfinite(scores).any():
        raise ValueError("no candidate model has a finite maximum-likelihood estimate on these counts")
    best = int(np.argmin(scores))
    return Choice(models[best], float(evaluation.population[best]), models, evaluation)


def stepwise(space: ModelSpace, y: np.ndarray, threshold: float = 0.02) -> Choice:
    """Chan–Silverman–Vincent stepwise selection over the two-list terms of `space`."""
    pairs = popcount(space.terms) == 2
    contains = space.design[:, 1 + space.n_lists:].astype(bool)  # cells x terms
    observed = np.asarray(y, dtype=float) @ contains
    mask = np.zeros(space.terms.size, dtype=bool)
    visited = [mask.copy()]
    path: list[dict] = []
    while True:
        current = space.evaluate(y, mask[None, :])
        expected = current.fits.fitted[0] @ contains
        candidates = np.nonzero(pairs & ~mask)[0]
        if candidates.size == 0:
            break
        pvalues = np.minimum(poisson.cdf(observed[candidates], expected[candidates]),
                             poisson.sf(observed[candidates] - 1, expected[candidates]))
        enlarged = np.repeat(mask[None, :], candidates.size, axis=0)
        enlarged[np.arange(candidates.size), candidates] = True
        pvalues = np.where(space.exists(y, enlarged), pvalues, 1.0)
        best = int(np.argmin(pvalues))
        if pvalues[best] >= threshold:
            break
        mask = enlarged[best]
        visited.append(mask.copy())
        path.append({"added": int(space.terms[candidates[best]]), "p_value": float(pvalues[best])})
    considered = np.array(visited)
    evaluation = space.evaluate(y, considered)
    return Choice(mask, float(evaluation.population[-1]), considered, evaluation, tuple(path))


def downhill(space: ModelSpace, y: np.ndarray, criterion: str, hierarchy: Hierarchy | None = None,
             max_steps: int = 20) -> Choice:
    """Greedy descent of the criterion through neighbouring hierarchical models."""
    hierarchy = hierarchy or Hierarchy(space.terms)
    mask = np.zeros(space.terms.size, dtype=bool)
    seen = {mask.tobytes()}
    start = space.evaluate(y, mask[None, :])
    best_score = float(start.criterion(criterion)[0])
    blocks, evaluations = [mask[None, :]], [start]
    for _ in range(max_steps):
        moves = np.nonzero(hierarchy.addable(mask) | hierarchy.removable(mask))[0]
        neighbours = np.repeat(mask[None, :], moves.size, axis=0)
        neighbours[np.arange(moves.size), moves] ^= True
        fresh = np.array([n.tobytes() not in seen for n in neighbours], dtype=bool)
        neighbours = neighbours[fresh]
        if neighbours.shape[0] == 0:
            break
        seen.update(n.tobytes() for n in neighbours)
        evaluation = space.evaluate(y, neighbours)
        blocks.append(neighbours)
        evaluations.append(evaluation)
        scores = evaluation.criterion(criterion)
        step = int(np.argmin(scores))
        if not scores[step] < best_score:
            break
        mask, best_score = neighbours[step], float(scores[step])
    considered = np.vstack(blocks)
    evaluation = Evaluation(*(np.concatenate([getattr(e, f) for e in evaluations])
                              for f in ("population", "loglik", "n_params", "n_observed", "exists")),
                            fits=None)  # type: ignore[arg-type]
    chosen = int(np.nonzero((considered == mask).all(axis=1))[0][0])
    return Choice(mask, float(evaluation.population[chosen]), considered, evaluation)

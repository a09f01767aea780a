"""Hierarchical log-linear models for K lists, fitted as Poisson GLMs on the observed cells.

A model holds an intercept, one main effect per list and a set of interaction *terms*; a
term is a bit mask of lists (0b0101 = lists 1 and 3). The design matrix of every cell and
every candidate term is built once; a model is a boolean mask over its columns, so many
models (or many bootstrap replicates) are fitted together by one batched Newton/IRLS loop.

Conventions (those of the published references, Chan, Silverman & Vincent 2021 and
Silverman, Chan & Vincent 2024): N = n_observed + exp(intercept); BIC = -2 log L (Poisson,
with the log y! terms) + log(n_observed) x (number of parameters, intercept included).
"Extended MLE": a term whose observed margin is zero has its MLE at minus infinity; it is
fixed there, the cells containing it are dropped from the fit (their fitted value is 0),
and it still counts as a parameter in BIC/AIC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy.special import gammaln

from adcount.estimate.existence import ExistenceChecker, fitted_witness

MAX_MODELS = 200_000
"""Refuse to enumerate more hierarchical models than this (say which option narrows it)."""


def popcount(values: np.ndarray | int) -> np.ndarray:
    """Number of lists in each term mask."""
    values = np.asarray(values, dtype=np.int64)
    bits = np.arange(63, dtype=np.int64)
    return ((values[..., None] >> bits) & 1).sum(axis=-1)


def all_terms(n_lists: int, max_order: int) -> np.ndarray:
    """Every interaction term of order 2..max_order, ordered by order then mask."""
    codes = np.arange(1, 2**n_lists, dtype=np.int64)
    order = popcount(codes)
    keep = (order >= 2) & (order <= max_order)
    return codes[keep][np.lexsort((codes[keep], order[keep]))]


def design_matrix(n_lists: int, terms: np.ndarray) -> np.ndarray:
    """Cells x (1 + K + len(terms)) 0/1 design: intercept, main effects, interaction terms."""
    codes = np.arange(1, 2**n_lists, dtype=np.int64)
    columns = np.concatenate([(1 << np.arange(n_lists)).astype(np.int64), np.asarray(terms, dtype=np.int64)])
    body = (codes[:, None] & columns[None, :]) == columns[None, :]
    return np.hstack([np.ones((codes.size, 1)), body.astype(float)])


def term_label(term: int, names: tuple[str, ...] | None = None) -> str:
    """'12' for lists 1 and 2 (1-based digits, the published notation), or 'A:B' with names."""
    members = [j for j in range(63) if term >> j & 1]
    if names is not None:
        return ":".join(names[j] for j in members)
    if max(members) >= 9:
        return "(" + ",".join(str(j + 1) for j in members) + ")"
    return "".join(str(j + 1) for j in members)


def model_label(terms: list[int] | np.ndarray, n_lists: int, names: tuple[str, ...] | None = None) -> str:
    """Generating class of a hierarchical model, e.g. '[12,13,4]' (maximal terms only).

    The main-effects model is 'main' ("[1,2,3]" in the published notation).
    """
    terms = [int(t) for t in terms]
    if not terms:
        return "main"
    everything = terms + [1 << j for j in range(n_lists)]
    maximal = [t for t in everything if not any(o != t and (o & t) == t for o in everything)]
    maximal.sort(key=lambda t: [j for j in range(63) if t >> j & 1])
    return "[" + ",".join(term_label(t, names) for t in maximal) + "]"


def parse_model(spec: object, lists: tuple[str, ...]) -> list[int]:
    """Interaction terms of a user-given model, closed downwards (hierarchical).

    spec: "main", a generating-class string in the published notation ("[12,13,4]",
    1-based list digits), or a sequence of terms, each a tuple of list names or of 0-based
    list indices, e.g. [("A", "B"), (0, 2)].
    """
    n_lists = len(lists)
    generators: list[int] = []
    if isinstance(spec, str):
        text = spec.strip()
        if text.lower() in ("main", "[]", "independence"):
            return []
        if not re.fullmatch(r"\[?\s*\d+(\s*,\s*\d+)*\s*\]?", text):
            raise ValueError(f"cannot read model {spec!r}: expected e.g. '[12,13,4]' or a list of term tuples")
        for token in re.findall(r"\d+", text):
            mask = 0
            for digit in token:
                j = int(digit) - 1
                if not 0 <= j < n_lists:
                    raise ValueError(f"model {spec!r} names list {digit}, but there are {n_lists} lists")
                mask |= 1 << j
            generators.append(mask)
    else:
        for term in spec:  # type: ignore[union-attr]
            mask = 0
            for member in term:
                if isinstance(member, str):
                    if member not in lists:
                        raise ValueError(f"model term names unknown list {member!r}; lists are {list(lists)}")
                    j = lists.index(member)
                else:
                    j = int(member)
                    if not 0 <= j < n_lists:
                        raise ValueError(f"model term index {j} is out of range for {n_lists} lists")
                mask |= 1 << j
            generators.append(mask)
    closed: set[int] = set()
    for mask in generators:
        members = [j for j in range(n_lists) if mask >> j & 1]
        for r in range(2, len(members) + 1):
            for sub in combinations(members, r):
                closed.add(sum(1 << j for j in sub))
    if any(popcount(t) >= n_lists for t in closed):
        raise ValueError("the K-way interaction cannot be estimated (it is confounded with the unobserved cell)")
    return sorted(closed, key=lambda t: (int(popcount(t)), t))


def parent_matrix(terms: np.ndarray) -> np.ndarray:
    """[i, j] is True when term j is term i minus one list (an interaction one order lower)."""
    terms = np.asarray(terms, dtype=np.int64)
    bits = (1 << np.arange(63, dtype=np.int64))
    dropped = terms[:, None] ^ bits[None, :]  # term i without list b (or with it added)
    inside = (terms[:, None] & bits[None, :]) != 0
    parents = np.zeros((terms.size, terms.size), dtype=bool)
    position = {int(t): j for j, t in enumerate(terms)}
    for i, b in zip(*np.nonzero(inside)):
        j = position.get(int(dropped[i, b]))
        if j is not None:
            parents[i, j] = True
    return parents


def hierarchical_models(n_lists: int, terms: np.ndarray) -> np.ndarray:
    """Every hierarchical model over the candidate `terms`, as a boolean matrix (models x terms).

    A term may enter only when all its sub-terms of one order lower are present (main
    effects always are). Built order by order: each model of lower order is extended by
    every subset of the terms it makes eligible. Sub-terms that are not candidates (e.g. a
    pair never observed together, with margins='observed') block their super-terms.
    """
    terms = np.asarray(terms, dtype=np.int64)
    orders = popcount(terms) if terms.size else np.zeros(0, dtype=np.int64)
    parents = parent_matrix(terms).astype(np.int64)
    n_parents = np.array([popcount(int(t)) if popcount(int(t)) > 2 else 0 for t in terms], dtype=np.int64)
    models = np.zeros((1, terms.size), dtype=bool)
    for order in range(2, int(orders.max(initial=1)) + 1):
        level = orders == order
        eligible = ((models.astype(np.int64) @ parents.T) == n_parents[None, :]) & level[None, :]
        sizes = eligible.sum(axis=1)
        if int((2 ** sizes).sum()) > MAX_MODELS:
            raise ValueError(
                f"more than {MAX_MODELS:,} hierarchical models: lower max_order, use margins='observed', "
                "or a stepwise/downhill search"
            )
        grown = []
        for model, row, size in zip(models, eligible, sizes):
            subsets = ((np.arange(2**size)[:, None] >> np.arange(size)) & 1).astype(bool)
            block = np.repeat(model[None, :], subsets.shape[0], axis=0)
            block[:, np.nonzero(row)[0]] = subsets
            grown.append(block)
        models = np.vstack(grown)
    return models


@dataclass(frozen=True)
class Fits:
    """Batched Poisson fits: one row per (model, data) system."""

    beta: np.ndarray  # systems x columns (0 where a column is not in the model)
    fitted: np.ndarray  # systems x cells (0 on dropped cells)
    loglik: np.ndarray  # Poisson log-likelihood with log y! terms
    n_observed: np.ndarray
    witnessed: np.ndarray  # the fit itself proves that the MLE exists (see existence.fitted_witness)

    @property
    def population(self) -> np.ndarray:
        """N = n_observed + exp(intercept)."""
        return self.n_observed + np.exp(self.beta[:, 0])


class SharedDesign:
    """One model's design (cells x p) used by many systems (bootstrap replicates of one model).

    Every normal matrix X'WX of every system is one matrix product of the weights with the
    precomputed row outer products of X.
    """

    def __init__(self, design: np.ndarray):
        self.design = design
        self.width = design.shape[1]
        self.outer = (design[:, :, None] * design[:, None, :]).reshape(design.shape[0], -1)

    def normal(self, rows: np.ndarray, weight: np.ndarray) -> np.ndarray:
        return (weight @ self.outer).reshape(-1, self.width, self.width)

    def transpose_times(self, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
        return values @ self.design

    def times(self, rows: np.ndarray, beta: np.ndarray) -> np.ndarray:
        return beta @ self.design.T


class StackedDesign:
    """One design per system (systems x cells x p): many different models of equal width."""

    def __init__(self, design: np.ndarray):
        self.design = design
        self.width = design.shape[2]

    def normal(self, rows: np.ndarray, weight: np.ndarray) -> np.ndarray:
        part = self.design[rows]
        return np.matmul(part.transpose(0, 2, 1), part * weight[:, :, None])

    def transpose_times(self, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
        return np.matmul(values[:, None, :], self.design[rows])[:, 0, :]

    def times(self, rows: np.ndarray, beta: np.ndarray) -> np.ndarray:
        return np.matmul(self.design[rows], beta[:, :, None])[:, :, 0]


def _irls(y: np.ndarray, design: SharedDesign | StackedDesign, use: np.ndarray, offset: np.ndarray,
          max_iter: int, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """IRLS for one group of systems; systems leave the active set once their deviance settles."""
    n_systems = y.shape[0]
    ridge = 1e-10 * np.eye(design.width)
    beta = np.zeros((n_systems, design.width))
    eta = np.log(np.where(use > 0, y + 0.5, 1.0))
    mu = np.exp(eta)
    deviance = np.full(n_systems, np.inf)
    active = np.arange(n_systems)
    for _ in range(max_iter):
        a_use, a_mu, a_y = use[active], mu[active], y[active]
        weight = a_mu * a_use
        work = eta[active] - offset[active] + (a_y - a_mu) / a_mu
        normal = design.normal(active, weight) + ridge
        rhs = design.transpose_times(active, weight * work)
        step = np.linalg.solve(normal, rhs[:, :, None])[:, :, 0]
        beta[active] = step
        eta[active] = np.clip(offset[active] + design.times(active, step), -700.0, 700.0)
        mu[active] = np.exp(eta[active])
        ratio = np.where(a_y > 0, a_y / np.where(a_y > 0, mu[active], 1.0), 1.0)
        new_dev = 2.0 * np.sum(a_use * (a_y * np.log(ratio) - (a_y - mu[active])), axis=1)
        settled = np.abs(new_dev - deviance[active]) <= tol * (1.0 + np.abs(new_dev))
        deviance[active] = new_dev
        active = active[~settled]
        if active.size == 0:
            break
    return beta, mu


SHARED_MIN_SYSTEMS = 8
"""A model used by at least this many systems gets a shared design (GEMM path)."""


def fit_poisson(y: np.ndarray, design: np.ndarray, columns: np.ndarray, cells: np.ndarray,
                offset: np.ndarray | float = 0.0, max_iter: int = 60, tol: float = 1e-11) -> Fits:
    """Fit many Poisson log-linear systems at once by IRLS (Newton for the canonical link).

    y: counts, (cells,) shared by every system or (systems, cells).
    design: cells x columns. columns: systems x columns, which columns each system uses.
    cells: systems x cells, which cells each system fits (others are fixed at 0).
    offset: added to every linear predictor, (systems, 1) or scalar (profile likelihoods
    fix the intercept this way).

    Systems of a model used many times (bootstrap replicates) share that model's compact
    design; the remaining systems are grouped by width, each with its own compact design.
    Either way every iteration is a few batched matrix products and one batched solve.
    """
    columns = np.asarray(columns, dtype=bool)
    n_systems, n_cols = columns.shape
    n_cells = design.shape[0]
    use = np.broadcast_to(np.asarray(cells, dtype=bool), (n_systems, n_cells)).astype(float)
    y = np.array(np.broadcast_to(np.asarray(y, dtype=float), (n_systems, n_cells)))
    offset = np.broadcast_to(np.asarray(offset, dtype=float).reshape(-1, 1), (n_systems, 1))
    beta = np.zeros((n_systems, n_cols))
    fitted = np.zeros((n_systems, n_cells))
    witnessed = np.zeros(n_systems, dtype=bool)
    models, model_of, uses = np.unique(columns, axis=0, return_inverse=True, return_counts=True)
    groups = [(np.nonzero(model_of == m)[0], SharedDesign(design[:, models[m]]), np.nonzero(models[m])[0][None, :])
              for m in np.nonzero(uses >= SHARED_MIN_SYSTEMS)[0]]
    rest = np.nonzero(uses[model_of] < SHARED_MIN_SYSTEMS)[0]
    widths = columns[rest].sum(axis=1)
    for width in np.unique(widths):
        rows = rest[widths == width]
        picked = np.argsort(~columns[rows], axis=1, kind="stable")[:, :width]
        groups.append((rows, StackedDesign(design.T[picked].transpose(0, 2, 1)), picked))
    for rows, compact, picked in groups:
        part_beta, mu = _irls(y[rows], compact, use[rows], offset[rows], max_iter, tol)
        beta[rows[:, None], picked] = part_beta
        fitted[rows] = mu * use[rows]
        witnessed[rows] = fitted_witness(compact, y[rows], fitted[rows], use[rows])
    safe_mu = np.where(use > 0, fitted, 1.0)
    loglik = np.sum(use * (y * np.log(np.maximum(safe_mu, 1e-300)) - fitted - gammaln(y + 1.0)), axis=1)
    return Fits(beta=beta, fitted=fitted, loglik=loglik, n_observed=(y * use).sum(axis=1), witnessed=witnessed)


@dataclass(frozen=True)
class Evaluation:
    """Criteria and estimates of many (model, data) systems."""

    population: np.ndarray
    loglik: np.ndarray
    n_params: np.ndarray
    n_observed: np.ndarray
    exists: np.ndarray
    fits: Fits

    def take(self, rows: np.ndarray | int) -> "Evaluation":
        """The evaluation of some systems only (without their fits)."""
        rows = np.atleast_1d(rows)
        return Evaluation(self.population[rows], self.loglik[rows], self.n_params[rows], self.n_observed[rows],
                          self.exists[rows], fits=None)  # type: ignore[arg-type]

    def criterion(self, name: str) -> np.ndarray:
        """BIC or AIC per system; +inf where the MLE does not exist."""
        if name == "bic":
            penalty = np.log(self.n_observed) * self.n_params
        elif name == "aic":
            penalty = 2.0 * self.n_params
        else:
            raise ValueError(f"criterion must be 'bic' or 'aic', got {name!r}")
        return np.where(self.exists, -2.0 * self.loglik + penalty, np.inf)


SPARSE_CONVENTIONS = ("extended", "refuse")


class ModelSpace:
    """All models over one set of candidate terms for K lists: design built once.

    sparse="extended" (default, the 2024 convention): terms with a zero observed margin are
    fixed at minus infinity and their cells dropped; "refuse": no such handling, so a model
    containing such a term has no MLE and is refused by the existence check.
    """

    CHUNK_ELEMENTS = 4_000_000
    """Systems per fitting block are chosen so that a block's designs hold about this many numbers."""

    def __init__(self, n_lists: int, terms: np.ndarray, sparse: str = "extended",
                 covariates: np.ndarray | None = None):
        if sparse not in SPARSE_CONVENTIONS:
            raise ValueError(f"sparse must be one of {SPARSE_CONVENTIONS}, got {sparse!r}")
        self.n_lists = n_lists
        self.terms = np.asarray(terms, dtype=np.int64)
        self.sparse = sparse
        extra = np.zeros((2**n_lists - 1, 0)) if covariates is None else np.asarray(covariates, dtype=float)
        self.n_covariates = extra.shape[1]
        self.design = np.hstack([design_matrix(n_lists, self.terms), extra])
        self.checker = ExistenceChecker(self.design)

    @property
    def term_columns(self) -> np.ndarray:
        """Cells x terms: whether each cell contains each interaction term."""
        return self.design[:, 1 + self.n_lists:1 + self.n_lists + self.terms.size]

    def masks_for(self, models: list[list[int]]) -> np.ndarray:
        """Boolean term masks for models given as term lists (terms must be candidates)."""
        index = {int(t): i for i, t in enumerate(self.terms)}
        masks = np.zeros((len(models), self.terms.size), dtype=bool)
        for row, model in enumerate(models):
            for term in model:
                if int(term) not in index:
                    raise ValueError(f"term {term_label(int(term))} is not among the candidate terms")
                masks[row, index[int(term)]] = True
        return masks

    def systems(self, y: np.ndarray, masks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n_systems = masks.shape[0]
        """Columns and fitted cells of every system, and its parameter count for BIC/AIC.

        Cell covariates (heterogeneity columns) are in every model.
        """
        n_systems = masks.shape[0]
        in_model = np.hstack([np.ones((n_systems, 1 + self.n_lists), dtype=bool), masks,
                              np.ones((n_systems, self.n_covariates), dtype=bool)])
        n_params = in_model.sum(axis=1)
        if self.sparse == "refuse":
            return in_model, np.ones((n_systems, self.design.shape[0]), dtype=bool), n_params
        effects = slice(1, 1 + self.n_lists + self.terms.size)  # main effects and interaction terms
        contains = self.design[:, effects]
        margins = np.broadcast_to(y, (n_systems, contains.shape[0])) @ contains
        sparse_cols = in_model[:, effects] & (margins == 0)
        dropped = (sparse_cols.astype(float) @ contains.T) > 0
        columns = in_model.copy()
        columns[:, effects] &= ~sparse_cols
        return columns, ~dropped, n_params

    def evaluate(self, y: np.ndarray, masks: np.ndarray) -> Evaluation:
        """Fit every system (row of `masks`, with counts y shared or one row per system)."""
        masks = np.atleast_2d(np.asarray(masks, dtype=bool))
        y = np.asarray(y, dtype=float)
        y = np.broadcast_to(y, (masks.shape[0], self.design.shape[0]))
        parts = []
        chunk = max(64, self.CHUNK_ELEMENTS // self.design.size)
        for start in range(0, masks.shape[0], chunk):
            stop = start + chunk
            block = y[start:stop]
            columns, cells, n_params = self.systems(block, masks[start:stop])
            fits = fit_poisson(block, self.design, columns, cells)
            exists = self.checker.check(block, columns, cells, fits.witnessed)
            parts.append((fits, n_params, exists))
        fits = Fits(*(np.concatenate([getattr(p[0], f) for p in parts])
                      for f in ("beta", "fitted", "loglik", "n_observed", "witnessed")))
        n_params = np.concatenate([p[1] for p in parts])
        exists = np.concatenate([p[2] for p in parts])
        population = np.where(exists, fits.population, np.nan)
        return Evaluation(population, fits.loglik, n_params, fits.n_observed, exists, fits)


def unseen_standard_error(space: ModelSpace, y: np.ndarray, mask: np.ndarray) -> float:
    """Standard error of N for one model: sqrt(f0^2 Var(intercept) + f0), f0 = exp(intercept).

    The first term is the delta-method variance of the estimated unseen count, the second
    the Poisson variance of the unseen count itself (the convention of Rcapture's s.e.).
    """
    y = np.asarray(y, dtype=float)
    columns, cells, _ = space.systems(y[None, :], mask[None, :])
    fit = fit_poisson(y, space.design, columns, cells)
    design = space.design[cells[0]][:, columns[0]]
    information = design.T @ (design * fit.fitted[0][cells[0]][:, None])
    unseen = float(np.exp(fit.beta[0, 0]))
    return float(np.sqrt(unseen**2 * np.linalg.inv(information)[0, 0] + unseen))

"""Does a log-linear model have a finite, identifiable MLE on these counts?

Zero cells can make an interaction unbounded: the likelihood keeps rising as the term goes
to minus infinity, and a naive GLM stops at an arbitrary huge estimate (Korea with
[12,13,23] "fits" at about 1.5e10). Fienberg & Rinaldo (2012) show the MLE exists if and
only if the observed sufficient statistics t = X'y lie in the relative interior of the
marginal cone, i.e. some strictly positive table x has X'x = t. The linear program below
maximises the smallest entry of such an x; the MLE exists iff the optimum is positive.
The design must also have full column rank on the cells fitted (identifiability).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

POSITIVE = 1e-9
WITNESS_STEP = 0.1


def has_interior_point(design: np.ndarray, y: np.ndarray) -> bool:
    """Whether some x > 0 (every cell) reproduces the sufficient statistics design' y."""
    if np.all(y > 0):
        return True
    n_cells = design.shape[0]
    objective = np.zeros(n_cells + 1)
    objective[-1] = -1.0  # maximise t, the smallest entry of x
    equality = np.hstack([design.T, np.zeros((design.shape[1], 1))])
    floor = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])  # t - x_i <= 0
    bounds = [(0.0, None)] * n_cells + [(0.0, 1.0)]
    result = linprog(objective, A_ub=floor, b_ub=np.zeros(n_cells), A_eq=equality,
                     b_eq=design.T @ y, bounds=bounds, method="highs")
    return bool(result.status == 0 and -result.fun > POSITIVE)


def fitted_witness(design, y: np.ndarray, fitted: np.ndarray, use: np.ndarray) -> np.ndarray:
    """Systems whose fit itself proves that the MLE exists, without a linear program.

    design: the group's SharedDesign or StackedDesign (loglinear.py); use: 1.0 on fitted
    cells, else 0.0. One more Newton step g = (X'WX)^-1 X'(y - mu), W = diag(mu), gives
    the table x = mu * (1 + Xg), which solves X'x = X'y exactly (X'mu + X'WXg = X'y). If no
    cell changes by more than WITNESS_STEP, x is strictly positive: the witness the linear
    program looks for, so the MLE exists. When it does not exist, the fit drifts along a
    direction of recession where Newton keeps stepping about one unit of log-count on the
    cells that run to zero, the test fails, and the LP decides. Tiny but genuine fitted
    values (rare combinations of many lists) pass: only relative changes matter.
    """
    rows = np.arange(y.shape[0])
    gram = design.normal(rows, fitted * use) + 1e-10 * np.eye(design.width)  # rank is checked apart
    residual = design.transpose_times(rows, (y - fitted) * use)
    change = design.times(rows, np.linalg.solve(gram, residual[:, :, None])[:, :, 0])
    return np.all((np.abs(change) < WITNESS_STEP) | (use == 0), axis=1) & np.all(np.isfinite(change), axis=1)


class ExistenceChecker:
    """Existence/identifiability verdicts, shared across models and bootstrap replicates.

    Two facts keep the number of linear programs small. The verdict depends only on which
    fitted cells are positive (the support), not on the counts. And for one support it is
    monotone in the model: a positive witness table x for a model also reproduces the
    sufficient statistics of every sub-model (fewer columns), so sub-models of a passing
    model pass and super-models of a failing model fail. Verdicts are therefore grouped by
    (fitted cells, support), and models are decided largest first.
    """

    def __init__(self, design: np.ndarray):
        self.design = design
        self._passed: dict[bytes, list[np.ndarray]] = {}
        self._failed: dict[bytes, list[np.ndarray]] = {}
        self._rank: dict[bytes, bool] = {}

    def identifiable(self, columns: np.ndarray, cells: np.ndarray) -> np.ndarray:
        """Full column rank of the design on the fitted cells (always true on all cells)."""
        verdict = np.ones(cells.shape[0], dtype=bool)
        for s in np.nonzero(~np.all(cells, axis=1))[0]:
            key = np.packbits(np.concatenate([columns[s], cells[s]])).tobytes()
            found = self._rank.get(key)
            if found is None:
                sub = self.design[cells[s]][:, columns[s]]
                found = bool(sub.shape[0] >= sub.shape[1] and np.linalg.matrix_rank(sub) == sub.shape[1])
                self._rank[key] = found
            verdict[s] = found
        return verdict

    def _decide(self, key: bytes, columns: np.ndarray, cells: np.ndarray, y: np.ndarray) -> bool:
        passed = self._passed.setdefault(key, [])
        failed = self._failed.setdefault(key, [])
        if any(not np.any(columns & ~p) for p in passed):
            return True
        if any(not np.any(f & ~columns) for f in failed):
            return False
        verdict = has_interior_point(self.design[cells][:, columns], y[cells])
        (passed if verdict else failed).append(columns.copy())
        return verdict

    def check(self, y: np.ndarray, columns: np.ndarray, cells: np.ndarray, witnessed: np.ndarray) -> np.ndarray:
        """Verdict per system; y, columns, cells are (systems, ...) arrays; `witnessed`
        systems (see `fitted_witness`) need only the identifiability check."""
        y = np.broadcast_to(y, cells.shape)
        positive = y > 0
        verdict = self.identifiable(columns, cells)
        # a non-negative column whose sufficient statistic is zero puts t on the boundary of the cone
        nonnegative = np.all(self.design >= 0, axis=0)
        verdict &= ~np.any(columns & nonnegative & ((y * cells) @ self.design == 0), axis=1)
        easy = (np.all(cells, axis=1) & np.all(positive, axis=1)) | witnessed | ~verdict
        hard = np.nonzero(~easy)[0]
        for s in hard[np.argsort(-columns[hard].sum(axis=1), kind="stable")]:
            key = np.packbits(np.concatenate([cells[s], positive[s]])).tobytes()
            verdict[s] = self._decide(key, columns[s], cells[s], y[s])
        return verdict

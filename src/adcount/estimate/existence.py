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

    def _decide(self, key: bytes, columns: np.ndarray, cells: np.ndarray, y: np.ndarray) -> bool:
        passed = self._passed.setdefault(key, [])
        failed = self._failed.setdefault(key, [])
        if any(not np.any(columns & ~p) for p in passed):
            return True
        if any(not np.any(f & ~columns) for f in failed):
            return False
        sub = self.design[cells][:, columns]
        verdict = bool(
            sub.shape[0] >= sub.shape[1]
            and np.linalg.matrix_rank(sub) == sub.shape[1]
            and has_interior_point(sub, y[cells])
        )
        (passed if verdict else failed).append(columns.copy())
        return verdict

    def check(self, y: np.ndarray, columns: np.ndarray, cells: np.ndarray) -> np.ndarray:
        """Verdict per system; y, columns, cells are (systems, ...) arrays."""
        y = np.broadcast_to(y, cells.shape)
        positive = y > 0
        easy = np.all(cells, axis=1) & np.all(positive, axis=1)
        verdict = np.ones(cells.shape[0], dtype=bool)
        hard = np.nonzero(~easy)[0]
        for s in hard[np.argsort(-columns[hard].sum(axis=1), kind="stable")]:
            key = np.packbits(np.concatenate([cells[s], positive[s]])).tobytes()
            verdict[s] = self._decide(key, columns[s], cells[s], y[s])
        return verdict

"""Fellegi–Sunter record linkage with EM: match probabilities without labels.

Model (Fellegi & Sunter 1969; EM as in Winkler 1988 and Jaro 1989): a candidate pair is a match
(one person) with probability lambda; given its class, the comparison levels are independent, with
per-level probabilities m (matches) and u (non-matches). The match weight of a level is
log2(m / u) bits; a pair's posterior log-odds is log2(lambda / (1 - lambda)) plus its weights.

EM runs on agreement patterns, not pairs: the distinct rows of the level matrix with their counts
(a few hundred patterns even for millions of pairs), so fitting is tiny. Missing levels (-1) add
nothing to either class. Labelled pairs (from active labelling) keep their class fixed during EM.
Parameters start from the hand-set table of `rules` and are smoothed with a small Dirichlet
pseudo-count so that no level gets probability zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from adcount.link.comparisons import BY_NAME, MISSING
from adcount.link.rules import FIXED_M, PRIOR_MATCH_SHARE, rule_bits
from adcount.link.scoring import BitsModel

DEFAULT_COMPARISONS = ("text", "template", "phone", "email", "handle", "photo", "name", "age", "city", "days")
PSEUDO_COUNT = 0.5
MIN_SHARE, MAX_SHARE = 1e-3, 1 - 1e-3


@dataclass
class FellegiSunter(BitsModel):
    """Fellegi–Sunter model over named comparisons (see `comparisons.COMPARISONS`).

    Parameters follow scikit-learn conventions; learned state ends in an underscore:
    `match_share_` (lambda), `m_` and `u_` (comparison -> per-level probabilities),
    `n_iter_`, `converged_`.
    """

    comparisons: tuple[str, ...] = DEFAULT_COMPARISONS
    fixed_m: dict[str, tuple[float, ...]] = field(default_factory=lambda: dict(FIXED_M))
    max_iter: int = 200
    tol: float = 1e-6
    match_share_: float = PRIOR_MATCH_SHARE
    m_: dict[str, np.ndarray] = field(default_factory=dict)
    u_: dict[str, np.ndarray] = field(default_factory=dict)
    n_iter_: int = 0
    converged_: bool = False

    @classmethod
    def from_rules(cls, levels: pd.DataFrame, comparisons: tuple[str, ...] = DEFAULT_COMPARISONS) -> "FellegiSunter":
        """m and u that reproduce the hand-set bits of `rules` on these pairs' level frequencies.

        With observed level shares f, prior lambda and bits b: u ∝ f / (lambda 2^b + 1 - lambda),
        m ∝ u 2^b, both normalised per comparison.
        """
        model = cls(comparisons=comparisons)
        model.match_share_ = PRIOR_MATCH_SHARE
        for name in comparisons:
            bits = np.asarray(rule_bits(name))
            column = levels[name].to_numpy()
            shares = np.bincount(column[column != MISSING], minlength=len(bits)).astype(float) + PSEUDO_COUNT
            ratio = np.exp2(bits)
            u = shares / (PRIOR_MATCH_SHARE * ratio + 1 - PRIOR_MATCH_SHARE)
            m = u * ratio
            model.u_[name], model.m_[name] = u / u.sum(), m / m.sum()
            if name in model.fixed_m:
                model.m_[name] = np.asarray(model.fixed_m[name], float)
        return model

    def fit(self, levels: pd.DataFrame, labels: np.ndarray | None = None) -> "FellegiSunter":
        """EM on the agreement patterns of `levels` (pairs x comparisons).

        labels: optional per pair 1 (same person), 0 (different), NaN (unknown); labelled pairs
        keep their class. Starts from the current parameters, or from the rule table when unset.
        """
        if not self.m_:
            start = FellegiSunter.from_rules(levels, self.comparisons)
            self.m_, self.u_, self.match_share_ = start.m_, start.u_, start.match_share_
        patterns, counts, fixed = _patterns(levels[list(self.comparisons)], labels)
        sizes = [len(BY_NAME[name].levels) for name in self.comparisons]
        previous = -np.inf
        self.converged_ = False
        for iteration in range(1, self.max_iter + 1):
            log_m, log_u = self._log_likelihoods(patterns)
            log_odds = np.log(self.match_share_) - np.log1p(-self.match_share_) + log_m - log_u
            posterior = np.where(np.isnan(fixed), _logistic(log_odds), fixed)
            weight_m, weight_u = counts * posterior, counts * (1.0 - posterior)
            self.match_share_ = float(np.clip(weight_m.sum() / counts.sum(), MIN_SHARE, MAX_SHARE))
            for k, (name, size) in enumerate(zip(self.comparisons, sizes)):
                column = patterns[:, k]
                present = column != MISSING
                m = np.bincount(column[present], weights=weight_m[present], minlength=size) + PSEUDO_COUNT
                u = np.bincount(column[present], weights=weight_u[present], minlength=size) + PSEUDO_COUNT
                self.m_[name], self.u_[name] = m / m.sum(), u / u.sum()
                if name in self.fixed_m:
                    self.m_[name] = np.asarray(self.fixed_m[name], float)
            total = float(np.sum(counts * np.logaddexp(np.log(self.match_share_) + log_m,
                                                       np.log1p(-self.match_share_) + log_u)))
            self.n_iter_ = iteration
            if abs(total - previous) <= self.tol * max(abs(total), 1.0):
                self.converged_ = True
                break
            previous = total
        return self

    def _log_likelihoods(self, patterns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        log_m = np.zeros(len(patterns))
        log_u = np.zeros(len(patterns))
        for k, name in enumerate(self.comparisons):
            column = patterns[:, k]
            present = column != MISSING
            log_m[present] += np.log(self.m_[name][column[present]])
            log_u[present] += np.log(self.u_[name][column[present]])
        return log_m, log_u

    def level_bits(self, name: str) -> np.ndarray:
        """Match weight of each level of one comparison, in bits: log2(m / u)."""
        return np.log2(self.m_[name]) - np.log2(self.u_[name])

    @property
    def prior_bits(self) -> float:
        return float(np.log2(self.match_share_) - np.log2(1.0 - self.match_share_))

    def to_dict(self) -> dict:
        return {
            "kind": "fellegi-sunter", "comparisons": list(self.comparisons),
            "match_share": self.match_share_, "n_iter": self.n_iter_, "converged": self.converged_,
            "m": {k: v.tolist() for k, v in self.m_.items()}, "u": {k: v.tolist() for k, v in self.u_.items()},
            "levels": {k: list(BY_NAME[k].levels) for k in self.comparisons},
        }

    @classmethod
    def from_dict(cls, data: dict) -> "FellegiSunter":
        comparisons = tuple(data["comparisons"])
        model = cls(comparisons=comparisons)
        model.match_share_ = float(data["match_share"])
        model.n_iter_, model.converged_ = int(data.get("n_iter", 0)), bool(data.get("converged", False))
        for name in comparisons:
            size = len(BY_NAME[name].levels)
            m, u = np.asarray(data["m"][name], float), np.asarray(data["u"][name], float)
            if m.shape != (size,) or u.shape != (size,):
                raise ValueError(f"model JSON: comparison {name!r} needs {size} levels")
            model.m_[name], model.u_[name] = m, u
        return model


def _logistic(log_odds: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * log_odds))


def _patterns(levels: pd.DataFrame, labels: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (levels, label) rows with their counts; label NaN where unknown."""
    matrix = levels.to_numpy(dtype=np.int16)
    label = np.full(len(matrix), 2, dtype=np.int16) if labels is None else \
        np.where(np.isnan(np.asarray(labels, float)), 2, np.asarray(labels, float) > 0.5).astype(np.int16)
    rows, counts = np.unique(np.column_stack([matrix, label]), axis=0, return_counts=True)
    fixed = np.where(rows[:, -1] == 2, np.nan, rows[:, -1].astype(float))
    return rows[:, :-1], counts.astype(float), fixed

"""Fellegi–Sunter record linkage with EM: match probabilities without labels.

Model (Fellegi & Sunter 1969; EM as in Winkler 1988 and Jaro 1989): a candidate pair is a match
(one person) with probability lambda; given its class, the comparison levels are independent, with
per-level probabilities m (matches) and u (non-matches). The match weight of a level is
log2(m / u) bits; a pair's posterior log-odds is log2(lambda / (1 - lambda)) plus its weights.

EM runs on agreement patterns, not pairs: the distinct rows of the level matrix with their counts
(a few hundred patterns even for millions of pairs), so fitting is tiny. Missing levels (-1) add
nothing to either class. Labelled pairs (from active labelling) keep their class fixed during EM.
Parameters start from the hand-set table of `rules` and are smoothed with a small Dirichlet
pseudo-count so that no level gets probability zero. Some m are held from field knowledge
(`rules.FIXED_M`, whole or in part). Where two comparisons are not independent given the class
(a different name, and a template that says "other person" because of that name), a joint
comparison reads them together (see `fit`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import brentq, isotonic_regression
from scipy.special import expit

from adcount.link.comparisons import BY_NAME, MISSING
from adcount.link.rules import FIXED_M, LEVEL_ORDER, NEUTRAL, PRIOR_MATCH_SHARE, rule_bits
from adcount.link.scoring import BitsModel

DEFAULT_COMPARISONS = ("text", "name_template", "phone", "email", "handle", "photo", "age", "city", "days")
PSEUDO_COUNT = 0.5
MIN_SHARE, MAX_SHARE = 1e-3, 1 - 1e-3


@dataclass
class FellegiSunter(BitsModel):
    """Fellegi–Sunter model over named comparisons (see `comparisons.COMPARISONS`).

    Parameters follow scikit-learn conventions: `__init__` takes the parameters only; the
    learned state, set by `fit` (or `from_rules`, `from_dict`), ends in an underscore:
    `match_share_` (lambda), `m_` and `u_` (comparison -> per-level probabilities),
    `n_iter_`, `converged_`. An unfitted model has none of them (`is_fitted`).
    """

    comparisons: tuple[str, ...] = DEFAULT_COMPARISONS
    fixed_m: dict[str, tuple[float, ...]] = field(default_factory=lambda: dict(FIXED_M))
    level_order: dict[str, tuple[tuple[int | None, ...], ...]] = field(default_factory=lambda: dict(LEVEL_ORDER))
    max_iter: int = 200
    tol: float = 1e-6

    def is_fitted(self) -> bool:
        """Whether the model has learned (or been given) its m and u tables."""
        return hasattr(self, "m_")

    def _learned(self, match_share: float, m: dict[str, np.ndarray], u: dict[str, np.ndarray],
                 n_iter: int = 0, converged: bool = False) -> "FellegiSunter":
        """Set the learned state at once."""
        self.match_share_, self.m_, self.u_, self.n_iter_, self.converged_ = match_share, m, u, n_iter, converged
        return self

    @classmethod
    def from_rules(cls, levels: pd.DataFrame, comparisons: tuple[str, ...] = DEFAULT_COMPARISONS) -> "FellegiSunter":
        """The hand-set table of `rules` as a model: its level bits are the table's, exactly.

        With observed level shares f, prior lambda and bits b: u ∝ f / (lambda 2^b + 1 - lambda)
        (normalised) and m = u 2^b, the u and m whose mixture gives these pairs' level shares.
        m is left unnormalised: normalised, its bits would shift by a constant per comparison set
        by these pairs' level shares, and a set where every pair shares one phone (one woman's
        ads) would read her phone as no evidence at all. EM starts from this table and normalises
        m in its first M-step.
        """
        model = cls(comparisons=comparisons)._learned(PRIOR_MATCH_SHARE, {}, {})
        for name in comparisons:
            bits = np.asarray(rule_bits(name))
            column = levels[name].to_numpy()
            shares = np.bincount(column[column != MISSING], minlength=len(bits)).astype(float) + PSEUDO_COUNT
            ratio = np.exp2(bits)
            u = shares / (PRIOR_MATCH_SHARE * ratio + 1 - PRIOR_MATCH_SHARE)
            model.u_[name] = u / u.sum()
            model.m_[name] = model.u_[name] * ratio
        return model

    def fit(self, levels: pd.DataFrame, labels: np.ndarray | None = None,
            sample_weight: np.ndarray | None = None) -> "FellegiSunter":
        """EM on the agreement patterns of `levels` (pairs x comparisons).

        labels: optional per pair 1 (same person), 0 (different), NaN (unknown); labelled pairs
        keep their class. Starts from the current parameters, or from the rule table when unset.
        A joint comparison (`comparisons.joint`) is fitted in two steps: EM runs on its parts
        read as independent, then the joint's m and u are estimated once from the final class
        posteriors. The weights then carry the parts' dependence (one name difference is not
        counted twice), while EM keeps the separate indicators that make the classes
        identifiable: run on the joint itself, EM takes one network for one person when the
        claimed ages, its other anchor, are missing (text-scale, no age: pairwise F1 0.92 -> 0.87).
        sample_weight: optional per pair, how much it counts (non-negative, finite; the pipeline
        caps each ad's pairs, `adcount.link.weights`); integer weights act as repeated pairs.
        """
        sample_weight = _checked_weights(sample_weight, len(levels))
        view = _independent_view(self.comparisons)
        if view != self.comparisons:
            return self._fit_joints(view, levels, labels, sample_weight)
        if not self.is_fitted():
            start = FellegiSunter.from_rules(levels, self.comparisons)
            self._learned(start.match_share_, start.m_, start.u_)
        patterns, counts, fixed = _patterns(levels[list(self.comparisons)], labels, sample_weight)
        sizes = [len(BY_NAME[name].levels) for name in self.comparisons]
        previous = -np.inf
        self.n_iter_, self.converged_ = 0, False
        for iteration in range(1, self.max_iter + 1):
            log_m, log_u = self._log_likelihoods(patterns)
            log_odds = np.log(self.match_share_) - np.log1p(-self.match_share_) + log_m - log_u
            posterior = np.where(np.isnan(fixed), expit(log_odds), fixed)
            weight_m, weight_u = counts * posterior, counts * (1.0 - posterior)
            self.match_share_ = float(np.clip(weight_m.sum() / counts.sum(), MIN_SHARE, MAX_SHARE))
            for k, (name, size) in enumerate(zip(self.comparisons, sizes)):
                self.m_[name], self.u_[name] = self._level_shares(name, patterns[:, k], weight_m, weight_u, size)
            total = float(np.sum(counts * np.logaddexp(np.log(self.match_share_) + log_m,
                                                       np.log1p(-self.match_share_) + log_u)))
            self.n_iter_ = iteration
            if abs(total - previous) <= self.tol * max(abs(total), 1.0):
                self.converged_ = True
                break
            previous = total
        return self

    def _fit_joints(self, view: tuple[str, ...], levels: pd.DataFrame, labels: np.ndarray | None,
                    sample_weight: np.ndarray | None) -> "FellegiSunter":
        """`fit` for comparisons that include joint ones: EM on `view` (joints replaced by their
        parts), then one estimate of each joint's m and u from the posteriors EM ends with."""
        inner = FellegiSunter(comparisons=view, fixed_m=self.fixed_m, level_order=self.level_order,
                              max_iter=self.max_iter, tol=self.tol)
        if self.is_fitted() and all(name in self.m_ for name in view):
            inner._learned(self.match_share_, dict(self.m_), dict(self.u_))
        elif not self.is_fitted():
            self._learned(PRIOR_MATCH_SHARE, {}, {})
        levels = _with_parts(levels, self.comparisons)
        inner.fit(levels, labels, sample_weight)
        posterior = inner.predict_proba(levels)
        if labels is not None:
            known = np.asarray(labels, float)
            posterior = np.where(np.isnan(known), posterior, known > 0.5)
        weight = np.ones(len(levels)) if sample_weight is None else np.asarray(sample_weight, float)
        self.match_share_, self.n_iter_, self.converged_ = inner.match_share_, inner.n_iter_, inner.converged_
        for name in self.comparisons:
            if name in inner.m_:
                self.m_[name], self.u_[name] = inner.m_[name], inner.u_[name]
            else:
                self.m_[name], self.u_[name] = self._level_shares(
                    name, levels[name].to_numpy(), weight * posterior, weight * (1.0 - posterior),
                    len(BY_NAME[name].levels))
        return self

    def _level_shares(self, name: str, column: np.ndarray, weight_m: np.ndarray, weight_u: np.ndarray,
                      size: int) -> tuple[np.ndarray, np.ndarray]:
        """M-step of one comparison: its m and u from per-row class weights (smoothed, held)."""
        present = column != MISSING
        m = np.bincount(column[present], weights=weight_m[present], minlength=size) + PSEUDO_COUNT
        u = np.bincount(column[present], weights=weight_u[present], minlength=size) + PSEUDO_COUNT
        if name in self.level_order:
            m, u = _in_order(m, u, self.level_order[name])
        return self._held(name, m / m.sum()), u / u.sum()

    def _held(self, name: str, m: np.ndarray) -> np.ndarray:
        """m with the levels fixed in `fixed_m` held at their values; the free levels (NaN there)
        share the remaining mass in the proportions EM found."""
        if name not in self.fixed_m:
            return m
        fixed = np.asarray(self.fixed_m[name], float)
        free = np.isnan(fixed)
        if not free.any():
            return fixed
        held = fixed.copy()
        held[free] = (1.0 - fixed[~free].sum()) * m[free] / m[free].sum()
        return held

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
        model = cls(comparisons=comparisons)._learned(float(data["match_share"]), {}, {},
                                                      int(data.get("n_iter", 0)), bool(data.get("converged", False)))
        for name in comparisons:
            size = len(BY_NAME[name].levels)
            m, u = np.asarray(data["m"][name], float), np.asarray(data["u"][name], float)
            if m.shape != (size,) or u.shape != (size,):
                raise ValueError(f"model JSON: comparison {name!r} needs {size} levels")
            model.m_[name], model.u_[name] = m, u
        return model


def _in_order(m: np.ndarray, u: np.ndarray, chains: tuple[tuple[int | None, ...], ...]
              ) -> tuple[np.ndarray, np.ndarray]:
    """Per-level class weights (m: one person, u: two) refitted so their ratio follows `chains`.

    The share of one person among a level's pairs, theta = m / (m + u), is fitted by isotonic
    regression (weighted by the level's pairs) along each chain, the binomial maximum likelihood
    under "a level further along is never weaker evidence of one person"; m and u are then
    theta and 1 - theta of each level's pairs, so a level's bits, log2(m/u) less a constant, rise
    along the chain. NEUTRAL in a chain is "no evidence": the comparison's own share of one
    person, held with a weight no level can move (levels before it end at or under 0 bits, levels
    after it at or over). That share depends on the fit, so it is the fixed point, found by root
    search (the chains are independent given it). Levels in no chain keep their weights."""
    pairs = m + u
    theta = m / pairs
    anchor_weight = 1e6 * pairs.sum()

    def fitted(neutral_share: float) -> np.ndarray:
        out = theta.copy()
        for chain in chains:
            ranked = [k for k in chain if k is not NEUTRAL]
            values = [neutral_share if k is NEUTRAL else theta[k] for k in chain]
            weights = [anchor_weight if k is NEUTRAL else pairs[k] for k in chain]
            out[ranked] = isotonic_regression(values, weights=weights).x[[k is not NEUTRAL for k in chain]]
        return out

    def excess(share: float) -> float:  # the fit's own share of one person, less the neutral share
        return float(np.sum(pairs * fitted(share)) / pairs.sum()) - share

    # every theta is inside (0, 1) (pseudo-counts), so the excess is positive at 0, negative at 1
    anchored = any(NEUTRAL in chain for chain in chains)
    theta = fitted(brentq(excess, 0.0, 1.0, xtol=1e-12) if anchored else np.nan)
    return theta * pairs, (1.0 - theta) * pairs


def _independent_view(comparisons: tuple[str, ...]) -> tuple[str, ...]:
    """The comparisons with each joint one replaced by its parts, down to single comparisons
    (no repeats, order kept)."""
    parts = [part for name in comparisons
             for part in (_independent_view(BY_NAME[name].parts) if BY_NAME[name].parts else (name,))]
    return tuple(dict.fromkeys(parts))


def _with_parts(levels: pd.DataFrame, comparisons: tuple[str, ...]) -> pd.DataFrame:
    """`levels` plus the level of every part of its joint comparisons, read back from the joint
    level where the part's own column is absent (a joint level is one combination of parts)."""
    added = {}
    for name in comparisons:
        joint = BY_NAME[name]
        if not joint.parts:
            continue
        column = levels[name].to_numpy()
        combos = np.asarray(joint.combos)
        for k, part in enumerate(joint.parts):
            if part not in levels:
                added[part] = np.where(column == MISSING, MISSING, combos[np.maximum(column, 0), k]).astype(np.int8)
    if not added:
        return levels
    return _with_parts(pd.concat([levels, pd.DataFrame(added, index=levels.index)], axis=1), tuple(added))


def _checked_weights(sample_weight: np.ndarray | None, n_pairs: int) -> np.ndarray | None:
    if sample_weight is None:
        return None
    weight = np.asarray(sample_weight, dtype=float)
    if weight.shape != (n_pairs,):
        raise ValueError(f"sample_weight has shape {weight.shape}; expected one weight per pair ({n_pairs},)")
    if not np.all(np.isfinite(weight)) or (weight < 0).any():
        raise ValueError("sample_weight must be finite and non-negative")
    return weight


def _patterns(levels: pd.DataFrame, labels: np.ndarray | None,
              sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (levels, label) rows with their (weighted) counts; label NaN where unknown."""
    matrix = levels.to_numpy(dtype=np.int16)
    label = np.full(len(matrix), 2, dtype=np.int16) if labels is None else \
        np.where(np.isnan(np.asarray(labels, float)), 2, np.asarray(labels, float) > 0.5).astype(np.int16)
    rows, inverse = np.unique(np.column_stack([matrix, label]), axis=0, return_inverse=True)
    counts = np.bincount(inverse.ravel(), weights=sample_weight, minlength=len(rows))
    fixed = np.where(rows[:, -1] == 2, np.nan, rows[:, -1].astype(float))
    return rows[:, :-1], counts.astype(float), fixed

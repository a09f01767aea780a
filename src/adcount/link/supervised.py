"""A supervised link model: logistic regression on one-hot comparison levels, from labelled pairs.

When a user has labelled pairs (from `active.uncertain_pairs`, an audit, or a synthetic truth),
a logistic regression over the same comparison levels as Fellegi–Sunter learns the weights
without its independence assumption. One-hot levels keep the model a table of bits per level
(coefficient / ln 2), so explanations, JSON files and the pipeline treat both models alike.
Missing levels (-1) have no column and add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

from adcount.link.comparisons import BY_NAME, MISSING
from adcount.link.fellegi_sunter import DEFAULT_COMPARISONS
from adcount.link.scoring import BitsModel

MIN_PER_CLASS = 5


@dataclass
class SupervisedModel(BitsModel):
    """Logistic regression over comparison levels; `bits_` maps comparison -> bits per level."""

    comparisons: tuple[str, ...] = DEFAULT_COMPARISONS
    C: float = 1.0  # inverse L2 strength: few labels should not give extreme weights
    prior_bits_: float = 0.0
    bits_: dict[str, np.ndarray] = field(default_factory=dict)

    def _design(self, levels: pd.DataFrame) -> sp.csr_matrix:
        blocks = []
        for name in self.comparisons:
            column = levels[name].to_numpy()
            size = len(BY_NAME[name].levels)
            present = column != MISSING
            rows = np.flatnonzero(present)
            blocks.append(sp.csr_matrix((np.ones(rows.size), (rows, column[present])), shape=(len(levels), size)))
        return sp.hstack(blocks).tocsr()

    def fit(self, levels: pd.DataFrame, labels: np.ndarray) -> "SupervisedModel":
        """labels: 1 same person, 0 different, NaN unlabelled (ignored)."""
        labels = np.asarray(labels, dtype=float)
        known = ~np.isnan(labels)
        y = labels[known] > 0.5
        if min(y.sum(), (~y).sum()) < MIN_PER_CLASS:
            raise ValueError(f"a supervised model needs at least {MIN_PER_CLASS} labelled pairs of each class "
                             f"(got {int(y.sum())} same-person, {int((~y).sum())} different)")
        fitted = LogisticRegression(C=self.C, max_iter=1000).fit(self._design(levels.loc[known]), y)
        coef = fitted.coef_.ravel() / np.log(2.0)
        self.prior_bits_ = float(fitted.intercept_[0] / np.log(2.0))
        start = 0
        for name in self.comparisons:
            size = len(BY_NAME[name].levels)
            self.bits_[name] = coef[start:start + size]
            start += size
        return self

    def level_bits(self, name: str) -> np.ndarray:
        return self.bits_[name]

    @property
    def prior_bits(self) -> float:
        return self.prior_bits_

    def to_dict(self) -> dict:
        return {"kind": "supervised-logistic", "comparisons": list(self.comparisons), "C": self.C,
                "prior_bits": self.prior_bits_, "bits": {k: v.tolist() for k, v in self.bits_.items()},
                "levels": {k: list(BY_NAME[k].levels) for k in self.comparisons}}

    @classmethod
    def from_dict(cls, data: dict) -> "SupervisedModel":
        model = cls(comparisons=tuple(data["comparisons"]), C=float(data.get("C", 1.0)))
        model.prior_bits_ = float(data["prior_bits"])
        for name in model.comparisons:
            bits = np.asarray(data["bits"][name], float)
            if bits.shape != (len(BY_NAME[name].levels),):
                raise ValueError(f"model JSON: comparison {name!r} needs {len(BY_NAME[name].levels)} levels")
            model.bits_[name] = bits
        return model

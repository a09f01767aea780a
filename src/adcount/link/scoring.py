"""What every link model shares: a table of bits per comparison level, summed into a probability.

A model (Fellegi–Sunter or supervised) provides `comparisons`, `level_bits(name)` and
`prior_bits`; this base turns comparison levels into per-comparison match weights and posterior
probabilities, so explanations and the pipeline never care which model scored a pair.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adcount.link.comparisons import MISSING


class BitsModel:
    """Mixin: match weights and probabilities from per-level bits."""

    comparisons: tuple[str, ...]

    def level_bits(self, name: str) -> np.ndarray:  # pragma: no cover - defined by each model
        raise NotImplementedError

    @property
    def prior_bits(self) -> float:  # pragma: no cover - defined by each model
        raise NotImplementedError

    def match_weights(self, levels: pd.DataFrame) -> pd.DataFrame:
        """Per pair and comparison, the bits its level adds (0 where missing)."""
        out = {}
        for name in self.comparisons:
            column = levels[name].to_numpy()
            out[name] = np.where(column == MISSING, 0.0, self.level_bits(name)[np.maximum(column, 0)])
        return pd.DataFrame(out, index=levels.index)

    def predict_proba(self, levels: pd.DataFrame) -> np.ndarray:
        """Posterior probability that each pair is one person."""
        total = self.prior_bits + self.match_weights(levels).to_numpy().sum(axis=1)
        return 1.0 / (1.0 + np.exp2(-total))

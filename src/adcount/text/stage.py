"""Text evidence of each ad: MinHash signature of title + text, LSH candidate pairs, Jaccard lookups."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from adcount.text.lsh import jaccard_estimate, lsh_pairs
from adcount.config import TextConfig
from adcount.text.minhash import is_empty_signature, minhash


@dataclass(frozen=True)
class TextEvidence:
    signatures: np.ndarray  # (n, num_perm)
    usable: np.ndarray  # bool (n,): enough text to be compared at all
    pairs: np.ndarray  # LSH candidate pairs (m, 2)

    def jaccard(self, pairs: np.ndarray) -> np.ndarray:
        """Estimated Jaccard similarity of any pairs; NaN where either text is unusable."""
        values = jaccard_estimate(self.signatures, pairs).astype(np.float64)
        both = self.usable[pairs[:, 0]] & self.usable[pairs[:, 1]]
        return np.where(both, values, np.nan)


def text_evidence(table: pd.DataFrame, config: TextConfig) -> TextEvidence:
    texts = (table["title"] + "\n" + table["text"]).tolist()
    signatures = minhash(texts, num_perm=config.num_perm, seed=config.seed, shingle=config.shingle, k=config.k)
    pairs = lsh_pairs(signatures, threshold=config.threshold)
    return TextEvidence(signatures, ~is_empty_signature(signatures), pairs)

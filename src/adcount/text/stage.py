"""The text stage: each ad's text normalised once, its MinHash signature, LSH candidate pairs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from adcount.config import TextConfig
from adcount.text.lsh import jaccard_estimate, lsh_pairs
from adcount.text.minhash import is_empty_signature, minhash
from adcount.text.normalize import normalize_texts


@dataclass(frozen=True)
class TextEvidence:
    normalised: list[str]  # per ad, its title + text normalised (`normalize_texts`): what every reader compares
    signatures: np.ndarray  # (n, num_perm)
    usable: np.ndarray  # bool (n,): enough text to be compared at all
    pairs: np.ndarray  # LSH candidate pairs (m, 2)

    def jaccard(self, pairs: np.ndarray) -> np.ndarray:
        """Estimated Jaccard similarity of any pairs; NaN where either text is unusable."""
        values = jaccard_estimate(self.signatures, pairs).astype(np.float64)
        both = self.usable[pairs[:, 0]] & self.usable[pairs[:, 1]]
        return np.where(both, values, np.nan)


def text_evidence(texts: list[str], config: TextConfig) -> TextEvidence:
    """Normalise the ads' texts (title + text, `adcount.load.facts.ad_texts`) once, sign them and
    pair the near-duplicates."""
    normalised = normalize_texts(texts)
    signatures = minhash(normalised, num_perm=config.num_perm, seed=config.seed, shingle=config.shingle,
                         k=config.k, normalize=False)
    pairs = lsh_pairs(signatures, threshold=config.threshold)
    return TextEvidence(normalised, signatures, ~is_empty_signature(signatures), pairs)

"""Per-ad label claims (ad, label) as a binary ads x labels matrix over the labels actually claimed."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def label_matrix(ad: np.ndarray, value: np.ndarray, labels: tuple[str, ...], n_ads: int
                 ) -> tuple[np.ndarray, sp.csr_matrix]:
    """The labels claimed at least once (sorted, as `labels` is) and the binary ads x those-labels CSR."""
    used = np.unique(value)
    column = np.full(len(labels), -1, dtype=np.int64)
    column[used] = np.arange(len(used))
    matrix = sp.csr_matrix((np.ones(len(ad), dtype=np.float32), (ad, column[value])), shape=(n_ads, len(used)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return np.asarray(labels, dtype=object)[used], matrix

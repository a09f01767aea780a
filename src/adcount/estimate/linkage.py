"""Person counts under linkage uncertainty: a Monte Carlo over link probabilities.

Each replicate keeps every candidate link independently with its probability, reclusters
(connected components) and counts persons. The spread of those counts is the part of the
uncertainty that comes from wrong and missed links; it is what an analyst's "61% duplicates"
silently hides. Replicates are drawn in blocks of one random matrix so the loop runs per
replicate (a csgraph call), never per pair.

Independent redraws understate the error: a person's links are redundant, so dropping one
rarely splits it, and errors the probabilities do not carry (true pairs that were never
candidates, miscalibrated probabilities) are invisible to them. And the clustering that gives
the reported count (a threshold with anti-chaining splits) is not the rule the replicates use
(connected components of the drawn links), so the two disagree by more than the replicates
spread. `disagreement_interval` therefore reports the replicates' percentile interval widened
to the replicates' median plus or minus its distance to the reported count: the gap between
two defensible clustering rules on the same probabilities is treated as uncertainty, on both
sides, rather than as a one-sided offset. See docs/estimates.md for its measured coverage.
"""

from __future__ import annotations

from typing import Iterator

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components


def sample_partitions(n: int, pairs: np.ndarray, probability: np.ndarray, n_replicates: int,
                      seed: int) -> Iterator[np.ndarray]:
    """Person labels (per ad) of `n_replicates` random link sets, each link kept with its probability."""
    rng = np.random.default_rng(seed)
    uncertain = (probability > 1e-6) & (probability < 1 - 1e-6)
    certain = pairs[probability >= 1 - 1e-6]
    # links that are certain collapse into super-nodes once, so replicates only redraw the rest
    _, base = connected_components(_graph(n, certain), directed=False)
    base_n = int(base.max()) + 1 if n else 0
    live = base[pairs[uncertain]]
    live_p = probability[uncertain]
    for _ in range(n_replicates):
        kept = live[rng.random(live_p.size) < live_p]
        if base_n == 0:
            yield np.empty(0, dtype=np.int64)
            continue
        _, labels = connected_components(_graph(base_n, kept), directed=False)
        yield labels[base].astype(np.int64)


def sample_person_counts(n: int, pairs: np.ndarray, probability: np.ndarray, n_replicates: int,
                         seed: int) -> np.ndarray:
    """Person counts of `n_replicates` random link sets (see `sample_partitions`)."""
    return np.fromiter((labels.max() + 1 if labels.size else 0
                        for labels in sample_partitions(n, pairs, probability, n_replicates, seed)),
                       dtype=np.int64, count=n_replicates)


def _graph(n: int, edges: np.ndarray) -> sp.csr_matrix:
    return sp.csr_matrix((np.ones(len(edges), np.int8), (edges[:, 0], edges[:, 1])), shape=(n, n))


def disagreement_interval(point: float, replicates: np.ndarray, level: float) -> tuple[float, float]:
    """Percentile interval of `replicates`, widened to median +/- |point - median| (see module doc)."""
    low, high = percentile_interval(replicates, level)
    centre = float(np.median(replicates))
    gap = abs(point - centre)
    return min(low, centre - gap, point), max(high, centre + gap, point)


def percentile_interval(samples: np.ndarray, level: float) -> tuple[float, float]:
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(samples, [tail, 1.0 - tail])
    return float(low), float(high)

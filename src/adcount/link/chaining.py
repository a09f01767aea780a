"""Guards against chaining: a person is not whatever a chain of links happens to connect.

Connected components are transitive: ad A links to B (same photos), B to C (same template), and A
and C, who never looked alike, end in one person. Inside every component of three ads or more,
`complete_pairs` lists the pairs that were never scored so the scorer can give them a
probability; `split_chains` then re-splits each component whose internal pairs are not all
linked with average linkage (UPGMA) on 1 - probability: two groups stay one person only when
their ads are, on average, more likely one person than two. The cut is the linkage threshold
read through the calibration of the link probabilities (`resplit_cut`): the pairs it weighs are
the weak ones, where the probabilities are under-confident (EM counts correlated evidence against
a link, a different name and a template with another name in it, twice), so a cut at the raw
threshold splits persons who sometimes use an alias.
Components too big for a full pair matrix (`MAX_COMPLETE_SIZE`, an organiser's hub rather than
a person) are re-split by raising the threshold inside them to `HUB_THRESHOLD` instead.
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from adcount.config import LinkConfig
from adcount.link.cluster import components
from adcount.pairs import key_pairs

# defaults: the configuration fields link.max_complete_size, link.hub_threshold and
# link.underconfidence_bits (where the measurements behind them are given)
MAX_COMPLETE_SIZE = LinkConfig.max_complete_size
HUB_THRESHOLD = LinkConfig.hub_threshold
UNDERCONFIDENCE_BITS = LinkConfig.underconfidence_bits


def resplit_cut(threshold: float, underconfidence_bits: float = UNDERCONFIDENCE_BITS) -> float:
    """Average link probability two groups need to stay one person: the threshold lowered by
    the measured under-confidence of weak link probabilities (`underconfidence_bits`)."""
    if threshold >= 1.0:
        return 1.0
    odds = threshold / (1.0 - threshold)
    return float(odds / (odds + 2.0 ** underconfidence_bits))


def complete_pairs(labels: np.ndarray, pairs: np.ndarray, max_size: int = MAX_COMPLETE_SIZE) -> np.ndarray:
    """Pairs inside components of 3..max_size ads that are not in `pairs` yet (i < j, sorted)."""
    sizes = np.bincount(labels)
    inside = (sizes[labels] >= 3) & (sizes[labels] <= max_size)
    rows = np.flatnonzero(inside)
    every = key_pairs(rows, labels[rows], max_group=max_size)
    if len(every) == 0 or len(pairs) == 0:
        return every
    n = int(max(every.max(), pairs.max())) + 1
    known = np.isin(every[:, 0] * n + every[:, 1], pairs[:, 0] * n + pairs[:, 1])
    return every[~known]


def split_chains(n: int, pairs: np.ndarray, probability: np.ndarray, threshold: float,
                 max_size: int = MAX_COMPLETE_SIZE, hub_threshold: float = HUB_THRESHOLD,
                 underconfidence_bits: float = UNDERCONFIDENCE_BITS) -> np.ndarray:
    """Person label per ad: components of the links at `threshold`, each re-split (module docs).

    pairs/probability must include every pair inside the components of 3..max_size ads (see
    `complete_pairs`); labels are numbered by first ad, as `components` does.
    """
    linked = probability >= threshold
    labels = components(n, pairs[linked])
    a, b = pairs[:, 0], pairs[:, 1]
    inside = labels[a] == labels[b]
    sizes = np.bincount(labels, minlength=int(labels.max()) + 1 if n else 0)
    weak = np.zeros(sizes.size, bool)
    weak[labels[a[inside & ~linked]]] = True  # some pair inside is not linked on its own
    keep_edges = [pairs[linked & inside & ~weak[labels[a]]]]

    big = weak & (sizes > max_size)
    in_big = inside & big[labels[a]]
    keep_edges.append(pairs[in_big & (probability >= max(threshold, hub_threshold))])

    chained = np.flatnonzero(weak & (sizes <= max_size))
    if chained.size:
        keep_edges.append(_average_linkage_edges(labels, pairs[inside], probability[inside], chained,
                                                 resplit_cut(threshold, underconfidence_bits)))
    return components(n, np.concatenate(keep_edges))


def _average_linkage_edges(labels: np.ndarray, pairs: np.ndarray, probability: np.ndarray,
                           chosen: np.ndarray, cut: float) -> np.ndarray:
    """Edges (first member, other member) tying each average-linkage cluster (cut at average
    probability `cut`) of the chosen components; one scipy linkage per component (a loop over
    components, not over pairs)."""
    owner = labels[pairs[:, 0]]
    order = np.argsort(owner, kind="stable")
    owner, pairs, probability = owner[order], pairs[order], probability[order]
    bounds = np.searchsorted(owner, np.r_[chosen, chosen + 1].reshape(2, -1))
    members_order = np.argsort(labels, kind="stable")
    member_bounds = np.searchsorted(labels[members_order], np.r_[chosen, chosen + 1].reshape(2, -1))
    edges = []
    for k in range(chosen.size):
        members = members_order[member_bounds[0, k]:member_bounds[1, k]]
        local = np.searchsorted(members, pairs[bounds[0, k]:bounds[1, k]])
        size = members.size
        distance = np.ones((size, size))
        distance[local[:, 0], local[:, 1]] = 1.0 - probability[bounds[0, k]:bounds[1, k]]
        i, j = np.triu_indices(size, 1)
        tree = linkage(distance[i, j], method="average")
        cluster = fcluster(tree, t=1.0 - cut, criterion="distance")
        first = np.zeros(cluster.max() + 1, dtype=np.int64)
        first[cluster[::-1]] = np.arange(size)[::-1]
        edges.append(np.stack([members[first[cluster]], members], axis=1))
    return np.concatenate(edges) if edges else np.empty((0, 2), np.int64)

"""Clustering scored pairs into persons (ads of one individual) and networks (persons tied together).

Persons are connected components of the pairs whose link probability reaches the threshold
(then re-split against chaining by `adcount.link.chaining`).
Networks are components over a wider edge set: person links plus any shared contact or one
template posted within a month (an organiser's phone or text ties the persons it advertises). Both use
scipy.sparse.csgraph.connected_components, linear in ads + pairs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from adcount.config import LinkConfig

# default of link.network_template_days: one template ties two persons to one organiser when
# posted within one campaign; a text copied months apart is as likely a copy by someone else
NETWORK_TEMPLATE_DAYS = LinkConfig.network_template_days


def components(n: int, edges: np.ndarray) -> np.ndarray:
    """Component label per node, numbered in order of each component's first node (deterministic)."""
    if n == 0:
        return np.empty(0, dtype=np.int64)
    graph = sp.coo_matrix((np.ones(len(edges), np.int8), (edges[:, 0], edges[:, 1])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    first_seen = np.full(labels.max() + 1, n, dtype=np.int64)
    np.minimum.at(first_seen, labels, np.arange(n))
    rank = np.argsort(np.argsort(first_seen, kind="stable"), kind="stable")
    return rank[labels].astype(np.int64)


def person_labels(n: int, pairs: np.ndarray, probability: np.ndarray, threshold: float) -> np.ndarray:
    return components(n, pairs[probability >= threshold])


def network_edges(pairs: np.ndarray, features: pd.DataFrame, linked: np.ndarray,
                  template_days: float = NETWORK_TEMPLATE_DAYS) -> np.ndarray:
    """Pairs that tie two ads to one organiser: person links, shared contacts, one template."""
    shared = (features["shared_phones"].to_numpy() > 0) | (features["shared_emails"].to_numpy() > 0) \
        | (features["shared_handles"].to_numpy() > 0)
    days = features["days_apart"].to_numpy(dtype=float)
    campaign = ~(days > template_days)  # NaN (no date) keeps the edge
    template = (features["same_template"].to_numpy() > 0) & campaign
    return pairs[linked | shared | template]


def ad_confidence(n: int, pairs: np.ndarray, probability: np.ndarray, persons: np.ndarray) -> np.ndarray:
    """How sure we are of each ad's placement.

    For an ad inside a multi-ad person: its strongest link inside that person. For an ad alone:
    one minus its strongest link to anyone (the chance it is not someone else's ad).
    """
    a, b = pairs[:, 0], pairs[:, 1]
    inside = persons[a] == persons[b]
    best_inside = np.zeros(n)
    np.maximum.at(best_inside, a[inside], probability[inside])
    np.maximum.at(best_inside, b[inside], probability[inside])
    best_any = np.zeros(n)
    np.maximum.at(best_any, a, probability)
    np.maximum.at(best_any, b, probability)
    sizes = np.bincount(persons, minlength=persons.max() + 1 if n else 0)
    alone = sizes[persons] == 1
    return np.where(alone, 1.0 - best_any, best_inside)


def person_confidence(pairs: np.ndarray, probability: np.ndarray, persons: np.ndarray,
                      ad_confidence: np.ndarray) -> np.ndarray:
    """How sure we are of each person as a whole, indexed by person label.

    For a person of several ads: the mean link probability over the scored pairs inside it
    (every pair, for persons re-split by the chaining guard), so one doubtful ad lowers it. For
    a person of one ad: that ad's confidence (the chance it belongs to no one else).
    """
    n_persons = int(persons.max()) + 1 if persons.size else 0
    a, b = pairs[:, 0], pairs[:, 1]
    inside = persons[a] == persons[b]
    total = np.bincount(persons[a[inside]], weights=probability[inside], minlength=n_persons)
    count = np.bincount(persons[a[inside]], minlength=n_persons)
    alone = np.zeros(n_persons)
    np.maximum.at(alone, persons, ad_confidence)
    return np.where(count > 0, total / np.maximum(count, 1), alone)

"""The clustering stage: from scored candidate pairs to persons and networks, in three rounds.

1. Persons are the components of the pairs linked at the threshold; inside every component of
   three ads or more, the pairs never scored are scored too (`chaining.complete_pairs`), so
   chains can be re-split on full evidence.
2. Each component whose inside pairs are not all linked is re-split (`chaining.split_chains`).
3. Inside each person found, two sets of ads whose photo sets never meet over the same weeks
   are two persons (`photo_sets.photo_sets_apart`): the pairs between them get probability 0 and
   the persons are re-split.

Networks are then the components of the person links and the organiser evidence
(`cluster.network_edges`); labels are numbered by each group's smallest ad_id
(`adcount.ids.by_smallest_ad`), so they do not depend on the order of the input rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from adcount.config import LinkConfig
from adcount.ids import by_smallest_ad
from adcount.link.chaining import complete_pairs, split_chains
from adcount.link.cluster import ad_confidence, components, network_edges, person_labels
from adcount.link.comparisons import comparison_levels
from adcount.link.features import AdSignals, pair_features
from adcount.link.pair_scores import PairScores
from adcount.link.photo_sets import photo_sets_apart


@dataclass(frozen=True)
class Partition:
    """Persons and networks, with every pair the rounds scored (candidates and completions)."""

    pairs: np.ndarray  # (m, 2) sorted, i < j: the candidate pairs and the pairs completed inside components
    features: pd.DataFrame  # evidence per pair, with `photo_sets_apart` (0/1) last
    bits: pd.DataFrame  # evidence weights per pair and comparison (log2 odds)
    probability: np.ndarray  # final link probability per pair (0 for pairs of photo sets apart)
    person: np.ndarray  # person label per ad, numbered by smallest ad_id
    network: np.ndarray  # network label per ad, numbered by smallest ad_id
    confidence: np.ndarray  # per ad: how sure its person is


def cluster_rounds(pairs: np.ndarray, scores: PairScores, signals: AdSignals,
                   config: LinkConfig = LinkConfig()) -> Partition:
    """Persons and networks from the scored candidate pairs (module docs)."""
    n, threshold = signals.facts.day.size, config.person_threshold
    resplit = {"max_size": config.max_complete_size, "hub_threshold": config.hub_threshold,
               "underconfidence_bits": config.underconfidence_bits}
    features, probability = scores.features, scores.probability
    levels = scores.levels
    extra = complete_pairs(person_labels(n, pairs, probability, threshold), pairs, config.max_complete_size)
    if len(extra):
        pairs, order = _merged(pairs, extra)
        features = pd.concat([features, pair_features(extra, signals)], ignore_index=True).iloc[order]
        features = features.reset_index(drop=True)
        levels = comparison_levels(features, stock_photo_contacts=config.stock_photo_contacts)
        probability = scores.model.predict_proba(levels)
    bits = scores.model.match_weights(levels)
    persons = split_chains(n, pairs, probability, threshold, **resplit)
    apart = photo_sets_apart(persons, pairs, features, signals.photos.photo_count, signals.facts.day,
                             config.min_photo_set_ads, config.stock_photo_contacts)
    features = features.assign(photo_sets_apart=apart.astype(np.int8))
    if apart.any():
        probability = np.where(apart, 0.0, probability)
        persons = split_chains(n, pairs, probability, threshold, **resplit)
    same_person = persons[pairs[:, 0]] == persons[pairs[:, 1]]
    networks = components(n, network_edges(pairs, features, same_person, config.network_template_days))  # person links included
    confidence = ad_confidence(n, pairs, probability, persons)
    rank = signals.facts.id_rank
    return Partition(pairs, features, bits, probability, by_smallest_ad(persons, rank),
                     by_smallest_ad(networks, rank), confidence)


def _merged(pairs: np.ndarray, extra: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two disjoint sorted pair sets as one sorted set, and the order that sorts their concatenation."""
    both = np.concatenate([pairs, extra])
    order = np.lexsort((both[:, 1], both[:, 0]))
    return both[order], order

"""Person counts under linkage uncertainty: a Monte Carlo over the clustering's own decisions.

The reported count comes from average linkage: two groups of ads are one person when their links
are, on average, at least as likely as a cut (`adcount.link.chaining`). Each replicate redraws
those decisions, starting from the reported partition:

- a *merge* for every two persons that share a scored pair (a "block"): they become one person
  with the block's probability, the mean link probability of its scored pairs (the average the
  clustering compared with its cut);
- a *split* for every person of two ads or more: its least attached ad (lowest mean link
  probability to the rest of the person) becomes a person of its own with one minus that mean.

The links between two persons are one event (the two are, or are not, one person), so a block
is drawn once, not pair by pair. Redrawing every pair independently and re-clustering either
averages the draws away (average linkage: almost no block ever merges) or chains them
(connected components); neither agrees with the reported count, and on the synthetic sets the
first covers the truth in under 20% of them (docs/estimates.md).

Merge probabilities are not trusted one by one. Fellegi–Sunter multiplies comparisons it takes
as independent, and its probabilities are underconfident exactly at the merges the clustering
misses (pairs scored 0.01–0.1 are true about a quarter of the time on the synthetic sets, and
the blocks' probabilities add up to under a third of the merges really missed). That
error is systematic: one model fitted on one data set is off by about one amount for all its
blocks, so the blocks' errors do not average out. Each replicate therefore draws one *merge
rate* for the data set from the beta distribution with the mean and variance of the blocks'
probabilities (method of moments), and shifts every block's log-odds by the common amount that
brings their mean to that rate (`calibration_shift`); the blocks are then drawn independently.
The rate's expectation is the model's own mean merge probability, so the model's expected number
of merges is kept and its ranking of blocks too; the spread lets a data set merge several times
more (or fewer) blocks than the model expects, as much as the probabilities differ from block to
block. This spread is an assumption, not an estimate (without labels a model's systematic error
cannot be read from its own output); the coverage measured on several generator settings is what
supports it. Splits are drawn with the model's own probabilities: an ad inside a person is linked
above the cut on average, where the probabilities are, if anything, underconfident too, so they
over-split (about twice the false merges present; the interval errs wide on the high side). When every probability is 0 or 1,
every replicate is the reported partition.

Each replicate is whole-array work (no loop over pairs, persons or blocks); the shift is a
vectorised bisection (500 replicates take ~7 s at 100,000 ads: benchmarks/bench_linkage_mc.py).
True pairs that were never candidates are not modelled: only the spread of the merge rate covers
them (docs/estimates.md gives the measured coverage).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np
from scipy.special import expit

from adcount.link.cluster import components

BISECTION_STEPS = 50  # halvings of the log-odds shift interval: far finer than any rate matters
MAX_SHIFT = 40.0  # log-odds; a shift of +-40 takes any probability to 0 or 1 in float64


@dataclass(frozen=True)
class Decisions:
    """The clustering decisions a replicate redraws, around the reported partition `person`.

    blocks: (k, 2) person labels that share a scored pair; merge: their merge probability.
    splitter: per person of two ads or more, its least attached ad; split: the probability that
    the ad is not that person's.
    """

    person: np.ndarray
    blocks: np.ndarray
    merge: np.ndarray
    splitter: np.ndarray
    split: np.ndarray

    @property
    def n_persons(self) -> int:
        return int(self.person.max()) + 1 if self.person.size else 0


def clustering_decisions(person: np.ndarray, pairs: np.ndarray, probability: np.ndarray) -> Decisions:
    """Merge probability of every block and split probability of every multi-ad person."""
    person = np.asarray(person, dtype=np.int64)
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    probability = np.asarray(probability, dtype=float)
    n_persons = max(int(person.max()) + 1 if person.size else 0, 1)
    a, b = person[pairs[:, 0]], person[pairs[:, 1]]
    cross = a != b
    keys, block_of = np.unique(np.minimum(a, b)[cross] * n_persons + np.maximum(a, b)[cross],
                               return_inverse=True)
    merge = np.bincount(block_of, weights=probability[cross], minlength=keys.size) \
        / np.maximum(np.bincount(block_of, minlength=keys.size), 1)
    blocks = np.stack([keys // n_persons, keys % n_persons], axis=1)

    inside = ~cross
    ends = np.concatenate([pairs[inside, 0], pairs[inside, 1]])
    n = person.size
    attachment = np.bincount(ends, weights=np.tile(probability[inside], 2), minlength=n) \
        / np.maximum(np.bincount(ends, minlength=n), 1)
    sizes = np.bincount(person, minlength=n_persons)
    members = np.flatnonzero(sizes[person] >= 2)
    # per multi-ad person, least attached first (ties: lowest row)
    order = members[np.lexsort((members, attachment[members], person[members]))]
    first = np.r_[True, person[order][1:] != person[order][:-1]] if order.size else np.zeros(0, bool)
    splitter = order[first]
    return Decisions(person, blocks, merge, splitter, 1.0 - attachment[splitter])


def sample_partitions(person: np.ndarray, pairs: np.ndarray, probability: np.ndarray, n_replicates: int,
                      seed: int) -> Iterator[np.ndarray]:
    """Person labels (per ad, numbered from 0) of `n_replicates` redraws of the clustering around
    the reported partition `person` (module doc). Deterministic for a seed."""
    decisions = clustering_decisions(person, pairs, probability)
    logit = _logit(decisions.merge)
    values, counts = np.unique(logit, return_counts=True)
    rng = np.random.default_rng(seed)
    for _ in range(n_replicates):
        merge = expit(logit + calibration_shift(values, rng, counts))
        merged = decisions.blocks[rng.random(merge.size) < merge]
        labels = components(decisions.n_persons, merged)[decisions.person]
        detached = decisions.splitter[rng.random(decisions.split.size) < decisions.split]
        if detached.size:
            labels[detached] = labels.max() + 1 + np.arange(detached.size)
        yield np.unique(labels, return_inverse=True)[1].astype(np.int64)


def sample_person_counts(person: np.ndarray, pairs: np.ndarray, probability: np.ndarray, n_replicates: int,
                         seed: int) -> np.ndarray:
    """Person counts of `n_replicates` redraws of the clustering (see `sample_partitions`)."""
    return np.fromiter((labels.max() + 1 if labels.size else 0
                        for labels in sample_partitions(person, pairs, probability, n_replicates, seed)),
                       dtype=np.int64, count=n_replicates)


def calibration_shift(logit: np.ndarray, rng: np.random.Generator, counts: np.ndarray | None = None) -> float:
    """One replicate's systematic log-odds error of the blocks whose merge log-odds are `logit`:
    the common shift that brings their mean probability to a rate drawn from the beta
    distribution with their own mean and variance. 0 when there is no spread to draw from.
    counts: how many blocks hold each value of `logit` (the distinct values, from `np.unique`):
    a few hundred distinct merge probabilities stand for any number of blocks, so the bisection
    costs the same at 100 blocks and at a million (a phone shared by 10,000 ads: 56,000 blocks of
    3 values took 45 ms per replicate over the blocks, under 1 ms over the values)."""
    weight = np.ones(logit.size) if counts is None else np.asarray(counts, dtype=float)
    total = weight.sum()
    if total < 2:
        return 0.0
    probability = expit(logit)
    mean = float(weight @ probability / total)
    variance = float(weight @ (probability - mean) ** 2 / total)
    if variance <= 0.0:
        return 0.0
    strength = mean * (1.0 - mean) / variance - 1.0  # > 0 unless every value is 0 or 1
    if strength <= 0.0:
        return 0.0
    rate = rng.beta(mean * strength, (1.0 - mean) * strength)
    low, high = -MAX_SHIFT, MAX_SHIFT
    for _ in range(BISECTION_STEPS):
        middle = 0.5 * (low + high)
        if weight @ expit(logit + middle) < rate * total:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def _logit(probability: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):  # 0 and 1 become -inf and +inf: no shift moves them
        return np.log(probability) - np.log1p(-probability)


def replicate_interval(point: float, replicates: np.ndarray, level: float) -> tuple[float, float]:
    """Percentile interval of `replicates`, stretched to hold `point` (the reported partition is
    one of those the replicates stand for)."""
    low, high = percentile_interval(replicates, level)
    return min(low, point), max(high, point)


def percentile_interval(samples: np.ndarray, level: float) -> tuple[float, float]:
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(samples, [tail, 1.0 - tail])
    return float(low), float(high)

"""The linkage Monte Carlo: redrawn merge and split decisions around the reported partition.

Small partitions with known answers, then the replicates of a real synthetic ad set.
(Coverage over many sets is a benchmark: benchmarks/bench_coverage.py.)
"""

import numpy as np
import pytest

import adcount
from adcount.estimate.linkage import (
    calibration_shift, clustering_decisions, percentile_interval, replicate_interval, sample_partitions,
    sample_person_counts,
)


def test_one_uncertain_block_merges_with_its_probability():
    # two one-ad persons linked at 0.3: one person 30% of the time (a single block has no spread)
    counts = sample_person_counts(np.array([0, 1]), np.array([[0, 1]]), np.array([0.3]), 4000, seed=1)
    assert set(np.unique(counts)) == {1, 2}
    assert abs((counts == 1).mean() - 0.3) < 0.03


def test_a_person_splits_off_its_least_attached_ad():
    # ads 0, 1, 2 are one person; ad 2 is attached by 0.7 on average, the others more
    person = np.array([0, 0, 0])
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    prob = np.array([0.99, 0.6, 0.8])
    decisions = clustering_decisions(person, pairs, prob)
    assert decisions.splitter.tolist() == [2]
    assert decisions.split == pytest.approx([0.3])
    labels = np.stack(list(sample_partitions(person, pairs, prob, 3000, seed=2)))
    split = labels[:, 2] != labels[:, 0]
    assert abs(split.mean() - 0.3) < 0.03
    assert (labels[:, 0] == labels[:, 1]).all()  # the well-attached ads never part


def test_block_probability_is_the_mean_of_its_scored_pairs():
    person = np.array([0, 0, 1, 2])
    pairs = np.array([[0, 1], [0, 2], [1, 2], [2, 3]])
    prob = np.array([0.95, 0.1, 0.3, 0.05])
    decisions = clustering_decisions(person, pairs, prob)
    assert decisions.blocks.tolist() == [[0, 1], [1, 2]]
    assert decisions.merge == pytest.approx([0.2, 0.05])


def test_certain_links_give_the_reported_partition_every_time():
    person = np.array([0, 0, 1, 1, 2])
    pairs = np.array([[0, 1], [1, 2], [2, 3], [3, 4]])
    prob = np.array([1.0, 0.0, 1.0, 0.0])
    for labels in sample_partitions(person, pairs, prob, 30, seed=3):
        assert labels.tolist() == person.tolist()


def test_the_shift_keeps_the_ranking_and_the_mean_rate_on_average():
    rng = np.random.default_rng(4)
    merge = np.concatenate([rng.beta(0.3, 8.0, 200), [0.0]])
    with np.errstate(divide="ignore"):
        logit = np.log(merge) - np.log1p(-merge)
    shifts = np.array([calibration_shift(logit, rng) for _ in range(2000)])
    shifted = 1.0 / (1.0 + np.exp(-(logit[None, :] + shifts[:, None])))
    # each replicate keeps the blocks' order (a common log-odds shift) and never moves a 0
    assert (np.argsort(shifted[0], kind="stable") == np.argsort(merge, kind="stable")).all()
    assert (shifted[:, -1] == 0.0).all()
    # the drawn rates average the model's own mean, and spread as wide as the blocks do
    rates = shifted.mean(axis=1)
    assert rates.mean() == pytest.approx(merge.mean(), rel=0.1)
    assert rates.std() == pytest.approx(merge.std(), rel=0.15)
    assert calibration_shift(logit[:1], rng) == 0.0  # one block: nothing to draw a spread from


def test_replicates_are_deterministic_for_a_seed():
    rng = np.random.default_rng(0)
    person = rng.integers(0, 60, 200)
    pairs = np.unique(np.sort(rng.integers(0, 200, size=(400, 2)), axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    prob = rng.random(len(pairs))
    a = sample_person_counts(person, pairs, prob, 100, seed=7)
    b = sample_person_counts(person, pairs, prob, 100, seed=7)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, sample_person_counts(person, pairs, prob, 100, seed=8))


def test_interval_holds_the_point_and_the_percentiles():
    assert percentile_interval(np.arange(101), 0.9) == pytest.approx((5.0, 95.0))
    replicates = np.arange(250, 261, dtype=float)
    assert replicate_interval(255.0, replicates, 0.8) == pytest.approx((251.0, 259.0))
    assert replicate_interval(270.0, replicates, 0.8) == pytest.approx((251.0, 270.0))


@pytest.fixture(scope="module")
def result():
    frame = adcount.synth.generate(preset="pas-de-calais-2018", seed=5)
    return adcount.deduplicate(adcount.load_ads(frame), key=b"linkage-interval-test-key")


def test_replicates_of_a_real_set_merge_whole_persons_and_detach_single_ads(result):
    person = result.person
    decisions = clustering_decisions(person, result.pairs, result.probability)
    assert len(decisions.blocks) > 20 and len(decisions.splitter) > 20
    moved = 0
    for labels in sample_partitions(person, result.pairs, result.probability, 40, seed=1):
        assert labels.shape == person.shape and labels.min() == 0
        assert np.array_equal(np.unique(labels), np.arange(labels.max() + 1))
        # apart from detached ads, every reported person lands whole in one replicate person
        detached = np.zeros(person.size, bool)
        detached[decisions.splitter] = True
        kept = ~detached
        per_person = np.zeros(result.n_persons, np.int64) - 1
        per_person[person[kept]] = labels[kept]
        assert (per_person[person[kept]] == labels[kept]).all()
        # a detached ad is alone
        sizes = np.bincount(labels)
        alone = detached & (labels != per_person[person])
        assert (sizes[labels[alone]] == 1).all()
        moved += int(labels.max() + 1 != result.n_persons)
    assert moved > 0


def test_linkage_estimate_on_a_real_set(result):
    est = result.estimate(level=0.95)
    assert est.method == "linkage-monte-carlo" and est.point == result.n_persons
    assert est.low < est.point <= est.high <= result.n_ads
    assert est.high - est.low < 0.4 * est.point
    assert est.low <= est.details["replicate_median"] <= est.high
    again = result.estimate(level=0.95)
    assert (again.low, again.high) == (est.low, est.high)

"""Components, ad confidence and the linkage Monte Carlo on small graphs with known answers."""

import numpy as np

from adcount.estimate.linkage import percentile_interval, sample_person_counts
from adcount.link.cluster import ad_confidence, components, person_labels


def test_components_are_numbered_by_first_member():
    labels = components(6, np.array([[4, 5], [1, 3]]))
    assert labels.tolist() == [0, 1, 2, 1, 3, 3]


def test_threshold_splits_weak_links():
    pairs = np.array([[0, 1], [1, 2], [3, 4]])
    labels = person_labels(5, pairs, np.array([0.9, 0.2, 0.6]), 0.5)
    assert labels.tolist() == [0, 0, 1, 2, 2]


def test_confidence_inside_and_alone():
    pairs = np.array([[0, 1], [1, 2]])
    prob = np.array([0.9, 0.3])
    persons = person_labels(3, pairs, prob, 0.5)
    conf = ad_confidence(3, pairs, prob, persons)
    assert np.allclose(conf, [0.9, 0.9, 0.7])


def test_monte_carlo_counts_match_the_exact_distribution():
    # two ads linked with probability 0.3: one person with p=0.3, two with p=0.7
    counts = sample_person_counts(2, np.array([[0, 1]]), np.array([0.3]), 4000, seed=1)
    assert set(np.unique(counts)) == {1, 2}
    assert abs((counts == 1).mean() - 0.3) < 0.03
    # certain links never vary
    fixed = sample_person_counts(4, np.array([[0, 1], [2, 3]]), np.array([1.0, 1.0]), 50, seed=1)
    assert (fixed == 2).all()
    assert np.allclose(percentile_interval(np.arange(101), 0.9), (5.0, 95.0))


def test_monte_carlo_is_deterministic_for_a_seed():
    rng = np.random.default_rng(0)
    pairs = np.unique(np.sort(rng.integers(0, 200, size=(400, 2)), axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    prob = rng.random(len(pairs))
    a = sample_person_counts(200, pairs, prob, 100, seed=7)
    b = sample_person_counts(200, pairs, prob, 100, seed=7)
    assert np.array_equal(a, b)

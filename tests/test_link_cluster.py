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


def _clique(members):
    return [(i, j) for k, i in enumerate(members) for j in members[k + 1:]]


def test_chaining_guard_splits_a_planted_chain():
    from adcount.link.chaining import complete_pairs, split_chains

    first, second = list(range(5)), list(range(5, 10))
    scored = np.array(_clique(first) + _clique(second) + [(4, 5)])
    prob = np.r_[np.full(20, 0.97), 0.8]
    # one strong bridge chains the two persons into one component
    assert len(set(person_labels(10, scored, prob, 0.5).tolist())) == 1
    extra = complete_pairs(person_labels(10, scored, prob, 0.5), scored)
    assert len(extra) == 45 - len(scored)  # every other pair of the component gets scored
    pairs = np.concatenate([scored, extra])
    prob = np.r_[prob, np.full(len(extra), 0.05)]  # the ads on either side never look alike
    labels = split_chains(10, pairs, prob, 0.5)
    assert labels.tolist() == [0] * 5 + [1] * 5


def test_chaining_guard_keeps_a_person_with_one_odd_ad():
    from adcount.link.chaining import split_chains

    pairs = np.array(_clique(list(range(6))))
    prob = np.full(len(pairs), 0.95)
    prob[(pairs[:, 0] == 0) & (pairs[:, 1] > 2)] = 0.3  # ad 0 uses an alias in three ads' eyes
    assert split_chains(6, pairs, prob, 0.5).tolist() == [0] * 6


def test_hub_components_need_stronger_links():
    from adcount.link.chaining import split_chains

    pairs = np.array([[0, 1], [1, 2], [2, 3], [0, 3]])
    prob = np.array([0.99, 0.7, 0.99, 0.2])
    assert split_chains(4, pairs, prob, 0.5, max_size=2).tolist() == [0, 0, 1, 1]


def test_person_confidence_is_the_mean_inside_link():
    from adcount.link.cluster import person_confidence

    pairs = np.array([[0, 1], [0, 2], [1, 2], [2, 3]])
    prob = np.array([0.9, 0.6, 0.9, 0.2])
    persons = np.array([0, 0, 0, 1])
    ad_conf = ad_confidence(4, pairs, prob, persons)
    assert np.allclose(person_confidence(pairs, prob, persons, ad_conf), [0.8, 0.8])


def test_network_edges_template_only_within_a_campaign():
    import pandas as pd

    from adcount.link.cluster import network_edges

    pairs = np.array([[0, 1], [2, 3], [4, 5], [6, 7]])
    features = pd.DataFrame({
        "shared_phones": [1, -1, 0, -1], "shared_emails": [-1, -1, -1, -1], "shared_handles": [-1, -1, -1, -1],
        "same_template": [0, 1, 1, 1], "days_apart": [90.0, 3.0, 120.0, np.nan],
    })
    edges = network_edges(pairs, features, np.zeros(4, bool))
    # organiser phone; one template a few days apart; undated template; not a copy months later
    assert edges.tolist() == [[0, 1], [2, 3], [6, 7]]

"""Components, ad confidence and chaining splits on small graphs with known answers."""

import numpy as np

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


def test_resplit_cut_is_the_threshold_read_through_calibration():
    from adcount.link.chaining import resplit_cut

    assert abs(resplit_cut(0.5) - 0.40) < 0.005  # pairs scored ~0.40 are one person half the time
    cuts = [resplit_cut(t) for t in (0.2, 0.5, 0.8, 0.95)]
    assert all(c < t for c, t in zip(cuts, (0.2, 0.5, 0.8, 0.95)))  # always below the threshold
    assert cuts == sorted(cuts)  # a more cautious threshold keeps a more cautious cut
    assert resplit_cut(1.0) == 1.0


def test_an_alias_part_stays_with_its_person_two_persons_do_not():
    from adcount.link.chaining import split_chains

    # ads 0-3 under her name, 4-5 under an alias; one bridging pair is strong (same personal
    # phone), the other cross pairs only share the organiser's phone and template
    pairs = np.array(_clique(list(range(6))))
    across = (pairs[:, 0] < 4) & (pairs[:, 1] >= 4)
    bridge = (pairs[:, 0] == 3) & (pairs[:, 1] == 4)
    for cross, persons in ((0.35, [0] * 6), (0.2, [0] * 4 + [1] * 2)):
        prob = np.where(across, cross, 0.97)
        prob[bridge] = 0.9
        # cross average (0.9 + 7 x cross) / 8: 0.42 stays one person (above the 0.40 cut, below
        # the 0.5 threshold), 0.29 is two persons
        assert split_chains(6, pairs, prob, 0.5).tolist() == persons

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

"""Shared-key candidate pairs against a brute-force reference."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from adcount.pairs import key_pairs, unique_pairs


def brute_force(rows, keys):
    out = set()
    for (r1, k1), (r2, k2) in itertools.combinations(zip(rows, keys), 2):
        if k1 == k2 and r1 != r2:
            out.add((min(r1, r2), max(r1, r2)))
    return sorted(out)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), min_size=0, max_size=80))
def test_key_pairs_match_brute_force(incidence):
    rows = np.array([r for r, _ in incidence], dtype=np.int64)
    keys = np.array([k for _, k in incidence], dtype=np.int64)
    got = key_pairs(rows, keys, max_group=10_000)
    assert [tuple(p) for p in got.tolist()] == brute_force(rows.tolist(), keys.tolist())


def test_hub_keys_are_chained_not_squared():
    rows = np.arange(1000)
    keys = np.zeros(1000, dtype=np.int64)
    pairs = key_pairs(rows, keys, max_group=50)
    assert len(pairs) == 999  # connected, linear
    assert np.array_equal(pairs, np.stack([rows[:-1], rows[1:]], axis=1))


def test_unique_pairs_orders_and_dedups():
    got = unique_pairs(np.array([[3, 1], [1, 3], [2, 2], [0, 5]]))
    assert got.tolist() == [[0, 5], [1, 3]]

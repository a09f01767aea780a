"""Stable ids: an id follows its oldest ad, the oldest id survives a merge, every change is logged."""

from __future__ import annotations

import numpy as np
import pandas as pd

from adcount.index.stable_ids import carry_ids, changes, mint_ids


def _run(old, label, born):
    old = np.array(old, dtype=object)
    label = np.array(label)
    rows = np.arange(len(old))
    carried = carry_ids(old, label, rows, pd.Series(born, dtype=np.int64))
    label_id = carried.label_id.copy()
    minted = pd.isna(label_id)
    label_id[minted] = [f"NEW{k}" for k in range(int(minted.sum()))]
    events, moves = changes(old, label, label_id, minted, carried.aliases, rows)
    return label_id[label], carried.aliases, events, moves


def test_extension_keeps_the_id_and_logs_the_new_ads():
    ids, aliases, events, moves = _run(["Pa", "Pa", None, None], [0, 0, 0, 1], {"Pa": 0})
    assert ids.tolist() == ["Pa", "Pa", "Pa", "NEW0"]
    assert aliases.empty and moves.empty
    assert set(map(tuple, events[["kind", "id", "n_ads"]].to_numpy().tolist())) == {("extended", "Pa", 1),
                                                                                     ("created", "NEW0", 1)}


def test_merge_keeps_the_oldest_id_and_records_the_other_as_alias():
    # Pb was minted first (born 0) though its ads are younger rows: the oldest id survives
    ids, aliases, events, moves = _run(["Pa", "Pa", "Pb", None], [0, 0, 0, 0], {"Pa": 5, "Pb": 0})
    assert set(ids) == {"Pb"}
    assert aliases.to_dict("records") == [{"id": "Pa", "alias_of": "Pb"}]
    merged = events[events["kind"] == "merged"]
    assert merged[["id", "other", "n_ads"]].to_numpy().tolist() == [["Pb", "Pa", 2]]
    assert moves[["row", "old_id", "new_id"]].to_numpy().tolist() == [[0, "Pa", "Pb"], [1, "Pa", "Pb"]]


def test_split_gives_the_id_to_the_part_holding_the_oldest_ad():
    ids, aliases, events, moves = _run(["Pa", "Pa", "Pa", "Pa"], [1, 0, 1, 0], {"Pa": 0})
    assert ids.tolist() == ["Pa", "NEW0", "Pa", "NEW0"]  # row 0 is the oldest ad
    assert aliases.empty
    assert events[["kind", "id", "other", "n_ads"]].to_numpy().tolist() == [["split", "NEW0", "Pa", 2]]
    assert moves["row"].tolist() == [1, 3]


def test_part_moving_to_another_person_is_a_split_into_it():
    ids, _, events, moves = _run(["Pa", "Pa", "Pb", "Pb"], [0, 1, 1, 1], {"Pa": 0, "Pb": 1})
    assert ids.tolist() == ["Pa", "Pb", "Pb", "Pb"]
    assert events[["kind", "id", "other", "n_ads"]].to_numpy().tolist() == [["split", "Pb", "Pa", 1]]
    assert moves[["row", "old_id", "new_id"]].to_numpy().tolist() == [[1, "Pa", "Pb"]]


def test_every_changed_ad_is_in_the_moves():
    rng = np.random.default_rng(3)
    old = rng.choice(np.array(["P1", "P2", "P3", None], dtype=object), 200)
    label = rng.integers(0, 12, 200)
    ids, aliases, events, moves = _run(old, label, {"P1": 2, "P2": 0, "P3": 1})
    changed = np.flatnonzero(pd.notna(old) & (old != ids))
    assert moves["row"].tolist() == changed.tolist()
    explained = events[events["kind"].isin(["merged", "split"])]["n_ads"].sum()
    assert explained == len(changed)


def test_minted_ids_are_the_hash_of_the_smallest_ad_id():
    from adcount.ids import group_ids

    label = np.array([0, 1, 1, 2])
    ad_id = np.array(["b7", "a2", "z9", "c1"], dtype=object)
    minted = mint_ids("P", label, ad_id, np.array([2, 1]))
    expected = group_ids("P", np.array([0, 1]), np.array(["c1", "a2"], dtype=object))
    assert minted.tolist() == expected.tolist()
    assert all(m.startswith("P") and len(m) == 13 for m in minted)

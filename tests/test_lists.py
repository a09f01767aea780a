"""From persons to capture histories: list designs and aggregation."""

import numpy as np
import pandas as pd
import pytest

from adcount.estimate.lists import histories_from_labels, list_membership


def test_histories_aggregate_persons_by_pattern():
    person = np.array([0, 0, 1, 2, 2, 3])
    lists = np.array([0, 1, 1, 0, 1, -1])  # person 3's only ad is on no list
    frame = histories_from_labels(person, lists, ["A", "B"])
    as_dict = {(r.A, r.B): r.count for r in frame.itertuples()}
    assert as_dict == {(0, 1): 1, (1, 1): 2}


def test_site_groups_balance_and_cover_every_site():
    sites = pd.Series(["s1"] * 50 + ["s2"] * 30 + ["s3"] * 20 + ["s4"] * 10 + ["s5"] * 5 + [""] * 3)
    codes, names = list_membership(sites, pd.Series(pd.NaT, index=sites.index), "site-group", 3)
    assert len(names) == 3 and (codes[:-3] >= 0).all() and (codes[-3:] == -1).all()
    loads = np.bincount(codes[codes >= 0])
    assert loads.max() - loads.min() <= 20
    same_site_same_group = pd.Series(codes[:-3]).groupby(sites[:-3].to_numpy()).nunique()
    assert (same_site_same_group == 1).all()


def test_site_lists_refuse_too_many_sites():
    sites = pd.Series([f"s{i}" for i in range(10)])
    with pytest.raises(ValueError, match="too many lists"):
        list_membership(sites, pd.Series(pd.NaT, index=sites.index), "site", 6)


def test_week_windows_split_the_period():
    dates = pd.Series(pd.date_range("2018-09-01", "2018-12-20", periods=120))
    codes, names = list_membership(pd.Series([""] * 120), dates, "week", 4)
    assert len(names) == 4 and codes.min() == 0 and codes.max() == 3
    assert np.all(np.diff(codes) >= 0)
    with pytest.raises(ValueError, match="unknown lists"):
        list_membership(pd.Series([""]), dates[:1], "month", 4)

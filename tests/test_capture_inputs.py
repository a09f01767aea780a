"""capture_recapture input handling: table shapes accepted, and clear errors on bad input."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import adcount
from adcount.estimate.histories import parse_frequencies, parse_histories
from cases.capture import data_dir


@pytest.fixture(scope="module")
def seber() -> pd.DataFrame:
    return pd.read_csv(data_dir() / "seber1982_p107_2lists.csv")


def test_aggregated_and_per_person_tables_give_the_same_estimate(seber):
    per_person = seber.loc[seber.index.repeat(seber["count"]), ["s1", "s2"]].reset_index(drop=True)
    assert len(per_person) == 1202
    a = adcount.capture_recapture(seber, method="chapman")
    b = adcount.capture_recapture(per_person, method="chapman")
    assert a.point == b.point and a.low == b.low and a.high == b.high


def test_repeated_histories_are_summed_and_row_order_is_irrelevant(seber):
    split = pd.concat([seber.assign(count=seber["count"] - 100), seber.assign(count=100)])
    shuffled = split.sample(frac=1.0, random_state=3)
    assert adcount.capture_recapture(shuffled, method="chapman").point == pytest.approx(2382.80, abs=0.01)


def test_histories_hold_every_observable_cell():
    data = parse_histories(pd.read_csv(data_dir() / "korea_palembang_3lists.csv"))
    assert data.lists == ("b", "c", "d")
    assert data.counts.tolist() == [5, 5, 54, 41, 6, 0, 12]  # codes 1..7, bit j = list j
    assert data.n_observed == 123
    assert data.margin(0b011) == 66 and data.margin(0b110) == 12
    assert data.capture_frequencies().tolist() == [51, 60, 12]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pd.DataFrame({"A": [1, 2], "B": [0, 1], "count": [3, 4]}), "only 0 or 1"),
        (pd.DataFrame({"A": [1, 0], "B": [0, 1], "count": [3, -4]}), "negative counts"),
        (pd.DataFrame({"A": [1, 0], "B": [0, 1], "count": [3, 1.5]}), "whole numbers"),
        (pd.DataFrame({"A": [1, 0], "B": [0, 0], "count": [3, 2]}), "appear on no list"),
        (pd.DataFrame({"A": [1, None], "B": [0, 1], "count": [3, 2]}), "missing values"),
        (pd.DataFrame({"count": [3, 2]}), "no list columns"),
        (pd.DataFrame({"A": [1, 0], "B": [0, 1], "count": [0, 0]}), "no observed person"),
    ],
)
def test_bad_histories_are_refused_with_a_reason(table, message):
    with pytest.raises(ValueError, match=message):
        adcount.capture_recapture(table, method="chapman")


def test_loglinear_needs_two_lists():
    with pytest.raises(ValueError, match="at least 2 lists"):
        adcount.capture_recapture(pd.DataFrame({"A": [1], "count": [10]}))


def test_two_list_methods_refuse_other_list_counts():
    kosovo = pd.read_csv(data_dir() / "kosovo_1999_4lists.csv")
    with pytest.raises(ValueError, match="exactly 2 lists"):
        adcount.capture_recapture(kosovo, method="chapman")


def test_unknown_options_are_named():
    korea = pd.read_csv(data_dir() / "korea_palembang_3lists.csv")
    with pytest.raises(ValueError, match="unknown method"):
        adcount.capture_recapture(korea, method="petersen-magic")
    with pytest.raises(ValueError, match="criterion"):
        adcount.capture_recapture(korea, criterion="dic", interval="none")
    with pytest.raises(ValueError, match="interval"):
        adcount.capture_recapture(korea, interval="jackknife")
    with pytest.raises(ValueError, match="list 4"):
        adcount.capture_recapture(korea, model="[14]")


def test_frequency_tables_are_read_and_checked():
    freq = parse_frequencies(pd.read_csv(data_dir() / "netherlands_illegal_immigrants_1995_freq.csv"))
    assert freq.tolist() == [1645, 183, 37, 13, 1, 1]
    with pytest.raises(ValueError, match="whole numbers >= 1"):
        parse_frequencies(pd.DataFrame({"times_captured": [0, 1], "n": [4, 5]}))
    with pytest.raises(ValueError, match="non-negative"):
        parse_frequencies(pd.DataFrame({"times_captured": [1, 2], "n": [4, -5]}))
    with pytest.raises(ValueError, match="capture histories"):
        adcount.capture_recapture(pd.DataFrame({"times_captured": [1, 2], "n": [4, 5]}), method="chapman")


def test_estimates_are_json_ready_and_round_trip():
    korea = pd.read_csv(data_dir() / "korea_palembang_3lists.csv")
    estimate = adcount.capture_recapture(korea, n_boot=100, seed=5)
    text = estimate.to_json()
    back = adcount.Estimate.from_dict(json.loads(text))
    assert back.point == pytest.approx(estimate.point) and back.high == pytest.approx(estimate.high)
    assert back.details["model"] == "[12,23]"
    assert back.details["ranked_models"][0]["model"] == "[12,23]"


def test_bootstrap_is_deterministic_for_a_seed_and_varies_with_it():
    korea = pd.read_csv(data_dir() / "korea_palembang_3lists.csv")
    a = adcount.capture_recapture(korea, n_boot=200, seed=1)
    b = adcount.capture_recapture(korea, n_boot=200, seed=1)
    c = adcount.capture_recapture(korea, n_boot=200, seed=2)
    assert (a.low, a.high) == (b.low, b.high)
    assert (a.low, a.high) != (c.low, c.high)
    assert np.isfinite([a.low, a.high]).all() and a.low < a.point < a.high

"""Behaviour of the capture–recapture estimators on real tables (beyond the published rows)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import adcount
from adcount.estimate.existence import has_interior_point
from adcount.estimate.histories import parse_histories
from adcount.estimate.loglinear import ModelSpace, all_terms, design_matrix, hierarchical_models, parse_model
from cases.capture import data_dir


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir() / name)


def test_korea_model_without_mle_is_refused_not_fitted():
    # [12,13,23] on Korea: cell 011 is empty, the 2:3 term runs to -inf and a naive GLM
    # reports ~1.5e10 persons. adcount refuses the model ...
    korea = read("korea_palembang_3lists.csv")
    with pytest.raises(ValueError, match="does not exist"):
        adcount.capture_recapture(korea, model="[12,13,23]")
    # ... and the search ranks it last, with no estimate.
    estimate = adcount.capture_recapture(korea, interval="none", table_rows=10)
    ranked = {row["model"]: row for row in estimate.details["ranked_models"]}
    assert ranked["[12,13,23]"]["mle_exists"] is False
    assert math.isnan(ranked["[12,13,23]"]["population"])
    assert all(row["population"] < 1000 for row in ranked.values() if row["mle_exists"])


def test_linear_program_detects_zero_cells_that_make_a_term_unbounded():
    korea = parse_histories(read("korea_palembang_3lists.csv"))
    y = korea.counts.astype(float)
    saturated = design_matrix(3, np.array(parse_model("[12,13,23]", korea.lists)))
    two_terms = design_matrix(3, np.array(parse_model("[12,23]", korea.lists)))
    assert not has_interior_point(saturated, y)
    assert has_interior_point(two_terms, y)


def test_artificial_table_separates_existence_from_identifiability():
    # Chan, Silverman & Vincent (2021): [12,13,23] is not identifiable on this table
    # (lists 1-3 and 2-3 never overlap), [12] has no MLE, [13,23] is fine under the
    # extended MLE (the empty overlaps are fixed at -inf).
    table = read("artificial3_identifiability.csv")
    data = parse_histories(table)
    space = ModelSpace(3, all_terms(3, 2))
    masks = space.masks_for([parse_model(m, data.lists) for m in ("[12,13,23]", "[12,3]", "[13,23]", "main")])
    assert space.evaluate(data.counts, masks).exists.tolist() == [False, False, True, True]


def test_hierarchical_model_counts_match_the_catalogue():
    assert len(hierarchical_models(3, all_terms(3, 2))) == 8
    assert len(hierarchical_models(4, all_terms(4, 3))) == 113  # "113 models" (SCV2024, Kosovo)
    assert len(hierarchical_models(5, all_terms(5, 2))) == 1024
    assert len(hierarchical_models(6, all_terms(6, 2))) == 32768


def test_model_notation_round_trips():
    lists = ("LA", "NG", "PFNCA", "GO")
    from_string = parse_model("[12,13,4]", lists)
    from_names = parse_model([("LA", "NG"), ("LA", "PFNCA")], lists)
    from_indices = parse_model([(0, 1), (0, 2)], lists)
    assert from_string == from_names == from_indices == [0b0011, 0b0101]
    assert parse_model("[123]", lists) == [0b011, 0b101, 0b110, 0b111]  # closed downwards


def test_ranked_table_shows_model_dependence():
    kosovo = read("kosovo_1999_4lists.csv")
    estimate = adcount.capture_recapture(kosovo, max_order=3, interval="none", table_rows=5)
    table = estimate.details["ranked_models"]
    assert [row["model"] for row in table][:1] == ["[123,14,34]"]
    assert table[0]["delta"] == 0 and all(b["bic"] >= a["bic"] for a, b in zip(table, table[1:]))
    assert estimate.details["n_models_compared"] == 113
    spread = [row["population"] for row in table]
    assert max(spread) / min(spread) > 1.2  # the answer depends on the model: users must see it


def test_search_kinds_agree_where_they_should():
    uk5 = read("uk2013_5lists_PFNCA.csv")
    exhaustive = adcount.capture_recapture(uk5, max_order=2, interval="none")
    downhill = adcount.capture_recapture(uk5, max_order=2, search="downhill", interval="none")
    fixed = adcount.capture_recapture(uk5, model=exhaustive.details["model"], interval="none")
    assert fixed.point == pytest.approx(exhaustive.point, rel=1e-9)
    # downhill is a local search: it stops at a different, worse-BIC model on this table
    assert downhill.details["model"] == "[12,13,25,35,45]"
    assert downhill.details["ranked_models"][0]["bic"] > exhaustive.details["ranked_models"][0]["bic"]


def test_aic_selects_larger_models_than_bic():
    kosovo = read("kosovo_1999_4lists.csv")
    bic = adcount.capture_recapture(kosovo, max_order=3, interval="none")
    aic = adcount.capture_recapture(kosovo, max_order=3, criterion="aic", interval="none")
    assert aic.details["ranked_models"][0]["n_params"] >= bic.details["ranked_models"][0]["n_params"]


def test_profile_interval_contains_the_point_and_widens_with_level():
    uk4 = read("uk2013_4lists_PFNCA_noGP.csv")
    narrow = adcount.capture_recapture(uk4, model="[12,13,4]", level=0.8)
    wide = adcount.capture_recapture(uk4, model="[12,13,4]", level=0.99)
    assert wide.low < narrow.low < narrow.point < narrow.high < wide.high
    assert narrow.details["interval"] == "profile"


def test_percentile_and_bca_bootstrap_bracket_the_point():
    kosovo = read("kosovo_1999_4lists.csv")
    bca = adcount.capture_recapture(kosovo, max_order=2, n_boot=300)
    pct = adcount.capture_recapture(kosovo, max_order=2, n_boot=300, interval="bootstrap-percentile")
    for estimate in (bca, pct):
        assert estimate.low < estimate.point < estimate.high
    assert bca.details["acceleration"] == pytest.approx(bca.details["acceleration"])  # finite
    assert math.isfinite(bca.details["acceleration"]) and math.isnan(pct.details["acceleration"])


def test_kosovo_census_is_covered_only_when_three_way_terms_are_allowed():
    # The Kosovo Memory Book later counted 10,401 killings (published.csv).
    kosovo = read("kosovo_1999_4lists.csv")
    order3 = adcount.capture_recapture(kosovo, max_order=3, n_top=113, n_boot=300)
    order2 = adcount.capture_recapture(kosovo, max_order=2, n_boot=300)
    assert order3.covers(10401)
    assert not order2.covers(10401)


def test_frequency_methods_from_histories_use_lists_per_person():
    hare = read("hare_6occasions.csv")
    chao = adcount.capture_recapture(hare, method="chao")
    assert chao.details["frequencies"][1] == 25 and chao.details["frequencies"][2] == 22
    corrected = adcount.capture_recapture(hare, method="chao-bc")
    assert corrected.point == pytest.approx(68 + 25 * 24 / (2 * 23))
    assert corrected.point < chao.point


def test_zero_truncated_negative_binomial_refuses_an_unbounded_fit():
    with pytest.raises(ValueError, match="does not exist"):
        adcount.capture_recapture(read("netherlands_illegal_immigrants_1995_freq.csv"), method="ztnegbin")


def test_zero_truncated_models_order_on_overdispersed_counts():
    # Breeding-bird species counts are overdispersed: the negative binomial allows for
    # more unseen species than the Poisson, and Chao's bound lies above the Poisson too.
    birds = read("bbs2001_species_freq_t50.csv")
    ztp = adcount.capture_recapture(birds, method="ztpoisson")
    ztnb = adcount.capture_recapture(birds, method="ztnegbin")
    chao = adcount.capture_recapture(birds, method="chao")
    assert 71 <= ztp.point < chao.point
    assert ztp.point < ztnb.point
    assert ztnb.low >= 71


def test_lincoln_petersen_is_infinite_without_overlap():
    table = pd.DataFrame({"A": [1, 0], "B": [0, 1], "count": [10, 12]})
    assert math.isinf(adcount.capture_recapture(table, method="lincoln-petersen").point)
    chapman = adcount.capture_recapture(table, method="chapman")
    assert chapman.point == pytest.approx(11 * 13 / 1 - 1)


@pytest.mark.parametrize(("name", "max_order", "sparse"), [
    ("new_orleans_8lists_sparsemse2019_n185.csv", 2, "extended"),
    ("uk2013_5lists_PFNCA.csv", 3, "refuse"),
    ("korea_palembang_3lists.csv", 2, "extended"),
])
def test_fitted_witness_agrees_with_the_linear_program(name, max_order, sparse):
    # The fast existence test (a Newton step from the fit) must never accept a model the
    # linear program rejects, on real sparse tables and their bootstrap replicates.
    from adcount.estimate.bootstrap import resample
    from adcount.estimate.loglinear import fit_poisson

    data = parse_histories(read(name))
    space = ModelSpace(data.n_lists, all_terms(data.n_lists, max_order), sparse)
    rng = np.random.default_rng(7)
    masks = rng.random((80, space.terms.size)) < 0.2  # any term sets: the hierarchy is irrelevant here
    tables = resample(data.counts, 80, seed=3).astype(float)
    columns, cells, _ = space.systems(tables, masks)
    fits = fit_poisson(tables, space.design, columns, cells)
    identifiable = space.checker.identifiable(columns, cells)
    exact = np.array([identifiable[s] and has_interior_point(space.design[cells[s]][:, columns[s]], tables[s][cells[s]])
                      for s in range(len(masks))])
    witnessed = fits.witnessed & identifiable
    assert not np.any(witnessed & ~exact)
    assert witnessed.sum() >= 0.9 * exact.sum()


@pytest.mark.parametrize(("name", "search"), [
    ("uk2013_5lists_PFNCA.csv", "downhill"),
    ("western_us_5lists.csv", "stepwise"),
    ("kosovo_1999_4lists.csv", "exhaustive"),
])
def test_searches_give_the_same_answer_alone_or_in_a_batch(name, search):
    # The bootstrap runs every search on all replicates in lockstep; each replicate must
    # get exactly the model and estimate it would get on its own.
    from adcount.estimate.bootstrap import resample
    from adcount.estimate.multilist import build_procedure

    data = parse_histories(read(name))
    procedure = build_procedure(data, criterion="bic", max_order=3, model=None, search=search, p_threshold=0.02,
                                margins="all", sparse="extended", covariates=None)
    tables = resample(data.counts, 12, seed=11).astype(float)
    batch = procedure.run(tables)
    for table, mask, population in zip(tables, batch.masks, batch.population):
        alone = procedure.run(table)
        assert np.array_equal(alone.masks[0], mask)
        assert alone.population[0] == pytest.approx(population, rel=1e-9)


def test_list_order_does_not_change_the_estimate():
    kosovo = read("kosovo_1999_4lists.csv")
    shuffled = kosovo[["HRW", "OSCE", "EXH", "ABA", "count"]]
    a = adcount.capture_recapture(kosovo, max_order=3, interval="none")
    b = adcount.capture_recapture(shuffled, max_order=3, interval="none")
    assert b.point == pytest.approx(a.point, rel=1e-9)

    def generators(estimate: adcount.Estimate) -> list[str]:
        text = estimate.details["model_terms"].strip("[]")
        return sorted(":".join(sorted(term.split(":"))) for term in text.split(","))

    assert generators(a) == generators(b) == ["ABA:EXH:OSCE", "EXH:HRW", "HRW:OSCE"]


def test_every_frequency_method_the_docs_name_runs_through_capture_recapture():
    """One registry: the heterogeneity estimators (bracket, ichao, chao-f2f3) run through
    `adcount.capture_recapture` as the result's estimate runs them."""
    from adcount.estimate.heterogeneity import bracket, ichao

    frequencies = pd.DataFrame({"times_captured": [1, 2, 3, 4, 5], "count": [120, 40, 18, 9, 4]})
    freq = np.array([120, 40, 18, 9, 4], dtype=float)
    for name, direct in (("bracket", bracket), ("ichao", ichao)):
        via_entry_point = adcount.capture_recapture(frequencies, method=name)
        assert via_entry_point == direct(freq, 0.95)
        assert via_entry_point.point > 191  # persons seen: more are estimated
    with pytest.raises(ValueError, match="unknown method"):
        adcount.capture_recapture(frequencies.rename(columns={"times_captured": "site_a"}), method="brackets")

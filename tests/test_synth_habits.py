"""The posting habits of the north-america-en preset: English ads, North American numbers,
birthdays and age lies, agencies, phone changes, missing profile fields, two languages."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import phonenumbers
import pytest

from adcount import synth
from adcount.synth.worlds import WORLDS


@pytest.fixture(scope="module")
def na(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("na")
    df = synth.generate("north-america-en", seed=0, out_dir=out)
    read = {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False)
            for name in ("contacts", "truth_ads", "truth_persons")}
    return {"ads": df, **read}


def test_truth_files_agree_with_the_frame(na: dict[str, pd.DataFrame]) -> None:
    df, ads_truth, persons = na["ads"], na["truth_ads"], na["truth_persons"]
    assert ads_truth.columns.tolist() == ["ad_id", *synth.truth.AD_TRUTH_COLUMNS]
    assert ads_truth["ad_id"].tolist() == df["ad_id"].tolist()
    assert ads_truth["true_language"].tolist() == df["true_language"].tolist()
    truth = df.attrs["truth"]
    assert len(persons) == truth["n_persons_total"] and persons["true_person_id"].is_unique
    assert persons["n_ads"].sum() == len(df)
    assert (persons["n_ads"] > 0).sum() == truth["n_persons_observed"]
    merged = df.merge(persons, on="true_person_id", suffixes=("", "_p"))
    assert (merged["true_network_id"] == merged["true_network_id_p"]).all()
    assert (merged["true_origin"] == merged["origin"]).all()
    assert (merged["true_kind"] == merged["kind"]).all()
    assert set(df["true_kind"]) == {"independent", "network", "partner", "decoy", "agency"}
    assert truth["parameters"]["agency_share"] == synth.PRESETS["north-america-en"].agency_share


def test_ads_read_like_north_american_english_ads(na: dict[str, pd.DataFrame]) -> None:
    df = na["ads"]
    assert (df["true_language"] == "en").mean() >= 0.85
    text = df["text"].str.lower()
    for phrase in ("hey gentlemen", "incall", "outcall", "roses", "donation", "100% real",
                   "new in town", "text only", "no rush", "upscale", "services"):
        assert text.str.contains(phrase, regex=False).sum() >= 100, phrase
    for age_format in (r"\b\d\d ?y/?o\b", r"\bage \d\d\b", r"\b\d\d years old\b", r"\b\d\dyrs\b"):
        assert df["text"].str.contains(age_format).sum() >= 100, age_format
    titles = df["title"]
    assert (titles == titles.str.upper()).mean() >= 0.2  # ALL CAPS titles
    assert titles.str.contains("[\U0001F300-\U0001FAFF]").mean() >= 0.2  # emoji
    assert set(df["city"]) <= set(WORLDS["north-america"].cities)
    assert {"NY", "CA", "TX", "ON", "QC", "BC"} <= set(df["region"])
    assert df["url"].str.match(r"https://www\.[a-z0-9.-]+/ad/\d{7}$").all()


# contact style -> what the number looks like in the ad's text
NANP_SHAPES = {
    "dashes": r"\b\d{3}-\d{3}-\d{4}\b", "parentheses": r"\(\d{3}\) \d{3}-\d{4}\b",
    "dots": r"\b\d{3}\.\d{3}\.\d{4}\b", "spaces": r"\b\d{3} \d{3} \d{4}\b",
    "plain": r"(?<!\d)\d{10}(?!\d)", "+1 dashes": r"\+1 \d{3}-\d{3}-\d{4}\b",
    "1-dashes": r"(?<![\d+])1-\d{3}-\d{3}-\d{4}\b", "+1 plain": r"\+1\d{10}\b",
    "mixed-words": r"\w{3,}-\w{3,}-\w{4,}",
    "spelled": r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine)"
               r"(?: (?:zero|one|two|three|four|five|six|seven|eight|nine)){9}\b",
    "letter-o": r"[\dOl]{3}-[\dOl]{3}-[\dOl]{4}", "keycap": "\u20e3",
    "split-lines": r"\b\d{3}\n\d{3}\n\d{4}\b",
}


def test_numbers_are_written_the_north_american_ways(na: dict[str, pd.DataFrame]) -> None:
    df, key = na["ads"], na["contacts"]
    styles = key.loc[key["phone_in_text"], "phone_text_style"]
    assert set(NANP_SHAPES) | {"spelled-oh", "spaced-digits", "stars"} <= set(styles)
    english = (df["true_language"] == "en").to_numpy()
    for style, shape in NANP_SHAPES.items():
        texts = df.loc[(key["phone_text_style"] == style).to_numpy() & english, "text"]
        assert texts.str.contains(shape).mean() == 1.0, style
    oh = df.loc[(key["phone_text_style"] == "spelled-oh").to_numpy(), "text"]
    assert oh.str.contains(r"\boh\b").sum() >= 10  # "oh" for zero
    mixed = df.loc[(key["phone_text_style"] == "mixed-words").to_numpy(), "text"]
    assert mixed.str.contains(r"\d(?:one|two|three|four|five|six|seven|eight|nine|zero)\d").sum() >= 10
    # the plain forms are read by a standard matcher for the US, even without "+1"
    plain = key["phone_text_style"].isin(["dashes", "parentheses", "dots", "spaces", "plain",
                                          "+1 dashes", "1-dashes"]).to_numpy()
    found = [row.phone in {phonenumbers.format_number(m.number, 0)
                           for m in phonenumbers.PhoneNumberMatcher(text, "US")}
             for text, row in zip(df.loc[plain, "text"], key[plain].itertuples())]
    assert np.mean(found) >= 0.99
    fields = [f for fs in df["phones"] for f in fs]
    assert {re.sub(r"\d", "D", f) for f in fields} >= {"(DDD) DDD-DDDD", "DDD-DDD-DDDD"}


def test_numbers_are_valid_and_local(na: dict[str, pd.DataFrame]) -> None:
    key, persons = na["contacts"], na["truth_persons"]
    shown = key.loc[key["phone"] != "", "phone"].unique()
    parsed = [phonenumbers.parse(x) for x in shown]
    assert all(phonenumbers.is_valid_number(x) for x in parsed)
    regions = pd.Series([phonenumbers.region_code_for_number(x) for x in parsed])
    assert regions.isin(["US", "CA"]).mean() >= 0.9 and regions.nunique() >= 3
    world = WORLDS["north-america"]
    local = persons[(persons["own_phone"] != "") & (persons["origin"] == persons["home_country"])]
    area = local["own_phone"].str[2:5]
    expected = local["home_city"].map(world.area_codes)
    assert all(a in codes for a, codes in zip(area, expected))


def _stated(na: dict[str, pd.DataFrame]) -> pd.DataFrame:
    df = na["ads"]
    ads = df[df["true_age_claimed"].notna()].merge(na["truth_persons"], on="true_person_id")
    ads["claim"] = ads["true_age_claimed"].astype(int)
    return ads


def test_true_ages_grow_at_birthdays(na: dict[str, pd.DataFrame]) -> None:
    ads = na["ads"].merge(na["truth_persons"], on="true_person_id")
    birth = pd.to_datetime(ads["birth_date"])
    years = (ads["posted_at"] - birth).dt.days / 365.25
    assert ((ads["true_age"] - years).between(-1.01, 0.01)).all()
    span = ads.groupby("true_person_id")["true_age"].agg(lambda a: a.max() - a.min())
    assert (span == 1).sum() >= 100  # persons with a birthday between their ads


def test_claims_follow_each_persons_habit(na: dict[str, pd.DataFrame]) -> None:
    ads = _stated(na)
    plain = ~ads["claims_round_age"] & ~ads["claims_differ_by_site"]
    updates = plain & ads["claims_follow_birthdays"]
    # an updating person claims her true age less what she shaves, give or take a slip of a year
    slip = ads.loc[updates, "claim"] - (ads.loc[updates, "true_age"] - ads.loc[updates, "years_shaved"])
    assert slip.abs().le(1).all() and slip.eq(0).mean() >= 0.75
    # the others re-post the age of their first ads, whatever their birthdays
    stale = plain & ~ads["claims_follow_birthdays"] & ~ads["minor"]
    slip = ads.loc[stale, "claim"] - ads.loc[stale, "first_claimed_age"]
    assert slip.abs().le(1).all()
    per_person = ads[updates].groupby("true_person_id").agg(
        true_span=("true_age", lambda a: a.max() - a.min()), claims=("claim", "nunique"))
    aged = per_person[per_person["true_span"] >= 1]
    assert len(aged) >= 30 and (aged["claims"] >= 2).mean() >= 0.9  # 22, then 23
    shaved = ads[plain & (ads["years_shaved"] > 0)]
    assert (shaved["true_age"] - shaved["claim"]).mean() >= 1.5
    minors = ads[ads["minor"]]
    assert minors["true_person_id"].nunique() >= 5 and (minors["claim"] >= 18).all()
    assert (minors.groupby("true_person_id")["true_age"].min() < 18).mean() >= 0.7
    rounded = ads["claims_round_age"] & ~ads["claims_differ_by_site"]
    round_claim = ads["claim"].mod(5).isin([0, 1, 4]) | ads["claim"].le(19)  # 25, 24, 26
    assert round_claim[rounded].mean() >= 0.95 and round_claim[plain].mean() <= 0.8
    by_site = ads[ads["claims_differ_by_site"]].groupby("true_person_id").agg(
        sites=("site", "nunique"), claims=("claim", "nunique"))
    assert (by_site.loc[by_site["sites"] >= 2, "claims"] >= 2).mean() >= 0.5
    cases = na["ads"].attrs["truth"]["habit_cases"]
    assert cases["persons_whose_claimed_age_changes"] >= 300
    assert cases["minors_advertised_as_adults"] >= 5


def test_agency_numbers_serve_several_persons_over_time(na: dict[str, pd.DataFrame]) -> None:
    df, key = na["ads"], na["contacts"]
    agency = df[(df["true_phone_role"] == "agency").to_numpy()].assign(
        phone=key.loc[(df["true_phone_role"] == "agency").to_numpy(), "phone"].to_numpy())
    assert agency.groupby("phone")["true_network_id"].nunique().max() == 1
    persons_per_phone = agency.groupby("phone")["true_person_id"].nunique()
    assert (persons_per_phone >= 3).sum() >= 10
    spans = agency.groupby(["phone", "true_person_id"])["posted_at"].agg(["min", "max"])
    concurrent = succession = 0
    for _, group in spans.groupby(level="phone"):
        starts, ends = group["min"].to_numpy(), group["max"].to_numpy()
        overlap = (starts[:, None] <= ends[None, :]) & (starts[None, :] <= ends[:, None])
        np.fill_diagonal(overlap, True)
        concurrent += bool((~np.eye(len(group), dtype=bool) & overlap).any())
        succession += bool((~overlap).any())
    assert concurrent >= 10 and succession >= 10
    cases = df.attrs["truth"]["habit_cases"]
    assert cases["agency_numbers_shared_by_concurrent_persons"] == concurrent
    # one template: the persons of an agency share most of their body sentences
    words = agency.groupby("true_person_id").agg(
        agency=("true_network_id", "first"),
        words=("text", lambda t: set(" ".join(t).lower().split())))
    same, other = [], []
    rows = list(words.itertuples())
    for a in range(len(rows)):
        for b in range(a + 1, min(a + 40, len(rows))):
            jaccard = len(rows[a].words & rows[b].words) / len(rows[a].words | rows[b].words)
            (same if rows[a].agency == rows[b].agency else other).append(jaccard)
    assert np.mean(same) >= np.mean(other) + 0.2


def test_phone_changes_overlap_a_little_or_not_at_all(na: dict[str, pd.DataFrame]) -> None:
    df, key, persons = na["ads"], na["contacts"], na["truth_persons"]
    ads = df.assign(phone=key["phone"].to_numpy()).merge(persons, on="true_person_id")
    ads = ads[(ads["phone_change_date"] != "") & (ads["phone"] != "")]
    days = (ads["posted_at"] - pd.to_datetime(ads["phone_change_date"])).dt.days
    old = ads["phone"] == ads["own_phone"]
    new = ads["phone"] == ads["second_phone"]
    assert not (old & (days > 31)).any() and not (new & (days < -31)).any()
    assert (old & (days > 0)).sum() >= 5  # the old number still shows just after the change
    assert (new & (days < 0)).sum() >= 5  # the new one shows just before
    assert (old & (days < -31)).sum() >= 50 and (new & (days > 31)).sum() >= 50


def test_profile_fields_are_mostly_missing(na: dict[str, pd.DataFrame]) -> None:
    df = na["ads"]
    assert df["gender"].isna().mean() >= 0.5
    assert df["age"].isna().mean() >= 0.5 and df["nationality"].isna().mean() >= 0.5
    assert df["gender"].notna().sum() >= 200
    missing = df[df["gender"].isna()]
    # the text still says who advertises
    gendered = r"\b(?:girl|lady|woman|TS|t-girl|trans|male|guy|gentleman|femme|homme|mec)\b"
    assert missing["text"].str.contains(gendered, case=False).mean() >= 0.5


def test_two_languages_in_one_set_and_one_person(na: dict[str, pd.DataFrame]) -> None:
    df = na["ads"]
    french = df[df["true_language"] == "fr"]
    assert len(french) >= 100
    canada = {"ON", "QC", "BC", "AB", "MB", "NS"}
    assert french["region"].isin(canada).mean() >= 0.7  # Quebec, and bilingual Canadians
    assert french["region"].eq("QC").mean() >= 0.4
    assert french["text"].str.contains(" ans").mean() >= 0.9
    assert df.attrs["truth"]["habit_cases"]["persons_writing_two_languages"] >= 10
    assert df.groupby("true_person_id")["true_language"].nunique().max() == 2


def test_new_presets_are_deterministic(tmp_path: Path) -> None:
    from test_synth_files import written_files

    for name in ("north-america-en", "europe-mixed", "heldout-3"):
        a = synth.generate(name, seed=4, n_ads=1500, out_dir=tmp_path / name / "a")
        b = synth.generate(name, seed=4, n_ads=1500, out_dir=tmp_path / name / "b")
        pd.testing.assert_frame_equal(a, b)
        assert written_files(tmp_path / name / "a") == written_files(tmp_path / name / "b")
        assert not a["text"].equals(synth.generate(name, seed=5, n_ads=1500)["text"])

"""europe-mixed (countries, their number formats, languages, touring across borders), held-out
presets drawn from wide ranges, and the validation of preset fields."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import phonenumbers
import pytest

from adcount import synth
from adcount.synth.worlds import WORLDS


@pytest.fixture(scope="module")
def europe(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = tmp_path_factory.mktemp("eu")
    df = synth.generate("europe-mixed", seed=0, out_dir=out)
    df["country"] = df["city"].map(WORLDS["europe"].city_country)
    key = pd.read_csv(out / "contacts.csv", keep_default_na=False)
    key["region"] = [phonenumbers.region_code_for_number(phonenumbers.parse(x)) if x else ""
                     for x in key["phone"]]
    return df, key


# a number in its country's own national format, as ads of that country print it
NATIONAL_SHAPES = {
    "GB": r"\b07\d{3} \d{6}\b", "DE": r"\b01\d{2} \d{8}\b", "BE": r"\b04\d{2} \d{2} \d{2} \d{2}\b",
    "CH": r"\b07\d \d{3} \d{2} \d{2}\b", "NL": r"\b06-\d{8}\b", "ES": r"\b6\d{2} \d{2} \d{2} \d{2}\b",
    "IT": r"\b3\d{2} \d{3} \d{4}\b", "FR": r"\b0[67](?: \d{2}){4}\b",
}


def test_countries_write_their_own_number_formats(europe: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    df, key = europe
    assert df["country"].value_counts().ge(100).sum() == 8
    for country, shape in NATIONAL_SHAPES.items():
        own = (key["region"] == country).to_numpy() & key["phone_in_text"].to_numpy()
        assert df.loc[own, "text"].str.contains(shape).sum() >= 15, country
    shown = key[key["phone"] != ""]
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(x)) for x in shown["phone"].unique())
    assert set(NATIONAL_SHAPES) <= set(shown["region"])
    # a standard matcher reads the national forms with the number's own region
    national = key["phone_text_style"].isin(["national", "pairs", "triples", "spaced", "dash"])
    found = [row.phone in {phonenumbers.format_number(m.number, 0)
                           for m in phonenumbers.PhoneNumberMatcher(text, row.region)}
             for text, row in zip(df.loc[national.to_numpy(), "text"], key[national].itertuples())]
    assert len(found) >= 500 and np.mean(found) >= 0.99


def test_persons_tour_across_borders_with_their_home_number(
        europe: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    df, key = europe
    countries_per_person = df.groupby("true_person_id")["country"].nunique()
    assert (countries_per_person >= 2).sum() >= 100
    abroad = (key["region"] != "").to_numpy() & (key["region"].to_numpy() != df["country"].to_numpy())
    assert abroad.mean() >= 0.2  # a Romanian number in Paris, a British one in Madrid
    assert key.loc[abroad, "region"].isin(["RO", "BG", "HU", "GB", "FR", "ES"]).sum() >= 100


# country -> (its language written by local persons, how an ad of that language states an age)
LOCAL_LANGUAGES = {"FR": ("fr", r"\d{2} ans\b"), "DE": ("de", r"\d{2} (?:Jahre|J\.)"),
                   "ES": ("es", r"\d{2} años\b"), "IT": ("it", r"\d{2} anni\b"),
                   "GB": ("en", r"\d{2}")}


def test_each_country_writes_its_language_and_english(
        europe: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    df, _ = europe
    for country, (language, age) in LOCAL_LANGUAGES.items():
        here = df[df["country"] == country]
        assert (here["true_language"] == language).mean() >= 0.3, country
        written = df[df["true_language"] == language]
        assert written["text"].str.contains(age).mean() >= 0.9, language
    assert (df.loc[df["country"] != "GB", "true_language"] == "en").mean() >= 0.3
    english = df[df["true_language"] == "en"]
    assert english["text"].str.contains(r"\b(?:incall|outcall|gentlemen|text)\b", case=False).mean() >= 0.5
    assert df.attrs["truth"]["habit_cases"]["persons_writing_two_languages"] >= 10


def test_random_presets_draw_every_habit_from_wide_ranges() -> None:
    presets = [synth.random_preset(k) for k in range(30)]
    assert synth.random_preset(7) == presets[7]
    assert {p.geography for p in presets} == {"north-america", "europe", "france"}
    assert all(p.habits_on for p in presets)
    for name, (low, high) in {"agency_share": (0.0, 0.25), "age_update_share": (0.0, 1.0),
                              "phone_overlap_days": (0.0, 60.0),
                              "english_share_foreign": (0.0, 0.8)}.items():
        values = np.array([getattr(p, name) for p in presets])
        assert values.min() >= low and values.max() <= high
        assert values.max() - values.min() >= 0.6 * (high - low), name  # wide, not one value
    months = [(np.datetime64(p.end) - np.datetime64(p.start)).astype(int) / 30 for p in presets]
    assert min(months) <= 8 and max(months) >= 18
    df = synth.generate("heldout-5", seed=0, n_ads=800)
    assert len(df) == 800 and df.attrs["truth"]["preset"] == "heldout-5"
    assert df.attrs["truth"]["parameters"] == dataclasses.asdict(synth.random_preset(5))


def test_bad_presets_are_refused() -> None:
    base = synth.PRESETS["north-america-en"]
    with pytest.raises(ValueError, match="shares and rates"):
        dataclasses.replace(base, agency_share=1.5)
    with pytest.raises(ValueError, match="phone_formats='local'"):
        dataclasses.replace(base, phone_formats="french")
    with pytest.raises(ValueError, match="unknown geography"):
        dataclasses.replace(base, geography="mars")
    with pytest.raises(ValueError, match="agency_size"):
        dataclasses.replace(base, agency_size=(5, 2))
    with pytest.raises(ValueError, match="held-out"):
        synth.random_preset(-1)
    with pytest.raises(ValueError, match="unknown preset"):
        synth.generate("heldout-x")


def test_habits_can_be_switched_on_one_at_a_time() -> None:
    """A French set with agencies only, then with birthdays only: each habit shows alone."""
    base = dataclasses.replace(synth.PRESETS["text-scale"], n_ads=3000)
    plain = synth.generate(base, seed=1)
    agencies = synth.generate(dataclasses.replace(base, agency_share=0.15), seed=1)
    assert (agencies["true_phone_role"] == "agency").sum() >= 100
    assert (plain["true_phone_role"] == "agency").sum() == 0
    assert set(agencies["true_language"]) == {"fr"}
    birthdays = synth.generate(dataclasses.replace(base, age_update_share=1.0,
                                                   active_days_mean=200.0), seed=1)
    changes = birthdays.groupby("true_person_id")["true_age_claimed"].nunique()
    assert birthdays.attrs["truth"]["habit_cases"]["persons_with_a_birthday_between_ads"] >= 50
    assert (changes >= 2).sum() > (plain.groupby("true_person_id")["true_age_claimed"]
                                   .nunique() >= 2).sum()


@pytest.mark.parametrize("preset", ["north-america-en", "europe-mixed", "heldout-1", "heldout-2"])
@pytest.mark.parametrize("n_ads", [1, 7, 150])
def test_small_sets_of_new_presets_keep_an_exact_truth(preset: str, n_ads: int,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    out = tmp_path_factory.mktemp("small")
    df = synth.generate(preset, seed=2, n_ads=n_ads, out_dir=out)
    persons = pd.read_csv(out / "truth_persons.csv", keep_default_na=False)
    assert len(df) == n_ads == persons["n_ads"].sum()
    assert df["true_person_id"].isin(persons["true_person_id"]).all()
    assert df["text"].str.len().gt(50).all()

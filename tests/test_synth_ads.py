"""Synthetic ad sets: sizes, truth, contacts and edits of the text-level generator."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import phonenumbers
import pytest

from adcount import synth
from adcount.synth import lexicon
from adcount.synth.population import simulate_persons
from test_synth_files import CANONICAL



@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    return synth.generate("pas-de-calais-2018", seed=0)


@pytest.fixture(scope="module")
def scale() -> pd.DataFrame:
    return synth.generate("text-scale", seed=1, n_ads=20_000)


def test_columns_and_types(demo: pd.DataFrame) -> None:
    assert list(demo.columns) == CANONICAL + ["true_person_id", "true_network_id",
                                              *synth.truth.AD_TRUTH_COLUMNS]
    assert demo["ad_id"].is_unique
    assert pd.api.types.is_datetime64_dtype(demo["posted_at"]) and demo["posted_at"].dt.tz is None
    assert all(isinstance(v, list) for col in ("phones", "emails", "images") for v in demo[col])
    assert demo["images"].map(len).sum() == 0  # photos are rendered only with out_dir
    assert demo["age"].dropna().between(18, 60).all() and demo["age"].isna().any()
    assert set(demo["gender"]) == {"female", "trans", "male"}
    assert demo["price"].isna().any() and demo["price"].dropna().gt(0).all()
    assert demo["url"].str.match(r"https://www\.[a-z0-9.-]+/annonce/\d{7}$").all()


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_demo_sizes_near_the_diagnostic(seed: int) -> None:
    truth = synth.generate("pas-de-calais-2018", seed=seed).attrs["truth"]
    assert truth["n_ads"] == 699
    assert 240 <= truth["n_persons_observed"] <= 300
    unseen = 1 - truth["n_persons_observed"] / truth["n_persons_total"]
    assert 0.10 <= unseen <= 0.25
    assert truth["n_networks"] < truth["n_persons_observed"]
    assert len(truth["sites"]) == 39


def test_truth_is_consistent(demo: pd.DataFrame) -> None:
    truth = demo.attrs["truth"]
    assert demo["true_person_id"].notna().all()
    assert demo["true_person_id"].nunique() == truth["n_persons_observed"]
    assert demo["true_network_id"].nunique() == truth["n_networks"]
    # persons nest in networks: one network per person
    assert demo.groupby("true_person_id")["true_network_id"].nunique().max() == 1
    # a person without organiser is her own network; organised networks hold several persons
    own = demo[demo["true_network_id"].str.startswith("p")]
    assert (own["true_network_id"] == own["true_person_id"]).all()
    sizes = demo.groupby("true_network_id")["true_person_id"].nunique()
    assert sizes.max() >= 3
    assert truth["hard_cases"]["persons_in_shared_template_networks"] == sizes[sizes > 1].sum()
    assert all(count >= 3 for count in truth["hard_cases"].values())


def test_dates_places_and_sites(demo: pd.DataFrame) -> None:
    assert demo["posted_at"].min() >= pd.Timestamp("2018-09-01")
    assert demo["posted_at"].max() < pd.Timestamp("2019-01-01")
    assert demo["posted_at"].is_monotonic_increasing
    assert set(demo["city"]) <= set(lexicon.PAS_DE_CALAIS)
    assert (demo["region"] == "Pas-de-Calais").all()
    assert demo["site"].nunique() >= 25
    cities_per_person = demo.groupby("true_person_id")["city"].nunique()
    assert (cities_per_person >= 3).sum() >= 5  # sex tours


def test_ads_per_person_heavy_tailed(demo: pd.DataFrame) -> None:
    per_person = demo.groupby("true_person_id").size()
    assert per_person.le(2).mean() >= 0.5
    assert per_person.max() >= 10


def test_claimed_attributes_follow_the_diagnostic(scale: pd.DataFrame) -> None:
    persons = scale.groupby("true_person_id").agg(
        gender=("gender", "first"), nationality=("nationality", "first"),
        age=("age", "max"))
    assert 0.68 <= (persons["gender"] == "female").mean() <= 0.84
    nat = persons["nationality"].dropna()
    assert 0.33 <= (nat != "French").mean() <= 0.53
    assert 0.28 <= (persons["age"].dropna() <= 25).mean() <= 0.46


def test_every_simulated_number_is_valid() -> None:
    preset = synth.PRESETS["text-scale"]
    persons = simulate_persons(preset, 30_000, np.random.default_rng(5))
    numbers = persons.phones.e164.tolist()
    assert len(set(numbers)) == len(numbers)
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(x)) for x in numbers)
    countries = {phonenumbers.region_code_for_number(phonenumbers.parse(x)) for x in numbers}
    assert {"FR", "RO", "BG", "BR", "CN", "NG"} <= countries


def _numbers(df: pd.DataFrame) -> pd.DataFrame:
    """Phone numbers that a plain extractor finds in fields and texts, with their ad's truth."""
    rows = []
    for fields, text, person, network in zip(df["phones"], df["text"], df["true_person_id"],
                                             df["true_network_id"]):
        found = [phonenumbers.parse(f, "FR") for f in fields]
        found += [m.number for m in phonenumbers.PhoneNumberMatcher(text, "FR")]
        for number in found:
            assert phonenumbers.is_valid_number(number)
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            rows.append((e164, person, network))
    return pd.DataFrame(rows, columns=["phone", "person", "network"])


def test_phones_link_within_networks_only(demo: pd.DataFrame) -> None:
    numbers = _numbers(demo)
    assert len(numbers) > 300
    # a number never crosses networks, but an organiser's number serves several persons
    assert numbers.groupby("phone")["network"].nunique().max() == 1
    assert numbers.groupby("phone")["person"].nunique().max() >= 2
    # some persons show two numbers (changed or alternating)
    assert numbers.groupby("person")["phone"].nunique().max() >= 2
    # some ads show no number at all
    site_only = demo["text"].str.contains("messagerie du site|via le site|message privé")
    assert (site_only & demo["phones"].map(len).eq(0)).sum() >= 5


def test_disguised_contacts_present(scale: pd.DataFrame) -> None:
    text = scale["text"]
    patterns = {
        "words": r"zéro (?:six|sept) ", "lookalike": r"\bO[67] ", "keycap": "\u20e3",
        "intl_paren": r"\+33 \(0\)[67]", "split": r"\d{2} \d{2} \d{2}\n\d{2} \d{2}",
        "dots": r"0[67]\.\d{2}\.\d{2}", "email_at": r"\(at\)", "arobase": " arobase ",
        "cyrillic": "[\u0400-\u04ff]", "greek": "[\u0370-\u03ff]",
    }
    for name, pattern in patterns.items():
        assert text.str.contains(pattern, regex=True).sum() >= 20, name
    emails = [e for es in scale["emails"] for e in es]
    assert emails and all(re.fullmatch(r"[a-z0-9]+@[a-z]+\.[a-z]+", e) for e in emails)


def test_reposts_are_edited_copies(demo: pd.DataFrame) -> None:
    prolific = demo.groupby("true_person_id").filter(lambda g: len(g) >= 4)
    distinct = prolific.groupby("true_person_id")["text"].nunique()
    assert (distinct >= 2).all()  # no person re-posts only verbatim copies
    first_words = prolific.groupby("true_person_id")["text"].agg(
        lambda t: len({frozenset(x.lower().split()) for x in t}))
    assert first_words.max() >= 3


def _word_jaccard(texts: list[str]) -> np.ndarray:
    """Jaccard similarity of the word sets of every pair of texts."""
    from sklearn.feature_extraction.text import CountVectorizer

    words = CountVectorizer(binary=True, lowercase=True, token_pattern=r"\S+").fit_transform(texts)
    inter = (words @ words.T).toarray().astype(float)
    size = np.diag(inter)
    return inter / (size[:, None] + size[None, :] - inter)


def test_templates_and_decoys_make_text_alone_ambiguous(scale: pd.DataFrame) -> None:
    sample = scale.iloc[:3000]
    similarity = np.triu(_word_jaccard(sample["text"].tolist()), k=1)
    persons = sample["true_person_id"].to_numpy()
    networks = sample["true_network_id"].to_numpy()
    i, j = np.nonzero(similarity >= 0.5)
    other_person = persons[i] != persons[j]
    assert (other_person & (networks[i] == networks[j])).sum() >= 5  # one template, several persons
    # decoys: unrelated persons writing the same sentences, far above chance overlaps (< 0.36)
    i, j = np.nonzero(similarity >= 0.4)
    assert (networks[i] != networks[j]).sum() >= 20


def test_text_scale_structure(scale: pd.DataFrame) -> None:
    truth = scale.attrs["truth"]
    assert len(scale) == truth["n_ads"] == 20_000
    assert scale["images"].map(len).sum() == 0
    assert 340 <= scale["text"].str.len().mean() <= 460
    assert 6000 <= truth["n_persons_total"] <= 7000
    assert truth["n_persons_total"] > truth["n_persons_observed"]
    assert scale["region"].nunique() > 30
    double = synth.generate("text-scale", seed=1, n_ads=40_000).attrs["truth"]
    assert double["n_persons_total"] == pytest.approx(2 * truth["n_persons_total"], rel=0.01)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown preset"):
        synth.generate("nord-2019")
    with pytest.raises(ValueError, match="n_ads"):
        synth.generate("text-scale", n_ads=0)
    with pytest.raises(ValueError, match="seed"):
        synth.generate("text-scale", seed=-1, n_ads=10)


def test_presets_are_frozen() -> None:
    preset = synth.PRESETS["pas-de-calais-2018"]
    with pytest.raises(AttributeError):
        preset.n_ads = 5  # type: ignore[misc]


@pytest.mark.parametrize("n_ads", [1, 7, 150])
def test_small_sets_keep_an_exact_truth(n_ads: int) -> None:
    df = synth.generate("text-scale", seed=2, n_ads=n_ads)
    truth = df.attrs["truth"]
    assert len(df) == truth["n_ads"] == n_ads
    assert truth["n_persons_observed"] == df["true_person_id"].nunique() <= truth["n_persons_total"]
    assert df["text"].str.len().gt(100).all()

"""The ground truth of a synthetic set: per ad, per person, and its summary.

- per ad (the frame's ``true_*`` columns and ``truth_ads.csv``): the person and network (as
  always), the true age that day and the age the ad claims (empty when it states none), gender,
  origin (nationality code), the language of the text, the person's situation (independent,
  network, partner, decoy, agency) and whose number the ad shows (her own, her second one, her
  network's, her partner's, her agency's);
- per person, observed or not (``truth_persons.csv``): the above plus birth date, age habits,
  numbers, the day she changed number, her organiser's number and role;
- the summary (``truth.json``): counts, the traps a naive method falls into (``hard_cases``),
  and, for presets with habits, how often each habit shows (``habit_cases``) and its settings.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from .population import (
    GENDERS,
    KIND_AGENCY,
    KIND_DECOY,
    KIND_NAMES,
    KIND_NETWORK,
    KIND_PARTNER,
    Persons,
)
from .postings import Postings
from .presets import Preset
from .worlds import WORLDS

ORGANISER_ROLES = {KIND_NETWORK: "network", KIND_PARTNER: "partner", KIND_AGENCY: "agency"}
AD_TRUTH_COLUMNS = ("true_age", "true_age_claimed", "true_gender", "true_origin",
                    "true_language", "true_kind", "true_phone_role")


def ad_truth(p: Persons, ads: Postings) -> pd.DataFrame:
    """The per-ad truth columns (``AD_TRUTH_COLUMNS``), one row per ad."""
    person = ads.person
    return pd.DataFrame({
        "true_age": ads.true_age,
        "true_age_claimed": pd.arrays.IntegerArray(ads.age.astype(np.int64), ~ads.age_stated),
        "true_gender": np.array(GENDERS, dtype=object)[p.gender[person]],
        "true_origin": p.nationality[person],
        "true_language": ads.language,
        "true_kind": np.array(KIND_NAMES, dtype=object)[p.kind[person]],
        "true_phone_role": _phone_roles(p, ads),
    })


def _organiser_role(kind: np.ndarray) -> np.ndarray:
    roles = np.full(len(KIND_NAMES), "", dtype=object)
    for code, role in ORGANISER_ROLES.items():
        roles[code] = role
    return roles[kind]


def _phone_roles(p: Persons, ads: Postings) -> np.ndarray:
    person = ads.person
    shown = (ads.phone_in_field | ads.phone_in_text) & (ads.phone >= 0)
    role = np.where(ads.phone == p.network_phone[person], _organiser_role(p.kind[person]),
                    np.where(ads.phone == p.second_phone[person], "own-second", "own"))
    return np.where(shown, role, "")


def _day_dates(preset: Preset, day: np.ndarray) -> np.ndarray:
    """ISO dates of days counted from the period's start ("" where not finite)."""
    finite = np.isfinite(day)
    dates = (np.datetime64(preset.start, "D")
             + np.floor(np.where(finite, day, 0)).astype("timedelta64[D]"))
    return np.where(finite, dates.astype(str).astype(object), "")


def person_truth(preset: Preset, p: Persons, n_ads: np.ndarray) -> pd.DataFrame:
    """One row per simulated person, observed or not (``n_ads`` 0)."""
    world = WORLDS[preset.geography]
    cities = np.array(list(world.cities), dtype=object)
    e164 = np.append(p.phones.e164, "").astype(object)  # index -1 -> ""
    a = p.ages
    switches = (p.second_phone >= 0) & np.isfinite(p.change_day)
    return pd.DataFrame({
        "true_person_id": p.person_id,
        "true_network_id": p.network_id[p.network],
        "kind": np.array(KIND_NAMES, dtype=object)[p.kind],
        "gender": np.array(GENDERS, dtype=object)[p.gender],
        "origin": p.nationality,
        "language": p.language,
        "second_language": p.second_language,
        "home_city": cities[p.home_city],
        "home_country": np.array([world.country_of(c) for c in cities], dtype=object)[p.home_city],
        "tourer": p.tourer,
        "n_ads": n_ads,
        "birth_date": _day_dates(preset, a.birth_day),
        "true_age_at_start": np.floor(-a.birth_day / 365.25).astype(np.int64),
        "first_claimed_age": p.age,
        "years_shaved": a.true_minus_claim,
        "minor": a.minor,
        "claims_follow_birthdays": a.updates,
        "claims_round_age": a.rounds,
        "claims_differ_by_site": (a.site_offset != 0).any(axis=1),
        "own_phone": e164[p.own_phone],
        "second_phone": e164[p.second_phone],
        "phone_change_date": np.where(switches, _day_dates(preset, p.change_day), ""),
        "phones_alternate": (p.second_phone >= 0) & ~np.isfinite(p.change_day),
        "organiser_phone": e164[p.network_phone],
        "organiser_role": np.where(p.network_phone >= 0, _organiser_role(p.kind), ""),
    })


def summary(preset: Preset, seed: int, df: pd.DataFrame, p: Persons, sites: list[str],
            image_truth: pd.DataFrame | None,
            person_table: pd.DataFrame | None) -> dict[str, Any]:
    """truth.json: counts, hard cases, and for presets with habits their cases and settings."""
    organised = p.kind == KIND_NETWORK
    per_person = df.groupby("true_person_id").size()
    parameters = dataclasses.asdict(preset)
    if not preset.habits_on:  # the original presets' truth.json, byte for byte
        for name in preset.habit_parameters():
            del parameters[name]
    out = {
        "preset": preset.name,
        "seed": seed,
        "n_ads": int(len(df)),
        "n_persons_observed": int(df["true_person_id"].nunique()),
        "n_persons_total": int(len(p)),
        "n_networks": int(df["true_network_id"].nunique()),
        "n_networks_total": int(len(np.unique(p.network))),
        "n_organised_networks_total": int(len(np.unique(p.network[organised]))),
        "n_persons_in_organised_networks": int(organised.sum()),
        "max_ads_per_person": int(per_person.max()),
        "hard_cases": _hard_cases(df, p, image_truth),
        "n_images": 0 if image_truth is None else len(image_truth),
        "sites": list(sites),
        "parameters": parameters,
    }
    if preset.habits_on:
        out["habit_cases"] = _habit_cases(df, person_table)
    return out


def _hard_cases(df: pd.DataFrame, p: Persons, image_truth: pd.DataFrame | None) -> dict[str, int]:
    """How many observed persons (or photos) fall in each trap a naive method falls into."""
    seen = np.zeros(len(p), dtype=bool)
    seen[pd.Index(p.person_id).get_indexer(df["true_person_id"].unique())] = True
    network_sizes = df.groupby("true_network_id")["true_person_id"].nunique()
    cases = {
        "persons_in_shared_template_networks": int(network_sizes[network_sizes > 1].sum()),
        "persons_posted_by_a_partner": int((seen & (p.kind == KIND_PARTNER)).sum()),
        "persons_with_a_second_number": int((seen & (p.second_phone >= 0)).sum()),
        "decoy_persons_copying_unrelated_text": int((seen & (p.kind == KIND_DECOY)).sum()),
        "touring_persons": int((seen & p.tourer).sum()),
    }
    if image_truth is not None:
        persons_per_photo = image_truth.groupby(["shared", "original"])["true_person_id"].nunique()
        shared = persons_per_photo[persons_per_photo > 1].groupby(level="shared").size()
        cases["stock_photos_shown_by_several_persons"] = int(shared.get("stock", 0))
        cases["network_flat_photos_shown_by_several_persons"] = int(shared.get("network-flat", 0))
    return cases


def _habit_cases(df: pd.DataFrame, person_table: pd.DataFrame) -> dict[str, int]:
    """How many observed persons (ads, numbers) show each habit in this set."""
    by_person = df.groupby("true_person_id")
    true_span = by_person["true_age"].max() - by_person["true_age"].min()
    seen = person_table[person_table["n_ads"] > 0]
    agency = df[df["true_phone_role"] == "agency"]
    return {
        "persons_whose_claimed_age_changes": int((by_person["true_age_claimed"].nunique() > 1)
                                                 .sum()),
        "persons_with_a_birthday_between_ads": int((true_span > 0).sum()),
        "persons_claiming_younger": int((seen["years_shaved"] > 0).sum()),
        "minors_advertised_as_adults": int(seen["minor"].sum()),
        "persons_claiming_another_age_by_site": int(seen["claims_differ_by_site"].sum()),
        "persons_switching_number": int((seen["phone_change_date"] != "").sum()),
        "persons_posted_by_an_agency": int((seen["kind"] == "agency").sum()),
        "agency_numbers_shown": int(agency["true_network_id"].nunique()),
        "agency_numbers_shared_by_concurrent_persons": int(concurrent_networks(agency).sum()),
        "persons_writing_two_languages": int((by_person["true_language"].nunique() > 1).sum()),
        "ads_in_english": int((df["true_language"] == "en").sum()),
        "ads_in_french": int((df["true_language"] == "fr").sum()),
        "ads_without_a_gender_field": int(df["gender"].isna().sum()),
        "ads_stating_no_age": int(df["true_age_claimed"].isna().sum()),
    }


def concurrent_networks(ads: pd.DataFrame) -> pd.Series:
    """Per network of ``ads``: whether two of its persons post during overlapping spans."""
    spans = ads.groupby(["true_network_id", "true_person_id"])["posted_at"].agg(["min", "max"])
    spans = spans.reset_index().sort_values(["true_network_id", "min"])
    latest_before = spans.groupby("true_network_id")["max"].cummax().groupby(
        spans["true_network_id"]).shift()
    overlaps = spans["min"] <= latest_before
    return overlaps.groupby(spans["true_network_id"]).any()

"""Report tables on hand-written ads: profiles from columns and texts, protection flags, weeks,
places, sites and networks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from adcount.claims import read_claims
from adcount.text.normalize import normalize_texts
from adcount.report.flags import flagged_persons, protection_flags
from adcount.report.networks import networks_table
from adcount.report.places import places_table, sites_table, touring
from adcount.report.profiles import person_profiles, profile_shares
from adcount.report.stated import read_gender_values, read_origin_values, stated_by_ads
from adcount.report.timeline import weeks_table

# person 0: a Brazilian trans woman in Lille (text only); person 1: two ads, one claims 16;
# person 2: "toute jeune", 19, "première fois"; person 3: an English ad, from Ukraine, 24;
# person 4: columns only (Femme, French, 30); person 5: "Homme 30 ans" in Lens
ADS = [
    ("a0", 0, "Lille", "site-a", "2018-09-03", "TS Luciana brésilienne", "Trans brésilienne de 26 ans, massage", "", "", None),
    ("a1", 1, "Lille", "site-a", "2018-09-04", "Jade", "Jade 16 ans, nouvelle sur Lille", "", "", None),
    ("a2", 1, "Arras", "site-b", "2018-09-20", "Jade", "Jade 18 ans, je reçois chez moi", "", "", None),
    ("a3", 2, "Arras", "site-b", "2018-09-05", "Toute jeune", "Léa, 19 ans, toute jeune et première fois", "", "", None),
    ("a4", 3, "Lens", "site-a", "2018-09-06", "New in town", "Hi I'm Kira, 24 yo, from Ukraine. I speak English and Russian.", "", "", None),
    ("a5", 4, "Lens", "site-c", "2018-09-25", "Annonce", "Disponible ce soir", "Femme", "French", 30),
    ("a6", 5, "Lens", "site-c", "2018-09-26", "Homme 30 ans", "Homme 30 ans pour dames, massage", "", "", None),
]


@pytest.fixture(scope="module")
def ads() -> tuple[pd.DataFrame, np.ndarray]:
    columns = ["ad_id", "person", "city", "site", "posted_at", "title", "text", "gender", "nationality", "age"]
    frame = pd.DataFrame(ADS, columns=columns)
    frame["age"] = frame["age"].astype("Int64")
    frame["region"] = np.where(frame["city"] == "Lille", "Nord", "Pas-de-Calais")
    frame["posted_at"] = pd.to_datetime(frame["posted_at"])
    return frame, frame["person"].to_numpy()


def _stated(frame: pd.DataFrame):
    claims = read_claims(normalize_texts((frame["title"] + "\n" + frame["text"]).tolist()))
    return stated_by_ads(frame, claims)


def test_column_values_read_with_the_lexicons():
    assert list(read_gender_values(pd.Series(["female", "F", "Homme", "trans", "", "male"]))) == \
        ["woman", "woman", "man", "trans", "", "man"]
    assert list(read_origin_values(pd.Series(["French", "Ukrainian", "Roumanie", "CN", "", "Française"]))) == \
        ["FR", "UA", "RO", "CN", "", "FR"]


def test_profiles_from_columns_and_texts(ads):
    frame, person = ads
    stated = _stated(frame)
    profiles = person_profiles(stated, person, "FR")
    assert profiles.gender[0] == "trans" and profiles.gender[4] == "woman" and profiles.gender[5] == "man"
    assert list(profiles.origin[[0, 3, 4]]) == ["BR", "UA", "FR"]
    assert list(profiles.status[[0, 3, 4]]) == ["foreign", "foreign", "national"]
    assert profiles.age_min[1] == 16  # the lowest claimed age: the one a protection worker must see
    assert list(profiles.age_band[[0, 1, 2, 4]]) == ["26-35", "under 18", "18-19", "26-35"]


def test_shares_have_bases_and_intervals(ads):
    frame, person = ads
    shares = profile_shares(_stated(frame), person, "FR", n_replicates=200, seed=0).set_index(["dimension", "category"])
    status = shares.loc["status"]
    assert status.loc["foreign", "persons"] == 2 and status.loc["national", "persons"] == 1
    assert status.loc["foreign", "base"] == 3  # persons stating a country, not all persons
    young = shares.loc[("young", "25 or under")]
    assert young["persons"] == 3 and young["base"] == 6
    assert young["low"] < young["share"] < young["high"]  # 3 of 6: a wide interval, holding the share
    assert shares.loc[("age", "under 18"), "persons"] == 1


def test_protection_flags_list_every_ad_that_raised_them(ads):
    frame, person = ads
    ids = np.asarray([f"P{k}" for k in range(6)], dtype=object)
    flags = protection_flags(_stated(frame), person, ids, frame)
    assert flagged_persons(flags) == {"claimed_minor": 1, "young_with_youth_wording": 1}
    minor = flags[flags["reason"] == "claimed_minor"]
    assert list(minor["ad_id"]) == ["a1"] and minor["claimed_age"].iloc[0] == 16
    young = flags[flags["reason"] == "young_with_youth_wording"]
    assert list(young["ad_id"]) == ["a3"] and "toute jeune" in young["youth_words"].iloc[0]
    # "new in town" at 24 is no flag: youth wording counts only under 20
    assert "P3" not in set(flags["person_id"])


def test_weeks_places_sites(ads):
    frame, person = ads
    weeks = weeks_table(frame["posted_at"], person)
    assert list(weeks["week"].dt.strftime("%Y-%m-%d")) == ["2018-09-03", "2018-09-10", "2018-09-17", "2018-09-24"]
    assert list(weeks["ads"]) == [4, 0, 1, 2] and list(weeks["new_persons"]) == [4, 0, 0, 2]
    places = places_table(frame["city"], frame["region"], person).set_index("place")
    assert places.loc["Lens", "persons"] == 3 and places.loc["Lille", "region"] == "Nord"
    assert places.loc["Lille", "persons_only_here"] == 1  # Jade is in Arras too
    assert touring(frame["city"], person) == (1, 6)
    sites = sites_table(frame["site"], person)
    assert sites["site"].iloc[0] == "site-a" and sites["ads"].sum() == len(frame)


def test_networks_count_ties_between_persons(ads):
    frame, person = ads
    network = np.asarray([0, 1, 2, 3, 4, 4])[person]  # persons 4 and 5 share a phone
    pairs = np.asarray([[5, 6], [1, 2]])
    features = pd.DataFrame({"shared_phones": [1, 1], "shared_emails": [0, 0], "shared_handles": [0, 0],
                             "same_template": [1, 0], "image_distance": [np.inf, np.inf],
                             "image_spread": [0, 0], "image_claims": [0, 0]})
    table = networks_table(pairs, features, person, network, np.asarray(["N0", "N1", "N2", "N3", "N4"], dtype=object),
                           frame, np.asarray(["BR", "", "", "UA", "FR", ""], dtype=object))
    assert len(table) == 1  # networks of one person are no network
    row = table.iloc[0]
    assert (row["network_id"], row["persons"], row["ads"], row["phone"], row["template"], row["photo"]) == \
        ("N4", 2, 2, 1, 1, 0)
    assert row["origins"] == "FR 1" and row["sites"] == "site-c" and row["span_days"] == 1


def test_every_report_language_has_every_key_and_its_number_format():
    from adcount.report.strings import I18N_DIR, Strings, report_languages

    import json
    keys = {lang: set(json.loads((I18N_DIR / f"{lang}.json").read_text(encoding="utf-8"))) for lang in report_languages()}
    assert set(keys) >= {"fr", "en"} and all(k == keys["en"] for k in keys.values())
    assert Strings("fr").num(1234.5, 1) == "1 234,5" and Strings("fr").pct(0.456) == "46 %"
    assert Strings("en").num(1234.5, 1) == "1,234.5" and Strings("en").pct(0.456) == "46%"


def test_headline_is_the_linkage_count_and_week_lists_are_warned():
    from adcount.estimate.result import Estimate
    from adcount.report.headline import rank_estimates

    linkage = Estimate(261, 244, 270, 0.95, "linkage-monte-carlo", {})
    weeks = Estimate(1363, 1100, 1700, 0.95, "combined", {"lists": "week"})
    ads = Estimate(320, 290, 380, 0.95, "combined", {"lists": "ads"})
    main, others = rank_estimates([weeks, linkage, ads], np.asarray([1, 1, 3, 2, 1, 5]))
    assert main.estimate is linkage
    assert [(r.design, r.warning) for r in others] == [("week", "warn_biased"), ("ads", "")]
    _, others = rank_estimates([linkage, weeks], np.asarray([2, 3, 4, 2]))  # nobody posts once
    assert others[0].warning == ""

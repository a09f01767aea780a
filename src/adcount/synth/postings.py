"""When, where and with which contact each simulated person posts her ads.

Ads per person come from one multinomial draw over person activities, so the ad count is exact
and persons with low activity may post nothing (they stay in the truth, seen on no site). Dates
fall in each person's active window; touring persons change city every week along their route;
sites are drawn from a few per person (per network), with Zipf popularity. Sites differ in
whether they print a contact field, so many ads carry the number only in their text, disguised.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .contacts import EMAIL_STYLE_WEIGHTS, FIELD_STYLES, FRENCH_STYLE_WEIGHTS
from .population import KIND_PARTNER, ROUTE_STOPS, Persons
from .presets import Preset


AGE_DRIFT = np.array([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])  # a year off in one ad in six


@dataclass
class Postings:
    """Per-ad arrays, sorted by posting time."""

    person: np.ndarray
    posted_at: np.ndarray  # datetime64[m]
    site: np.ndarray
    city: np.ndarray
    phone: np.ndarray  # phone-book index shown by the ad, -1 when none
    phone_in_field: np.ndarray
    phone_in_text: np.ndarray
    field_style: np.ndarray
    text_style: np.ndarray
    email_in_field: np.ndarray
    email_in_text: np.ndarray
    email_style: np.ndarray
    age: np.ndarray  # age the ad claims (in its text, and in the site's field when shown)
    age_drift: np.ndarray  # the ad's own slip of a year now and then (-1, 0, +1)
    age_shown: np.ndarray  # site field filled
    nationality_shown: np.ndarray
    price_shown: np.ndarray
    use_alias: np.ndarray
    # set by ``posting_habits``
    gender_shown: np.ndarray | None = None  # site field filled
    language: np.ndarray | None = None  # language code of the ad's text
    true_age: np.ndarray | None = None  # the person's true age on the day of the ad
    age_stated: np.ndarray | None = None  # the ad states its claim (text or field), by compose

    def __len__(self) -> int:
        return len(self.person)


def site_traits(n_sites: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Per site: share of ads with a phone field, and how the field prints numbers."""
    field_rate = rng.choice(np.array([0.9, 0.6, 0.2]), n_sites)
    field_style = rng.choice(np.array(FIELD_STYLES), n_sites)
    return field_rate, field_style


def simulate_postings(preset: Preset, persons: Persons, n_ads: int,
                      rng: np.random.Generator) -> Postings:
    p = persons
    counts = rng.multinomial(n_ads, p.activity / p.activity.sum())
    person = np.repeat(np.arange(len(p)), counts)
    n = len(person)
    u = rng.random((8, n))  # independent uniforms, one row per decision

    day = p.first_day[person] + u[0] * p.span_days[person]
    minute = np.floor(day).astype(np.int64) * 1440 + 480 + (u[1] * 900).astype(np.int64)
    order = np.lexsort((u[2], minute))
    person, day, minute, u = person[order], day[order], minute[order], u[:, order]
    posted_at = np.datetime64(preset.start, "m") + minute.astype("timedelta64[m]")

    site = p.sites[person, rng.integers(0, p.n_sites[person])]
    stop = ((day - p.first_day[person]) // 7).astype(np.int64) % ROUTE_STOPS
    away = rng.integers(1, ROUTE_STOPS, n)
    city = np.where(p.tourer[person], p.route[person, stop],
                    np.where(u[3] < 0.9, p.home_city[person], p.route[person, away]))

    second = p.second_phone[person]
    alternate = np.isinf(p.change_day[person])
    use_second = (second >= 0) & np.where(alternate, u[4] < 0.5, day >= p.change_day[person])
    personal = np.where(use_second, second, p.own_phone[person])
    organised = p.network_phone[person]
    keep_own = np.where(p.kind[person] == KIND_PARTNER, 0.2, 0.15)
    use_network = (organised >= 0) & ((personal < 0) | (u[5] >= keep_own))
    phone = np.where(use_network, organised, personal)

    field_rate, site_field_style = site_traits(preset.n_sites, np.random.default_rng(
        [preset.n_sites, 62]))  # sites are the same in every seed
    shown = (u[6] >= preset.no_phone_share) & (phone >= 0)
    in_field = shown & (u[7] < field_rate[site])
    in_text = shown & (~in_field | (rng.random(n) < 0.6))
    restyle = rng.random(n) < 0.3
    w = FRENCH_STYLE_WEIGHTS / FRENCH_STYLE_WEIGHTS.sum()
    text_style = np.where(restyle, rng.choice(len(w), n, p=w), p.phone_style[person])

    has_email = p.email[person] >= 0
    ew = EMAIL_STYLE_WEIGHTS / EMAIL_STYLE_WEIGHTS.sum()
    drift = rng.choice(AGE_DRIFT, n)
    return Postings(
        person=person, posted_at=posted_at, site=site, city=city, phone=phone,
        phone_in_field=in_field, phone_in_text=in_text, field_style=site_field_style[site],
        text_style=text_style, email_in_field=has_email & (rng.random(n) < 0.3),
        email_in_text=has_email & (rng.random(n) < 0.6), email_style=rng.choice(len(ew), n, p=ew),
        age=np.maximum(p.age[person] + drift, 18), age_drift=drift,
        age_shown=rng.random(n) < 0.85,
        nationality_shown=rng.random(n) < 0.65, price_shown=rng.random(n) < 0.6,
        use_alias=(p.alias[person] != "") & (rng.random(n) < 0.25),
    )

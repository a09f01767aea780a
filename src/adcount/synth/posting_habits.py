"""Ad-level habits, applied to the postings after ``simulate_postings`` (own random stream).

- the language of each ad (a bilingual person writes some ads in her second language);
- the age each ad claims, and the person's true age that day (``ages``);
- a phone switch that is not clean: around the day a person moves to her new number, her ads
  show either number for a while;
- sites without profile fields: their ads carry age, gender and nationality only in the text.

With every habit off, the postings are left as ``simulate_postings`` made them.
"""

from __future__ import annotations

import numpy as np

from . import phone_formats
from .ages import claimed_ages, true_ages
from .contacts import FRENCH_STYLE_WEIGHTS
from .population import Persons
from .postings import Postings
from .presets import Preset

RESTYLE_RATE = 0.3  # ads writing the number another way than their person usually does
PROFILE_FIELD_SITES_STREAM = 64  # fixed per set of sites, like ``postings.site_traits`` (62)


def apply_posting_habits(preset: Preset, p: Persons, ads: Postings,
                         rng: np.random.Generator) -> None:
    """Set each ad's language, claimed and true age, number and profile fields, in place."""
    n = len(ads)
    person = ads.person
    day = (ads.posted_at - np.datetime64(preset.start, "m")).astype(np.int64) / 1440.0
    u = rng.random((3, n))

    second = p.second_language[person]
    ads.language = np.where((second != "") & (u[0] < preset.second_language_rate), second,
                            p.language[person])

    slot = np.argmax(p.sites[person] == ads.site[:, None], axis=1)  # which of her sites
    ads.age = claimed_ages(p.ages, p, person, day, slot, ads.age_drift)
    ads.true_age = true_ages(p.ages, person, day)

    overlap = rng.random(len(p)) * preset.phone_overlap_days
    own, new = p.own_phone[person], p.second_phone[person]
    switching = (new >= 0) & np.isfinite(p.change_day[person]) \
        & (np.abs(day - p.change_day[person]) < overlap[person] / 2)
    personal = (ads.phone == own) | (ads.phone == new)
    ads.phone = np.where(switching & personal, np.where(u[1] < 0.5, own, new), ads.phone)

    if preset.phone_formats == "local":
        _local_styles(p, ads, rng)

    has_fields = np.random.default_rng([preset.n_sites, PROFILE_FIELD_SITES_STREAM]).random(
        preset.n_sites) < preset.profile_field_site_share
    ads.gender_shown = has_fields[ads.site]
    ads.age_shown = ads.age_shown & ads.gender_shown
    ads.nationality_shown = ads.nationality_shown & ads.gender_shown


def _local_styles(p: Persons, ads: Postings, rng: np.random.Generator) -> None:
    """How each ad writes its number in local formats: mostly its person's favourite way
    for that country, sometimes another; contact fields print the site's way."""
    n = len(ads)
    country = p.phones.country[np.maximum(ads.phone, 0)]
    taste = rng.random(len(p))
    quantile = np.where(rng.random(n) < RESTYLE_RATE, rng.random(n), taste[ads.person])
    french = country == "FR"
    cumulative = np.cumsum(FRENCH_STYLE_WEIGHTS) / FRENCH_STYLE_WEIGHTS.sum()
    style = np.searchsorted(cumulative, quantile, side="right")
    style[~french] = phone_formats.draw_styles(country[~french], quantile[~french])
    ads.text_style = style
    field = ads.field_style.copy()
    field[~french] = phone_formats.field_styles(country[~french], ads.field_style[~french])
    ads.field_style = field

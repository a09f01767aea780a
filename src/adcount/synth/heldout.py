"""Held-out generator settings: every habit drawn from a wide range, for measuring accuracy on
sets nobody tuned on.

``random_preset(k)`` is deterministic in ``k`` (``generate("heldout-7")`` uses it): a world
(North America, Europe or France), a period of 4 to 24 months, and every structural and habit
parameter drawn uniformly from ranges wider than the named presets', so that a method tuned on
``pas-de-calais-2018`` or ``north-america-en`` meets shares of agencies, birthdays, lies,
languages and formats it has not seen.
"""

from __future__ import annotations

import numpy as np

from .presets import FRENCH_GEOGRAPHIES, HELDOUT_PREFIX, PRESETS, Preset

HELDOUT_STREAM = 4242  # the draws of preset k come from default_rng([k, HELDOUT_STREAM])
HELDOUT_ADS = 4_000
GEOGRAPHIES = ("north-america", "europe", "france")
START = np.datetime64("2020-01-01")


def random_preset(k: int) -> Preset:
    """The k-th held-out preset (``k`` >= 0)."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError(f"held-out presets are numbered 0, 1, ...; got {k!r}")
    rng = np.random.default_rng([int(k), HELDOUT_STREAM])

    def u(low: float, high: float) -> float:
        return float(rng.uniform(low, high))

    def i(low: int, high: int) -> int:
        return int(rng.integers(low, high + 1))

    geography = str(rng.choice(GEOGRAPHIES))
    french = geography in FRENCH_GEOGRAPHIES
    months = i(4, 24)
    body_low = i(2, 4)
    agency_low = i(2, 5)
    base = PRESETS["text-scale"]
    return Preset(
        name=f"{HELDOUT_PREFIX}{k}", n_ads=HELDOUT_ADS, ads_per_person=u(1.5, 3.5),
        activity_floor=u(0.4, 0.7), activity_sigma=u(0.8, 1.5), n_sites=i(5, 40),
        start=str(START), end=str(START + np.timedelta64(months * 30, "D")),
        geography=geography, network_share=u(0.0, 0.3), network_size_max=i(3, 10),
        partner_share=u(0.0, 0.06), decoy_share=u(0.0, 0.15), tourer_share=u(0.0, 0.3),
        phone_change_share=u(0.0, 0.35), foreign_phone_share=u(0.0, 0.5),
        email_share=u(0.0, 0.2), no_phone_share=u(0.0, 0.1),
        foreign_share_independent=u(0.05, 0.5), foreign_share_network=u(0.5, 1.0),
        body_sentences=(body_low, body_low + i(1, 3)), sentence_edit_rate=u(0.0, 0.25),
        synonym_rate=u(0.0, 0.3), reorder_rate=u(0.0, 0.5),
        photos=False, photos_per_person=base.photos_per_person,
        photos_per_ad=base.photos_per_ad, stock_pool=0, stock_user_share=0.0,
        network_flat_share=0.0,
        active_days_mean=u(20.0, 240.0),
        phone_formats=str(rng.choice(["french", "local"])) if french else "local",
        profile_field_site_share=u(0.0, 1.0), english_share_domestic=u(0.0, 0.6),
        english_share_foreign=u(0.0, 0.8), bilingual_share=u(0.0, 0.25),
        second_language_rate=u(0.1, 0.5), age_update_share=u(0.0, 1.0),
        age_shave_share=u(0.0, 0.5), age_shave_max=i(1, 6), age_round_share=u(0.0, 0.2),
        age_site_lie_share=u(0.0, 0.3), minor_share=u(0.0, 0.03),
        phone_alternate_share=u(0.0, 0.4), phone_overlap_days=u(0.0, 60.0),
        agency_share=u(0.0, 0.25), agency_size=(agency_low, agency_low + i(2, 20)),
        agency_tenure_days=u(14.0, 180.0), agency_own_phone_share=u(0.0, 0.3),
        caps_title_rate=u(0.0, 0.5), title_emoji_rate=u(0.0, 0.6),
    )


def resolve_preset(preset: str | Preset) -> Preset:
    """A ``Preset`` from itself, a name of ``PRESETS`` or ``"heldout-<k>"``."""
    if isinstance(preset, Preset):
        return preset
    if isinstance(preset, str) and preset.startswith(HELDOUT_PREFIX) \
            and preset[len(HELDOUT_PREFIX):].isdigit():
        return random_preset(int(preset[len(HELDOUT_PREFIX):]))
    if preset in PRESETS:
        return PRESETS[preset]
    raise ValueError(f"unknown preset {preset!r}; choose one of {sorted(PRESETS)} or "
                     f"'{HELDOUT_PREFIX}<k>'")

"""Preset parameters of the synthetic ad sets.

Calibration of ``pas-de-calais-2018`` (sources: the Amicale du Nid diagnostic of the Pas-de-Calais,
2018-2020, summarised in ``shared/context``):

- 699 ads on 39 websites between September and December 2018; an analyst judged 61% of them
  duplicates, hence ~273 persons online (699 x 0.39). We simulate 699 ads and ~333 persons, of
  whom ~19% post on none of the scraped sites (the people capture-recapture must find), so that
  ~270 persons are observed. Activity floor 0.6 and sigma 1.1 give, by simulation, 33% of
  observed persons with one ad, 28% with two and ~1.7% with ten or more.
- Of the persons identified: 76% women (the rest split between trans persons and men), 43%
  foreign nationals, 36% aged 25 or under (claimed ages of adults only: minors advertise as 18+).
- Forms of pimping seen: intimate-partner pimping (a partner posts one woman), international
  networks moving foreign women and trans persons from city to city ("sex tours") through flats
  booked on the Internet. Networks post several persons with one template and one phone.

``text-scale`` keeps the same structure over French départements, text only, and scales with
``n_ads`` (persons scale proportionally) for the text-engine benchmarks and accuracy runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Preset:
    """Every parameter of one synthetic ad set (the seed excepted)."""

    name: str
    n_ads: int  # default number of ads
    ads_per_person: float  # mean ads per simulated person, unobserved persons included
    activity_floor: float  # activity = floor + (1 - floor) * log-normal: sets the unseen share
    activity_sigma: float  # log-normal sigma of person activity (heavy tail of ads per person)
    n_sites: int
    start: str  # first posting day (ISO)
    end: str  # last posting day (ISO)
    geography: str  # key of the city table in lexicon.CITY_TABLES
    network_share: float  # share of persons posted by an organised network
    network_size_max: int  # network sizes drawn in 2..max
    partner_share: float  # share of persons posted by an intimate partner (one-person network)
    decoy_share: float  # independent persons copying an unrelated person's text (families of 2-4)
    tourer_share: float  # share of independent persons touring cities
    phone_change_share: float  # persons switching to a second number during the period
    foreign_phone_share: float  # foreign persons advertising a home-country number
    email_share: float  # persons giving an e-mail address
    no_phone_share: float  # ads showing no phone at all
    foreign_share_independent: float  # claimed foreign nationality among non-network persons
    foreign_share_network: float  # claimed foreign nationality among network persons
    body_sentences: tuple[int, int]  # body sentences per person text (min, max)
    sentence_edit_rate: float  # chance that a re-posted sentence carries a typo or look-alike letters
    synonym_rate: float  # chance that a re-posted sentence is reworded
    reorder_rate: float  # chance that a re-post shuffles its sentences
    photos: bool
    photos_per_person: tuple[int, int]  # distinct original photos per person (min, max)
    photos_per_ad: tuple[int, int]  # photos shown per ad (min, max)
    stock_pool: int  # stock photos shared by unrelated persons
    stock_user_share: float  # persons using one stock photo among theirs
    network_flat_share: float  # organised networks showing their flat's photo for every person


_PAS_DE_CALAIS_2018 = Preset(
    name="pas-de-calais-2018",
    n_ads=699,
    ads_per_person=2.1,
    activity_floor=0.6,
    activity_sigma=1.1,
    n_sites=39,
    start="2018-09-01",
    end="2018-12-31",
    geography="pas-de-calais",
    network_share=0.22,
    network_size_max=7,
    partner_share=0.03,
    decoy_share=0.12,
    tourer_share=0.12,
    phone_change_share=0.12,
    foreign_phone_share=0.3,
    email_share=0.15,
    no_phone_share=0.06,
    foreign_share_independent=0.27,
    foreign_share_network=0.95,
    body_sentences=(3, 5),
    sentence_edit_rate=0.12,
    synonym_rate=0.15,
    reorder_rate=0.3,
    photos=True,
    photos_per_person=(1, 5),
    photos_per_ad=(0, 4),
    stock_pool=6,
    stock_user_share=0.06,
    network_flat_share=0.4,
)

# same persons, networks and edits over a year of French départements; longer texts (~400
# characters, the size the text-engine figures are quoted for); no photos
_TEXT_SCALE = replace(
    _PAS_DE_CALAIS_2018, name="text-scale", n_ads=10_000, ads_per_person=3.0,
    start="2018-01-01", end="2018-12-31", geography="france", body_sentences=(6, 7),
    photos=False, photos_per_person=(0, 0), photos_per_ad=(0, 0), stock_pool=0,
    stock_user_share=0.0, network_flat_share=0.0,
)

PRESETS: dict[str, Preset] = {p.name: p for p in (_PAS_DE_CALAIS_2018, _TEXT_SCALE)}

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

from dataclasses import MISSING, dataclass, fields, replace

from .worlds import WORLDS


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

    # --- posting habits of the field (issue 13). Their defaults are the original generator's
    # world, where none of them happens: a preset leaving them alone gives the files it gave
    # before they existed. Each is drawn from a random stream of its own.
    active_days_mean: float = 35.0  # mean days a person (a network) stays active; over a year
    #   or more, birthdays fall between a person's ads
    phone_formats: str = "french"  # "french": French numbers written the French ways, foreign
    #   ones in international form; "local": each number from its owner's city's country (the
    #   city's own area code in North America), written that country's ways (phone_formats.py)
    profile_field_site_share: float = 1.0  # share of sites printing age/gender/nationality
    #   fields; elsewhere those claims exist only in the text, as in most real scrapes
    english_share_domestic: float = 0.0  # local persons writing in English where the city's
    #   language is another
    english_share_foreign: float = 0.0  # foreign persons writing in English (international
    #   escort ads) where the city's language is another
    bilingual_share: float = 0.0  # persons who also post in a second language (English, or
    #   French for those who write English): one person, texts in two languages
    second_language_rate: float = 0.0  # share of a bilingual person's ads in her second language
    age_update_share: float = 0.0  # persons whose ads follow their birthdays ("22", a year
    #   later "23"); the others keep re-posting the age of their first ads
    age_shave_share: float = 0.0  # persons claiming to be younger than they are ...
    age_shave_max: int = 0  # ... by 1 to this many years
    age_round_share: float = 0.0  # persons claiming the round age at or below theirs (27 -> 25)
    age_site_lie_share: float = 0.0  # persons claiming another age (1-3 years off) on some of
    #   their sites than on their main one
    minor_share: float = 0.0  # persons under 18 (15-17) advertised as 18 or 19
    phone_alternate_share: float = 0.3  # persons with a second number who use both all along
    #   (the others switch from the first to the second once)
    phone_overlap_days: float = 0.0  # a switch shows either number during up to this many days
    #   around it (drawn per person; 0: a clean switch)
    agency_share: float = 0.0  # persons advertised by an agency: one number posting many
    #   persons over the period, concurrently and one after another, with one template
    agency_size: tuple[int, int] = (3, 12)  # persons per agency (min, max)
    agency_tenure_days: float = 60.0  # mean days a person stays with her agency (agencies run
    #   most of the period)
    agency_own_phone_share: float = 0.1  # agency persons who now and then show a number of
    #   their own (one ad in seven, as network persons do)
    caps_title_rate: float = 0.0  # ads whose title is in capitals ("NEW IN TOWN")
    title_emoji_rate: float = 0.0  # ads whose title carries emoji

    def __post_init__(self) -> None:
        if self.geography not in WORLDS:
            raise ValueError(f"unknown geography {self.geography!r}; choose one of {sorted(WORLDS)}")
        if self.phone_formats not in ("french", "local"):
            raise ValueError(f"phone_formats must be 'french' or 'local', got {self.phone_formats!r}")
        if self.phone_formats == "french" and self.geography not in FRENCH_GEOGRAPHIES:
            raise ValueError(f"geography {self.geography!r} needs phone_formats='local'")
        shares = [f.name for f in fields(self) if f.name.endswith(("_share", "_rate"))]
        bad = [name for name in shares if not 0.0 <= getattr(self, name) <= 1.0]
        if bad:
            raise ValueError(f"shares and rates must lie in [0, 1]: {bad}")
        if not 1 <= self.agency_size[0] <= self.agency_size[1]:
            raise ValueError(f"agency_size must be (min, max) with 1 <= min <= max, got "
                             f"{self.agency_size}")

    @property
    def habits_on(self) -> bool:
        """Whether any posting habit is set away from the original world."""
        return any(getattr(self, f.name) != f.default for f in fields(self)
                   if f.default is not MISSING)

    def habit_parameters(self) -> dict[str, object]:
        """The habit fields and their values."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.default is not MISSING}


FRENCH_GEOGRAPHIES = ("pas-de-calais", "france")  # worlds whose numbers are all French


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

# Real North American escort ads, English (a few French in Quebec), over 18 months so that
# birthdays fall between a person's ads; several US and Canadian cities and sites; numbers
# written the North American ways; agencies posting many women from one number; persons changing
# numbers, updating or not their age, shaving years; most sites print no age/gender field; no
# photos (as text-scale). Shares are orders of magnitude from the field reports (Polaris 2018
# for the Asian massage networks), not fits. Ads per person: 2.4 per person seen (the held-out
# real sample has 1.3 per phone cluster, a sample of a larger scrape, which cuts clusters short;
# here persons need several ads over months for birthdays and number changes to show).
_NORTH_AMERICA_EN = replace(
    _TEXT_SCALE, name="north-america-en", n_ads=5_000, ads_per_person=1.6,
    activity_floor=0.5, activity_sigma=1.3, n_sites=12, start="2016-01-01", end="2017-06-30",
    geography="north-america", network_share=0.12, network_size_max=6, partner_share=0.05,
    decoy_share=0.08, tourer_share=0.2, phone_change_share=0.25, foreign_phone_share=0.1,
    email_share=0.08, no_phone_share=0.03, foreign_share_independent=0.2,
    foreign_share_network=0.85, body_sentences=(3, 6), sentence_edit_rate=0.1,
    active_days_mean=240.0, phone_formats="local", profile_field_site_share=0.2,
    english_share_domestic=0.3, english_share_foreign=0.6, bilingual_share=0.08,
    second_language_rate=0.35, age_update_share=0.55, age_shave_share=0.3, age_shave_max=4,
    age_round_share=0.08, age_site_lie_share=0.15, minor_share=0.01, phone_alternate_share=0.15,
    phone_overlap_days=21.0, agency_share=0.12, agency_size=(3, 15), agency_tenure_days=75.0,
    agency_own_phone_share=0.1, caps_title_rate=0.3, title_emoji_rate=0.4,
)

# Eight European countries, their own number formats, their languages (French, German, Spanish,
# Italian; English in British and Dutch cities, Dutch having no phrase book yet) and English, the
# language of international escort ads, written by many foreign persons; persons touring across
# borders with the number of their home country; no photos (as text-scale).
_EUROPE_MIXED = replace(
    _TEXT_SCALE, name="europe-mixed", n_ads=5_000, ads_per_person=2.2,
    activity_floor=0.55, activity_sigma=1.2, n_sites=20, start="2019-01-01", end="2019-12-31",
    geography="europe", network_share=0.22, network_size_max=7, partner_share=0.03,
    decoy_share=0.1, tourer_share=0.25, phone_change_share=0.15, foreign_phone_share=0.45,
    email_share=0.12, no_phone_share=0.05, foreign_share_independent=0.45,
    foreign_share_network=0.95, body_sentences=(3, 6),
    active_days_mean=90.0, phone_formats="local", profile_field_site_share=0.6,
    english_share_domestic=0.1, english_share_foreign=0.55, bilingual_share=0.15,
    second_language_rate=0.3, age_update_share=0.4, age_shave_share=0.25, age_shave_max=3,
    age_round_share=0.05, age_site_lie_share=0.1, minor_share=0.01, phone_alternate_share=0.2,
    phone_overlap_days=14.0, agency_share=0.06, agency_size=(3, 10), agency_tenure_days=45.0,
    caps_title_rate=0.1, title_emoji_rate=0.2,
)

PRESETS: dict[str, Preset] = {p.name: p for p in (_PAS_DE_CALAIS_2018, _TEXT_SCALE,
                                                  _NORTH_AMERICA_EN, _EUROPE_MIXED)}
HELDOUT_PREFIX = "heldout-"  # "heldout-7": random_preset(7)


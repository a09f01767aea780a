"""Person-level habit stages, run after ``simulate_persons`` and before the postings.

Each stage draws from a random stream of its own and changes nothing when its habit is off, so
the original presets keep their persons, and turning one habit on does not reshuffle the others:

- agencies (``agencies``);
- the world: local persons take their city's nationality (and a name of it), and with local
  phone formats every number is redrawn in its owner's city's country and area code;
- languages: each person writes in her city's language, or in English, some in two languages;
  every language she writes gets its style, organisers' persons writing their template;
- ages (``ages``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import lexicon
from .agencies import form_agencies
from .ages import draw_age_habits
from .contacts import NANP_COUNTRIES, PhoneBook, draw_emails, draw_phones, nanp_numbers
from .phrasebooks import LANGUAGES
from .population import KIND_DECOY, Persons, draw_names
from .presets import Preset
from .styles import NEUTRAL_STYLE, draw_style, follow_organisers, organiser_leaders
from .worlds import WORLDS, World

STREAM_AGENCIES, STREAM_WORLD, STREAM_LANGUAGES, STREAM_AGES = 5, 6, 7, 8
FALLBACK_LANGUAGE = "en"  # written where the city's language has no phrase book yet
# a bilingual person's other language: English, or for those who write English, French where
# it is spoken (Canada, France, Belgium, Switzerland, Luxembourg); elsewhere she writes one
FRENCH_SPEAKING_COUNTRIES = ("CA", "FR", "BE", "CH", "LU")


def apply_person_habits(preset: Preset, p: Persons,
                        stream: Callable[[int], np.random.Generator]) -> None:
    """Run every person-level habit stage on ``p``, in place."""
    world = WORLDS[preset.geography]
    form_agencies(preset, p, stream(STREAM_AGENCIES))
    localise(preset, world, p, stream(STREAM_WORLD))
    assign_languages(preset, world, p, stream(STREAM_LANGUAGES))
    p.ages = draw_age_habits(preset, p, stream(STREAM_AGES))


def home_countries(world: World, p: Persons) -> np.ndarray:
    """Country of each person's home city."""
    return np.array([world.country_of(c) for c in world.cities], dtype=object)[p.home_city]


def localise(preset: Preset, world: World, p: Persons, rng: np.random.Generator) -> None:
    """Local persons take their city's nationality; with local formats, numbers are redrawn."""
    country = home_countries(world, p)
    moved = (p.nationality == world.domestic) & (country != world.domestic)
    if moved.any():
        p.nationality[moved] = country[moved]
        p.name[moved] = draw_names(rng, p.gender[moved], p.nationality[moved])
        writes = moved & (p.email >= 0)  # her address is made of her name
        fresh = draw_emails(rng, p.name[writes], world.email_domains)
        for part, new in zip(p.email_parts, fresh):
            part[p.email[writes]] = new
    if preset.phone_formats == "local":
        p.phones = _local_phone_book(world, p, country, rng)


def _local_phone_book(world: World, p: Persons, country: np.ndarray,
                      rng: np.random.Generator) -> PhoneBook:
    """Every number again, from the country of its owner's city (its area code in North
    America); numbers a person brought from her home country stay of that country."""
    owner = np.full(len(p.phones), -1)
    for column in (p.network_phone, p.own_phone, p.second_phone):
        has = column >= 0
        owner[column[has]] = np.flatnonzero(has)
    placeholder = lexicon.NATIONALITIES[world.domestic][3]
    local = (p.phones.country == placeholder) & (owner >= 0)
    countries = np.where(local, country[np.maximum(owner, 0)], p.phones.country).astype(object)
    national = np.empty(len(countries), dtype=object)
    nanp = np.isin(countries, NANP_COUNTRIES) & local
    if nanp.any():
        codes = [world.area_codes[c] for c in world.cities]
        count = np.array([len(c) for c in codes])
        table = np.array([c + ("",) * (count.max() - len(c)) for c in codes], dtype=object)
        home = p.home_city[owner[nanp]]
        pick = (rng.random(len(home)) * count[home]).astype(np.int64)
        national[nanp] = nanp_numbers(rng, table[home, pick])
    rest = ~nanp
    national[rest] = draw_phones(rng, countries[rest]).national
    return PhoneBook(countries, national)


def assign_languages(preset: Preset, world: World, p: Persons, rng: np.random.Generator) -> None:
    """Main and second language of each person, and her style in each language she writes."""
    n = len(p)
    local = np.array([world.language_of(c) for c in world.cities], dtype=object)[p.home_city]
    local = np.where(np.isin(local, LANGUAGES), local, FALLBACK_LANGUAGE)
    foreign = p.nationality != home_countries(world, p)
    u = rng.random((2, n))
    english = u[0] < np.where(foreign, preset.english_share_foreign,
                              preset.english_share_domestic)
    language = np.where(english, "en", local).astype(object)
    country = home_countries(world, p)
    other = np.where(language != "en", "en",
                     np.where(np.isin(country, FRENCH_SPEAKING_COUNTRIES), "fr", ""))
    second = np.where(u[1] < preset.bilingual_share, other, "").astype(object)
    members, leaders = organiser_leaders(p.network, p.template_writers())
    language[members], second[members] = language[leaders], second[leaders]
    decoys = np.flatnonzero(p.copy_of >= 0)
    language[decoys], second[decoys] = language[p.copy_of[decoys]], second[p.copy_of[decoys]]
    p.language, p.second_language = language, second

    writes_as = np.where(p.template_writers(), 0, p.gender)  # organisers write as women
    writes_as[p.kind == KIND_DECOY] = NEUTRAL_STYLE
    used = (set(language.tolist()) | set(second.tolist())) - {"", "fr"}
    for code in sorted(used):
        style = draw_style(rng, code, p.gender, writes_as, preset.body_sentences)
        follow_organisers(style, code, members, leaders, p.gender)
        style.copy_rows(decoys, p.copy_of[decoys], ("body_group", "body_para"))
        p.styles[code] = style

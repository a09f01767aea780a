"""Ad records (text, title, contact fields, claimed attributes) from persons and postings.

Each ad re-posts its person's text with edits drawn per ad: reworded sentences (another
paraphrase), typos, look-alike letters, shouting, shuffled sentence order, emoji, the number
written in another disguise, the contact line moved. Network members share their organiser's
template and differ only in its slots (name, age, city, nationality). All columns are built as
whole arrays (see ``text``).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import lexicon
from .contacts import EMAIL_STYLE_NAMES, PLAIN_EMAIL_STYLE, render_emails
from .habits import home_countries
from .phone_formats import word_languages
from .phrasebooks import all_entries
from .population import GENDERS, Persons
from .postings import Postings
from .presets import Preset
from .slots import (
    age_slot,
    draw_by_language,
    english_nationality,
    gather,
    nationality_slot,
    per_ad,
    redraw_by_language,
)
from .text import TemplateSet, join_columns, pools, spaced
from .worlds import WORLDS

_OPENING_SET = TemplateSet(all_entries("openings"))
_TITLE_SET = TemplateSet(all_entries("titles"))
_PHONE_LINE = TemplateSet(all_entries("contact_phone"))
_EMAIL_LINE = TemplateSet(all_entries("contact_email"))
_NO_CONTACT = all_entries("no_contact")
_EDIT_FORM_P = np.array([0.5, 0.35, 0.15])  # typo, look-alike letters, shouted


def _repost_choices(preset: Preset, base_para: np.ndarray,
                    rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence of a re-post: its paraphrase (sometimes reworded) and its edit form."""
    shape = base_para.shape
    para = np.where(rng.random(shape) < preset.synonym_rate, rng.integers(0, 3, shape),
                    base_para)
    edited = rng.random(shape) < preset.sentence_edit_rate
    form = np.where(edited, 1 + rng.choice(3, shape, p=_EDIT_FORM_P), 0)
    return para, form


def _body_columns(preset: Preset, p: Persons, ads: Postings,
                  rng: np.random.Generator) -> list[pa.Array]:
    body, _ = pools()
    group = per_ad(p, ads, "body_group")
    n, k = group.shape
    para, form = _repost_choices(preset, per_ad(p, ads, "body_para"), rng)
    keys = np.where(rng.random(n)[:, None] < preset.reorder_rate, rng.random((n, k)),
                    np.arange(k)[None, :])
    order = np.argsort(keys, axis=1)
    index = np.take_along_axis(body.index(group, para, form), order, axis=1)
    return [body.strings.take(pa.array(index[:, j])) for j in range(k)]


def _closing_column(preset: Preset, p: Persons, ads: Postings,
                    rng: np.random.Generator) -> pa.Array:
    _, closing = pools()
    para, form = _repost_choices(preset, per_ad(p, ads, "closing_para"), rng)
    return closing.take(per_ad(p, ads, "closing_group"), para, form)


def _numbers(preset: Preset, p: Persons, ads: Postings, style: np.ndarray,
             rng: np.random.Generator, habit_rng: np.random.Generator) -> pa.Array:
    """The number each ad shows, written in ``style`` (local formats: the habits stream)."""
    phone = np.maximum(ads.phone, 0)
    if preset.phone_formats == "french":
        return p.phones.render(phone, style, rng)
    return p.phones.render_local(phone, style, word_languages(ads.language), habit_rng)


def _contact_lines(preset: Preset, p: Persons, ads: Postings, rng: np.random.Generator,
                   habit_rng: np.random.Generator) -> pa.Array:
    n = len(ads)
    number = _numbers(preset, p, ads, ads.text_style, rng, habit_rng)
    template = redraw_by_language(rng, habit_rng, per_ad(p, ads, "contact"), "contact_phone",
                                  ads.language, None, 0.2)
    line = _PHONE_LINE.fill(template, {"phone": number})
    silent = ~ads.phone_in_text & ~ads.phone_in_field & (rng.random(n) < 0.5)
    fallback = gather(_NO_CONTACT, draw_by_language(rng, habit_rng, "no_contact", ads.language))
    empty = pa.array(np.full(n, "", dtype=object), pa.string())
    return pc.if_else(pa.array(ads.phone_in_text), line,
                      pc.if_else(pa.array(silent), fallback, empty))


def _email_text(p: Persons, ads: Postings, style: np.ndarray) -> pa.Array:
    e = np.maximum(p.email[ads.person], 0)
    # a set where nobody gives an address still gets (never shown) placeholder strings
    local, name_part, suffix = (gather(part, e) if len(part) else
                                pa.array(np.full(len(ads), "x", dtype=object), pa.string())
                                for part in p.email_parts)
    return render_emails(local, name_part, suffix, style)


def _title_habits(preset: Preset, title: pa.Array, rng: np.random.Generator) -> pa.Array:
    """Titles in capitals, titles with emoji (off in the original presets)."""
    n = len(title)
    if preset.caps_title_rate > 0:
        title = pc.if_else(pa.array(rng.random(n) < preset.caps_title_rate),
                           pc.utf8_upper(title), title)
    if preset.title_emoji_rate > 0:
        with_emoji = rng.random(n) < preset.title_emoji_rate
        emoji = gather(lexicon.EMOJI, rng.integers(0, len(lexicon.EMOJI), n))
        before = pa.array(rng.random(n) < 0.5)
        title = pc.if_else(pa.array(with_emoji),
                           pc.if_else(before, pc.binary_join_element_wise(emoji, title, " "),
                                      pc.binary_join_element_wise(title, emoji, " ")), title)
    return title


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a million small lists are built: they hold
    only strings (no cycles), and each collection pass would rescan all of them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def empty_lists(n: int) -> list[list[str]]:
    """n distinct empty lists (the list columns of a DataFrame hold one list per row)."""
    with _collector_paused():
        return [[] for _ in range(n)]


def _list_column(values: pa.Array, shown: np.ndarray) -> list[list[str]]:
    """One list per ad: ``[values[i]]`` where shown, else empty."""
    column = empty_lists(len(shown))
    where = np.flatnonzero(shown)
    with _collector_paused():
        for i, value in zip(where.tolist(), values.take(pa.array(where)).to_pylist()):
            column[i] = [value]
    return column


def compose_ads(preset: Preset, p: Persons, ads: Postings, site_names: list[str],
                rng: np.random.Generator, habit_rng: np.random.Generator) -> pd.DataFrame:
    """The canonical ad columns plus truth columns, one row per posting (``rng``: the text
    stream of the original generator; ``habit_rng``: everything the habits add)."""
    n = len(ads)
    person = ads.person
    world = WORLDS[preset.geography]
    city_names = np.array(list(world.cities), dtype=object)
    departments = np.array([d for d, _ in world.cities.values()], dtype=object)
    local = p.nationality == home_countries(world, p)
    gender = p.gender[person]
    slots = {
        "name": pc.if_else(pa.array(ads.use_alias), gather(p.alias, person),
                           gather(p.name, person)),
        "age": age_slot(ads, habit_rng),
        "city": gather(city_names, ads.city),
        "nat": nationality_slot(p, ads, local, habit_rng),
    }
    language = ads.language
    opening_choice = redraw_by_language(rng, habit_rng, per_ad(p, ads, "opening"), "openings",
                                        language, gender, 0.15)
    title_choice = redraw_by_language(rng, habit_rng, per_ad(p, ads, "title"), "titles",
                                      language, gender, 0.3)
    opening = _OPENING_SET.fill(opening_choice, slots)
    title = _TITLE_SET.fill(title_choice, slots)
    ads.age_stated = (_OPENING_SET.uses("age")[opening_choice]
                      | _TITLE_SET.uses("age")[title_choice] | ads.age_shown)
    title = _title_habits(preset, title, habit_rng)
    emoji = (*lexicon.EMOJI, "")  # the last entry: no emoji
    none = len(emoji) - 1
    emoji_a = gather(emoji, np.where(rng.random(n) < 0.35, rng.integers(0, none, n), none))
    emoji_b = gather(emoji, np.where(rng.random(n) < 0.4, rng.integers(0, none, n), none))
    contact = spaced(_contact_lines(preset, p, ads, rng, habit_rng))
    early = pa.array(rng.random(n) < 0.3)
    empty = pa.array(np.full(n, "", dtype=object), pa.string())
    email_template = draw_by_language(rng, habit_rng, "contact_email", language)
    email_line = _EMAIL_LINE.fill(email_template, {"email": _email_text(p, ads, ads.email_style)})
    email_line = pc.if_else(pa.array(ads.email_in_text), email_line, empty)
    text = join_columns([
        opening, spaced(emoji_a), pc.if_else(early, contact, empty),
        *_body_columns(preset, p, ads, rng), pc.if_else(early, empty, contact),
        spaced(email_line), _closing_column(preset, p, ads, rng), spaced(emoji_b),
    ])

    field_numbers = _numbers(preset, p, ads, ads.field_style, rng, habit_rng)
    field_emails = _email_text(p, ads, np.full(n, PLAIN_EMAIL_STYLE))
    site = gather(site_names, ads.site)
    # distinct 7-digit listing numbers (more digits only past 9 million ads)
    ad_number = rng.choice(max(9_000_000, 10 * n), size=n, replace=False) + 1_000_000
    url = pc.binary_join_element_wise(
        "https://www.", site, world.url_path,
        pc.cast(pa.array(ad_number), pa.string()), "")
    width = max(6, len(str(n)))
    return pd.DataFrame({
        "ad_id": pc.binary_join_element_wise(
            "ad", pc.utf8_lpad(pc.cast(pa.array(np.arange(n)), pa.string()), width, "0"),
            "").to_pandas(),
        "site": site.to_pandas(),
        "posted_at": pd.to_datetime(ads.posted_at.astype("datetime64[s]")),
        "title": title.to_pandas(),
        "text": text.to_pandas(),
        "phones": _list_column(field_numbers, ads.phone_in_field),
        "emails": _list_column(field_emails, ads.email_in_field),
        "images": empty_lists(n),
        "city": slots["city"].to_pandas(),
        "region": gather(departments, ads.city).to_pandas(),
        "age": pd.arrays.IntegerArray(ads.age.astype(np.int64), ~ads.age_shown),
        "gender": pc.if_else(pa.array(ads.gender_shown), gather(GENDERS, gender),
                             pa.scalar(None, pa.string())).to_pandas(),
        "nationality": pc.if_else(pa.array(ads.nationality_shown),
                                  gather(english_nationality(p), person),
                                  pa.scalar(None, pa.string())).to_pandas(),
        "price": np.where(ads.price_shown, p.price[person], np.nan),
        "url": url.to_pandas(),
        "true_person_id": gather(p.person_id, person).to_pandas(),
        "true_network_id": gather(p.network_id, p.network[person]).to_pandas(),
    })


def contact_truth(preset: Preset, p: Persons, ads: Postings, ad_id: pd.Series) -> pd.DataFrame:
    """Per ad: the number and address it shows (E.164, plain), where, and in which disguise."""
    shown = ads.phone_in_field | ads.phone_in_text
    phone = np.maximum(ads.phone, 0)
    style = p.phones.style_names(phone, ads.text_style, preset.phone_formats == "local")
    has_email = ads.email_in_field | ads.email_in_text
    address = _email_text(p, ads, np.full(len(ads), PLAIN_EMAIL_STYLE)).to_numpy(
        zero_copy_only=False)
    return pd.DataFrame({
        "ad_id": ad_id.to_numpy(),
        "phone": np.where(shown, p.phones.e164[phone], ""),
        "phone_in_field": ads.phone_in_field,
        "phone_in_text": ads.phone_in_text,
        "phone_text_style": np.where(ads.phone_in_text, style, ""),
        "email": np.where(has_email, address, ""),
        "email_in_field": ads.email_in_field,
        "email_in_text": ads.email_in_text,
        "email_text_style": np.where(ads.email_in_text,
                                     np.array(EMAIL_STYLE_NAMES, dtype=object)[ads.email_style],
                                     ""),
    })

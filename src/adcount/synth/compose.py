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
from .contacts import (
    EMAIL_STYLE_NAMES,
    FOREIGN_STYLE_COUNT,
    FOREIGN_STYLE_NAMES,
    FRENCH_STYLE_NAMES,
    PLAIN_EMAIL_STYLE,
    render_emails,
)
from .phrases import CONTACT_EMAIL, CONTACT_PHONE, NO_CONTACT, OPENINGS, TITLES
from .population import GENDER_TAGS, GENDERS, Persons, template_offsets
from .postings import Postings
from .presets import Preset
from .text import TemplateSet, join_columns, pools, spaced

_OPENING_SET = TemplateSet([t for tag in GENDER_TAGS for t in OPENINGS[tag]])
_TITLE_SET = TemplateSet([t for tag in GENDER_TAGS for t in TITLES[tag]])
_PHONE_LINE = TemplateSet(CONTACT_PHONE)
_EMAIL_LINE = TemplateSet(CONTACT_EMAIL)
_EDIT_FORM_P = np.array([0.5, 0.35, 0.15])  # typo, look-alike letters, shouted


def _gather(values: np.ndarray | list[str] | tuple[str, ...], index: np.ndarray) -> pa.Array:
    """``values[index]`` as an Arrow string array (the gather runs in C++)."""
    return pa.array(values, pa.string()).take(pa.array(index))


def _redraw(rng: np.random.Generator, current: np.ndarray, gender: np.ndarray,
            groups: dict[str, tuple[str, ...]], rate: float) -> np.ndarray:
    """Replace a share of template choices by another template of the same gender."""
    offsets = template_offsets(groups)
    low = np.array([offsets[t][0] for t in GENDER_TAGS])[gender]
    high = np.array([offsets[t][1] for t in GENDER_TAGS])[gender]
    return np.where(rng.random(len(current)) < rate, rng.integers(low, high), current)


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
    group = p.body_group[ads.person]
    n, k = group.shape
    para, form = _repost_choices(preset, p.body_para[ads.person], rng)
    keys = np.where(rng.random(n)[:, None] < preset.reorder_rate, rng.random((n, k)),
                    np.arange(k)[None, :])
    order = np.argsort(keys, axis=1)
    index = np.take_along_axis(body.index(group, para, form), order, axis=1)
    return [body.strings.take(pa.array(index[:, j])) for j in range(k)]


def _closing_column(preset: Preset, p: Persons, ads: Postings,
                    rng: np.random.Generator) -> pa.Array:
    _, closing = pools()
    para, form = _repost_choices(preset, p.closing_para[ads.person], rng)
    return closing.take(p.closing_group[ads.person], para, form)


def _contact_lines(p: Persons, ads: Postings, rng: np.random.Generator) -> pa.Array:
    n = len(ads)
    phone = np.maximum(ads.phone, 0)
    number = p.phones.render(phone, ads.text_style, rng)
    template = np.where(rng.random(n) < 0.2, rng.integers(0, len(CONTACT_PHONE), n),
                        p.contact[ads.person])
    line = _PHONE_LINE.fill(template, {"phone": number})
    silent = ~ads.phone_in_text & ~ads.phone_in_field & (rng.random(n) < 0.5)
    fallback = _gather(NO_CONTACT, rng.integers(0, len(NO_CONTACT), n))
    empty = pa.array(np.full(n, "", dtype=object), pa.string())
    return pc.if_else(pa.array(ads.phone_in_text), line,
                      pc.if_else(pa.array(silent), fallback, empty))


def _email_text(p: Persons, ads: Postings, style: np.ndarray) -> pa.Array:
    e = np.maximum(p.email[ads.person], 0)
    # a set where nobody gives an address still gets (never shown) placeholder strings
    local, name_part, suffix = (_gather(part, e) if len(part) else
                                pa.array(np.full(len(ads), "x", dtype=object), pa.string())
                                for part in p.email_parts)
    return render_emails(local, name_part, suffix, style)


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


def _nationality_words(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """English name, French feminine and masculine adjectives of each nationality code."""
    table = np.array(list(lexicon.NATIONALITIES.values()), dtype=object)[
        pd.Index(list(lexicon.NATIONALITIES)).get_indexer(codes)]
    return table[:, 0], table[:, 1], table[:, 2]


def compose_ads(preset: Preset, p: Persons, ads: Postings, site_names: list[str],
                rng: np.random.Generator) -> pd.DataFrame:
    """The canonical ad columns plus truth columns, one row per posting."""
    n = len(ads)
    person = ads.person
    cities = lexicon.CITY_TABLES[preset.geography]
    city_names = np.array(list(cities), dtype=object)
    departments = np.array([d for d, _ in cities.values()], dtype=object)
    gender = p.gender[person]
    english, fem, masc = _nationality_words(p.nationality)
    slots = {
        "name": pc.if_else(pa.array(ads.use_alias), _gather(p.alias, person),
                           _gather(p.name, person)),
        "age": pc.cast(pa.array(ads.age), pa.string()),
        "city": _gather(city_names, ads.city),
        "nat": _gather(np.where(p.gender == 2, masc, fem), person),
    }
    opening = _OPENING_SET.fill(_redraw(rng, p.opening[person], gender, OPENINGS, 0.15), slots)
    title = _TITLE_SET.fill(_redraw(rng, p.title[person], gender, TITLES, 0.3), slots)
    emoji = (*lexicon.EMOJI, "")  # the last entry: no emoji
    none = len(emoji) - 1
    emoji_a = _gather(emoji, np.where(rng.random(n) < 0.35, rng.integers(0, none, n), none))
    emoji_b = _gather(emoji, np.where(rng.random(n) < 0.4, rng.integers(0, none, n), none))
    contact = spaced(_contact_lines(p, ads, rng))
    early = pa.array(rng.random(n) < 0.3)
    empty = pa.array(np.full(n, "", dtype=object), pa.string())
    email_template = rng.integers(0, len(CONTACT_EMAIL), n)
    email_line = _EMAIL_LINE.fill(email_template, {"email": _email_text(p, ads, ads.email_style)})
    email_line = pc.if_else(pa.array(ads.email_in_text), email_line, empty)
    text = join_columns([
        opening, spaced(emoji_a), pc.if_else(early, contact, empty),
        *_body_columns(preset, p, ads, rng), pc.if_else(early, empty, contact),
        spaced(email_line), _closing_column(preset, p, ads, rng), spaced(emoji_b),
    ])

    field_numbers = p.phones.render(np.maximum(ads.phone, 0), ads.field_style, rng)
    field_emails = _email_text(p, ads, np.full(n, PLAIN_EMAIL_STYLE))
    site = _gather(site_names, ads.site)
    # distinct 7-digit listing numbers (more digits only past 9 million ads)
    ad_number = rng.choice(max(9_000_000, 10 * n), size=n, replace=False) + 1_000_000
    url = pc.binary_join_element_wise(
        "https://www.", site, "/annonce/",
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
        "region": _gather(departments, ads.city).to_pandas(),
        "age": pd.arrays.IntegerArray(ads.age.astype(np.int64), ~ads.age_shown),
        "gender": _gather(GENDERS, gender).to_pandas(),
        "nationality": pc.if_else(pa.array(ads.nationality_shown), _gather(english, person),
                                  pa.scalar(None, pa.string())).to_pandas(),
        "price": np.where(ads.price_shown, p.price[person], np.nan),
        "url": url.to_pandas(),
        "true_person_id": _gather(p.person_id, person).to_pandas(),
        "true_network_id": _gather(p.network_id, p.network[person]).to_pandas(),
    })


def contact_truth(p: Persons, ads: Postings, ad_id: pd.Series) -> pd.DataFrame:
    """Per ad: the number and address it shows (E.164, plain), where, and in which disguise."""
    shown = ads.phone_in_field | ads.phone_in_text
    french = p.phones.is_french[np.maximum(ads.phone, 0)]
    style = np.where(french, np.array(FRENCH_STYLE_NAMES, dtype=object)[ads.text_style],
                     np.array(FOREIGN_STYLE_NAMES, dtype=object)[ads.text_style
                                                                % FOREIGN_STYLE_COUNT])
    has_email = ads.email_in_field | ads.email_in_text
    address = _email_text(p, ads, np.full(len(ads), PLAIN_EMAIL_STYLE)).to_numpy(
        zero_copy_only=False)
    return pd.DataFrame({
        "ad_id": ad_id.to_numpy(),
        "phone": np.where(shown, p.phones.e164[np.maximum(ads.phone, 0)], ""),
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

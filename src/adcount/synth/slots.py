"""Per-ad choices in the ad's language, and the words that fill templates' slots.

An ad's templates come from its person's style in the ad's language. A re-post redraws some of
them: French ads from the text stream (as the original generator did), ads in other languages
from the habits stream, inside their own language's block. The ``{age}`` slot is the bare number
in French templates ("23 ans" is in the template) and a whole phrase in English ones ("23 y/o",
"age 23"); the ``{nat}`` slot holds the French adjective in French ads and the English one in
English ads, or, for local persons who do not state their origin, a descriptor ("sweet").
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import lexicon
from .phrasebooks import BOOKS
from .population import Persons
from .postings import Postings
from .styles import flat_bounds, template_bounds

DOMESTIC_ORIGIN_STATED = 0.3  # local persons of English ads who state their origin anyway


def per_ad(p: Persons, ads: Postings, field: str) -> np.ndarray:
    """Each ad's person's choice ``field`` in the ad's language."""
    out = getattr(p.styles["fr"], field)[ads.person]  # a new array: fancy indexing copies
    for code, style in p.styles.items():
        where = ads.language == code
        if code != "fr" and where.any():
            out[where] = getattr(style, field)[ads.person[where]]
    return out


def redraw(rng: np.random.Generator, current: np.ndarray, bounds: tuple[np.ndarray, np.ndarray],
           rate: float) -> np.ndarray:
    """Replace a share ``rate`` of choices by another entry in the same bounds."""
    return np.where(rng.random(len(current)) < rate, rng.integers(*bounds), current)


def draw_by_language(text_rng: np.random.Generator, habit_rng: np.random.Generator,
                     kind: str, language: np.ndarray) -> np.ndarray:
    """A fresh choice of ``kind`` per ad in its language's block (French ads from the text
    stream, as the original generator drew them, the others from the habits stream)."""
    out = text_rng.integers(*flat_bounds(kind, "fr", len(language)))
    other = np.flatnonzero(language != "fr")
    if len(other):
        out[other] = habit_rng.integers(*flat_bounds(kind, language[other], len(other)))
    return out


def redraw_by_language(text_rng: np.random.Generator, habit_rng: np.random.Generator,
                       current: np.ndarray, kind: str, language: np.ndarray,
                       gender: np.ndarray | None, rate: float) -> np.ndarray:
    """``redraw`` inside each ad's language block: French ads from the text stream, exactly as
    the original generator did, the others from the habits stream."""
    def bounds(codes: str | np.ndarray, g: np.ndarray | None, n: int):
        return template_bounds(kind, codes, g) if g is not None else flat_bounds(kind, codes, n)

    n = len(current)
    out = redraw(text_rng, current, bounds("fr", gender, n), rate)
    other = np.flatnonzero(language != "fr")
    if len(other):
        out[other] = redraw(habit_rng, current[other],
                            bounds(language[other], None if gender is None else gender[other],
                                   len(other)), rate)
    return out


def gather(values: np.ndarray | list[str] | tuple[str, ...], index: np.ndarray) -> pa.Array:
    """``values[index]`` as an Arrow string array (the gather runs in C++)."""
    return pa.array(values, pa.string()).take(pa.array(index))


def age_slot(ads: Postings, rng: np.random.Generator) -> pa.Array:
    """The ``{age}`` slot: the number, written as a phrase where the ad's language does."""
    number = pc.cast(pa.array(ads.age), pa.string())
    phrased = np.flatnonzero(ads.language != "fr")
    if len(phrased) == 0:
        return number
    prefix = np.full(len(ads), "", dtype=object)
    suffix = np.full(len(ads), "", dtype=object)
    for code in np.unique(ads.language[phrased]).tolist():
        where = np.flatnonzero(ads.language == code)
        formats = BOOKS[code].age_formats
        weight = np.array([w for _, w in formats], dtype=float)
        chosen = rng.choice(len(formats), len(where), p=weight / weight.sum())
        split = np.array([f.split("{a}") for f, _ in formats], dtype=object)
        prefix[where], suffix[where] = split[chosen, 0], split[chosen, 1]
    return pc.binary_join_element_wise(pa.array(prefix, pa.string()), number,
                                       pa.array(suffix, pa.string()), "")


def _nationality_words(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """English name, French feminine and masculine adjectives of each nationality code."""
    table = np.array(list(lexicon.NATIONALITIES.values()), dtype=object)[
        pd.Index(list(lexicon.NATIONALITIES)).get_indexer(codes)]
    return table[:, 0], table[:, 1], table[:, 2]


def english_nationality(p: Persons) -> np.ndarray:
    """Each person's nationality in English (the site's nationality field)."""
    return _nationality_words(p.nationality)[0]


def nationality_slot(p: Persons, ads: Postings, local: np.ndarray,
                     rng: np.random.Generator) -> pa.Array:
    """The ``{nat}`` slot of each ad (``local``: per person, of her city's country)."""
    english, fem, masc = _nationality_words(p.nationality)
    french = np.where(p.gender == 2, masc, fem)[ads.person]
    other = np.flatnonzero(ads.language != "fr")
    if len(other) == 0:
        return pa.array(french, pa.string())
    words = french.copy()
    states = ~local | (rng.random(len(p)) < DOMESTIC_ORIGIN_STATED)
    person = ads.person[other]
    descriptor = np.array(BOOKS["en"].descriptors, dtype=object)[
        rng.integers(0, len(BOOKS["en"].descriptors), len(p))]
    words[other] = np.where(states[person], english[person], descriptor[person])
    return pa.array(words, pa.string())

"""Comparison levels: each pair feature cut into a few ordered levels, as in Fellegi–Sunter.

A comparison turns one piece of evidence (text similarity, a shared phone and how many persons
that phone serves, a photo and whether it is a stock photo, ...) into an integer level per pair;
-1 means "cannot compare" (a side is missing) and contributes nothing. The scorers
(`fellegi_sunter`, `supervised`) and the explanations all work on these levels, so a level means
the same thing everywhere. Cut points are set from what the evidence means, not tuned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Callable

import numpy as np
import pandas as pd

from adcount.claims.persons_per_key import DAYS_PER_YEAR
from adcount.config import LinkConfig
from adcount.link.features import NO_IMAGE_MATCH

MISSING = -1
STOCK_PHOTO_CONTACTS = LinkConfig.stock_photo_contacts  # default of link.stock_photo_contacts
PHOTO_PAIRS_SEVERAL = 4  # photo pairs compared (photos of one ad x of the other) that make "none in common" telling
CLOSE_PHOTO_BITS = 4  # Hamming distance of a re-encoded or resized copy of one photo
# claimed age minus the age the elapsed time predicts, in years: under half a year off, the age
# the time says; up to a year and a half, one birthday (or a restated, stale age); up to 3.5,
# two or three years; beyond, four or more (whole ages: the cuts fall between them when no time
# passed, as the plain differences 0 / 1 / 2-3 / 4+ of ages posted the same day)
AGE_OFF_EDGES = (0.5, 1.5, 3.5)
AGE_LEVEL_BY_OFF = (0, 1, 3, 4)  # age level of each band of AGE_OFF_EDGES
AGE_KEPT = 2  # age level of an age kept (or grown too little) while years passed


def _cut(values: np.ndarray, edges: tuple[float, ...]) -> np.ndarray:
    """Level = number of edges at or below the value; NaN -> MISSING."""
    levels = np.searchsorted(np.asarray(edges), np.nan_to_num(values, nan=-np.inf), side="right")
    return np.where(np.isnan(values), MISSING, levels).astype(np.int8)


def _text(f: pd.DataFrame) -> np.ndarray:
    return _cut(f["text_jaccard"].to_numpy(dtype=float), (0.3, 0.5, 0.7, 0.85))


def _fuzz(f: pd.DataFrame) -> np.ndarray:
    return _cut(f["text_fuzz"].to_numpy(dtype=float), (0.6, 0.8, 0.9))


def _template(f: pd.DataFrame) -> np.ndarray:
    same = f["same_template"].to_numpy()
    conflict = f["template_conflict"].to_numpy()
    return np.where(same < 0, MISSING, same + (conflict > 0)).astype(np.int8)


def _contact_key(kind: str) -> Callable[[pd.DataFrame], np.ndarray]:
    """A contact key as its ads read it: 0 none in common; 1 a key its ads say serves 3+ persons
    (a hub), 2 one serving 2, 3 a personal key. The part EM fits (see `_contact`)."""
    def level(f: pd.DataFrame) -> np.ndarray:
        shared = f[f"shared_{kind}s"].to_numpy()
        spread = f[f"{kind}_spread"].to_numpy()
        shared_level = np.where(spread >= 3, 1, np.where(spread == 2, 2, 3))
        return np.where(shared < 0, MISSING, np.where(shared > 0, shared_level, 0)).astype(np.int8)
    return level


def _contact(kind: str) -> Callable[[pd.DataFrame], np.ndarray]:
    """A contact key read with the pair's own claim on it. 0 none in common; a key of several
    persons (1 a hub, 2 one of 2 persons) when the two ads claim two of its persons; 3, 4 when an
    ad states no age; 5, 6 when both claim one of its persons (by their ages, or by one name);
    7 a personal key.

    A key is "of several persons" because its ads claim other ages over the same weeks. Read
    without the pair's own claim, the organiser's phone counted against a pair claiming the same
    age (-2.4 bits on real ads of one phone), an agency advertising one of its women twice
    included; read with it, the key says nothing of which of its persons a pair claiming one is
    (levels 5 and 6 are held at 0 bits, `rules.LEVEL_ORDER`): the ages, names and texts decide.
    Where an ad states no age the key proposes the pair but does not prove it (at most 0 bits):
    counted with "other claims", pairs of one name on a hub were 83% one person and scored 0.22
    (north-america-en seed 0); counted as no evidence, an agency's ads stating neither age nor
    name were one person on the prior alone (a 150-ad set, 8 women in one found person). One
    name is one claimed person whatever the ages: a woman claiming another age on some sites
    makes her own phone "a hub" by its ages (heldout-0: pairs of one name, ages 2-3 years off, on
    such a phone were 99% one person and scored 0.30).

    EM fits the key's own reading (`_contact_key`, its part), and this comparison's m and u are
    then read from EM's classes, as for a joint comparison: fitted on this reading itself, EM
    took the same-age pairs of an organiser's women for one person's (its weight of "the age the
    time says" rose from 3.7 to 6.2 bits where the labels say 3.9) and merged them (heldout-2:
    person precision 0.90, 0.945 on the key's reading)."""
    def level(f: pd.DataFrame) -> np.ndarray:
        key = _contact_key(kind)(f)
        one_claim = f[f"{kind}_one_claim"].to_numpy()
        one_person = (one_claim == 1) | (f["name_match"].to_numpy() == 1)
        of_two = (key == 2).astype(np.int8)
        several = np.select([one_person, one_claim < 0], [5 + of_two, 3 + of_two], 1 + of_two)
        return np.where(key == 3, 7, np.where((key == 1) | (key == 2), several, key)).astype(np.int8)
    return level


def _refined(name: str, part: Comparison, levels: tuple[str, ...], compute: Callable[[pd.DataFrame], np.ndarray],
             part_level: tuple[int, ...]) -> Comparison:
    """A comparison whose levels split those of `part` (`part_level`: the part's level of each):
    EM fits the part and this comparison's m and u are read from EM's classes (as for `joint`)."""
    return Comparison(name, levels, compute, part.features + (f"{name}_one_claim", "name_match"), (part.name,),
                      tuple((level,) for level in part_level))


def _contact_comparisons(kind: str, label: str) -> tuple[Comparison, Comparison]:
    key = Comparison(f"{kind}_key", ("none shared", f"hub {label} (3+ persons)", f"{label} of 2 persons",
                                     f"personal {label}"), _contact_key(kind), (f"shared_{kind}s", f"{kind}_spread"))
    claims = ("other claims", "an age unknown", "one claimed person")
    levels = (("none shared",) + tuple(f"{kind_of}, {claim}" for claim in claims
                                       for kind_of in (f"hub {label}", f"{label} of 2 persons"))
              + (f"personal {label}",))
    return key, _refined(kind, key, levels, _contact(kind), (0, 1, 2, 1, 2, 1, 2, 3))


def _stock_photo(f: pd.DataFrame, stock: int) -> np.ndarray:
    """A shared photo seen with `stock` distinct phones or more."""
    return f["image_spread"].to_numpy() >= stock


def _flat_photo(f: pd.DataFrame, stock: int) -> np.ndarray:
    """A shared photo shown with one phone under several claimed ages: the flat a network rents.
    It says "one network", which the shared phone already says, and nothing of which woman (read
    as a level of its own, -3.6 bits, it counted the network twice and split its women's ads)."""
    return (f["image_claims"].to_numpy() >= 2) & ~_stock_photo(f, stock)


def shares_personal_photo(f: pd.DataFrame, stock: int = STOCK_PHOTO_CONTACTS) -> np.ndarray:
    """Per pair: the two ads share a near copy of one photo that is neither stock nor a flat's."""
    return (f["image_distance"].to_numpy() < NO_IMAGE_MATCH) & ~_stock_photo(f, stock) & ~_flat_photo(f, stock)


def _photo(f: pd.DataFrame, stock: int = STOCK_PHOTO_CONTACTS) -> np.ndarray:
    distance = f["image_distance"].to_numpy()
    compared = f["photos_compared"].to_numpy()
    matched = distance < NO_IMAGE_MATCH
    near = np.where(distance <= CLOSE_PHOTO_BITS, 4, 3)
    apart = (compared >= PHOTO_PAIRS_SEVERAL).astype(np.int8)  # none in common: after 1-3 or 4+ photo pairs
    level = np.where(matched, np.where(_stock_photo(f, stock), 2, near), apart)
    return np.where((compared > 0) & ~(matched & _flat_photo(f, stock)), level, MISSING).astype(np.int8)


def _name(f: pd.DataFrame) -> np.ndarray:
    return f["name_match"].to_numpy().astype(np.int8)


def _age(f: pd.DataFrame) -> np.ndarray:
    """Claimed ages read against the time between the two ads: one person's age (rounded down)
    grows by the years between them, so the later age minus the earlier one, less the elapsed
    years, is what no birthday explains. Within half a year of it: the age the time between says
    (the same age within months; one more a year later). Half a year to a year and a half off:
    a birthday, a restated age or a stale text (22 then 23 a week later; 22 kept for nine
    months), weaker evidence of one person, not strong evidence of two. The same or a higher age
    kept while more than a year and a half passed: a text re-posted unchanged or an age that
    does not grow. Further off: a slip, a lie or another person (22 then 27). With no dates, or
    posted the same day, the plain difference of the ages (no time between)."""
    change = f["age_change"].to_numpy(dtype=float)
    years = np.nan_to_num(f["days_apart"].to_numpy(dtype=float), nan=0.0) / DAYS_PER_YEAR
    off = change - years
    level = np.asarray(AGE_LEVEL_BY_OFF)[_cut(np.abs(off), AGE_OFF_EDGES)]
    kept = (off <= -AGE_OFF_EDGES[1]) & (change >= 0)
    return np.where(np.isnan(change), MISSING, np.where(kept, AGE_KEPT, level)).astype(np.int8)


def _days(f: pd.DataFrame) -> np.ndarray:
    return _cut(f["days_apart"].to_numpy(dtype=float), (7.0, 30.0))


def _code(column: str) -> Callable[[pd.DataFrame], np.ndarray]:
    return lambda f: f[column].to_numpy().astype(np.int8)


@dataclass(frozen=True)
class Comparison:
    """One comparison: its name, the label of each level, how to compute the levels, and the
    pair features it reads (shown in explanations)."""

    name: str
    levels: tuple[str, ...]
    compute: Callable[[pd.DataFrame], np.ndarray]
    features: tuple[str, ...]
    parts: tuple[str, ...] = ()  # a joint comparison: the comparisons it reads together
    combos: tuple[tuple[int, ...], ...] = ()  # ... and each part's level (or MISSING) at each level


def joint(name: str, first: Comparison, second: Comparison) -> Comparison:
    """Two comparisons read as one, a level per combination of their levels (MISSING when both
    are): for evidence that is not independent given the class, e.g. a template whose slots hold
    two different names and the different names themselves, which a scorer summing the two
    would count twice (Winkler 1989's remedy for conditional dependence)."""
    combos = tuple((i, j) for i in range(MISSING, len(first.levels)) for j in range(MISSING, len(second.levels))
                   if (i, j) != (MISSING, MISSING))
    width = len(second.levels) + 1

    def label(comparison: Comparison, level: int) -> str:
        return f"{comparison.name} not comparable" if level == MISSING else comparison.levels[level]

    def compute(f: pd.DataFrame) -> np.ndarray:
        a, b = first.compute(f).astype(np.int16), second.compute(f).astype(np.int16)
        code = (a - MISSING) * width + (b - MISSING) - 1
        return np.where((a == MISSING) & (b == MISSING), MISSING, code).astype(np.int8)

    return Comparison(name, tuple(f"{label(first, i)}; {label(second, j)}" for i, j in combos), compute,
                      first.features + second.features, (first.name, second.name), combos)


COMPARISONS: tuple[Comparison, ...] = (
    Comparison("text", ("jaccard<0.3", "0.3-0.5", "0.5-0.7", "0.7-0.85", ">=0.85"), _text, ("text_jaccard",)),
    Comparison("fuzz", ("token-set<0.6", "0.6-0.8", "0.8-0.9", ">=0.9"), _fuzz, ("text_fuzz",)),
    Comparison("template", ("different texts", "one template", "one template, other person"), _template,
               ("same_template", "template_conflict")),
    *_contact_comparisons("phone", "phone"),
    *_contact_comparisons("email", "e-mail"),
    *_contact_comparisons("handle", "handle"),
    Comparison("photo", ("no photo in common (1-3 photo pairs)", "no photo in common (4+ photo pairs)",
                         "stock photo", "near photo", "same photo"), _photo,
               ("photos_compared", "image_distance", "image_spread", "image_claims")),
    Comparison("name", ("different names", "same name"), _name, ("name_match",)),
    Comparison("age", ("age as the time between says", "a year off the time between", "age kept over the years",
                       "2-3 years off the time between", "4+ years off the time between"), _age,
               ("age_change", "days_apart")),
    Comparison("city", ("different cities", "same city"), _code("same_city"), ("same_city",)),
    Comparison("site", ("different sites", "same site"), _code("same_site"), ("same_site",)),
    Comparison("days", ("within a week", "within a month", "over a month apart"), _days, ("days_apart",)),
)
_SINGLE = {c.name: c for c in COMPARISONS}
# a template with another name in its slot is "other person" because the names differ: one joint
# comparison, so that a person who sometimes uses an alias in her own template is not counted
# against twice (text-scale: different names, same age, one template: 64% one person, scored 0.40)
COMPARISONS += (joint("name_template", _SINGLE["name"], _SINGLE["template"]),)
BY_NAME = {c.name: c for c in COMPARISONS}


def comparison_levels(features: pd.DataFrame, names: tuple[str, ...] | None = None,
                      stock_photo_contacts: int = STOCK_PHOTO_CONTACTS) -> pd.DataFrame:
    """Level of every comparison (columns) for every pair (rows); MISSING where not comparable.
    stock_photo_contacts: phones from which a shared photo is a stock photo (link.stock_photo_contacts)."""
    chosen = COMPARISONS if names is None else tuple(BY_NAME[n] for n in names)
    if stock_photo_contacts != STOCK_PHOTO_CONTACTS:  # the photo comparison (in no joint) read with it
        chosen = tuple(replace(c, compute=partial(_photo, stock=stock_photo_contacts)) if c.name == "photo" else c
                       for c in chosen)
    return pd.DataFrame({c.name: c.compute(features) for c in chosen}, index=features.index)

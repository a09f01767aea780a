"""Comparison levels: each pair feature cut into a few ordered levels, as in Fellegi–Sunter.

A comparison turns one piece of evidence (text similarity, a shared phone and how many persons
that phone serves, a photo and whether it is a stock photo, ...) into an integer level per pair;
-1 means "cannot compare" (a side is missing) and contributes nothing. The scorers
(`fellegi_sunter`, `supervised`) and the explanations all work on these levels, so a level means
the same thing everywhere. Cut points are set from what the evidence means, not tuned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from adcount.link.features import NO_IMAGE_MATCH

MISSING = -1
STOCK_PHOTO_CONTACTS = 3  # a photo seen with this many distinct phones or more is a stock photo
PHOTO_PAIRS_SEVERAL = 4  # photo pairs compared (photos of one ad x of the other) that make "none in common" telling
CLOSE_PHOTO_BITS = 4  # Hamming distance of a re-encoded or resized copy of one photo


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


def _contact(kind: str) -> Callable[[pd.DataFrame], np.ndarray]:
    def level(f: pd.DataFrame) -> np.ndarray:
        shared = f[f"shared_{kind}s"].to_numpy()
        spread = f[f"{kind}_spread"].to_numpy()
        # 0 none in common; 1 a key serving 3+ persons (a hub); 2 serving 2; 3 a personal key
        shared_level = np.where(spread >= 3, 1, np.where(spread == 2, 2, 3))
        return np.where(shared < 0, MISSING, np.where(shared > 0, shared_level, 0)).astype(np.int8)
    return level


def _stock_photo(f: pd.DataFrame) -> np.ndarray:
    return f["image_spread"].to_numpy() >= STOCK_PHOTO_CONTACTS


def _flat_photo(f: pd.DataFrame) -> np.ndarray:
    """A shared photo shown with one phone under several claimed ages: the flat a network rents.
    It says "one network", which the shared phone already says, and nothing of which woman (read
    as a level of its own, -3.6 bits, it counted the network twice and split its women's ads)."""
    return (f["image_claims"].to_numpy() >= 2) & ~_stock_photo(f)


def shares_personal_photo(f: pd.DataFrame) -> np.ndarray:
    """Per pair: the two ads share a near copy of one photo that is neither stock nor a flat's."""
    return (f["image_distance"].to_numpy() < NO_IMAGE_MATCH) & ~_stock_photo(f) & ~_flat_photo(f)


def _photo(f: pd.DataFrame) -> np.ndarray:
    distance = f["image_distance"].to_numpy()
    compared = f["photos_compared"].to_numpy()
    matched = distance < NO_IMAGE_MATCH
    near = np.where(distance <= CLOSE_PHOTO_BITS, 4, 3)
    apart = (compared >= PHOTO_PAIRS_SEVERAL).astype(np.int8)  # none in common: after 1-3 or 4+ photo pairs
    level = np.where(matched, np.where(_stock_photo(f), 2, near), apart)
    return np.where((compared > 0) & ~(matched & _flat_photo(f)), level, MISSING).astype(np.int8)


def _name(f: pd.DataFrame) -> np.ndarray:
    return f["name_match"].to_numpy().astype(np.int8)


def _age(f: pd.DataFrame) -> np.ndarray:
    # one person restates her age, or one year more after a birthday; two persons claim the
    # same age a third as often as ages one year apart (two chances), so the two are told apart
    return _cut(f["age_diff"].to_numpy(dtype=float), (0.5, 1.5, 3.5))


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
    Comparison("phone", ("none shared", "hub phone (3+ persons)", "phone of 2 persons", "personal phone"),
               _contact("phone"), ("shared_phones", "phone_spread")),
    Comparison("email", ("none shared", "hub e-mail", "e-mail of 2 persons", "personal e-mail"), _contact("email"),
               ("shared_emails", "email_spread")),
    Comparison("handle", ("none shared", "hub handle", "handle of 2 persons", "personal handle"), _contact("handle"),
               ("shared_handles", "handle_spread")),
    Comparison("photo", ("no photo in common (1-3 photo pairs)", "no photo in common (4+ photo pairs)",
                         "stock photo", "near photo", "same photo"), _photo,
               ("photos_compared", "image_distance", "image_spread", "image_claims")),
    Comparison("name", ("different names", "same name"), _name, ("name_match",)),
    Comparison("age", ("same age", "1 year apart", "2-3 years apart", "4+ years apart"), _age, ("age_diff",)),
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


def comparison_levels(features: pd.DataFrame, names: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Level of every comparison (columns) for every pair (rows); MISSING where not comparable."""
    chosen = COMPARISONS if names is None else tuple(BY_NAME[n] for n in names)
    return pd.DataFrame({c.name: c.compute(features) for c in chosen}, index=features.index)

"""How each person writes her ads in one language: which templates, sentences and closing.

A ``Style`` holds, per person, indices in the shared phrase space of ``phrasebooks``. Persons
posted by one organiser (a network or an agency) write their organiser's template; "decoys" copy
the body sentences of an unrelated person of their family. The French style is drawn first, in
the order the original generator drew it, so its presets keep their texts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .phrasebooks import BOOKS, GENDER_TAGS, block

NEUTRAL_STYLE = len(GENDER_TAGS)  # style "gender" of decoys: sentences fitting everyone
N_PARAPHRASES = 3  # every sentence group of every language has three paraphrases


@dataclass
class Style:
    """Per-person choices for one language (indices in the shared phrase space)."""

    opening: np.ndarray
    title: np.ndarray
    body_group: np.ndarray  # (n, k) body group per sentence slot, -1 when absent
    body_para: np.ndarray  # (n, k) paraphrase of each
    closing_group: np.ndarray
    closing_para: np.ndarray
    contact: np.ndarray  # contact-line template

    def copy_rows(self, targets: np.ndarray, sources: np.ndarray,
                  fields: tuple[str, ...] | None = None) -> None:
        """Give persons ``targets`` the choices of persons ``sources`` (all fields or some)."""
        for name in fields or tuple(self.__dataclass_fields__):
            values = getattr(self, name)
            values[targets] = values[sources]


def _choose_body(rng: np.random.Generator, language: str, style: np.ndarray,
                 k_range: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Distinct body groups per person (those fitting her style), -1 beyond her count."""
    body = BOOKS[language].body
    n, k_max = len(style), k_range[1]
    fits = np.array([[tag in tags for tags, _ in body] for tag in GENDER_TAGS]
                    + [[len(tags) == len(GENDER_TAGS) for tags, _ in body]])  # (4, G)
    keys = rng.random((n, len(body)))
    keys[~fits[style]] = 2.0
    groups = np.argsort(keys, axis=1)[:, :k_max] + block("body", language)[0]
    count = rng.integers(k_range[0], k_max + 1, size=n)
    groups[np.arange(k_max)[None, :] >= count[:, None]] = -1
    return groups, rng.integers(0, N_PARAPHRASES, size=(n, k_max))


def _codes(language: str | np.ndarray, n: int) -> tuple[list[str], np.ndarray]:
    """The distinct languages of the rows, and each row's position among them."""
    if isinstance(language, str):
        return [language], np.zeros(n, dtype=np.int64)
    position, distinct = pd.factorize(np.asarray(language, dtype=object))
    return list(distinct), position


def template_bounds(kind: str, language: str | np.ndarray,
                    gender: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row, [low, high) of the templates of its language and gender."""
    distinct, position = _codes(language, len(gender))
    table = np.array([[block(kind, code, g) for g in range(len(GENDER_TAGS))]
                      for code in distinct], dtype=np.int64)  # (languages, genders, 2)
    bounds = table[position, gender]
    return bounds[:, 0], bounds[:, 1]


def flat_bounds(kind: str, language: str | np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, [low, high) of the (ungendered) entries of its language."""
    distinct, position = _codes(language, n)
    bounds = np.array([block(kind, code) for code in distinct], dtype=np.int64)[position]
    return bounds[:, 0], bounds[:, 1]


def draw_style(rng: np.random.Generator, language: str, gender: np.ndarray, style: np.ndarray,
               k_range: tuple[int, int]) -> Style:
    """Every person's choices in ``language`` (``style``: the gender whose sentences she
    writes, ``NEUTRAL_STYLE`` for decoys)."""
    n = len(gender)
    body_group, body_para = _choose_body(rng, language, style, k_range)
    opening = rng.integers(*template_bounds("openings", language, gender))
    title = rng.integers(*template_bounds("titles", language, gender))
    closing_group = rng.integers(*block("closings", language), n)
    closing_para = rng.integers(0, N_PARAPHRASES, n)
    contact = rng.integers(*block("contact_phone", language), n)
    return Style(opening, title, body_group, body_para, closing_group, closing_para, contact)


def align_templates(chosen: np.ndarray, kind: str, language: str, members: np.ndarray,
                    leaders: np.ndarray, gender: np.ndarray) -> None:
    """Give each member her leader's template, of the same rank in her gender's set."""
    first = block(kind, language, 0)[0]
    rank = chosen[leaders] - first
    member_gender = gender[members]
    aligned = chosen[members]
    for g in range(len(GENDER_TAGS)):
        start, stop = block(kind, language, g)
        aligned = np.where(member_gender == g, start + rank % (stop - start), aligned)
    chosen[members] = aligned


def follow_organisers(style: Style, language: str, members: np.ndarray, leaders: np.ndarray,
                      gender: np.ndarray) -> None:
    """An organiser writes one text for all her persons: members take the leader's body,
    closing and contact line, and her templates in their own gender."""
    style.copy_rows(members, leaders, ("body_group", "body_para", "closing_group",
                                       "closing_para", "contact"))
    align_templates(style.opening, "openings", language, members, leaders, gender)
    align_templates(style.title, "titles", language, members, leaders, gender)


def organiser_leaders(network: np.ndarray, organised: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(members, leader of each): persons with ``organised`` set and the lowest-indexed
    person of their network."""
    members = np.flatnonzero(organised)
    if len(members) == 0:
        return members, members
    nets, first = np.unique(network[members], return_index=True)
    return members, members[first][np.searchsorted(nets, network[members])]

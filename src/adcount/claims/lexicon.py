"""Per-language lexicons: the data that tells the readers what an ad's words claim.

One JSON file per language in `lexicons/` (read and checked by `adcount.lexicon_format`) (`en.json`, `fr.json`), in the format documented in
docs/claims.md: stop words (to tell the language), cues of names and ages, gender words with
the client-side traps around them, origin adjectives and country names mapped to ISO 3166
alpha-2 codes or region labels, spoken-language words mapped to ISO 639-1 codes. Phrases are
written as people write them ("je m'appelle", "brésilienne") and normalised here the way ad
texts are, so the lexicon and the texts meet on the same spelling.

A user extends a language (more name cues, a local nationality word) or adds one with a
dictionary of the same shape, through `read_claims(lexicons=...)` or the `claims.lexicons`
configuration field: lists are appended to the built-in ones, word maps are updated.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from adcount.claims.phrases import ANY_NUMBER, PhraseTable, word_ids
from adcount.claims.tokens import GLUE_MARK, Tokens, split_glued
from adcount.lexicon_format import SCHEMA, lexicon_data
from adcount.text.normalize import normalize_texts

GENDERS = ("woman", "man", "trans")  # gender codes index this tuple; -1 is "not stated"
WEAK = 1  # flag of a gender word that only tells when no plain gender word is written (grammar)
NEEDS_CUE = 1  # flag of a country name: a claim only right after a cue ("from", "originaire de")

_CLAIM_TABLES = ("gender", "origin", "spoken")  # tables whose phrases claim something: the longest match wins


@dataclass(frozen=True)
class Lexicon:
    """One language, compiled: its word list and one phrase table per lexicon entry."""

    language: str
    words: pd.Index  # every word of every phrase; table word ids index it
    stop_words: frozenset[str]
    never_names: frozenset[str]  # not_names, stop words and the words of the lexicon's phrases, but for
    # grammar-only gender words and age person words ("Princesse", "Bambi", "Candy" are aliases too)
    not_endings: tuple[str, ...]  # word endings of adjectives and common nouns ("-euse", "-ing"): never names
    tables: Mapping[str, PhraseTable]

    def ids(self, tokens: Tokens) -> np.ndarray:
        """Lexicon word id of each token (-1: not a word of this lexicon)."""
        return word_ids(self.words, tokens.vocabulary, tokens.vocabulary_number)[tokens.word]


def load_lexicon(language: str, extension: Mapping[str, Any] | None = None) -> Lexicon:
    """The compiled lexicon of `language`: the built-in one extended by `extension`, or
    `extension` alone for a language adcount does not ship (it must then give stop words)."""
    lexicon_data(language, extension)  # validates before anything is cached
    return _compiled(language, json.dumps(extension or {}, sort_keys=True))


@lru_cache(maxsize=16)
def _compiled(language: str, extension_json: str) -> Lexicon:
    data = lexicon_data(language, json.loads(extension_json))
    entries = _entries(data)
    stop_list = data.get("stop_words", [])
    not_names_list = data.get("names", {}).get("not_names", [])
    phrases = sorted({phrase for items in entries.values() for phrase, _, _ in items} | set(stop_list)
                     | set(not_names_list))
    spelled = dict(zip(phrases, _normalised_phrases(phrases)))
    stop_words = frozenset(word for phrase in stop_list for word in spelled[phrase])
    phrase_words = {word for items in entries.values() for phrase, _, _ in items for word in spelled[phrase]}
    words = pd.Index(sorted(phrase_words | stop_words), dtype=object)
    position = {word: k for k, word in enumerate(words)}
    tables = {}
    for name, items in entries.items():
        rows = [(tuple(position[word] for word in spelled[phrase]), label, flag) for phrase, label, flag in items]
        tables[name] = PhraseTable.build(rows, _labels(name, items), longest_wins=name in _CLAIM_TABLES)
    not_names = {word for phrase in not_names_list for word in spelled[phrase]}
    alias_like = {word for phrase, _, flag in entries["gender"] if flag == WEAK for word in spelled[phrase]}
    alias_like |= {word for phrase, _, _ in entries["age_person_words"] for word in spelled[phrase]}
    others = {word for name, items in entries.items() if name != "age_person_words"
              for phrase, _, flag in items if not (name == "gender" and flag == WEAK) for word in spelled[phrase]}
    endings = tuple(sorted({ending.strip().lower() for ending in data.get("names", {}).get("not_endings", [])}))
    never = not_names | stop_words | others | (phrase_words - alias_like)
    return Lexicon(language, words, stop_words, frozenset(never), endings, tables)


def _labels(name: str, items: list[tuple[str, str | None, int]]) -> tuple[str, ...]:
    if name == "gender":
        return GENDERS
    return tuple(sorted({label for _, label, _ in items if label is not None}))


def _entries(data: Mapping[str, Any]) -> dict[str, list[tuple[str, str | None, int]]]:
    """Each phrase table's (phrase, label or None, flag) rows, from the lexicon's fields."""
    def plain(section: str, field: str) -> list[tuple[str, str | None, int]]:
        return [(phrase, None, 0) for phrase in data.get(section, {}).get(field, [])]

    gender = data.get("gender", {})
    origin = data.get("origin", {})
    entries = {
        "name_before": plain("names", "cues_before"),
        "name_after": plain("names", "cues_after"),
        "name_not_after": plain("names", "not_after"),
        "gender": ([(p, g, 0) for g in GENDERS for p in gender.get(g, [])]
                   + [(p, g, WEAK) for g in ("woman", "man") for p in gender.get(f"{g}_weak", [])]
                   + plain("gender", "traps")),
        "gender_not_before": plain("gender", "not_before"),
        "gender_not_after": plain("gender", "not_after"),
        "origin": ([(p, label, 0) for p, label in origin.get("words", {}).items()]
                   + [(p, label, NEEDS_CUE) for p, label in origin.get("countries", {}).items()]
                   + plain("origin", "traps")),
        "origin_cues": plain("origin", "country_cues"),
        "origin_trip_words": plain("origin", "trip_words"),
        "origin_not_before": plain("origin", "not_before"),
        "origin_not_after": plain("origin", "not_after"),
        "spoken": [(p, label, 0) for p, label in data.get("spoken", {}).get("words", {}).items()],
        "spoken_before": plain("spoken", "cues_before"),
        "spoken_after": plain("spoken", "cues_after"),
        "spoken_connectors": plain("spoken", "connectors"),
    }
    for field in SCHEMA["ages"]:
        entries[f"age_{field}"] = plain("ages", field)
    return entries


def _normalised_phrases(phrases: list[str]) -> list[tuple[str, ...]]:
    """Each phrase as the words an ad text normalises to; "#" stays the any-number word."""
    pieces = [piece for phrase in phrases for piece in phrase.split()]
    spelled = dict(zip(pieces, normalize_texts(pieces)))
    spelled[ANY_NUMBER] = ANY_NUMBER
    glued = split_glued(pa.array([spelled[piece] for piece in pieces], type=pa.large_string())).to_pylist()
    words_of = dict(zip(pieces, ([w.removeprefix(GLUE_MARK) for w in text.split()] for text in glued)))
    return [tuple(word for piece in phrase.split() for word in words_of[piece]) for phrase in phrases]


"""Per-language lexicons: the data that tells the readers what an ad's words claim.

One JSON file per language in `lexicons/` (`en.json`, `fr.json`), in the format documented in
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
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from adcount.claims.phrases import ANY_NUMBER, PhraseTable, word_ids
from adcount.claims.tokens import GLUE_MARK, Tokens, split_glued
from adcount.normalize.text import normalize_texts

BUILTIN_DIR = Path(__file__).parent / "lexicons"
GENDERS = ("woman", "man", "trans")  # gender codes index this tuple; -1 is "not stated"
WEAK = 1  # flag of a gender word that only tells when no plain gender word is written (grammar)
NEEDS_CUE = 1  # flag of a country name: a claim only right after a cue ("from", "originaire de")

_LIST, _MAP = "list", "map"
SCHEMA: dict[str, Any] = {
    "language": str,
    "about": str,
    "stop_words": _LIST,
    "names": {"cues_before": _LIST, "cues_after": _LIST, "not_after": _LIST, "not_names": _LIST,
              "not_endings": _LIST},
    "ages": {"labels_before": _LIST, "cues_before": _LIST, "cues_after": _LIST, "glued_after": _LIST,
             "person_words": _LIST, "not_before": _LIST, "not_after": _LIST, "units": _LIST, "range_words": _LIST},
    "gender": {"woman": _LIST, "man": _LIST, "trans": _LIST, "woman_weak": _LIST, "man_weak": _LIST,
               "traps": _LIST, "not_before": _LIST, "not_after": _LIST},
    "origin": {"words": _MAP, "countries": _MAP, "country_cues": _LIST, "trip_words": _LIST, "traps": _LIST,
               "not_before": _LIST, "not_after": _LIST},
    "spoken": {"words": _MAP, "cues_before": _LIST, "cues_after": _LIST, "connectors": _LIST},
    "youth_words": _LIST,  # youth wording that, with a claimed age under 20, raises a protection flag (report)
    "services": _MAP,  # service phrase -> service label, for the persons' profiles (report)
}
_ORIGIN_LABEL = re.compile(r"[A-Z]{2}|[a-z]+(-[a-z]+)*")  # ISO 3166 alpha-2, or a region such as "latina"
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 (639-3 where 639-1 has none)


_CLAIM_TABLES = ("gender", "origin", "spoken")  # tables whose phrases claim something: the longest match wins


class LexiconError(ValueError):
    """A lexicon (built-in, file or user extension) has a wrong shape; the message names the field."""


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


def builtin_languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in BUILTIN_DIR.glob("*.json")))


def check_lexicon_data(data: Any, where: str) -> None:
    """Raise LexiconError unless `data` has the lexicon shape (any subset of its fields)."""
    _check_level(data, SCHEMA, where)


def load_lexicon(language: str, extension: Mapping[str, Any] | None = None) -> Lexicon:
    """The compiled lexicon of `language`: the built-in one extended by `extension`, or
    `extension` alone for a language adcount does not ship (it must then give stop words)."""
    lexicon_data(language, extension)  # validates before anything is cached
    return _compiled(language, json.dumps(extension or {}, sort_keys=True))


def lexicon_data(language: str, extension: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The raw (not normalised) lexicon of `language` with `extension` merged in; LexiconError
    when either has a wrong shape."""
    if extension is not None:
        check_lexicon_data(extension, f"lexicon {language!r}")
    path = BUILTIN_DIR / f"{language}.json"
    if path.exists():
        base = json.loads(path.read_text(encoding="utf-8"))
        check_lexicon_data(base, str(path))
    elif extension and extension.get("stop_words"):
        base = {}
    else:
        raise LexiconError(f"no built-in lexicon for language {language!r} (built in: {list(builtin_languages())});"
                           " a new language needs a lexicon with at least 'stop_words'")
    return _merged(base, extension or {})


def _check_level(data: Any, schema: dict[str, Any], where: str) -> None:
    if not isinstance(data, Mapping):
        raise LexiconError(f"{where} must be an object with fields among {sorted(schema)}")
    unknown = sorted(set(data) - set(schema))
    if unknown:
        raise LexiconError(f"unknown field(s) {unknown} in {where}; known: {sorted(schema)}")
    for key, value in data.items():
        kind, place = schema[key], f"{where}.{key}"
        if isinstance(kind, dict):
            _check_level(value, kind, place)
        elif kind == _LIST:
            if not isinstance(value, list) or not all(isinstance(word, str) and word.strip() for word in value):
                raise LexiconError(f"{place} must be a list of non-empty strings")
        elif kind == _MAP:
            _check_map(value, place)
        elif not isinstance(value, kind):
            raise LexiconError(f"{place} must be a {kind.__name__}")


def _check_map(value: Any, place: str) -> None:
    pattern = _LANGUAGE_CODE if place.endswith("spoken.words") else _ORIGIN_LABEL
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and k.strip() for k in value):
        raise LexiconError(f"{place} must map phrases to labels")
    wrong = sorted(str(label) for label in value.values() if not isinstance(label, str) or not pattern.fullmatch(label))
    if wrong:
        expected = ("ISO 639-1 language codes (e.g. 'en')" if pattern is _LANGUAGE_CODE else
                    "ISO 3166 alpha-2 codes (e.g. 'BR') or lower-case region labels (e.g. 'latina')")
        raise LexiconError(f"{place}: labels {wrong[:5]} are not {expected}")


def _merged(base: Mapping[str, Any], extension: Mapping[str, Any]) -> dict[str, Any]:
    """Lists appended, maps updated, recursively."""
    merged = dict(base)
    for key, value in extension.items():
        if isinstance(value, Mapping) and not _is_label_map(key):
            merged[key] = _merged(base.get(key, {}), value)
        elif isinstance(value, list):
            merged[key] = [*base.get(key, []), *value]
        elif isinstance(value, Mapping):
            merged[key] = {**base.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


def _is_label_map(key: str) -> bool:
    return key in ("words", "countries")


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


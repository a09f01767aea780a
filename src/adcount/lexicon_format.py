"""The lexicon format: the shape of the per-language lexicon files and of users' additions.

The built-in lexicons are JSON files in `claims/lexicons/` (format in docs/claims.md); a user
extends one, or adds a language, with a dictionary of the same shape (`claims.lexicons` in the
configuration). This module checks that shape and merges an extension into its built-in
lexicon; it sits at the bottom of the package (it imports nothing of adcount) because both the
configuration, which validates `claims.lexicons` when it is built, and the claims readers, which
compile the lexicons (`adcount.claims.lexicon`), need it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

BUILTIN_DIR = Path(__file__).parent / "claims" / "lexicons"

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


class LexiconError(ValueError):
    """A lexicon (built-in, file or user extension) has a wrong shape; the message names the field."""


def builtin_languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in BUILTIN_DIR.glob("*.json")))


def check_lexicon_data(data: Any, where: str) -> None:
    """Raise LexiconError unless `data` has the lexicon shape (any subset of its fields)."""
    _check_level(data, SCHEMA, where)


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

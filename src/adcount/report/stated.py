"""What each ad states about its person: from its columns where they are filled, else from its text.

Sites print profile fields in their own words ("female", "F", "Femme"; "Ukrainian", "Roumanie",
"CN"), and the text claims (`adcount.claims`) speak in codes ("woman", "UA"). Column values are
read with the same lexicons as the texts, one language at a time (a lone word has no stop word to
tell its language), so a column and a text that say one thing give one label. Youth wording and
services are phrases of the lexicons (`youth_words`, `services`), matched in each ad's own
language on the normalised text with one RE2 pass per phrase list (pyarrow), not per ad.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from adcount.claims import GENDERS, Claims, builtin_languages, read_claims
from adcount.lexicon_format import lexicon_data
from adcount.text.normalize import normalize_texts

# one-letter codes that sites print in a gender field (F/W woman, M/H man: "homme", T trans)
GENDER_LETTERS = {"f": "woman", "w": "woman", "m": "man", "h": "man", "t": "trans"}
_ISO_CODE = re.compile(r"[A-Za-z]{2}")  # a nationality column that already holds ISO 3166 alpha-2 codes


@dataclass(frozen=True)
class Stated:
    """Per ad (aligned with the ads table): the claims the profiles are made of."""

    gender: np.ndarray  # object: "woman" | "man" | "trans" | ""
    age: np.ndarray  # float: claimed age, NaN when none
    origin: np.ndarray  # object: ISO 3166 alpha-2 code, region label ("latina"), or ""
    spoken: sp.csr_matrix  # ads x spoken_labels (ISO 639-1)
    spoken_labels: np.ndarray
    services: sp.csr_matrix  # ads x service_labels
    service_labels: np.ndarray
    youth: np.ndarray  # bool: the ad uses youth wording ("toute jeune", "barely legal")
    youth_words: np.ndarray  # object: the youth phrases found, "|"-joined ("" when none)

    @property
    def n_ads(self) -> int:
        return len(self.age)


def stated_by_ads(table: pd.DataFrame, claims: Claims,
                  lexicons: Mapping[str, Mapping[str, Any]] | None = None) -> Stated:
    """Per-ad statements of `table` (canonical ads columns) and its `claims` (`DedupResult.claims`).
    lexicons: the additions to the built-in lexicons the run used (`Config.claims.lexicons`)."""
    lexicons = dict(lexicons or {})
    text_gender = np.asarray(("",) + GENDERS, dtype=object)[claims.gender.astype(np.int64) + 1]
    gender = _column_or(read_gender_values(table["gender"]), text_gender)
    origin = _column_or(read_origin_values(table["nationality"]), _first_label(claims.origins, claims.origin_labels))
    age = table["age"].to_numpy(dtype=float, na_value=np.nan)
    age = np.where(np.isnan(age), claims.age, age)
    normalised = pa.array(normalize_texts((table["title"] + "\n" + table["text"]).tolist()), type=pa.large_string())
    language = np.asarray(claims.language, dtype=np.int64)
    youth_words = np.full(len(table), "", dtype=object)
    service_hits: dict[str, np.ndarray] = {}
    for k, name in enumerate(claims.languages):
        data = lexicon_data(name, lexicons.get(name))
        rows = np.flatnonzero(language == k)
        texts = normalised.take(pa.array(rows))
        found = _phrases_found(texts, data.get("youth_words", []))
        youth_words[rows] = found
        for label, phrases in _by_label(data.get("services", {})).items():
            hits = service_hits.setdefault(label, np.zeros(len(table), dtype=bool))
            hits[rows] = _phrases_found(texts, phrases) != ""
    service_labels = np.asarray(sorted(service_hits), dtype=object)
    services = sp.csr_matrix(np.column_stack([service_hits[label] for label in service_labels])
                             if len(service_labels) else np.zeros((len(table), 0), dtype=bool))
    return Stated(gender=gender, age=age, origin=origin, spoken=claims.spoken.tocsr(),
                  spoken_labels=np.asarray(claims.spoken_labels, dtype=object), services=services,
                  service_labels=service_labels, youth=youth_words != "", youth_words=youth_words)


def read_gender_values(values: pd.Series) -> np.ndarray:
    """A gender column's values as GENDERS labels ("" where none is read)."""
    letters = values.fillna("").astype(str).str.strip().str.lower().map(GENDER_LETTERS)
    read = _read_values(values, "gender", lambda lexicon: [])
    return np.where(letters.notna(), letters.fillna(""), read).astype(object)


def read_origin_values(values: pd.Series) -> np.ndarray:
    """A nationality column's values as origin labels: ISO codes as given, adjectives read as
    such ("Ukrainian"), country names read after the lexicon's first country cue ("Roumanie"
    as "originaire de Roumanie")."""
    text = values.fillna("").astype(str).str.strip()
    code = text.str.fullmatch(_ISO_CODE.pattern)
    read = _read_values(values, "origin", _origin_contexts)
    return np.where(code, text.str.upper(), read).astype(object)


def _origin_contexts(lexicon: Mapping[str, Any]) -> list[str]:
    """Where a nationality field's value is read: after the first country cue ("from Romania"),
    and as the adjective of a person ("French girl": alone, "French" is a service in English ads)."""
    cue = (lexicon.get("origin", {}).get("country_cues") or [""])[0]
    person = (lexicon.get("gender", {}).get("woman") or [""])[0]
    return [f"{cue} {{}}", f"{{}} {person}"]


def _read_values(values: pd.Series, field: str, contexts: Any) -> np.ndarray:
    """Read the distinct values of a profile column with each built-in language alone (the first
    that reads a label wins): as they are, then in each of `contexts(lexicon)` ("from {}")."""
    text = values.fillna("").astype(str).str.strip()
    distinct = pd.unique(text[text != ""])
    labels = np.full(len(distinct), "", dtype=object)
    for language in builtin_languages():
        for context in ["{}", *contexts(lexicon_data(language))]:
            todo = np.flatnonzero(labels == "")
            if not todo.size:
                break
            claims = read_claims(normalize_texts([context.format(v) for v in distinct[todo]]), languages=(language,))
            frame = claims.to_frame()
            found = frame[field].astype(str).str.extract(r"^([^|]*)", expand=False).fillna("").to_numpy(dtype=object)
            labels[todo] = found
    lookup = dict(zip(distinct, labels))
    return text.map(lookup).astype(object).fillna("").to_numpy(dtype=object)


def _column_or(column: np.ndarray, from_text: np.ndarray) -> np.ndarray:
    return np.where(column != "", column, from_text).astype(object)


def _first_label(per_ad: sp.csr_matrix, labels: np.ndarray) -> np.ndarray:
    """Per ad, the first of its labels in label order ("" when none)."""
    matrix = per_ad.tocsr().sorted_indices()
    out = np.full(matrix.shape[0], "", dtype=object)
    has = np.diff(matrix.indptr) > 0
    out[has] = np.asarray(labels, dtype=object)[matrix.indices[matrix.indptr[:-1][has]]]
    return out


def _by_label(phrases: Mapping[str, str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for phrase, label in phrases.items():
        grouped.setdefault(label, []).append(phrase)
    return grouped


def _phrases_found(texts: pa.Array, phrases: Sequence[str]) -> np.ndarray:
    """Per text, the first of `phrases` (normalised like ad texts) it contains as whole words, "" if none."""
    spelled = sorted({p for p in normalize_texts(list(phrases)) if p}, key=len, reverse=True)
    if not spelled or not len(texts):
        return np.full(len(texts), "", dtype=object)
    pattern = r"(?:^|[^a-z0-9])(?P<phrase>" + "|".join(re.escape(p) for p in spelled) + r")(?:$|[^a-z0-9])"
    found = pc.extract_regex(texts, pattern)
    matched = pc.struct_field(found, [0]).to_pylist()
    return np.asarray([m or "" for m in matched], dtype=object)

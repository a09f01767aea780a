"""Every lexicon table matched once on the token stream, each ad with the lexicon of its language.

The readers of names, ages, gender, origin and spoken languages only combine these matches
(which phrase ends right before which token), so the costly part, finding phrases, is done
once per table and language over the whole ad set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adcount.claims.language import detect_languages
from adcount.claims.lexicon import Lexicon
from adcount.claims.phrases import TRAP, Matches, match
from adcount.claims.tokens import Tokens


@dataclass(frozen=True)
class Scan:
    """The tokens, the language of each ad, and each table's matches over all ads."""

    tokens: Tokens
    language: np.ndarray  # (n_ads,) index into `languages`, or language.NO_TEXT
    languages: tuple[str, ...]
    matches: Mapping[str, Matches]  # table name -> matches; values index labels[name] (or TRAP)
    labels: Mapping[str, tuple[str, ...]]
    known: np.ndarray  # (tokens,) bool: a word of the lexicon its ad is read with
    never_name: np.ndarray  # (vocabulary,) bool: a word of some lexicon (stop word, cue, not_names ...) or
    # with an ending of not_endings

    def ends(self, table: str) -> np.ndarray:
        """Per token: a phrase of `table` ends on it."""
        return self.matches[table].ends_at(len(self.tokens.ad))

    def starts(self, table: str) -> np.ndarray:
        return self.matches[table].starts_at(len(self.tokens.ad))

    def before(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: a phrase of `table` ends right before, in the same ad."""
        previous = self.tokens.neighbour(-1)[at]
        return (previous >= 0) & self.ends(table)[np.maximum(previous, 0)]

    def after(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at` (last token of something): a phrase of `table` starts right after."""
        following = self.tokens.neighbour(1)[at]
        return (following >= 0) & self.starts(table)[np.maximum(following, 0)]


def scan(tokens: Tokens, lexicons: Sequence[Lexicon]) -> Scan:
    """Detect each ad's language and match every table of its lexicon."""
    language = detect_languages(tokens, lexicons)
    token_language = language[tokens.ad]
    ids = []
    known = np.zeros(len(tokens.ad), dtype=bool)
    for k, lexicon in enumerate(lexicons):
        own = lexicon.ids(tokens)
        own[token_language != k] = -1
        known |= own >= 0
        ids.append(own)
    matches, labels = {}, {}
    for name in lexicons[0].tables:
        labels[name] = tuple(sorted({label for lexicon in lexicons for label in lexicon.tables[name].labels}))
        parts = [_relabelled(match(lexicon.tables[name], own, tokens.ad), lexicon.tables[name].labels, labels[name])
                 for lexicon, own in zip(lexicons, ids)]
        merged = Matches(*(np.concatenate(arrays) for arrays in zip(*((m.start, m.end, m.value, m.flag) for m in parts))))
        matches[name] = merged.take(np.argsort(merged.start, kind="stable"))
    never = set().union(*(lexicon.never_names for lexicon in lexicons))
    vocabulary = pd.Series(tokens.vocabulary, dtype=object)
    never_name = vocabulary.isin(never).to_numpy(dtype=bool)
    endings = tuple(sorted({ending for lexicon in lexicons for ending in lexicon.not_endings}))
    if endings:
        never_name = never_name | vocabulary.str.endswith(endings).to_numpy(dtype=bool)
    return Scan(tokens, language, tuple(lexicon.language for lexicon in lexicons), matches, labels, known,
                never_name)


def _relabelled(found: Matches, own: tuple[str, ...], merged: tuple[str, ...]) -> Matches:
    """Values re-indexed from one lexicon's labels to the labels of all lexicons."""
    to_merged = np.array([merged.index(label) for label in own] + [TRAP], dtype=np.int64)
    return Matches(found.start, found.end, to_merged[found.value], found.flag)

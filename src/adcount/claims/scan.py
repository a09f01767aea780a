"""The token stream read with the lexicons, each ad with the lexicon of its language.

`scan` tells each ad's language, maps every token to its lexicon's word ids (-1 for a word the
lexicon does not know and for every token of an ad read in another language), and finds, once
over the whole set, the phrases that are claims (gender, origin, spoken-language words) or cues
that tell where to look (name and speaking cues). Context tables ("over", "years experience",
"pour", "de l'est de") are only looked up at the positions a reader asks about, through
`Scan.start_before` and `Scan.end_after`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adcount.claims.language import detect_languages
from adcount.claims.lexicon import Lexicon
from adcount.claims.phrases import (TRAP, Matches, WordPositions, anchors, find, phrase_ending_at,
                                    phrase_starting_at)
from adcount.claims.tokens import Tokens

FOUND_TABLES = ("gender", "origin", "spoken", "name_before", "name_after", "spoken_before", "spoken_after")


@dataclass(frozen=True)
class Scan:
    """The tokens, each ad's language, the lexicon ids of the tokens and the phrases found."""

    tokens: Tokens
    language: np.ndarray  # (n_ads,) index into `lexicons`, or language.NO_TEXT
    lexicons: tuple[Lexicon, ...]
    ids: tuple[np.ndarray, ...]  # per lexicon, (tokens,) word id in it, -1 elsewhere
    matches: Mapping[str, Matches]  # FOUND_TABLES -> matches in all ads; values index labels[name] (or TRAP)
    labels: Mapping[str, tuple[str, ...]]
    lexicon_word: np.ndarray  # (vocabulary,) bool: a word of some lexicon (stop word, cue, not_names ...)
    odd_ending: np.ndarray  # (lexicons, vocabulary) bool: ends as that language's adjectives do ("-euse", "-ing")

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lexicon.language for lexicon in self.lexicons)

    def known(self, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: a word of the lexicon its ad is read with."""
        return np.any([ids[at] >= 0 for ids in self.ids], axis=0)

    def before(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: a phrase of `table` ends right before, in the same ad."""
        return self.start_before(table, at) >= 0

    def after(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: a phrase of `table` starts right after, in the same ad."""
        return self.end_after(table, at) >= 0

    def start_before(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: start of the longest phrase of `table` ending right before, else -1."""
        return self.start_of_phrase_to(table, self.tokens.neighbour(at, -1))

    def end_after(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: end of the longest phrase of `table` starting right after, else -1."""
        return self.end_of_phrase_from(table, self.tokens.neighbour(at, 1))

    def start_of_phrase_to(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at` (-1: none): start of the longest phrase of `table` ending there, else -1."""
        return np.max([phrase_ending_at(lexicon.tables[table], ids, self.tokens.ad, at)
                       for lexicon, ids in zip(self.lexicons, self.ids)], axis=0, initial=-1)

    def end_of_phrase_from(self, table: str, at: np.ndarray) -> np.ndarray:
        """For token positions `at` (-1: none): end of the longest phrase of `table` starting there, else -1."""
        return np.max([phrase_starting_at(lexicon.tables[table], ids, self.tokens.ad, at)
                       for lexicon, ids in zip(self.lexicons, self.ids)], axis=0, initial=-1)


def scan(tokens: Tokens, lexicons: Sequence[Lexicon]) -> Scan:
    """Detect each ad's language, map tokens to lexicon ids and find the FOUND_TABLES phrases."""
    language = detect_languages(tokens, lexicons)
    token_language = language[tokens.ad]
    all_ids, found = [], {table: [] for table in FOUND_TABLES}
    for k, lexicon in enumerate(lexicons):
        ids = lexicon.ids(tokens)
        ids[token_language != k] = -1
        all_ids.append(ids)
        frequency = np.bincount(ids[ids >= 0], minlength=len(lexicon.words))
        anchor = {table: anchors(lexicon.tables[table], frequency) for table in FOUND_TABLES}
        chosen = np.zeros(len(lexicon.words), dtype=bool)
        for table, offsets in anchor.items():
            words = lexicon.tables[table].words
            chosen[words[np.arange(len(words)), offsets]] = True
        where = WordPositions.index(ids, chosen)
        for table in FOUND_TABLES:
            found[table].append(find(lexicon.tables[table], ids, tokens.ad, where, anchor[table]))
    labels, matches = {}, {}
    for table in FOUND_TABLES:
        labels[table] = tuple(sorted({label for lexicon in lexicons for label in lexicon.tables[table].labels}))
        parts = [_relabelled(part, lexicon.tables[table].labels, labels[table])
                 for part, lexicon in zip(found[table], lexicons)]
        merged = Matches(*(np.concatenate(arrays) for arrays in zip(*((m.start, m.end, m.value, m.flag) for m in parts))))
        matches[table] = merged.take(np.argsort(merged.start, kind="stable"))
    vocabulary = pd.Series(tokens.vocabulary, dtype=object)
    lexicon_word = vocabulary.isin(set().union(*(lexicon.never_names for lexicon in lexicons))).to_numpy(dtype=bool)
    odd_ending = np.array([vocabulary.str.endswith(lexicon.not_endings).to_numpy(dtype=bool) if lexicon.not_endings
                           else np.zeros(len(vocabulary), dtype=bool) for lexicon in lexicons]).reshape(len(lexicons), -1)
    return Scan(tokens, language, tuple(lexicons), tuple(all_ids), matches, labels, lexicon_word, odd_ending)


def _relabelled(found: Matches, own: tuple[str, ...], merged: tuple[str, ...]) -> Matches:
    """Values re-indexed from one lexicon's labels to the labels of all lexicons."""
    to_merged = np.array([merged.index(label) for label in own] + [TRAP], dtype=np.int64)
    return Matches(found.start, found.end, to_merged[found.value], found.flag)

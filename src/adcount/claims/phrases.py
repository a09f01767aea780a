"""Phrases of a lexicon found in the token stream, all phrases of one table at once.

A phrase is a short run of words ("my name is", "puerto rican", "h # ans", where "#" stands for
any number). A table holds the phrases of one lexicon entry with a value each (a label such as
"woman" or "BR", or -1 for a trap: a phrase that only hides what it contains, as "french kiss"
hides "french") and a flag (a meaning of the section's own: weak evidence, a country name that
needs a cue before it). Matching hashes every run of k lexicon words of the stream into one
64-bit key per start (wrapping multiply-add), looks the keys up among the phrases' keys with a
sorted search, and checks each hit word by word, so a hash collision never makes a match. Where
phrases of a claim table overlap, the longest wins: "african american" is read as one claim, not
two; cue and context tables keep every match ("je parle" and "parle" both end on "parle").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

ANY_NUMBER = "#"  # a phrase word standing for any token written in digits
TRAP = -1  # value of a phrase that hides the shorter phrases inside it and claims nothing
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Knuth's 2^64 / golden ratio: spreads the keys


@dataclass(frozen=True)
class PhraseTable:
    """The phrases of one lexicon entry, as word ids of the lexicon's word list."""

    words: np.ndarray  # (p, longest) int64 word ids, -1 padded
    length: np.ndarray  # (p,) words in each phrase
    keys: np.ndarray  # (p,) uint64 hash of each phrase
    value: np.ndarray  # (p,) int64 index into labels, or TRAP
    flag: np.ndarray  # (p,) int8, meaning set by the section
    labels: tuple[str, ...]
    opens: np.ndarray  # (lexicon words,) bool: the word starts some phrase (only there can a match start)
    longest_wins: bool  # overlapping matches: keep the longest only (claims), or all (cues, contexts)

    @classmethod
    def build(cls, phrases: list[tuple[tuple[int, ...], str | None, int]], labels: tuple[str, ...],
              n_words: int, longest_wins: bool = True) -> "PhraseTable":
        """phrases: (word ids, label or None for a trap, flag); a repeated phrase keeps its last entry."""
        unique = {ids: (label, flag) for ids, label, flag in phrases if ids}
        longest = max((len(ids) for ids in unique), default=1)
        words = np.full((len(unique), longest), -1, dtype=np.int64)
        for row, ids in enumerate(unique):
            words[row, : len(ids)] = ids
        length = np.array([len(ids) for ids in unique], dtype=np.int64)
        index = {label: k for k, label in enumerate(labels)}
        value = np.array([TRAP if label is None else index[label] for label, _ in unique.values()], dtype=np.int64)
        flag = np.array([flag for _, flag in unique.values()], dtype=np.int8)
        keys = np.zeros(len(unique), dtype=np.uint64)
        for j in range(longest):
            inside = j < length
            keys[inside] = _mix(keys[inside], words[inside, j])
        opens = np.zeros(n_words, dtype=bool)
        opens[words[:, 0]] = True
        return cls(words, length, keys, value, flag, labels, opens, longest_wins)


@dataclass(frozen=True)
class Matches:
    """Phrases found: token span [start, end), and the phrase's value and flag."""

    start: np.ndarray
    end: np.ndarray
    value: np.ndarray
    flag: np.ndarray

    def take(self, keep: np.ndarray) -> "Matches":
        return Matches(self.start[keep], self.end[keep], self.value[keep], self.flag[keep])

    def ends_at(self, n_tokens: int) -> np.ndarray:
        """Boolean per token: some match ends on it."""
        hit = np.zeros(n_tokens, dtype=bool)
        hit[self.end - 1] = True
        return hit

    def starts_at(self, n_tokens: int) -> np.ndarray:
        hit = np.zeros(n_tokens, dtype=bool)
        hit[self.start] = True
        return hit

    def end_of_start(self, n_tokens: int) -> np.ndarray:
        """Per token: end of the match starting on it, else -1."""
        end = np.full(n_tokens, -1, dtype=np.int64)
        end[self.start] = self.end
        return end

    def start_of_end(self, n_tokens: int) -> np.ndarray:
        """Per token: start of the match whose last token it is, else -1."""
        start = np.full(n_tokens, -1, dtype=np.int64)
        start[self.end - 1] = self.start
        return start

    def covers(self, n_tokens: int) -> np.ndarray:
        """Boolean per token: inside some match."""
        edges = np.zeros(n_tokens + 1, dtype=np.int64)
        np.add.at(edges, self.start, 1)
        np.add.at(edges, self.end, -1)
        return np.cumsum(edges[:-1]) > 0


def _mix(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return keys * _HASH_MULTIPLIER + (ids.astype(np.uint64) + np.uint64(1))


def match(table: PhraseTable, ids: np.ndarray, ad: np.ndarray) -> Matches:
    """Every phrase of `table` in a token stream of lexicon word ids (-1: word not in the lexicon;
    tokens of ads read in another language carry -1 too), longest phrases first; where the table
    says so, a match overlapping a longer one already kept is dropped. Phrases never span two ads."""
    n = len(ids)
    covered = np.zeros(n, dtype=bool)
    found: list[Matches] = []
    starts = np.flatnonzero(ids >= 0)
    starts = starts[table.opens[ids[starts]]]
    for k in np.unique(table.length)[::-1]:
        of_length = np.flatnonzero(table.length == k)
        start = starts[starts + k <= n]
        start = start[ad[start + k - 1] == ad[start]]
        keys = np.zeros(len(start), dtype=np.uint64)
        known = np.ones(len(start), dtype=bool)
        for j in range(k):
            keys = _mix(keys, ids[start + j])
            known &= ids[start + j] >= 0
        start, keys = start[known], keys[known]
        order = np.argsort(table.keys[of_length])
        sorted_keys = table.keys[of_length][order]
        at = np.minimum(np.searchsorted(sorted_keys, keys), max(len(sorted_keys) - 1, 0))
        phrase = of_length[order][at]
        same = sorted_keys[at] == keys
        for j in range(k):
            same &= table.words[phrase, j] == ids[start + j]
        start, phrase = start[same], phrase[same]
        if table.longest_wins:
            free = ~covered[start[:, None] + np.arange(k)].any(axis=1)
            start, phrase = start[free], phrase[free]
            covered[(start[:, None] + np.arange(k)).ravel()] = True
        found.append(Matches(start, start + k, table.value[phrase], table.flag[phrase]))
    if not found:
        empty = np.empty(0, dtype=np.int64)
        return Matches(empty, empty, empty, empty.astype(np.int8))
    merged = Matches(*(np.concatenate(parts) for parts in zip(*((m.start, m.end, m.value, m.flag) for m in found))))
    return merged.take(np.argsort(merged.start, kind="stable"))


def word_ids(words: pd.Index, vocabulary: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """Lexicon id of each word of a text vocabulary (-1 when not in the lexicon); words written in
    digits take the id of ANY_NUMBER when the lexicon uses it."""
    ids = words.get_indexer(pd.Index(vocabulary, dtype=object)).astype(np.int64)
    if ANY_NUMBER in words:
        ids[numbers >= 0] = words.get_loc(ANY_NUMBER)
    return ids

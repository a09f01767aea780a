"""Phrases of a lexicon in the token stream: found everywhere, or looked up at given positions.

A phrase is a short run of words ("my name is", "puerto rican", "h # ans", where "#" stands for
any number). A table holds the phrases of one lexicon entry with a value each (a label such as
"woman" or "BR", or -1 for a trap: a phrase that only hides what it contains, as "french kiss"
hides "french") and a flag (a meaning of the section's own: weak evidence, a country name that
needs a cue before it).

Two ways to meet them, both whole-array:

- `find` lists every occurrence of a table's phrases, for the tables whose phrases are the claims
  themselves and for the cues that tell where to look. Each phrase is anchored on its rarest word
  in this ad set, so the search visits only the occurrences of those words (a trap such as "les
  hommes" is looked for where "hommes" stands, not at every "les"). Where phrases of a claim
  table overlap, the longest wins: "african american" is one claim, not two.
- `phrase_ending_at` / `phrase_starting_at` answer, for a set of positions (the numbers that may be
  ages, the words that may be names), whether a phrase of a context table ("over", "years
  experience", "de plus de") ends or starts there: the cost follows the positions asked about,
  not the frequency of the context words.

Both hash a run of k word ids into one 64-bit key (wrapping multiply-add), search it among the
phrases' sorted keys and check each hit word by word, so a hash collision never makes a match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

ANY_NUMBER = "#"  # a phrase word standing for any token written in digits
TRAP = -1  # value of a phrase that hides the shorter phrases inside it and claims nothing
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Knuth's 2^64 / golden ratio: spreads the keys
NONE = -1


@dataclass(frozen=True)
class PhraseTable:
    """The phrases of one lexicon entry, as word ids of the lexicon's word list."""

    words: np.ndarray  # (p, longest) int64 word ids, -1 padded
    length: np.ndarray  # (p,) words in each phrase
    keys: np.ndarray  # (p,) uint64 hash of each phrase
    value: np.ndarray  # (p,) int64 index into labels, or TRAP
    flag: np.ndarray  # (p,) int8, meaning set by the section
    labels: tuple[str, ...]
    longest_wins: bool  # overlapping matches: keep the longest only (claims), or all (cues, contexts)

    @classmethod
    def build(cls, phrases: list[tuple[tuple[int, ...], str | None, int]], labels: tuple[str, ...],
              longest_wins: bool = True) -> "PhraseTable":
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
        return cls(words, length, keys, value, flag, labels, longest_wins)

    def phrases_at(self, ids: np.ndarray, ad: np.ndarray, start: np.ndarray, k: int) -> np.ndarray:
        """For spans [start, start + k) (inside the stream): the phrase of length k spelled there, else NONE."""
        found = np.full(len(start), NONE, dtype=np.int64)
        of_length = np.flatnonzero(self.length == k)
        if not len(of_length) or not len(start):
            return found
        alive = np.flatnonzero(ad[start + k - 1] == ad[start])
        words, keys = [], np.zeros(len(alive), dtype=np.uint64)
        for j in range(k):  # spans with a word unknown to the lexicon drop out as soon as it is seen
            word = ids[start[alive] + j]
            known = word >= 0
            alive, keys, word = alive[known], keys[known], word[known]
            words = [column[known] for column in words] + [word]
            keys = _mix(keys, word)
        order = np.argsort(self.keys[of_length])
        sorted_keys = self.keys[of_length][order]
        at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
        phrase = of_length[order][at]
        same = sorted_keys[at] == keys
        for j, word in enumerate(words):
            same &= self.words[phrase, j] == word
        found[alive[same]] = phrase[same]
        return found


@dataclass(frozen=True)
class Matches:
    """Phrases found: token span [start, end), and the phrase's value and flag; sorted by start."""

    start: np.ndarray
    end: np.ndarray
    value: np.ndarray
    flag: np.ndarray

    def take(self, keep: np.ndarray) -> "Matches":
        return Matches(self.start[keep], self.end[keep], self.value[keep], self.flag[keep])

    def positions(self) -> np.ndarray:
        """Sorted token positions inside some match."""
        length = self.end - self.start
        offsets = np.arange(length.sum()) - np.repeat(np.cumsum(length) - length, length)
        return np.unique(np.repeat(self.start, length) + offsets)

    def end_of_match_from(self, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: end of the longest match starting there, else NONE."""
        return _lookup(self.start, self.end, at, largest=True)

    def start_of_match_to(self, at: np.ndarray) -> np.ndarray:
        """For token positions `at`: start of the longest match whose last token is there, else NONE."""
        return _lookup(self.end - 1, self.start, at, largest=False)


@dataclass(frozen=True)
class WordPositions:
    """Where chosen lexicon words stand in the token stream: positions grouped by word (CSR)."""

    positions: np.ndarray  # token positions, grouped by word id
    offsets: np.ndarray  # (words + 1,): positions of word w are positions[offsets[w]:offsets[w + 1]]

    @classmethod
    def index(cls, ids: np.ndarray, chosen: np.ndarray) -> "WordPositions":
        """Positions of the tokens whose id is `chosen` (bool per lexicon word)."""
        safe = np.maximum(ids, 0)
        at = np.flatnonzero((ids >= 0) & chosen[safe])
        order = np.argsort(ids[at], kind="stable")
        offsets = np.concatenate([[0], np.cumsum(np.bincount(ids[at], minlength=len(chosen)))])
        return cls(at[order], offsets)

    def of(self, words: np.ndarray) -> np.ndarray:
        """Positions of any of `words` (each must have been chosen)."""
        parts = [self.positions[self.offsets[w]:self.offsets[w + 1]] for w in words]  # a table's anchor words
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def anchors(table: PhraseTable, frequency: np.ndarray) -> np.ndarray:
    """Per phrase, the offset of its rarest word in this ad set (the word to look for)."""
    counts = np.where(table.words >= 0, frequency[np.maximum(table.words, 0)], np.iinfo(np.int64).max)
    return np.argmin(counts, axis=1)


def find(table: PhraseTable, ids: np.ndarray, ad: np.ndarray, where: WordPositions,
         anchor: np.ndarray) -> Matches:
    """Every phrase of `table` in the stream of lexicon word ids (-1: not a word of this lexicon,
    or a token of an ad read in another language). `where` indexes the anchor words, `anchor`
    gives each phrase's anchor offset (see `anchors`). Phrases never span two ads."""
    n = len(ids)
    starts, phrases = [], []
    for k in np.unique(table.length):
        for offset in np.unique(anchor[table.length == k]):
            mine = (table.length == k) & (anchor == offset)
            start = where.of(np.unique(table.words[mine, offset])) - offset
            start = start[(start >= 0) & (start + k <= n)]
            phrase = table.phrases_at(ids, ad, start, k)
            ours = phrase >= 0
            ours[ours] = anchor[phrase[ours]] == offset  # a phrase anchored elsewhere is found from its own anchor
            starts.append(start[ours])
            phrases.append(phrase[ours])
    if not starts:
        return _matches(table, np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))
    start, phrase = np.concatenate(starts), np.concatenate(phrases)
    if table.longest_wins:
        start, phrase = _longest(start, phrase, table.length, n)
    order = np.argsort(start, kind="stable")
    return _matches(table, start[order], phrase[order])


def phrase_ending_at(table: PhraseTable, ids: np.ndarray, ad: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For token positions `at` (may be -1: no token): start of the longest phrase of `table`
    whose last token is there, else NONE."""
    found = np.full(len(at), NONE, dtype=np.int64)
    for k in np.unique(table.length)[::-1]:
        start = at - k + 1
        ask = (found == NONE) & (at >= 0) & (start >= 0)
        hit = table.phrases_at(ids, ad, start[ask], int(k)) >= 0
        found[np.flatnonzero(ask)[hit]] = start[ask][hit]
    return found


def phrase_starting_at(table: PhraseTable, ids: np.ndarray, ad: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For token positions `at` (may be -1): end of the longest phrase of `table` starting there, else NONE."""
    found = np.full(len(at), NONE, dtype=np.int64)
    for k in np.unique(table.length)[::-1]:
        ask = (found == NONE) & (at >= 0) & (at + k <= len(ids))
        hit = table.phrases_at(ids, ad, at[ask], int(k)) >= 0
        found[np.flatnonzero(ask)[hit]] = at[ask][hit] + k
    return found


def contains(sorted_positions: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For token positions `at`: whether they are in the sorted array `sorted_positions`."""
    if not len(sorted_positions):
        return np.zeros(len(at), dtype=bool)
    found = np.minimum(np.searchsorted(sorted_positions, at), len(sorted_positions) - 1)
    return sorted_positions[found] == at


def word_ids(words: pd.Index, vocabulary: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """Lexicon id of each word of a text vocabulary (-1 when not in the lexicon); words written in
    digits take the id of ANY_NUMBER when the lexicon uses it."""
    ids = words.get_indexer(pd.Index(vocabulary, dtype=object)).astype(np.int64)
    if ANY_NUMBER in words:
        ids[numbers >= 0] = words.get_loc(ANY_NUMBER)
    return ids


def _mix(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return keys * _HASH_MULTIPLIER + (ids.astype(np.uint64) + np.uint64(1))


def _longest(start: np.ndarray, phrase: np.ndarray, length: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Drop every match overlapping a longer one (longest first; equal lengths both kept)."""
    covered = np.zeros(n, dtype=bool)
    keep = np.zeros(len(start), dtype=bool)
    for k in np.unique(length[phrase])[::-1]:
        of_k = np.flatnonzero(length[phrase] == k)
        span = start[of_k, None] + np.arange(k)
        free = ~covered[span].any(axis=1)
        keep[of_k[free]] = True
        covered[span[free].ravel()] = True
    return start[keep], phrase[keep]


def _matches(table: PhraseTable, start: np.ndarray, phrase: np.ndarray) -> Matches:
    return Matches(start, start + table.length[phrase], table.value[phrase], table.flag[phrase])


def _lookup(keys: np.ndarray, values: np.ndarray, at: np.ndarray, largest: bool) -> np.ndarray:
    """The largest (else smallest) of values[keys == a] for each a in `at`; NONE where none."""
    if not len(keys):
        return np.full(len(at), NONE, dtype=np.int64)
    order = np.lexsort((-values if largest else values, keys))
    unique, first = np.unique(keys[order], return_index=True)
    best = values[order][first]
    found = np.minimum(np.searchsorted(unique, at), len(unique) - 1)
    return np.where(unique[found] == at, best[found], NONE)

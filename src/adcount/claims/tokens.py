"""The normalised ad texts as one flat stream of word tokens: the common input of every claim reader.

Readers look at words and their neighbours ("i m" then a name, a number then "yo"). Splitting all
texts once into a flat array of word ids, with the ad each token belongs to, turns every such test
into comparisons of shifted integer arrays. Digits glued to letters are split ("23yo" -> "23" "yo",
"1m65" -> "1" "m" "65") and each piece after the first is marked as glued to the one before, so a
reader can take "20a" as French for "20 ans" without reading "de 20 a 23h" as an age. Splitting,
tokenising and building the vocabulary are pyarrow compute kernels and numpy: no Python per ad
or per word.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

GLUE_MARK = "~"  # prefixed to a piece that was glued to the one before; never in normalised text
NO_NUMBER = -1


@dataclass(frozen=True)
class Tokens:
    """Every word of every ad, in reading order. Token arrays are aligned; `ad` is non-decreasing."""

    ad: np.ndarray  # int64 (t,): row of the ad each token belongs to
    word: np.ndarray  # int64 (t,): index into `vocabulary`
    glued: np.ndarray  # bool (t,): written glued to the token before it ("yo" of "23yo")
    vocabulary: np.ndarray  # (v,) object: the distinct words
    vocabulary_number: np.ndarray  # int64 (v,): value of a word written in digits only (at most 4), else NO_NUMBER
    n_ads: int

    def neighbour(self, at: np.ndarray, offset: int) -> np.ndarray:
        """For token positions `at`: the position `offset` places away in the same ad, or -1."""
        other = at + offset
        inside = (other >= 0) & (other < len(self.ad))
        other = np.where(inside, other, at)
        return np.where(inside & (self.ad[other] == self.ad[at]), other, -1)


def split_glued(texts: pa.Array) -> pa.Array:
    """Put a space and GLUE_MARK between digits and letters written together ("23yo" -> "23 ~yo")."""
    texts = pc.replace_substring_regex(texts, r"([0-9])([a-z])", rf"\1 {GLUE_MARK}\2")
    return pc.replace_substring_regex(texts, r"([a-z])([0-9])", rf"\1 {GLUE_MARK}\2")


def tokenise(normalised: list[str]) -> Tokens:
    """The token stream of texts that went through `normalize_texts`.

    Texts are split on spaces and dictionary-encoded by pyarrow; the digit/letter split is done
    on the distinct words only (a few thousand carry digits), then spread to their tokens."""
    lists = pc.split_pattern(pa.array(normalised, type=pa.large_string()), " ")
    pieces = pc.list_flatten(lists)
    keep = pc.not_equal(pieces, "")
    ad = pc.list_parent_indices(lists).to_numpy()[keep.to_numpy(zero_copy_only=False)].astype(np.int64)
    encoded = pc.dictionary_encode(pieces.filter(keep))
    split = split_glued(encoded.dictionary)  # "23yo" -> "23 ~yo"
    parts = pc.split_pattern(split, " ")
    part_words = pd.Series(pc.list_flatten(parts).to_numpy(zero_copy_only=False), dtype=object)
    glued_part = part_words.str.startswith(GLUE_MARK).to_numpy(dtype=bool)
    word_of_part, vocabulary = pd.factorize(part_words.str.removeprefix(GLUE_MARK))
    # each raw token becomes the parts of its dictionary entry, in order
    indices = encoded.indices.to_numpy().astype(np.int64)
    part_offsets = parts.offsets.to_numpy().astype(np.int64)
    count = np.diff(part_offsets)[indices]
    first = np.repeat(part_offsets[indices], count)
    part = first + np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    return Tokens(ad=np.repeat(ad, count), word=word_of_part[part].astype(np.int64), glued=glued_part[part],
                  vocabulary=np.asarray(vocabulary, dtype=object), vocabulary_number=_numbers(vocabulary),
                  n_ads=len(normalised))


def _numbers(vocabulary: pd.Index) -> np.ndarray:
    """Value of each word written in digits only (at most four: no phone, no year range), else NO_NUMBER."""
    words = pd.Series(vocabulary, dtype=object)
    numeric = words.str.fullmatch(r"[0-9]{1,4}").to_numpy(dtype=bool)
    values = np.full(len(words), NO_NUMBER, dtype=np.int64)
    values[numeric] = words[numeric].astype(np.int64).to_numpy()
    return values

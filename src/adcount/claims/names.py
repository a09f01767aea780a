"""Claimed first names and aliases, found without a name list, from the ad set itself.

A word is in name position after a cue ("I'm", "my name is", "call me", "ask for", "c'est",
"je m'appelle", "TS", "de 23 ans"), before one ("Jessica here"), right before a standalone
number that can be an age ("Jessica, 23", "Morgane 19 ans", "Candy 23yo") or right before a word
describing the person ("Sonia, belle africaine", "Pamela, trans brésilienne"). Common words land there too now and then
("I'm new", "jolie 25 ans"); a real name sits in name position in a large share of the ads that
contain it, a common word in a small share, and `NAME_POSITION_SHARE` separates them. Words of
the lexicons (stop words, cue words, gender and origin words, the lexicons' not_names) are never
names, nor, in an ad of a language, words with an adjective ending of it ("-euse", "-ment"). Each ad then claims every name word it contains, wherever it stands: a re-post that says
"Jessica is back" without any cue still claims Jessica. "je suis X" is no cue: it is mostly
followed by adjectives.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from adcount.claims.phrases import contains
from adcount.claims.scan import Scan

NAME_POSITION_SHARE = 0.3  # a word is a name when this share of the ads containing it put it in name position
MIN_NAME_LETTERS = 3


def read_names(scan: Scan, standalone: np.ndarray, described: np.ndarray) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
    """The name words (sorted), the binary ads x name-words CSR matrix, and per vocabulary word
    whether it is a name. `standalone`: sorted positions of numbers that can be an age on their own
    (ages.AgeNumbers.standalone); `described`: sorted positions where a gender or origin word
    claimed for the person starts."""
    tokens = scan.tokens
    candidate_word = _may_be_name(tokens.vocabulary) & ~scan.lexicon_word
    at = np.flatnonzero(candidate_word[tokens.word])
    at = at[~scan.odd_ending[scan.language[tokens.ad[at]], tokens.word[at]]]  # an ending of its ad's language
    following = tokens.neighbour(at, 1)
    before_description = (following >= 0) & (contains(standalone, following) | contains(described, following))
    after_cue, before_cue = _cued(scan, "name_before", after=True), _cued(scan, "name_after", after=False)
    in_position = contains(after_cue, at) | contains(before_cue, at) | before_description
    in_position[in_position] = ~scan.before("name_not_after", at[in_position])  # "sur Amiens", "to the scene"
    placed = _ads_per_word(tokens.ad[at[in_position]], tokens.word[at[in_position]], len(tokens.vocabulary))
    candidates = np.flatnonzero(placed)
    holding = at[placed[tokens.word[at]] > 0]
    containing = _ads_per_word(tokens.ad[holding], tokens.word[holding], len(tokens.vocabulary))
    is_name = np.zeros(len(tokens.vocabulary), dtype=bool)
    is_name[candidates] = placed[candidates] / containing[candidates] >= NAME_POSITION_SHARE
    kept = np.flatnonzero(is_name)
    kept = kept[np.argsort(tokens.vocabulary[kept].astype(str), kind="stable")]
    column = np.full(len(tokens.vocabulary), -1, dtype=np.int64)
    column[kept] = np.arange(len(kept))
    named = holding[is_name[tokens.word[holding]]]
    matrix = sp.csr_matrix((np.ones(len(named), dtype=np.float32), (tokens.ad[named], column[tokens.word[named]])),
                           shape=(tokens.n_ads, len(kept)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return tokens.vocabulary[kept], matrix, is_name


def _cued(scan: Scan, table: str, after: bool) -> np.ndarray:
    """Sorted positions right after (else right before) a phrase of `table`, in the same ad."""
    found = scan.matches[table]
    edge = scan.tokens.neighbour(found.end - 1, 1) if after else scan.tokens.neighbour(found.start, -1)
    return np.unique(edge[edge >= 0])


def _may_be_name(vocabulary: np.ndarray) -> np.ndarray:
    words = pd.Series(vocabulary, dtype=object)
    return words.str.fullmatch(rf"[a-z]{{{MIN_NAME_LETTERS},}}").to_numpy(dtype=bool)


def _ads_per_word(ad: np.ndarray, word: np.ndarray, n_words: int) -> np.ndarray:
    """How many distinct ads hold each word (counted once per ad)."""
    words_by_ads = sp.csr_matrix((np.ones(len(ad), dtype=np.int32), (word, ad)),
                                 shape=(n_words, int(ad.max(initial=0)) + 1))  # duplicates summed: one entry per ad
    return np.diff(words_by_ads.indptr)

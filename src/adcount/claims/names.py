"""Claimed first names and aliases, found without a name list, from the ad set itself.

A word is in name position after a cue ("I'm", "my name is", "call me", "ask for", "c'est",
"je m'appelle", "TS", "de 23 ans"), before one ("Jessica here"), right before a standalone
number that can be an age ("Jessica, 23", "Morgane 19 ans", "Candy 23yo") or right before a word
describing the person ("Sonia, belle africaine", "Pamela, trans brésilienne"). Common words land there too now and then
("I'm new", "jolie 25 ans"); a real name sits in name position in a large share of the ads that
contain it, a common word in a small share, and `NAME_POSITION_SHARE` separates them. Words of
the lexicons (stop words, cue words, gender and origin words, the lexicons' not_names) are never
names. Each ad then claims every name word it contains, wherever it stands: a re-post that says
"Jessica is back" without any cue still claims Jessica. "je suis X" is no cue: it is mostly
followed by adjectives.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from adcount.claims.scan import Scan

NAME_POSITION_SHARE = 0.3  # a word is a name when this share of the ads containing it put it in name position
MIN_NAME_LETTERS = 3


def read_names(scan: Scan, standalone: np.ndarray, described: np.ndarray) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
    """The name words (sorted), the binary ads x name-words CSR matrix, and per token whether it
    is a name word. `standalone`: per token, a number that can be an age (ages.standalone_numbers);
    `described`: per token, a gender or origin word claimed for the person starts on it."""
    tokens = scan.tokens
    n = len(tokens.ad)
    at = np.arange(n)
    following = np.maximum(tokens.neighbour(1), 0)
    before_description = (tokens.neighbour(1) >= 0) & (standalone | described)[following]
    in_position = scan.before("name_before", at) | scan.after("name_after", at) | before_description
    in_position &= ~scan.before("name_not_after", at)  # "sur Amiens", "to the scene": places, things
    candidate_word = _may_be_name(tokens.vocabulary) & ~scan.never_name
    in_position &= candidate_word[tokens.word]
    placed = _ads_per_word(tokens.ad[in_position], tokens.word[in_position], len(tokens.vocabulary))
    candidates = np.flatnonzero(placed)
    holds_candidate = placed[tokens.word] > 0
    containing = _ads_per_word(tokens.ad[holds_candidate], tokens.word[holds_candidate], len(tokens.vocabulary))
    is_name = np.zeros(len(tokens.vocabulary), dtype=bool)
    is_name[candidates] = placed[candidates] / containing[candidates] >= NAME_POSITION_SHARE
    kept = np.flatnonzero(is_name)
    kept = kept[np.argsort(tokens.vocabulary[kept].astype(str), kind="stable")]
    column = np.full(len(tokens.vocabulary), -1, dtype=np.int64)
    column[kept] = np.arange(len(kept))
    named = is_name[tokens.word]
    matrix = sp.csr_matrix((np.ones(int(named.sum()), dtype=np.float32), (tokens.ad[named], column[tokens.word[named]])),
                           shape=(tokens.n_ads, len(kept)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return tokens.vocabulary[kept], matrix, named


def _may_be_name(vocabulary: np.ndarray) -> np.ndarray:
    words = pd.Series(vocabulary, dtype=object)
    return words.str.fullmatch(rf"[a-z]{{{MIN_NAME_LETTERS},}}").to_numpy(dtype=bool)


def _ads_per_word(ad: np.ndarray, word: np.ndarray, n_words: int) -> np.ndarray:
    """How many distinct ads hold each word (counted once per ad)."""
    if len(ad) == 0:
        return np.zeros(n_words, dtype=np.int64)
    n_ads = int(ad.max()) + 1
    distinct = np.unique(word * n_ads + ad)
    return np.bincount(distinct // n_ads, minlength=n_words)

"""Which language each ad is read in: a vote of its stop words.

Every ad is read with one lexicon, so that a word meaning one thing in one language and another
thing in the other ("french" a service in North American ads, "français" a nationality in French
ones) is read the way its ad means it. Function words ("the", "you", "je", "vous") are frequent,
short and almost never shared between languages; the ad takes the language with most of them.
Words in the stop lists of two languages ("me", "on", "a") do not vote. An ad without a single
stop word (a bare title "Jessica 23") and a tie take the language most ads of the set are read
in; a set with no stop word at all takes the first language asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from adcount.claims.lexicon import Lexicon
from adcount.claims.tokens import Tokens

NO_TEXT = -1
_SET_LANGUAGE_BONUS = 0.5  # less than one vote: breaks ties only


def detect_languages(tokens: Tokens, lexicons: Sequence[Lexicon]) -> np.ndarray:
    """Index into `lexicons` of the language of each ad; NO_TEXT for an ad with no words."""
    counts = pd.Series([word for lexicon in lexicons for word in lexicon.stop_words]).value_counts()
    shared = set(counts.index[counts > 1])
    votes = np.zeros((tokens.n_ads, len(lexicons)))
    vocabulary = pd.Index(tokens.vocabulary, dtype=object)
    for k, lexicon in enumerate(lexicons):
        is_stop = vocabulary.isin(list(lexicon.stop_words - shared))[tokens.word]
        votes[:, k] = np.bincount(tokens.ad[is_stop], minlength=tokens.n_ads)
    voted = votes.sum(axis=1) > 0
    set_language = int(np.argmax(np.bincount(np.argmax(votes[voted], axis=1), minlength=len(lexicons))))
    votes[:, set_language] += _SET_LANGUAGE_BONUS
    language = np.argmax(votes, axis=1).astype(np.int64)
    language[np.bincount(tokens.ad, minlength=tokens.n_ads) == 0] = NO_TEXT
    return language

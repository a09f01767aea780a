"""Languages an ad says its person speaks: "I speak English and a little Spanish", "je parle
français, anglais et un peu espagnol", "English & Spanish speaking".

A language word counts only inside a run of language words and connectors ("and", "a little",
"un peu") that a speaking cue opens ("speak", "je parle") or closes ("speaking", "spoken"): a
language word elsewhere is something else ("French" kiss, "une Française"). A lone word unknown
to the lexicon does not break a run: "je parle fraancais, anglais" is a typo, not the end of the
list. The tokens of these
runs are returned too, so that the origin reader does not read "je parle français" as a French
nationality.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from adcount.claims.matrix import label_matrix
from adcount.claims.phrases import TRAP, Matches, contains
from adcount.claims.scan import Scan

MAX_RUN = 12  # words in a list of languages ("english, french, a little bit of spanish and italian")


def read_spoken(scan: Scan) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
    """The spoken-language codes (ISO 639-1, sorted), the binary ads x codes matrix, and the
    sorted positions of the tokens inside spoken-language runs."""
    tokens = scan.tokens
    words = scan.matches["spoken"]
    words = words.take(words.value != TRAP)
    opened = tokens.neighbour(scan.matches["spoken_before"].end - 1, 1)
    closed = tokens.neighbour(scan.matches["spoken_after"].start, -1)
    in_run = np.unique(np.concatenate([_run(scan, words, opened, 1), _run(scan, words, closed, -1)]))
    said = words.take(contains(in_run, words.start))
    labels, matrix = label_matrix(tokens.ad[said.start], said.value, scan.labels["spoken"], tokens.n_ads)
    return labels, matrix, in_run


def _run(scan: Scan, words: Matches, frontier: np.ndarray, step: int) -> np.ndarray:
    """Positions of the runs that start at `frontier` (-1: none) and go `step` by `step` over
    language words, connectors and lone unknown words (a run walks at most MAX_RUN steps)."""
    tokens = scan.tokens
    taken = []
    frontier = frontier[frontier >= 0]
    for _ in range(MAX_RUN):
        if step > 0:  # last token of the longer word or connector starting here
            end = np.maximum(words.end_of_match_from(frontier), scan.end_of_phrase_from("spoken_connectors", frontier))
            edge = np.where(end >= 0, end - 1, -1)
        else:  # first token of the longer word or connector ending here
            word, connector = words.start_of_match_to(frontier), scan.start_of_phrase_to("spoken_connectors", frontier)
            edge = np.where((word >= 0) & ((connector < 0) | (word < connector)), word, connector)
        edge = np.where(edge >= 0, edge, np.where(_lone_unknown(scan, frontier), frontier, -1))
        going = edge >= 0
        low, high = np.minimum(frontier, edge)[going], np.maximum(frontier, edge)[going]
        taken.append(_spans(low, high))
        frontier = tokens.neighbour(edge[going], step)
        frontier = frontier[frontier >= 0]
        if not len(frontier):
            break
    return np.concatenate(taken) if taken else np.empty(0, dtype=np.int64)


def _spans(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """All positions low[i]..high[i] (inclusive)."""
    length = high - low + 1
    return np.repeat(low, length) + np.arange(length.sum()) - np.repeat(np.cumsum(length) - length, length)


def _lone_unknown(scan: Scan, at: np.ndarray) -> np.ndarray:
    """For token positions: a word unknown to the lexicon with known words (or the text edge) on
    both sides, as a typo in a list of languages is."""
    tokens = scan.tokens
    unknown = ~scan.known(at)
    for step in (-1, 1):
        side = tokens.neighbour(at, step)
        unknown &= (side < 0) | scan.known(np.maximum(side, 0))
    return unknown

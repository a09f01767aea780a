"""Claimed origin: nationality or region, from adjectives ("Colombian", "brésilienne", "Latina",
"fille de l'Est") and from country names after a cue ("from Ukraine", "originaire d'Algérie",
"du Brésil").

Labels are ISO 3166 alpha-2 codes ("BR") or region labels ("latina", "asian", "african",
"eastern-european" ...) where an ad names no country. Precision first: a nationality word about
the client ("I love latinos", "toutes nationalités", "Asian men"), a service ("French kiss",
"Thai massage", "branlette espagnole", "à la grecque"), a place ("place d'Italie",
"Little Italy", "rue de Russie") or a spoken language ("je parle français") claims nothing.
Country names count only right after a cue ("from", "originaire de", "du"), and not when the cue
follows a trip word ("just back from Mexico", "bisous de Rome").
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from adcount.claims.lexicon import NEEDS_CUE
from adcount.claims.matrix import label_matrix
from adcount.claims.phrases import TRAP, Matches, contains
from adcount.claims.scan import Scan


def read_origin(scan: Scan, spoken_run: np.ndarray) -> tuple[np.ndarray, sp.csr_matrix, Matches]:
    """The origin labels claimed (sorted), the binary ads x labels matrix, and the origin phrases
    claimed (a country name without its cue). `spoken_run`: sorted positions inside spoken-language
    runs."""
    tokens = scan.tokens
    found = scan.matches["origin"]
    found = found.take((found.value != TRAP) & ~contains(spoken_run, found.start))
    country = found.flag == NEEDS_CUE
    cue_start = scan.start_before("origin_cues", found.start)
    cued = cue_start >= 0
    phrase_start = np.maximum(np.where(country, cue_start, found.start), 0)
    cued &= ~scan.before("origin_trip_words", phrase_start)  # "just back from Mexico", "bisous de Rome"
    claims = (~country | cued) & ~scan.before("origin_not_before", phrase_start)  # "rue" before "de russie"
    claims &= ~scan.after("origin_not_after", found.end - 1)
    found = found.take(claims)
    labels, matrix = label_matrix(tokens.ad[found.start], found.value, scan.labels["origin"], tokens.n_ads)
    return labels, matrix, found

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

from adcount.claims.phrases import TRAP
from adcount.claims.scan import Scan
from adcount.claims.matrix import label_matrix


def read_spoken(scan: Scan) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
    """The spoken-language codes (ISO 639-1, sorted), the binary ads x codes matrix, and per token
    whether it is inside a spoken-language run."""
    tokens = scan.tokens
    n = len(tokens.ad)
    words = scan.matches["spoken"]
    words = words.take(words.value != TRAP)
    previous, following = tokens.neighbour(-1), tokens.neighbour(1)
    unknown = ~scan.known
    lone_unknown = unknown & ~((previous >= 0) & unknown[np.maximum(previous, 0)])
    lone_unknown &= ~((following >= 0) & unknown[np.maximum(following, 0)])
    member = words.covers(n) | scan.matches["spoken_connectors"].covers(n) | lone_unknown
    opens = member & ~((previous >= 0) & member[np.maximum(previous, 0)])
    closes = member & ~((following >= 0) & member[np.maximum(following, 0)])
    run_start, run_end = np.flatnonzero(opens), np.flatnonzero(closes)  # the k-th run spans run_start[k]..run_end[k]
    spoken_run = scan.before("spoken_before", run_start) | scan.after("spoken_after", run_end)
    run_of = np.cumsum(opens) - 1
    in_run = member & spoken_run[np.maximum(run_of, 0)]
    said = words.take(in_run[words.start])
    labels, matrix = label_matrix(tokens.ad[said.start], said.value, scan.labels["spoken"], tokens.n_ads)
    return labels, matrix, in_run

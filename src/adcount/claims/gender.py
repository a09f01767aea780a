"""Claimed gender: woman, man or trans, from the words an ad uses for its person.

Trans ads often also say "girl", "femme" or "chica" ("ts girl", "femme trans"), so any trans word
makes the ad trans. Otherwise the first plain gender word decides (an ad describes its person
first, its clients after). Words about the client are not the person's: a gender word right after
"for", "no", "pour", "aux", "pas de" or right before "only", "welcome", "bienvenus", and the
lexicon's traps ("men only", "hommes et femmes", "girlfriend experience"), claim nothing. Grammar
("jolie", "coquine", "brésilienne"; "sportif", "beau") counts only when no plain word is written.
"""

from __future__ import annotations

import numpy as np

from adcount.claims.lexicon import GENDERS, WEAK
from adcount.claims.phrases import TRAP, Matches, contains
from adcount.claims.scan import Scan

NOT_STATED = -1
_TRANS = GENDERS.index("trans")


def read_gender(scan: Scan, spoken_run: np.ndarray) -> tuple[np.ndarray, Matches]:
    """Per ad, an index into GENDERS (int8), or NOT_STATED; and the gender words claimed for the
    person (values: indexes into GENDERS). `spoken_run`: sorted positions inside spoken-language
    runs ("je parle français" is no masculine adjective)."""
    found = scan.matches["gender"]
    found = found.take((found.value != TRAP) & ~contains(spoken_run, found.start))
    code = np.array([GENDERS.index(label) for label in scan.labels["gender"]], dtype=np.int64)[found.value]
    found = Matches(found.start, found.end, code, found.flag)
    ad = scan.tokens.ad
    plain = _about_the_person(scan, found.take(found.flag != WEAK))
    # grammar only speaks for ads that write no plain gender word (most ads write several adjectives)
    weak = found.take((found.flag == WEAK) & ~np.isin(ad[found.start], ad[plain.start]))
    weak = _about_the_person(scan, weak)
    gender = np.full(scan.tokens.n_ads, NOT_STATED, dtype=np.int8)
    for words in (weak, plain):
        ads, first = np.unique(ad[words.start], return_index=True)
        gender[ads] = words.value[first]
    gender[ad[plain.start[plain.value == _TRANS]]] = _TRANS
    claimed = Matches(*(np.concatenate(pair) for pair in zip((plain.start, plain.end, plain.value, plain.flag),
                                                             (weak.start, weak.end, weak.value, weak.flag))))
    return gender, claimed.take(np.argsort(claimed.start, kind="stable"))


def _about_the_person(scan: Scan, words: Matches) -> Matches:
    """The gender words that are not about the client ("for men", "hommes bienvenus")."""
    keep = ~scan.before("gender_not_before", words.start) & ~scan.after("gender_not_after", words.end - 1)
    return words.take(keep)

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
from adcount.claims.phrases import TRAP, Matches
from adcount.claims.scan import Scan

NOT_STATED = -1
_TRANS = GENDERS.index("trans")


def read_gender(scan: Scan, spoken_run: np.ndarray) -> tuple[np.ndarray, Matches]:
    """Per ad, an index into GENDERS (int8), or NOT_STATED; and the gender words claimed for the
    person (values: indexes into GENDERS). `spoken_run`: per token, inside a spoken-language run ("je parle français" is no
    masculine adjective)."""
    found = scan.matches["gender"]
    claims = (found.value != TRAP) & ~spoken_run[found.start] & ~scan.before("gender_not_before", found.start)
    claims &= ~scan.after("gender_not_after", found.end - 1)
    found = found.take(claims)
    code = np.array([GENDERS.index(label) for label in scan.labels["gender"]], dtype=np.int64)[found.value]
    found = Matches(found.start, found.end, code, found.flag)
    ad = scan.tokens.ad[found.start]
    gender = np.full(scan.tokens.n_ads, NOT_STATED, dtype=np.int8)
    for chosen in (found.flag == WEAK, found.flag != WEAK):  # plain words overwrite grammar
        ads, first = np.unique(ad[chosen], return_index=True)
        gender[ads] = code[chosen][first]
    gender[ad[(found.flag != WEAK) & (code == _TRANS)]] = _TRANS
    return gender, found

"""Read what each ad claims about its person, in the language it is written in.

`read_claims` takes the texts as `normalize_texts` gives them (the pipeline computes them once
for every stage), splits them into one token stream, tells each ad's language (scan.py), then
reads spoken languages, origin, gender, names and ages, in that order: a language list is no
nationality ("je parle français"), an origin or trans word is where a name stands before
("Kelly, brésilienne"), and a name, gender or origin word is what a bare age follows ("Jessica,
23", "TS, 24"). Everything is whole-array work over the token stream; nothing loops over ads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from adcount.claims.ages import age_numbers, read_ages
from adcount.claims.gender import read_gender
from adcount.claims.lexicon import GENDERS, WEAK, load_lexicon
from adcount.lexicon_format import LexiconError
from adcount.claims.names import read_names
from adcount.claims.origin import read_origin
from adcount.claims.phrases import contains
from adcount.claims.result import Claims
from adcount.claims.scan import scan
from adcount.claims.spoken import read_spoken
from adcount.claims.tokens import tokenise

DEFAULT_LANGUAGES = ("fr", "en")  # adcount's first users read French ads; the first language breaks ties


def read_claims(normalised: Sequence[str], *, languages: Sequence[str] = DEFAULT_LANGUAGES,
                lexicons: Mapping[str, Mapping[str, Any]] | None = None) -> Claims:
    """Claimed names, ages, gender, origin and spoken languages of ads whose texts went through
    `normalize_texts`.

    languages: the lexicons to read with (each ad is read with the one its stop words point to;
        the first breaks ties in a set without any).
    lexicons: per language, additions to the built-in lexicon (same shape as its JSON file: lists
        are appended, word maps updated), or a whole lexicon for a language adcount does not ship.
    """
    lexicons = dict(lexicons or {})
    unused = sorted(set(lexicons) - set(languages))
    if unused:
        raise LexiconError(f"lexicons given for {unused}, which are not among the languages read {list(languages)}")
    if not languages:
        raise LexiconError("read_claims needs at least one language")
    compiled = [load_lexicon(language, lexicons.get(language)) for language in languages]
    found = scan(tokenise(list(normalised)), compiled)
    spoken_labels, spoken, spoken_run = read_spoken(found)
    origin_labels, origins, origin_words = read_origin(found, spoken_run)
    gender, gender_words = read_gender(found, spoken_run)
    # a name stands before its origin or a trans word ("Kelly, brésilienne", "Pamela, trans");
    # before "girl" stand places and kinds as often ("California girl", "party girl")
    trans_words = gender_words.take((gender_words.value == GENDERS.index("trans")) & (gender_words.flag != WEAK))
    described = np.union1d(origin_words.start, trans_words.start)
    numbers = age_numbers(found)
    vocabulary, names, is_name = read_names(found, numbers.standalone, described)
    previous = found.tokens.neighbour(numbers.at, -1)
    described_ends = np.unique(np.concatenate([gender_words.end, origin_words.end, found.matches["name_after"].end]) - 1)
    after_person = (previous >= 0) & is_name[found.tokens.word[previous]] | contains(described_ends, previous)
    after_person |= found.start_of_phrase_to("age_person_words", previous) >= 0  # "escort, 28", "mannequin, 25 ans"
    return Claims(
        names=names, vocabulary=vocabulary, age=read_ages(found, numbers, after_person),
        gender=gender, origins=origins, origin_labels=origin_labels, spoken=spoken,
        spoken_labels=spoken_labels, language=found.language.astype(np.int8), languages=found.languages,
    )

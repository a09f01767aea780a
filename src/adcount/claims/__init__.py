"""Claims: what an ad says about its person (name, age, gender, origin, spoken languages), read
from its text with one lexicon per language. See docs/claims.md."""

from adcount.claims.lexicon import GENDERS, Lexicon, load_lexicon
from adcount.claims.persons import claims_by_person
from adcount.claims.reader import DEFAULT_LANGUAGES, read_claims
from adcount.claims.result import Claims
from adcount.lexicon_format import LexiconError, builtin_languages

__all__ = ["Claims", "DEFAULT_LANGUAGES", "GENDERS", "Lexicon", "LexiconError", "builtin_languages",
           "claims_by_person", "load_lexicon", "read_claims"]

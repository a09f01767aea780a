"""The languages ads are written in, and one index space over all their sentences.

Each language's templates and sentence groups are concatenated in ``LANGUAGES`` order, French
first, so a French choice keeps the index it had when French was the only language (the original
presets draw the same integers and get the same strings). A choice in another language is an
index in that language's block: ``block(kind, language, gender)`` gives its range.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import phrases as french
from . import phrases_de as german
from . import phrases_en as english
from . import phrases_es as spanish
from . import phrases_it as italian

GENDER_TAGS = ("f", "t", "m")


@dataclass(frozen=True)
class PhraseBook:
    """The sentences of one language (see ``phrases`` for their layout)."""

    openings: dict[str, tuple[str, ...]]
    titles: dict[str, tuple[str, ...]]
    body: tuple[tuple[str, tuple[str, ...]], ...]
    closings: tuple[tuple[str, ...], ...]
    contact_phone: tuple[str, ...]
    contact_email: tuple[str, ...]
    no_contact: tuple[str, ...]
    age_formats: tuple[tuple[str, float], ...]  # how the {age} slot is written ("{a}": bare)
    descriptors: tuple[str, ...]  # written in the {nat} slot by persons who state no origin


BOOKS: dict[str, PhraseBook] = {
    "fr": PhraseBook(french.OPENINGS, french.TITLES, french.BODY, french.CLOSINGS,
                     french.CONTACT_PHONE, french.CONTACT_EMAIL, french.NO_CONTACT,
                     (("{a}", 1.0),), ()),
    "en": PhraseBook(english.OPENINGS, english.TITLES, english.BODY, english.CLOSINGS,
                     english.CONTACT_PHONE, english.CONTACT_EMAIL, english.NO_CONTACT,
                     english.AGE_FORMATS, english.DESCRIPTORS),
    **{code: PhraseBook(m.OPENINGS, m.TITLES, m.BODY, m.CLOSINGS, m.CONTACT_PHONE,
                        m.CONTACT_EMAIL, m.NO_CONTACT, (("{a}", 1.0),), ())
       for code, m in (("es", spanish), ("de", german), ("it", italian))},
}
LANGUAGES = tuple(BOOKS)  # French first: its indices are those of the original generator

_GENDERED = ("openings", "titles")
_FLAT = ("body", "closings", "contact_phone", "contact_email", "no_contact")


def all_entries(kind: str) -> list:
    """Every entry of ``kind`` in the shared index space (templates flattened by gender)."""
    if kind in _GENDERED:
        return [t for code in LANGUAGES for tag in GENDER_TAGS
                for t in getattr(BOOKS[code], kind)[tag]]
    return [entry for code in LANGUAGES for entry in getattr(BOOKS[code], kind)]


@functools.lru_cache(maxsize=None)
def block(kind: str, language: str, gender: int | None = None) -> tuple[int, int]:
    """[start, stop) of ``language``'s entries of ``kind`` (of one gender for templates)."""
    start = 0
    for code in LANGUAGES:
        book = getattr(BOOKS[code], kind)
        if kind in _GENDERED:
            for g, tag in enumerate(GENDER_TAGS):
                if code == language and g == gender:
                    return start, start + len(book[tag])
                start += len(book[tag])
        elif code == language:
            return start, start + len(book)
        else:
            start += len(book)
    raise KeyError(f"no {kind} for language {language!r}, gender {gender!r}")

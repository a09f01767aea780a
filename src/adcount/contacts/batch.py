"""Contacts of many ad texts at once, for the pipeline.

Regex extraction is per text by nature. The per-text work stays small because each extractor
starts with a cheap test of whether the text can hold what it looks for (digits or number words
for phones, an "@"-like mark for e-mails, a platform name for handles) and all patterns are
compiled once at import.
"""

from __future__ import annotations

from collections.abc import Sequence

from adcount.contacts.emails import extract_emails
from adcount.contacts.handles import extract_handles
from adcount.contacts.phones import extract_phones

Contacts = tuple[list[str], list[str], list[str]]


def extract_contacts(texts: Sequence[str], region: str | None | Sequence[str | None] = "FR") -> list[Contacts]:
    """For each text, ``(phones, emails, handles)`` as the three single-text extractors give them.

    ``region``: one region for every text (see :func:`~adcount.contacts.phones.extract_phones`),
    or one per text (ads of several countries). Raises TypeError naming the position of the first
    element that is not a string (missing texts should be passed as ``""``), ValueError if the
    regions are not one per text.
    """
    if region is None or isinstance(region, str):
        regions: Sequence[str | None] = [region] * len(texts)
    elif len(region) != len(texts):
        raise ValueError(f"{len(region)} regions for {len(texts)} texts: give one region, or one per text")
    else:
        regions = region
    out: list[Contacts] = []
    for position, (text, text_region) in enumerate(zip(texts, regions)):
        if not isinstance(text, str):
            raise TypeError(f"text at position {position} is {type(text).__name__}, expected str")
        out.append((extract_phones(text, text_region), extract_emails(text), extract_handles(text, text_region)))
    return out

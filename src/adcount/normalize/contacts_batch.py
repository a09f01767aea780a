"""Contacts of many ad texts at once, for the pipeline.

Regex extraction is per text by nature. The per-text work stays small because each extractor
starts with a cheap test of whether the text can hold what it looks for (digits or number words
for phones, an "@"-like mark for e-mails, a platform name for handles) and all patterns are
compiled once at import.
"""

from __future__ import annotations

from collections.abc import Sequence

from adcount.normalize.emails import extract_emails
from adcount.normalize.handles import extract_handles
from adcount.normalize.phones import extract_phones

Contacts = tuple[list[str], list[str], list[str]]


def extract_contacts(texts: Sequence[str], region: str = "FR") -> list[Contacts]:
    """For each text, ``(phones, emails, handles)`` as the three single-text extractors give them.

    Raises TypeError naming the position of the first element that is not a string (missing
    texts should be passed as ``""``).
    """
    out: list[Contacts] = []
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"text at position {position} is {type(text).__name__}, expected str")
        out.append((extract_phones(text, region), extract_emails(text), extract_handles(text, region)))
    return out

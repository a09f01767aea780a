"""Contact keys of each ad: phones, e-mails and handles from the contact columns and the text.

The contact columns a site exposes and the numbers hidden in the ad text are pooled: a number
written "zéro six..." in the text is the same key as the one in the phone field, and e-mail
addresses are keyed by the mailbox they reach (Gmail ignores dots and "+tags"). Values become
keyed pseudonyms at once (unless raw contacts were asked for), so later stages and outputs only
ever see tokens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pandas as pd

from adcount.contacts.batch import extract_contacts
from adcount.contacts.emails import canonical_email, extract_emails
from adcount.contacts.phones import extract_phones
from adcount.privacy import pseudonymize, resolve_key
from adcount.contacts.ad_regions import ad_regions
from adcount.contacts.keys import ContactKeys


def ad_contacts(table: pd.DataFrame, region: str | None = None, *, key: bytes | str | None = None,
                out_dir: str | Path | None = None, raw: bool = False) -> ContactKeys:
    """Extract, pool and pseudonymise the contacts of every ad.

    ``region``: the country of national phone formats (None: each ad's `country`, else inferred
    from the set); the region used and its evidence are in the result's ``region``.
    """
    texts = (table["title"] + "\n" + table["text"]).tolist()
    choice, regions, foreign = ad_regions(table, texts, region)
    fields = pd.Series(list(zip(table["phones"].map(" / ".join), regions)), dtype=object)
    field_phones = _per_distinct(fields, lambda field: extract_phones(*field))
    field_emails = _per_distinct(table["emails"].map(" ".join), extract_emails)
    phones, emails, handles = zip(*extract_contacts(texts, regions)) if texts else ((), (), ())
    per_ad = {
        "phone": [_merge(_merge(in_field, in_text), other) for in_field, in_text, other
                  in zip(field_phones, phones, foreign)],
        "email": [_merge([canonical_email(e) for e in in_field], [canonical_email(e) for e in in_text])
                  for in_field, in_text in zip(field_emails, emails)],
        "handle": list(handles),
    }
    secret = resolve_key(key, out_dir)
    labels_of = {}
    for kind, lists in per_ad.items():
        values = sorted({v for vs in lists for v in vs})
        shown = values if raw else pseudonymize(values, secret, kind)
        labels_of[kind] = dict(zip(values, shown))
    return ContactKeys.build(per_ad, labels_of, region=choice)


def _per_distinct(fields: pd.Series, extract: Callable[[Any], list[str]]) -> list[list[str]]:
    """``extract`` of every field, run once per distinct field: a person's contact fields repeat
    across their ads (at 100k synthetic ads, 21k distinct phone fields)."""
    codes, distinct = pd.factorize(fields)
    found = [extract(field) for field in distinct]
    return [found[code] for code in codes]


def _merge(first: list[str], second: list[str]) -> list[str]:
    """Values of both lists, first-seen order, no repeats."""
    return list(dict.fromkeys(first + second))

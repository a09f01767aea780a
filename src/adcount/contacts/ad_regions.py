"""The region each ad's national phone numbers are read with, and the evidence for it.

Per ad, in order: the ad's own `country` value (an ISO code or a country name), then the region
the user set (`Config.contacts.region`, `adcount run --region`), else the region inferred from
the set (`adcount.contacts.phone_regions.infer_region`): the most common `country` value if the
set has one, otherwise a score of every region's numbering plan on a sample of the ads.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from adcount.contacts.countries import country_code
from adcount.contacts.phone_regions import RegionChoice, infer_region

# Ads read to infer the region: enough for thousands of distinct numbers, and a constant cost
# however large the set (inference took ~0.3 s on 5,000 synthetic French ads).
INFER_SAMPLE = 5_000


def ad_regions(table: pd.DataFrame, texts: list[str], region: str | None) -> tuple[RegionChoice, list[str | None]]:
    """(the set's RegionChoice, the region of each ad) for ``table`` and its ``texts`` (title and
    text of each ad); ``region`` is the configured one, or None to infer it."""
    country = table["country"] if "country" in table else pd.Series([""] * len(table), dtype=object)
    codes, values = pd.factorize(country.astype(str).str.strip())
    known_of_value = np.array([country_code(v) or "" for v in values], dtype=object)
    own = known_of_value[codes] if len(codes) else np.empty(0, dtype=object)
    has_own = own != ""
    unknown = int(((country.astype(str).str.strip() != "").to_numpy() & ~has_own).sum())
    if region is not None:
        choice = RegionChoice(region, "config")
    elif has_own.any():
        counts = pd.Series(own[has_own]).value_counts()
        top = sorted(counts.index[counts == counts.max()])[0]
        choice = RegionChoice(top, "country column")
    else:
        choice = infer_region(_sample(texts, table), _domains(table))
    choice = dataclasses.replace(choice, ads_with_country=int(has_own.sum()), unknown_countries=unknown)
    per_ad = np.where(has_own, own, choice.region).tolist() if len(own) else []
    return choice, per_ad


def _sample(texts: list[str], table: pd.DataFrame) -> list[str]:
    """Texts and phone fields of at most INFER_SAMPLE ads, chosen by a hash of their content so
    that the choice does not depend on the order of the rows."""
    fields = table["phones"].map(" / ".join).tolist()
    if len(texts) > INFER_SAMPLE:
        keys = pd.util.hash_pandas_object(pd.Series(texts, dtype=object), index=False).to_numpy()
        chosen = np.argsort(keys, kind="stable")[:INFER_SAMPLE]
        texts, fields = [texts[i] for i in chosen], [fields[i] for i in chosen]
    return texts + [f for f in fields if f]


def _domains(table: pd.DataFrame) -> list[str]:
    """Distinct sites, URLs and e-mail addresses of the set (their country domains are evidence)."""
    values: set[str] = set()
    for column in ("site", "url"):
        if column in table:
            values.update(table[column].astype(str).unique())
    if "emails" in table:
        values.update(e for emails in table["emails"] for e in emails)
    return sorted(values)

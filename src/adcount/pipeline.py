"""The order of stages: the one place that knows it.

load -> contacts -> text signatures -> photo hashes -> candidate pairs -> features -> link
probabilities -> persons and networks -> `DedupResult`. The CLI, the report and the estimators all
go through `deduplicate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from adcount.candidates.keys import key_pairs, unique_pairs
from adcount.config import Config
from adcount.link.cluster import ad_confidence, components, network_edges, person_labels
from adcount.link.features import AdSignals, contact_spread, pair_features
from adcount.link.rules import evidence_bits, probabilities
from adcount.result import DedupResult
from adcount.schema import Ads, load_ads
from adcount.signals.contacts import ad_contacts
from adcount.signals.photos import photo_evidence
from adcount.signals.text import text_evidence

Progress = Callable[[str], None]


def deduplicate(ads: Ads | pd.DataFrame | str | Path, config: Config | None = None, *,
                key: bytes | str | None = None, raw_contacts: bool = False,
                out_dir: str | Path | None = None, progress: Progress | None = None) -> DedupResult:
    """Group ads into persons and networks.

    ads: an `Ads` from `load_ads`, or anything `load_ads` accepts.
    key: secret for contact pseudonyms (else env ADCOUNT_KEY, else a key stored in `out_dir`,
        else a fresh key for this call only). Phones, e-mails and handles appear in outputs only
        as keyed pseudonyms unless `raw_contacts=True`.
    progress: optional callback told the name of each stage as it starts (the CLI draws a bar).
    """
    config = config or Config()
    if not isinstance(ads, Ads):
        ads = load_ads(ads)
    say = progress or (lambda stage: None)
    table = ads.table
    n = len(table)

    say("contacts")
    contacts = ad_contacts(table, config.contacts.region, key=key, out_dir=out_dir, raw=raw_contacts)
    age = table["age"].to_numpy(dtype=float, na_value=np.nan)

    say("text")
    text = text_evidence(table, config.text)

    say("photos")
    photos = photo_evidence(table, ads.image_root, config.images, contacts)

    say("candidates")
    contact_pairs = key_pairs(contacts.rows, contacts.key_ids, max_group=config.link.max_contact_group)
    pairs = unique_pairs(np.concatenate([text.pairs, photos.ad_pairs, contact_pairs]))

    say("linking")
    signals = AdSignals(
        text_jaccard=text.jaccard,
        contacts=contacts,
        contact_spread=contact_spread(contacts, age),
        image_ad_pairs=photos.ad_pairs,
        image_ad_distance=photos.ad_distance,
        image_ad_spread=photos.ad_spread,
        age=age,
        city=_codes(table["city"]),
        site=_codes(table["site"]),
        day=_days(table["posted_at"]),
    )
    features = pair_features(pairs, signals)
    bits = evidence_bits(features, photos.radius)
    probability = probabilities(bits)

    say("clustering")
    linked = probability >= config.link.person_threshold
    persons = person_labels(n, pairs, probability, config.link.person_threshold)
    networks = components(n, network_edges(pairs, features, linked))  # person links included
    confidence = ad_confidence(n, pairs, probability, persons)

    return DedupResult(
        ads=ads, config=config, pairs=pairs, features=features, bits=bits, probability=probability,
        person=persons, network=networks, confidence=confidence, contacts=contacts,
        text_usable=text.usable, flags=photos.flags,
    )


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes of a text column after light folding; -1 for empty."""
    folded = values.astype(str).str.strip().str.casefold()
    codes, _ = pd.factorize(folded.where(folded != ""), use_na_sentinel=True)
    return codes.astype(np.int64)


def _days(posted: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(posted)
    days = (stamps - pd.Timestamp("1970-01-01")).dt.total_seconds().to_numpy(dtype=float, na_value=np.nan)
    return days / 86400.0

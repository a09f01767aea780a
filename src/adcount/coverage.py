"""What each evidence channel saw: how many ads carry a phone, an e-mail, a handle, a usable text, a
readable photo, a claimed age — and a warning where a channel looks silent.

A channel that reads nothing is the worst failure mode of record linkage on data nobody has seen
before: phones written in another country's format, ads in a language the claim reader does not
know, photos given as URLs. Nothing crashes; every ad simply becomes a person of its own, and the
count is silently too high. These counts and warnings go into `summary()`, the CLI's output and the
report, so a user sees that a channel was silent before trusting a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from adcount.contacts.keys import KINDS, ContactKeys
from adcount.load.facts import ad_texts

# a run of 9+ digits with at most two separators between digits: what a phone number looks like
# in any country's writing ("(416) 555-0199", "06 12 34 56 78", "+49 30 1234567")
PHONE_LIKE = r"(?:\d[\s().\-/]{0,2}){8,}\d"
MIN_ADS_TO_WARN = 20  # below this many ads a silent channel is not telling
SILENT_PHONES_SHARE = 0.3  # share of ads with a phone-like run but no phone read that means "silent"
SILENT_AGES_SHARE = 0.02  # claimed ages read in fewer of the ads with text than this: silent
CHANNELS = ("phone", "email", "handle", "usable text", "readable photo", "claimed age")


@dataclass(frozen=True)
class Coverage:
    """Per channel, how many ads carry it; and the warnings about silent channels."""

    n_ads: int
    ads_with: dict[str, int]
    phone_region: str  # how national phone numbers were read (`RegionChoice.describe`)
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def lines(self) -> list[str]:
        """One line per channel, for the summary."""
        share = (lambda k: f"{k / self.n_ads:.0%}") if self.n_ads else (lambda k: "-")
        return [f"  {name:<15} {count:>8,} ads ({share(count)})" for name, count in self.ads_with.items()] \
            + [f"  {self.phone_region}"]

    def to_dict(self) -> dict:
        return {"n_ads": self.n_ads, "ads_with": dict(self.ads_with), "phone_region": self.phone_region,
                "warnings": list(self.warnings)}


def channel_coverage(table: pd.DataFrame, contacts: ContactKeys, text_usable: np.ndarray,
                     photo_count: np.ndarray, age: np.ndarray) -> Coverage:
    """Count the ads carrying each channel and check for silent ones (see module doc)."""
    region = f"{contacts.region.region} numbers" if contacts.region.region else "international numbers only"
    n = len(table)
    with_kind = [np.bincount(contacts.rows[contacts.kinds[contacts.key_ids] == k], minlength=n) > 0
                 for k in range(len(KINDS))]
    has_age = ~np.isnan(age)
    ads_with = {kind: int(has.sum()) for kind, has in zip(KINDS, with_kind)}
    ads_with.update({"usable text": int(text_usable.sum()), "readable photo": int((photo_count > 0).sum()),
                     "claimed age": int(has_age.sum())})
    warnings = [*_silent_phones(table, with_kind[0], region), *_silent_ages(text_usable, has_age),
                *_silent_photos(table, photo_count)]
    return Coverage(n, ads_with, contacts.region.describe(), tuple(warnings))


def _silent_phones(table: pd.DataFrame, has_phone: np.ndarray, region: str) -> list[str]:
    unread = np.flatnonzero(~has_phone)
    if unread.size < MIN_ADS_TO_WARN:
        return []
    text = pd.Series(ad_texts(table.iloc[unread]), dtype=object)
    looks_like = int(text.str.contains(PHONE_LIKE, regex=True).sum())
    with_run = looks_like + int(has_phone.sum())
    if looks_like < MIN_ADS_TO_WARN or looks_like < SILENT_PHONES_SHARE * with_run:
        return []
    return [f"{looks_like:,} ads show digit runs that look like phone numbers but no phone was read from "
            f"them (phones read as {region}): if the ads come from another country, give its "
            "region (--region, Config.contacts.region, or a country column)"]


def _silent_ages(text_usable: np.ndarray, has_age: np.ndarray) -> list[str]:
    texts = int(text_usable.sum())
    aged = int((has_age & text_usable).sum())
    if texts < MIN_ADS_TO_WARN or aged >= SILENT_AGES_SHARE * texts:
        return []
    return [f"a claimed age was read in only {aged:,} of {texts:,} ads with text: ads written in a language "
            "adcount does not read give no age, name or profile, and their links rest on contacts, text "
            "and photos alone"]


def _silent_photos(table: pd.DataFrame, photo_count: np.ndarray) -> list[str]:
    listed = int(table["images"].str.len().gt(0).sum())
    urls_only = int((table["images"].str.len().eq(0) & table["image_urls"].str.len().gt(0)).sum())
    notes = []
    if listed >= MIN_ADS_TO_WARN and not (photo_count > 0).any():
        notes.append(f"none of the photos of the {listed:,} ads that list photo files could be read "
                     "(see flags.csv): is image_root (--image-root) the folder they are relative to?")
    if urls_only >= MIN_ADS_TO_WARN:
        notes.append(f"{urls_only:,} ads give their photos as URLs only, which adcount never fetches: "
                     "download them and give local paths to use photo evidence")
    return notes

"""`AdRecords`: what the index keeps of each ad to link it again later, as plain aligned arrays.

The stages adapter (`adcount.index.stages`) produces records from loaded ads and links records;
the store (`adcount.index.store`) writes and reads them. Neither side needs the other's
internals: this module is the plain-data boundary between them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# per-ad scalar columns of `AdRecords.table`, in the order the store keeps them
AD_COLUMNS = ("ad_id", "site", "city", "region", "posted_at", "day", "age", "gender", "nationality",
              "normalised", "usable", "photo_count")


@dataclass(frozen=True)
class PhotoLayout:
    """How the hash columns of a photo row are read (`adcount.photos.hashing.ImageHashes`)."""

    columns: tuple[str, ...]
    base_columns: tuple[int, ...]
    masked_columns: tuple[int, ...]
    mode: str

    def to_dict(self) -> dict:
        return {"columns": list(self.columns), "base_columns": list(self.base_columns),
                "masked_columns": list(self.masked_columns), "mode": self.mode}

    @classmethod
    def from_dict(cls, data: dict) -> "PhotoLayout":
        return cls(tuple(data["columns"]), tuple(data["base_columns"]), tuple(data["masked_columns"]), data["mode"])


@dataclass(frozen=True)
class AdRecords:
    """Per-ad linkage material, rows 0..n-1 in one fixed order (the store's row order).

    table: the `AD_COLUMNS` (day: posting time in days since 1970, NaN unknown; age: the age
        column, NaN unknown; normalised: normalised title + text; usable: enough text to compare).
    signatures: (n, num_perm) uint32 MinHash signatures.
    band_keys: (n, bands) uint64 LSH band keys (rows of unusable texts are never looked up).
    contacts: one row per (ad, key): row, kind ("phone", "email", "handle"), label (pseudonym).
    photo_rows, photo_hashes, photo_ok: one entry per photo: its ad's row, its hash row, hashed.
    photo_layout: how to read the hash columns (None when no ad has a photo).
    """

    table: pd.DataFrame
    signatures: np.ndarray
    band_keys: np.ndarray
    contacts: pd.DataFrame
    photo_rows: np.ndarray
    photo_hashes: np.ndarray
    photo_ok: np.ndarray
    photo_layout: PhotoLayout | None

    def __len__(self) -> int:
        return len(self.table)

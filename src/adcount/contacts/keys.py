"""Exact contact keys per ad (phones, e-mails, handles) as a sparse ad x key incidence.

Keys are stored as pseudonyms from the moment they are built (`adcount.privacy`), so nothing
downstream ever holds a raw phone number unless the caller asked for raw contacts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from adcount.contacts.phone_regions import RegionChoice

KINDS = ("phone", "email", "handle")


@dataclass(frozen=True)
class ContactKeys:
    """Incidence of ads and contact keys.

    rows, key_ids: aligned int arrays, one entry per (ad, key) occurrence (no repeats).
    kinds: per key id, an index into KINDS.
    labels: per key id, the value shown in outputs (a pseudonym, or the raw value if asked).
    region: the region national phone numbers were read with, and why (None if not recorded).
    """

    n_ads: int
    rows: np.ndarray
    key_ids: np.ndarray
    kinds: np.ndarray
    labels: list[str]
    region: RegionChoice | None = None

    @classmethod
    def build(cls, per_ad: dict[str, Sequence[Sequence[str]]], labels_of: dict[str, dict[str, str]],
              region: RegionChoice | None = None) -> "ContactKeys":
        """per_ad: kind -> one list of values per ad; labels_of: kind -> value -> output label."""
        n_ads = len(next(iter(per_ad.values()))) if per_ad else 0
        rows, values, kinds = [], [], []
        for kind_index, kind in enumerate(KINDS):
            lists = per_ad.get(kind, [[]] * n_ads)
            counts = np.fromiter((len(v) for v in lists), dtype=np.int64, count=n_ads)
            rows.append(np.repeat(np.arange(n_ads), counts))
            values.extend(f"{kind}\x00{v}" for vs in lists for v in vs)
            kinds.append(np.full(int(counts.sum()), kind_index, dtype=np.int8))
        all_rows = np.concatenate(rows) if rows else np.empty(0, np.int64)
        unique_values, key_ids = np.unique(np.asarray(values, dtype=object).astype(str), return_inverse=True) \
            if values else (np.empty(0, dtype=str), np.empty(0, np.int64))
        all_kinds = np.concatenate(kinds) if kinds else np.empty(0, np.int8)
        key_kind = np.zeros(unique_values.size, dtype=np.int8)
        key_kind[key_ids] = all_kinds
        labels = []
        for full in unique_values:
            kind, value = full.split("\x00", 1)
            labels.append(labels_of[kind][value])
        pairs = np.unique(np.stack([all_rows, key_ids.astype(np.int64)], axis=1), axis=0) \
            if all_rows.size else np.empty((0, 2), np.int64)
        return cls(n_ads, pairs[:, 0], pairs[:, 1], key_kind, labels, region)

    @property
    def n_keys(self) -> int:
        return len(self.labels)

    def matrix(self, kind: str | None = None) -> sp.csr_matrix:
        """Binary ads x keys matrix, optionally restricted to one kind of key."""
        keep = np.ones(self.rows.size, bool) if kind is None else self.kinds[self.key_ids] == KINDS.index(kind)
        data = np.ones(int(keep.sum()), dtype=np.float32)
        return sp.csr_matrix((data, (self.rows[keep], self.key_ids[keep])), shape=(self.n_ads, self.n_keys))

    def labels_per_ad(self, kind: str) -> list[list[str]]:
        """For outputs: the labels of one kind of key, per ad, in key order."""
        out: list[list[str]] = [[] for _ in range(self.n_ads)]
        keep = self.kinds[self.key_ids] == KINDS.index(kind)
        for row, key in zip(self.rows[keep].tolist(), self.key_ids[keep].tolist()):
            out[row].append(self.labels[key])
        return out

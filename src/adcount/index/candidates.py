"""Stored ads that may show the same person as a new ad: the index's candidate search.

Three lookups against the store, for the new ads only: LSH band keys (then the estimated Jaccard
of each (new, stored) pair must reach the text threshold, as `lsh_pairs` verifies its
candidates), pseudonymised contact keys, and a Hamming search of the new photos against the
stored photo hashes. Everything else (scoring, clustering) happens on these rows and their
persons, through `adcount.index.stages`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adcount.config import Config
from adcount.index import stages
from adcount.index.records import AdRecords
from adcount.index.store import Store

# stored ads looked at per LSH bucket: the newest ones of a bucket that many texts share (one
# boilerplate), as `lsh_pairs` chains a giant bucket instead of pairing all of it (its max_bucket)
MAX_BUCKET_ROWS = 256


def stored_candidates(store: Store, new: AdRecords, first_row: int, config: Config) -> np.ndarray:
    """Sorted rows of stored ads (rows < first_row) sharing text, a contact or a photo with a new ad."""
    text = _text_candidates(store, new, first_row, config)
    contacts = store.contact_hits(new.contacts["label"].tolist(), first_row)
    hashes, owners = store.photo_hashes(first_row)
    photos = stages.near_photos(new, hashes, owners, store.photo_layout(), config)
    return np.unique(np.concatenate([text, contacts, photos]).astype(np.int64))


def _text_candidates(store: Store, new: AdRecords, first_row: int, config: Config) -> np.ndarray:
    usable = np.flatnonzero(new.table["usable"].to_numpy(bool))
    if usable.size == 0 or first_row == 0:
        return np.empty(0, np.int64)
    keys = new.band_keys[usable]
    hits = store.band_hits(keys, first_row)
    if hits.empty:
        return np.empty(0, np.int64)
    hits = hits.sort_values(["key", "row"], ascending=[True, False]).groupby("key").head(MAX_BUCKET_ROWS)
    asked = pd.DataFrame({"key": keys.view(np.int64).ravel(), "new": np.repeat(usable, keys.shape[1])})
    pairs = asked.merge(hits, on="key")[["new", "row"]].drop_duplicates()
    rows = np.unique(pairs["row"].to_numpy(np.int64))
    stored = store.signatures(rows, config.text.num_perm)
    similar = stages.similar_texts(new.signatures[pairs["new"].to_numpy(np.int64)],
                                   stored[np.searchsorted(rows, pairs["row"].to_numpy(np.int64))],
                                   config.text.threshold)
    return np.unique(pairs["row"].to_numpy(np.int64)[similar])

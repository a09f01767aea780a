"""Person and network ids that depend on what a group holds, not on the order of the input rows.

Inside the pipeline a group (person or network) is an integer label. Labels are renumbered in
the order of each group's smallest `ad_id` (`by_smallest_ad`), so shuffling the input rows gives
the same labels, the same files, the same ids. A group's public id is a keyed 48-bit hash of its
smallest `ad_id` (`group_ids`: "P3fa2c91b7d4e" for a person, "N..." for a network): it survives
other runs on other ad sets as long as the group keeps its smallest ad, which makes runs over
growing scrapes comparable. Two groups whose hashes collide (about once per 10 million groups)
are told apart by a suffix in `ad_id` order ("-2", "-3", ...). The hash is SipHash (pandas'
`hash_array`), with a fixed key per kind of group: not a secret, ad ids are not personal data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

ID_HEX_DIGITS = 12  # 48 bits: under 0.2 expected collisions among 10 million groups
HASH_KEYS = {"P": "adcount-person01", "N": "adcount-network1"}  # pandas wants 16-byte keys
_HEX = np.array(list("0123456789abcdef"))


def ad_id_rank(ad_id: np.ndarray) -> np.ndarray:
    """Rank of each ad's id in string order (ids are unique after loading)."""
    order = pd.Series(np.asarray(ad_id, dtype=object)).astype(str).argsort(kind="stable").to_numpy()
    rank = np.empty(order.size, dtype=np.int64)
    rank[order] = np.arange(order.size)
    return rank


def by_smallest_ad(labels: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """`labels` renumbered 0..k-1 in the order of each group's smallest `rank` (its first ad_id)."""
    labels = np.asarray(labels, dtype=np.int64)
    if labels.size == 0:
        return labels
    smallest = np.full(int(labels.max()) + 1, rank.size, dtype=np.int64)
    np.minimum.at(smallest, labels, rank)
    present = smallest < rank.size
    new_number = np.full(smallest.size, -1, dtype=np.int64)
    new_number[np.argsort(np.where(present, smallest, rank.size), kind="stable")[:present.sum()]] = \
        np.arange(int(present.sum()))
    return new_number[labels]


def group_ids(prefix: str, labels: np.ndarray, ad_id: np.ndarray) -> np.ndarray:
    """Public id of each group 0..k-1 (labels as numbered by `by_smallest_ad`)."""
    labels = np.asarray(labels, dtype=np.int64)
    if labels.size == 0:
        return np.empty(0, dtype=object)
    ad_id = np.asarray(ad_id, dtype=object)
    rank = ad_id_rank(ad_id)
    first_rank = np.full(int(labels.max()) + 1, rank.size, dtype=np.int64)
    np.minimum.at(first_rank, labels, rank)
    row_of_rank = np.empty(rank.size, dtype=np.int64)
    row_of_rank[rank] = np.arange(rank.size)
    smallest = ad_id[row_of_rank[first_rank]]
    hashed = pd.util.hash_array(smallest, hash_key=HASH_KEYS[prefix], categorize=False)
    shifts = np.arange(4 * (ID_HEX_DIGITS - 1), -1, -4, dtype=np.uint64)
    nibbles = ((hashed[:, None] >> shifts[None, :]) & np.uint64(0xF)).astype(np.int64)
    digits = np.ascontiguousarray(_HEX[nibbles]).view(f"<U{ID_HEX_DIGITS}").ravel()
    ids = np.char.add(prefix, digits).astype(object)
    return _disambiguated(ids)


def _disambiguated(ids: np.ndarray) -> np.ndarray:
    """Ids made unique: the second, third... group of a colliding id gets "-2", "-3"... in the
    groups' order (smallest ad_id first)."""
    taken = pd.Series(ids)
    repeat = taken.groupby(taken, sort=False).cumcount().to_numpy()
    if not repeat.any():
        return ids
    out = ids.copy()
    out[repeat > 0] = np.char.add(np.char.add(ids[repeat > 0].astype(str), "-"), (repeat[repeat > 0] + 1).astype(str))
    return out

"""Stable person and network ids across additions, and the changelog that explains every change.

Given, for the ads of the groups an addition re-clustered, their id before (None for new ads)
and their new group label, `carry_ids` decides which id each new group carries:

- an id follows the new group holding its oldest ad (smallest index row);
- a group that several ids follow is a merge: the oldest id (first minted) survives, the others
  become its aliases;
- a group that no id follows gets a new id (`mint_ids`): a group of new ads only ("created"),
  or a part split off a person whose oldest ad is elsewhere ("split").

`changes` then lists every event (created, extended, merged, split) and every ad whose id
changed, so each change of an ad's id is in the changelog. Pure functions of arrays: no store,
no stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from adcount.ids import group_ids


@dataclass(frozen=True)
class Carried:
    """label_id: per new group label, the id it keeps (None: to be minted);
    aliases: id, alias_of for every id merged into another."""

    label_id: np.ndarray
    aliases: pd.DataFrame


def carry_ids(old_id: np.ndarray, label: np.ndarray, row: np.ndarray, born: pd.Series) -> Carried:
    """old_id: id per ad before (None for new ads); label: new group 0..k-1 per ad; row: index
    row per ad (smaller is older); born: minting order of each old id."""
    old_id = np.asarray(old_id, dtype=object)
    label = np.asarray(label, np.int64)
    n_labels = int(label.max()) + 1 if label.size else 0
    had = pd.notna(old_id)
    frame = pd.DataFrame({"id": old_id[had], "label": label[had], "row": np.asarray(row)[had]})
    heirs = frame.sort_values("row", kind="stable").drop_duplicates("id")
    heirs = heirs.assign(born=heirs["id"].map(born).to_numpy()).sort_values(["label", "born", "id"], kind="stable")
    survivors = heirs.drop_duplicates("label")
    label_id = np.full(n_labels, None, dtype=object)
    label_id[survivors["label"].to_numpy(np.int64)] = survivors["id"].to_numpy(dtype=object)
    absorbed = heirs[~heirs["id"].isin(survivors["id"])]
    aliases = pd.DataFrame({"id": absorbed["id"].to_numpy(dtype=object),
                            "alias_of": label_id[absorbed["label"].to_numpy(np.int64)]})
    return Carried(label_id, aliases)


def mint_ids(prefix: str, label: np.ndarray, ad_id: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Content-derived ids ("P" + hash of the group's smallest ad_id, `adcount.ids.group_ids`)
    for the labels in `wanted`, in the order of `wanted`; label and ad_id per ad."""
    frame = pd.DataFrame({"label": np.asarray(label, np.int64), "ad_id": pd.Series(ad_id, dtype=object).astype(str)})
    smallest = frame[frame["label"].isin(wanted)].groupby("label")["ad_id"].min()
    smallest = smallest.reindex(np.asarray(wanted, np.int64)).to_numpy(dtype=object)
    return group_ids(prefix, np.arange(len(smallest)), smallest)


def changes(old_id: np.ndarray, label: np.ndarray, label_id: np.ndarray, minted: np.ndarray,
            aliases: pd.DataFrame, row: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events (kind, id, other, n_ads) and moves (row, old_id, new_id) of one re-clustering.

    created: a new id for new ads only; extended: an id gained n new ads; merged: `other` was
    absorbed into `id` (n ads of it); split: n ads of `other` left it for `id`.
    minted: per label, True where its id was just minted."""
    old_id = np.asarray(old_id, dtype=object)
    label = np.asarray(label, np.int64)
    new_id = label_id[label]
    is_new = pd.isna(old_id)
    per_label = pd.DataFrame({"label": label, "new": is_new}).groupby("label")["new"].agg(["sum", "size"])
    fresh = per_label["sum"].to_numpy(np.int64)
    only_new = fresh == per_label["size"].to_numpy(np.int64)
    labels = per_label.index.to_numpy(np.int64)
    created = minted[labels] & only_new
    extended = ~created & (fresh > 0)
    events = [
        pd.DataFrame({"kind": "created", "id": label_id[labels[created]], "other": None, "n_ads": fresh[created]}),
        pd.DataFrame({"kind": "extended", "id": label_id[labels[extended]], "other": None, "n_ads": fresh[extended]}),
    ]
    moved = ~is_new & (old_id != new_id)
    frame = pd.DataFrame({"row": np.asarray(row)[moved], "old_id": old_id[moved], "new_id": new_id[moved]})
    flows = frame.groupby(["old_id", "new_id"], sort=True).size().rename("n_ads").reset_index()
    absorbed = set(zip(aliases["id"], aliases["alias_of"]))
    merged = np.array([(o, n) in absorbed for o, n in zip(flows["old_id"], flows["new_id"])], bool)
    events.append(pd.DataFrame({"kind": np.where(merged, "merged", "split"), "id": flows["new_id"],
                                "other": flows["old_id"], "n_ads": flows["n_ads"]}))
    table = pd.concat(events, ignore_index=True).astype({"n_ads": np.int64})
    table = table.sort_values(["kind", "id", "other"], kind="stable", na_position="first").reset_index(drop=True)
    return table, frame.sort_values("row").reset_index(drop=True)

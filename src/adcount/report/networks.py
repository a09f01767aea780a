"""How: the networks of two persons or more, and what ties their persons together.

A network is persons whose ads share a contact (phone, e-mail, handle), one ad template in one
campaign, or a personal photo (`adcount.link.cluster.network_edges` and the photo evidence). For
each network the table counts the pairs of its persons tied by each kind of evidence (two persons
sharing one phone over ten ads are one phone tie), and lists its cities, sites, the origins its
persons claim, and its span in days.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adcount.link.comparisons import shares_personal_photo

TIES = ("phone", "email", "handle", "template", "photo")
_TIE_FEATURES = {"phone": "shared_phones", "email": "shared_emails", "handle": "shared_handles",
                 "template": "same_template"}


def person_ties(pairs: np.ndarray, features: pd.DataFrame, person: np.ndarray) -> pd.DataFrame:
    """One row per pair of distinct persons tied by a kind of evidence: person_a, person_b, tie."""
    a, b = person[pairs[:, 0]], person[pairs[:, 1]]
    cross = a != b
    kinds = {kind: features[column].to_numpy() > 0 for kind, column in _TIE_FEATURES.items()}
    kinds["photo"] = shares_personal_photo(features)
    parts = [pd.DataFrame({"person_a": np.minimum(a, b)[cross & hit], "person_b": np.maximum(a, b)[cross & hit],
                           "tie": kind}) for kind, hit in kinds.items()]
    return pd.concat(parts, ignore_index=True).drop_duplicates()


def networks_table(pairs: np.ndarray, features: pd.DataFrame, person: np.ndarray, network: np.ndarray,
                   network_ids: np.ndarray, table: pd.DataFrame, person_origin: np.ndarray) -> pd.DataFrame:
    """One row per network of two persons or more, largest first: network_id, persons, ads, one
    column per tie kind (pairs of its persons tied that way), cities, sites, origins ("BG 3|RO 1"),
    first_seen, last_seen, span_days. `person_origin`: claimed origin per person label."""
    person, network = np.asarray(person), np.asarray(network)
    frame = pd.DataFrame({"network": network, "person": person, "city": table["city"].to_numpy(dtype=object),
                          "site": table["site"].to_numpy(dtype=object),
                          "day": pd.to_datetime(table["posted_at"], utc=True, errors="coerce").dt.tz_convert(None)})
    sizes = frame.drop_duplicates(["network", "person"]).groupby("network").size()
    multi = sizes[sizes >= 2].index.to_numpy()
    frame = frame[np.isin(frame["network"], multi)]
    grouped = frame.groupby("network")
    out = pd.DataFrame({"persons": sizes.loc[multi], "ads": grouped.size()})
    ties = person_ties(pairs, features, person)
    ties["network"] = network_of_person(person, network)[ties["person_a"].to_numpy()]
    counts = ties[np.isin(ties["network"], multi)].groupby(["network", "tie"]).size().unstack(fill_value=0)
    for kind in TIES:
        out[kind] = counts[kind].reindex(out.index, fill_value=0) if kind in counts else 0
    out["cities"] = grouped["city"].agg(_joined_distinct)
    out["sites"] = grouped["site"].agg(_joined_distinct)
    persons = frame.drop_duplicates("person")
    origin = pd.Series(np.asarray(person_origin, dtype=object)[persons["person"].to_numpy()], index=persons.index)
    out["origins"] = origin.groupby(persons["network"]).agg(_counted)
    out["first_seen"], out["last_seen"] = grouped["day"].min(), grouped["day"].max()
    out["span_days"] = (out["last_seen"] - out["first_seen"]).dt.days
    out.insert(0, "network_id", np.asarray(network_ids, dtype=object)[out.index.to_numpy()])
    out = out.sort_values(["persons", "ads", "network_id"], ascending=[False, False, True], kind="stable")
    return out.reset_index(drop=True).astype({kind: np.int64 for kind in TIES})


def network_of_person(person: np.ndarray, network: np.ndarray) -> np.ndarray:
    """Network label of each person label."""
    out = np.zeros(int(person.max()) + 1 if person.size else 0, dtype=np.int64)
    out[person] = network
    return out


def _joined_distinct(values: pd.Series) -> str:
    return "|".join(sorted(set(values) - {""}))


def _counted(values: pd.Series) -> str:
    counts = values[values != ""].value_counts()
    order = sorted(counts.index, key=lambda label: (-counts[label], label))
    return "|".join(f"{label} {counts[label]}" for label in order)

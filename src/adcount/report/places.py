"""Where: places and sites ranked by persons, with shares, and the persons seen in several cities.

A person advertised in three cities counts in each: shares of persons over places add up to more
than 100%, and the touring count says by how much. Every place and every site is in the tables
(places.csv, sites.csv); the report's charts show the first ones and say how many more there are.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

UNKNOWN = ""  # an ad naming no city or site: kept as its own row, named in the report


def _ranked(key: pd.Series, person: np.ndarray, n_persons: int, name: str) -> pd.DataFrame:
    frame = pd.DataFrame({name: key.fillna(UNKNOWN).astype(str).str.strip().to_numpy(), "person": person})
    grouped = frame.groupby(name, sort=False)
    distinct = frame.drop_duplicates()
    only = distinct.groupby("person")[name].transform("size") == 1
    table = pd.DataFrame({"ads": grouped.size(), "persons": grouped["person"].nunique(),
                          "persons_only_here": distinct[only].groupby(name).size()}).fillna(0)
    table = table.astype(np.int64).reset_index()
    table["share_of_persons"] = (table["persons"] / max(n_persons, 1)).round(4)
    table["share_of_ads"] = (table["ads"] / max(len(frame), 1)).round(4)
    return table.sort_values(["persons", "ads", name], ascending=[False, False, True], kind="stable").reset_index(drop=True)


def places_table(city: pd.Series, region: pd.Series, person: np.ndarray) -> pd.DataFrame:
    """One row per city: its region (the most frequent one its ads give), ads, persons, persons
    advertised nowhere else, shares of all persons and of all ads."""
    person = np.asarray(person)
    n = int(person.max()) + 1 if person.size else 0
    table = _ranked(city, person, n, "place")
    regions = pd.DataFrame({"place": city.fillna("").astype(str).str.strip().to_numpy(),
                            "region": region.fillna("").astype(str).str.strip().to_numpy()})
    regions = regions[regions["region"] != ""].value_counts().reset_index().drop_duplicates("place")
    table.insert(1, "region", table["place"].map(regions.set_index("place")["region"]).fillna(""))
    return table


def sites_table(site: pd.Series, person: np.ndarray) -> pd.DataFrame:
    """One row per site: ads, persons, persons advertised on no other site, shares."""
    person = np.asarray(person)
    n = int(person.max()) + 1 if person.size else 0
    return _ranked(site, person, n, "site")


def touring(city: pd.Series, person: np.ndarray) -> tuple[int, int]:
    """(persons seen in two cities or more, persons with a city)."""
    frame = pd.DataFrame({"city": city.fillna("").astype(str).str.strip().to_numpy(), "person": np.asarray(person)})
    cities = frame[frame["city"] != ""].drop_duplicates().groupby("person").size()
    return int((cities >= 2).sum()), int(len(cities))

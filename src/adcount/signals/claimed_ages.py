"""How many persons the ads sharing one key claim to be, read from their stated ages.

A key is anything several ads carry: a phone, an e-mail, a photo. One person keeps one age,
give or take a slip; an organiser's phone, or the photo of the flat a network rents, is shown
by ads claiming several ages. Two readings, for two uses:

- `claimed_persons` absorbs a year's slip only when it is rare next to the key's usual age:
  an organiser's phone advertising two women a year apart still counts two (contacts);
- `age_runs` counts runs of close ages as one person, the cautious reading for a photo, where
  "several persons" takes the photo's evidence away: a photo shown under ages 28 and 29, or 44
  and 46 (a claim drifting a year either way), is one woman's before it is a flat's. Read with
  the contacts' rule, 63-82% of the pairs sharing a photo it called "of several persons" were
  one person (pas-de-calais-2018 seeds 0 and 7); with runs of ages a year apart, seed 13's count
  went from +1.5% to +3.4% (a woman's 44 and 46); with runs of ages two years apart, +0.8%.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

SLIP_SHARE = 0.25  # an age a year off a key's more common age, on at most this share as many ads, is a slip
RUN_GAP_YEARS = 2  # ages this close (a claim drifting a year either way around the true age) are one run


def claimed_persons(incidence: sp.spmatrix, age: np.ndarray) -> np.ndarray:
    """Per key (rows of the keys x ads `incidence`), the claimed ages of its ads that stand for
    a person of their own (0: no age known).

    An age a year away from a more common age of the same key, on at most SLIP_SHARE as many
    ads, is that person's slip (a birthday, a restated or mistyped age), not another person: a
    prolific poster claiming 42 on 28 ads and 41 or 43 on four is one person (counted as three,
    her phone was read as an organiser's and she was split into 26 persons). Two persons of one
    network a year apart, each on a fair share of the ads, still count as two. An ad is counted
    once per key however often the incidence lists it.
    """
    by_key = sp.coo_matrix(incidence)
    claimed = np.round(age[by_key.col])
    known = ~np.isnan(claimed)
    if not known.any():
        return np.zeros(incidence.shape[0], dtype=np.int64)
    listed = pd.DataFrame({"key": by_key.row[known], "ad": by_key.col[known], "age": claimed[known]})
    counts = listed.drop_duplicates(["key", "ad"])[["key", "age"]].value_counts()
    key = counts.index.get_level_values("key").to_numpy()
    years = counts.index.get_level_values("age").to_numpy()
    ads = counts.to_numpy()
    neighbour = np.zeros(ads.size, dtype=np.int64)
    for step in (-1.0, 1.0):
        found = counts.reindex(pd.MultiIndex.from_arrays([key, years + step])).to_numpy()
        neighbour = np.maximum(neighbour, np.nan_to_num(found, nan=0).astype(np.int64))
    own = ads > SLIP_SHARE * neighbour
    return np.bincount(key[own], minlength=incidence.shape[0]).astype(np.int64)


def age_runs(incidence: sp.spmatrix, age: np.ndarray) -> np.ndarray:
    """Per key (rows of the keys x ads `incidence`), the runs of consecutive claimed ages among
    its ads, ages at most RUN_GAP_YEARS apart joined (28, 30, 31 and 35: two runs); 0 when no
    age is known."""
    by_key = sp.coo_matrix(incidence)
    claimed = np.round(age[by_key.col])
    known = ~np.isnan(claimed)
    if not known.any():
        return np.zeros(incidence.shape[0], dtype=np.int64)
    ages = pd.DataFrame({"key": by_key.row[known], "age": claimed[known]}).drop_duplicates()
    ages = ages.sort_values(["key", "age"])
    key, years = ages["key"].to_numpy(), ages["age"].to_numpy()
    starts_run = np.r_[True, (key[1:] != key[:-1]) | (np.diff(years) > RUN_GAP_YEARS)]
    return np.bincount(key[starts_run], minlength=incidence.shape[0]).astype(np.int64)

"""How many persons the ads sharing one key claim to be, read from their stated ages and dates.

A key is anything several ads carry: a phone, an e-mail, a photo. One person keeps one age,
give or take a slip, and grows a year older every year: ages that follow each other in time,
rising no faster than the years between them, are one woman getting older (a birthday between
"22 ans" in March and "23 ans" the next February). An organiser's phone, or the photo of the
flat a network rents, is shown by ads claiming several ages over the same weeks. Two readings,
for two uses:

- `claimed_persons` absorbs a year's slip only when it is rare next to the key's usual age, and
  joins two ages only when the older follows the younger in time: an organiser's phone
  advertising two women a year apart over the same weeks still counts two (contacts);
- `age_runs` counts runs of close ages as one person whatever their dates, the cautious reading
  for a photo, where "several persons" takes the photo's evidence away: a photo shown under ages
  28 and 29, or 44 and 46 (a claim drifting a year either way), is one woman's before it is a
  flat's. Read with the contacts' rule, 63-82% of the pairs sharing a photo it called "of several
  persons" were one person (pas-de-calais-2018 seeds 0 and 7); with runs of ages a year apart,
  seed 13's count went from +1.5% to +3.4% (a woman's 44 and 46); with runs of ages two years
  apart, +0.8%. Ages further apart join too when they follow each other by the years between.

Both read chains of a key's distinct ages (sorted), a chain broken where the next age can
belong to the same woman neither as a drift nor by getting older (`_chains`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

DAYS_PER_YEAR = 365.25
SLIP_SHARE = 0.25  # an age a year off a key's more common age, on at most this share as many ads, is a slip
RUN_GAP_YEARS = 2  # ages this close (a claim drifting a year either way around the true age) are one run
# "the older age follows the younger": the older age's first quarter of ads is posted no earlier
# than the younger age's last quarter (quartiles: one stale text re-posted after a birthday, or
# one early update, does not make two women of one; two women interleaved over the same weeks
# stay two)
EARLY_QUANTILE, LATE_QUANTILE = 0.25, 0.75


def claimed_persons(incidence: sp.spmatrix, age: np.ndarray, day: np.ndarray) -> sp.csr_matrix:
    """Which of its key's claimed persons each ad claims to be: a keys x ads matrix (the pattern
    of `incidence`, less ads stating no age) holding 1, 2, ... per key. A key's persons are
    chains of its claimed ages; `persons_per_key` counts them.

    An age a year away from a more common age of the same key, on at most SLIP_SHARE as many
    ads, is that person's slip (a restated or mistyped age), not another person, and its ads
    are hers: a prolific poster claiming 42 on 28 ads and 41 or 43 on four is one person
    (counted as three, her phone was read as an organiser's and she was split into 26 persons).
    Two ages one above the other are one person getting older when the older follows the younger
    in time and rises by no more than the years between them, plus one (a birthday): one woman
    claiming 22 for eleven months and 23 after is one person. Two persons of one network a year
    apart, posted over the same weeks, each on a fair share of the ads, still count as two. An
    ad is counted once per key however often the incidence lists it. day: posting day per ad
    (NaN unknown: such ads never show that one age followed another).
    """
    listed = _listed(incidence, age, day).drop_duplicates(["key", "ad"])
    by_age = _by_age(listed)
    counts = by_age.set_index(["key", "age"])["ads"]
    neighbour = np.zeros(len(by_age), dtype=np.int64)
    neighbour_age = by_age["age"].to_numpy().copy()  # the more common age a slip belongs to
    for step in (-1.0, 1.0):
        found = counts.reindex(pd.MultiIndex.from_arrays([by_age["key"], by_age["age"] + step])).to_numpy()
        found = np.nan_to_num(found, nan=0).astype(np.int64)
        neighbour_age = np.where(found > neighbour, by_age["age"].to_numpy() + step, neighbour_age)
        neighbour = np.maximum(neighbour, found)
    own = by_age["ads"].to_numpy() > SLIP_SHARE * neighbour
    chain = _chains(by_age[own], concurrent_gap=0, aging_gap=1)
    person = pd.Series(chain, index=pd.MultiIndex.from_frame(by_age.loc[own, ["key", "age"]]))
    # a slip's ads are those of the more common age next to it (itself a slip of the next, at worst)
    parent = pd.Series(np.where(own, by_age["age"].to_numpy(), neighbour_age),
                       index=pd.MultiIndex.from_frame(by_age[["key", "age"]]))
    ages_of_person = parent.to_numpy()
    while True:
        upper = parent.reindex(pd.MultiIndex.from_arrays([by_age["key"], ages_of_person])).to_numpy()
        if np.array_equal(upper, ages_of_person):
            break
        ages_of_person = upper
    by_age["person"] = person.reindex(pd.MultiIndex.from_arrays([by_age["key"], ages_of_person])).to_numpy()
    claimed = listed.merge(by_age[["key", "age", "person"]], on=["key", "age"], how="left")
    return sp.csr_matrix((claimed["person"].to_numpy(dtype=np.int64),
                          (claimed["key"].to_numpy(), claimed["ad"].to_numpy())), shape=incidence.shape)


def persons_per_key(claimed: sp.csr_matrix) -> np.ndarray:
    """Per key (rows of a `claimed_persons` matrix), how many persons its ads claim to be (0: no
    age known)."""
    persons = np.zeros(claimed.shape[0], dtype=np.int64)
    entries = claimed.tocoo()
    np.maximum.at(persons, entries.row, entries.data.astype(np.int64))
    return persons


def age_runs(incidence: sp.spmatrix, age: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Per key (rows of the keys x ads `incidence`), the runs of consecutive claimed ages among
    its ads: ages at most RUN_GAP_YEARS apart joined (28, 30, 31 and 35 over the same weeks: two
    runs), and ages further apart when the older follows the younger in time by the years between
    (22 in 2016, 25 in 2019: one run); 0 when no age is known."""
    by_age = _by_age(_listed(incidence, age, day))
    chain = _chains(by_age, concurrent_gap=RUN_GAP_YEARS, aging_gap=RUN_GAP_YEARS)
    runs = np.zeros(incidence.shape[0], dtype=np.int64)
    np.maximum.at(runs, by_age["key"].to_numpy(), chain)
    return runs


def _listed(incidence: sp.spmatrix, age: np.ndarray, day: np.ndarray) -> pd.DataFrame:
    """One row per (key, ad) incidence with a known age: key, ad, whole claimed age, day."""
    by_key = sp.coo_matrix(incidence)
    claimed = np.round(age[by_key.col])
    known = ~np.isnan(claimed)
    return pd.DataFrame({"key": by_key.row[known], "ad": by_key.col[known], "age": claimed[known],
                         "day": day[by_key.col[known]]})


def _by_age(listed: pd.DataFrame) -> pd.DataFrame:
    """Per key and claimed age (sorted by both): ads, first and last day, early and late
    quartile of the days (NaN when no date is known)."""
    groups = listed.groupby(["key", "age"], sort=True)["day"]
    frame = pd.DataFrame({
        "ads": groups.size(), "first": groups.min(), "last": groups.max(),
        "early": groups.quantile(EARLY_QUANTILE), "late": groups.quantile(LATE_QUANTILE),
    })
    return frame.reset_index()


def _chains(by_age: pd.DataFrame, *, concurrent_gap: int, aging_gap: int) -> np.ndarray:
    """Chain number (1, 2, ... within each key) of each row of `by_age` (distinct ages, sorted by
    key then age): the next age continues a chain when it is at most `concurrent_gap` years
    above, or when it follows in time (`EARLY_QUANTILE` of its days no earlier than
    `LATE_QUANTILE` of the younger age's) and is at most `aging_gap` plus the whole years from
    the younger age's first ad to the older age's last ad above."""
    key = by_age["key"].to_numpy()
    if key.size == 0:
        return np.zeros(0, dtype=np.int64)
    years = by_age["age"].to_numpy()
    gap = np.diff(years)
    same_key = key[1:] == key[:-1]
    follows = by_age["early"].to_numpy()[1:] >= by_age["late"].to_numpy()[:-1]  # False when a date is unknown
    elapsed = np.floor((by_age["last"].to_numpy()[1:] - by_age["first"].to_numpy()[:-1]) / DAYS_PER_YEAR)
    continues = same_key & ((gap <= concurrent_gap) | (follows & (gap <= aging_gap + elapsed)))
    chain = np.cumsum(np.r_[True, ~continues])
    key_start = np.r_[True, ~same_key]
    return chain - np.maximum.accumulate(np.where(key_start, chain, 0)) + 1

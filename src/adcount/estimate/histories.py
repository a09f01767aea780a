"""Capture histories: parse user tables into one count per observable history.

Every capture–recapture estimator here works on the same plain data: for K lists, the
2^K - 1 observable histories (every non-empty subset of lists) and how many persons have
each one. A history is coded as an integer whose bit j says "on list j"; cell i of the
arrays below holds history code i + 1, so the layout is identical for every data set with
K lists and design matrices can be built once per K.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

COUNT_COLUMNS = ("count", "n", "freq", "frequency", "n_persons", "n_units", "persons", "weight")
"""Accepted names for the column holding how many persons share a history (first match wins)."""

TIMES_COLUMN = "times_captured"


@dataclass(frozen=True)
class CaptureHistories:
    """Counts of the 2^K - 1 observable capture histories of K lists.

    lists: list names, in column order (bit j of a history code is list j).
    counts: int64 array of length 2^K - 1; counts[i] = persons with history code i + 1.
    """

    lists: tuple[str, ...]
    counts: np.ndarray

    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def n_observed(self) -> int:
        """Number of distinct persons seen on at least one list."""
        return int(self.counts.sum())

    @property
    def codes(self) -> np.ndarray:
        """History code of every cell (1 .. 2^K - 1)."""
        return np.arange(1, 2**self.n_lists, dtype=np.int64)

    def membership(self) -> np.ndarray:
        """0/1 matrix (cells x lists): whether each history includes each list."""
        return (self.codes[:, None] >> np.arange(self.n_lists)) & 1

    def margin(self, term: int) -> int:
        """Persons seen on every list of `term` (a bit mask), whatever their other lists."""
        return int(self.counts[(self.codes & term) == term].sum())

    def capture_frequencies(self) -> np.ndarray:
        """f[k-1] = persons seen on exactly k lists, k = 1..K."""
        times = self.membership().sum(axis=1)
        return np.bincount(times, weights=self.counts, minlength=self.n_lists + 1)[1:].astype(np.int64)

    def with_counts(self, counts: np.ndarray) -> "CaptureHistories":
        return CaptureHistories(self.lists, np.asarray(counts, dtype=np.int64))

    def to_frame(self) -> pd.DataFrame:
        """Aggregated table: one 0/1 column per list plus `count`, every observable history."""
        frame = pd.DataFrame(self.membership(), columns=list(self.lists))
        frame["count"] = self.counts
        return frame


def _count_column(frame: pd.DataFrame) -> str | None:
    for name in COUNT_COLUMNS:
        if name in frame.columns:
            return name
    return None


def parse_histories(histories: pd.DataFrame) -> CaptureHistories:
    """Validate a history table and aggregate it into a `CaptureHistories`.

    Accepts 0/1 list columns plus a count column (one row per history, repeated histories
    are summed) or 0/1 list columns only (one row per person). Raises ValueError naming the
    problem for non-0/1 values, negative or non-integer counts, missing values, all-zero
    histories with a positive count, or fewer than one list.
    """
    if not isinstance(histories, pd.DataFrame):
        raise TypeError(f"histories must be a pandas DataFrame, got {type(histories).__name__}")
    count_name = _count_column(histories)
    list_names = [str(c) for c in histories.columns if c != count_name]
    if not list_names:
        raise ValueError("histories has no list columns (expected one 0/1 column per list)")
    if len(list_names) > 20:
        raise ValueError(f"histories has {len(list_names)} list columns; at most 20 are supported")
    table = histories[[c for c in histories.columns if c != count_name]]
    if table.isna().to_numpy().any():
        bad = [str(c) for c in table.columns if table[c].isna().any()]
        raise ValueError(f"missing values in list columns: {bad}")
    values = table.to_numpy(dtype=float)
    not_binary = ~np.isin(values, (0.0, 1.0))
    if not_binary.any():
        bad = sorted({list_names[j] for j in np.nonzero(not_binary)[1]})
        raise ValueError(f"list columns must hold only 0 or 1; other values in: {bad}")
    if count_name is None:
        weights = np.ones(len(table), dtype=np.int64)
    else:
        raw = histories[count_name]
        if raw.isna().any():
            raise ValueError(f"missing values in the {count_name!r} column")
        raw = raw.to_numpy(dtype=float)
        if (raw < 0).any():
            raise ValueError(f"negative counts in the {count_name!r} column")
        if not np.allclose(raw, np.round(raw)):
            raise ValueError(f"counts in the {count_name!r} column must be whole numbers")
        weights = np.round(raw).astype(np.int64)
    codes = (values.astype(np.int64) << np.arange(len(list_names))).sum(axis=1)
    empty = (codes == 0) & (weights > 0)
    if empty.any():
        raise ValueError(
            f"{int(empty.sum())} row(s) have a positive count but appear on no list; the all-zero "
            "history is the unobserved population and cannot be given"
        )
    counts = np.bincount(codes, weights=weights, minlength=2 ** len(list_names))[1:]
    if counts.sum() == 0:
        raise ValueError("histories hold no observed person (all counts are zero)")
    return CaptureHistories(tuple(list_names), counts.astype(np.int64))


def parse_frequencies(table: pd.DataFrame) -> np.ndarray:
    """Frequency table -> f[k-1] = units seen exactly k times (k = 1..max).

    The table has a `times_captured` column and one count-like column (a name from
    `COUNT_COLUMNS`, or the only other column). Rows with the same k are summed.
    """
    if TIMES_COLUMN not in table.columns:
        raise ValueError(f"a frequency table needs a {TIMES_COLUMN!r} column")
    count_name = _count_column(table)
    if count_name is None:
        others = [c for c in table.columns if c != TIMES_COLUMN]
        if len(others) != 1:
            raise ValueError(
                f"a frequency table needs {TIMES_COLUMN!r} and one count column "
                f"(one of {list(COUNT_COLUMNS)}); got columns {list(map(str, table.columns))}"
            )
        count_name = others[0]
    if table[[TIMES_COLUMN, count_name]].isna().to_numpy().any():
        raise ValueError("missing values in the frequency table")
    times = table[TIMES_COLUMN].to_numpy(dtype=float)
    counts = table[count_name].to_numpy(dtype=float)
    if (times < 1).any() or not np.allclose(times, np.round(times)):
        raise ValueError(f"{TIMES_COLUMN!r} must hold whole numbers >= 1 (units seen zero times are unknown)")
    if (counts < 0).any() or not np.allclose(counts, np.round(counts)):
        raise ValueError(f"counts in {count_name!r} must be non-negative whole numbers")
    freq = np.bincount(np.round(times).astype(np.int64), weights=np.round(counts))[1:]
    if freq.sum() == 0:
        raise ValueError("the frequency table holds no observed unit")
    return freq.astype(np.int64)


def is_frequency_table(table: pd.DataFrame) -> bool:
    return isinstance(table, pd.DataFrame) and TIMES_COLUMN in table.columns

"""When: the period the ads cover, ads and persons per week, and new persons per week."""

from __future__ import annotations

import numpy as np
import pandas as pd


def week_starts(posted_at: pd.Series) -> pd.Series:
    """The Monday (00:00) of each ad's week; NaT where the date is unknown."""
    day = pd.to_datetime(posted_at, utc=True, errors="coerce").dt.tz_convert(None).dt.normalize()
    return day - pd.to_timedelta(day.dt.day_of_week, unit="D")


def weeks_table(posted_at: pd.Series, person: np.ndarray) -> pd.DataFrame:
    """One row per week from the first to the last (weeks without ads included, as zeros):
    week (its Monday), ads, persons (distinct persons advertised that week), new_persons (persons
    whose first ad falls that week)."""
    week = week_starts(posted_at)
    frame = pd.DataFrame({"week": week, "person": np.asarray(person)}).dropna(subset=["week"])
    if frame.empty:
        return pd.DataFrame({"week": pd.Series(dtype="datetime64[ns]"), "ads": pd.Series(dtype=np.int64),
                             "persons": pd.Series(dtype=np.int64), "new_persons": pd.Series(dtype=np.int64)})
    every = pd.date_range(frame["week"].min(), frame["week"].max(), freq="7D")
    grouped = frame.groupby("week")
    first_week = frame.groupby("person")["week"].min().value_counts()
    table = pd.DataFrame({"ads": grouped.size(), "persons": grouped["person"].nunique()}).reindex(every, fill_value=0)
    table["new_persons"] = first_week.reindex(every, fill_value=0).to_numpy()
    return table.rename_axis("week").reset_index().astype({"ads": np.int64, "persons": np.int64,
                                                           "new_persons": np.int64})


def period(posted_at: pd.Series) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """First and last posting dates (None when no ad has a date)."""
    day = pd.to_datetime(posted_at, utc=True, errors="coerce").dropna()
    return (day.min(), day.max()) if len(day) else (None, None)

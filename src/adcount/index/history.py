"""Queries over time on the index: persons as of a date, weekly counts, weeks as capture lists.

All take one frame of the indexed ads (ad_id, person_id, network_id, site, city, posted_at as ISO
text, "" unknown) and work on whole columns. Ads without a date count in `persons_as_of(None)`
only. Weeks start on Monday (ISO weeks).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from adcount.estimate.capture import capture_recapture
from adcount.estimate.result import Estimate


def _dated(ads: pd.DataFrame) -> pd.DataFrame:
    posted = pd.to_datetime(ads["posted_at"].replace("", None), errors="coerce")
    return ads.assign(posted=posted)


def persons_as_of(ads: pd.DataFrame, as_of: str | pd.Timestamp | None) -> pd.DataFrame:
    """One row per person with an ad posted on or before `as_of` (end of that day for a date):
    person_id, network_id, n_ads, n_sites, first_seen, last_seen, sites, cities."""
    ads = _dated(ads)
    if as_of is not None:
        limit = pd.Timestamp(as_of)
        if limit == limit.normalize():
            limit = limit + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
        ads = ads[ads["posted"].notna() & (ads["posted"] <= limit)]
    grouped = ads.groupby("person_id", sort=True)
    nonempty = ads.assign(site=ads["site"].replace("", None), city=ads["city"].replace("", None))
    joined = nonempty.groupby("person_id", sort=True)
    return pd.DataFrame({
        "network_id": grouped["network_id"].first(),
        "n_ads": grouped.size(),
        "n_sites": joined["site"].nunique(),
        "first_seen": grouped["posted"].min(),
        "last_seen": grouped["posted"].max(),
        "sites": joined["site"].agg(lambda s: "|".join(sorted(s.dropna().unique()))),
        "cities": joined["city"].agg(lambda s: "|".join(sorted(s.dropna().unique()))),
    }).reset_index()


def _person_weeks(ads: pd.DataFrame) -> pd.DataFrame:
    """Distinct (person_id, week) of the dated ads; week = the Monday starting it."""
    ads = _dated(ads)
    ads = ads[ads["posted"].notna()]
    week = ads["posted"].dt.normalize() - pd.to_timedelta(ads["posted"].dt.day_of_week, unit="D")
    return pd.DataFrame({"person_id": ads["person_id"], "week": week}).drop_duplicates()


def weekly_counts(ads: pd.DataFrame) -> pd.DataFrame:
    """Per week from the first to the last: active persons (an ad that week), new (their first
    ad), departed (active the week before, never seen again)."""
    seen = _person_weeks(ads)
    if seen.empty:
        return pd.DataFrame({"week": pd.Series(dtype="datetime64[ns]"), "active": [], "new": [], "departed": []})
    weeks = pd.date_range(seen["week"].min(), seen["week"].max(), freq="7D")
    span = seen.groupby("person_id")["week"].agg(["min", "max"])
    after_last = span["max"] + pd.Timedelta(days=7)
    count = lambda values: pd.Series(values).value_counts().reindex(weeks, fill_value=0).to_numpy()  # noqa: E731
    return pd.DataFrame({
        "week": weeks,
        "active": count(seen["week"]),
        "new": count(span["min"]),
        "departed": count(after_last[after_last <= weeks[-1]]),
    })


def week_histories(ads: pd.DataFrame, weeks: int | None = None) -> pd.DataFrame:
    """One row per person seen in the chosen weeks (the last `weeks`, all when None), one 0/1
    column per week ("w2024-03-04"): capture histories with weeks as lists."""
    seen = _person_weeks(ads)
    chosen = np.sort(seen["week"].unique())
    if weeks is not None:
        chosen = chosen[-weeks:]
    seen = seen[seen["week"].isin(chosen)]
    table = pd.crosstab(seen["person_id"], seen["week"]).clip(upper=1)
    table.columns = [f"w{pd.Timestamp(w).date()}" for w in table.columns]
    return table.reset_index(drop=True)


def weeks_capture_recapture(ads: pd.DataFrame, weeks: int | None = None, **kwargs: Any) -> Estimate:
    """`adcount.capture_recapture` over `week_histories` (at least two weeks with persons)."""
    histories = week_histories(ads, weeks)
    if histories.shape[1] < 2:
        raise ValueError(f"capture–recapture needs at least two weeks of dated ads, the index holds {histories.shape[1]}")
    return capture_recapture(histories, **kwargs)

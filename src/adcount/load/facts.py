"""Per-ad facts the channels and the linkage read, taken from the ads table in one place.

`ad_texts` is the one place where an ad's title and text are joined into the text every channel
reads. `ad_facts` turns the structured columns into arrays aligned with the table's rows: the
posting day, integer codes of city and site, each ad_id's rank (so that pair-wise work that is
not symmetric can read every pair in ad_id order, whatever the input row order) and the age: the
age column where given, else the age the ad's text claims (read by the claims stage).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from adcount.ids import ad_id_rank


def ad_texts(table: pd.DataFrame) -> list[str]:
    """Per ad, its title and text joined by a newline: what every text reader sees."""
    return (table["title"] + "\n" + table["text"]).tolist()


@dataclass(frozen=True)
class AdFacts:
    """Structured facts per ad, aligned with the rows of the ads table."""

    age: np.ndarray  # float: the age column, else the age the text claims; NaN when neither
    day: np.ndarray  # float days since 1970-01-01, NaN when the posting date is unknown
    city: np.ndarray  # int codes, -1 when missing
    site: np.ndarray  # int codes, -1 when missing
    id_rank: np.ndarray  # rank of each ad's ad_id among all ad_ids


def ad_facts(table: pd.DataFrame, claimed_age: np.ndarray) -> AdFacts:
    """The facts of every ad; `claimed_age`: the age each text claims (NaN when none)."""
    given = table["age"].to_numpy(dtype=float, na_value=np.nan)
    return AdFacts(age=np.where(np.isnan(given), claimed_age, given), day=posting_days(table["posted_at"]),
                   city=text_codes(table["city"]), site=text_codes(table["site"]),
                   id_rank=ad_id_rank(table["ad_id"].to_numpy(dtype=object)))


def posting_days(posted: pd.Series) -> np.ndarray:
    """Posting time of each ad in days since 1970-01-01 (float, NaN when unknown)."""
    stamps = pd.to_datetime(posted)
    days = (stamps - pd.Timestamp("1970-01-01")).dt.total_seconds().to_numpy(dtype=float, na_value=np.nan)
    return days / 86400.0


def text_codes(values: pd.Series) -> np.ndarray:
    """Integer codes of a text column after light folding; -1 for empty."""
    folded = values.astype(str).str.strip().str.casefold()
    codes, _ = pd.factorize(folded.where(folded != ""), use_na_sentinel=True)
    return codes.astype(np.int64)

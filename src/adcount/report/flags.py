"""Protection flags: persons whose ads claim a minor's age, or a very young one with youth wording.

A claimed age is what an ad says, not a fact: minors are advertised as 18 or 19 ("toute jeune",
"just turned 18"), and an adult may write "16" by mistake. So the flags are for a person to
review and refer, never a count of minors. Two reasons, in order of weight:

- `claimed_minor`: one ad of the person or more claims an age under 18;
- `young_with_youth_wording`: the person's lowest claimed age is under 20 and one of its ads
  uses youth wording (the lexicons' `youth_words`: "toute jeune", "première fois", "petite
  nouvelle", "barely legal", "new in town", "just turned 18"...).

Every flagged person is listed with every ad that raised the flag: no cap on rows, anywhere.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adcount.report.stated import Stated

ADULT_AGE = 18  # under it a claimed age is a minor's
YOUNG_AGE = 20  # under it, with youth wording, a claimed adult may be a minor (minors advertise as 18-19)
FLAG_COLUMNS = ("person_id", "reason", "ad_id", "claimed_age", "youth_words", "site", "city", "posted_at")


def protection_flags(stated: Stated, person: np.ndarray, person_ids: np.ndarray, table: pd.DataFrame) -> pd.DataFrame:
    """One row per ad that raised a flag (columns FLAG_COLUMNS), sorted by person then date.
    `person`: label per ad; `person_ids`: public id per label; `table`: the ads (ad_id, site,
    city, posted_at)."""
    person = np.asarray(person, dtype=np.int64)
    n = len(person_ids)
    age = stated.age
    minor_ad = age < ADULT_AGE
    minor = np.bincount(person[minor_ad], minlength=n) > 0
    lowest = np.full(n, np.inf)
    np.minimum.at(lowest, person, np.where(np.isnan(age), np.inf, age))
    youth = (np.bincount(person[stated.youth], minlength=n) > 0) & (lowest < YOUNG_AGE) & ~minor
    raised = (minor[person] & minor_ad) | (youth[person] & (stated.youth | (age < YOUNG_AGE)))
    rows = np.flatnonzero(raised)
    frame = pd.DataFrame({
        "person_id": np.asarray(person_ids, dtype=object)[person[rows]],
        "reason": np.where(minor[person[rows]], "claimed_minor", "young_with_youth_wording"),
        "ad_id": table["ad_id"].to_numpy(dtype=object)[rows],
        "claimed_age": age[rows],
        "youth_words": stated.youth_words[rows],
        "site": table["site"].to_numpy(dtype=object)[rows],
        "city": table["city"].to_numpy(dtype=object)[rows],
        "posted_at": table["posted_at"].to_numpy()[rows],
    }, columns=list(FLAG_COLUMNS))
    return frame.sort_values(["reason", "person_id", "posted_at", "ad_id"], kind="stable").reset_index(drop=True)


def flagged_persons(flags: pd.DataFrame) -> dict[str, int]:
    """Persons per flag reason (a person has one reason: the heavier one)."""
    counts = flags.drop_duplicates("person_id")["reason"].value_counts()
    return {reason: int(counts.get(reason, 0)) for reason in ("claimed_minor", "young_with_youth_wording")}

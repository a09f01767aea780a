"""Files of a synthetic ad set: ads.csv (what a scraper would give), truth.csv, truth.json,
contacts.csv (each ad's true number and address, where they are shown and how disguised: the
answer key of contact extraction), truth_ads.csv (per ad: true and claimed age, gender, origin,
language, situation, whose number), truth_persons.csv (per simulated person, seen or not: her
habits, birth date, numbers and organiser), and for sets with photos images.csv (each photo
file's original, owner and edits). The files that existed before the habits (ads, truth,
contacts, images) keep their columns.

The ads file holds the canonical columns only, list columns as ``|``-separated strings, so a
pipeline run on it never sees the truth. Output is byte-stable: fixed column order, fixed
formats, ``\\n`` line ends, sorted JSON keys, no time of generation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from .truth import AD_TRUTH_COLUMNS

CANONICAL_COLUMNS = ("ad_id", "site", "posted_at", "title", "text", "phones", "emails", "images",
                     "city", "region", "age", "gender", "nationality", "price", "url")
TRUTH_COLUMNS = ("ad_id", "true_person_id", "true_network_id")
LIST_COLUMNS = ("phones", "emails", "images")


def write_ad_set(df: pd.DataFrame, truth: dict[str, Any], out_dir: Path,
                 contacts: pd.DataFrame, image_truth: pd.DataFrame | None,
                 persons: pd.DataFrame) -> None:
    """Write ads.csv, truth.csv, truth.json, contacts.csv, truth_ads.csv, truth_persons.csv
    (and images.csv) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ads = df.loc[:, list(CANONICAL_COLUMNS)].copy()
    for column in LIST_COLUMNS:
        ads[column] = ["|".join(values) for values in ads[column]]
    ads["posted_at"] = ads["posted_at"].dt.strftime("%Y-%m-%dT%H:%M:%S")
    ads.to_csv(out_dir / "ads.csv", index=False, lineterminator="\n", encoding="utf-8")
    df.loc[:, list(TRUTH_COLUMNS)].to_csv(out_dir / "truth.csv", index=False, lineterminator="\n")
    with open(out_dir / "truth.json", "w", encoding="utf-8", newline="\n") as fh:
        json.dump(truth, fh, indent=2, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    contacts.to_csv(out_dir / "contacts.csv", index=False, lineterminator="\n")
    df.loc[:, ["ad_id", *AD_TRUTH_COLUMNS]].to_csv(out_dir / "truth_ads.csv", index=False,
                                                   lineterminator="\n")
    persons.to_csv(out_dir / "truth_persons.csv", index=False, lineterminator="\n")
    if image_truth is not None:
        image_truth.to_csv(out_dir / "images.csv", index=False, lineterminator="\n")

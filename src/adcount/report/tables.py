"""Every table of the report, built from plain frames and arrays, and written as CSV and JSON.

`ReportInputs` holds what a run produced (ads table, person and network labels with their public
ids, claims, scored pairs and their evidence, estimates, coverage, rejects); `build_tables` turns
it into the report's tables, and `write_tables` writes each beside the report, so that every
number the report prints is also in a file an analyst can chart herself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from adcount.claims import Claims
from adcount.estimate.result import Estimate
from adcount.report.flags import flagged_persons, protection_flags
from adcount.report.headline import one_ad_share
from adcount.report.networks import networks_table
from adcount.report.places import places_table, sites_table, touring
from adcount.report.profiles import person_profiles, profile_shares
from adcount.report.stated import stated_by_ads
from adcount.report.svgmap import departement_codes, persons_by_departement
from adcount.report.timeline import period, weeks_table

PROFILE_REPLICATES = 200  # linkage replicates for the share intervals: percentiles of 200 draws are stable to ~1 point


@dataclass(frozen=True)
class ReportInputs:
    """What a run produced, as plain data (`DedupResult.report_inputs()` builds it)."""

    table: pd.DataFrame  # valid ads, canonical columns
    person: np.ndarray  # person label per ad
    network: np.ndarray  # network label per ad
    person_ids: np.ndarray  # public id per person label
    network_ids: np.ndarray  # public id per network label
    claims: Claims
    pairs: np.ndarray
    probability: np.ndarray
    features: pd.DataFrame
    estimates: list[Estimate]
    coverage: Mapping[str, Any]  # `Coverage.to_dict()`
    rejects: pd.DataFrame
    n_data_flags: int  # parts of kept ads that could not be used (photos, characters)
    national: str  # ISO code of the country the ads are about ("" unknown)
    lexicons: Mapping[str, Any] = field(default_factory=dict)
    seed: int = 0


@dataclass(frozen=True)
class ReportTables:
    """The report's numbers. Frames are written as CSV by `write_tables`."""

    profiles: pd.DataFrame
    flags: pd.DataFrame
    weeks: pd.DataFrame
    places: pd.DataFrame
    sites: pd.DataFrame
    networks: pd.DataFrame
    departements: pd.Series
    summary: dict[str, Any]


def build_tables(inputs: ReportInputs) -> ReportTables:
    """Every table of the report (see module doc)."""
    table, person = inputs.table, np.asarray(inputs.person, dtype=np.int64)
    n_persons = len(inputs.person_ids)
    level = inputs.estimates[0].level if inputs.estimates else 0.95
    stated = stated_by_ads(table, inputs.claims, inputs.lexicons)
    profiles = person_profiles(stated, person, inputs.national)
    shares = profile_shares(stated, person, inputs.national, pairs=inputs.pairs, probability=inputs.probability,
                            level=level, n_replicates=PROFILE_REPLICATES, seed=inputs.seed)
    flags = protection_flags(stated, person, inputs.person_ids, table)
    networks = networks_table(inputs.pairs, inputs.features, person, np.asarray(inputs.network),
                              inputs.network_ids, table, profiles.origin)
    first, last = period(table["posted_at"])
    ads_per_person = np.bincount(person, minlength=n_persons)
    tour, with_city = touring(table["city"], person)
    sites = sites_table(table["site"], person)
    summary = {
        "n_ads": len(table), "n_rejected": len(inputs.rejects), "n_data_flags": inputs.n_data_flags,
        "n_persons": n_persons, "n_sites": int((sites["site"] != "").sum()),
        "first_seen": None if first is None else first.isoformat(), "last_seen": None if last is None else last.isoformat(),
        "national_country": inputs.national, "touring_persons": tour, "persons_with_city": with_city,
        "one_ad_share": round(one_ad_share(ads_per_person), 4),
        "networks_of_two_or_more": len(networks), "persons_in_networks": int(networks["persons"].sum()),
        "protection": flagged_persons(flags),
        "ads_per_person": {str(k): int(v) for k, v in pd.Series(ads_per_person).value_counts().sort_index().items()},
        "rejects_by_reason": {str(k): int(v) for k, v in inputs.rejects.groupby("reason").size().items()}
        if len(inputs.rejects) else {},
        "coverage": dict(inputs.coverage),
    }
    return ReportTables(profiles=shares, flags=flags, weeks=weeks_table(table["posted_at"], person),
                        places=places_table(table["city"], table["region"], person), sites=sites,
                        networks=networks, departements=persons_by_departement(departement_codes(table), person),
                        summary=summary)


def write_tables(tables: ReportTables, out_dir: str | Path) -> dict[str, Path]:
    """profiles.csv, protection_flags.csv, weeks.csv, places.csv, sites.csv, networks.csv,
    departements.csv and report_summary.json in `out_dir`; returns their paths by name."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = {"profiles": tables.profiles, "protection_flags": tables.flags, "weeks": tables.weeks,
              "places": tables.places, "sites": tables.sites, "networks": tables.networks,
              "departements": tables.departements.rename("persons").rename_axis("code").reset_index()}
    paths = {}
    for name, frame in frames.items():
        paths[name] = out / f"{name}.csv"
        frame.to_csv(paths[name], index=False, date_format="%Y-%m-%d %H:%M:%S")
    paths["report_summary"] = out / "report_summary.json"
    paths["report_summary"].write_text(json.dumps(tables.summary, indent=2, sort_keys=True, default=str) + "\n",
                                       encoding="utf-8")
    return paths

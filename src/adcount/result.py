"""`DedupResult`: what `deduplicate` returns — assignments, links, persons, rejects, estimates.

The result holds plain arrays aligned with the ads table (labels, probabilities, candidate pairs
and their evidence) and derives every user-facing table from them on first access. Contacts
appear only as the labels built by the contacts stage: pseudonyms unless raw values were asked for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from adcount.claims import Claims, claims_by_person
from adcount.config import Config
from adcount.coverage import Coverage
from adcount.contacts.keys import KINDS, ContactKeys
from adcount.estimate.audit import audit_estimate
from adcount.estimate.linkage import replicate_interval, sample_person_counts
from adcount.estimate.lists import capture_recapture_from_labels, combined_estimate
from adcount.estimate.result import Estimate
from adcount.ids import group_ids
from adcount.link.cluster import person_confidence
from adcount.load.io import write_frame
from adcount.load.schema import Ads


@dataclass(frozen=True, eq=False)
class DedupResult:
    """Ads grouped into persons and networks, with the evidence and the means to count them."""

    ads: Ads
    config: Config
    pairs: np.ndarray  # candidate pairs (m, 2), rows of ads.table
    features: pd.DataFrame  # evidence per candidate pair
    bits: pd.DataFrame  # evidence weights per candidate pair (log2 odds)
    probability: np.ndarray  # link probability per candidate pair
    person: np.ndarray  # person label per ad
    network: np.ndarray  # network label per ad
    confidence: np.ndarray  # per ad
    contacts: ContactKeys
    text_usable: np.ndarray  # per ad: enough text to compare
    flags: pd.DataFrame  # ad_id, column, value, reason: parts of kept ads that could not be used
    claims: Claims  # what each ad's text claims: names, age, gender, origins, languages
    coverage: Coverage  # per evidence channel, the ads carrying it; warnings on silent channels
    model_note: str = ""  # why the rule weights scored the pairs instead of EM ("" when they did not)

    @property
    def n_ads(self) -> int:
        return len(self.ads.table)

    @property
    def n_persons(self) -> int:
        return int(self.person.max()) + 1 if self.person.size else 0

    @property
    def n_networks(self) -> int:
        return int(self.network.max()) + 1 if self.network.size else 0

    @property
    def rejects(self) -> pd.DataFrame:
        return self.ads.rejects

    @cached_property
    def person_ids(self) -> np.ndarray:
        """Public id of each person label (a hash of its smallest ad_id: `adcount.ids`)."""
        return group_ids("P", self.person, self.ads.table["ad_id"].to_numpy(dtype=object))

    @cached_property
    def network_ids(self) -> np.ndarray:
        """Public id of each network label."""
        return group_ids("N", self.network, self.ads.table["ad_id"].to_numpy(dtype=object))

    @cached_property
    def assignments(self) -> pd.DataFrame:
        """One row per valid ad: ad_id, person_id, network_id, confidence."""
        return pd.DataFrame({
            "ad_id": self.ads.table["ad_id"].to_numpy(),
            "person_id": self.person_ids[self.person],
            "network_id": self.network_ids[self.network],
            "confidence": np.round(self.confidence, 4),
        })

    @cached_property
    def links(self) -> pd.DataFrame:
        """Every scored candidate pair with its probability and the evidence behind it."""
        ad_id = self.ads.table["ad_id"].to_numpy()
        a, b = self.pairs[:, 0], self.pairs[:, 1]
        frame = pd.DataFrame({
            "ad_id_a": ad_id[a], "ad_id_b": ad_id[b],
            "probability": np.round(self.probability, 6),
            "same_person": self.person[a] == self.person[b],
        })
        evidence = self.features.drop(columns=["a", "b"]).reset_index(drop=True)
        frame = pd.concat([frame, evidence, self.bits.add_prefix("bits_").round(3).reset_index(drop=True)], axis=1)
        frame["shared_contacts"] = self._shared_contact_labels()
        return frame

    def _shared_contact_labels(self) -> np.ndarray:
        """Per pair, the labels (pseudonyms) of the contacts both ads carry, '|'-joined."""
        matrix = self.contacts.matrix()
        shared = matrix[self.pairs[:, 0]].multiply(matrix[self.pairs[:, 1]]).tocoo()
        order = np.argsort(shared.row, kind="stable")  # per pair, labels stay in key order
        labels = np.asarray(self.contacts.labels, dtype=object)
        return _join_runs(shared.row[order].astype(np.int64), labels[shared.col[order]], len(self.pairs))

    @cached_property
    def persons(self) -> pd.DataFrame:
        """One row per person: ads, sites, cities, first/last seen, claimed profile, contacts."""
        table = self.ads.table
        frame = pd.DataFrame({
            "person": self.person, "network": self.network, "ad_id": table["ad_id"],
            "site": table["site"], "city": table["city"], "posted_at": table["posted_at"],
            "age": _claimed_age(table["age"], self.claims.age), "gender": table["gender"],
            "nationality": table["nationality"],
        })
        grouped = frame.groupby("person", sort=True)
        n, person = self.n_persons, self.person
        claimed = claims_by_person(self.claims, person)  # what the texts say, per person label
        site = table["site"].to_numpy(dtype=object)
        has_site = site != ""
        persons = pd.DataFrame({
            "person_id": self.person_ids,
            "network_id": self.network_ids[grouped["network"].first().to_numpy()],
            "n_ads": grouped.size().to_numpy(),
            "n_sites": np.bincount(_distinct(person[has_site], site[has_site])[0], minlength=n),
            "sites": _joined(person, site, n),
            "cities": _joined(person, table["city"].to_numpy(dtype=object), n),
            "first_seen": grouped["posted_at"].min().to_numpy(),
            "last_seen": grouped["posted_at"].max().to_numpy(),
            "age": grouped["age"].median().to_numpy(),
            "age_min": grouped["age"].min().to_numpy(),
            "gender": _stated(_mode(person, table["gender"].to_numpy(dtype=object), n), claimed["gender"]),
            "nationality": _stated(_mode(person, table["nationality"].to_numpy(dtype=object), n),
                                   _first_label(claimed["origins"])),
            "origins": claimed["origins"].to_numpy(dtype=object),
            "languages": claimed["spoken"].to_numpy(dtype=object),
        })
        contacts = self.contacts
        for kind in KINDS:
            keep = contacts.kinds[contacts.key_ids] == KINDS.index(kind)
            labels = np.asarray(contacts.labels, dtype=object)[contacts.key_ids[keep]]
            persons[f"{kind}s"] = _joined(person[contacts.rows[keep]], labels, n, skip_empty=False)
        return persons

    def __repr__(self) -> str:
        from adcount.report.notebook import result_repr

        return result_repr(self.n_ads, self.n_persons, self.n_networks, len(self.rejects))

    def _repr_html_(self) -> str:
        from adcount.report.notebook import result_html

        return result_html(self.n_ads, self.n_persons, self.n_networks, len(self.rejects), len(self.flags),
                           self.coverage.warnings)

    def report_inputs(self, estimates: list[Estimate] | None = None, national: str | None = None) -> Any:
        """The plain data the report is made of (`adcount.report.tables.ReportInputs`)."""
        from adcount.report.tables import ReportInputs

        return ReportInputs(
            table=self.ads.table, person=self.person, network=self.network, person_ids=self.person_ids,
            network_ids=self.network_ids, claims=self.claims, pairs=self.pairs, probability=self.probability,
            features=self.features, estimates=estimates or [self.estimate()], coverage=self.coverage.to_dict(),
            rejects=self.rejects, n_data_flags=len(self.flags), lexicons=self.config.claims.lexicons,
            national=(self.contacts.region.region or "") if national is None else national.upper(),
            seed=self.config.estimate.seed)

    def report(self, path: str | Path, lang: str | None = None, estimates: list[Estimate] | None = None,
               title: str | None = None, national: str | None = None) -> Path:
        """Write the diagnostic (HTML, `lang` "fr" | "en", default from the ads) and its CSV/JSON
        tables beside it (docs/report.md); return the HTML's path."""
        from adcount.report.html import write_report

        chosen = estimates or [self.estimate()]
        return write_report(self.report_inputs(chosen, national=national), chosen, path, title=title, lang=lang)

    def estimate(self, level: float | None = None, method: str = "linkage", **kwargs: Any) -> Estimate:
        """Number of persons, with an interval.

        method="linkage" (default): persons behind the observed ads; the interval is a Monte Carlo
            over the clustering's merge and split decisions (`adcount.estimate.linkage`).
        method="capture-recapture": persons including those seen nowhere, with
            lists="ads" (default) | "site-group" | "site" | "week" (see docs/estimates.md) and
            estimator= the capture–recapture method ("bracket" for "ads", "loglinear" for lists,
            or "chao", "chao-f2f3", "ichao", "zelterman", ...); other options go to
            `adcount.capture_recapture` (criterion=, max_order=, ...).
        method="combined": capture–recapture inside the linkage Monte Carlo (both uncertainties).
        method="audit": from a labelled random sample, `labels=` 0/1 per sampled ad
            (`adcount.draw_audit_sample` draws it).
        """
        level = self.config.estimate.level if level is None else level
        if "estimator" in kwargs:
            kwargs["method"] = kwargs.pop("estimator")
        if method == "linkage":
            return self._linkage_estimate(level, **kwargs)
        if method == "audit":
            return audit_estimate(self.n_ads, kwargs.pop("labels"), level=level, **kwargs)
        if method not in ("capture-recapture", "combined"):
            raise ValueError(f"unknown estimate method {method!r}; use 'linkage', 'capture-recapture', "
                             "'combined' or 'audit'")
        cfg, table = self.config.estimate, self.ads.table
        kwargs.setdefault("n_boot", cfg.capture_replicates)
        kwargs.setdefault("seed", cfg.seed)
        if method == "capture-recapture":
            return capture_recapture_from_labels(self.person, table["site"], table["posted_at"], level, **kwargs)
        replicates = kwargs.pop("n_replicates", None)
        return combined_estimate(self.person, self.pairs, self.probability, table["site"], table["posted_at"],
                                 level, n_replicates=cfg.capture_replicates if replicates is None else replicates,
                                 linkage_seed=cfg.seed, **kwargs)

    def _linkage_estimate(self, level: float, n_replicates: int | None = None, seed: int | None = None) -> Estimate:
        cfg = self.config.estimate
        reps = cfg.n_replicates if n_replicates is None else n_replicates
        seed = cfg.seed if seed is None else seed
        counts = sample_person_counts(self.person, self.pairs, self.probability, reps, seed)
        point = float(self.n_persons)
        low, high = replicate_interval(point, counts, level)
        n = self.n_ads
        return Estimate(
            point=point, low=low, high=high, level=level,
            method="linkage-monte-carlo",
            details={
                "n_ads": n, "n_rejected": len(self.rejects), "n_candidate_pairs": len(self.pairs),
                "replicates": reps, "seed": seed,
                "replicate_mean": float(counts.mean()), "replicate_median": float(np.median(counts)),
                "replicate_sd": float(counts.std(ddof=1)),
                "interval": "percentile interval of redrawn merge and split decisions (one systematic "
                            "merge-rate error per replicate), stretched to hold the point",
                "duplicate_rate": 1.0 - point / n if n else 0.0,
            },
        )

    def person_confidence(self) -> pd.DataFrame:
        """One row per person: person_id and how sure we are of it (`link.cluster.person_confidence`)."""
        value = person_confidence(self.pairs, self.probability, self.person, self.confidence)
        return pd.DataFrame({"person_id": self.person_ids, "confidence": np.round(value, 4)})

    def summary(self) -> str:
        """A one-screen text summary: counts, what each evidence channel saw, and its warnings."""
        est = self.estimate()
        sizes = np.bincount(self.person) if self.person.size else np.zeros(0, int)
        lines = [
            f"ads: {self.n_ads} valid, {len(self.rejects)} rejected, {len(self.flags)} flagged (see flags)",
            f"persons: {self.n_persons} ({est.level:.0%} interval {est.low:.0f}-{est.high:.0f}); "
            f"networks: {self.n_networks}",
            f"duplicate rate: {est.details['duplicate_rate']:.1%} (ads that are another ad of the same person)",
            f"ads per person: median {np.median(sizes) if sizes.size else 0:.0f}, max {sizes.max() if sizes.size else 0}",
            f"candidate pairs: {len(self.pairs)}, linked: {int((self.probability >= self.config.link.person_threshold).sum())}",
            "evidence seen (ads carrying it):",
            *self.coverage.lines(),
            *(f"warning: {warning}" for warning in self.coverage.warnings),
        ] + ([f"link model: {self.model_note}"] if self.model_note else [])
        return "\n".join(lines)

    def save(self, out_dir: str | Path, estimates: list[Estimate] | None = None,
             lang: str | None = None, title: str | None = None, national: str | None = None) -> dict[str, Path]:
        """Write assignments.csv, persons.csv, links.parquet, rejects.csv, flags.csv, estimate.json
        (the given estimates keyed by method; default: the linkage estimate), config.json, and the
        report (report.html in `lang` and its tables, national = ISO country for the national/foreign
        split: `report`)."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        files = {
            "assignments": out / "assignments.csv", "persons": out / "persons.csv",
            "links": out / "links.parquet", "rejects": out / "rejects.csv", "flags": out / "flags.csv",
        }
        write_frame(self.assignments, files["assignments"])
        write_frame(self.persons, files["persons"])
        write_frame(self.links, files["links"])
        write_frame(self.rejects, files["rejects"])
        write_frame(self.flags, files["flags"])
        files["estimate"] = out / "estimate.json"
        chosen = estimates if estimates is not None else [self.estimate()]
        payload = {e.method: e.to_dict() for e in chosen}
        files["estimate"].write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n")
        files["config"] = out / "config.json"
        files["config"].write_text(self.config.to_json() + "\n")
        files["report"] = self.report(out / "report.html", estimates=chosen, lang=lang, title=title,
                                      national=national)
        return files


def _claimed_age(column: pd.Series, from_text: np.ndarray) -> np.ndarray:
    """Per ad, the age column where given, else the age its text claims (NaN when neither)."""
    given = column.to_numpy(dtype=float, na_value=np.nan)
    return np.where(np.isnan(given), from_text, given)


def _first_label(joined: pd.Series) -> pd.Series:
    """The first of "|"-joined labels ("" when there are none)."""
    return joined.astype(object).fillna("").astype(str).str.extract(r"^([^|]*)", expand=False).fillna("")


def _stated(column: np.ndarray, from_text: pd.Series) -> np.ndarray:
    """A structured column's value per person, or what the texts claim where the column is empty."""
    return np.where(column != "", column, from_text.fillna("").to_numpy(dtype=object)).astype(object)


def _distinct(groups: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (group, value) pairs, sorted by group then value."""
    pairs = pd.DataFrame({"g": groups, "v": pd.Series(values, dtype=object)}).drop_duplicates()
    pairs = pairs.sort_values(["g", "v"], kind="stable")
    return pairs["g"].to_numpy(dtype=np.int64), pairs["v"].to_numpy(dtype=object)


def _joined(groups: np.ndarray, values: np.ndarray, n: int, *, skip_empty: bool = True) -> np.ndarray:
    """Per group 0..n-1: its distinct values, sorted, joined by "|" ("" when it has none).
    Whole-array work (one sort, one reduceat), not a Python call per person."""
    if skip_empty:
        groups, values = groups[values != ""], values[values != ""]
    return _join_runs(*_distinct(groups, values), n)


def _join_runs(groups: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Per group 0..n-1, its values joined by "|" in the order given ("" when it has none);
    `groups` must be sorted. One object-array reduceat, not a Python call per group."""
    out = np.full(n, "", dtype=object)
    if groups.size:
        first = np.r_[True, groups[1:] != groups[:-1]]
        pieces = np.where(first, "", "|").astype(object) + values
        out[groups[first]] = np.add.reduceat(pieces, np.flatnonzero(first))
    return out


def _mode(groups: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Per group 0..n-1: its most frequent non-empty value (the first in sort order on a tie), or ""."""
    present = values != ""
    counts = pd.DataFrame({"g": groups[present], "v": pd.Series(values[present], dtype=object)})
    counts = counts.groupby(["g", "v"], sort=False).size().reset_index(name="c")
    best = counts.sort_values(["g", "c", "v"], ascending=[True, False, True], kind="stable").drop_duplicates("g")
    out = np.full(n, "", dtype=object)
    out[best["g"].to_numpy(dtype=np.int64)] = best["v"].to_numpy(dtype=object)
    return out

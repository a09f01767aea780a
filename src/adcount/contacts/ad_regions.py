"""The region each ad's national phone numbers are read with, and the evidence for it.

Per ad, in order: the ad's own `country` value (an ISO code or a country name), then the region
the user set (`Config.contacts.region`, `adcount run --region`), else the region inferred from
the set (`adcount.contacts.phone_regions.infer_region`): the most common `country` value if the
set has one, otherwise a score of every region's numbering plan on a sample of the ads. When
the inference finds a set mixing countries (`RegionChoice.plans`), each ad without a `country`
is read with the plan of the mix that its own digit runs, its city, its site (learned from the
ads whose numbers leave no doubt, or the site's country domain) and its international numbers
support best (`adcount.contacts.phone_mixture.ad_plans`).
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

import numpy as np
import pandas as pd
import phonenumbers

from adcount.contacts.countries import country_code, domain_region
from adcount.contacts.phone_mixture import ad_plans, place_codes
from adcount.contacts.phone_regions import RegionChoice, infer_region, plan_readings
from adcount.contacts.phones import extract_phones, national_runs

# Ads read to infer the region: enough for thousands of distinct numbers, and a constant cost
# however large the set (inference took ~0.3 s on 5,000 synthetic French ads).
INFER_SAMPLE = 5_000


class AdRegions(NamedTuple):
    """The set's RegionChoice, the region each ad is read with, and per ad the numbers of runs
    its region cannot read, read with another plan of a mixed set (E.164; empty lists otherwise)."""

    choice: RegionChoice
    regions: list[str | None]
    foreign: list[list[str]]


def ad_regions(table: pd.DataFrame, texts: list[str], region: str | None) -> AdRegions:
    """The regions of ``table``'s ads given their ``texts`` (title and text of each ad);
    ``region`` is the configured one, or None to infer it."""
    country = table["country"] if "country" in table else pd.Series([""] * len(table), dtype=object)
    codes, values = pd.factorize(country.astype(str).str.strip())
    known_of_value = np.array([country_code(v) or "" for v in values], dtype=object)
    own = known_of_value[codes] if len(codes) else np.empty(0, dtype=object)
    has_own = own != ""
    unknown = int(((country.astype(str).str.strip() != "").to_numpy() & ~has_own).sum())
    if region is not None:
        choice = RegionChoice(region, "config")
    elif has_own.any():
        counts = pd.Series(own[has_own]).value_counts()
        top = sorted(counts.index[counts == counts.max()])[0]
        choice = RegionChoice(top, "country column")
    else:
        choice = infer_region(_sample(texts, table), _domains(table))
    choice = dataclasses.replace(choice, ads_with_country=int(has_own.sum()), unknown_countries=unknown)
    foreign: list[list[str]] = [[] for _ in range(len(table))]
    if choice.plans and not has_own.all():
        guessed, read_apart = _mixed_regions(table, texts, choice.plans)
        foreign = [[] if mine else apart for mine, apart in zip(has_own.tolist(), read_apart)]
    else:
        guessed = choice.region
    per_ad = np.where(has_own, own, guessed).tolist() if len(own) else []
    return AdRegions(choice, per_ad, foreign)


def _mixed_regions(table: pd.DataFrame, texts: list[str],
                   mix: tuple[tuple[str, float], ...]) -> tuple[np.ndarray, list[list[str]]]:
    """The plan (a region of the ``mix``) each ad of a set mixing countries is read with, and
    per ad the numbers of its runs that plan cannot read, read with the plan of the mix that
    reads them best, where they look like phones there (a mobile, or written its way)."""
    plans = tuple(plan for plan, _ in mix)
    share = np.array([fraction for _, fraction in mix])
    fields = table["phones"].map(" / ".join)
    written = pd.Series(texts, dtype=object, index=table.index) + "\n" + fields
    codes, distinct = pd.factorize(written)
    runs_of = [national_runs(text) for text in distinct]
    run_codes, runs = pd.factorize(pd.Series([groups for found in runs_of for groups in found], dtype=object))
    per_text = np.fromiter(map(len, runs_of), dtype=np.int64, count=len(runs_of))
    text_of_run = np.repeat(np.arange(len(distinct)), per_text)
    # every (ad, run): an ad's runs are those of its text
    order = np.argsort(codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(len(distinct)))
    ads_per_text = np.bincount(codes, minlength=len(distinct))
    reps = ads_per_text[text_of_run]
    occurrence = np.repeat(np.arange(text_of_run.size), reps)
    rank = np.arange(occurrence.size) - np.repeat(np.cumsum(reps) - reps, reps)
    ad_of_run = order[starts[text_of_run[occurrence]] + rank]
    readings = [plan_readings(groups, plans) for groups in runs]
    weights = np.array([[r.weight if r else 0.0 for r in row] for row in readings]).reshape(len(runs), len(plans))
    places = [place_codes(table[column]) if column in table else np.full(len(table), -1) for column in ("city", "site")]
    site_plan = _known_plans(table["site"] if "site" in table else None, places[1], plans)
    abroad = _international_plans(distinct, plans)[codes]
    run_of = run_codes[occurrence]
    readable = weights[run_of].max(axis=1) > 0  # runs no plan of the mix reads say nothing
    ad_of_run, run_of = ad_of_run[readable], run_of[readable]
    plan_index = ad_plans(len(table), ad_of_run, weights[run_of], share, [*places, abroad],
                          [None, site_plan, np.arange(len(plans))])
    apart: list[list[str]] = [[] for _ in range(len(table))]
    unread = weights[run_of, plan_index[ad_of_run]] == 0
    for ad, run in zip(ad_of_run[unread].tolist(), run_of[unread].tolist()):
        best = max((r for r in readings[run] if r is not None), key=lambda r: r.weight)
        if best.looks_like_phone and best.e164 not in apart[ad]:
            apart[ad].append(best.e164)
    return np.array(plans, dtype=object)[plan_index], apart


def _known_plans(sites: pd.Series | None, codes: np.ndarray, plans: list[str]) -> np.ndarray | None:
    """For each site code, the plan of its country domain if it is one of ``plans``, else -1."""
    if sites is None or codes.size == 0 or codes.max() < 0:
        return None
    first = pd.Series(sites.astype(str).to_numpy()).groupby(codes).first()
    known = np.full(int(codes.max()) + 1, -1, dtype=np.int64)
    for code, site in first.items():
        if code >= 0 and (region := domain_region(site)) in plans:
            known[code] = plans.index(region)
    return known


def _international_plans(texts: pd.Index, plans: list[str]) -> np.ndarray:
    """For each text, the plan (index in ``plans``) of its first international number that is
    of one of them, else -1: a "+32" beside a national number says where the ad is."""
    found = np.full(len(texts), -1, dtype=np.int64)
    calling = {phonenumbers.country_code_for_region(plan): k for k, plan in enumerate(plans)}
    for position, text in enumerate(texts):
        if "+" in text or "00" in text:
            for phone in extract_phones(text, None):
                k = calling.get(phonenumbers.parse(phone).country_code)
                if k is not None:
                    found[position] = k
                    break
    return found


def _sample(texts: list[str], table: pd.DataFrame) -> list[str]:
    """Texts and phone fields of at most INFER_SAMPLE ads, chosen by a hash of their content so
    that the choice does not depend on the order of the rows."""
    fields = table["phones"].map(" / ".join).tolist()
    if len(texts) > INFER_SAMPLE:
        keys = pd.util.hash_pandas_object(pd.Series(texts, dtype=object), index=False).to_numpy()
        chosen = np.argsort(keys, kind="stable")[:INFER_SAMPLE]
        texts, fields = [texts[i] for i in chosen], [fields[i] for i in chosen]
    return texts + [f for f in fields if f]


def _domains(table: pd.DataFrame) -> list[str]:
    """Distinct sites, URLs and e-mail addresses of the set (their country domains are evidence)."""
    values: set[str] = set()
    for column in ("site", "url"):
        if column in table:
            values.update(table[column].astype(str).unique())
    if "emails" in table:
        values.update(e for emails in table["emails"] for e in emails)
    return sorted(values)

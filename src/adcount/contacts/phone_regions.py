"""Which country's numbering plan an ad set follows, from the numbers' own evidence.

A national number ("06 12 34 56 78", "(212) 555-0123", "333 123 4567") means nothing without
its country. When the user gives none, :func:`infer_region` reads a sample of the set and scores
every region phonenumbers knows on:

* national-looking digit runs that are valid numbers in the region's plan, written as its ads
  write them (with the trunk prefix it requires, or without where it has none or may drop it);
  a number of the region itself counts fully, one of a region that shares its plan (Canada for
  the United States, Réunion for France) half, and a landline half again (ads give mobiles:
  "081 234 5678" is a Thai mobile but a Naples landline);
* those of them written in the region's own national grouping ("06 12 34 56 78" in France,
  "06 12345678" in the Netherlands, "(212) 555-0123" in North America): a bonus each,
  which helps tell apart plans that accept the same digits (half a point: "612 345 678" is
  the Polish grouping but common in Spanish ads too);
* international numbers of the region ("+1 ...", "0033 ..."), half a point each: ads abroad
  often show the advertiser's home number, so they are weak evidence;
* sites, URLs and e-mail addresses under the region's country domain (".fr", ".co.uk").

The winner and the runners-up are returned in a :class:`RegionChoice`, so that the summary and
the report can say which plan was used and why.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import phonenumbers
from phonenumbers import PhoneMetadata

from adcount.contacts.countries import domain_region
from adcount.contacts.phone_mixture import MIN_RUNS, MIN_SHARE, plan_shares
from adcount.contacts.phone_plans import dial_plan, valid_e164
from adcount.contacts.phones import extract_phones, national_runs

# Candidate regions kept in a RegionChoice: the winner and two runners-up.
_SHOWN = 3
# Weights of the evidence (see the module docstring): a number of the region itself is worth 1.
_SHARED_PLAN_WEIGHT = 0.5
_LANDLINE_WEIGHT = 0.5
_MOBILE_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
_FORMAT_WEIGHT = 0.5
_INTERNATIONAL_WEIGHT = 0.5
_DOMAIN_WEIGHT = 1.0
# Likelihoods of a reading, for sharing runs between plans: ads show mobiles (none of the 705
# numbers of tests/data/contacts/world.jsonl is a landline, 42 of 369 in the French corpus), so
# a run a plan reads only as a landline is one tenth as likely there as a mobile; a run written
# in a plan's own grouping is three times as likely there (a weaker bonus let plans that read
# every trunk-0 run as a landline, Germany's and Italy's, absorb the others: europe-mixed).
_LANDLINE_LIKELIHOOD = 0.1
_GROUPED_LIKELIHOOD = 3.0
# A mobile written with a trunk prefix its national format leaves out is rarely written so:
# Chinese mobiles are "159 1706 0826", so "0159 17060826" is the German mobile, not a Chinese one
# with the landline trunk (europe-mixed seed 1: 23 German numbers read as Chinese). Same factor
# as a landline. Not for plans that cannot tell mobiles from landlines, where the trunk is a
# long-distance prefix written before any number (North America's "1-212-555-0123").
_EXTRA_TRUNK_LIKELIHOOD = 0.1
# A plan joins the mixture of a set only if the set shows ties to its country beyond digit runs
# valid there: at least this many international numbers of it or sites and addresses under its
# domain (the best-scored plan always does). Digits alone do not tell a big plan from a small
# one that reads the same runs: Monaco reads French "06 12 34 56 78" and Spanish "612 345 678"
# alike, Somalia Spanish and Italian runs, so a fit on digits alone gave Monaco more of a
# European set than France (europe-mixed seed 0). Ads across borders show "+33", "+34" ...
_MIN_TIES = 2
# The best-scored plan without such ties joins only if it reads this share of the set's runs
# better than the plans with ties: a set of one country whose ads never write its numbers
# internationally, not Monaco reading a few stray runs of a European mix (tests/data/contacts/
# world.jsonl shuffled: 24% of "the numbers", all French, Irish or stray, at a bar of 1%).
_UNTIED_MIN_SHARE = 0.2
_DIGIT = re.compile(r"\d+")


@dataclass(frozen=True)
class RegionScore:
    """The evidence for one region in a set (distinct values, not ads)."""

    region: str
    national: int  # national-looking numbers valid in the region's plan
    own: int  # of which numbers of the region itself, not of a region sharing its plan
    mobile: int  # of which mobile numbers (or numbers the plan cannot tell from mobiles)
    formatted: int  # of which written in the region's national grouping
    international: int  # international numbers of the region
    domains: int  # sites, URLs and e-mail domains under the region's country domain
    share: float = 0.0  # share of the set's national numbers its plan explains (phone_mixture)

    @property
    def score(self) -> float:
        plan_weight = (self.own + _SHARED_PLAN_WEIGHT * (self.national - self.own)) / max(self.national, 1)
        type_weight = self.mobile + _LANDLINE_WEIGHT * (self.national - self.mobile)
        return (plan_weight * type_weight + _FORMAT_WEIGHT * self.formatted
                + _INTERNATIONAL_WEIGHT * self.international + _DOMAIN_WEIGHT * self.domains)

    def describe(self) -> str:
        return (f"{self.region}: {self.national} national numbers valid there ({self.mobile} mobile, "
                f"{self.formatted} written its way), {self.international} international, {self.domains} domains, "
                f"{self.share:.0%} of the numbers")


@dataclass(frozen=True)
class RegionChoice:
    """The region national phone numbers were read with, and why.

    region: ISO code used for ads without a `country` of their own; None reads international
        numbers only (nothing in the set pointed to a country).
    source: "config" (given by `Config.contacts.region` or `adcount run --region`), "country
        column" (the most common value of the ads' `country`), "inferred" (scored from the set,
        see `candidates`) or "none".
    candidates: the best-scored regions, best first, when inferred.
    ads_with_country: ads read with the region of their own `country` value.
    unknown_countries: ads whose `country` value was not understood (read with `region`).
    plans: when the set mixes countries (inferred only), each plan kept and its share of the
        set's national numbers, largest first; each ad is then read with one of them
        (`adcount.contacts.ad_regions`) and `region` is the largest.
    """

    region: str | None
    source: str
    candidates: tuple[RegionScore, ...] = ()
    ads_with_country: int = 0
    unknown_countries: int = 0
    plans: tuple[tuple[str, float], ...] = ()

    def describe(self) -> str:
        """One line for summaries: the region, where it came from, and its evidence."""
        if self.region is None:
            line = "phones: no country found, international numbers only"
        elif self.plans:
            mix = ", ".join(f"{region} {share:.0%}" for region, share in self.plans)
            line = f"phones read as a mix of {mix} ({self.source}; each ad by its own numbers, city and site)"
        else:
            line = f"phones read as {self.region} ({self.source})"
        if self.source == "inferred" and self.candidates:
            line += ": " + "; ".join(c.describe() for c in self.candidates)
        if self.ads_with_country:
            line += f"; {self.ads_with_country} ads by their own country"
        if self.unknown_countries:
            line += f"; {self.unknown_countries} ads with a country value not understood"
        return line


@dataclass(frozen=True)
class _PlanTest:
    region: str
    pattern: re.Pattern[str]  # the region's general national number pattern


@functools.cache
def _plan_tests() -> tuple[dict[tuple[str, int], list[_PlanTest]], dict[int, list[_PlanTest]]]:
    """Regions indexed by how a national number is read in them: (trunk, length of the national
    significant number) for a number written with the trunk prefix, length alone for one
    written without (regions with no trunk or an optional one)."""
    with_trunk: dict[tuple[str, int], list[_PlanTest]] = defaultdict(list)
    without: dict[int, list[_PlanTest]] = defaultdict(list)
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        plan = dial_plan(region)
        metadata = PhoneMetadata.metadata_for_region(region)
        test = _PlanTest(region, re.compile(metadata.general_desc.national_number_pattern))
        for length in plan.lengths:
            if plan.trunk:
                with_trunk[(plan.trunk, length)].append(test)
            if plan.trunk_optional:
                without[length].append(test)
    return dict(with_trunk), dict(without)


@dataclass(frozen=True)
class Reading:
    """One region's reading of a national-looking digit run."""

    region: str
    e164: str
    own: bool  # a number of the region itself, not of a region sharing its plan
    mobile: bool  # a mobile (or a number its plan cannot tell from one)
    grouped: bool  # written in the region's national grouping
    extra_trunk: bool = False  # a mobile written with a trunk prefix its national format leaves out

    @property
    def weight(self) -> float:
        """How likely the region's ads are to show the run, up to a factor common to all regions
        (a likelihood for `phone_mixture.plan_shares`)."""
        return ((1.0 if self.own else _SHARED_PLAN_WEIGHT) * (1.0 if self.mobile else _LANDLINE_LIKELIHOOD)
                * (_GROUPED_LIKELIHOOD if self.grouped else 1.0)
                * (_EXTRA_TRUNK_LIKELIHOOD if self.extra_trunk else 1.0))

    @property
    def looks_like_phone(self) -> bool:
        """A mobile, or a number written the region's way: what a reading outside the ad's own
        plan must be (a bare landline-valid run may be an order number or a postcode pair)."""
        return self.mobile or self.grouped


def readings_in(groups: tuple[str, ...], regions: frozenset[str] | None = None) -> list[Reading]:
    """The readings of a national run (digit groups, see `phones.national_runs`) by each region
    (of ``regions``, default all) whose plan reads it as a valid number."""
    digits = "".join(groups)
    with_trunk, without = _plan_tests()
    tests = [(t, digits) for t in without.get(len(digits), ())]
    for (trunk, length), listed in with_trunk.items():
        if digits.startswith(trunk) and len(digits) - len(trunk) == length:
            tests += [(t, digits[len(trunk):]) for t in listed]
    found = []
    for test, national in tests:
        if (regions is not None and test.region not in regions) or test.pattern.fullmatch(national) is None:
            continue
        e164 = valid_e164(digits, test.region)
        if e164 is not None:
            own, mobile, grouping, plain_mobile = _number_facts(e164, test.region)
            found.append(Reading(test.region, e164, own, mobile, grouping == tuple(map(len, groups)),
                                 plain_mobile and sum(grouping) < len(digits)))
    return found


@functools.lru_cache(maxsize=1 << 14)
def _number_facts(e164: str, region: str) -> tuple[bool, bool, tuple[int, ...], bool]:
    """Is ``e164`` a number of ``region`` itself, is it a mobile, the digit groups of its
    national format, and is it a mobile its plan tells apart from landlines."""
    number = phonenumbers.parse(e164)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    kind = phonenumbers.number_type(number)
    return (phonenumbers.region_code_for_number(number) == region, kind in _MOBILE_TYPES,
            tuple(map(len, _DIGIT.findall(national))), kind == phonenumbers.PhoneNumberType.MOBILE)


def infer_region(texts: Iterable[str], domains: Iterable[str] = ()) -> RegionChoice:
    """Score every region on the numbers of ``texts`` (ad texts or phone fields; a sample of the
    set is enough) and the country domains of ``domains`` (sites, URLs, e-mail addresses).

    Deterministic and independent of the order of ``texts``: only distinct values are counted.
    """
    runs: set[tuple[str, ...]] = set()
    international: set[str] = set()
    for text in texts:
        runs.update(national_runs(text))
        if "+" in text or "00" in text:
            international.update(extract_phones(text, None))
    readings = [readings_in(groups) for groups in sorted(runs)]
    national = defaultdict(lambda: [0, 0, 0, 0])
    for found in readings:
        for reading in found:
            counts = national[reading.region]
            for k, fact in enumerate((True, reading.own, reading.mobile, reading.grouped)):
                counts[k] += fact
    abroad = Counter(phonenumbers.region_code_for_number(phonenumbers.parse(p)) for p in international)
    sites = Counter(r for r in map(domain_region, set(domains)) if r is not None)
    scores = [
        RegionScore(region, *national.get(region, (0, 0, 0, 0)), abroad.get(region, 0), sites.get(region, 0))
        for region in set(national) | set(abroad) | set(sites)
        if region in phonenumbers.SUPPORTED_REGIONS
    ]
    scores.sort(key=lambda s: (-s.score, -s.own, -s.domains, s.region))
    if not scores or scores[0].score <= 0:
        return RegionChoice(None, "none")
    shares = _plan_shares(readings, [s.region for s in scores if s.international + s.domains >= _MIN_TIES],
                          scores[0].region)
    scores = sorted((dataclasses.replace(s, share=shares.get(s.region, 0.0)) for s in scores),
                    key=lambda s: -s.share)  # stable: ties keep the order of the scores
    plans = tuple((s.region, s.share) for s in scores if s.share >= MIN_SHARE and s.share * len(runs) >= MIN_RUNS)
    region = plans[0][0] if plans else scores[0].region
    return RegionChoice(region, "inferred", tuple(scores[:_SHOWN]), plans=plans if len(plans) > 1 else ())


def _plan_shares(readings: list[list[Reading]], tied: list[str], best: str) -> dict[str, float]:
    """Share of the distinct runs each numbering plan explains (`phone_mixture.plan_shares`).

    The plans are those of the regions the set has ties to (``tied``, best first; see
    _MIN_TIES) and the best-scored region ``best`` if it reads a good share of the runs
    (_UNTIED_MIN_SHARE) better than they do: a set of one country may show no international
    number of it, and its numbers are then most of the set. Regions sharing a calling
    code (the United States and Canada) give the same numbers: they are one plan, named after
    the best-ranked of them."""
    ranked = [best, *(region for region in tied if region != best)]
    plans = list(dict.fromkeys(_plan_name(region, ranked) for region in ranked))
    weights = _weight_matrix(readings, plans)
    if best not in tied and len(plans) > 1:
        better = int((weights[:, 0] > weights[:, 1:].max(axis=1)).sum())
        if better < max(MIN_RUNS, _UNTIED_MIN_SHARE * len(readings)):
            plans, weights = plans[1:], weights[:, 1:]
    return dict(zip(plans, plan_shares(weights).tolist()))


def _plan_name(region: str, ranked: list[str]) -> str:
    """The first region of ``ranked`` sharing ``region``'s calling code (its plan's name)."""
    code = phonenumbers.country_code_for_region(region)
    return next(r for r in ranked if phonenumbers.country_code_for_region(r) == code)


def _weight_matrix(readings: list[list[Reading]], plans: list[str]) -> np.ndarray:
    """weights[r, k]: how likely the ads of plan k (a region, standing for every region of its
    calling code) are to show run r: its best reading there (`Reading.weight`), 0 if none."""
    column = {phonenumbers.country_code_for_region(plan): k for k, plan in enumerate(plans)}
    weights = np.zeros((len(readings), len(plans)))
    for row, found in enumerate(readings):
        for reading in found:
            k = column.get(phonenumbers.country_code_for_region(reading.region))
            if k is not None:
                weights[row, k] = max(weights[row, k], reading.weight)
    return weights


def plan_readings(groups: tuple[str, ...], plans: tuple[str, ...]) -> list[Reading | None]:
    """Per plan of a mixed set (`RegionChoice.plans`, each standing for every region of its
    calling code), its most likely reading of a national run (`phones.national_runs`), None
    where it reads none: to read each ad with its own plan."""
    column = {phonenumbers.country_code_for_region(plan): k for k, plan in enumerate(plans)}
    best: list[Reading | None] = [None] * len(plans)
    for reading in readings_in(groups, _regions_of_codes(frozenset(column))):
        k = column[phonenumbers.country_code_for_region(reading.region)]
        if best[k] is None or reading.weight > best[k].weight:
            best[k] = reading
    return best


@functools.cache
def _regions_of_codes(codes: frozenset[int]) -> frozenset[str]:
    """Every region phonenumbers knows under one of the calling ``codes``."""
    return frozenset(r for r in phonenumbers.SUPPORTED_REGIONS if phonenumbers.country_code_for_region(r) in codes)

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

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata

from adcount.contacts.countries import domain_region
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

    @property
    def score(self) -> float:
        plan_weight = (self.own + _SHARED_PLAN_WEIGHT * (self.national - self.own)) / max(self.national, 1)
        type_weight = self.mobile + _LANDLINE_WEIGHT * (self.national - self.mobile)
        return (plan_weight * type_weight + _FORMAT_WEIGHT * self.formatted
                + _INTERNATIONAL_WEIGHT * self.international + _DOMAIN_WEIGHT * self.domains)

    def describe(self) -> str:
        return (f"{self.region}: {self.national} national numbers valid there ({self.mobile} mobile, "
                f"{self.formatted} written its way), {self.international} international, {self.domains} domains")


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
    """

    region: str | None
    source: str
    candidates: tuple[RegionScore, ...] = ()
    ads_with_country: int = 0
    unknown_countries: int = 0

    def describe(self) -> str:
        """One line for summaries: the region, where it came from, and its evidence."""
        if self.region is None:
            line = "phones: no country found, international numbers only"
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


def _regions_reading(groups: tuple[str, ...]) -> list[tuple[str, bool, bool, bool]]:
    """(region, own number, mobile, written its way) for each region whose plan reads the run."""
    digits = "".join(groups)
    with_trunk, without = _plan_tests()
    tests = [(t, digits) for t in without.get(len(digits), ())]
    for (trunk, length), listed in with_trunk.items():
        if digits.startswith(trunk) and len(digits) - len(trunk) == length:
            tests += [(t, digits[len(trunk):]) for t in listed]
    found = []
    for test, national in tests:
        if test.pattern.fullmatch(national) is None:
            continue
        e164 = valid_e164(digits, test.region)
        if e164 is not None:
            own, mobile, grouping = _number_facts(e164, test.region)
            found.append((test.region, own, mobile, grouping == tuple(map(len, groups))))
    return found


@functools.lru_cache(maxsize=1 << 14)
def _number_facts(e164: str, region: str) -> tuple[bool, bool, tuple[int, ...]]:
    """Is ``e164`` a number of ``region`` itself, is it a mobile, and the digit groups of its
    national format."""
    number = phonenumbers.parse(e164)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return (phonenumbers.region_code_for_number(number) == region,
            phonenumbers.number_type(number) in _MOBILE_TYPES, tuple(map(len, _DIGIT.findall(national))))


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
    national = defaultdict(lambda: [0, 0, 0, 0])
    for groups in runs:
        for region, *facts in _regions_reading(groups):
            counts = national[region]
            counts[0] += 1
            for k, fact in enumerate(facts, start=1):
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
    return RegionChoice(scores[0].region, "inferred", tuple(scores[:_SHOWN]))

"""Country values of a `country` column, and site domains, as ISO 3166 region codes.

A scraper's `country` column holds ISO codes ("CA", "gb"), three-letter codes ("USA") or names in
English or in the country's own language ("United Kingdom", "Deutschland", "España", "Brasil").
:func:`country_code` turns each into the two-letter code phonenumbers uses, or None when it is not
understood (the caller then reads that ad with the set's region and counts it).
"""

from __future__ import annotations

import functools
import re
import unicodedata

import phonenumbers

# Names and three-letter codes of the countries whose ads adcount is measured on, and of their
# neighbours, as scrapers write them (lower-case, accents removed). ISO-2 codes need no entry.
_NAMES = {
    "FR": ("france", "fra", "french republic"),
    "BE": ("belgium", "belgique", "belgie", "belgien", "bel"),
    "CH": ("switzerland", "suisse", "schweiz", "svizzera", "che"),
    "LU": ("luxembourg", "luxemburg", "lux"),
    "ES": ("spain", "espana", "esp"),
    "IT": ("italy", "italia", "ita"),
    "DE": ("germany", "deutschland", "allemagne", "deu", "ger"),
    "AT": ("austria", "osterreich", "oesterreich", "aut"),
    "NL": ("netherlands", "the netherlands", "nederland", "holland", "pays-bas", "nld"),
    "GB": ("united kingdom", "uk", "great britain", "britain", "england", "scotland", "wales",
           "northern ireland", "gbr"),
    "IE": ("ireland", "eire", "irl", "republic of ireland"),
    "US": ("united states", "united states of america", "usa", "us", "america", "etats-unis"),
    "CA": ("canada", "can"),
    "MX": ("mexico", "mex"),
    "BR": ("brazil", "brasil", "bresil", "bra"),
    "AR": ("argentina", "arg"),
    "CO": ("colombia", "col"),
    "PT": ("portugal", "prt"),
    "RO": ("romania", "roumanie", "rou"),
    "BG": ("bulgaria", "bulgarie", "bgr"),
    "HU": ("hungary", "magyarorszag", "hun"),
    "PL": ("poland", "polska", "pologne", "pol"),
    "CZ": ("czech republic", "czechia", "cesko", "cze"),
    "UA": ("ukraine", "ukr"),
    "RU": ("russia", "russian federation", "rossiya", "rus"),
    "DK": ("denmark", "danmark", "dnk"),
    "NO": ("norway", "norge", "nor"),
    "SE": ("sweden", "sverige", "swe"),
    "FI": ("finland", "suomi", "fin"),
    "GR": ("greece", "hellas", "grc"),
    "TH": ("thailand", "prathet thai", "tha"),
    "PH": ("philippines", "phl"),
    "AU": ("australia", "aus"),
    "NZ": ("new zealand", "nzl"),
    "IN": ("india", "ind"),
    "CN": ("china", "chn"),
    "MA": ("morocco", "maroc", "mar"),
    "NG": ("nigeria", "nga"),
    "ZA": ("south africa", "zaf"),
}
_BY_NAME = {name: code for code, names in _NAMES.items() for name in names}
# Country-code top-level domains that differ from the ISO code.
_TLD_REGION = {"uk": "GB"}
_DOMAIN = re.compile(r"(?:^|[@/.])(?:[a-z0-9-]+\.)+([a-z]{2})(?=$|[/:?#\s])", re.IGNORECASE)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.strip().lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@functools.lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """ISO 3166 two-letter code phonenumbers knows for a country value, or None."""
    folded = _fold(value)
    if not folded:
        return None
    code = _BY_NAME.get(folded)
    if code is None and len(folded) == 2:
        code = folded.upper()
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def domain_region(address: str) -> str | None:
    """Region of the country-code top-level domain of a site, URL or e-mail, or None for generic
    domains (".com", ".net") and addresses without one."""
    match = _DOMAIN.search(address.strip())
    if match is None:
        return None
    tld = match.group(1).lower()
    region = _TLD_REGION.get(tld, tld.upper())
    return region if region in phonenumbers.SUPPORTED_REGIONS else None

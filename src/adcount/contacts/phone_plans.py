"""How each country writes its phone numbers, read from phonenumbers' metadata, and validation.

A :class:`DialPlan` says what a national number written in an ad of one region looks like:
whether it carries a trunk prefix ("06 12 34 56 78" in France, "07911 123456" in Britain), may
drop it (North America writes "(212) 555-0123" without its trunk "1", Brazil "(11) 98765-4321"
without "0"), or has none at all (Italy "333 123 4567", Spain "612 345 678", Denmark, Norway,
Luxembourg ...). The answer comes from phonenumbers' own metadata for every region it knows, not
from a hand-kept list: a region has no trunk prefix when its metadata has none, and may drop it
when its national formats say the prefix is optional when formatting, or when its example mobile
or landline number is formatted without it (NANP, Brazil, Argentina, China, India, Colombia,
Russia, Turkey, Vietnam, Georgia, Peru ...).

Validation (:func:`valid_e164`) is cached per distinct candidate: the same numbers recur across
thousands of ads.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata

# A number read without a trunk prefix is only a bare digit run, so it must be long enough not to
# be a price list or a postcode: as long as the region's shortest mobile (10 in North America, 9
# in Spain and Luxembourg, 6 in Andorra), or its landlines when those have 8 digits or more
# (Brazil's 10); shorter landlines (Luxembourg's 4-7, Italy's 6-7) are left out on purpose.
# Region inference reads only runs of 8 digits or more for the same reason.
NO_TRUNK_MIN_DIGITS = 8
# Overseas départements dial like mainland France (trunk 0, ten digits) but have their own
# calling codes: "0692 12 34 56" in a French ad is a Réunion mobile, +262 692 12 34 56.
_NATIONAL_ALSO = {"FR": ("RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF")}
# Room for what a region's parsing prefix may add before the national number besides the trunk:
# Brazil's carrier code ("0 21 11 98765-4321"), Luxembourg's "15xx" carrier selection.
_CARRIER_DIGITS = 4


@dataclass(frozen=True)
class DialPlan:
    """What national phone numbers look like in ads of one region (None: international only)."""

    region: str | None
    calling_code: str  # "33" for FR; "" without a region
    trunk: str  # national (trunk) prefix, "" if the region has none
    trunk_optional: bool  # a national number may be written without any prefix at all
    lengths: frozenset[int]  # possible national significant number lengths
    carrier_prefix: bool  # the parsing prefix may carry a carrier code after the trunk
    min_bare_digits: int  # digits a number written without any prefix needs (NO_TRUNK_MIN_DIGITS)

    def national_plausible(self, digits: str) -> bool:
        """Cheap length test of a national-form candidate before phonenumbers' parser sees it."""
        if self.trunk and digits.startswith(self.trunk):
            rest = len(digits) - len(self.trunk)
            if rest in self.lengths or (self.carrier_prefix and any(rest - k in self.lengths
                                                                     for k in range(1, _CARRIER_DIGITS + 1))):
                return True
            if not self.trunk_optional:
                return False
        return len(digits) in self.lengths


@functools.lru_cache(maxsize=512)
def dial_plan(region: str | None) -> DialPlan:
    """The :class:`DialPlan` of ``region`` (an ISO 3166 code phonenumbers knows), or of no region.

    Raises ValueError naming the region if phonenumbers does not know it.
    """
    if region is None:
        return DialPlan(None, "", "", False, frozenset(), False, NO_TRUNK_MIN_DIGITS)
    metadata = PhoneMetadata.metadata_for_region(region.upper()) if isinstance(region, str) else None
    if metadata is None or metadata.general_desc is None:
        raise ValueError(f"unknown region {region!r}: expected an ISO 3166 code such as 'FR'")
    trunk = metadata.national_prefix or ""
    # regions sharing a calling code (CA, the Caribbean with US) share the main region's formats
    main = PhoneMetadata.metadata_for_region(phonenumbers.region_code_for_country_code(metadata.country_code))
    formats = (main or metadata).number_format
    examples = [phonenumbers.example_number_for_type(region.upper(), kind) for kind in _EXAMPLE_TYPES]
    dropped = any(f.national_prefix_optional_when_formatting for f in formats) or any(
        f.national_prefix_formatting_rule and trunk not in f.national_prefix_formatting_rule for f in formats
    ) or any(
        example is not None and not _national_digits(example).startswith(trunk) for example in examples
    )
    parsing = metadata.national_prefix_for_parsing
    mobile_min = _shortest(metadata.mobile) or min(metadata.general_desc.possible_length)
    landline_min = _shortest(metadata.fixed_line) or mobile_min
    return DialPlan(
        region=region.upper(),
        calling_code=str(metadata.country_code),
        trunk=trunk,
        trunk_optional=not trunk or dropped,
        lengths=frozenset(metadata.general_desc.possible_length),
        carrier_prefix=bool(parsing) and parsing != trunk and "(" in parsing,
        min_bare_digits=min(mobile_min, max(landline_min, NO_TRUNK_MIN_DIGITS)),
    )


_EXAMPLE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)


def _national_digits(number: phonenumbers.PhoneNumber) -> str:
    """Digits of ``number`` as its own region writes it nationally ("0612345678", "2015550123")."""
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(c for c in national if c.isdigit())


def _shortest(description) -> int:
    """Shortest possible length of a number type's description, 0 if the region has none."""
    lengths = [n for n in (description.possible_length if description is not None else ()) if n > 0]
    return min(lengths, default=0)


@functools.lru_cache(maxsize=1024)
def code_lengths(code: int) -> frozenset[int]:
    """Possible national significant number lengths behind a country calling code."""
    lengths: set[int] = set()
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ()):
        if region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
            metadata = PhoneMetadata.metadata_for_nongeo_region(code)
        else:
            metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is not None and metadata.general_desc is not None:
            lengths.update(metadata.general_desc.possible_length)
    return frozenset(lengths)


def international_plausible(digits: str) -> bool:
    """Cheap length test of "+<digits>": a calling code of 1-3 digits then a possible length for
    it, with an optional written trunk "0" ("+33 (0)6 ...")."""
    if digits[:1] == "0":
        return False
    for size in (1, 2, 3):
        lengths = code_lengths(int(digits[:size]))
        rest = len(digits) - size
        if rest in lengths or (digits[size : size + 1] == "0" and rest - 1 in lengths):
            return True
    return False


@functools.lru_cache(maxsize=1 << 16)
def valid_e164(candidate: str, region: str | None) -> str | None:
    """E.164 form of ``candidate`` ("+33612345678" or national digits) if phonenumbers accepts it
    as a valid number, else None.

    A national number invalid in ``region`` is also tried in the regions that share its
    numbering plan (_NATIONAL_ALSO)."""
    if candidate.startswith("+") or region is None:
        regions: tuple[str | None, ...] = (region,)
    else:
        regions = (region, *_NATIONAL_ALSO.get(region, ()))
    for dialled_from in regions:
        try:
            number = phonenumbers.parse(candidate, dialled_from)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None

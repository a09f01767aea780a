"""The configuration tree: one frozen dataclass per stage, serialisable to and from JSON.

Every field has a default that works on French classified ads; a user changes only what they need
(``Config().replace(text={"threshold": 0.6})`` or a JSON file given to ``adcount run --config``).
Unknown keys and out-of-range values are errors that name the field, so a typo never passes silently.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import phonenumbers

from adcount.lexicon_format import LexiconError, lexicon_data


class ConfigError(ValueError):
    """A configuration value or key is invalid; the message names the field."""


def _check(condition: bool, name: str, message: str) -> None:
    if not condition:
        raise ConfigError(f"config field {name!r}: {message}")


@dataclass(frozen=True)
class TextConfig:
    """Text near-duplicate signals: MinHash over shingles, then LSH banding."""

    num_perm: int = 128
    shingle: str = "char"  # "char" n-grams or "word" n-grams
    k: int = 5  # shingle length (characters or words)
    threshold: float = 0.5  # LSH Jaccard threshold for candidate pairs
    seed: int = 1

    def __post_init__(self) -> None:
        _check(8 <= self.num_perm <= 1024, "text.num_perm", "must be between 8 and 1024")
        _check(self.shingle in ("char", "word"), "text.shingle", "must be 'char' or 'word'")
        _check(1 <= self.k <= 16, "text.k", "must be between 1 and 16")
        _check(0.0 < self.threshold < 1.0, "text.threshold", "must be in (0, 1)")


@dataclass(frozen=True)
class ImageConfig:
    """Perceptual image hashing and Hamming-radius neighbours."""

    max_distance: int | None = None  # None: the engine's measured default radius
    threads: int | None = None  # None: one per core

    def __post_init__(self) -> None:
        if self.max_distance is not None:
            _check(0 <= self.max_distance <= 32, "images.max_distance", "must be between 0 and 32")
        if self.threads is not None:
            _check(self.threads >= 1, "images.threads", "must be >= 1")


@dataclass(frozen=True)
class ContactConfig:
    """Contact extraction: the country whose national phone formats the ads use.

    region: ISO 3166 two-letter upper-case code ("FR", "US", "CA", "GB" ...) of ads without a
        `country` column value of their own, or None to infer it from the set (its numbers,
        site domains and country column: `adcount.contacts.phone_regions`).
    """

    region: str | None = None

    def __post_init__(self) -> None:
        if self.region is None:
            return

        _check(isinstance(self.region, str) and self.region in phonenumbers.SUPPORTED_REGIONS,
               "contacts.region", f"{self.region!r} is not an upper-case country code phonenumbers knows "
               "(e.g. 'FR', 'US'); null infers it from the ads")


@dataclass(frozen=True)
class ClaimsConfig:
    """What ads claim about their person, read from the text (docs/claims.md): the languages read
    (one lexicon each; the first breaks ties) and additions to their lexicons, per language, in
    the lexicon format (lists appended, word maps updated; a whole lexicon for a new language)."""

    languages: tuple[str, ...] = ("fr", "en")
    lexicons: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check(isinstance(self.languages, (list, tuple)) and len(self.languages) > 0
               and all(isinstance(code, str) and code.isalpha() and code.islower() for code in self.languages)
               and len(set(self.languages)) == len(self.languages),
               "claims.languages", "must be a non-empty list of distinct lower-case language codes")
        object.__setattr__(self, "languages", tuple(self.languages))
        _check(isinstance(self.lexicons, dict), "claims.lexicons", "must map language codes to lexicon additions")
        unused = sorted(set(self.lexicons) - set(self.languages))
        _check(not unused, "claims.lexicons", f"given for {unused}, which are not in claims.languages")
        if self.lexicons:
            for language, extension in self.lexicons.items():
                try:
                    lexicon_data(language, extension)
                except LexiconError as err:
                    raise ConfigError(f"config field 'claims.lexicons': {err}") from None


@dataclass(frozen=True)
class LinkConfig:
    """How pair evidence becomes persons and networks."""

    person_threshold: float = 0.5  # link probability above which two ads are one person
    max_contact_group: int = 200  # ads sharing one contact beyond which it is treated as a hub
    # a photo seen with this many distinct phones or more is a stock photo: it proposes no pairs and
    # is weak evidence (adcount.link.candidates, comparisons)
    stock_photo_contacts: int = 3
    # scoring (adcount.link.pair_scores, weights, fit_check)
    min_pairs_for_em: int = 30  # below this many candidate pairs EM has too little to learn from: rule weights
    # an ad's candidate pairs weigh at most this many pairs in EM: chosen among 1, 5, 10 and 20 on
    # held-out heavy-tailed and pas-de-calais sets (benchmarks/README.md, prolific posters)
    pairs_per_ad_in_em: float = 10.0
    fit_sure: float = 0.999  # a rules probability this high (or this low on the other side) is a sure decision
    # share of the rules' sure decisions (weighted as EM weighs pairs) a fit may overturn: at most
    # 0.14% on pas-de-calais-2018 seeds 0-4, 0.9% on north-america-en seeds 0-1, 1.8% on 150-ad
    # north-america-en sets (benchmarks/README.md, EM guard); 10% is far beyond the spread of good fits
    fit_max_overturned: float = 0.10
    # clustering rounds (adcount.link.rounds, chaining, photo_sets, cluster)
    max_complete_size: int = 400  # largest component scored and clustered pair by pair (80k pairs)
    hub_threshold: float = 0.95  # link probability required inside components larger than that
    # under-confidence of weak link probabilities, in bits of log-odds (bench_link_calibration.py,
    # 30 seeds of pas-de-calais-2018: pairs scored 0.40 are one person 49% of the time, 0.18 -> 38%,
    # 0.61 -> 72%): 0.6 bits moves a 0.5 threshold to a 0.40 re-split cut
    underconfidence_bits: float = 0.6
    min_photo_set_ads: int = 4  # ads with photos a photo set needs before its photos stand for one person's
    # one template ties two persons to one organiser when posted within one campaign; a text copied
    # months apart is as likely a copy by someone else
    network_template_days: float = 30.0

    def __post_init__(self) -> None:
        _check(0.0 < self.person_threshold < 1.0, "link.person_threshold", "must be in (0, 1)")
        _check(self.max_contact_group >= 2, "link.max_contact_group", "must be >= 2")
        _check(self.stock_photo_contacts >= 2, "link.stock_photo_contacts", "must be >= 2")
        _check(self.min_pairs_for_em >= 1, "link.min_pairs_for_em", "must be >= 1")
        _check(self.pairs_per_ad_in_em > 0, "link.pairs_per_ad_in_em", "must be > 0")
        _check(0.5 < self.fit_sure < 1.0, "link.fit_sure", "must be in (0.5, 1)")
        _check(0.0 < self.fit_max_overturned <= 1.0, "link.fit_max_overturned", "must be in (0, 1]")
        _check(self.max_complete_size >= 3, "link.max_complete_size", "must be >= 3")
        _check(0.0 < self.hub_threshold <= 1.0, "link.hub_threshold", "must be in (0, 1]")
        _check(self.underconfidence_bits >= 0.0, "link.underconfidence_bits", "must be >= 0")
        _check(self.min_photo_set_ads >= 2, "link.min_photo_set_ads", "must be >= 2")
        _check(self.network_template_days >= 0.0, "link.network_template_days", "must be >= 0")


@dataclass(frozen=True)
class EstimateConfig:
    """Defaults for `DedupResult.estimate`."""

    level: float = 0.95
    n_replicates: int = 500  # Monte Carlo replicates over link probabilities
    capture_replicates: int = 200  # bootstrap replicates of capture–recapture (model search redone in each)
    seed: int = 0

    def __post_init__(self) -> None:
        _check(0.5 <= self.level < 1.0, "estimate.level", "must be in [0.5, 1)")
        _check(self.n_replicates >= 20, "estimate.n_replicates", "must be >= 20")
        _check(self.capture_replicates >= 50, "estimate.capture_replicates", "must be >= 50")


_SECTIONS: dict[str, type] = {
    "text": TextConfig,
    "images": ImageConfig,
    "contacts": ContactConfig,
    "claims": ClaimsConfig,
    "link": LinkConfig,
    "estimate": EstimateConfig,
}


@dataclass(frozen=True)
class Config:
    """All settings of one run. Frozen: derive variants with `replace`."""

    text: TextConfig = field(default_factory=TextConfig)
    images: ImageConfig = field(default_factory=ImageConfig)
    contacts: ContactConfig = field(default_factory=ContactConfig)
    claims: ClaimsConfig = field(default_factory=ClaimsConfig)
    link: LinkConfig = field(default_factory=LinkConfig)
    estimate: EstimateConfig = field(default_factory=EstimateConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Config":
        """Build from a (possibly partial) nested dict; missing fields keep their defaults."""
        if not isinstance(data, dict):
            raise ConfigError("configuration must be a JSON object")
        unknown = sorted(set(data) - set(_SECTIONS))
        if unknown:
            raise ConfigError(f"unknown config section(s) {unknown}; known: {sorted(_SECTIONS)}")
        return cls(**{name: _section(name, _SECTIONS[name], data.get(name, {})) for name in _SECTIONS})

    @classmethod
    def from_json(cls, text: str) -> "Config":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ConfigError(f"configuration is not valid JSON: {err}") from None
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> "Config":
        return cls.from_json(Path(path).read_text(encoding="utf-8"))

    def replace(self, **sections: dict[str, Any]) -> "Config":
        """A copy with some fields changed, e.g. ``cfg.replace(link={"person_threshold": 0.7})``."""
        merged = self.to_dict()
        for name, changes in sections.items():
            if name not in _SECTIONS:
                raise ConfigError(f"unknown config section {name!r}; known: {sorted(_SECTIONS)}")
            merged[name] = {**merged[name], **changes}
        return Config.from_dict(merged)


def _section(name: str, cls: type, values: Any) -> Any:
    if not isinstance(values, dict):
        raise ConfigError(f"config section {name!r} must be an object")
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"unknown field(s) {unknown} in config section {name!r}; known: {sorted(known)}")
    try:
        return cls(**values)
    except TypeError as err:
        raise ConfigError(f"config section {name!r}: {err}") from None

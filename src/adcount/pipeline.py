"""The order of stages: the one place that knows it.

Each stage is a function from plain inputs (the ads table, arrays, frozen dataclasses) to one
frozen dataclass, so it can be run, cached and tested alone (the incremental index and the Dask
backend call them one by one):

    contacts    adcount.contacts.stage.ad_contacts       -> ContactKeys
    text        adcount.text.stage.text_evidence          -> TextEvidence (texts normalised once)
    claims      adcount.claims.read_claims                -> Claims
    facts       adcount.load.facts.ad_facts               -> AdFacts
    photos      adcount.photos.stage.photo_evidence       -> PhotoEvidence
    candidates  adcount.link.candidates.candidate_pairs   -> Candidates
    signals     adcount.link.features.ad_signals          -> AdSignals
    scoring     adcount.link.pair_scores.score_pairs      -> PairScores
    clustering  adcount.link.rounds.cluster_rounds        -> Partition
    coverage    adcount.coverage.channel_coverage         -> Coverage

`deduplicate` runs them in this order and gathers their outputs in a `DedupResult`.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Callable

import pandas as pd

from adcount.claims import read_claims
from adcount.config import Config
from adcount.contacts.stage import ad_contacts
from adcount.coverage import channel_coverage
from adcount.link.candidates import candidate_pairs
from adcount.link.features import ad_signals
from adcount.link.model_io import LinkModel
from adcount.link.pair_scores import score_pairs
from adcount.link.rounds import cluster_rounds
from adcount.load.facts import ad_facts, ad_texts
from adcount.load.schema import Ads, load_ads
from adcount.photos.stage import photo_evidence
from adcount.result import DedupResult
from adcount.text.stage import text_evidence

Progress = Callable[[str], None]
# the steps a progress bar shows: `progress` is told each name as its step starts
STAGE_NAMES = ("contacts", "text", "photos", "candidates", "linking", "clustering")


class NothingToCountWarning(UserWarning):
    """The ad set holds no valid ad: every count is 0 (the rejects say why)."""


def deduplicate(ads: Ads | pd.DataFrame | str | Path, config: Config | None = None, *,
                key: bytes | str | None = None, raw_contacts: bool = False,
                out_dir: str | Path | None = None, progress: Progress | None = None,
                model: LinkModel | str = "em") -> DedupResult:
    """Group ads into persons and networks.

    ads: an `Ads` from `load_ads`, or anything `load_ads` accepts.
    key: secret for contact pseudonyms (else env ADCOUNT_KEY, else a key stored in `out_dir`,
        else a fresh key for this call only). Phones, e-mails and handles appear in outputs only
        as keyed pseudonyms unless `raw_contacts=True`.
    progress: optional callback told the name of each step of `STAGE_NAMES` as it starts (the
        CLI draws a bar).
    model: how pairs are scored: "em" (Fellegi–Sunter fitted by EM on this ad set, no labels
        needed), "rules" (the hand-set weights of `adcount.link.rules`, no fitting), or a fitted
        model (`FellegiSunter`, `SupervisedModel`, e.g. from `load_model` or
        `adcount.tools.fold_labels`); an unfitted `FellegiSunter(comparisons=...)` is fitted by
        EM on this ad set. With too few candidate pairs, or a fit that fails the checks of
        `adcount.link.fit_check`, "em" falls back to the rule weights and says so in
        `result.model_note` (and the summary); see `adcount.link.pair_scores`.
    """
    config = config or Config()
    if not isinstance(ads, Ads):
        ads = load_ads(ads)
    say = progress or _silent
    table = ads.table
    if len(table) == 0:
        why = (f"all {len(ads.rejects)} input rows were rejected (see the rejects)" if len(ads.rejects)
               else "the input holds no ad rows")
        warnings.warn(f"no valid ad to count: {why}; every count is 0", NothingToCountWarning, stacklevel=2)

    say("contacts")
    contacts = ad_contacts(table, config.contacts.region, key=key, out_dir=out_dir, raw=raw_contacts)
    say("text")
    text = text_evidence(ad_texts(table), config.text)
    claims = read_claims(text.normalised, languages=config.claims.languages, lexicons=config.claims.lexicons)
    facts = ad_facts(table, claims.age)
    say("photos")
    photos = photo_evidence(table, ads.image_root, config.images, contacts, facts.age, facts.day)
    say("candidates")
    candidates = candidate_pairs(text, photos, contacts, config.link.max_contact_group,
                                 config.link.stock_photo_contacts)
    say("linking")
    signals = ad_signals(text, contacts, claims, photos, facts)
    scores = score_pairs(candidates.pairs, signals, model, config.link)
    say("clustering")
    partition = cluster_rounds(candidates.pairs, scores, signals, config.link)
    coverage = channel_coverage(table, contacts, text.usable, photos.photo_count, facts.age)

    return DedupResult(
        ads=ads, config=config, pairs=partition.pairs, features=partition.features, bits=partition.bits,
        probability=partition.probability, person=partition.person, network=partition.network,
        confidence=partition.confidence, contacts=contacts, text_usable=text.usable,
        flags=pd.concat([ads.flags, photos.flags], ignore_index=True).astype(object), claims=claims,
        coverage=coverage, model_note=scores.model_note,
    )


def _silent(stage: str) -> None:
    """No progress report."""

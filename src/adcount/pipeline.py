"""The order of stages: the one place that knows it.

load -> contacts -> text signatures -> photo hashes -> candidate pairs -> features -> link
probabilities -> persons and networks -> `DedupResult`. The CLI, the report and the estimators all
go through `deduplicate`.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from adcount.pairs import key_pairs, unique_pairs
from adcount.config import Config
from adcount.coverage import channel_coverage
from adcount.ids import ad_id_rank, by_smallest_ad
from adcount.link.chaining import complete_pairs, split_chains
from adcount.claims import read_claims
from adcount.link.cluster import ad_confidence, components, network_edges, person_labels
from adcount.link.comparisons import STOCK_PHOTO_CONTACTS, comparison_levels
from adcount.link.features import (AdSignals, TemplateEvidence, contact_claims, contact_spread, pair_features,
                                   posting_days)
from adcount.link.fellegi_sunter import FellegiSunter
from adcount.link.fit_check import checked_em
from adcount.link.model_io import LinkModel
from adcount.link.photo_sets import photo_sets_apart
from adcount.link.weights import pair_weights
from adcount.text.normalize import normalize_texts
from adcount.result import DedupResult
from adcount.load.schema import Ads, load_ads
from adcount.contacts.stage import ad_contacts
from adcount.photos.stage import photo_evidence
from adcount.text.templates import compare_templates
from adcount.text.stage import text_evidence

Progress = Callable[[str], None]
MIN_PAIRS_FOR_EM = 30  # below this many candidate pairs EM has too little to learn from: rule weights


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
    progress: optional callback told the name of each stage as it starts (the CLI draws a bar).
    model: how pairs are scored: "em" (Fellegi–Sunter fitted by EM on this ad set, no labels
        needed), "rules" (the hand-set weights of `adcount.link.rules`, no fitting), or a fitted
        model (`FellegiSunter`, `SupervisedModel`, e.g. from `load_model` or `active.fold_labels`);
        an unfitted `FellegiSunter(comparisons=...)` is fitted by EM on this ad set. With fewer
        than `MIN_PAIRS_FOR_EM` candidate pairs, or a fit that fails the checks of
        `adcount.link.fit_check`, "em" falls back to the rule weights and says so in
        `result.model_note` (and the summary).
    """
    config = config or Config()
    if not isinstance(ads, Ads):
        ads = load_ads(ads)
    say = progress or (lambda stage: None)
    table = ads.table
    n = len(table)
    if n == 0:
        why = (f"all {len(ads.rejects)} input rows were rejected (see the rejects)" if len(ads.rejects)
               else "the input holds no ad rows")
        warnings.warn(f"no valid ad to count: {why}; every count is 0", NothingToCountWarning, stacklevel=2)

    say("contacts")
    contacts = ad_contacts(table, config.contacts.region, key=key, out_dir=out_dir, raw=raw_contacts)
    age = table["age"].to_numpy(dtype=float, na_value=np.nan)

    say("text")
    text = text_evidence(table, config.text)
    normalised = normalize_texts((table["title"] + "\n" + table["text"]).tolist())
    claims = read_claims(normalised, languages=config.claims.languages, lexicons=config.claims.lexicons)
    age = np.where(np.isnan(age), claims.age, age)
    day = posting_days(table["posted_at"])

    say("photos")
    photos = photo_evidence(table, ads.image_root, config.images, contacts, age, day)

    say("candidates")
    contact_pairs = key_pairs(contacts.rows, contacts.key_ids, max_group=config.link.max_contact_group)
    # a stock photo (seen with many phones) proposes no pairs of its own: its cliques would flood
    # the candidates with strangers and skew what EM learns of non-matches; pairs proposed by other
    # evidence still see it (as weak evidence) in their features
    personal_photo_pairs = photos.ad_pairs[photos.ad_spread < STOCK_PHOTO_CONTACTS]
    pairs = unique_pairs(np.concatenate([text.pairs, personal_photo_pairs, contact_pairs]))

    say("linking")
    claimed = contact_claims(contacts, age, day)
    id_rank = ad_id_rank(table["ad_id"].to_numpy(dtype=object))
    signals = AdSignals(
        text_jaccard=text.jaccard,
        text_usable=text.usable,
        normalised=normalised,
        templates=lambda p: _template_evidence(normalised, p, id_rank),
        contacts=contacts,
        contact_spread=contact_spread(contacts, claimed, claims.names),
        contact_claims=claimed,
        names=claims.names,
        photo_count=photos.photo_count,
        image_ad_pairs=photos.ad_pairs,
        image_ad_distance=photos.ad_distance,
        image_ad_spread=photos.ad_spread,
        image_ad_claims=photos.ad_claims,
        age=age,
        city=_codes(table["city"]),
        site=_codes(table["site"]),
        day=day,
    )
    features = pair_features(pairs, signals)
    levels = comparison_levels(features)
    model, model_note = _scorer(model, levels, pair_weights(n, pairs))
    probability = model.predict_proba(levels)

    say("clustering")
    threshold = config.link.person_threshold
    # score every pair inside multi-ad components too, so chains can be re-split on full evidence
    extra = complete_pairs(person_labels(n, pairs, probability, threshold), pairs)
    if len(extra):
        pairs, order = _merged(pairs, extra)
        features = pd.concat([features, pair_features(extra, signals)], ignore_index=True).iloc[order]
        features = features.reset_index(drop=True)
        levels = comparison_levels(features)
        probability = model.predict_proba(levels)
    bits = model.match_weights(levels)
    persons = split_chains(n, pairs, probability, threshold)
    # two persons under one name and phone, told apart by photo sets that never meet
    apart = photo_sets_apart(persons, pairs, features, signals.photo_count, signals.day)
    features["photo_sets_apart"] = apart.astype(np.int8)
    if apart.any():
        probability = np.where(apart, 0.0, probability)
        persons = split_chains(n, pairs, probability, threshold)
    same_person = persons[pairs[:, 0]] == persons[pairs[:, 1]]
    networks = components(n, network_edges(pairs, features, same_person))  # person links included
    confidence = ad_confidence(n, pairs, probability, persons)
    coverage = channel_coverage(table, contacts, text.usable, photos.photo_count, age)

    return DedupResult(
        ads=ads, config=config, pairs=pairs, features=features, bits=bits, probability=probability,
        person=by_smallest_ad(persons, id_rank), network=by_smallest_ad(networks, id_rank), confidence=confidence,
        contacts=contacts, text_usable=text.usable, flags=_flags(ads.flags, photos.flags), claims=claims,
        coverage=coverage, model_note=model_note,
    )


def _scorer(model: LinkModel | str, levels: pd.DataFrame, weights: np.ndarray) -> tuple[LinkModel, str]:
    """The link model of this run (see `deduplicate`'s `model`), and a note when the rule
    weights stand in for EM (too few pairs, or a fit that fails `fit_check.checked_em`)."""
    model_name = model if isinstance(model, str) else None
    if isinstance(model, str) and model in ("em", "rules"):
        model = FellegiSunter()
    if isinstance(model, FellegiSunter) and not model.m_:  # chosen comparisons, parameters still to learn
        if model_name == "rules":
            return FellegiSunter.from_rules(levels, model.comparisons), ""
        if len(levels) < MIN_PAIRS_FOR_EM:  # too few pairs to fit: the prior
            return FellegiSunter.from_rules(levels, model.comparisons), (
                f"{len(levels)} candidate pairs, too few for EM (at least {MIN_PAIRS_FOR_EM}): "
                "pairs scored with the hand-set rule weights")
        return checked_em(model, levels, weights)
    if isinstance(model, str):
        raise ValueError(f"unknown link model {model!r}; use 'em', 'rules' or a fitted model")
    return model, ""


def _merged(pairs: np.ndarray, extra: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two disjoint sorted pair sets as one sorted set, and the order that sorts their concatenation."""
    both = np.concatenate([pairs, extra])
    order = np.lexsort((both[:, 1], both[:, 0]))
    return both[order], order


def _template_evidence(normalised: list[str], pairs: np.ndarray, id_rank: np.ndarray) -> TemplateEvidence:
    """The template test with each pair read in ad_id order: the word aligner is not symmetric,
    and results must not depend on the order of input rows."""
    swap = id_rank[pairs[:, 0]] > id_rank[pairs[:, 1]]
    oriented = np.where(swap[:, None], pairs[:, ::-1], pairs)
    found = compare_templates(normalised, oriented, normalize=False)
    return TemplateEvidence(found.same_template, found.different_person)


def _flags(loading: pd.DataFrame, photos: pd.DataFrame) -> pd.DataFrame:
    """Every flag of the run, in the loader's columns: what loading flagged (photo references
    that are URLs or unreadable paths, replaced characters), then the photos that could not be
    decoded."""
    unreadable = pd.DataFrame({"ad_id": photos["ad_id"], "column": "images", "value": photos["image"],
                               "reason": photos["reason"]})
    return pd.concat([loading, unreadable], ignore_index=True).astype(object)


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes of a text column after light folding; -1 for empty."""
    folded = values.astype(str).str.strip().str.casefold()
    codes, _ = pd.factorize(folded.where(folded != ""), use_na_sentinel=True)
    return codes.astype(np.int64)

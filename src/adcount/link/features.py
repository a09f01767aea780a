"""Pair features: the evidence for and against two ads showing the same person.

Every feature is computed for all candidate pairs at once from per-ad arrays (sparse products for
shared contacts and names, fancy indexing for ages, cities and dates, rapidfuzz's batched
`cpdist` for fuzzy text scores, the compiled template aligner). The result is a plain DataFrame,
one row per pair, which a scorer turns into probabilities and the outputs show as link evidence.

Conventions: -1 means "unknown" in integer features (a side is missing), NaN in float ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from adcount.claims import Claims
from adcount.claims.persons_per_key import claimed_persons, persons_per_key
from adcount.contacts.keys import KINDS, ContactKeys
from adcount.load.facts import AdFacts
from adcount.photos.stage import PhotoEvidence
from adcount.text.stage import TextEvidence
from adcount.text.templates import TemplatePairs, compare_templates

NO_IMAGE_MATCH = 64  # Hamming distance reported when two ads share no near-identical photo


@dataclass(frozen=True)
class AdSignals:
    """Per-ad evidence of every channel, aligned with the rows of the ads table: what
    `pair_features` reads for any pair."""

    text: TextEvidence
    contacts: ContactKeys
    contact_spread: np.ndarray  # per key: how many persons its ads claim to be (>= 1): a hub indicator
    contact_claims: sp.csr_matrix  # ads x keys: which of the key's claimed persons the ad claims (1, 2, ...)
    names: sp.csr_matrix  # ads x claimed-name words
    photos: PhotoEvidence
    facts: AdFacts


def ad_signals(text: TextEvidence, contacts: ContactKeys, claims: Claims, photos: PhotoEvidence,
               facts: AdFacts) -> AdSignals:
    """The channels' evidence together, with what the contacts' claimed persons tell."""
    claimed = contact_claims(contacts, facts.age, facts.day)
    return AdSignals(text=text, contacts=contacts, contact_spread=contact_spread(contacts, claimed, claims.names),
                     contact_claims=claimed, names=claims.names, photos=photos, facts=facts)


def contact_claims(contacts: ContactKeys, age: np.ndarray, day: np.ndarray) -> sp.csr_matrix:
    """Ads x keys: which of each contact key's claimed persons an ad claims to be (1, 2, ...;
    absent where the ad states no age), from the claimed ages read against the posting days
    (`claimed_persons`): one person keeps one age, give or take a slip, and claims one more
    after a birthday; ages claimed over the same weeks are persons of their own."""
    return claimed_persons(contacts.matrix().T.tocsr(), age, day).T.tocsr()


def contact_spread(contacts: ContactKeys, claims: sp.csr_matrix, names: sp.csr_matrix) -> np.ndarray:
    """For each contact key, how many different persons its ads claim to be (at least 1).

    A phone whose ads claim several persons over the same weeks belongs to an organiser who
    advertises them. The claimed ages tell (`claims`, from `contact_claims`). Claimed names tell
    only where no ad of the key states an age, because one person often uses an alias: counted
    by names, a woman posting as "Léa" and "Lina" made her own phone "a phone of two persons",
    and EM, reading names and phone as independent, learned that level against a match
    (pas-de-calais-2018 seed 1: count +9.7% with names, +1.5% without; benchmarks/README.md).
    """
    incidence = contacts.matrix().T.tocsr()  # keys x ads
    name_count = np.diff((incidence @ names).tocsr().indptr) if names.shape[1] else np.zeros(contacts.n_keys, int)
    age_count = persons_per_key(claims.T.tocsr())
    return np.maximum(np.where(age_count > 0, age_count, name_count), 1).astype(np.int64)


def _shared_keys(matrix: sp.csr_matrix, pairs: np.ndarray) -> sp.csr_matrix:
    """(pairs x columns) matrix of the columns both ads of each pair carry."""
    return matrix[pairs[:, 0]].multiply(matrix[pairs[:, 1]]).tocsr()


def _one_claim(claims: sp.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """Per pair: 1 when on a key they share both ads claim the same one of its persons, 0 when
    they claim two of them on every shared key where both state an age, -1 when on none do."""
    first, second = claims[pairs[:, 0]], claims[pairs[:, 1]]
    both = first.multiply(second).tocsr()  # nonzero where both ads claim one of the key's persons
    both.eliminate_zeros()
    differ = both.multiply(abs(first - second)).tocsr()  # ... two different ones
    differ.eliminate_zeros()
    n_both, n_differ = np.diff(both.indptr), np.diff(differ.indptr)
    return np.where(n_both == 0, -1, (n_both > n_differ).astype(np.int64)).astype(np.int8)


def _row_min(matrix: sp.csr_matrix, empty: int) -> np.ndarray:
    """Smallest stored value per row; `empty` for rows with none."""
    out = np.full(matrix.shape[0], empty, dtype=np.int64)
    has = np.diff(matrix.indptr) > 0
    if has.any():
        out[has] = np.minimum.reduceat(matrix.data, matrix.indptr[:-1][has]).astype(np.int64)
    return out


def pair_features(pairs: np.ndarray, signals: AdSignals) -> pd.DataFrame:
    """One row of evidence per candidate pair (pairs: int64 (m, 2), i < j)."""
    a, b = pairs[:, 0], pairs[:, 1]
    features: dict[str, np.ndarray] = {"a": a, "b": b}
    text, facts, photos = signals.text, signals.facts, signals.photos
    features["text_jaccard"] = text.jaccard(pairs)
    features["text_fuzz"] = _fuzzy_scores(pairs, text)
    template = _templates(pairs, text, facts.id_rank)
    both_text = text.usable[a] & text.usable[b]
    features["same_template"] = np.where(both_text, template.same_template, -1).astype(np.int8)
    features["template_conflict"] = np.where(both_text, template.different_person, -1).astype(np.int8)

    for kind in KINDS:
        matrix = signals.contacts.matrix(kind)
        shared = _shared_keys(matrix, pairs)
        has_key = np.diff(matrix.indptr) > 0
        # -1: one of the ads shows no key of this kind, so "none in common" would mean nothing
        features[f"shared_{kind}s"] = np.where(has_key[a] & has_key[b], np.diff(shared.indptr), -1).astype(np.int64)
        # the least shared key of the pair: one personal phone in common outweighs a hub
        spread = shared.multiply(signals.contact_spread[None, :].astype(np.float64)).tocsr()
        features[f"{kind}_spread"] = _row_min(spread, 0)
        features[f"{kind}_one_claim"] = _one_claim(signals.contact_claims.multiply(matrix).tocsr(), pairs)

    distance, photo_spread, photo_claims = _image_evidence(pairs, photos)
    features["image_distance"] = distance
    features["image_spread"] = photo_spread
    features["image_claims"] = photo_claims
    # photo pairs looked at: two ads showing three photos each and none in common say more
    # against one person than two ads showing one photo each
    features["photos_compared"] = (photos.photo_count[a] * photos.photo_count[b]).astype(np.int64)

    has_name = np.diff(signals.names.indptr) > 0
    shared_names = np.diff(_shared_keys(signals.names, pairs).indptr) > 0
    features["name_match"] = np.where(has_name[a] & has_name[b], shared_names, -1).astype(np.int8)
    with np.errstate(invalid="ignore"):
        features["days_apart"] = np.abs(facts.day[a] - facts.day[b])
    features["age_change"] = _age_change(facts.age, facts.day, a, b)
    features["same_city"] = _same_code(facts.city, a, b)
    features["same_site"] = _same_code(facts.site, a, b)
    return pd.DataFrame(features)


def _templates(pairs: np.ndarray, text: TextEvidence, id_rank: np.ndarray) -> TemplatePairs:
    """The template test (`compare_templates`) with each pair read in ad_id order: the word
    aligner is not symmetric, and results must not depend on the order of input rows."""
    swap = id_rank[pairs[:, 0]] > id_rank[pairs[:, 1]]
    oriented = np.where(swap[:, None], pairs[:, ::-1], pairs)
    return compare_templates(text.normalised, oriented, normalize=False)


def _fuzzy_scores(pairs: np.ndarray, text: TextEvidence) -> np.ndarray:
    """rapidfuzz token-set ratio (0..1) of the normalised texts: robust to re-ordered sentences
    and to one text containing the other; NaN where a text is unusable."""
    if len(pairs) == 0:
        return np.empty(0)
    texts = np.asarray(text.normalised, dtype=object)
    scores = cpdist(texts[pairs[:, 0]], texts[pairs[:, 1]], scorer=fuzz.token_set_ratio, workers=-1,
                    dtype=np.float32).astype(np.float64) / 100.0
    both = text.usable[pairs[:, 0]] & text.usable[pairs[:, 1]]
    return np.where(both, scores, np.nan)


def _age_change(age: np.ndarray, day: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Claimed age of the later ad minus that of the earlier one (NaN unknown): a person's age
    only grows with time. Posted the same day, or a date unknown: the plain difference, as no
    ad is the later one (and the sign must not depend on the order of the rows)."""
    change = age[b] - age[a]
    with np.errstate(invalid="ignore"):
        return np.where(day[a] > day[b], -change, np.where(day[b] > day[a], change, np.abs(change)))


def _same_code(codes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 same, 0 different, -1 unknown (either side missing)."""
    known = (codes[a] >= 0) & (codes[b] >= 0)
    return np.where(known, (codes[a] == codes[b]).astype(np.int8), np.int8(-1)).astype(np.int8)


def _image_evidence(pairs: np.ndarray, photos: PhotoEvidence) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Look up each candidate pair among the ad pairs that share a near photo: the distance, and
    the contacts and claimed persons the shared photo is seen with (0 where none is shared)."""
    m = len(pairs)
    distance = np.full(m, NO_IMAGE_MATCH, dtype=np.int64)
    spread = np.zeros(m, dtype=np.int64)
    claims = np.zeros(m, dtype=np.int64)
    if m == 0 or len(photos.ad_pairs) == 0:
        return distance, spread, claims
    n = max(int(pairs.max()), int(photos.ad_pairs.max())) + 1
    wanted = pairs[:, 0] * n + pairs[:, 1]
    known = photos.ad_pairs[:, 0] * n + photos.ad_pairs[:, 1]
    order = np.argsort(known)
    position = np.searchsorted(known[order], wanted)
    position = np.minimum(position, known.size - 1)
    hit = known[order][position] == wanted
    found = order[position[hit]]
    distance[hit] = photos.ad_distance[found]
    spread[hit] = photos.ad_spread[found]
    claims[hit] = photos.ad_claims[found]
    return distance, spread, claims

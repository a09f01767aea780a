"""The index's one door into adcount's stages: every call into signals, candidates, scoring and
clustering internals goes through this module, so a change of the pipeline's layout is mended here.

Interface (plain data in and out, `AdRecords` from `adcount.index.records`):

- `records_for(ads, config, key=, key_dir=)`: what the index stores of new ads (pseudonymised
  contact keys, MinHash signatures and LSH band keys, photo hashes, normalised text, dates).
- `similar_texts(sig_a, sig_b, threshold)`: which signature pairs reach the LSH threshold.
- `near_photos(new, stored_hashes, stored_rows, layout, config)`: stored ads holding a photo
  near a new ad's photo.
- `link(records, model, config)`: candidates, features, link probabilities (the given model, or
  one fitted by EM on these records), persons, network edges and confidence, as in `deduplicate`.
- `components(n, edges)`: connected-component labels.
- `result_view(...)`: a `DedupResult` over stored records, for the report.
- `model_to_json(model)`, `model_from_json(text)`: the link model as stored in the index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from adcount.claims import Claims, read_claims
from adcount.config import Config
from adcount.contacts.keys import KINDS, ContactKeys
from adcount.contacts.phone_regions import RegionChoice
from adcount.contacts.stage import ad_contacts
from adcount.coverage import channel_coverage
from adcount.ids import ad_id_rank
from adcount.index.records import AdRecords, PhotoLayout
from adcount.link.candidates import candidate_pairs
from adcount.link.cluster import components as _components
from adcount.link.cluster import network_edges
from adcount.link.features import ad_signals
from adcount.link.model_io import _KINDS as _MODEL_KINDS
from adcount.link.model_io import LinkModel
from adcount.link.pair_scores import score_pairs
from adcount.link.rounds import cluster_rounds
from adcount.load.facts import AdFacts, ad_texts, posting_days, text_codes
from adcount.load.schema import Ads
from adcount.photos.hamming import DEFAULT_MAX_DISTANCE, image_pairs
from adcount.photos.hashing import ImageHashes
from adcount.photos.stage import PhotoEvidence, hash_ad_photos, hashed_photo_evidence
from adcount.result import DedupResult
from adcount.text.lsh import _band_keys, jaccard_estimate, lsh_pairs, optimal_bands
from adcount.text.minhash import is_empty_signature, minhash
from adcount.text.normalize import normalize_texts
from adcount.text.stage import TextEvidence

@dataclass(frozen=True)
class Linkage:
    """What `link` decides over a set of records (rows of the records, pairs i < j)."""

    pairs: np.ndarray  # every scored pair (m, 2)
    probability: np.ndarray  # (m,) link probability
    person: np.ndarray  # person label per record row
    network_edges: np.ndarray  # (k, 2) pairs that tie two ads to one organiser
    confidence: np.ndarray  # per record row
    features: pd.DataFrame  # evidence per scored pair
    bits: pd.DataFrame  # evidence weights per scored pair
    claims: Claims
    contacts: ContactKeys
    photo_count: np.ndarray
    model: LinkModel
    model_note: str


def records_for(ads: Ads, config: Config, *, key: bytes | str | None, key_dir: Path,
                region: str | None = None) -> tuple[AdRecords, pd.DataFrame, str | None]:
    """The records of freshly loaded ads (rows in `ads.table` order), the run's flags, and the
    phone region national numbers were read with (`region`, else the configuration's, else
    inferred from these ads)."""
    table = ads.table
    contacts = ad_contacts(table, region or config.contacts.region, key=key, out_dir=key_dir)
    normalised = normalize_texts(ad_texts(table))
    text = config.text
    signatures = minhash(normalised, num_perm=text.num_perm, seed=text.seed, shingle=text.shingle, k=text.k,
                         normalize=False)
    bands, rows = optimal_bands(text.threshold, text.num_perm)
    band_keys = _band_keys(signatures, np.arange(len(table), dtype=np.int64), bands, rows)
    hashes, owner, photo_flags = hash_ad_photos(table, ads.image_root, config.images)
    usable = ~is_empty_signature(signatures)
    frame = pd.DataFrame({
        "ad_id": table["ad_id"].astype(str).to_numpy(dtype=object), "site": table["site"].to_numpy(dtype=object),
        "city": table["city"].to_numpy(dtype=object), "region": table["region"].to_numpy(dtype=object),
        "posted_at": pd.to_datetime(table["posted_at"]).dt.strftime("%Y-%m-%dT%H:%M:%S").fillna("").to_numpy(dtype=object),
        "day": posting_days(table["posted_at"]), "age": table["age"].to_numpy(dtype=float, na_value=np.nan),
        "gender": table["gender"].to_numpy(dtype=object), "nationality": table["nationality"].to_numpy(dtype=object),
        "normalised": np.asarray(normalised, dtype=object), "usable": usable,
        "photo_count": np.zeros(len(table), np.int64),
    })
    contact_rows = pd.DataFrame({"row": contacts.rows.astype(np.int64),
                                 "kind": np.asarray(KINDS, dtype=object)[contacts.kinds[contacts.key_ids]],
                                 "label": np.asarray(contacts.labels, dtype=object)[contacts.key_ids]})
    if hashes is None:
        photo_hashes, ok, layout = np.zeros((0, 1), np.uint64), np.zeros(0, bool), None
    else:
        photo_hashes, ok = hashes.hashes, np.asarray(hashes.ok, bool)
        layout = PhotoLayout(tuple(hashes.columns), tuple(hashes.base_columns), tuple(hashes.masked_columns), hashes.mode)
        frame["photo_count"] = np.bincount(owner[ok], minlength=len(table)).astype(np.int64)
    records = AdRecords(frame, signatures, band_keys, contact_rows, owner.astype(np.int64), photo_hashes, ok, layout)
    return records, _run_flags(ads.flags, photo_flags), contacts.region.region if contacts.region else None


def similar_texts(sig_a: np.ndarray, sig_b: np.ndarray, threshold: float) -> np.ndarray:
    """Per row pair (sig_a[t], sig_b[t]): estimated Jaccard >= threshold (False for unusable texts)."""
    if len(sig_a) == 0:
        return np.zeros(0, bool)
    both = np.concatenate([sig_a, sig_b])
    pairs = np.stack([np.arange(len(sig_a)), len(sig_a) + np.arange(len(sig_b))], axis=1)
    estimate = jaccard_estimate(both, pairs)
    return np.nan_to_num(estimate, nan=-1.0) >= threshold - 1e-9


def near_photos(new: AdRecords, stored_hashes: np.ndarray, stored_rows: np.ndarray, layout: PhotoLayout | None,
                config: Config) -> np.ndarray:
    """Stored rows (values of `stored_rows`) holding a photo near one of the new ads' photos."""
    if layout is None or new.photo_ok.sum() == 0 or len(stored_rows) == 0:
        return np.empty(0, np.int64)
    radius = DEFAULT_MAX_DISTANCE if config.images.max_distance is None else config.images.max_distance
    hashes = _image_hashes(np.concatenate([stored_hashes, new.photo_hashes[new.photo_ok]]), layout)
    pairs = image_pairs(hashes, max_distance=radius)
    n_stored = len(stored_rows)
    crossing = (pairs[:, 0] < n_stored) & (pairs[:, 1] >= n_stored)
    return np.unique(np.asarray(stored_rows, np.int64)[pairs[crossing, 0]])


def components(n: int, edges: np.ndarray) -> np.ndarray:
    """Connected-component label per node 0..n-1 (numbered by first node)."""
    return _components(n, np.asarray(edges, np.int64).reshape(-1, 2))


def link(records: AdRecords, model: LinkModel | str, config: Config) -> Linkage:
    """Persons and network edges over `records`, every stage as `deduplicate` runs it after the
    signals: the candidates, features, scores (`model`: a fitted model, or "em" to fit one here),
    chain re-splitting, photo sets apart, confidence."""
    table = records.table
    contacts = _contact_keys(records)
    normalised = table["normalised"].tolist()
    text = TextEvidence(normalised, records.signatures, table["usable"].to_numpy(bool),
                        lsh_pairs(records.signatures, threshold=config.text.threshold))
    claims = read_claims(normalised, languages=config.claims.languages, lexicons=config.claims.lexicons)
    given = table["age"].to_numpy(float)
    facts = AdFacts(age=np.where(np.isnan(given), claims.age, given), day=table["day"].to_numpy(float),
                    city=text_codes(table["city"]), site=text_codes(table["site"]),
                    id_rank=ad_id_rank(table["ad_id"].to_numpy(dtype=object)))
    photos = _photo_evidence(records, contacts, facts.age, facts.day, config)
    candidates = candidate_pairs(text, photos, contacts, config.link.max_contact_group,
                                 config.link.stock_photo_contacts)
    signals = ad_signals(text, contacts, claims, photos, facts)
    scores = score_pairs(candidates.pairs, signals, model, config.link)
    partition = cluster_rounds(candidates.pairs, scores, signals, config.link)
    pairs, person = partition.pairs, partition.person
    same_person = person[pairs[:, 0]] == person[pairs[:, 1]]
    return Linkage(pairs=pairs, probability=partition.probability, person=person,
                   network_edges=network_edges(pairs, partition.features, same_person,
                                               config.link.network_template_days),
                   confidence=partition.confidence, features=partition.features, bits=partition.bits,
                   claims=claims, contacts=contacts, photo_count=photos.photo_count, model=scores.model,
                   model_note=scores.model_note)


def result_view(records: AdRecords, linkage: Linkage, person: np.ndarray, network: np.ndarray,
                config: Config, rejects: pd.DataFrame) -> DedupResult:
    """A `DedupResult` over stored records with the given person and network labels (0..k-1),
    the links of `linkage`: what the report and the estimators read."""
    table = records.table
    n = len(table)
    columns = {"ad_id": table["ad_id"], "site": table["site"], "city": table["city"], "region": table["region"],
               "posted_at": pd.to_datetime(table["posted_at"].replace("", None)), "title": "", "text": "",
               "phones": [[] for _ in range(n)], "emails": [[] for _ in range(n)], "images": [[] for _ in range(n)],
               "image_urls": [[] for _ in range(n)],
               "age": table["age"], "gender": table["gender"], "nationality": table["nationality"]}
    ads = Ads(pd.DataFrame(columns).reset_index(drop=True), rejects)
    age = np.where(np.isnan(table["age"].to_numpy(float)), linkage.claims.age, table["age"].to_numpy(float))
    usable = table["usable"].to_numpy(bool)
    return DedupResult(
        ads=ads, config=config, pairs=linkage.pairs, features=linkage.features, bits=linkage.bits,
        probability=linkage.probability, person=person, network=network, confidence=linkage.confidence,
        contacts=linkage.contacts, text_usable=usable, flags=_run_flags(ads.flags, _no_photo_flags()),
        claims=linkage.claims, coverage=channel_coverage(ads.table, linkage.contacts, usable, linkage.photo_count, age),
        model_note=linkage.model_note)


def _contact_keys(records: AdRecords) -> ContactKeys:
    """The stored (already pseudonymised) contact labels as the contacts stage's incidence, keys
    numbered as `ContactKeys.build` numbers them (sorted by kind and label)."""
    frame = records.contacts
    kind = frame["kind"].to_numpy(dtype=str)
    label = frame["label"].to_numpy(dtype=str)
    full = np.char.add(np.char.add(kind, "\x00"), label) if len(frame) else np.empty(0, str)
    unique, key_ids = np.unique(full, return_inverse=True)
    kind_of_key = np.zeros(unique.size, np.int8)
    kind_of_key[key_ids] = pd.Series(kind).map({k: i for i, k in enumerate(KINDS)}).to_numpy(np.int8)
    label_of_key = np.empty(unique.size, dtype=object)
    label_of_key[key_ids] = label
    incidence = np.unique(np.stack([frame["row"].to_numpy(np.int64), key_ids.astype(np.int64)], axis=1), axis=0) \
        if len(frame) else np.empty((0, 2), np.int64)
    return ContactKeys(len(records), incidence[:, 0], incidence[:, 1], kind_of_key, label_of_key.tolist(),
                       RegionChoice(None, "index"))


def _image_hashes(hashes: np.ndarray, layout: PhotoLayout) -> ImageHashes:
    n = len(hashes)
    return ImageHashes(np.ascontiguousarray(hashes, dtype=np.uint64), layout.columns, np.ones(n, bool), [""] * n,
                       np.zeros(n, np.int32), np.zeros(n, np.int32), layout.mode, layout.base_columns,
                       layout.masked_columns)


def _photo_evidence(records: AdRecords, contacts: ContactKeys, age: np.ndarray, day: np.ndarray,
                    config: Config) -> PhotoEvidence:
    radius = DEFAULT_MAX_DISTANCE if config.images.max_distance is None else config.images.max_distance
    ok = records.photo_ok
    if records.photo_layout is None or not ok.any():
        none = np.empty(0, np.int64)
        return PhotoEvidence(np.empty((0, 2), np.int64), none, none, none,
                             records.table["photo_count"].to_numpy(np.int64), radius, _no_photo_flags())
    hashes = _image_hashes(records.photo_hashes[ok], records.photo_layout)
    return hashed_photo_evidence(hashes, records.photo_rows[ok], radius, contacts, age, day, _no_photo_flags())


def _no_photo_flags() -> pd.DataFrame:
    """No photo flag, in the loader's flag columns (stored photos were read when first added)."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in ("ad_id", "column", "value", "reason")})


def _run_flags(loading: pd.DataFrame, photos: pd.DataFrame) -> pd.DataFrame:
    """Every flag of a run, as `deduplicate` gathers them: the loader's, then the photos'."""
    return pd.concat([loading, photos], ignore_index=True).astype(object)


def model_to_json(model: LinkModel) -> str:
    """The link model as the JSON `adcount.save_model` writes."""
    return json.dumps(model.to_dict(), sort_keys=True)


def model_from_json(text: str) -> LinkModel:
    """A model stored by `model_to_json`."""
    data = json.loads(text)
    return _MODEL_KINDS[data["kind"]].from_dict(data)

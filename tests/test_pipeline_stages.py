"""The stages of `deduplicate` run one by one, each output cached on disk between them (as the
incremental index and the Dask backend do), give the same persons, networks and links."""

from __future__ import annotations

import dataclasses
import pickle

import numpy as np
import pandas as pd
import pytest

import adcount
from adcount.claims import read_claims
from adcount.config import Config
from adcount.contacts.stage import ad_contacts
from adcount.coverage import channel_coverage
from adcount.link.candidates import candidate_pairs
from adcount.link.features import ad_signals
from adcount.link.pair_scores import score_pairs
from adcount.link.rounds import cluster_rounds
from adcount.load.facts import ad_facts, ad_texts
from adcount.photos.stage import photo_evidence
from adcount.pipeline import STAGE_NAMES
from adcount.text.stage import text_evidence

KEY = b"stage-by-stage-test-key-32-bytes"


@pytest.fixture(scope="module")
def ad_set(tmp_path_factory):
    out = tmp_path_factory.mktemp("stages")
    adcount.synth.generate(preset="pas-de-calais-2018", seed=2, out_dir=out)
    return adcount.load_ads(out / "ads.csv", image_root=out)


def _cached(value, folder, name):
    """The stage output written to disk and read back: what a cache between stages does."""
    path = folder / f"{name}.pickle"
    path.write_bytes(pickle.dumps(value))
    return pickle.loads(path.read_bytes())


def test_stages_one_by_one_give_what_deduplicate_gives(ad_set, tmp_path):
    config = Config()
    told: list[str] = []
    whole = adcount.deduplicate(ad_set, config, key=KEY, progress=told.append)
    assert tuple(told) == STAGE_NAMES

    table = ad_set.table
    contacts = _cached(ad_contacts(table, config.contacts.region, key=KEY), tmp_path, "contacts")
    text = _cached(text_evidence(ad_texts(table), config.text), tmp_path, "text")
    claims = _cached(read_claims(text.normalised, languages=config.claims.languages), tmp_path, "claims")
    facts = _cached(ad_facts(table, claims.age), tmp_path, "facts")
    photos = _cached(photo_evidence(table, ad_set.image_root, config.images, contacts, facts.age, facts.day),
                     tmp_path, "photos")
    candidates = _cached(candidate_pairs(text, photos, contacts, config.link.max_contact_group,
                                         config.link.stock_photo_contacts), tmp_path, "candidates")
    signals = _cached(ad_signals(text, contacts, claims, photos, facts), tmp_path, "signals")
    scores = _cached(score_pairs(candidates.pairs, signals, "em", config.link), tmp_path, "scores")
    partition = _cached(cluster_rounds(candidates.pairs, scores, signals, config.link), tmp_path, "partition")
    coverage = channel_coverage(table, contacts, text.usable, photos.photo_count, facts.age)

    for stage_output in (contacts, text, claims, facts, photos, candidates, signals, scores, partition):
        assert dataclasses.is_dataclass(stage_output) and type(stage_output).__dataclass_params__.frozen
    assert np.array_equal(partition.person, whole.person) and np.array_equal(partition.network, whole.network)
    assert np.array_equal(partition.pairs, whole.pairs)
    assert np.array_equal(partition.probability, whole.probability)
    assert np.array_equal(partition.confidence, whole.confidence)
    pd.testing.assert_frame_equal(partition.features, whole.features)
    pd.testing.assert_frame_equal(partition.bits, whole.bits)
    assert coverage == whole.coverage and scores.model_note == whole.model_note
    # the run has real work in every round: pairs from each channel, completed pairs, a veto column
    assert min(candidates.n_text, candidates.n_photo, candidates.n_contact) > 0
    assert len(partition.pairs) > len(candidates.pairs) and "photo_sets_apart" in partition.features
    assert 0 < whole.n_persons < whole.n_ads


def test_a_stage_does_not_edit_the_output_it_reads(ad_set):
    """Clustering adds the photo-set veto and the completed pairs to its own output, not to the
    scoring stage's."""
    config = Config()
    table = ad_set.table
    contacts = ad_contacts(table, config.contacts.region, key=KEY)
    text = text_evidence(ad_texts(table), config.text)
    claims = read_claims(text.normalised, languages=config.claims.languages)
    facts = ad_facts(table, claims.age)
    photos = photo_evidence(table, ad_set.image_root, config.images, contacts, facts.age, facts.day)
    candidates = candidate_pairs(text, photos, contacts, config.link.max_contact_group)
    signals = ad_signals(text, contacts, claims, photos, facts)
    scores = score_pairs(candidates.pairs, signals)
    columns, probability = list(scores.features.columns), scores.probability.copy()
    cluster_rounds(candidates.pairs, scores, signals, config.link)
    assert list(scores.features.columns) == columns and "photo_sets_apart" not in columns
    assert np.array_equal(scores.probability, probability)

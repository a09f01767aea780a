"""``generate``: one synthetic ad set with exact ground truth, deterministic per preset and seed.

Each stage draws from its own random stream (seeded by the set's seed and the stage's number),
so rendering photos or not never changes the ads, and a stage's changes do not reshuffle the
others.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import lexicon
from .compose import compose_ads, contact_truth
from .photoset import render_photos
from .population import KIND_DECOY, KIND_NETWORK, KIND_PARTNER, simulate_persons
from .postings import simulate_postings
from .presets import PRESETS, Preset
from .writer import write_ad_set

_STREAM_PERSONS, _STREAM_POSTINGS, _STREAM_TEXT, _STREAM_PHOTOS = 1, 2, 3, 4


def _stream(seed: int, stage: int) -> np.random.Generator:
    return np.random.default_rng([seed, stage])


def _resolve(preset: str | Preset, n_ads: int | None) -> tuple[Preset, int]:
    if isinstance(preset, Preset):
        chosen = preset
    elif preset in PRESETS:
        chosen = PRESETS[preset]
    else:
        raise ValueError(f"unknown preset {preset!r}; choose one of {sorted(PRESETS)}")
    count = chosen.n_ads if n_ads is None else n_ads
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 1:
        raise ValueError(f"n_ads must be a positive integer, got {n_ads!r}")
    return chosen, int(count)


def generate(preset: str | Preset = "pas-de-calais-2018", seed: int = 0,
             out_dir: str | Path | None = None, n_ads: int | None = None) -> pd.DataFrame:
    """Generate a synthetic ad set.

    Returns one row per ad with the canonical columns (``ad_id``, ``site``, ``posted_at``,
    ``title``, ``text``, ``phones``, ``emails``, ``images``, ``city``, ``region``, ``age``,
    ``gender``, ``nationality``, ``price``, ``url``) and the truth columns ``true_person_id`` and
    ``true_network_id``; ``df.attrs["truth"]`` summarises the truth (persons observed and in
    total, networks, sites, parameters). With ``out_dir``, photos are rendered (presets with
    photos) and ads.csv, truth.csv, truth.json, contacts.csv (the number and address each ad
    shows, and their disguise), images/ and images.csv (which original and which edits each
    photo file shows) are written there.
    """
    chosen, count = _resolve(preset, n_ads)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    seed = int(seed)
    persons = simulate_persons(chosen, count, _stream(seed, _STREAM_PERSONS))
    postings = simulate_postings(chosen, persons, count, _stream(seed, _STREAM_POSTINGS))
    sites = lexicon.site_names(chosen.n_sites)
    df = compose_ads(chosen, persons, postings, sites, _stream(seed, _STREAM_TEXT))
    image_truth = None
    if out_dir is not None and chosen.photos:
        df["images"], image_truth = render_photos(chosen, persons, postings, Path(out_dir),
                                                  _stream(seed, _STREAM_PHOTOS))
    df.attrs["truth"] = _truth_summary(chosen, seed, df, persons, sites, image_truth)
    if out_dir is not None:
        write_ad_set(df, df.attrs["truth"], Path(out_dir),
                     contact_truth(persons, postings, df["ad_id"]), image_truth)
    return df


def _truth_summary(preset: Preset, seed: int, df: pd.DataFrame, persons: Any,
                   sites: list[str], image_truth: pd.DataFrame | None) -> dict[str, Any]:
    observed_networks = df["true_network_id"].nunique()
    organised = persons.kind == KIND_NETWORK
    per_person = df.groupby("true_person_id").size()
    return {
        "preset": preset.name,
        "seed": seed,
        "n_ads": int(len(df)),
        "n_persons_observed": int(df["true_person_id"].nunique()),
        "n_persons_total": int(len(persons)),
        "n_networks": int(observed_networks),
        "n_networks_total": int(len(persons.network_id)),
        "n_organised_networks_total": int(len(np.unique(persons.network[organised]))),
        "n_persons_in_organised_networks": int(organised.sum()),
        "max_ads_per_person": int(per_person.max()),
        "hard_cases": _hard_cases(df, persons, image_truth),
        "n_images": 0 if image_truth is None else len(image_truth),
        "sites": list(sites),
        "parameters": dataclasses.asdict(preset),
    }


def _hard_cases(df: pd.DataFrame, persons: Any,
                image_truth: pd.DataFrame | None) -> dict[str, int]:
    """How many observed persons (or photos) fall in each trap a naive method falls into."""
    seen = np.zeros(len(persons), dtype=bool)
    seen[pd.Index(persons.person_id).get_indexer(df["true_person_id"].unique())] = True
    network_sizes = df.groupby("true_network_id")["true_person_id"].nunique()
    cases = {
        "persons_in_shared_template_networks": int(network_sizes[network_sizes > 1].sum()),
        "persons_posted_by_a_partner": int((seen & (persons.kind == KIND_PARTNER)).sum()),
        "persons_with_a_second_number": int((seen & (persons.second_phone >= 0)).sum()),
        "decoy_persons_copying_unrelated_text": int((seen & (persons.kind == KIND_DECOY)).sum()),
        "touring_persons": int((seen & persons.tourer).sum()),
    }
    if image_truth is not None:
        persons_per_photo = image_truth.groupby(["shared", "original"])["true_person_id"].nunique()
        shared = persons_per_photo[persons_per_photo > 1].groupby(level="shared").size()
        cases["stock_photos_shown_by_several_persons"] = int(shared.get("stock", 0))
        cases["network_flat_photos_shown_by_several_persons"] = int(shared.get("network-flat", 0))
    return cases

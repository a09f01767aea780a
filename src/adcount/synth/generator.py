"""``generate``: one synthetic ad set with exact ground truth, deterministic per preset and seed.

Each stage draws from its own random stream (seeded by the set's seed and the stage's number),
so rendering photos or not never changes the ads, and a stage's changes do not reshuffle the
others.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .compose import compose_ads, contact_truth
from .habits import apply_person_habits
from .heldout import resolve_preset
from .photoset import render_photos
from .population import simulate_persons
from .posting_habits import apply_posting_habits
from .postings import simulate_postings
from .presets import Preset
from .truth import AD_TRUTH_COLUMNS, ad_truth, person_truth, summary
from .worlds import WORLDS
from .writer import write_ad_set

# the original stages' streams, then one per habit stage (see ``habits.STREAM_*`` for 5-8)
_STREAM_PERSONS, _STREAM_POSTINGS, _STREAM_TEXT, _STREAM_PHOTOS = 1, 2, 3, 4
_STREAM_POSTING_HABITS, _STREAM_TEXT_HABITS = 9, 10


def _stream(seed: int, stage: int) -> np.random.Generator:
    return np.random.default_rng([seed, stage])


def _resolve(preset: str | Preset, n_ads: int | None) -> tuple[Preset, int]:
    chosen = resolve_preset(preset)
    count = chosen.n_ads if n_ads is None else n_ads
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 1:
        raise ValueError(f"n_ads must be a positive integer, got {n_ads!r}")
    return chosen, int(count)


def generate(preset: str | Preset = "pas-de-calais-2018", seed: int = 0,
             out_dir: str | Path | None = None, n_ads: int | None = None) -> pd.DataFrame:
    """Generate a synthetic ad set.

    ``preset`` is a name of ``PRESETS``, ``"heldout-<k>"`` (``random_preset(k)``: habits drawn
    from wide ranges), or a ``Preset``. Returns one row per ad with the canonical columns
    (``ad_id``, ``site``, ``posted_at``, ``title``, ``text``, ``phones``, ``emails``,
    ``images``, ``city``, ``region``, ``age``, ``gender``, ``nationality``, ``price``, ``url``),
    the truth columns ``true_person_id`` and ``true_network_id``, and the per-ad truth of
    ``truth.AD_TRUTH_COLUMNS`` (true and claimed age, gender, origin, language, situation,
    whose number); ``df.attrs["truth"]`` summarises the truth (persons observed and in total,
    networks, sites, parameters, hard and habit cases). With ``out_dir``, photos are rendered
    (presets with photos) and ads.csv, truth.csv, truth.json, truth_ads.csv, truth_persons.csv,
    contacts.csv (the number and address each ad shows, and their disguise), images/ and
    images.csv (which original and which edits each photo file shows) are written there.
    """
    chosen, count = _resolve(preset, n_ads)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    seed = int(seed)
    persons = simulate_persons(chosen, count, _stream(seed, _STREAM_PERSONS))
    apply_person_habits(chosen, persons, lambda stage: _stream(seed, stage))
    postings = simulate_postings(chosen, persons, count, _stream(seed, _STREAM_POSTINGS))
    apply_posting_habits(chosen, persons, postings, _stream(seed, _STREAM_POSTING_HABITS))
    sites = WORLDS[chosen.geography].site_names(chosen.n_sites)
    df = compose_ads(chosen, persons, postings, sites, _stream(seed, _STREAM_TEXT),
                     _stream(seed, _STREAM_TEXT_HABITS))
    image_truth = None
    if out_dir is not None and chosen.photos:
        df["images"], image_truth = render_photos(chosen, persons, postings, Path(out_dir),
                                                  _stream(seed, _STREAM_PHOTOS))
    truths = ad_truth(persons, postings)
    for column in AD_TRUTH_COLUMNS:
        df[column] = truths[column]
    persons_table = None  # per-person truth: for the files, and the habit counts
    if out_dir is not None or chosen.habits_on:
        persons_table = person_truth(chosen, persons,
                                     np.bincount(postings.person, minlength=len(persons)))
    df.attrs["truth"] = summary(chosen, seed, df, persons, sites, image_truth, persons_table)
    if out_dir is not None:
        write_ad_set(df, df.attrs["truth"], Path(out_dir),
                     contact_truth(chosen, persons, postings, df["ad_id"]), image_truth,
                     persons_table)
    return df

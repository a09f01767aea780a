"""Which photos each ad shows, and the rendering of every distinct edited copy once.

Each observed person owns 1-5 originals; a few persons also use one stock photo shared with
unrelated persons, and some networks show the photo of the flat they rent in the ads of all
their persons (a photo link between persons of one network, not one person). An ad shows 0-4
of its person's photos. A copy is identified by (original, person, site,
re-upload): a site shows its own processed copy, and a re-upload adds the person's edits, so the
same file recurs across ads while copies of one photo differ across sites. Copies are rendered
in a thread pool (Pillow releases the GIL while resizing and encoding).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import lexicon
from .compose import empty_lists
from .edits import apply_edit, draw_edit, save_jpeg, site_styles
from .photos import render_original, render_originals
from .population import KIND_NETWORK, Persons
from .postings import Postings
from .presets import Preset

NO_PHOTO_SHARE = 0.12  # ads showing no photo
REUPLOAD_SHARE = 0.3  # copies re-uploaded with the person's own edits
IMAGE_FOLDER = "images"
_ORIGINALS_CACHED = 64  # rendered originals kept; copies are rendered grouped by original


def _person_originals(preset: Preset, persons: Persons,
                      rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(persons, max originals + 1) original indices, -1 padded, and the kind of each original.

    Originals are numbered: stock photos first, then one flat photo per organised network,
    then each person's own photos. A stock user's first photo is a stock photo; members of a
    network that shows its flat get that photo in their last column.
    """
    low, high = preset.photos_per_person
    n = len(persons)
    member = persons.kind == KIND_NETWORK
    n_org = int(persons.network[member].max()) + 1 if member.any() else 0
    count = rng.integers(low, high + 1, n)
    first_own = preset.stock_pool + n_org
    own = first_own + np.cumsum(count) - count  # first own original of each person
    slots = np.arange(high + 1)[None, :]
    table = np.where(slots < count[:, None], own[:, None] + slots, -1)
    stock_user = rng.random(n) < preset.stock_user_share
    table[stock_user, 0] = rng.integers(0, preset.stock_pool, stock_user.sum())
    shows_flat = rng.random(n_org) < preset.network_flat_share
    in_flat = np.flatnonzero(member)[shows_flat[persons.network[member]]]
    table[in_flat, high] = preset.stock_pool + persons.network[in_flat]
    kinds = np.array(["stock", "network-flat", "own"], dtype=object)
    kind = kinds[np.searchsorted([preset.stock_pool, first_own], np.arange(own[-1] + high + 1),
                                 side="right")]
    return table, kind


def _ad_photos(preset: Preset, table: np.ndarray, ads: Postings,
               rng: np.random.Generator) -> np.ndarray:
    """(ads, max photos per ad) original indices shown by each ad, -1 padded."""
    owned = table[ads.person]
    n, width = owned.shape
    available = (owned >= 0).sum(axis=1)
    most = min(preset.photos_per_ad[1], width)
    shown = 1 + (rng.random(n) * np.minimum(available, most)).astype(np.int64)
    shown[rng.random(n) < NO_PHOTO_SHARE] = 0
    keys = np.where(owned >= 0, rng.random((n, width)), 2.0)
    picked = np.take_along_axis(owned, np.argsort(keys, axis=1), axis=1)[:, :most]
    return np.where(np.arange(most)[None, :] < shown[:, None], picked, -1)


def render_photos(preset: Preset, persons: Persons, ads: Postings, out_dir: Path,
                  rng: np.random.Generator) -> tuple[list[list[str]], pd.DataFrame]:
    """Render the copies shown by ``ads`` under ``out_dir/images`` (replacing the copies of an
    earlier set written there).

    Returns the ``images`` column (paths relative to ``out_dir``) and the image truth table
    (path, original, shared: own / stock / network-flat, person, site, edits).
    """
    table, original_kind = _person_originals(preset, persons, rng)
    shown = _ad_photos(preset, table, ads, rng)
    n_ads, width = shown.shape
    ad = np.repeat(np.arange(n_ads), width)
    original = shown.ravel()
    keep = original >= 0
    ad, original = ad[keep], original[keep]
    reupload = (rng.random(len(ad)) < REUPLOAD_SHARE).astype(np.int64)
    person, site = ads.person[ad], ads.site[ad]
    code = ((original * len(persons) + person) * preset.n_sites + site) * 2 + reupload
    versions, first, copy_of = np.unique(code, return_index=True, return_inverse=True)

    used, original_pos = np.unique(original[first], return_inverse=True)
    recipes = render_originals(len(used), rng)
    original_image = lru_cache(maxsize=_ORIGINALS_CACHED)(lambda i: render_original(recipes[i]))
    styles = site_styles(preset.n_sites, np.random.default_rng([preset.n_sites, 63]))
    names = lexicon.site_names(preset.n_sites)
    v_site, v_reupload = site[first], reupload[first]
    edits = [draw_edit(rng, styles[s], names[s], bool(r))
             for s, r in zip(v_site.tolist(), v_reupload.tolist())]
    number = rng.permutation(len(versions))
    paths = [f"{IMAGE_FOLDER}/img{k:05d}.jpg" for k in number.tolist()]

    folder = out_dir / IMAGE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("img*.jpg"):  # copies of an earlier set written here
        stale.unlink()

    def render(v: int) -> None:
        image = apply_edit(original_image(int(original_pos[v])), edits[v])
        save_jpeg(image, str(out_dir / paths[v]), edits[v].quality)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(render, range(len(versions))))

    column = empty_lists(n_ads)
    for a, v in zip(ad.tolist(), copy_of.tolist()):
        column[a].append(paths[v])
    v_original = original[first]
    truth = pd.DataFrame({
        "image": paths,
        "original": [f"o{o:05d}" for o in v_original.tolist()],
        "shared": original_kind[v_original],
        "true_person_id": persons.person_id[person[first]],
        "site": np.array(names, dtype=object)[v_site],
        "edits": [e.describe() for e in edits],
    }).sort_values("image", ignore_index=True)
    return column, truth

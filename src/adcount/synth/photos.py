"""The one source of sample photographs, and the original photos of synthetic persons.

Sources are the sample photographs that scikit-image (``skimage/data``: astronaut, chelsea,
coffee, rocket, retina, hubble_deep_field, ...; ``lfw_subset.npy`` faces) and scikit-learn
(``datasets/images``: china, flower) install with them: nothing is downloaded.

* Tests and benchmarks take `sample_photos` (20 photographs of distinct scenes, full size) and
  `distinct_photos` (those cut into tiles, plus the LFW photos: a few hundred photographs no two
  of which share a pixel, what a false-pair rate needs); `adcount.synth.photo_edits` edits them.
* A synthetic person's "original" is a composition: a crop of one source (its own region, scale
  and orientation), a second crop or a face inset, a colour grade and a vignette. Originals of
  the whole set are kept more than ``MIN_ORIGINAL_DISTANCE`` bits apart under
  ``imagehash.phash`` (a redraw replaces any that falls closer), so that two persons' photos are
  never near-duplicates by accident; stock photos are originals deliberately shared by
  unrelated persons.
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image, ImageChops, ImageOps

MIN_ORIGINAL_DISTANCE = 12  # pHash bits between any two originals
_CHUNK = 256  # originals rendered at once while checking their distances
VIGNETTE_LEVELS = 6
ORIGINAL_SIZES = ((640, 480), (480, 640))  # landscape, portrait; copies resize from these
_THREADS = 2

_SAMPLE_FILES: dict[str, tuple[str, str]] = {
    **{Path(name).stem: ("skimage", f"data/{name}") for name in (
        "astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png", "clock_motion.png",
        "coffee.png", "coins.png", "color.png", "grass.png", "gravel.png", "hubble_deep_field.jpg",
        "ihc.png", "moon.png", "motorcycle_left.png", "page.png", "phantom.png", "retina.jpg",
        "rocket.jpg", "text.png")},
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}
"""Every sample image used, by stem: (package, path inside the package)."""

PHOTOGRAPHS: tuple[str, ...] = (
    "astronaut", "brick", "camera", "cell", "chelsea", "clock_motion", "coffee", "coins", "grass",
    "gravel", "hubble_deep_field", "ihc", "moon", "motorcycle_left", "page", "retina", "rocket",
    "text", "china", "flower")
"""The samples that are photographs of distinct scenes: no drawings or charts, and
motorcycle_right left out (the other half of a stereo pair of motorcycle_left)."""

_RECIPE_SOURCES: tuple[str, ...] = (
    "astronaut", "brick", "camera", "cell", "chelsea", "clock_motion", "coffee", "coins", "color",
    "grass", "gravel", "hubble_deep_field", "ihc", "moon", "motorcycle_left", "phantom", "retina",
    "rocket", "china", "flower")
"""What synthetic originals are composed from, in the order recipes number them (changing it
changes every preset's photos)."""


@functools.cache
def _sample(stem: str) -> Image.Image:
    package, relative = _SAMPLE_FILES[stem]
    with Image.open(Path(__import__(package).__file__).parent / relative) as image:
        return image.convert("RGB")


def sample_photo(stem: str) -> Image.Image:
    """One bundled sample image (`_SAMPLE_FILES`), full size, as a fresh RGB image."""
    return _sample(stem).copy()


def sample_photos(stems: tuple[str, ...] = PHOTOGRAPHS) -> dict[str, Image.Image]:
    """The bundled photographs as RGB images, keyed by stem (20 scenes, 172 to 1411 px)."""
    return {stem: sample_photo(stem) for stem in stems}


@functools.lru_cache(maxsize=1)
def source_photos() -> tuple[Image.Image, ...]:
    """The sources of synthetic originals, in recipe order, at most 1024 pixels a side."""
    photos = []
    for stem in _RECIPE_SOURCES:
        rgb = sample_photo(stem)
        rgb.thumbnail((1024, 1024), Image.Resampling.BILINEAR)
        photos.append(rgb)
    return tuple(photos)


@functools.lru_cache(maxsize=1)
def faces() -> np.ndarray:
    """200 small grey faces (Labeled Faces in the Wild subset shipped with scikit-image)."""
    import skimage

    return np.load(Path(skimage.__file__).parent / "data" / "lfw_subset.npy")


def lfw_photos() -> list[Image.Image]:
    """The 200 small (25x25) photos of scikit-image's LFW subset as RGB: 100 faces, 100 non-faces."""
    return [Image.fromarray((face * 255).round().astype(np.uint8)).convert("RGB") for face in faces()]


def distinct_photos(grid: int = 3) -> dict[str, Image.Image]:
    """Distinct photographs: each of `PHOTOGRAPHS` cut into grid x grid non-overlapping tiles,
    plus the LFW photos ("lfw-000" ..., the non-faces from "lfw-100").

    Tiles of one scene share no pixel, so each is a photograph of its own; with the 200 LFW
    photos this gives 20 * grid**2 + 200 images (380 for grid=3).
    """
    photos: dict[str, Image.Image] = {}
    for stem, image in sample_photos().items():
        width, height = image.size
        for row in range(grid):
            for col in range(grid):
                box = (col * width // grid, row * height // grid,
                       (col + 1) * width // grid, (row + 1) * height // grid)
                photos[f"{stem}-{row}{col}"] = image.crop(box)
    for index, image in enumerate(lfw_photos()):
        photos[f"lfw-{index:03d}"] = image
    return photos


def at_least(image: Image.Image, short_side: int) -> Image.Image:
    """``image`` scaled up (bicubic, aspect kept) so its short side is at least ``short_side``."""
    factor = short_side / min(image.size)
    if factor <= 1:
        return image
    return image.resize((round(image.width * factor), round(image.height * factor)),
                        Image.Resampling.BICUBIC)


def write_jpegs(images: dict[str, Image.Image], folder: Path, quality: int = 90) -> list[Path]:
    """Save each image as ``folder/<name>.jpg``; returns the paths in the order of ``images``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, image in images.items():
        paths.append(folder / f"{name}.jpg")
        image.save(paths[-1], quality=quality)
    return paths


@dataclass(frozen=True)
class OriginalRecipe:
    """How one original photo is composed (every number drawn from the set's generator)."""

    source: int
    box: tuple[float, float, float, float]  # crop of the source, fractions (left, top, right, bottom)
    turn: int  # quarter turns of the crop
    size: tuple[int, int]
    inset_source: int  # -1: a face inset
    inset_face: int
    inset_box: tuple[float, float, float, float]  # where the inset goes, fractions of the frame
    inset_crop: tuple[float, float, float, float]
    gains: tuple[float, float, float]
    gamma: float
    vignette: int  # strength level, 0 (none) .. VIGNETTE_LEVELS - 1


def _box(rng: np.random.Generator, low: float, high: float) -> tuple[float, float, float, float]:
    w, h = rng.uniform(low, high, 2)
    x, y = rng.uniform(0, 1 - w), rng.uniform(0, 1 - h)
    return (float(x), float(y), float(x + w), float(y + h))


def draw_recipe(rng: np.random.Generator) -> OriginalRecipe:
    n_sources = len(_RECIPE_SOURCES)
    use_face = rng.random() < 0.5
    return OriginalRecipe(
        source=int(rng.integers(n_sources)),
        box=_box(rng, 0.35, 0.9),
        turn=int(rng.choice([0, 0, 0, 1, 2, 3])),
        size=ORIGINAL_SIZES[int(rng.random() < 0.3)],
        inset_source=-1 if use_face else int(rng.integers(n_sources)),
        inset_face=int(rng.integers(len(faces()))),
        inset_box=_box(rng, 0.25, 0.45),
        inset_crop=_box(rng, 0.3, 0.7),
        gains=tuple(float(g) for g in rng.uniform(0.75, 1.25, 3)),
        gamma=float(rng.uniform(0.75, 1.35)),
        vignette=int(rng.integers(VIGNETTE_LEVELS)),
    )


def _crop(image: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    w, h = image.size
    return image.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))


def render_original(recipe: OriginalRecipe) -> Image.Image:
    """Compose the original photo described by ``recipe``."""
    sources = source_photos()
    base = _crop(sources[recipe.source], recipe.box)
    if recipe.turn:
        base = base.rotate(90 * recipe.turn, expand=True)
    frame = base.resize(recipe.size, Image.Resampling.BILINEAR)
    fw, fh = recipe.size
    left, top = int(recipe.inset_box[0] * fw), int(recipe.inset_box[1] * fh)
    size = (max(int((recipe.inset_box[2] - recipe.inset_box[0]) * fw), 8),
            max(int((recipe.inset_box[3] - recipe.inset_box[1]) * fh), 8))
    if recipe.inset_source < 0:
        face = (faces()[recipe.inset_face] * 255).astype(np.uint8)
        inset = Image.fromarray(face).convert("RGB")
    else:
        inset = _crop(sources[recipe.inset_source], recipe.inset_crop)
    inset = ImageOps.expand(inset.resize((size[0] - 8, size[1] - 8), Image.Resampling.BILINEAR),
                            border=4, fill=(245, 240, 235))
    frame.paste(inset, (left, top))
    return _shade(_grade(frame, recipe.gains, recipe.gamma), recipe.vignette)


def _grade(image: Image.Image, gains: tuple[float, float, float], gamma: float) -> Image.Image:
    """Colour grade through one lookup table per channel (gamma, then channel gains)."""
    levels = (np.arange(256) / 255.0) ** gamma
    lut = np.concatenate([np.clip(levels * g * 255 + 0.5, 0, 255) for g in gains])
    return image.point(lut.astype(np.uint8).tolist())


@functools.lru_cache(maxsize=2 * VIGNETTE_LEVELS)
def _vignette(size: tuple[int, int], level: int) -> Image.Image:
    """RGB multiplier darkening towards the corners (built once per size and level)."""
    strength = 0.1 * level
    scale = [int(255 - strength * v) for v in range(256)]
    mask = Image.radial_gradient("L").point(scale).resize(size, Image.Resampling.BILINEAR)
    return Image.merge("RGB", (mask, mask, mask))


def _shade(image: Image.Image, level: int) -> Image.Image:
    return ImageChops.multiply(image, _vignette(image.size, level)) if level else image


def render_originals(count: int, rng: np.random.Generator) -> list[OriginalRecipe]:
    """Recipes of ``count`` originals, pairwise more than MIN_ORIGINAL_DISTANCE pHash bits apart.

    Originals are rendered in chunks to be hashed and then dropped (a large set has tens of
    thousands of them, too many to hold as images); `render_original` re-renders one from its
    recipe. Redraws consume ``rng`` in the same order whatever the chunking.
    """
    recipes = [draw_recipe(rng) for _ in range(count)]
    hashes = np.zeros((count, 64), dtype=bool)
    with ThreadPoolExecutor(_THREADS) as pool:
        for start in range(0, count, _CHUNK):
            images = list(pool.map(render_original, recipes[start:start + _CHUNK]))
            for i, image in enumerate(images, start=start):
                for _ in range(50):  # redraw until far from every accepted original
                    bits = imagehash.phash(image.reduce(4)).hash.ravel()  # ~ the full-size bits, 10x faster
                    if i == 0 or (hashes[:i] != bits).sum(axis=1).min() > MIN_ORIGINAL_DISTANCE:
                        break
                    recipes[i] = draw_recipe(rng)
                    image = render_original(recipes[i])
                hashes[i] = bits
    return recipes

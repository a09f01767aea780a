"""Real photographs shipped inside installed packages, for tests, benchmarks and synthetic sets.

Nothing is downloaded: the sources are scikit-image's bundled sample photos, its small Labeled
Faces in the Wild subset, and scikit-learn's two sample photos. `distinct_photos` turns them into a
few hundred *distinct* photographs (no two share a pixel of the same scene), which is what a
false-positive rate for perceptual hashes needs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

# scikit-image sample files that are photographs of distinct scenes (motorcycle_right is the
# other half of a stereo pair of motorcycle_left, so it is left out; drawings and charts too)
_SKIMAGE_PHOTOS = (
    "astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png", "clock_motion.png",
    "coffee.png", "coins.png", "grass.png", "gravel.png", "hubble_deep_field.jpg", "ihc.png",
    "moon.png", "motorcycle_left.png", "page.png", "retina.jpg", "rocket.jpg", "text.png",
)
_SKLEARN_PHOTOS = ("china.jpg", "flower.jpg")


def _package_dir(module_name: str, *parts: str) -> Path:
    module = __import__(module_name)
    return Path(module.__file__).parent.joinpath(*parts)


def source_photos() -> dict[str, Image.Image]:
    """The bundled photographs as RGB images, keyed by file stem (20 scenes, 172 to 1411 px)."""
    photos: dict[str, Image.Image] = {}
    folders = [(_package_dir("skimage", "data"), _SKIMAGE_PHOTOS),
               (_package_dir("sklearn", "datasets", "images"), _SKLEARN_PHOTOS)]
    for folder, names in folders:
        for name in names:
            with Image.open(folder / name) as image:
                photos[Path(name).stem] = image.convert("RGB")
    return photos


def lfw_photos() -> list[Image.Image]:
    """The 200 small (25x25) grey photos of scikit-image's LFW subset: 100 faces, 100 non-faces."""
    stack = np.load(_package_dir("skimage", "data", "lfw_subset.npy"))
    return [Image.fromarray((face * 255).round().astype(np.uint8)).convert("RGB") for face in stack]


def distinct_photos(grid: int = 3) -> dict[str, Image.Image]:
    """Distinct photographs: each source cut into a grid x grid of non-overlapping tiles, plus LFW.

    Tiles of one scene share no pixel, so each is a photograph of its own; with the 200 LFW
    photos this gives 20 * grid**2 + 200 images (380 for grid=3).
    """
    photos: dict[str, Image.Image] = {}
    for stem, image in source_photos().items():
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

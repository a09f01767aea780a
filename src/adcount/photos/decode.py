"""Open one image file safely and return it as a small grey image, or a reason why not.

Two readings of a file:

* ``gray_robust``: what a human sees. EXIF orientation applied, first frame of an animation,
  transparency flattened on white, 16-bit and float images rescaled to 0..255 (Pillow's own
  conversion clips them to white), JPEGs decoded at reduced size (Pillow's draft mode asks the
  JPEG decoder for a 1/2, 1/4 or 1/8 scale, skipping most of the inverse DCT work and the colour
  conversion), large non-JPEG images box-reduced early, then every image area-averaged to one
  working size (short side `WORK_SIDE`).
* ``gray_imagehash``: exactly what ``imagehash.phash(Image.open(path))`` does before its DCT:
  ``convert("L").resize((32, 32), LANCZOS)`` on the full decode, nothing more.

Both refuse images over a pixel limit before decoding (decompression bombs) and raise
`UnreadableImage` with a short reason for anything that cannot be decoded.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PIL import Image, ImageOps

from adcount.photos.frame import SCREEN_ASPECT

DEFAULT_MAX_PIXELS = 64_000_000
"""Images with more pixels than this (width x height, as declared in the header) are refused."""

WORK_SIDE = 64
"""Robust decoding brings every image to this short side (smaller ones are kept as they are)..."""
SCREEN_WORK_SIDE = 128
"""... and images shaped like a phone screen (`image_frame.SCREEN_ASPECT`) to this one: the
photo inside a screenshot is then seen at about the resolution of a photo posted alone, and
its edges against the app chrome are found to within a row."""

_HIGH_DEPTH_MODES = {"I", "F", "I;16", "I;16L", "I;16B", "I;16N"}
_ALPHA_MODES = {"RGBA", "LA", "PA", "RGBa", "La"}


class UnreadableImage(Exception):
    """A file that cannot be hashed; the message is the reason recorded for its row."""


@contextmanager
def _decoding() -> Iterator[None]:
    """Turn whatever a broken file makes Pillow raise into `UnreadableImage` with a short reason."""
    try:
        yield
    except (UnreadableImage, FileNotFoundError, IsADirectoryError, Image.UnidentifiedImageError):
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadableImage("decompression bomb: too many pixels") from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError, KeyError,
            MemoryError, struct.error, ZeroDivisionError) as exc:
        raise UnreadableImage(f"cannot decode: {type(exc).__name__}") from None


def _open_checked(path: str | os.PathLike[str], max_pixels: int) -> Image.Image:
    """Open ``path`` lazily (header only) and refuse it when it declares too many pixels."""
    try:
        with _decoding():
            image = Image.open(path)
    except FileNotFoundError:
        raise UnreadableImage("missing file") from None
    except IsADirectoryError:
        raise UnreadableImage("not a file") from None
    except Image.UnidentifiedImageError:
        raise UnreadableImage("not an image") from None
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > max_pixels:
        image.close()
        raise UnreadableImage(f"decompression bomb: {width}x{height} pixels exceeds {max_pixels}")
    return image


_EXIF_ORIENTATION = 0x0112


def _to_gray(image: Image.Image) -> Image.Image:
    """Mode "L" version of a decoded image; high-bit-depth images are rescaled to 0..255."""
    if image.mode in _HIGH_DEPTH_MODES:
        values = np.asarray(image, dtype=np.float32)
        low, high = float(values.min()), float(values.max())
        scale = 255.0 / (high - low) if high > low else 0.0
        return Image.fromarray(((values - low) * scale + 0.5).astype(np.uint8))
    if image.mode in _ALPHA_MODES or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    return image if image.mode == "L" else image.convert("L")


def _upright(image: Image.Image) -> Image.Image:
    """``image`` turned as its EXIF orientation tag says (no copy when there is nothing to do)."""
    if "exif" not in image.info or image.getexif().get(_EXIF_ORIENTATION, 1) == 1:
        return image
    return ImageOps.exif_transpose(image)


def _to_work_size(gray: Image.Image, side: int) -> Image.Image:
    """Area-average ``gray`` so its short side is exactly ``side`` (smaller images are kept).

    One working resolution whatever the source size or format, so that what follows
    (equalisation, frame detection) sees the same picture for a photo and its resized copy.
    """
    width, height = gray.size
    scale = side / min(width, height)
    if scale >= 1:
        return gray
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return gray.resize(size, Image.Resampling.BOX)


def gray_robust(
    path: str | os.PathLike[str], max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[np.ndarray, tuple[int, int]]:
    """Decode ``path`` for robust hashing: (upright grey uint8 pixels, short side `WORK_SIDE`
    (`SCREEN_WORK_SIDE` for screen-shaped images) or more, not much more; (width, height) of
    the upright full-size image)."""
    image = _open_checked(path, max_pixels)
    with _decoding(), image:
        full_size = image.size
        side = SCREEN_WORK_SIDE if max(full_size) >= SCREEN_ASPECT * min(full_size) else WORK_SIDE
        if image.format == "JPEG":
            image.draft("L", (side, side))
        image.load()
        upright = _upright(image)
        if upright.size != image.size:  # a quarter turn: width and height swap
            full_size = full_size[::-1]
        gray = _to_gray(upright)
        factor = min(gray.size) // side
        if factor >= 2:
            gray = gray.reduce(factor)
        return np.asarray(_to_work_size(gray, side)), full_size


def gray_imagehash(
    path: str | os.PathLike[str], side: int, max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[np.ndarray, tuple[int, int]]:
    """(The (side, side) uint8 grey pixels ``imagehash.phash`` takes its DCT of; the image size)."""
    image = _open_checked(path, max_pixels)
    with _decoding(), image:
        grid = np.asarray(image.convert("L").resize((side, side), Image.Resampling.LANCZOS))
        return grid, image.size

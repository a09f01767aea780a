"""Open one image file safely and return it as a small grey image, or a reason why not.

Two readings of a file:

* ``gray_robust``: what a human sees. EXIF orientation applied, first frame of an animation,
  transparency flattened on white, 16-bit and float images rescaled to 0..255 (Pillow's own
  conversion clips them to white), JPEGs decoded at reduced size (Pillow's draft mode asks the
  JPEG decoder for a 1/2, 1/4 or 1/8 scale, skipping most of the inverse DCT work and the colour
  conversion), large non-JPEG images box-reduced early so later steps stay cheap.
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

DEFAULT_MAX_PIXELS = 64_000_000
"""Images with more pixels than this (width x height, as declared in the header) are refused."""

WORK_SIDE = 128
"""Robust decoding aims at images whose short side is at least this, and not much more."""

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


def _to_gray(image: Image.Image) -> Image.Image:
    """Grey version of a decoded image: mode "L", or "F" (0..255) for high-bit-depth sources."""
    if image.mode in _HIGH_DEPTH_MODES:
        values = np.asarray(image, dtype=np.float32)
        low, high = float(values.min()), float(values.max())
        scaled = (values - low) * (255.0 / (high - low)) if high > low else np.zeros_like(values)
        return Image.fromarray(scaled.astype(np.float32), mode="F")
    if image.mode in _ALPHA_MODES or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    return image.convert("L")


def gray_robust(
    path: str | os.PathLike[str], max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[Image.Image, tuple[int, int]]:
    """Decode ``path`` for robust hashing: (upright grey image, short side about `WORK_SIDE` or
    more; (width, height) of the upright full-size image)."""
    image = _open_checked(path, max_pixels)
    with _decoding(), image:
        full_size = image.size
        if image.format == "JPEG":
            image.draft("L", (WORK_SIDE, WORK_SIDE))
        image.load()
        decoded_size = image.size
        upright = ImageOps.exif_transpose(image)
        if upright.size != decoded_size:  # a quarter turn: width and height swap
            full_size = full_size[::-1]
        gray = _to_gray(upright)
    factor = min(gray.size) // WORK_SIDE
    return (gray.reduce(factor) if factor >= 2 else gray), full_size


def gray_imagehash(
    path: str | os.PathLike[str], side: int, max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[np.ndarray, tuple[int, int]]:
    """(The (side, side) uint8 grey pixels ``imagehash.phash`` takes its DCT of; the image size)."""
    image = _open_checked(path, max_pixels)
    with _decoding(), image:
        grid = np.asarray(image.convert("L").resize((side, side), Image.Resampling.LANCZOS))
        return grid, image.size

"""From one decoded grey photo to the small pixel grids that the robust hashes are taken of.

Uniform borders (frames added by a re-poster) are trimmed first, so a framed photo and its
original are hashed over the same content. The remaining box gives several *views*: the whole
box, centred zooms (a cropped copy of a photo looks like a zoom of the original) and each view's
mirror image. Each view is resized straight from the decoded image with Pillow's box-aware resize,
so no intermediate crop is ever made.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

BORDER_STD = 6.0
"""A border row or column has a grey-level standard deviation below this (0..255 scale) ..."""
BORDER_STEP = 12.0
"""... and a mean within this of the outermost row or column of its side."""
MAX_BORDER = 0.25
"""At most this share of the width (height) is trimmed from each side."""


def _uniform_run(lines: np.ndarray) -> int:
    """How many leading lines (rows of ``lines``, outermost first) form a uniform border."""
    limit = int(MAX_BORDER * len(lines))
    head = lines[: limit + 1]
    means = head.mean(axis=1)
    uniform = (head.std(axis=1) < BORDER_STD) & (np.abs(means - means[0]) < BORDER_STEP)
    return limit if uniform.all() else int(np.argmin(uniform))


def content_box(pixels: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of ``pixels`` (2-D grey array) with uniform borders removed."""
    height, width = pixels.shape
    top = _uniform_run(pixels)
    bottom = height - _uniform_run(pixels[::-1])
    left = _uniform_run(pixels.T)
    right = width - _uniform_run(pixels.T[::-1])
    if bottom - top < height // 2 or right - left < width // 2:
        return 0, 0, width, height
    return left, top, right, bottom


def zoom_box(box: tuple[float, float, float, float], keep: float) -> tuple[float, ...]:
    """The centred sub-box keeping ``keep`` of the width and of the height of ``box``."""
    left, top, right, bottom = box
    margin_x, margin_y = (right - left) * (1 - keep) / 2, (bottom - top) * (1 - keep) / 2
    return left + margin_x, top + margin_y, right - margin_x, bottom - margin_y


def view_pixels(gray: Image.Image, zooms: tuple[float, ...], side: int = 32) -> np.ndarray:
    """Grids of ``side`` x ``side`` float32 pixels: the trimmed box, then one per zoom in ``zooms``.

    Shape (1 + len(zooms), side, side). Mirror views are these grids flipped left-right (the
    resize filter is symmetric, so flipping after resizing equals resizing the mirror image).
    """
    box = content_box(np.asarray(gray, dtype=np.float32))
    boxes = [box, *(zoom_box(box, keep) for keep in zooms)]
    return np.stack([
        np.asarray(gray.resize((side, side), Image.Resampling.BILINEAR, box=b, reducing_gap=None),
                   dtype=np.float32)
        for b in boxes
    ])

"""From one decoded grey photo to the small pixel grids that the robust hashes are taken of.

Uniform borders (frames, letterboxes added by a re-poster) are trimmed first, so a framed photo
and its original are hashed over the same content. The content is histogram-equalised, then cut
into several *views* (`VIEWS`: the whole, centred zooms, corner crops) and the whole view's mirror
image. Each view is resized straight from the content with Pillow's box-aware resize, so no
intermediate crop is made.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageOps

BORDER_STD = 6.0
"""A border row or column has a grey-level standard deviation below this (0..255 scale) ..."""
BORDER_STEP = 12.0
"""... and a mean within this of the outermost row or column of its side."""
EDGE_BLEND = 2
"""Lines dropped past a trimmed frame, where frame and photo blend."""
MAX_BORDER = 0.25
"""At most this share of the width (height) is trimmed from each side."""

VIEWS: tuple[tuple[str, float, tuple[float, float]], ...] = (
    ("whole", 1.0, (0.5, 0.5)),
    ("zoom0.90", 0.90, (0.5, 0.5)),
    ("zoom0.80", 0.80, (0.5, 0.5)),
    ("corner0.95-tl", 0.95, (0.0, 0.0)),
    ("corner0.95-tr", 0.95, (1.0, 0.0)),
    ("corner0.95-bl", 0.95, (0.0, 1.0)),
    ("corner0.95-br", 0.95, (1.0, 1.0)),
)
"""Views hashed per photo: (name, share of width and height kept, anchor of the kept box).

A re-posted photo cropped by 5-10 % looks like a zoom or a corner crop of the original; the
centred 80 % zoom also ignores banners and watermarks along the edges. Chosen on the robustness
benchmark (benchmarks/bench_image_robustness.py): each view earns its place by the share of
edited photos it recovers against the false pairs it adds; see docs/images.md."""

COLUMNS: tuple[str, ...] = (*(name for name, _, _ in VIEWS), "whole-mirror")
"""Hash columns of a robust `ImageHashes`: one per view, then the whole photo's mirror image."""

BASE_COLUMNS: tuple[int, ...] = (0, 2)
"""Columns every other column is compared with: the whole photo and its centred 80 % zoom."""


def _uniform_run(lines: np.ndarray) -> int:
    """How many leading lines (rows of ``lines``, outermost first) form a uniform border."""
    limit = int(MAX_BORDER * len(lines))
    head = lines[: limit + 1]
    means = head.mean(axis=1)
    uniform = (head.std(axis=1) < BORDER_STD) & (np.abs(means - means[0]) < BORDER_STEP)
    run = limit if uniform.all() else int(np.argmin(uniform))
    # the line where frame and photo meet is a blend of both (resampling, JPEG ringing): drop it
    return min(limit, run + EDGE_BLEND) if run else 0


def content_box(pixels: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of ``pixels`` (2-D grey array) with uniform borders removed."""
    height, width = pixels.shape
    top, bottom = _uniform_run(pixels), _uniform_run(pixels[::-1])
    left, right = _uniform_run(pixels.T), _uniform_run(pixels.T[::-1])
    if min(top, bottom) == 0:  # frames and letterboxes have two sides; a plain strip on one
        top = bottom = 0      # side is more likely sky, wall or a banner's margin
    if min(left, right) == 0:
        left = right = 0
    bottom, right = height - bottom, width - right
    if bottom - top < height // 2 or right - left < width // 2:
        return 0, 0, width, height
    return left, top, right, bottom


def sub_box(
    box: tuple[float, float, float, float], keep: float, anchor: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The sub-box keeping ``keep`` of the width and height of ``box``; ``anchor`` places it in
    the free margin: (0.5, 0.5) centred, (0, 0) top-left, (1, 1) bottom-right."""
    left, top, right, bottom = box
    free_x, free_y = (right - left) * (1 - keep), (bottom - top) * (1 - keep)
    x0, y0 = left + anchor[0] * free_x, top + anchor[1] * free_y
    return x0, y0, x0 + (right - left) * keep, y0 + (bottom - top) * keep


def view_pixels(gray: Image.Image, side: int = 32) -> np.ndarray:
    """Grids of ``side`` x ``side`` float32 pixels, one per `COLUMNS` entry, in that order.

    Uniform frames are found on the histogram-equalised photo (equalising turns the faint
    gradients of flat photo edges into texture, so only truly uniform frames are trimmed). The
    content inside the frame is equalised again on its own, which makes the hashes insensitive
    to brightness, contrast and gamma changes and brings out the structure of dim or flat
    photos; each view of `VIEWS` is resized from it and the whole view's mirror image is added
    last (the resize filter is symmetric, so flipping after resizing equals
    resizing the mirror image).
    """
    gray = gray.convert("L")
    box = content_box(np.asarray(ImageOps.equalize(gray), dtype=np.float32))
    content = ImageOps.equalize(gray.crop(box))
    whole = (0.0, 0.0, float(content.width), float(content.height))
    grids = np.stack([
        np.asarray(content.resize((side, side), Image.Resampling.BILINEAR,
                                  box=sub_box(whole, keep, anchor), reducing_gap=None),
                   dtype=np.float32)
        for _, keep, anchor in VIEWS
    ])
    return np.concatenate([grids, grids[:1, :, ::-1]])

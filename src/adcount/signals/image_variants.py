"""From one decoded grey photo to the small pixel grids that the robust hashes are taken of.

Uniform borders (frames, letterboxes added by a re-poster) are trimmed first, so a framed photo
and its original are hashed over the same content. The content is histogram-equalised, then cut
into several *views* (`VIEWS`: the whole, centred zooms, corner crops) and the whole view's mirror
image. Each view is area-averaged to a small grid from the summed-area table of the content.
The per-pixel work is in numba kernels that release the GIL, so threads decode and hash in parallel.
"""

from __future__ import annotations

import numba
import numpy as np

BORDER_STD = 6.0
"""A border row or column has a grey-level standard deviation below this (0..255 scale) ..."""
BORDER_STEP = 12.0
"""... and a mean within this of the outermost row or column of its side."""
EDGE_BLEND = 1
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
    ("corner0.90-tl", 0.90, (0.0, 0.0)),
    ("corner0.90-tr", 0.90, (1.0, 0.0)),
    ("corner0.90-bl", 0.90, (0.0, 1.0)),
    ("corner0.90-br", 0.90, (1.0, 1.0)),
)
"""Views hashed per photo: (name, share of width and height kept, anchor of the kept box).

A re-posted photo cropped by 5-10 % looks like a zoom or a corner crop of the original (the
corner crops at 95 % and 90 % cover crops off-centre); the centred 80 % zoom also ignores
banners and watermarks along the edges. Chosen on the robustness
benchmark (benchmarks/bench_image_robustness.py): each view earns its place by the share of
edited photos it recovers against the false pairs it adds; see docs/images.md."""

COLUMNS: tuple[str, ...] = (*(name for name, _, _ in VIEWS), "whole-mirror")
"""Hash columns of a robust `ImageHashes`: one per view, then the whole photo's mirror image."""

BASE_COLUMNS: tuple[int, ...] = (0, 2)
"""Columns every other column is compared with: the whole photo and its centred 80 % zoom."""


@numba.njit(cache=True, nogil=True)
def _uniform_run(means: np.ndarray, stds: np.ndarray) -> int:
    """How many leading lines (outermost first; per-line mean and std) form a uniform frame."""
    limit = int(MAX_BORDER * len(means))
    run = 0
    while run < limit and stds[run] < BORDER_STD and abs(means[run] - means[0]) < BORDER_STEP:
        run += 1
    # the line where frame and photo meet is a blend of both (resampling, JPEG ringing): drop it
    return min(limit, run + EDGE_BLEND) if run else 0


@numba.njit(cache=True, nogil=True)
def equalising_lut(pixels: np.ndarray, top: int, bottom: int, left: int, right: int) -> np.ndarray:
    """Histogram-equalisation table (256 float32 values, 0..255) of the uint8 pixels inside the
    box: each level maps to the middle of its rank range, so any increasing change of
    brightness or contrast gives the same equalised picture."""
    counts = np.zeros(256, dtype=np.int64)
    for y in range(top, bottom):
        for x in range(left, right):
            counts[pixels[y, x]] += 1
    size = max((bottom - top) * (right - left), 1)
    lut = np.empty(256, dtype=np.float32)
    below = 0
    for level in range(256):
        lut[level] = (below + counts[level] / 2) * 255.0 / size
        below += counts[level]
    return lut


@numba.njit(cache=True, nogil=True)
def content_box(pixels: np.ndarray, lut: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of ``lut[pixels]`` (2-D uint8 pixels) without its uniform frame.

    Only frames on two opposite sides are trimmed: frames and letterboxes have two, while a
    plain strip on one side is more likely sky, a wall or a banner's margin.
    """
    height, width = pixels.shape
    row_sum, row_sq = np.zeros(height), np.zeros(height)
    col_sum, col_sq = np.zeros(width), np.zeros(width)
    for y in range(height):
        for x in range(width):
            value = lut[pixels[y, x]]
            row_sum[y] += value
            row_sq[y] += value * value
            col_sum[x] += value
            col_sq[x] += value * value
    row_means, col_means = row_sum / width, col_sum / height
    row_stds = np.sqrt(np.maximum(row_sq / width - row_means**2, 0.0))
    col_stds = np.sqrt(np.maximum(col_sq / height - col_means**2, 0.0))
    top, bottom = _uniform_run(row_means, row_stds), _uniform_run(row_means[::-1], row_stds[::-1])
    left, right = _uniform_run(col_means, col_stds), _uniform_run(col_means[::-1], col_stds[::-1])
    if min(top, bottom) == 0:
        top = bottom = 0
    if min(left, right) == 0:
        left = right = 0
    return left, top, width - right, height - bottom


@numba.njit(cache=True, nogil=True)
def _area_views(pixels: np.ndarray, box: tuple[int, int, int, int], lut: np.ndarray,
                keep: np.ndarray, anchors: np.ndarray, side: int) -> np.ndarray:
    """Area averages of ``lut[pixels]`` inside ``box`` over a side x side grid of each view, and
    the first view's mirror image: (views + 1, side, side) float32.

    Uses the summed-area table of the content: the integral of a piecewise-constant image is
    bilinear inside each pixel, so the integral up to any fractional point is exact by bilinear
    interpolation of the table, and each grid cell is four such lookups.
    """
    left, top, right, bottom = box
    height, width = bottom - top, right - left
    table = np.zeros((height + 1, width + 1))
    for y in range(height):
        run = 0.0
        for x in range(width):
            run += lut[pixels[top + y, left + x]]
            table[y + 1, x + 1] = table[y, x + 1] + run
    grids = np.empty((len(keep) + 1, side, side), dtype=np.float32)
    corner = np.empty((side + 1, side + 1))
    across = np.empty((side + 1, width + 1))
    for v in range(len(keep)):
        box_w, box_h = keep[v] * width, keep[v] * height
        x0, y0 = anchors[v, 0] * (width - box_w), anchors[v, 1] * (height - box_h)
        for i in range(side + 1):  # the table interpolated at the grid's row edges
            y = min(y0 + box_h * i / side, float(height))
            iy = min(int(y), height - 1)
            fy = y - iy
            for x in range(width + 1):
                across[i, x] = (1 - fy) * table[iy, x] + fy * table[iy + 1, x]
        for j in range(side + 1):  # ... then at the grid's column edges
            x = min(x0 + box_w * j / side, float(width))
            ix = min(int(x), width - 1)
            fx = x - ix
            for i in range(side + 1):
                corner[i, j] = (1 - fx) * across[i, ix] + fx * across[i, ix + 1]
        area = box_w * box_h / (side * side)
        for i in range(side):
            for j in range(side):
                grids[v, i, j] = (corner[i + 1, j + 1] - corner[i, j + 1] - corner[i + 1, j] + corner[i, j]) / area
    for i in range(side):  # the whole view's mirror image
        for j in range(side):
            grids[len(keep), i, j] = grids[0, i, side - 1 - j]
    return grids


_KEEP = np.array([keep for _, keep, _ in VIEWS])
_ANCHORS = np.array([anchor for _, _, anchor in VIEWS])


def view_pixels(gray: np.ndarray, side: int = 32) -> np.ndarray:
    """Grids of ``side`` x ``side`` float32 pixels, one per `COLUMNS` entry, in that order.

    ``gray``: 2-D uint8 pixels. Uniform frames are found on the equalised photo (equalising
    turns the faint gradients of flat photo edges into texture, so only truly uniform frames
    are trimmed). The content inside the frame is equalised again on its own, which makes the
    hashes insensitive to brightness, contrast and gamma changes and brings out the structure
    of dim or flat photos. Each view of `VIEWS` is area-averaged from it; the whole view's
    mirror image is added last.
    """
    height, width = gray.shape
    box = content_box(gray, equalising_lut(gray, 0, height, 0, width))
    left, top, right, bottom = box
    return _area_views(gray, box, equalising_lut(gray, top, bottom, left, right), _KEEP, _ANCHORS, side)

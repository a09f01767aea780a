"""From one decoded grey photo to the small pixel grids that the robust hashes are taken of.

The photo is found first (`image_frame`): a phone screenshot is cut down to the photo it shows,
and uniform borders (frames, letterboxes added by a re-poster) are trimmed, so a framed or
screenshotted photo and its original are hashed over the same content. The content is histogram-equalised, then cut
into several *views* (`VIEWS`: the whole, centred zooms, corner crops) and the whole view's mirror
image. Each view is area-averaged to a small grid from the summed-area table of the content.
Last come the *masked* grids (`MASKS`): the whole view with one horizontal third hidden, so that
a band pasted across the photo (a banner, a phone number) leaves one of them intact.
The per-pixel work is in numba kernels that release the GIL, so threads decode and hash in parallel.
"""

from __future__ import annotations

import functools
import math

import numba
import numpy as np

from adcount.signals.image_frame import content_box, screen_photo_box

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

MASK_HEIGHT = 1 / 3
MASK_STEP = 1 / 12
"""Masked views hide rows [k * MASK_STEP, k * MASK_STEP + MASK_HEIGHT) of the whole view, for
k = 0 .. 8. Any band up to a quarter of the height lies inside one of them (its top is at most
one step below a mask's top, and 1/3 - 1/12 = 1/4); banners of 8-25 % of the height are what ad
sites and re-posters add (issue 13). Taller, sparser masks (3/8 every 1/8: 6 masks) find the
banner_band edits of the robustness benchmark as often but give more false pairs per mask."""

MASKS: tuple[tuple[float, float], ...] = tuple(
    (k * MASK_STEP, k * MASK_STEP + MASK_HEIGHT) for k in range(round((1 - MASK_HEIGHT) / MASK_STEP) + 1))
"""(top, bottom) of the hidden rows of each masked view, as shares of the content's height."""

COLUMNS: tuple[str, ...] = (*(name for name, _, _ in VIEWS), "whole-mirror",
                            *(f"whole-masked{top:.2f}-{bottom:.2f}" for top, bottom in MASKS))
"""Hash columns of a robust `ImageHashes`: one per view, the whole photo's mirror image, then
one per masked view."""

MASKED_COLUMNS: tuple[int, ...] = tuple(range(len(VIEWS) + 1, len(COLUMNS)))
"""Columns compared only with the same column of another photo (`adcount.image_pairs`)."""

BASE_COLUMNS: tuple[int, ...] = (0, 2)
"""Columns every other column is compared with: the whole photo and its centred 80 % zoom."""


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
def _area_views(pixels: np.ndarray, box: tuple[int, int, int, int], lut: np.ndarray,
                keep: np.ndarray, anchors: np.ndarray, side: int, n_masks: int) -> np.ndarray:
    """Area averages of ``lut[pixels]`` inside ``box`` over a side x side grid of each view, and
    the first view's mirror image: (views + 1 + n_masks, side, side) float32, the last n_masks
    grids left for `_masked_grids`.

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
    grids = np.empty((len(keep) + 1 + n_masks, side, side), dtype=np.float32)
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


@numba.njit(cache=True, nogil=True)
def _masked_grids(grids: np.ndarray, hidden: np.ndarray) -> None:
    """Fill grids[len(grids) - len(hidden):] with copies of grids[0] whose rows hidden[k, 0] to
    hidden[k, 1] (exclusive) are replaced by the straight line between the rows just outside
    (by the nearest row outside when the hidden rows touch the top or the bottom)."""
    side = grids.shape[1]
    first = len(grids) - len(hidden)
    for k in range(len(hidden)):
        top, bottom = hidden[k, 0], hidden[k, 1]
        out = grids[first + k]
        out[:, :] = grids[0]
        for y in range(top, bottom):
            if top == 0:
                out[y, :] = grids[0, bottom]
            elif bottom == side:
                out[y, :] = grids[0, top - 1]
            else:
                weight = (y - top + 1) / (bottom - top + 1)
                out[y, :] = (1 - weight) * grids[0, top - 1] + weight * grids[0, bottom]


_KEEP = np.array([keep for _, keep, _ in VIEWS])
_ANCHORS = np.array([anchor for _, _, anchor in VIEWS])


def view_pixels(gray: np.ndarray, side: int = 32) -> np.ndarray:
    """Grids of ``side`` x ``side`` float32 pixels, one per `COLUMNS` entry, in that order.

    ``gray``: 2-D uint8 pixels. A phone screenshot is cut down to the photo it shows
    (`image_frame.screen_photo_box`). Uniform frames are found on the equalised photo
    (equalising turns the faint gradients of flat photo edges into texture, so only truly
    uniform frames are trimmed). The content inside the frame is equalised again on its own, which makes the
    hashes insensitive to brightness, contrast and gamma changes and brings out the structure
    of dim or flat photos. Each view of `VIEWS` is area-averaged from it; the whole view's
    mirror image is added, then the masked views of the whole (`MASKS`).
    """
    photo = screen_photo_box(gray)
    box = content_box(gray, equalising_lut(gray, photo[1], photo[3], photo[0], photo[2]), photo)
    left, top, right, bottom = box
    grids = _area_views(gray, box, equalising_lut(gray, top, bottom, left, right), _KEEP, _ANCHORS, side,
                        len(MASKS))
    _masked_grids(grids, _hidden_rows(side))
    return grids


@functools.cache
def _hidden_rows(side: int) -> np.ndarray:
    """Grid rows hidden by each mask: (len(MASKS), 2) int64 [first, end), every row touched."""
    edges = [(math.floor(round(side * top, 6)), min(side, math.ceil(round(side * bottom, 6))))
             for top, bottom in MASKS]
    return np.array(edges, dtype=np.int64)

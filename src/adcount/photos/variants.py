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

import numba
import numpy as np

from adcount.photos.frame import content_box, screen_photo_box

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

STRIPS = 12
MASK_STRIPS = 4
"""The content's height is cut into STRIPS equal strips, and masked view k hides strips k to
k + MASK_STRIPS - 1 (a third of the height, starting every twelfth): any band up to a quarter
of the height lies inside one of them (its top is at most one strip below a mask's top, and
1/3 - 1/12 = 1/4); banners of 8-25 % of the height are what ad sites and re-posters add
(issue 13). Taller, sparser masks (3/8 every 1/8: 6 masks) find the banner_band edits of the
robustness benchmark as often but give more false pairs per mask."""

MASKS: tuple[tuple[float, float], ...] = tuple(
    (k / STRIPS, (k + MASK_STRIPS) / STRIPS) for k in range(STRIPS - MASK_STRIPS + 1))
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
def _histogram(pixels: np.ndarray, top: int, bottom: int, left: int, right: int) -> np.ndarray:
    counts = np.zeros(256, dtype=np.int64)
    for y in range(top, bottom):
        for x in range(left, right):
            counts[pixels[y, x]] += 1
    return counts


@numba.njit(cache=True, nogil=True)
def _rank_lut(counts: np.ndarray) -> np.ndarray:
    """Histogram-equalisation table (256 float32 values, 0..255) of a histogram: each level
    maps to the middle of its rank range, so any increasing change of brightness or contrast
    gives the same equalised picture."""
    size = max(counts.sum(), 1)
    lut = np.empty(256, dtype=np.float32)
    below = 0
    for level in range(256):
        lut[level] = (below + counts[level] / 2) * 255.0 / size
        below += counts[level]
    return lut


@numba.njit(cache=True, nogil=True)
def equalising_lut(pixels: np.ndarray, top: int, bottom: int, left: int, right: int) -> np.ndarray:
    """Histogram-equalisation table (`_rank_lut`) of the uint8 pixels inside the box."""
    return _rank_lut(_histogram(pixels, top, bottom, left, right))


@numba.njit(cache=True, nogil=True)
def _summed_area(pixels: np.ndarray, box: tuple[int, int, int, int], lut: np.ndarray) -> np.ndarray:
    """Summed-area table ((height + 1, width + 1) float64) of ``lut[pixels]`` inside ``box``."""
    left, top, right, bottom = box
    height, width = bottom - top, right - left
    table = np.zeros((height + 1, width + 1))
    for y in range(height):
        run = 0.0
        for x in range(width):
            run += lut[pixels[top + y, left + x]]
            table[y + 1, x + 1] = table[y, x + 1] + run
    return table


@numba.njit(cache=True, nogil=True)
def _view_grid(table: np.ndarray, keep: float, anchor_x: float, anchor_y: float, out: np.ndarray) -> None:
    """Area averages over an out.shape grid of the view keeping ``keep`` of the width and height
    at the anchor, from the summed-area table of the content.

    The integral of a piecewise-constant image is bilinear inside each pixel, so the integral up
    to any fractional point is exact by bilinear interpolation of the table, and each grid cell
    is four such lookups.
    """
    height, width = table.shape[0] - 1, table.shape[1] - 1
    side = out.shape[0]
    corner = np.empty((side + 1, side + 1))
    across = np.empty((side + 1, width + 1))
    box_w, box_h = keep * width, keep * height
    x0, y0 = anchor_x * (width - box_w), anchor_y * (height - box_h)
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
            out[i, j] = (corner[i + 1, j + 1] - corner[i, j + 1] - corner[i + 1, j] + corner[i, j]) / area


@numba.njit(cache=True, nogil=True)
def _area_views(pixels: np.ndarray, box: tuple[int, int, int, int], keep: np.ndarray, anchors: np.ndarray,
                side: int) -> np.ndarray:
    """(views + 1 + masks, side, side) float32 grids: each view of the equalised content inside
    ``box``, the first view's mirror image, then each masked view of the whole (`_masked_views`)."""
    left, top, right, bottom = box
    counts = _histogram(pixels, top, bottom, left, right)
    table = _summed_area(pixels, box, _rank_lut(counts))
    n_masks = STRIPS - MASK_STRIPS + 1
    grids = np.empty((len(keep) + 1 + n_masks, side, side), dtype=np.float32)
    for v in range(len(keep)):
        _view_grid(table, keep[v], anchors[v, 0], anchors[v, 1], grids[v])
    for i in range(side):
        for j in range(side):
            grids[len(keep), i, j] = grids[0, i, side - 1 - j]
    _masked_views(pixels, box, counts, grids[len(keep) + 1:])
    return grids


@numba.njit(cache=True, nogil=True)
def _masked_views(pixels: np.ndarray, box: tuple[int, int, int, int], counts: np.ndarray, out: np.ndarray) -> None:
    """Fill ``out`` with the masked views of the whole content (`MASKS`).

    A masked view is equalised on the rows it shows only (a band over the hidden rows would
    otherwise shift every grey level of the rest): the raw content is area-averaged once, and
    each mask's equalising table is applied to those averages (interpolated between levels),
    from the histogram of the strips it shows. Its hidden grid rows are then replaced by the
    straight line between the grid rows just outside them (by the nearest one when they touch
    the top or the bottom).
    """
    left, top, right, bottom = box
    height, side = bottom - top, out.shape[1]
    raw = np.empty((side, side), dtype=np.float32)
    _view_grid(_summed_area(pixels, box, np.arange(256).astype(np.float32)), 1.0, 0.5, 0.5, raw)
    strips = np.empty((STRIPS, 256), dtype=np.int64)
    for s in range(STRIPS):
        strips[s] = _histogram(pixels, top + _strip_edge(s, height), top + _strip_edge(s + 1, height), left, right)
    for k in range(len(out)):
        shown = counts.copy()
        for s in range(k, k + MASK_STRIPS):
            shown -= strips[s]
        lut = _rank_lut(shown)
        for i in range(side):
            for j in range(side):
                level = min(int(raw[i, j]), 254)
                fraction = raw[i, j] - level
                out[k, i, j] = (1 - fraction) * lut[level] + fraction * lut[level + 1]
        first, end = _strip_edge(k, side), _strip_edge(k + MASK_STRIPS, side)
        for y in range(first, end):
            if first == 0:
                out[k, y, :] = out[k, end]
            elif end == side:
                out[k, y, :] = out[k, first - 1]
            else:
                weight = (y - first + 1) / (end - first + 1)
                out[k, y, :] = (1 - weight) * out[k, first - 1] + weight * out[k, end]


@numba.njit(cache=True, nogil=True)
def _strip_edge(strip: int, rows: int) -> int:
    """First row of strip ``strip`` out of `STRIPS` over ``rows`` rows (``rows`` at the end)."""
    return (strip * rows + STRIPS // 2) // STRIPS


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
    return _area_views(gray, box, _KEEP, _ANCHORS, side)

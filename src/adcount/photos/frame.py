"""Where the photo is inside the decoded image: inside a phone screenshot, inside a uniform frame.

A re-poster may add a frame or letterbox around a photo, or post a screenshot of it: the photo
scaled into a portrait screen among app chrome (status bar, app bar, captions, icons, navigation
bar). Both are cut away before hashing, so that the hashes describe the photo and never the
chrome: two different photos in the same app would otherwise share most of their pixels.

* `screen_photo_box`: in an image shaped like a phone screen, app chrome is flat colour between
  short lines of text and icons, while a photo is a long run of rows without a flat one. The
  longest such run, with chrome above and below it, is the photo; flat columns at its sides
  (a photo narrower than the screen) are cut too.
* `content_box`: uniform frames on two opposite sides, up to a quarter of the size per side.

Both are numba kernels that release the GIL (decoding threads run them in parallel).
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

SCREEN_ASPECT = 1.6
"""Images at least this many times taller than wide are read as possible phone screenshots:
screens are 16:9 to 21:9 (1.78 to 2.33), photos taken upright 4:3 or 3:2 (1.33, 1.5)."""
CHROME_STD = 1.0
"""A flat row or column of app chrome has a grey-level standard deviation below this (0..255,
not equalised): interfaces are drawn in flat colours, and JPEG noise at the draft-mode decoding
scale (1/8: block averages) stays under 1-2 levels; photo rows are far above it."""
BACKGROUND_TOLERANCE = 6
"""Grey levels within this of the screen's background colour count as background."""
TEXT_ROW_SHARE = 0.3
"""A line of text or icons on the background has at least this share of background pixels
(caption rows measured here: 0.35 and more even when the text blurs at the decoding scale;
photo rows mostly under 0.1) ..."""
TEXT_STROKES = 0.2
"""... and its mean step between neighbouring pixels is at least this share of its std (text rows
measured here: 0.25-0.8; photo rows mixing the background's colour with a few large shapes: 0.1)."""
SCREEN_PASSES = 3
"""Times the photo's box is looked for again inside the last one (a chat bubble inside the
screen, the photo inside the bubble; a third pass changes nothing on the benchmark's screens)."""
MIN_PHOTO_SHARE = 0.12
"""The photo of a screenshot covers at least this share of the screen's height (a 4:3 landscape
photo across a 21:9 screen covers 0.32, a 3:1 panorama 0.14); a shorter run is a caption or an
app bar."""


@numba.njit(cache=True, nogil=True)
def _line_stats(pixels: np.ndarray, lut: np.ndarray, box: tuple[int, int, int, int]) -> tuple:
    """(row means, row stds, column means, column stds) of ``lut[pixels]`` inside ``box``
    (left, top, right, bottom)."""
    left, top, right, bottom = box
    height, width = bottom - top, right - left
    row_sum, row_sq = np.zeros(height), np.zeros(height)
    col_sum, col_sq = np.zeros(width), np.zeros(width)
    for y in range(height):
        for x in range(width):
            value = lut[pixels[top + y, left + x]]
            row_sum[y] += value
            row_sq[y] += value * value
            col_sum[x] += value
            col_sq[x] += value * value
    row_means, col_means = row_sum / width, col_sum / height
    row_stds = np.sqrt(np.maximum(row_sq / width - row_means**2, 0.0))
    col_stds = np.sqrt(np.maximum(col_sq / height - col_means**2, 0.0))
    return row_means, row_stds, col_means, col_stds


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
def content_box(pixels: np.ndarray, lut: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of ``lut[pixels]`` (2-D uint8 pixels) inside ``box`` without
    its uniform frame.

    Only frames on two opposite sides are trimmed: frames and letterboxes have two, while a
    plain strip on one side is more likely sky, a wall or a banner's margin.
    """
    row_means, row_stds, col_means, col_stds = _line_stats(pixels, lut, box)
    top, bottom = _uniform_run(row_means, row_stds), _uniform_run(row_means[::-1], row_stds[::-1])
    left, right = _uniform_run(col_means, col_stds), _uniform_run(col_means[::-1], col_stds[::-1])
    if min(top, bottom) == 0:
        top = bottom = 0
    if min(left, right) == 0:
        left = right = 0
    return box[0] + left, box[1] + top, box[2] - right, box[3] - bottom


@numba.njit(cache=True, nogil=True)
def _longest_busy_run(stds: np.ndarray) -> tuple[int, int]:
    """[first, end) of the longest run of lines that are not flat (std `CHROME_STD` or more)."""
    best_first, best_end = 0, 0
    y = 0
    while y < len(stds):
        if not stds[y] >= CHROME_STD:
            y += 1
            continue
        first = y
        while y < len(stds) and stds[y] >= CHROME_STD:
            y += 1
        if y - first > best_end - best_first:
            best_first, best_end = first, y
    return best_first, best_end


@numba.njit(cache=True, nogil=True)
def _is_text_row(row: np.ndarray, colour: float) -> bool:
    """A line of text or icons on the flat ``colour`` of a screen's chrome: at least
    `TEXT_ROW_SHARE` of its pixels within `BACKGROUND_TOLERANCE` of the colour, and its contrast
    made of many short strokes (mean step between neighbours at least `TEXT_STROKES` of its
    std), not of a few wide shapes (a photo's bright sky and dark roof)."""
    near, steps, total, square = 0, 0.0, 0.0, 0.0
    for x in range(len(row)):
        value = float(row[x])
        near += abs(value - colour) <= BACKGROUND_TOLERANCE
        total += value
        square += value * value
        if x:
            steps += abs(value - float(row[x - 1]))
    count = max(len(row), 1)
    std = np.sqrt(max(square / count - (total / count) ** 2, 0.0))
    return near >= TEXT_ROW_SHARE * count and steps / max(count - 1, 1) >= TEXT_STROKES * std


@numba.njit(cache=True, nogil=True)
def _flat_photo_edges(means: np.ndarray, stds: np.ndarray, first: int, end: int) -> tuple[int, int]:
    """[first, end) grown over the flat rows next to it that are not of the screen's background
    colour (the commonest colour of flat rows): a flat stretch of the photo (a clear sky, a
    plain wall, a black background) rather than the background around it."""
    counts = np.zeros(256, dtype=np.int64)
    for y in range(len(means)):
        if stds[y] < CHROME_STD:
            counts[int(means[y] + 0.5)] += 1
    background = float(np.argmax(counts))
    while first > 0 and stds[first - 1] < CHROME_STD and abs(means[first - 1] - background) > BACKGROUND_TOLERANCE:
        first -= 1
    while end < len(means) and stds[end] < CHROME_STD and abs(means[end] - background) > BACKGROUND_TOLERANCE:
        end += 1
    return first, end


@numba.njit(cache=True, nogil=True)
def screen_photo_box(pixels: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the photo in a phone screenshot, or the whole image.

    ``pixels``: 2-D uint8 grey pixels, not equalised (equalising would spread the flat colours
    of the chrome). The photo is the longest run of rows that are not flat; lines of text or
    icons on the chrome's colour touching the run (a caption right under the photo, the title
    of an app bar right above it) are peeled off its ends, and flat columns at its sides (a
    photo narrower than the screen). This is repeated inside the box found, where the rows of
    a chat bubble around the photo are flat in turn, until the box stays the same (at most
    `SCREEN_PASSES` times). Flat stretches of the photo itself at its top or bottom (a clear
    sky, a plain wall) are given back when they are not of the background's colour
    (`_flat_photo_edges`); last, the rows where photo and chrome blend are dropped. Read as a
    screenshot only when the image is shaped like a screen and the first run has chrome both
    above and below it, and the photo found covers `MIN_PHOTO_SHARE` of the height or more.
    """
    height, width = pixels.shape
    whole = (0, 0, width, height)
    if height < SCREEN_ASPECT * width:
        return whole
    identity = np.arange(256).astype(np.float64)
    left, top, right, bottom = whole
    for attempt in range(SCREEN_PASSES):
        row_means, row_stds, _, _ = _line_stats(pixels, identity, (left, 0, right, height))
        first, end = _longest_busy_run(row_stds[top:bottom])
        first, end = first + top, end + top
        if first == end or (attempt == 0 and (first == 0 or end == height)):
            return whole
        # rows just outside the run are flat (or outside the image): the chrome's colour there
        while end - first > 1 and first > 0 and _is_text_row(pixels[first, left:right], row_means[first - 1]):
            first += 1
        while end - first > 1 and end < height and _is_text_row(pixels[end - 1, left:right], row_means[end]):
            end -= 1
        _, _, _, col_stds = _line_stats(pixels, identity, (left, first, right, end))
        narrow, wide = 0, right - left
        while narrow < wide and col_stds[narrow] < CHROME_STD:
            narrow += 1
        while wide > narrow and col_stds[wide - 1] < CHROME_STD:
            wide -= 1
        if wide - narrow < width // 4:  # no photo this narrow: flat chrome around text
            return whole
        if (first, end, narrow, wide) == (top, bottom, 0, right - left):
            break
        left, top, right, bottom = left + narrow, first, left + wide, end
    row_means, row_stds, _, _ = _line_stats(pixels, identity, (left, 0, right, height))
    top, bottom = _flat_photo_edges(row_means, row_stds, top, bottom)
    top, bottom = top + EDGE_BLEND, bottom - EDGE_BLEND  # rows where photo and chrome blend
    if bottom - top < MIN_PHOTO_SHARE * height:
        return whole
    return left, top, right, bottom

"""Perceptual hashes of ad photos, many files at once: `hash_images` and its `ImageHashes` result.

Speed comes from three things: JPEGs are decoded at reduced size (Pillow's draft mode), files are
decoded and hashed on a thread pool (Pillow releases the GIL while decoding, and the view and
DCT kernels are numba functions that release it too), and only the 64 DCT coefficients a hash
needs are computed (`image_dct.phash_fast`); the imagehash-exact mode runs scipy's DCT over each
block of 32x32 grids at once (`image_dct.phash_exact`).

Two modes:

* ``"robust"`` (default): upright (EXIF), uniform borders trimmed, histogram-equalised, several
  views per photo so that edited re-posts still match (`image_variants.COLUMNS`): column 0 is
  the pHash of the whole photo, then centred zooms, corner crops, the mirror image and the
  masked views (the whole with one horizontal third hidden). `adcount.image_pairs` compares
  every view of one photo with the *base* columns (the whole photo and its centred 80 % zoom)
  of the other, and each masked view with the same masked view of the other.
* ``"imagehash"``: one column, bit for bit ``imagehash.phash(Image.open(path))`` (full decode,
  no EXIF rotation), for interoperability with hash databases built with imagehash.

A file that cannot be hashed never raises: its row is kept, flagged ``ok=False``, its hashes are
0 and ``errors`` says why.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from PIL import Image

from adcount.photos.dct import phash_exact, phash_fast
from adcount.photos.decode import (
    DEFAULT_MAX_PIXELS,
    UnreadableImage,
    gray_imagehash,
    gray_robust,
)
from adcount.photos.variants import BASE_COLUMNS, COLUMNS, MASKED_COLUMNS, view_pixels

GRID_SIDE = 32
"""Side of the grey grid whose DCT is taken (imagehash: hash_size 8 x highfreq_factor 4)."""

MODES = ("robust", "imagehash")

BLOCK = 2048
"""Files decoded and hashed per batch (bounds the memory held by results in flight)."""


@dataclass(frozen=True)
class ImageHashes:
    """Perceptual hashes of a batch of image files, one row per input path, in input order.

    hashes: uint64 array (n, n_columns); column 0 is the plain pHash of the whole photo.
    columns: what each column hashes ("whole", "zoom0.90", ..., "whole-mirror").
    ok: bool array (n,), False where the file could not be hashed (its hashes are 0).
    errors: one string per row, "" when ok, else a short reason ("missing file", ...).
    width, height: int32 arrays (n,) of the upright full-size image, 0 when not ok.
    mode: "robust" or "imagehash".
    base_columns: the columns every other photo's views are compared with (`image_pairs`).
    masked_columns: columns compared only with the same column of another photo (the masked
        views); the others are views.
    """

    hashes: np.ndarray
    columns: tuple[str, ...]
    ok: np.ndarray
    errors: list[str]
    width: np.ndarray
    height: np.ndarray
    mode: str
    base_columns: tuple[int, ...] = field(default=(0,))
    masked_columns: tuple[int, ...] = field(default=())

    def __post_init__(self) -> None:
        n = len(self.hashes)
        if self.hashes.dtype != np.uint64 or self.hashes.ndim != 2 or self.hashes.shape[1] != len(self.columns):
            raise ValueError(f"hashes must be uint64 of shape (n, {len(self.columns)}), "
                             f"got {self.hashes.dtype} {self.hashes.shape}")
        if not (len(self.ok) == len(self.errors) == len(self.width) == len(self.height) == n):
            raise ValueError("ok, errors, width and height must have one entry per hash row")
        if not self.base_columns or not all(0 <= c < len(self.columns) for c in self.base_columns):
            raise ValueError(f"base_columns {self.base_columns} must name columns 0..{len(self.columns) - 1}")
        if not all(0 <= c < len(self.columns) for c in self.masked_columns) or \
                set(self.masked_columns) & set(self.base_columns):
            raise ValueError(f"masked_columns {self.masked_columns} must name columns 0..{len(self.columns) - 1} "
                             f"other than the base columns {self.base_columns}")

    def __len__(self) -> int:
        return len(self.hashes)

    def hex(self, column: int = 0) -> list[str]:
        """Hashes of one column as 16-digit hex strings (imagehash's ``str(hash)`` format)."""
        return [f"{int(value):016x}" for value in self.hashes[:, column]]


def _decode_one(path: str | os.PathLike[str], mode: str, max_pixels: int):
    """(What one file gives, its size, "") or (None, (0, 0), the reason it cannot be hashed).

    Robust mode gives the file's finished hash row (views and DCT run here, in the worker
    thread); imagehash mode gives its 32x32 grid, hashed with the others of its block.
    """
    try:
        if mode == "imagehash":
            grid, size = gray_imagehash(path, GRID_SIDE, max_pixels)
            return grid, size, ""
        gray, size = gray_robust(path, max_pixels)
        return phash_fast(view_pixels(gray, GRID_SIDE)), size, ""
    except UnreadableImage as exc:
        return None, (0, 0), str(exc)
    except Exception as exc:  # noqa: BLE001 - a batch never raises; the row records why
        return None, (0, 0), f"cannot decode: {type(exc).__name__}"


def hash_images(
    paths: Sequence[str | os.PathLike[str]],
    *,
    threads: int | None = None,
    mode: str = "robust",
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> ImageHashes:
    """Perceptual hashes of the image files ``paths``: one row per path, never an exception.

    threads: decoding threads (None: one per CPU, at most 8). mode: "robust" or "imagehash"
    (see the module docstring). max_pixels: files declaring more pixels are refused as
    decompression bombs (Pillow's own bomb warning is turned into a refusal during the call).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if threads is None:
        threads = min(8, os.cpu_count() or 1)
    if threads < 1:
        raise ValueError(f"threads must be >= 1, got {threads}")
    paths = list(paths)
    columns = ("whole",) if mode == "imagehash" else COLUMNS
    hashes = np.zeros((len(paths), len(columns)), dtype=np.uint64)
    ok = np.zeros(len(paths), dtype=bool)
    sizes = np.zeros((len(paths), 2), dtype=np.int32)
    errors: list[str] = []
    pool = ThreadPoolExecutor(max_workers=threads) if threads > 1 else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            for start in range(0, len(paths), BLOCK):
                block = paths[start : start + BLOCK]
                decode = partial(_decode_one, mode=mode, max_pixels=max_pixels)
                decoded = list(pool.map(decode, block) if pool else map(decode, block))
                rows = start + np.flatnonzero([result is not None for result, _, _ in decoded])
                ok[rows] = True
                if len(rows):
                    stack = np.stack([result for result, _, _ in decoded if result is not None])
                    hashes[rows] = phash_exact(stack)[:, None] if mode == "imagehash" else stack
                sizes[start : start + len(block)] = [size for _, size, _ in decoded]
                errors.extend(error for _, _, error in decoded)
    finally:
        if pool is not None:
            pool.shutdown()
    return ImageHashes(
        hashes=hashes,
        columns=columns,
        ok=ok,
        errors=errors,
        width=sizes[:, 0].copy(),
        height=sizes[:, 1].copy(),
        mode=mode,
        base_columns=(0,) if mode == "imagehash" else BASE_COLUMNS,
        masked_columns=() if mode == "imagehash" else MASKED_COLUMNS,
    )

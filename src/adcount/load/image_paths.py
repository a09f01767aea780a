"""Which photo references of an ad can be read, and why the others cannot.

A scraped `images` cell holds local paths, URLs, protocol-relative addresses (`//cdn.host/a.jpg`)
and, in hostile or broken exports, paths holding a NUL byte or climbing out of the image folder.
An unusable reference costs its photo, never its ad: the ad is kept, the photo is listed in the
ad set's flags with the reason. URLs are kept in `image_urls` and never fetched (adcount opens no
network connection); paths that would leave `image_root` (or, without a root, absolute paths and
paths with `..`) are never opened (adcount reads no file outside the paths it is given).

All tests are whole-column string operations over the exploded references; only the few paths
holding `..` or starting with `/` go through `posixpath.normpath`.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

URL_PATTERN = r"^(?:(?:[a-z][a-z0-9+.-]+:)?//|data:)"  # scheme://host/..., //host/... or a data: URI
URL_NOT_FETCHED = "image is a URL: not fetched (adcount opens no network connection)"
NUL_IN_PATH = "image path holds a NUL byte: not a file name"
ESCAPES_ROOT = "image path leaves image_root: not read"
ESCAPES_CWD = "absolute image path or '..' without image_root: not read"


@dataclass(frozen=True)
class ImageReferences:
    """Per ad: its readable local paths and its URLs; and one flag row per unusable reference."""

    local: pd.Series  # list[str] per ad
    urls: pd.Series  # list[str] per ad
    flag_rows: np.ndarray  # int64 ad row of each flagged reference
    flag_values: np.ndarray  # object: the reference as given (NUL bytes shown as U+2400)
    flag_reasons: np.ndarray  # object


def sort_references(images: pd.Series, root: Path | None) -> ImageReferences:
    """Split every ad's image references into readable paths, URLs and flagged ones."""
    n = len(images)
    exploded = images.explode()
    present = exploded.notna().to_numpy()
    rows = np.repeat(np.arange(n), images.str.len().fillna(0).astype(int).to_numpy().clip(min=1))[present]
    refs = exploded[present].astype(str).reset_index(drop=True)
    is_url = refs.str.contains(URL_PATTERN, case=False, regex=True).to_numpy()
    has_nul = refs.str.contains("\x00", regex=False).to_numpy()
    suspicious = ~is_url & ~has_nul & refs.str.contains(r"(?:^/|(?:^|/)\.\.(?:/|$))", regex=True).to_numpy()
    escapes = np.zeros(len(refs), dtype=bool)
    escapes[suspicious] = [_leaves(ref, root) for ref in refs[suspicious]]
    reason = np.select([is_url, has_nul, escapes], [URL_NOT_FETCHED, NUL_IN_PATH, ESCAPES_ROOT if root else ESCAPES_CWD],
                       default="").astype(object)
    local = ~is_url & ~has_nul & ~escapes
    flagged = reason != ""
    touched = np.unique(rows[~local])  # ads whose list changes: the others keep theirs as given
    values = refs.to_numpy(dtype=object)
    return ImageReferences(
        local=_regroup(images, touched, rows[local], values[local]),
        urls=_regroup(pd.Series([[] for _ in range(n)], dtype=object), np.unique(rows[is_url]),
                      rows[is_url], values[is_url]),
        flag_rows=rows[flagged],
        flag_values=refs[flagged].str.replace("\x00", "\u2400", regex=False).to_numpy(dtype=object),
        flag_reasons=reason[flagged],
    )


def _leaves(reference: str, root: Path | None) -> bool:
    """A path that, once '..' are folded, points outside `root` (or, without a root, is absolute
    or climbs above the working folder). Pure string work: nothing on disk is touched."""
    if root is None:
        return reference.startswith("/") or ".." in re.split(r"[/\\]", reference)
    base = os.fspath(root)
    folded = posixpath.normpath(posixpath.join(base, reference))
    return not (folded == base or folded.startswith(base.rstrip("/") + "/"))


def _regroup(base: pd.Series, touched: np.ndarray, rows: np.ndarray, values: np.ndarray) -> pd.Series:
    """`base` with the lists of the `touched` ads rebuilt from (rows, values), in their order;
    only touched ads are visited (an ad set with no URL or bad path keeps its lists as they are)."""
    if touched.size == 0:
        return base.reset_index(drop=True)
    out = base.to_numpy(dtype=object).copy()
    mine = np.isin(rows, touched)
    starts = np.searchsorted(rows[mine], touched, side="left")
    stops = np.searchsorted(rows[mine], touched, side="right")
    kept = values[mine]
    out[touched] = [kept[a:b].tolist() for a, b in zip(starts, stops)]
    return pd.Series(out, dtype=object)

"""HTML review export: a person's ads side by side, with the evidence and photo thumbnails.

One self-contained file (thumbnails embedded as small base64 JPEGs, inline CSS, no script, no
external asset) that a reviewer opens offline. Texts are shown normalised, with phone numbers,
e-mails, URLs and messaging handles masked, and contacts only by the labels of the result (keyed pseudonyms unless
the run asked for raw contacts); `raw_text=True` shows the ads' original wording instead.
"""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image

from adcount.contacts.handles import extract_handles
from adcount.text.normalize import normalize_texts
from adcount.contacts.keys import KINDS
from adcount.result import DedupResult
from adcount.load.facts import ad_texts

THUMB_PIXELS = 160
THUMB_QUALITY = 70
MAX_PERSONS = 50  # default: the largest persons first
MAX_LINKS_SHOWN = 30

_CSS = """body{font-family:sans-serif;margin:1em;color:#222}section{border-top:2px solid #888;margin-top:1.5em}
.ads{display:flex;gap:.6em;overflow-x:auto}.ad{flex:0 0 17em;border:1px solid #ccc;padding:.4em;font-size:.85em}
.ad img{max-width:100%;margin:2px 0}.meta{color:#555}table{border-collapse:collapse;font-size:.85em}
td,th{border:1px solid #ccc;padding:2px 6px}.pos{color:#070}.neg{color:#a00}"""


def review_html(result: DedupResult, path: str | Path, person_ids: list[str] | None = None, *,
                raw_text: bool = False, max_persons: int = MAX_PERSONS) -> Path:
    """Write the review page of the chosen persons (default: the `max_persons` largest)."""
    assignments = result.assignments
    if person_ids is None:
        sizes = assignments["person_id"].value_counts(sort=False)
        person_ids = sizes.sort_values(ascending=False, kind="stable").index[:max_persons].tolist()
    unknown = sorted(set(person_ids) - set(assignments["person_id"]))
    if unknown:
        raise KeyError(f"unknown person_id(s): {unknown[:5]}")
    table = result.ads.table
    wanted = np.flatnonzero(assignments["person_id"].isin(person_ids).to_numpy())
    combined = ad_texts(table.iloc[wanted])
    texts = dict(zip(wanted.tolist(), combined if raw_text else masked_texts(combined)))
    contacts = {kind: result.contacts.labels_per_ad(kind) for kind in KINDS}
    sections = [_person_section(result, pid, texts, contacts) for pid in person_ids]
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>adcount review</title>"
            f"<style>{_CSS}</style></head><body><h1>Persons to review ({len(person_ids)})</h1>"
            + "".join(sections) + "</body></html>")
    path = Path(path)
    path.write_text(page, encoding="utf-8")
    return path


def masked_texts(texts: list[str]) -> list[str]:
    """Texts normalised with phones, e-mails, URLs (by the normaliser) and messaging handles
    (found by `extract_handles`, replaced by HANDLE) masked: safe to show a reviewer. A loop
    over the ads shown, not a hot path."""
    normalised = normalize_texts(texts)
    out = []
    for raw, text in zip(texts, normalised):
        accounts = [key.split(":", 1)[1] for key in extract_handles(raw)]
        for account in sorted(set(normalize_texts(accounts)) - {""}, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(account)}\b", "HANDLE", text)
        out.append(text)
    return out


def _person_section(result, person_id: str, texts: dict[int, str], contacts: dict[str, list[list[str]]]) -> str:
    assignments = result.assignments
    rows = np.flatnonzero((assignments["person_id"] == person_id).to_numpy())
    network = assignments["network_id"].iloc[rows[0]]
    confidence = assignments["confidence"].to_numpy()[rows]
    cards = "".join(_ad_card(result, r, texts[r], contacts) for r in rows)
    return (f"<section><h2>{html.escape(person_id)} — {len(rows)} ads, network {html.escape(network)}, "
            f"lowest ad confidence {confidence.min():.2f}</h2><div class='ads'>{cards}</div>"
            f"{_links_table(result, rows)}</section>")


def _ad_card(result, row: int, text: str, contacts: dict[str, list[list[str]]]) -> str:
    ad = result.ads.table.iloc[row]
    labels = [label for kind in KINDS for label in contacts[kind][row]]
    photos = "".join(_thumbnail(result.ads.image_root, p) for p in ad["images"])
    return (f"<div class='ad'><b>{html.escape(str(ad['ad_id']))}</b>"
            f"<div class='meta'>{html.escape(str(ad['site']))} · {html.escape(str(ad['posted_at']))} · "
            f"{html.escape(str(ad['city']))} · age {html.escape(str(ad['age']))}</div>"
            f"<div class='meta'>contacts: {html.escape(', '.join(labels)) or 'none'}</div>"
            f"{photos}<p>{html.escape(text)}</p></div>")


def _thumbnail(root: Path | None, relative: str) -> str:
    """An <img> with a small embedded JPEG, or a note when the photo cannot be read."""
    path = (root / relative) if root is not None else Path(relative)
    try:
        with Image.open(path) as image:
            image.draft("RGB", (THUMB_PIXELS, THUMB_PIXELS))
            small = image.convert("RGB")
            small.thumbnail((THUMB_PIXELS, THUMB_PIXELS))
            buffer = io.BytesIO()
            small.save(buffer, format="JPEG", quality=THUMB_QUALITY)
    except (OSError, ValueError, Image.DecompressionBombError):
        return f"<div class='meta'>photo unreadable: {html.escape(Path(relative).name)}</div>"
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"<img alt='{html.escape(Path(relative).name)}' src='data:image/jpeg;base64,{data}'>"


def _links_table(result, rows: np.ndarray) -> str:
    """The scored pairs inside the person, strongest first, with their three weightiest pieces of evidence."""
    a, b = result.pairs[:, 0], result.pairs[:, 1]
    inside = np.flatnonzero(np.isin(a, rows) & np.isin(b, rows))
    if inside.size == 0:
        return "<p class='meta'>a single ad: no pair to show</p>"
    order = inside[np.argsort(-result.probability[inside], kind="stable")][:MAX_LINKS_SHOWN]
    ids = result.ads.table["ad_id"].to_numpy(dtype=str)
    bits = result.bits.iloc[order]
    lines = []
    for k, weights in zip(order.tolist(), bits.itertuples(index=False)):
        series = pd.Series(weights, index=bits.columns)
        top = series.reindex(series.abs().sort_values(ascending=False).index)[:3]
        shown = " ".join(f"<span class='{'pos' if v > 0 else 'neg'}'>{html.escape(c)} {v:+.1f}</span>"
                         for c, v in top.items())
        lines.append(f"<tr><td>{html.escape(ids[a[k]])}</td><td>{html.escape(ids[b[k]])}</td>"
                     f"<td>{result.probability[k]:.3f}</td><td>{shown}</td></tr>")
    return ("<table><tr><th>ad</th><th>ad</th><th>probability</th><th>main evidence (bits)</th></tr>"
            + "".join(lines) + "</table>")

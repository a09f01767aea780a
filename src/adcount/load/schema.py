"""Canonical ad columns, their accepted aliases, and validation into valid ads plus rejects.

`load_ads` is the entry point of every run. Its promise: every input row ends up in exactly one of
`ads.table` (usable ads, canonical columns, rows addressed by position) or `ads.rejects` (input row,
ad_id, reason). A missing required column is an error naming the column and its aliases.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from adcount.load.image_paths import sort_references
from adcount.load.io import InputError, read_table
from adcount.load.text_repair import repair_frame

MAX_TEXT_BYTES = 1_000_000
MIN_AGE, MAX_AGE = 10, 100
DATE_RANGE = ("1990-01-01", "2100-01-01")  # posting dates outside it are typos or epoch mix-ups

# canonical column -> accepted aliases (compared after lower-casing, accent folding, and
# turning spaces/dashes into underscores)
ALIASES: dict[str, tuple[str, ...]] = {
    "ad_id": ("id", "ad", "adid", "annonce_id", "id_annonce", "listing_id", "post_id", "ref", "reference"),
    "site": ("website", "source", "domain", "platform", "site_name", "plateforme"),
    "posted_at": ("date", "posted", "published_at", "created_at", "timestamp", "date_publication",
                  "datetime", "published"),
    "title": ("titre", "headline", "subject", "sujet"),
    "text": ("description", "body", "content", "texte", "contenu", "message", "ad_text"),
    "phones": ("phone", "telephone", "tel", "phone_number", "phone_numbers", "numero", "numeros", "mobile"),
    "emails": ("email", "e_mail", "mail", "courriel", "email_address"),
    "images": ("image", "photos", "photo", "image_paths", "pictures", "picture", "image_files"),
    "city": ("ville", "town", "location", "locality", "commune", "localite"),
    "region": ("departement", "department", "state", "province", "area"),
    "age": ("age_claimed", "claimed_age"),
    "gender": ("sexe", "sex", "genre"),
    "nationality": ("nationalite", "origin", "origine", "ethnicity"),
    # the country an ad was posted in (ISO code or name): the numbering plan of its phones
    "country": ("country_code", "pays", "land", "pais", "paese", "iso_country", "country_iso"),
    "price": ("prix", "tarif", "rate", "tarifs"),
    "url": ("link", "lien", "ad_url", "page_url"),
}
CANONICAL = tuple(ALIASES)
CONTENT_COLUMNS = ("text", "title", "phones", "images")
LIST_COLUMNS = ("phones", "emails", "images")
_LIST_SPLIT = re.compile(r"\s*[|;\n]\s*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class SchemaError(InputError):
    """The table lacks a required column or has conflicting ones."""


FLAG_COLUMNS = ("ad_id", "column", "value", "reason")


def no_flags() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in FLAG_COLUMNS})


@dataclass
class Ads:
    """Validated ads. `table` has canonical columns (plus any extra input columns, kept as they
    were) and a fresh 0..n-1 index; `rejects` has one row per unusable input row; `flags` one row
    per part of a kept ad that could not be used as given (ad_id, column, value, reason): a photo
    reference that is a URL or a path that cannot be read, characters that had to be replaced."""

    table: pd.DataFrame
    rejects: pd.DataFrame
    image_root: Path | None = None
    flags: pd.DataFrame = field(default_factory=no_flags)

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        return f"Ads({len(self.table)} valid, {len(self.rejects)} rejected, {len(self.flags)} flagged)"

    def _repr_html_(self) -> str:
        from adcount.report.notebook import ads_html

        return ads_html(self.table, len(self.rejects), len(self.flags))


def _key(name: Any) -> str:
    folded = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[\s\-./]+", "_", folded.strip().lower())


def canonical_names(columns: list[Any]) -> dict[Any, str]:
    """Map input column names to canonical names; raise if two inputs claim one canonical column."""
    lookup = {canon: canon for canon in CANONICAL}
    lookup.update({alias: canon for canon, aliases in ALIASES.items() for alias in aliases})
    mapping: dict[Any, str] = {}
    claimed: dict[str, Any] = {}
    for column in columns:
        canon = lookup.get(_key(column))
        if canon is None:
            continue
        if canon in claimed:
            raise SchemaError(
                f"columns {claimed[canon]!r} and {column!r} both mean {canon!r}; keep one of them"
            )
        claimed[canon] = column
        mapping[column] = canon
    return mapping


def _require_columns(present: set[str]) -> None:
    if "ad_id" not in present:
        raise SchemaError(
            "missing required column 'ad_id' (accepted aliases: " + ", ".join(ALIASES["ad_id"]) + ")"
        )
    if not present.intersection(CONTENT_COLUMNS):
        accepted = "; ".join(f"{c} ({', '.join(ALIASES[c][:4])}, ...)" for c in CONTENT_COLUMNS)
        raise SchemaError(f"no content column: need at least one of {accepted}")


def load_ads(source: Any, image_root: str | Path | None = None, *, encoding: str | None = None) -> Ads:
    """Load and validate ads from a path (.csv, .tsv, .jsonl, .json, .parquet), a DataFrame or an Arrow table.

    image_root: folder that relative image paths are resolved against. A reference that cannot
        be read costs its photo, not its ad (`adcount.load.image_paths`): a path leaving the root
        (without a root: an absolute path or one with '..'), or holding a NUL byte, is dropped
        and flagged; URLs (also `//host/...`) are moved to `image_urls`, flagged, never fetched.
        Characters that cannot be encoded (lone surrogates) are replaced by U+FFFD and flagged.
    encoding: force a text encoding for CSV/JSONL (default: UTF-8 with or without BOM, else
        Windows-1252 when that decodes cleanly, else an error).
    """
    raw = read_table(source, encoding=encoding)
    repaired, repairs = repair_frame(raw.frame)
    mapping = canonical_names(list(repaired.columns))
    _require_columns(set(mapping.values()))
    frame = repaired.rename(columns={k: v for k, v in mapping.items()})
    extras = [c for c in frame.columns if c not in CANONICAL]
    n = len(frame)
    positions = np.asarray(raw.row_numbers, dtype=np.int64)
    root = Path(image_root).resolve() if image_root is not None else None

    table = pd.DataFrame(index=pd.RangeIndex(n))
    reasons = np.full(n, "", dtype=object)

    def reject(mask: np.ndarray, reason: str | np.ndarray) -> None:
        fresh = mask & (reasons == "")
        reasons[fresh] = reason[fresh] if isinstance(reason, np.ndarray) else reason

    ad_id = _text_column(frame, "ad_id").str.strip()
    table["ad_id"] = ad_id
    reject(ad_id.eq("").to_numpy(), "empty ad_id")

    for column in ("site", "title", "text", "city", "region", "country", "gender", "nationality", "url"):
        table[column] = _text_column(frame, column)
    too_long = (table["text"].str.len() > MAX_TEXT_BYTES // 4).to_numpy().copy()
    if too_long.any():  # exact byte count only where it can matter
        sizes = np.array([len(t.encode("utf-8")) for t in table["text"][too_long]])
        too_long[np.flatnonzero(too_long)] = sizes > MAX_TEXT_BYTES
    reject(too_long, "text longer than 1 MB")

    table["posted_at"], bad_date = _dates(frame)
    reject(bad_date, f"unparsable posted_at (or outside {DATE_RANGE[0][:4]}-{DATE_RANGE[1][:4]})")
    table["age"], bad_age = _ages(frame)
    reject(bad_age, f"age is not a number between {MIN_AGE} and {MAX_AGE}")
    table["price"] = _prices(frame)

    for column in LIST_COLUMNS:
        table[column] = _list_column(frame, column)
    references = sort_references(table["images"], root)
    table["images"], table["image_urls"] = references.local, references.urls

    empty = ~(table["text"].str.strip().ne("") | table["title"].str.strip().ne("")
              | table["phones"].str.len().gt(0) | table["images"].str.len().gt(0)
              | table["image_urls"].str.len().gt(0)).to_numpy()
    reject(empty, "no text, title, phone or usable image")

    valid_so_far = reasons == ""
    dup = np.zeros(n, dtype=bool)
    dup[valid_so_far] = ad_id[valid_so_far].duplicated(keep="first").to_numpy()
    if dup.any():
        first_row = pd.Series(positions[valid_so_far], index=ad_id[valid_so_far].to_numpy())
        first_row = first_row[~first_row.index.duplicated(keep="first")]
        first_seen = first_row.reindex(ad_id[dup].to_numpy()).to_numpy()
        messages = np.full(n, "", dtype=object)
        messages[dup] = [f"duplicate ad_id (first seen at row {int(r)})" for r in first_seen]
        reject(dup, messages)

    for column in extras:
        table[column] = frame[column].to_numpy()

    keep = reasons == ""
    rejected_ids = ad_id.to_numpy()[~keep]
    rejects = pd.DataFrame({
        "row": np.concatenate([positions[~keep], np.asarray([p for p, _ in raw.unparsed], dtype=np.int64)]),
        "ad_id": np.concatenate([rejected_ids.astype(object), np.full(len(raw.unparsed), "", dtype=object)]),
        "reason": np.concatenate([reasons[~keep], np.asarray([r for _, r in raw.unparsed], dtype=object)]),
    }).sort_values("row", kind="stable").reset_index(drop=True)
    table["source_row"] = positions
    order = ["ad_id", "source_row", "site", "posted_at", "title", "text", "phones", "emails", "images",
             "image_urls", "city", "region", "country", "age", "gender", "nationality", "price", "url"]
    table = table.loc[keep, order + extras].reset_index(drop=True)
    flags = _flags(ad_id.to_numpy(dtype=object), keep, references, repairs, mapping)
    return Ads(table=table, rejects=rejects, image_root=root, flags=flags)


def _flags(ad_id: np.ndarray, keep: np.ndarray, references, repairs: pd.DataFrame,
           mapping: dict[Any, str]) -> pd.DataFrame:
    """Flags of the kept ads, photos first then repaired texts, in input row order."""
    replaced = repairs["replaced"].to_numpy()
    frame = pd.DataFrame({
        "row": np.concatenate([references.flag_rows, repairs["row"].to_numpy(dtype=np.int64)]),
        "ad_id": np.concatenate([ad_id[references.flag_rows], ad_id[repairs["row"].to_numpy(dtype=np.int64)]]),
        "column": np.concatenate([np.full(references.flag_rows.size, "images", dtype=object),
                                  repairs["column"].map(lambda c: mapping.get(c, c)).to_numpy(dtype=object)]),
        "value": np.concatenate([references.flag_values, np.full(len(repairs), "", dtype=object)]),
        "reason": np.concatenate([references.flag_reasons, np.char.add(
            replaced.astype(str), " character(s) that cannot be encoded replaced by U+FFFD").astype(object)]),
    })
    frame = frame[keep[frame["row"].to_numpy()]].sort_values("row", kind="stable")
    return frame.drop(columns="row").reset_index(drop=True)


def _text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series([""] * len(frame), dtype=object)
    values = frame[column].astype(object).where(frame[column].notna(), "")
    return values.map(lambda v: v if isinstance(v, str) else _scalar_text(v)).astype(object)


def _scalar_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, np.ndarray)):
        return " ".join(_scalar_text(v) for v in value)
    return str(value)


def _dates(frame: pd.DataFrame) -> tuple[pd.Series, np.ndarray]:
    """Posting times as naive UTC datetime64[ns], and which rows hold a date that cannot be
    read or lies outside `DATE_RANGE` (no online ad was posted in year -1 or 3018)."""
    n = len(frame)
    if "posted_at" not in frame:
        return pd.Series(pd.NaT, index=pd.RangeIndex(n), dtype="datetime64[ns]"), np.zeros(n, bool)
    raw = frame["posted_at"].reset_index(drop=True)
    if pd.api.types.is_datetime64_any_dtype(raw):
        parsed = pd.to_datetime(raw)
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
        given = parsed.notna().to_numpy()
    else:
        text = _text_column(frame, "posted_at").str.strip().reset_index(drop=True)
        parsed = pd.to_datetime(text.where(text != ""), errors="coerce", format="ISO8601", utc=True)
        missing = parsed.isna() & text.ne("")
        if missing.any():  # day-first French forms such as 21/09/2018 or 21/09/2018 14:05
            parsed[missing] = pd.to_datetime(text[missing], errors="coerce", dayfirst=True, utc=True, format="mixed")
        parsed = parsed.dt.tz_localize(None)
        given = text.ne("").to_numpy()
    first, last = (pd.Timestamp(day) for day in DATE_RANGE)
    usable = (parsed.notna() & (parsed >= first) & (parsed < last)).to_numpy()
    dates = pd.Series(pd.NaT, index=pd.RangeIndex(n), dtype="datetime64[ns]")
    dates[usable] = parsed[usable].astype("datetime64[ns]").to_numpy()
    return dates, given & ~usable


def _ages(frame: pd.DataFrame) -> tuple[pd.Series, np.ndarray]:
    if "age" not in frame:
        return pd.Series(pd.NA, index=pd.RangeIndex(len(frame)), dtype="Float64"), np.zeros(len(frame), bool)
    text = _text_column(frame, "age").str.strip().str.replace(r"\s*(ans|an|yo|years?)\.?$", "", regex=True)
    numbers = pd.to_numeric(text.str.replace(",", ".", regex=False).where(text != ""), errors="coerce")
    bad = ((numbers.isna() & text.ne("")) | (numbers < MIN_AGE) | (numbers > MAX_AGE)).to_numpy()
    return numbers.astype("Float64").reset_index(drop=True), bad


def _prices(frame: pd.DataFrame) -> pd.Series:
    """Prices are parsed leniently ("150€", "100 roses" -> 150, 100); unparsable -> missing."""
    text = _text_column(frame, "price")
    first = text.str.extract(f"({_NUMBER.pattern})", expand=False).str.replace(",", ".", regex=False)
    return pd.to_numeric(first, errors="coerce").astype("Float64").reset_index(drop=True)


def _list_column(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series([[] for _ in range(len(frame))], dtype=object)
    return frame[column].map(_as_list).reset_index(drop=True)


def _as_list(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, (list, tuple, np.ndarray)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [part for part in _LIST_SPLIT.split(str(value).strip()) if part]

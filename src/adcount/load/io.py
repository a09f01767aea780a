"""Reading raw ad tables (CSV, JSONL, Parquet, DataFrame, Arrow) and writing result files.

Reading is deliberately forgiving about *form* (BOMs, legacy Windows encodings, stray JSON lines)
and strict about *loss*: a JSON line that cannot be parsed becomes a reject with its line number,
and a file whose encoding cannot be established is refused with a message saying so.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from adcount.load.csv_records import gather_records, scan_records

SUPPORTED_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
READ_BLOCK_BYTES = 1 << 22  # pyarrow parses CSV in blocks of this size, on several threads


class InputError(ValueError):
    """The input cannot be read as a table of ads; the message says why."""


@dataclass
class RawTable:
    """A table as read, before validation: every row is either in `frame` or in `unparsed`."""

    frame: pd.DataFrame
    row_numbers: list[int]  # input position (0-based) of each frame row
    unparsed: list[tuple[int, str]] = field(default_factory=list)  # (input position, reason)
    encoding: str | None = None


def read_table(source: Any, encoding: str | None = None) -> RawTable:
    """Read `source` (path, DataFrame or pyarrow Table) into a RawTable of raw values."""
    if isinstance(source, pd.DataFrame):
        return RawTable(source.reset_index(drop=True), list(range(len(source))))
    if isinstance(source, pa.Table):
        frame = source.to_pandas()
        return RawTable(frame, list(range(len(frame))))
    if not isinstance(source, (str, Path)):
        raise InputError(
            f"cannot read ads from a {type(source).__name__}: give a path (.csv, .jsonl, .parquet), "
            "a pandas DataFrame or a pyarrow Table"
        )
    path = Path(source)
    if not path.is_file():
        raise InputError(f"input file not found: {path}")
    if path.stat().st_size == 0:
        raise InputError(f"{path.name} is empty (0 bytes): there are no ads to read")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except (pa.ArrowInvalid, OSError) as err:
            raise InputError(f"{path.name} is not a readable Parquet file: {err}") from None
        return RawTable(frame, list(range(len(frame))))
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"unsupported file type {suffix!r} for {path.name}; use one of {SUPPORTED_SUFFIXES}")
    text, used = decode_bytes(path.read_bytes(), encoding, name=path.name)
    if suffix in (".jsonl", ".ndjson"):
        return _parse_jsonl(text, used)
    if suffix == ".json":
        return _parse_json_array(text, used, path.name)
    return _parse_csv(text, _csv_separator(text, suffix), used, path.name)


def _parse_csv(text: str, sep: str, encoding: str, name: str) -> RawTable:
    """CSV through a record scan (`csv_records`), then pyarrow's multithreaded parser on the
    well-formed records. A row with an unterminated or misplaced quote, or more fields than the
    header, becomes an `unparsed` entry with its reason; a shorter row is padded with empty fields;
    every other row is parsed, whatever its size."""
    data = text.encode("utf-8")
    records = scan_records(data, sep)
    if len(records) == 0:
        raise InputError(f"{name} holds no rows, not even a header")
    if records.problem[0]:
        raise InputError(f"{name}: the header row cannot be read ({records.problem[0]})")
    header = next(csv.reader([data[records.starts[0]:records.ends[0]].decode("utf-8")], delimiter=sep))
    width = len(header)
    problem, fields = records.problem[1:], records.fields[1:]
    ragged = (problem == "") & (fields > width)
    reasons = problem.copy()
    reasons[ragged] = [f"row has {count} fields, the header has {width}" for count in fields[ragged]]
    good = reasons == ""
    unparsed = [(int(i), str(reasons[i])) for i in np.flatnonzero(~good)]
    clean = bool(good.all()) and not (fields < width).any()
    body = data if clean else gather_records(data, records, np.r_[True, good], width, sep)
    longest = int((records.ends - records.starts).max())
    table = pa_csv.read_csv(
        io.BytesIO(body),
        read_options=pa_csv.ReadOptions(block_size=max(READ_BLOCK_BYTES, 2 * longest + 64)),
        parse_options=pa_csv.ParseOptions(delimiter=sep, newlines_in_values=True, ignore_empty_lines=True),
        convert_options=pa_csv.ConvertOptions(column_types={column: pa.string() for column in header},
                                              null_values=[""], strings_can_be_null=True,
                                              quoted_strings_can_be_null=True),
    )
    rows = np.flatnonzero(good)
    if table.num_rows != rows.size:  # the scan and the parser disagree: refuse rather than lose rows
        raise InputError(f"{name}: {table.num_rows} rows parsed where {rows.size} were found; "
                         "re-save it as standard CSV (RFC 4180 quoting)")
    return RawTable(table.to_pandas(), rows.tolist(), unparsed, encoding)


def _csv_separator(text: str, suffix: str) -> str:
    """Tab for .tsv; otherwise ';' when the header uses it more than ',' (French spreadsheet exports)."""
    if suffix == ".tsv":
        return "\t"
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def decode_bytes(data: bytes, encoding: str | None, name: str = "input") -> tuple[str, str]:
    """Decode file bytes; returns (text, encoding used).

    UTF-8 (with or without BOM) and UTF-16 with BOM are recognised. Otherwise the bytes are read as
    Windows-1252, the usual legacy encoding of French files, when that decoding is clean; bytes that
    are undefined in Windows-1252 mean the encoding is unknown and the file is refused, naming the
    `encoding=` option.
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as err:
            raise InputError(f"{name} cannot be decoded as {encoding!r}: {err}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{name} is neither UTF-8 nor Windows-1252/Latin-1 text; re-save it as UTF-8 or pass "
            "encoding='...' (CLI: --encoding)"
        ) from None
    return text, "cp1252"


def _parse_jsonl(text: str, encoding: str) -> RawTable:
    records: list[dict[str, Any]] = []
    rows: list[int] = []
    unparsed: list[tuple[int, str]] = []
    position = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            unparsed.append((position, f"invalid JSON on line {line_number}: {err.msg}"))
        else:
            if isinstance(record, dict):
                records.append(record)
                rows.append(position)
            else:
                unparsed.append((position, f"line {line_number} is not a JSON object"))
        position += 1
    return RawTable(pd.DataFrame(records, dtype=object), rows, unparsed, encoding)


def _parse_json_array(text: str, encoding: str, name: str) -> RawTable:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{name} is not valid JSON: {err}") from None
    if not isinstance(data, list):
        raise InputError(f"{name} must hold a JSON array of ad objects (or use .jsonl)")
    rows = [i for i, rec in enumerate(data) if isinstance(rec, dict)]
    unparsed = [(i, "array element is not a JSON object") for i, rec in enumerate(data) if not isinstance(rec, dict)]
    return RawTable(pd.DataFrame([data[i] for i in rows], dtype=object), rows, unparsed, encoding)


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write a result table; the format follows the suffix (.csv or .parquet)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False, lineterminator="\n")

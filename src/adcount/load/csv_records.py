"""Record boundaries of a CSV file, found before parsing, so that no malformed row can hide others.

A CSV parser that meets a stray quote (`a2,"unterminated`) reads everything up to the next quote, or
to the end of the file, as one field: the rows in between vanish into a text and are counted
nowhere. A row with more fields than the header stops most parsers altogether. This module scans
the bytes once with the quoting rules of the parser that reads the file afterwards (pyarrow's: a
quote opens a field only at the field's start, `""` inside quotes is a quote, text after a closing
quote is kept) and lists every record with its byte span and field count. The loader then

- rejects, with its reason, a record whose quote never closes (it would run to the end of the
  file) or closes only on a later line and is followed by more text (it swallowed the line
  break of the row after it): the record ends with the line of its opening quote, and the scan
  resumes on the next line, so the rows after it are read as rows;
- rejects a record with more fields than the header, and pads a shorter one with empty fields;
- hands the parser only well-formed records.

The scan is one numba pass over the bytes (GIL released), resumed after each malformed record.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

QUOTE = ord('"')
_CR, _LF = 13, 10
CLEAN, OPEN_AT_END, SWALLOWED_LINE = 0, 1, 2  # how a scan ended
UNTERMINATED = "unterminated quote: a quoted field opens in this row and does not close before the next row"


@dataclass(frozen=True)
class Records:
    """Every record of a CSV text in file order: byte span, field count, and what is wrong with it."""

    starts: np.ndarray  # int64 offset of each record's first byte
    ends: np.ndarray  # int64 offset after its last byte (line break excluded)
    fields: np.ndarray  # int64 number of fields (0 for a malformed record)
    problem: np.ndarray  # object: "" or the reason the record cannot be read

    def __len__(self) -> int:
        return int(self.starts.size)


@njit(cache=True, nogil=True)
def _scan(data, begin, sep, capacity):
    """Records from `begin` until the end or the first malformed one.

    Returns (starts, ends, fields, count, status, bad_start, bad_quote): the first `count` entries
    of the arrays are complete records; status says how the scan ended; for a malformed record,
    bad_start is its first byte and bad_quote the offset of the quote that opened the bad field.
    """
    starts = np.empty(capacity, np.int64)
    ends = np.empty(capacity, np.int64)
    fields = np.empty(capacity, np.int64)
    count = 0
    n = data.size
    state = 0  # 0 field start, 1 unquoted field, 2 inside quotes, 3 quote seen inside quotes
    start = begin
    nfields = 1
    opened = -1  # offset of the quote that opened the current quoted field
    spans_lines = False  # the current quoted field holds a line break
    i = begin
    while i < n:
        c = data[i]
        if state == 2:
            if c == QUOTE:
                state = 3
            elif c == _LF or c == _CR:
                spans_lines = True
            i += 1
            continue
        if state == 3:
            if c == QUOTE:
                state = 2
                i += 1
                continue
            if c != sep and c != _LF and c != _CR:
                if spans_lines:
                    return starts, ends, fields, count, SWALLOWED_LINE, start, opened
                state = 1
                i += 1
                continue
            state = 1
        if c == sep:
            nfields += 1
            state = 0
        elif c == _LF or c == _CR:
            if i > start:
                starts[count] = start
                ends[count] = i
                fields[count] = nfields
                count += 1
            if c == _CR and i + 1 < n and data[i + 1] == _LF:
                i += 1
            start = i + 1
            nfields = 1
            state = 0
        elif state == 0 and c == QUOTE:
            state = 2
            opened = i
            spans_lines = False
        else:
            state = 1
        i += 1
    if state == 2:
        return starts, ends, fields, count, OPEN_AT_END, start, opened
    if start < n:
        starts[count] = start
        ends[count] = n
        fields[count] = nfields
        count += 1
    return starts, ends, fields, count, CLEAN, start, opened


def _line_end(data: np.ndarray, offset: int) -> int:
    """Offset just past the line break that ends the line holding `offset` (or the data's end)."""
    breaks = np.flatnonzero((data[offset:] == _LF) | (data[offset:] == _CR))
    if breaks.size == 0:
        return int(data.size)
    end = offset + int(breaks[0]) + 1
    if data[end - 1] == _CR and end < data.size and data[end] == _LF:
        end += 1
    return end


def scan_records(data: bytes, sep: str) -> Records:
    """All records of `data` (header included), malformed ones marked with their reason."""
    buffer = np.frombuffer(data, dtype=np.uint8)
    separator = ord(sep)
    pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    begin = 0
    while True:
        rest = buffer[begin:]
        capacity = int(np.count_nonzero(rest == _LF)) + int(np.count_nonzero(rest == _CR)) + 1
        starts, ends, fields, count, status, bad_start, bad_quote = _scan(buffer, begin, separator, capacity)
        pieces.append((starts[:count], ends[:count], fields[:count], np.full(count, "", dtype=object)))
        if status == CLEAN:
            break
        resume = _line_end(buffer, bad_quote)
        end = resume
        while end > bad_start and buffer[end - 1] in (_LF, _CR):
            end -= 1
        pieces.append((np.array([bad_start]), np.array([end]), np.array([0]), np.array([UNTERMINATED], dtype=object)))
        begin = resume
    return Records(*(np.concatenate([piece[k] for piece in pieces]) for k in range(4)))


@njit(cache=True, nogil=True)
def _gather(data, starts, ends, pads, sep):
    """The given records, each followed by `pads` separators and a line feed, as one byte array."""
    size = 0
    for k in range(starts.size):
        size += ends[k] - starts[k] + pads[k] + 1
    out = np.empty(size, np.uint8)
    at = 0
    for k in range(starts.size):
        length = ends[k] - starts[k]
        out[at:at + length] = data[starts[k]:ends[k]]
        at += length
        for _ in range(pads[k]):
            out[at] = sep
            at += 1
        out[at] = _LF
        at += 1
    return out


def gather_records(data: bytes, records: Records, keep: np.ndarray, width: int, sep: str) -> bytes:
    """The kept records as a clean CSV text: one per line, short ones padded to `width` fields."""
    buffer = np.frombuffer(data, dtype=np.uint8)
    pads = np.maximum(width - records.fields[keep], 0).astype(np.int64)
    return _gather(buffer, records.starts[keep], records.ends[keep], pads, ord(sep)).tobytes()

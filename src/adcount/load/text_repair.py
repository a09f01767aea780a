"""Text that cannot be written as UTF-8, made writable: lone surrogates replaced, and counted.

JSON allows escapes such as `\\ud800` that decode to half of a UTF-16 pair, and a DataFrame built
by other code may hold such strings: they cannot be encoded, so they would crash any later step
that writes or hashes the text. Pairs of surrogates written as two code points are joined into
the character they stand for; a lone surrogate becomes U+FFFD (the replacement character). The
loader flags each repaired cell with the number of characters replaced. Columns are first tested
whole by pyarrow (a C pass); the per-value repair runs only on a column that fails that test.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

REPLACEMENT = "\ufffd"


def repair_text(value: str) -> tuple[str, int]:
    """`value` with surrogate pairs joined and lone surrogates replaced; and how many were replaced."""
    try:
        value.encode("utf-8")
        return value, 0
    except UnicodeEncodeError:
        fixed = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return fixed, fixed.count(REPLACEMENT) - value.count(REPLACEMENT)


def _repair_value(value: Any) -> tuple[Any, int]:
    if isinstance(value, str):
        return repair_text(value)
    if isinstance(value, (list, tuple)):
        repaired = [_repair_value(item) for item in value]
        return type(value)(item for item, _ in repaired), sum(count for _, count in repaired)
    return value, 0


def _encodable(values: pd.Series) -> bool:
    """True when the values (strings, lists of strings, numbers or missing, not mixed) all encode:
    one pyarrow conversion, which refuses surrogates. Mixed columns answer False (checked by value)."""
    try:
        pa.array(values.to_numpy(dtype=object), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeEncodeError, TypeError):
        return False
    return True


def repair_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The frame with every unencodable text cell repaired (column names too), and one row per
    repaired cell: position (row), column, replaced (count)."""
    names = {column: repair_text(column)[0] for column in frame.columns if isinstance(column, str)}
    frame = frame.rename(columns={k: v for k, v in names.items() if k != v})
    found: list[pd.DataFrame] = []
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object or _encodable(values):
            continue
        repaired = [_repair_value(value) for value in values.to_numpy(dtype=object)]
        counts = np.fromiter((count for _, count in repaired), dtype=np.int64, count=len(repaired))
        frame[column] = pd.Series([value for value, _ in repaired], index=frame.index, dtype=object)
        hit = np.flatnonzero(counts)  # joined pairs are repaired silently: nothing was lost
        found.append(pd.DataFrame({"row": hit, "column": str(column), "replaced": counts[hit]}))
    repairs = pd.concat(found, ignore_index=True) if found else \
        pd.DataFrame({"row": np.empty(0, np.int64), "column": np.empty(0, object), "replaced": np.empty(0, np.int64)})
    return frame, repairs

"""Blocks of texts as code-point arrays, and a thread pipeline over them.

The compiled text kernels (normaliser, shingling, MinHash) work on blocks: a few thousand
texts joined into one ``uint32`` array of code points. Building a block is Python work
(joining, NFKC, encoding) done in the calling thread; the kernels release the GIL, so
:func:`run_blocks` hands each block to a thread pool while the next one is being built.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np

BLOCK_SIZE = 4096  # texts per compiled call; bounds the scratch memory
Result = TypeVar("Result")


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def checked_texts(texts: Iterable[object]) -> list[str]:
    """Texts as a list of str: missing values (None, NaN) become "", anything else is an error."""
    items = list(texts)
    if all(type(item) is str for item in items):
        return items
    for position, item in enumerate(items):
        if not (isinstance(item, str) or _is_missing(item)):
            raise TypeError(f"text at position {position} is a {type(item).__name__}, expected str or missing")
    return [item if isinstance(item, str) else "" for item in items]


def distinct_texts(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """Distinct texts in first-seen order, and the index of each input among them.

    Re-posted ads are often byte-identical; kernels then run once per distinct text.
    """
    index: dict[str, int] = {}
    rows = np.fromiter((index.setdefault(text, len(index)) for text in texts), dtype=np.int64, count=len(texts))
    return list(index), rows


def encode_block(texts: Sequence[str], nfkc: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """A block of texts as one code-point array, each text followed by a 0 code point.

    Returns ``(cps, offsets)``: text ``d`` is ``cps[offsets[d] : offsets[d + 1] - 1]``. NUL
    characters inside a text become spaces. With ``nfkc`` the block is NFKC-normalised (in one
    call, which is much faster than one call per text).
    """
    if not texts:
        return np.zeros(0, dtype=np.uint32), np.zeros(1, dtype=np.int64)
    joined = "\x00".join(texts) + "\x00"
    if joined.count("\x00") != len(texts):  # a text holds NUL characters itself
        joined = "".join(text.replace("\x00", " ") + "\x00" for text in texts)
    if nfkc:
        joined = unicodedata.normalize("NFKC", joined)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    offsets = np.concatenate([[0], np.flatnonzero(cps == 0) + 1])
    return cps, offsets


def run_blocks(
    texts: Sequence[str],
    work: Callable[[int, np.ndarray, np.ndarray], Result],
    *,
    nfkc: bool = True,
    block_size: int = BLOCK_SIZE,
    n_threads: int | None = None,
) -> list[Result]:
    """``work(first_row, cps, offsets)`` on every block of ``texts``, results in block order.

    Blocks are encoded (see :func:`encode_block`) in the calling thread and processed on
    ``n_threads`` workers (default: all cores); at most ``n_threads + 1`` blocks are in
    flight, so memory stays bounded whatever the number of texts.
    """
    workers = n_threads or os.cpu_count() or 1
    results: list[Result] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        for first in range(0, len(texts), block_size):
            block = encode_block(texts[first : first + block_size], nfkc=nfkc)
            pending.append(pool.submit(work, first, *block))
            while len(pending) > workers:
                results.append(pending.popleft().result())
        results.extend(future.result() for future in pending)
    return results

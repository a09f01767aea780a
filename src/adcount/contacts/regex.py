"""Regex building blocks that keep contact extraction fast on long ad texts.

Python's regex engine skips quickly over positions that cannot start a match only when the
pattern begins with a plain character class; a pattern that begins with ``\\b``, a lookbehind or an
alternation of words is tried at every position of the text. The helpers here write word lists
and patterns so that they begin with such a class.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_start_alternation(words: Iterable[str]) -> str:
    """Pattern matching any of ``words`` (literals) at the start of a word, case-insensitively.

    Written as ``[first letters]`` + "not inside a word" + the rest of the words grouped by their
    first letter, so that the engine only stops on the first letters of the words. Compile the
    result with ``re.IGNORECASE``.
    """
    by_head: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        by_head.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    heads = "".join(sorted({c for h in by_head for c in (h, h.upper())}))
    branches = "|".join(
        f"(?<=[{re.escape(h + h.upper())}])(?:{'|'.join(rests)})" for h, rests in sorted(by_head.items())
    )
    return f"[{re.escape(heads)}](?<!\\w\\w)(?:{branches})(?!\\w)"

"""Whole-array assembly of ad texts from sentence pools.

Every sentence group of ``phrases`` is expanded once into its paraphrases x edit forms (clean,
typo, look-alike letters, shouted), so that a re-post's edits are only integer choices: which
paraphrase, which form, which order. Texts are then gathered with ``pyarrow`` ``take`` and joined
with ``binary_join_element_wise``: one million ads are assembled in C++ loops, never one ad at a
time in Python. Slotted templates (openings, titles, contact lines) are parsed once into literal
and slot parts and filled the same way.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .lexicon import HOMOGLYPHS
from .phrasebooks import all_entries

EDIT_FORMS = ("clean", "typo", "lookalike", "shout")
_SLOT = re.compile(r"\{(\w+)\}")


def _typo(sentence: str, rng: np.random.Generator) -> str:
    """One keyboard slip in a word of four letters or more (swap, drop, double, lost accents)."""
    words = sentence.split(" ")
    long_words = [i for i, w in enumerate(words) if sum(ch.isalpha() for ch in w) >= 4]
    if not long_words:
        return sentence + "."
    i = long_words[int(rng.integers(len(long_words)))]
    word = words[i]
    kind = int(rng.integers(4))
    pos = int(rng.integers(1, len(word) - 2)) if len(word) > 3 else 1
    if kind == 0:
        word = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2:]
    elif kind == 1:
        word = word[:pos] + word[pos + 1:]
    elif kind == 2:
        word = word[:pos] + word[pos] + word[pos:]
    else:
        stripped = unicodedata.normalize("NFKD", sentence)
        return "".join(ch for ch in stripped if not unicodedata.combining(ch))
    words[i] = word
    return " ".join(words)


def _lookalike(sentence: str, rng: np.random.Generator) -> str:
    """Some Latin letters swapped for Cyrillic or Greek look-alikes."""
    out = []
    for ch in sentence:
        options = HOMOGLYPHS.get(ch)
        if options and rng.random() < 0.35:
            ch = options[int(rng.integers(len(options)))]
        out.append(ch)
    return "".join(out)


def edit_forms(sentence: str, rng: np.random.Generator) -> tuple[str, str, str, str]:
    """The sentence as written in each of EDIT_FORMS."""
    return sentence, _typo(sentence, rng), _lookalike(sentence, rng), sentence.upper()


class SentencePool:
    """Groups of paraphrases expanded into edit forms; entry (group, paraphrase, form) is one
    string with a leading space. The last entry is the empty string (an absent sentence)."""

    def __init__(self, groups: Sequence[Sequence[str]], seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.n_groups = len(groups)
        self.n_para = max(len(g) for g in groups)
        entries = []
        for group in groups:
            for p in range(self.n_para):
                entries.extend(" " + f for f in edit_forms(group[p % len(group)], rng))
        entries.append("")
        self.strings = pa.array(entries, pa.string())
        self.empty = len(entries) - 1

    def index(self, group: np.ndarray, para: np.ndarray, form: np.ndarray) -> np.ndarray:
        """Entry indices; ``group < 0`` selects the empty entry."""
        flat = (group * self.n_para + para) * len(EDIT_FORMS) + form
        return np.where(group < 0, self.empty, flat)

    def take(self, group: np.ndarray, para: np.ndarray, form: np.ndarray) -> pa.Array:
        return self.strings.take(pa.array(self.index(group, para, form).ravel()))


class TemplateSet:
    """Templates with ``{slot}`` fields, parsed once and filled for many rows at a time."""

    def __init__(self, templates: Sequence[str]) -> None:
        parsed = [_SLOT.split(t) for t in templates]  # literal, slot, literal, slot, ..., literal
        self.n_slots = max(len(p) // 2 for p in parsed)
        self.slot_names = sorted({name for p in parsed for name in p[1::2]})
        code = {name: i for i, name in enumerate(self.slot_names)}
        empty = len(self.slot_names)
        width = self.n_slots
        self.literals = [pa.array([(p[2 * k] if 2 * k < len(p) else "") for p in parsed])
                         for k in range(width + 1)]
        self.slot_codes = np.array(
            [[code[p[2 * k + 1]] if 2 * k + 1 < len(p) else empty for k in range(width)]
             for p in parsed], dtype=np.int64).reshape(len(parsed), width)

    def uses(self, slot: str) -> np.ndarray:
        """Per template: whether it has the slot ``slot``."""
        if slot not in self.slot_names:
            return np.zeros(len(self.slot_codes), dtype=bool)
        return (self.slot_codes == self.slot_names.index(slot)).any(axis=1)

    def fill(self, which: np.ndarray, slots: Mapping[str, pa.Array]) -> pa.Array:
        """Row i = template ``which[i]`` with its slots taken from ``slots[name][i]``."""
        n = len(which)
        missing = [s for s in self.slot_names if s not in slots]
        if missing:
            raise KeyError(f"template slots without values: {missing}")
        stacked = pa.concat_arrays([slots[s].cast(pa.string()) for s in self.slot_names]
                                   + [pa.array([""], pa.string())])
        rows = np.arange(n)
        parts = [self.literals[0].take(pa.array(which))]
        for k in range(self.n_slots):
            codes = self.slot_codes[which, k]
            index = np.where(codes == len(self.slot_names), len(stacked) - 1, codes * n + rows)
            parts.append(stacked.take(pa.array(index)))
            parts.append(self.literals[k + 1].take(pa.array(which)))
        return pc.binary_join_element_wise(*parts, "")


def join_columns(columns: Sequence[pa.Array]) -> pa.Array:
    """Concatenate string columns row by row (every piece but the first starts with its space)."""
    return pc.binary_join_element_wise(*columns, "")


def spaced(column: pa.Array) -> pa.Array:
    """Prefix non-empty strings with a space (so absent pieces leave no double space)."""
    prefixed = pc.binary_join_element_wise(" ", column, "")
    return pc.if_else(pc.equal(column, ""), column, prefixed)


@functools.lru_cache(maxsize=4)
def pools(seed: int = 2018) -> tuple[SentencePool, SentencePool]:
    """The body and closing pools of every language (constants of the generator, built once
    per process; French first, so its entries are those of the French-only generator)."""
    return (SentencePool([p for _, p in all_entries("body")], seed),
            SentencePool(all_entries("closings"), seed + 1))

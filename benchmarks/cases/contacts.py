"""Scoring contact extractors against a labelled corpus (JSONL, one case per line).

Each line holds ``{"id", "text", "phones", "emails", "handles", "hard", "tags"}``. Used by the
tests and by ``benchmarks/bench_contacts.py`` so that both compute the same figures, and usable
by anyone who labels a sample of their own ads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("phones", "emails", "handles")


@dataclass(frozen=True)
class Score:
    """Micro-averaged counts over all cases: every true contact and every returned one counts."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def load_labelled(path: str | Path) -> list[dict]:
    """The cases of a labelled JSONL file; a line missing a field is an error naming the line."""
    cases = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            case = json.loads(line)
            missing = [f for f in ("text", *FIELDS) if f not in case]
            if missing:
                raise ValueError(f"{path}:{number}: missing field(s) {', '.join(missing)}")
            cases.append(case)
    return cases


def score(predicted: Iterable[Sequence[str]], expected: Iterable[Sequence[str]]) -> Score:
    """Precision/recall counts of per-case predictions against per-case truths (as sets)."""
    tp = fp = fn = 0
    for got, want in zip(predicted, expected, strict=True):
        got_set, want_set = set(got), set(want)
        tp += len(got_set & want_set)
        fp += len(got_set - want_set)
        fn += len(want_set - got_set)
    return Score(tp, fp, fn)


def score_extractor(cases: Sequence[dict], field: str, extractor: Callable[[str], Sequence[str]]) -> Score:
    """Score ``extractor`` on the ``field`` labels ("phones", "emails" or "handles") of ``cases``."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}: expected one of {FIELDS}")
    return score((extractor(c["text"]) for c in cases), (c[field] for c in cases))

"""Precision and recall of claims read from ads against claims labelled by hand.

The labelled format is the one of `tests/data/claims/*.jsonl`, one JSON object per ad:
``{"text": ..., "names": ["Jessica"], "age": 23, "gender": "woman", "origins": ["CO", "latina"],
"spoken": ["en", "es"]}`` (null / [] where the ad claims nothing). An analyst can label a sample
of their own ads in the same format and measure the readers on them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from adcount.claims.result import Claims
from adcount.text.normalize import normalize_texts

KINDS = ("names", "age", "gender", "origin", "spoken")


def score_claims(found: Claims, labelled: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per claim kind: tp, fp, fn, precision, recall over the ads (aligned with `found`).

    Names count per name word (a claimed word not labelled is a false positive, a labelled one not
    claimed a false negative), ages and genders per ad (a wrong value is both), origins and
    spoken languages per label."""
    if len(labelled) != len(found.age):
        raise ValueError(f"{len(labelled)} labelled ads for {len(found.age)} ads read")
    read = found.to_frame()
    names = normalize_texts([" ".join(row.get("names") or []) for row in labelled])
    truth = {
        "names": [set(spelled.split()) for spelled in names],
        "age": [set() if row.get("age") is None else {float(row["age"])} for row in labelled],
        "gender": [set() if row.get("gender") is None else {row["gender"]} for row in labelled],
        "origin": [set(row.get("origins") or []) for row in labelled],
        "spoken": [set(row.get("spoken") or []) for row in labelled],
    }
    claimed = {
        "names": [_labels(joined) for joined in read["names"]],
        "age": [set() if np.isnan(age) else {float(age)} for age in read["age"]],
        "gender": [_labels(joined) for joined in read["gender"]],
        "origin": [_labels(joined) for joined in read["origin"]],
        "spoken": [_labels(joined) for joined in read["spoken"]],
    }
    rows = []
    for kind in KINDS:  # per labelled ad: a few hundred sets
        tp = sum(len(got & want) for got, want in zip(claimed[kind], truth[kind]))
        fp = sum(len(got - want) for got, want in zip(claimed[kind], truth[kind]))
        fn = sum(len(want - got) for got, want in zip(claimed[kind], truth[kind]))
        rows.append({"kind": kind, "tp": tp, "fp": fp, "fn": fn,
                     "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0})
    return pd.DataFrame(rows).set_index("kind")


def _labels(joined: str) -> set[str]:
    return set(joined.split("|")) - {""}

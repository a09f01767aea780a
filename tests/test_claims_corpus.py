"""Precision and recall of every claim kind on hand-written, labelled ads in English and French.

`tests/data/claims/en.jsonl` and `fr.jsonl` (104 and 97 ads) are the ads the lexicons were tuned
on; `*_heldout.jsonl` (50 each) were written after, to measure on ads the readers had not seen.
Each file is read as one ad set (the name test is set-level). Targets (issue 13): precision
>= 0.95 for every kind; recall >= 0.90 for ages and gender, >= 0.85 for origin and names.
"""

import json
from pathlib import Path

import pytest

from adcount.claims import read_claims
from adcount.claims.scoring import score_claims
from adcount.text.normalize import normalize_texts

DATA = Path(__file__).parent / "data" / "claims"
MIN_PRECISION = 0.95
MIN_RECALL = {"names": 0.85, "age": 0.90, "gender": 0.90, "origin": 0.85}
MIN_ADS = {"en": 80, "fr": 80, "en_heldout": 50, "fr_heldout": 50}


def labelled(name):
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module", params=sorted(MIN_ADS))
def scored(request):
    rows = labelled(request.param)
    return request.param, rows, score_claims(read_claims(normalize_texts([row["text"] for row in rows])), rows)


def test_enough_labelled_ads_of_every_kind(scored):
    name, rows, scores = scored
    assert len(rows) >= MIN_ADS[name]
    assert all(scores.loc[kind, "tp"] + scores.loc[kind, "fn"] >= 25 for kind in MIN_RECALL)  # claims to find
    assert sum(row["age"] is None for row in rows) >= 4 and sum(not row["origins"] for row in rows) >= 10  # traps


@pytest.mark.parametrize("kind", sorted(MIN_RECALL))
def test_precision_and_recall(scored, kind):
    name, _, scores = scored
    row = scores.loc[kind]
    assert row.precision >= MIN_PRECISION, (name, kind, row.to_dict())
    assert row.recall >= MIN_RECALL[kind], (name, kind, row.to_dict())


def test_the_language_of_each_file_is_read():
    english, french = labelled("en") + labelled("en_heldout"), labelled("fr") + labelled("fr_heldout")
    mixed = read_claims(normalize_texts([row["text"] for row in english + french]))
    read_as = [mixed.languages[code] for code in mixed.language]
    assert read_as == ["en"] * len(english) + ["fr"] * len(french)


def test_reading_both_languages_in_one_set_keeps_the_figures():
    """An analyst's scrape mixes languages: each ad is read with its own lexicon."""
    rows = labelled("en") + labelled("fr")
    both = score_claims(read_claims(normalize_texts([row["text"] for row in rows])), rows)
    for kind in MIN_RECALL:
        assert both.loc[kind, "precision"] >= MIN_PRECISION and both.loc[kind, "recall"] >= MIN_RECALL[kind], kind

"""The original presets are unchanged by the posting habits: same seed, same ads, same files.

The digests below were taken with the generator as it was before the habits existed (commit
8166014) and again after; they match. The frame digest is computed field by field (independent
of pandas' formatting); the file digests are of the bytes written (ads.csv, truth.csv,
truth.json, contacts.csv, images.csv), so a pandas release that changed CSV formatting would
show here too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from adcount import synth

# (preset, seed, n_ads, written?) -> (frame digest, {file: digest})
BEFORE = {
    ("pas-de-calais-2018", 0, 80, True): ("d1c4f3ab68a08367", {
        "ads.csv": "1b3d6e364eac833f", "contacts.csv": "33ee3b4d5b94d91f",
        "images.csv": "80d9ed4711691ea3", "truth.csv": "5b7c23fab16bc363",
        "truth.json": "e67562f230454842"}),
    ("pas-de-calais-2018", 3, None, False): ("d7927418a6b6c99f", {}),
    ("text-scale", 2, 600, True): ("0040064078dab9bf", {
        "ads.csv": "8773c7d7636b65bf", "contacts.csv": "f4f59c4048fa139c",
        "truth.csv": "809654f9f99d6f9f", "truth.json": "0241456ee9b8ff1e"}),
    ("text-scale", 1, 5000, False): ("0d08c974d2351f82", {}),
}
ORIGINAL_FILES = ("ads.csv", "contacts.csv", "images.csv", "truth.csv", "truth.json")


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def frame_digest(df: pd.DataFrame) -> str:
    """Digest of the canonical and truth columns the original generator returned."""
    rows = []
    for r in df.itertuples(index=False):
        age = "" if pd.isna(r.age) else str(int(r.age))
        price = "" if pd.isna(r.price) else f"{r.price:.2f}"
        rows.append("\x1f".join([
            r.ad_id, r.site, r.posted_at.isoformat(), r.title, r.text, ";".join(r.phones),
            ";".join(r.emails), ";".join(r.images), r.city, r.region, age, _text(r.gender),
            _text(r.nationality), price, r.url, r.true_person_id, r.true_network_id]))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


@pytest.mark.parametrize("case", list(BEFORE), ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_original_presets_are_byte_identical(case: tuple, tmp_path: Path) -> None:
    preset, seed, n_ads, written = case
    df = synth.generate(preset, seed=seed, n_ads=n_ads, out_dir=tmp_path if written else None)
    expected_frame, expected_files = BEFORE[case]
    assert frame_digest(df) == expected_frame
    files = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()[:16]
             for name in ORIGINAL_FILES if (tmp_path / name).exists()}
    assert files == expected_files


def test_original_presets_have_no_habit_keys() -> None:
    truth = synth.generate("pas-de-calais-2018", seed=0).attrs["truth"]
    assert "habit_cases" not in truth
    assert "agency_share" not in truth["parameters"]
    assert not synth.PRESETS["text-scale"].habits_on
    assert synth.PRESETS["north-america-en"].habits_on

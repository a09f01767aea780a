"""Synthetic ad sets on disk: files, columns, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from adcount import synth

CANONICAL = ["ad_id", "site", "posted_at", "title", "text", "phones", "emails", "images", "city",
             "region", "age", "gender", "nationality", "price", "url"]


def written_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name -> bytes)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_text_scale_files_are_deterministic(tmp_path: Path) -> None:
    a = synth.generate("text-scale", seed=3, n_ads=3000, out_dir=tmp_path / "a")
    b = synth.generate("text-scale", seed=3, n_ads=3000, out_dir=tmp_path / "b")
    pd.testing.assert_frame_equal(a, b)
    assert written_files(tmp_path / "a") == written_files(tmp_path / "b")
    c = synth.generate("text-scale", seed=4, n_ads=3000)
    assert not a["text"].equals(c["text"])


def test_written_files_hold_ads_and_truth_apart(tmp_path: Path) -> None:
    df = synth.generate("text-scale", seed=0, n_ads=2000, out_dir=tmp_path)
    ads = pd.read_csv(tmp_path / "ads.csv", keep_default_na=False)
    assert list(ads.columns) == CANONICAL
    assert ads["ad_id"].tolist() == df["ad_id"].tolist()
    assert ads["text"].tolist() == df["text"].tolist()
    phones = [x.split("|") if x else [] for x in ads["phones"]]
    assert phones == df["phones"].tolist()
    truth = pd.read_csv(tmp_path / "truth.csv")
    assert list(truth.columns) == ["ad_id", "true_person_id", "true_network_id"]
    assert truth["true_person_id"].tolist() == df["true_person_id"].tolist()
    summary = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert summary == json.loads(json.dumps(df.attrs["truth"]))
    assert summary["n_persons_total"] > summary["n_persons_observed"]


def test_contact_answer_key_matches_the_ads(tmp_path: Path) -> None:
    import phonenumbers

    df = synth.generate("text-scale", seed=5, n_ads=3000, out_dir=tmp_path)
    key = pd.read_csv(tmp_path / "contacts.csv", keep_default_na=False)
    assert key["ad_id"].tolist() == df["ad_id"].tolist()
    for fields, text, row in zip(df["phones"], df["text"], key.itertuples()):
        if row.phone_in_field:
            assert [phonenumbers.format_number(phonenumbers.parse(f, "FR"), 0) for f in fields] \
                == [row.phone]
        found = {phonenumbers.format_number(m.number, 0)
                 for m in phonenumbers.PhoneNumberMatcher(text, "FR")}
        if row.phone_text_style in ("spaced", "compact", "dots", "+33", "e164",
                                    "international-spaced"):
            assert row.phone in found
        if row.phone_text_style == "keycap":
            assert "\u20e3" in text
        if row.phone_text_style == "words":
            assert "zéro" in text
        if row.email_in_text and row.email_text_style == "plain":
            assert row.email in text
        assert found <= {row.phone}  # no other number in the text
    styles = set(key["phone_text_style"])
    assert {"words", "keycap", "lookalike", "split-lines", "mixed-words", "+33 (0)"} <= styles

"""Edge cases of `deduplicate` and `adcount run`: no valid ad, every row rejected, one ad, and one
phone shared by hundreds of ads (the interval must stay within the possible counts)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
from typer.testing import CliRunner

import pytest

import adcount
from adcount.cli import app
from adcount.pipeline import NothingToCountWarning

KEY = b"edge-case-key-16"


def test_header_only_file_gives_empty_outputs(tmp_path):
    source = tmp_path / "ads.csv"
    source.write_text("ad_id,text,phones\n", encoding="utf-8")
    with pytest.warns(NothingToCountWarning, match="the input holds no ad rows"):
        result = adcount.deduplicate(source, key=KEY)
    assert len(result.assignments) == 0 and len(result.links) == 0
    estimate = result.estimate()
    assert (estimate.point, estimate.low, estimate.high) == (0.0, 0.0, 0.0)


def test_every_row_rejected_keeps_every_row_in_rejects(tmp_path):
    source = tmp_path / "ads.csv"
    source.write_text("ad_id,text,age\n,Julie 25 ans à Lille,25\nb,,\nc,Sonia à Arras,7\n", encoding="utf-8")
    out = tmp_path / "out"
    run = CliRunner().invoke(app, ["run", str(source), "--out", str(out)], env={"ADCOUNT_KEY": KEY.decode()})
    assert run.exit_code == 0, run.output
    assert len(pd.read_csv(out / "assignments.csv")) == 0
    rejects = pd.read_csv(out / "rejects.csv", keep_default_na=False)
    assert rejects["row"].tolist() == [0, 1, 2]
    assert rejects["reason"].tolist() == ["empty ad_id", "no text, title, phone or usable image",
                                          "age is not a number between 10 and 100"]
    assert json.loads((out / "estimate.json").read_text())


def test_one_phone_behind_hundreds_of_ads_keeps_the_interval_possible():
    rng = np.random.default_rng(0)
    cities = ["Lille", "Lens", "Arras", "Douai"]
    texts = [f"Annonce {i} : jolie fille {rng.integers(18, 40)} ans à {cities[i % 4]}, appelle le "
             f"06 12 34 56 78, disponible {rng.integers(8, 12)}h-{rng.integers(20, 24)}h, réf {rng.integers(10**6)}"
             for i in range(500)]
    result = adcount.deduplicate(pd.DataFrame({"ad_id": [f"x{i}" for i in range(500)], "text": texts}), key=KEY)
    estimate = result.estimate()
    assert 1 <= estimate.low <= estimate.point <= estimate.high <= 500


def test_persons_table_joins_distinct_values_and_takes_the_most_frequent():
    text = ("Nouvelle à Lille, Julie 25 ans, douce et coquine. Appelle-moi au 06 12 34 56 78, "
            "pas de sms masqués. Disponible de 10h à 22h.")
    ads = pd.DataFrame({"ad_id": ["a", "b", "c"], "text": [text] * 3,
                        "site": ["escort-b", "escort-a", ""], "city": ["Lille", "Lille", "Lens"],
                        "gender": ["trans", "", "femme"], "nationality": ["", "", ""]})
    persons = adcount.deduplicate(ads, key=KEY).persons
    assert len(persons) == 1
    row = persons.iloc[0]
    assert (row["n_ads"], row["n_sites"], row["sites"], row["cities"]) == (3, 2, "escort-a|escort-b", "Lens|Lille")
    assert (row["gender"], row["nationality"]) == ("femme", "")  # a tie goes to the first in sort order
    assert row["phones"].startswith("ph_") and "|" not in row["phones"]  # one pseudonym, never the number

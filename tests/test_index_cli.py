"""The index on the command line, and the queries over time it answers."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from adcount.cli import app
from adcount.index import Index
from adcount.index.history import persons_as_of, week_histories, weekly_counts
from habit_ads import agency, aging_woman_fr, bystanders


def test_add_persons_refit_report(tmp_path, monkeypatch):
    monkeypatch.setenv("ADCOUNT_KEY", "cli-index-key-0123")
    ads = pd.concat([aging_woman_fr(), bystanders(), agency()], ignore_index=True)
    posted = pd.to_datetime(ads["posted_at"])
    early, late = tmp_path / "early.csv", tmp_path / "late.csv"
    ads[posted < "2018-10-01"].to_csv(early, index=False)
    ads[posted >= "2018-10-01"].to_csv(late, index=False)
    folder = tmp_path / "idx"
    runner = CliRunner()
    for path in (early, late):
        done = runner.invoke(app, ["add", str(path), "--index", str(folder)])
        assert done.exit_code == 0, done.output
        assert "persons:" in done.output and "created" in done.output
    again = runner.invoke(app, ["add", str(late), "--index", str(folder)])
    assert f"{int((posted >= '2018-10-01').sum())} already indexed" in again.output

    done = runner.invoke(app, ["persons", "--index", str(folder), "--as-of", "2018-06-30", "--out",
                               str(tmp_path / "p.csv")])
    assert done.exit_code == 0, done.output
    by_june = pd.read_csv(tmp_path / "p.csv")
    # by the end of June only Jessica (Arras, since March) had posted
    assert len(by_june) == 1 and by_june["n_ads"].iloc[0] == int((posted <= "2018-06-30 23:59").sum())

    done = runner.invoke(app, ["refit", "--index", str(folder)])
    assert done.exit_code == 0 and "would change person" in done.output, done.output
    with Index(folder) as index:
        assert index.refit().n_ads == len(ads)

    done = runner.invoke(app, ["report", "--index", str(folder), "--out", str(tmp_path / "r.html")])
    assert done.exit_code == 0, done.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    with Index(folder) as index:
        some_person = index.assignments["person_id"].iloc[0]
    assert "<html" in html.lower() and "645781290" not in html
    assert some_person  # ids are the index's, checked in the view below
    with Index(folder) as index:
        result = index.result()
        assert set(result.persons["person_id"]) == set(index.assignments["person_id"])


def test_missing_index_is_a_clear_error(tmp_path):
    done = CliRunner().invoke(app, ["persons", "--index", str(tmp_path / "none")])
    assert done.exit_code == 2 and "holds no index" in done.output


def _ads_over_time() -> pd.DataFrame:
    # person A: weeks 1-3, B: weeks 2 and 4, C: week 4 only (weeks starting Monday 2024-03-04)
    rows = [("a1", "A", "2024-03-04T10:00:00"), ("a2", "A", "2024-03-13T09:00:00"), ("a3", "A", "2024-03-20T12:00:00"),
            ("b1", "B", "2024-03-12T08:00:00"), ("b2", "B", "2024-03-28T18:00:00"), ("c1", "C", "2024-03-25T07:00:00"),
            ("x1", "X", "")]
    frame = pd.DataFrame(rows, columns=["ad_id", "person_id", "posted_at"])
    return frame.assign(network_id="N", site=["s1", "s2", "s1", "s1", "s1", "s3", "s1"], city="Lille")


def test_weekly_counts_active_new_departed():
    weeks = weekly_counts(_ads_over_time())
    assert weeks["week"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"]
    assert weeks["active"].tolist() == [1, 2, 1, 2]
    assert weeks["new"].tolist() == [1, 1, 0, 1]
    assert weeks["departed"].tolist() == [0, 0, 0, 1]  # A's last week was the 18th


def test_persons_as_of_and_week_histories():
    ads = _ads_over_time()
    by_12th = persons_as_of(ads, "2024-03-12")
    assert by_12th["person_id"].tolist() == ["A", "B"] and by_12th["n_ads"].tolist() == [1, 1]
    everyone = persons_as_of(ads, None)
    assert everyone.set_index("person_id").loc["A", "sites"] == "s1|s2"
    histories = week_histories(ads)
    assert histories.shape == (3, 4) and histories.sum().tolist() == [1, 2, 1, 2]
    assert week_histories(ads, weeks=2).shape == (3, 2)

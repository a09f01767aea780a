"""The persistent index on hand-written ads: additions keep ids, re-adding changes nothing, the
row order of a batch changes nothing, the index agrees with one `deduplicate`, readers see
committed states, and a foreign schema or configuration is refused with a clear message."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

import adcount
from adcount.config import Config
from adcount.index import Index, IndexVersionError
from adcount.index import schema
from habit_ads import agency, aging_woman_fr, bystanders

KEY = "index-test-key-0123"


def _all_ads() -> pd.DataFrame:
    return pd.concat([aging_woman_fr(), bystanders(), agency()], ignore_index=True)


def _weeks(ads: pd.DataFrame) -> list[pd.DataFrame]:
    posted = pd.to_datetime(ads["posted_at"])
    cut = posted.sort_values().iloc[len(ads) // 2]
    return [ads[posted < cut], ads[posted >= cut]]


def _same_partition(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    merged = a.merge(b, on="ad_id")
    return len(merged) == len(a) == len(b) and \
        merged.groupby("person_id_x")["person_id_y"].nunique().max() == 1 and \
        merged.groupby("person_id_y")["person_id_x"].nunique().max() == 1


def test_weekly_additions_keep_the_woman_s_id_and_match_one_run(tmp_path):
    ads = _all_ads()
    first, second = _weeks(ads)
    jessica = set(aging_woman_fr()["ad_id"])
    with Index(tmp_path / "idx", key=KEY) as index:
        run1 = index.add(first)
        her_id = run1.assignments[run1.assignments["ad_id"].isin(jessica)]["person_id"].unique()
        assert len(her_id) == 1
        run2 = index.add(second)
        final = index.assignments
    assert final[final["ad_id"].isin(jessica)]["person_id"].unique().tolist() == her_id.tolist()
    extended = run2.changelog[(run2.changelog["kind"] == "extended") & (run2.changelog["id"] == her_id[0])]
    assert extended["n_ads"].sum() == len(jessica & set(second["ad_id"]))
    # agency: three women, one phone -> three persons, one network
    agency_rows = final[final["ad_id"].isin(agency()["ad_id"])]
    assert agency_rows["person_id"].nunique() == 3 and agency_rows["network_id"].nunique() == 1
    whole = adcount.deduplicate(ads, key=KEY).assignments
    assert _same_partition(final, whole)


def test_re_adding_a_batch_changes_nothing(tmp_path):
    ads = _all_ads()
    with Index(tmp_path, key=KEY) as index:
        index.add(ads)
        before, log_before = index.assignments, index.changelog
        again = index.add(ads.sample(frac=1.0, random_state=1))
        assert again.n_known == len(ads) and again.assignments.empty
        pd.testing.assert_frame_equal(index.assignments, before)
        pd.testing.assert_frame_equal(index.changelog, log_before)


def test_row_order_of_a_batch_changes_nothing(tmp_path):
    first, second = _weeks(_all_ads())
    results = []
    for name, seed in (("a", None), ("b", 7)):
        with Index(tmp_path / name, key=KEY) as index:
            for batch in (first, second):
                index.add(batch if seed is None else batch.sample(frac=1.0, random_state=seed))
            results.append((index.assignments, index.changelog))
    pd.testing.assert_frame_equal(results[0][0], results[1][0])
    pd.testing.assert_frame_equal(results[0][1], results[1][1])


def test_a_reader_sees_the_committed_state(tmp_path):
    first, second = _weeks(_all_ads())
    with Index(tmp_path, key=KEY) as writer, Index(tmp_path) as reader:
        writer.add(first)
        assert len(reader.assignments) == len(first)
        writer.add(second)
        pd.testing.assert_frame_equal(reader.assignments, writer.assignments)


def test_contacts_are_stored_as_pseudonyms(tmp_path):
    with Index(tmp_path, key=KEY) as index:
        index.add(aging_woman_fr())
    stored = sqlite3.connect(tmp_path / schema.DB_FILE).execute("SELECT label FROM contacts").fetchall()
    assert stored and not any("645781290" in label for (label,) in stored)


def test_another_configuration_is_refused(tmp_path):
    with Index(tmp_path, key=KEY) as index:
        index.add(bystanders())
    with pytest.raises(ValueError, match="another configuration"):
        Index(tmp_path, config=Config().replace(text={"threshold": 0.7}))


def test_schema_versions(tmp_path, monkeypatch):
    Index(tmp_path).close()
    database = sqlite3.connect(tmp_path / schema.DB_FILE, isolation_level=None)
    database.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(IndexVersionError, match="newer adcount"):
        Index(tmp_path)
    database.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    with pytest.raises(IndexVersionError, match="no migration from version 0"):
        Index(tmp_path)
    # a registered migration runs, in the opening transaction, and the version follows
    monkeypatch.setitem(schema.MIGRATIONS, 0, lambda conn: conn.execute("CREATE TABLE notes(text TEXT)"))
    Index(tmp_path).close()
    assert database.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "1"
    assert database.execute("SELECT name FROM sqlite_master WHERE name='notes'").fetchone()

"""Crash safety: an `add` killed with SIGKILL at any point (between statements, inside SQLite's
work, inside the COMMIT) leaves the index as it was; the same `add` run again completes it.

Kill points are chosen deterministically through the store's test hook (env ADCOUNT_INDEX_KILL_AT):
named places of `add`, the N-th SQLite progress callback, and a timer started with the COMMIT.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd

from adcount.index import Index
from adcount.index.schema import DB_FILE
from adcount.index.store import KILL_ENV
from habit_ads import agency, aging_woman_fr, bystanders

KEY = "crash-test-key-0123"
ADD = "import sys; from adcount.index import Index; Index(sys.argv[1], key=sys.argv[3]).add(sys.argv[2])"
KILL_POINTS = ([f"point:{name}" for name in ("inserted", "linked", "logged")]
               + [f"step:{n}" for n in (1, 5, 20, 50, 100, 200, 350, 500, 700, 900, 1200, 1600, 2000, 2500, 3000, 3600, 4200)]
               + [f"commit:{us}" for us in (0, 100, 300, 1000)])


def _state(folder: Path) -> tuple:
    database = sqlite3.connect(folder / DB_FILE)
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ads = pd.read_sql("SELECT ad_id, person, network, batch FROM ads ORDER BY ad_id", database)
    batches = database.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
    log = database.execute("SELECT COUNT(*) FROM changelog").fetchone()[0]
    database.close()
    assert ads["person"].notna().all() and ads["network"].notna().all()  # no half-linked ad
    assert batches == ads["batch"].nunique()
    return tuple(ads.itertuples(index=False)), batches, log


def test_killed_additions_leave_the_previous_state_and_complete_on_rerun(tmp_path):
    ads = pd.concat([aging_woman_fr(), bystanders(), agency()], ignore_index=True)
    posted = pd.to_datetime(ads["posted_at"])
    cut = posted.sort_values().iloc[len(ads) // 2]
    first, second = ads[posted < cut], ads[posted >= cut]
    second_file = tmp_path / "second.csv"
    second.to_csv(second_file, index=False)
    reference = tmp_path / "reference"
    with Index(reference, key=KEY) as index:
        index.add(first)
        index.add(second_file)
        expected = _state(reference)

    folder = tmp_path / "index"
    with Index(folder, key=KEY) as index:
        index.add(first)
    before = _state(folder)
    kills = 0
    for point in KILL_POINTS:
        env = {**os.environ, KILL_ENV: point}
        done = subprocess.run([sys.executable, "-c", ADD, str(folder), str(second_file), KEY], env=env,
                              capture_output=True, timeout=600)
        after = _state(folder)
        if done.returncode == -9:
            kills += 1
            assert after in (before, expected), point  # a kill inside the COMMIT may land after it
        else:
            assert done.returncode == 0, done.stderr.decode()[-2000:]
            assert after == expected, point
        if after == expected:  # the add went through: start the next kill from the previous state again
            folder_state_reset(folder, tmp_path, first)
    assert kills >= 20, kills
    done = subprocess.run([sys.executable, "-c", ADD, str(folder), str(second_file), KEY], capture_output=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert _state(folder) == expected


def folder_state_reset(folder: Path, tmp_path: Path, first: pd.DataFrame) -> None:
    """A fresh index holding the first batch only, in `folder` (the key file is kept)."""
    for path in folder.glob(DB_FILE + "*"):
        path.unlink()
    with Index(folder, key=KEY) as index:
        index.add(first)

"""The suite runs from a fresh clone with nothing beside it (see the audit-hook guard in conftest)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import GUARD, REPO, BesideGuard


def test_guard_refuses_what_stands_beside_a_repository(tmp_path):
    (tmp_path / "repo" / "tests").mkdir(parents=True)
    (tmp_path / "shared" / "data").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    guard = BesideGuard(tmp_path / "repo", os.listdir(tmp_path))
    beside = tmp_path / "shared" / "data" / "published.csv"
    assert guard.escaped(beside) == os.path.realpath(beside)
    assert guard.escaped(tmp_path / "shared") == os.path.realpath(tmp_path / "shared")
    assert guard.escaped(tmp_path / "repo" / "tests" / "x.csv") is None
    assert guard.escaped(tmp_path / ".cache" / "numba") is None
    assert guard.escaped(tmp_path / "created-later") is None  # not there when the session started


def test_the_live_guard_stops_an_open_beside_this_checkout():
    if not GUARD.forbidden:  # a fresh clone alone in its folder: nothing beside it to protect
        assert all(name == REPO.name or name.startswith((".", "pytest-of-")) for name in os.listdir(REPO.parent))
        return
    with pytest.raises(PermissionError, match="outside the repository"):
        os.listdir(GUARD.forbidden[0])
    assert GUARD.escaped(REPO / "tests" / "data" / "mse" / "published.csv") is None


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(),
                    reason="needs git and a git checkout to clone")
def test_a_fresh_clone_collects_every_test(tmp_path):
    """Clone the committed tree into an empty folder and collect the whole suite there: a module
    that reads data from outside the repository at import time fails here."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(clone)], check=True,
                   capture_output=True, timeout=120)
    there = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                           cwd=clone, capture_output=True, text=True, timeout=300)
    assert there.returncode == 0, there.stdout[-2000:] + there.stderr[-2000:]
    collected = [line for line in there.stdout.splitlines() if "::" in line]
    assert len(collected) > 100, there.stdout[-2000:]

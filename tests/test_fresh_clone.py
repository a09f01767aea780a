"""The suite runs from a fresh clone with nothing beside it (see the audit-hook guard in conftest)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, outside_repository


def test_guard_refuses_a_file_beside_the_repository():
    beside = REPO.parent / "shared" / "data" / "mse" / "published.csv"
    assert outside_repository(beside) == os.path.realpath(beside)
    with pytest.raises(PermissionError, match="outside the repository"):
        open(beside)  # noqa: SIM115 - the guard must stop the open itself


def test_guard_lets_the_repository_and_temporary_files_through(tmp_path):
    assert outside_repository(REPO / "tests" / "data" / "mse" / "published.csv") is None
    assert outside_repository(tmp_path / "x.csv") is None
    assert outside_repository(Path(sys.prefix) / "lib") is None or str(REPO) in sys.prefix


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(),
                    reason="needs git and a git checkout to clone")
def test_a_fresh_clone_collects_every_test(tmp_path):
    """Clone the committed tree into an empty folder and collect the whole suite there: a module
    that reads data from outside the repository at import time fails here."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(clone)], check=True,
                   capture_output=True, timeout=120)
    here = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    there = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                           cwd=clone, capture_output=True, text=True, timeout=300)
    assert there.returncode == 0, there.stdout[-2000:] + there.stderr[-2000:]
    committed = {line for line in there.stdout.splitlines() if "::" in line}
    assert committed, there.stdout[-2000:]
    collected_here = {line for line in here.stdout.splitlines() if "::" in line}
    assert committed <= collected_here

"""Every CLI error is one line that names the offending key, column or path, exits non-zero, and
shows no traceback, whatever the terminal width."""

from __future__ import annotations

import subprocess
import sys

import pytest

ADS = "ad_id,text\na1,Léa 24 ans à Arras\na2,Nadia à Lens\n"


def _adcount(*args: str, cwd, columns: int = 40) -> subprocess.CompletedProcess:
    """The installed CLI in a subprocess, on a narrow terminal (rich wraps at COLUMNS)."""
    env = {"COLUMNS": str(columns), "PATH": "/usr/bin:/bin", "ADCOUNT_KEY": "cli-test-key-0123456789"}
    return subprocess.run([sys.executable, "-m", "adcount.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def _one_error_line(run: subprocess.CompletedProcess) -> str:
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, run.stderr
    return errors[0]


@pytest.fixture
def ads(tmp_path):
    path = tmp_path / "ads.csv"
    path.write_text(ADS)
    return path


def test_unknown_config_key_is_named(tmp_path, ads):
    config = tmp_path / "config.json"
    config.write_text('{"text": {"treshold": 0.6}}')
    line = _one_error_line(_adcount("run", str(ads), "--out", "out", "--config", str(config), cwd=tmp_path))
    assert "'treshold'" in line and "'text'" in line


def test_unknown_config_section_is_named(tmp_path, ads):
    config = tmp_path / "config.json"
    config.write_text('{"linking": {}}')
    line = _one_error_line(_adcount("run", str(ads), "--out", "out", "--config", str(config), cwd=tmp_path))
    assert "'linking'" in line


def test_missing_ad_id_is_one_line_ending_on_its_aliases(tmp_path):
    path = tmp_path / "ads.csv"
    path.write_text("identifier,text\n1,bonjour\n")
    line = _one_error_line(_adcount("run", str(path), "--out", "out", cwd=tmp_path))
    assert "missing required column 'ad_id'" in line and line.rstrip().endswith("reference)")


def test_out_pointing_at_a_file_is_refused_by_path(tmp_path, ads):
    (tmp_path / "taken").write_text("not a folder")
    line = _one_error_line(_adcount("run", str(ads), "--out", "taken", cwd=tmp_path))
    assert "taken" in line and "not a folder" in line


def test_missing_input_and_config_files_are_named(tmp_path, ads):
    assert "nowhere.csv" in _one_error_line(_adcount("run", "nowhere.csv", "--out", "out", cwd=tmp_path))
    line = _one_error_line(_adcount("run", str(ads), "--out", "out", "--config", "nope.json", cwd=tmp_path))
    assert "nope.json" in line


def test_empty_file_is_one_line(tmp_path):
    (tmp_path / "ads.csv").write_bytes(b"")
    assert "is empty (0 bytes)" in _one_error_line(_adcount("run", "ads.csv", "--out", "out", cwd=tmp_path))


def test_header_only_file_counts_zero_and_warns(tmp_path):
    (tmp_path / "ads.csv").write_text("ad_id,text\n")
    run = _adcount("run", "ads.csv", "--out", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "warning: no valid ad to count: the input holds no ad rows" in run.stderr
    assert (tmp_path / "out" / "assignments.csv").read_text().strip() == "ad_id,person_id,network_id,confidence"


def test_unknown_preset_is_named(tmp_path):
    line = _one_error_line(_adcount("synth", "--preset", "nowhere-2030", "--out", "s", cwd=tmp_path))
    assert "'nowhere-2030'" in line

"""Same input, same config, same key: byte-identical files, whatever the hash seed, the threads,
or the order of the input rows.

The set: `pas-de-calais-2018` seed 1 with its photos (699 ads, about 1,900 photo files), run
through the CLI in two processes with different PYTHONHASHSEED and two photo threads; then the
same ads shuffled, whose persons, networks and ids must be the same (issue 12).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import adcount

KEY = "determinism-key-0123456789"


@pytest.fixture(scope="module")
def photo_set(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdc1")
    adcount.synth.generate(preset="pas-de-calais-2018", seed=1, out_dir=out)
    (out / "config.json").write_text(json.dumps({"images": {"threads": 2}}))
    return out


def _run(folder, out_name: str, hash_seed: str, ads_name: str = "ads.csv") -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "ADCOUNT_KEY": KEY}
    out = folder / out_name
    run = subprocess.run([sys.executable, "-m", "adcount.cli", "run", str(folder / ads_name), "--out", str(out),
                          "--image-root", str(folder), "--config", str(folder / "config.json")],
                         env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}


def test_two_processes_with_other_hash_seeds_write_identical_files(photo_set):
    first = _run(photo_set, "out-a", "0")
    second = _run(photo_set, "out-b", "4242")
    assert {"assignments.csv", "persons.csv", "links.parquet", "estimate.json", "report.html"} <= set(first)
    assert first == second


def test_shuffled_rows_give_the_same_persons_ids_and_files(photo_set):
    ads = pd.read_csv(photo_set / "ads.csv", dtype=str, keep_default_na=False)
    order = np.random.default_rng(7).permutation(len(ads))
    ads.iloc[order].to_csv(photo_set / "shuffled.csv", index=False)
    config = adcount.Config.load(photo_set / "config.json")
    runs = [adcount.deduplicate(adcount.load_ads(photo_set / name, image_root=photo_set), config, key=KEY)
            for name in ("ads.csv", "shuffled.csv")]
    straight, shuffled = (run.assignments.sort_values("ad_id").reset_index(drop=True) for run in runs)
    pd.testing.assert_frame_equal(straight, shuffled)
    pd.testing.assert_frame_equal(runs[0].persons, runs[1].persons)
    assert runs[0].estimate().to_dict() == runs[1].estimate().to_dict()

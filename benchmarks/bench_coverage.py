"""Coverage of the pipeline's 95% intervals over many synthetic ad sets.

For each seed: generate a set, deduplicate it, and check whether
- the linkage interval covers the true number of persons behind the ads (persons observed),
- each capture–recapture design's interval covers the true total (persons seen or not).
Prints per-design coverage (and how often the interval lies wholly below or wholly above the
truth), mean interval width and mean and spread of the relative error, and writes one row per seed and
design to a CSV.

    .venv/bin/python benchmarks/bench_coverage.py --seeds 100 --jobs 2 --out benchmarks/results-coverage/pas-de-calais-2018.csv

Settings other than the preset's own (to check the intervals on more than one generator):
`--activity-floor`, `--activity-sigma`, `--ads-per-person` replace the preset's parameters,
`--n-ads` its size (e.g. `--preset text-scale --n-ads 2000`); `--designs` picks designs. Without --photos the sets are
generated without rendering photos (text and contacts only), which makes 100 seeds affordable.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

import adcount
from adcount.synth.presets import PRESETS, Preset

DESIGNS = {
    "linkage": {"method": "linkage"},
    "cr-ads-bracket": {"method": "combined", "lists": "ads", "estimator": "bracket"},
    "cr-ads-chao-f2f3": {"method": "combined", "lists": "ads", "estimator": "chao-f2f3"},
    "cr-ads-ichao": {"method": "combined", "lists": "ads", "estimator": "ichao"},
    "cr-ads-chao": {"method": "combined", "lists": "ads", "estimator": "chao"},
    "cr-ads-zelterman": {"method": "combined", "lists": "ads", "estimator": "zelterman"},
    "cr-site-groups": {"method": "combined", "lists": "site-group"},
    "cr-weeks": {"method": "combined", "lists": "week"},
}
KEY = b"coverage-benchmark-key"


def one_seed(seed: int, preset: Preset, n_ads: int | None, photos: bool, designs: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        frame = adcount.synth.generate(preset=preset, seed=seed, out_dir=tmp if photos else None, n_ads=n_ads)
        ads = adcount.load_ads(Path(tmp) / "ads.csv", image_root=tmp) if photos else adcount.load_ads(frame)
        truth = frame.attrs["truth"]
        result = adcount.deduplicate(ads, key=KEY)
        rows = []
        for name in designs:
            options = DESIGNS[name]
            target = truth["n_persons_observed"] if name == "linkage" else truth["n_persons_total"]
            row = {"seed": seed, "design": name, "target": target, "n_ads": result.n_ads,
                   "persons_found": result.n_persons}
            try:
                est = result.estimate(**options)
            except ValueError as err:
                rows.append({**row, "error": str(err)})
                continue
            rows.append({**row, "point": est.point, "low": est.low, "high": est.high,
                         "covered": est.low <= target <= est.high})
        return rows


def summarise(frame: pd.DataFrame) -> pd.DataFrame:
    ok = frame.dropna(subset=["point"]).copy()
    ok["error_pct"] = (ok["point"] - ok["target"]) / ok["target"] * 100
    ok["width_pct"] = (ok["high"] - ok["low"]) / ok["target"] * 100
    ok["below"] = ok["high"] < ok["target"]
    ok["above"] = ok["low"] > ok["target"]
    summary = ok.groupby("design", sort=False).agg(
        seeds=("seed", "size"), coverage=("covered", "mean"), wholly_below=("below", "mean"),
        wholly_above=("above", "mean"),
        mean_width_pct=("width_pct", "mean"), mean_error_pct=("error_pct", "mean"),
        sd_error_pct=("error_pct", "std"))
    summary["not_estimable"] = frame.groupby("design", sort=False)["point"].apply(lambda s: int(s.isna().sum()))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--preset", default="pas-de-calais-2018", choices=sorted(PRESETS))
    parser.add_argument("--n-ads", type=int, default=None)
    parser.add_argument("--activity-floor", type=float, default=None)
    parser.add_argument("--activity-sigma", type=float, default=None)
    parser.add_argument("--ads-per-person", type=float, default=None)
    parser.add_argument("--photos", action="store_true")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--designs", nargs="+", default=list(DESIGNS), choices=list(DESIGNS))
    parser.add_argument("--out", type=Path, default=Path("bench-out/coverage.csv"))
    args = parser.parse_args()

    changes = {name: value for name, value in (("activity_floor", args.activity_floor),
                                               ("activity_sigma", args.activity_sigma),
                                               ("ads_per_person", args.ads_per_person)) if value is not None}
    preset = replace(PRESETS[args.preset], **changes)
    started = time.perf_counter()
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    run = partial(one_seed, preset=preset, n_ads=args.n_ads, photos=args.photos, designs=args.designs)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        rows = [row for seed_rows in pool.map(run, seeds) for row in seed_rows]
    frame = pd.DataFrame(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(args.out, index=False)
    setting = ", ".join(f"{k}={v}" for k, v in changes.items()) or "preset parameters"
    print(f"{args.seeds} seeds of {args.preset} ({setting}; n_ads={args.n_ads or preset.n_ads}; "
          f"{'with' if args.photos else 'without'} photos), {time.perf_counter() - started:.0f} s")
    print(summarise(frame).round(3).to_string())


if __name__ == "__main__":
    main()

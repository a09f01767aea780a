"""Coverage of the pipeline's 95% intervals over many synthetic ad sets.

For each seed: generate a set, deduplicate it, and check whether
- the linkage interval covers the true number of persons behind the ads (observed persons),
- each capture–recapture design's interval covers the true total (persons seen or not).
Prints per-design coverage, mean interval width and mean relative error, and writes one row per
seed to a CSV for inspection.

    .venv/bin/python benchmarks/bench_coverage.py --seeds 100 [--photos] [--out bench-out/coverage.csv]

Without --photos the sets are generated without rendering photos (text and contacts only), which
makes 100 seeds affordable on two cores; with --photos each seed renders ~800 photos.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import adcount

DESIGNS = {
    "linkage": {"method": "linkage"},
    "cr-ads-chao": {"method": "combined", "lists": "ads"},
    "cr-site-groups": {"method": "combined", "lists": "site-group"},
    "cr-weeks": {"method": "combined", "lists": "week"},
}


def one_seed(seed: int, preset: str, photos: bool) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        frame = adcount.synth.generate(preset=preset, seed=seed, out_dir=tmp if photos else None)
        ads = adcount.load_ads(Path(tmp) / "ads.csv", image_root=tmp) if photos else adcount.load_ads(frame)
        truth = frame.attrs["truth"]
        result = adcount.deduplicate(ads, key=b"coverage-benchmark-key")
        rows = []
        for name, options in DESIGNS.items():
            target = truth["n_persons_observed"] if name == "linkage" else truth["n_persons_total"]
            try:
                est = result.estimate(**options)
            except ValueError as err:
                rows.append({"seed": seed, "design": name, "target": target, "error": str(err)})
                continue
            rows.append({"seed": seed, "design": name, "target": target, "point": est.point,
                         "low": est.low, "high": est.high, "covered": est.low <= target <= est.high})
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--preset", default="pas-de-calais-2018")
    parser.add_argument("--photos", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("bench-out/coverage.csv"))
    args = parser.parse_args()

    started = time.perf_counter()
    rows = []
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        rows.extend(one_seed(seed, args.preset, args.photos))
    frame = pd.DataFrame(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(args.out, index=False)
    ok = frame.dropna(subset=["point"])
    summary = ok.groupby("design").agg(
        seeds=("seed", "size"),
        coverage=("covered", "mean"),
        mean_width_pct=("point", lambda s: float(np.mean((ok.loc[s.index, "high"] - ok.loc[s.index, "low"])
                                                         / ok.loc[s.index, "target"]) * 100)),
        mean_error_pct=("point", lambda s: float(np.mean((s - ok.loc[s.index, "target"])
                                                         / ok.loc[s.index, "target"]) * 100)),
    )
    failed = frame["point"].isna().groupby(frame["design"]).sum() if "point" in frame else None
    print(f"{args.seeds} seeds of {args.preset} ({'with' if args.photos else 'without'} photos), "
          f"{time.perf_counter() - started:.0f} s")
    print(summary.round(3).to_string())
    if failed is not None and failed.any():
        print("not estimable:", failed[failed > 0].to_dict())


if __name__ == "__main__":
    main()

"""The report's profile shares against the generator's truth, and the report in Chromium.

For each seed of a preset: generate the set, run adcount, build the report's tables, and put each
share (women, foreign, claimed 25 or under, claimed minors) beside the truth per person seen (the
generator's `truth_persons.csv`, persons with at least one ad), with the share's interval; at the
end, how often the interval holds the truth. Then the report's size and the time headless
Chromium takes to render it (FR and EN of the first seed).

    .venv/bin/python benchmarks/bench_report.py --seeds 0 1 2 3 4 5 6 7 8 9
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import adcount
from adcount import synth
from adcount.report.tables import build_tables

KEY = "bench-report-key-0123456789"
# (label, profiles.csv dimension, category, truth per person seen)
SHARES = (
    ("women", "gender", "woman", lambda t: (t["gender"] == "female").mean()),
    ("foreign", "status", "foreign", lambda t: (t["origin"] != "FR").mean()),
    ("<=25", "young", "25 or under", lambda t: (t["first_claimed_age"] <= 25).mean()),
    ("minors", "age", "under 18", lambda t: t["minor"].astype(str).str.lower().eq("true").mean()),
)


def one_seed(preset: str, seed: int, work: Path) -> tuple[list[dict], object]:
    folder = work / f"{preset}-{seed}"
    synth.generate(preset=preset, seed=seed, out_dir=folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = adcount.deduplicate(adcount.load_ads(folder / "ads.csv", image_root=folder), key=KEY)
    profiles = build_tables(result.report_inputs()).profiles.set_index(["dimension", "category"])
    truth = pd.read_csv(folder / "truth_persons.csv")
    truth = truth[truth["n_ads"] > 0]
    rows = []
    for label, dimension, category, true_share in SHARES:
        row = profiles.loc[(dimension, category)]
        value = float(true_share(truth))
        rows.append({"seed": seed, "share": label, "truth": round(value, 3), "estimate": row["share"],
                     "low": row["low"], "high": row["high"], "base": int(row["base"]),
                     "persons_found": result.n_persons, "persons_true": len(truth),
                     "holds": bool(row["low"] <= value <= row["high"])})
    return rows, result


def chromium_seconds(report: Path, repeat: int = 3) -> float:
    browser = shutil.which("chromium")
    if browser is None:
        return float("nan")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1100,3000",
                        f"--screenshot={report.with_suffix('.png')}", report.as_uri()],
                       capture_output=True, check=True, timeout=120)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="pas-de-calais-2018")
    parser.add_argument("--seeds", type=int, nargs="+", default=list(range(10)))
    args = parser.parse_args()
    rows, first = [], None
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for seed in args.seeds:
            seed_rows, result = one_seed(args.preset, seed, work)
            rows += seed_rows
            first = first or result
            print(pd.DataFrame(seed_rows).to_string(index=False, header=seed == args.seeds[0]), flush=True)
        table = pd.DataFrame(rows)
        print("\ninterval holds the truth (per share):")
        print(table.groupby("share", sort=False).agg(seeds=("holds", "size"), holds=("holds", "sum"),
                                                     mean_truth=("truth", "mean"), mean_estimate=("estimate", "mean"),
                                                     mean_width=("high", "mean")).assign(
            mean_width=lambda f: (table.groupby("share", sort=False)["high"].mean()
                                  - table.groupby("share", sort=False)["low"].mean()).round(3)).to_string())
        for lang in ("fr", "en"):
            report = first.report(work / lang / "report.html", lang=lang)
            size = report.stat().st_size
            print(f"report {lang}: {size / 1024:.0f} KB, Chromium render + screenshot best of 3: "
                  f"{chromium_seconds(report):.2f} s")


if __name__ == "__main__":
    main()

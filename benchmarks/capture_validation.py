"""adcount vs every row of tests/data/mse/published.csv (the table in docs/capture-recapture.md).

Runs every reproducible row with the published replicate count (1,000 bootstrap replicates,
seed 0) and prints a Markdown table with the relative differences and the runtime of each
row. With --write, the table replaces the block between the validation markers of
docs/capture-recapture.md.

    .venv/bin/python benchmarks/capture_validation.py [--n-boot 1000] [--write]
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import pandas as pd

import adcount
from cases.capture import case_for, data_dir, is_bootstrap, published

ROOT = Path(__file__).resolve().parents[1]

DOC = ROOT / "docs" / "capture-recapture.md"
START, END = "<!-- validation:start -->", "<!-- validation:end -->"


def fmt(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if math.isinf(value):
        return "inf"
    return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"


def rel(ours: float, theirs: float) -> str:
    if pd.isna(theirs) or ours is None or math.isnan(ours):
        return ""
    return f"{100 * (ours - theirs) / theirs:+.2f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-boot", type=int, default=1000)
    parser.add_argument("--write", action="store_true", help="update docs/capture-recapture.md")
    args = parser.parse_args()
    lines = [
        "| data | estimator | published N [95%] | adcount N [95%] | ΔN | Δlow | Δhigh | status | s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for _, row in published().iterrows():
        case = case_for(row)
        theirs = f"{fmt(row['N'])} [{fmt(row['lower95'])}, {fmt(row['upper95'])}]"
        label = f"{row['estimator']}" + (f" `{row['model']}`" if pd.notna(row["model"]) else "")
        if case.call is None:
            lines.append(f"| {row['file']} | {label} | {theirs} | — | | | | not reproduced: {case.reason} | |")
            continue
        call = dict(case.call)
        if is_bootstrap(row):
            call.update(n_boot=args.n_boot, seed=0)
        started = time.perf_counter()
        estimate = adcount.capture_recapture(pd.read_csv(data_dir() / row["file"]), **call)
        seconds = time.perf_counter() - started
        ours = f"{fmt(estimate.point)} [{fmt(estimate.low)}, {fmt(estimate.high)}]"
        status = "bootstrap (random)" if is_bootstrap(row) else "deterministic"
        if case.note:
            status += f"; {case.note}"
        lines.append(
            f"| {row['file']} | {label} | {theirs} | {ours} | {rel(estimate.point, row['N'])} | "
            f"{rel(estimate.low, row['lower95'])} | {rel(estimate.high, row['upper95'])} | {status} | {seconds:.1f} |"
        )
        print(lines[-1], flush=True)
    table = "\n".join(lines)
    print(table)
    if args.write:
        text = DOC.read_text()
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        DOC.write_text(f"{head}{START}\n{table}\n{END}{tail}")


if __name__ == "__main__":
    main()

"""Figures of the persistent index (issue 16): equivalence and stability of weekly additions
against one `deduplicate` of the whole set, and the speed of an addition as the index grows.

    .venv/bin/python benchmarks/bench_index.py equivalence --preset pas-de-calais-2018 --seeds 0 1 2
    .venv/bin/python benchmarks/bench_index.py equivalence --preset text-scale --n-ads 20000 --seeds 0
    .venv/bin/python benchmarks/bench_index.py speed --sizes 100000 300000 --batch 10000

equivalence: the set is cut into `--batches` weekly batches by posting time and added one by one
to a fresh index; "vs full" is the pairwise F1 of the index's persons against one `deduplicate`
of the whole set (same key, same configuration), "acc" the pairwise F1 of each against the truth.
Stability: the share of ads whose person id after the last addition is the one they got in the
addition where they appeared, and whether every change is explained by the moves in the changelog.
speed: an index is built of `size` text-scale ads (in batches of `--build-batch`), then `--batch`
new ads are added; the script times that addition and, in the same process, one `deduplicate`
of the new ads alone (the baseline: what a run from zero costs for the batch), and prints the ratio.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import adcount
from adcount.index import Index
from adcount.tools.evaluate import evaluate

KEY = "bench-index-key-0123"  # one pseudonym key for index and baseline, so contact keys agree


def weekly_batches(ads: pd.DataFrame, n_batches: int) -> list[pd.DataFrame]:
    """The set cut in `n_batches` consecutive slices of posting time (equal ad counts)."""
    order = pd.to_datetime(ads["posted_at"]).rank(method="first").to_numpy()
    batch = np.minimum((order - 1) * n_batches // len(ads), n_batches - 1).astype(int)
    return [ads[batch == b] for b in range(n_batches)]


def pairwise_f1(assignments: pd.DataFrame, reference: pd.DataFrame) -> float:
    truth = reference[["ad_id", "person_id"]].rename(columns={"person_id": "true_person_id"})
    return evaluate(assignments[["ad_id", "person_id"]], truth)["person"]["pairwise_f1"]


def stability(index: Index, first_ids: pd.DataFrame) -> tuple[float, bool]:
    """Share of ads keeping the id of their first addition; True when replaying the moves of
    the changelog from that id gives each ad's final id."""
    final = index.assignments.set_index("ad_id")["person_id"]
    first = first_ids.set_index("ad_id")["person_id"].reindex(final.index)
    kept = float((first == final).mean())
    moves = index.moves
    moves = moves[moves["level"] == "person"]
    replayed = first.copy()
    for move in moves.itertuples(index=False):  # a benchmark check, a few hundred moves
        if replayed[move.ad_id] != move.old_id:
            return kept, False
        replayed[move.ad_id] = move.new_id
    return kept, bool((replayed == final).all())


def equivalence(args: argparse.Namespace) -> None:
    for seed in args.seeds:
        kwargs = {"n_ads": args.n_ads} if args.n_ads else {}
        ads = adcount.synth.generate(preset=args.preset, seed=seed, **kwargs)
        truth = ads[["ad_id", "true_person_id"]]
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder, Index(folder, key=KEY) as index:
            first_ids = []
            for batch in weekly_batches(ads, args.batches):
                first_ids.append(index.add(batch).assignments)
            index_time = time.perf_counter() - started
            kept, explained = stability(index, pd.concat(first_ids))
            indexed = index.assignments
        started = time.perf_counter()
        full = adcount.deduplicate(ads, key=KEY).assignments
        full_time = time.perf_counter() - started
        acc_index = evaluate(indexed, truth)["person"]["pairwise_f1"]
        acc_full = evaluate(full, truth)["person"]["pairwise_f1"]
        print(f"{args.preset} seed {seed} ({len(ads)} ads, {args.batches} batches): vs full F1 "
              f"{pairwise_f1(indexed, full):.4f}; acc index {acc_index:.4f} full {acc_full:.4f} "
              f"(diff {acc_index - acc_full:+.4f}); persons index {indexed['person_id'].nunique()} full "
              f"{full['person_id'].nunique()}; ids kept {kept:.2%}, changes all in changelog: {explained}; "
              f"time index {index_time:.1f} s full {full_time:.1f} s", flush=True)


def speed(args: argparse.Namespace) -> None:
    largest = max(args.sizes)
    ads = adcount.synth.generate(preset="text-scale", seed=args.seed, n_ads=largest + args.batch)
    new = ads.iloc[largest:]
    for size in sorted(args.sizes):
        with tempfile.TemporaryDirectory(dir=args.tmp) as folder:
            started = time.perf_counter()
            with Index(folder, key=KEY) as index:
                for start in range(0, size, args.build_batch):
                    index.add(ads.iloc[start:min(size, start + args.build_batch)])
            build = time.perf_counter() - started
            database = Path(folder) / "index.sqlite"
            on_disk = database.stat().st_size + sum(p.stat().st_size for p in Path(folder).glob("index.sqlite-*"))
            with Index(folder, key=KEY) as index:
                started = time.perf_counter()
                run = index.add(new)
                added = time.perf_counter() - started
            started = time.perf_counter()
            adcount.deduplicate(new, key=KEY)
            alone = time.perf_counter() - started
            print(f"index of {size:,} ads (built in {build:.0f} s, {on_disk / size:,.0f} bytes per ad on disk): "
                  f"adding {len(new):,} ads {added:.1f} s ({run.n_relinked:,} stored ads re-linked); "
                  f"deduplicate of the {len(new):,} alone {alone:.1f} s; ratio {added / alone:.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    eq = commands.add_parser("equivalence")
    eq.add_argument("--preset", default="pas-de-calais-2018")
    eq.add_argument("--n-ads", type=int, default=None)
    eq.add_argument("--seeds", type=int, nargs="+", default=list(range(10)))
    eq.add_argument("--batches", type=int, default=8)
    sp = commands.add_parser("speed")
    sp.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000])
    sp.add_argument("--batch", type=int, default=10_000)
    sp.add_argument("--build-batch", type=int, default=50_000)
    sp.add_argument("--seed", type=int, default=0)
    sp.add_argument("--tmp", default=os.environ.get("TMPDIR"))
    args = parser.parse_args()
    {"equivalence": equivalence, "speed": speed}[args.command](args)


if __name__ == "__main__":
    main()

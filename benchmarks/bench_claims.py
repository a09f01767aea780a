"""Claims benchmark: precision and recall on the labelled ads, throughput at scale.

    .venv/bin/python benchmarks/bench_claims.py accuracy
    .venv/bin/python benchmarks/bench_claims.py speed --n 100000
    .venv/bin/python benchmarks/bench_claims.py speed --n 100000 --baseline /path/to/old/reader.py

``accuracy`` reads each labelled file of ``tests/data/claims/`` as one ad set (the name test is a
set-level one) and prints precision and recall per claim kind (`adcount.claims.scoring`).

``speed`` times `read_claims` on the normalised texts of ``adcount.synth.generate(preset=
"text-scale")`` (texts generated once and cached under /tmp; normalising is not timed: the pipeline
computes the normalised texts once for every stage). ``--baseline`` loads another reader module
from a file (any module with a ``read_claims(normalised)``, e.g. an older version checked out in
a git worktree) and times it on the same texts in the same process, then prints the ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from pathlib import Path

# Run as a script, this folder is sys.path[0]; keep only real packages importable (see bench_text.py).
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

import numpy as np  # noqa: E402

import adcount  # noqa: E402
from adcount.claims import read_claims  # noqa: E402
from adcount.claims.scoring import score_claims  # noqa: E402
from adcount.text.normalize import normalize_texts  # noqa: E402

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "claims"
CACHE = Path("/tmp/adcount-bench-claims")


def labelled_sets() -> dict[str, list[dict]]:
    return {path.stem: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for path in sorted(LABELLED.glob("*.jsonl"))}


def accuracy(_: argparse.Namespace) -> None:
    print(f"{'set':14s} {'kind':7s} {'precision':>9s} {'recall':>7s} {'tp':>4s} {'fp':>4s} {'fn':>4s}")
    for name, rows in labelled_sets().items():
        scores = score_claims(read_claims(normalize_texts([row["text"] for row in rows])), rows)
        for kind, row in scores.iterrows():
            print(f"{name + f' ({len(rows)})':14s} {kind:7s} {row.precision:9.3f} {row.recall:7.3f}"
                  f" {int(row.tp):4d} {int(row.fp):4d} {int(row.fn):4d}")


def synthetic_normalised(n: int) -> list[str]:
    path = CACHE / f"text-scale-{n}.pkl"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        ads = adcount.synth.generate(preset="text-scale", seed=0, n_ads=n)
        path.write_bytes(pickle.dumps(normalize_texts((ads["title"] + "\n" + ads["text"]).tolist())))
    return pickle.loads(path.read_bytes())


def timed(reader, texts: list[str], repeats: int) -> tuple[float, float, object]:
    """Best wall and CPU seconds over `repeats` runs (the machine is shared: the best is the least disturbed)."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = reader(texts)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def speed(args: argparse.Namespace) -> None:
    texts = synthetic_normalised(args.n)
    read_claims(texts[:1000])  # lexicons compiled and numba kernels loaded outside the timing
    engines = {"adcount": read_claims}
    if args.baseline:
        spec = importlib.util.spec_from_file_location("baseline_claims", args.baseline)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.read_claims(texts[:1000])
        engines["baseline"] = module.read_claims
    print(f"speed: read_claims on {len(texts)} normalised text-scale ads, best of {args.repeats}")
    walls = {}
    for name, reader in engines.items():
        wall, cpu, result = timed(reader, texts, args.repeats)
        walls[name] = wall
        ages = np.isfinite(result.age).mean()
        print(f"  {name:9s} wall {wall:6.2f} s ({len(texts) / wall:8.0f} ads/s)  cpu {cpu:6.2f} s"
              f"  names {len(result.vocabulary)}  ads with a name {result.has_name.mean():.3f}  with an age {ages:.3f}")
    if "baseline" in walls:
        print(f"  ratio baseline / adcount wall time: x{walls['baseline'] / walls['adcount']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("accuracy", "speed"))
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", type=Path, default=None, help="file of another reader module to time")
    args = parser.parse_args()
    {"accuracy": accuracy, "speed": speed}[args.what](args)


if __name__ == "__main__":
    main()

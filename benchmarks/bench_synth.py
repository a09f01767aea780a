"""Generator speed: this checkout's ``adcount.synth`` against a baseline copy, same process.

    git -C . worktree add /tmp/adcount-base 8166014      # the generator before the habits
    .venv/bin/python benchmarks/bench_synth.py --baseline /tmp/adcount-base/src/adcount/synth
    .venv/bin/python benchmarks/bench_synth.py --baseline ... --n-ads 100000 --repeat 3

Times ``generate(preset, seed, n_ads=...)`` (frames only, no files) for the original presets
with both generators, alternating runs so machine load hits both alike, and prints the best
time of each and the ratio; then times the new presets with this checkout alone. The baseline
is loaded as a package of its own (the generator imports nothing outside ``synth``).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import adcount.synth as current


def load_baseline(folder: Path) -> ModuleType:
    """Import the synth package in ``folder`` under the name ``baseline_synth``."""
    spec = importlib.util.spec_from_file_location(
        "baseline_synth", folder / "__init__.py", submodule_search_locations=[str(folder)])
    if spec is None or spec.loader is None:
        raise SystemExit(f"no synth package in {folder}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_synth"] = module
    spec.loader.exec_module(module)
    return module


def best_time(generate, preset: str, n_ads: int, repeat: int, seed: int = 0) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        generate(preset, seed=seed, n_ads=n_ads)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True,
                        help="folder of the baseline generator (…/src/adcount/synth)")
    parser.add_argument("--n-ads", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    baseline = load_baseline(args.baseline)
    print(f"n_ads={args.n_ads}, best of {args.repeat} (seconds)")
    print(f"{'preset':<22}{'baseline':>10}{'current':>10}{'ratio':>8}")
    for preset in ("text-scale", "pas-de-calais-2018"):
        old = new = float("inf")
        for _ in range(args.repeat):  # alternate, so load spikes hit both
            old = min(old, best_time(baseline.generate, preset, args.n_ads, 1))
            new = min(new, best_time(current.generate, preset, args.n_ads, 1))
        print(f"{preset:<22}{old:>10.2f}{new:>10.2f}{new / old:>8.2f}")
    for preset in ("north-america-en", "europe-mixed", "heldout-0"):
        new = best_time(current.generate, preset, args.n_ads, args.repeat)
        print(f"{preset:<22}{'':>10}{new:>10.2f}")


if __name__ == "__main__":
    main()

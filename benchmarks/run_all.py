"""Run every benchmark, each in its own process, and print a summary (what `make bench` runs).

    .venv/bin/python benchmarks/run_all.py                 # quick: small sizes, a few minutes
    .venv/bin/python benchmarks/run_all.py --full          # each benchmark at its own defaults (hours)
    .venv/bin/python benchmarks/run_all.py --only text contacts

The quick sizes only show that every benchmark runs and roughly how adcount compares with its
baseline; the figures of benchmarks/README.md come from the full runs (their commands are given
there). Each benchmark's own output is printed as it finishes, then one summary line per
benchmark: exit code, wall time and its last output line. The exit code is 1 when one failed.
Timings taken while other work runs on the machine are noisy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK_TIMEOUT = 900  # seconds: a quick run that takes longer than this has gone wrong
FULL_TIMEOUT = None


@dataclass(frozen=True)
class Bench:
    """One benchmark run: its name, script, and arguments for the quick and the full run."""

    name: str
    script: str
    quick: tuple[str, ...]
    full: tuple[str, ...] = ()


def benches(work: Path) -> tuple[Bench, ...]:
    """Every benchmark of this folder (bench_synth needs a baseline checkout: not run here)."""
    return (
        Bench("text", "bench_text.py", ("compare", "--n", "2000"), ("compare", "--n", "20000")),
        Bench("contacts", "bench_contacts.py", ("--n-ads", "5000", "--baseline-ads", "1000")),
        Bench("claims", "bench_claims.py", ("speed", "--n", "5000", "--repeats", "1"), ("speed",)),
        Bench("claims-accuracy", "bench_claims.py", ("accuracy",), ("accuracy",)),
        Bench("images", "bench_images.py", ("--copies", "1", "--repeat", "1")),
        Bench("image-robustness", "bench_image_robustness.py", ("--radii", "10", "--modes", "robust")),
        Bench("hamming", "bench_hamming.py", ("--n", "20000")),
        Bench("linkage-throughput", "bench_linkage.py",
              ("throughput", "--n-ads", "5000", "--work", str(work / "linkage")),
              ("throughput", "--n-ads", "100000")),
        Bench("linkage-accuracy", "bench_linkage.py",
              ("accuracy", "--seeds", "0", "--work", str(work / "linkage")), ("accuracy",)),
        Bench("linkage-mc", "bench_linkage_mc.py", ("--ads", "10000", "--replicates", "10")),
        Bench("link-calibration", "bench_link_calibration.py", ("--seeds", "1")),
        Bench("coverage", "bench_coverage.py",
              ("--seeds", "2", "--n-ads", "1000", "--out", str(work / "coverage.csv")),
              ("--out", str(work / "coverage.csv"))),
        Bench("capture", "bench_capture.py", ()),
        Bench("capture-validation", "capture_validation.py", ("--n-boot", "50")),
        Bench("degenerate", "bench_degenerate.py", ()),
    )


def run(bench: Bench, full: bool) -> tuple[int, float, str]:
    """(exit code, seconds, last output line) of one benchmark; its output is printed."""
    args = bench.full if full else bench.quick
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(HERE / bench.script), *args], capture_output=True, text=True,
                              timeout=FULL_TIMEOUT if full else QUICK_TIMEOUT, cwd=HERE.parent)
        code, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as late:
        code, out, err = -1, str(late.stdout or ""), f"timed out after {late.timeout} s"
    seconds = time.perf_counter() - start
    print(f"\n=== {bench.name}: {bench.script} {' '.join(args)}", flush=True)
    print(out.rstrip())
    if code:
        print(err.rstrip()[-2000:])
    lines = [line for line in (out if not code else err).splitlines() if line.strip()]
    return code, seconds, lines[-1].strip() if lines else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="each benchmark at its own default sizes")
    parser.add_argument("--only", nargs="+", help="names of the benchmarks to run")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="adcount-bench-") as folder:
        chosen = [b for b in benches(Path(folder)) if not options.only or b.name in options.only]
        unknown = sorted(set(options.only or ()) - {b.name for b in chosen})
        if unknown:
            parser.error(f"unknown benchmark(s) {unknown}; known: {[b.name for b in benches(Path(folder))]}")
        summary = [(bench.name, *run(bench, options.full)) for bench in chosen]
    print(f"\n{'benchmark':<20} {'exit':>4} {'seconds':>8}  last line")
    for name, code, seconds, last in summary:
        print(f"{name:<20} {code:>4} {seconds:>8.1f}  {last[:100]}")
    return 1 if any(code for _, code, _, _ in summary) else 0


if __name__ == "__main__":
    sys.exit(main())

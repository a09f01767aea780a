"""image_pairs at scale: 1,000,000 photos' hashes to every pair within the default radius.

Hashes: n rows of the robust layout (`image_variants.COLUMNS`: 12 view columns, base columns 0
and 2, then 9 masked columns compared only with the same column at the radius minus 2),
uniformly random 64-bit values, plus planted near pairs: --planted rows are copies of other rows
with every column changed in a random number of bits (0 to the radius) and --duplicates rows are
exact copies (re-posted files). Checked: every planted pair is returned (exactness against brute
force is checked here at 10,000 rows, and in the tests). Each size is also timed on the 12 view
columns alone (the layout before the masked views) to show what the masked columns cost. Baseline: none is practical
at this size (a brute-force numpy comparison of 10^12 hash pairs); the script also times
image_pairs at 10k and 100k and a blocked brute-force numpy pass at 10k to show the ratio there.

    .venv/bin/python benchmarks/bench_hamming.py [--n 1000000] [--threads 2]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import time

import numpy as np

from adcount import image_pairs
from adcount.photos.hamming import DEFAULT_MAX_DISTANCE, MASKED_MARGIN
from adcount.photos.variants import BASE_COLUMNS, COLUMNS, MASKED_COLUMNS
from adcount.photos.hashing import ImageHashes


def views_only(hashes: ImageHashes) -> ImageHashes:
    """The same hashes without their masked columns (the layout before the masked views)."""
    views = [c for c in range(len(hashes.columns)) if c not in hashes.masked_columns]
    return dataclasses.replace(hashes, hashes=np.ascontiguousarray(hashes.hashes[:, views]),
                               columns=tuple(hashes.columns[c] for c in views), masked_columns=())


def make_hashes(n: int, planted: int, duplicates: int, radius: int, seed: int) -> tuple[ImageHashes, np.ndarray]:
    """Random hash rows with planted near copies; returns the hashes and the planted pairs."""
    rng = np.random.default_rng(seed)
    table = rng.integers(0, 2**64 - 1, size=(n, len(COLUMNS)), dtype=np.uint64, endpoint=True)
    copies = rng.choice(n, size=planted + duplicates, replace=False)
    sources = rng.choice(np.setdiff1d(np.arange(n), copies), size=planted + duplicates, replace=False)
    table[copies] = table[sources]
    bits = rng.integers(0, radius + 1, size=planted)
    for k in range(planted):  # flip `bits[k]` distinct bits in every column of the near copy
        positions = rng.permutation(64)[: bits[k]].astype(np.uint64)
        table[copies[k]] ^= np.bitwise_or.reduce(np.uint64(1) << positions) if len(positions) else np.uint64(0)
    hashes = ImageHashes(hashes=table, columns=COLUMNS, ok=np.ones(n, bool), errors=[""] * n,
                         width=np.zeros(n, np.int32), height=np.zeros(n, np.int32), mode="robust",
                         base_columns=BASE_COLUMNS, masked_columns=MASKED_COLUMNS)
    pairs = np.sort(np.stack([copies, sources], axis=1), axis=1)
    return hashes, pairs


def brute_pairs(hashes: ImageHashes, radius: int, block: int = 256) -> np.ndarray:
    """Blocked numpy brute force: every view column of a block against the base columns of all,
    every masked column against the same column of all."""
    table = hashes.hashes
    base = table[:, list(hashes.base_columns)]
    views = [c for c in range(table.shape[1]) if c not in hashes.masked_columns]
    masked = table[:, list(hashes.masked_columns)]
    found = []
    for start in range(0, len(table), block):
        rows = table[start : start + block]
        distance = np.bitwise_count(rows[:, None, views, None] ^ base[None, :, None, :])
        close = (distance <= radius).any(axis=(2, 3))
        close |= (np.bitwise_count(rows[:, None, list(hashes.masked_columns)] ^ masked[None]) <= radius - MASKED_MARGIN).any(axis=2)
        i, j = np.nonzero(close)
        found.append(np.stack([i + start, j], axis=1))
    pairs = np.concatenate(found)
    pairs = np.sort(pairs[pairs[:, 0] != pairs[:, 1]], axis=1)
    return np.unique(pairs, axis=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    radius = DEFAULT_MAX_DISTANCE
    image_pairs(make_hashes(100, 10, 5, radius, 1)[0])  # compile / load the numba kernels
    small, _ = make_hashes(10_000, 100, 50, radius, args.seed)
    start = time.perf_counter()
    reference = brute_pairs(small, radius)
    brute = time.perf_counter() - start
    start = time.perf_counter()
    got = image_pairs(small, radius, threads=args.threads)
    fast = time.perf_counter() - start
    assert np.array_equal(got, reference)
    print(f"n=10,000: numpy brute force {brute:.2f} s, image_pairs {fast:.3f} s ({brute / fast:.0f}x), "
          f"{len(got)} pairs, identical")
    for n in sorted({100_000, args.n}):
        full, planted = make_hashes(n, n // 100, n // 200, radius, args.seed)
        for label, hashes in (("views only", views_only(full)), ("views + masked", full)):
            start, cpu = time.perf_counter(), time.process_time()
            pairs = image_pairs(hashes, radius, threads=args.threads)
            took, cpu = time.perf_counter() - start, time.process_time() - cpu
            returned = {tuple(p) for p in pairs.tolist()}
            missing = sum(tuple(p) not in returned for p in planted.tolist())
            print(f"n={n:,} x {len(hashes.columns)} columns ({label}), radius {radius}, {args.threads} threads: "
                  f"wall {took:.1f} s, cpu {cpu:.1f} s (load average {os.getloadavg()[0]:.1f}); "
                  f"{len(pairs):,} pairs, planted {len(planted):,} found {len(planted) - missing:,}")


if __name__ == "__main__":
    main()

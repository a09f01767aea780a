"""Cost of the linkage Monte Carlo at scale: replicates per second on ~100,000 ads.

A deduplicated `pas-de-calais-2018` set is tiled into disjoint copies (persons, pairs and link
probabilities offset per copy) until it holds `--ads` ads, so the blocks, persons and probabilities
have the shapes of real output; then `sample_person_counts` runs `--replicates` replicates. The
baseline, in the same run, is the previous construction's replicate: keep every link with its
probability and take connected components of the whole ad graph (one scipy call per replicate).

    .venv/bin/python benchmarks/bench_linkage_mc.py --ads 100000 --replicates 100
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

import adcount
from adcount.estimate.linkage import clustering_decisions, sample_person_counts


def tiled(result: adcount.DedupResult, copies: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n, k = result.n_ads, result.n_persons
    person = np.concatenate([result.person + c * k for c in range(copies)])
    pairs = np.concatenate([result.pairs + c * n for c in range(copies)])
    return person, pairs, np.tile(result.probability, copies)


def components_replicates(n: int, pairs: np.ndarray, probability: np.ndarray, replicates: int) -> np.ndarray:
    """The baseline: persons = connected components of the links kept with their probability."""
    rng = np.random.default_rng(0)
    counts = []
    for _ in range(replicates):
        kept = pairs[rng.random(len(pairs)) < probability]
        graph = sp.csr_matrix((np.ones(len(kept), np.int8), (kept[:, 0], kept[:, 1])), shape=(n, n))
        counts.append(connected_components(graph, directed=False)[0])
    return np.asarray(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=100_000)
    parser.add_argument("--replicates", type=int, default=100)
    args = parser.parse_args()
    frame = adcount.synth.generate(preset="pas-de-calais-2018", seed=0)
    result = adcount.deduplicate(adcount.load_ads(frame), key=b"linkage-mc-benchmark-key")
    person, pairs, probability = tiled(result, -(-args.ads // result.n_ads))
    decisions = clustering_decisions(person, pairs, probability)
    started = time.perf_counter()
    counts = sample_person_counts(person, pairs, probability, args.replicates, seed=0)
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    components_replicates(person.size, pairs, probability, args.replicates)
    baseline = time.perf_counter() - started
    print(f"{person.size} ads, {len(pairs)} pairs, {decisions.n_persons} persons, {len(decisions.merge)} blocks, "
          f"{len(decisions.splitter)} split candidates")
    print(f"adcount: {args.replicates} replicates in {elapsed:.2f} s ({args.replicates / elapsed:.0f}/s), "
          f"persons {np.percentile(counts, 2.5):.0f}-{np.percentile(counts, 97.5):.0f} around {decisions.n_persons}")
    print(f"baseline (connected components of drawn links): {baseline:.2f} s; ratio {baseline / elapsed:.2f}x")


if __name__ == "__main__":
    main()

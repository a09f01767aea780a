"""Text engine benchmark: adcount vs datasketch and rensa, and adcount's scaling to 1M ads.

    .venv/bin/python benchmarks/bench_text.py compare --n 20000
    .venv/bin/python benchmarks/bench_text.py scale --sizes 10000 100000 1000000
    .venv/bin/python benchmarks/bench_text.py normalise --n 100000
    .venv/bin/python benchmarks/bench_text.py templates --seed 0

``compare`` times, on the same synthetic ads (``adcount.synth.generate(preset="text-scale")``,
about 380 characters each), MinHash signatures + candidate pairs with 128 permutations and
threshold 0.5, shingling included on every side:

* adcount: ``minhash`` on the raw texts (normalisation included) + ``lsh_pairs``;
* adcount-n: the same on the texts already normalised, with ``normalize=False``: the same
  input and the same work as the baselines get;
* datasketch: its fastest documented path, ``MinHash.bulk`` (default hash function) on the
  character 5-gram sets of the texts already normalised by adcount (normalisation not
  counted), then ``MinHashLSH.insertion_session`` and one ``query`` per ad;
* rensa: ``RMinHash.from_token_sets`` on the same 5-gram sets, ``RMinHashLSH.insert_many``
  and ``query_all`` (rensa needs bands dividing 128: 32 bands of 4 rows).

Recall is measured on the pairs whose exact Jaccard similarity of 5-gram sets is >= 0.7.
Exact Jaccard is computed for every pair found by any engine and by adcount at threshold 0.3
(37 bands of 3 rows, verified at an estimate of 0.55: such a net misses a pair at Jaccard
0.7 with probability about 1e-4); the pairs >= 0.7 among them are the truth.

``scale`` runs adcount alone at each size in a fresh subprocess (texts generated first, in
another subprocess, and cached under /tmp), printing docs/s and the peak resident memory of
the measuring process (``resource.getrusage``), which includes the texts themselves.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import time
from pathlib import Path

# Run as a script, this folder is sys.path[0]; a folder of outputs in it (benchmarks/coverage)
# would shadow the coverage package that numba probes at import. Keep only real packages.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

import numpy as np  # noqa: E402

import adcount  # noqa: E402
from adcount.text.normalize import normalize_texts  # noqa: E402

NUM_PERM = 128
THRESHOLD = 0.5
K = 5
CACHE = Path("/tmp/adcount-bench-text")


def synthetic_texts(n: int) -> list[str]:
    """Texts of the text-scale synthetic preset, cached on disk (generation is not timed)."""
    path = CACHE / f"text-scale-{n}.pkl"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        ads = adcount.synth.generate(preset="text-scale", seed=0, n_ads=n)
        payload = {"text": ads["text"].tolist()}
        path.write_bytes(pickle.dumps(payload))
    return pickle.loads(path.read_bytes())


def char_shingles(text: str) -> set[str]:
    return {text[i : i + K] for i in range(len(text) - K + 1)}


class Timer:
    """Wall-clock and CPU seconds (all threads of this process) of a block of code."""

    def __enter__(self) -> "Timer":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def run_adcount(texts: list[str], normalize: bool = True) -> tuple[Timer, set[tuple[int, int]]]:
    with Timer() as timer:
        sig = adcount.minhash(texts, num_perm=NUM_PERM, normalize=normalize)
        pairs = adcount.lsh_pairs(sig, threshold=THRESHOLD)
    return timer, set(map(tuple, pairs.tolist()))


def run_datasketch(normalised: list[str]) -> tuple[Timer, set[tuple[int, int]]]:
    from datasketch import MinHash, MinHashLSH

    with Timer() as timer:
        pairs = _datasketch_pairs(normalised, MinHash, MinHashLSH)
    return timer, pairs


def _datasketch_pairs(normalised: list[str], MinHash, MinHashLSH) -> set[tuple[int, int]]:  # noqa: N803
    shingles = [[s.encode("utf-8") for s in char_shingles(text)] for text in normalised]
    sketches = MinHash.bulk(shingles, num_perm=NUM_PERM)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for key, sketch in enumerate(sketches):
            session.insert(key, sketch)
    return {(min(i, j), max(i, j)) for i, sketch in enumerate(sketches) for j in lsh.query(sketch) if i != j}


def run_rensa(normalised: list[str]) -> tuple[Timer, set[tuple[int, int]]]:
    from rensa import RMinHash, RMinHashLSH

    with Timer() as timer:
        shingles = [list(char_shingles(text)) for text in normalised]
        sketches = RMinHash.from_token_sets(shingles, NUM_PERM, 1)
        lsh = RMinHashLSH(THRESHOLD, NUM_PERM, 32)
        lsh.insert_many(sketches)
        found = lsh.query_all(sketches)
        pairs = {(min(i, j), max(i, j)) for i, keys in enumerate(found) for j in keys if i != j}
    return timer, pairs


def true_pairs(normalised: list[str], candidates: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Pairs with exact 5-gram Jaccard >= 0.7 among the candidate pairs (see module docs)."""
    sets = [char_shingles(text) for text in normalised]
    return {
        (i, j)
        for i, j in candidates
        if len(sets[i]) >= 24 and len(sets[i] & sets[j]) >= 0.7 * len(sets[i] | sets[j])
    }


def compare(n: int) -> None:
    texts = synthetic_texts(n)["text"]
    adcount.lsh_pairs(adcount.minhash(texts[:100]))  # compile / load numba caches before timing
    normalised = normalize_texts(texts)
    print(f"compare: {n} ads, {NUM_PERM} permutations, threshold {THRESHOLD}, char {K}-grams", flush=True)
    results = []
    for name, run in [("adcount", lambda: run_adcount(texts)),
                      ("adcount-n", lambda: run_adcount(normalised, normalize=False)),
                      ("datasketch", lambda: run_datasketch(normalised)), ("rensa", lambda: run_rensa(normalised))]:
        timer, found = run()
        results.append((name, timer, found))
        print(f"  {name:<10} wall {timer.wall:7.2f} s  cpu {timer.cpu:7.2f} s  pairs {len(found)}", flush=True)
    sig = adcount.minhash(texts, num_perm=NUM_PERM)
    # 37 bands x 3 rows catch a pair at Jaccard 0.7 with probability 1 - 2e-7; an estimate
    # below 0.55 at Jaccard 0.7 has probability about 1e-4 with 128 slots
    wide = set(map(tuple, adcount.lsh_pairs(sig, threshold=0.3, verify_threshold=0.55).tolist()))
    truth = true_pairs(normalised, wide.union(*(found for _, _, found in results)))
    print(f"  {len(truth)} pairs with exact Jaccard >= 0.7")
    ours, same_input = results[0][1], results[1][1]
    print("  ratios: this engine's time / adcount's (raw texts) and / adcount-n's (same input)")
    for name, timer, found in results:
        recall = len(found & truth) / max(len(truth), 1)
        print(f"  {name:<10} wall {timer.wall:6.2f} s ({n / timer.wall:6.0f} ads/s) x{timer.wall / ours.wall:5.1f} "
              f"x{timer.wall / same_input.wall:5.1f}  cpu {timer.cpu:6.2f} s x{timer.cpu / ours.cpu:5.1f} "
              f"x{timer.cpu / same_input.cpu:5.1f}  pairs {len(found):7d}  recall(J>=0.7) {recall:.4f}")


def normalise(n: int) -> None:
    """Throughput of the batch normaliser alone (2 threads)."""
    texts = synthetic_texts(n)["text"]
    normalize_texts(texts[:100])
    with Timer() as timer:
        normalize_texts(texts)
    print(f"normalise: {n} ads, wall {timer.wall:.2f} s ({n / timer.wall:.0f} ads/s), "
          f"cpu {timer.cpu:.2f} s ({n / timer.cpu:.0f} ads per cpu-second)")


def templates(seed: int) -> None:
    """Template evidence on the pas-de-calais-2018 synthetic set against its ground truth."""
    from adcount.text.templates import compare_templates, find_templates

    ads = adcount.synth.generate(preset="pas-de-calais-2018", seed=seed)
    texts = ads["text"].tolist()
    pairs = adcount.lsh_pairs(adcount.minhash(texts), threshold=0.3)
    with Timer() as timer:
        evidence = compare_templates(texts, pairs)
    network = ads["true_network_id"].to_numpy()[pairs]
    person = ads["true_person_id"].to_numpy()[pairs]
    same_network = network[:, 0] == network[:, 1]
    other_person = same_network & (person[:, 0] != person[:, 1])
    found = find_templates(texts, pairs)
    print(f"templates: pas-de-calais-2018 seed {seed}, {len(texts)} ads, {len(pairs)} candidate pairs (LSH 0.3), "
          f"compared in {timer.wall:.2f} s")
    print(f"  same template: {evidence.same_template.sum()} pairs, "
          f"{same_network[evidence.same_template].mean():.3f} of them in one true network")
    print(f"  different person: {evidence.different_person.sum()} pairs, "
          f"{other_person[evidence.different_person].mean():.3f} of them truly two persons of one network; "
          f"they cover {evidence.different_person[other_person].mean():.3f} of the candidate pairs "
          "that are two persons of one network")
    print(f"  {len(found.table)} templates grouping {(found.labels >= 0).sum()} ads")


def measure_one(n: int) -> None:
    """Child process: time adcount on n cached texts, print one JSON line."""
    texts = synthetic_texts(n)["text"]
    adcount.lsh_pairs(adcount.minhash(texts[:100]))  # numba caches
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with Timer() as total:
        with Timer() as signatures:
            sig = adcount.minhash(texts, num_perm=NUM_PERM)
        pairs = adcount.lsh_pairs(sig, threshold=THRESHOLD)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"n": n, "signatures_s": signatures.wall, "total_s": total.wall, "cpu_s": total.cpu,
                      "pairs": len(pairs), "peak_rss_mb": peak / 1024, "rss_before_mb": base / 1024}))


def scale(sizes: list[int]) -> None:
    print(f"scale: signatures + pairs, {NUM_PERM} permutations, threshold {THRESHOLD}, raw texts "
          "(normalisation included), 2 threads")
    for n in sizes:
        subprocess.run([sys.executable, __file__, "prepare", "--n", str(n)], check=True)
        out = subprocess.run([sys.executable, __file__, "measure", "--n", str(n)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"  {n:>9} ads: wall {r['total_s']:7.2f} s ({r['signatures_s']:.2f} s signatures) "
              f"{n / r['total_s']:9.0f} ads/s  cpu {r['cpu_s']:7.2f} s  pairs {r['pairs']:9d}  "
              f"peak RSS {r['peak_rss_mb']:7.0f} MB (with the texts loaded: {r['rss_before_mb']:.0f} MB before)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["compare", "scale", "normalise", "templates", "prepare", "measure"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    if args.mode == "compare":
        compare(args.n)
    elif args.mode == "scale":
        scale(args.sizes)
    elif args.mode == "normalise":
        normalise(args.n)
    elif args.mode == "templates":
        templates(args.seed)
    elif args.mode == "prepare":
        synthetic_texts(args.n)
    else:
        measure_one(args.n)


if __name__ == "__main__":
    main()

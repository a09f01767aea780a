"""Are the link probabilities the person-count intervals rest on calibrated? Measured on synthetic sets.

Per probability bin of the candidate pairs: how many pairs, their mean probability and the share
that are truly the same person. Also the persons an oracle would find by linking every true pair
among the candidates (what missed candidates alone cost), against the persons behind the ads;
and, per set, the merges and splits the linkage Monte Carlo draws from (the sum of the blocks'
merge probabilities and of the persons' split probabilities, `adcount.estimate.linkage`) against
the merges really missed (true persons split over several found persons) and the false merges
really made (found persons holding several true persons).

    .venv/bin/python benchmarks/bench_link_calibration.py --seeds 30
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

import adcount
from adcount.estimate.linkage import clustering_decisions

BINS = [0.0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0 + 1e-9]


def one_seed(seed: int, preset: str) -> tuple[pd.DataFrame, float, dict]:
    frame = adcount.synth.generate(preset=preset, seed=seed)
    result = adcount.deduplicate(adcount.load_ads(frame), key=b"calibration-benchmark-key")
    person = pd.factorize(frame["true_person_id"])[0]
    a, b = result.pairs[:, 0], result.pairs[:, 1]
    same = person[a] == person[b]
    pairs = pd.DataFrame({"probability": result.probability, "same": same})
    n = result.n_ads
    oracle = sp.csr_matrix((np.ones(int(same.sum())), (a[same], b[same])), shape=(n, n))
    observed = frame.attrs["truth"]["n_persons_observed"]
    excess = (connected_components(oracle, directed=False)[0] - observed) / observed
    decisions = clustering_decisions(result.person, result.pairs, result.probability)
    found = pd.DataFrame({"found": result.person, "true": person})
    decided = {"expected merges": decisions.merge.sum(), "merges missed": _extra(found, "true", "found"),
               "expected splits": decisions.split.sum(), "false merges": _extra(found, "found", "true")}
    return pairs, excess, decided


def _extra(labels: pd.DataFrame, group: str, count: str) -> int:
    """Sum over groups of (distinct `count` labels - 1): the merges or splits that would fix them."""
    return int((labels.groupby(group)[count].nunique() - 1).sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--preset", default="pas-de-calais-2018")
    args = parser.parse_args()
    runs = [one_seed(seed, args.preset) for seed in range(args.seeds)]
    pairs = pd.concat([r[0] for r in runs], ignore_index=True)
    pairs["bin"] = pd.cut(pairs["probability"], BINS, right=False)
    table = pairs.groupby("bin", observed=True).agg(pairs=("same", "size"), mean_probability=("probability", "mean"),
                                                    true_match_rate=("same", "mean"))
    print(f"{args.seeds} seeds of {args.preset}: candidate pairs by link probability")
    print(table.round(3).to_string())
    excess = np.array([r[1] for r in runs]) * 100
    print(f"persons with every true candidate pair linked vs persons behind the ads: "
          f"+{excess.mean():.1f}% on average (max +{excess.max():.1f}%)")
    decided = pd.DataFrame([r[2] for r in runs])
    print("per set, mean (sd): " + ", ".join(f"{name} {decided[name].mean():.1f} ({decided[name].std():.1f})"
                                             for name in decided.columns))


if __name__ == "__main__":
    main()

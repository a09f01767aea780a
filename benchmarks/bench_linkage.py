"""Linkage benchmark: accuracy over seeds, an ablation of evidence and scorers, end-to-end throughput.

    .venv/bin/python benchmarks/bench_linkage.py accuracy --preset pas-de-calais-2018 --seeds 0 1 2 3 4
    .venv/bin/python benchmarks/bench_linkage.py accuracy --preset text-scale --n-ads 20000 --seeds 0 1 2
    .venv/bin/python benchmarks/bench_linkage.py errors --preset text-scale --n-ads 20000 --seeds 0 1 2
    .venv/bin/python benchmarks/bench_linkage.py throughput --n-ads 100000
    .venv/bin/python benchmarks/bench_linkage.py accuracy --preset north-america-en --seeds 0 1 2
    .venv/bin/python benchmarks/bench_linkage.py accuracy --preset europe-mixed --seeds 0 1 2
    .venv/bin/python benchmarks/bench_linkage.py accuracy --preset heldout-7 --seeds 0 1

(presets: adcount.synth.PRESETS, or heldout-<k> for settings drawn by random_preset(k))

Sets are generated once into --work (default /tmp/adcount-bench-linkage). `accuracy` runs
`adcount.deduplicate` (EM scorer, chaining guard) on each set and prints person and network
scores (`rules` = 1 where the fit check set EM aside for the rule weights); then the ablation
rescores the same run's candidate pairs (the full run's pairs, so every variant sees the same
candidates) with: text evidence only, + contacts, + photos, all comparisons by EM, the same
without the field's level order (`rules.LEVEL_ORDER`), the hand-set rules without EM, a
supervised model trained on the truth of the first seed (scored on the other seeds), and plain
connected components without the chaining guard. `errors` splits each run's person-count error into its causes: true
persons over-split because some of their pairs were never candidates, because candidate pairs
scored under the threshold, or by the chaining guard's re-split; minus merges of two persons;
and shows the comparison levels of the true pairs the run left apart. `throughput` times one end-to-end run and prints ads/s and seconds per stage.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

import numpy as np
import pandas as pd

import adcount
from adcount.link.chaining import split_chains
from adcount.link.cluster import components, person_labels
from adcount.link.comparisons import comparison_levels
from adcount.link.fellegi_sunter import FellegiSunter
from adcount.link.supervised import SupervisedModel
from adcount.tools.evaluate import cluster_metrics
from adcount.link.weights import pair_weights

KEY = b"bench-linkage-key-0123456789abcd"
TEXT_ONLY = ("text", "name_template")
WITH_CONTACTS = TEXT_ONLY + ("phone", "email", "handle")
WITH_PHOTOS = WITH_CONTACTS + ("photo",)


def generator_stamp() -> str:
    """Digest of the synthetic-set generator's source: a cached set written by another version
    of it is another set, and is regenerated rather than silently reused."""
    sources = sorted(Path(adcount.synth.__file__).parent.glob("*.py"))
    return hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()[:16]


def ad_set(work: Path, preset: str, seed: int, n_ads: int | None) -> Path:
    folder = work / f"{preset}-{seed}-{n_ads or 'default'}"
    stamp = folder / "generator.stamp"
    current = generator_stamp()
    if not (folder / "truth.csv").exists() or not stamp.exists() or stamp.read_text() != current:
        adcount.synth.generate(preset=preset, seed=seed, out_dir=folder, n_ads=n_ads)
        stamp.write_text(current)
    return folder


def run(folder: Path, progress=None):
    ads = adcount.load_ads(folder / "ads.csv", image_root=folder)
    result = adcount.deduplicate(ads, key=KEY, progress=progress)
    truth = pd.read_csv(folder / "truth.csv", dtype=str).set_index("ad_id").loc[ads.table["ad_id"]]
    return result, truth


def scores(labels: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    m = cluster_metrics(labels, truth)
    return {"pairF1": m["pairwise_f1"], "P": m["pairwise_precision"], "R": m["pairwise_recall"],
            "B3F1": m["bcubed_f1"], "count_err": m["count_error"]}


def rescored(result, model, levels: pd.DataFrame) -> np.ndarray:
    """Person labels from another model's probabilities on the run's pairs, chaining guard on."""
    probability = model.predict_proba(levels)
    return split_chains(result.n_ads, result.pairs, probability, result.config.link.person_threshold)


def accuracy(args) -> None:
    rows, ablation = [], []
    supervised = None
    for k, seed in enumerate(args.seeds):
        folder = ad_set(args.work, args.preset, seed, args.n_ads)
        result, truth = run(folder)
        person, network = truth["true_person_id"].to_numpy(), truth["true_network_id"].to_numpy()
        full = scores(result.person, person)
        net = cluster_metrics(result.network, network)
        rows.append({"seed": seed, **full, "netF1": net["pairwise_f1"], "rules": int(bool(result.model_note))})
        levels = comparison_levels(result.features)
        weights = pair_weights(result.n_ads, result.pairs)  # as the pipeline weighs pairs in EM
        same = (person[result.pairs[:, 0]] == person[result.pairs[:, 1]]).astype(float)
        variants = {
            "text only": FellegiSunter(comparisons=TEXT_ONLY).fit(levels, sample_weight=weights),
            "+ contacts": FellegiSunter(comparisons=WITH_CONTACTS).fit(levels, sample_weight=weights),
            "+ photos": FellegiSunter(comparisons=WITH_PHOTOS).fit(levels, sample_weight=weights),
            "all, EM": FellegiSunter().fit(levels, sample_weight=weights),
            "all, EM, no level order": FellegiSunter(level_order={}).fit(levels, sample_weight=weights),
            "all, rules (no EM)": FellegiSunter.from_rules(levels),
        }
        if supervised is not None:
            variants["all, supervised (seed %d labels)" % args.seeds[0]] = supervised
        for name, model in variants.items():
            ablation.append({"seed": seed, "variant": name, **scores(rescored(result, model, levels), person)})
        threshold = result.config.link.person_threshold
        plain = person_labels(result.n_ads, result.pairs, result.probability, threshold)
        ablation.append({"seed": seed, "variant": "all, EM, no chaining guard", **scores(plain, person)})
        if k == 0:
            supervised = SupervisedModel().fit(levels, same)
    table = pd.DataFrame(rows)
    print(f"accuracy: {args.preset} n_ads={args.n_ads or 'default'} seeds={args.seeds}")
    print(table.round(3).to_string(index=False))
    print("mean:", table.drop(columns="seed").mean().round(3).to_dict())
    summary = pd.DataFrame(ablation).drop(columns="seed").groupby("variant", sort=False).mean()
    print("ablation (mean over seeds; supervised: over seeds after the first):")
    print(summary.round(3).to_string())


def count_error_causes(result, person: np.ndarray) -> dict[str, float]:
    """Person-count error split into its causes, each as a share of the true persons.

    A true person's ads in k found persons add k - 1 splits; a found person holding ads of j true
    persons removes j - 1 (merges); found - true = splits - merges. Splits are attributed in
    order: what even perfect scoring of the candidate pairs leaves apart (never candidates), what
    linking every true pair at or above the threshold leaves apart (scored under it), the rest
    (re-split by the chaining guard)."""
    codes = pd.factorize(person)[0]
    n_true, n = codes.max() + 1, len(codes)
    pairs, probability = result.pairs, result.probability
    same = codes[pairs[:, 0]] == codes[pairs[:, 1]]

    def splits(labels: np.ndarray) -> int:
        return len(np.unique(codes.astype(np.int64) * n + labels)) - n_true

    never = splits(components(n, pairs[same]))
    unlinked = splits(components(n, pairs[same & (probability >= result.config.link.person_threshold)]))
    final = splits(result.person)
    merges = final + n_true - result.n_persons
    return {"never_candidates": never / n_true, "scored_under": (unlinked - never) / n_true,
            "re_split": (final - unlinked) / n_true, "merges": -merges / n_true,
            "count_err": (result.n_persons - n_true) / n_true}


def errors(args) -> None:
    rows, lost = [], []
    for seed in args.seeds:
        result, truth = run(ad_set(args.work, args.preset, seed, args.n_ads))
        person = truth["true_person_id"].to_numpy()
        rows.append({"seed": seed, **count_error_causes(result, person)})
        a, b = result.pairs[:, 0], result.pairs[:, 1]
        levels = comparison_levels(result.features, ("name", "age", "template", "phone"))
        levels["true"] = person[a] == person[b]
        levels["left_apart"] = levels["true"] & (result.person[a] != result.person[b])
        levels["probability"] = result.probability
        lost.append(levels)
    table = pd.DataFrame(rows)
    print(f"person-count error by cause (share of true persons): {args.preset} n_ads={args.n_ads or 'default'}")
    print(table.round(4).to_string(index=False))
    cells = pd.concat(lost).groupby(["name", "age", "template", "phone"]).agg(
        pairs=("true", "size"), one_person=("true", "mean"), mean_probability=("probability", "mean"),
        true_pairs_left_apart=("left_apart", "sum"))
    print("comparison levels of the true pairs left apart (cells with the most; all seeds):")
    print(cells.sort_values("true_pairs_left_apart", ascending=False).head(8).round(3).to_string())


def throughput(args) -> None:
    folder = ad_set(args.work, args.preset, args.seed, args.n_ads)
    stamps: list[tuple[str, float]] = []
    start = time.perf_counter()
    result, truth = run(folder, progress=lambda stage: stamps.append((stage, time.perf_counter())))
    total = time.perf_counter() - start
    ends = [t for _, t in stamps[1:]] + [start + total]
    stages = {"load": round(stamps[0][1] - start, 1)} | {name: round(end - t, 1) for (name, t), end in zip(stamps, ends)}
    m = scores(result.person, truth["true_person_id"].to_numpy())
    print(f"throughput: {args.preset} n_ads={result.n_ads} seed={args.seed}: {total:.1f} s end to end "
          f"(loading included), {result.n_ads / total:,.0f} ads/s; stages (s): {stages}; "
          f"candidate pairs {len(result.pairs):,}; person pairF1 {m['pairF1']:.3f}, B3F1 {m['B3F1']:.3f}, "
          f"count error {m['count_err']:+.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("accuracy", "errors", "throughput"))
    parser.add_argument("--preset", default="pas-de-calais-2018")
    parser.add_argument("--n-ads", type=int, default=None)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/adcount-bench-linkage"))
    args = parser.parse_args()
    {"accuracy": accuracy, "errors": errors, "throughput": throughput}[args.what](args)


if __name__ == "__main__":
    main()

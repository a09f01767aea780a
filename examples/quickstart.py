"""A first session with adcount, as an analyst would run it in a notebook.

    .venv/bin/python examples/quickstart.py [folder]

Generates a synthetic Pas-de-Calais-like ad set in `folder` (default: quickstart-out/), loads it,
groups ads into persons and networks, and prints the counts with their intervals.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import adcount
from adcount import draw_audit_sample

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "quickstart-out")

# 1. Data: a synthetic set with ground truth (replace with your scraper's export)
adcount.synth.generate(preset="pas-de-calais-2018", seed=0, out_dir=folder / "data")

# 2. Load: every input row is either a valid ad or a reject with its reason
ads = adcount.load_ads(folder / "data" / "ads.csv", image_root=folder / "data")
print(ads, "\n", ads.rejects.head())

# 3. Deduplicate: persons (ads of one individual) and networks (persons tied together)
result = adcount.deduplicate(ads, out_dir=folder / "results")
print(result.summary())
print(result.assignments.head())
print(result.persons.sort_values("n_ads", ascending=False).head())

# 4. Count: persons behind the ads seen, and persons including those seen on no site
print(result.estimate())
print(result.estimate(method="combined", lists="ads"))

# 5. The hand method, made rigorous: label a random sample (here labelled from the truth)
truth = pd.read_csv(folder / "data" / "truth.csv", dtype=str)
sample = draw_audit_sample(result.assignments["ad_id"], 100, seed=0).merge(truth, on="ad_id")
ordered = truth.set_index("ad_id").loc[result.assignments["ad_id"]]
first_ads = set(ordered.reset_index().drop_duplicates("true_person_id")["ad_id"])
sample["duplicate"] = (~sample["ad_id"].isin(first_ads)).astype(int)
print(result.estimate(method="audit", labels=sample["duplicate"]))

# 6. Accuracy against the synthetic truth, and the files for sharing
print(adcount.evaluate(result, truth)["person"])
result.save(folder / "results")

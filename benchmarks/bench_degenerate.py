"""Degenerate ad sets finish fast, with an answer or a message saying why an estimator does not apply.

    .venv/bin/python benchmarks/bench_degenerate.py

Sets (issue 12): 3,000 identical ads; 10,000 ads under one phone with texts drawn from 14 words;
`pas-de-calais-2018` seed 0 with one site per ad; the same with every ad posted on one day.
For each: the time of `load_ads` + `deduplicate`, then of every estimate method and list design,
with its point and interval or the reason it was refused.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd

import adcount

KEY = b"bench-degenerate-key-0123456789"
ESTIMATES: tuple[tuple[str, dict], ...] = (
    ("linkage", {}),
    ("capture-recapture ads", {"method": "capture-recapture"}),
    ("capture-recapture site", {"method": "capture-recapture", "lists": "site"}),
    ("capture-recapture site-group", {"method": "capture-recapture", "lists": "site-group"}),
    ("capture-recapture week", {"method": "capture-recapture", "lists": "week"}),
    ("combined ads", {"method": "combined"}),
)


def identical_ads(n: int = 3000) -> pd.DataFrame:
    text = "Jolie brune de passage à Lille, douce et coquine, appelle-moi au 06 12 34 56 78."
    return pd.DataFrame({"ad_id": [f"a{i:05d}" for i in range(n)], "text": text, "site": "site-a",
                         "posted_at": "2018-10-01"})


def one_phone(n: int = 10_000) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    words = np.array("douce coquine brune blonde sexy massage lille arras lens calais nouvelle jolie "
                     "sensuelle discrete".split())
    texts = [" ".join(rng.choice(words, 12)) + " tel 06 12 34 56 78" for _ in range(n)]
    days = pd.Timestamp("2018-09-01") + pd.to_timedelta(rng.integers(0, 120, n), unit="D")
    return pd.DataFrame({"ad_id": [f"a{i:05d}" for i in range(n)], "text": texts,
                         "site": [f"site-{i % 30}" for i in range(n)], "posted_at": days.astype(str)})


def pas_de_calais(**changes: object) -> pd.DataFrame:
    frame = adcount.synth.generate(preset="pas-de-calais-2018", seed=0)
    frame = frame.drop(columns=[c for c in frame.columns if c.startswith("true_")])
    for column, value in changes.items():
        frame[column] = value(frame) if callable(value) else value
    return frame


def main() -> None:
    warnings.simplefilter("ignore")
    sets = {
        "3,000 identical ads": identical_ads,
        "10,000 ads, one phone": one_phone,
        "one site per ad (pas-de-calais 0)": lambda: pas_de_calais(site=lambda f: f["ad_id"]),
        "all ads on one day (pas-de-calais 0)": lambda: pas_de_calais(posted_at="2018-10-01"),
    }
    for name, build in sets.items():
        frame = build()
        start = time.perf_counter()
        result = adcount.deduplicate(adcount.load_ads(frame), key=KEY)
        print(f"\n{name}: {len(frame)} ads -> {result.n_persons} persons, {result.n_networks} networks; "
              f"load + deduplicate {time.perf_counter() - start:.1f} s")
        for label, options in ESTIMATES:
            start = time.perf_counter()
            try:
                estimate = result.estimate(**options)
                answer = f"{estimate.point:,.0f} [{estimate.low:,.0f}, {estimate.high:,.0f}]"
            except ValueError as err:
                answer = f"not estimated: {err}"
            print(f"  {label:<30} {time.perf_counter() - start:6.1f} s  {answer}")


if __name__ == "__main__":
    main()

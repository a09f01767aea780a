"""Contacts benchmark: accuracy on the labelled corpora and extraction throughput, adcount vs baseline.

Corpora: ``tests/data/contacts/corpus.jsonl`` (French ads) and ``world.jsonl`` (15 countries, each
case read with its own country; per-country table). Baseline: phonenumbers' own
``PhoneNumberMatcher(text, region)`` (leniency VALID, its default), the standard extractor, on the
same texts in the same run; for e-mails, a plain address regex.

    .venv/bin/python benchmarks/bench_contacts.py                 # 1,000,000 synthetic ads
    .venv/bin/python benchmarks/bench_contacts.py --n-ads 20000   # quick run

Throughput is for one process: ``adcount.contacts.batch.extract_contacts`` (phones,
e-mails and handles of every ad) on ``adcount.synth.generate(preset="text-scale")`` ads, and the
baseline on a slice of the same ads (it is slower; the slice keeps the run short).
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import phonenumbers

from adcount import synth
from adcount.contacts.batch import extract_contacts
from cases.contacts import load_labelled, score_extractor
from adcount.contacts.emails import extract_emails
from adcount.contacts.handles import extract_handles
from adcount.contacts.phones import extract_phones

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "contacts" / "corpus.jsonl"
WORLD = CORPUS.with_name("world.jsonl")
_PLAIN_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def baseline_phones(text: str, region: str = "FR") -> list[str]:
    """Phones found by phonenumbers.PhoneNumberMatcher, E.164, in order, without repeats."""
    found: list[str] = []
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in found:
            found.append(e164)
    return found


def baseline_emails(text: str) -> list[str]:
    return list(dict.fromkeys(m.lower() for m in _PLAIN_EMAIL.findall(text)))


def accuracy_table(cases: list[dict]) -> None:
    hard = [c for c in cases if c["hard"]]
    print(f"corpus: {len(cases)} cases ({len(hard)} hard) from {CORPUS.name}")
    print(f"{'field':8} {'extractor':10} {'subset':6} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}")
    rows = [
        ("phones", "adcount", extract_phones), ("phones", "baseline", baseline_phones),
        ("emails", "adcount", extract_emails), ("emails", "baseline", baseline_emails),
        ("handles", "adcount", extract_handles),
    ]
    for field, name, extractor in rows:
        for subset, chosen in (("all", cases), ("hard", hard)):
            s = score_extractor(chosen, field, extractor)
            print(f"{field:8} {name:10} {subset:6} {s.precision:9.4f} {s.recall:7.4f} "
                  f"{s.true_positives:5d} {s.false_positives:4d} {s.false_negatives:4d}")


def world_table(cases: list[dict]) -> None:
    """Precision/recall per country of the world corpus, each case read with its own country."""
    countries = sorted({c["country"] for c in cases}, key=[c["country"] for c in cases].index)
    print(f"\nworld corpus: {len(cases)} cases, {len(countries)} countries, from {WORLD.name}")
    print(f"{'country':7} {'cases':>5}  {'phones P/R':>11}  {'baseline P/R':>12}  {'e-mails P/R':>11}  {'handles P/R':>11}")
    for country in countries:
        chosen = [c for c in cases if c["country"] == country]
        cells = []
        for field, extractor in (("phones", lambda t: extract_phones(t, country)),
                                 ("phones", lambda t: baseline_phones(t, country)),
                                 ("emails", extract_emails), ("handles", lambda t: extract_handles(t, country))):
            s = score_extractor(chosen, field, extractor)
            cells.append(f"{s.precision:.3f}/{s.recall:.3f}")
        print(f"{country:7} {len(chosen):5d}  {cells[0]:>11}  {cells[1]:>12}  {cells[2]:>11}  {cells[3]:>11}")


def _timed(work) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) spent in ``work()``; on a shared machine the
    CPU time is the fairer measure of one process's speed."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def throughput(n_ads: int, baseline_ads: int, seed: int) -> None:
    start = time.perf_counter()
    texts = synth.generate(preset="text-scale", n_ads=n_ads, seed=seed)["text"].tolist()
    print(f"\n{len(texts):,} synthetic ads (text-scale, seed {seed}, mean {sum(map(len, texts)) / len(texts):.0f} "
          f"chars) generated in {time.perf_counter() - start:.1f} s")
    contacts: list = []
    wall, cpu = _timed(lambda: contacts.extend(extract_contacts(texts)))
    n_phones = sum(len(p) for p, _, _ in contacts)
    print(f"adcount extract_contacts (phones+e-mails+handles): {len(texts) / cpu:,.0f} ads/s CPU "
          f"({cpu:.1f} s), {len(texts) / wall:,.0f} ads/s wall ({wall:.1f} s); {n_phones:,} phones")
    sample = texts[:baseline_ads]
    _, ours = _timed(lambda: [extract_phones(text) for text in sample])
    _, theirs = _timed(lambda: [baseline_phones(text) for text in sample])
    print(f"phones only, first {len(sample):,} ads (CPU time): adcount {len(sample) / ours:,.0f} ads/s, "
          f"PhoneNumberMatcher {len(sample) / theirs:,.0f} ads/s, adcount/baseline speed {theirs / ours:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n-ads", type=int, default=1_000_000)
    parser.add_argument("--baseline-ads", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    accuracy_table(load_labelled(CORPUS))
    world_table(load_labelled(WORLD))
    throughput(args.n_ads, min(args.baseline_ads, args.n_ads), args.seed)


if __name__ == "__main__":
    main()

"""From persons to capture histories: which lists (sites, site groups, time windows) saw each person.

Capture–recapture needs a handful of lists with enough overlap. Thirty-nine sites with a few ads
each make a sparse 2^39 table no model can fit, so by default sites are merged into at most six
groups of comparable size (largest sites first, each to the currently smallest group: a greedy
balance); time windows split the study period into equal spans. The sensitivity table re-runs the
estimate with each list left out and with fewer groups, so a user sees how much the answer
depends on how the lists were drawn.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pandas as pd

from adcount.estimate.capture import capture_recapture
from adcount.estimate.histories import is_frequency_table, parse_frequencies, parse_histories
from adcount.estimate.heterogeneity import UNSEEN_FORMULAS
from adcount.estimate.linkage import percentile_interval, replicate_interval, sample_partitions
from adcount.estimate.result import Estimate

LIST_KINDS = ("site", "site-group", "week", "ads")


def list_membership(sites: pd.Series, posted_at: pd.Series, lists: str, max_lists: int) -> tuple[np.ndarray, list[str]]:
    """Per ad, the index of its list (-1 if it has none), and the list names."""
    if lists == "site":
        codes, names = pd.factorize(sites.where(sites != ""), sort=True)
        if len(names) > max_lists:
            raise ValueError(f"{len(names)} sites is too many lists for capture–recapture (max {max_lists}); "
                             "use lists='site-group' to merge them")
        return codes.astype(np.int64), [str(n) for n in names]
    if lists == "site-group":
        return _site_groups(sites, max_lists)
    if lists == "week":
        return _time_windows(posted_at, max_lists)
    raise ValueError(f"unknown lists {lists!r}; use one of {LIST_KINDS}")


def _site_groups(sites: pd.Series, max_lists: int) -> tuple[np.ndarray, list[str]]:
    counts = sites[sites != ""].value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")  # ties by name
    k = min(max_lists, len(counts))
    if k < 2:
        raise ValueError("capture–recapture needs ads on at least two sites (or use lists='week')")
    load = np.zeros(k)
    group_of: dict[str, int] = {}
    members: list[list[str]] = [[] for _ in range(k)]
    for site, n in counts.items():  # one step per site, not per ad
        g = int(np.argmin(load))
        load[g] += n
        group_of[site] = g
        members[g].append(str(site))
    codes = sites.map(group_of).fillna(-1).to_numpy(dtype=np.int64)
    names = ["+".join(m) if len(m) <= 3 else f"{m[0]}+{len(m) - 1} more" for m in members]
    return codes, names


def _time_windows(posted_at: pd.Series, max_lists: int) -> tuple[np.ndarray, list[str]]:
    stamps = pd.to_datetime(posted_at)
    if stamps.notna().sum() == 0:
        raise ValueError("no posting dates: time-window lists need posted_at")
    start, end = stamps.min().normalize(), stamps.max().normalize() + pd.Timedelta(days=1)
    weeks = max(1, int(np.ceil((end - start).days / 7)))
    k = min(max_lists, weeks)
    if k < 2:
        raise ValueError("the ads span less than two weeks: too short for time-window lists")
    edges = pd.date_range(start, end, periods=k + 1)
    codes = np.clip(np.searchsorted(edges.values, stamps.values, side="right") - 1, 0, k - 1)
    codes = np.where(stamps.isna().to_numpy(), -1, codes).astype(np.int64)
    names = [f"{edges[i]:%Y-%m-%d}..{edges[i + 1]:%Y-%m-%d}" for i in range(k)]
    return codes, names


def histories_from_labels(person: np.ndarray, list_of_ad: np.ndarray, names: list[str]) -> pd.DataFrame:
    """Aggregated capture histories (0/1 columns named after the lists, plus `count`)."""
    seen = list_of_ad >= 0
    matrix = np.zeros((int(person.max()) + 1 if person.size else 0, len(names)), dtype=np.int8)
    matrix[person[seen], list_of_ad[seen]] = 1
    matrix = matrix[matrix.any(axis=1)]
    patterns, counts = np.unique(matrix, axis=0, return_counts=True)
    frame = pd.DataFrame(patterns, columns=names)
    frame["count"] = counts
    return frame


def frequencies_from_labels(person: np.ndarray) -> pd.DataFrame:
    """How many persons have exactly k ads: the frequency table of the single-source estimators."""
    per_person = np.bincount(person) if person.size else np.zeros(0, dtype=np.int64)
    k, persons = np.unique(per_person[per_person > 0], return_counts=True)
    return pd.DataFrame({"times_captured": k, "count": persons})


def capture_histories(person: np.ndarray, sites: pd.Series, posted_at: pd.Series, lists: str = "site-group",
                      max_lists: int = 6) -> pd.DataFrame:
    """Capture histories of persons (a label per ad; sites and posting times per ad) over one
    list design (for lists="ads": ads-per-person frequencies)."""
    return _table_maker(sites, posted_at, lists, max_lists)(person)


def _table_maker(sites: pd.Series, posted_at: pd.Series, lists: str,
                 max_lists: int) -> Callable[[np.ndarray], pd.DataFrame]:
    """A function from person labels to the table the estimator reads, for one list design."""
    if lists == "ads":
        return frequencies_from_labels
    codes, names = list_membership(sites, posted_at, lists, max_lists)
    return lambda person: histories_from_labels(person, codes, names)


def fit_table(table: pd.DataFrame, level: float, method: str = "loglinear", **options: Any) -> Estimate:
    """One estimate from a history or frequency table by any `adcount.capture_recapture` method."""
    return capture_recapture(table, method=method, level=level, **options)


def _frequencies(table: pd.DataFrame) -> np.ndarray:
    if is_frequency_table(table):
        return np.asarray(parse_frequencies(table), dtype=float)
    return np.asarray(parse_histories(table).capture_frequencies(), dtype=float)


def capture_recapture_from_labels(person: np.ndarray, sites: pd.Series, posted_at: pd.Series, level: float,
                                  lists: str = "ads", max_lists: int = 6, **options: Any) -> Estimate:
    """Capture–recapture on the persons found (a label per ad): everyone, including those seen on no list.

    lists: "ads" (default: ads per person as capture frequencies, for the single-source
    estimators; "bracket" unless `method=` says otherwise — the one-inflation bound and iChao1,
    the best-covering on synthetic sets, docs/estimates.md — or "chao", "chao-bc", "zelterman",
    "ztpoisson", "ztnegbin", "ichao", "chao-f2f3"), or "site-group", "site", "week" (capture
    histories over lists, log-linear models). Sites as lists assume a person's presence on one
    site says nothing of the others; when most persons post one or two ads, that fails (one ad
    is one site), and the frequency estimators on "ads" are the sounder choice (docs/estimates.md).
    """
    table = capture_histories(person, sites, posted_at, lists, max_lists)
    if lists == "ads":
        options.setdefault("method", "bracket")
    estimate = fit_table(table, level, **options)
    observed = int(table["count"].sum())
    names = [c for c in table.columns if c not in ("count", "times_captured")]
    details = {**estimate.details, "lists": lists, "list_names": names, "persons_observed": observed}
    return Estimate(estimate.point, estimate.low, estimate.high, estimate.level,
                    f"capture-recapture/{estimate.method}", details)


def combined_estimate(person: np.ndarray, pairs: np.ndarray, probability: np.ndarray, sites: pd.Series,
                      posted_at: pd.Series, level: float, lists: str = "ads", max_lists: int = 6, *,
                      n_replicates: int, linkage_seed: int, **options: Any) -> Estimate:
    """Capture–recapture inside the linkage Monte Carlo: both sources of uncertainty in one interval.

    The estimator (and, for log-linear models, the model) is chosen once, on the persons found,
    with its own interval. Then each replicate redraws the clustering's merge and split decisions
    (`adcount.estimate.linkage.sample_partitions`), rebuilds the table, resamples it
    (multinomial, same number of persons: the bootstrap over persons) and refits the same
    estimator. Per estimator (each component of a bracket), the interval is the envelope of its
    own interval on the persons found and the replicates' percentile interval stretched to hold
    that estimate (`linkage.replicate_interval`), so neither sampling, model nor linkage error
    is dropped. person, pairs, probability: the clustering's labels per ad, its candidate pairs
    and their link probabilities; linkage_seed: the linkage replicates' seed (options may hold the
    estimator's own `seed` and `n_boot`).
    """
    reps = n_replicates
    base = capture_recapture_from_labels(person, sites, posted_at, level, lists, max_lists, **options)
    components = _components(base)
    refits = {name: _refitter(name, base, level) for name in components}
    make_table = _table_maker(sites, posted_at, lists, max_lists)
    rng = np.random.default_rng(linkage_seed + 1)
    draws: dict[str, list[float]] = {name: [] for name in components}
    failed = 0
    for labels in sample_partitions(person, pairs, probability, reps, linkage_seed):
        table = make_table(labels)
        counts = table["count"].to_numpy()
        table["count"] = rng.multinomial(counts.sum(), counts / counts.sum())
        table = table[table["count"] > 0]
        try:
            points = {name: refit(table) for name, refit in refits.items()}
        except ValueError:  # the estimator has no solution on this replicate's table
            failed += 1
            continue
        for name, value in points.items():
            draws[name].append(value)
    if reps - failed < reps // 2:
        raise ValueError(f"the estimator could not be refitted on {failed} of {reps} replicates")
    bounds = {name: replicate_interval(components[name][0], np.asarray(draws[name]), level)
              for name in components}
    low = min(min(components[n][1], bounds[n][0]) for n in components)
    high = max(max(components[n][2], bounds[n][1]) for n in components)
    spread = [percentile_interval(np.asarray(values), level) for values in draws.values()]
    details = {**base.details, "linkage_replicates": reps, "linkage_replicates_failed": failed,
               "estimator_interval": [base.low, base.high],
               "linkage_and_sampling_interval": [min(s[0] for s in spread), max(s[1] for s in spread)],
               "linkage_interval": {n: list(b) for n, b in bounds.items()}}
    return Estimate(base.point, low, high, level,
                    base.method.replace("capture-recapture/", "capture-recapture+linkage/"), details)


def _components(base: Estimate) -> dict[str, tuple[float, float, float]]:
    """(point, low, high) per estimator behind `base`: the bracket's components, or base itself."""
    parts = base.details.get("components")
    if parts:
        return {name: (p["point"], p["low"], p["high"]) for name, p in parts.items()}
    return {base.method.split("/", 1)[1]: (base.point, base.low, base.high)}


def _refitter(name: str, base: Estimate, level: float) -> Callable[[pd.DataFrame], float]:
    """The point of estimator `name` on a replicate's table (the same log-linear model as `base`)."""
    if name in UNSEEN_FORMULAS:
        unseen = UNSEEN_FORMULAS[name]

        def point(table: pd.DataFrame) -> float:
            freq = _frequencies(table)
            return float(freq.sum() + unseen(freq))
        return point
    options: dict[str, Any] = {"method": name}
    if name == "loglinear":
        options.update(model=base.details["model"], interval="none")
    return lambda table: fit_table(table, level, **options).point


def list_sensitivity(person: np.ndarray, sites: pd.Series, posted_at: pd.Series, level: float = 0.95,
                     lists: str = "site-group", max_lists: int = 6, **options: Any) -> pd.DataFrame:
    """Estimates under other list designs: each list left out, and fewer merged groups."""
    if lists not in ("site", "site-group", "week"):
        raise ValueError("list sensitivity applies to list designs: 'site', 'site-group' or 'week'")
    codes, names = list_membership(sites, posted_at, lists, max_lists)
    rows = []

    def record(design: str, person_codes: np.ndarray, person_names: list[str]) -> None:
        try:
            est = capture_recapture(histories_from_labels(person, person_codes, person_names),
                                    level=level, **options)
            rows.append({"design": design, "lists": len(person_names), "point": est.point,
                         "low": est.low, "high": est.high, "method": est.method})
        except ValueError as err:
            rows.append({"design": design, "lists": len(person_names), "point": np.nan,
                         "low": np.nan, "high": np.nan, "method": f"not estimable: {err}"})

    record("all lists", codes, names)
    if len(names) > 2:
        for omitted, name in enumerate(names):
            kept = np.where(codes == omitted, -1, codes - (codes > omitted))
            record(f"without {name}", kept, [n for i, n in enumerate(names) if i != omitted])
    for k in range(len(names) - 1, 1, -1) if lists != "site" else ():
        if lists == "site-group":
            merged_codes, merged_names = _site_groups(sites, k)
        else:
            merged_codes, merged_names = _time_windows(posted_at, k)
        record(f"{k} lists", merged_codes, merged_names)
    return pd.DataFrame(rows)

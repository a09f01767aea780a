"""Which numbering plans a set of ads mixes, and which plan each ad's national numbers follow.

A set scraped across borders mixes national numbers of several countries ("06 12 34 56 78" in
Paris, "0470 12 34 56" in Brussels, "612 345 678" in Madrid), and many digit runs are valid in
more than one plan: French mobiles are Monaco and Dutch numbers too, Spanish mobiles Luxembourg
and Somali ones. Counting every plan that reads a run (as a one-country inference does) lets
the plans that read everything win; here each distinct run is shared between the plans that
read it, in proportion to how much of the set each plan explains. This is the EM fit of a
mixture whose components are numbering plans (Dempster, Laird & Rubin 1977): a plan that only
ever reads runs another plan reads as well (Monaco beside France) fades out, a plan with runs of
its own keeps its share.

Each ad is then read with one plan: the one its own runs, its city and its site support best,
the city and site priors being learned from the ads whose runs leave no doubt (a Brussels ad
with "0470 12 34 56"). :func:`ad_plans` does this in whole-array work over (ad, run) pairs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

# A plan is kept for the set when it explains at least this share of its distinct national runs
# and at least this many of them: below, a handful of stray digit runs (an order number, a
# foreign landline) would make every ad of the set readable in a plan nobody there uses.
MIN_SHARE = 0.01
MIN_RUNS = 5.0
# A run the ad's plan cannot read at all counts against that plan as this fraction of the best
# reading of it (an ad may show two numbers of two countries, so not as a veto).
_UNREAD = 0.01
# Pseudo-count of the set's shares in the city and site priors: a city seen in 5 ads whose
# numbers leave no doubt moves its ads' plan; one ad does not.
_PRIOR_ADS = 5.0
# An ad's plan is sure enough to teach the city and site priors when its runs make it at least
# twice as likely as any other (a run written the plan's way: three times).
_SURE_MARGIN = float(np.log(2.0))


def plan_shares(weights: np.ndarray) -> np.ndarray:
    """Share of each plan (column) in a set of distinct runs (rows): the share of the runs it
    reads best. A run read equally well by several plans (Irish and Thai mobiles are both
    written "087 123 4567", Mexican and North American numbers "212 555 0123") is shared among
    them in proportion to the runs each reads best alone, plus one: a plan that never wins a
    run alone gets little of the runs it ties on.

    ``weights[r, g]``: how likely plan g's ads are to show run r (0: not a valid number there).
    Rows read by no plan are ignored; the shares sum to 1 (all zeros without a readable run).
    """
    readable = weights[weights.max(axis=1) > 0]
    if readable.size == 0:
        return np.zeros(weights.shape[1])
    best = readable == readable.max(axis=1, keepdims=True)
    alone = best[best.sum(axis=1) == 1].sum(axis=0) + 1.0
    credit = best * alone
    return (credit / credit.sum(axis=1, keepdims=True)).mean(axis=0)


def ad_plans(n_ads: int, ad_of_run: np.ndarray, run_weights: np.ndarray, share: np.ndarray,
             places: Sequence[np.ndarray], place_plans: Sequence[np.ndarray] = ()) -> np.ndarray:
    """Index of the plan each ad is read with.

    ad_of_run: the ad of each (ad, run) occurrence; run_weights: its row of plan weights (see
    `plan_shares`). share: the set's plan shares. places: integer codes per ad of its city,
    site ... (-1 unknown); place_plans: for each place kind, an optional (place code -> plan
    index or -1) array of a plan known for the place itself (a site under ".be"), counted as
    `_PRIOR_ADS` ads.

    An ad's score of plan g: the log of its places' learned priors (as likelihood ratios, 1 when
    a place says nothing), plus for each run the log of its reading in g (at least `_UNREAD` of
    its best reading). The set's shares are no prior of their own: a small country of the mix
    (Dutch numbers, 2% of a European set) would never win its own ads, "06-12345678" written
    the Dutch way included; they only smooth the place priors.
    """
    best = run_weights.max(axis=1, keepdims=True)
    run_score = np.log(np.maximum(run_weights, _UNREAD * best))
    own_runs = np.zeros((n_ads, share.size))
    np.add.at(own_runs, ad_of_run, run_score)
    has_run = np.bincount(ad_of_run, minlength=n_ads) > 0
    # the ads whose runs leave no doubt teach each place its plans
    ranked = np.sort(own_runs, axis=1)
    sure = has_run & (ranked[:, -1] - ranked[:, -2] >= _SURE_MARGIN) if share.size > 1 else has_run
    sure_plan = own_runs.argmax(axis=1)
    score = own_runs.copy()
    for kind, codes in enumerate(places):
        known = place_plans[kind] if kind < len(place_plans) else None
        score += _place_log_ratio(codes, sure, sure_plan, share, known)
    return score.argmax(axis=1)


def _place_log_ratio(codes: np.ndarray, sure: np.ndarray, sure_plan: np.ndarray, share: np.ndarray,
                     known: np.ndarray | None) -> np.ndarray:
    """Per ad and plan, log of (its place's smoothed plan frequencies / the set's shares)."""
    n_places = int(codes.max()) + 1 if codes.size else 0
    counts = np.zeros((n_places + 1, share.size))  # last row: unknown place, no counts
    taught = sure & (codes >= 0)
    np.add.at(counts, (codes[taught], sure_plan[taught]), 1.0)
    if known is not None:
        has_plan = known >= 0
        counts[np.flatnonzero(has_plan), known[has_plan]] += _PRIOR_ADS
    prior = (counts + _PRIOR_ADS * share) / (counts.sum(axis=1, keepdims=True) + _PRIOR_ADS)
    ratio = np.log(np.maximum(prior, 1e-12)) - np.log(np.maximum(share, 1e-12))
    return ratio[np.where(codes >= 0, codes, n_places)]


def place_codes(values: pd.Series) -> np.ndarray:
    """Integer codes of a place column (city, site) after light folding; -1 for empty."""
    folded = values.astype(str).str.strip().str.casefold()
    codes, _ = pd.factorize(folded.where(folded != ""), use_na_sentinel=True)
    return codes.astype(np.int64)

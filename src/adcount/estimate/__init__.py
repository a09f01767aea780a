"""Estimators: persons behind the ads, with intervals. They read arrays and frames (labels, pairs,
probabilities, capture histories), never a `DedupResult` (docs/estimates.md).

- `linkage`: the Monte Carlo over the clustering's merge and split decisions.
- `capture`: `capture_recapture`, the one registry of capture–recapture methods (log-linear,
  two-list, frequency and heterogeneity estimators); `lists`: capture histories from persons
  over sites, site groups or weeks, and the combined linkage + capture–recapture interval.
- `audit`: the estimate from a labelled random sample (`draw_audit_sample`).
"""

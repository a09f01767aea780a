"""Short notebook views of `DedupResult`, `Estimate` and `Ads`: a line for `repr`, a small table
for `_repr_html_`. None prints contacts or ad texts; none computes an interval (a view must be
instant): `result.estimate()` and `result.report()` do that."""

from __future__ import annotations

import html

import pandas as pd

PREVIEW_ROWS = 5
PREVIEW_COLUMNS = ("ad_id", "site", "posted_at", "city", "age", "gender", "nationality")  # no contacts, no text


def _rows(pairs: list[tuple[str, object]]) -> str:
    return "".join(f"<tr><th style=\"text-align:left\">{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in pairs)


def result_repr(n_ads: int, n_persons: int, n_networks: int, n_rejected: int) -> str:
    return f"DedupResult({n_ads:,} ads -> {n_persons:,} persons, {n_networks:,} networks; {n_rejected:,} rejected)"


def result_html(n_ads: int, n_persons: int, n_networks: int, n_rejected: int, n_flags: int,
                warnings: tuple[str, ...]) -> str:
    """A small table of counts, the coverage warnings, and what to call next."""
    notes = "".join(f"<p>&#9888; {html.escape(w)}</p>" for w in warnings)
    return (f"<b>DedupResult</b><table>{_rows([('ads', f'{n_ads:,}'), ('persons', f'{n_persons:,}'), ('networks', f'{n_networks:,}'), ('rejected', f'{n_rejected:,}'), ('flagged', f'{n_flags:,}')])}</table>"
            f"{notes}<p><code>.estimate()</code> for the interval, <code>.report('report.html')</code> for the diagnostic, "
            "<code>.assignments</code>, <code>.persons</code>, <code>.links</code> for the tables.</p>")


def estimate_html(point: float, low: float, high: float, level: float, method: str) -> str:
    return (f"<b>Estimate</b>: <b>{point:,.0f}</b> persons, {level:.0%} interval {low:,.0f} – {high:,.0f} "
            f"<span style=\"color:#666\">({html.escape(method)})</span>")


def ads_html(table: pd.DataFrame, n_rejected: int, n_flags: int) -> str:
    """Counts and the first rows of the identifying, non-contact columns."""
    columns = [c for c in PREVIEW_COLUMNS if c in table.columns]
    preview = table[columns].head(PREVIEW_ROWS).to_html(index=False, na_rep="", border=0)
    return (f"<b>Ads</b>: {len(table):,} valid, {n_rejected:,} rejected, {n_flags:,} flagged"
            f"{preview}")

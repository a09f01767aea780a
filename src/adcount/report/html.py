"""A self-contained HTML summary of a run, shaped like the diagnostics it replaces.

One file, no scripts, no external assets (it is read offline and forwarded by e-mail): the
headline count with its interval, what each evidence channel saw, where people are advertised (by city
and by site), how ads spread over persons, networks, and what was rejected or flagged. Contacts
never appear, raw or pseudonymised: a report is for sharing.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from adcount.estimate.result import Estimate
from adcount.result import DedupResult

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:60rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.headline{font-size:2.4rem;font-weight:700;margin:.5rem 0} .muted{color:#666;font-size:.9rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem} th,td{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child{text-align:left} .bar{fill:#4a6fa5} .grid{display:grid;grid-template-columns:1fr 1fr;gap:2rem}
.warning{background:#fff4e0;border-left:4px solid #e0a000;padding:.4rem .8rem}
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def _table(frame: pd.DataFrame, max_rows: int = 25) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in frame.columns)
    rows = []
    for record in frame.head(max_rows).itertuples(index=False):
        cells = "".join(f"<td>{_e(_fmt(v))}</td>" for v in record)
        rows.append(f"<tr>{cells}</tr>")
    more = f'<p class="muted">{len(frame) - max_rows} more rows in the CSV files.</p>' if len(frame) > max_rows else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return "" if np.isnan(value) else f"{value:,.1f}" if not value.is_integer() else f"{value:,.0f}"
    return str(value)


def _bars(labels: list[str], values: list[float], width: int = 420) -> str:
    """A horizontal bar chart as inline SVG."""
    if not values:
        return '<p class="muted">nothing to show</p>'
    top = max(values) or 1
    row = 18
    parts = [f'<svg width="{width + 180}" height="{row * len(values) + 4}" role="img">']
    for i, (label, value) in enumerate(zip(labels, values)):
        y = i * row + 2
        length = int((width - 60) * value / top)  # room left for the value label
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{_e(label)[:26]}</text>')
        parts.append(f'<rect class="bar" x="170" y="{y}" width="{length}" height="{row - 5}"/>')
        parts.append(f'<text x="{174 + length}" y="{y + 12}" font-size="11">{value:,.0f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _interval(est: Estimate) -> str:
    return f"{est.level:.0%} interval {est.low:,.0f} – {est.high:,.0f}"


def render(result: "DedupResult", estimates: list[Estimate], title: str = "adcount report") -> str:
    """The report as an HTML string. `estimates`: the linkage estimate first, then any others."""
    main = estimates[0]
    table = result.ads.table
    persons = result.persons
    frame = pd.DataFrame({"person": result.person, "city": table["city"].replace("", "(unknown)"),
                          "site": table["site"].replace("", "(unknown)")})
    by_city = frame.groupby("city").agg(ads=("person", "size"), persons=("person", "nunique"))
    by_city = by_city.sort_values(["persons", "ads"], ascending=False)
    by_site = frame.groupby("site").agg(ads=("person", "size"), persons=("person", "nunique"))
    by_site = by_site.sort_values(["ads", "persons"], ascending=False)
    ads_per_person = persons["n_ads"].value_counts().sort_index()
    network_sizes = persons.groupby("network_id").size()
    multi = network_sizes[network_sizes > 1].sort_values(ascending=False)

    other_rows = "".join(
        f"<tr><td>{_e(e.method)}</td><td>{_e(_meaning(e))}</td><td>{e.point:,.0f}</td><td>{e.low:,.0f}</td>"
        f"<td>{e.high:,.0f}</td></tr>" for e in estimates)
    body = f"""
<h1>{_e(title)}</h1>
<p class="muted">{result.n_ads} ads analysed, {len(result.rejects)} rejected with a reason, {len(result.flags)} flagged (a photo or characters that could not be used; their ads kept).</p>
<div class="headline">{main.point:,.0f} persons</div>
<p>{_interval(main)} — persons behind the ads seen (uncertainty of the links between ads).</p>
<p class="muted">Duplicate rate found here: {main.details.get('duplicate_rate', 0):.0%} of the ads are another ad of a person already counted.</p>
<h2>Evidence seen</h2>
{_coverage(result)}
<h2>Estimates</h2>
<table><thead><tr><th>method</th><th>what it counts</th><th>persons</th><th>low</th><th>high</th></tr></thead><tbody>{other_rows}</tbody></table>
<p class="muted">Capture–recapture estimates count people seen on none of the scraped sites too; they rest on assumptions (a closed population; for site lists, that being on one site says nothing of being on another) discussed in docs/estimates.md. When they disagree, the ads-per-person design is usually the sounder for ad data.</p>
<h2>Networks</h2>
<p>{result.n_networks} networks; {len(multi)} tie two persons or more together (shared phone, e-mail, handle or ad template), covering {int(multi.sum()) if len(multi) else 0} persons.</p>
{_bars([f"{k}" for k in multi.index[:15]], [float(v) for v in multi.values[:15]])}
<div class="grid"><div>
<h2>Where: persons by city</h2>
{_bars(list(by_city.index[:20]), by_city["persons"].astype(float).tolist()[:20])}
</div><div>
<h2>Sites</h2>
{_table(by_site.reset_index(), 20)}
</div></div>
<h2>Ads per person</h2>
{_bars([str(k) for k in ads_per_person.index[:20]], ads_per_person.astype(float).tolist()[:20])}
<h2>Claimed profiles</h2>
{_profile(persons)}
<h2>Rejected ads</h2>
{_table(result.rejects.groupby("reason").size().rename("ads").reset_index()) if len(result.rejects) else '<p class="muted">none</p>'}
<p class="muted">Made by adcount. Contacts are not shown in this report; the CSV files carry keyed pseudonyms.</p>
"""
    return f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{_e(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>\n"


def _coverage(result: "DedupResult") -> str:
    """How many ads carry each evidence channel, and the warnings on silent ones."""
    coverage = result.coverage
    rows = pd.DataFrame({"evidence": list(coverage.ads_with), "ads": list(coverage.ads_with.values())})
    rows["share"] = [f"{v / coverage.n_ads:.0%}" if coverage.n_ads else "-" for v in rows["ads"]]
    warnings = "".join(f'<p class="warning">&#9888; {_e(w)}</p>' for w in coverage.warnings)
    return _table(rows) + f'<p class="muted">{_e(coverage.phone_region)}</p>' + warnings


def _meaning(est: Estimate) -> str:
    lists = est.details.get("lists")
    if lists is None:
        return "persons behind the ads seen"
    design = {"ads": "ads per person as captures", "site-group": "groups of sites as lists",
              "site": "sites as lists", "week": "time windows as lists"}.get(lists, lists)
    return f"all persons, incl. unseen ({design})"


def _profile(persons: pd.DataFrame) -> str:
    parts = []
    for column in ("gender", "nationality"):
        counts = persons[column].replace("", "(not stated)").value_counts()
        parts.append(f"<div><b>{column}</b>{_table(counts.rename('persons').reset_index(), 12)}</div>")
    ages = persons["age"].dropna()
    if len(ages):
        young = float((ages <= 25).mean())
        parts.append(f"<div><b>age</b><p>median claimed age {ages.median():.0f}; {young:.0%} claim 25 or under.</p></div>")
    return f'<div class="grid">{"".join(parts)}</div>'


def write_report(result: "DedupResult", estimates: list[Estimate], path: str | Path,
                 title: str = "adcount report") -> Path:
    """Write the self-contained HTML report of `result` and `estimates` to `path`; return the path."""
    path = Path(path)
    path.write_text(render(result, estimates, title), encoding="utf-8")
    return path

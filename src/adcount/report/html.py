"""A self-contained HTML diagnostic of a run, in French or English: who, where, when, how.

One file, no scripts, no external assets (it is read offline and forwarded by e-mail): the
headline count with its plain-words meaning, protection flags, profiles with shares and
intervals, places (a map where the ads can be placed), sites, weeks, networks and what ties them,
the other estimates with their assumptions and warnings, the evidence seen, and how to read it
all. Contacts never appear, raw or pseudonymised: a report is for sharing. Every number it prints
is in the CSV/JSON files `tables.write_tables` writes beside it.
"""

from __future__ import annotations

import html
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from adcount.estimate.result import Estimate
from adcount.report.charts import bars, weekly
from adcount.report.headline import Ranked, rank_estimates
from adcount.report.networks import TIES
from adcount.report.strings import Strings, choose_language
from adcount.report.svgmap import boundaries, departement_map
from adcount.report.tables import ReportInputs, ReportTables, build_tables, write_tables

SHOWN_ROWS = 25  # rows of a long table or chart shown in the page; all of them are in its CSV
SHOWN_ORIGINS = 15

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:62rem;color:#222;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd} h3{font-size:1rem;margin:1rem 0 .2rem}
.headline{font-size:2.4rem;font-weight:700;margin:.5rem 0} .muted{color:#666;font-size:.9rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem} th,td{padding:.2rem .55rem;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child{text-align:left} .bar{fill:#4a6fa5} .grid{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.warning{background:#fff4e0;border-left:4px solid #e0a000;padding:.4rem .8rem} .protect{background:#fdecea;border-left:4px solid #c0392b;padding:.5rem .9rem}
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def _table(header: list[str], rows: list[list[str]], total: int, file: str, s: Strings) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows[:SHOWN_ROWS])
    more = total - min(len(rows), SHOWN_ROWS)
    note = f'<p class="muted">{_e(s("more_rows", count=s.num(more), file=file))}</p>' if more > 0 else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


def render(tables: ReportTables, estimates: list[Estimate], lang: str, title: str | None = None) -> str:
    """The report as an HTML string. `estimates`: the linkage estimate and any others."""
    s = Strings(lang)
    summary = tables.summary
    sizes = [int(k) for k, v in summary["ads_per_person"].items() for _ in range(v)]
    main, others = rank_estimates(estimates, pd.Series(sizes, dtype=int).to_numpy())
    est = main.estimate
    title = title or s("title")
    sections = [
        f"<h1>{_e(title)}</h1><p class=\"muted\">{_e(_meta(summary, s))}</p>",
        f'<div class="headline" data-figure="headline">{s.num(est.point)} {_e(s("headline_unit"))}</div>',
        f"<p>{_e(s('headline_sentence', point=s.num(est.point), level=s.pct(est.level), low=s.num(est.low), high=s.num(est.high)))}</p>",
        f'<p class="muted">{_e(s("duplicate_rate", rate=s.pct(est.details.get("duplicate_rate", 0.0))))}</p>',
        _protection(summary, s),
        _who(tables.profiles, summary, est.level, s),
        _where(tables, summary, s),
        _when(tables.weeks, s),
        _how(tables.networks, s),
        _others(others, summary, s),
        f"<h2>{_e(s('evidence_title'))}</h2>{_coverage(summary['coverage'], s)}",
        _rejects(summary, s),
        f"<h2>{_e(s('read_title'))}</h2><ul>" + "".join(f"<li>{_e(s(f'read_{k}'))}</li>" for k in range(1, 7)) + "</ul>",
        f'<p class="muted">{_e(s("footer", version=_version()))}</p>',
    ]
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{_STYLE}</style></head><body>{''.join(sections)}</body></html>\n")


def _version() -> str:
    try:
        return version("adcount")
    except PackageNotFoundError:
        return ""


def _meta(summary: dict, s: Strings) -> str:
    values = dict(ads=s.num(summary["n_ads"]), sites=s.num(summary["n_sites"]), rejected=s.num(summary["n_rejected"]),
                  data_flags=s.num(summary["n_data_flags"]))
    if summary["first_seen"] is None:
        return s("meta_no_dates", **values)
    return s("meta", first=summary["first_seen"][:10], last=summary["last_seen"][:10], **values)


def _protection(summary: dict, s: Strings) -> str:
    counts = summary["protection"]
    minors, young = counts["claimed_minor"], counts["young_with_youth_wording"]
    body = (f'<p data-figure="protection">{_e(s("protection_counts", minors=s.num(minors), young=s.num(young)))}</p>'
            f'<p class="muted">{_e(s("protection_note"))}</p>') if minors + young else \
        f'<p data-figure="protection">{_e(s("protection_none"))}</p>'
    return f'<h2>{_e(s("protection_title"))}</h2><div class="protect">{body}</div>'


def _category(dimension: str, category: str, s: Strings) -> str:
    key = f"cat_{category}"
    return s(key) if dimension in ("gender", "status", "young") and s.has(key) else category


def _who(profiles: pd.DataFrame, summary: dict, level: float, s: Strings) -> str:
    parts = [f"<h2>{_e(s('who_title'))}</h2><p class=\"muted\">{_e(s('who_note', level=s.pct(level)))}</p><div class=\"grid\">"]
    country = summary["national_country"]
    for dimension in ("gender", "age", "young", "status", "origin", "languages", "services"):
        rows = profiles[profiles["dimension"] == dimension]
        if dimension == "status":
            heading = s("dim_status", country=country) if country else s("dim_status_unknown")
        else:
            heading = s(f"dim_{dimension}")
        if rows.empty or int(rows["base"].max()) == 0:
            continue
        shown = rows.head(SHOWN_ORIGINS) if dimension == "origin" else rows
        table = _table([s("col_category"), s("col_persons"), s("col_share"), s("col_interval")],
                       [[_category(dimension, r.category, s), s.num(r.persons), s.pct(r.share),
                         f"{s.pct(r.low)} – {s.pct(r.high)}"] for r in shown.itertuples()],
                       len(rows) if dimension == "origin" else len(shown), "profiles.csv", s)
        base = int(rows["base"].iloc[0])
        chart = bars(f"profile-{dimension}", [_category(dimension, c, s) for c in shown["category"]],
                     shown["share"].fillna(0).tolist(), s.pct, width=160)
        parts.append(f'<div><h3>{_e(heading)}</h3>{chart}{table}<p class="muted">'
                     f'{_e(s("not_stated", count=s.num(summary["n_persons"] - base)))}</p></div>')
    return "".join(parts) + "</div>"


def _where(tables: ReportTables, summary: dict, s: Strings) -> str:
    places = tables.places
    named = places.assign(place=places["place"].replace("", "?"))
    chart = bars("places", named["place"].head(SHOWN_ROWS).tolist(), named["persons"].head(SHOWN_ROWS).astype(float).tolist(),
                 lambda v: s.num(v))
    more = len(places) - min(len(places), SHOWN_ROWS)
    chart += f'<p class="muted">{_e(s("more_rows", count=s.num(more), file="places.csv"))}</p>' if more > 0 else ""
    parts = [f"<h2>{_e(s('where_title'))}</h2><h3>{_e(s('places_chart'))}</h3>{chart}",
             f"<p>{_e(s('touring', touring=s.num(summary['touring_persons']), base=s.num(summary['persons_with_city'])))}</p>"]
    drawn = departement_map(tables.departements, lambda v: s.num(v))
    if drawn:
        source = boundaries()
        parts.append(f"<h3>{_e(s('map_title'))}</h3>{drawn}<p class=\"muted\">"
                     f"{_e(s('map_source', source=source['source'], licence=source['licence']))}</p>")
    sites = tables.sites
    parts.append(f"<h3>{_e(s('sites_title'))}</h3>" + _table(
        [s("col_site"), s("col_ads"), s("col_persons"), s("col_only_here"), s("col_share")],
        [[r.site or "?", s.num(r.ads), s.num(r.persons), s.num(r.persons_only_here), s.pct(r.share_of_persons)]
         for r in sites.itertuples()], len(sites), "sites.csv", s))
    return "".join(parts)


def _when(weeks: pd.DataFrame, s: Strings) -> str:
    if weeks.empty:
        return ""
    labels = weeks["week"].dt.strftime("%Y-%m-%d").tolist()
    chart = weekly("weeks", labels, weeks["ads"].tolist(), weeks["persons"].tolist())
    return f"<h2>{_e(s('when_title'))}</h2>{chart}<p class=\"muted\">{_e(s('weeks_chart'))}</p>"


def _how(networks: pd.DataFrame, s: Strings) -> str:
    head = f"<h2>{_e(s('how_title'))}</h2>"
    if networks.empty:
        return head + f"<p>{_e(s('networks_none'))}</p>"
    summary = s("networks_summary", networks=s.num(len(networks)), persons=s.num(networks["persons"].sum()))
    rows = [[r.network_id, s.num(r.persons), s.num(r.ads),
             ", ".join(f"{s('tie_' + kind)} {getattr(r, kind)}" for kind in TIES if getattr(r, kind)),
             r.cities.replace("|", ", "), r.sites.replace("|", ", "), r.origins.replace("|", ", "),
             s.num(r.span_days) if pd.notna(r.span_days) else "-"] for r in networks.itertuples()]
    chart = bars("networks", networks["network_id"].head(SHOWN_ROWS).tolist(),
                 networks["persons"].head(SHOWN_ROWS).astype(float).tolist(), lambda v: s.num(v))
    return head + f"<p>{_e(summary)}</p>{chart}" + _table(
        [s("col_network"), s("col_persons"), s("col_ads"), s("col_ties"), s("col_cities"), s("col_sites"),
         s("col_origins"), s("col_span")], rows, len(rows), "networks.csv", s)


def _others(others: list[Ranked], summary: dict, s: Strings) -> str:
    if not others:
        return ""
    rows = []
    for r in others:
        e = r.estimate
        warning = f'<p class="warning">&#9888; {_e(s(r.warning, share=s.pct(summary["one_ad_share"])))}</p>' if r.warning else ""
        rows.append(f"<tr><td>{_e(s('method_' + r.design))}</td><td>{_e(s('assume_' + r.design))}{warning}</td>"
                    f"<td data-value=\"{e.point:g}\">{s.num(e.point)}</td><td>{s.num(e.low)}</td><td>{s.num(e.high)}</td></tr>")
    head = "".join(f"<th>{_e(s(k))}</th>" for k in ("col_method", "col_assumes", "col_persons", "col_low", "col_high"))
    return (f"<h2>{_e(s('estimates_title'))}</h2><p class=\"muted\">{_e(s('estimates_note'))}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _coverage(coverage: dict, s: Strings) -> str:
    n = coverage.get("n_ads", 0)
    rows = [[name, s.num(count), s.pct(count / n) if n else "-"] for name, count in coverage.get("ads_with", {}).items()]
    warnings = "".join(f'<p class="warning">&#9888; {_e(w)}</p>' for w in coverage.get("warnings", []))
    return _table([s("col_channel"), s("col_ads"), s("col_share")], rows, len(rows), "", s) \
        + f'<p class="muted">{_e(coverage.get("phone_region", ""))}</p>' + warnings


def _rejects(summary: dict, s: Strings) -> str:
    reasons = summary["rejects_by_reason"]
    body = _table([s("col_reason"), s("col_ads")], [[k, s.num(v)] for k, v in reasons.items()], len(reasons),
                  "rejects.csv", s) if reasons else f'<p class="muted">{_e(s("none"))}</p>'
    return f"<h2>{_e(s('rejects_title'))}</h2>{body}"


def write_report(inputs: ReportInputs, estimates: list[Estimate], path: str | Path, title: str | None = None,
                 lang: str | None = None) -> Path:
    """Write the report of a run's plain data (`inputs`, e.g. `DedupResult.report_inputs()`) and
    `estimates` to `path` and its tables (CSV/JSON) beside it; return the path. lang: "fr" | "en"
    (default: the ads' language, else the locale)."""
    tables = build_tables(inputs)
    path = Path(path)
    write_tables(tables, path.parent)
    chosen = choose_language(lang, inputs.claims.language, inputs.claims.languages)
    path.write_text(render(tables, estimates, chosen, title), encoding="utf-8")
    return path


__all__ = ["ReportInputs", "render", "write_report"]

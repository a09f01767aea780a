"""Inline SVG charts: horizontal bars and weekly columns with a line.

Every chart is an `<svg data-chart="NAME">` whose marks carry their number in `data-value` and
their label in `data-label`, so a reader's tools (and the browser test) read a chart's data back
from the page; no script, no external asset.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

ROW_HEIGHT = 18  # px per bar
LABEL_WIDTH = 170  # px for the bar labels
LABEL_CHARS = 26  # characters of a bar label shown (the full label is in the CSV and the tooltip)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def bars(name: str, labels: Sequence[str], values: Sequence[float], fmt: Callable[[float], str],
         width: int = 420) -> str:
    """A horizontal bar chart of `values` (largest bar = full width), each bar labelled."""
    if not len(values):
        return ""
    top = max(max(values), 1e-12)
    parts = [f'<svg data-chart="{_e(name)}" width="{width + LABEL_WIDTH + 60}" '
             f'height="{ROW_HEIGHT * len(values) + 4}" role="img">']
    for i, (label, value) in enumerate(zip(labels, values)):
        y = i * ROW_HEIGHT + 2
        length = max(int(width * value / top), 1 if value > 0 else 0)
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{_e(str(label)[:LABEL_CHARS])}</text>'
                     f'<rect class="bar" data-label="{_e(label)}" data-value="{value:g}" x="{LABEL_WIDTH}" y="{y}" '
                     f'width="{length}" height="{ROW_HEIGHT - 5}"><title>{_e(label)}: {_e(fmt(value))}</title></rect>'
                     f'<text x="{LABEL_WIDTH + 4 + length}" y="{y + 12}" font-size="11">{_e(fmt(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def weekly(name: str, weeks: Sequence[str], columns: Sequence[int], line: Sequence[int],
           height: int = 160, step: int = 14) -> str:
    """One column per week (`columns`, e.g. ads) with a line over them (`line`, e.g. persons),
    on one scale; week labels every few columns."""
    if not len(weeks):
        return ""
    top = max(max(columns), max(line), 1)
    width = step * len(weeks) + 40
    scale = (height - 30) / top
    parts = [f'<svg data-chart="{_e(name)}" width="{width}" height="{height}" role="img">']
    for i, (week, value) in enumerate(zip(weeks, columns)):
        bar = value * scale
        parts.append(f'<rect class="bar" data-label="{_e(week)}" data-value="{value}" x="{30 + i * step}" '
                     f'y="{height - 20 - bar:.1f}" width="{step - 3}" height="{bar:.1f}"><title>{_e(week)}: '
                     f'{value}</title></rect>')
    points = " ".join(f"{30 + i * step + (step - 3) / 2:.1f},{height - 20 - v * scale:.1f}" for i, v in enumerate(line))
    parts.append(f'<polyline class="line" fill="none" stroke="#c0392b" stroke-width="2" points="{points}" '
                 f'data-values="{" ".join(str(int(v)) for v in line)}"/>')
    every = max(1, len(weeks) // 8)
    parts += [f'<text x="{30 + i * step}" y="{height - 5}" font-size="10">{_e(week)}</text>'
              for i, week in enumerate(weeks) if i % every == 0]
    parts.append(f'<text x="0" y="12" font-size="10">{top:,}</text></svg>')
    return "".join(parts)

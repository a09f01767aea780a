"""Write docs/api.md, the API reference, from the docstrings of adcount's public names.

    .venv/bin/python docs/make_api.py          # rewrite docs/api.md
tests/test_docs_api.py checks that docs/api.md is what this script writes (run it after changing
a public docstring or signature).
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import adcount
from adcount.result import DedupResult
from adcount.load.schema import Ads

API_PAGE = Path(__file__).parent / "api.md"
CLASSES_WITH_METHODS = (DedupResult, adcount.Estimate, Ads)


def _entry(name: str, obj: object) -> list[str]:
    try:
        signature = str(inspect.signature(obj))
    except (TypeError, ValueError):
        signature = ""
    doc = inspect.getdoc(obj) or "(no docstring)"
    return [f"### `{name}{signature}`", "", doc, ""]


def api_markdown() -> str:
    """The page: every name in `adcount.__all__`, then the public methods of the result classes."""
    lines = ["# API reference", "", "Generated from the docstrings by `docs/make_api.py`; do not edit by hand.",
             "Input columns: [input.md](input.md). The report: [report.md](report.md).", "", "## `adcount`", ""]
    for name in sorted(adcount.__all__):
        obj = getattr(adcount, name)
        if inspect.ismodule(obj):
            lines += [f"### `adcount.{name}`", "", inspect.getdoc(obj) or "", ""]
        else:
            lines += _entry(f"adcount.{name}", obj)
    for cls in CLASSES_WITH_METHODS:
        lines += [f"## `{cls.__name__}`", ""]
        for name, member in sorted(vars(cls).items()):
            if name.startswith("_") and name not in ("_repr_html_",):
                continue
            target = member.fget if isinstance(member, property) else getattr(member, "func", member)
            if callable(target):
                lines += _entry(f"{cls.__name__}.{name}", target)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    API_PAGE.write_text(api_markdown(), encoding="utf-8")
    sys.stdout.write(f"wrote {API_PAGE}\n")

"""docs/tutorial.ipynb runs from top to bottom. Its code cells are executed in order in one
namespace (as a kernel would, without Jupyter: no kernel dependency for one notebook), in a
temporary folder; the last value of each cell is shown the way a notebook would show it
(`_repr_html_` when the object has one)."""

from __future__ import annotations

import ast
import json
import warnings
from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "tutorial.ipynb"


def _run_cell(source: str, namespace: dict) -> object:
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None


def test_tutorial_runs_and_shows_short_views(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cells = [c for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    namespace: dict = {}
    shown = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for cell in cells:
            value = _run_cell("".join(cell["source"]), namespace)
            shown.append(value._repr_html_() if hasattr(value, "_repr_html_") else repr(value))
    assert "DedupResult" in shown[1] and len(shown[1]) < 2000  # a short view, not 40,000 characters
    assert "profiles.csv" in shown[-1] and "report.html" in shown[-1]
    audit = namespace["audit"]
    assert audit.low <= namespace["result"].n_persons * 1.5 and audit.high >= audit.low
    assert (tmp_path / "tutorial-out" / "report.html").stat().st_size > 10_000

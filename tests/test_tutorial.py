"""docs/tutorial.ipynb runs from top to bottom on a small synthetic set.

No Jupyter kernel is needed (and none is added to the dev extra): the notebook is read as the
nbformat-4 JSON it is, its code cells are executed in order in one namespace, in a fresh folder,
and the last expression of each cell is displayed as a notebook would: through `_repr_html_` when
it has one, else `repr`. A cell that raises fails the test with the cell's number."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "tutorial.ipynb"


def _display(value: object) -> str:
    """What Jupyter would show for a cell's last value (tuples show each item's text repr)."""
    return value._repr_html_() if hasattr(value, "_repr_html_") else repr(value)


def _run_cells(cells: list[dict], folder: Path, monkeypatch) -> tuple[dict, list[str]]:
    monkeypatch.chdir(folder)
    namespace: dict = {"__name__": "__main__"}
    shown = []
    for number, cell in enumerate(cells):
        tree = ast.parse("".join(cell["source"]), filename=f"cell {number}")
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"<tutorial cell {number}>", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), f"<tutorial cell {number}>", "eval"), namespace)
            shown.append(_display(value))
    return namespace, shown


def test_tutorial_notebook_runs_end_to_end(tmp_path, monkeypatch):
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] for cell in code), "commit the notebook without outputs"
    namespace, shown = _run_cells(code, tmp_path, monkeypatch)

    result, report = namespace["result"], namespace["report"]
    assert result.n_ads + len(result.rejects) == 200
    assert shown[0].startswith("<b>Ads</b>") and shown[1].startswith("<b>DedupResult</b>")
    assert "ph_" not in "".join(shown[:2]), "a notebook view printed a phone pseudonym or number"
    assert namespace["audit"].method.startswith("audit") and namespace["linkage"].low <= result.n_persons
    assert report.resolve() == tmp_path / "tutorial-report" / "report.html" and report.stat().st_size > 0
    for table in ("profiles.csv", "places.csv", "weeks.csv", "sites.csv", "networks.csv"):
        assert table in shown[-2], table
    profiles = pd.read_csv(report.parent / "profiles.csv")
    assert {"dimension", "category", "share", "base"} <= set(profiles.columns)

"""docs/api.md is generated from the docstrings (docs/gen_api.py): it must match what the code says
today, and it must document every public name."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import adcount

GENERATOR = Path(__file__).resolve().parents[1] / "docs" / "gen_api.py"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_api", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_api_page_is_up_to_date():
    gen = _generator()
    assert gen.API_PAGE.read_text(encoding="utf-8") == gen.render(), "run python docs/gen_api.py"
    assert gen.main(["--check"]) == 0


def test_api_page_documents_every_public_name_with_its_signature():
    page = _generator().render()
    sections = {block.split("`")[1].split("(")[0]: block for block in page.split("\n## ")[1:]}
    assert set(sections) == {f"adcount.{name}" for name in adcount.__all__} - {"adcount.__version__"}
    assert all("(no docstring)" not in block.split("\n### ")[0] for block in sections.values())
    assert "### `DedupResult.report(self, path: 'str | Path', lang: 'str | None' = None" in page


def test_check_fails_on_a_stale_page(tmp_path, monkeypatch):
    gen = _generator()
    stale = tmp_path / "api.md"
    stale.write_text(gen.render().replace("DedupResult", "DedupOutcome", 1), encoding="utf-8")
    monkeypatch.setattr(gen, "API_PAGE", stale)
    assert gen.main(["--check"]) == 1

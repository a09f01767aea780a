"""docs/api.md is what docs/make_api.py writes from the docstrings (regenerate it after changing
a public docstring or signature: `.venv/bin/python docs/make_api.py`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_api_page_is_up_to_date():
    spec = importlib.util.spec_from_file_location("make_api", DOCS / "make_api.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = module.api_markdown()
    assert "### `DedupResult.report(" in page and "### `adcount.deduplicate(" in page
    assert (DOCS / "api.md").read_text(encoding="utf-8") == page, "run: .venv/bin/python docs/make_api.py"

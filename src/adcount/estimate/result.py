"""The `Estimate` value every estimator returns: a point, an interval and how it was made."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np


def _plain(value: Any) -> Any:
    """Turn numpy scalars/arrays and nested containers into JSON-ready Python values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return _plain(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


@dataclass(frozen=True)
class Estimate:
    """A population-size estimate with its interval.

    point, low, high: number of persons (low/high bound a `level` interval; either may be
        ``nan`` when the method gives no interval, or ``inf`` when the data cannot bound it).
    level: confidence level of [low, high], e.g. 0.95.
    method: short name of the estimator ("clustering-bootstrap", "chapman", "loglinear", ...).
    details: method-specific facts (model chosen, ranked models, counts used, comparisons);
        plain JSON-serialisable values only.
    """

    point: float
    low: float
    high: float
    level: float
    method: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form (JSON-ready: numpy values converted, non-finite numbers as strings/None)."""
        return _plain(asdict(self))

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Estimate":
        def num(v: Any) -> float:
            if v is None:
                return math.nan
            return float(v)  # float("inf") parses the "inf" strings written by to_dict

        return cls(
            point=num(data["point"]),
            low=num(data["low"]),
            high=num(data["high"]),
            level=float(data["level"]),
            method=str(data["method"]),
            details=dict(data.get("details", {})),
        )

    def covers(self, value: float) -> bool:
        """Whether `value` lies inside [low, high]."""
        return bool(self.low <= value <= self.high)

    def _repr_html_(self) -> str:
        from adcount.report.notebook import estimate_html

        return estimate_html(self.point, self.low, self.high, self.level, self.method)

    def __repr__(self) -> str:
        return (
            f"Estimate({self.point:,.0f} persons, {self.level:.0%} interval "
            f"[{self.low:,.0f}, {self.high:,.0f}], method={self.method!r})"
        )

"""Link models saved and loaded as JSON (human-readable, diffable, no pickle)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Union

from adcount.link.fellegi_sunter import FellegiSunter
from adcount.link.supervised import SupervisedModel

LinkModel = Union[FellegiSunter, SupervisedModel]
_KINDS = {"fellegi-sunter": FellegiSunter, "supervised-logistic": SupervisedModel}


def save_model(model: LinkModel, path: str | Path) -> Path:
    """Write the model as JSON; returns the path."""
    path = Path(path)
    path.write_text(json.dumps(model.to_dict(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def load_model(path: str | Path) -> LinkModel:
    """Read a model written by `save_model`; a clear error for anything else."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not a JSON link model ({err})") from None
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind not in _KINDS:
        raise ValueError(f"{path}: unknown link model kind {kind!r}; expected one of {sorted(_KINDS)}")
    return _KINDS[kind].from_dict(data)

"""adcount: count the people behind online sex-work ads.

The public surface is small and re-exported here. Names are resolved lazily so that
``import adcount`` stays fast: heavy modules (numba kernels, image decoding) load only
when first used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it: the entry points a user needs. Building blocks live one
# level down, in subpackages whose docstrings say what they hold: adcount.load, adcount.contacts,
# adcount.text, adcount.photos, adcount.claims, adcount.link, adcount.estimate, adcount.report,
# adcount.tools (explain, review, active labelling over a finished result), adcount.synth.
_EXPORTS: dict[str, str] = {
    # load, count, estimate
    "load_ads": "adcount.load.schema",
    "Ads": "adcount.load.schema",
    "Config": "adcount.config",
    "deduplicate": "adcount.pipeline",
    "DedupResult": "adcount.result",
    "Estimate": "adcount.estimate.result",
    "capture_recapture": "adcount.estimate.capture",
    "draw_audit_sample": "adcount.estimate.audit",
    "evaluate": "adcount.tools.evaluate",
    # one channel at a time
    "extract_phones": "adcount.contacts.phones",
    "extract_emails": "adcount.contacts.emails",
    "extract_handles": "adcount.contacts.handles",
    "normalize_text": "adcount.text.normalize",
    "minhash": "adcount.text.minhash",
    "lsh_pairs": "adcount.text.lsh",
    "hash_images": "adcount.photos.hashing",
    "image_pairs": "adcount.photos.hamming",
    # link models, saved and reloaded as JSON
    "FellegiSunter": "adcount.link.fellegi_sunter",
    "save_model": "adcount.link.model_io",
    "load_model": "adcount.link.model_io",
    # a persistent index that links new scrapes to the persons already known
    "Index": "adcount.index",
}

__all__ = sorted([*_EXPORTS, "synth", "tools", "__version__"])


def __getattr__(name: str) -> Any:
    if name in ("synth", "tools"):
        return importlib.import_module(f"adcount.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'adcount' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

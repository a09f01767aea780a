"""adcount: count the people behind online sex-work ads.

The public surface is small and re-exported here. Names are resolved lazily so that
``import adcount`` stays fast: heavy modules (numba kernels, image decoding) load only
when first used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "load_ads": "adcount.schema",
    "Ads": "adcount.schema",
    "Config": "adcount.config",
    "extract_phones": "adcount.normalize.phones",
    "extract_emails": "adcount.normalize.emails",
    "extract_handles": "adcount.normalize.handles",
    "normalize_text": "adcount.normalize.text",
    "normalize_texts": "adcount.normalize.text",
    "jaccard_estimate": "adcount.candidates.lsh",
    "to_datasketch": "adcount.signals.minhash",
    "is_empty_signature": "adcount.signals.minhash",
    "find_templates": "adcount.signals.templates",
    "compare_templates": "adcount.signals.templates",
    "pseudonymize": "adcount.privacy",
    "resolve_key": "adcount.privacy",
    "minhash": "adcount.signals.minhash",
    "lsh_pairs": "adcount.candidates.lsh",
    "hash_images": "adcount.signals.images",
    "ImageHashes": "adcount.signals.images",
    "photo_spread": "adcount.signals.image_spread",
    "image_pairs": "adcount.candidates.hamming",
    "deduplicate": "adcount.pipeline",
    "DedupResult": "adcount.pipeline",
    "Estimate": "adcount.estimate.result",
    "capture_recapture": "adcount.estimate.capture",
    "evaluate": "adcount.metrics",
    "FellegiSunter": "adcount.link.fellegi_sunter",
    "SupervisedModel": "adcount.link.supervised",
    "save_model": "adcount.link.model_io",
    "load_model": "adcount.link.model_io",
    "fold_labels": "adcount.link.active",
    "Index": "adcount.index",
}

__all__ = sorted([*_EXPORTS, "synth", "__version__"])


def __getattr__(name: str) -> Any:
    if name == "synth":
        return importlib.import_module("adcount.synth")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'adcount' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

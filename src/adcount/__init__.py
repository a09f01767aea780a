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
    "load_ads": "adcount.load.schema",
    "Ads": "adcount.load.schema",
    "Config": "adcount.config",
    "extract_phones": "adcount.contacts.phones",
    "extract_emails": "adcount.contacts.emails",
    "extract_handles": "adcount.contacts.handles",
    "normalize_text": "adcount.text.normalize",
    "normalize_texts": "adcount.text.normalize",
    "jaccard_estimate": "adcount.text.lsh",
    "to_datasketch": "adcount.text.minhash",
    "is_empty_signature": "adcount.text.minhash",
    "find_templates": "adcount.text.templates",
    "compare_templates": "adcount.text.templates",
    "pseudonymize": "adcount.privacy",
    "resolve_key": "adcount.privacy",
    "minhash": "adcount.text.minhash",
    "lsh_pairs": "adcount.text.lsh",
    "hash_images": "adcount.photos.hashing",
    "ImageHashes": "adcount.photos.hashing",
    "photo_spread": "adcount.photos.spread",
    "image_pairs": "adcount.photos.hamming",
    "deduplicate": "adcount.pipeline",
    "DedupResult": "adcount.pipeline",
    "Estimate": "adcount.estimate.result",
    "capture_recapture": "adcount.estimate.capture",
    "evaluate": "adcount.tools.evaluate",
    "FellegiSunter": "adcount.link.fellegi_sunter",
    "SupervisedModel": "adcount.link.supervised",
    "save_model": "adcount.link.model_io",
    "load_model": "adcount.link.model_io",
    "fold_labels": "adcount.tools.label",
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

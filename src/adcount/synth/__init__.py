"""Synthetic ad sets with ground truth.

``generate(preset, seed, out_dir, n_ads)`` returns a DataFrame of French-language classified ads
with ``true_person_id`` and ``true_network_id``; ``PRESETS`` maps preset names to their frozen
parameters. See ``presets`` for the calibration.
"""

from .generator import generate
from .presets import PRESETS, Preset

__all__ = ["PRESETS", "Preset", "generate"]

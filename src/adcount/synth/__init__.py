"""Synthetic ad sets with ground truth.

``generate(preset, seed, out_dir, n_ads)`` returns a DataFrame of classified ads with
``true_person_id``, ``true_network_id`` and the per-ad truth of the posting habits (true and
claimed age, gender, origin, language, whose number); ``PRESETS`` maps preset names to their
frozen parameters (``pas-de-calais-2018``, ``text-scale``: the French world;
``north-america-en``, ``europe-mixed``: the habits of real ads elsewhere), and
``random_preset(k)`` draws held-out settings. See ``presets`` and docs/synthetic.md.
"""

from .generator import generate
from .heldout import random_preset
from .presets import PRESETS, Preset

__all__ = ["PRESETS", "Preset", "generate", "random_preset"]

"""Hand-set evidence weights: the prior knowledge the learned models start from.

For each comparison level, the log2 likelihood ratio (bits) an analyst would give it from what
the evidence means in the field: a personal phone in common is near-proof; a phone whose ads
claim several persons is an organiser's; a photo seen with many contacts is a stock photo; one
template with another name or age is two persons of one network. `rule_model` turns the table
into a Fellegi–Sunter model usable as is (the transparent scorer needing no fitting, kept for the
ablation and as a fallback when a set is too small to fit) and as the starting point of EM.
"""

from __future__ import annotations

import numpy as np

from adcount.link.comparisons import BY_NAME, MISSING

PRIOR_MATCH_SHARE = 0.3  # a candidate pair is, a priori, more likely two persons than one

LEVEL_BITS: dict[str, tuple[float, ...]] = {
    "text": (-3.0, -1.0, 1.0, 4.0, 6.0),
    "fuzz": (-2.0, 0.0, 1.0, 2.0),
    "template": (0.0, 0.0, -6.0),
    "phone": (-2.0, 0.5, 4.0, 9.0),
    "email": (-1.0, 0.5, 4.0, 8.0),
    "handle": (-1.0, 0.5, 3.0, 6.0),
    "photo": (0.0, -1.0, 0.5, 5.0, 7.0),
    "name": (-3.0, 2.0),
    "age": (1.5, 0.0, -2.0, -7.0),
    "city": (-0.5, 0.5),
    "site": (0.0, 0.0),
    "days": (0.5, 0.0, -0.5),
}

# m-probabilities held fixed during EM: what one person's ads show, known from the field and not
# left to EM, which could otherwise take "one network" (ads sharing an organiser's phone and
# template) for "one person". A person restates her age within a year (NaN: EM shares the
# held mass between the same age and one year more), rarely two or three.
FIXED_M: dict[str, tuple[float, ...]] = {
    "age": (np.nan, np.nan, 0.03, 0.01),
}


def rule_bits(name: str) -> tuple[float, ...]:
    """The hand-set bits of one comparison's levels (checked against its level count); a joint
    comparison adds the bits of its parts' levels."""
    comparison = BY_NAME[name]
    if comparison.parts:
        parts = [rule_bits(part) for part in comparison.parts]
        return tuple(float(sum(bits[level] for bits, level in zip(parts, combo) if level != MISSING))
                     for combo in comparison.combos)
    bits = LEVEL_BITS[name]
    if len(bits) != len(BY_NAME[name].levels):
        raise ValueError(f"rule table for {name!r} has {len(bits)} levels, the comparison {len(BY_NAME[name].levels)}")
    return bits

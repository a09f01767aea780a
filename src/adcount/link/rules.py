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
    "phone_key": (-2.0, 0.5, 4.0, 9.0),
    "email_key": (-1.0, 0.5, 4.0, 8.0),
    "handle_key": (-1.0, 0.5, 3.0, 6.0),
    "phone": (-2.0, -1.0, -1.0, -0.5, -0.5, 0.0, 0.0, 9.0),
    "email": (-1.0, -1.0, -1.0, -0.5, -0.5, 0.0, 0.0, 8.0),
    "handle": (-1.0, -1.0, -1.0, -0.5, -0.5, 0.0, 0.0, 6.0),
    "photo": (0.0, -1.0, 0.5, 5.0, 7.0),
    "name": (-3.0, 2.0),
    "age": (1.5, 0.0, 0.0, -2.0, -7.0),
    "city": (-0.5, 0.5),
    "site": (0.0, 0.0),
    "days": (0.5, 0.0, -0.5),
}

# m-probabilities held fixed during EM: what one person's ads show, known from the field and not
# left to EM, which could otherwise take "one network" (ads sharing an organiser's phone and
# template) for "one person". A person claims the age the time between her ads says, within a
# year, or an age she keeps over the years (NaN: EM shares the held mass between these), rarely
# two or three years off it.
FIXED_M: dict[str, tuple[float, ...]] = {
    "age": (np.nan, np.nan, np.nan, 0.03, 0.01),
}


# What the field knows of each comparison's levels, whatever EM makes of one ad set: chains of
# levels, each from most against one person to most for, and, where known, which side of "no
# evidence" each level stands (NEUTRAL). A claimed name in common, or a photo, is never evidence
# of two persons, none in common never evidence of one; more text in common is never less
# evidence. Levels left out are free: the template (one template is one organiser's, or one
# woman's), the days between ads, an age kept over the years, the held levels of FIXED_M. EM's
# fit is held to these (`FellegiSunter`), so a set whose two EM classes are not "one person /
# two persons" cannot turn a level's meaning around: on a one-woman set of 20 ads EM gave her
# claimed name -3.5 bits and ages two or three years apart +3.5 (benchmarks/README.md, EM guard).
NEUTRAL = None
# a key in common: none never counts for one person, a personal key never against; a key of
# several persons is never for when the pair claims two of its persons or an ad states no age
# (it proposes, it does not prove), and no evidence either way when both claim one of them (it
# cannot say which). Chains share the neutral point; a level between two NEUTRALs is held at 0.
# The key's own reading (what EM fits) keeps only the first and last of these: an organiser's
# key is what EM learns a network from.
_CONTACT_ORDER = ((0, NEUTRAL, 7), (1, 3, NEUTRAL), (2, 4, NEUTRAL), (NEUTRAL, 5, NEUTRAL), (NEUTRAL, 6, NEUTRAL))
_KEY_ORDER = ((0, NEUTRAL, 3),)
LEVEL_ORDER: dict[str, tuple[tuple[int | None, ...], ...]] = {
    "text": ((0, 1, 2, 3, 4),),
    "phone": _CONTACT_ORDER,
    "email": _CONTACT_ORDER,
    "handle": _CONTACT_ORDER,
    "phone_key": _KEY_ORDER,
    "email_key": _KEY_ORDER,
    "handle_key": _KEY_ORDER,
    "photo": ((1, 0, NEUTRAL, 2, 3, 4),),
    "name": ((0, NEUTRAL, 1),),
    "age": ((1, 0),),
    "city": ((0, 1),),
}


def rule_bits(name: str) -> tuple[float, ...]:
    """The hand-set bits of one comparison's levels (checked against its level count); a joint
    comparison with no row of its own adds the bits of its parts' levels."""
    comparison = BY_NAME[name]
    if comparison.parts and name not in LEVEL_BITS:
        parts = [rule_bits(part) for part in comparison.parts]
        return tuple(float(sum(bits[level] for bits, level in zip(parts, combo) if level != MISSING))
                     for combo in comparison.combos)
    bits = LEVEL_BITS[name]
    if len(bits) != len(BY_NAME[name].levels):
        raise ValueError(f"rule table for {name!r} has {len(bits)} levels, the comparison {len(BY_NAME[name].levels)}")
    return bits

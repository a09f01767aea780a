"""How much each candidate pair counts when EM learns the link model.

An ad's candidate pairs weigh at most PAIRS_PER_AD_IN_EM pairs in all, so a prolific poster's
cliques (77 ads: 2,926 pairs of one person) cannot be most of what EM sees. Used by the pipeline
and by `adcount.tools.label.fold_labels`, so a model refitted with labels learns from the same
weighting as the run it refits.
"""

from __future__ import annotations

import numpy as np

from adcount.config import LinkConfig

PAIRS_PER_AD_IN_EM = LinkConfig.pairs_per_ad_in_em  # default cap: configuration field link.pairs_per_ad_in_em


def pair_weights(n: int, pairs: np.ndarray, cap: float = PAIRS_PER_AD_IN_EM) -> np.ndarray:
    """Weight of each candidate pair in EM: an ad with more than `cap` candidate
    pairs shares that much weight among them; a pair weighs the mean of its two ads' shares.

    Unweighted, a prolific poster's ads (77 ads: 2,926 pairs of one person) are most of what EM
    sees; with 98% of the candidate pairs one person's, its two classes drift to "this person vs
    the others" (heavy-tailed sets: count off by up to +175%). Giving every ad the same say
    (weight 1/degree) cured that but starved EM of the network cliques that teach it what an
    organiser's phone means (three pas-de-calais sets in 100 went from +4% to +25..40%). The cap
    touches only the ads of prolific posters and hubs; 10 was chosen among 1, 5, 10 and 20 on
    held-out heavy-tailed and pas-de-calais sets (benchmarks/README.md, prolific posters).
    """
    degree = np.bincount(pairs.ravel(), minlength=n).astype(float)
    share = np.minimum(1.0, cap / np.maximum(degree, 1.0))
    return 0.5 * (share[pairs[:, 0]] + share[pairs[:, 1]])

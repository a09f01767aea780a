"""A transparent rule scorer: fixed evidence weights (log2 odds) summed into a link probability.

This is the scorer that needs no training: each piece of evidence adds or removes bits of
evidence, in the Fellegi–Sunter spirit, with weights set from what the evidence means in the field
(a personal phone in common is near-proof; a phone whose ads claim several ages is an organiser's;
a photo seen with many contacts is a stock photo). The per-feature contributions are returned too,
so every link can be explained.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PRIOR_BITS = -3.0  # a candidate pair is, a priori, more likely two persons than one

TEXT_LEVELS = ((0.9, 7.0), (0.75, 5.0), (0.6, 3.0), (0.45, 1.0))  # (min Jaccard, bits)
TEXT_DISSIMILAR_BITS = -2.0
PERSONAL_PHONE_BITS = 9.0
HUB_PHONE_BITS = 0.5
EMAIL_BITS = 8.0
HANDLE_BITS = 6.0
PHOTO_LEVELS = ((4, 7.0), (10, 5.0))  # (max Hamming distance, bits) for a photo of one contact
STOCK_CONTACTS = 3  # a photo seen with this many distinct phones or more is treated as stock
STOCK_PHOTO_BITS = 0.5
AGE_CONFLICT_BITS = -7.0
AGE_AGREE_BITS = 1.0


def evidence_bits(features: pd.DataFrame, image_radius: int) -> pd.DataFrame:
    """Per-pair, per-evidence contributions in bits (log2 likelihood ratio)."""
    bits = {}
    jac = features["text_jaccard"].to_numpy(dtype=float)
    text = np.where(np.isnan(jac), 0.0, TEXT_DISSIMILAR_BITS)
    for threshold, weight in reversed(TEXT_LEVELS):
        text = np.where(jac >= threshold, weight, text)
    bits["text"] = text

    shared_phone = features["shared_phones"].to_numpy() > 0
    hub = features["phone_spread"].to_numpy() > 1
    bits["phone"] = np.where(shared_phone, np.where(hub, HUB_PHONE_BITS, PERSONAL_PHONE_BITS), 0.0)
    bits["email"] = np.where(features["shared_emails"].to_numpy() > 0, EMAIL_BITS, 0.0)
    bits["handle"] = np.where(features["shared_handles"].to_numpy() > 0, HANDLE_BITS, 0.0)

    distance = features["image_distance"].to_numpy()
    stock = features["image_spread"].to_numpy() >= STOCK_CONTACTS
    photo = np.zeros(len(features))
    for max_distance, weight in reversed(PHOTO_LEVELS):
        photo = np.where(distance <= min(max_distance, image_radius), weight, photo)
    bits["photo"] = np.where((photo > 0) & stock, STOCK_PHOTO_BITS, photo)

    age_diff = features["age_diff"].to_numpy(dtype=float)
    bits["age"] = np.where(age_diff > 3, AGE_CONFLICT_BITS, np.where(age_diff <= 1, AGE_AGREE_BITS, 0.0))
    bits["age"] = np.where(np.isnan(age_diff), 0.0, bits["age"])
    return pd.DataFrame(bits, index=features.index)


def probabilities(bits: pd.DataFrame) -> np.ndarray:
    """Logistic of the summed evidence (prior included)."""
    total = PRIOR_BITS + bits.to_numpy().sum(axis=1)
    return 1.0 / (1.0 + np.exp2(-total))

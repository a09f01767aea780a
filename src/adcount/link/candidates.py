"""The candidate pairs: every pair of ads that some channel proposes for comparison.

Three channels propose pairs: texts that LSH finds near-identical, ads sharing a near-identical
photo, and ads sharing a contact key (phone, e-mail, handle; a key carried by more than
`max_contact_group` ads, an agency's switchboard, proposes none). A stock photo (seen with many
phones) proposes no pairs of its own: its cliques would flood the candidates with strangers and
skew what EM learns of non-matches; pairs proposed by other evidence still see it (as weak
evidence) in their features.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from adcount.config import LinkConfig
from adcount.contacts.keys import ContactKeys
from adcount.pairs import key_pairs, unique_pairs
from adcount.photos.stage import PhotoEvidence
from adcount.text.stage import TextEvidence


@dataclass(frozen=True)
class Candidates:
    pairs: np.ndarray  # (m, 2) int64, i < j, unique, sorted
    n_text: int  # pairs proposed by each channel (a pair may come from several)
    n_photo: int
    n_contact: int


def candidate_pairs(text: TextEvidence, photos: PhotoEvidence, contacts: ContactKeys, max_contact_group: int,
                    stock_photo_contacts: int = LinkConfig.stock_photo_contacts) -> Candidates:
    """The union of the pairs each channel proposes (module docs)."""
    contact_pairs = key_pairs(contacts.rows, contacts.key_ids, max_group=max_contact_group)
    personal_photo_pairs = photos.ad_pairs[photos.ad_spread < stock_photo_contacts]
    pairs = unique_pairs(np.concatenate([text.pairs, personal_photo_pairs, contact_pairs]))
    return Candidates(pairs, len(text.pairs), len(personal_photo_pairs), len(contact_pairs))

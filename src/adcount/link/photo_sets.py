"""Two persons under one name: told apart by photo sets that never meet.

An organiser may advertise two women with one phone, one template, one name and one age: every
pair of their ads then looks like one person, and only the photos differ. One pair of ads with
no photo in common says little (a woman shows a few of her photos per ad), but a group of ads
does: a person's ads keep showing her own photos, so inside one found person two sets of ads,
each tied together by shared personal photos, each of at least `MIN_SET_ADS` ads, posted over
the same weeks and never showing a photo of the other set, are two persons. A set counts only
if one of its ads shows two photos or more: a woman who shows one photo per ad (some sites
show one; some scrapers keep the first) and rotates three makes three sets that never meet,
while a woman who puts several photos in one ad mixes her photos, so her sets meet.
`photo_sets_apart` marks the pairs between such sets; the pipeline sets their link probability
to 0 and clusters again (a photo-less ad of the found person then goes with the set whose ads it
is, on average, closer to). Sets posted one after the other are left alone: a person renews her
photos.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adcount.config import LinkConfig
from adcount.link.cluster import components
from adcount.link.comparisons import shares_personal_photo

MIN_SET_ADS = LinkConfig.min_photo_set_ads  # default ads with photos a set needs (link.min_photo_set_ads)


def photo_sets_apart(persons: np.ndarray, pairs: np.ndarray, features: pd.DataFrame,
                     photo_count: np.ndarray, day: np.ndarray, min_set_ads: int = MIN_SET_ADS,
                     stock_photo_contacts: int = LinkConfig.stock_photo_contacts) -> np.ndarray:
    """Per pair (rows of `pairs`/`features`): True when its ads are in one found person but in
    two of its photo sets that never meet (module docs).

    persons: person label per ad; photo_count: photos shown per ad; day: posting day per ad
    (NaN unknown: an unknown date does not separate two sets in time).
    """
    n = persons.size
    a, b = pairs[:, 0], pairs[:, 1]
    inside = persons[a] == persons[b]
    photo_set = components(n, pairs[inside & shares_personal_photo(features, stock_photo_contacts)])
    shows = photo_count > 0
    n_sets = photo_set.max() + 1 if n else 0
    set_ads = np.bincount(photo_set[shows], minlength=n_sets)
    mixes = np.bincount(photo_set[photo_count >= 2], minlength=n_sets) > 0
    established = (set_ads >= min_set_ads) & mixes
    candidate = inside & shows[a] & shows[b] & (photo_set[a] != photo_set[b]) \
        & established[photo_set[a]] & established[photo_set[b]]
    if not candidate.any():
        return candidate
    days = pd.Series(day).groupby(photo_set)
    first, last = days.min().to_numpy(), days.max().to_numpy()
    sa, sb = photo_set[a], photo_set[b]
    one_after_other = (last[sa] < first[sb]) | (last[sb] < first[sa])  # False when a date is unknown
    return candidate & ~one_after_other

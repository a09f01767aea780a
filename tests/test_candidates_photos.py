"""Which shared photos propose candidate pairs: a person's own photo does, a stock photo does not.

A stock photo (one picture shown by many unrelated posters, each with their own phone) would
otherwise propose every pair of its ads: at 50,000 ads those cliques were two thirds of all
candidates, EM learned non-matches from them, and persons of one network were merged
(person F1 0.79 -> 0.99 once silenced; benchmarks/README.md). Built on real sample photographs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import adcount
from adcount.synth.photos import sample_photos
from adcount.synth.photo_edits import EDITS

KEY = b"photo-candidates-key-0123456789a"
TEXTS = [
    "Belle brune à Arras, douce et souriante, reçoit en appartement calme. Appelez le 06 11 22 33 4{}.",
    "Massage relaxant à Lens, discrétion assurée, pas de numéro masqué. Contact 07 66 55 44 3{}.",
    "Nouvelle sur Calais pour quelques jours seulement, très câline. Tél 06 98 12 45 7{}.",
    "Étudiante à Béthune, disponible en soirée, rendez-vous uniquement par SMS au 07 21 43 65 8{}.",
]


@pytest.fixture(scope="module")
def photo_ads(tmp_path_factory):
    folder = tmp_path_factory.mktemp("photo-ads")
    photos = sample_photos()
    rng = np.random.default_rng(4)
    rows = []
    for k, text in enumerate(TEXTS):  # four unrelated posters showing one stock photo
        name = f"stock-{k}.jpg"
        EDITS["reencode"](photos["astronaut"], rng).save(folder / name, quality=85)
        rows.append({"ad_id": f"s{k}", "site": f"site{k}", "text": text.format(k), "images": name})
    for k in range(2):  # one person's own photo on two ads with unrelated texts and no contact
        name = f"own-{k}.jpg"
        EDITS["resize"](photos["chelsea"], rng).save(folder / name, quality=85)
        rows.append({"ad_id": f"o{k}", "site": f"site{k}",
                     "text": ["Coucou les amis, je suis de retour ce week-end, venez vite.",
                              "Disponible demain après-midi, appartement privé, bisous."][k],
                     "images": name})
    return adcount.load_ads(pd.DataFrame(rows), image_root=folder)


def test_stock_photo_proposes_no_pairs_but_a_personal_photo_does(photo_ads):
    result = adcount.deduplicate(photo_ads, key=KEY)
    ids = photo_ads.table["ad_id"].to_numpy()
    proposed = {tuple(sorted(pair)) for pair in ids[result.pairs].tolist()}
    assert ("o0", "o1") in proposed
    assert not any(a.startswith("s") and b.startswith("s") for a, b in proposed)
    person = dict(zip(result.assignments["ad_id"], result.assignments["person_id"]))
    assert len({person[f"s{k}"] for k in range(4)}) == 4

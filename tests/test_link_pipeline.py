"""The linkage stage on a handful of hand-written ads: one person re-posting, two persons of one
organiser (shared phone and template, other names and ages), an unrelated ad; model choices."""

import pandas as pd
import pytest

import adcount
from adcount.tools import explain_pair

KEY = b"link-pipeline-key-0123456789abc"
BODY = ("Je vous reçois dans un appartement propre et discret, douche à disposition. "
        "Massage relaxant aux huiles chaudes sur demande. Pas de numéro masqué, pas de SMS.")
ADS = pd.DataFrame({
    "ad_id": ["a1", "a2", "a3", "n1", "n2", "x1"],
    "site": ["vivastreet", "wannonce", "vivastreet", "sexemodel", "sexemodel", "wannonce"],
    "posted_at": ["2018-09-03", "2018-09-10", "2018-10-01", "2018-09-05", "2018-09-06", "2018-09-08"],
    "title": ["Léa 24 ans Arras", "Léa, 24 ans, Arras", "Léa 25 ans à Arras", "Nouvelle à Lens",
              "Nouvelle à Lens", "Massage à Calais"],
    "text": [
        f"Coucou, moi c'est Léa, 24 ans, je suis sur Arras. {BODY} Appelle-moi au 06 12 34 56 78.",
        f"Coucou, moi c'est Léa, 24 ans, je suis sur Arras. {BODY} Tél 06.12.34.56.78 bisous",
        f"Coucou, moi c'est Léa, 25 ans, je suis sur Arras. {BODY} zéro six 12 34 56 78",
        "Nouvelle à Lens : Monica, 22 ans, très féminine. Seulement quelques jours dans la région, "
        "profitez-en. Taille fine et petite poitrine naturelle. Appelle-moi au 07 55 92 51 02.",
        "Nouvelle à Lens : Paloma, 31 ans, très féminine. Seulement quelques jours dans la région, "
        "profitez-en. Taille fine et petite poitrine naturelle. Appelle-moi au 07 55 92 51 02.",
        "Homme sportif propose massage à Calais, sur rendez-vous uniquement, 06 98 76 54 32.",
    ],
})


@pytest.mark.parametrize("model", ["em", "rules"])
def test_one_person_and_two_persons_of_one_organiser(model):
    result = adcount.deduplicate(adcount.load_ads(ADS), key=KEY, model=model)
    person = dict(zip(result.assignments["ad_id"], result.assignments["person_id"]))
    network = dict(zip(result.assignments["ad_id"], result.assignments["network_id"]))
    assert person["a1"] == person["a2"] == person["a3"]
    assert person["n1"] != person["n2"] and network["n1"] == network["n2"]
    assert len({person["a1"], person["n1"], person["x1"]}) == 3
    assert network["a1"] != network["n1"]
    why = str(explain_pair(result, "n1", "n2"))
    assert "different persons, one network" in why
    assert "bits  name_template: different names; one template, other person" in why
    # no photo on either ad: the photo comparison adds nothing rather than counting against
    assert "+0.0 bits  photo: not comparable" in str(explain_pair(result, "a1", "a3"))


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown link model 'magic'"):
        adcount.deduplicate(adcount.load_ads(ADS), key=KEY, model="magic")

"""Templates with slots: one organiser's text filled with several persons' names, ages, cities."""

from __future__ import annotations

import numpy as np
import pytest

import adcount
from adcount.text.templates import SLOT_AGE, SLOT_CITY, SLOT_NAME, SLOT_NATIONALITY, compare_templates, find_templates

TEMPLATE = (
    "Nouvelle à {city} : {name}, {age} ans, {nationality}, très féminine. Seulement quelques jours dans "
    "la région, profitez-en. Taille fine et petite poitrine naturelle, brune aux yeux verts. Appelle-moi "
    "au {phone}. Kiss kiss."
)
NETWORK = [
    TEMPLATE.format(city="Lens", name="Monica", age=22, nationality="brésilienne", phone="06 11 22 33 44"),
    TEMPLATE.format(city="Calais", name="Pamela", age=27, nationality="colombienne", phone="06 11 22 33 44"),
    TEMPLATE.format(city="Arras", name="Bianca", age=31, nationality="roumaine", phone="07 55 66 77 88"),
]
# Monica again: she tours to Béthune and is a year older; same name, same origin
MONICA_TOURING = TEMPLATE.format(city="Béthune", name="Monica", age=23, nationality="brésilienne", phone="06 11 22 33 44")
UNRELATED = (
    "Bonjour messieurs, je suis Jade, étudiante de 24 ans, je vous reçois dans un cadre discret et "
    "propre près de la gare. Massage relaxant aux huiles chaudes, tarifs au téléphone, pas de SMS."
)
TEXTS = [*NETWORK, MONICA_TOURING, UNRELATED]


def test_same_template_with_other_persons_is_network_evidence_against_merging():
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    evidence = compare_templates(TEXTS, pairs)
    assert evidence.same_template.all()
    assert evidence.different_person.all()
    expected = SLOT_NAME | SLOT_AGE | SLOT_CITY | SLOT_NATIONALITY
    assert (evidence.slot_kinds & expected == expected).all()
    assert (evidence.equal_share > 0.8).all()


def test_one_person_touring_is_same_template_but_not_another_person():
    evidence = compare_templates(TEXTS, np.array([[0, 3]]))
    assert evidence.same_template[0]
    assert not evidence.different_person[0]
    assert evidence.slot_kinds[0] & SLOT_CITY
    assert not evidence.slot_kinds[0] & (SLOT_NAME | SLOT_AGE)  # 22 -> 23 is one person


def test_unrelated_ad_and_reworded_text_are_not_templates():
    reworded = (
        "Je m'appelle Monica, j'ai 22 ans et je viens du Brésil. Je suis de passage pour quelques jours "
        "seulement, alors profitez-en vite. Taille fine, petite poitrine, yeux verts."
    )
    evidence = compare_templates([*TEXTS, reworded], np.array([[0, 4], [1, 4], [0, 5]]))
    assert not evidence.same_template.any()


def test_find_templates_groups_the_network_and_shows_its_slots():
    templates = find_templates(TEXTS)
    labels = templates.labels
    assert labels[0] >= 0 and len(set(labels[:4])) == 1
    assert labels[4] == -1
    row = templates.table.iloc[labels[0]]
    assert row["n_ads"] == 4
    for slot in ["{name}", "{age}", "{city}", "{nationality}"]:
        assert slot in row["template"]
    assert "seulement quelques jours dans la region" in row["template"]
    names = templates.slots[templates.slots["slot"] == "name"].set_index("row")["value"].to_dict()
    assert {names[1], names[2]} == {"pamela", "bianca"}
    cities = templates.slots[templates.slots["slot"] == "city"].set_index("row")["value"].to_dict()
    assert cities[3] == "bethune"


def test_templates_on_a_synthetic_set_link_networks():
    ads = adcount.synth.generate(preset="pas-de-calais-2018", seed=0)
    texts = ads["text"].tolist()
    pairs = adcount.lsh_pairs(adcount.minhash(texts), threshold=0.3)
    evidence = compare_templates(texts, pairs)
    network = ads["true_network_id"].to_numpy()
    same_network = network[pairs[:, 0]] == network[pairs[:, 1]]
    assert evidence.same_template.sum() >= 100
    assert same_network[evidence.same_template].mean() >= 0.9


def test_bad_pairs_are_refused():
    with pytest.raises(IndexError):
        compare_templates(TEXTS, np.array([[0, 9]]))

"""Claimed names and ages read from realistic ad texts, without a name list."""

import numpy as np

from adcount.claims import read_claims
from adcount.normalize.text import normalize_texts

ADS = [
    "Coucou, moi c'est Morgane, 19 ans, je suis sur Calais. Appelle-moi au 07.55.92.51.02. Bisous.",
    "Calais - Morgane disponible. Je suis là pendant toute la période des fêtes. Débutants bienvenus.",
    "Nouvelle à Lens : Nadia 27 ans, douce et coquine. Je suis joueuse et patiente.",
    "Bonjour messieurs, je m'appelle Justine, j'ai 37 ans et je suis française. Je suis joueuse.",
    "Jolie roumaine de 38 ans, Ioana vous attend à Saint-Omer. Tenues sexy sur demande.",
    "Ioana 38 ans Arras, jolie roumaine, je suis joueuse et câline.",
    "Massage relaxant à Béthune, jolie et douce, appartement discret. Je suis patiente.",
    "Jolie blonde, jolie sourire, jolie 25 ans, je suis joueuse, massage à Lens.",
]


def test_names_found_from_position_and_claimed_anywhere():
    claims = read_claims(normalize_texts(ADS))
    vocabulary = set(claims.vocabulary)
    assert {"morgane", "nadia", "justine", "ioana"} <= vocabulary
    # adjectives after "je suis", and a common word seen once in name position, are not names
    assert not {"joueuse", "patiente", "jolie", "francaise"} & vocabulary
    names = claims.names.toarray() > 0
    column = {word: k for k, word in enumerate(claims.vocabulary)}
    # the second ad never puts Morgane before an age, yet claims her
    assert names[1, column["morgane"]] and names[4, column["ioana"]]
    assert claims.has_name.tolist() == [True, True, True, True, True, True, False, False]


def test_ages_written_in_text():
    claims = read_claims(normalize_texts(ADS + ["Nouvelle, 12 ans d'expérience, 150 roses"]))
    assert claims.age[[0, 2, 3, 4, 5, 7]].tolist() == [19, 27, 37, 38, 38, 25]
    assert np.isnan(claims.age[1]) and np.isnan(claims.age[6])
    assert np.isnan(claims.age[-1])  # 12 is no adult age

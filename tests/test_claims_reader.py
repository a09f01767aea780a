"""Claimed names and ages read from realistic ad texts, without a name list; the shape of `Claims`."""

import numpy as np
import pytest

from adcount.claims import GENDERS, claims_by_person, read_claims
from adcount.text.normalize import normalize_texts

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


def read(texts):
    return read_claims(normalize_texts(texts))


def test_names_found_from_position_and_claimed_anywhere():
    claims = read(ADS)
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
    claims = read(ADS + ["Nouvelle, 12 ans d'expérience, 150 roses"])
    assert claims.age[[0, 2, 3, 4, 5, 7]].tolist() == [19, 27, 37, 38, 38, 25]
    assert np.isnan(claims.age[1]) and np.isnan(claims.age[6])
    assert np.isnan(claims.age[-1])  # years of a career, and 12 is below any claimed age


def test_a_common_word_in_name_position_in_a_few_ads_is_no_name():
    """The set-level share test: "sweet" sits after "I'm" once, but stands in ten ads."""
    ads = ["I'm sweet and discreet, 5'4, incall downtown."] + [
        f"Sweet and fun girl, text me, incall number {k}." for k in range(9)] + ["Hi, I'm Kayla, 22, sweet."]
    claims = read(ads)
    assert "sweet" not in set(claims.vocabulary) and "kayla" in set(claims.vocabulary)


def test_claims_frame_spells_every_claim_out():
    claims = read(["TS Luciana, Brazilian, 26 y/o, I speak English and Portuguese.",
                   "Homme 30 ans, je m'appelle Kévin, originaire d'Ukraine.", ""])
    frame = claims.to_frame()
    assert frame.drop(columns="age").to_dict("list") == {
        "language": ["en", "fr", ""],
        "names": ["luciana", "kevin", ""],
        "gender": ["trans", "man", ""],
        "origin": ["BR", "UA", ""],
        "spoken": ["en|pt", "", ""],
    }
    assert frame["age"].tolist()[:2] == [26.0, 30.0] and np.isnan(frame["age"][2])
    assert claims.language.tolist() == [1, 0, -1]
    assert claims.languages == ("fr", "en") and GENDERS[claims.gender[0]] == "trans"
    assert claims.origins.shape == (3, len(claims.origin_labels)) and claims.spoken.shape[0] == 3


def test_no_ads_and_empty_texts():
    assert read([]).age.shape == (0,)
    empty = read(["", "   ", "!!!"])
    assert np.isnan(empty.age).all() and (empty.gender == -1).all() and empty.names.shape == (3, 0)
    assert (empty.language == -1).all()


@pytest.mark.parametrize("seed", [0, 1])
def test_row_order_does_not_change_what_each_ad_claims(seed):
    texts = ADS + ["Hi I'm Jessica, 23yo Colombian girl, from Medellin, I speak Spanish.",
                   "Jessica is back in town, text me", "TS Valeria 26, Brazilian, men only"]
    order = np.random.default_rng(seed).permutation(len(texts))
    straight, shuffled = read(texts).to_frame(), read([texts[k] for k in order]).to_frame()
    assert shuffled.reset_index(drop=True).equals(straight.iloc[order].reset_index(drop=True))


def test_claims_gathered_per_person():
    texts = ["Hi I'm Jessica, 23yo Colombian girl, I speak Spanish.", "Jessica back in town, Latina, 22, text me",
             "TS Valeria, 26, Brazilian, men only", "Valeria here, 17 y/o, from Brazil", "Discreet incall, no rush"]
    persons = claims_by_person(read(texts), np.array(["p1", "p1", "p2", "p2", "p3"]))
    assert persons["person"].tolist() == ["p1", "p2", "p3"] and persons["ads"].tolist() == [2, 2, 1]
    assert persons["gender"].tolist() == ["woman", "trans", ""] and persons["gender_ads"].tolist() == [2, 1, 0]
    assert persons["origins"].tolist() == ["CO|latina", "BR", ""]
    assert persons["names"].tolist() == ["jessica", "valeria", ""] and persons["spoken"].tolist() == ["es", "", ""]
    assert persons["age_min"].tolist()[:2] == [22, 17] and persons["age_median"].tolist()[:2] == [22.5, 21.5]
    assert np.isnan(persons["age_min"][2])
    with pytest.raises(ValueError, match="2 person labels for 5 ads"):
        claims_by_person(read(texts), np.array(["a", "b"]))

"""Tricky phrases, one claim kind at a time: what must be read and the traps that must not.

Each ad is read inside a small set of other ads in its language, as the readers work on whole
ad sets (a lone ad would be read without its language's majority to lean on)."""

import numpy as np
import pytest

from adcount.claims import read_claims
from adcount.text.normalize import normalize_texts

CONTEXT = {
    "en": ["Hi gentlemen, I'm available tonight for you, text me.", "Sweet and discreet, no rush, call me now."],
    "fr": ["Bonjour messieurs, je vous reçois dans un appartement discret.", "Pas de SMS, appelez-moi."],
}


def claims_of(text, language):
    frame = read_claims(normalize_texts([text, *CONTEXT[language]])).to_frame()
    return frame.iloc[0]


@pytest.mark.parametrize("text, age", [
    ("Jessica, 23yo, new in town", 23),
    ("Sweet girl 23 y/o available", 23),
    ("Petite blonde, 23 yrs, incall", 23),
    ("I am 23 years old and new here", 23),
    ("Age 23. Incall downtown", 23),
    ("Age: 23, 5'5, 125 lbs", 23),
    ("Hi guys I'm 23 and ready", 23),
    ("Aged 23, slim and fit", 23),
    ("Sexy 23-year-old student", 23),
    ("Tiffany 💋 22 💋 new in town", 22),
    ("Ts, 24, men only", 24),
    ("Independent escort, 28, based in Leeds", 28),
    ("Im Stacy, 17 yo, new here", 17),  # a claimed minor is read as stated
    ("Available 24/7, outcall only", None),
    ("$200 per hour, no rush", None),
    ("I'm 5'4 and 110 lbs", None),
    ("Busty 36DD, blonde", None),
    ("Special: 200 roses for 2 hours", None),
    ("Quickie 30 min 80, hour 150", None),
    ("Over 10 years experience in the business", None),
    ("You must be 21 years old or older to book", None),
    ("Gentlemen 25 to 45 only", None),
    ("I'm 30 minutes from the airport", None),
])
def test_english_ages(text, age):
    read = claims_of(text, "en")["age"]
    assert (np.isnan(read) if age is None else read == age), (text, read)


@pytest.mark.parametrize("text, age", [
    ("Morgane, 19 ans, nouvelle à Lens", 19),
    ("JF 20a, étudiante", 20),
    ("J'ai 23 ans et je suis coquine", 23),
    ("Âge : 35 ans. Taille : 1m70. Poids : 60 kg.", 35),
    ("Jeune femme de 28 ans, douce", 28),
    ("Je m'appelle Lucie, j'ai 16 ans", 16),
    ("Mannequin, 25 ans, élégante", 25),
    ("Dispo 24h/24 7j/7, 1m65 55kg", None),
    ("Tarifs : 30min 80 roses, 1h 150 roses", None),
    ("Réservé aux hommes de plus de 30 ans", None),
    ("Hommes de 40 à 70 ans uniquement", None),
    ("12 ans d'expérience dans le massage", None),
    ("Depuis 10 ans dans le métier", None),
    ("Paris 16e, métro Passy", None),
    ("Disponible de 20 à 23h", None),
])
def test_french_ages(text, age):
    read = claims_of(text, "fr")["age"]
    assert (np.isnan(read) if age is None else read == age), (text, read)


@pytest.mark.parametrize("text, language, gender", [
    ("Sexy TS Latina, new pics", "en", "trans"),
    ("Tgirl Roxy, pre-op, tops welcome", "en", "trans"),
    ("Thai ladyboy, sweet and feminine", "en", "trans"),
    ("Hot milf, real woman, not a ts", "en", "woman"),
    ("Sweet girl, incall, men only", "en", "woman"),
    ("Young guy, fit, for men and women", "en", "man"),
    ("Male escort for ladies and couples", "en", "man"),
    ("Hello gentlemen, discreet upscale incall, men only", "en", None),
    ("Available for men, no rush, text only", "en", None),
    ("Girlfriend experience, no rush", "en", None),
    ("Belle trans brésilienne, active", "fr", "trans"),
    ("Femme trans de 30 ans", "fr", "trans"),
    ("Homme 30 ans, sportif", "fr", "man"),
    ("Jeune homme pour femmes et couples", "fr", "man"),
    ("JF douce et câline", "fr", "woman"),
    ("Jolie brune, nouvelle sur Lens", "fr", "woman"),  # grammar only
    ("Pas de trans, vraie femme", "fr", "woman"),
    ("Réservé aux hommes courtois, appartement discret", "fr", None),
    ("Reçoit hommes et femmes, discrétion", "fr", None),
])
def test_gender(text, language, gender):
    assert claims_of(text, language)["gender"] == (gender or ""), text


@pytest.mark.parametrize("text, language, origins", [
    ("Sweet Ukrainian girl, 22", "en", "UA"),
    ("Hi I'm Sasha from Russia", "en", "RU"),
    ("Sexy Colombian Latina", "en", "CO|latina"),
    ("From the Dominican Republic, new in town", "en", "DO"),
    ("African American beauty", "en", "US"),
    ("Eastern European model", "en", "eastern-european"),
    ("French kiss and Greek ok", "en", ""),
    ("Thai massage, Swedish massage, table shower", "en", ""),
    ("Just back from Mexico, tanned", "en", ""),
    ("I love latinos and white guys", "en", ""),
    ("Fluent in English and Russian", "en", ""),
    ("Asian men welcome", "en", ""),
    ("Belle trans brésilienne", "fr", "BR"),
    ("Originaire d'Algérie, douce", "fr", "DZ"),
    ("Sonia, originaire du Cameroun", "fr", "CM"),
    ("Nouvelle fille de l'Est", "fr", "eastern-european"),
    ("Jolie métisse, je parle français et anglais", "fr", ""),
    ("Branlette espagnole et french kiss", "fr", ""),
    ("Massage thaï et massage chinois", "fr", ""),
    ("Proche place d'Italie, Paris 13e", "fr", ""),
    ("Retour de Russie après les vacances", "fr", ""),
    ("Toutes nationalités bienvenues, clients français", "fr", ""),
])
def test_origin(text, language, origins):
    assert claims_of(text, language)["origin"] == origins, text


@pytest.mark.parametrize("text, language, name", [
    ("I'm Jessica, new in town", "en", "jessica"),
    ("Hey, my name is Amber and I love to party", "en", "amber"),
    ("Call me Mia, incall only", "en", "mia"),
    ("Summer here, visiting Seattle", "en", "summer"),
    ("It's Chloe, back again", "en", "chloe"),
    ("Ask for Rose at the front desk", "en", "rose"),
    ("Valentina, 24, incall Queens", "en", "valentina"),
    ("Candy 23yo blonde", "en", "candy"),
    ("TS Luciana, passable", "en", "luciana"),
    ("I'm new in town and available", "en", ""),
    ("Je m'appelle Justine, je suis joueuse", "fr", "justine"),
    ("Coucou, c'est Emma !", "fr", "emma"),
    ("Belle roumaine de 38 ans, Ioana vous attend", "fr", "ioana"),
    ("Pamela, trans brésilienne", "fr", "pamela"),
    ("Je suis jolie et douce", "fr", ""),
    ("Nouvelle sur Amiens, JH sportif", "fr", ""),
])
def test_names(text, language, name):
    assert claims_of(text, language)["names"] == name, text


@pytest.mark.parametrize("text, language, spoken", [
    ("I speak English and a little Spanish", "en", "en|es"),
    ("English and Spanish speaking", "en", "en|es"),
    ("Speaks fluent English", "en", "en"),
    ("Je parle français, anglais et un peu espagnol", "fr", "en|es|fr"),
    ("Je parle fraancais, anglais", "fr", "en"),  # a typo does not end the list
    ("French kiss, Greek", "en", ""),
])
def test_spoken_languages(text, language, spoken):
    assert claims_of(text, language)["spoken"] == spoken, text

"""Hand-written ads of real posting habits, in French and in English, for the linkage tests.

- `aging_woman_fr` / `aging_woman_en`: one woman, one phone, one name, one city, 20 ads over
  fourteen months; she claims 22, then 23 after her birthday (one site keeps her old text a few
  weeks more). One person, one network.
- `birthday_pair`: one woman re-writing her ad: 22 in February, 23 eleven months later.
- `agency`: one agency phone advertising three women (21, 27 and 34) over the same weeks, each
  under her own name, in the agency's own words. Three persons, one network.
- `phone_change`: one woman who changes her number in the summer and keeps her name, her age,
  her city and her wording. One person.
- `bystanders`: other independent posters (each re-posting her own ad a few times), the
  background every real ad set has.
"""

from __future__ import annotations

import pandas as pd

COLUMNS = ["ad_id", "site", "posted_at", "title", "text", "phones", "age"]

# Jessica, Arras, 06 45 78 12 90: birthday late January 2019
AGING_WOMAN_FR = [
    ("2018-03-02", "vivastreet", "Jessica 22 ans Arras",
     "Coucou moi c'est Jessica, 22 ans, jolie brune sur Arras. Je reçois dans un appartement discret "
     "près de la gare. Appelle-moi au 06 45 78 12 90, pas de SMS."),
    ("2018-03-09", "wannonce", "Jessica, 22 ans, Arras",
     "Coucou moi c'est Jessica 22 ans, jolie brune sur Arras 😘 Je reçois dans un appartement discret "
     "près de la gare. Tél 06.45.78.12.90"),
    ("2018-04-14", "sexemodel", "Jessica 22 ans étudiante",
     "Jessica, 22 ans, étudiante douce et câline à Arras. Massage relaxant aux huiles chaudes, "
     "hygiène irréprochable exigée. 0645781290"),
    ("2018-05-20", "vivastreet", "Jessica 22 ans Arras",
     "Coucou moi c'est Jessica, 22 ans, jolie brune sur Arras. Je reçois dans un appartement discret "
     "près de la gare. Appelle-moi au 06 45 78 12 90."),
    ("2018-06-03", "locanto", "Jolie brune à Arras",
     "Jessica 22 ans, nouvelle photo, vraie personne. Je reçois du lundi au samedi de 10h à 21h "
     "dans un cadre propre. Appelle au 06 45 78 12 90 (pas de numéro masqué)."),
    ("2018-06-28", "wannonce", "Jessica, 22 ans, Arras",
     "Jessica, 22 ans, étudiante douce et câline à Arras. Massage relaxant aux huiles chaudes, "
     "hygiène irréprochable exigée. 06 45 78 12 90"),
    ("2018-07-30", "sexemodel", "Jessica 22 ans",
     "Jessica 22 ans, nouvelle photo, vraie personne. Je reçois du lundi au samedi de 10h à 21h "
     "dans un cadre propre. Tél : zéro six 45 78 12 90."),
    ("2018-08-25", "vivastreet", "Jessica 22 ans Arras été",
     "Coucou moi c'est Jessica, 22 ans, toujours sur Arras cet été. Appartement climatisé près de "
     "la gare, douche à disposition. Appelle-moi au 06 45 78 12 90."),
    ("2018-09-18", "locanto", "Jessica douce et câline",
     "Jessica, 22 ans, douce et câline à Arras. Massage relaxant, hygiène irréprochable, pas de SMS. "
     "06-45-78-12-90"),
    ("2018-10-22", "wannonce", "Jessica, 22 ans, Arras",
     "Coucou moi c'est Jessica 22 ans, jolie brune sur Arras. Je reçois dans un appartement discret "
     "près de la gare. Tél 06.45.78.12.90"),
    ("2018-11-26", "vivastreet", "Jessica 22 ans",
     "Jessica 22 ans, vraie personne, photos réelles. Je reçois du lundi au samedi à Arras dans un "
     "cadre propre. Appelle au 06 45 78 12 90."),
    ("2018-12-19", "sexemodel", "Jessica 22 ans Arras Noël",
     "Jessica, 22 ans, étudiante douce et câline à Arras pendant les fêtes. Massage relaxant aux "
     "huiles chaudes. 0645781290"),
    ("2019-01-14", "locanto", "Jessica 22 ans",
     "Jessica 22 ans, nouvelle photo, vraie personne. Je reçois du lundi au samedi de 10h à 21h "
     "dans un cadre propre. Appelle au 06 45 78 12 90 (pas de numéro masqué)."),
    ("2019-02-04", "vivastreet", "Jessica 23 ans Arras",
     "Coucou moi c'est Jessica, 23 ans, jolie brune sur Arras. Je reçois dans un appartement discret "
     "près de la gare. Appelle-moi au 06 45 78 12 90, pas de SMS."),
    ("2019-02-11", "wannonce", "Jessica, 22 ans, Arras",  # her old text, not updated on this site yet
     "Coucou moi c'est Jessica 22 ans, jolie brune sur Arras. Je reçois dans un appartement discret "
     "près de la gare. Tél 06.45.78.12.90"),
    ("2019-02-26", "sexemodel", "Jessica 23 ans étudiante",
     "Jessica, 23 ans, étudiante douce et câline à Arras. Massage relaxant aux huiles chaudes, "
     "hygiène irréprochable exigée. 06 45 78 12 90"),
    ("2019-03-10", "wannonce", "Jessica, 23 ans, Arras",
     "Coucou moi c'est Jessica 23 ans, jolie brune sur Arras 💋 Je reçois dans un appartement "
     "discret près de la gare. Tél 06.45.78.12.90"),
    ("2019-03-24", "locanto", "Jessica 23 ans",
     "Jessica 23 ans, vraie personne, photos réelles. Je reçois du lundi au samedi de 10h à 21h à "
     "Arras. Appelle au 06 45 78 12 90."),
    ("2019-04-08", "vivastreet", "Jessica 23 ans Arras printemps",
     "Coucou moi c'est Jessica, 23 ans, de retour sur Arras. Appartement discret près de la gare, "
     "douche à disposition. Appelle-moi au 06 45 78 12 90."),
    ("2019-04-29", "sexemodel", "Jessica 23 ans",
     "Jessica, 23 ans, douce et câline à Arras. Massage relaxant, hygiène irréprochable, pas de SMS. "
     "zéro six quarante-cinq 78 12 90"),
]

# Ashley, Columbus (Ohio), (614) 383-2716: the same habits in English
AGING_WOMAN_EN = [
    ("2018-03-02", "backpage", "Ashley 22 Columbus",
     "Hi gentlemen, I'm Ashley, 22 yo, sweet brunette in Columbus. Incall in a quiet discreet "
     "apartment near downtown. Call me at (614) 383-2716, no texts."),
    ("2018-03-09", "cityxguide", "Ashley, 22, Columbus",
     "Hi gentlemen I'm Ashley 22 yo, sweet brunette in Columbus 😘 Incall in a quiet discreet "
     "apartment near downtown. 614.383.2716"),
    ("2018-04-14", "skipthegames", "Ashley 22 college girl",
     "Ashley, age 22, sweet and playful college girl in Columbus. Relaxing massage with warm oils, "
     "clean and classy only. 6143832716"),
    ("2018-05-20", "backpage", "Ashley 22 Columbus",
     "Hi gentlemen, I'm Ashley, 22 yo, sweet brunette in Columbus. Incall in a quiet discreet "
     "apartment near downtown. Call me at (614) 383-2716."),
    ("2018-06-03", "listcrawler", "Sweet brunette in Columbus",
     "Ashley 22, new pics, real person. Available Monday to Saturday from 10am to 9pm in a clean "
     "place. Call 614-383-2716 (no blocked numbers)."),
    ("2018-06-28", "cityxguide", "Ashley, 22, Columbus",
     "Ashley, age 22, sweet and playful college girl in Columbus. Relaxing massage with warm oils, "
     "clean and classy only. 614 383 2716"),
    ("2018-07-30", "skipthegames", "Ashley 22",
     "Ashley 22, new pics, real person. Available Monday to Saturday from 10am to 9pm in a clean "
     "place. Call six one four 383 2716."),
    ("2018-08-25", "backpage", "Ashley 22 Columbus summer",
     "Hi gentlemen, I'm Ashley, 22 yo, still in Columbus this summer. Air conditioned incall near "
     "downtown, shower available. Call me at (614) 383-2716."),
    ("2018-09-18", "listcrawler", "Ashley sweet and playful",
     "Ashley, 22 years old, sweet and playful in Columbus. Relaxing massage, spotless hygiene, no "
     "texts. 614-383-2716"),
    ("2018-10-22", "cityxguide", "Ashley, 22, Columbus",
     "Hi gentlemen I'm Ashley 22 yo, sweet brunette in Columbus. Incall in a quiet discreet "
     "apartment near downtown. 614.383.2716"),
    ("2018-11-26", "backpage", "Ashley 22",
     "Ashley 22, real person, real pics. Available Monday to Saturday in Columbus in a clean place. "
     "Call 614-383-2716."),
    ("2018-12-19", "skipthegames", "Ashley 22 Columbus holidays",
     "Ashley, age 22, sweet and playful college girl in Columbus for the holidays. Relaxing massage "
     "with warm oils. 6143832716"),
    ("2019-01-14", "listcrawler", "Ashley 22",
     "Ashley 22, new pics, real person. Available Monday to Saturday from 10am to 9pm in a clean "
     "place. Call 614-383-2716 (no blocked numbers)."),
    ("2019-02-04", "backpage", "Ashley 23 Columbus",
     "Hi gentlemen, I'm Ashley, 23 yo, sweet brunette in Columbus. Incall in a quiet discreet "
     "apartment near downtown. Call me at (614) 383-2716, no texts."),
    ("2019-02-11", "cityxguide", "Ashley, 22, Columbus",  # her old text, not updated on this site yet
     "Hi gentlemen I'm Ashley 22 yo, sweet brunette in Columbus. Incall in a quiet discreet "
     "apartment near downtown. 614.383.2716"),
    ("2019-02-26", "skipthegames", "Ashley 23 college girl",
     "Ashley, age 23, sweet and playful college girl in Columbus. Relaxing massage with warm oils, "
     "clean and classy only. 614 383 2716"),
    ("2019-03-10", "cityxguide", "Ashley, 23, Columbus",
     "Hi gentlemen I'm Ashley 23 yo, sweet brunette in Columbus 💋 Incall in a quiet discreet "
     "apartment near downtown. 614.383.2716"),
    ("2019-03-24", "listcrawler", "Ashley 23",
     "Ashley 23, real person, real pics. Available Monday to Saturday from 10am to 9pm in Columbus. "
     "Call 614-383-2716."),
    ("2019-04-08", "backpage", "Ashley 23 Columbus spring",
     "Hi gentlemen, I'm Ashley, 23 yo, back in Columbus. Discreet incall near downtown, shower "
     "available. Call me at (614) 383-2716."),
    ("2019-04-29", "skipthegames", "Ashley 23",
     "Ashley, 23 years old, sweet and playful in Columbus. Relaxing massage, spotless hygiene, no "
     "texts. six one four three eight three 2716"),
]
ASHLEY_PHONE = "+16143832716"


def _frame(prefix: str, rows: list[tuple[str, str, str, str]], phone: str = "", ages: bool = False
           ) -> pd.DataFrame:
    """Ads from (posted_at, site, title, text) rows; `phone` fills the phones column (for
    number formats the extractor may not read), `ages` the age column from the title."""
    frame = pd.DataFrame(rows, columns=["posted_at", "site", "title", "text"])
    frame.insert(0, "ad_id", [f"{prefix}{k:02d}" for k in range(len(frame))])
    frame["phones"] = phone
    frame["age"] = frame["title"].str.extract(r"(\d{2})", expand=False) if ages else ""
    return frame[COLUMNS]


def aging_woman_fr() -> pd.DataFrame:
    return _frame("j", AGING_WOMAN_FR)


def aging_woman_en() -> pd.DataFrame:
    """The English twin; phone and age also in the structured columns (English claims and
    North American numbers in text are another reader's work)."""
    return _frame("a", AGING_WOMAN_EN, phone=ASHLEY_PHONE, ages=True)


BIRTHDAY_PAIR = [
    ("2018-02-06", "vivastreet", "Clara 22 ans Lens",
     "Bonjour, je suis Clara, 22 ans, petite blonde naturelle sur Lens. Je reçois en privé dans un "
     "studio calme, douche possible. Appelez le 07 62 18 45 39 entre 11h et 20h."),
    ("2018-02-20", "wannonce", "Clara 22 ans petite blonde",
     "Bonjour je suis Clara 22 ans, petite blonde naturelle sur Lens 🌹 Studio calme, douche "
     "possible. 07.62.18.45.39 de 11h à 20h"),
    ("2019-01-15", "sexemodel", "Clara 23 ans de retour",
     "Clara, 23 ans, de retour à Lens après quelques mois. Toujours aussi douce, sourire garanti, "
     "rendez-vous uniquement par appel au 07 62 18 45 39."),
    ("2019-01-22", "vivastreet", "Clara 23 ans Lens",
     "Clara 23 ans, de retour à Lens. Douce et souriante, je vous attends dans mon studio. "
     "Rendez-vous par appel au 0762184539."),
]


def birthday_pair() -> pd.DataFrame:
    return _frame("c", BIRTHDAY_PAIR)


# one agency, one phone, three women over the same three weeks of October
AGENCY = [
    ("2018-10-01", "vivastreet", "Nouvelle Sofia 21 ans",
     "Agence Velours présente Sofia, 21 ans, jeune blonde pétillante. Disponible à Lens cette "
     "semaine seulement. Réservation au 07 81 22 64 53."),
    ("2018-10-08", "wannonce", "Sofia 21 ans Lens",
     "Agence Velours : Sofia 21 ans, jeune blonde pétillante, de passage à Lens. Réservation au "
     "07.81.22.64.53"),
    ("2018-10-15", "sexemodel", "Sofia 21 ans blonde",
     "Sofia, 21 ans, jeune blonde pétillante, encore quelques jours à Lens. Agence Velours, "
     "réservation au 0781226453."),
    ("2018-10-02", "vivastreet", "Nouvelle Bianca 27 ans",
     "Agence Velours présente Bianca, 27 ans, brune sensuelle aux yeux verts. Disponible à Lens "
     "cette semaine seulement. Réservation au 07 81 22 64 53."),
    ("2018-10-09", "wannonce", "Bianca 27 ans Lens",
     "Agence Velours : Bianca 27 ans, brune sensuelle aux yeux verts, de passage à Lens. "
     "Réservation au 07.81.22.64.53"),
    ("2018-10-16", "sexemodel", "Bianca 27 ans brune",
     "Bianca, 27 ans, brune sensuelle aux yeux verts, encore quelques jours à Lens. Agence Velours, "
     "réservation au 0781226453."),
    ("2018-10-03", "vivastreet", "Nouvelle Carmen 34 ans",
     "Agence Velours présente Carmen, 34 ans, femme mûre et raffinée. Disponible à Lens cette "
     "semaine seulement. Réservation au 07 81 22 64 53."),
    ("2018-10-10", "wannonce", "Carmen 34 ans Lens",
     "Agence Velours : Carmen 34 ans, femme mûre et raffinée, de passage à Lens. Réservation au "
     "07.81.22.64.53"),
    ("2018-10-17", "sexemodel", "Carmen 34 ans raffinée",
     "Carmen, 34 ans, femme mûre et raffinée, encore quelques jours à Lens. Agence Velours, "
     "réservation au 0781226453."),
]


def agency() -> pd.DataFrame:
    return _frame("g", AGENCY)


# Maeva changes her number at the end of June; her name, age, city and words stay
PHONE_CHANGE = [
    ("2018-04-03", "vivastreet", "Maeva 29 ans Béthune",
     "Maeva, 29 ans, métisse pulpeuse et gourmande à Béthune. Je reçois chez moi en toute "
     "discrétion, parking gratuit juste devant. Appelle-moi au 06 38 91 57 24."),
    ("2018-04-24", "wannonce", "Maeva 29 ans métisse",
     "Maeva 29 ans, métisse pulpeuse et gourmande sur Béthune 🔥 Je reçois chez moi en toute "
     "discrétion, parking gratuit. 06.38.91.57.24"),
    ("2018-05-29", "sexemodel", "Maeva métisse gourmande",
     "Maeva, 29 ans, métisse gourmande à Béthune. Discrétion assurée, parking gratuit juste devant, "
     "pas de numéro masqué. 0638915724"),
    ("2018-07-09", "vivastreet", "Maeva 29 ans Béthune nouveau numéro",
     "Maeva, 29 ans, métisse pulpeuse et gourmande à Béthune. Nouveau numéro ! Je reçois chez moi "
     "en toute discrétion, parking gratuit juste devant. Appelle-moi au 07 49 13 86 02."),
    ("2018-08-06", "wannonce", "Maeva 29 ans métisse",
     "Maeva 29 ans, métisse pulpeuse et gourmande sur Béthune, nouveau numéro. Je reçois chez moi "
     "en toute discrétion, parking gratuit. 07.49.13.86.02"),
    ("2018-09-10", "sexemodel", "Maeva métisse gourmande",
     "Maeva, 29 ans, métisse gourmande à Béthune. Discrétion assurée, parking gratuit juste devant, "
     "pas de numéro masqué. 0749138602"),
]


def phone_change() -> pd.DataFrame:
    return _frame("m", PHONE_CHANGE)


BYSTANDERS = [
    ("Chloé", 24, "07 61 84 29 35", "Calais", "Étudiante douce à {city}, disponible en soirée, petite et câline. "
     "Appelle-moi au {phone}."),
    ("Inès", 31, "06 47 19 82 60", "Boulogne", "Belle métisse à {city}, je reçois en privé, câline et souriante. "
     "Tél {phone}."),
    ("Maria", 26, "07 53 20 71 94", "Liévin", "Nouvelle à {city} pour quelques jours, très sexy, appelle vite au "
     "{phone}."),
    ("Nadia", 38, "06 21 73 58 46", "Arras", "Femme mûre et gourmande à {city}, massage sensuel et moments "
     "complices, sur rendez-vous au {phone}."),
    ("Yasmine", 20, "07 84 36 12 57", "Lens", "Jeune orientale à {city}, douce et discrète, hygiène parfaite. "
     "Contact {phone}, pas de SMS."),
]


def bystanders(ads_each: int = 3) -> pd.DataFrame:
    """Five independent posters, each re-posting her own ad a few times in October 2018."""
    rows = []
    for k, (name, age, phone, city, body) in enumerate(BYSTANDERS):
        for j in range(ads_each):
            text = f"{name}, {age} ans. " + body.format(city=city, phone=phone)
            rows.append((f"2018-10-{2 + 7 * j + k:02d}", ("vivastreet", "wannonce", "locanto")[j],
                         f"{name} {age} ans {city}", text))
    return _frame("b", rows)

"""Build corpus.jsonl, the labelled contact corpus used by the tests and benchmarks/bench_contacts.py.

Run from the repository root:  .venv/bin/python tests/data/contacts/build_corpus.py

Every case is a realistic French classified-ad text with its true contacts:
``{"id", "text", "phones" (E.164), "emails", "handles", "hard", "tags"}``. The texts come from two
sources, both written for this corpus:

* ``HANDWRITTEN``: whole ads with their labels written by hand (disguises and traps as seen in
  real ads: prices, ages, dates, times, postcodes, measurements, SIRET, masked numbers);
* ``TEMPLATES``: ad sentences with a ``{phone}`` / ``{email}`` slot, filled with synthetic but
  valid numbers (checked with phonenumbers) written in one of many styles, from plain
  "06 12 34 56 78" to spelled-out French, keycap emoji or digits split by words.

The writing styles below are this corpus's own code (number -> disguised text); they share
nothing with the extractors they test. Deterministic: a fixed seed gives a byte-identical file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import phonenumbers

SEED = 20181012
OUT = Path(__file__).with_name("corpus.jsonl")

# ---------------------------------------------------------------- synthetic valid numbers
_MOBILE_PATTERNS = {
    # region: (country code, national significant number prefix, total national length)
    "FR6": ("FR", "6", 9), "FR7": ("FR", "7", 9), "FRL": ("FR", "1", 9), "FRL3": ("FR", "3", 9),
    "BE": ("BE", "47", 9), "CH": ("CH", "79", 9), "ES": ("ES", "6", 9), "RO": ("RO", "72", 9),
    "BG": ("BG", "88", 9), "BR": ("BR", "119", 11), "CO": ("CO", "30", 10), "CN": ("CN", "138", 11),
    "GB": ("GB", "79", 10), "DE": ("DE", "151", 11), "IT": ("IT", "33", 10), "NG": ("NG", "80", 10),
    "MA": ("MA", "6", 9), "PT": ("PT", "91", 9), "NL": ("NL", "6", 9),
}


def synth_number(rng: random.Random, kind: str) -> phonenumbers.PhoneNumber:
    """A random number of ``kind`` that phonenumbers accepts as valid."""
    region, prefix, length = _MOBILE_PATTERNS[kind]
    code = phonenumbers.country_code_for_region(region)
    while True:
        nsn = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix)))
        number = phonenumbers.parse(f"+{code}{nsn}")
        if phonenumbers.is_valid_number(number):
            return number


def e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_digits(number: phonenumbers.PhoneNumber) -> str:
    """French national form: trunk 0 + 9 digits."""
    return "0" + str(number.national_number)


def pairs(digits: str) -> list[str]:
    return [digits[i : i + 2] for i in range(0, len(digits), 2)]


# ---------------------------------------------------------------- spelled-out numbers
_FR_UNITS = "zéro un deux trois quatre cinq six sept huit neuf".split()
_FR_TEENS = "dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_EN_UNITS = "zero one two three four five six seven eight nine".split()
_EN_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
             "nineteen").split()
_EN_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy",
            8: "eighty", 9: "ninety"}


def french_number(n: int, belgian: bool = False, sep: str = "-") -> str:
    """0..99 in French words ("soixante-dix-huit", "quatre-vingt-onze", "vingt et un")."""
    if n < 10:
        return _FR_UNITS[n]
    if n < 20:
        return _FR_TEENS[n - 10].replace("-", sep)
    tens, unit = divmod(n, 10)
    if belgian and tens >= 7:
        base = {7: "septante", 8: "huitante", 9: "nonante"}[tens]
        return base if unit == 0 else f"{base}{sep}{_FR_UNITS[unit]}"
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt".replace("-", sep)
        joiner = " et " if (tens == 7 and unit == 1) else sep
        return f"{base}{joiner}{french_number(10 + unit, sep=sep)}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre{sep}vingt{sep}{_FR_UNITS[unit]}"
    base = _FR_TENS[tens]
    if unit == 0:
        return base
    if unit == 1:
        return f"{base} et un"
    return f"{base}{sep}{_FR_UNITS[unit]}"


def english_number(n: int) -> str:
    if n < 10:
        return _EN_UNITS[n]
    if n < 20:
        return _EN_TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens] if unit == 0 else f"{_EN_TENS[tens]}-{_EN_UNITS[unit]}"


def spoken_pairs(digits: str, speak, rng: random.Random) -> list[str]:
    """Speak a national number pair by pair ("06" -> "zéro six", "12" -> "douze")."""
    words = []
    for pair in pairs(digits):
        if pair[0] == "0":
            words.append(f"{speak(0)} {speak(int(pair[1]))}")
        else:
            words.append(speak(int(pair)))
    return words


# ---------------------------------------------------------------- writing styles
KEYCAPS = {d: f"{d}\ufe0f\u20e3" for d in "0123456789"}
FULLWIDTH = {d: chr(0xFF10 + int(d)) for d in "0123456789"}
MATH_BOLD = {d: chr(0x1D7CE + int(d)) for d in "0123456789"}
CIRCLED = {"0": "⓪", **{str(i): chr(0x2460 + i - 1) for i in range(1, 10)}}
EMOJI = ["💋", "🌹", "🔥", "❤️", "😘", "✨", "👠", "💕"]
FILLERS = ["(appelle)", "(sms)", "appelle", "ou sms", "-", "/", "•", "..."]


def style_plain(digits: str, rng: random.Random) -> str:
    sep = rng.choice([" ", ".", "-", "/", "", " . ", "_", "  "])
    return sep.join(pairs(digits))


def style_intl_fr(number, rng: random.Random) -> str:
    nsn = str(number.national_number)
    groups = [nsn[0]] + pairs(nsn[1:])
    sep = rng.choice([" ", ".", "", "-"])
    lead = rng.choice(["+33 ", "+33", "0033 ", "(+33) ", "+33 (0)", "+33(0) ", "0033-"])
    return lead + sep.join(groups)


def style_split_3(digits: str, rng: random.Random) -> str:
    return f"{digits[:2]} {digits[2:5]} {digits[5:8]} {digits[8:]}"


def style_spelled_fr(digits: str, rng: random.Random) -> str:
    belgian = rng.random() < 0.2
    sep = rng.choice(["-", " "])
    words = spoken_pairs(digits, lambda n: french_number(n, belgian, sep), rng)
    # Words spaced inside numbers and between numbers would be ambiguous even to a reader
    # ("soixante quatre vingt ..."): such ads separate numbers with commas or dashes.
    joiners = [", ", " - "] if sep == " " else [" ", ", ", " - "]
    return rng.choice(joiners).join(words)


def style_spelled_fr_digitwise(digits: str, rng: random.Random) -> str:
    return " ".join(_FR_UNITS[int(d)] for d in digits)


def style_spelled_en(digits: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return " ".join(_EN_UNITS[int(d)] for d in digits)
    return " ".join(spoken_pairs(digits, english_number, rng))


def style_mixed_words(digits: str, rng: random.Random) -> str:
    parts = pairs(digits)
    for i in rng.sample(range(1, 5), 2):
        value = int(parts[i])
        parts[i] = french_number(value) if value >= 10 else f"zéro {french_number(value)}"
    return " ".join(parts)


def repeated_runs(digits: str) -> list[tuple[str, int]]:
    """``digits`` as (digit, times) runs of at most three: "0611" -> [("0", 1), ("6", 1), ("1", 2)]."""
    runs: list[tuple[str, int]] = []
    for digit in digits:
        if runs and runs[-1][0] == digit and runs[-1][1] < 3:
            runs[-1] = (digit, runs[-1][1] + 1)
        else:
            runs.append((digit, 1))
    return runs


def style_double(digits: str, rng: random.Random) -> str:
    """Use "double"/"triple"/"deux fois" for a repeated digit, plain digits elsewhere."""
    out = []
    for digit, run in repeated_runs(digits):
        word = _FR_UNITS[int(digit)]
        if run == 3:
            out.append(f"triple {word}")
        elif run == 2:
            out.append(rng.choice([f"double {word}", f"deux fois {word}"]))
        else:
            out.append(digit if rng.random() < 0.5 else word)
    return " ".join(out)


def style_letters(digits: str, rng: random.Random) -> str:
    table = str.maketrans({"0": rng.choice("Oo"), "1": rng.choice("lI")})
    return " ".join(pairs(digits)).translate(table)


def style_table(table: dict[str, str]):
    def style(digits: str, rng: random.Random) -> str:
        sep = rng.choice(["", " "])
        return sep.join(table[d] for d in digits)

    return style


def style_emoji_split(digits: str, rng: random.Random) -> str:
    emoji = rng.choice(EMOJI)
    return f" {emoji} ".join(pairs(digits))


def style_word_split(digits: str, rng: random.Random) -> str:
    parts = pairs(digits)
    cut = rng.choice([1, 2, 3])
    return f"{' '.join(parts[:cut])} {rng.choice(FILLERS)} {' '.join(parts[cut:])}"


def style_line_break(digits: str, rng: random.Random) -> str:
    parts = pairs(digits)
    cut = rng.choice([2, 3])
    return f"{' '.join(parts[:cut])}\n{' '.join(parts[cut:])}"


def style_zero_width(digits: str, rng: random.Random) -> str:
    return "\u200b".join(digits)


def style_spaced_digits(digits: str, rng: random.Random) -> str:
    return " ".join(digits)


PLAIN_STYLES = {"plain": style_plain, "split3": style_split_3}
HARD_STYLES = {
    "spelled_fr": style_spelled_fr, "spelled_fr_digitwise": style_spelled_fr_digitwise,
    "spelled_en": style_spelled_en, "mixed_words": style_mixed_words, "double": style_double,
    "letters_for_digits": style_letters, "keycap": style_table(KEYCAPS),
    "fullwidth": style_table(FULLWIDTH), "math_bold": style_table(MATH_BOLD),
    "circled": style_table(CIRCLED), "emoji_split": style_emoji_split,
    "word_split": style_word_split, "line_break": style_line_break,
    "zero_width": style_zero_width, "spaced_digits": style_spaced_digits,
}


def intl_written(number, rng: random.Random) -> str:
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    choice = rng.random()
    if choice < 0.3:
        text = "00" + text[1:]
    elif choice < 0.5:
        text = text.replace(" ", "").replace("-", "")
    elif choice < 0.65:
        text = text.replace(" ", ".")
    return text


# ---------------------------------------------------------------- ad sentences
PHONE_TEMPLATES = [
    "Belle {name}, {age} ans, nouvelle sur {city}. Massage relaxant et moments câlins. Appelle-moi au {phone} 😘",
    "{name} 🌹 disponible 7j/7 de 10h à 22h à {city}. Tel : {phone}. Pas de sms, pas de numéro masqué.",
    "Jolie {nat} de passage à {city} ({dept}) du {date}. {phone} — {price}€ la demi-heure.",
    "Nouvelle !!! {name}, {age}a, 1m{height}, {weight} kg, 95C. RDV au {phone} bisous",
    "Salut c'est {name} 💋 je reçois dans un appartement discret près de la gare de {city}. Contact {phone}",
    "Massage naturiste par {name}, {age} ans. Uniquement sur rendez-vous : {phone}. Tarifs : {price} roses/h.",
    "{name} TRANS ⚧ {city} centre. Appels de 11h à 2h du matin → {phone}",
    "Jeune femme {nat} {age} ans, douce et souriante. Disponible ce week-end à {city}. Mon num : {phone}",
    "Pour me joindre : {phone} (appel uniquement, SMS ignorés). {name}, {city} {postcode}.",
    "✨ {name} ✨ Réel et récent ✨ {city} ✨ {phone} ✨ {price}€ 30min ✨",
    "Bonjour messieurs, je suis {name}, étudiante {nat}, {age} ans. Déplacements hôtel possibles. {phone}",
    "Coquine et gourmande, {name} vous attend à {city}. Téléphone {phone}. Annonce du {date}.",
    "{phone} ☎️ {name} {age} ans, nouvelle photo, 100% réelle, {city}",
    "Femme mûre {age} ans reçoit messieurs courtois à {city}. Numéro: {phone}. Pas avant 10h.",
    "Appelez {name} au {phone} ou passez me voir rue de la gare, {city}. Forfait nuit {price}€",
    "{name} couple libertin cherche hommes pour soirées. Infos au {phone}, {city} et alentours ({dept}).",
    "Escort {nat} de luxe, {age} ans, tour de poitrine 90D, taille 38. Réservation : {phone}",
    "Je m'appelle {name}, j'ai {age} ans, je suis {nat}. Je suis à {city} jusqu'au {date}. Tel {phone}",
]
EMAIL_TEMPLATES = [
    "{name} {age} ans, {city}. Photos privées sur demande par mail : {email}",
    "Pour toute demande écrivez-moi à {email} 💌 réponse rapide",
    "Contact uniquement par e-mail ({email}), {name}, {city} {postcode}",
    "{name} 🌹 {email} 🌹 dispo ce soir à {city}",
    "Rendez-vous à {city}, tarif {price}€. Mail: {email}. Pas de sms.",
]
NAMES = ["Léa", "Sofia", "Nina", "Jessica", "Ana", "Maëlle", "Kimberly", "Luna", "Tiffany", "Inès",
         "Clara", "Bianca", "Yasmine", "Chloé", "Mila", "Andreea", "Valentina", "Ivana", "Zoé", "Camila"]
CITIES = [("Arras", "62000", "62"), ("Lens", "62300", "62"), ("Calais", "62100", "62"),
          ("Boulogne-sur-Mer", "62200", "62"), ("Béthune", "62400", "62"), ("Lille", "59000", "59"),
          ("Saint-Omer", "62500", "62"), ("Liévin", "62800", "62"), ("Douai", "59500", "59")]
NATS = ["française", "roumaine", "brésilienne", "colombienne", "chinoise", "bulgare", "espagnole",
        "ivoirienne", "ukrainienne", "italienne", "belge"]
DATES = ["12/10/2018", "03/11/2018", "25 octobre 2018", "1er novembre", "15.09.2018", "28/09/18"]
EMAIL_LOCALS = ["lea.douce59", "sofia_62", "nina.calin", "jess.arras", "ana-massage", "luna62",
                "tiff.sexy", "ines.privee", "clara1999", "bianca.escort", "yasmine_59", "mila.vip"]
EMAIL_DOMAINS = ["gmail.com", "hotmail.fr", "yahoo.fr", "outlook.fr", "laposte.net", "orange.fr",
                 "live.fr", "protonmail.com", "free.fr", "sfr.fr"]


def fill(template: str, rng: random.Random, **slots: str) -> str:
    city, postcode, dept = rng.choice(CITIES)
    values = dict(
        name=rng.choice(NAMES), age=str(rng.randint(19, 45)), city=city, postcode=postcode,
        dept=dept, nat=rng.choice(NATS), date=rng.choice(DATES), price=str(rng.choice([80, 100, 150, 200, 250, 300])),
        height=str(rng.randint(55, 78)), weight=str(rng.randint(48, 70)),
    )
    values.update(slots)
    return template.format(**values)


def disguise_email(local: str, domain: str, style: str) -> str:
    name, tld = domain.rsplit(".", 1)
    return {
        "plain": f"{local}@{domain}",
        "upper": f"{local.capitalize()}@{domain.upper()}",
        "paren_at": f"{local} (at) {domain}",
        "bracket_at_dot": f"{local}[at]{name}[dot]{tld}",
        "arobase_point": f"{local} arobase {name} point {tld}",
        "at_dot_words": f"{local} at {name} dot {tld}",
        "spaced_at": f"{local} @ {name} . {tld}",
        "spaced_letters": " ".join(f"{local}@{domain}"),
        "brace_at": f"{local}{{at}}{domain}",
        "fullwidth": "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else c for c in f"{local}@{domain}"),
    }[style]


EMAIL_STYLES_PLAIN = ["plain", "upper"]
EMAIL_STYLES_HARD = ["paren_at", "bracket_at_dot", "arobase_point", "at_dot_words", "spaced_at",
                     "spaced_letters", "brace_at", "fullwidth"]

# ---------------------------------------------------------------- handwritten ads
# (text, phones, emails, handles, hard, tags)
HANDWRITTEN = [
    # traps with no contact at all
    ("Léa, 23 ans, nouvelle à Arras. 150€ la demi-heure, 250€ l'heure. Dispo de 10h à 22h30.", [], [], [], True, ["neg", "price", "age", "time"]),
    ("Annonce du 12/10/2018 : jolie brune 1m70, 55 kg, 95C, reçoit à Lens 62300.", [], [], [], True, ["neg", "date", "measure", "postcode"]),
    ("Massage 100 roses, 200 roses la nuit. Pas de numéro ici, contact par messagerie du site.", [], [], [], True, ["neg", "price"]),
    ("Numéro caché pour éviter les curieux : 06 xx xx xx xx, demandez-le par message.", [], [], [], True, ["neg", "masked"]),
    ("Mon tel : 06 ** ** ** ** (complet après premier contact)", [], [], [], True, ["neg", "masked"]),
    ("Institut de massage bien-être, SIRET 802 954 785 00028, 12 rue Victor Hugo 62000 Arras.", [], [], [], True, ["neg", "siret", "postcode"]),
    ("SIRET : 80295478500028 - TVA FR12802954785 - ouvert du lundi au samedi 9h-19h", [], [], [], True, ["neg", "siret", "time"]),
    ("Rdv entre 14h et 02h, 1h = 200€, 2h = 350€, nuit 1200€. Âge : 26.", [], [], [], True, ["neg", "time", "price", "age"]),
    ("Je mesure 1,68 m pour 52 kg, pointure 38, bonnet 90B. 22 ans, née le 03/04/1996.", [], [], [], True, ["neg", "measure", "date"]),
    ("Disponible du 01/11/2018 au 15/11/2018 à Calais 62100 puis Boulogne 62200.", [], [], [], True, ["neg", "date", "postcode"]),
    ("Ne m'appelez pas au 06 12 34 56, je ne réponds qu'aux messages du site.", [], [], [], True, ["neg", "invalid"]),
    ("Réf annonce 0612345 - mise à jour le 28/09/18 à 23:45", [], [], [], True, ["neg", "reference", "date", "time"]),
    ("Jolie fille vingt-deux ans, cent roses la demi-heure, deux cents l'heure. Deux amies possibles.", [], [], [], True, ["neg", "spelled_words"]),
    ("Tarifs: 30 min 80€ / 1h 150€ / 2h 280€. Code porte 4521B, 3ème étage.", [], [], [], True, ["neg", "price", "code"]),
    ("Je suis à Lille (59) du 2 au 9 novembre 2018, hôtel près de la gare, chambre 0214.", [], [], [], True, ["neg", "date"]),
    ("Numéro de série 0123456789012, lot 2018-10-12, ne pas jeter.", [], [], [], True, ["neg", "identifier"]),
    ("Années 2016 2017 2018 : toujours la même, toujours discrète. 35 ans 1m62 50 kg", [], [], [], True, ["neg", "year"]),
    ("Prix: 0 tabou. 100% naturelle, 24h/24 7j/7, 06 pas de sms", [], [], [], True, ["neg", "fragment"]),
    ("Envoie-moi un snap pour plus de photos, je réponds à tous les messages", [], [], [], True, ["neg", "handle_word"]),
    ("Je suis sur gmail et sur insta uniquement pour les habitués", [], [], [], True, ["neg", "email_word"]),
    ("Rendez-vous at home ou à l'hôtel, à point nommé, contactez-moi via le site.", [], [], [], True, ["neg", "email_word"]),
    ("mon mail : lea59 arobase gmail (demandez la suite)", [], [], [], True, ["neg", "email_incomplete"]),
    ("Tél 01 23 45 67 (numéro incomplet volontairement), 75011 Paris", [], [], [], True, ["neg", "invalid"]),
    ("Vends lot de 3 bougies parfumées 12€ pièce, 30€ les trois, envoi 62000", [], [], [], False, ["neg", "price"]),
    ("Taille 1m75, 60kg, 90C, 28 ans, dispo 20h-4h", [], [], [], False, ["neg", "measure"]),
    # plain but realistic
    ("Sofia 🌹 nouvelle à Lens, 24 ans, 1m65. Appelle au 06 47 21 88 93. 150€ 1h.", ["+33647218893"], [], [], False, ["plain", "price"]),
    ("Tel 0781234567 uniquement appel, pas de masqué. Le 12/10/2018 à Arras.", ["+33781234567"], [], [], False, ["plain", "date"]),
    ("Pour Lens et Liévin appelez le 06.98.45.12.07, pour Arras le 07.81.55.62.14", ["+33698451207", "+33781556214"], [], [], True, ["multi"]),
    ("Ma nouvelle ligne : 06 62 17 39 04 (l'ancienne 06 51 22 48 90 ne marche plus)", ["+33662173904", "+33651224890"], [], [], True, ["multi"]),
    ("Agence 03 21 45 67 89 ou portable 06 15 26 37 48", ["+33321456789", "+33615263748"], [], [], False, ["multi", "landline"]),
    # disguises written by hand
    ("zéro six, soixante-quinze, quatre-vingt-dix-neuf, douze, trente et un : appelle Nina 😘", ["+33675991231"], [], [], True, ["spelled_fr"]),
    ("Mon 06 c'est : zero six 45 soixante-dix-huit 12 quatre-vingts, Luna", ["+33645781280"], [], [], True, ["mixed_words"]),
    ("Appelle moi O6 5I 2O 3O 4I, c'est Inès", ["+33651203041"], [], [], True, ["letters_for_digits"]),
    ("0️⃣6️⃣ 2️⃣3️⃣ 4️⃣5️⃣ 6️⃣7️⃣ 8️⃣9️⃣ 💋 Bianca 💋", ["+33623456789"], [], [], True, ["keycap"]),
    ("Numéro: ０７ ８１ ２２ ３３ ４４ (Mila)", ["+33781223344"], [], [], True, ["fullwidth"]),
    ("06 18 / 27 36 45 uniquement l'après-midi", ["+33618273645"], [], [], True, ["word_split"]),
    ("06 72 (appelle, pas de sms) 11 93 58 Yasmine 21 ans", ["+33672119358"], [], [], True, ["word_split", "age"]),
    ("Tel :\n06 33 44\n55 66\nmerci de ne pas masquer", ["+33633445566"], [], [], True, ["line_break"]),
    ("06 🌹 41 🌹 52 🌹 63 🌹 74 réservation", ["+33641526374"], [], [], True, ["emoji_split"]),
    ("Appelle zéro six double deux trente-trois quarante-quatre cinquante-cinq", ["+33622334455"], [], [], True, ["double"]),
    ("Mon numéro: 0 6 1 1 2 2 3 3 4 4", ["+33611223344"], [], [], True, ["spaced_digits"]),
    ("Whatsapp only: +40 721 345 678 (Andreea, roumaine, 25 ans)", ["+40721345678"], [], ["whatsapp:+40721345678"], True, ["intl", "whatsapp"]),
    ("Belge de passage, appelle le 0032 478 12 34 56 ou +33 6 12 98 76 54", ["+32478123456", "+33612987654"], [], [], True, ["intl", "multi"]),
    ("Camila brasileira 💃 +55 11 98765-4321 whatsapp", ["+5511987654321"], [], ["whatsapp:+5511987654321"], True, ["intl", "whatsapp"]),
    ("+33 (0)7 81 23 45 67 — Ivana, 28 ans, 1m72", ["+33781234567"], [], [], True, ["intl_fr", "measure"]),
    ("sms au 06 51 43 29 87 ou mail lea.calin@gmail.com, snap: lea.calin59", ["+33651432987"], ["lea.calin@gmail.com"], ["snapchat:lea.calin59"], False, ["multi_kind"]),
    ("Écris-moi : nina (at) hotmail (point) fr — ou Telegram @nina_lens62", [], ["nina@hotmail.fr"], ["telegram:nina_lens62"], True, ["email_disguise", "telegram"]),
    ("Mes liens : t.me/Chloe_Arras, instagram.com/chloe.arras, onlyfans.com/chloearras", [], [], ["telegram:chloe_arras", "instagram:chloe.arras", "onlyfans:chloearras"], False, ["links"]),
    ("Snap 👻 : Zoe.douce62 / Insta : @zoe.douce62 / MYM : zoedouce", [], [], ["snapchat:zoe.douce62", "instagram:zoe.douce62", "mym:zoedouce"], True, ["handles"]),
    ("Contact WhatsApp wa.me/33698765432 ou Telegram: https://t.me/Luna_vip62", ["+33698765432"], [], ["whatsapp:+33698765432", "telegram:luna_vip62"], True, ["links", "whatsapp"]),
    ("mail: tiffany.lens arobase yahoo point fr (pas de sms)", [], ["tiffany.lens@yahoo.fr"], [], True, ["email_disguise"]),
    ("Contact: kimberly_62 [at] outlook [dot] com ou 07 68 12 45 90", ["+33768124590"], ["kimberly_62@outlook.com"], [], True, ["email_disguise"]),
    ("c l a r a 6 2 @ g m a i l . c o m", [], ["clara62@gmail.com"], [], True, ["email_spaced"]),
    ("Nouveau numéro : sept fois rien... non je plaisante : 07 55 44 33 22", ["+33755443322"], [], [], True, ["spelled_words"]),
]

# A second hand-written batch, written after the extractors' first version to probe disguises
# and traps it had not been designed for (kept separate so its origin stays visible).
HANDWRITTEN_PROBES = [
    ("Nouvelle à Lens !! Tel06 12 34 56 78 Léa", ["+33612345678"], [], [], True, ["glued"]),
    ("Tél. O6 4l 46 7l ll Parking gratuit", ["+33641467111"], [], [], True, ["letters_for_digits"]),
    ("appelle O6 OO II lO Ol ou sms", ["+33600111001"], [], [], True, ["letters_for_digits"]),
    ("Appelez-moi au0781223344, Nina 24a", ["+33781223344"], [], [], True, ["glued"]),
    ("Mon numéro en petit : ⁰⁶ ¹² ³⁴ ⁵⁶ ⁷⁸ 😉", ["+33612345678"], [], [], True, ["superscript"]),
    ("Joignable sur whatsapp au 33 6 45 12 78 90", ["+33645127890"], [], ["whatsapp:+33645127890"], True, ["cc_without_plus", "whatsapp"]),
    ("Appelle au + 33 6 45 12 78 90 (Ivana)", ["+33645127890"], [], [], True, ["spaced_plus"]),
    ("Nina : 06 ７８ 12 ３４ 56 pour rdv", ["+33678123456"], [], [], True, ["fullwidth_mixed"]),
    ("06.12.34.56.78 (SMS) / 06.98.76.54.32 (appel)", ["+33612345678", "+33698765432"], [], [], True, ["multi"]),
    ("zéro-six-douze-trente-quatre-cinquante-six-soixante-dix-huit", ["+33612345678"], [], [], True, ["spelled_fr"]),
    ("ZERO SIX VINGT-DEUX TRENTE-TROIS QUARANTE-QUATRE CINQUANTE-CINQ", ["+33622334455"], [], [], True, ["spelled_fr"]),
    ("appelle le О6 12 З4 56 78 (Cyrillic)", ["+33612345678"], [], [], True, ["cyrillic_lookalike"]),
    ("Numéro\u00a0: 06\u00a012\u00a034\u00a056\u00a078", ["+33612345678"], [], [], True, ["nbsp"]),
    ("06,12,34,56,78 — pas de sms", ["+33612345678"], [], [], False, ["plain"]),
    ("appelle 0️⃣7️⃣ 8️⃣1️⃣ 2️⃣2️⃣ 3️⃣3️⃣ 4️⃣4️⃣ ou 📧 lea.douce (at) gmail.com", ["+33781223344"], ["lea.douce@gmail.com"], [], True, ["keycap", "email_disguise"]),
    ("0 six 1 2 trois 4 5 six 7 8, demandez Léa", ["+33612345678"], [], [], True, ["mixed_words"]),
    ("06 12 34 56 78\nWhatsapp aussi 😘", ["+33612345678"], [], ["whatsapp:+33612345678"], True, ["whatsapp"]),
    ("Suisse : +41 (0)79 123 45 67", ["+41791234567"], [], [], True, ["intl_trunk"]),
    ("UK number +44 (0) 7911 123456", ["+447911123456"], [], [], True, ["intl_trunk"]),
    ("Deutsch: +49 (0)151 23456789", ["+4915123456789"], [], [], True, ["intl_trunk"]),
    ("Belgique +32 (0)470 12.34.56", ["+32470123456"], [], [], True, ["intl_trunk"]),
    ("0033 (0)6 12 34 56 78 ou 06 12 34 56 78", ["+33612345678"], [], [], True, ["intl_fr", "repeat"]),
    ("appel au 06 12 34 ... 56 78", ["+33612345678"], [], [], True, ["ellipsis"]),
    ("zéro six / douze / trente-quatre / cinquante-six / soixante-dix-huit", ["+33612345678"], [], [], True, ["spelled_fr"]),
    ("Zéro six. Douze. Trente-quatre. Cinquante-six. Soixante-dix-huit.", ["+33612345678"], [], [], True, ["spelled_fr"]),
    ("mon num c 06 douze 34 cinquante six 78", ["+33612345678"], [], [], True, ["mixed_words"]),
    ("Portable : 07.81.22.33.44, fixe 03.21.55.66.77", ["+33781223344", "+33321556677"], [], [], False, ["multi", "landline"]),
    ("Tel: 06 12 34 56 78 – 150€/30min – 250€/1h", ["+33612345678"], [], [], False, ["plain", "price"]),
    # traps
    ("Présente du 28/10 au 02/11, 06 12 34 56 78", ["+33612345678"], [], [], True, ["date_before_phone"]),
    ("jusqu'au 05/11. 07 81 22 33 44 bisous", ["+33781223344"], [], [], True, ["date_before_phone"]),
    ("Tarifs : 1h 150 €, 2h 280 €, soirée 500 €. Rdv de 9h à 1h du matin.", [], [], [], True, ["neg", "price", "time"]),
    ("Née en 1996, 22 ans, 1m60, 48 kg, 85B, taille 36.", [], [], [], True, ["neg", "measure"]),
    ("Adresse: 12 rue de la Paix, 62000 Arras. Code: 0451 B, 2e étage", [], [], [], True, ["neg", "address"]),
    ("Annonce n° 06123456 du 14/10/2018", [], [], [], True, ["neg", "reference"]),
    ("Photos du 05.10.2018, mises à jour 06.10.2018", [], [], [], True, ["neg", "date"]),
    ("Tel: 06 XX XX XX XX, sinon 07 ** ** ** **", [], [], [], True, ["neg", "masked"]),
    ("06.. .. .. .. appelle pour le reste", [], [], [], True, ["neg", "masked"]),
    ("Tél. : 06 12 34 5* **", [], [], [], True, ["neg", "masked"]),
    ("N° SIRET 802 954 785 00028 — APE 9604Z", [], [], [], True, ["neg", "siret"]),
    ("IBAN FR76 3000 6000 0112 3456 7890 189 pour les acomptes", [], [], [], True, ["neg", "iban"]),
    ("Prix: 100 💐, 200 💐 la nuit, 0 tabou, 24/24", [], [], [], True, ["neg", "price"]),
    ("Je suis née le 06/12/1998 à 06h12", [], [], [], True, ["neg", "date", "time"]),
    ("rdv au 06 12 34 56 (numéro complet par mail)", [], [], [], True, ["neg", "invalid"]),
    ("Taille 1.70m, poids 60kg, bonnet 95D, 25ans", [], [], [], True, ["neg", "measure"]),
    ("Parution: 2018-10-12 08:30", [], [], [], True, ["neg", "date", "time"]),
    ("Chambre 012, bâtiment 3, code 0612 à l'entrée", [], [], [], True, ["neg", "address"]),
    ("Promo -50% jusqu'au 30/11, 2 heures = 300€", [], [], [], True, ["neg", "price"]),
    ("envoie un mail sur gmail ou hotmail, je réponds vite", [], [], [], True, ["neg", "email_word"]),
    ("je suis at home point barre", [], [], [], True, ["neg", "email_word"]),
    ("suivez-moi sur insta et snap", [], [], [], True, ["neg", "handle_word"]),
    # e-mails and handles
    ("mail : lea.douce (arobase) gmail.com", [], ["lea.douce@gmail.com"], [], True, ["email_disguise"]),
    ("mail : lea.douce@gmail,com", [], ["lea.douce@gmail.com"], [], True, ["email_disguise"]),
    ("écris à lea.douce chez hotmail point fr", [], ["lea.douce@hotmail.fr"], [], True, ["email_disguise"]),
    ("LEA.DOUCE AT GMAIL DOT COM", [], ["lea.douce@gmail.com"], [], True, ["email_disguise"]),
    ("lea.douce (@) gmail (.) com", [], ["lea.douce@gmail.com"], [], True, ["email_disguise"]),
    ("Mail ➡️ lea.douce@gmail.com", [], ["lea.douce@gmail.com"], [], False, ["email"]),
    ("lea.douce(a)gmail.com", [], ["lea.douce@gmail.com"], [], True, ["email_disguise"]),
    ("Snapchat ➡️ lea.douce62", [], [], ["snapchat:lea.douce62"], True, ["handles"]),
    ("@lea.douce62 sur insta 📸", [], [], ["instagram:lea.douce62"], True, ["handles"]),
    ("Telegram 👉 @lea_douce62", [], [], ["telegram:lea_douce62"], True, ["handles"]),
    ("Insta: lea.douce62 | Snap: leadouce62", [], [], ["instagram:lea.douce62", "snapchat:leadouce62"], False, ["handles"]),
    ("OnlyFans ➡️ onlyfans.com/leadouce", [], [], ["onlyfans:leadouce"], True, ["handles"]),
    ("Mon snap c'est lea.douce62", [], [], ["snapchat:lea.douce62"], True, ["handles"]),
    ("whatsapp wa.me/+33612345678", ["+33612345678"], [], ["whatsapp:+33612345678"], True, ["whatsapp"]),
    # third round, written after the second round's fixes; "oh" for zero is a known miss
    ("Mon 06 : 12 34 56 78", ["+33612345678"], [], [], True, ["split"]),
    ("zero.six.douze.trente-quatre.cinquante-six.soixante-dix-huit", ["+33612345678"], [], [], True, ["spelled_fr"]),
    ("Disponible au 06.12.34.56.78/07.81.22.33.44", ["+33612345678", "+33781223344"], [], [], True, ["multi"]),
    ("Annonce 1234567 — 06 12 34 56 78", ["+33612345678"], [], [], True, ["reference"]),
    ("Tél:+33(0)6.12.34.56.78", ["+33612345678"], [], [], True, ["intl_fr"]),
    ("(06) 12 34 56 78 - Arras (62)", ["+33612345678"], [], [], True, ["split"]),
    ("06*12*34*56*78 ou 07~81~22~33~44", ["+33612345678", "+33781223344"], [], [], True, ["separators"]),
    ("06 twelve 34 56 78", ["+33612345678"], [], [], True, ["spelled_en"]),
    ("oh six one two three four five six seven eight", ["+33612345678"], [], [], True, ["spelled_en", "known_miss"]),
    ("Code promo 0612 valable jusqu'au 31/12/2018", [], [], [], True, ["neg", "code"]),
    ("Avis clients : note 09/10 06 12 34 56 78", ["+33612345678"], [], [], True, ["stray_digits"]),
    ("Nouvelle à Saint-Denis (974), appelle le 0692 45 67 89", ["+262692456789"], [], [], True, ["overseas"]),
    ("Arras, Lens, Béthune (62000, 62300, 62400)", [], [], [], True, ["neg", "postcode"]),
    ("J'ai 06 ans d'expérience, taille 0, 34 kg", [], [], [], True, ["neg", "age"]),
    ("Ouvert 06:00-12:00, 14:00-18:00", [], [], [], True, ["neg", "time"]),
    ("ISBN 978-2-07-036822-8", [], [], [], True, ["neg", "identifier"]),
    ("Tel : 06 __ __ __ __", [], [], [], True, ["neg", "masked"]),
    ("06 12 34 56 (fin du numéro par sms)", [], [], [], True, ["neg", "invalid"]),
    ("le 01 02 2018 à 22:30, 1 2 3 4 5 6 7 8 9 10", [], [], [], True, ["neg", "date"]),
    ("👻lea.douce59 📸 Insta 📸 lea.douce59", [], [], ["snapchat:lea.douce59", "instagram:lea.douce59"], True, ["handles"]),
    ("Snap c'est mieux que insta, demandez en privé", [], [], [], True, ["neg", "handle_word"]),
    ("Rendez-vous at 22h, point de rencontre à la gare", [], [], [], True, ["neg", "email_word"]),
    ("lea.douce59 [arobase] gmail [point] com", [], ["lea.douce59@gmail.com"], [], True, ["email_disguise"]),
    ("mails : lea.douce59@laposte.net/lea2@sfr.fr", [], ["lea.douce59@laposte.net", "lea2@sfr.fr"], [], False, ["email"]),
]

NEGATIVE_SNIPPETS = [
    "{age} ans, 1m{height}, {weight} kg, {price}€ la demi-heure",
    "annonce du {date}, dispo de 10h à 23h30 à {city} {postcode}",
    "{price} roses l'heure, {price2} la nuit, pas de numéro masqué",
    "SIRET {siret}, {city} {postcode}",
    "tel 06 xx xx xx xx, demandez par message",
    "tel 07 ** ** ** **",
    "mesures 90-60-90, bonnet 95C, pointure 38, {age} ans",
    "réf {ref}, mise à jour le {date} à 21:45",
    "né(e) le {date}, {age} ans, {city} ({dept})",
    "du {date} au {date}, 7j/7 24h/24, {price}€",
]


def negative_case(rng: random.Random) -> str:
    parts = rng.sample(NEGATIVE_SNIPPETS, 3)
    siret = "".join(rng.choice("0123456789") for _ in range(14))
    return fill(" • ".join(parts), rng, price2=str(rng.choice([400, 500, 800])), siret=siret,
                ref=str(rng.randint(100000, 99999999)))


def build() -> list[dict]:
    rng = random.Random(SEED)
    cases: list[dict] = []

    def add(text, phones, emails, handles, hard, tags):
        for phone in phones:
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), f"invalid label in {text!r}"
        cases.append(dict(id=f"c{len(cases):04d}", text=text, phones=phones, emails=emails,
                          handles=handles, hard=hard, tags=tags))

    for row in HANDWRITTEN + HANDWRITTEN_PROBES:
        add(*row)
    # French numbers: plain styles and every disguise
    fr_kinds = ["FR6", "FR7", "FR6", "FRL", "FRL3"]
    for i in range(90):
        number = synth_number(rng, rng.choice(fr_kinds))
        style = rng.choice(list(PLAIN_STYLES))
        written = PLAIN_STYLES[style](national_digits(number), rng)
        add(fill(rng.choice(PHONE_TEMPLATES), rng, phone=written), [e164(number)], [], [], False, [style])
    for i in range(25):
        number = synth_number(rng, rng.choice(fr_kinds))
        add(fill(rng.choice(PHONE_TEMPLATES), rng, phone=style_intl_fr(number, rng)), [e164(number)], [], [],
            False, ["intl_fr"])
    for style, fn in HARD_STYLES.items():
        for _ in range(7):
            number = synth_number(rng, rng.choice(fr_kinds[:3]))
            written = fn(national_digits(number), rng)
            add(fill(rng.choice(PHONE_TEMPLATES), rng, phone=written), [e164(number)], [], [], True, [style])
    # international numbers
    for kind in ["BE", "CH", "ES", "RO", "BG", "BR", "CO", "CN", "GB", "DE", "IT", "NG", "MA", "PT", "NL"]:
        for _ in range(3):
            number = synth_number(rng, kind)
            add(fill(rng.choice(PHONE_TEMPLATES), rng, phone=intl_written(number, rng)), [e164(number)], [], [],
                True, ["intl", kind])
    # two numbers in one ad
    for _ in range(15):
        a, b = synth_number(rng, "FR6"), synth_number(rng, "FR7")
        sa = style_plain(national_digits(a), rng)
        sb = rng.choice([style_plain, style_spelled_fr, style_letters])(national_digits(b), rng)
        joiner = rng.choice([" ou ", " / ", "\n", " et aussi ", " (2e ligne) "])
        add(fill(rng.choice(PHONE_TEMPLATES), rng, phone=sa + joiner + sb), [e164(a), e164(b)], [], [],
            True, ["multi"])
    # e-mails
    for i in range(50):
        local, domain = rng.choice(EMAIL_LOCALS), rng.choice(EMAIL_DOMAINS)
        hard = i >= 15
        style = rng.choice(EMAIL_STYLES_HARD if hard else EMAIL_STYLES_PLAIN)
        add(fill(rng.choice(EMAIL_TEMPLATES), rng, email=disguise_email(local, domain, style)), [],
            [f"{local}@{domain}"], [], hard, ["email", style])
    # negatives: numbers of every kind, no contact
    for _ in range(45):
        add(negative_case(rng), [], [], [], True, ["neg", "generated"])
    return cases


def write_cases(cases: list[dict], out: Path) -> None:
    """Write ``cases`` to ``out`` as JSON lines (UTF-8, one case a line) and say how many."""
    with out.open("w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    hard = sum(c["hard"] for c in cases)
    print(f"wrote {len(cases)} cases ({hard} hard) to {out}")


def main() -> None:
    write_cases(build(), OUT)


if __name__ == "__main__":
    main()

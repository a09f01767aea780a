"""Build world.jsonl, the labelled multi-country contact corpus (tests and bench_contacts.py).

Run from the repository root:  .venv/bin/python tests/data/contacts/build_world.py

Ad-style texts of 15 countries (FR BE CH LU ES IT DE NL GB IE US CA BR RO TH), written for this
corpus in each country's language or in English as ads there are written, with each country's
real phone formats (national, with or without trunk prefix as its ads write them, and
international), local disguises, several numbers per ad, numbers in titles, and hard negatives in
each country's style (prices, dates, times, measurements, postcodes, company and tax numbers).
Every case carries its ``country``: the region its national numbers are read with. Each line:
``{"id", "country", "text", "phones" (E.164), "emails", "handles", "hard", "tags"}``.

The phone numbers are synthetic but valid (checked with phonenumbers); the writing styles are
this file's own code and share nothing with the extractors. Deterministic: a fixed seed gives a
byte-identical file.
"""

from __future__ import annotations

import importlib.util
import random
import unicodedata
from pathlib import Path

import phonenumbers

SEED = 20240613
OUT = Path(__file__).with_name("world.jsonl")
# The French corpus's builder, beside this file: its run splitter serves the English repeats too,
# and its writer writes this corpus.
_FRENCH = importlib.util.spec_from_file_location("build_corpus", Path(__file__).with_name("build_corpus.py"))
_french = importlib.util.module_from_spec(_FRENCH)
_FRENCH.loader.exec_module(_french)
repeated_runs = _french.repeated_runs

# ---------------------------------------------------------------- valid synthetic mobiles
# region -> national significant number prefixes of mobiles and the national length
MOBILES = {
    "FR": (("6", "7"), 9), "BE": (("47", "48", "49"), 9), "CH": (("76", "77", "78", "79"), 9),
    "LU": (("621", "661", "691"), 9), "ES": (("6", "7"), 9), "IT": (("32", "33", "34", "36", "38"), 10),
    "DE": (("151", "160", "170", "176"), 11), "NL": (("6",), 9), "GB": (("74", "75", "77", "78", "79"), 10),
    "IE": (("83", "85", "86", "87", "89"), 9),
    "US": (("212", "305", "702", "213", "312", "404", "713", "415", "206", "617"), 10),
    "CA": (("416", "647", "514", "604", "403", "613", "780", "905"), 10),
    "BR": (("119", "219", "319", "419", "519", "619", "719", "819"), 11), "RO": (("72", "74", "75", "76", "78"), 9),
    "TH": (("61", "62", "81", "86", "89", "92", "95"), 9),
}


def mobile(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    prefixes, length = MOBILES[region]
    code = phonenumbers.country_code_for_region(region)
    while True:
        nsn = rng.choice(prefixes)
        nsn += "".join(rng.choice("0123456789") for _ in range(length - len(nsn)))
        number = phonenumbers.parse(f"+{code}{nsn}")
        if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == region:
            return number


def e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def nsn(number: phonenumbers.PhoneNumber) -> str:
    return str(number.national_number)


def cut(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    """``digits`` split into groups of ``sizes`` (the last group takes the rest), joined by ``sep``."""
    out, i = [], 0
    for size in sizes:
        out.append(digits[i : i + size])
        i += size
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(g for g in out if g)


# ---------------------------------------------------------------- national writing, per country
def national_styles(region: str, n: str) -> list[str]:
    """How ads of ``region`` write the national significant number ``n`` of a mobile."""
    t = "0" + n  # with the trunk prefix, where the country has one
    if region == "FR":
        return [cut(t, (2, 2, 2, 2), " "), cut(t, (2, 2, 2, 2), "."), t, cut(t, (2, 2, 2, 2), "-")]
    if region == "BE":
        return [cut(t, (4, 2, 2), " "), f"{t[:4]}/{t[4:6]}.{t[6:8]}.{t[8:]}", cut(t, (4, 3), " "), t]
    if region == "CH":
        return [cut(t, (3, 3, 2), " "), t, f"{t[:3]}/{t[3:6]} {t[6:8]} {t[8:]}", cut(t, (3, 3, 2), ".")]
    if region == "LU":
        return [cut(n, (3, 3), " "), n, cut(n, (3, 2, 2), " ")]
    if region == "ES":
        return [cut(n, (3, 3), " "), n, cut(n, (3, 2, 2), " "), cut(n, (3, 3), "-")]
    if region == "IT":
        return [cut(n, (3, 3), " "), n, cut(n, (3,), "-"), cut(n, (3, 3), "."), cut(n, (3,), " ")]
    if region == "DE":
        return [cut(t, (4,), " "), cut(t, (4,), "/"), f"{t[:4]}-{cut(t[4:], (3, 3), ' ')}", t, cut(t, (4, 4), " ")]
    if region == "NL":
        return [cut(t, (2,), "-"), cut(t, (2,), " "), t, cut(t, (2, 4), " "), cut(t, (2, 2, 2, 2), " ")]
    if region == "GB":
        return [cut(t, (5,), " "), t, cut(t, (5, 3), " "), cut(t, (3, 4), " ")]
    if region == "IE":
        return [cut(t, (3, 3), " "), t, cut(t, (3,), "-"), f"({t[:3]}) {cut(t[3:], (3,), ' ')}"]
    if region in ("US", "CA"):
        return [f"({n[:3]}) {n[3:6]}-{n[6:]}", cut(n, (3, 3), "-"), cut(n, (3, 3), "."), cut(n, (3, 3), " "), n,
                f"1-{cut(n, (3, 3), '-')}", f"({n[:3]}){n[3:6]}-{n[6:]}", f"{n[:3]}/{n[3:6]}-{n[6:]}"]
    if region == "BR":
        return [f"({n[:2]}) {n[2:7]}-{n[7:]}", f"{n[:2]} {n[2:7]}-{n[7:]}", f"({n[:2]}){n[2:7]}-{n[7:]}", n,
                f"0{n[:2]} {n[2:7]}-{n[7:]}", f"({n[:2]}) {n[2]} {n[3:7]}-{n[7:]}", f"0xx{n[:2]} {n[2:7]}-{n[7:]}"]
    if region == "RO":
        return [cut(t, (4, 3), " "), cut(t, (4, 3), "."), t, cut(t, (4, 3), "-")]
    if region == "TH":
        return [cut(t, (3, 3), "-"), t, cut(t, (3, 3), " "), cut(t, (2, 4), "-")]
    raise KeyError(region)


def international(number: phonenumbers.PhoneNumber, rng: random.Random) -> str:
    code, n = number.country_code, nsn(number)
    region = phonenumbers.region_code_for_number(number)
    trunk_written = region in ("CH", "GB", "DE", "BE", "NL") and rng.random() < 0.3
    body = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL).split(" ", 1)[1]
    choice = rng.randrange(4)
    if trunk_written:
        return f"+{code} (0){body}"
    if choice == 0:
        return f"+{code} {body}"
    if choice == 1:
        return f"+{code}{n}"
    if choice == 2:
        return f"00{code} {body}"
    return f"+{code}-{body.replace(' ', '-')}"


# ---------------------------------------------------------------- disguises
EN_DIGITS = "zero one two three four five six seven eight nine".split()
EMOJI = ["💋", "🌹", "🔥", "❤️", "😘", "✨", "👠", "💕", "🍒"]
KEYCAPS = {d: f"{d}\ufe0f\u20e3" for d in "0123456789"}
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def english_words(digits: str, rng: random.Random) -> str:
    zero = rng.choice(["zero", "oh", "o"])
    words = [zero if d == "0" else EN_DIGITS[int(d)] for d in digits]
    return " ".join(words)


def english_repeats(digits: str, rng: random.Random) -> str:
    """ "double seven", "triple five" for repeated digits, words elsewhere."""
    out = []
    for digit, run in repeated_runs(digits):
        word = "oh" if digit == "0" else EN_DIGITS[int(digit)]
        if run == 3:
            out.append(f"triple {word}")
        elif run == 2:
            out.append(f"double {rng.choice([word, digit])}")
        else:
            out.append(word)
    return " ".join(out)


def glued_words(written: str, rng: random.Random) -> str:
    """North American filter dodge: some digits of each group as glued words ("5five5-")."""
    out = []
    for ch in written:
        if ch.isdigit() and rng.random() < 0.35:
            out.append(EN_DIGITS[int(ch)])
        else:
            out.append(ch)
    return "".join(out)


def emoji_split(written: str, rng: random.Random) -> str:
    emoji = rng.choice(EMOJI)
    return f" {emoji} ".join(written.replace("-", " ").replace(".", " ").split())


def letters_for_digits(written: str, rng: random.Random) -> str:
    return written.translate(str.maketrans({"0": rng.choice("Oo"), "1": rng.choice("lI")}))


def spaced(written: str, rng: random.Random) -> str:
    return " ".join(c for c in written if c.isdigit())


def keycaps(written: str, rng: random.Random) -> str:
    return "".join(KEYCAPS.get(c, c) for c in written)


def letter_between(written: str, rng: random.Random) -> str:
    letter = rng.choice("xzk")
    return letter.join(c for c in written if c.isdigit())


def line_break(written: str, rng: random.Random) -> str:
    groups = written.replace("-", " ").replace(".", " ").split()
    if len(groups) < 2:
        half = len(written) // 2
        return f"{written[:half]}\n{written[half:]}"
    k = max(1, len(groups) // 2)
    return " ".join(groups[:k]) + "\n" + " ".join(groups[k:])


def thai_digits(written: str, rng: random.Random) -> str:
    return "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in written)


def word_gap(written: str, rng: random.Random, words: tuple[str, ...]) -> str:
    groups = written.replace("-", " ").replace(".", " ").split()
    if len(groups) < 2:
        return written
    k = rng.randrange(1, len(groups))
    return " ".join(groups[:k]) + f" {rng.choice(words)} " + " ".join(groups[k:])


# ---------------------------------------------------------------- countries
class Country:
    """Everything the corpus writes for one country."""

    def __init__(self, region, templates, title_templates, negatives, names, cities, gap_words, disguises):
        self.region = region
        self.templates = templates
        self.title_templates = title_templates
        self.negatives = negatives
        self.names = names
        self.cities = cities
        self.gap_words = gap_words
        self.disguises = disguises


COMMON = ("emoji", "letters", "spaced", "keycaps", "line_break", "word_gap")
ENGLISH = ("words_en", "repeats_en", *COMMON)
NORTH_AMERICA = ("words_en", "repeats_en", "glued", "letter_between", *COMMON)

COUNTRIES = [
    Country(
        "FR",
        ["Belle {name}, {age} ans, nouvelle à {city}. Appelle-moi au {phone} 😘 {price}€ la demi-heure.",
         "{name} 🌹 dispo 7j/7 de 10h à 22h à {city}. Tel : {phone}. Pas de numéro masqué.",
         "Massage relaxant par {name}, {age} ans, 1m{height}. Sur rendez-vous : {phone}.",
         "Je reçois à {city} jusqu'au {date}. Mon num : {phone} (appel uniquement)."],
        ["{name} {age} ans {city} {phone}", "NOUVELLE {city} ☎ {phone}"],
        ["{name}, {age} ans, 1m{height}, {weight} kg, 95C. {price}€ 30 min, {price2}€ l'heure.",
         "Annonce du {date} à {city} {postcode}, dispo de 10h à 23h30.",
         "SIRET 802 954 785 00028 — TVA FR12802954785 — {city} {postcode}",
         "Tel 06 xx xx xx xx, demandez par message. {price} roses la nuit.",
         "Née le 03/04/1996, {age} ans, pointure 38, bonnet 90B, {city} ({dept})."],
        ["Léa", "Nina", "Chloé", "Inès", "Manon"], [("Arras", "62000"), ("Lille", "59000"), ("Lyon", "69001")],
        ("appelle", "ou sms", "(pas de sms)"),
        ("emoji", "letters", "spaced", "keycaps", "line_break", "word_gap")),
    Country(
        "BE",
        ["{name}, {age} ans, nouvelle à {city}. Bel-moi au {phone} 😘 {price}€ la demi-heure.",
         "Nieuw in {city}! {name} ({age}). Bel {phone}, geen sms. {price} euro per uur.",
         "Massage à {city} ({postcode}) — {name} — réservation {phone}.",
         "{name} ontvangt discreet in {city}. GSM: {phone} — van 10u tot 22u."],
        ["{name} {city} {phone}", "NIEUW {city} ✆ {phone}"],
        ["{name}, {age} jaar, 1m{height}, {weight} kg. {price}€ per half uur, {price2}€ per uur.",
         "Ondernemingsnummer BTW BE 0123.456.789 — {postcode} {city}",
         "Adres: Rue Neuve 12, {postcode} {city}. Open van 10u tot 22u, 7/7.",
         "Disponible du 01/11/2023 au 15/11/2023, {price} euros l'heure, 0 tabou.",
         "Ik ben {age} jaar, maat 36, cup 75B, {price} euro 30 min."],
        ["Julie", "Lotte", "Sofie", "Amandine", "Elena"],
        [("Bruxelles", "1000"), ("Antwerpen", "2000"), ("Liège", "4000"), ("Gent", "9000")],
        ("bel", "of sms", "appelle"), COMMON),
    Country(
        "CH",
        ["{name}, {age} ans, à {city}. Appelle-moi au {phone}. {price} CHF la demi-heure.",
         "Neu in {city}! {name}, {age} Jahre. Ruf an: {phone} — {price} Fr. pro Stunde.",
         "{name} 💋 {city} {postcode} — Termine unter {phone}, auch WhatsApp.",
         "Discrète et élégante, {name} reçoit à {city}. Tél. {phone} (pas de SMS)."],
        ["{name} {city} {phone}", "NEU in {city} 📞 {phone}"],
        ["{name}, {age} Jahre, 1,{height} m, {weight} kg, BH 75C. 30 Min {price}.-, 1 Std {price2}.- CHF.",
         "Studio {postcode} {city}, geöffnet Mo-Sa 10-22 Uhr, ab {date}.",
         "UID CHE-123.456.789 MWST — {postcode} {city}",
         "Tarifs: {price} CHF 30 min, {price2} Fr. 1h, nuit 1200 CHF.",
         "Je suis à {city} du 12.10.2023 au 20.10.2023, {age} ans."],
        ["Mia", "Laura", "Chantal", "Nadia", "Sara"], [("Zürich", "8001"), ("Genève", "1201"), ("Basel", "4051")],
        ("ruf an", "oder sms", "appelle"), COMMON),
    Country(
        "LU",
        ["{name}, {age} ans, nouvelle à {city}. Appelle au {phone}. {price}€ la demi-heure.",
         "New in {city}: {name}, {age}. Call or WhatsApp {phone}. {price} euro/hour.",
         "{name} empfängt in {city} ({postcode}). Tel.: {phone}",
         "Discrète à {city}, {name} — contact {phone} — 7j/7."],
        ["{name} {city} {phone}", "NOUVELLE au Luxembourg {phone}"],
        ["{name}, {age} ans, 1m{height}, {price}€ 30 min, {price2}€ 1h, L-{postcode} {city}.",
         "RCS Luxembourg B123456 — TVA LU12345678 — L-{postcode} {city}",
         "Disponible du 02/11/2023 au 09/11/2023 de 10h à 22h.",
         "Tarif {price} euros, {price2} euros la nuit, {age} ans.",
         "Adresse 12 rue de la Gare, L-{postcode} {city}, 2ème étage."],
        ["Sophie", "Anna", "Carla", "Maya", "Lina"], [("Luxembourg", "1611"), ("Esch-sur-Alzette", "4001")],
        ("appelle", "ou sms", "call"), COMMON),
    Country(
        "ES",
        ["{name}, {age} años, nueva en {city}. Llámame al {phone} 😘 {price}€ media hora.",
         "Chica {name} en {city}, disponible 24h. Tel: {phone}. WhatsApp también.",
         "Masajes relajantes, {name}, {age} años. Cita previa {phone}. {price} euros la hora.",
         "Recibo en piso discreto en {city} ({postcode}). Solo llamadas: {phone}"],
        ["{name} {city} {phone}", "NOVEDAD en {city} 📞 {phone}"],
        ["{name}, {age} años, 1,{height} m, {weight} kg, talla 38. {price}€ 30 min, {price2}€ 1 hora.",
         "CIF B12345678 — {postcode} {city} — abierto de 10:00 a 22:00",
         "Anuncio del 12/10/2023, disponible hasta el 20/10/2023.",
         "Tarifas: media hora {price}€, una hora {price2}€, toda la noche 800€.",
         "DNI 12345678Z, calle Mayor 12, 3º, CP {postcode} {city}"],
        ["Lucía", "Carmen", "Valeria", "Daniela", "Paula"], [("Madrid", "28001"), ("Barcelona", "08001"), ("Valencia", "46001")],
        ("llámame", "o whatsapp", "(solo llamadas)"), COMMON),
    Country(
        "IT",
        ["{name}, {age} anni, nuova a {city}. Chiamami al {phone} 😘 {price}€ mezz'ora.",
         "Ciao sono {name}, ricevo a {city} dalle 10 alle 22. Tel. {phone}",
         "Massaggi rilassanti, {name}, {age} anni. Solo su appuntamento: {phone}. {price} euro.",
         "Bellissima {name} a {city} ({postcode}). Cell: {phone}, anche WhatsApp."],
        ["{name} {city} {phone}", "NOVITÀ {city} 📞 {phone}"],
        ["{name}, {age} anni, 1,{height} m, {weight} kg, 4a misura. {price}€ 30 minuti, {price2}€ 1 ora.",
         "P.IVA 01234567890 — CAP {postcode} {city}",
         "Annuncio del 12/10/2023, disponibile fino al 20/10/2023 dalle 10:00 alle 23:00.",
         "Tariffe: {price} euro mezz'ora, {price2} euro un'ora, notte 1000 euro.",
         "Via Roma 12, {postcode} {city}, interno 3, codice fiscale RSSMRA85T10A562S"],
        ["Giulia", "Chiara", "Sara", "Martina", "Alessia"], [("Milano", "20121"), ("Roma", "00184"), ("Napoli", "80133")],
        ("chiamami", "o whatsapp", "(no sms)"), COMMON),
    Country(
        "DE",
        ["{name}, {age} Jahre, neu in {city}. Ruf mich an: {phone} 😘 {price}€ halbe Stunde.",
         "Hallo, ich bin {name} aus {city}. Termine unter {phone}, auch WhatsApp.",
         "Entspannende Massage, {name}, {age} J. Tel.: {phone}. {price} Euro pro Stunde.",
         "Diskret in {city} ({postcode}). Nur Anrufe: {phone}"],
        ["{name} {city} {phone}", "NEU in {city} ☎ {phone}"],
        ["{name}, {age} Jahre, 1,{height} m, {weight} kg, KG 36, BH 75C. {price}€ 30 Min, {price2}€ 1 Std.",
         "USt-IdNr. DE123456789, HRB 12345 — {postcode} {city}",
         "Anzeige vom 12.10.2023, Mo-Fr 10-22 Uhr, Sa 12-20 Uhr.",
         "Preise: 30 Min {price},- €, 1 Std {price2},- €, Nacht 900 €.",
         "Adresse: Hauptstraße 12, {postcode} {city}, 3. Etage"],
        ["Lena", "Anna", "Jana", "Nicole", "Sabrina"], [("Berlin", "10115"), ("Hamburg", "20095"), ("Köln", "50667")],
        ("ruf an", "oder sms", "(keine sms)"), COMMON),
    Country(
        "NL",
        ["{name}, {age} jaar, nieuw in {city}. Bel me op {phone} 😘 {price} euro per half uur.",
         "Hoi ik ben {name}, ik ontvang in {city}. Tel: {phone}, ook WhatsApp.",
         "Ontspannende massage door {name}, {age} jaar. Afspraak: {phone}.",
         "Discreet in {city} ({postcode}). Alleen bellen: {phone}"],
        ["{name} {city} {phone}", "NIEUW in {city} 📞 {phone}"],
        ["{name}, {age} jaar, 1.{height} m, {weight} kg, cup 75C. {price} euro 30 min, {price2} euro 1 uur.",
         "KvK 12345678, BTW NL123456789B01 — {postcode} {city}",
         "Advertentie van 12-10-2023, open van 10:00 tot 22:00 uur.",
         "Prijzen: half uur € {price},-, uur € {price2},-, nacht € 900,-.",
         "Adres: Damstraat 12, 1012 AB Amsterdam, 2e verdieping"],
        ["Sanne", "Lisa", "Eva", "Fleur", "Noa"], [("Amsterdam", "1012 AB"), ("Rotterdam", "3011 AA"), ("Utrecht", "3511 LX")],
        ("bel", "of sms", "(geen sms)"), COMMON),
    Country(
        "GB",
        ["{name}, {age}, new in {city}! Call me on {phone} 😘 £{price} half hour.",
         "Hi guys, I'm {name}, incall in {city} centre. Text or call {phone}, no withheld numbers.",
         "Sensual massage by {name}, {age}. Bookings: {phone}. £{price}ph.",
         "Discreet flat near {city} station ({postcode}). Calls only: {phone}"],
        ["{name} {city} {phone}", "NEW IN {city} 📱 {phone}"],
        ["{name}, {age}, 5'6\", size 8, 34C. £{price} 30 mins, £{price2} 1 hr, overnight £800.",
         "Company No 12345678, VAT GB123456789 — {postcode} {city}",
         "Posted 12/10/2023, available 10am-10pm, 7 days a week.",
         "Rates: half hour £{price}, hour £{price2}, 2 hrs £500, 24/7.",
         "Flat 12, 34 High Street, {city} {postcode}, 2nd floor"],
        ["Chloe", "Amber", "Jessica", "Holly", "Megan"], [("London", "SW1A 1AA"), ("Manchester", "M1 1AE"), ("Leeds", "LS1 4AP")],
        ("call", "or text", "(no texts)"), ENGLISH),
    Country(
        "IE",
        ["{name}, {age}, new in {city}! Call me on {phone} 😘 €{price} half hour.",
         "Hi I'm {name}, incall {city}. Text or call {phone}, no private numbers.",
         "Relaxing massage by {name}, {age}. Bookings: {phone}. €{price} per hour.",
         "Discreet apartment in {city} ({postcode}). Calls only: {phone}"],
        ["{name} {city} {phone}", "NEW IN {city} 📱 {phone}"],
        ["{name}, {age}, 5'5\", size 10, 34B. €{price} 30 mins, €{price2} 1 hr.",
         "Eircode D02 X285, company no 123456, VAT IE1234567T",
         "Posted 12/10/2023, available 10am-11pm, 24/7 outcall.",
         "Rates: half hour €{price}, hour €{price2}, overnight €900.",
         "Apartment 12, 34 Main Street, {city} {postcode}"],
        ["Aoife", "Ciara", "Niamh", "Emma", "Sarah"], [("Dublin", "D02 X285"), ("Cork", "T12 RK2V"), ("Galway", "H91 E2R3")],
        ("call", "or text", "(no texts)"), ENGLISH),
    Country(
        "US",
        ["{name} {age} NEW IN TOWN 💋 {city} incall/outcall call {phone} ${price} hh ${price2} hr",
         "Hey guys its {name} 😘 {age}yo 5'4 120lbs 34C available 24/7 text me {phone} no blocked calls",
         "💦 {name} 💦 {city} near the airport 🔥 {phone} 🔥 ${price} qv ${price2}/hr",
         "Sexy {name} visiting {city} till Sunday! TEXT ONLY {phone} serious gentlemen only, {price} roses"],
        ["{name} {age} {phone} {city}", "NEW {phone} {name} 💋 {city}", "({phone}) 100% REAL {name}"],
        ["{name} {age}yrs 5'6\" 130 lbs 36DD-24-36 ${price} hhr ${price2} hr, incall only",
         "Posted: 2023-10-12 10:45 PM Post ID: 4521093874 {city}, NV 89109",
         "Available 10am-4am 7 days a week, 200 roses 1 hour, 120 half, ages 21-40 only",
         "Ad #2019112345 reposted 12/25/2023 room 1214, exit 12 off I-95",
         "Rates: 150 qv / 200 hh / 300 hr / 1000 overnight, 2 girl special 400"],
        ["Amber", "Destiny", "Candy", "Jasmine", "Brittany"],
        [("Las Vegas", "89109"), ("Miami", "33101"), ("Houston", "77002"), ("Atlanta", "30303")],
        ("text", "call", "or text", "(text only)"), NORTH_AMERICA),
    Country(
        "CA",
        ["{name} {age} NEW in {city} 💋 incall call or text {phone} ${price} hh ${price2} hr",
         "Hi gentlemen its {name} 😘 {age}yo 5'5 115lbs available now {phone} no private calls",
         "🍁 {name} 🍁 {city} downtown 🔥 {phone} 🔥 {price} roses/hr",
         "Belle {name} à {city}, {age} ans. Textez-moi au {phone}. TEXT ONLY"],
        ["{name} {age} {phone} {city}", "NEW {phone} {name} 🍁 {city}"],
        ["{name} {age}yrs 5'7\" 125 lbs 34B ${price} hhr ${price2} hr, {city} ON M5V 2T6",
         "Posted 2023-10-12 09:15 AM, ad id: 8837261541, {city}",
         "Available 11am-3am, 180 half hour, 250 full hour, ages 25+",
         "Rates: 160 hh / 240 hr / 900 overnight, no rush, 24/7",
         "Suite 1208, 250 Front St W, {city}, postal code M5V 3L9"],
        ["Chloe", "Maple", "Ashley", "Sophie", "Tiffany"],
        [("Toronto", "M5V"), ("Montreal", "H2X"), ("Vancouver", "V6B"), ("Calgary", "T2P")],
        ("text", "call", "or text", "(text only)"), NORTH_AMERICA),
    Country(
        "BR",
        ["{name}, {age} anos, novidade em {city}! Me liga {phone} 😘 R$ {price} meia hora.",
         "Oi amor, sou a {name}, atendo em {city}. Chama no zap {phone}",
         "Massagem relaxante com {name}, {age} anos. Agende: {phone}. {price} reais a hora.",
         "Local discreto em {city} (CEP {postcode}). Só ligação: {phone}"],
        ["{name} {city} {phone}", "NOVIDADE {city} 📲 {phone}"],
        ["{name}, {age} anos, 1,{height} m, {weight} kg, manequim 38. R$ {price} 30 min, R$ {price2} 1 hora.",
         "CNPJ 12.345.678/0001-95, CEP {postcode} {city}",
         "Anúncio de 12/10/2023, atendo das 10h às 22h.",
         "Valores: meia hora R$ {price}, uma hora R$ {price2}, pernoite R$ 1000.",
         "CPF 123.456.789-09, Rua Augusta 1200, apto 34"],
        ["Ana", "Juliana", "Camila", "Larissa", "Bianca"],
        [("São Paulo", "01310-100"), ("Rio de Janeiro", "20040-002"), ("Belo Horizonte", "30130-010")],
        ("liga", "ou zap", "(só ligação)"), COMMON),
    Country(
        "RO",
        ["{name}, {age} ani, nouă în {city}. Sună-mă la {phone} 😘 {price} lei jumătate de oră.",
         "Bună, sunt {name}, primesc în {city}. Tel: {phone}, și WhatsApp.",
         "Masaj de relaxare, {name}, {age} ani. Programări: {phone}. {price} lei ora.",
         "Apartament discret în {city}. Doar apeluri: {phone}"],
        ["{name} {city} {phone}", "NOUĂ în {city} 📞 {phone}"],
        ["{name}, {age} ani, 1,{height} m, {weight} kg, sâni 75C. {price} lei 30 min, {price2} lei 1 oră.",
         "CUI RO12345678, CNP 1960512123456, {city}",
         "Anunț din 12.10.2023, program 10:00-22:00.",
         "Tarife: {price} lei jumătate de oră, {price2} lei ora, 800 lei noaptea.",
         "Str. Victoriei 12, bl. 3, ap. 14, cod poștal 010061"],
        ["Andreea", "Ioana", "Bianca", "Alexandra", "Denisa"], [("București", "010061"), ("Cluj-Napoca", "400001"), ("Iași", "700001")],
        ("sună", "sau sms", "(fără sms)"), COMMON),
    Country(
        "TH",
        ["{name} {age} ปี น่ารัก {city} โทร {phone} ราคา {price} บาท",
         "Hi I'm {name}, {age}, new in {city}. Call or Line: {phone}. {price} baht 1 hour.",
         "นวดผ่อนคลาย {name} {city} ติดต่อ {phone} เปิด 10:00-22:00",
         "Sexy {name} in {city}, outcall hotel. WhatsApp {phone}, {price} THB."],
        ["{name} {city} {phone}", "NEW {city} ☎ {phone}"],
        ["{name} อายุ {age} ปี สูง 1{height} ซม. หนัก {weight} กก. ราคา {price} บาท {price2}฿",
         "ลงประกาศ 12/10/2566 เปิด 10:00-22:00 น.",
         "Rates: {price} baht 1 hour, {price2} baht 2 hours, long time 6000 baht.",
         "{city} {postcode}, Sukhumvit Soi 22, room 1208",
         "Tax ID 0105561234567, {city} {postcode}"],
        ["Ploy", "Mint", "Nong", "Fah", "Pim"], [("Bangkok", "10110"), ("Pattaya", "20150"), ("Phuket", "83000")],
        ("call", "or Line", "โทร"), ("thai_digits", *COMMON)),
]

DISGUISES = {
    "emoji": emoji_split, "letters": letters_for_digits, "spaced": spaced, "keycaps": keycaps,
    "line_break": line_break, "thai_digits": thai_digits, "glued": glued_words, "letter_between": letter_between,
}


def disguise(style: str, country: Country, number, rng: random.Random) -> str:
    written = rng.choice(national_styles(country.region, nsn(number))[:2])
    if style == "words_en":
        return english_words("".join(c for c in written if c.isdigit()), rng)
    if style == "repeats_en":
        return english_repeats("".join(c for c in written if c.isdigit()), rng)
    if style == "word_gap":
        return word_gap(written, rng, country.gap_words)
    return DISGUISES[style](written, rng)


def fill(template: str, country: Country, rng: random.Random, **slots: str) -> str:
    city, postcode = rng.choice(country.cities)
    values = dict(name=rng.choice(country.names), age=str(rng.randint(19, 42)), city=city, postcode=postcode,
                  price=str(rng.choice([80, 100, 120, 150, 200])), price2=str(rng.choice([250, 300, 350, 400])),
                  height=str(rng.randint(55, 78)), weight=str(rng.randint(48, 68)), date="12/10/2023", dept="62")
    values.update(slots)
    return template.format(**values)


# ---------------------------------------------------------------- e-mails and handles
# region -> ("@" and "." as the country's ads spell them, mail domains seen there)
MAIL_WORDS = {
    "FR": (("arobase", "point"), ("orange.fr", "hotmail.fr")), "BE": (("apenstaartje", "punt"), ("skynet.be", "hotmail.be")),
    "CH": (("at", "punkt"), ("bluewin.ch", "gmx.ch")), "LU": (("arobase", "point"), ("pt.lu", "gmail.com")),
    "ES": (("arroba", "punto"), ("hotmail.es", "gmail.com")), "IT": (("chiocciola", "punto"), ("libero.it", "gmail.com")),
    "DE": (("klammeraffe", "punkt"), ("gmx.de", "web.de")), "NL": (("apenstaartje", "punt"), ("ziggo.nl", "hotmail.nl")),
    "GB": (("at", "dot"), ("yahoo.co.uk", "hotmail.co.uk")), "IE": (("at", "dot"), ("eircom.net", "gmail.com")),
    "US": (("at", "dot"), ("gmail.com", "yahoo.com")), "CA": (("at", "dot"), ("hotmail.ca", "gmail.com")),
    "BR": (("arroba", "ponto"), ("bol.com.br", "hotmail.com")), "RO": (("at", "punct"), ("yahoo.ro", "gmail.com")),
    "TH": (("at", "dot"), ("hotmail.com", "gmail.com")),
}
PROVIDER_SPLITS = {"gmail.com": "g mail", "hotmail.com": "hot mail", "yahoo.com": "ya hoo"}


def disguised_email(local: str, domain: str, words: tuple[str, str], style: int) -> str:
    """One of the ways ads write ``local@domain`` (style 0-7)."""
    at, dot = words
    name, tld = domain.split(".", 1)
    spoken_tld = f" {dot} ".join(tld.split("."))
    if style == 0:
        return f"{local} {at} {name} {dot} {spoken_tld}"
    if style == 1:
        return f"{local} [{at}] {name} ({dot}) {tld}"
    if style == 2:
        return f"{local}\n@{domain}"
    if style == 3:
        return f"{local.upper()} AT {name.upper()} DOT {tld.upper()}" if "." not in tld else f"{local}@{domain}"
    if style == 4 and domain in PROVIDER_SPLITS:
        return f"{local} at {PROVIDER_SPLITS[domain]} dot {tld}"
    if style == 5 and "." not in tld:
        return f"{local} at {name} dot {' '.join(tld)}"
    if style == 6 and "." not in tld:
        return f"{local} at {name} dot{tld}"
    return f"{local} @ {name} . {tld}"


def ascii_name(name: str) -> str:
    """Lower-case ASCII form of a first name, as it appears in addresses and account names."""
    return unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()


def handle_forms(region: str, account: str, number: phonenumbers.PhoneNumber) -> list[tuple[str, str]]:
    """(written handle, key) pairs as ads of ``region`` write them."""
    forms = [
        (f"wa.me/{str(number.country_code) + nsn(number)}", f"whatsapp:{e164(number)}"),
        (f"t.me/{account.replace('.', '_')}", f"telegram:{account.replace('.', '_')}"),
        (f"Telegram: @{account.replace('.', '_')}", f"telegram:{account.replace('.', '_')}"),
        (f"snap: {account}", f"snapchat:{account}"), (f"sc: {account}", f"snapchat:{account}"),
        (f"snapchat.com/add/{account}", f"snapchat:{account}"), (f"IG @{account}", f"instagram:{account}"),
        (f"instagram.com/{account}", f"instagram:{account}"), (f"onlyfans.com/{account.replace('.', '')}",
                                                                f"onlyfans:{account.replace('.', '')}"),
        (f"OF: {account.replace('.', '')}", f"onlyfans:{account.replace('.', '')}"),
        (f"x.com/{account.replace('.', '_')}", f"twitter:{account.replace('.', '_')}"),
        (f"Twitter/X: @{account.replace('.', '_')}", f"twitter:{account.replace('.', '_')}"),
        (f"kik me: {account}", f"kik:{account}"),
    ]
    if region == "TH":
        forms += [(f"Line ID: {account}", f"line:{account}"), (f"line.me/ti/p/~{account}", f"line:{account}")]
    if region == "BR":
        forms += [(f"chama no zap {national_styles('BR', nsn(number))[0]}", f"whatsapp:{e164(number)}")]
    return forms


CONTACT_TEMPLATES = ["{name} 💋 {contact}", "{name}, {age} — {contact} 😘", "{contact} | {name} {city}",
                     "New pics: {contact} ✨", "{name} ({city}) {contact} 🔥"]


# ---------------------------------------------------------------- hand-written North American ads
# (country, text, phones, hard, tags): habits seen in the field that templates do not produce
HANDWRITTEN = [
    ("US", "💋 AMBER 💋 (702) 555-0147 💋 NEW IN TOWN\nIncall near the strip, text only 702 555 0147", ["+17025550147"], True, ["title", "repeat"]),
    ("US", "Call me at 305-555-0182 or my second line 786.555.0143 ask for Candy", ["+13055550182", "+17865550143"], True, ["multi"]),
    ("US", "Two girls available: Jade 404-555-0110, Kiki 678-555-0123 ($300 duo)", ["+14045550110", "+16785550123"], True, ["multi", "price"]),
    ("US", "TEXT ONLY!!! 2I3-5five5-OI98 no calls, no blocked numbers", ["+12135550198"], True, ["glued", "letters"]),
    ("US", "(212) five5five-0123 ask for Destiny, 24/7", ["+12125550123"], True, ["glued"]),
    ("US", "seven oh two, five five five, oh one four seven — text me babe", ["+17025550147"], True, ["words_en"]),
    ("US", "Call 4 1 5 🌹 5 5 5 🌹 0 1 9 9 for an appointment", ["+14155550199"], True, ["emoji"]),
    ("US", "1 (713) 555-0166 Houston incall, 200 roses hr, 5'3\" 110 lbs 32B", ["+17135550166"], True, ["trunk", "traps"]),
    ("US", "my number is two one two triple five oh one two three, texts only", ["+12125550123"], True, ["repeats_en"]),
    ("US", "Posted 10/12/2023 — 312 555 0175 — $150 hhr $250 hr, 36DD", ["+13125550175"], True, ["traps"]),
    ("US", "Atlanta GA 30303 (404)555-0133 new pics 100% real, ages 21-35", ["+14045550133"], True, ["postcode"]),
    ("US", "Old number 206-555-0100 is OFF, new one 206-555-0191", ["+12065550100", "+12065550191"], True, ["multi"]),
    ("US", "$200 hh $300 hr $1000 overnight 5'6 120lbs 34C available 10am-2am text only", [], True, ["neg", "price", "measure"]),
    ("US", "Room 1214, order #1234567890, zip 10001, posted 2023-10-12 07:15:22", [], True, ["neg", "identifier"]),
    ("CA", "🍁 NEW 🍁 (416) 555-0190 Toronto downtown 🍁 text or call 647.555.0122", ["+14165550190", "+16475550122"], True, ["multi", "title"]),
    ("CA", "Appelle-moi 514 555-0177, Montréal, 200$ l'heure, 24/7", ["+15145550177"], True, ["french"]),
    ("CA", "six oh four, five five five, zero one one two — Vancouver, text only", ["+16045550112"], True, ["words_en"]),
    ("CA", "6o4-5five5-0112 Vancouver outcall, no blocked calls", ["+16045550112"], True, ["glued", "letters"]),
    ("CA", "1-403-555-0188 Calgary ☎ incall only 250 roses", ["+14035550188"], True, ["trunk"]),
    ("CA", "Toronto ON M5V 2T6, 160hh 240hr, 5'5 118lbs 34B, 24/7", [], True, ["neg", "postcode", "price"]),
]


def whatsapp_label(template: str, phones: list[str]) -> list[str]:
    """The WhatsApp key of an ad written from ``template``: the number after the word WhatsApp
    (or Brazil's "zap"), else the last one before it."""
    lowered = template.lower()
    word = next((w for w in ("whatsapp", "zap") if w in lowered), None)
    if word is None or not phones or "{phone}" not in template:
        return []
    return [f"whatsapp:{phones[0] if lowered.index(word) < lowered.index('{phone}') else phones[-1]}"]


def build() -> list[dict]:
    rng = random.Random(SEED)
    cases: list[dict] = []

    def add(country, text, phones, hard, tags, template="", emails=(), handles=()):
        for phone in phones:
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), f"invalid label in {text!r}"
        handles = list(handles) or whatsapp_label(template, phones)
        cases.append(dict(id=f"w{len(cases):04d}", country=country, text=text, phones=list(dict.fromkeys(phones)),
                          emails=list(emails), handles=handles, hard=hard, tags=tags))

    for country in COUNTRIES:
        region = country.region
        for i in range(16):  # national numbers, as the country's ads write them
            number = mobile(rng, region)
            styles = national_styles(region, nsn(number))
            written = styles[i % len(styles)]
            template = rng.choice(country.templates)
            text = fill(template, country, rng, phone=written)
            if i % 4 == 3:  # a number in the title as well as the text
                text = fill(rng.choice(country.title_templates), country, rng, phone=written) + "\n" + text
            add(region, text, [e164(number)], False, ["national", f"style{i % len(styles)}"], template)
        for i in range(6):  # international numbers, the country's own and a foreign woman's
            foreign = i >= 4
            number = mobile(rng, rng.choice([c.region for c in COUNTRIES if c.region != region]) if foreign else region)
            template = rng.choice(country.templates)
            add(region, fill(template, country, rng, phone=international(number, rng)),
                [e164(number)], foreign, ["international", "foreign" if foreign else "own"], template)
        for i in range(10):  # local disguises
            style = country.disguises[i % len(country.disguises)]
            number = mobile(rng, region)
            template = rng.choice(country.templates)
            add(region, fill(template, country, rng, phone=disguise(style, country, number, rng)),
                [e164(number)], True, ["disguise", style], template)
        for i in range(5):  # several numbers in one ad
            first, second = mobile(rng, region), mobile(rng, region)
            a = rng.choice(national_styles(region, nsn(first)))
            b = rng.choice(national_styles(region, nsn(second))) if i % 2 == 0 else international(second, rng)
            joiner = rng.choice([" / ", f" {country.gap_words[1]} ", "\n", ", "])
            template = rng.choice(country.templates)
            # a joiner such as "o whatsapp" makes the second number a WhatsApp one
            joined = [f"whatsapp:{e164(second)}"] if any(w in joiner for w in ("whatsapp", "zap")) else []
            add(region, fill(template, country, rng, phone=a + joiner + b),
                [e164(first), e164(second)], True, ["multi"], template,
                handles=list(dict.fromkeys(whatsapp_label(template, [e164(first), e164(second)]) + joined)))
        for template in country.negatives:  # hard negatives in the country's style
            add(region, fill(template, country, rng), [], True, ["neg"])
        for i in range(5):  # negatives combined, then a phone among them
            parts = rng.sample(country.negatives, 2)
            add(region, fill(" • ".join(parts), country, rng), [], True, ["neg", "combined"])
        for i in range(3):
            number = mobile(rng, region)
            written = rng.choice(national_styles(region, nsn(number)))
            negative = fill(rng.choice(country.negatives), country, rng)
            add(region, f"{negative} {written}" if i % 2 else f"{written} — {negative}", [e164(number)], True,
                ["traps"])
    for country in COUNTRIES:  # e-mails and handles as the country's ads disguise them
        words, domains = MAIL_WORDS[country.region]
        for style in range(8):
            name = rng.choice(country.names)
            local = f"{ascii_name(name)}{rng.choice(['', '.vip', '_', '22'])}{rng.randint(1, 99)}"
            domain = domains[style % 2] if style not in (4, 5, 6) else rng.choice(["gmail.com", "hotmail.com", "yahoo.com"])
            written = disguised_email(local, domain, words, style)
            text = fill(rng.choice(CONTACT_TEMPLATES), country, rng, contact=written)
            add(country.region, text, [], style > 0, ["email", f"email{style}"], emails=[f"{local}@{domain}"])
        number = mobile(rng, country.region)
        account = f"{ascii_name(rng.choice(country.names))[:4]}.{rng.choice(['xo', 'vip', 'bb'])}{rng.randint(1, 99)}"
        forms = handle_forms(country.region, account, number)
        for written, key in rng.sample(forms, 7):
            text = fill(rng.choice(CONTACT_TEMPLATES), country, rng, contact=written)
            phones = [e164(number)] if key.startswith("whatsapp:") else []
            add(country.region, text, phones, True, ["handle", key.split(":")[0]], handles=[key])
    for country, text, phones, hard, tags in HANDWRITTEN:
        add(country, text, phones, hard, ["handwritten", *tags])
    return cases


def main() -> None:
    _french.write_cases(build(), OUT)


if __name__ == "__main__":
    main()

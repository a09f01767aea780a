"""Italian sentences of the synthetic ads (the Italian register: "appena arrivata", "ambiente
riservato", "senza fretta", "solo chiamate, no anonimi"), kept non-explicit; same layout as
``phrases``. Templates state the age as "{age} anni" and do not state an origin.
"""

from __future__ import annotations

OPENINGS: dict[str, tuple[str, ...]] = {
    "f": (
        "Ciao, sono {name}, {age} anni, appena arrivata a {city}.",
        "{name}, {age} anni, dolce e solare, a {city} per pochi giorni.",
        "Novità a {city}: {name}, {age} anni, molto carina.",
        "Mi chiamo {name}, ho {age} anni e ti aspetto a {city}.",
        "{city}: {name} ({age} anni), elegante e riservata.",
        "Ciao amore, sono {name}, {age} anni, sono a {city}.",
    ),
    "t": (
        "Trans {name}, {age} anni, di passaggio a {city}.",
        "Trans molto femminile a {city}: {name}, {age} anni.",
        "Ciao, sono {name}, trans di {age} anni, a {city} questa settimana.",
    ),
    "m": (
        "{name}, {age} anni, ragazzo disponibile a {city}.",
        "Accompagnatore {name}, {age} anni, per donne e uomini a {city}.",
        "Ciao, sono {name}, {age} anni, sportivo, a {city}.",
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "f": ("{name}, {age} anni, {city}", "Novità a {city}", "{name} appena arrivata",
          "Pochi giorni a {city}", "{name} - ambiente riservato"),
    "t": ("Trans {name} a {city}", "Trans novità a {city}"),
    "m": ("Ragazzo {name} a {city}", "{name}, {age} anni, riservato"),
}

BODY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ftm", ("Ricevo in ambiente riservato e pulito.",
             "Ambiente pulito e molto riservato.",
             "Ti ricevo in un appartamento privato.")),
    ("ftm", ("Disponibile anche in hotel e a domicilio.",
             "Vengo anche in hotel o a casa tua.",
             "Anche uscite in hotel e a domicilio.")),
    ("ftm", ("Foto reali al 100%, nessuna sorpresa.",
             "Le mie foto sono reali e recenti.",
             "Foto vere, niente brutte sorprese.")),
    ("ftm", ("Disponibile 24 ore su 24.",
             "Disponibile tutti i giorni, giorno e notte.",
             "Sempre disponibile, anche di notte.")),
    ("ftm", ("Solo chiamate, no sms.",
             "Chiamami, non rispondo agli sms.",
             "Solo telefonate, niente messaggi.")),
    ("ftm", ("No numeri anonimi.",
             "Non rispondo ai numeri privati.",
             "Astenersi anonimi.")),
    ("ftm", ("Senza fretta, con tutta calma.",
             "Incontri senza fretta.",
             "Niente orologio, niente fretta.")),
    ("ftm", ("Massima igiene, richiesta e garantita.",
             "Igiene impeccabile da entrambe le parti.",
             "L'igiene è fondamentale.")),
    ("ftm", ("Solo uomini educati.",
             "Solo signori educati e rispettosi.",
             "Gentiluomini educati e discreti.")),
    ("ftm", ("Massima discrezione.",
             "Discrezione assoluta.",
             "Tutto nella massima discrezione.")),
    ("ft", ("Molto dolce e coccolona.",
            "Dolce e affettuosa come una fidanzata.",
            "Coccolona e molto affettuosa.")),
    ("ft", ("Massaggi rilassanti su richiesta.",
            "Su richiesta, massaggio rilassante.",
            "Offro massaggi rilassanti.")),
    ("ft", ("Mora, occhi verdi, molto simpatica.",
            "Simpatica mora con gli occhi verdi.",
            "Sono mora, ho gli occhi verdi.")),
    ("ftm", ("Solo pochi giorni in città.",
             "Sono di passaggio, pochi giorni.",
             "Ultimi giorni in città, non perdermi.")),
    ("ftm", ("Appuntamento con mezz'ora di preavviso.",
             "Chiama mezz'ora prima per l'appuntamento.",
             "Appuntamenti con mezz'ora di anticipo.")),
    ("ftm", ("Parlo italiano e inglese.",
             "Italiano e un po' di inglese.",
             "Inglese e italiano, nessun problema.")),
    ("ftm", ("Doccia e asciugamani puliti.",
             "Doccia disponibile e asciugamani puliti.",
             "Asciugamani puliti e doccia per te.")),
    ("ftm", ("Parcheggio facile in zona.",
             "Facile parcheggiare qui vicino.",
             "Zona tranquilla con parcheggio.")),
    ("t", ("Molto femminile e riservata.",
           "Femminile, riservata e educata.",
           "Riservata e molto femminile.")),
    ("m", ("Sportivo e curato.",
           "Fisico curato, faccio sport.",
           "Atletico e molto curato.")),
)

CLOSINGS: tuple[tuple[str, ...], ...] = (
    ("Baci.", "Un bacio.", "Bacioni."),
    ("Ti aspetto.", "Ti aspetto, tesoro.", "Qui ti aspetto."),
    ("A presto.", "A prestissimo.", "Ci vediamo presto."),
    ("Chiamami senza impegno.", "Chiama senza impegno.", "Senza impegno, chiamami."),
)

CONTACT_PHONE = ("Chiamami al {phone}", "Tel. {phone}", "Contatto: {phone}",
                 "WhatsApp {phone}", "Appuntamenti al {phone}", "Il mio numero: {phone}")
CONTACT_EMAIL = ("Email: {email}", "Scrivimi a {email}", "Posta: {email}")
NO_CONTACT = ("Contatto solo tramite messaggi del sito.", "Scrivimi tramite il sito.",
              "Solo messaggi privati sul sito.")

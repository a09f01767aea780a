"""German sentences of the synthetic ads (the German-speaking register: "neu in der Stadt",
"Haus- und Hotelbesuche", "diskrete Privatwohnung", "ohne Zeitdruck"), kept non-explicit; same
layout as ``phrases``. Templates state the age as "{age} Jahre" and do not state an origin.
"""

from __future__ import annotations

OPENINGS: dict[str, tuple[str, ...]] = {
    "f": (
        "Hallo Gentlemen, ich bin {name}, {age} Jahre, neu in {city}.",
        "{name}, {age} Jahre, süß und zärtlich, nur kurz in {city}.",
        "Neu in {city}: {name}, {age} Jahre, sehr charmant.",
        "Ich heiße {name}, bin {age} Jahre alt und für dich in {city}.",
        "{city}: {name} ({age} J.), elegant und diskret.",
        "Hallo, hier ist {name}, {age} Jahre, ich warte in {city} auf dich.",
    ),
    "t": (
        "TS {name}, {age} Jahre, zu Besuch in {city}.",
        "Sehr feminine Transfrau in {city}: {name}, {age} Jahre.",
        "Hallo, ich bin {name}, Trans, {age} Jahre, diese Woche in {city}.",
    ),
    "m": (
        "{name}, {age} Jahre, junger Mann in {city}.",
        "Diskreter Begleiter {name}, {age} Jahre, für Damen und Herren in {city}.",
        "Hallo, ich bin {name}, {age}, sportlich, in {city}.",
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "f": ("{name}, {age} Jahre, {city}", "Neu in {city}", "{name} - neu und diskret",
          "Nur kurz in {city}", "{name} - Haus- und Hotelbesuche"),
    "t": ("TS {name} in {city}", "Neue TS in {city}"),
    "m": ("Begleiter {name} in {city}", "{name}, {age}, diskret"),
}

BODY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ftm", ("Ich empfange dich in einer diskreten Privatwohnung.",
             "Diskrete und saubere Privatwohnung.",
             "Empfang in privater, diskreter Wohnung.")),
    ("ftm", ("Haus- und Hotelbesuche möglich.",
             "Ich komme auch ins Hotel oder zu dir nach Hause.",
             "Hotelbesuche und Hausbesuche auf Anfrage.")),
    ("ftm", ("100% echte Fotos, keine Fakes.",
             "Meine Fotos sind echt und aktuell.",
             "Echte Bilder, keine bösen Überraschungen.")),
    ("ftm", ("Rund um die Uhr erreichbar.",
             "Täglich und rund um die Uhr da.",
             "Tag und Nacht für dich da.")),
    ("ftm", ("Nur Anrufe, keine SMS.",
             "Bitte nur anrufen, SMS werden ignoriert.",
             "Anrufe ja, SMS nein.")),
    ("ftm", ("Keine unterdrückten Nummern.",
             "Anrufe mit unterdrückter Nummer werden nicht angenommen.",
             "Bitte nicht mit unterdrückter Nummer anrufen.")),
    ("ftm", ("Ohne Zeitdruck, in aller Ruhe.",
             "Ganz ohne Zeitdruck.",
             "Wir nehmen uns Zeit, kein Stress.")),
    ("ftm", ("Hygiene ist selbstverständlich.",
             "Absolute Hygiene, bitte auch von dir.",
             "Sauberkeit und Hygiene sind Pflicht.")),
    ("ftm", ("Nur für höfliche Herren.",
             "Nur respektvolle und gepflegte Herren.",
             "Höfliche Gentlemen willkommen.")),
    ("ftm", ("Absolute Diskretion.",
             "Diskretion ist garantiert.",
             "Alles ganz diskret.")),
    ("ft", ("Girlfriend-Feeling, sehr zärtlich.",
            "Zärtlich und liebevoll, wie eine Freundin.",
            "Liebevolles Girlfriend-Feeling.")),
    ("ft", ("Entspannende Massagen auf Wunsch.",
            "Auf Wunsch eine entspannende Massage.",
            "Ich biete entspannende Massagen an.")),
    ("ft", ("Brünett, grüne Augen, sehr freundlich.",
            "Freundliche Brünette mit grünen Augen.",
            "Ich bin brünett und habe grüne Augen.")),
    ("ftm", ("Nur wenige Tage in der Stadt.",
             "Nur kurz auf der Durchreise.",
             "Letzte Tage hier, verpass mich nicht.")),
    ("ftm", ("Termine bitte eine halbe Stunde vorher.",
             "Termin nach Vereinbarung, eine halbe Stunde vorher.",
             "Bitte eine halbe Stunde vorher anrufen.")),
    ("ftm", ("Ich spreche Deutsch und Englisch.",
             "Deutsch und etwas Englisch.",
             "Englisch und Deutsch kein Problem.")),
    ("ftm", ("Dusche und frische Handtücher vorhanden.",
             "Frische Handtücher und Dusche.",
             "Eine Dusche steht bereit.")),
    ("ftm", ("Parkplätze direkt vor der Tür.",
             "Gute Parkmöglichkeiten in der Nähe.",
             "Parken ist hier kein Problem.")),
    ("t", ("Sehr feminin und diskret.",
           "Feminin, diskret und gepflegt.",
           "Diskret und sehr weiblich.")),
    ("m", ("Sportlich und gepflegt.",
           "Gepflegter, sportlicher Typ.",
           "Athletisch und sehr gepflegt.")),
)

CLOSINGS: tuple[tuple[str, ...], ...] = (
    ("Küsschen.", "Kuss.", "Bussi."),
    ("Ich freue mich auf dich.", "Freu mich auf deinen Anruf.", "Bis bald, ich freue mich."),
    ("Bis bald.", "Bis ganz bald.", "Wir sehen uns."),
    ("Ruf einfach an.", "Ruf mich einfach an.", "Einfach anrufen."),
)

CONTACT_PHONE = ("Ruf mich an: {phone}", "Tel. {phone}", "Kontakt: {phone}",
                 "WhatsApp {phone}", "Termine unter {phone}", "Meine Nummer: {phone}")
CONTACT_EMAIL = ("E-Mail: {email}", "Schreib mir an {email}", "Mail: {email}")
NO_CONTACT = ("Kontakt nur über die Nachrichten der Seite.", "Schreib mir über die Seite.",
              "Nur private Nachrichten auf der Seite.")

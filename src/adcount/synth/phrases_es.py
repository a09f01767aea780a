"""Spanish sentences of the synthetic ads (Spain's escort-ad register: "chica nueva",
"salidas a hotel y domicilio", "piso discreto", "sin prisas"), kept non-explicit; same layout as
``phrases``. Templates state the age as "{age} años" and do not state an origin.
"""

from __future__ import annotations

OPENINGS: dict[str, tuple[str, ...]] = {
    "f": (
        "Hola caballeros, soy {name}, {age} años, nueva en {city}.",
        "{name}, {age} años, chica cariñosa recién llegada a {city}.",
        "Chica nueva en {city}: {name}, {age} años, muy dulce.",
        "Me llamo {name}, tengo {age} años y estoy en {city} unos días.",
        "{city}: {name} ({age} años), elegante y discreta.",
        "Hola, soy {name}, de {age} años, te espero en {city}.",
    ),
    "t": (
        "Chica trans {name}, {age} años, de visita en {city}.",
        "Trans muy femenina en {city}: {name}, {age} años.",
        "Hola, soy {name}, trans de {age} años, en {city} esta semana.",
    ),
    "m": (
        "Chico {name}, {age} años, disponible en {city}.",
        "{name}, {age} años, chico discreto para mujeres y hombres en {city}.",
        "Hola, soy {name}, {age} años, deportista, en {city}.",
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "f": ("{name}, {age} años, {city}", "Nueva en {city}", "{name} chica nueva",
          "Recién llegada a {city}", "{name} - salidas y piso discreto"),
    "t": ("Trans {name} en {city}", "Trans nueva en {city}"),
    "m": ("Chico {name} en {city}", "{name}, {age} años, discreto"),
}

BODY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ftm", ("Recibo en piso privado y discreto.",
             "Piso discreto y muy limpio.",
             "Te recibo en un apartamento privado.")),
    ("ftm", ("Salidas a hotel y domicilio.",
             "También hago salidas a hoteles y domicilios.",
             "Me desplazo a tu hotel o a tu casa.")),
    ("ftm", ("Fotos 100% reales, sin engaños.",
             "Mis fotos son reales y recientes.",
             "Fotos reales, sin sorpresas.")),
    ("ftm", ("Disponible 24 horas.",
             "Disponible las 24 horas, todos los días.",
             "Atiendo de día y de noche.")),
    ("ftm", ("Solo llamadas, no contesto SMS.",
             "Llámame, no respondo mensajes.",
             "Solo llamadas, nada de mensajes.")),
    ("ftm", ("No atiendo números ocultos.",
             "Números ocultos no, por favor.",
             "Abstenerse números privados.")),
    ("ftm", ("Sin prisas, con mucha calma.",
             "Encuentros sin prisas.",
             "Sin reloj y sin prisas.")),
    ("ftm", ("Higiene total, exijo y ofrezco.",
             "Higiene impecable, exigida y garantizada.",
             "Máxima higiene por ambas partes.")),
    ("ftm", ("Solo caballeros educados.",
             "Solo hombres respetuosos y educados.",
             "Caballeros educados y discretos solamente.")),
    ("ftm", ("Máxima discreción.",
             "Discreción absoluta.",
             "Todo con total discreción.")),
    ("ft", ("Trato de novia, muy cariñosa.",
            "Soy muy cariñosa, trato de novia.",
            "Cariñosa y atenta, como tu novia.")),
    ("ft", ("Masajes relajantes y muy sensuales.",
            "Ofrezco masajes relajantes.",
            "Masaje relajante para empezar.")),
    ("ft", ("Morena, ojos verdes, muy simpática.",
            "Simpática, morena de ojos verdes.",
            "Soy morena, de ojos verdes y muy simpática.")),
    ("ftm", ("Solo unos días en la ciudad.",
             "Estoy de paso, solo unos días.",
             "Últimos días en la ciudad, no te lo pierdas.")),
    ("ftm", ("Cita previa, avisa con media hora.",
             "Llama media hora antes para la cita.",
             "Citas con media hora de antelación.")),
    ("ftm", ("Hablo español e inglés.",
             "Hablo español y un poco de inglés.",
             "Español e inglés, no hay problema.")),
    ("ftm", ("Ducha y toallas limpias.",
             "Ducha disponible y toallas limpias.",
             "Toallas limpias y ducha para ti.")),
    ("ftm", ("Aparcamiento fácil cerca.",
             "Fácil aparcar en la zona.",
             "Zona tranquila y fácil de aparcar.")),
    ("t", ("Muy femenina y discreta.",
           "Femenina, discreta y educada.",
           "Discreta y muy femenina.")),
    ("m", ("Deportista y bien cuidado.",
           "Cuerpo cuidado, hago deporte.",
           "Atlético y muy cuidado.")),
)

CLOSINGS: tuple[tuple[str, ...], ...] = (
    ("Besos.", "Besitos.", "Un beso."),
    ("Te espero.", "Te espero, cariño.", "Aquí te espero."),
    ("Hasta pronto.", "Nos vemos pronto.", "Hasta muy pronto."),
    ("Llámame sin compromiso.", "Llama sin compromiso.", "Sin compromiso, llámame."),
)

CONTACT_PHONE = ("Llámame al {phone}", "Tel. {phone}", "Contacto: {phone}",
                 "WhatsApp {phone}", "Citas al {phone}", "Mi número: {phone}")
CONTACT_EMAIL = ("Email: {email}", "Escríbeme a {email}", "Correo: {email}")
NO_CONTACT = ("Contacto solo por mensaje en la web.", "Escríbeme por la web.",
              "Solo mensajes privados en la página.")

"""Realistic French ad texts and re-posting edits for the text-engine tests.

Each ad is a few sentences of the kind found on classified sites, with its own name, age,
city, price and phone. Re-posts apply the edits advertisers make: a reworded sentence,
emoji, look-alike letters, leetspeak, a changed phone number.
"""

from __future__ import annotations

import random

NAMES = ["Lola", "Jade", "Inès", "Chloé", "Nina", "Sofia", "Maya", "Léa", "Yasmine", "Camila", "Anaïs", "Eva"]
CITIES = ["Arras", "Lens", "Béthune", "Calais", "Boulogne-sur-Mer", "Saint-Omer", "Liévin", "Hénin-Beaumont"]
SENTENCES = [
    "Bonjour messieurs, je suis {name}, {age} ans, nouvelle sur {city}.",
    "Jolie métisse douce et câline, je vous reçois dans un cadre discret et propre.",
    "Massage relaxant aux huiles chaudes pour un vrai moment de détente.",
    "Disponible tous les jours de 10h à 22h, uniquement sur rendez-vous.",
    "Pas de SMS masqués, pas de numéros cachés, merci de votre compréhension.",
    "Tarifs : {price} roses la demi-heure, {price2} roses l'heure.",
    "Appelez-moi au {phone} pour plus de renseignements.",
    "Je suis une femme naturelle et souriante, photos 100% réelles.",
    "Hygiène irréprochable exigée, douche possible sur place.",
    "Je me déplace aussi à l'hôtel sur {city} et ses environs.",
    "Étudiante coquine de passage pour quelques jours seulement.",
    "Parking gratuit à proximité, appartement climatisé.",
    "Je parle français, anglais et un peu d'espagnol.",
    "Venez passer un moment inoubliable en ma compagnie.",
    "Grande brune aux yeux verts, 1m70, taille 38, poitrine naturelle.",
    "Accueil en lingerie fine, ambiance tamisée et musique douce.",
    "Première visite ? N'hésitez pas à me poser vos questions.",
    "Réservée aux hommes respectueux et courtois, pas de négociation.",
]
EMOJI = ["😘", "💋", "🔥", "✨", "❤️", "🌹", "😈"]
LOOKALIKES = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і"}
LEET = {"o": "0", "e": "3", "a": "4"}


def phone(rng: random.Random) -> str:
    digits = [rng.choice("67")] + [str(rng.randrange(10)) for _ in range(8)]
    return "0" + digits[0] + " " + " ".join("".join(digits[k : k + 2]) for k in range(1, 9, 2))


def ad(rng: random.Random, n_sentences: int = 6) -> str:
    """One original ad of about 400 characters."""
    slots = {
        "name": rng.choice(NAMES),
        "age": rng.randrange(19, 45),
        "city": rng.choice(CITIES),
        "price": rng.choice([80, 100, 120, 150]),
        "price2": rng.choice([150, 200, 250, 300]),
        "phone": phone(rng),
    }
    return " ".join(rng.sample(SENTENCES, n_sentences)).format(**slots)


def repost(text: str, rng: random.Random) -> str:
    """The same ad re-posted: emoji, a few look-alike letters, leetspeak and a new phone."""
    words = text.split()
    for _ in range(3):
        words.insert(rng.randrange(len(words) + 1), rng.choice(EMOJI))
    for _ in range(4):
        k = rng.randrange(len(words))
        words[k] = "".join(LOOKALIKES.get(c, c) for c in words[k])
    k = max(range(len(words)), key=lambda w: (len(words[w]), w))  # the longest word
    word = words[k]
    words[k] = word[:1] + "".join(LEET.get(c, c) for c in word[1:-1]) + word[-1:]  # "b0nj0ur"
    edited = " ".join(words)
    return edited.replace("Appelez-moi au", "Appelez moi vite au")


def corpus(n_originals: int, reposts: int, seed: int = 0) -> tuple[list[str], list[int]]:
    """Original ads and their re-posts, with the index of the original behind each text."""
    rng = random.Random(seed)
    texts: list[str] = []
    origin: list[int] = []
    for index in range(n_originals):
        original = ad(rng)
        texts.append(original)
        origin.append(index)
        for _ in range(reposts):
            texts.append(repost(original, rng))
            origin.append(index)
    return texts, origin

"""Word lists of the synthetic ads: names, nationalities, cities, sites, emoji, look-alike letters.

Names are common first names of each claimed origin (ads show a first name or a pseudonym only).
City weights are rounded populations (INSEE orders of magnitude), so that ads concentrate in the
large towns as on the diagnostic's map of ads by commune. Site names are invented; their
popularity follows a Zipf law, as a handful of sites carry most ads.
"""

from __future__ import annotations

import math

# nationality code -> (English name, French feminine adjective, French masculine adjective,
#                      phone country of a home-country number or "" when none is simulated)
NATIONALITIES: dict[str, tuple[str, str, str, str]] = {
    "FR": ("French", "française", "français", "FR"),
    "RO": ("Romanian", "roumaine", "roumain", "RO"),
    "BG": ("Bulgarian", "bulgare", "bulgare", "BG"),
    "BR": ("Brazilian", "brésilienne", "brésilien", "BR"),
    "CO": ("Colombian", "colombienne", "colombien", "CO"),
    "CN": ("Chinese", "chinoise", "chinois", "CN"),
    "NG": ("Nigerian", "nigériane", "nigérian", "NG"),
    "ES": ("Spanish", "espagnole", "espagnol", "ES"),
    "BE": ("Belgian", "belge", "belge", "BE"),
    "UA": ("Ukrainian", "ukrainienne", "ukrainien", ""),
    "VE": ("Venezuelan", "vénézuélienne", "vénézuélien", ""),
    "MA": ("Moroccan", "marocaine", "marocain", ""),
    # origins of the North American and European worlds (see worlds.py)
    "US": ("American", "américaine", "américain", "US"),
    "CA": ("Canadian", "canadienne", "canadien", "CA"),
    "MX": ("Mexican", "mexicaine", "mexicain", "MX"),
    "DO": ("Dominican", "dominicaine", "dominicain", ""),
    "CU": ("Cuban", "cubaine", "cubain", "CU"),
    "KR": ("Korean", "coréenne", "coréen", ""),
    "TH": ("Thai", "thaïlandaise", "thaïlandais", "TH"),
    "PH": ("Filipino", "philippine", "philippin", "PH"),
    "VN": ("Vietnamese", "vietnamienne", "vietnamien", "VN"),
    "RU": ("Russian", "russe", "russe", "RU"),
    "HU": ("Hungarian", "hongroise", "hongrois", "HU"),
    "PL": ("Polish", "polonaise", "polonais", "PL"),
    "GB": ("British", "britannique", "britannique", "GB"),
    "DE": ("German", "allemande", "allemand", "DE"),
    "IT": ("Italian", "italienne", "italien", "IT"),
    "NL": ("Dutch", "néerlandaise", "néerlandais", "NL"),
    "CH": ("Swiss", "suisse", "suisse", "CH"),
}

# weights of foreign nationalities among independent persons and among network persons
FOREIGN_INDEPENDENT = {"RO": 3, "BG": 2, "BR": 2, "CO": 1, "CN": 1, "NG": 2, "ES": 2, "BE": 3,
                       "UA": 1, "VE": 1, "MA": 2}
FOREIGN_NETWORK = {"RO": 4, "BG": 3, "BR": 3, "CO": 2, "CN": 3, "NG": 3, "VE": 1}

FIRST_NAMES_FEMALE: dict[str, tuple[str, ...]] = {
    "FR": ("Léa", "Chloé", "Manon", "Emma", "Camille", "Sarah", "Julie", "Laura", "Inès", "Jade",
           "Lola", "Zoé", "Clara", "Océane", "Marine", "Lucie", "Mélanie", "Audrey", "Jessica",
           "Amandine", "Élodie", "Charlotte", "Anaïs", "Pauline", "Margaux", "Justine", "Célia",
           "Nadia", "Sabrina", "Virginie", "Cindy", "Aurélie", "Morgane", "Estelle", "Noémie"),
    "RO": ("Ioana", "Andreea", "Elena", "Bianca", "Denisa", "Alina", "Roxana", "Cristina", "Diana",
           "Larisa", "Florentina", "Madalina"),
    "BG": ("Maria", "Gergana", "Desislava", "Ralitsa", "Yana", "Petya", "Nikol", "Viktoria"),
    "BR": ("Bruna", "Larissa", "Fernanda", "Gabriela", "Juliana", "Tatiana", "Thaís", "Vitória"),
    "CO": ("Valentina", "Daniela", "Camila", "Natalia", "Paola", "Yuliana", "Luisa"),
    "CN": ("Lina", "Mei", "Lily", "Xiao", "Yan", "Jing", "Lan", "Ying"),
    "NG": ("Blessing", "Joy", "Precious", "Favour", "Gift", "Mercy", "Esther", "Peace"),
    "ES": ("Lucía", "Paula", "Carmen", "Alba", "Nerea", "Irene", "Marta"),
    "BE": ("Laura", "Elise", "Marie", "Amélie", "Louise", "Lisa", "Margot"),
    "UA": ("Oksana", "Olena", "Iryna", "Kateryna", "Natalia", "Sofiia"),
    "VE": ("Andrea", "Mariana", "Gabriela", "Génesis", "Stefany"),
    "MA": ("Yasmine", "Salma", "Sofia", "Imane", "Nora", "Leila"),
    "US": ("Ashley", "Brittany", "Jessica", "Amber", "Crystal", "Destiny", "Kayla", "Taylor",
           "Madison", "Brianna", "Alexis", "Megan", "Samantha", "Jasmine", "Tiffany", "Heather",
           "Nicole", "Courtney", "Paige", "Savannah", "Chelsea", "Haley", "Kimberly", "Danielle",
           "Vanessa", "Melissa", "Mia", "Aaliyah", "Kendra", "Shayla"),
    "CA": ("Emily", "Sarah", "Jessica", "Ashley", "Amanda", "Stephanie", "Brittany", "Kaitlyn",
           "Chantal", "Geneviève", "Émilie", "Marie-Ève", "Audrey", "Mélissa", "Kayla", "Megan",
           "Jenna", "Chloé", "Océane", "Rebecca"),
    "MX": ("Guadalupe", "Fernanda", "Ximena", "Valeria", "Daniela", "Mariana", "Lupita", "Ana"),
    "DO": ("Yesenia", "Yokasta", "Rosanna", "Dayana", "Massiel", "Yaritza"),
    "CU": ("Yanelis", "Yuleisy", "Dayami", "Yarelis", "Lisandra", "Mayelin"),
    "KR": ("Ji-woo", "Min-ji", "Soo-ah", "Yuna", "Hana", "Eun-ji", "Seo-yeon"),
    "TH": ("Ploy", "Nok", "Mai", "Fon", "Dao", "Ning", "Pim"),
    "PH": ("Maricel", "Jasmine", "Angel", "Kristine", "Joy", "Precious", "Lovely"),
    "VN": ("Linh", "Trang", "Mai", "Thao", "Huong", "Ngoc"),
    "RU": ("Anastasia", "Ekaterina", "Natasha", "Olga", "Svetlana", "Daria", "Polina"),
    "HU": ("Réka", "Zsófia", "Eszter", "Kitti", "Viktória", "Dóra"),
    "PL": ("Agnieszka", "Kasia", "Magda", "Ola", "Natalia", "Zuzanna", "Monika"),
    "GB": ("Chloe", "Sophie", "Amy", "Holly", "Lauren", "Jade", "Olivia", "Ellie", "Gemma",
           "Charlotte", "Katie", "Hannah"),
    "DE": ("Lena", "Anna", "Lea", "Sophie", "Laura", "Julia", "Jana", "Katharina", "Mia",
           "Nina", "Sandra", "Vanessa"),
    "IT": ("Giulia", "Francesca", "Chiara", "Sara", "Martina", "Alessia", "Federica",
           "Valentina", "Elisa", "Giorgia"),
    "NL": ("Sanne", "Lotte", "Fleur", "Anouk", "Femke", "Eva", "Lisa", "Iris", "Noa"),
    "CH": ("Léa", "Laura", "Céline", "Noémie", "Anna", "Lara", "Jana", "Nadine", "Sarah"),
}
FIRST_NAMES_TRANS = ("Bianca", "Kelly", "Vitória", "Pamela", "Gisele", "Jéssica", "Paloma",
                     "Sabrina", "Alexia", "Nathalia", "Thalia", "Luana", "Camila", "Monica")
FIRST_NAMES_MALE = ("Kevin", "Lucas", "Hugo", "Nathan", "Rayan", "Alex", "Marco", "Thomas",
                    "Julien", "Karim", "Mehdi", "Dylan", "Bruno", "Diego", "Adrien", "Théo")
ALIASES = ("Sweety", "Bella", "Candy", "Miss Kiss", "Princesse", "Cléo", "Kitty", "Bambi", "Lili",
           "Nina", "Lova", "Cherry", "Jolie", "Sexy Doll", "Angel", "Baby", "Lady D", "Chupa",
           "Ruby", "Vanille", "Caramel", "Cannelle", "Moka", "Douceur", "Pepita", "Luna", "Star")

# city -> (département, weight ~ population in thousands)
PAS_DE_CALAIS: dict[str, tuple[str, float]] = {name: ("Pas-de-Calais", w) for name, w in (
    ("Calais", 73), ("Boulogne-sur-Mer", 42), ("Arras", 41), ("Lens", 31), ("Liévin", 31),
    ("Hénin-Beaumont", 26), ("Béthune", 25), ("Bruay-la-Buissière", 22), ("Carvin", 17),
    ("Avion", 17), ("Saint-Omer", 14), ("Berck", 14), ("Outreau", 13), ("Bully-les-Mines", 12),
    ("Harnes", 12), ("Longuenesse", 11), ("Noeux-les-Mines", 11), ("Étaples", 11), ("Arques", 10),
    ("Auchel", 10), ("Oignies", 10), ("Courrières", 10), ("Aire-sur-la-Lys", 10), ("Marck", 10),
    ("Isbergues", 9), ("Beuvry", 9), ("Achicourt", 8), ("Wingles", 9), ("Le Touquet", 6),
    ("Saint-Pol-sur-Ternoise", 5), ("Montreuil-sur-Mer", 4), ("Hesdin", 3))}

FRANCE: dict[str, tuple[str, float]] = {
    "Paris": ("Paris", 2100), "Marseille": ("Bouches-du-Rhône", 870), "Lyon": ("Rhône", 520),
    "Toulouse": ("Haute-Garonne", 490), "Nice": ("Alpes-Maritimes", 340),
    "Nantes": ("Loire-Atlantique", 320), "Montpellier": ("Hérault", 290),
    "Strasbourg": ("Bas-Rhin", 285), "Bordeaux": ("Gironde", 260), "Lille": ("Nord", 235),
    "Rennes": ("Ille-et-Vilaine", 220), "Reims": ("Marne", 180), "Toulon": ("Var", 175),
    "Saint-Étienne": ("Loire", 172), "Le Havre": ("Seine-Maritime", 170),
    "Grenoble": ("Isère", 158), "Dijon": ("Côte-d'Or", 158), "Angers": ("Maine-et-Loire", 155),
    "Nîmes": ("Gard", 150), "Clermont-Ferrand": ("Puy-de-Dôme", 147), "Le Mans": ("Sarthe", 143),
    "Aix-en-Provence": ("Bouches-du-Rhône", 143), "Brest": ("Finistère", 140),
    "Tours": ("Indre-et-Loire", 136), "Amiens": ("Somme", 134), "Limoges": ("Haute-Vienne", 131),
    "Annecy": ("Haute-Savoie", 128), "Perpignan": ("Pyrénées-Orientales", 120),
    "Metz": ("Moselle", 117), "Besançon": ("Doubs", 117), "Orléans": ("Loiret", 116),
    "Rouen": ("Seine-Maritime", 111), "Mulhouse": ("Haut-Rhin", 108), "Caen": ("Calvados", 106),
    "Nancy": ("Meurthe-et-Moselle", 104), "Avignon": ("Vaucluse", 91), "Poitiers": ("Vienne", 88),
    "Pau": ("Pyrénées-Atlantiques", 76), "La Rochelle": ("Charente-Maritime", 77),
    "Calais": ("Pas-de-Calais", 73), "Dunkerque": ("Nord", 87), "Valence": ("Drôme", 64),
    "Troyes": ("Aube", 61), "Chartres": ("Eure-et-Loir", 38), "Arras": ("Pas-de-Calais", 41),
    "Lens": ("Pas-de-Calais", 31), "Bayonne": ("Pyrénées-Atlantiques", 51),
    "Colmar": ("Haut-Rhin", 69), "Quimper": ("Finistère", 63), "Lorient": ("Morbihan", 57),
    "Niort": ("Deux-Sèvres", 59), "Béziers": ("Hérault", 78), "Cannes": ("Alpes-Maritimes", 74),
    "Saint-Nazaire": ("Loire-Atlantique", 71), "Ajaccio": ("Corse-du-Sud", 71),
    "Vannes": ("Morbihan", 54), "Bourges": ("Cher", 64), "Angoulême": ("Charente", 41),
    "Montauban": ("Tarn-et-Garonne", 61), "Laval": ("Mayenne", 49),
}

CITY_TABLES: dict[str, dict[str, tuple[str, float]]] = {
    "pas-de-calais": PAS_DE_CALAIS,
    "france": FRANCE,
}

SITE_STEMS = ("annonces", "rencontres", "escort", "massage", "charme", "coquin", "sensuel",
               "douceur", "plaisir", "libertin", "nuit", "velours", "soiree")
SITE_TAILS = ("-62.fr", "-nord.com", "-opale.fr", "-hdf.net", "-france.com", "-artois.fr",
               "-club.com", "-privee.fr", "-city.net")


def site_names(n: int, stems: tuple[str, ...] = SITE_STEMS,
               tails: tuple[str, ...] = SITE_TAILS) -> list[str]:
    """n distinct invented site domains, in a fixed order (first = most popular)."""
    names = [stem + tail for tail in tails for stem in stems]
    if n > len(names):
        raise ValueError(f"at most {len(names)} sites can be simulated, asked for {n}")
    # a step coprime with the list length spreads stems and tails over popularity ranks
    step = next(s for s in range(7, 7 + len(names)) if math.gcd(s, len(names)) == 1)
    return [names[(i * step) % len(names)] for i in range(n)]


EMOJI = ("😘", "💋", "🔥", "✨", "💕", "🌹", "😍", "👠", "💦", "😈", "❤️", "🍒", "💎", "🌸",
         "✨💕✨", "🔥🔥", "💋💋💋", "😘😘", "⭐", "🥂")

# Latin letter -> look-alike letters (Cyrillic, Greek) used to dodge site filters
HOMOGLYPHS: dict[str, str] = {
    "a": "аα", "e": "еε", "o": "оο", "p": "р", "c": "с", "x": "х", "y": "у", "i": "іι",
    "A": "АΑ", "E": "ЕΕ", "O": "ОΟ", "P": "РΡ", "C": "С", "T": "ТΤ", "H": "НΗ", "K": "КΚ",
    "M": "МΜ", "B": "ВΒ",
}

EMAIL_DOMAINS = ("gmail.com", "hotmail.fr", "outlook.fr", "yahoo.fr", "laposte.net", "live.fr")

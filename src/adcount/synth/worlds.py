"""The worlds a synthetic ad set can be drawn in: cities, countries, languages, origins, sites.

A preset's ``geography`` names one ``World``. The two French worlds (``pas-de-calais``,
``france``) are the original generator's tables, unchanged. ``north-america`` holds large US and
Canadian cities (populations in thousands: US Census Bureau 2020 city counts and Statistics
Canada 2021 census, rounded), each with real area codes of its NANP numbering plan area, and its
language (French in Quebec). ``europe`` holds large cities of eight countries, each with its
country and local language. Site names are invented; origins weights follow what the field
reports describe (Polaris, "Human Trafficking in Illicit Massage Businesses", 2018, for the
Chinese and Korean networks of North America; the French diagnostic for Eastern European, West
African and Latin American networks in Europe).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon


@dataclass(frozen=True)
class World:
    """Everything about a geography that the generator draws from."""

    cities: dict[str, tuple[str, float]]  # city -> (region, weight ~ population in thousands)
    domestic: str  # nationality code of local persons, resolved to each city's country
    foreign_independent: dict[str, float]  # weights of foreign origins of non-network persons
    foreign_network: dict[str, float]  # weights of the origins networks recruit from
    aliases: tuple[str, ...]
    email_domains: tuple[str, ...]
    prices: tuple[float, ...]  # an hour's price, drawn per person (duplicates weight the draw)
    site_stems: tuple[str, ...]
    site_tails: tuple[str, ...]
    url_path: str  # "/annonce/": the listing part of an ad's URL
    city_country: dict[str, str] = field(default_factory=dict)  # missing -> "FR"
    city_language: dict[str, str] = field(default_factory=dict)  # missing -> "fr"
    area_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # NANP cities only

    def country_of(self, city: str) -> str:
        return self.city_country.get(city, "FR")

    def language_of(self, city: str) -> str:
        return self.city_language.get(city, "fr")

    def site_names(self, n: int) -> list[str]:
        return lexicon.site_names(n, self.site_stems, self.site_tails)


def _french(cities: dict[str, tuple[str, float]]) -> World:
    return World(cities=cities, domestic="FR", foreign_independent=lexicon.FOREIGN_INDEPENDENT,
                 foreign_network=lexicon.FOREIGN_NETWORK, aliases=lexicon.ALIASES,
                 email_domains=lexicon.EMAIL_DOMAINS,
                 prices=(80.0, 100.0, 120.0, 150.0, 150.0, 200.0, 250.0),
                 site_stems=lexicon.SITE_STEMS, site_tails=lexicon.SITE_TAILS,
                 url_path="/annonce/")


# city, state or province, population (thousands), country, language, area codes
_NORTH_AMERICA = (
    ("New York", "NY", 8300, "US", "en", ("212", "646", "917", "718", "347")),
    ("Los Angeles", "CA", 3900, "US", "en", ("213", "310", "323", "424", "818")),
    ("Chicago", "IL", 2700, "US", "en", ("312", "773", "872")),
    ("Houston", "TX", 2300, "US", "en", ("713", "832", "281")),
    ("Phoenix", "AZ", 1600, "US", "en", ("602", "480", "623")),
    ("Philadelphia", "PA", 1600, "US", "en", ("215", "267")),
    ("San Antonio", "TX", 1400, "US", "en", ("210", "726")),
    ("San Diego", "CA", 1400, "US", "en", ("619", "858")),
    ("Dallas", "TX", 1300, "US", "en", ("214", "469", "972")),
    ("Austin", "TX", 960, "US", "en", ("512", "737")),
    ("Jacksonville", "FL", 950, "US", "en", ("904",)),
    ("Columbus", "OH", 900, "US", "en", ("614", "380")),
    ("Indianapolis", "IN", 880, "US", "en", ("317",)),
    ("Charlotte", "NC", 870, "US", "en", ("704", "980")),
    ("San Francisco", "CA", 870, "US", "en", ("415", "628")),
    ("Seattle", "WA", 740, "US", "en", ("206",)),
    ("Denver", "CO", 715, "US", "en", ("303", "720")),
    ("Washington", "DC", 690, "US", "en", ("202",)),
    ("Boston", "MA", 690, "US", "en", ("617", "857")),
    ("Nashville", "TN", 690, "US", "en", ("615", "629")),
    ("Las Vegas", "NV", 650, "US", "en", ("702", "725")),
    ("Portland", "OR", 650, "US", "en", ("503", "971")),
    ("Detroit", "MI", 640, "US", "en", ("313",)),
    ("Atlanta", "GA", 500, "US", "en", ("404", "470", "678")),
    ("Miami", "FL", 450, "US", "en", ("305", "786")),
    ("Minneapolis", "MN", 430, "US", "en", ("612",)),
    ("New Orleans", "LA", 380, "US", "en", ("504",)),
    ("Honolulu", "HI", 350, "US", "en", ("808",)),
    ("Orlando", "FL", 310, "US", "en", ("407", "689")),
    ("Toronto", "ON", 2800, "CA", "en", ("416", "647", "437")),
    ("Montreal", "QC", 1760, "CA", "fr", ("514", "438")),
    ("Calgary", "AB", 1300, "CA", "en", ("403", "587", "825")),
    ("Ottawa", "ON", 1000, "CA", "en", ("613", "343")),
    ("Edmonton", "AB", 1000, "CA", "en", ("780", "587")),
    ("Winnipeg", "MB", 750, "CA", "en", ("204", "431")),
    ("Mississauga", "ON", 720, "CA", "en", ("905", "289")),
    ("Vancouver", "BC", 660, "CA", "en", ("604", "778")),
    ("Quebec City", "QC", 550, "CA", "fr", ("418", "581")),
    ("Laval", "QC", 440, "CA", "fr", ("450", "579")),
    ("Halifax", "NS", 440, "CA", "en", ("902", "782")),
    ("London", "ON", 420, "CA", "en", ("519", "226")),
    ("Gatineau", "QC", 290, "CA", "fr", ("819", "873")),
)

# city, region, metropolitan population (thousands, Eurostat functional urban areas, rounded),
# country, language
_EUROPE = (
    ("Paris", "Île-de-France", 12500, "FR", "fr"), ("Lyon", "Rhône", 2300, "FR", "fr"),
    ("Marseille", "Bouches-du-Rhône", 1900, "FR", "fr"), ("Lille", "Nord", 1500, "FR", "fr"),
    ("Nice", "Alpes-Maritimes", 1000, "FR", "fr"), ("Strasbourg", "Bas-Rhin", 800, "FR", "fr"),
    ("Bruxelles", "Bruxelles-Capitale", 3200, "BE", "fr"), ("Liège", "Liège", 750, "BE", "fr"),
    ("Charleroi", "Hainaut", 500, "BE", "fr"), ("Antwerpen", "Antwerpen", 1050, "BE", "en"),
    ("Genève", "Genève", 600, "CH", "fr"), ("Lausanne", "Vaud", 420, "CH", "fr"),
    ("Zürich", "Zürich", 1400, "CH", "de"), ("Basel", "Basel-Stadt", 550, "CH", "de"),
    ("Berlin", "Berlin", 5300, "DE", "de"), ("Hamburg", "Hamburg", 3300, "DE", "de"),
    ("München", "Bayern", 3000, "DE", "de"), ("Köln", "Nordrhein-Westfalen", 2000, "DE", "de"),
    ("Frankfurt", "Hessen", 2700, "DE", "de"),
    ("Madrid", "Madrid", 6700, "ES", "es"), ("Barcelona", "Cataluña", 5000, "ES", "es"),
    ("Valencia", "Comunidad Valenciana", 2500, "ES", "es"),
    ("Roma", "Lazio", 4300, "IT", "it"), ("Milano", "Lombardia", 5100, "IT", "it"),
    ("Amsterdam", "Noord-Holland", 2500, "NL", "en"),
    ("Rotterdam", "Zuid-Holland", 1800, "NL", "en"),
    ("London", "England", 12000, "GB", "en"), ("Manchester", "England", 2800, "GB", "en"),
    ("Birmingham", "England", 2900, "GB", "en"),
)

_NORTH_AMERICA_WORLD = World(
    cities={c: (region, float(w)) for c, region, w, *_ in _NORTH_AMERICA},
    city_country={c: country for c, _, _, country, *_ in _NORTH_AMERICA},
    city_language={c: language for c, _, _, _, language, _ in _NORTH_AMERICA},
    area_codes={c: codes for c, *_, codes in _NORTH_AMERICA},
    domestic="US",
    foreign_independent={"MX": 3, "CO": 2, "BR": 2, "DO": 2, "CU": 1, "VE": 1, "KR": 1,
                         "CN": 1, "TH": 1, "PH": 1, "VN": 1, "RU": 1, "UA": 1},
    foreign_network={"CN": 4, "KR": 3, "TH": 2, "MX": 2, "VN": 1, "CO": 1, "BR": 1, "RU": 1},
    aliases=("Honey", "Cinnamon", "Diamond", "Candy", "Cherry", "Angel", "Barbie", "Bunny",
             "Kitty", "Peaches", "Mocha", "Sugar", "Star", "Lexi", "Roxy", "Foxy", "Sapphire",
             "Jade", "Ruby", "Coco", "Bambi", "Misty", "Skye", "Lady Luxe"),
    email_domains=("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
                   "protonmail.com"),
    prices=(150.0, 180.0, 200.0, 200.0, 250.0, 300.0, 400.0),
    site_stems=("nightlist", "velvetrooms", "citycompanions", "afterdark", "sweetlistings",
                "luxedates", "moonlightads", "privatedirectory", "metrodates", "silkads",
                "roseboard"),
    site_tails=(".com", "-usa.com", ".ca", "-north.com", "-city.net", "-listings.com"),
    url_path="/ad/",
)

_EUROPE_WORLD = World(
    cities={c: (region, float(w)) for c, region, w, _, _ in _EUROPE},
    city_country={c: country for c, _, _, country, _ in _EUROPE},
    city_language={c: language for c, _, _, _, language in _EUROPE},
    domestic="FR",
    foreign_independent={"RO": 4, "BG": 2, "HU": 2, "UA": 2, "PL": 1, "RU": 1, "BR": 2,
                         "CO": 1, "VE": 1, "NG": 2, "TH": 1, "CN": 1, "MA": 1, "ES": 1},
    foreign_network={"RO": 4, "BG": 3, "HU": 2, "NG": 3, "CN": 2, "BR": 2, "CO": 1, "UA": 1},
    aliases=lexicon.ALIASES + ("Honey", "Bunny", "Roxy", "Lexi", "Coco", "Foxy"),
    email_domains=("gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "gmx.de", "libero.it",
                   "hotmail.fr"),
    prices=(100.0, 120.0, 150.0, 150.0, 200.0, 250.0, 300.0),
    site_stems=("euroescort", "nightclub", "velvet", "amour", "eroslounge", "citygirls",
                "boudoir", "salon", "rendezvous", "privee", "massaggi"),
    site_tails=(".eu", ".com", "-guide.com", ".net", "-europe.com", "-ads.eu"),
    url_path="/ad/",
)

WORLDS: dict[str, World] = {
    "pas-de-calais": _french(lexicon.PAS_DE_CALAIS),
    "france": _french(lexicon.FRANCE),
    "north-america": _NORTH_AMERICA_WORLD,
    "europe": _EUROPE_WORLD,
}

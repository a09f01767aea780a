"""Simulated persons and the networks that post them.

Three situations seen in the diagnostic: organised networks (several persons, mostly foreign
women and trans persons, posted with one template text and one organiser phone, touring cities
together), intimate-partner pimping (one person posted with her partner's phone) and independent
persons (some of them "decoys": unrelated persons, in small families, who copy the same
boilerplate ad text). Claimed
attributes follow the diagnostic's shares: 76% women, 43% foreign, 36% aged 25 or under.
Activity (how many ads a person would post) is log-normal, so ads per person are heavy-tailed;
persons whose activity draws no ad exist in the truth but on no site.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import lexicon
from .contacts import FRENCH_STYLE_WEIGHTS, PhoneBook, draw_emails, draw_phones
from .presets import Preset
from .styles import NEUTRAL_STYLE, Style, draw_style, follow_organisers, organiser_leaders
from .worlds import WORLDS, World

GENDERS = ("female", "trans", "male")
KIND_INDEPENDENT, KIND_NETWORK, KIND_PARTNER, KIND_DECOY, KIND_AGENCY = 0, 1, 2, 3, 4
KIND_NAMES = ("independent", "network", "partner", "decoy", "agency")
ORGANISED_KINDS = (KIND_NETWORK, KIND_AGENCY)  # persons posted by an organiser
ROUTE_STOPS = 4

# claimed ages: (first age, last age, probability mass); 36% are 25 or under
AGE_BANDS = ((18, 25, 0.36), (26, 35, 0.38), (36, 45, 0.18), (46, 55, 0.08))


@dataclass
class AgeHabits:
    """Per-person truth and habits of age claims."""

    birth_day: np.ndarray  # birth, in days from the period's start (negative)
    true_minus_claim: np.ndarray  # years between truth and first claim (+: shaved, -: minor)
    updates: np.ndarray  # claims follow birthdays
    rounds: np.ndarray  # claims are the round age at or below
    site_offset: np.ndarray  # (n, site slots) years added to the claim on each of her sites
    minor: np.ndarray


@dataclass
class Persons:
    """Per-person arrays (index = person) plus per-network arrays (index = network)."""

    person_id: np.ndarray
    network: np.ndarray  # network index of each person
    network_id: np.ndarray  # per network: id string (an independent's network id is her own id)
    kind: np.ndarray
    gender: np.ndarray  # 0 female, 1 trans, 2 male
    nationality: np.ndarray  # codes of lexicon.NATIONALITIES
    age: np.ndarray  # age claimed in her first ads (the true age is in ``ages``)
    name: np.ndarray
    alias: np.ndarray  # "" when none
    activity: np.ndarray
    own_phone: np.ndarray  # phone-book index or -1
    second_phone: np.ndarray  # -1 when the person keeps one number
    change_day: np.ndarray  # day the second number replaces the first (inf: alternates)
    network_phone: np.ndarray  # organiser's or partner's number, -1 for independents
    email: np.ndarray  # index into email arrays or -1
    email_parts: tuple[np.ndarray, np.ndarray, np.ndarray]
    phones: PhoneBook
    home_city: np.ndarray
    route: np.ndarray  # (n, ROUTE_STOPS) city indices visited in turn by touring persons
    tourer: np.ndarray
    first_day: np.ndarray
    span_days: np.ndarray
    sites: np.ndarray  # (n, 4) site indices
    n_sites: np.ndarray
    styles: dict[str, Style]  # how she writes in each language ("fr" always drawn)
    copy_of: np.ndarray  # decoys: the family member whose sentences they reuse, else -1
    phone_style: np.ndarray  # preferred French style of the number in text
    price: np.ndarray
    # set by the habit stages (``habits``); their defaults describe the original world
    own_text: np.ndarray | None = None  # organised persons writing their own text (agencies
    #   without one template), None: every organised person writes her organiser's
    language: np.ndarray | None = None  # per person: code of her main language
    second_language: np.ndarray | None = None  # "" when she writes one language only
    ages: AgeHabits | None = None  # birth dates and age-claim habits

    def __len__(self) -> int:
        return len(self.person_id)

    def template_writers(self) -> np.ndarray:
        """Persons who write their organiser's template."""
        organised = np.isin(self.kind, ORGANISED_KINDS)
        return organised if self.own_text is None else organised & ~self.own_text


def group_sizes(rng: np.random.Generator, n_members: int, size_max: int,
                size_min: int = 2) -> np.ndarray:
    """Sizes in size_min..size_max (the last one possibly smaller) adding up to ``n_members``."""
    if n_members <= 0:
        return np.zeros(0, dtype=np.int64)
    sizes = rng.integers(size_min, size_max + 1, size=n_members)  # more than enough
    cut = int(np.searchsorted(np.cumsum(sizes), n_members)) + 1
    sizes = sizes[:cut]
    sizes[-1] -= sizes.sum() - n_members
    return sizes[sizes > 0]


def _pick(rng: np.random.Generator, weights: dict[str, float] | np.ndarray, n: int) -> np.ndarray:
    if isinstance(weights, dict):
        keys = np.array(list(weights), dtype=object)
        p = np.array(list(weights.values()), dtype=float)
        return keys[rng.choice(len(keys), size=n, p=p / p.sum())]
    p = np.asarray(weights, dtype=float)
    return rng.choice(len(p), size=n, p=p / p.sum())


def _draw_ages(rng: np.random.Generator, n: int) -> np.ndarray:
    band = _pick(rng, np.array([b[2] for b in AGE_BANDS]), n)
    low = np.array([b[0] for b in AGE_BANDS])[band]
    high = np.array([b[1] for b in AGE_BANDS])[band]
    return rng.integers(low, high + 1)


def draw_names(rng: np.random.Generator, gender: np.ndarray, nat: np.ndarray) -> np.ndarray:
    names = np.empty(len(gender), dtype=object)
    for g in range(3):
        for code in np.unique(nat).tolist():
            where = np.flatnonzero((gender == g) & (nat == code))
            if g == 0:
                pool = lexicon.FIRST_NAMES_FEMALE[code]
            else:
                pool = lexicon.FIRST_NAMES_TRANS if g == 1 else lexicon.FIRST_NAMES_MALE
            names[where] = np.array(pool, dtype=object)[rng.integers(0, len(pool), len(where))]
    return names


def _copycat_leaders(rng: np.random.Generator, kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Decoys in families of 2-4 unrelated persons: (decoys, the family member whose
    sentences they reuse)."""
    decoys = np.flatnonzero(kind == KIND_DECOY)
    sizes = group_sizes(rng, len(decoys), 4)
    first = np.cumsum(sizes) - sizes
    return decoys, decoys[np.repeat(first, sizes)]


@dataclass
class _Structure:
    kind: np.ndarray
    network: np.ndarray
    n_org: int  # organised networks come first, then partners, then independents
    n_partner: int

    @property
    def member(self) -> np.ndarray:
        return self.kind == KIND_NETWORK

    @property
    def n_members(self) -> int:
        return int(self.member.sum())

    def leader_of_members(self) -> np.ndarray:
        """For each network member, the first member of her network (who sets its style)."""
        leader = np.searchsorted(self.network[:self.n_members], np.arange(self.n_org))
        return leader[self.network[self.member]]


def _structure(preset: Preset, n: int, rng: np.random.Generator) -> _Structure:
    sizes = group_sizes(rng, int(round(n * preset.network_share)), preset.network_size_max)
    n_members = int(sizes.sum())
    n_partner = int(round(n * preset.partner_share))
    n_indep = n - n_members - n_partner
    n_org = len(sizes)
    kind = np.concatenate([np.full(n_members, KIND_NETWORK), np.full(n_partner, KIND_PARTNER),
                           np.full(n_indep, KIND_INDEPENDENT)])
    kind[n_members + n_partner:][rng.random(n_indep) < preset.decoy_share] = KIND_DECOY
    network = np.concatenate([np.repeat(np.arange(n_org), sizes),
                              n_org + np.arange(n_partner + n_indep)])
    return _Structure(kind, network, n_org, n_partner)


def _identity(preset: Preset, world: World, st: _Structure, rng: np.random.Generator
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Claimed gender, nationality and age; a network recruits mostly from one country.
    Local persons get the world's domestic code (``habits`` resolves it to their city's)."""
    n, member, network = len(st.kind), st.member, st.network
    gender = _pick(rng, np.array([0.76, 0.08, 0.16]), n)
    net_trans = rng.random(st.n_org) < 0.35  # some networks move trans persons too
    gender[member] = np.where(net_trans[network[member]] & (rng.random(st.n_members) < 0.5), 1, 0)
    gender[st.kind == KIND_PARTNER] = 0
    net_nat = np.where(rng.random(st.n_org) < preset.foreign_share_network,
                       _pick(rng, world.foreign_network, st.n_org), world.domestic)
    nationality = np.where(rng.random(n) < preset.foreign_share_independent,
                           _pick(rng, world.foreign_independent, n),
                           world.domestic).astype(object)
    nationality[st.kind == KIND_PARTNER] = world.domestic
    stay = rng.random(st.n_members) < 0.9
    nationality[member] = np.where(stay, net_nat[network[member]], nationality[member])
    return gender, nationality, _draw_ages(rng, n)


def _numbers(preset: Preset, domestic: str, st: _Structure, nationality: np.ndarray,
             rng: np.random.Generator) -> tuple[PhoneBook, np.ndarray, np.ndarray, np.ndarray]:
    """Own numbers, second numbers, organiser and partner numbers, in one phone book
    (``domestic``: the country of local numbers)."""
    n, member = len(st.kind), st.member
    home = np.array([lexicon.NATIONALITIES[c][3] for c in nationality.tolist()], dtype=object)
    own_country = np.where((home != "") & (home != domestic)
                           & (rng.random(n) < preset.foreign_phone_share), home, domestic)
    has_own = ~member | (rng.random(n) < 0.4)
    changes = has_own & (rng.random(n) < preset.phone_change_share)
    leader_nat = nationality[st.leader_of_members()]
    net_home = np.full(st.n_org, domestic, dtype=object)
    net_home[st.network[member]] = [lexicon.NATIONALITIES[c][3] or domestic
                                    for c in leader_nat.tolist()]
    net_country = np.where(rng.random(st.n_org) < 0.25, net_home, domestic)
    countries = np.concatenate([own_country[has_own], own_country[changes], net_country,
                                np.full(st.n_partner, domestic)]).astype(object)
    phones = draw_phones(rng, countries)
    own_phone = np.full(n, -1)
    own_phone[has_own] = np.arange(has_own.sum())
    second_phone = np.full(n, -1)
    second_phone[changes] = has_own.sum() + np.arange(changes.sum())
    base = has_own.sum() + changes.sum()
    network_phone = np.full(n, -1)
    network_phone[member] = base + st.network[member]
    network_phone[st.kind == KIND_PARTNER] = base + st.n_org + np.arange(st.n_partner)
    return phones, own_phone, second_phone, network_phone


def simulate_persons(preset: Preset, n_ads: int, rng: np.random.Generator) -> Persons:
    """Draw every simulated person, observed or not, with her network and French style (the
    habit stages then add what the preset's habits need)."""
    world = WORLDS[preset.geography]
    n = max(int(round(n_ads / preset.ads_per_person)), 4)
    st = _structure(preset, n, rng)
    member, network = st.member, st.network
    n_net = len(st.kind) - st.n_members + st.n_org
    gender, nationality, age = _identity(preset, world, st, rng)
    name = draw_names(rng, gender, nationality)
    alias = np.where((rng.random(n) < 0.35) & (gender != 2),  # pseudonyms are feminine
                     np.array(world.aliases, dtype=object)[rng.integers(0, len(world.aliases),
                                                                        n)], "")
    spread = np.exp(rng.normal(0.0, preset.activity_sigma, n))
    activity = preset.activity_floor + (1.0 - preset.activity_floor) * spread
    domestic_phone = lexicon.NATIONALITIES[world.domestic][3]
    phones, own_phone, second_phone, network_phone = _numbers(preset, domestic_phone, st,
                                                              nationality, rng)
    has_email = (rng.random(n) < preset.email_share) & ~member
    email = np.full(n, -1)
    email[has_email] = np.arange(has_email.sum())
    email_parts = draw_emails(rng, name[has_email], world.email_domains)

    # --- when and where: network members share their network's window, sites and route
    days = (np.datetime64(preset.end) - np.datetime64(preset.start)).astype(int) + 1
    net_span = np.minimum(rng.exponential(preset.active_days_mean, n_net) + 1.0, days)
    net_first = rng.random(n_net) * (days - net_span)
    change_day = np.where(rng.random(n) < preset.phone_alternate_share, np.inf,
                          net_first[network] + rng.random(n) * net_span[network])
    site_p = 1.0 / np.arange(1, preset.n_sites + 1) ** 0.9
    net_sites = rng.choice(preset.n_sites, size=(n_net, 4), p=site_p / site_p.sum())
    net_n_sites = 1 + rng.binomial(3, 0.3, n_net)
    city_weight = np.array([w for _, w in world.cities.values()])
    net_route = rng.choice(len(city_weight), size=(n_net, ROUTE_STOPS),
                           p=city_weight / city_weight.sum())
    tourer = member | (rng.random(n) < preset.tourer_share)  # networks run "sex tours"

    # --- writing style: a network writes one template for all its persons
    writes_as = np.where(member, 0, gender)  # networks write the feminine template
    writes_as[st.kind == KIND_DECOY] = NEUTRAL_STYLE
    french = draw_style(rng, "fr", gender, writes_as, preset.body_sentences)
    phone_style = _pick(rng, FRENCH_STYLE_WEIGHTS, n)
    price = rng.choice(np.array(world.prices), n)
    members, leaders = organiser_leaders(network, member)
    for arr in (phone_style, price):
        arr[members] = arr[leaders]
    follow_organisers(french, "fr", members, leaders, gender)
    decoys, copied = _copycat_leaders(rng, st.kind)
    french.copy_rows(decoys, copied, ("body_group", "body_para"))  # her own opening, closing
    copy_of = np.full(n, -1)
    copy_of[decoys] = copied

    person_order = rng.permutation(n)  # ids do not reveal the network structure
    width = max(6, len(str(n)))
    person_id = np.array([f"p{i:0{width}d}" for i in person_order.tolist()], dtype=object)
    n_named = st.n_org + st.n_partner  # organised and partner networks get their own ids
    network_id = np.empty(n_net, dtype=object)
    network_id[:n_named] = [f"n{i:0{width}d}" for i in range(n_named)]
    network_id[n_named:] = person_id[st.n_members + st.n_partner:]

    return Persons(
        person_id=person_id, network=network, network_id=network_id, kind=st.kind,
        gender=gender, nationality=nationality, age=age, name=name, alias=alias,
        activity=activity, own_phone=own_phone, second_phone=second_phone,
        change_day=change_day, network_phone=network_phone, email=email,
        email_parts=email_parts, phones=phones, home_city=net_route[network, 0],
        route=net_route[network], tourer=tourer, first_day=net_first[network],
        span_days=net_span[network], sites=net_sites[network], n_sites=net_n_sites[network],
        styles={"fr": french}, copy_of=copy_of, phone_style=phone_style, price=price,
    )

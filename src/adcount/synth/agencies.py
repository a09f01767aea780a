"""Agencies: one number advertising many persons over time, concurrently and in succession.

An escort agency posts the persons it places, each for a few weeks or months, from one phone, in
its city, most often with one template (the other agencies let each person write her own); a
person may leave and another take her place under the same number, and several work at the
same time. So a shared number with different claimed ages means two persons when they overlap
in time, and may also mean two persons when they follow each other: the case an organiser rule
cannot settle from time alone. Some agency persons show a number of their own now and then,
which ties them across agencies or to their independent ads.
"""

from __future__ import annotations

import numpy as np

from .lexicon import NATIONALITIES
from .population import KIND_AGENCY, KIND_INDEPENDENT, Persons, group_sizes
from .presets import Preset
from .styles import follow_organisers, organiser_leaders
from .worlds import WORLDS

AGENCY_MIN_TENURE = 7.0  # days: a placement lasts at least a week
AGENCY_RUN = (0.6, 1.0)  # an agency posts during this share of the period (uniform)
AGENCY_TEMPLATE_SHARE = 0.8  # agencies writing one template for all their persons ("often")


def form_agencies(preset: Preset, p: Persons, rng: np.random.Generator) -> None:
    """Turn a share of independent women and trans persons into agency persons, in place."""
    n_target = int(round(len(p) * preset.agency_share))
    candidates = np.flatnonzero((p.kind == KIND_INDEPENDENT) & (p.gender != 2))
    chosen = np.sort(rng.permutation(candidates)[:n_target])
    low, high = preset.agency_size
    sizes = group_sizes(rng, len(chosen), high, low)
    if len(sizes) == 0:
        return
    n_agencies = len(sizes)
    agency = np.repeat(np.arange(n_agencies), sizes)
    members = rng.permutation(chosen)  # who joins which agency

    days = (np.datetime64(preset.end) - np.datetime64(preset.start)).astype(int) + 1
    run = days * rng.uniform(*AGENCY_RUN, n_agencies)
    start = rng.random(n_agencies) * (days - run)
    tenure = np.minimum(rng.exponential(preset.agency_tenure_days, len(members))
                        + AGENCY_MIN_TENURE, run[agency])
    p.first_day[members] = start[agency] + rng.random(len(members)) * (run[agency] - tenure)
    p.span_days[members] = tenure

    world = WORLDS[preset.geography]
    weight = np.array([w for _, w in world.cities.values()])
    city = rng.choice(len(weight), n_agencies, p=weight / weight.sum())
    p.home_city[members] = city[agency]
    p.route[members] = city[agency][:, None]
    p.tourer[members] = False
    site_p = 1.0 / np.arange(1, preset.n_sites + 1) ** 0.9
    sites = rng.choice(preset.n_sites, size=(n_agencies, p.sites.shape[1]), p=site_p / site_p.sum())
    p.sites[members] = sites[agency]
    p.n_sites[members] = (1 + rng.binomial(3, 0.5, n_agencies))[agency]

    first_new = len(p.phones)
    domestic = np.full(n_agencies, NATIONALITIES[world.domestic][3], dtype=object)
    p.phones = p.phones.extended(rng, domestic)  # ``habits.localise`` redraws local numbers
    p.network_phone[members] = first_new + agency
    keeps_own = rng.random(len(members)) < preset.agency_own_phone_share
    p.own_phone[members[~keeps_own]] = -1
    p.second_phone[members[~keeps_own]] = -1
    p.email[members] = -1

    width = len(p.person_id[0]) - 1
    first_id = len(p.network_id)
    p.network[members] = first_id + agency
    p.network_id = np.concatenate([p.network_id, np.array(
        [f"n{first_id + a:0{width}d}" for a in range(n_agencies)], dtype=object)])
    p.kind[members] = KIND_AGENCY

    p.own_text = np.zeros(len(p), dtype=bool)
    p.own_text[members] = (rng.random(n_agencies) >= AGENCY_TEMPLATE_SHARE)[agency]
    organised, leaders = organiser_leaders(p.network, (p.kind == KIND_AGENCY) & ~p.own_text)
    for values in (p.phone_style, p.price):
        values[organised] = values[leaders]
    follow_organisers(p.styles["fr"], "fr", organised, leaders, p.gender)

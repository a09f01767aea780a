"""A prolific poster stays one person: her ads outnumber everyone else's pairs, and her claimed
age slips by a year now and then. Both once broke the linkage on heavy-tailed sets (count
+40% to +51%): her three ages made her phone an organiser's "hub", and her thousands of pairs
were most of what EM learned from (benchmarks/README.md, linkage section)."""

import numpy as np
import pandas as pd
import pytest

import adcount
from adcount.claims import read_claims
from adcount.link.features import contact_claims, contact_spread
from adcount.load.facts import posting_days
from adcount.text.normalize import normalize_texts
from adcount.link.weights import PAIRS_PER_AD_IN_EM, pair_weights
from adcount.contacts.stage import ad_contacts

KEY = b"prolific-poster-key-0123456789ab"
SENTENCES = [
    "Je reçois dans un appartement calme et discret près de la gare.",
    "Massage relaxant aux huiles chaudes, douceur garantie.",
    "Pas de numéro masqué, pas de SMS, merci de votre respect.",
    "Disponible du lundi au samedi de 10h à 22h.",
    "Douche à disposition, serviettes propres, ambiance tamisée.",
    "Femme mûre et coquine, je prends mon temps avec vous.",
    "Hygiène irréprochable exigée, rendez-vous sur appel uniquement.",
    "Nouvelle photo, vraie personne, pas de mauvaise surprise.",
]
OTHERS = [
    ("Chloé", 23, "07 61 84 29 35", "Étudiante douce à Lens, disponible en soirée, petite et câline."),
    ("Inès", 31, "06 47 19 82 60", "Belle métisse à Calais, reçoit en privé, câline et souriante."),
    ("Maria", 26, "07 53 20 71 94", "Nouvelle à Béthune pour quelques jours, très sexy, appelle vite."),
]


def _prolific_ads(n_ads: int = 36) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    ages = np.full(n_ads, 42)
    ages[[5, 17]], ages[[9, 28]] = 41, 43  # four slips out of 36 ads
    rows = []
    for k in range(n_ads):
        body = " ".join(rng.choice(SENTENCES, size=4, replace=False))
        rows.append({"ad_id": f"p{k:02d}", "site": f"site{k % 7}", "posted_at": f"2018-{9 + k % 4:02d}-{1 + k % 27:02d}",
                     "title": f"Sandra {ages[k]} ans Arras", "text": f"Sandra, {ages[k]} ans. {body} Tél 06 12 48 73 95"})
    for k, (name, age, phone, text) in enumerate(OTHERS):
        for j in range(2):
            rows.append({"ad_id": f"o{k}{j}", "site": f"site{j}", "posted_at": f"2018-10-{10 + j:02d}",
                         "title": f"{name} {age} ans", "text": f"{name}, {age} ans. {text} Appelle-moi au {phone}."})
    return pd.DataFrame(rows)


def test_age_slips_do_not_make_a_phone_a_hub():
    table = adcount.load_ads(_prolific_ads()).table
    contacts = ad_contacts(table, "FR", key=KEY)
    claims = read_claims(normalize_texts((table["title"] + "\n" + table["text"]).tolist()))
    spread = contact_spread(contacts, contact_claims(contacts, claims.age, posting_days(table["posted_at"])), claims.names)
    phones = contacts.matrix("phone").tocsc()
    assert phones[:36].sum(axis=0).max() == 36  # her one phone is on all her ads
    assert spread.max() == 1  # every phone here serves one person


def test_two_persons_of_one_organiser_a_year_apart_count_as_two():
    """One phone, 18 ads claiming 43 and 18 claiming 42 (no slips): two persons, not one."""
    rows = _prolific_ads()
    own = rows["ad_id"].str.startswith("p")
    claimed = np.where(np.arange(len(rows)) % 2 == 0, "Nadia, 43 ans", "Sandra, 42 ans")
    rows.loc[own, "text"] = [text.split(". ", 1)[1] for text in rows.loc[own, "text"]]
    rows.loc[own, "text"] = claimed[own.to_numpy()] + ". " + rows.loc[own, "text"]
    rows.loc[own, "title"] = "Nouvelles à Arras"
    table = adcount.load_ads(rows).table
    contacts = ad_contacts(table, "FR", key=KEY)
    claims = read_claims(normalize_texts((table["title"] + "\n" + table["text"]).tolist()))
    spread = contact_spread(contacts, contact_claims(contacts, claims.age, posting_days(table["posted_at"])), claims.names)
    assert spread.max() == 2


def test_prolific_poster_is_one_person_among_a_departments_ads():
    """Her 36 ads added to a synthetic département's 699 (text only): one person, and the
    département's own persons are found as well as without her."""
    base = adcount.synth.generate(preset="pas-de-calais-2018", seed=2, out_dir=None)
    truth = base["true_person_id"].to_numpy()
    columns = ["ad_id", "site", "posted_at", "title", "text"]
    alone = adcount.deduplicate(adcount.load_ads(base[columns]), key=KEY)
    both = adcount.deduplicate(adcount.load_ads(pd.concat([base[columns], _prolific_ads()], ignore_index=True)), key=KEY)
    person = both.assignments.set_index("ad_id")["person_id"]
    assert person[[f"p{k:02d}" for k in range(36)]].nunique() == 1
    scores_alone = adcount.evaluate(alone.assignments, pd.DataFrame({"ad_id": base["ad_id"], "true_person_id": truth}))
    kept = both.assignments[both.assignments["ad_id"].isin(base["ad_id"])]
    scores_both = adcount.evaluate(kept, pd.DataFrame({"ad_id": base["ad_id"], "true_person_id": truth}))
    assert scores_both["person"]["pairwise_f1"] >= scores_alone["person"]["pairwise_f1"] - 0.01


def test_pair_weights_cap_what_one_ad_brings_to_em():
    """Ads with up to PAIRS_PER_AD_IN_EM pairs weigh fully; a prolific ad's pairs share that much."""
    star = np.column_stack([np.zeros(40, np.int64), np.arange(1, 41)])  # ad 0 in 40 pairs
    small = np.array([[41, 42], [41, 43], [42, 43]])
    weights = pair_weights(44, np.vstack([star, small]))
    np.testing.assert_allclose(weights[40:], 1.0)
    np.testing.assert_allclose(weights[:40], 0.5 * (PAIRS_PER_AD_IN_EM / 40 + 1.0))
    assert pair_weights(5, np.empty((0, 2), np.int64)).size == 0

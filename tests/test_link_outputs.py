"""Linkage on a generated ad set with photos: accuracy, explanations, the review page, active
labelling and learned models (JSON round trip, supervised from labels)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import adcount
from adcount.tools.label import fold_labels, pair_labels
from adcount.link.comparisons import BY_NAME, comparison_levels
from adcount.link.fellegi_sunter import FellegiSunter
from adcount.link.model_io import load_model, save_model
from adcount.link.supervised import SupervisedModel
from adcount.tools import explain_pair, review_html, uncertain_pairs

KEY = b"link-test-key-0123456789abcdef"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdc1")
    frame = adcount.synth.generate(preset="pas-de-calais-2018", seed=1, out_dir=out)
    ads = adcount.load_ads(out / "ads.csv", image_root=out)
    result = adcount.deduplicate(ads, key=KEY)
    truth = pd.read_csv(out / "truth.csv", dtype=str)
    return frame, ads, result, truth


def _truth_labels(result, truth):
    person = truth.set_index("ad_id").loc[result.ads.table["ad_id"], "true_person_id"].to_numpy()
    return (person[result.pairs[:, 0]] == person[result.pairs[:, 1]]).astype(float)


def test_accuracy_on_a_generated_set(generated):
    _, _, result, truth = generated
    scores = adcount.evaluate(result, truth)
    assert scores["person"]["pairwise_f1"] >= 0.95
    assert scores["person"]["bcubed_f1"] >= 0.97
    assert abs(scores["person"]["count_error"]) <= 0.03
    assert scores["network"]["pairwise_f1"] >= 0.95


def test_learned_model_beats_the_hand_set_rules(generated):
    _, ads, result, truth = generated
    labels = _truth_labels(result, truth)
    levels = comparison_levels(result.features)
    em = FellegiSunter().fit(levels)
    rules = FellegiSunter.from_rules(levels)

    def pair_f1(model):
        linked = model.predict_proba(levels) >= 0.5
        same = labels > 0.5
        precision, recall = (linked & same).sum() / linked.sum(), (linked & same).sum() / same.sum()
        return 2 * precision * recall / (precision + recall)

    assert pair_f1(em) > pair_f1(rules) - 0.01
    assert pair_f1(em) >= 0.95
    # the organiser's phone weighs far less than a personal one, and a second name counts against
    assert em.level_bits("phone")[3] > em.level_bits("phone")[1] + 3
    different_names = BY_NAME["name_template"].levels.index("different names; different texts")
    assert em.level_bits("name_template")[different_names] < -1


def test_explanations_name_the_evidence(generated):
    _, _, result, _ = generated
    links = result.links
    strong = links[links["same_person"] & (links["shared_phones"] > 0)].iloc[0]
    text = str(explain_pair(result, strong.ad_id_b, strong.ad_id_a))  # either order
    assert f"ads {strong.ad_id_a} and {strong.ad_id_b}: one person" in text
    assert re.search(r"\+\s*\d+\.\d bits  phone: (personal phone|phone of 2 persons)", text)
    explanation = explain_pair(result, strong.ad_id_a, strong.ad_id_b)
    total = explanation.prior_bits + explanation.evidence["bits"].sum()
    assert 1 / (1 + 2 ** -total) == pytest.approx(explanation.probability, abs=1e-3)
    # a pair never compared says so
    ids = result.assignments["ad_id"].to_numpy()
    compared = set(zip(links["ad_id_a"], links["ad_id_b"]))
    far = next((ids[0], b) for b in ids[1:] if (ids[0], b) not in compared and (b, ids[0]) not in compared)
    assert "never compared" in str(explain_pair(result, *far))
    with pytest.raises(KeyError, match="not among the valid ads"):
        explain_pair(result, ids[0], "no-such-ad")


def test_review_page_shows_the_ads_and_no_raw_contact(generated, tmp_path):
    frame, _, result, _ = generated
    biggest = result.assignments["person_id"].value_counts().index[0]
    page = review_html(result, tmp_path / "review.html", [biggest]).read_text(encoding="utf-8")
    members = result.assignments.loc[result.assignments["person_id"] == biggest, "ad_id"]
    assert all(ad_id in page for ad_id in members)
    assert page.count("data:image/jpeg;base64,") >= 1
    assert "http" not in page and "<script" not in page  # self-contained, nothing fetched
    raw_numbers = {p for text in frame["text"] for p in adcount.extract_phones(text)}
    assert not any(number[3:] in page.replace(" ", "") for number in raw_numbers)
    assert re.search(r"ph_[0-9a-f]{16}", page) and "PHONE" in page


def test_active_labelling_picks_uncertain_pairs_and_folds_labels_back(generated, tmp_path):
    _, ads, result, truth = generated
    queue = uncertain_pairs(result, 15)
    assert len(queue) == 15 and queue["label"].isna().all()
    # the most uncertain pairs: nearer 0.5 than the typical candidate pair
    assert np.median(np.abs(queue["probability"] - 0.5)) < np.median(np.abs(result.probability - 0.5))
    person = truth.set_index("ad_id")["true_person_id"]
    queue["label"] = (person[queue["ad_id_a"]].to_numpy() == person[queue["ad_id_b"]].to_numpy()).astype(int)
    labels = pair_labels(result, queue)
    assert np.isfinite(labels).sum() == 15
    model = fold_labels(result, queue, kind="em")
    saved = load_model(save_model(model, tmp_path / "model.json"))
    levels = comparison_levels(result.features)
    assert np.allclose(saved.predict_proba(levels), model.predict_proba(levels))
    again = adcount.deduplicate(ads, key=KEY, model=saved)
    assert adcount.evaluate(again, truth)["person"]["pairwise_f1"] >= 0.95


def test_supervised_model_from_labelled_pairs(generated, tmp_path):
    _, _, result, truth = generated
    labels = _truth_labels(result, truth)
    levels = comparison_levels(result.features)
    rng = np.random.default_rng(0)
    half = rng.random(len(labels)) < 0.5
    model = SupervisedModel().fit(levels[half], labels[half])
    linked = model.predict_proba(levels[~half]) >= 0.5
    same = labels[~half] > 0.5
    assert (linked == same).mean() >= 0.95
    saved = load_model(save_model(model, tmp_path / "supervised.json"))
    assert np.allclose(saved.predict_proba(levels), model.predict_proba(levels))
    with pytest.raises(ValueError, match="each class"):
        SupervisedModel().fit(levels.iloc[:3], np.array([1.0, 1.0, 0.0]))
    (tmp_path / "bad.json").write_text('{"kind": "pickle"}')
    with pytest.raises(ValueError, match="unknown link model kind"):
        load_model(tmp_path / "bad.json")


def test_review_texts_mask_handles_too():
    from adcount.tools.review import masked_texts

    shown = masked_texts(["Léa, ajoute-moi sur snap : lea_kiss69 ou Telegram @leakiss ! Leader du massage.",
                          "Écris-moi : lea.kiss@gmail.com ou au 06 12 34 56 78"])
    assert shown[0] == "lea ajoute moi sur snap HANDLE ou telegram HANDLE leader du massage"
    assert "gmail" not in shown[1] and "12" not in shown[1] and "EMAIL" in shown[1]


def test_every_person_gets_a_confidence(generated):
    _, _, result, _ = generated
    table = result.person_confidence()
    assert len(table) == result.n_persons and table["person_id"].is_unique
    assert table["confidence"].between(0, 1).all()
    assert table["confidence"].median() > 0.9  # most persons are clear-cut on this set

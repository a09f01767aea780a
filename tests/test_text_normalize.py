"""The disguise-proof normaliser on labelled cases and on re-posted French ads."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adcount
from adcount.text.normalize import normalize_texts
from text_ads import ad, repost

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "normalize_cases.jsonl").open(encoding="utf-8")]


def test_case_file_is_large_and_covers_every_disguise():
    assert len(CASES) >= 150
    categories = Counter(case["category"] for case in CASES)
    for needed in ["accents", "fullwidth", "math", "cyrillic", "greek", "emoji", "invisible", "leet",
                   "numbers", "repeat", "spaced", "phone", "email", "url", "mixed"]:
        assert categories[needed] >= 3, needed


@pytest.mark.parametrize("case", CASES, ids=[f"{c['category']}-{i}" for i, c in enumerate(CASES)])
def test_labelled_case(case):
    assert adcount.normalize_text(case["input"]) == case["expected"]


def test_batch_form_equals_single_form_in_order():
    inputs = [case["input"] for case in CASES]
    assert normalize_texts(inputs) == [adcount.normalize_text(text) for text in inputs]


def test_batch_keeps_duplicates_and_order_and_blocks():
    inputs = ["Lola 😘", "B0NJ0UR", "Lola 😘", "", "ｂｉｓｏｕｓ", "B0NJ0UR", "fin"]
    expected = ["lola", "bonjour", "lola", "", "bisous", "bonjour", "fin"]
    assert normalize_texts(inputs, block_size=3, n_threads=2) == expected
    assert normalize_texts(inputs, block_size=1, n_threads=1) == expected


def test_missing_texts_become_empty_and_bad_types_are_named():
    assert normalize_texts([None, float("nan"), "Oui"]) == ["", "", "oui"]
    with pytest.raises(TypeError, match="position 2 is a int"):
        normalize_texts(["a", "b", 3])
    with pytest.raises(TypeError, match="expects a str"):
        adcount.normalize_text(None)


def test_nul_characters_inside_a_text_do_not_split_it():
    assert normalize_texts(["avant\x00après", "suite"]) == ["avant apres", "suite"]


def test_reposts_of_one_ad_normalise_alike():
    rng = random.Random(3)
    for _ in range(20):
        original = ad(rng)
        reposted = repost(original, rng)
        a, b = adcount.normalize_text(original).split(), adcount.normalize_text(reposted).split()
        # the reposts differ only by the reworded call sentence ("moi vite")
        assert Counter(b) - Counter(a) <= Counter({"vite": 1, "moi": 1})
        assert len(Counter(a) - Counter(b)) <= 1


def test_phone_numbers_do_not_survive_in_any_form():
    text = "Lola 06 12 34 56 78, +33 6 12 34 56 78, 0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣, O6 I2 34 56 78"
    out = adcount.normalize_text(text)
    assert out == "lola PHONE PHONE PHONE PHONE"
    assert not re.search(r"\d", out)


_ALLOWED = re.compile(r"^(?:(?:[a-z0-9]|[^\x00-\x7f])+|PHONE|EMAIL|URL)$")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_output_is_clean_words_on_any_input(text):
    out = adcount.normalize_text(text)
    assert out == out.strip() and "  " not in out
    for token in out.split(" ") if out else []:
        assert _ALLOWED.match(token), token


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_normalising_twice_changes_nothing_without_contacts(text):
    once = adcount.normalize_text(text)
    if not re.search(r"PHONE|EMAIL|URL", once):
        assert adcount.normalize_text(once) == once


@pytest.mark.parametrize("text", ["A:A:Sß:A", "a a s.s.s a", "s s s s a a", "$A0A", "x @b0b y"])
def test_collapsed_repeats_that_leave_lone_letters_are_rejoined_at_once(text):
    # a collapse can turn "sss" into a lone "s" next to other lone letters; one call must settle it
    once = adcount.normalize_text(text)
    assert adcount.normalize_text(once) == once

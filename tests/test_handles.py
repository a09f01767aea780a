"""Messaging handles: one key per account however it is written, nothing from ordinary words."""

from __future__ import annotations

from pathlib import Path

import pytest

import adcount
from cases.contacts import load_labelled, score, score_extractor
from adcount.contacts.handles import extract_handles

CORPUS = Path(__file__).parent / "data" / "contacts" / "corpus.jsonl"


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["Telegram : @Lea_59", "https://t.me/lea_59", "telegram.me/LEA_59", "tg: lea_59", "Télégram lea_59",
          "Telegram 👉 @lea_59", "@lea_59 sur telegram"],
         "telegram:lea_59"),
        (["snap: lea.59", "Snapchat @Lea.59", "👻 lea.59", "snapchat.com/add/lea.59", "sn@p : lea.59.",
          "Snapchat ➡️ lea.59", "Mon snap c'est lea.59", "@lea.59 (snap)"],
         "snapchat:lea.59"),
        (["insta @lea.59", "Instagram: lea.59", "instagram.com/Lea.59", "IG: lea.59", "www.instagram.com/lea.59/"],
         "instagram:lea.59"),
        (["OnlyFans: lea59", "onlyfans.com/Lea59", "OF : @lea59", "only fans lea59",
          "OnlyFans ➡️ onlyfans.com/lea59"], "onlyfans:lea59"),
        (["mym.fans/Lea59", "MYM : lea59"], "mym:lea59"),
        (["fansly.com/lea59", "Fansly: @lea59"], "fansly:lea59"),
        (["whatsapp +33 6 12 34 56 78", "wa.me/33612345678", "WhatsApp 06 12 34 56 78",
          "06 12 34 56 78 (whatsapp)", "api.whatsapp.com/send?phone=33612345678", "wtsp: O6 I2 34 56 78"],
         "whatsapp:+33612345678"),
    ],
)
def test_same_account_written_many_ways_is_one_key(forms, key):
    for form in forms:
        assert extract_handles(f"Léa 24 ans, Arras. {form} bisous") == [key], form


def test_several_platforms_in_order():
    text = "Mes liens : t.me/Chloe_Arras, instagram.com/chloe.arras, onlyfans.com/chloearras"
    assert adcount.extract_handles(text) == [
        "telegram:chloe_arras", "instagram:chloe.arras", "onlyfans:chloearras",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Envoie-moi un snap pour plus de photos",
        "Je suis sur insta uniquement pour les habitués",
        "dispo sur whatsapp uniquement, pas de sms",
        "j'ai un snap: uniquement sur demande",
        "Of course, mym is not here",
        "telegram: https://",
        "Instagram et Telegram : demandez en message privé",
        "snap: privé, insta : écris-moi",
    ],
)
def test_no_handle_from_ordinary_words(text):
    assert extract_handles(text) == []


def test_corpus_handles():
    result = score_extractor(load_labelled(CORPUS), "handles", extract_handles)
    assert result.precision >= 0.95 and result.recall >= 0.95, result


def test_telegram_invite_links_are_keyed_by_their_hash():
    """An invite link opens one private group: its case-sensitive hash is the key, and the
    "joinchat" path word is never taken for an account (it would tie every invite together)."""
    text = ("Groupe privé : https://t.me/joinchat/AAAAAEk2fGhXyZ1q2w3e4r — nouveau canal "
            "t.me/+Xy7AbCdEf0lhZTY0, mon compte t.me/s/lea_59")
    assert extract_handles(text) == ["telegram-invite:AAAAAEk2fGhXyZ1q2w3e4r",
                                     "telegram-invite:Xy7AbCdEf0lhZTY0", "telegram:lea_59"]
    other_case = extract_handles("telegram.me/joinchat/aaaaaek2fghxyz1q2w3e4r")
    assert other_case == ["telegram-invite:aaaaaek2fghxyz1q2w3e4r"]


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["Twitter/X: @amber_vip", "x.com/Amber_Vip", "twitter.com/amber_vip", "X: @amber_vip"], "twitter:amber_vip"),
        (["kik me: amber22", "Kik: amber22", "kik.me/amber22"], "kik:amber22"),
        (["Line ID: mint22", "line.me/ti/p/~mint22", "LINE: mint22"], "line:mint22"),
        (["sc: jade.xo", "snap: jade.xo", "snapchat.com/add/jade.xo"], "snapchat:jade.xo"),
        (["IG @jade.xo", "instagram.com/jade.xo"], "instagram:jade.xo"),
    ],
)
def test_platforms_of_north_american_and_thai_ads(forms, key):
    for form in forms:
        assert extract_handles(f"Amber 24 new in town. {form} 💋") == [key], form


def test_brazilian_zap_is_whatsapp():
    assert extract_handles("Oi amor, chama no zap (11) 98765-4321", "BR") == ["whatsapp:+5511987654321"]


@pytest.mark.parametrize("text", ["Call or Line: 081-234-5678", "Telegram: 0612345678", "I was on line at the store",
                                  "prix: 150€", "online: now"])
def test_a_number_or_a_word_after_a_platform_is_no_account(text):
    assert extract_handles(text, "TH") == []


def test_world_corpus_handles():
    cases = load_labelled(Path(__file__).parent / "data" / "contacts" / "world.jsonl")
    assert sum(bool(c["handles"]) for c in cases) >= 150
    result = score((extract_handles(c["text"], c["country"]) for c in cases), (c["handles"] for c in cases))
    assert result.precision >= 0.98 and result.recall >= 0.97, result

"""E-mail extraction: corpus figures, each disguise, and sentences that must not become addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

import adcount
from cases.contacts import load_labelled, score_extractor
from adcount.contacts.emails import canonical_email, extract_emails

CORPUS = Path(__file__).parent / "data" / "contacts" / "corpus.jsonl"
WORLD = CORPUS.with_name("world.jsonl")  # 15 countries (tests/data/contacts/build_world.py)


@pytest.mark.parametrize(("corpus", "least", "recall"), [(CORPUS, 50, 0.98), (WORLD, 100, 0.97)])
def test_corpus_precision_and_recall(corpus, least, recall):
    cases = load_labelled(corpus)
    assert sum(bool(c["emails"]) for c in cases) >= least
    result = score_extractor(cases, "emails", extract_emails)
    assert result.precision >= 0.98, result
    assert result.recall >= recall, result


@pytest.mark.parametrize(
    "text",
    [
        "Contact: Lea.Douce59@Gmail.COM",
        "lea.douce59 (at) gmail (dot) com",
        "lea.douce59(at)gmail.com",
        "lea.douce59 [at] gmail [point] com",
        "lea.douce59{at}gmail.com",
        "lea.douce59 arobase gmail point com",
        "lea.douce59 at gmail dot com",
        "lea.douce59 @ gmail . com",
        "l e a . d o u c e 5 9 @ g m a i l . c o m",
        "ｌｅａ.ｄｏｕｃｅ５９＠ｇｍａｉｌ.ｃｏｍ",
        "écris à lea.douce59@gmail.com. Bisous",
        "lea.douce59(a)gmail.com",
        "lea.douce59 (@) gmail (.) com",
        "lea.douce59@gmail,com",
        "lea.douce59 chez gmail point com",
    ],
)
def test_disguises(text):
    assert extract_emails(text) == ["lea.douce59@gmail.com"]


def test_several_addresses_in_order_without_repeats():
    text = "nina@hotmail.fr ou NINA@HOTMAIL.FR, sinon nina.pro [at] laposte [dot] net"
    assert adcount.extract_emails(text) == ["nina@hotmail.fr", "nina.pro@laposte.net"]


@pytest.mark.parametrize(
    "text",
    [
        "ajoute moi lea59 sur gmail",
        "mon mail : lea59 arobase gmail (demandez la suite)",
        "lea59@gmail",
        "rdv at home ou à l'hôtel, à point nommé",
        "meet me at the hotel. Thanks",
        "insta @lea_59, snap @lea.59",
        "Tarif 150€ @ l'hôtel, 2h = 280€",
        "je suis là at 22h point final",
        "je dors chez moi. Com' d'hab",
    ],
)
def test_no_address_from_ordinary_sentences(text):
    assert extract_emails(text) == []


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="expects a str"):
        extract_emails(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("address", "mailbox"),
    [
        ("lea.douce59@gmail.com", "leadouce59@gmail.com"),
        ("Lea.Douce59+annonces@googlemail.com", "leadouce59@gmail.com"),
        ("lea.douce59+pro@hotmail.fr", "lea.douce59@hotmail.fr"),
        ("lea.douce59+pro@laposte.net", "lea.douce59+pro@laposte.net"),
        ("lea.douce59@yahoo.fr", "lea.douce59@yahoo.fr"),
    ],
)
def test_canonical_mailbox_for_linking(address, mailbox):
    assert canonical_email(address) == mailbox


def test_canonical_mailbox_rejects_non_addresses_without_echoing_them():
    with pytest.raises(ValueError, match="one address") as info:
        canonical_email("lea.douce59 gmail.com")
    assert "douce" not in str(info.value)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("lucia arroba gmail punto com", "lucia@gmail.com"),
        ("giulia.bella chiocciola libero punto it", "giulia.bella@libero.it"),
        ("lena klammeraffe gmx punkt de", "lena@gmx.de"),
        ("sanne apenstaartje ziggo punt nl", "sanne@ziggo.nl"),
        ("ana.rj arroba bol ponto com ponto br", "ana.rj@bol.com.br"),
        ("andreea at yahoo punct ro", "andreea@yahoo.ro"),
        ("amber22 at g mail dot com", "amber22@gmail.com"),
        ("candy.vip at hot mail dot com", "candy.vip@hotmail.com"),
        ("destiny at gmail dot c o m", "destiny@gmail.com"),
        ("jade77 at yahoo dotcom", "jade77@yahoo.com"),
        ("amber at gmail com", "amber@gmail.com"),
        ("holly at yahoo dot co dot uk", "holly@yahoo.co.uk"),
        ("email me: amber.vip\n@gmail.com", "amber.vip@gmail.com"),
        ("amber.vip@gmail\n.com", "amber.vip@gmail.com"),
    ],
)
def test_disguises_in_the_field(text, address):
    assert extract_emails(f"💋 {text} 💋") == [address]


@pytest.mark.parametrize("text", ["meet at g mail", "I live com pletely free", "at gmail or hotmail only, ask",
                                  "point com à la ligne, punto e basta"])
def test_no_address_from_provider_words_alone(text):
    assert extract_emails(text) == []

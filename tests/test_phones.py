"""Phone extraction: the labelled corpus figures, then each disguise and each trap on its own."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import adcount
from adcount.contacts.batch import extract_contacts
from cases.contacts import load_labelled, score_extractor
from adcount.contacts.phone_plans import dial_plan
from adcount.contacts.phones import extract_phones

CORPUS = Path(__file__).parent / "data" / "contacts" / "corpus.jsonl"
LEA = "+33612345678"


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return load_labelled(CORPUS)


def test_corpus_is_large_hard_and_has_negatives(corpus):
    assert len(corpus) >= 300
    assert sum(c["hard"] for c in corpus) / len(corpus) >= 0.30
    negatives = [c for c in corpus if "neg" in c["tags"]]
    assert len(negatives) >= 50
    for case in corpus:
        for phone in case["phones"]:
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), case["id"]


@pytest.mark.parametrize(("name", "builder_name"), [("corpus.jsonl", "build_corpus"), ("world.jsonl", "build_world")])
def test_corpus_files_are_what_their_builders_write(name, builder_name):
    spec = importlib.util.spec_from_file_location(builder_name, CORPUS.with_name(f"{builder_name}.py"))
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.build() == load_labelled(CORPUS.with_name(name))


def test_corpus_precision_and_recall(corpus):
    result = score_extractor(corpus, "phones", extract_phones)
    assert result.precision >= 0.99, result
    assert result.recall >= 0.97, result


def test_corpus_hard_cases_alone(corpus):
    hard = [c for c in corpus if c["hard"]]
    result = score_extractor(hard, "phones", extract_phones)
    assert result.precision >= 0.99, result
    assert result.recall >= 0.95, result


def test_public_name_is_exported():
    assert adcount.extract_phones("appelle au 06 12 34 56 78") == [LEA]


@pytest.mark.parametrize(
    "text",
    [
        "Appelle-moi au 06 12 34 56 78 bisous",
        "tel:0612345678",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "06/12/34/56/78",
        "06_12_34_56_78",
        "06 123 456 78",
        "+33 6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "(+33) 6.12.34.56.78",
        "+33 (0)6 12 34 56 78",
        "+33(0)612345678",
    ],
)
def test_separators_and_french_international_forms(text):
    assert extract_phones(text) == [LEA]


@pytest.mark.parametrize(
    "text",
    [
        "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        "Zéro Six Douze Trente Quatre Cinquante Six Soixante Dix Huit",
        "zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
        "zero six twelve thirty-four fifty-six seventy-eight",
        "zero six one two three four five six seven eight",
        "zéro six un deux trois quatre cinq six sept huit",
        "06 douze 34 cinquante-six 78",
        "zéro 6 12 trente-quatre 56 78",
    ],
)
def test_spelled_digits(text):
    assert extract_phones(text) == [LEA]


def test_french_tens_double_triple_and_fois():
    assert extract_phones("zéro sept quatre-vingt-dix-neuf soixante et onze vingt et un quatre-vingts") == [
        "+33799712180"
    ]
    assert extract_phones("zéro six double deux trente-trois quarante-quatre cinquante-cinq") == ["+33622334455"]
    assert extract_phones("zéro six triple un 2 3 4 5 6") == ["+33611123456"]
    assert extract_phones("zéro six deux fois douze 34 56") == ["+33612123456"]
    assert extract_phones("zéro sept septante-huit nonante-neuf 12 34") == ["+33778991234"]


@pytest.mark.parametrize(
    "text",
    [
        "O6 I2 34 56 78",
        "o6.l2.34.56.78",
        "О6 І2 З4 56 78",  # Cyrillic O, I and Ze
        "⁰⁶ ¹² ³⁴ ⁵⁶ ⁷⁸",
        "0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣",
        "０６ １２ ３４ ５６ ７８",
        "𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
        "⓪⑥①②③④⑤⑥⑦⑧",
        "٠٦١٢٣٤٥٦٧٨",
        "0\u200b6\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8",
    ],
)
def test_look_alike_and_unicode_digits(text):
    assert extract_phones(text) == [LEA]


@pytest.mark.parametrize(
    "text",
    [
        "06 12 / 34 56 78",
        "06 12 (appelle) 34 56 78",
        "06 12 (appelle, pas de sms) 34 56 78",
        "06 12 appelle moi 34 56 78",
        "06 12\n34 56 78",
        "06 💋 12 💋 34 💋 56 💋 78",
        "0 6 1 2 3 4 5 6 7 8",
    ],
)
def test_numbers_split_by_words_emoji_and_lines(text):
    assert extract_phones(text) == [LEA]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+32 470 12 34 56", "+32470123456"),
        ("0032 470 12 34 56", "+32470123456"),
        ("+41 79 123 45 67", "+41791234567"),
        ("+34 612 34 56 78", "+34612345678"),
        ("+40 721 234 567", "+40721234567"),
        ("+359 88 123 4567", "+359881234567"),
        ("+55 11 91234-5678", "+5511912345678"),
        ("+57 300 1234567", "+573001234567"),
        ("+86 138 0013 8000", "+8613800138000"),
        ("+44 7911 123456", "+447911123456"),
        ("0049 151 23456789", "+4915123456789"),
        ("+39 312 345 6789", "+393123456789"),
        ("+234 803 123 4567", "+2348031234567"),
    ],
)
def test_international_numbers(text, expected):
    assert extract_phones(f"Whatsapp {text} merci") == [expected]


def test_pairs_written_with_letters_only():
    assert extract_phones("Tél. O6 4l 46 7l ll Parking gratuit") == ["+33641467111"]
    assert extract_phones("O6 OO II lO Ol Ilona") == ["+33600111001"]
    assert extract_phones("06 12 34 56 78 Il fait beau, lol") == [LEA]


def test_superscript_alone_is_a_unit_not_a_digit():
    assert extract_phones("studio 25m² au 06 12 34 56 78") == [LEA]


@pytest.mark.parametrize(
    "text",
    ["Tel06 12 34 56 78", "Appelez-moi au0612345678", "+ 33 6 12 34 56 78", "33 6 12 34 56 78 whatsapp",
     "wa.me/33612345678"],
)
def test_glued_words_spaced_plus_and_calling_code_without_plus(text):
    assert extract_phones(text) == [LEA]


def test_unknown_region_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown region 'XX'"):
        extract_phones("06 12 34 56 78", region="XX")


def test_several_numbers_in_order_without_repeats():
    text = "Lens 07 81 55 62 14, Arras 06.12.34.56.78, rappel: 0781556214 ou +33 6 12 34 56 78"
    assert extract_phones(text) == ["+33781556214", LEA]


def test_plain_number_is_not_glued_to_digits_across_words():
    assert extract_phones("Mon 06 c'est : zéro six 45 78 12 80, Luna") == ["+33645781280"]


def test_overseas_departements_keep_their_calling_code():
    assert extract_phones("Saint-Denis, appelle le 0692 12 34 56") == ["+262692123456"]
    assert extract_phones("Pointe-à-Pitre 06 90 12 34 56 ou 06 12 34 56 78") == ["+590690123456", LEA]


def test_region_reads_national_numbers():
    assert extract_phones("Bel: 0470 12 34 56", region="BE") == ["+32470123456"]
    assert extract_phones("06 12 34 56 78", region="FR") == [LEA]


@pytest.mark.parametrize(
    "text",
    [
        "150€ la demi-heure, 250€ l'heure, 100 roses, 1OO roses",
        "Léa 23 ans, 25 ans, âge : 26",
        "Annonce du 12/10/2018, du 01/11/2018 au 15/11/2018, le 28/09/18. 0 tabou",
        "Dispo de 10h à 22h30, 14h-02h, mise à jour à 23:45",
        "Calais 62100, Arras 62000, Lens 62300 (62)",
        "1m70, 1,68 m, 55 kg, 95C, 90 DD, pointure 38",
        "SIRET 80295478500028",
        "SIRET 802 954 785 00028, TVA FR12802954785",
        "06 xx xx xx xx",
        "06 XX XX XX XX et 07 ** ** ** **",
        "06 ## ## ## ##",
        "06 12 34 56",
        "06 12 34 56 789 12",
        "0123456789012",
        "+33 6 12",
        "Réf annonce 0612345, mise à jour le 28/09/18 à 23:45",
        "Jolie fille vingt-deux ans, deux amies, appartement neuf, une nuit",
        "Né le 03/04/1996, 22 ans, 2 enfants",
    ],
)
def test_never_reads_prices_ages_dates_times_postcodes_measures_ids_or_masks(text):
    assert extract_phones(text) == []


@pytest.mark.parametrize(
    "text",
    ["du 01/11 au 05/11, 06 12 34 56 78", "Présente du 28/10 au 02/11 06 12 34 56 78", "le 05/11 06/12/34/56/78",
     "note 09/10 06 12 34 56 78", "mon 06 06 12 34 56 78", "n° 05 06.12.34.56.78"],
)
def test_stray_digits_before_a_phone_are_not_glued_to_it(text):
    assert extract_phones(text) == [LEA]


def test_digits_far_before_a_phone_are_never_cut_into_one():
    filler = " et une phrase sans chiffres, "
    text = f"Commande 1234{'0798765432'}{filler}06 12 34 56 78"
    # built so that the 40 characters of context kept before the phone start inside the long
    # number, exactly at "0798765432": the context must widen to the whole number
    assert text.index("06 12") - 40 == text.index("0798765432")
    assert extract_phones(text) == [LEA]


def test_phone_next_to_traps_is_still_found():
    text = "Léa 23 ans 1m70 55 kg 95C, 150€, le 12/10/2018 à 22h30, Arras 62000 : 06 12 34 56 78 A bientôt"
    assert extract_phones(text) == [LEA]


def test_batch_form_matches_single_text_extractors():
    texts = ["appelle 06 12 34 56 78", "", "mail: lea (at) gmail (dot) com", "snap: lea.59 et wa.me/33612345678"]
    contacts = extract_contacts(texts)
    assert contacts == [
        ([LEA], [], []),
        ([], [], []),
        ([], ["lea@gmail.com"], []),
        ([LEA], [], ["snapchat:lea.59", "whatsapp:+33612345678"]),
    ]


def test_bad_input_is_a_clear_error_without_the_text():
    with pytest.raises(TypeError, match="expects a str"):
        extract_phones(612345678)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="position 1") as info:
        extract_contacts(["06 12 34 56 78", None])  # type: ignore[list-item]
    assert "06 12" not in str(info.value)


FILLERS = [
    "Léa, 23 ans, 1m70, 55 kg.", "150€ la demi-heure, 250€ l'heure.", "Dispo de 10h à 22h30.",
    "Annonce du 12/10/2018.", "Arras 62000.", "Tarifs: 100 roses.", "Bonnet 95C, taille 38.",
    "Numéro masqué refusé.", "Je suis nouvelle !", "💋💋", "SIRET 80295478500028.",
]


@given(
    national=st.integers(min_value=600000000, max_value=799999999),
    separator=st.sampled_from([" ", ".", "-", "", "/", " . ", "\n"]),
    before=st.lists(st.sampled_from(FILLERS), max_size=3),
    after=st.lists(st.sampled_from(FILLERS), max_size=3),
)
@settings(max_examples=150, deadline=None)
def test_any_valid_mobile_is_found_among_traps(national, separator, before, after):
    number = phonenumbers.parse(f"+33{national}")
    assume(phonenumbers.is_valid_number(number))
    digits = f"0{national}"
    written = separator.join(digits[i : i + 2] for i in range(0, 10, 2))
    text = " ".join([*before, f"Tel : {written}.", *after])
    assert extract_phones(text) == [f"+33{national}"]


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_arbitrary_text_never_raises_and_yields_valid_numbers(text):
    for phone in extract_phones(text):
        assert phonenumbers.is_valid_number(phonenumbers.parse(phone))


# ---------------------------------------------------------------- every country
WORLD = Path(__file__).parent / "data" / "contacts" / "world.jsonl"
COUNTRIES = ("FR", "BE", "CH", "LU", "ES", "IT", "DE", "NL", "GB", "IE", "US", "CA", "BR", "RO", "TH")


@pytest.fixture(scope="module")
def world() -> list[dict]:
    return load_labelled(WORLD)


def test_world_corpus_has_every_country_with_traps_and_disguises(world):
    for country in COUNTRIES:
        cases = [c for c in world if c["country"] == country]
        assert len(cases) >= 40, country
        assert sum("neg" in c["tags"] for c in cases) >= 10, country
        assert sum(c["hard"] for c in cases) >= 20, country
        for case in cases:
            for phone in case["phones"]:
                assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), case["id"]


@pytest.mark.parametrize("country", COUNTRIES)
def test_world_phones_per_country(world, country):
    cases = [c for c in world if c["country"] == country]
    result = score_extractor(cases, "phones", lambda text: extract_phones(text, country))
    assert result.precision >= 0.99, result
    assert result.recall >= 0.98, result


def _example_numbers():
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if example is not None:
            yield region, example


@pytest.mark.parametrize(("region", "example"), list(_example_numbers()))
def test_every_region_mobile_in_national_and_international_form(region, example):
    expected = [phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)]
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    assert extract_phones(f"Call me {national} xx", region) == expected
    assert extract_phones(f"Call me {international} xx", "FR") == expected


@pytest.mark.parametrize(
    "text",
    ["(212) 555-0123", "212-555-0123", "212.555.0123", "212 555 0123", "2125550123", "1-212-555-0123",
     "1 (212) 555-0123", "(212)555-0123", "+1 212 555 0123", "+1-212-555-0123", "001 212 555 0123",
     "two one two, five five five, oh one two three", "two one two triple five oh one two three",
     "(212) five5five-0123", "2I2-5five5-O123", "2 1 2 🌹 5 5 5 🌹 0 1 2 3", "2x1x2x5x5x5x0x1x2x3",
     "two1two five55 zero123", "212 five five five 0123"],
)
@pytest.mark.parametrize("region", ["US", "CA"])
def test_north_american_numbers_as_ads_write_them(text, region):
    assert extract_phones(f"NEW IN TOWN 💋 {text} text only, $200 hh", region) == ["+12125550123"]


def test_several_north_american_numbers_in_title_and_text():
    text = "💋 AMBER (702) 555-0147 💋\nIncall, text only 702 555 0147 or my second line 786.555.0143"
    assert extract_phones(text, "US") == ["+17025550147", "+17865550143"]


@pytest.mark.parametrize(
    "text",
    ["$200 hhr, $300 hr, $1000 overnight. 5'6\" 120 lbs 34C, 24/7",
     "Roses: 150 qv 200 hh 300 h 500 2h - Incall only - 36DD-24-36",
     "Available 10am-2am, 24 7, ages 21-35 only, 5' 4'' 130lb 36 D",
     "Las Vegas, NV 89109 near the strip 3799 S Las Vegas Blvd room 2210",
     "Posted Jan 12, 2019 10:45 PM Post ID: 4521093874 Ad #2019112345",
     "150/200/250 specials 100 for 30 min 160 hh 250 hr",
     "5ft 6in, 130 pounds, 38DDD, size 6, I-95 exit 12, zip 10001",
     "Hotel room 1214, 12/25/2019 and 01/02/2020, order #1234567890",
     "posted: 2019-03-12 07:15:22 ad id: 8837261541", "1000 1200 1500 2000 donations"],
)
def test_north_american_prices_dates_measures_and_ids_are_not_phones(text):
    assert extract_phones(text, "US") == []


def test_dial_plans_come_from_phonenumbers_metadata():
    assert dial_plan("FR").trunk == "0" and not dial_plan("FR").trunk_optional
    assert dial_plan("US").trunk == "1" and dial_plan("US").trunk_optional and dial_plan("US").min_bare_digits == 10
    assert dial_plan("BR").trunk_optional and dial_plan("IT").trunk == "" and dial_plan("IT").trunk_optional
    assert extract_phones("612 34 56 78", "FR") == []  # France writes its trunk "0"
    assert extract_phones("612 34 56 78", "ES") == ["+34612345678"]


def test_no_region_reads_international_numbers_only():
    assert extract_phones("+33 6 12 34 56 78 ou 06 98 76 54 32, (212) 555-0123", None) == [LEA]


def test_batch_takes_one_region_per_text():
    texts = ["06 12 34 56 78", "(212) 555-0123", "333 123 4567"]
    found = extract_contacts(texts, ["FR", "US", "IT"])
    assert [phones for phones, _, _ in found] == [[LEA], ["+12125550123"], ["+393331234567"]]
    with pytest.raises(ValueError, match="2 regions for 3 texts"):
        extract_contacts(texts, ["FR", "US"])


def test_always_open_is_masked_but_not_inside_a_number():
    assert extract_phones("dispo 24/7 et 7j/7, 24/24 : 06-18-18-24-24") == ["+33618182424"]
    assert extract_phones("24/7 (702) 555-0147 text only", "US") == ["+17025550147"]

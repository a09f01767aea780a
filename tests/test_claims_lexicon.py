"""Lexicons: the built-in files, a user's additions (argument or configuration), a new language,
and errors that name the field; the pipeline reads with the configured lexicons."""

import json

import pandas as pd
import pytest

import adcount
from adcount.claims import LexiconError, builtin_languages, load_lexicon, read_claims
from adcount.lexicon_format import BUILTIN_DIR, SCHEMA, check_lexicon_data
from adcount.config import Config, ConfigError
from adcount.text.normalize import normalize_texts

SPANISH = {  # a small lexicon for a language adcount does not ship, in the documented format
    "stop_words": ["el", "la", "los", "las", "y", "de", "en", "con", "para", "soy", "estoy", "mi", "te", "que"],
    "names": {"cues_before": ["me llamo", "soy"]},
    "ages": {"cues_after": ["anos"]},
    "gender": {"woman": ["chica", "mujer"], "man": ["chico", "hombre"], "trans": ["trans", "travesti"],
               "not_before": ["para"]},
    "origin": {"words": {"colombiana": "CO", "venezolana": "VE"}, "countries": {"colombia": "CO"},
               "country_cues": ["de"]},
}


def test_builtin_lexicons_have_the_documented_shape():
    assert builtin_languages() == ("en", "fr")
    for language in builtin_languages():
        data = json.loads((BUILTIN_DIR / f"{language}.json").read_text(encoding="utf-8"))
        check_lexicon_data(data, language)
        assert set(data) == set(SCHEMA) and data["language"] == language
        lexicon = load_lexicon(language)
        assert lexicon.stop_words and all(table.words.shape[0] > 0 for name, table in lexicon.tables.items()
                                          if name not in ("name_after",))


def test_user_additions_by_argument():
    texts = normalize_texts(["Je suis Lola, kosovare de 22 ans, nouvelle à Lille.", "Bonjour messieurs, bisous."])
    plain = read_claims(texts).to_frame().iloc[0]
    assert plain["names"] == "" and plain["origin"] == ""
    extended = read_claims(texts, lexicons={"fr": {"names": {"cues_before": ["je suis"]},
                                                   "origin": {"words": {"kosovare": "XK"}}}}).to_frame().iloc[0]
    assert extended["names"] == "lola" and extended["origin"] == "XK" and extended["age"] == 22


def test_a_new_language_from_a_whole_lexicon():
    texts = normalize_texts(["Hola, me llamo Daniela, soy colombiana de 24 anos, chica para hombres.",
                             "Soy Valeria, venezolana, trans, 26 anos, de Colombia no.",
                             "Hi I'm Amber, 21, sweet girl from Canada."])
    frame = read_claims(texts, languages=("es", "en"), lexicons={"es": SPANISH}).to_frame()
    assert frame["language"].tolist() == ["es", "es", "en"]
    assert frame["names"].tolist() == ["daniela", "valeria", "amber"]
    assert frame["age"].tolist() == [24, 26, 21]
    assert frame["gender"].tolist() == ["woman", "trans", "woman"]  # "para hombres": the client
    assert frame["origin"].tolist() == ["CO", "CO|VE", "CA"]


@pytest.mark.parametrize("languages, lexicons, message", [
    (("es",), None, "no built-in lexicon for language 'es'"),
    (("fr",), {"en": {}}, r"lexicons given for \['en'\]"),
    ((), None, "at least one language"),
    (("fr",), {"fr": {"gender": {"woman": "femme"}}}, r"'fr'.gender.woman must be a list"),
    (("fr",), {"fr": {"origin": {"words": {"kosovare": "Kosovo"}}}}, "are not ISO 3166 alpha-2 codes"),
    (("fr",), {"fr": {"names": {"cue": ["je suis"]}}}, r"unknown field\(s\) \['cue'\]"),
    (("fr",), {"fr": {"spoken": {"words": {"creole": "Creole"}}}}, "ISO 639-1"),
])
def test_wrong_lexicons_are_errors_that_name_the_field(languages, lexicons, message):
    with pytest.raises(LexiconError, match=message):
        read_claims(["bonjour"], languages=languages, lexicons=lexicons)


def test_configuration_section_round_trips_and_is_validated():
    config = Config().replace(claims={"languages": ["en", "fr"], "lexicons": {"fr": {"gender": {"woman": ["nana"]}}}})
    again = Config.from_json(config.to_json())
    assert again == config and again.claims.languages == ("en", "fr")
    assert Config().claims.languages == ("fr", "en") and Config().claims.lexicons == {}
    for wrong, message in [({"languages": []}, "'claims.languages'"), ({"languages": ["FR"]}, "'claims.languages'"),
                           ({"lexicons": {"es": {}}}, r"not in claims.languages"),
                           ({"lexicons": {"fr": {"ages": {"units": [3]}}}}, "'claims.lexicons'")]:
        with pytest.raises(ConfigError, match=message):
            Config.from_dict({"claims": wrong})


def test_pipeline_reads_ages_with_the_configured_lexicon():
    """A configured age word reaches the linkage: the pair's age difference is read."""
    ads = pd.DataFrame({
        "ad_id": ["a", "b"],
        "text": ["Disponible ce soir, 22 berges, appelle au 06 12 34 56 78",
                 "Disponible ce soir 22 berges appelle 06 12 34 56 78"],
        "title": ["", ""],
    })
    plain = adcount.deduplicate(ads, key=b"k" * 32, model="rules")
    extended = adcount.deduplicate(ads, config=Config().replace(claims={"lexicons": {"fr": {"ages": {
        "cues_after": ["berges"]}}}}), key=b"k" * 32, model="rules")
    assert plain.features["age_change"].isna().all()
    assert extended.features["age_change"].tolist() == [0.0]

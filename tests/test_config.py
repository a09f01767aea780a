"""The configuration tree: defaults, JSON round trip, and errors that name the field."""

import pytest

from adcount.config import Config, ConfigError


def test_json_round_trip_keeps_every_field():
    cfg = Config().replace(text={"threshold": 0.6, "shingle": "word", "k": 3}, link={"person_threshold": 0.7})
    again = Config.from_json(cfg.to_json())
    assert again == cfg and again.text.k == 3 and again.link.person_threshold == 0.7


def test_partial_dict_keeps_defaults():
    cfg = Config.from_dict({"images": {"max_distance": 8}})
    assert cfg.images.max_distance == 8 and cfg.text == Config().text


@pytest.mark.parametrize("data, message", [
    ({"txt": {}}, "unknown config section"),
    ({"text": {"treshold": 0.5}}, r"unknown field\(s\) \['treshold'\] in config section 'text'"),
    ({"text": {"threshold": 1.5}}, "'text.threshold': must be in"),
    ({"contacts": {"region": "fr"}}, "'contacts.region'"),
    ({"estimate": {"n_replicates": 3}}, "'estimate.n_replicates'"),
    ({"text": 3}, "must be an object"),
])
def test_invalid_values_name_the_field(data, message):
    with pytest.raises(ConfigError, match=message):
        Config.from_dict(data)


def test_invalid_json_is_a_config_error(tmp_path):
    path = tmp_path / "cfg.json"
    path.write_text("{oops")
    with pytest.raises(ConfigError, match="not valid JSON"):
        Config.load(path)

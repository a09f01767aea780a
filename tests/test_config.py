"""The configuration tree: defaults, JSON round trip, and errors that name the field."""

import pandas as pd
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


def test_stock_photo_setting_reaches_the_photo_comparison():
    """A photo shared by ads of three phones is a stock photo by default, a near photo when the
    configuration says stock photos are seen with five phones or more."""
    from adcount.link.comparisons import comparison_levels

    features = pd.DataFrame({"image_distance": [2, 2], "image_spread": [3, 1], "image_claims": [0, 0],
                             "photos_compared": [1, 1]})
    default = comparison_levels(features, ("photo",))["photo"].tolist()
    looser = comparison_levels(features, ("photo",), Config().link.stock_photo_contacts + 2)["photo"].tolist()
    assert default == [2, 4] and looser == [4, 4]
    assert Config().link.stock_photo_contacts == 3
    with pytest.raises(ConfigError, match="'link.stock_photo_contacts'"):
        Config.from_dict({"link": {"stock_photo_contacts": 1}})

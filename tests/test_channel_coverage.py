"""A silent evidence channel is said, not hidden: phones written in another country's format,
ads in a language whose claims adcount cannot read, photos given only as URLs."""

from __future__ import annotations

import numpy as np
import pandas as pd

import adcount

KEY = b"coverage-test-key-0123"
AREA_CODES = ("416", "647", "514", "604", "403")


def _north_american_ads(n: int = 60) -> pd.DataFrame:
    """Ads as posted in Toronto or Montréal: ten-digit national numbers, no trunk prefix."""
    rng = np.random.default_rng(3)
    formats = ("({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "{a}{b}{c}")
    texts = []
    for i in range(n):
        number = dict(a=AREA_CODES[i % 5], b=f"{rng.integers(200, 999)}", c=f"{rng.integers(1000, 9999)}")
        texts.append(f"Hey gentlemen, sweet and discreet, new in town. Text me {formats[i % 4].format(**number)}")
    return pd.DataFrame({"ad_id": [f"ca{i}" for i in range(n)], "text": texts})


def test_a_region_that_reads_no_phone_is_warned_about():
    result = adcount.deduplicate(_north_american_ads(), config=adcount.Config().replace(contacts={"region": "FR"}),
                                 key=KEY)
    warnings = " ".join(result.coverage.warnings)
    assert result.coverage.ads_with["phone"] == 0
    assert "look like phone numbers" in warnings and "FR" in warnings
    assert "warning:" in result.summary()


def test_ads_in_an_unread_language_warn_that_no_claim_was_read():
    texts = [f"สาวสวย อายุ {20 + i % 9} ปี บริการดี โทร {i:03d}" for i in range(40)]
    result = adcount.deduplicate(pd.DataFrame({"ad_id": [f"th{i}" for i in range(40)], "text": texts}), key=KEY)
    assert result.coverage.ads_with["claimed age"] == 0
    assert any("claimed age was read in only 0" in w for w in result.coverage.warnings)


def test_photos_given_only_as_urls_are_warned_about():
    frame = pd.DataFrame({"ad_id": [f"u{i}" for i in range(30)], "text": [f"annonce numéro {i}" for i in range(30)],
                          "images": [f"https://cdn.example.org/{i}.jpg" for i in range(30)]})
    result = adcount.deduplicate(frame, key=KEY)
    assert result.coverage.ads_with["readable photo"] == 0
    assert any("as URLs only" in w for w in result.coverage.warnings)

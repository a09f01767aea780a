"""The report in a real browser: headless Chromium renders the FR and EN reports of a small ad
set; the page's text says the headline and the protection count, and every chart carries the
numbers of its CSV. Chromium is a test requirement (`.ci/run` installs the Debian package): a
machine without it fails here rather than skipping."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import adcount

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
BROWSER_SECONDS = 120

# two women sharing an organiser's phone in Lens, one of them twice; a 17-year-old in Arras; a
# trans woman in English in Lille; a man in Calais
ADS = [
    ("b1", "2018-09-03", "site-a", "Lens", "Jessica 23 ans", "Jessica, 23 ans, brésilienne, appelle-moi au 06 12 34 56 78", "female"),
    ("b2", "2018-09-10", "site-b", "Lens", "Jessica 23 ans", "Jessica, 23 ans, brésilienne, appelle-moi au 06 12 34 56 78 !", "female"),
    ("b3", "2018-09-12", "site-a", "Lens", "Olga 30 ans", "Olga, 30 ans, ukrainienne, nouvelle à Lens, 06 12 34 56 78", "female"),
    ("b4", "2018-09-20", "site-c", "Arras", "Toute jeune", "Léa 17 ans, toute jeune, première fois, 07 11 22 33 44", "female"),
    ("b5", "2018-10-02", "site-a", "Lille", "TS Bella", "Hi I'm Bella, trans girl from Brazil, 26 yo, text 07 99 88 77 66", ""),
    ("b6", "2018-10-15", "site-b", "Calais", "Homme 35 ans", "Homme 35 ans pour dames, massage, 06 55 44 33 22", "male"),
]


def _chromium() -> str:
    found = next((path for path in map(shutil.which, CHROMIUM) if path), None)
    if found is None:
        pytest.fail("headless Chromium is needed for the report's browser test: apt-get install -y chromium")
    return found


def _run(args: list[str]) -> str:
    done = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
                          capture_output=True, text=True, timeout=BROWSER_SECONDS, check=True)
    return done.stdout


class _Page(HTMLParser):
    """The rendered DOM's visible text and, per chart, the data-value of its marks."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.charts: dict[str, list[float]] = {}
        self._chart: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("style", "title"):
            self._skip += 1
        if tag == "svg" and values.get("data-chart"):
            self._chart = values["data-chart"]
            self.charts[self._chart] = []
        elif self._chart and values.get("data-value") is not None:
            self.charts[self._chart].append(float(values["data-value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        if tag == "svg":
            self._chart = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> tuple[Path, adcount.Estimate]:
    out = tmp_path_factory.mktemp("browser")
    frame = pd.DataFrame(ADS, columns=["ad_id", "posted_at", "site", "city", "title", "text", "gender"])
    frame["region"] = np.where(frame["city"] == "Lille", "Nord", "Pas-de-Calais")
    result = adcount.deduplicate(adcount.load_ads(frame), key="browser-test-key-0123456789")
    estimate = result.estimate()
    for lang in ("fr", "en"):
        result.report(out / lang / "report.html", lang=lang, estimates=[estimate])
    return out, estimate


@pytest.mark.parametrize("lang, words", [
    ("fr", ("Au moins", "personnes ont été annoncées", "Comment lire ce rapport", "moins de 18 ans")),
    ("en", ("At least", "persons were advertised", "How to read this report", "under 18")),
])
def test_chromium_renders_the_text_and_every_chart_its_data(reports, lang, words):
    out, estimate = reports
    page = _Page()
    page.feed(_run(["--dump-dom", (out / lang / "report.html").as_uri()]))
    text = " ".join(" ".join(page.text).split())
    for word in words:
        assert word in text
    assert f"{estimate.point:,.0f}".replace(",", " " if lang == "fr" else ",") in text
    places = pd.read_csv(out / lang / "places.csv")
    assert page.charts["places"] == places["persons"].astype(float).tolist()
    weeks = pd.read_csv(out / lang / "weeks.csv")
    assert page.charts["weeks"] == weeks["ads"].astype(float).tolist()
    departements = pd.read_csv(out / lang / "departements.csv", dtype={"code": str})
    assert sorted(page.charts["map"]) == sorted(departements["persons"].astype(float))
    assert set(departements["code"]) == {"59", "62"}
    profiles = pd.read_csv(out / lang / "profiles.csv")
    gender = profiles[profiles["dimension"] == "gender"]
    assert page.charts["profile-gender"] == pytest.approx(gender["share"].tolist())
    for name, values in page.charts.items():
        assert values and sum(values) > 0, f"chart {name} has no data"


def test_screenshot_is_a_drawn_page(reports, tmp_path):
    out, _ = reports
    shot = tmp_path / "fr.png"
    _run(["--window-size=1000,1400", f"--screenshot={shot}", (out / "fr" / "report.html").as_uri()])
    pixels = np.asarray(Image.open(shot).convert("L"))
    assert pixels.shape == (1400, 1000)
    assert (pixels < 128).mean() > 0.005  # text and bars drawn, not a blank page

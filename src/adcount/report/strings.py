"""The report's words and number formats, one JSON file per language in `i18n/` (en, fr).

A language is chosen by the caller (`lang=`, `--lang`), else by the ads themselves (the language
most of them are read in by the claims reader), else by the locale. Adding a language is adding
a JSON file with the same keys (a test checks that every file has every key).
"""

from __future__ import annotations

import json
import locale
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

I18N_DIR = Path(__file__).parent / "i18n"
DEFAULT_LANGUAGE = "en"


def report_languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in I18N_DIR.glob("*.json")))


@lru_cache(maxsize=8)
def _load(lang: str) -> dict[str, str]:
    return json.loads((I18N_DIR / f"{lang}.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Strings:
    """Words and number formats of one report language."""

    lang: str

    def __post_init__(self) -> None:
        if self.lang not in report_languages():
            raise ValueError(f"no report language {self.lang!r}; use one of {list(report_languages())}")

    def __call__(self, key: str, **values: object) -> str:
        return _load(self.lang)[key].format(**values)

    def has(self, key: str) -> bool:
        return key in _load(self.lang)

    def num(self, value: float, digits: int = 0) -> str:
        """A number with this language's separators ("1,234.5" / "1 234,5"); "-" when not finite."""
        if value is None or not math.isfinite(float(value)):
            return "-"
        text = f"{float(value):,.{digits}f}"
        words = _load(self.lang)
        return text.replace(",", "\x00").replace(".", words["decimal"]).replace("\x00", words["thousands"])

    def pct(self, share: float, digits: int = 0) -> str:
        """A share (0..1) as a percentage ("45%" / "45 %"); "-" when not finite."""
        if share is None or not math.isfinite(float(share)):
            return "-"
        return self("percent", value=self.num(100 * float(share), digits))


def choose_language(lang: str | None, ad_languages: np.ndarray | None = None,
                    language_names: tuple[str, ...] = ()) -> str:
    """`lang` when given; else the language most ads are read in (if the report has it); else
    the locale's; else English."""
    if lang:
        Strings(lang)  # validates
        return lang
    available = report_languages()
    if ad_languages is not None and len(ad_languages):
        codes = np.asarray(ad_languages, dtype=np.int64)
        codes = codes[codes >= 0]
        if codes.size:
            majority = language_names[int(np.bincount(codes).argmax())]
            if majority in available:
                return majority
    system = (locale.getlocale()[0] or "")[:2].lower()
    return system if system in available else DEFAULT_LANGUAGE

"""What each ad claims about its person: first name (or alias) and age, read from the text.

Names are found without a name list, from the ad set itself: a word counts as a name when it
sits, often enough, where French ads put a name — right before an age ("Morgane 19 ans",
"Morgane, 19 ans") or after "c'est" / "je m'appelle" (not "je suis", mostly followed by adjectives). Common words land there too now and
then ("jolie 25 ans"), but a real name is in that position in a large share of the ads that
contain it, a common word in a small share; `NAME_POSITION_SHARE` separates them. Each ad then
claims every name word it contains, wherever it stands. All steps are vectorised string
operations (pyarrow-backed pandas) and one sparse bag-of-words over the name vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

NAME_POSITION_SHARE = 0.3  # a word is a name when this share of the ads containing it put it in name position
MIN_NAME_LETTERS = 3
_WORD = rf"[a-z]{{{MIN_NAME_LETTERS},}}"
_BEFORE_AGE = rf"(?:^| )({_WORD}) \d{{2}} ans"  # "morgane 19 ans" (normalised text has no punctuation)
_AFTER_CUE = rf"(?:c est|m appelle) ({_WORD})"  # not "je suis": mostly adjectives
_AGE = r"(?:^| )(\d{2}) ans"
MIN_AGE, MAX_AGE = 18, 99


@dataclass(frozen=True)
class Claims:
    """Per-ad claims. names: ads x name-words binary CSR; vocabulary: the name words."""

    names: sp.csr_matrix
    vocabulary: np.ndarray
    age: np.ndarray  # float, NaN when no age is written in the text

    @property
    def has_name(self) -> np.ndarray:
        return np.diff(self.names.indptr) > 0


def read_claims(normalised: list[str]) -> Claims:
    """Claimed names and ages of ads whose texts went through `normalize_texts`."""
    texts = pd.Series(normalised, dtype="string")
    vocabulary, names = _names(texts)
    age = pd.to_numeric(texts.str.extract(_AGE, expand=False), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    age[(age < MIN_AGE) | (age > MAX_AGE)] = np.nan
    return Claims(names, vocabulary, age)


def _names(texts: pd.Series) -> tuple[np.ndarray, sp.csr_matrix]:
    """The name words (in name position in at least `NAME_POSITION_SHARE` of the ads containing
    them), sorted, and the binary ads x name-words matrix. One bag-of-words pass over the
    candidate words serves both the share test and the matrix: tokenising is the costly part."""
    found = pd.concat([texts.str.extractall(pattern)[0] for pattern in (_BEFORE_AGE, _AFTER_CUE)])
    if found.empty:
        return np.empty(0, dtype=object), sp.csr_matrix((len(texts), 0), dtype=np.float32)
    per_ad = pd.DataFrame({"ad": found.index.get_level_values(0), "word": found.to_numpy()}).drop_duplicates()
    in_position = per_ad.groupby("word").size()
    candidates = in_position.index.to_numpy(dtype=object)
    counter = CountVectorizer(vocabulary=candidates.tolist(), binary=True, token_pattern=_WORD, lowercase=False,
                              dtype=np.float32)
    contains = counter.transform(texts.fillna("")).tocsc()
    containing = np.diff(contains.indptr)  # ads containing each candidate word
    kept = np.flatnonzero(in_position.to_numpy() / np.maximum(containing, 1) >= NAME_POSITION_SHARE)
    kept = kept[np.argsort(candidates[kept], kind="stable")]
    return candidates[kept], contains[:, kept].tocsr()

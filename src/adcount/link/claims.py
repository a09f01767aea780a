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
    vocabulary = _name_vocabulary(texts)
    if vocabulary.size:
        vectorizer = CountVectorizer(vocabulary=vocabulary.tolist(), binary=True, token_pattern=_WORD,
                                     lowercase=False, dtype=np.float32)
        names = vectorizer.transform(texts.fillna("")).tocsr()
    else:
        names = sp.csr_matrix((len(texts), 0), dtype=np.float32)
    age = pd.to_numeric(texts.str.extract(_AGE, expand=False), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    age[(age < MIN_AGE) | (age > MAX_AGE)] = np.nan
    return Claims(names, vocabulary, age)


def _name_vocabulary(texts: pd.Series) -> np.ndarray:
    """Words found in name position in at least `NAME_POSITION_SHARE` of the ads containing them."""
    found = pd.concat([texts.str.extractall(pattern)[0] for pattern in (_BEFORE_AGE, _AFTER_CUE)])
    if found.empty:
        return np.empty(0, dtype=object)
    per_ad = pd.DataFrame({"ad": found.index.get_level_values(0), "word": found.to_numpy()}).drop_duplicates()
    in_position = per_ad.groupby("word").size()
    candidates = in_position.index.to_numpy(dtype=object)
    counter = CountVectorizer(vocabulary=candidates.tolist(), binary=True, token_pattern=_WORD, lowercase=False)
    containing = np.asarray(counter.transform(texts.fillna("")).sum(axis=0)).ravel()
    share = in_position.to_numpy() / np.maximum(containing, 1)
    return np.sort(candidates[share >= NAME_POSITION_SHARE])

"""`Claims`: what each ad says about its person, as arrays aligned with the ads."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from adcount.claims.lexicon import GENDERS


@dataclass(frozen=True)
class Claims:
    """Per-ad claims read from the text. Matrices are binary CSR, one row per ad."""

    names: sp.csr_matrix  # ads x name words
    vocabulary: np.ndarray  # the name words (columns of `names`)
    age: np.ndarray  # float, NaN when no age is written
    gender: np.ndarray  # int8 index into GENDERS ("woman", "man", "trans"), -1 not stated
    origins: sp.csr_matrix  # ads x origin labels
    origin_labels: np.ndarray  # ISO 3166 alpha-2 codes ("BR") or region labels ("latina")
    spoken: sp.csr_matrix  # ads x languages the ad says its person speaks
    spoken_labels: np.ndarray  # ISO 639-1 codes
    language: np.ndarray  # int8 index into `languages`: the lexicon each ad was read with; -1 no text
    languages: tuple[str, ...]

    @property
    def has_name(self) -> np.ndarray:
        return np.diff(self.names.indptr) > 0

    def to_frame(self) -> pd.DataFrame:
        """One row per ad, labels spelled out and several joined by "|" (e.g. origin "CO|latina");
        "" where the ad claims nothing."""
        gender = np.asarray(("",) + GENDERS, dtype=object)[self.gender.astype(np.int64) + 1]
        language = np.asarray(("",) + self.languages, dtype=object)[self.language.astype(np.int64) + 1]
        return pd.DataFrame({
            "language": language,
            "names": _joined(self.names, self.vocabulary),
            "age": self.age,
            "gender": gender,
            "origin": _joined(self.origins, self.origin_labels),
            "spoken": _joined(self.spoken, self.spoken_labels),
        })


def _joined(matrix: sp.csr_matrix, labels: np.ndarray) -> list[str]:
    """Each row's labels joined by "|", in label order."""
    ordered = matrix.tocsr().sorted_indices()
    rows = np.split(np.asarray(labels, dtype=object)[ordered.indices], ordered.indptr[1:-1])
    return ["|".join(row) for row in rows]

"""A `DedupResult` drawn from the index, so the report and the estimators read an index as they
read one run: the same tables, with the index's stable person and network ids."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property

import numpy as np
import pandas as pd

from adcount.config import Config
from adcount.index import stages
from adcount.index.records import AdRecords
from adcount.result import DedupResult


@dataclass(frozen=True, eq=False)
class IndexResult(DedupResult):
    """`DedupResult` whose person and network ids are the index's stable ids."""

    stable_person_ids: np.ndarray = None  # id of each person label
    stable_network_ids: np.ndarray = None

    @cached_property
    def person_ids(self) -> np.ndarray:
        return self.stable_person_ids

    @cached_property
    def network_ids(self) -> np.ndarray:
        return self.stable_network_ids


def index_result(records: AdRecords, linkage: stages.Linkage, person_id: np.ndarray, network_id: np.ndarray,
                 config: Config) -> IndexResult:
    """The view over every indexed ad: `person_id`/`network_id` per record row are the stored ids."""
    person, person_ids = pd.factorize(pd.Series(person_id, dtype=object), sort=True)
    network, network_ids = pd.factorize(pd.Series(network_id, dtype=object), sort=True)
    rejects = pd.DataFrame({"row": pd.Series(dtype=np.int64), "ad_id": pd.Series(dtype=object),
                            "reason": pd.Series(dtype=object)})
    base = stages.result_view(records, linkage, person.astype(np.int64), network.astype(np.int64), config, rejects)
    values = {f.name: getattr(base, f.name) for f in fields(DedupResult)}
    return IndexResult(**values, stable_person_ids=np.asarray(person_ids, dtype=object),
                       stable_network_ids=np.asarray(network_ids, dtype=object))

"""`adcount.Index`: a persistent index that links each new scrape to the persons already known.

`Index(folder).add(ads)` stores what linkage needs of the new ads, finds the stored ads that may
show the same persons (`adcount.index.candidates`), re-links those ads, the new ones and the
persons they belong to (`adcount.index.stages.link`, with the model stored in the index), and
gives every person and network a stable id (`adcount.index.stable_ids`), all in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from adcount.config import Config
from adcount.estimate.result import Estimate
from adcount.index import candidates, history, stages
from adcount.index.stable_ids import carry_ids, changes, mint_ids
from adcount.index.store import Store
from adcount.index.view import index_result
from adcount.link.model_io import LinkModel
from adcount.load.schema import Ads, load_ads

Progress = Callable[[str], None]
PREFIX = {"person": "P", "network": "N"}
# An EM fit on fewer candidate pairs than this is provisional: each addition refits it on every
# stored ad and re-links them all (ids stay stable). Fitted on the first weekly eighth of
# pas-de-calais-2018 (~90 ads) EM gave persons of pairwise F1 0.86 against the truth where the
# whole set gives 0.97 (benchmarks/bench_index.py, docs/index.md); past this size the fit is kept.
PROVISIONAL_MODEL_PAIRS = 10_000


@dataclass(frozen=True)
class IndexRun:
    """What one `Index.add` did.

    assignments: the batch's new ads (ad_id, person_id, network_id, confidence).
    changelog: level ("person"/"network"), kind (created, extended, merged, split), id, other, n_ads.
    moves: every stored ad whose id changed: level, ad_id, old_id, new_id.
    """

    batch: int
    assignments: pd.DataFrame
    changelog: pd.DataFrame
    moves: pd.DataFrame
    rejects: pd.DataFrame
    flags: pd.DataFrame
    n_known: int  # ads of the input already in the index (skipped: adding is idempotent on ad_id)
    n_relinked: int  # stored ads re-linked with the new ones
    model_note: str

    @property
    def persons_changed(self) -> list[str]:
        """Ids of the persons this addition created, extended, merged into or split."""
        persons = self.changelog[self.changelog["level"] == "person"]
        return sorted(set(persons["id"]))

    def summary(self) -> str:
        persons = self.changelog[self.changelog["level"] == "person"]
        counts = persons["kind"].value_counts()
        lines = [f"batch {self.batch}: {len(self.assignments)} new ads, {self.n_known} already indexed, "
                 f"{len(self.rejects)} rejected; {self.n_relinked} stored ads re-linked",
                 "persons: " + ", ".join(f"{counts.get(k, 0)} {k}" for k in ("created", "extended", "merged", "split")),
                 f"ads that changed person: {int((self.moves['level'] == 'person').sum())} (see the changelog)"]
        return "\n".join(lines + ([f"link model: {self.model_note}"] if self.model_note else []))


@dataclass(frozen=True)
class RefitReport:
    """What `Index.refit` found: a model fitted on every ad, and what it would change."""

    model: LinkModel
    n_ads: int
    n_ads_changing: int  # ads whose person id would change under the refitted model
    n_persons_now: int
    n_persons_refit: int
    model_note: str


class Index:
    """A persistent, crash-safe index of ads, persons and networks in `folder` (SQLite, WAL).

    config: used when the index is created and stored in it; giving another one later is an
        error (the stored signatures and keys were made with the first).
    model: the link model for every addition (stored at the first one); by default a
        Fellegi–Sunter model fitted by EM on the first batch (rule weights if it is too small).
    key: secret for contact pseudonyms (else env ADCOUNT_KEY, else a key file in `folder`).
    """

    def __init__(self, folder: str | Path, *, config: Config | None = None, model: LinkModel | None = None,
                 key: bytes | str | None = None) -> None:
        self.folder = Path(folder)
        self._store = Store(self.folder)
        self._key = key
        stored = self._store.meta("config")
        if stored is not None and config is not None and Config.from_json(stored).to_json() != config.to_json():
            raise ValueError(f"{self.folder}: the index was built with another configuration; open it "
                             "without one (its own is used) or build a new index")
        self.config = Config.from_json(stored) if stored is not None else (config or Config())
        stored_model = self._store.meta("model")
        if stored_model is not None and model is not None:
            raise ValueError(f"{self.folder}: the index already holds its link model; use refit to change it")
        self._model = stages.model_from_json(stored_model) if stored_model is not None else model

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --- adding ---
    def add(self, ads: Ads | pd.DataFrame | str | Path, *, image_root: str | Path | None = None,
            progress: Progress | None = None) -> IndexRun:
        """Link a new batch of ads (anything `load_ads` accepts) to the index, in one transaction.

        Ads whose ad_id is already indexed are skipped; the batch is read in ad_id order, so
        the order of its rows changes nothing.
        """
        say = progress or (lambda stage: None)
        loaded = ads if isinstance(ads, Ads) else load_ads(ads, image_root=image_root)
        table = loaded.table
        known = self._store.known(table["ad_id"].astype(str).to_numpy(dtype=object))
        fresh = table[~known]
        fresh = fresh.iloc[np.argsort(fresh["ad_id"].astype(str).to_numpy(dtype=str), kind="stable")]
        fresh = fresh.reset_index(drop=True)
        say("signals")
        store = self._store
        # the phone region inferred from the first batch is kept: inferring it again for every
        # batch took 31 of 43 s of adding 2,000 text-scale ads (cProfile), and one region keeps
        # the contact keys of all batches comparable
        records, flags, region = stages.records_for(
            Ads(fresh, loaded.rejects, loaded.image_root, loaded.flags), self.config, key=self._key,
            key_dir=self.folder, region=store.meta("phone_region"))
        with store.transaction():
            batch, first = store.next_batch(), store.next_row()
            if store.meta("config") is None:
                store.set_meta("config", self.config.to_json())
            if store.meta("phone_region") is None and region is not None and len(fresh):
                store.set_meta("phone_region", region)
            rows = store.insert(records, first, batch)
            store.checkpoint("inserted")
            say("candidates")
            if self._model_is_provisional():
                affected = np.arange(first + len(rows), dtype=np.int64)
            else:
                touched = candidates.stored_candidates(store, records, first, self.config)
                affected = store.rows_sharing(touched, "person") if touched.size else np.empty(0, np.int64)
                affected = np.union1d(affected, rows)
            linkage, note = self._link(store.records(affected, self.config.text.num_perm))
            store.checkpoint("linked")
            say("persons")
            person_log = self._regroup(batch, "person", affected, linkage.person, store.ad_ids(affected))
            store.set_confidence(affected, linkage.confidence)
            store.replace_pairs("links", affected, affected[linkage.pairs], linkage.probability)
            store.replace_pairs("net_edges", affected, affected[linkage.network_edges], None)
            say("networks")
            network_rows = store.rows_sharing(affected, "network")
            edges = store.pairs_among("net_edges", network_rows)
            networks = stages.components(len(network_rows), np.searchsorted(network_rows, edges))
            network_log = self._regroup(batch, "network", network_rows, networks, store.ad_ids(network_rows))
            store.add_batch(batch, len(rows), int(known.sum()), len(loaded.rejects), len(affected) - len(rows))
            store.checkpoint("logged")
            assignments = store.assignments(rows)
        return IndexRun(batch, assignments, pd.concat([person_log[0], network_log[0]], ignore_index=True),
                        pd.concat([person_log[1], network_log[1]], ignore_index=True), loaded.rejects, flags,
                        int(known.sum()), len(affected) - len(rows), note)

    def _model_is_provisional(self) -> bool:
        """No model yet, or one fitted by EM on too few pairs (`PROVISIONAL_MODEL_PAIRS`)."""
        fitted_on = self._store.meta("model_pairs")
        return self._model is None or (fitted_on is not None and int(fitted_on) < PROVISIONAL_MODEL_PAIRS)

    def _link(self, records) -> tuple[stages.Linkage, str]:
        """Link the records with the stored model; while it is provisional, fit it again on
        these records (every stored ad) and store it."""
        provisional = self._model_is_provisional()
        linkage = stages.link(records, "em" if provisional else self._model, self.config)
        if provisional:
            self._model = linkage.model
            self._store.set_meta("model", stages.model_to_json(linkage.model))
            self._store.set_meta("model_note", linkage.model_note)
            self._store.set_meta("model_pairs", str(len(linkage.pairs)))
        elif self._store.meta("model") is None:  # a model given by the caller, kept from the first batch on
            self._store.set_meta("model", stages.model_to_json(self._model))
        return linkage, self._store.meta("model_note") or ""

    def _regroup(self, batch: int, level: str, rows: np.ndarray, labels: np.ndarray,
                 ad_ids: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Stable ids for the new groups of `rows`; writes them, the aliases and the changelog."""
        store = self._store
        old = store.group_of(rows, level)
        carried = carry_ids(old, labels, rows, store.born(old[pd.notna(old)]))
        label_id = carried.label_id.copy()
        to_mint = np.flatnonzero(pd.isna(label_id))
        oldest_row = pd.Series(rows).groupby(labels).min().to_numpy()
        to_mint = to_mint[np.argsort(oldest_row[to_mint], kind="stable")]  # older groups are born first
        label_id[to_mint] = self._unused(mint_ids(PREFIX[level], labels, ad_ids, to_mint))
        store.add_groups(label_id[to_mint].tolist(), level)
        store.set_aliases(carried.aliases)
        minted = np.zeros(label_id.size, bool)
        minted[to_mint] = True
        events, moves = changes(old, labels, label_id, minted, carried.aliases, rows)
        new_id = label_id[labels]
        differs = pd.isna(old) | (old != new_id)
        store.set_groups(rows[differs], level, new_id[differs])
        store.log(batch, level, events, moves)
        moves = moves.assign(level=level, ad_id=ad_ids[np.searchsorted(rows, moves["row"].to_numpy(np.int64))])
        return events.assign(level=level)[["level", "kind", "id", "other", "n_ads"]], \
            moves[["level", "ad_id", "old_id", "new_id"]]

    def _unused(self, ids: np.ndarray) -> np.ndarray:
        """Ids made unique against every id the index ever gave ("-2", "-3"... on a collision)."""
        taken = self._store.taken(ids.tolist())
        out = ids.copy()
        for position in np.flatnonzero(np.isin(ids, list(taken))):  # ~1 in 10 million groups
            suffix = 2
            while self._store.taken([f"{ids[position]}-{suffix}"]) or f"{ids[position]}-{suffix}" in out:
                suffix += 1
            out[position] = f"{ids[position]}-{suffix}"
        return out

    # --- reading ---
    @property
    def assignments(self) -> pd.DataFrame:
        """Every ad in the index: ad_id, person_id, network_id, confidence (sorted by ad_id)."""
        return self._store.assignments()

    @property
    def changelog(self) -> pd.DataFrame:
        """Every event of every addition: batch, level, kind, id, other, n_ads."""
        return self._store.frame("SELECT * FROM changelog ORDER BY rowid")

    @property
    def moves(self) -> pd.DataFrame:
        """Every stored ad whose person or network id changed: batch, level, ad_id, old_id, new_id."""
        return self._store.frame("SELECT moves.batch, level, ad_id, old_id, new_id FROM moves"
                                 " JOIN ads USING(row) ORDER BY moves.rowid")

    @property
    def batches(self) -> pd.DataFrame:
        return self._store.frame("SELECT * FROM batches ORDER BY batch")

    def resolve(self, person_ids: list[str]) -> dict[str, str]:
        """Each id's current id: itself, or the person (network) it was merged into."""
        return self._store.resolve(list(person_ids))

    def _ads_over_time(self) -> pd.DataFrame:
        return self._store.frame("SELECT ad_id, person AS person_id, network AS network_id, site, city, posted_at"
                                 " FROM ads ORDER BY row")

    def persons(self, as_of: str | pd.Timestamp | None = None) -> pd.DataFrame:
        """One row per person seen in an ad posted on or before `as_of` (all when None)."""
        return history.persons_as_of(self._ads_over_time(), as_of)

    def weekly(self) -> pd.DataFrame:
        """Per week (Monday): persons active, new (first ad that week), departed (no ad after the week before)."""
        return history.weekly_counts(self._ads_over_time())

    def capture_recapture(self, weeks: int | None = None, **kwargs: Any) -> Estimate:
        """Persons including those seen in no week, capture–recapture with weeks as lists
        (the last `weeks` weeks; options go to `adcount.capture_recapture`)."""
        return history.weeks_capture_recapture(self._ads_over_time(), weeks, **kwargs)

    def refit(self) -> RefitReport:
        """Fit the link model again on every ad and say how many ads would change person; the
        index (ids, model) is left as it is."""
        store = self._store
        rows = store.frame("SELECT row FROM ads ORDER BY row")["row"].to_numpy(np.int64)
        linkage = stages.link(store.records(rows, self.config.text.num_perm), "em", self.config)
        old = store.group_of(rows, "person")
        carried = carry_ids(old, linkage.person, rows, store.born(old[pd.notna(old)]))
        would = carried.label_id[linkage.person]
        changing = int((pd.isna(would) | (would != old)).sum())
        return RefitReport(linkage.model, len(rows), changing, len(set(old.tolist())),
                           int(linkage.person.max()) + 1 if rows.size else 0, linkage.model_note)

    def result(self):
        """A `DedupResult` view of the whole index (stable ids), for the report and estimates."""
        store = self._store
        rows = store.frame("SELECT row FROM ads ORDER BY row")["row"].to_numpy(np.int64)
        records = store.records(rows, self.config.text.num_perm)
        linkage = stages.link(records, self._model if self._model is not None else "em", self.config)
        return index_result(records, linkage, store.group_of(rows, "person"), store.group_of(rows, "network"),
                            self.config)

"""Reading and writing the index's tables as whole arrays (no stage internals here).

Rows are the index's own ad numbers (0, 1, ... in the order ads were added; inside one batch in
`ad_id` order), so "the oldest ad" is the smallest row. Sets of rows or keys are passed to SQLite
through temporary tables and joins, never as one statement per ad.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from adcount.index.records import AD_COLUMNS, AdRecords, PhotoLayout
from adcount.index.schema import connect

KILL_ENV = "ADCOUNT_INDEX_KILL_AT"  # crash tests only: "step:N", "commit:MICROSECONDS" or "point:NAME"
KILL_STEP_OPCODES = 10  # SQLite virtual-machine steps between two looks at "step:N"


class Store:
    """The tables of one index folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.conn = connect(folder)
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS chosen(row INTEGER PRIMARY KEY)")
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(value PRIMARY KEY)")
        self._kill_at = os.environ.get(KILL_ENV, "")

    def close(self) -> None:
        self.conn.close()

    # --- transactions and the crash-test hook ---
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One `BEGIN IMMEDIATE` ... `COMMIT`: all of it lands, or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        if self._kill_at.startswith("step:"):
            calls = iter(range(int(self._kill_at[5:])))
            self.conn.set_progress_handler(lambda: next(calls, None) is None and _kill(), KILL_STEP_OPCODES)
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self.conn.set_progress_handler(None, 0)
        if self._kill_at.startswith("commit:"):
            threading.Timer(int(self._kill_at[7:]) / 1e6, _kill).start()
        self.conn.execute("COMMIT")

    def checkpoint(self, name: str) -> None:
        """Crash tests: die here when the kill point names this place."""
        if self._kill_at == f"point:{name}":
            _kill()

    # --- meta ---
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (key, value))

    def photo_layout(self) -> PhotoLayout | None:
        text = self.meta("photo_layout")
        return PhotoLayout.from_dict(json.loads(text)) if text else None

    # --- ads ---
    def n_ads(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM ads").fetchone()[0])

    def next_row(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(row) + 1, 0) FROM ads").fetchone()[0])

    def next_batch(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(batch) + 1, 1) FROM batches").fetchone()[0])

    def known(self, ad_ids: np.ndarray) -> np.ndarray:
        """Per ad_id: already in the index."""
        self._fill("wanted", ad_ids)
        found = {r[0] for r in self.conn.execute("SELECT ad_id FROM ads JOIN wanted ON ads.ad_id = wanted.value")}
        return np.fromiter((a in found for a in ad_ids), dtype=bool, count=len(ad_ids))

    def insert(self, records: AdRecords, first_row: int, batch: int) -> np.ndarray:
        """Write new ads' records as rows first_row...; returns their rows."""
        table = records.table
        rows = first_row + np.arange(len(table), dtype=np.int64)
        values = table[list(AD_COLUMNS)].astype(object).where(table[list(AD_COLUMNS)].notna(), None)
        values["usable"] = table["usable"].astype(int)
        values["photo_count"] = table["photo_count"].astype(int)
        signatures = [s.tobytes() for s in records.signatures]
        self.conn.executemany(
            f"INSERT INTO ads(row, batch, {', '.join(AD_COLUMNS)}, signature) VALUES({', '.join('?' * (len(AD_COLUMNS) + 3))})",
            ((int(r), batch, *v, s) for r, v, s in zip(rows, values.itertuples(index=False), signatures)))
        usable = table["usable"].to_numpy(bool)
        keys = records.band_keys[usable].view(np.int64)
        key_rows = np.repeat(rows[usable], keys.shape[1])
        self.conn.executemany("INSERT OR IGNORE INTO bands VALUES(?, ?)", zip(keys.ravel().tolist(), key_rows.tolist()))
        contacts = records.contacts
        self.conn.executemany("INSERT OR IGNORE INTO contacts VALUES(?, ?, ?)", zip(
            contacts["label"].tolist(), rows[contacts["row"].to_numpy(np.int64)].tolist(), contacts["kind"].tolist()))
        slots = _position_in_run(records.photo_rows)
        self.conn.executemany("INSERT INTO photos VALUES(?, ?, ?, ?)", zip(
            rows[records.photo_rows].tolist(), slots.tolist(), records.photo_ok.astype(int).tolist(),
            [h.tobytes() for h in records.photo_hashes]))
        if records.photo_layout is not None and self.meta("photo_layout") is None:
            self.set_meta("photo_layout", json.dumps(records.photo_layout.to_dict()))
        return rows

    def records(self, rows: np.ndarray, num_perm: int) -> AdRecords:
        """The stored records of `rows` (sorted ascending), record row t = rows[t]."""
        rows = np.asarray(rows, np.int64)
        self._fill("chosen", rows)
        found = self.conn.execute(
            f"SELECT {', '.join(AD_COLUMNS)}, signature FROM ads JOIN chosen USING(row) ORDER BY row").fetchall()
        frame = pd.DataFrame([r[:-1] for r in found], columns=list(AD_COLUMNS))
        for column in ("day", "age"):
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
        frame["usable"] = frame["usable"].astype(bool)
        frame["photo_count"] = frame["photo_count"].astype(np.int64)
        for column in ("site", "city", "region", "posted_at", "gender", "nationality", "normalised"):
            frame[column] = frame[column].fillna("").astype(object)
        signatures = np.frombuffer(b"".join(r[-1] for r in found), dtype=np.uint32).reshape(len(found), num_perm)
        contacts = pd.DataFrame(self.conn.execute(
            "SELECT row, kind, label FROM contacts JOIN chosen USING(row) ORDER BY row, kind, label").fetchall(),
            columns=["row", "kind", "label"])
        contacts["row"] = np.searchsorted(rows, contacts["row"].to_numpy(np.int64))
        photos = self.conn.execute("SELECT row, ok, hashes FROM photos JOIN chosen USING(row) ORDER BY row, slot").fetchall()
        layout = self.photo_layout()
        width = len(layout.columns) if layout else 1
        photo_rows = np.searchsorted(rows, np.array([p[0] for p in photos], np.int64))
        hashes = np.frombuffer(b"".join(p[2] for p in photos), dtype=np.uint64).reshape(len(photos), width)
        ok = np.array([bool(p[1]) for p in photos], bool)
        return AdRecords(frame, signatures, np.zeros((len(rows), 0), np.uint64), contacts, photo_rows.astype(np.int64),
                         hashes, ok, layout)

    def ad_ids(self, rows: np.ndarray) -> np.ndarray:
        self._fill("chosen", rows)
        return np.array([r[0] for r in self.conn.execute("SELECT ad_id FROM ads JOIN chosen USING(row) ORDER BY row")],
                        dtype=object)

    def assignments(self, rows: np.ndarray | None = None) -> pd.DataFrame:
        """ad_id, person_id, network_id, confidence of `rows` (every ad when None), by ad_id."""
        query = "SELECT ad_id, person AS person_id, network AS network_id, confidence FROM ads"
        if rows is not None:
            self._fill("chosen", rows)
            query += " JOIN chosen USING(row)"
        return self.frame(query + " ORDER BY ad_id")

    def signatures(self, rows: np.ndarray, num_perm: int) -> np.ndarray:
        self._fill("chosen", rows)
        found = self.conn.execute("SELECT signature FROM ads JOIN chosen USING(row) ORDER BY row").fetchall()
        return np.frombuffer(b"".join(r[0] for r in found), dtype=np.uint32).reshape(len(found), num_perm)

    # --- candidates ---
    def band_hits(self, keys: np.ndarray, before: int) -> pd.DataFrame:
        """(key, row) of stored ads older than `before` holding one of these band keys."""
        self._fill("wanted", np.unique(keys.view(np.int64)).tolist())
        found = self.conn.execute("SELECT bands.key, bands.row FROM bands JOIN wanted ON bands.key = wanted.value"
                                  " WHERE bands.row < ?", (before,)).fetchall()
        frame = pd.DataFrame(found, columns=["key", "row"], dtype=np.int64)
        return frame

    def contact_hits(self, labels: list[str], before: int) -> np.ndarray:
        """Rows of stored ads older than `before` sharing one of these contact labels."""
        self._fill("wanted", sorted(set(labels)))
        found = self.conn.execute("SELECT DISTINCT contacts.row FROM contacts JOIN wanted ON contacts.label = wanted.value"
                                  " WHERE contacts.row < ?", (before,)).fetchall()
        return np.array([r[0] for r in found], np.int64)

    def photo_hashes(self, before: int) -> tuple[np.ndarray, np.ndarray]:
        """Hash rows and ad rows of every hashed photo of ads older than `before`."""
        layout = self.photo_layout()
        found = self.conn.execute("SELECT row, hashes FROM photos WHERE ok = 1 AND row < ? ORDER BY row, slot",
                                  (before,)).fetchall()
        width = len(layout.columns) if layout else 1
        hashes = np.frombuffer(b"".join(r[1] for r in found), dtype=np.uint64).reshape(len(found), width)
        return hashes, np.array([r[0] for r in found], np.int64)

    # --- groups ---
    def rows_sharing(self, rows: np.ndarray, level: str) -> np.ndarray:
        """Every row of the persons (level "person") or networks ("network") of `rows`, sorted."""
        self._fill("chosen", rows)
        found = self.conn.execute(
            f"SELECT row FROM ads WHERE {level} IN (SELECT {level} FROM ads JOIN chosen USING(row)) ORDER BY row"
        ).fetchall()
        return np.union1d(np.array([r[0] for r in found], np.int64), rows)

    def group_of(self, rows: np.ndarray, level: str) -> np.ndarray:
        """Current id of each row's person or network (None for rows not linked yet), rows sorted."""
        self._fill("chosen", rows)
        found = self.conn.execute(f"SELECT {level} FROM ads JOIN chosen USING(row) ORDER BY row").fetchall()
        return np.array([r[0] for r in found], dtype=object)

    def set_groups(self, rows: np.ndarray, level: str, ids: np.ndarray) -> None:
        self.conn.executemany(f"UPDATE ads SET {level} = ? WHERE row = ?", zip(ids.tolist(), np.asarray(rows).tolist()))

    def set_confidence(self, rows: np.ndarray, confidence: np.ndarray) -> None:
        self.conn.executemany("UPDATE ads SET confidence = ? WHERE row = ?",
                              zip(np.round(confidence, 6).tolist(), np.asarray(rows).tolist()))

    def born(self, ids: np.ndarray) -> pd.Series:
        """Minting order of these ids."""
        self._fill("wanted", sorted(set(ids.tolist())))
        found = self.conn.execute("SELECT id, born FROM groups JOIN wanted ON groups.id = wanted.value").fetchall()
        return pd.Series({i: b for i, b in found}, dtype=np.int64)

    def taken(self, ids: list[str]) -> set[str]:
        self._fill("wanted", ids)
        return {r[0] for r in self.conn.execute("SELECT id FROM groups JOIN wanted ON groups.id = wanted.value")}

    def add_groups(self, ids: list[str], level: str) -> None:
        start = int(self.conn.execute("SELECT COALESCE(MAX(born) + 1, 0) FROM groups").fetchone()[0])
        self.conn.executemany("INSERT INTO groups VALUES(?, ?, ?, NULL)",
                              ((i, level, start + k) for k, i in enumerate(ids)))

    def set_aliases(self, aliases: pd.DataFrame) -> None:
        """aliases: id, alias_of (the id that absorbed it); earlier aliases of `id` follow it."""
        pairs = list(zip(aliases["alias_of"].tolist(), aliases["id"].tolist()))
        self.conn.executemany("UPDATE groups SET alias_of = ? WHERE id = ? ", pairs)
        self.conn.executemany("UPDATE groups SET alias_of = ? WHERE alias_of = ?", pairs)

    def resolve(self, ids: list[str]) -> dict[str, str]:
        """Each given id's current id (itself, or the id it was merged into)."""
        self._fill("wanted", ids)
        found = dict(self.conn.execute("SELECT id, COALESCE(alias_of, id) FROM groups JOIN wanted ON id = wanted.value"))
        return {i: found.get(i, i) for i in ids}

    # --- links and network edges ---
    def replace_pairs(self, table: str, rows: np.ndarray, pairs: np.ndarray, probability: np.ndarray | None) -> None:
        """Drop `table`'s pairs with both ends in `rows`, then store `pairs` (index rows)."""
        self.conn.executemany(f"DELETE FROM {table} WHERE a = ? AND b = ?", self.pairs_among(table, rows).tolist())
        if probability is None:
            self.conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES(?, ?)", pairs.tolist())
        else:
            self.conn.executemany(f"INSERT INTO {table} VALUES(?, ?, ?)",
                                  zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), np.round(probability, 6).tolist()))

    def pairs_among(self, table: str, rows: np.ndarray) -> np.ndarray:
        """`table`'s pairs with both ends in `rows` (index rows)."""
        self._fill("chosen", rows)
        found = self.conn.execute(f"SELECT a, b FROM chosen CROSS JOIN {table} ON {table}.a = chosen.row").fetchall()
        pairs = np.array(found, np.int64).reshape(-1, 2)
        return pairs[np.isin(pairs[:, 1], rows)]

    def links(self) -> tuple[np.ndarray, np.ndarray]:
        found = self.conn.execute("SELECT a, b, probability FROM links ORDER BY a, b").fetchall()
        pairs = np.array([r[:2] for r in found], np.int64).reshape(-1, 2)
        return pairs, np.array([r[2] for r in found], float)

    # --- history ---
    def log(self, batch: int, level: str, events: pd.DataFrame, moves: pd.DataFrame) -> None:
        self.conn.executemany("INSERT INTO changelog VALUES(?, ?, ?, ?, ?, ?)", (
            (batch, level, e.kind, e.id, e.other, int(e.n_ads)) for e in events.itertuples(index=False)))
        self.conn.executemany("INSERT INTO moves VALUES(?, ?, ?, ?, ?)", (
            (batch, level, int(m.row), m.old_id, m.new_id) for m in moves.itertuples(index=False)))

    def add_batch(self, batch: int, n_new: int, n_known: int, n_rejected: int, n_relinked: int) -> None:
        self.conn.execute("INSERT INTO batches VALUES(?, ?, ?, ?, ?)", (batch, n_new, n_known, n_rejected, n_relinked))

    def frame(self, query: str, params: tuple = ()) -> pd.DataFrame:
        """Any read query as a DataFrame (column names from the query)."""
        cursor = self.conn.execute(query, params)
        return pd.DataFrame(cursor.fetchall(), columns=[d[0] for d in cursor.description])

    def _fill(self, temp: str, values) -> None:
        """Replace the rows of a temporary table (`chosen`: rows, `wanted`: keys or ids)."""
        self.conn.execute(f"DELETE FROM {temp}")
        values = np.asarray(values).tolist() if isinstance(values, np.ndarray) else list(values)
        column = "row" if temp == "chosen" else "value"
        self.conn.executemany(f"INSERT OR IGNORE INTO {temp}({column}) VALUES(?)", ((v,) for v in values))


def _position_in_run(owner: np.ndarray) -> np.ndarray:
    """Each photo's position among its ad's photos (owner sorted)."""
    if owner.size == 0:
        return owner.astype(np.int64)
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    return np.arange(owner.size) - np.repeat(starts, np.diff(np.r_[starts, owner.size]))


def _kill() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


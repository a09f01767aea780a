"""The index's SQLite schema, its version, and the migrations between versions.

One file `index.sqlite` in the index folder, in WAL mode: one writer at a time (each `add` is
one `BEGIN IMMEDIATE` transaction), readers see the last committed state while it runs. The
schema version is kept in `meta`; opening an index of an older version runs the registered
migrations in one transaction, a version with no migration path or a newer one is an
`IndexVersionError` that says what to do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

SCHEMA_VERSION = 1
DB_FILE = "index.sqlite"
BUSY_TIMEOUT_S = 60.0  # a second writer waits this long for the first one's transaction

TABLES = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # one row per ad: what linkage reads again, and its current person and network
    "CREATE TABLE ads(row INTEGER PRIMARY KEY, ad_id TEXT NOT NULL UNIQUE, batch INTEGER NOT NULL,"
    " site TEXT, city TEXT, region TEXT, posted_at TEXT, day REAL, age REAL, gender TEXT,"
    " nationality TEXT, normalised TEXT, usable INTEGER, photo_count INTEGER, signature BLOB,"
    " person TEXT, network TEXT, confidence REAL)",
    "CREATE INDEX ads_person ON ads(person)",
    "CREATE INDEX ads_network ON ads(network)",
    "CREATE TABLE bands(key INTEGER NOT NULL, row INTEGER NOT NULL, PRIMARY KEY(key, row)) WITHOUT ROWID",
    "CREATE TABLE contacts(label TEXT NOT NULL, row INTEGER NOT NULL, kind TEXT NOT NULL,"
    " PRIMARY KEY(label, row)) WITHOUT ROWID",
    "CREATE TABLE photos(row INTEGER NOT NULL, slot INTEGER NOT NULL, ok INTEGER NOT NULL, hashes BLOB,"
    " PRIMARY KEY(row, slot)) WITHOUT ROWID",
    "CREATE TABLE links(a INTEGER NOT NULL, b INTEGER NOT NULL, probability REAL NOT NULL,"
    " PRIMARY KEY(a, b)) WITHOUT ROWID",
    "CREATE INDEX links_b ON links(b)",
    "CREATE TABLE net_edges(a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID",
    "CREATE INDEX net_edges_b ON net_edges(b)",
    # every person or network id ever given: when (born: minting order) and whose alias it became
    "CREATE TABLE groups(id TEXT PRIMARY KEY, level TEXT NOT NULL, born INTEGER NOT NULL, alias_of TEXT)",
    "CREATE TABLE changelog(batch INTEGER NOT NULL, level TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,"
    " other TEXT, n_ads INTEGER NOT NULL)",
    "CREATE TABLE moves(batch INTEGER NOT NULL, level TEXT NOT NULL, row INTEGER NOT NULL, old_id TEXT NOT NULL,"
    " new_id TEXT NOT NULL)",
    "CREATE TABLE batches(batch INTEGER PRIMARY KEY, n_new INTEGER NOT NULL, n_known INTEGER NOT NULL,"
    " n_rejected INTEGER NOT NULL, n_relinked INTEGER NOT NULL)",
)

# version v -> the function that turns a v index into a v + 1 one (inside one transaction)
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


class IndexVersionError(RuntimeError):
    """The index on disk has a schema this adcount cannot read or migrate."""


def connect(folder: Path) -> sqlite3.Connection:
    """Open (creating if needed) the index database of `folder`, in WAL mode, schema current."""
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / DB_FILE, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # a committed add survives a power cut, not only a kill
    _ensure_schema(conn, folder)
    return conn


def _ensure_schema(conn: sqlite3.Connection, folder: Path) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if not has_meta:
            for statement in TABLES:
                conn.execute(statement)
            conn.execute("INSERT INTO meta VALUES('schema_version', ?)", (str(SCHEMA_VERSION),))
        else:
            _migrate(conn, folder, schema_version(conn))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def _migrate(conn: sqlite3.Connection, folder: Path, found: int) -> None:
    if found > SCHEMA_VERSION:
        raise IndexVersionError(
            f"{folder}: index schema version {found} was written by a newer adcount; this adcount reads "
            f"version {SCHEMA_VERSION}: upgrade adcount to open it")
    for version in range(found, SCHEMA_VERSION):
        if version not in MIGRATIONS:
            raise IndexVersionError(
                f"{folder}: index schema version {found} cannot be migrated to version {SCHEMA_VERSION} "
                f"(no migration from version {version}); re-build the index by adding the ad files again "
                "into a new folder")
        MIGRATIONS[version](conn)
        conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(version + 1),))

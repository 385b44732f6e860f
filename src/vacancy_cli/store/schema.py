"""The calls database: its tables, its migrations, and opening it safely (ours, current, WAL)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import DatabaseError
from ..timeleft import closing_moment

APPLICATION_ID = 0x56434C53  # "VCLS" in the file header: this SQLite file is a vacancy store
SCHEMA_VERSION = 2
BUSY_MS = 30_000  # a second writer waits this long for the first one's transaction

V1_TABLES = [
    """CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)""",
    """CREATE TABLE syncs (
        id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, roots TEXT NOT NULL,
        new INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE calls (
        id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, institution TEXT, reference TEXT, dg TEXT,
        directorate TEXT, units TEXT, job_title TEXT, staff_category TEXT, contract_type TEXT,
        function_group TEXT, grade TEXT, deadline TEXT, places TEXT, number_of_posts INTEGER,
        version INTEGER NOT NULL, latest_version_id INTEGER REFERENCES versions(id),
        first_sync_id INTEGER NOT NULL REFERENCES syncs(id), changed_sync_id INTEGER REFERENCES syncs(id),
        removed_sync_id INTEGER REFERENCES syncs(id))""",
    """CREATE TABLE versions (
        id INTEGER PRIMARY KEY, call_id INTEGER NOT NULL REFERENCES calls(id), number INTEGER NOT NULL,
        sha256 TEXT NOT NULL, path TEXT NOT NULL, sync_id INTEGER NOT NULL REFERENCES syncs(id),
        record TEXT NOT NULL, UNIQUE (call_id, number))""",
    """CREATE TABLE changes (
        id INTEGER PRIMARY KEY, call_id INTEGER NOT NULL REFERENCES calls(id),
        version_id INTEGER NOT NULL REFERENCES versions(id), sync_id INTEGER NOT NULL REFERENCES syncs(id),
        field TEXT NOT NULL, old TEXT, new TEXT)""",
    """CREATE TABLE files (
        path TEXT PRIMARY KEY, sha256 TEXT, size INTEGER, status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        call_id INTEGER REFERENCES calls(id), version_id INTEGER REFERENCES versions(id),
        sync_id INTEGER NOT NULL REFERENCES syncs(id))""",
    """CREATE TABLE errors (
        path TEXT PRIMARY KEY, sha256 TEXT, code INTEGER NOT NULL, name TEXT NOT NULL, message TEXT NOT NULL,
        attempts INTEGER NOT NULL, first_sync_id INTEGER NOT NULL REFERENCES syncs(id),
        last_sync_id INTEGER NOT NULL REFERENCES syncs(id))""",
    "CREATE INDEX files_sha256 ON files (sha256)",
    "CREATE INDEX files_call ON files (call_id)",
    "CREATE INDEX calls_institution ON calls (institution COLLATE NOCASE)",
    "CREATE INDEX calls_first_sync ON calls (first_sync_id)",
    "CREATE INDEX calls_removed_sync ON calls (removed_sync_id) WHERE removed_sync_id IS NOT NULL",
    "CREATE INDEX versions_sync ON versions (sync_id)",
    "CREATE INDEX changes_version ON changes (version_id)",
]

FTS_TABLE = (
    "CREATE VIRTUAL TABLE calls_fts USING fts5"
    "(job_title, institution, dg, units, tokenize = 'unicode61 remove_diacritics 2')"
)


def utc_text(moment: dt.datetime) -> str:
    """A moment as sortable UTC text, the form of every time stored (`2026-05-14T10:00:00Z`)."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def closes_text(deadline: str | None) -> str | None:
    """The last moment to apply, as stored in `calls.closes` (a date alone: end of day, Brussels)."""
    try:
        moment = closing_moment(deadline)
    except ValueError:
        return None
    return utc_text(moment) if moment else None


def _v1(conn: sqlite3.Connection) -> None:
    """The first layout: files, calls, versions, changes, errors, syncs."""
    for statement in V1_TABLES:
        conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    """`calls.closes`: the deadline as a UTC moment, indexed, so --open/--closed/--within are range scans."""
    conn.execute("ALTER TABLE calls ADD COLUMN closes TEXT")
    rows = conn.execute("SELECT id, deadline FROM calls WHERE deadline IS NOT NULL").fetchall()
    conn.executemany("UPDATE calls SET closes = ? WHERE id = ?", [(closes_text(d), i) for i, d in rows])
    conn.execute("CREATE INDEX calls_closes ON calls (closes)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]  # MIGRATIONS[n] upgrades version n to n + 1


def describe(exc: sqlite3.Error) -> str:
    """One plain sentence for an SQLite failure."""
    text = str(exc)
    if "not a database" in text:
        return "not a vacancy database (not an SQLite file, or an encrypted one)"
    if "malformed" in text or "corrupt" in text:
        return f"the database is corrupt ({text}); restore a backup or sync into a new file"
    if "readonly" in text or "read-only" in text:
        return "the database is read-only (check the file's and its folder's permissions)"
    if "locked" in text or "busy" in text:
        return f"the database is locked by another process (waited {BUSY_MS // 1000} s); try again later"
    if "unable to open" in text:
        return "cannot open the database (missing folder or no permission)"
    return f"database error: {text}"


@contextlib.contextmanager
def database_errors(path: Path) -> Iterator[None]:
    """Turn any SQLite failure into one DatabaseError line naming the database."""
    try:
        yield
    except sqlite3.Error as exc:
        raise DatabaseError(describe(exc), str(path)) from None


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE (take the write lock now, waiting up to BUSY_MS), COMMIT, or ROLLBACK on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def has_fts(conn: sqlite3.Connection) -> bool:
    """Whether the full-text index exists in this database."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'calls_fts'").fetchone() is not None


def open_store(path: Path, *, create: bool) -> sqlite3.Connection:
    """Open (with `create`: make) the calls database; upgrade an older one after a backup copy.

    Raises DatabaseError for a missing database (without `create`), a file that is not a vacancy
    database, a database from a newer vacancy, a corrupt or read-only one.
    """
    if not create and not path.exists():
        raise DatabaseError("no such database (make it with `vacancy sync FOLDER --db FILE`)", str(path))
    if path.is_dir():
        raise DatabaseError("is a directory, not a database file", str(path))
    with database_errors(path):
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        owner = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if owner != APPLICATION_ID and not create and not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise DatabaseError("an empty file, not a vacancy database (make one with `vacancy sync FOLDER --db FILE`)",
                                str(path))
        if owner != APPLICATION_ID:
            _claim_empty(conn, path)  # a database of another program is refused there
        elif version > SCHEMA_VERSION:
            raise DatabaseError(f"made by a newer vacancy (schema {version}; this one knows {SCHEMA_VERSION})", str(path))
        elif version < SCHEMA_VERSION:
            _upgrade(conn, path, version)
        if create and not has_fts(conn):
            _add_fts(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL: a commit survives a crash of the process, not of the OS
    return conn


def _claim_empty(conn: sqlite3.Connection, path: Path) -> None:
    """Make an empty database a vacancy store; refuse one that holds another program's tables.

    The check and the tables are one write transaction, so of two syncs that start on a new file
    one makes the store and the other, having waited, finds it made.
    """
    with transaction(conn):
        if conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            return  # another sync made it while we waited
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise DatabaseError("not a vacancy database (an SQLite database of another program); choose another --db",
                                str(path))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _migrate(conn, 0)
    _wal(conn)


def _wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL (persistent: readers never block the writer); another connection may hold the file a moment."""
    for _ in range(BUSY_MS // 50):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(0.05)
    conn.execute("PRAGMA journal_mode = WAL")


def _upgrade(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Copy the database beside itself (`NAME.vN.bak`), then run the missing migrations in one transaction."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    with contextlib.closing(sqlite3.connect(backup)) as copy:
        conn.backup(copy)
    with transaction(conn):
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        _migrate(conn, current)


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Run MIGRATIONS[version:] (inside the caller's transaction) and record each one."""
    applied = utc_text(dt.datetime.now(dt.timezone.utc))
    for number in range(version, SCHEMA_VERSION):
        MIGRATIONS[number](conn)
        conn.execute("INSERT INTO schema_version (version, applied) VALUES (?, ?)", (number + 1, applied))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _add_fts(conn: sqlite3.Connection) -> None:
    """The full-text index over title, institution, DG and units, filled, when this SQLite has FTS5
    (checked again inside the transaction: another sync may have made it while we waited)."""
    try:
        with transaction(conn):
            if has_fts(conn):
                return
            conn.execute(FTS_TABLE)
            conn.execute("INSERT INTO calls_fts (rowid, job_title, institution, dg, units)"
                         " SELECT id, job_title, institution, dg, units FROM calls")
    except sqlite3.OperationalError as exc:
        if "fts5" not in str(exc):
            raise

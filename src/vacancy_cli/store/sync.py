"""Writing a sync: which files need parsing, each file's result in its own transaction, what was removed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..diff import diff_records
from .schema import closes_text, has_fts, transaction, utc_text

CHUNK = 1 << 20


@dataclass
class Event:
    """What one file (or one call, for `removed`) did to the store: new, changed, unchanged, failed, removed."""

    kind: str
    path: str
    reference: str | None = None
    institution: str | None = None
    job_title: str | None = None
    version: int | None = None
    changes: list[dict[str, Any]] = field(default_factory=list)
    error: dict[str, Any] | None = None
    warning: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data (empty parts left out)."""
        data: dict[str, Any] = {"event": self.kind, "path": self.path, "reference": self.reference,
                                "institution": self.institution, "job_title": self.job_title, "version": self.version}
        if self.changes:
            data["changes"] = self.changes
        if self.error:
            data["error"] = self.error
        if self.warning:
            data["warning"] = self.warning
        return data


def file_hash(path: str) -> str | None:
    """sha256 of a file's bytes; None when it cannot be read (the parser then reports why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def call_key(record: dict[str, Any], sha256: str) -> tuple[str, str | None]:
    """The identity of a record's call (institution and reference) and a warning when it has no reference."""
    reference = (record.get("reference") or "").strip()
    if not reference:
        return f"sha256:{sha256}", "no reference: the call is identified by the file's content hash"
    return f"{record.get('institution') or ''}|{reference}", None


def _columns(record: dict[str, Any]) -> dict[str, Any]:
    """The typed columns of `calls` from a record."""
    return {
        "institution": record.get("institution"), "reference": record.get("reference"), "dg": record.get("dg"),
        "directorate": record.get("directorate"), "units": " ".join(record.get("units") or []) or None,
        "job_title": record.get("job_title"), "staff_category": record.get("staff_category"),
        "contract_type": record.get("contract_type"), "function_group": record.get("function_group"),
        "grade": record.get("grade"), "deadline": record.get("deadline"),
        "places": "; ".join(record.get("place_of_employment") or []) or None,
        "number_of_posts": record.get("number_of_posts"), "closes": closes_text(record.get("deadline")),
    }


class Sync:
    """One run of `vacancy sync` on an open store."""

    def __init__(self, conn: sqlite3.Connection, roots: list[str]) -> None:
        self.conn = conn
        self.roots = [stored_path(os.path.abspath(r)) for r in roots if os.path.isdir(r)]
        self.real: dict[str, str] = {}  # a file's stored path -> its path on disk (they differ in odd names)
        self.counts: Counter[str] = Counter()
        self.fts = has_fts(conn)
        self.seen: set[str] = set()
        self.left: dict[int, str] = {}  # calls a file of this sync moved away from (its reference changed)
        with transaction(conn):
            cursor = conn.execute("INSERT INTO syncs (started, roots) VALUES (?, ?)",
                                  (utc_text(dt.datetime.now(dt.timezone.utc)), json.dumps([stored_path(r) for r in roots], ensure_ascii=False)))
        assert cursor.lastrowid is not None
        self.id: int = cursor.lastrowid

    def plan(self, paths: list[str]) -> list[tuple[str, str | None]]:
        """(absolute path, sha256) of the files to parse: new, changed or failed before; the rest count unchanged.

        A file whose bytes are stored already under another path (moved, renamed, copied) is not parsed:
        its path is recorded with the version those bytes gave.
        """
        known: dict[str, str] = {}
        stored: dict[str, tuple[int, int]] = {}
        for path, sha, call_id, version_id in self.conn.execute(
                "SELECT path, sha256, call_id, version_id FROM files WHERE status = 'ok'"):
            known[path] = sha
            stored[sha] = (call_id, version_id)
        todo: list[tuple[str, str | None]] = []
        moved: list[tuple[str, str]] = []
        self.real = {stored_path(real): real for real in (os.path.abspath(p) for p in paths)}
        self.seen = set(self.real)
        for path, real in self.real.items():
            sha = file_hash(real)
            if sha is None or (known.get(path) != sha and sha not in stored):
                todo.append((real, sha))
                continue
            self.counts["unchanged"] += 1
            if known.get(path) != sha:
                moved.append((path, sha))
        if moved:
            with transaction(self.conn):
                for path, sha in moved:
                    self._point(path, sha, *stored[sha])
        return todo

    def store(self, path: str, sha: str | None, record: str | None, error: dict[str, Any] | None) -> Event:
        """Write one file's result (a record as JSON text, or an error) in one transaction."""
        path = stored_path(path)
        with transaction(self.conn):
            if error is not None or record is None or sha is None:
                event = self._failed(path, sha, error or {"code": 3, "name": "INPUT_ERROR", "message": "cannot be read"})
            else:
                event = self._stored(path, sha, json.loads(record))
        self.counts[event.kind] += 1
        return event

    def _failed(self, path: str, sha: str | None, error: dict[str, Any]) -> Event:
        self.conn.execute(
            "INSERT INTO files (path, sha256, size, status, sync_id) VALUES (?, ?, NULL, 'failed', ?)"
            " ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, status = 'failed',"
            " sync_id = excluded.sync_id", (path, sha, self.id))  # the call it gave before stays, as last read
        self.conn.execute(
            "INSERT INTO errors (path, sha256, code, name, message, attempts, first_sync_id, last_sync_id)"
            " VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256,"
            " code = excluded.code, name = excluded.name, message = excluded.message, attempts = attempts + 1,"
            " last_sync_id = excluded.last_sync_id",
            (path, sha, error["code"], error["name"], error["message"], self.id, self.id))
        return Event("failed", path, error=error)

    def _stored(self, path: str, sha: str, record: dict[str, Any]) -> Event:
        done = self.conn.execute("SELECT call_id, version_id FROM files WHERE sha256 = ? AND status = 'ok'"
                                 " AND call_id IS NOT NULL", (sha,)).fetchone()
        if done:  # the same bytes stored already (a concurrent sync stored them while this one was parsing)
            self._point(path, sha, *done)
            return Event("unchanged", path, record.get("reference"), record.get("institution"), record.get("job_title"))
        key, warning = call_key(record, sha)
        row = self.conn.execute("SELECT id, version, latest_version_id FROM calls WHERE key = ?", (key,)).fetchone()
        if row is None:
            call_id, version_id = self._new_call(key, path, sha, record)
            event = Event("new", path, version=1, warning=warning)
        else:
            call_id, number, latest = row
            old = json.loads(self.conn.execute("SELECT record FROM versions WHERE id = ?", (latest,)).fetchone()[0])
            changes = diff_records(old, record)
            if changes:
                version_id = self._new_version(call_id, number + 1, path, sha, record, changes)
                event = Event("changed", path, version=number + 1, warning=warning,
                              changes=[{"field": c.field, "old": c.old, "new": c.new} for c in changes])
            else:
                version_id = latest
                event = Event("unchanged", path, version=number, warning=warning)
            self.conn.execute("UPDATE calls SET removed_sync_id = NULL WHERE id = ?", (call_id,))
        self._point(path, sha, call_id, version_id)
        event.reference, event.institution = record.get("reference"), record.get("institution")
        event.job_title = record.get("job_title")
        return event

    def _point(self, path: str, sha: str, call_id: int, version_id: int) -> None:
        """Record the file at `path` as holding this version of this call (a call it held before may be left)."""
        before = self.conn.execute("SELECT call_id FROM files WHERE path = ?", (path,)).fetchone()
        if before and before[0] is not None and before[0] != call_id:
            self.left.setdefault(before[0], path)
        self.conn.execute(
            "INSERT INTO files (path, sha256, size, status, call_id, version_id, sync_id) VALUES (?, ?, ?, 'ok', ?, ?, ?)"
            " ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, status = 'ok',"
            " call_id = excluded.call_id, version_id = excluded.version_id, sync_id = excluded.sync_id",
            (path, sha, _size(self.real.get(path, path)), call_id, version_id, self.id))
        self.conn.execute("DELETE FROM errors WHERE path = ?", (path,))

    def _new_call(self, key: str, path: str, sha: str, record: dict[str, Any]) -> tuple[int, int]:
        columns = _columns(record)
        names = ", ".join(columns)
        marks = ", ".join(f":{name}" for name in columns)
        cursor = self.conn.execute(
            f"INSERT INTO calls (key, version, first_sync_id, {names}) VALUES (:key, 1, :sync, {marks})",
            {"key": key, "sync": self.id, **columns})
        call_id = cursor.lastrowid
        assert call_id is not None
        version_id = self._version(call_id, 1, path, sha, record)
        self.conn.execute("UPDATE calls SET latest_version_id = ? WHERE id = ?", (version_id, call_id))
        self._index(call_id, columns)
        return call_id, version_id

    def _new_version(self, call_id: int, number: int, path: str, sha: str, record: dict[str, Any],
                     changes: list[Any]) -> int:
        version_id = self._version(call_id, number, path, sha, record)
        self.conn.executemany(
            "INSERT INTO changes (call_id, version_id, sync_id, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
            [(call_id, version_id, self.id, c.field, json.dumps(c.old, ensure_ascii=False),
              json.dumps(c.new, ensure_ascii=False)) for c in changes])
        columns = _columns(record)
        assignments = ", ".join(f"{name} = :{name}" for name in columns)
        self.conn.execute(
            f"UPDATE calls SET {assignments}, version = :number, latest_version_id = :version,"
            " changed_sync_id = :sync WHERE id = :id",
            {**columns, "number": number, "version": version_id, "sync": self.id, "id": call_id})
        self._index(call_id, columns)
        return version_id

    def _version(self, call_id: int, number: int, path: str, sha: str, record: dict[str, Any]) -> int:
        cursor = self.conn.execute(
            "INSERT INTO versions (call_id, number, sha256, path, sync_id, record) VALUES (?, ?, ?, ?, ?, ?)",
            (call_id, number, sha, path, self.id, json.dumps(record, ensure_ascii=False)))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _index(self, call_id: int, columns: dict[str, Any]) -> None:
        if self.fts:
            self.conn.execute("DELETE FROM calls_fts WHERE rowid = ?", (call_id,))
            self.conn.execute("INSERT INTO calls_fts (rowid, job_title, institution, dg, units) VALUES (?, ?, ?, ?, ?)",
                              (call_id, columns["job_title"], columns["institution"], columns["dg"], columns["units"]))

    def finish(self) -> list[Event]:
        """Forget files gone from the synced folders, mark calls left without files removed, close the sync."""
        with transaction(self.conn):
            gone = [(path, call_id) for path, call_id in self.conn.execute("SELECT path, call_id FROM files ORDER BY path")
                    if path not in self.seen and any(path.startswith(root + os.sep) for root in self.roots)]
            self.conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p, _ in gone])
            self.conn.executemany("DELETE FROM errors WHERE path = ?", [(p,) for p, _ in gone])
            left: dict[int, str] = {}  # each call once, with the first of its files that went
            for path, call_id in gone:
                if call_id is not None:
                    left.setdefault(call_id, path)
            for call_id, path in self.left.items():
                left.setdefault(call_id, path)
            events = [event for call_id, path in left.items() if (event := self._removed(call_id, path))]
            self.counts["removed"] += len(events)
            self.conn.execute(
                "UPDATE syncs SET finished = ?, new = ?, changed = ?, failed = ?, unchanged = ?, removed = ? WHERE id = ?",
                (utc_text(dt.datetime.now(dt.timezone.utc)), *(self.counts[k] for k in SUMMARY), self.id))
        return events

    def _removed(self, call_id: int, path: str) -> Event | None:
        """Mark a call removed when no file holds it any more (its `removed` event), else None."""
        if self.conn.execute("SELECT 1 FROM files WHERE call_id = ?", (call_id,)).fetchone():
            return None
        row = self.conn.execute("SELECT reference, institution, job_title, version FROM calls"
                                " WHERE id = ? AND removed_sync_id IS NULL", (call_id,)).fetchone()
        if row is None:
            return None
        self.conn.execute("UPDATE calls SET removed_sync_id = ? WHERE id = ?", (self.id, call_id))
        return Event("removed", path, *row)

    def summary(self) -> str:
        """`12 new calls, 2 changed, 1 failed, 230 unchanged` (and `, 3 removed` when some were)."""
        new = self.counts["new"]
        text = f"{new} new call{'' if new == 1 else 's'}, {self.counts['changed']} changed, " \
               f"{self.counts['failed']} failed, {self.counts['unchanged']} unchanged"
        return text + (f", {self.counts['removed']} removed" if self.counts["removed"] else "")


SUMMARY = ("new", "changed", "failed", "unchanged", "removed")


def stored_path(path: str) -> str:
    """A path as the store keeps it: SQLite holds UTF-8 text only, so a byte of a file name that is not
    UTF-8 (`os.fsdecode` gives it as a surrogate) is kept as `\\xe9`, as error lines show it."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _size(path: str) -> int | None:
    try:
        return os.path.getsize(path)
    except OSError:
        return None

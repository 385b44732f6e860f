"""Reading the store: the latest version of each call, filtered; what the last syncs brought."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .schema import has_fts, utc_text


@dataclass(frozen=True)
class CallFilter:
    """Which stored calls `vacancy calls` lists (all given conditions hold)."""

    now: dt.datetime
    open: bool = False
    closed: bool = False
    within: dt.timedelta | None = None
    institution: str | None = None
    search: str | None = None
    since: dt.datetime | None = None
    removed: bool = False


def fts_query(words: str) -> str:
    """Words as an FTS5 query: every word must occur, as a word or a word's start (`polic` finds policy)."""
    return " ".join(f'"{word}"*' for word in re.findall(r"\w+", words))


def find_calls(conn: sqlite3.Connection, where: CallFilter) -> Iterator[dict[str, Any]]:
    """The latest record of each matching call, soonest deadline first (no deadline last)."""
    clauses, params = _clauses(conn, where)
    sql = ("SELECT v.record FROM calls c JOIN versions v ON v.id = c.latest_version_id"
           f" WHERE {' AND '.join(clauses) or '1'} ORDER BY c.closes IS NULL, c.closes, c.reference, c.id")
    for (record,) in conn.execute(sql, params):
        yield json.loads(record)


def _clauses(conn: sqlite3.Connection, where: CallFilter) -> tuple[list[str], dict[str, Any]]:
    now = utc_text(where.now)
    clauses: list[str] = []
    params: dict[str, Any] = {"now": now}
    if not where.removed:
        clauses.append("c.removed_sync_id IS NULL")
    if where.open:
        clauses.append("c.closes > :now")
    if where.closed:
        clauses.append("c.closes <= :now")
    if where.within is not None:
        clauses.append("c.closes > :now AND c.closes <= :until")
        params["until"] = utc_text(where.now + where.within)
    if where.institution:
        clauses.append("(c.institution = :institution COLLATE NOCASE OR c.dg = :institution COLLATE NOCASE)")
        params["institution"] = where.institution
    if where.search:
        if has_fts(conn):
            clauses.append("c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH :search)")
            params["search"] = fts_query(where.search)
        else:  # an SQLite without FTS5: every word somewhere in the same columns
            for n, word in enumerate(re.findall(r"\w+", where.search)):
                clauses.append(f"(coalesce(c.job_title, '') || ' ' || coalesce(c.institution, '') || ' ' ||"
                               f" coalesce(c.dg, '') || ' ' || coalesce(c.units, '')) LIKE :word{n}")
                params[f"word{n}"] = f"%{word}%"
    if where.since is not None:
        clauses.append("(c.first_sync_id > :after OR c.changed_sync_id > :after)")
        params["after"] = last_sync_before(conn, where.since)
    return clauses, params


def last_sync_before(conn: sqlite3.Connection, moment: dt.datetime) -> int:
    """The id of the last sync started before `moment` (0 when none)."""
    row = conn.execute("SELECT max(id) FROM syncs WHERE started < ?", (utc_text(moment),)).fetchone()
    return int(row[0] or 0)


@dataclass(frozen=True)
class Window:
    """The syncs whose news `vacancy changes` shows: ids in (after, upto]."""

    after: int
    upto: int


def since_window(conn: sqlite3.Connection, moment: dt.datetime) -> Window:
    """Every sync started at or after `moment`."""
    return Window(last_sync_before(conn, moment), _last_sync(conn))


def last_sync_window(conn: sqlite3.Connection) -> Window:
    """The last finished sync, with the interrupted ones since the finished sync before it."""
    finished = [row[0] for row in conn.execute("SELECT id FROM syncs WHERE finished IS NOT NULL ORDER BY id DESC LIMIT 2")]
    upto = finished[0] if finished else _last_sync(conn)
    return Window(finished[1] if len(finished) > 1 else 0, upto)


def _last_sync(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM syncs").fetchone()[0])


def news(conn: sqlite3.Connection, window: Window) -> dict[str, Any]:
    """New calls, changed calls (each version with its field changes) and removed calls in a window."""
    span = {"after": window.after, "upto": window.upto}
    fields = "c.id, c.reference, c.institution, c.job_title, c.deadline, c.version"
    new = [_call(row) for row in conn.execute(
        f"SELECT {fields}, v.path FROM calls c JOIN versions v ON v.id = c.latest_version_id"
        " WHERE c.first_sync_id > :after AND c.first_sync_id <= :upto ORDER BY c.id", span)]
    changed = []
    for row in conn.execute(
            f"SELECT {fields}, v.path, v.id, v.number FROM versions v JOIN calls c ON c.id = v.call_id"
            " WHERE v.sync_id > :after AND v.sync_id <= :upto AND v.number > 1"
            " AND NOT (c.first_sync_id > :after AND c.first_sync_id <= :upto) ORDER BY v.id", span):
        item = _call(row[:7])
        item["version"] = row[8]
        item["changes"] = [{"field": f, "old": json.loads(o), "new": json.loads(n)} for f, o, n in conn.execute(
            "SELECT field, old, new FROM changes WHERE version_id = ? ORDER BY id", (row[7],))]
        changed.append(item)
    removed = [_call(row) for row in conn.execute(
        f"SELECT {fields}, v.path FROM calls c JOIN versions v ON v.id = c.latest_version_id"
        " WHERE c.removed_sync_id > :after AND c.removed_sync_id <= :upto ORDER BY c.id", span)]
    syncs = conn.execute("SELECT min(started), max(coalesce(finished, started)) FROM syncs"
                         " WHERE id > :after AND id <= :upto", span).fetchone()
    return {"syncs": {"from": syncs[0], "to": syncs[1]}, "new": new, "changed": changed, "removed": removed}


def _call(row: tuple[Any, ...]) -> dict[str, Any]:
    _, reference, institution, title, deadline, version, path = row
    return {"reference": reference, "institution": institution, "job_title": title, "deadline": deadline,
            "version": version, "path": path}

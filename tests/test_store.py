"""The calls database as a library: skipping unchanged files, versions, migrations, foreign files."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vacancy_cli.cli.sync_cmd import parsed
from vacancy_cli.errors import DatabaseError, ExitCode
from vacancy_cli.store import SCHEMA_VERSION, Sync, open_store, queries, schema
from vacancy_cli.store.queries import CallFilter, find_calls, fts_query, last_sync_window, news
from vacancy_cli.store.schema import APPLICATION_ID, MIGRATIONS, describe

NOTICE = """Call for expression of interest EC/2026/ENV/{ref}
Job title: {title}
Where: Unit ENV.B.2, Brussels
Function Group: FG IV
Contract Type: 3b
Express your interest until: {deadline}
"""


def write_notice(folder: Path, ref: int, deadline: str = "14.10.2026 - 12.00 (Brussels time)",
                 title: str = "Policy Officer", name: str | None = None) -> Path:
    path = folder / (name or f"n{ref}.txt")
    path.write_text(NOTICE.format(ref=ref, deadline=deadline, title=title), encoding="utf-8")
    return path


class CountingParser:
    """The real parser, counting the files it is asked to parse."""

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def __call__(self, paths: list[str]) -> Iterator[tuple[str, str | None, dict[str, Any] | None]]:
        self.parsed += paths
        return parsed(paths, 1, None, "auto")


def run_sync(db: Path, folder: Path, parser: CountingParser) -> Sync:
    conn = open_store(db, create=True)
    run = Sync(conn, [str(folder)])
    todo = dict(run.plan([str(p) for p in sorted(folder.iterdir())]))
    for path, record, error in parser(list(todo)):
        run.store(path, todo[path], record, error)
    run.finish()
    conn.close()
    return run


def test_a_resync_parses_nothing_and_a_changed_file_alone_is_parsed_again(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for ref in range(5):
        write_notice(folder, 100 + ref)
    parser = CountingParser()
    first = run_sync(tmp_path / "c.db", folder, parser)
    assert len(parser.parsed) == 5 and first.counts["new"] == 5
    second = run_sync(tmp_path / "c.db", folder, parser)
    assert len(parser.parsed) == 5, "nothing parsed again"
    assert second.summary() == "0 new calls, 0 changed, 0 failed, 5 unchanged"
    write_notice(folder, 102, deadline="21.10.2026 - 12.00 (Brussels time)")
    third = run_sync(tmp_path / "c.db", folder, parser)
    assert parser.parsed[5:] == [str(folder / "n102.txt")]
    assert third.summary() == "0 new calls, 1 changed, 0 failed, 4 unchanged"


def test_a_corrigendum_becomes_version_two_with_its_field_changes(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    write_notice(folder, 441, name="a-notice.txt")
    run_sync(tmp_path / "c.db", folder, CountingParser())
    write_notice(folder, 441, deadline="28.10.2026 - 12.00 (Brussels time)", name="b-corrigendum.txt")
    run = run_sync(tmp_path / "c.db", folder, CountingParser())
    assert run.counts["changed"] == 1
    conn = open_store(tmp_path / "c.db", create=False)
    assert conn.execute("SELECT count(*), max(version) FROM calls").fetchone() == (1, 2)
    assert conn.execute("SELECT number, path FROM versions ORDER BY number").fetchall() == [
        (1, str(folder / "a-notice.txt")), (2, str(folder / "b-corrigendum.txt"))]
    found = news(conn, last_sync_window(conn))
    assert found["new"] == [] and found["removed"] == []
    (changed,) = found["changed"]
    assert changed["reference"] == "EC/2026/ENV/441" and changed["version"] == 2
    fields = {c["field"]: (c["old"], c["new"]) for c in changed["changes"]}
    assert fields["deadline"] == ("2026-10-14T12:00:00+02:00", "2026-10-28T12:00:00+01:00")


def test_an_older_schema_is_upgraded_in_a_transaction_after_a_backup_copy(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    old = sqlite3.connect(db)
    MIGRATIONS[0](old)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO syncs (id, started, roots) VALUES (1, '2026-05-01T08:00:00Z', '[]')")
    old.execute("INSERT INTO calls (id, key, reference, deadline, version, first_sync_id, latest_version_id)"
                " VALUES (1, 'European Commission|EC/1', 'EC/1', '2026-05-14', 1, 1, 1)")
    record = {"reference": "EC/1", "deadline": "2026-05-14"}
    old.execute("INSERT INTO versions (id, call_id, number, sha256, path, sync_id, record)"
                " VALUES (1, 1, 1, 'ab', 'x.txt', 1, ?)", (json.dumps(record),))
    old.commit()
    old.close()
    conn = open_store(db, create=False)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT closes FROM calls").fetchone()[0] == "2026-05-14T22:00:00Z"  # end of day, Brussels
    assert [v for (v,) in conn.execute("SELECT version FROM schema_version")] == [2]
    moment = dt.datetime(2026, 5, 10, tzinfo=dt.timezone.utc)
    assert [r["reference"] for r in find_calls(conn, CallFilter(now=moment, open=True))] == ["EC/1"]
    backup = sqlite3.connect(tmp_path / "old.db.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT reference FROM calls").fetchall() == [("EC/1",)]


def test_a_failed_migration_leaves_the_older_database_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "old.db"
    old = sqlite3.connect(db)
    MIGRATIONS[0](old)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE calls ADD COLUMN closes TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [MIGRATIONS[0], broken])
    with pytest.raises(DatabaseError):
        open_store(db, create=False)
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "closes" not in [row[1] for row in check.execute("PRAGMA table_info(calls)")]


@pytest.mark.parametrize("content, words", [
    (b"name,deadline\nx,2026-05-01\n", "not a vacancy database"),
    (b"SQLite format 3\x00" + b"\x07" * 4000, "not a vacancy database"),
])
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path, content: bytes, words: str) -> None:
    db = tmp_path / "calls.db"
    db.write_bytes(content)
    with pytest.raises(DatabaseError) as caught:
        open_store(db, create=True)
    assert words in caught.value.message and caught.value.code == ExitCode.DATABASE_ERROR
    assert db.read_bytes() == content


def test_another_programs_database_and_a_newer_schema_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE users (name TEXT)")
    with pytest.raises(DatabaseError, match="another program"):
        open_store(foreign, create=True)
    newer = tmp_path / "newer.db"
    open_store(newer, create=True).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseError, match="newer vacancy"):
        open_store(newer, create=False)
    with pytest.raises(DatabaseError, match="no such database"):
        open_store(tmp_path / "missing.db", create=False)


def test_search_words_become_an_fts_query_of_word_prefixes() -> None:
    assert fts_query('data "protection" OR officer*') == '"data"* "protection"* "OR"* "officer"*'


def test_a_write_refused_by_sqlite_reads_as_one_plain_sentence(tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    open_store(db, create=True).close()
    read_only = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        read_only.execute("INSERT INTO syncs (started, roots) VALUES ('x', '[]')")
    assert describe(caught.value) == "the database is read-only (check the file's and its folder's permissions)"


def test_search_without_fts5_falls_back_to_the_same_words_in_the_same_columns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    write_notice(folder, 1, title="Statistician")
    write_notice(folder, 2, title="Policy Officer")
    run_sync(tmp_path / "c.db", folder, CountingParser())
    conn = open_store(tmp_path / "c.db", create=False)
    moment = dt.datetime(2026, 5, 10, tzinfo=dt.timezone.utc)
    with_fts = [r["reference"] for r in find_calls(conn, CallFilter(now=moment, search="policy env"))]
    monkeypatch.setattr(queries, "has_fts", lambda conn: False)
    without = [r["reference"] for r in find_calls(conn, CallFilter(now=moment, search="policy env"))]
    assert with_fts == without == ["EC/2026/ENV/2"]


def test_a_file_that_starts_failing_keeps_its_call_until_it_leaves_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    notice = write_notice(folder, 1)
    db = tmp_path / "c.db"
    run_sync(db, folder, CountingParser())
    notice.write_bytes(b"")
    failing = run_sync(db, folder, CountingParser())
    assert failing.counts["failed"] == 1 and failing.counts["removed"] == 0
    moment = dt.datetime(2026, 5, 10, tzinfo=dt.timezone.utc)
    conn = open_store(db, create=False)
    assert [r["reference"] for r in find_calls(conn, CallFilter(now=moment))] == ["EC/2026/ENV/1"], "as last read"
    notice.unlink()
    gone = run_sync(db, folder, CountingParser())
    assert gone.counts["removed"] == 1
    assert list(find_calls(conn, CallFilter(now=moment))) == []
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 0


def test_a_renamed_notice_is_not_parsed_again_and_never_reverts_a_corrigendum(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    original = write_notice(folder, 441, name="a-notice.txt")
    parser = CountingParser()
    run_sync(tmp_path / "c.db", folder, parser)
    write_notice(folder, 441, deadline="28.10.2026 - 12.00 (Brussels time)", name="b-corrigendum.txt")
    run_sync(tmp_path / "c.db", folder, parser)
    original.rename(folder / "z-notice-moved.txt")
    moved = run_sync(tmp_path / "c.db", folder, parser)
    assert parser.parsed == [str(folder / "a-notice.txt"), str(folder / "b-corrigendum.txt")], "the same bytes"
    assert moved.summary() == "0 new calls, 0 changed, 0 failed, 2 unchanged"
    conn = open_store(tmp_path / "c.db", create=False)
    assert conn.execute("SELECT version, deadline FROM calls").fetchall() == [(2, "2026-10-28T12:00:00+01:00")]
    assert conn.execute("SELECT f.path, v.number FROM files f JOIN versions v ON v.id = f.version_id"
                        " ORDER BY f.path").fetchall() == [
        (str(folder / "b-corrigendum.txt"), 2), (str(folder / "z-notice-moved.txt"), 1)]

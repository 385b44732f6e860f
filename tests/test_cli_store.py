"""`vacancy sync`, `calls` and `changes` as a user runs them: stdout, stderr, exit codes, faults."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vacancy_cli.errors import ExitCode

from .test_store import write_notice

NOW = "2026-10-10T09:00:00Z"
FRONTEX = """Vacancy notice FRONTEX/TA/AD/2026/{ref}
Job title: Data Protection Officer
Place of employment: Warsaw
Temporary agent 2(f), AD 8
Deadline for applications: {deadline} at 13:00 (Warsaw time)
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd)


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three Commission calls (deadlines 14.10, 14.11, 14.12.2026) and two Frontex calls (one closed)."""
    notices = tmp_path / "notices"
    notices.mkdir()
    for ref, month in ((101, 10), (102, 11), (103, 12)):
        write_notice(notices, ref, deadline=f"14.{month}.2026 - 12.00 (Brussels time)",
                     title="Policy Officer" if ref != 103 else "Statistician")
    (notices / "frontex-1.txt").write_text(FRONTEX.format(ref="001", deadline="12.10.2026"), encoding="utf-8")
    (notices / "frontex-2.txt").write_text(FRONTEX.format(ref="002", deadline="01.09.2026"), encoding="utf-8")
    return notices


def test_sync_stores_every_call_and_a_resync_reports_everything_unchanged(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    first = run("sync", str(folder), "--db", str(db), "--format", "jsonl", "--jobs", "2")
    assert first.returncode == ExitCode.OK, first.stderr
    assert first.stderr == "vacancy: 5 new calls, 0 changed, 0 failed, 0 unchanged\n"
    events = [json.loads(line) for line in first.stdout.splitlines()]
    assert [e["event"] for e in events] == ["new"] * 5
    assert events[1]["reference"] == "FRONTEX/TA/AD/2026/002" and events[1]["institution"] == "Frontex"
    again = run("sync", str(folder), "--db", str(db), "--format", "json")
    assert again.returncode == ExitCode.OK
    assert again.stderr == "vacancy: 0 new calls, 0 changed, 0 failed, 5 unchanged\n"
    assert json.loads(again.stdout) == []
    assert (count(db, "calls"), count(db, "versions"), count(db, "files")) == (5, 5, 5)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT new, unchanged FROM syncs ORDER BY id").fetchall() == [(5, 0), (0, 5)]


def test_the_default_database_is_vacancy_db_in_the_current_folder(folder: Path, tmp_path: Path) -> None:
    result = run("sync", str(folder), cwd=tmp_path)
    assert result.returncode == ExitCode.OK and (tmp_path / "vacancy.db").is_file()
    assert len(json.loads(run("calls", "--format", "json", cwd=tmp_path).stdout)) == 5


def test_a_corrigendum_is_shown_by_changes_which_exits_1_then_0(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    quiet = run("changes", "--db", str(db))
    assert quiet.returncode == ExitCode.ATTENTION, "the first sync's calls are news"
    assert quiet.stdout.startswith("5 new, 0 changed, 0 removed")
    write_notice(folder, 102, deadline="28.11.2026 - 12.00 (Brussels time)", name="n102-corrigendum.txt")
    synced = run("sync", str(folder), "--db", str(db), "--format", "jsonl")
    assert synced.stderr == "vacancy: 0 new calls, 1 changed, 0 failed, 5 unchanged\n"
    (event,) = [json.loads(line) for line in synced.stdout.splitlines()]
    assert event["event"] == "changed" and event["version"] == 2
    assert event["changes"] == [
        {"field": "deadline", "old": "2026-11-14T12:00:00+01:00", "new": "2026-11-28T12:00:00+01:00"},
        {"field": "deadline_text", "old": "14.11.2026 - 12.00 (Brussels time)", "new": "28.11.2026 - 12.00 (Brussels time)"},
    ]
    shown = run("changes", "--db", str(db))
    assert shown.returncode == ExitCode.ATTENTION and shown.stderr == ""
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("0 new, 1 changed, 0 removed")
    assert lines[1].startswith("changed  EC/2026/ENV/102 · European Commission · Policy Officer (version 2")
    assert lines[2].strip() == "deadline: 2026-11-14T12:00:00+01:00 -> 2026-11-28T12:00:00+01:00"
    as_json = json.loads(run("changes", "--db", str(db), "--format", "json").stdout)
    assert as_json["changed"][0]["changes"][0]["field"] == "deadline"
    run("sync", str(folder), "--db", str(db))
    nothing = run("changes", "--db", str(db), "--last-sync")
    assert nothing.returncode == ExitCode.OK and nothing.stdout.startswith("0 new, 0 changed, 0 removed")
    since = run("changes", "--db", str(db), "--since", "2000-01-01")
    assert since.returncode == ExitCode.ATTENTION and since.stdout.startswith("5 new, 0 changed, 0 removed")
    assert len(json.loads(run("calls", "--db", str(db), "--format", "json").stdout)) == 5


def test_a_failed_file_is_recorded_reported_and_retried(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    broken = folder / "late.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    first = run("sync", str(folder), "--db", str(db))
    assert first.returncode == ExitCode.INPUT_ERROR
    assert first.stderr.splitlines()[0].startswith(f"vacancy: {broken}: ")
    assert first.stderr.splitlines()[1] == "vacancy: 5 new calls, 0 changed, 1 failed, 0 unchanged"
    again = run("sync", str(folder), "--db", str(db))
    assert again.returncode == ExitCode.INPUT_ERROR and "1 failed, 5 unchanged" in again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT path, name, attempts FROM errors").fetchall() == [(str(broken), "INPUT_ERROR", 2)]
    broken.unlink()
    write_notice(folder, 104, name="late.txt")
    fixed = run("sync", str(folder), "--db", str(db))
    assert fixed.returncode == ExitCode.OK
    assert fixed.stderr == "vacancy: 1 new call, 0 changed, 0 failed, 5 unchanged\n"
    assert count(db, "errors") == 0 and count(db, "calls") == 6


def test_a_call_whose_file_left_the_folder_is_removed(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    (folder / "frontex-1.txt").unlink()
    result = run("sync", str(folder), "--db", str(db), "--format", "jsonl")
    assert result.stderr == "vacancy: 0 new calls, 0 changed, 0 failed, 4 unchanged, 1 removed\n"
    assert json.loads(result.stdout)["event"] == "removed"
    shown = run("changes", "--db", str(db))
    assert shown.returncode == ExitCode.ATTENTION and "removed  FRONTEX/TA/AD/2026/001" in shown.stdout
    listed = json.loads(run("calls", "--db", str(db), "--format", "json").stdout)
    assert "FRONTEX/TA/AD/2026/001" not in [c["reference"] for c in listed]
    kept = json.loads(run("calls", "--db", str(db), "--format", "json", "--removed").stdout)
    assert "FRONTEX/TA/AD/2026/001" in [c["reference"] for c in kept]


def references(db: Path, *options: str) -> list[str]:
    result = run("calls", "--db", str(db), "--now", NOW, "--format", "jsonl", "--fields", "reference", *options)
    assert result.returncode == ExitCode.OK and result.stderr == "", result.stderr
    return [json.loads(line)["reference"] for line in result.stdout.splitlines()]


def test_calls_filters(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    everything = ["FRONTEX/TA/AD/2026/002", "FRONTEX/TA/AD/2026/001", "EC/2026/ENV/101", "EC/2026/ENV/102",
                  "EC/2026/ENV/103"]
    assert references(db) == everything, "soonest deadline first"
    assert references(db, "--open") == everything[1:]
    assert references(db, "--closed") == everything[:1]
    assert references(db, "--within", "7d") == everything[1:3]
    assert references(db, "--institution", "frontex") == everything[:2]
    assert references(db, "--institution", "ENV") == everything[2:]
    assert references(db, "--search", "statist") == ["EC/2026/ENV/103"]
    assert references(db, "--search", "data protection frontex") == everything[:2]
    assert references(db, "--search", "policy", "--open", "--within", "40d") == ["EC/2026/ENV/101", "EC/2026/ENV/102"]
    assert references(db, "--since", "2000-01-01") == everything
    assert references(db, "--since", "2999-01-01") == []


def test_calls_in_every_format(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    base = ("calls", "--db", str(db), "--now", NOW, "--institution", "frontex")
    whole = json.loads(run(*base, "--format", "json").stdout)
    assert whole[0]["evidence"]["deadline"]["text"] == "Deadline for applications: 01.09.2026 at 13:00 (Warsaw time)"
    as_json = json.loads(run(*base, "--format", "json", "--no-evidence").stdout)
    assert [r["place_of_employment"] for r in as_json] == [["Warsaw"], ["Warsaw"]]
    assert as_json[0]["source"]["sha256"] and "evidence" not in as_json[0]
    lines = run(*base, "--format", "jsonl", "--no-evidence").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    rows = list(csv.DictReader(io.StringIO(run(*base, "--format", "csv").stdout)))
    assert [r["reference"] for r in rows] == ["FRONTEX/TA/AD/2026/002", "FRONTEX/TA/AD/2026/001"]
    assert rows[0]["contract_type"] == "temporary_agent_2f"
    picked = list(csv.reader(io.StringIO(run(*base, "--format", "csv", "--fields", "reference,grade").stdout)))
    assert picked == [["reference", "grade"], ["FRONTEX/TA/AD/2026/002", "AD 8"], ["FRONTEX/TA/AD/2026/001", "AD 8"]]
    nested = json.loads(run(*base, "--format", "jsonl", "--fields", "reference,languages.required").stdout.splitlines()[0])
    assert nested == {"reference": "FRONTEX/TA/AD/2026/002", "languages": {"required": []}}
    unknown = run(*base, "--fields", "salary")
    assert unknown.returncode == ExitCode.USAGE and "unknown field salary" in unknown.stderr
    ics = run(*base, "--format", "ics").stdout
    assert ics.count("BEGIN:VEVENT") == 2 and "FRONTEX/TA/AD/2026/001" in ics
    postings = json.loads(run(*base, "--format", "jsonld").stdout)
    assert [p["@type"] for p in postings] == ["JobPosting", "JobPosting"]
    table = run(*base)
    assert table.returncode == ExitCode.OK
    assert "FRONTEX/TA/AD/2026/001" in table.stdout and "Data Protection Officer" in table.stdout
    empty = run("calls", "--db", str(db), "--search", "astronaut")
    assert empty.returncode == ExitCode.OK and empty.stdout == "" and empty.stderr == "vacancy: no stored call matches\n"
    bad = run("calls", "--db", str(db), "--open", "--closed")
    assert bad.returncode == ExitCode.USAGE and "exclude each other" in bad.stderr


def test_a_sync_killed_mid_run_is_finished_by_the_next_one(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for ref in range(60):
        write_notice(folder, 500 + ref)
    db = tmp_path / "calls.db"
    process = subprocess.Popen([sys.executable, "-m", "vacancy_cli", "sync", str(folder), "--db", str(db)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if count(db, "files") >= 3:
                break
        except sqlite3.Error:
            pass  # not made yet
        time.sleep(0.02)
    assert process.poll() is None, "the sync ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = count(db, "files")
    assert 3 <= stored < 60
    again = run("sync", str(folder), "--db", str(db))
    assert again.returncode == ExitCode.OK
    assert again.stderr == f"vacancy: {60 - stored} new calls, 0 changed, 0 failed, {stored} unchanged\n"
    assert (count(db, "calls"), count(db, "versions"), count(db, "files")) == (60, 60, 60)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM syncs WHERE finished IS NULL").fetchone()[0] == 1
    news = run("changes", "--db", str(db), "--format", "json")
    assert news.returncode == ExitCode.ATTENTION
    assert len(json.loads(news.stdout)["new"]) == 60, "the killed sync's news is reported with the next one's"


def test_two_syncs_at_once_wait_for_each_other(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for ref in range(30):
        write_notice(folder, 700 + ref)
    db = tmp_path / "calls.db"
    command = [sys.executable, "-m", "vacancy_cli", "sync", str(folder), "--db", str(db), "--format", "jsonl"]
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in both]
    assert [p.returncode for p in both] == [0, 0], outputs
    new = [json.loads(line)["reference"] for out, _ in outputs for line in out.splitlines()
           if json.loads(line)["event"] == "new"]
    assert sorted(new) == [f"EC/2026/ENV/{700 + i}" for i in range(30)], "each call is new exactly once"
    assert (count(db, "calls"), count(db, "versions"), count(db, "files")) == (30, 30, 30)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("command", ["sync", "calls", "changes"])
def test_a_database_that_is_not_ours_gives_one_line_and_exit_9(folder: Path, tmp_path: Path, command: str) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE users (name TEXT)")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    for db, words in ((foreign, "another program"), (garbage, "not a vacancy database")):
        args = [command, str(folder)] if command == "sync" else [command]
        result = run(*args, "--db", str(db))
        assert result.returncode == ExitCode.DATABASE_ERROR
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"vacancy: {db}: ")
        assert words in result.stderr and result.stdout == ""
    missing = run(command, "--db", str(tmp_path / "missing.db"), *([str(folder)] if command == "sync" else []))
    if command == "sync":
        assert missing.returncode == ExitCode.OK
    else:
        assert missing.returncode == ExitCode.DATABASE_ERROR and "no such database" in missing.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_database_gives_one_line_and_exit_9(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    write_notice(folder, 109)
    db.chmod(0o444)
    try:
        result = run("sync", str(folder), "--db", str(db))
    finally:
        db.chmod(0o644)
    assert result.returncode == ExitCode.DATABASE_ERROR
    assert result.stderr == f"vacancy: {db}: the database is read-only (check the file's and its folder's permissions)\n"


def test_a_notice_without_a_reference_is_kept_by_its_content_hash_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    notice = folder / "noref.txt"
    notice.write_text("Call for expression of interest\nJob title: Policy Officer\nWhere: Unit ENV.B.2, Brussels\n"
                      "Express your interest until: 14.10.2026 - 12.00 (Brussels time)\n", encoding="utf-8")
    db = tmp_path / "calls.db"
    result = run("sync", str(folder), "--db", str(db), "--format", "jsonl")
    assert result.returncode == ExitCode.OK
    assert result.stderr.splitlines() == [
        f"vacancy: {notice}: no reference: the call is identified by the file's content hash",
        "vacancy: 1 new call, 0 changed, 0 failed, 0 unchanged"]
    assert json.loads(result.stdout)["warning"].startswith("no reference")
    with sqlite3.connect(db) as conn:
        (key,) = conn.execute("SELECT key FROM calls").fetchone()
    assert key.startswith("sha256:") and len(key) == len("sha256:") + 64


def test_a_reader_that_stops_early_ends_the_events_not_the_sync(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for ref in range(40):
        write_notice(folder, 900 + ref)
    db = tmp_path / "calls.db"
    process = subprocess.Popen([sys.executable, "-m", "vacancy_cli", "sync", str(folder), "--db", str(db),
                                "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    assert json.loads(process.stdout.readline())["event"] == "new"
    process.stdout.close()
    assert process.wait(timeout=300) == ExitCode.OK
    assert process.stderr.read() == "vacancy: 40 new calls, 0 changed, 0 failed, 0 unchanged\n"
    assert count(db, "calls") == 40


def test_a_call_is_removed_once_when_all_its_files_go_even_the_last_one(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    (folder / "n101-copy.txt").write_bytes((folder / "n101.txt").read_bytes())
    run("sync", str(folder), "--db", str(db))
    (folder / "n101.txt").unlink()
    (folder / "n101-copy.txt").unlink()
    once = run("sync", str(folder), "--db", str(db), "--format", "jsonl")
    assert once.stderr == "vacancy: 0 new calls, 0 changed, 0 failed, 4 unchanged, 1 removed\n"
    assert [(e["event"], e["reference"]) for e in map(json.loads, once.stdout.splitlines())] == [
        ("removed", "EC/2026/ENV/101")]
    for notice in folder.iterdir():
        notice.unlink()
    emptied = run("sync", str(folder), "--db", str(db))
    assert emptied.returncode == ExitCode.OK
    assert emptied.stderr == "vacancy: 0 new calls, 0 changed, 0 failed, 0 unchanged, 4 removed\n"
    assert run("calls", "--db", str(db), "--format", "json").stdout.strip() == "[]"
    nothing = run("sync", str(tmp_path / "no-such-folder" / "*.pdf"), "--db", str(db))
    assert nothing.returncode == ExitCode.USAGE and "no notice files found" in nothing.stderr


def test_a_notice_without_reference_edited_in_place_replaces_its_call(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    notice = folder / "noref.txt"
    text = "Call for expression of interest\nJob title: Translator\nWhere: Luxembourg\nExpress your interest until: {}\n"
    notice.write_text(text.format("01.12.2026"), encoding="utf-8")
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    notice.write_text(text.format("15.12.2026"), encoding="utf-8")
    edited = run("sync", str(folder), "--db", str(db), "--format", "jsonl")
    assert edited.returncode == ExitCode.OK
    assert [e["event"] for e in map(json.loads, edited.stdout.splitlines())] == ["new", "removed"]
    listed = json.loads(run("calls", "--db", str(db), "--format", "json").stdout)
    assert [c["deadline"] for c in listed] == ["2026-12-15"], "the old content's call is no longer listed"


@pytest.mark.parametrize("args, words", [
    (["calls", "--since", "yesterday"], "--since 'yesterday' is not an ISO 8601 date"),
    (["calls", "--since", "2026-02-30"], "is not an ISO 8601 date"),
    (["changes", "--since", ""], "--since '' is not an ISO 8601 date"),
    (["changes", "--since", "0001-01-01"], "--since '0001-01-01' is too far in the past or the future"),
    (["changes", "--since", "9999-12-31T23:59:59-12:00"], "too far in the past or the future"),
    (["changes", "--since", "2026-05-01", "--last-sync"], "--since and --last-sync exclude each other"),
    (["calls", "--within", "999999999d"], "--within '999999999d' is too far in the past or the future"),
    (["calls", "--within", "soon"], "--within: not a duration"),
    (["calls", "--now", "9999-12-31T23:00:00-05:00"], "--now '9999-12-31T23:00:00-05:00' is too far"),
    (["calls", "--open", "--closed"], "--open and --closed exclude each other"),
    (["calls", "--search", '"*-'], "--search needs at least one word"),
])
def test_a_bad_date_duration_or_option_is_one_line_and_exit_2(folder: Path, tmp_path: Path, args: list[str],
                                                               words: str) -> None:
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    result = run(*args, "--db", str(db))
    assert result.returncode == ExitCode.USAGE and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("vacancy: ") and words in result.stderr


def test_search_words_with_fts_syntax_are_plain_words(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    run("sync", str(folder), "--db", str(db))
    frontex = ["FRONTEX/TA/AD/2026/002", "FRONTEX/TA/AD/2026/001"]
    for words in ['"data', 'data*', '-officer data', '^data', "{data}", "data:", "(data) + protection"]:
        assert references(db, "--search", words) == frontex, words
    for words in ['NEAR(data protection)', 'data OR', 'data AND NOT', "job_title:data", "data\x1b[31m", "NEAR"]:
        assert references(db, "--search", words) == [], words  # every word must occur, operators included


def test_two_syncs_at_once_on_a_stored_folder_record_each_change_once(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for ref in range(20):
        write_notice(folder, 300 + ref)
    db = tmp_path / "calls.db"
    assert run("sync", str(folder), "--db", str(db)).returncode == ExitCode.OK
    for ref in range(10):
        write_notice(folder, 300 + ref, deadline="30.10.2026 - 12.00 (Brussels time)")
        write_notice(folder, 400 + ref)
    (folder / "n319.txt").unlink()
    command = [sys.executable, "-m", "vacancy_cli", "sync", str(folder), "--db", str(db), "--format", "jsonl"]
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in both]
    assert [p.returncode for p in both] == [0, 0], outputs
    events = [json.loads(line) for out, _ in outputs for line in out.splitlines()]
    assert sorted(e["reference"] for e in events if e["event"] == "changed") == [f"EC/2026/ENV/{300 + i}" for i in range(10)]
    assert sorted(e["reference"] for e in events if e["event"] == "new") == [f"EC/2026/ENV/{400 + i}" for i in range(10)]
    assert [e["reference"] for e in events if e["event"] == "removed"] == ["EC/2026/ENV/319"]
    assert (count(db, "calls"), count(db, "versions"), count(db, "files")) == (30, 40, 29)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT max(number) FROM versions").fetchone()[0] == 2

"""Edges a last review found: odd file names in the store and in reports, outputs that are not regular files,
a read-only command given an empty file as its database, durations too long to count, repeated CSV columns."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from vacancy_cli.errors import ExitCode

from .test_store import write_notice


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], capture_output=True, text=True,
                          errors="backslashreplace", timeout=120)


def odd_name(folder: Path, raw: bytes, ref: int) -> str:
    """A notice under a name given as bytes (not UTF-8, or holding escape codes); its path as Python names it."""
    path = os.fsdecode(os.path.join(os.fsencode(folder), raw))
    os.rename(write_notice(folder, ref), path)
    return path


def test_sync_stores_a_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    odd_name(folder, b"caf\xe9.txt", 100)
    write_notice(folder, 200, name="zz.txt")
    db = str(tmp_path / "calls.db")
    first = run("sync", str(folder), "--db", db, "--format", "jsonl")
    assert first.returncode == ExitCode.OK, first.stderr
    paths = [json.loads(line)["path"] for line in first.stdout.splitlines()]
    assert paths == [f"{folder}/caf\\xe9.txt", f"{folder}/zz.txt"]
    again = run("sync", str(folder), "--db", db)
    assert (again.returncode, again.stderr) == (ExitCode.OK, "vacancy: 0 new calls, 0 changed, 0 failed, 2 unchanged\n")


def test_reports_show_odd_file_names_printable(tmp_path: Path) -> None:
    path = odd_name(tmp_path, b"a\x1b]0;title\x07b\xe9.txt", 300)
    checked = run("check-deadline", path, "--format", "json", "--now", "2026-01-01T00:00:00Z")
    assert checked.returncode == ExitCode.OK and "\x1b" not in checked.stdout
    assert json.loads(checked.stdout)[0]["file"].endswith("a\\x1b]0;title\\x07b\\xe9.txt")
    (tmp_path / "bare.txt").write_text("Just a line of text\n")
    validated = run("validate", path, str(tmp_path / "bare.txt"), "--format", "json")
    assert "\x1b" not in validated.stdout and "\\x1b" in validated.stdout


def test_output_through_a_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    notice = write_notice(tmp_path, 400, name="notice.txt")
    target = tmp_path / "target.json"
    target.write_text("old\n")
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    result = run("parse", str(notice), "-o", str(link))
    assert result.returncode == ExitCode.OK, result.stderr
    assert link.is_symlink() and json.loads(target.read_text())["reference"] == "EC/2026/ENV/400"


def test_output_to_a_device_is_written_not_replaced(tmp_path: Path) -> None:
    notice = write_notice(tmp_path, 500, name="notice.txt")
    result = run("export", str(notice), "-o", os.devnull)
    assert result.returncode == ExitCode.OK, result.stderr
    assert not Path(os.devnull).is_file()  # still the device


def test_an_empty_file_is_not_made_a_database_by_a_read_only_command(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"")
    for command in ("calls", "changes"):
        result = run(command, "--db", str(notes))
        assert result.returncode == ExitCode.DATABASE_ERROR and result.stderr.count("\n") == 1, result.stderr
    assert notes.read_bytes() == b""


def test_a_duration_too_long_to_count_is_a_usage_error(tmp_path: Path) -> None:
    notice = write_notice(tmp_path, 600, name="notice.txt")
    result = run("check-deadline", str(notice), "--within", "99999999999d")
    assert result.returncode == ExitCode.USAGE and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_field_named_twice_is_one_csv_column(tmp_path: Path) -> None:
    notice = write_notice(tmp_path, 700, name="notice.txt")
    result = run("parse", str(notice), "--format", "csv", "--fields", "reference,reference,languages,languages.required")
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header == ["reference", "languages.required", "languages.assets", "languages.selection"]


def test_a_quoted_glob_that_matches_folders_walks_them(tmp_path: Path) -> None:
    for ref in (800, 801):
        (tmp_path / f"n{ref}").mkdir()
        write_notice(tmp_path / f"n{ref}", ref, name="notice.txt")
    result = run("export", str(tmp_path / "n*"), "--fields", "reference")
    assert result.returncode == ExitCode.OK, result.stderr
    assert [json.loads(line)["reference"] for line in result.stdout.splitlines()] == ["EC/2026/ENV/800", "EC/2026/ENV/801"]


def test_an_explain_page_beside_the_notices_is_not_one_of_them(tmp_path: Path) -> None:
    notice = write_notice(tmp_path, 900, name="notice.txt")
    assert run("explain", str(notice), "--html", str(tmp_path / "notice.html")).returncode == ExitCode.OK
    result = run("export", str(tmp_path), "--fields", "reference")
    assert (result.returncode, result.stderr) == (ExitCode.OK, "")
    assert result.stdout.count("\n") == 1
    named = run("parse", str(tmp_path / "notice.html"))
    assert named.returncode == ExitCode.INPUT_ERROR and "explain" in named.stderr  # named, it is refused


def test_a_csv_written_with_chosen_fields_is_refused_as_a_notice(tmp_path: Path) -> None:
    notice = write_notice(tmp_path, 901, name="notice.txt")
    chosen = tmp_path / "chosen.csv"
    chosen.write_text(run("parse", str(notice), "-f", "csv", "--fields", "reference,deadline").stdout)
    result = run("parse", str(chosen))
    assert result.returncode == ExitCode.INPUT_ERROR and "a CSV of records" in result.stderr


def test_diff_of_an_error_record_is_that_file_s_failure(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a pdf at all\n")
    exported = tmp_path / "one.jsonl"
    exported.write_text(run("export", str(broken)).stdout)
    result = run("diff", str(exported), str(exported))
    assert result.returncode == ExitCode.INPUT_ERROR and result.stderr.count("\n") == 1, result.stderr
    assert "broken.pdf" in result.stderr


def test_sync_events_to_a_full_disk_are_exit_7_and_the_sync_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for ref in (950, 951):
        write_notice(folder, ref, name=f"{ref}.txt")
    db = str(tmp_path / "calls.db")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "vacancy_cli", "sync", str(folder), "--db", db, "--format", "jsonl"],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == ExitCode.OUTPUT_ERROR
    assert result.stderr.splitlines() == ["vacancy: -: cannot write (No space left on device)",
                                          "vacancy: 2 new calls, 0 changed, 0 failed, 0 unchanged"]
    stored = run("calls", "--db", db, "--fields", "reference", "--format", "jsonl")
    assert stored.stdout.count("\n") == 2


def test_a_jsonld_export_is_refused_by_record_commands_in_one_line(tmp_path: Path) -> None:
    notices = [write_notice(tmp_path, 410), write_notice(tmp_path, 411, name="second.txt")]
    exported = run("export", *map(str, notices), "-f", "jsonld", "-o", str(tmp_path / "calls.jsonld"))
    assert exported.returncode == ExitCode.OK, exported.stderr
    for command in ("validate", "check-deadline"):
        result = run(command, str(tmp_path / "calls.jsonld"), str(notices[0]))
        assert result.returncode == ExitCode.INPUT_ERROR and result.stdout.count("Extra inputs") == 0
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and "calls.jsonld: schema.org JobPostings (vacancy export -f jsonld), not records (2 skipped)" in lines[0]


def test_json_sharing_no_key_with_a_record_is_one_error_but_a_record_missing_keys_is_invalid(tmp_path: Path) -> None:
    (tmp_path / "other.json").write_text('[{"name": "x"}, {"name": "y"}]')
    other = run("validate", str(tmp_path / "other.json"))
    assert other.returncode == ExitCode.INPUT_ERROR and len(other.stderr.splitlines()) == 1
    assert "JSON objects with none of a record's keys, not records (2 skipped)" in other.stderr
    record = run("parse", str(write_notice(tmp_path, 414)), "--format", "jsonl").stdout
    (tmp_path / "mixed.jsonl").write_text('{"name": "x"}\n' + record)
    mixed = run("validate", str(tmp_path / "mixed.jsonl"), "--format", "json")
    assert mixed.returncode == ExitCode.INPUT_ERROR and "not records (1 skipped)" in mixed.stderr
    assert [entry["valid"] for entry in json.loads(mixed.stdout)] == [True]  # the record after it is still checked
    record = json.loads(run("parse", str(write_notice(tmp_path, 412)), "--format", "json").stdout)
    del record["source"], record["evidence"]
    (tmp_path / "partial.json").write_text(json.dumps(record))
    partial = run("validate", str(tmp_path / "partial.json"))
    assert partial.returncode == ExitCode.INVALID
    assert partial.stdout.splitlines() == [f"{tmp_path / 'partial.json'}: record: no key source (a record has every key"
                                           " but evidence, null or [] when not stated; a --fields selection is not a record)"]
    selected = run("parse", str(write_notice(tmp_path, 413)), "--format", "json", "--fields", "reference,deadline")
    (tmp_path / "selected.json").write_text(selected.stdout)
    lines = run("validate", str(tmp_path / "selected.json")).stdout.splitlines()
    assert len(lines) == 1 and "no key schema_version, institution, dg, " in lines[0]

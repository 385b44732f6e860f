"""The CLI like gh/jq/csvkit: terminal vs pipe, --fields, quiet closed pipes, inputs told by content, people's dates."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from enum import unique
from pathlib import Path

import pytest

from vacancy_cli.errors import ExitCode

from .test_store import write_notice

MARKUP_TITLE = "Policy Officer [bold]x[/] [link=https://e.example]y"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], input=stdin, capture_output=True, text=True,
                          timeout=300)


def on_terminal(*args: str, columns: int = 80) -> tuple[str, str, int]:
    """Run the CLI with stdout on a pseudo-terminal of `columns` columns: (stdout, stderr, exit code)."""
    main, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "vacancy_cli", *args], stdout=secondary, stderr=subprocess.PIPE,
                               env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal's other end closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    _, err = process.communicate(timeout=300)
    os.close(main)
    return b"".join(chunks).decode().replace("\r\n", "\n"), err.decode(), process.returncode


def test_terminal_shows_a_view_with_notice_markup_printed_literally(tmp_path: Path) -> None:
    path = write_notice(tmp_path, 100, title=MARKUP_TITLE, deadline="14.10.2026")
    out, err, code = on_terminal("parse", str(path))
    assert code == 0 and err == ""
    assert MARKUP_TITLE in out and "EC/2026/ENV/100" in out and "●●●" in out and "confidence:" in out
    assert not out.lstrip().startswith("{")


def test_a_table_of_nothing_is_not_printed(tmp_path: Path) -> None:
    missing = str(tmp_path / "typo.txt")
    result = run("parse", missing, "-f", "table")
    assert result.returncode == ExitCode.INPUT_ERROR and result.stdout == ""
    assert result.stderr == f"vacancy: {missing}: no such file\n"


def test_the_readme_shows_the_terminal_view_as_it_is_at_80_columns() -> None:
    root = Path(__file__).resolve().parents[1]
    command = "$ vacancy parse samples/cast-header-table.pdf\n"
    shown = (root / "README.md").read_text(encoding="utf-8").split(command, 1)[1].split("```", 1)[0]
    out, err, code = on_terminal("parse", str(root / "samples" / "cast-header-table.pdf"), columns=80)
    assert code == 0 and err == ""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)  # bold and dim stay under NO_COLOR: the text is compared
    assert plain.replace(str(root / "samples"), "samples") == shown
    assert max(len(line) for line in shown.splitlines()) <= 80  # no line the terminal would wrap


def test_piped_or_with_format_the_output_is_for_programs(tmp_path: Path) -> None:
    path = write_notice(tmp_path, 100)
    piped = run("parse", str(path))
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout.count("\n") == 1  # compact JSON: one line
    record = json.loads(piped.stdout)
    assert record["reference"] == "EC/2026/ENV/100" and record["evidence"]["reference"]["confidence"]
    out, _, code = on_terminal("parse", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["reference"] == "EC/2026/ENV/100" and out.count("\n") > 10  # indented
    without_evidence = json.loads(run("parse", str(path), "--no-evidence").stdout)
    assert "evidence" not in without_evidence and without_evidence["reference"] == "EC/2026/ENV/100"


def test_jsonl_is_one_line_per_record_whatever_the_number_of_files(tmp_path: Path) -> None:
    for count in (1, 3):
        paths = [str(write_notice(tmp_path, 100 + i)) for i in range(count)]
        result = run("parse", *paths, "--format", "jsonl")
        assert result.returncode == 0
        assert [json.loads(line)["reference"] for line in result.stdout.splitlines()] == [
            f"EC/2026/ENV/{100 + i}" for i in range(count)]


def test_fields_in_every_format(tmp_path: Path) -> None:
    paths = [str(write_notice(tmp_path, 100 + i)) for i in range(2)]
    keys = "reference,languages.required,source.path"
    lines = run("parse", *paths, "-f", "jsonl", "--fields", keys).stdout.splitlines()
    assert json.loads(lines[0]) == {"reference": "EC/2026/ENV/100", "languages": {"required": []},
                                    "source": {"path": paths[0]}}
    listed = json.loads(run("parse", *paths, "-f", "json", "--fields", "reference,deadline").stdout)
    assert [list(r) for r in listed] == [["reference", "deadline"]] * 2
    rows = list(csv.reader(io.StringIO(run("parse", *paths, "-f", "csv", "--fields", "reference,deadline").stdout)))
    assert rows == [["reference", "deadline"], ["EC/2026/ENV/100", "2026-10-14T12:00:00+02:00"],
                    ["EC/2026/ENV/101", "2026-10-14T12:00:00+02:00"]]
    table = run("parse", *paths, "-f", "table", "--fields", "reference,deadline").stdout
    assert "reference" in table and "job_title" not in table and "2026-10-14T12:00:00+02:00" in table
    exported = run("export", str(tmp_path), "--fields", "reference,deadline")
    assert exported.returncode == 0 and json.loads(exported.stdout.splitlines()[0]) == {
        "reference": "EC/2026/ENV/100", "deadline": "2026-10-14T12:00:00+02:00"}
    checked = run("check-deadline", *paths, "-f", "json", "--fields", "reference,status", "--now", "2026-05-01T09:00:00Z")
    assert json.loads(checked.stdout)[0] == {"reference": "EC/2026/ENV/100", "status": "open"}


@pytest.mark.parametrize("command", [["parse"], ["export"], ["check-deadline"]])
def test_unknown_field_is_a_usage_error_naming_the_valid_ones(command: list[str], tmp_path: Path) -> None:
    result = run(*command, str(write_notice(tmp_path, 100)), "--fields", "reference,salary")
    assert result.returncode == ExitCode.USAGE and result.stdout == ""
    assert "salary" in result.stderr and "reference" in result.stderr.split("valid fields")[1]


def test_a_closed_pipe_ends_quietly_with_ok(tmp_path: Path) -> None:
    paths = " ".join(str(write_notice(tmp_path, 100 + i)) for i in range(12))
    script = f"'{sys.executable}' -m vacancy_cli parse {paths} -f jsonl | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "0" and result.stderr == ""


@pytest.mark.parametrize("command", [["explain"], ["parse", "-f", "table"], ["parse", "-f", "view"],
                                     ["check-deadline", "--now", "2026-05-01T09:00:00Z"]])
def test_a_pipe_closed_before_rich_output_ends_quietly_with_ok(command: list[str], tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first write: rich's own handler would exit 1
    process = subprocess.run([sys.executable, "-m", "vacancy_cli", *command, str(write_notice(tmp_path, 100))],
                             stdout=writer, stderr=subprocess.PIPE, text=True, timeout=300)
    os.close(writer)
    assert process.returncode == ExitCode.OK and process.stderr == ""


def test_check_deadline_reports_a_deadline_that_is_not_iso_in_one_line(tmp_path: Path) -> None:
    record = tmp_path / "hand.json"
    record.write_text(json.dumps({"reference": "X-1", "deadline": "next tuesday"}))
    good = write_notice(tmp_path, 100)
    result = run("check-deadline", str(record), str(good), "--now", "2026-05-01T09:00:00Z", "-f", "json")
    assert result.returncode == ExitCode.INPUT_ERROR
    assert result.stderr == f"vacancy: {record}: deadline 'next tuesday' is not an ISO 8601 date or date-time\n"
    assert [row["reference"] for row in json.loads(result.stdout)] == ["EC/2026/ENV/100"]
    alone = run("check-deadline", str(record), "--now", "2026-05-01T09:00:00Z")
    assert alone.returncode == ExitCode.INPUT_ERROR and alone.stdout == "" and alone.stderr.count("\n") == 1


def test_a_date_only_deadline_is_shown_as_that_day_end_of_day_brussels(tmp_path: Path) -> None:
    path = write_notice(tmp_path, 100, deadline="25.02.2027")
    rows = json.loads(run("check-deadline", str(path), "--now", "2026-05-01T09:00:00Z", "-f", "json").stdout)
    assert rows[0]["closes"] == "2027-02-25, end of day, Brussels"
    assert rows[0]["brussels"] == "2027-02-26T00:00:00+01:00"  # the machine field stays ISO 8601
    out, _, code = on_terminal("check-deadline", str(path), "--now", "2026-05-01T09:00:00Z", "--tz", "Europe/Brussels")
    assert code == 0 and "2027-02-25, end of day, Brussels" in out and "2027-02-25 24:00 CET" in out


def test_tables_never_cut_a_reference_or_a_deadline(tmp_path: Path) -> None:
    path = write_notice(tmp_path, 123456789, title="Senior Policy Officer for the Environment and Climate Adaptation")
    for args in (["check-deadline", str(path), "--now", "2026-05-01T09:00:00Z"], ["parse", str(path), "-f", "table"]):
        out, _, code = on_terminal(*args, columns=80)
        assert code == 0 and "EC/2026/ENV/123456789" in out and "…" not in out
        piped = run(*args).stdout
        assert "EC/2026/ENV/123456789" in piped and "…" not in piped
        assert any("Senior Policy Officer for the Environment and Climate Adaptation" in line for line in piped.splitlines())


def test_narrow_tables_wrap_long_text_but_never_fold_a_short_cell_or_a_header() -> None:
    from rich.console import Console

    from vacancy_cli.write.table import print_table, table

    title = "Senior Policy Officer for the Environment and Climate Adaptation"
    grid = table(["reference", "title", "left", "institution"],
                 [["EC/2026/ENV/123456789", title, "129 d 13 h", "European Commission"]], keep={"reference"})
    screen = Console(width=60, file=io.StringIO(), no_color=True)
    print_table(screen, grid)
    out = screen.file.getvalue()  # type: ignore[attr-defined]
    assert "EC/2026/ENV/123456789" in out and "129 d 13 h" in out and "institution" in out
    assert title not in out and "Senior" in out  # the long title wraps


@pytest.mark.parametrize(("name", "content"), [
    ("calls.csv", "schema_version,reference,institution\r\n1,X,Y\r\n"),
    ("call.txt", '{"schema_version": "1", "reference": "X"}\n'),
    ("calls.jsonl", '{"reference": "X"}\n{"reference": "Y"}\n'),
    ("deadlines.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"),
    ("page.html", "<!DOCTYPE html><html><head><title>vacancy explain: X</title></head><body>x</body></html>"),
])
def test_the_tools_own_output_is_refused_as_a_notice(name: str, content: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(content)
    for command in ("parse", "explain", "export"):
        result = run(command, str(path))
        assert result.returncode == ExitCode.INPUT_ERROR, (command, result.stderr)
        assert result.stderr.count("\n") == 1 and "not a notice" in result.stderr and str(path) in result.stderr


def test_record_commands_read_records_by_content_and_refuse_other_outputs(tmp_path: Path) -> None:
    records = run("export", str(write_notice(tmp_path, 100)), "-f", "jsonl").stdout
    piped = run("validate", "-", stdin=records)
    assert piped.returncode == 0 and piped.stdout == ""
    named = tmp_path / "records.txt"
    named.write_text(records)
    assert run("check-deadline", str(named), "--now", "2026-05-01T09:00:00Z").returncode == 0
    table = tmp_path / "calls.csv"
    table.write_text(run("export", str(tmp_path / "n100.txt"), "-f", "csv").stdout)
    result = run("validate", str(table))
    assert result.returncode == ExitCode.INPUT_ERROR and "JSON or JSON Lines" in result.stderr


def test_validate_reports_exports_error_records_as_failed_files(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 truncated")
    write_notice(tmp_path, 100)
    exported = tmp_path / "calls.jsonl"
    exported.write_text(run("export", str(tmp_path), "-f", "jsonl").stdout)
    result = run("validate", str(exported))
    assert result.returncode == ExitCode.INPUT_ERROR
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "scan.pdf" in result.stderr


def test_diff_of_two_lists_compares_calls_by_reference(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    for ref in (1, 2, 3):
        write_notice(old, ref)
    write_notice(new, 2, deadline="28.10.2026 - 12.00 (Brussels time)")
    write_notice(new, 3)
    write_notice(new, 4)
    for folder in (old, new):
        (folder / "calls.jsonl").write_text(run("export", str(folder), "-f", "jsonl").stdout)
    result = run("diff", str(old / "calls.jsonl"), str(new / "calls.jsonl"), "-f", "json")
    assert result.returncode == ExitCode.ATTENTION and result.stderr == ""
    report = {c["call"]: (c["status"], {x["field"] for x in c["changes"]}) for c in json.loads(result.stdout)}
    assert report == {
        "European Commission EC/2026/ENV/1": ("removed", set()),
        "European Commission EC/2026/ENV/2": ("changed", {"deadline", "deadline_text"}),
        "European Commission EC/2026/ENV/4": ("added", set()),
    }
    same = run("diff", str(old / "calls.jsonl"), str(old / "calls.jsonl"))
    assert same.returncode == 0 and same.stdout == "no differences\n"


def test_exit_codes_have_one_name_each() -> None:
    assert unique(ExitCode) is ExitCode
    assert ExitCode.ATTENTION == 1 and ExitCode.USAGE == 2


COMMANDS = ("parse", "export", "validate", "diff", "check-deadline", "explain", "schema", "sync", "calls", "changes")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_speaks_in_words_with_examples_that_paste(command: str) -> None:
    result = subprocess.run([sys.executable, "-m", "vacancy_cli", command, "--help"], capture_output=True, text=True,
                            timeout=300, env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0 and result.stderr == ""
    for python_type in ("<list[", "<str>", "<path>", "<int", "<float", "<bool>", "<integer"):
        assert python_type not in result.stdout, python_type
    after = result.stdout.split("  Example", 1)[1].split("\n", 1)[1]  # the lines under `Examples:`
    lines = after.split("\n\n", 1)[0].splitlines()  # up to the next blank line: one whole command a line
    assert lines and all(line.strip().startswith(("vacancy ", "cat ", "find ")) for line in lines), lines


def test_evidence_is_in_json_by_default_as_help_says(tmp_path: Path) -> None:
    path = write_notice(tmp_path, 101)
    assert "--no-evidence leaves" in run("parse", "--help").stdout
    assert "evidence" in json.loads(run("parse", str(path)).stdout)
    assert "evidence" not in json.loads(run("parse", str(path), "--no-evidence").stdout)


@pytest.mark.parametrize("args", [
    ["parse"], ["parse", "--bogus", "x.txt"], ["parse", "-f", "xml", "x.txt"], ["nope"],
    ["parse", "x.txt", "--fields", "reference,salary"], ["check-deadline", "x.json", "--within", "soon"],
    ["check-deadline", "x.json", "--tz", "Mars/Base"],
])
def test_a_usage_error_is_one_line_naming_the_help(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == ExitCode.USAGE and result.stdout == ""
    assert result.stderr.startswith("vacancy: ") and result.stderr.count("\n") == 1
    assert result.stderr.endswith(" --help)\n") and "Traceback" not in result.stderr


def test_vacancy_alone_shows_the_help() -> None:
    result = run()
    assert result.returncode == ExitCode.USAGE and "Commands:" in result.stderr and "parse" in result.stderr


def test_completion_is_on() -> None:
    assert "parse [OPTIONS] FILE...\n" in run("parse", "--help").stdout
    assert "--install-completion" in run("--help").stdout


def test_shell_completion_completes_commands_and_options() -> None:
    env = {**os.environ, "_VACANCY_COMPLETE": "complete_bash", "COMP_WORDS": "vacancy parse --for", "COMP_CWORD": "2"}
    script = Path(sys.executable).with_name("vacancy")  # the console script: completion goes by the program's name
    result = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.split() == ["--format"]


@pytest.mark.parametrize("now", ["yesterday", "2026-05-01T09:00", "2026-13-01T00:00:00Z"])
def test_a_bad_now_is_one_line_and_a_usage_error(now: str, tmp_path: Path) -> None:
    path = write_notice(tmp_path, 100)
    for command in ("check-deadline", "export"):
        result = run(command, str(path), "--now", now, *(["-f", "ics"] if command == "export" else []))
        assert result.returncode == ExitCode.USAGE and result.stdout == ""
        assert result.stderr.startswith(f"vacancy: --now {now!r}") and result.stderr.count("\n") == 1

"""Output that never trusts notice text: inert CSV cells, file names that are not UTF-8 or hold line breaks."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vacancy_cli.errors import ExitCode
from vacancy_cli.hygiene import printable_name
from vacancy_cli.write.records import inert_cell

NOTICE = "Call for expression of interest EC/2026/ENV/300400\nJob title: {title}\nDeadline: 14.10.2026 - 12.00\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], capture_output=True, cwd=cwd, timeout=120)


def csv_rows(output: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output.decode("utf-8"), newline="")))


FORMULAS = ['=HYPERLINK("http://example.com/x","Apply")', "+Policy Officer", "@SUM(A1:A9) Officer"]


@pytest.mark.parametrize("title", FORMULAS)
@pytest.mark.parametrize("command", ["parse", "export"])
def test_a_title_that_begins_like_a_formula_is_written_as_text(tmp_path: Path, command: str, title: str) -> None:
    (tmp_path / "notice.txt").write_text(NOTICE.format(title=title), encoding="utf-8")
    result = run(command, "--format", "csv", "notice.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert csv_rows(result.stdout)[0]["job_title"] == "'" + title


@pytest.mark.parametrize("command", ["parse", "export"])
def test_csv_raw_writes_the_values_as_they_are(tmp_path: Path, command: str) -> None:
    (tmp_path / "notice.txt").write_text(NOTICE.format(title=FORMULAS[0]), encoding="utf-8")
    result = run(command, "--format", "csv", "--csv-raw", "notice.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert csv_rows(result.stdout)[0]["job_title"] == FORMULAS[0]


def test_a_file_name_that_begins_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    (tmp_path / "-notice.txt").write_text(NOTICE.format(title="Policy Officer"), encoding="utf-8")
    (tmp_path / "=1+2.txt").write_text(NOTICE.format(title="Policy Officer"), encoding="utf-8")
    result = run("parse", "--format", "csv", "--", "-notice.txt", "=1+2.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [row["source.path"] for row in csv_rows(result.stdout)] == ["'-notice.txt", "'=1+2.txt"]
    assert [row["job_title"] for row in csv_rows(result.stdout)] == ["Policy Officer"] * 2


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_prefixed(start: str) -> None:
    assert inert_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["", "2026-10-14", "EC/2026/ENV/300400", "1", " =not a formula", "'quoted"])
def test_other_cells_are_left_alone(value: str) -> None:
    assert inert_cell(value) == value


@pytest.fixture
def latin1_folder(tmp_path: Path) -> Path:
    """A folder with a notice whose name is Latin-1 (`café.txt`, not UTF-8), then a good one."""
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "a.txt").write_text(NOTICE.format(title="Policy Officer"), encoding="utf-8")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as stream:
        stream.write(NOTICE.format(title="Legal Officer").encode("utf-8"))
    (folder / "z.txt").write_text(NOTICE.format(title="Data Officer"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("format", ["jsonl", "json", "csv"])
def test_export_of_a_file_name_that_is_not_utf8_goes_on(latin1_folder: Path, format: str) -> None:
    out = latin1_folder.parent / f"out.{format}"
    result = run("export", "notices", "--format", format, "-o", str(out), cwd=latin1_folder.parent)
    assert (result.returncode, result.stderr) == (0, b"")
    text = out.read_text(encoding="utf-8")
    if format == "csv":
        paths = [row["source.path"] for row in csv_rows(text.encode("utf-8"))]
    elif format == "json":
        paths = [record["source"]["path"] for record in json.loads(text)]
    else:
        paths = [json.loads(line)["source"]["path"] for line in text.splitlines()]
    assert paths == ["notices/a.txt", "notices/caf\\xe9.txt", "notices/z.txt"]


def test_parse_output_file_with_a_file_name_that_is_not_utf8(latin1_folder: Path) -> None:
    names = [os.fsencode(path) for path in sorted(latin1_folder.iterdir())]
    out = latin1_folder / "out.json"
    result = subprocess.run([sys.executable, "-m", "vacancy_cli", "parse", *names, "-o", str(out)], capture_output=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, b"")
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["job_title"] for r in records] == ["Policy Officer", "Legal Officer", "Data Officer"]
    assert records[1]["source"]["path"].endswith("/caf\\xe9.txt")


def test_an_error_naming_a_file_with_a_line_break_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad\nname\r.txt").write_bytes(b"")
    (tmp_path / "caf\u00e9\x1b[2J.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(NOTICE.format(title="Policy Officer"), encoding="utf-8")
    result = run("export", ".", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == ExitCode.INPUT_ERROR
    lines = result.stderr.decode("utf-8").splitlines()
    assert sorted(lines) == ["vacancy: ./bad\\nname\\r.txt: empty file", "vacancy: ./café\\x1b[2J.txt: empty file"]
    errors = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines() if '"error"' in line]
    assert sorted(e["source"]["path"] for e in errors) == ["./bad\\nname\\r.txt", "./café\\x1b[2J.txt"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("notice.pdf", "notice.pdf"),
        ("café/avis n°3.pdf", "café/avis n°3.pdf"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
        ("a\nb\tc.txt", "a\\nb\\tc.txt"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("bell\x07.txt", "bell\\x07.txt"),
    ],
)
def test_printable_name(name: str, shown: str) -> None:
    assert printable_name(name) == shown
    assert printable_name(name).encode("utf-8")

"""`vacancy parse`: formats, stdin, and every bad input (stderr line, exit code, batch goes on)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vacancy_cli.cli.app import app
from vacancy_cli.errors import ExitCode

from .pdfgen import NOTICE_LINES, image_only_pdf, text_pdf

GOOD = "\n".join(NOTICE_LINES) + "\n"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], input=stdin, capture_output=True, cwd=cwd, timeout=120)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_one_file_prints_one_object(good: Path) -> None:
    result = run("parse", str(good))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["reference"] == "EC/2026/ENV/300400"
    assert record["deadline"] == "2026-10-14T12:00:00+02:00"
    assert result.stderr == b""


def test_several_files_print_a_list_and_jsonl_one_per_line(good: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(GOOD.replace("300400", "300401"), encoding="utf-8")
    listed = json.loads(run("parse", str(good), str(other)).stdout)
    assert [r["reference"] for r in listed] == ["EC/2026/ENV/300400", "EC/2026/ENV/300401"]
    lines = run("parse", "--format", "jsonl", str(good), str(other)).stdout.decode().splitlines()
    assert [json.loads(line)["reference"] for line in lines] == ["EC/2026/ENV/300400", "EC/2026/ENV/300401"]


def test_csv_has_header_and_one_row_per_notice(good: Path) -> None:
    out = run("parse", "--format", "csv", str(good)).stdout.decode()
    rows = out.splitlines()
    assert rows[0].startswith("schema_version,reference,institution,dg")
    assert len(rows) == 2 and "EC/2026/ENV/300400" in rows[1]


def test_table_for_people(good: Path) -> None:
    result = CliRunner().invoke(app, ["parse", "--format", "table", str(good)])
    assert result.exit_code == 0
    assert "EC/2026/ENV/300400" in result.stdout


def test_stdin(good: Path) -> None:
    result = run("parse", "-", stdin=good.read_bytes())
    assert json.loads(result.stdout)["job_title"] == "Policy Officer"


def test_output_file(good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert run("parse", str(good), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["reference"] == "EC/2026/ENV/300400"


def test_pdf_and_password(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(text_pdf(NOTICE_LINES))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(text_pdf(NOTICE_LINES, encrypt="s3cret"))
    assert json.loads(run("parse", str(plain)).stdout)["function_group"] == "FG IV"
    assert json.loads(run("parse", "--password", "s3cret", str(locked)).stdout)["contract_type"] == "contract_agent_3b"


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, ExitCode, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"this is not a pdf at all\n" * 10)
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(text_pdf(NOTICE_LINES)[:400])
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(text_pdf(NOTICE_LINES, encrypt="s3cret"))
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(image_only_pdf())
    return {
        "missing": (tmp_path / "missing.txt", ExitCode.INPUT_ERROR, "no such file"),
        "empty": (empty, ExitCode.INPUT_ERROR, "empty file"),
        "directory": (folder, ExitCode.INPUT_ERROR, "directory"),
        "not a pdf": (fake, ExitCode.INPUT_ERROR, "not a PDF"),
        "truncated": (truncated, ExitCode.INPUT_ERROR, "PDF"),
        "encrypted": (locked, ExitCode.INPUT_ERROR, "password"),
        "scanned": (scanned, ExitCode.NO_TEXT_LAYER, "OCR"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "directory", "not a pdf", "truncated", "encrypted", "scanned"])
def test_bad_input_gives_one_line_and_its_exit_code(case: str, tmp_path: Path, good: Path) -> None:
    path, code, words = _bad_inputs(tmp_path)[case]
    result = run("parse", "--format", "jsonl", str(good), str(path), str(good))
    stderr = result.stderr.decode()
    assert result.returncode == code
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert str(path) in stderr and words in stderr
    assert len(result.stdout.decode().splitlines()) == 2  # both good files still parsed


def test_exit_code_is_the_first_failure(tmp_path: Path, good: Path) -> None:
    bad = _bad_inputs(tmp_path)
    result = run("parse", str(bad["scanned"][0]), str(good), str(bad["missing"][0]))
    assert result.returncode == ExitCode.NO_TEXT_LAYER
    assert len(json.loads(result.stdout)) == 1


def test_usage_error_exit_code() -> None:
    assert run("parse", "--format", "xml", "x.txt").returncode == ExitCode.USAGE


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().startswith("vacancy ")
    assert "Examples" in run("parse", "--help").stdout.decode()

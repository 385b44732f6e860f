"""Hostile inputs, generated here: each is parsed or refused with one stderr line and its exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vacancy_cli.errors import ExitCode

from .hostile_pdfs import turned_pdf
from .pdfgen import NOTICE_LINES, broken_xref_pdf, cid_only_pdf, image_only_pdf, text_pdf

GOOD = "\n".join(NOTICE_LINES) + "\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], capture_output=True, text=True, timeout=300)


def refused(result: subprocess.CompletedProcess[str], path: Path, code: ExitCode, words: str) -> None:
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(path) in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_cross_reference_table_is_recovered(tmp_path: Path) -> None:
    path = tmp_path / "xref.pdf"
    path.write_bytes(broken_xref_pdf())
    result = run("parse", str(path))
    assert result.returncode == 0
    assert json.loads(result.stdout)["reference"] == "EC/2026/ENV/300400"


def test_cid_text_is_told_apart_and_suggests_ocr(tmp_path: Path) -> None:
    path = tmp_path / "cid.pdf"
    path.write_bytes(cid_only_pdf())
    refused(run("parse", str(path)), path, ExitCode.NO_TEXT_LAYER, "ocrmypdf")


def test_scanned_pdf_suggests_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf())
    refused(run("parse", str(path)), path, ExitCode.NO_TEXT_LAYER, "ocrmypdf")


def test_encrypted_pdf_with_wrong_password(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(text_pdf(NOTICE_LINES, encrypt="right"))
    refused(run("parse", "--password", "wrong", str(path)), path, ExitCode.INPUT_ERROR, "wrong password")


def test_page_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(text_pdf(NOTICE_LINES, pages=40))
    refused(run("parse", "--max-pages", "30", str(path)), path, ExitCode.LIMIT_EXCEEDED, "30-page limit")
    assert json.loads(run("parse", "--max-pages", "0", str(path)).stdout)["function_group"] == "FG IV"


def test_400_page_pdf_is_refused_by_default_and_parsed_on_request(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    path.write_bytes(text_pdf(NOTICE_LINES, pages=400))
    refused(run("parse", str(path)), path, ExitCode.LIMIT_EXCEEDED, "300-page limit")
    result = run("parse", "--max-pages", "500", str(path))
    assert result.returncode == 0 and json.loads(result.stdout)["source"]["pages"] == 400


def test_time_limit(tmp_path: Path) -> None:
    path = tmp_path / "slow.pdf"
    path.write_bytes(text_pdf(NOTICE_LINES, pages=60))
    refused(run("parse", "--timeout", "0.05", str(path)), path, ExitCode.LIMIT_EXCEEDED, "time limit")


def test_50_mb_text_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.write(GOOD.encode())
        stream.write(b"x" * 50_000_000)
    refused(run("parse", str(path)), path, ExitCode.LIMIT_EXCEEDED, "limit")


def test_invalid_utf8_falls_back_to_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(GOOD.encode() + b"Caf\xe9 \xff\xfe broken\n")
    result = run("parse", str(path))
    assert result.returncode == 0 and json.loads(result.stdout)["job_title"] == "Policy Officer"


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))
    assert json.loads(run("parse", str(path)).stdout)["reference"] == "EC/2026/ENV/300400"


def test_binary_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 64)
    refused(run("parse", str(path)), path, ExitCode.INPUT_ERROR, "binary")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    refused(run("parse", str(path)), path, ExitCode.INPUT_ERROR, "permission denied")


def test_output_in_missing_folder(tmp_path: Path) -> None:
    notice = tmp_path / "good.txt"
    notice.write_text(GOOD)
    out = tmp_path / "missing" / "out.json"
    result = run("parse", str(notice), "-o", str(out))
    assert result.returncode == ExitCode.OUTPUT_ERROR
    assert str(out) in result.stderr and "Traceback" not in result.stderr
    assert not out.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_in_read_only_folder(tmp_path: Path) -> None:
    notice = tmp_path / "good.txt"
    notice.write_text(GOOD)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    result = run("parse", str(notice), "-o", str(folder / "out.json"))
    assert result.returncode == ExitCode.OUTPUT_ERROR
    assert list(folder.iterdir()) == []


def test_interrupted_export_leaves_no_output_file(tmp_path: Path) -> None:
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    pdf = text_pdf(NOTICE_LINES, pages=30)
    for n in range(80):
        (folder / f"n{n:02d}.pdf").write_bytes(pdf)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "vacancy_cli", "export", str(folder), "-o", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the first record is written: imports are done, parsing goes on
        partial = list(tmp_path.glob(".out.jsonl.*"))
        if partial and partial[0].stat().st_size > 0:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == ExitCode.INTERRUPTED, stderr
    assert stderr.strip().endswith("interrupted") and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many"]


def test_permission_denied_is_reported_even_when_running_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vacancy_cli import parse_file
    from vacancy_cli.errors import InputError

    path = tmp_path / "secret.txt"
    path.write_text(GOOD)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="permission denied"):
        parse_file(path)


def test_read_only_output_folder_even_when_running_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from vacancy_cli.errors import OutputError
    from vacancy_cli.write.atomic import atomic_output

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="cannot write here"), atomic_output(tmp_path / "out.json") as stream:
        stream.write("never")
    assert list(tmp_path.iterdir()) == []


TURNS = (0, 90, 180, 270)


@pytest.mark.parametrize("drawn", TURNS)
@pytest.mark.parametrize("shown", TURNS)
def test_a_turned_page_is_read_alike_by_both_engines(drawn: int, shown: int) -> None:
    """A page shown turned (`/Rotate`) or whose text is drawn turned loses no field in either engine,
    and both give the same boxes."""
    from vacancy_cli import parse_bytes

    data = turned_pdf(NOTICE_LINES, drawn, shown)
    calls = [parse_bytes(data, "turned.pdf", engine=engine) for engine in ("pdfplumber", "pdfium", "auto")]
    for call in calls:
        assert (call.reference, call.job_title, call.function_group) == ("EC/2026/ENV/300400", "Policy Officer", "FG IV")
        assert call.deadline == "2026-10-14T12:00:00+02:00" and call.place_of_employment == ["Brussels"]
        assert call.warnings == []
    boxes = [[round(v) for v in call.evidence["reference"].bbox or ()] for call in calls]
    assert boxes[0] == boxes[1] == boxes[2] and boxes[0][1] > 0


@pytest.mark.parametrize("shown", [180, 270])
def test_the_pdfplumber_engine_reads_a_page_shown_upside_down_or_sideways(tmp_path: Path, shown: int) -> None:
    path = tmp_path / "turned.pdf"
    path.write_bytes(turned_pdf(NOTICE_LINES, 0, shown))
    result = run("parse", "--engine", "pdfplumber", "--format", "json", "--fields", "reference,deadline", str(path))
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout) == {"reference": "EC/2026/ENV/300400", "deadline": "2026-10-14T12:00:00+02:00"}


@pytest.mark.parametrize("command", [["parse", "-"], ["validate", "-"], ["diff", "-", "-"], ["check-deadline", "-"],
                                     ["explain", "-"], ["export", "--files-from", "-"]])
def test_a_closed_standard_input_is_one_line(command: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "vacancy_cli", *command], capture_output=True, text=True, timeout=120,
                            preexec_fn=lambda: os.close(0))
    assert result.returncode == ExitCode.INPUT_ERROR
    assert result.stderr == "vacancy: -: standard input is closed\n"


def test_a_list_of_files_naming_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(GOOD)
    listing = tmp_path / "list.txt"
    listing.write_bytes(os.fsencode(str(tmp_path / name)) + b"\n\n")
    for source, stdin in ((str(listing), None), ("-", listing.read_bytes())):
        result = subprocess.run([sys.executable, "-m", "vacancy_cli", "export", "--files-from", source, "--no-evidence"],
                                input=stdin, capture_output=True, timeout=120)
        assert result.returncode == 0 and result.stderr == b""
        record = json.loads(result.stdout)
        assert record["reference"] == "EC/2026/ENV/300400" and record["source"]["path"].endswith("caf\\xe9.txt")


def test_a_missing_list_of_files_is_one_line(tmp_path: Path) -> None:
    listing = tmp_path / "missing.txt"
    refused(run("export", "--files-from", str(listing)), listing, ExitCode.INPUT_ERROR, "no such file")

"""Characters that are never content: invisible characters inside identifiers, control characters and escape
sequences; gone before extraction, in text and PDF notices, from values and evidence alike."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from vacancy_cli import parse_text
from vacancy_cli.api import parse_bytes
from vacancy_cli.hygiene import strip_invisible

INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "bidi embedding": "\u202a",
    "bidi override": "\u202e",
    "bidi isolate": "\u2066",
    "pop directional isolate": "\u2069",
    "NUL": "\x00",
    "soft hyphen": "\u00ad",
    "byte-order mark": "\ufeff",
    "control character": "\x01",
    "DEL": "\x7f",
    "C1 control": "\x85",
}
ESCAPES = {
    "window title": "\x1b]0;pwned\x07",
    "window title ended by ST": "\x1b]2;pwned\x1b\\",
    "clear screen": "\x1b[2J",
    "colour": "\x1b[1;31m",
    "C1 CSI": "\x9b2J",
    "reset": "\x1bc",
}


def notice(mark: str) -> str:
    """A notice with `mark` inside its reference, its title and its deadline."""
    return (
        f"Call for expression of interest EC-2026{mark}-123\n"
        f"Job title: Pol{mark}icy Officer\n"
        f"Deadline for applications: 14.10{mark}.2026 - 12.00 (Brussels time)\n"
    )


EXPECTED = ("EC-2026-123", "Policy Officer", "2026-10-14T12:00:00+02:00")


def strings(value: Any) -> list[str]:
    """Every string of a record dump, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *strings(item)]]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@pytest.mark.parametrize("mark", list(INVISIBLE.values()) + list(ESCAPES.values()), ids=list(INVISIBLE) + list(ESCAPES))
def test_a_text_notice_reads_whole_identifiers(mark: str) -> None:
    record = parse_text(notice(mark))
    assert (record.reference, record.job_title, record.deadline) == EXPECTED
    assert not any(strip_invisible(s) != s for s in strings(record.model_dump(mode="json")))


def _vera_pdf(text: str) -> bytes:
    """The lines of `text` in a PDF, set in a TrueType font that has no glyph for invisible characters."""
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))  # shipped with reportlab
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=True)
    pdf.setFont("Vera", 11)
    for number, line in enumerate(text.splitlines()):
        pdf.drawString(60, 800 - 16 * number, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# A C1 control (NEL) breaks the line in a PDF; an escape sequence's ESC has no glyph, the rest of it is text.
PDF_MARKS = {name: mark for name, mark in INVISIBLE.items() if name != "C1 control"}


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("mark", list(PDF_MARKS.values()), ids=list(PDF_MARKS))
def test_a_pdf_notice_reads_whole_identifiers(engine: str, mark: str) -> None:
    """PDFium gives a glyph without Unicode as NUL (a lost tick box between words, an invisible character inside one)."""
    record = parse_bytes(_vera_pdf(notice(mark)), "notice.pdf", engine=engine)
    assert (record.reference, record.job_title, record.deadline) == EXPECTED


def test_a_lost_tick_box_between_words_is_still_a_box() -> None:
    from vacancy_cli.read.pdfium import _piece_text

    assert _piece_text("X Brussels \x00 Luxembourg") == "X Brussels ☐ Luxembourg"
    assert _piece_text("EC-2026\x00-123") == "EC-2026-123"


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Policy\x1b]0;pwned\x07 Officer", "Policy Officer"),
        ("a\x1b[2Jb\x1b[0mc", "abc"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("unterminated \x1b]0;title", "unterminated "),
        ("caf\u00e9 \u0395\u03bb\u03bb\u03ac\u03b4\u03b1 \u0431\u044a\u043b\u0433\u0430\u0440\u0441\u043a\u0438 \u2013 \u20ac", "caf\u00e9 \u0395\u03bb\u03bb\u03ac\u03b4\u03b1 \u0431\u044a\u043b\u0433\u0430\u0440\u0441\u043a\u0438 \u2013 \u20ac"),
    ],
)
def test_strip_invisible(text: str, clean: str) -> None:
    assert strip_invisible(text) == clean


def test_escape_sequences_reach_no_output(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    filler = "The selected candidate will work in a team of policy officers on the programme.\n" * 10
    path.write_text(notice("\x1b]0;pwned\x07\x1b[2J\x01") + filler, encoding="utf-8")
    for format in ("json", "csv", "table"):
        result = subprocess.run([sys.executable, "-m", "vacancy_cli", "parse", "--format", format, str(path)],
                                capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert not any(byte in result.stdout for byte in (b"\x1b", b"\x07", b"\x01")), format
        assert b"pwned" not in result.stdout
    record = json.loads(subprocess.run([sys.executable, "-m", "vacancy_cli", "parse", str(path)], capture_output=True,
                                       timeout=120).stdout)
    assert record["job_title"] == "Policy Officer"

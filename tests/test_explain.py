"""`vacancy explain`: the terminal view and the HTML page, with boxes where the evidence is."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vacancy_cli import parse_file
from vacancy_cli.errors import ExitCode
from vacancy_cli.explain.html import RESOLUTION

from .conftest import SAMPLES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], capture_output=True, text=True, timeout=300,
                          env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "COLUMNS": "200"})


@pytest.mark.parametrize("name", ["cast-header-table.pdf", "sne-tick-boxes.txt"])
def test_terminal_view_lists_each_found_field(name: str) -> None:
    call = parse_file(SAMPLES / name)
    result = run("explain", str(SAMPLES / name))
    assert result.returncode == 0, result.stderr
    for value in (call.reference, call.deadline, call.contract_type.value if call.contract_type else None):
        assert value is not None and value in result.stdout
    assert "Not stated in the notice" in result.stdout


def test_bad_input_gives_one_line(tmp_path: Path) -> None:
    result = run("explain", str(tmp_path / "missing.pdf"))
    assert result.returncode == ExitCode.INPUT_ERROR
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


class Boxes(HTMLParser):
    """The field boxes of an explain page: field -> (left, top, width, height) in pixels."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: dict[str, tuple[float, ...]] = {}
        self.rows: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "div" and a.get("class") == "box":
            numbers = [float(v) for v in re.findall(r"([\d.]+)px", a.get("style") or "")]
            self.boxes[str(a["data-field"])] = tuple(numbers)
        if tag == "tr" and a.get("data-field"):
            self.rows.append(str(a["data-field"]))


def test_html_boxes_sit_on_the_evidence(tmp_path: Path) -> None:
    pdf = SAMPLES / "cast-header-table.pdf"
    out = tmp_path / "explain.html"
    result = run("explain", str(pdf), "--html", str(out))
    assert result.returncode == 0, result.stderr
    page = Boxes()
    page.feed(out.read_text(encoding="utf-8"))
    call = parse_file(pdf)
    scale = RESOLUTION / 72
    assert {"reference", "deadline", "function_group", "place_of_employment"} <= set(page.boxes)
    for field, (left, top, width, height) in page.boxes.items():
        bbox = call.evidence[field].bbox
        assert bbox is not None
        x0, y0, x1, y1 = (v * scale for v in bbox)
        assert x0 - 4 <= left and left + width <= x1 + 4, field  # inside the evidence line, horizontally
        assert y0 - 4 <= top and top + height <= y1 + 4, field  # and vertically
    assert "data:image/png;base64," in out.read_text(encoding="utf-8")


def test_html_for_a_text_notice_highlights_spans(tmp_path: Path) -> None:
    out = tmp_path / "text.html"
    assert run("explain", str(SAMPLES / "multi-unit.txt"), "--html", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert 'id="box-reference" data-field="reference">EC/2026/ENV/700415</span>' in text

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
from vacancy_cli.explain.boxes import LABEL_CHAR_WIDTH, LABEL_HEIGHT
from vacancy_cli.explain.fields import rows
from vacancy_cli.explain.html import pdf_page
from vacancy_cli.explain.render import MAX_PAGE_PIXELS, MAX_TOTAL_PIXELS, RESOLUTION, resolution
from vacancy_cli.model import Call, Evidence

from .conftest import SAMPLES
from .hostile_pdfs import _FONT, _NOTICE, raw_pdf, stream


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
    """The marks of an explain page: field -> (left, top, width, height) of its box in pixels, the labels
    (page size, box, label offset, label text), the text of each highlighted span and its fields."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: dict[str, tuple[float, ...]] = {}
        self.labels: list[tuple[tuple[float, ...], float, str]] = []
        self.pages: list[tuple[float, float]] = []
        self.spans: list[tuple[list[str], str]] = []
        self.rows: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        numbers = tuple(float(v) for v in re.findall(r"(-?[\d.]+)px", a.get("style") or ""))
        if tag == "div" and a.get("class") == "page" and numbers:
            self.pages.append((numbers[0], numbers[1]))
        if tag == "div" and a.get("class") == "box":
            for field in str(a["data-fields"]).split():
                self.boxes[field.replace("-", ".")] = numbers
            self.labels.append((numbers, 0.0, ""))
        self._open.append("label" if tag == "span" and self.labels and self._open[-1:] == ["box"] else
                          "box" if a.get("class") == "box" else "span" if a.get("class") == "span" else tag)
        if self._open[-1] == "label":
            box, _, _ = self.labels[-1]
            self.labels[-1] = (box, numbers[0], "")
        if self._open[-1] == "span":
            self.spans.append((str(a["data-fields"]).split(), ""))
        if tag == "tr" and a.get("data-field"):
            self.rows.append(str(a["data-field"]))

    def handle_data(self, data: str) -> None:
        if self._open[-1:] == ["label"]:
            box, offset, text = self.labels[-1]
            self.labels[-1] = (box, offset, text + data)
        if self._open[-1:] == ["span"]:
            fields, text = self.spans[-1]
            self.spans[-1] = (fields, text + data)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()


def explained(notice: Path, out: Path) -> Boxes:
    result = run("explain", str(notice), "--html", str(out))
    assert result.returncode == 0, result.stderr
    page = Boxes()
    page.feed(out.read_text(encoding="utf-8"))
    return page


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
    page = Boxes()
    page.feed(out.read_text(encoding="utf-8"))
    assert [text for fields, text in page.spans if "reference" in fields] == ["EC/2026/ENV/700415"]


def test_fields_sharing_a_line_each_highlight_their_text(tmp_path: Path) -> None:
    notice = SAMPLES / "sne-tick-boxes.txt"
    page = explained(notice, tmp_path / "text.html")
    assert page.spans and all(text for _, text in page.spans)  # no empty span
    highlighted = {field for fields, _ in page.spans for field in fields}
    assert highlighted == {row.field.replace(".", "-") for row in rows(parse_file(notice)) if row.value and row.evidence}
    assert any({"dg", "directorate", "units"} <= set(fields) for fields, _ in page.spans)  # one line, three fields
    assert ["staff_category", "contract_type"] in [fields for fields, _ in page.spans]


def test_shared_pdf_boxes_carry_all_their_labels_and_labels_do_not_overlap(tmp_path: Path) -> None:
    pdf = SAMPLES / "sne-tick-boxes.pdf"
    page = explained(pdf, tmp_path / "pdf.html")
    call = parse_file(pdf)
    assert set(page.boxes) == {row.field for row in rows(call) if row.value and row.evidence and row.evidence.bbox}
    assert "staff_category · contract_type" in [text for _, _, text in page.labels]
    drawn = []
    for (left, top, _, _), offset, text in page.labels:
        assert text, "every box has a label"
        drawn.append((left, top + offset, left + len(text) * LABEL_CHAR_WIDTH + 6, top + offset + LABEL_HEIGHT))
    for i, a in enumerate(drawn):
        for b in drawn[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def _one_page_pdf(media_box: bytes, count: int = 1) -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count %d >>" % count, _FONT,
                    page % media_box, stream(_NOTICE)])


@pytest.mark.parametrize("side", [b"14400", b"1000000000"])
def test_a_huge_page_is_drawn_smaller_not_at_full_size(tmp_path: Path, side: bytes) -> None:
    pdf = tmp_path / "huge.pdf"
    pdf.write_bytes(_one_page_pdf(b"0 0 " + side + b" " + side))
    page = explained(pdf, tmp_path / "huge.html")
    [(width, height)] = page.pages
    assert width * height <= MAX_PAGE_PIXELS and width > 1000  # bounded, still a readable picture
    assert "reference" in page.boxes


def test_rendering_budget_per_page_and_in_total() -> None:
    assert resolution(595, 842, 1) == RESOLUTION  # A4 at 96 dpi
    dpi = resolution(14400, 14400, 1)
    assert dpi is not None and (14400 * dpi / 72) ** 2 <= MAX_PAGE_PIXELS * 1.001
    many = resolution(595, 842, 300)
    assert many is not None and 300 * (595 * many / 72) * (842 * many / 72) <= MAX_TOTAL_PIXELS * 1.001
    assert resolution(0, 842, 1) is None and resolution(float("nan"), 842, 1) is None
    assert resolution(float("inf"), 842, 1) is None


def test_evidence_on_a_page_the_pdf_does_not_have_draws_no_box() -> None:
    data = _one_page_pdf(b"0 0 595 842", count=40)  # the page count lies: one page
    call = Call(reference="EC/2026/ENV/300400", evidence={
        "reference": Evidence(page=7, text="Reference: EC/2026/ENV/300400", bbox=[60, 30, 300, 45])})
    html = pdf_page(data, call)
    assert html.count('<div class="page"') == 1 and 'class="box"' not in html


def test_terminal_view_prints_markup_in_values_as_written(tmp_path: Path) -> None:
    notice = tmp_path / "markup.txt"
    notice.write_text("Call for expression of interest EC/2026/ENV/300400\n"
                      "Job title: Officer [/] for [link=https://example.org]data[/link]\n"
                      "Express your interest until: 14.10.2026 - 12.00 (Brussels time)\n", encoding="utf-8")
    result = run("explain", str(notice))
    assert result.returncode == 0, result.stderr
    assert "Officer [/] for" in result.stdout and "[link=https://example.org]" in result.stdout

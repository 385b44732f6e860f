"""Two-column pages are read column by column by both PDF engines; forms and one-column pages are not."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from vacancy_cli.api import parse_bytes
from vacancy_cli.document import BBox
from vacancy_cli.read import read_bytes
from vacancy_cli.read.layout import find_columns

ENGINES = ("pdfium", "pdfplumber")
COLUMN_WIDTH = 220.0
LEFT_COLUMN = [
    "Job title: Policy Officer",
    "Where: Unit ENV.B.2, Brussels",
    "Contract Type: 3b",
    "The unit prepares policy files on the circular economy and follows the legislation in the Member States "
    "closely. We offer a contract of two years that may be renewed once for a further period of two years.",
]
RIGHT_COLUMN = [
    "The selected candidate will draft briefings, analyse data and take part in meetings with the Member States "
    "and the stakeholders of the sector. Applicants must have a university degree and at least three years of "
    "relevant professional experience in environmental policy or law. Send your CV to the unit.",
    "Express your interest until: 14.10.2026 - 12.00 (Brussels time)",
]


def _wrap(text: str, width: float, size: float = 10) -> list[str]:
    """Words set into lines of `width` points, as a word processor wraps them."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and stringWidth(candidate, "Helvetica", size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current]


def _two_column_pdf() -> bytes:
    """A heading across the page, then two columns of paragraphs whose lines share baselines."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, 790, "Call for expression of interest EC/2026/ENV/300400")
    pdf.setFont("Helvetica", 10)
    for paragraphs, x in ((LEFT_COLUMN, 60.0), (RIGHT_COLUMN, 315.0)):
        y = 760.0
        for paragraph in paragraphs:
            for line in _wrap(paragraph, COLUMN_WIDTH):
                pdf.drawString(x, y, line)
                y -= 12
            y -= 6
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _form_pdf() -> bytes:
    """Labels on the left, values set at a tab stop: rows with a wide gap, but no columns of text."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.setFont("Helvetica", 10)
    rows = [("Reference", "EC/2026/ENV/300400"), ("Job title", "Policy Officer"), ("Unit", "ENV.B.2"),
            ("Place of employment", "Brussels"), ("Contract type", "3b"), ("Function group", "FG IV"),
            ("Deadline", "14.10.2026 - 12.00 (Brussels time)")]
    for number, (label, value) in enumerate(rows):
        pdf.drawString(60, 780 - 16 * number, label)
        pdf.drawString(250, 780 - 16 * number, value)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("engine", ENGINES)
def test_the_title_of_a_two_column_page_is_not_merged_with_the_other_column(engine: str) -> None:
    record = parse_bytes(_two_column_pdf(), "notice.pdf", engine=engine)
    assert record.job_title == "Policy Officer"
    assert (record.reference, record.deadline, record.place_of_employment) == (
        "EC/2026/ENV/300400", "2026-10-14T12:00:00+02:00", ["Brussels"])


@pytest.mark.parametrize("engine", ENGINES)
def test_a_two_column_page_is_read_left_column_first(engine: str) -> None:
    lines = [line.text for line in read_bytes(_two_column_pdf(), "notice.pdf", engine=engine).lines]
    assert lines[:4] == ["Call for expression of interest EC/2026/ENV/300400", "Job title: Policy Officer",
                         "Where: Unit ENV.B.2, Brussels", "Contract Type: 3b"]
    assert lines.index("Contract Type: 3b") < next(i for i, text in enumerate(lines) if text.startswith("The selected"))
    assert lines[-1] == "Express your interest until: 14.10.2026 - 12.00 (Brussels time)"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_form_with_values_at_a_tab_stop_keeps_its_rows(engine: str) -> None:
    record = parse_bytes(_form_pdf(), "form.pdf", engine=engine)
    assert (record.job_title, record.reference, record.place_of_employment) == ("Policy Officer", "EC/2026/ENV/300400", ["Brussels"])


def _column_boxes(rows: int, gutter: tuple[float, float] = (280.0, 315.0)) -> list[BBox]:
    """The pieces of `rows` rows of two filled columns (10 pt text)."""
    boxes: list[BBox] = []
    for row in range(rows):
        top = 100.0 + 12 * row
        boxes += [(60.0, top, gutter[0] - (row % 3), top + 10), (gutter[1], top, 535.0 - (row % 2) * 4, top + 10)]
    return boxes


def test_find_columns() -> None:
    columns = find_columns(_column_boxes(20))
    assert columns is not None
    assert columns.gutter == (280.0, 315.0) and (columns.top, columns.bottom) == (100.0, 338.0)


def test_a_line_across_the_gutter_in_the_middle_is_no_columns() -> None:
    boxes = [b for b in _column_boxes(20) if b[1] != 220.0] + [(60.0, 220.0, 535.0, 230.0)]  # row 10: across the page
    assert find_columns(boxes) is None


def test_short_labels_and_values_are_no_columns() -> None:
    boxes = [box for row in range(20) for box in ((60.0, 100.0 + 12 * row, 100.0 + row % 5 * 10, 110.0 + 12 * row),
                                                  (250.0, 100.0 + 12 * row, 300.0 + row % 7 * 30, 110.0 + 12 * row))]
    assert find_columns(boxes) is None


def test_a_few_rows_are_no_columns() -> None:
    assert find_columns(_column_boxes(3)) is None


def _header_beside_paragraphs(header_pitch: float) -> list[BBox]:
    """A left column of short lines (a header's labels and values), `header_pitch` apart, beside a column of
    filled paragraph lines 12 pt apart (10 pt text)."""
    left = [(60.0, 100.0 + header_pitch * row, 100.0 + row % 6 * 12, 110.0 + header_pitch * row)
            for row in range(int(240 // header_pitch))]
    right = [(315.0, 100.0 + 12 * row, 535.0 - (row % 2) * 4, 110.0 + 12 * row) for row in range(20)]
    return left + right


def test_a_header_of_short_lines_beside_a_column_of_paragraphs_is_two_columns() -> None:
    columns = find_columns(_header_beside_paragraphs(12.0))  # the header's lines follow one another
    assert columns is not None and columns.gutter == (160.0, 315.0)


def test_labels_beside_values_of_several_lines_are_no_columns() -> None:
    assert find_columns(_header_beside_paragraphs(48.0)) is None  # a label, then three lines of its value

"""HTML pages and Word (DOCX) files are read like text notices, tables and check boxes included."""

from __future__ import annotations

import io
import zipfile

import pytest

from vacancy_cli import parse_bytes
from vacancy_cli.errors import InputError

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _row(label: str, value: str) -> str:
    return f"<w:tr><w:tc>{_p(label)}</w:tc><w:tc>{value}</w:tc></w:tr>"


def docx(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def test_word_document_with_table_and_symbol_tick_boxes() -> None:
    ticked = '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t xml:space="preserve"> Brussels </w:t>'
    ticked += '<w:sym w:font="Wingdings" w:char="F0A8"/><w:t xml:space="preserve"> Luxembourg</w:t></w:r></w:p>'
    body = (
        _p("Call for expression of interest EC/2026/BUDG/300900")
        + "<w:tbl>" + _row("Job title", _p("Financial Officer")) + _row("Place of employment", ticked)
        + _row("Contract Type", _p("3b")) + "</w:tbl>"
        + _p("Express your interest until: 05.06.2026 - 12.00 (Brussels time)")
    )
    call = parse_bytes(docx(body), "notice.docx")
    assert call.source is not None and call.source.format == "docx"
    assert (call.reference, call.job_title, call.place_of_employment) == ("EC/2026/BUDG/300900", "Financial Officer", ["Brussels"])
    assert call.contract_type is not None and call.contract_type.value == "contract_agent_3b"
    assert call.deadline == "2026-06-05T12:00:00+02:00"


def test_broken_word_document_is_refused() -> None:
    with pytest.raises(InputError, match="Word document"):
        parse_bytes(b"PK\x03\x04 not really a zip", "broken.docx")


def test_html_page_with_table_and_check_boxes() -> None:
    page = (
        "<!DOCTYPE html><html><head><style>td{color:red}</style><script>var x=1;</script></head><body>"
        "<h1>Vacancy notice EUAA/2026/TA/031</h1><table>"
        "<tr><th>Place of employment</th><td><input type='checkbox' checked> Valletta <input type='checkbox'> Brussels</td></tr>"
        "<tr><td>Type of contract</td><td>Temporary agent 2(f)</td></tr>"
        "<tr><td>Closing date</td><td>3 April 2026 at 12:00 h, Valletta local time</td></tr>"
        "</table><p>Thorough knowledge of English is required.</p></body></html>"
    )
    call = parse_bytes(page.encode("utf-8"), "notice.html")
    assert call.source is not None and call.source.format == "html"
    assert (call.reference, call.place_of_employment, call.deadline) == (
        "EUAA/2026/TA/031", ["Valletta"], "2026-04-03T12:00:00+02:00")
    assert call.contract_type is not None and call.contract_type.value == "temporary_agent_2f"
    assert [(r.level, r.of) for r in call.languages.required] == [("C1", ["EN"])]

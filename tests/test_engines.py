"""The PDF engines give the same record (every field but evidence and source) on every sample PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from vacancy_cli import parse_file

from .conftest import SAMPLES, SEEDS

PDFS = sorted(SAMPLES.glob("*.pdf")) + (sorted((SEEDS / "pdf").glob("*.pdf")) if SEEDS.is_dir() else [])


@pytest.mark.parametrize("pdf", PDFS, ids=[p.name for p in PDFS])
def test_engines_agree(pdf: Path) -> None:
    records = {
        engine: parse_file(pdf, engine=engine).model_dump(mode="json", exclude={"evidence", "source"})
        for engine in ("pdfplumber", "pdfium", "auto")
    }
    assert records["pdfium"] == records["pdfplumber"]
    assert records["auto"] == records["pdfplumber"]


def test_there_are_sample_pdfs() -> None:
    assert len(list(SAMPLES.glob("*.pdf"))) >= 4


def test_a_frame_around_the_page_is_not_a_table(tmp_path: Path) -> None:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from .pdfgen import NOTICE_LINES

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.rect(30, 30, 535, 780)  # a border around all the text: one big "cell"
    for n, line in enumerate(NOTICE_LINES):
        pdf.drawString(60, 780 - 16 * n, line)
    pdf.showPage()
    pdf.save()
    path = tmp_path / "framed.pdf"
    path.write_bytes(buffer.getvalue())
    for engine in ("pdfplumber", "pdfium"):
        call = parse_file(path, engine=engine)
        assert (call.job_title, call.function_group, call.deadline) == ("Policy Officer", "FG IV", "2026-10-14T12:00:00+02:00")

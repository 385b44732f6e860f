"""Text that other tools extracted from the PDFs (hard wraps, tick boxes out of place) reads like the PDF."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from vacancy_cli import parse_bytes

from .conftest import SAMPLES, SEEDS
from .golden import differences, load


def pdfplumber_text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def pdfium_text(pdf: Path) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\f".join(page.get_textpage().get_text_range().replace("\r\n", "\n") for page in doc)
    finally:
        doc.close()


def expected_of(pdf: Path) -> Path:
    local = pdf.with_suffix(".json")
    return local if local.exists() else pdf.parents[1] / "expected" / f"{pdf.stem}.json"


PDFS = sorted(SAMPLES.glob("*.pdf")) + (sorted((SEEDS / "pdf").glob("*.pdf")) if SEEDS.is_dir() else [])


@pytest.mark.parametrize("extract", [pdfplumber_text, pdfium_text], ids=["pdfplumber", "pdfium"])
@pytest.mark.parametrize("pdf", PDFS, ids=[p.name for p in PDFS])
def test_text_extracted_by_another_tool(pdf: Path, extract: object) -> None:
    text = extract(pdf)  # type: ignore[operator]
    got = parse_bytes(text.encode("utf-8"), f"{pdf.stem}.txt").model_dump(mode="json")
    assert differences(load(expected_of(pdf)), got) == []

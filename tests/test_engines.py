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

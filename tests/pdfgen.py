"""Small PDFs generated for tests (reportlab), so no binary fixtures are committed."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def text_pdf(lines: list[str], encrypt: str | None = None, pages: int = 1) -> bytes:
    """A PDF with the given lines of text on each page."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=True)
    for _ in range(pages):
        y = 800.0
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A 'scanned' PDF: drawings, no text layer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


NOTICE_LINES = [
    "Call for expression of interest EC/2026/ENV/300400",
    "Job title: Policy Officer",
    "Where: Unit ENV.B.2, Brussels",
    "Function Group: FG IV",
    "Contract Type: 3b",
    "Express your interest until: 14.10.2026 - 12.00 (Brussels time)",
]

"""Small PDFs generated for tests (reportlab), so no binary fixtures are committed."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def text_pdf(lines: list[str], encrypt: str | None = None, pages: int = 1) -> bytes:
    """A PDF with the given lines on page 1, then pages of filler text."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=True)
    for number in range(pages):
        y = 800.0
        page_lines = lines if number == 0 else [f"Annex {number}: paragraph {n} of the conditions." for n in range(40)]
        for line in page_lines:
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


def cid_only_pdf() -> bytes:
    """A PDF whose text uses a composite font without a Unicode map: extractors see `(cid:NN)`."""
    content = b"BT /F1 12 Tf 72 720 Td <0024004F004F0003005700480057> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def broken_xref_pdf() -> bytes:
    """A readable PDF whose cross-reference table points to the wrong offsets."""
    data = text_pdf(NOTICE_LINES)
    start = data.rindex(b"xref")
    head, tail = data[:start], data[start:]
    broken = bytes(tail).replace(b" 00000 n", b" 00000 n").replace(b"0000000", b"9999999", 3)
    return head + broken

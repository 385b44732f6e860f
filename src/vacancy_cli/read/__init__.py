"""Readers: file bytes -> Document. The only code that knows file formats."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..document import Document
from ..errors import InputError

PDF_MAGIC = b"%PDF-"


@cache
def _html_start() -> re.Pattern[bytes]:
    """An HTML document's first tags. A bytes pattern, so `re.compile`, not `regex_cache` (which keeps `str` ones);
    compiled on first use, as this module is kept cheap to import."""
    return re.compile(rb"<(?:!doctype\s+html|html|body|p|div|table)\b", re.I)


def read_bytes(
    data: bytes, name: str, password: str | None = None, engine: str = "auto", max_pages: int = 0
) -> Document:
    """Read a notice from its bytes; the format is told by content, not by name."""
    if not data.strip():
        raise InputError("empty file", name)
    if data.lstrip()[:5] == PDF_MAGIC or data[:1024].find(PDF_MAGIC) >= 0:
        return _read_pdf(data, name, password, engine, max_pages)
    if Path(name).suffix.lower() == ".pdf":
        raise InputError("not a PDF file (no %PDF header)", name)
    from ..own_output import own_output

    kind = own_output(data)
    if kind:
        raise InputError(f"{kind}, not a notice (records are read by validate, diff and check-deadline)", name)
    from .text import read_text

    if data[:4] == b"PK\x03\x04":
        from .markup import docx_to_text

        return read_text(docx_to_text(data, name).encode("utf-8"), name, format="docx")
    if _html_start().search(data[:4096]):
        from .markup import html_to_text
        from .text import decode

        return read_text(html_to_text(decode(data, name)).encode("utf-8"), name, format="html")
    return read_text(data, name)


def _read_pdf(data: bytes, name: str, password: str | None, engine: str, max_pages: int) -> Document:
    """`pdfplumber`: the pdfminer path; `pdfium` and `auto`: PDFium, and pdfplumber for what it cannot read."""
    if engine != "pdfplumber":
        from .pdfium import Unusable, read_pdfium

        try:
            return read_pdfium(data, name, password=password, max_pages=max_pages)
        except Unusable:
            pass  # the pdfplumber engine reads it, or says precisely why it cannot
    from .pdf import read_pdf

    return read_pdf(data, name, password=password, max_pages=max_pages)

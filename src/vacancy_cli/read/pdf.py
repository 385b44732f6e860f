"""PDF notices through pdfplumber: text lines in reading order, table rows as cells.

The only module that imports pdfplumber (pdfminer); nothing else sees its objects.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from ..document import BBox, Document, Line
from ..errors import InputError, LimitExceededError, NoTextLayerError, VacancyError
from .clean import clean_line, repeated_lines, split_furniture, substitute_letter_ticks
from .layout import join_paragraphs

_CID = re.compile(r"\(cid:\d+\)")
_BAND = 0.12  # top and bottom share of a page where running headers and footers sit


def read_pdf(data: bytes, name: str, password: str | None = None, engine: str = "auto", max_pages: int = 0) -> Document:
    """Read a PDF's text and tables; raise InputError / NoTextLayerError for unusable files."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about fonts are not the user's problem

    lines: list[Line] = []
    sizes: list[tuple[float, float]] = []
    raw_chars = 0
    cid_chars = 0
    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            if max_pages and len(pdf.pages) > max_pages:
                raise LimitExceededError(
                    f"PDF has {len(pdf.pages)} pages, over the {max_pages}-page limit (see --max-pages)", name
                )
            for number, page in enumerate(pdf.pages, 1):
                sizes.append((float(page.width), float(page.height)))
                page_lines = _page_lines(page, number)
                page.close()
                for line in page_lines:
                    raw_chars += len(line.text)
                    cid_chars += sum(len(m) for m in _CID.findall(line.text))
                lines.extend(page_lines)
    except Exception as exc:  # pdfminer raises many types for broken files; pdfplumber wraps them
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, VacancyError):
            raise cause from None
        if isinstance(cause, PDFPasswordIncorrect):
            reason = "wrong password" if password else "encrypted PDF: give its password with --password"
            raise InputError(reason, name) from None
        raise InputError(f"not a readable PDF ({_describe(cause)})", name) from None
    if raw_chars == 0:
        raise NoTextLayerError("no text layer (a scanned PDF?): run OCR first, e.g. `ocrmypdf in.pdf out.pdf`", name)
    if cid_chars > raw_chars / 2:
        raise NoTextLayerError("text layer unusable (glyphs without Unicode mapping, `(cid:NN)`): run OCR, e.g. `ocrmypdf --force-ocr`", name)
    return _document(lines, sizes)


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _page_lines(page: Any, number: int) -> list[Line]:
    """Table rows and text lines of one page, top to bottom."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    items: list[Line] = []
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = tuple(clean_line(c or "") for c in cells)
            texts = tuple(t for t in texts if t)
            if texts:
                items.append(Line(text=" ".join(texts), page=number, bbox=_box(row.bbox), cells=texts))

    def outside_tables(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    raw = text_page.extract_text_lines(strip=True, return_chars=False)
    ticked = substitute_letter_ticks([r["text"] for r in raw])
    for r, text in zip(raw, ticked, strict=True):
        cleaned = clean_line(text)
        if cleaned:
            items.append(Line(text=cleaned, page=number, bbox=_box((r["x0"], r["top"], r["x1"], r["bottom"]))))
    items.sort(key=lambda line: (line.bbox or (0, 0, 0, 0))[1])
    return join_paragraphs(items)


def _box(bbox: tuple[float, float, float, float]) -> BBox:
    return (round(bbox[0], 1), round(bbox[1], 1), round(bbox[2], 1), round(bbox[3], 1))


def _document(lines: list[Line], sizes: list[tuple[float, float]]) -> Document:
    """Set running headers and footers (repeated in the page bands) aside."""
    in_band = [
        line
        for line in lines
        if line.bbox is not None
        and (line.bbox[1] < _BAND * sizes[line.page - 1][1] or line.bbox[3] > (1 - _BAND) * sizes[line.page - 1][1])
    ]
    repeated = repeated_lines(in_band, min_pages=2, min_count=2, fold_digits=True)
    body, furniture = split_furniture(lines, repeated, fold_digits=True)
    return Document(lines=body, pages=len(sizes), format="pdf", furniture=furniture, page_sizes=sizes)

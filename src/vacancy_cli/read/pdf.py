"""PDF notices through pdfplumber: text lines in reading order, table rows as cells.

The only module that imports pdfplumber (pdfminer); nothing else sees its objects.
"""

from __future__ import annotations

import copy
import io
import logging
from collections import Counter
from typing import Any

from .. import regex_cache
from ..document import BBox, Document, Line
from ..errors import InputError, LimitExceededError, NoTextLayerError, VacancyError
from .clean import EMPTY_BOX
from .layout import PARTS, box, cut_at_gaps, far_apart, find_columns, is_label, page_lines, pdf_document

_CID = regex_cache.compile(r"\(cid:\d+\)")
_CID_ALONE = regex_cache.compile(r"(?<!\S)\(cid:\d+\)(?!\S)")
_NUL_ALONE = regex_cache.compile(r"(?<!\S)\x00(?!\S)")  # `X Brussels \x00 Luxembourg`: a glyph its font maps to U+0000
# A gap between two glyphs wider than this share of the font size is a space, drawn or not (pdfplumber's fixed
# 3 pt misses the spaces of a PDF that places each word on its own, as TeX and justified text often do).
_WORD_GAP: dict[str, Any] = {"x_tolerance_ratio": 0.2}


def read_pdf(data: bytes, name: str, password: str | None = None, max_pages: int = 0) -> Document:
    """Read a PDF's text and tables; raise InputError / NoTextLayerError for unusable files."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about fonts are not the user's problem

    lines: list[Line] = []
    sizes: list[tuple[float, float]] = []
    skipped: list[str] = []
    raw_chars = 0
    cid_chars = 0
    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            if max_pages and len(pdf.pages) > max_pages:
                raise LimitExceededError(
                    f"PDF has {len(pdf.pages)} pages, over the {max_pages}-page limit (see --max-pages)", name
                )
            for number, original in enumerate(pdf.pages, 1):
                page = original
                try:
                    page = _upright(pdf, original)
                    sizes.append((float(page.width), float(page.height)))
                    page_lines = _page_lines(page, number)
                except (VacancyError, MemoryError):
                    raise
                except Exception as exc:  # a damaged page: the others are still read
                    skipped.append(f"page {number} skipped: damaged ({_describe(exc)})")
                    sizes[number - 1:] = [(0.0, 0.0)]  # sizes stay indexed by page number
                    page_lines = []
                finally:
                    original.close()
                    page.close()
                for line in page_lines:
                    raw_chars += len(line.text)
                    cid_chars += sum(len(m) for m in _CID.findall(line.text))
                lines.extend(_boxed(line) for line in page_lines)
    except Exception as exc:  # pdfminer raises many types for broken files; pdfplumber wraps them
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, (VacancyError, MemoryError)):
            raise cause from None
        if isinstance(cause, PDFPasswordIncorrect):
            reason = "wrong password" if password else "encrypted PDF: give its password with --password"
            raise InputError(reason, name) from None
        raise InputError(f"not a readable PDF ({_describe(cause)})", name) from None
    if raw_chars == 0:
        raise NoTextLayerError("no text layer (a scanned PDF?): run OCR first, e.g. `ocrmypdf in.pdf out.pdf`", name)
    if cid_chars > raw_chars / 2:
        raise NoTextLayerError("text layer unusable (glyphs without Unicode mapping, `(cid:NN)`): run OCR, e.g. `ocrmypdf --force-ocr`", name)
    document = pdf_document(lines, sizes)
    document.warnings.extend(skipped)
    return document


def _boxed(line: Line) -> Line:
    """A glyph without Unicode standing alone (`X Brussels (cid:0) Luxembourg`) as an empty tick box, as
    the PDFium engine reads it: a Wingdings box that the printing browser could not draw."""
    if "(cid:" not in line.text:
        return line
    text = _CID_ALONE.sub(EMPTY_BOX, line.text)
    return Line(text=text, page=line.page, bbox=line.bbox, cells=tuple(_CID_ALONE.sub(EMPTY_BOX, c) for c in line.cells))


def _lost_box(text: str) -> str:
    """A glyph mapped to U+0000 standing alone as an empty tick box, as the PDFium engine reads it (before the
    clean-up drops control characters): a box whose glyph the font that printed it did not have."""
    return _NUL_ALONE.sub(EMPTY_BOX, text) if "\x00" in text else text


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _upright(pdf: Any, page: Any) -> Any:
    """The page turned so that most of its characters run left to right: a page shown turned (`/Rotate`)
    or whose text is drawn turned is read as PDFium reads an upright page; the same page when it is upright."""
    turn = _turn(page.chars)
    if not turn:
        return page
    from pdfplumber.page import Page

    shown = page.page_obj.rotate if page.page_obj.rotate in (0, 90, 180, 270) else 0
    turned = copy.copy(page.page_obj)
    turned.rotate = (shown + turn) % 360
    turned.attrs = {**page.page_obj.attrs, "Rotate": turned.rotate}
    return Page(pdf, turned, page.page_number, page.initial_doctop)


def _turn(chars: list[dict[str, Any]]) -> int:
    """Degrees (0, 90, 180 or 270) to turn a page clockwise by for most of its characters to run left to
    right, from the direction of each character's text matrix on the page as shown."""
    votes: Counter[int] = Counter()
    for char in chars:
        a, b = char["matrix"][:2]
        if abs(a) >= abs(b):
            votes[0 if a >= 0 else 180] += 1
        else:
            votes[90 if b > 0 else 270] += 1
    return votes.most_common(1)[0][0] if votes else 0


def _page_lines(page: Any, number: int) -> list[Line]:
    """Table rows and text lines of one page, top to bottom."""
    # a frame around text (one cell per row) is not a label/value table: its text is read as lines
    tables = [t for t in page.find_tables() if any(sum(1 for c in row if c) > 1 for row in t.extract())]
    boxes = [table.bbox for table in tables]
    rows = [
        (tuple(_lost_box(c or "") for c in cells), box(row.bbox))
        for table in tables
        for row, cells in zip(table.rows, table.extract(**_WORD_GAP), strict=False)
    ]

    def outside_tables(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    raw = text_page.extract_text_lines(strip=True, return_chars=True, **_WORD_GAP)
    columns = find_columns([piece for r in raw for piece in cut_at_gaps([_bbox(c) for c in r["chars"]])])
    if columns:  # each column's lines apart: characters on one baseline make one line within a part of the page
        parts = [text_page.filter(lambda obj, part=part: columns.part(_bbox(obj)) == part) for part in PARTS]
        raw = [r for part in parts for r in part.extract_text_lines(strip=True, return_chars=True, **_WORD_GAP)]
    texts = [(_lost_box(text), bbox) for r in raw for text, bbox in _pieces_apart(r)]
    return page_lines(rows, texts, number, columns)


def _pieces_apart(line: dict[str, Any]) -> list[tuple[str, BBox]]:
    """A text line of pdfplumber as the lines its pieces far apart make (see `far_apart`), else whole."""
    from pdfplumber.utils.text import extract_text

    chars = line["chars"]
    pieces: list[tuple[str, BBox]] = []
    start = 0
    for end in range(1, len(chars)):
        if far_apart(_bbox(chars[end - 1]), _bbox(chars[end])) and not is_label(extract_text(chars[start:end], **_WORD_GAP)):
            pieces.append(_piece(chars[start:end]))
            start = end
    if not pieces:
        return [(line["text"], box((line["x0"], line["top"], line["x1"], line["bottom"])))]
    return [*pieces, _piece(chars[start:])]


def _piece(chars: list[dict[str, Any]]) -> tuple[str, BBox]:
    """The text of some characters of one line and the box around them."""
    from pdfplumber.utils.text import extract_text

    text = extract_text(chars, **_WORD_GAP).strip()
    return text, box((min(c["x0"] for c in chars), min(c["top"] for c in chars), max(c["x1"] for c in chars),
                      max(c["bottom"] for c in chars)))


def _bbox(obj: dict[str, Any]) -> tuple[float, float, float, float]:
    return (obj["x0"], obj["top"], obj["x1"], obj["bottom"])

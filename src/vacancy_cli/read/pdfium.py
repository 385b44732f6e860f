"""PDF notices through PDFium (pypdfium2): text boxes and ruled tables from page objects.

The only module that imports pypdfium2. About fifty times faster than pdfminer; it gives the
same lines and table rows as the pdfplumber engine for PDFs exported by word processors.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import regex_cache
from ..document import BBox, Document, Line
from ..errors import InputError, LimitExceededError
from .clean import EMPTY_BOX, TICKED_BOX, normalise_glyphs
from .layout import (
    PARTS,
    box,
    far_apart,
    find_columns,
    is_label,
    join_text,
    join_texts,
    page_lines,
    pdf_document,
)

_RULE = 2.5  # a rule is a segment thinner than this (points)
_MIN_RULE = 4.0  # and longer than this
_MAX_SEGMENTS = 16  # paths with more segments are drawings, not cell borders
_WORD = regex_cache.compile(r"\S+")
_BEYOND_BMP = regex_cache.compile("[\U00010000-\U0010ffff]")
_SURROGATE = regex_cache.compile("[\ud800-\udfff]")
_NUL_IN_WORD = regex_cache.compile(r"(?<=[^\s\x00])\x00+(?=[^\s\x00])")  # `EC-2026\x00-123`: an invisible character's glyph
_LINE_END_HYPHEN = {0x02: 0xFFFE}  # what PDFium's text gives for the character code 2 of a line-end hyphen
_LINE = regex_cache.compile(r"[^\s\ufffe](?:[^\r\n\ufffe]*[^\s\ufffe])?\ufffe?")  # PDFium's U+FFFE: a hyphen that ends a line


class Unusable(Exception):
    """PDFium cannot give usable text for this file; the pdfplumber engine will say why."""


@dataclass(frozen=True)
class Rule:
    """An axis-aligned ruling line: `at` is y for horizontal rules, x for vertical ones."""

    at: float
    start: float
    end: float


def read_pdfium(data: bytes, name: str, password: str | None = None, max_pages: int = 0) -> Document:
    """Read a PDF with PDFium; raise Unusable when the pdfplumber engine should decide."""
    import pypdfium2 as pdfium
    import pypdfium2_cfg

    # A time limit may stop the reading between opening a PDFium object and closing it; PDFium then
    # closes it at exit, and must not print a warning about it after our one line.
    pypdfium2_cfg.DEBUG_AUTOCLOSE.value = logging.ERROR

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            reason = "wrong password" if password else "encrypted PDF: give its password with --password"
            raise InputError(reason, name) from None
        raise Unusable(str(exc)) from None
    try:
        if max_pages and len(pdf) > max_pages:
            raise LimitExceededError(f"PDF has {len(pdf)} pages, over the {max_pages}-page limit (see --max-pages)", name)
        lines: list[Line] = []
        sizes: list[tuple[float, float]] = []
        skipped: list[str] = []
        printable = 0
        for index in range(len(pdf)):
            try:
                size, page_text = _load_page(pdf, index)
            except pdfium.PdfiumError as exc:
                skipped.append(f"page {index + 1} skipped: damaged ({exc})")
                size, page_text = (0.0, 0.0), []  # sizes stay indexed by page number
            sizes.append(size)
            printable += sum(len(line.text) for line in page_text)
            lines.extend(page_text)
    finally:
        pdf.close()
    if printable == 0:
        raise Unusable("no text")
    document = pdf_document(lines, sizes)
    document.warnings.extend(skipped)
    return document


def _load_page(pdf: Any, index: int) -> tuple[tuple[float, float], list[Line]]:
    """One page's size and lines; PdfiumError when PDFium cannot load or read it."""
    page = pdf[index]
    try:
        size = _size(page)
        return size, _read_page(page, index + 1, size[1])
    finally:
        page.close()


def _size(page: Any) -> tuple[float, float]:
    """Width and height of the page as drawn, the space of its text's coordinates: PDFium's size is
    that of the page as shown, turned by its `/Rotate`."""
    width, height = float(page.get_width()), float(page.get_height())
    return (height, width) if page.get_rotation() in (90, 270) else (width, height)


def _read_page(page: Any, number: int, height: float) -> list[Line]:
    """The lines of page `number`, `height` points high (see `_size`)."""
    horizontal, vertical = _rules(page, height)
    pieces, gapped = _pieces(page, height, vertical)
    spaced_rows, pieces = _spaced_rows(gapped, pieces)
    cells: dict[tuple[float, float], list[tuple[str, BBox]]] = {}
    cell_boxes: dict[tuple[float, float], BBox] = {}
    outside: list[tuple[str, BBox]] = []
    for text, bbox in pieces:
        cell = _cell_of(bbox, horizontal, vertical)
        if cell is None:
            outside.append((text, bbox))
        else:
            cells.setdefault(cell[:2], []).append((text, bbox))
            cell_boxes[cell[:2]] = cell[2]
    columns: dict[float, int] = {}
    for top, _ in cells:
        columns[top] = columns.get(top, 0) + 1
    for key in [key for key in cells if columns[key[0]] == 1]:
        outside.extend(cells.pop(key))  # a framed paragraph or page border, not a label/value row
    rows: dict[float, list[tuple[float, str]]] = {}
    row_boxes: dict[float, BBox] = {}
    for (top, left), content in cells.items():
        rows.setdefault(top, []).append((left, join_texts(text for text, _ in _lines(content))))
        x0, y0, x1, y1 = cell_boxes[(top, left)]
        old = row_boxes.get(top, (x0, y0, x1, y1))
        row_boxes[top] = (min(old[0], x0), min(old[1], y0), max(old[2], x1), max(old[3], y1))
    table_rows = [(tuple(text for _, text in sorted(rows[top])), row_boxes[top]) for top in sorted(rows)]
    two = find_columns([bbox for _, bbox in outside])
    parts = [[p for p in outside if two.part(p[1]) == part] for part in PARTS] if two else [outside]
    return page_lines(table_rows + spaced_rows, [line for part in parts for line in _lines(part)], number, two)


Piece = tuple[str, BBox]


def _pieces(page: Any, height: float, vertical: list[Rule]) -> tuple[list[Piece], list[tuple[Piece, Piece]]]:
    """Text pieces with their boxes: PDFium's lines, or, on lines that cross table rules, words; and
    apart, the lines with a wide gap after a short label, as (label, value) pieces (see `_spaced_rows`).

    A box comes from the first and last characters of its line or word, not from every character.
    """
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        text = _page_text(textpage)
        chars = _Chars(textpage.raw)
        # `_piece_text` of a piece is the piece of this, unless a glyph without Unicode or a surrogate is on the page
        shown = None if "\x00" in text or _SURROGATE.search(text) else text.replace("\ufffe", "-")
        pieces: list[Piece] = []
        gapped: list[tuple[Piece, Piece]] = []
        unmapped = checked = turned = 0
        for line in _LINE.finditer(text):
            start, end = line.span()
            unmapped += raw.FPDFText_HasUnicodeMapError(chars.page, start)
            checked += 1
            turned += (end - start) * (not _left_to_right(raw.FPDFText_GetCharAngle(chars.page, start)))
            bbox = chars.span_box(start, end - 1, height)
            centre = (bbox[1] + bbox[3]) / 2
            if vertical and any(rule.start - 1 <= centre <= rule.end + 1 for rule in vertical):
                pieces.extend(_words(chars, text, start, end, height))
            elif (gap := _label_gap(chars, text, start, end, bbox)) is not None:
                gapped.append(((_piece_text(text[start:gap]), chars.span_box(start, gap - 1, height)),
                               (_piece_text(text[gap + 1 : end]), chars.span_box(gap + 1, end - 1, height))))
            else:
                pieces.append((shown[start:end] if shown is not None else _piece_text(line.group(0)), bbox))
        if unmapped > checked / 2:
            raise Unusable("glyphs without Unicode mapping")
        if turned > len(text) / 2:
            raise Unusable("text drawn turned")  # the pdfplumber engine turns the page upright
    finally:
        textpage.close()
    return pieces, gapped


class _Chars:
    """The boxes of a PDFium text page's characters, by index: one ctypes call each, into buffers made once."""

    def __init__(self, handle: Any) -> None:
        """`handle`: the raw FPDF_TEXTPAGE (`PdfTextPage.raw`)."""
        import pypdfium2.raw as raw

        self.page = handle
        self._raw = raw
        self._rect = raw.FS_RECTF()
        self._left, self._right, self._bottom, self._top = (ctypes.c_double() for _ in range(4))
        self._x, self._y = ctypes.c_double(), ctypes.c_double()

    def _load_loose_box(self, index: int) -> None:
        """A character's font box into `self._rect` (`PdfTextPage.get_charbox(index, loose=True)`)."""
        if not self._raw.FPDFText_GetLooseCharBox(self.page, index, self._rect):
            import pypdfium2 as pdfium

            raise pdfium.PdfiumError("Failed to get charbox.")

    def span_box(self, first: int, last: int, height: float) -> BBox:
        """Top-left box of the characters from `first` to `last`: x from their boxes, y from the font
        size and baseline of the first one (as pdfminer does, so both engines measure lines alike).

        The font boxes are read field by field from the one buffer (only x of the last character):
        a tuple of each would cost more than the ctypes call that fills it."""
        rect = self._rect
        self._load_loose_box(first)
        left, right, font_height = rect.left, rect.right, rect.top - rect.bottom
        if last != first:
            self._load_loose_box(last)
            left, right = min(left, rect.left), max(right, rect.right)
        size = self._raw.FPDFText_GetFontSize(self.page, first) or font_height
        self._raw.FPDFText_GetCharOrigin(self.page, first, self._x, self._y)
        bottom = height - self._y.value + 0.2 * size
        return box((left, bottom - size, right, bottom))

    def wide_gap(self, text: str, start: int, stop: int, width: float) -> int | None:
        """The first space of `text[start:stop]` between the tight boxes of its neighbours of at least `width`
        (from the end of the character before it to the start of the one after it), or None."""
        get_box, page = self._raw.FPDFText_GetCharBox, self.page
        left, right, bottom, top = self._left, self._right, self._bottom, self._top
        space = text.find(" ", start, stop)
        while space > start:
            get_box(page, space - 1, left, right, bottom, top)
            end = right.value
            get_box(page, space + 1, left, right, bottom, top)
            if left.value - end >= width:
                return space
            space = text.find(" ", space + 1, stop)
        return None


def _left_to_right(angle: float) -> bool:
    """Whether a character's angle (radians, 0 to 2π; -1 when unknown) is that of text read left to right."""
    return angle < 0.1 or angle > 2 * math.pi - 0.1


_GAP = 1.8  # a gap this many times the font size wide sets a label's value apart (`Grade` ... `AD 6`)
_LETTER = regex_cache.compile(r"[^\W\d_]")


def _label_gap(chars: _Chars, text: str, start: int, end: int, bbox: BBox) -> int | None:
    """The index of the space after a short label (at most 40 characters, from a letter, three letters
    or more) that leaves a gap of about two font sizes before the rest of the line (`Grade      AD 6`)."""
    size = bbox[3] - bbox[1]
    if size <= 0 or bbox[2] - bbox[0] < (0.35 * (end - start) + _GAP) * size:  # no room for a gap: many lines
        return None
    if not _LETTER.match(text, start):
        return None
    space = chars.wide_gap(text, start, min(end - 1, start + 41), _GAP * size)
    return space if space is not None and len(_LETTER.findall(text, start, space)) >= 3 else None


def _spaced_rows(gapped: list[tuple[Piece, Piece]], pieces: list[Piece]) -> tuple[list[tuple[tuple[str, ...], BBox]], list[Piece]]:
    """Label/value rows of a table set without rules: lines with a wide gap after a short label, when
    three or more values on the page start at about the same x (within two font sizes: a column set by
    spaces in a proportional font is ragged); a line just under a row, at its value's x, goes on with
    that value. The other gapped lines are lines again.
    """
    def near(x: float, size: float) -> int:
        return sum(1 for _, (_, vbox) in gapped if abs(vbox[0] - x) <= 2 * size)

    rows: list[tuple[tuple[str, ...], BBox]] = []
    for (label, lbox), (value, vbox) in gapped:
        union = (lbox[0], min(lbox[1], vbox[1]), vbox[2], max(lbox[3], vbox[3]))
        if near(vbox[0], vbox[3] - vbox[1]) >= 3:
            rows.append(((label, value), union))
        else:
            pieces.extend([(label, lbox), (value, vbox)])  # one line again (`_lines`) unless set apart
    if not rows:
        return rows, pieces
    rows.sort(key=lambda row: row[1][1])
    rest: list[Piece] = []
    for text, bbox in sorted(pieces, key=lambda p: p[1][1]):
        size = bbox[3] - bbox[1]
        under = [i for i, (_, row) in enumerate(rows) if 0 < bbox[3] - row[3] <= 1.5 * size and bbox[0] > row[0] + 2 * size]
        if under and near(bbox[0], size) >= 3:
            cells, row = rows[under[-1]]
            rows[under[-1]] = ((*cells[:-1], join_text(cells[-1], text)), (row[0], row[1], max(row[2], bbox[2]), bbox[3]))
        else:
            rest.append((text, bbox))
    return rows, rest


def _page_text(textpage: Any) -> str:
    """The page's text with one character per PDFium character index, so that indexes give boxes.

    PDFium counts a character beyond the BMP as two indexes: it is written as its surrogate pair, two
    characters (see `_piece_text`). PDFium's text leaves out glyphs without Unicode; when it does the
    text is rebuilt from the characters, one ctypes call each: a glyph without Unicode is NUL, a
    line-end hyphen U+FFFE.
    """
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text: str = textpage.get_text_range(0, count) if count else ""
    text = _BEYOND_BMP.sub(_surrogate_pair, text)
    if len(text) == count:
        return text
    unicode_at = functools.partial(raw.FPDFText_GetUnicode, textpage.raw)
    return "".join(map(chr, map(unicode_at, range(count)))).translate(_LINE_END_HYPHEN)


def _surrogate_pair(match: re.Match[str]) -> str:
    """A character beyond the BMP as the two UTF-16 code units PDFium gives it, high surrogate first."""
    code = ord(match.group(0)) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def _piece_text(text: str) -> str:
    """A line or word of `_page_text` as text: hyphens and surrogate pairs restored, and each glyph
    without Unicode (a font's missing-glyph box) a tick box that the printing browser could not draw:
    an empty one (`X Brussels \x00 Luxembourg`), or the ticked one on a line of empty boxes and none
    ticked (`☐ Brussels \x00 Luxembourg`: the Wingdings ticked box was lost). Inside a word it is no box but
    an invisible character (a zero-width joiner) the font has no glyph for, and goes."""
    text = text.replace("\ufffe", "-")
    if "\x00" in text:
        text = _NUL_IN_WORD.sub("", text)
        glyphs = normalise_glyphs(text)
        lost = TICKED_BOX if EMPTY_BOX in glyphs and TICKED_BOX not in glyphs else EMPTY_BOX
        text = text.replace("\x00", lost)
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _words(chars: _Chars, text: str, start: int, end: int, height: float) -> list[tuple[str, BBox]]:
    """The words of one line with their boxes (cells and tick boxes are then placed by position)."""
    return [(_piece_text(w.group(0)), chars.span_box(w.start(), w.end() - 1, height)) for w in _WORD.finditer(text, start, end)]


def _rules(page: Any, height: float) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical ruling lines drawn on the page (table borders), top-left coordinates."""
    import pypdfium2.raw as raw

    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for obj in _paths(page.raw, None):
        left, bottom, right, top = _bounds(obj)
        if top - bottom < _RULE and right - left > _MIN_RULE:
            horizontal.append(Rule(height - (top + bottom) / 2, left, right))
            continue
        if right - left < _RULE and top - bottom > _MIN_RULE:
            vertical.append(Rule((left + right) / 2, height - top, height - bottom))
            continue
        if raw.FPDFPath_CountSegments(obj) > _MAX_SEGMENTS:
            continue  # a drawing (logo, chart), not table borders
        a, b, c, d, e, f = _matrix(obj)
        points: list[tuple[float, float, int]] = []
        for i in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, i)
            x, y = ctypes.c_float(), ctypes.c_float()
            raw.FPDFPathSegment_GetPoint(segment, x, y)
            px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
            points.append((px, height - py, raw.FPDFPathSegment_GetType(segment)))
            if raw.FPDFPathSegment_GetClose(segment):
                start = next((p for p in reversed(points[:-1]) if p[2] == raw.FPDF_SEGMENT_MOVETO), points[0])
                points.append((start[0], start[1], raw.FPDF_SEGMENT_LINETO))
        for (x0, y0, _), (x1, y1, kind) in itertools.pairwise(points):
            if kind != raw.FPDF_SEGMENT_LINETO:
                continue
            if abs(y1 - y0) < _RULE and abs(x1 - x0) > _MIN_RULE:
                horizontal.append(Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
            elif abs(x1 - x0) < _RULE and abs(y1 - y0) > _MIN_RULE:
                vertical.append(Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return horizontal, vertical


def _paths(page: Any, form: Any, level: int = 0) -> Iterator[Any]:
    """The path objects of a page and of its forms, one level down (as `PdfPage.get_objects(filter=[PATH],
    max_depth=2)` gives them, in the same order, without making a Python object of every text run)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    count = raw.FPDFFormObj_CountObjects(form) if form else raw.FPDFPage_CountObjects(page)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(count):
        obj = raw.FPDFFormObj_GetObject(form, i) if form else raw.FPDFPage_GetObject(page, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == raw.FPDF_PAGEOBJ_FORM and level < 1:
            yield from _paths(page, obj, level + 1)


def _bounds(obj: Any) -> tuple[float, float, float, float]:
    """Left, bottom, right and top of a page object, in PDF page coordinates."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        raise pdfium.PdfiumError("Failed to locate pageobject.")
    return left.value, bottom.value, right.value, top.value


def _matrix(obj: Any) -> tuple[float, float, float, float, float, float]:
    """A page object's transform matrix (a, b, c, d, e, f)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
    return matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f


def _cell_of(bbox: BBox, horizontal: list[Rule], vertical: list[Rule]) -> tuple[float, float, BBox] | None:
    """(top, left, cell box) of the ruled cell holding a text box, or None outside tables."""
    if not (horizontal and vertical):
        return None  # no cell on the page
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    above = [r.at for r in horizontal if r.at < cy and r.start - 1 <= cx <= r.end + 1]
    below = [r.at for r in horizontal if r.at > cy and r.start - 1 <= cx <= r.end + 1]
    left = [r.at for r in vertical if r.at < cx and r.start - 1 <= cy <= r.end + 1]
    right = [r.at for r in vertical if r.at > cx and r.start - 1 <= cy <= r.end + 1]
    if not (above and below and left and right):
        return None
    top, bottom, x0, x1 = max(above), min(below), max(left), min(right)
    return round(top), round(x0), (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))


def _floors(ordered: list[tuple[str, BBox]]) -> list[float]:
    """For each piece, the least top or centre of it and of every piece after it."""
    floors: list[float] = []
    least = float("inf")
    for _, bbox in reversed(ordered):
        least = min(least, bbox[1], (bbox[1] + bbox[3]) / 2)
        floors.append(least)
    return floors[::-1]


def _lines(pieces: list[tuple[str, BBox]]) -> list[tuple[str, BBox]]:
    """Text boxes on the same baseline joined into lines, top to bottom, left to right.

    The pieces' boxes are rounded (see `_Chars.span_box`), and so is a line's box: their least and greatest coordinates.
    """
    ordered = sorted(pieces, key=lambda p: (p[1][1], p[1][0]))
    floors = _floors(ordered)
    out: list[list[tuple[str, BBox]]] = []
    # The lines a piece may still join, in the order they were started: (line, top, bottom and centre of its first box).
    # A line whose first box ends, centre included, more than 1 pt above every later piece's top and centre
    # (`floors`) can take none of them: it is dropped from the search, which finds the same first line.
    open_lines: list[tuple[list[tuple[str, BBox]], float, float, float]] = []
    for (text, bbox), floor in zip(ordered, floors, strict=True):
        open_lines = [o for o in open_lines if o[2] + 1 >= floor or o[3] + 1 >= floor]
        centre = (bbox[1] + bbox[3]) / 2
        for line, top, bottom, middle in open_lines:
            if top - 1 <= centre <= bottom + 1 or bbox[1] - 1 <= middle <= bbox[3] + 1:
                line.append((text, bbox))
                break
        else:
            out.append([(text, bbox)])
            open_lines.append((out[-1], bbox[1], bbox[3], (bbox[1] + bbox[3]) / 2))
    result = []
    for line in out:
        if len(line) == 1:
            result.append(line[0])
            continue
        line.sort(key=lambda p: p[1][0])
        start = 0
        for end in range(1, len(line) + 1):
            if end == len(line) or (far_apart(line[end - 1][1], line[end][1])
                                    and not is_label(" ".join(text for text, _ in line[start:end]))):
                result.append(_joined(line[start:end]))
                start = end
    return result


def _joined(pieces: list[tuple[str, BBox]]) -> tuple[str, BBox]:
    """Pieces of one line, left to right, as one piece with the box around them."""
    lefts, tops, rights, bottoms = zip(*(bbox for _, bbox in pieces), strict=True)
    return " ".join(text for text, _ in pieces), (min(lefts), min(tops), max(rights), max(bottoms))

"""Geometry rules shared by the PDF engines: joining the wrapped lines of a paragraph."""

from __future__ import annotations

import re

from ..document import BBox, Document, Line
from .clean import clean_line, repeated_lines, split_furniture, substitute_letter_ticks

_TERMINAL = re.compile(r"[.:;!?]$")
_LABEL_START = re.compile(r"^[A-Z][\w ()/'’&-]{1,45}[:：]\s")
_BOX_OR_BULLET = ("☐", "☒", "•")
_HYPHEN_END = re.compile(r"\w-$")
_BAND = 0.12  # top and bottom share of a page where running headers and footers sit


def join_paragraphs(items: list[Line]) -> list[Line]:
    """Join a line to the previous one when the previous line was wrapped (see `_wrapped`).

    The joined line keeps the page and the union of the boxes; a line broken after a hyphen
    is joined without a space (`multi-` + `annual`).
    """
    right = _right_edge(items)
    out: list[Line] = []
    last: list[Line] = []  # the last physical line of each output line
    for line in items:
        prev = out[-1] if out else None
        if prev is not None and _wrapped(prev, last[-1], line, right):
            assert prev.bbox is not None and line.bbox is not None
            box = (min(prev.bbox[0], line.bbox[0]), prev.bbox[1], max(prev.bbox[2], line.bbox[2]), line.bbox[3])
            out[-1] = Line(text=join_text(prev.text, line.text), page=prev.page, bbox=box)
            last[-1] = line
        else:
            out.append(line)
            last.append(line)
    return out


def join_text(first: str, second: str) -> str:
    """Two pieces of one wrapped line: no space after a hyphen that ends a word (`large-` + `scale`)."""
    return first + second if _HYPHEN_END.search(first) and second[:1].isalnum() else f"{first} {second}"


def _right_edge(items: list[Line]) -> float:
    """Where the text lines of a page end: the right edge of the second-widest line (one long URL is no margin)."""
    ends = sorted((line.bbox[2] for line in items if line.bbox and not line.cells), reverse=True)
    return ends[1] if len(ends) > 1 else ends[0] if ends else 0.0


def _wrapped(prev: Line, last: Line, line: Line, right: float) -> bool:
    """`line` continues `prev`, whose last physical line is `last`.

    It does when `last` has no terminal punctuation and runs to the right edge (the first word
    of `line` would not have fitted after it), `line` is in the same font size at a normal line
    pitch (baseline to baseline, so lines whose boxes overlap count), and it does not start a new
    item (a label, a bullet, a tick box).
    """
    if prev.bbox is None or last.bbox is None or line.bbox is None or prev.cells or line.cells or prev.page != line.page:
        return False
    if _TERMINAL.search(prev.text) or line.text.startswith(_BOX_OR_BULLET) or _LABEL_START.match(line.text):
        return False
    height = line.bbox[3] - line.bbox[1]
    if abs(height - (last.bbox[3] - last.bbox[1])) > 0.15 * height:
        return False  # another font size: a heading and its text
    if not 0.7 * height <= line.bbox[3] - last.bbox[3] < 1.9 * height:
        return False
    char_width = (line.bbox[2] - line.bbox[0]) / max(len(line.text), 1)
    first_word = len(line.text.split(" ", 1)[0]) + 1
    return last.bbox[2] + first_word * char_width >= right - 2 * char_width


def box(bbox: tuple[float, float, float, float]) -> BBox:
    """A bounding box rounded to 0.1 pt."""
    return (round(bbox[0], 1), round(bbox[1], 1), round(bbox[2], 1), round(bbox[3], 1))


def page_lines(rows: list[tuple[tuple[str, ...], BBox]], texts: list[tuple[str, BBox]], number: int) -> list[Line]:
    """One page from table rows (cells) and text lines, cleaned, top to bottom, paragraphs joined.

    A table row with one non-empty cell is an ordinary line (a framed paragraph, not a label/value pair).
    """
    items: list[Line] = []
    for cells, bbox in rows:
        kept = tuple(c for c in (clean_line(cell) for cell in cells) if c)
        if kept:
            items.append(Line(text=" ".join(kept), page=number, bbox=bbox, cells=kept if len(kept) > 1 else ()))
    ticked = substitute_letter_ticks([text for text, _ in texts])
    for (_, bbox), text in zip(texts, ticked, strict=True):
        cleaned = clean_line(text)
        if cleaned:
            items.append(Line(text=cleaned, page=number, bbox=bbox))
    items.sort(key=lambda line: (line.bbox or (0, 0, 0, 0))[1])
    return join_paragraphs(items)


def pdf_document(lines: list[Line], sizes: list[tuple[float, float]]) -> Document:
    """The document of a PDF, with running headers and footers (repeated in the page bands) set aside."""
    in_band = [
        line
        for line in lines
        if line.bbox is not None
        and (line.bbox[1] < _BAND * sizes[line.page - 1][1] or line.bbox[3] > (1 - _BAND) * sizes[line.page - 1][1])
    ]
    repeated = repeated_lines(in_band, min_pages=2, min_count=2, fold_digits=True)
    body, furniture = split_furniture(lines, repeated, fold_digits=True)
    return Document(lines=body, pages=len(sizes), format="pdf", furniture=furniture)

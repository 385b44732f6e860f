"""Geometry rules shared by the PDF engines: page lines, running headers, and the wrapped lines of a paragraph.

A PDF has no paragraphs, only lines placed on a page; a word processor or a browser wraps a
logical line wherever the text block ends. `join_paragraphs` puts the pieces back together so
that every extractor sees the logical line (`... job No` + `438866`), keeping its evidence: the
page and the union of the boxes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from .. import lexicon
from ..document import BBox, Document, Line
from .clean import clean_line, normalise_glyphs, repeated_lines, split_furniture, substitute_letter_ticks

_TERMINAL = re.compile(r"[.;!?]$")  # a colon is not: `... at their location:` / `Geel, Belgium ...`
_BARE_LABEL = re.compile(r"^[A-Z][\w()/'’&.-]*(?: [\w()/'’&.-]+){0,4}[:：]$")  # `Head of Unit:` alone on its line
# A list item: a bullet glyph, a dash before a word, `1.`, `a)`, `(iv)`; not the dashes of a page number
# (`- 3 -`) nor a footnote call wrapped to the start of a line (`(1) for the Supervisor`).
_ITEM = re.compile(r"^\s*(?:[•·▪◦‣∙➢►❖✓]|[-–*](?=\s+[^\W\d])|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\((?:[a-z]|[ivx]{1,4})\))\s", re.I)
_ITEM_MARK = "\x1f"  # kept in front of a list item's text until paragraphs are joined
_BOXES = ("☐", "☒")
_HYPHEN_END = re.compile(r"\w-$")
_BAND = 0.12  # top and bottom share of a page where running headers and footers sit


def page_lines(rows: list[tuple[tuple[str, ...], BBox]], texts: list[tuple[str, BBox]], number: int) -> list[Line]:
    """One page from table rows (cells) and text lines, cleaned, top to bottom.

    A table row with one non-empty cell is an ordinary line (a framed paragraph, not a label/value pair).
    A list item is marked (its bullet is cleaned away) until `pdf_document` has joined the paragraphs.
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
            mark = _ITEM_MARK if _ITEM.match(normalise_glyphs(text)) else ""
            items.append(Line(text=mark + cleaned, page=number, bbox=bbox))
    items.sort(key=lambda line: (line.bbox or (0, 0, 0, 0))[1])
    return items


def pdf_document(lines: list[Line], sizes: list[tuple[float, float]]) -> Document:
    """The document of a PDF: running headers and footers (repeated in the page bands) set aside, paragraphs joined."""
    in_band = [
        line
        for line in lines
        if line.bbox is not None
        and (line.bbox[1] < _BAND * sizes[line.page - 1][1] or line.bbox[3] > (1 - _BAND) * sizes[line.page - 1][1])
    ]
    # on two pages or more: a title printed twice at the top of one page is no running header
    repeated = repeated_lines(in_band, min_pages=2, min_count=3, fold_digits=True)
    body, furniture = split_furniture(lines, repeated, fold_digits=True)
    return Document(lines=join_paragraphs(body), pages=len(sizes), format="pdf", furniture=[_unmarked(f) for f in furniture])


@dataclass(frozen=True)
class _Block:
    """What the lines of a document share: where its text ends on the right, and its usual line pitch
    (baseline to baseline, as a share of the font size)."""

    right: float
    pitch: float


def join_paragraphs(items: list[Line]) -> list[Line]:
    """Join each line to the previous one when that one was wrapped (see `_wrapped`).

    The joined line keeps the page and the union of the boxes; a line broken after a hyphen
    is joined without a space (`multi-` + `annual`).
    """
    block = _Block(_right_edge(items), _line_pitch(items))
    out: list[Line] = []
    last: list[Line] = []  # the last physical line of each output line
    for line in items:
        if out and _wrapped(out[-1], last[-1], line, block):
            prev = out[-1]
            assert prev.bbox is not None and line.bbox is not None
            box = (min(prev.bbox[0], line.bbox[0]), prev.bbox[1], max(prev.bbox[2], line.bbox[2]), line.bbox[3])
            out[-1] = Line(text=join_text(prev.text, line.text), page=prev.page, bbox=box)
            last[-1] = line
        else:
            out.append(_unmarked(line))
            last.append(line)
    return out


def join_text(first: str, second: str) -> str:
    """Two pieces of one wrapped line: no space after a hyphen that ends a word (`large-` + `scale`)."""
    return first + second if _HYPHEN_END.search(first) and second[:1].isalnum() else f"{first} {second}"


def _unmarked(line: Line) -> Line:
    return Line(text=line.text[1:], page=line.page, bbox=line.bbox, cells=line.cells) if line.text.startswith(_ITEM_MARK) else line


def _right_edge(items: list[Line]) -> float:
    """Where the document's text ends on the right: the widest page's, each page's being the end of its
    second-widest line (one long URL is no margin; a page of short lines has the same margins)."""
    pages: dict[int, list[float]] = {}
    for line in items:
        if line.bbox and not line.cells:
            pages.setdefault(line.page, []).append(line.bbox[2])
    return max((sorted(ends)[-2] if len(ends) > 1 else ends[0] for ends in pages.values()), default=0.0)


def _line_pitch(items: list[Line]) -> float:
    """The most common distance from a line's baseline to the next one's, as a share of the font size.

    A paragraph's lines are set at it; a new paragraph usually starts further down.
    """
    ratios: Counter[float] = Counter()
    for a, b in itertools.pairwise(items):
        if a.bbox and b.bbox and a.page == b.page and not (a.cells or b.cells):
            height = b.bbox[3] - b.bbox[1]
            if height > 0 and abs(height - (a.bbox[3] - a.bbox[1])) <= 0.15 * height:
                ratio = (b.bbox[3] - a.bbox[3]) / height
                if 0.7 <= ratio < 1.9:
                    ratios[round(ratio, 1)] += 1
    return ratios.most_common(1)[0][0] if ratios else 1.9


def _wrapped(prev: Line, last: Line, line: Line, block: _Block) -> bool:
    """`line` goes on from `prev`, whose last physical line is `last`.

    It does when `last` ends no sentence and runs to the right edge (the first word of `line`
    would not have fitted after it), `line` is in the same font size at the paragraph's line
    pitch, and it starts no new item (a list item, a tick box, a field label).
    """
    if prev.bbox is None or last.bbox is None or line.bbox is None or prev.cells or line.cells or prev.page != line.page:
        return False
    text = line.text
    if _TERMINAL.search(prev.text) or text.startswith((_ITEM_MARK, *_BOXES)) or _starts_label(text) or _BARE_LABEL.match(text):
        return False
    height = line.bbox[3] - line.bbox[1]
    if abs(height - (last.bbox[3] - last.bbox[1])) > 0.15 * height:
        return False  # another font size: a heading and its text
    if not 0.7 * height <= line.bbox[3] - last.bbox[3] <= (block.pitch + 0.15) * height:
        return False  # overlapping boxes count: a browser sets lines closer than their font size
    spaces = text.count(" ")
    char_width = (line.bbox[2] - line.bbox[0]) / max(len(text) - spaces / 2, 1)  # a space is about half a letter
    first_word = len(text.split(" ", 1)[0]) + 0.5
    return last.bbox[2] + first_word * char_width >= block.right - 2 * char_width


def _starts_label(text: str) -> bool:
    """A line that starts with a field label of any language, a few more words of it, and its colon:
    `Deadline: ...`, `Sector/Unit/Division:`, `Grade bracket for mobility:`; not `Officer Sector/Unit:`."""
    return text[:1].isupper() and (":" in text or "：" in text) and bool(_labels().match(text))


def _labels() -> lexicon.Followed:
    return lexicon.followed("labels", r"(?!\w)[^:：.;!?]{0,40}?[:：]")


def box(bbox: tuple[float, float, float, float]) -> BBox:
    """A bounding box rounded to 0.1 pt."""
    return (round(bbox[0], 1), round(bbox[1], 1), round(bbox[2], 1), round(bbox[3], 1))

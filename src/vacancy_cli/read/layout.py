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
from .blocks import pair_label_blocks
from .clean import clean_line, normalise_glyphs, repeated_lines, split_furniture, substitute_letter_ticks

_TERMINAL = re.compile(r"[.;!?]$")  # a colon is not: `... at their location:` / `Geel, Belgium ...`
_BARE_LABEL = re.compile(r"^[A-Z][\w()/'’&.-]*(?: [\w()/'’&.-]+){0,4}[:：]$")  # `Head of Unit:` alone on its line
# A list item: a bullet glyph, a dash before a word, `1.`, `a)`, `(iv)`; not the dashes of a page number
# (`- 3 -`) nor a footnote call wrapped to the start of a line (`(1) for the Supervisor`).
_ITEM = re.compile(r"^\s*(?:[•·▪◦‣∙➢►❖✓]|[-–*](?=\s+[^\W\d])|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\((?:[a-z]|[ivx]{1,4})\))\s", re.I)
_ITEM_MARK = "\x1f"  # kept in front of a list item's text until paragraphs are joined
_BOXES = ("☐", "☒")
_HYPHEN_END = re.compile(r"\w[-/]$")  # `multi-` + `annual`, `EFCA/2026/TA/` + `AD5/02`
_BAND = 0.12  # top and bottom share of a page where running headers and footers sit
_SENTENCE_END = re.compile(r"[.:;!?)\]]$")
_CAPS = re.compile(r"[A-ZÀ-Þ]{3}")
_LOWER = re.compile(r"[a-zß-ÿ]")
# What a browser prints in the page margins: `11/30/26, 6:26 AM Vacancy notice`, `file:///C:/notice.html 1/2`
_BROWSER_HEADER = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4},? \d{1,2}:\d{2}(?: ?[AP]M)?\b")
_BROWSER_FOOTER = re.compile(r"^(?:https?|file)://\S+\s+\d{1,3}/\d{1,3}$")


def page_lines(rows: list[tuple[tuple[str, ...], BBox]], texts: list[tuple[str, BBox]], number: int) -> list[Line]:
    """One page from table rows (cells) and text lines, cleaned, top to bottom.

    A table row with one non-empty cell is an ordinary line (a framed paragraph, not a label/value pair).
    A list item is marked (its bullet is cleaned away) until `pdf_document` has joined the paragraphs.
    """
    items: list[Line] = []
    ticked_cells = iter(substitute_letter_ticks([cell for cells, _ in rows for cell in cells]))
    for cells, bbox in rows:
        kept = tuple(c for c in (clean_line(next(ticked_cells)) for _ in cells) if c)
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
    """The document of a PDF: running headers and footers (repeated in the page bands) and a browser's print
    header and footer set aside, paragraphs joined, flattened label/value blocks paired."""
    in_band = [line for line in lines if _in_band(line, sizes)]
    # on two pages or more: a title printed twice at the top of one page is no running header
    repeated = repeated_lines(in_band, min_pages=2, min_count=3, fold_digits=True)
    browser = _browser_margins(lines, sizes)
    body, furniture = split_furniture([line for line in lines if id(line) not in browser], repeated, fold_digits=True)
    furniture += [line for line in lines if id(line) in browser]
    return Document(lines=pair_label_blocks(join_paragraphs(body)), pages=len(sizes), format="pdf", furniture=[_unmarked(f) for f in furniture])


def _browser_margins(lines: list[Line], sizes: list[tuple[float, float]]) -> set[int]:
    """Ids of a browser's print header (the first line of a page) and footer (the last one), in the page bands."""
    first: dict[int, Line] = {}
    final: dict[int, Line] = {}
    for line in lines:
        if line.bbox is not None:
            if line.page not in first or line.bbox[1] < _top(first[line.page]):
                first[line.page] = line
            if line.page not in final or line.bbox[3] > _bottom(final[line.page]):
                final[line.page] = line
    heads = [line for line in first.values() if _BROWSER_HEADER.match(line.text)]
    feet = [line for line in final.values() if _BROWSER_FOOTER.match(line.text)]
    return {id(line) for line in heads + feet if _in_band(line, sizes)}


def _top(line: Line) -> float:
    return line.bbox[1] if line.bbox else float("inf")


def _bottom(line: Line) -> float:
    return line.bbox[3] if line.bbox else float("-inf")


def _in_band(line: Line, sizes: list[tuple[float, float]]) -> bool:
    """The line sits in the top or bottom band of its page, where headers and footers go."""
    height = sizes[line.page - 1][1]
    return line.bbox is not None and (line.bbox[1] < _BAND * height or line.bbox[3] > (1 - _BAND) * height)


@dataclass(frozen=True)
class _Block:
    """What the lines of a document share: where its text ends on the right, and its usual line pitch
    (baseline to baseline, as a share of the font size)."""

    right: float
    pitch: float


def join_paragraphs(items: list[Line]) -> list[Line]:
    """Join each line to the previous one when that one was wrapped (see `_wrapped`).

    The joined line keeps the page and the union of the boxes (the first page's box for a sentence
    that goes on over a page break); a line broken after a hyphen is joined without a space
    (`multi-` + `annual`).
    """
    block = _Block(_right_edge(items), _line_pitch(items))
    out: list[Line] = []
    last: list[Line] = []  # the last physical line of each output line
    for line in items:
        if out and (_wrapped(out[-1], last[-1], line, block) or _page_turn(out[-1], last[-1], line)):
            prev = out[-1]
            assert prev.bbox is not None and line.bbox is not None
            box = prev.bbox
            if prev.page == line.page:
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


def _page_turn(prev: Line, last: Line, line: Line) -> bool:
    """A sentence that goes on over a page break: `last`, the last body line of its page, ends no
    sentence and `line`, the first body line of the next page, starts in lower case (`... the Member` /
    `states concerned`)."""
    return (
        line.page == last.page + 1
        and prev.bbox is not None
        and line.bbox is not None
        and not (prev.cells or line.cells)
        and line.text[:1].islower()
        and not _SENTENCE_END.search(prev.text[-1:])
    )


def _wrapped(prev: Line, last: Line, line: Line, block: _Block) -> bool:
    """`line` goes on from `prev`, whose last physical line is `last`.

    It does when `line` is in the same font size at the paragraph's line pitch, starts no new item
    (a list item, a tick box, a field label) and `last` ends no sentence, and either `last` runs to
    the right edge (the first word of `line` would not have fitted after it) or `line` starts in lower
    case (a sentence broken short of the edge; not after an all-caps heading, not a footnote's digit).
    """
    if prev.bbox is None or last.bbox is None or line.bbox is None or prev.cells or line.cells or last.page != line.page:
        return False
    text = line.text
    if _CAPS.search(last.text) and not _LOWER.search(last.text) and _LOWER.search(text):
        return False  # `HEAD OF UNIT` / `Directorate B - Markets`: a heading and the text under it
    if _TERMINAL.search(prev.text[-1:]) or text.startswith((_ITEM_MARK, *_BOXES)) or _starts_label(text) or _BARE_LABEL.match(text):
        return False
    height = line.bbox[3] - line.bbox[1]
    if abs(height - (last.bbox[3] - last.bbox[1])) > 0.15 * height:
        return False  # another font size: a heading and its text
    if not 0.7 * height <= line.bbox[3] - last.bbox[3] <= (block.pitch + 0.15) * height:
        return False  # overlapping boxes count: a browser sets lines closer than their font size
    if text[:1].islower() and not _SENTENCE_END.search(prev.text[-1:]):
        return True
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

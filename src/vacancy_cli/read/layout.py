"""Geometry rules shared by the PDF engines: page lines, running headers, and the wrapped lines of a paragraph.

A PDF has no paragraphs, only lines placed on a page; a word processor or a browser wraps a
logical line wherever the text block ends. `join_paragraphs` puts the pieces back together so
that every extractor sees the logical line (`... job No` + `438866`), keeping its evidence: the
page and the union of the boxes.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .. import lexicon, regex_cache
from ..document import BBox, Document, Line
from .blocks import pair_label_blocks
from .clean import clean_line, normalise_glyphs, repeated_lines, split_furniture, substitute_letter_ticks

_TERMINAL = regex_cache.compile(r"[.;!?]$")  # a colon is not: `... at their location:` / `Geel, Belgium ...`
_BARE_LABEL = regex_cache.compile(r"^[A-Z][\w()/'’&.-]*(?: [\w()/'’&.-]+){0,4}[:：]$")  # `Head of Unit:` alone on its line
# A list item: a bullet glyph, a dash before a word, `1.`, `a)`, `(iv)`; not the dashes of a page number
# (`- 3 -`) nor a footnote call wrapped to the start of a line (`(1) for the Supervisor`).
_ITEM = regex_cache.compile(r"^\s*(?:[•·▪◦‣∙➢►❖✓]|[-–*](?=\s+[^\W\d])|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\((?:[a-z]|[ivx]{1,4})\))\s", re.I)
_ITEM_MARK = "\x1f"  # kept in front of a list item's text until paragraphs are joined
_BOXES = ("☐", "☒")
_NEW_ITEM = (_ITEM_MARK, *_BOXES)  # what a line that starts an item of its own starts with
_HYPHEN_END = regex_cache.compile(r"\w[-/]$")  # `multi-` + `annual`, `EFCA/2026/TA/` + `AD5/02`
_BAND = 0.12  # top and bottom share of a page where running headers and footers sit
_SENTENCE_END = regex_cache.compile(r"[.:;!?)\]]$")
_OPENING_QUOTES = "‘“'\"«„ "  # a line that goes on a sentence may open a quote first: `‘administrators’`, `« agents »`
_CAPS = regex_cache.compile(r"[A-ZÀ-Þ]{3}")
_LOWER = regex_cache.compile(r"[a-zß-ÿ]")
# What a browser prints in the page margins: `11/30/26, 6:26 AM Vacancy notice`, `file:///C:/notice.html 1/2`
_BROWSER_HEADER = regex_cache.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4},? \d{1,2}:\d{2}(?: ?[AP]M)?\b")
_BROWSER_FOOTER = regex_cache.compile(r"^(?:https?|file)://\S+\s+\d{1,3}/\d{1,3}$")


def page_lines(
    rows: list[tuple[tuple[str, ...], BBox]], texts: list[tuple[str, BBox]], number: int, columns: Columns | None = None
) -> list[Line]:
    """One page from table rows (cells) and text lines, cleaned, top to bottom (on a page set in `columns`,
    the left column before the right one).

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
    items.sort(key=lambda line: columns.reading_order(line.bbox or _NO_BOX) if columns else (line.bbox or _NO_BOX)[1])
    return items


@dataclass(frozen=True)
class Columns:
    """A band of a page set in two columns: the gutter between them (x from, x to) and the band's top and bottom."""

    gutter: tuple[float, float]
    top: float
    bottom: float

    def side(self, bbox: BBox) -> int:
        """0 for a box left of the gutter's middle, 1 for one right of it."""
        return 0 if (bbox[0] + bbox[2]) / 2 < sum(self.gutter) / 2 else 1

    def reading_order(self, bbox: BBox) -> tuple[int, int, float]:
        """A sort key: what is above the band, the left column, the right column, what is below the band."""
        centre = (bbox[1] + bbox[3]) / 2
        if centre < self.top:
            return (0, 0, bbox[1])
        if centre > self.bottom:
            return (2, 0, bbox[1])
        return (1, self.side(bbox), bbox[1])

    def part(self, bbox: BBox) -> tuple[int, int]:
        """Which part of the page a box is in: above the band, a column, below the band (pieces of text on one
        baseline make one line within a part only)."""
        return self.reading_order(bbox)[:2]


PARTS = ((0, 0), (1, 0), (1, 1), (2, 0))  # the parts of a page with columns, in reading order


def cut_at_gaps(boxes: list[BBox]) -> list[BBox]:
    """The boxes of one line's characters, left to right, merged into pieces wherever no gap as wide as a
    gutter is between them (to tell columns apart: see `find_columns`)."""
    pieces: list[BBox] = []
    for bbox in sorted(boxes):
        last = pieces[-1] if pieces else None
        if last is not None and bbox[0] - last[2] < _MIN_GUTTER * (bbox[3] - bbox[1]):
            pieces[-1] = (last[0], min(last[1], bbox[1]), max(last[2], bbox[2]), max(last[3], bbox[3]))
        else:
            pieces.append(bbox)
    return pieces


_NO_BOX: BBox = (0, 0, 0, 0)
_MIN_GUTTER = 1.5  # the least gap between two columns, in font sizes
_MIN_SPLIT_ROWS = 4  # rows with text on both sides of the gutter
_FILLED = 0.2  # a column's line is full when it ends within this share of the column's width from its edge
_DENSE = 0.5  # a column whose lines cover this share of its band's height is text, not a form's labels


def find_columns(boxes: list[BBox]) -> Columns | None:
    """The band of a page set in two columns, from the boxes of its text pieces (a line is cut where a wide gap
    is), or None.

    Two columns have a clear gutter: rows of pieces on both sides of it and none across it, over at least half
    the height of the page's text; and each column is filled (most of its lines reach near its edge, as a
    paragraph's wrapped lines do), which a form's labels and values are not.
    """
    rows = _rows(boxes)
    if len(rows) < _MIN_SPLIT_ROWS:
        return None
    middle = _gutter_middle(rows)
    if middle is None:
        return None
    split = [row for row in rows if _split_at(row, middle)]
    if len(split) < _MIN_SPLIT_ROWS:
        return None
    top, bottom = min(b[1] for b in split[0]), max(b[3] for b in split[-1])
    band = [row for row in rows if top <= row[0][1] and row[0][3] <= bottom + 1]
    if any(_crosses(box, middle) for row in band for box in row):
        return None
    # one column may run on below the other, until a line across the page
    for row in rows[rows.index(split[-1]) + 1 :]:
        if any(_crosses(box, middle) for box in row):
            break
        band.append(row)
        bottom = max(b[3] for b in row)
    if bottom - top < 0.5 * (max(b[3] for b in boxes) - min(b[1] for b in boxes)):
        return None
    left = [b for row in band for b in row if b[2] <= middle]
    right = [b for row in band for b in row if b[0] >= middle]
    gutter = (max(b[2] for b in left), min(b[0] for b in right))
    left_filled = _filled([b[2] for b in left], min(b[0] for b in left), gutter[0])
    right_filled = _filled([b[2] for b in right], gutter[1], max(b[2] for b in right))
    if not ((left_filled and (right_filled or _dense(right))) or (right_filled and _dense(left))):
        return None
    return Columns(gutter, top, bottom)


def _rows(boxes: list[BBox]) -> list[list[BBox]]:
    """Boxes on the same baseline, top to bottom, each row left to right."""
    rows: list[list[BBox]] = []
    for bbox in sorted(boxes, key=lambda b: (b[1], b[0])):
        centre = (bbox[1] + bbox[3]) / 2
        if rows and rows[-1][0][1] - 1 <= centre <= rows[-1][0][3] + 1:
            rows[-1].append(bbox)
        else:
            rows.append([bbox])
    return [sorted(row) for row in rows]


def _gutter_middle(rows: list[list[BBox]]) -> float | None:
    """The middle of what the wide gaps of most rows share (a gap is `_MIN_GUTTER` font sizes or more), or None."""
    gaps = [(a[2], b[0]) for row in rows for a, b in itertools.pairwise(row) if b[0] - a[2] >= _MIN_GUTTER * (b[3] - b[1])]
    if not gaps:
        return None
    starts = sorted(g0 for g0, _ in gaps)
    ends = sorted(g1 for _, g1 in gaps)

    def sharing(x: float) -> int:  # the gaps around x
        return bisect.bisect_right(starts, x) - bisect.bisect_left(ends, x)

    best = max(((g0 + g1) / 2 for g0, g1 in gaps), key=sharing)
    shared = [(g0, g1) for g0, g1 in gaps if g0 <= best <= g1]
    return (max(g0 for g0, _ in shared) + min(g1 for _, g1 in shared)) / 2


def _split_at(row: list[BBox], middle: float) -> bool:
    """A row with text on both sides of `middle` and none across it."""
    return any(b[2] <= middle for b in row) and any(b[0] >= middle for b in row) and not any(_crosses(b, middle) for b in row)


def _crosses(bbox: BBox, middle: float) -> bool:
    return bbox[0] < middle < bbox[2]


def _dense(boxes: list[BBox]) -> bool:
    """A column's lines follow one another down without gaps of lines: they cover at least half of its height
    (a notice's header of short lines beside a column of paragraphs), which a form's labels beside their
    values of several lines each do not."""
    ordered = sorted(boxes, key=lambda b: b[1])
    covered = 0.0
    reached = ordered[0][1]
    for _, start, _, end in ordered:
        covered += max(0.0, end - max(start, reached))
        reached = max(reached, end)
    return covered >= _DENSE * (reached - ordered[0][1])


def _filled(ends: list[float], start: float, edge: float) -> bool:
    """Most lines of a column end near its edge."""
    near = edge - _FILLED * (edge - start)
    return sum(1 for end in ends if end >= near) >= 0.5 * len(ends)


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
    (`multi-` + `annual`), and without the hyphen when it broke a word the document writes whole elsewhere.
    """
    block = _Block(_right_edge(items), _line_pitch(items))
    words = _vocabulary(items)
    out: list[Line] = []  # each output line so far; a joined one's text is its end, all that the tests read
    last: list[Line] = []  # the last physical line of each output line
    texts: list[list[str]] = []  # the text of each output line in pieces, joined at the end (in linear time)
    for line in items:
        if out and (_wrapped(out[-1], last[-1], line, block) or _page_turn(out[-1], last[-1], line)):
            prev = out[-1]
            assert prev.bbox is not None and line.bbox is not None
            box = prev.bbox
            if prev.page == line.page:
                box = (min(prev.bbox[0], line.bbox[0]), prev.bbox[1], max(prev.bbox[2], line.bbox[2]), line.bbox[3])
            if _hyphenated(last[-1].text, line.text, words):
                texts[-1][-1] = texts[-1][-1][:-1]  # `Resou-` + `rces`: the hyphen of a word broken at the line end goes
                joined = prev.text[:-1] + line.text
                texts[-1].append(line.text)
            else:
                joined = join_text(prev.text, line.text)
                texts[-1].append(joined[len(prev.text) :])
            out[-1] = Line(text=joined[-_JOIN_READS:], page=prev.page, bbox=box)
            last[-1] = line
        else:
            out.append(_unmarked(line))
            last.append(line)
            texts.append([out[-1].text])
    return [Line(text="".join(text), page=line.page, bbox=line.bbox) if len(text) > 1 else line for line, text in zip(out, texts, strict=True)]


def _vocabulary(items: list[Line]) -> frozenset[str]:
    """The case-folded words of the lines, when a line ends in a hyphen (else none: nothing to look up)."""
    if not any(line.text.endswith("-") for line in items):
        return frozenset()
    return frozenset(word.casefold() for line in items for word in _WORD.findall(line.text))


def _hyphenated(end: str, start: str, words: frozenset[str]) -> bool:
    """`end` stops in a word that hyphenation broke and `start` goes on with it: the word whole is one of
    `words` (`Resou-` + `rces` where `Resources` is written elsewhere; not `multi-` + `annual` unless
    `multiannual` is), and its rest starts in lower case, or both parts are in capitals (`TEC-` + `NOLOGIE`)."""
    if not words or not end.endswith("-"):
        return False
    head = _WORD_END.search(end, max(len(end) - _LONGEST_WORD, 0))
    tail = _WORD_START.match(start)
    if head is None or tail is None:
        return False
    first, rest = head.group(1), tail.group(0)
    return (rest[0].islower() or (first.isupper() and rest.isupper())) and (first + rest).casefold() in words


_WORD = regex_cache.compile(r"\w+")
_WORD_END = regex_cache.compile(r"(?<!\w)([^\W\d_]+)-$")  # the head of a word broken at a line's end: `Resou-`
_WORD_START = regex_cache.compile(r"[^\W\d_]+(?!\w)")  # the rest of it, at the start of the next line: `rces`
_LONGEST_WORD = 40  # the head of a broken word is looked for in this many characters at the line's end


def join_text(first: str, second: str) -> str:
    """Two pieces of one wrapped line: no space after a hyphen that ends a word (`large-` + `scale`)."""
    # a match ends the text or stands before its final line feed (`$`): only the last three characters are searched
    return first + second if _HYPHEN_END.search(first, max(len(first) - _JOIN_READS, 0)) and second[:1].isalnum() else f"{first} {second}"


def join_texts(texts: Iterable[str]) -> str:
    """`join_text` over several pieces, left to right (`functools.reduce(join_text, texts)`), in linear time."""
    pieces = iter(texts)
    end = next(pieces)
    out = [end]
    for text in pieces:
        joined = join_text(end, text)
        out.append(joined[len(end) :])
        end = joined[-_JOIN_READS:]
    return "".join(out)


_JOIN_READS = 3  # `join_text` reads no more than the last three characters of its first piece


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

    A paragraph's lines are set at it; a new paragraph usually starts further down. When a document's
    paragraphs have space after them, and most of them are one line long (a form's fields), that
    distance is the most common one; the pitch is then the closer one that is frequent too (see `_closest_pitch`).
    """
    found: list[float] = []
    for a, b in itertools.pairwise(items):
        if a.bbox and b.bbox and a.page == b.page and not (a.cells or b.cells):
            height = b.bbox[3] - b.bbox[1]
            if height > 0 and abs(height - (a.bbox[3] - a.bbox[1])) <= 0.15 * height:
                ratio = (b.bbox[3] - a.bbox[3]) / height
                if 0.7 <= ratio < 1.9:
                    found.append(round(ratio, 1))
    return _closest_pitch(Counter(found)) if found else 1.9


_FREQUENT = 4  # a distance met at least a quarter as often as the most common one is frequent
_MIN_FREQUENT = 3  # and at least this many times
_PARAGRAPH_STEP = 0.3  # frequent distances further apart than this (font sizes) are a line's and a paragraph's
_PARAGRAPH_SPACING = 1.5  # a most common distance this large is a paragraph's (space after); lines are set closer


def _closest_pitch(counts: Counter[float]) -> float:
    """The most common distance among the closest frequent ones: those from the closest up to the first step of
    more than `_PARAGRAPH_STEP` (1.3 and 1.8: lines and paragraphs spaced after; 0.9, 1.1, 1.2: one browser's
    lines of mixed type). A tie goes to the distance met first, among the closest ones to the closer. A most common
    distance below `_PARAGRAPH_SPACING` is the pitch itself: a block set closer (a contact list) does not set it."""
    common = counts.most_common(1)[0][0]
    if common < _PARAGRAPH_SPACING:
        return common
    least = max(_MIN_FREQUENT, counts[common] / _FREQUENT)
    frequent = sorted(pitch for pitch, count in counts.items() if count >= least)
    closest = frequent[:1]
    for pitch in frequent[1:]:
        if pitch - closest[-1] > _PARAGRAPH_STEP:
            break
        closest.append(pitch)
    return common if common in closest or not closest else max(closest, key=counts.__getitem__)


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
    case, after an opening quote or not (a sentence broken short of the edge; not after an all-caps heading,
    not a footnote's digit). `prev.text` is only the end of the line joined so far (`join_paragraphs` keeps
    `_JOIN_READS` characters of it): a test of more of it belongs on `last`, the physical line.
    """
    if prev.bbox is None or last.bbox is None or line.bbox is None or prev.cells or line.cells or last.page != line.page:
        return False
    # every test below is needed for a join: the cheap ones go first
    height = line.bbox[3] - line.bbox[1]
    if abs(height - (last.bbox[3] - last.bbox[1])) > 0.15 * height:
        return False  # another font size: a heading and its text
    if not 0.7 * height <= line.bbox[3] - last.bbox[3] <= (block.pitch + 0.15) * height:
        return False  # overlapping boxes count: a browser sets lines closer than their font size
    text = line.text
    if not _LOWER.search(last.text) and _CAPS.search(last.text) and _LOWER.search(text, 0, _two_words_end(text)):
        # `HEAD OF UNIT` / `Directorate B - Markets`: a heading and the text under it; not a heading wrapped
        # in capitals before its text (`CALL FOR ... CONTRACT` / `AGENTS RESEARCHERS – Profile 1: ...`)
        return False
    if _TERMINAL.search(prev.text[-1:]) or text.startswith(_NEW_ITEM) or _starts_label(text) or _BARE_LABEL.match(text):
        return False
    if text.lstrip(_OPENING_QUOTES)[:1].islower() and not _SENTENCE_END.search(prev.text[-1:]):
        return True
    spaces = text.count(" ")
    char_width = (line.bbox[2] - line.bbox[0]) / max(len(text) - spaces / 2, 1)  # a space is about half a letter
    first_word = len(text.split(" ", 1)[0]) + 0.5
    return last.bbox[2] + first_word * char_width >= block.right - 2 * char_width


def _two_words_end(text: str) -> int:
    """Where the first two words of a line end (`AGENTS RESEARCHERS` of `AGENTS RESEARCHERS – Profile 1`)."""
    second = text.find(" ", text.find(" ") + 1) if " " in text else -1
    return second if second >= 0 else len(text)


def far_apart(left: BBox, right: BBox) -> bool:
    """Two pieces of text on one baseline more than `_APART` font sizes apart: two lines (a header's item at the left
    margin and another at the right one: `Vacancy notice XY/31/07` ... `Project Officer`) unless the left one is a
    field label (`is_label`) and the right one its value set at a tab stop (`Grade` ... `AD 6`: a form's row)."""
    return right[0] - left[2] > _APART * (right[3] - right[1])


def is_label(text: str) -> bool:
    """The text is a field label of any language and nothing else, a colon or not (`Grade`, `Lieu d'affectation :`)."""
    return _whole_label().match(text.strip())


_APART = 6.0  # font sizes between two pieces of one baseline that are no words of one line


def _whole_label() -> lexicon.Followed:
    """A field label of any language and nothing after it but spaces and a colon (`is_label`)."""
    return lexicon.followed("labels", r"[\s:：]*$")


def _starts_label(text: str) -> bool:
    """A line that starts with a field label of any language, a few more words of it, and its colon:
    `Deadline: ...`, `Sector/Unit/Division:`, `Grade bracket for mobility:`; not `Officer Sector/Unit:`."""
    return text[:1].isupper() and (":" in text or "：" in text) and bool(_labels().match(text))


def _labels() -> lexicon.Followed:
    return lexicon.followed("labels", r"(?!\w)[^:：.;!?]{0,40}?[:：]")


def box(bbox: tuple[float, float, float, float]) -> BBox:
    """A bounding box rounded to 0.1 pt."""
    return (round(bbox[0], 1), round(bbox[1], 1), round(bbox[2], 1), round(bbox[3], 1))

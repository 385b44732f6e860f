"""Plain text and Markdown notices: decoding, tables as cells, page furniture."""

from __future__ import annotations

import codecs
import itertools
import re
from functools import cache

from .. import lexicon, regex_cache
from ..document import Document, Line
from ..errors import InputError
from ..hygiene import strip_invisible
from .blocks import pair_label_blocks
from .clean import clean_line, is_rule, repeated_lines, split_furniture, substitute_letter_ticks

_CONTROL = regex_cache.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_TERMINAL = regex_cache.compile(r"[.:;!?)\]]$")


def decode(data: bytes, name: str) -> str:
    """Bytes to text: BOMs first, then UTF-8, UTF-16 without BOM, then cp1252."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), name)
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        even_nuls = sample[0::2].count(b"\x00")
        odd_nuls = sample[1::2].count(b"\x00")
        encoding = "utf-16-be" if even_nuls > odd_nuls else "utf-16-le"
        return _checked(data.decode(encoding, errors="replace"), name)
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        return _checked(data.decode("cp1252", errors="replace"), name)


def _checked(text: str, name: str) -> str:
    sample = text[:20000]
    if sample and (len(_CONTROL.findall(sample)) + sample.count("\ufffd")) > max(8, len(sample) // 50):
        raise InputError("not a text notice (binary content)", name)
    return text


# A short label (from a letter, three letters or more: not `1.` nor `II.` before a heading, not a tick box),
# a run of 3 spaces or more,
# a value: `Posts      3`, `Stellenbezeichnung    Referent/in`.
_SPACED_ROW = regex_cache.compile(r"^([^\W\d_](?:\S| (?! )){0,39}?)\s{3,}(\S.*)$")
_LETTER = regex_cache.compile(r"[^\W\d_]")
_SPACE_RUN = regex_cache.compile(r"\s{3,}")
# A row's value wrapped onto a line of its own with an empty label cell: `Title | Officer for` / `| Urban Policy`.
_CELL_GOES_ON = regex_cache.compile(r"^\s*\|\s+[^|\s][^|]*$")
# A short label, a spaced bar, a value: `Deadline | 28/08/2026 – 12:00`, `Tipo de contrato: | 3b`.
_PIPE_ROW = regex_cache.compile(r"^[^|]{1,60}\s\|\s+\S")


def _cells(raw: str) -> tuple[str, ...]:
    """Cells of a tab-separated or Markdown table row (empty tuple for other lines)."""
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        parts = stripped.strip("|").split("|")
    elif _PIPE_ROW.match(stripped):  # `Place of employment | Brussels`: a row of a table without outer bars
        parts = stripped.split(" | ")
    elif "\t" in stripped:
        parts = stripped.split("\t")
    elif "   " in stripped and (match := _SPACED_ROW.match(stripped)) and len(_LETTER.findall(match.group(1))) >= 3:
        # `Grade        AD 6`: columns set by spaces
        parts = [match.group(1), *_SPACE_RUN.split(match.group(2))]
    else:
        return ()
    cells = tuple(clean_line(part) for part in parts)
    return cells if sum(1 for c in cells if c) >= 2 else ()


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" "))


def _value_column(raw: str) -> int:
    """Where the value starts in a row whose columns are set by spaces (`Units      ERCEA.B.1`), else 0."""
    match = _SPACED_ROW.match(raw.strip()) if "\t" not in raw and "|" not in raw else None
    return _indent(raw) + match.start(2) if match else 0


def _continued(row: Line, more: str) -> Line:
    """A table row whose last cell goes on with `more` (the next line, set under the value)."""
    if not more:
        return row
    space = "" if row.cells[-1].endswith("/") else " "  # `EFCA/2026/TA/` + `AD5/02`
    cells = (*row.cells[:-1], f"{row.cells[-1]}{space}{more}")
    return Line(text=f"{row.text}{space}{more}", page=row.page, bbox=row.bbox, cells=cells)


def read_text(data: bytes, name: str, format: str = "text") -> Document:
    """A text or Markdown notice as a Document; form feeds separate pages; control and invisible characters go."""
    text = strip_invisible(decode(data, name)).replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\f")
    raw_lines = [(number, raw) for number, page in enumerate(pages, 1) for raw in page.split("\n")]
    ticked = substitute_letter_ticks([raw for _, raw in raw_lines])
    lines: list[Line] = []  # a blank line is kept as an empty Line until `join_wrapped`: it ends a paragraph
    column = 0  # where the values of the rows above start, in rows whose columns are set by spaces
    for (page, _), raw in zip(raw_lines, ticked, strict=True):
        if is_rule(raw):
            continue
        if column and lines and lines[-1].cells and _indent(raw) in (column - 1, column, column + 1):
            lines[-1] = _continued(lines[-1], clean_line(raw))  # a value's second line, under the value
            continue
        if lines and lines[-1].cells and _CELL_GOES_ON.match(raw):
            lines[-1] = _continued(lines[-1], clean_line(raw.strip()[1:]))  # `| and Urban Policy`: the cell goes on
            continue
        cells = _cells(raw)
        column = _value_column(raw) if cells else 0
        cleaned = " ".join(c for c in cells if c) if cells else clean_line(raw)
        if cleaned or not raw.strip():
            lines.append(Line(text=cleaned, page=page, cells=tuple(c for c in cells if c)))
    body, furniture = split_furniture(lines, repeated_lines(lines))
    if not any(line.text for line in body):
        raise InputError("no text in the notice", name)
    return Document(lines=pair_label_blocks(join_wrapped(body)), pages=len(pages), format=format, furniture=furniture)


# A line that starts an item: a mark, `2.` or `2 – Data`, `Place:` (alone or before its value), `ANNEX I`,
# a heading in capitals (`DONNÉES` too).
_ITEM_START = regex_cache.compile(r"^(?:[☐☒•➢►▪\-–*]|\d+(?:[.)]|\s[–-])\s|[A-Z][\w ()/'’&,-]{1,45}:(?:\s|$)|[A-ZÀ-Þ][A-ZÀ-Þ ,&'’-]{3,}$)")


# A heading in title case ends in a capitalised word (`... Hydrogen Safety Laboratory`), a wrapped
# sentence rarely does when the next line starts in capitals too (`Directorate C – Energy`).
_TITLE_CASE_END = regex_cache.compile(r"(?:^|\s)[A-Z][\w’'-]*$")
_LOWER_END = regex_cache.compile(r"(?<!\S)[^\W\d_]*[a-zß-ÿ]$")  # a line ending in a word in lower case: `... candidates`
_CAPITALS_START = regex_cache.compile(r"^[A-ZÀ-Þ]{3,}\s+[A-ZÀ-Þ]{2,}\b")  # a line opening with words in capitals: `EXPERT IN`
_WIDE = 60  # a line this long that reaches the wrap width was wrapped
_REACH = 0.8  # a line at least this share of the wrap width long reaches it
_NARROW = 40  # in a text wrapped narrow, a shorter one too when the next line's first word would not have fit on it
_WRAPS = 3  # lines reaching the width that go on in lower case on the next (and `_WRAPS_SHARE` of such lines): a text wrapped narrow
_WRAPS_SHARE = 0.25
_LAST_WORD = 40  # the end of a line where its last word is looked for (a joined paragraph may be long)


def _wrapped_before(prev: str, line: str, width: int, shortest: int) -> bool:
    """An unfinished line that reaches the text's wrap width, followed by one that does not start a new item;
    after a title-case end, or shorter than `_WIDE` (down to `shortest`), only when the next line's first word
    would not have fit on it (a tool's wrap); in a text wrapped narrow, not after a name ending in an acronym
    when the next line goes on in title case (`... Agency for Cybersecurity ENISA` / `Certification Expert`)."""
    if _TITLE_CASE_END.search(prev[-_LAST_WORD:]) and line[:1].isupper():
        if not _overflows(prev, line, width):
            return False
        if len(prev) < max(_WIDE, _REACH * width) and _ends_name(prev) and not _goes_on_in_lower(line):
            return False  # narrow text: `... Agency for Cybersecurity ENISA` / `Cybersecurity Certification Expert`
    if _CAPITALS_START.match(line) and (end := _LOWER_END.search(prev)) and not _connector().fullmatch(end.group(0)):
        return False  # `... a list of suitable candidates` / `EXPERT IN data policies`: a heading starts (not `... of the` / `EEAS HQ`)
    long = len(prev) >= max(_WIDE, _REACH * width) or (len(prev) >= max(shortest, _REACH * width) and _overflows(prev, line, width))
    return long and (not _ITEM_START.match(line) or _item_goes_on(prev, line, width))


@cache
def _connector() -> re.Pattern[str]:
    """A word that joins the words around it (`of`, `the`, `de`): a sentence goes on after it."""
    return lexicon.pattern("title", "connectors")


def _item_goes_on(prev: str, line: str, width: int) -> bool:
    """A line that looks like a new item but goes on from the line above: words run into a label, a label broken
    over the two lines, an upper-case heading wrapped (`... IN THE EXECUTIVE OFFICE` / `SECRETARIAT`, `... IN THE` /
    `MANAGEMENT BOARD`): the line above leaves its phrase open or the next line is no phrase of its own (not
    `... VACANCY NOTICE REF. AGY/2031/TA/17` / `SENIOR LEGAL OFFICER`)."""
    if _goes_on_before_label(prev, line) or _label_across(prev, line):
        return True
    if not (prev[-_LAST_WORD:].isupper() and line.isupper() and _overflows(prev, line, width)):
        return False
    return _open_end(prev) or not _complete_phrase(line, width)


@cache
def _open_ending() -> re.Pattern[str]:
    """The end of a line that leaves its phrase open: a connector (`... IN THE`, `... DIRECCIÓN GENERAL DE`) or a dash."""
    return regex_cache.compile(r"(?:(?<!\w)(?:" + lexicon.alternation("title", "connectors") + r")|[-–—])$", re.IGNORECASE)


def _open_end(text: str) -> bool:
    """Does `text` end leaving its phrase open (`_open_ending`)? Then the next line goes on with it."""
    return bool(_open_ending().search(text[-_LAST_WORD:]))


def _complete_phrase(line: str, width: int) -> bool:
    """A line that reads as a phrase of its own: two words or more, short of the wrap width, not ending open
    (`SENIOR LEGAL OFFICER`, `DIRECTORATE B - EMPLOYMENT`; not `OFFICE`, not `GENERAL DE`)."""
    return " " in line and len(line) < _REACH * width and not _open_end(line)


# A word in capitals ending a line in mixed case: `... Agency for Cybersecurity ENISA`.
_ACRONYM_END = regex_cache.compile(r"(?<!\S)[A-ZÀ-Þ]{2,}$")


def _ends_name(prev: str) -> bool:
    """A line in mixed case ending in an acronym, not a connector (`... Agency for Cybersecurity ENISA`):
    a name that is complete, after which a title-case line is a heading of its own, not the name going on."""
    tail = prev[-_LAST_WORD:]
    return bool(_ACRONYM_END.search(tail)) and not tail.isupper() and not _open_end(tail)


_SECOND_WORD = regex_cache.compile(r"^\S+\s+(\S)")


def _goes_on_in_lower(line: str) -> bool:
    """A line whose second word is in lower case (`States and the business ...`) or that holds one word
    (`Agency`): the rest of a sentence or name wrapped, not a heading of its own."""
    second = _SECOND_WORD.match(line)
    return second is None or second.group(1).islower()


# The words before the first colon of a line: `Officer Sector/Unit/Department:`.
_HEAD = regex_cache.compile(r"^[^:：]{1,60}(?=[:：])")
_WORD_START = regex_cache.compile(r"(?<=[\s/])\w")  # `Sector` and `Department` in `Officer Sector/Department:`
_COLON = regex_cache.compile(r"[:：]")


def _goes_on_before_label(prev: str, line: str) -> bool:
    """`Officer Sector/Unit/Department: ...`: first words that are no label, run into a label and its colon,
    end the value wrapped on the line above (`Post: Human Resources` / `Officer Sector/...:`): when they are in
    lower case, or when the line above ends in a label's value (a colon near its end). Words before a label
    that open a line of their own are the label's (`Extended deadline: 20 March`, `Salary Grade: AD 7`)."""
    head = _HEAD.match(line)
    labelled = lexicon.followed("labels", r"\s*[:：]")
    if head is None or labelled.match(line, 0):
        return False
    if not (line[:1].islower() or _COLON.search(prev[-_LAST_WORD:])):
        return False
    return any(labelled.match(line, m.start()) for m in _WORD_START.finditer(line, 0, head.end()))


def _label_across(prev: str, line: str) -> bool:
    """A label and its colon broken over the two lines: `... Grupo de funciones` / `IV: Asesor`, `Closing Date for` /
    `Applications:` (a label starting on the line above, with no colon after it there)."""
    tail = prev[-lexicon.LONGEST_TERM:]
    joined = f"{tail} {line}"
    labelled = lexicon.followed("labels", r"\s*[:：]")
    return any(not _COLON.search(tail, m.start()) and labelled.match(joined, m.start())
               for m in _WORD_START.finditer(joined, 0, len(tail)))


def _overflows(prev: str, line: str, width: int) -> bool:
    """Would the first word of `line` have run `prev` past the wrap width? Then the break is a wrap, not a heading's end."""
    return len(prev) + 1 + len(line.split(" ", 1)[0]) > width


def _wrap_width(lines: list[Line]) -> int:
    """The width at which a tool wrapped the text: the 90th percentile of line lengths."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _shortest_wrap(lines: list[Line], width: int) -> int:
    """`_NARROW` for a text wrapped narrow, where lines reaching the width often go on in lower case on the
    next (`... de la` / `représentation`), else `_WIDE`: a form of short lines is not taken for wrapped."""
    reaching = [nxt.text for line, nxt in itertools.pairwise(lines) if line.text and len(line.text) >= _REACH * width]
    going_on = sum(1 for text in reaching if text[:1].islower())
    return _NARROW if going_on >= max(_WRAPS, _WRAPS_SHARE * len(reaching)) else _WIDE


def _closes(prev: str, line: str) -> bool:
    """Does `prev` end its paragraph? A stop or a colon does; a bracket not when the next line goes on in
    lower case (`... Innovation Council (EIC)` / `in the next budget`)."""
    if prev.endswith(")") and line[:1].islower():
        return False
    return bool(_TERMINAL.search(prev[-1:]))


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped lines: a line that starts in lower case, or follows one that reaches the wrap width.

    An empty line (a blank line of the text) ends a paragraph: nothing is joined across it, and it is dropped.
    """
    width = _wrap_width([line for line in lines if line.text])
    shortest = _shortest_wrap(lines, width)
    out: list[Line] = []  # the first line of each output line
    texts: list[list[str]] = []  # the lines of each output line, joined once at the end (in linear time)
    prev: Line | None = None
    last = ""  # the previous line as printed: its length, not the joined paragraph's, tells a wrap; its end is the paragraph's
    for line in lines:
        if not line.text:
            prev = None
            continue
        if (
            prev is not None
            and not prev.cells
            and not line.cells
            and prev.page == line.page
            and not _closes(last, line.text)
            and (((line.text[:1].islower() or line.text[:1] == "(") and len(last) >= 40) or _wrapped_before(last, line.text, width, shortest))
        ):
            texts[-1].append(line.text)
        else:
            out.append(line)
            texts.append([line.text])
        prev, last = out[-1], line.text
    return [Line(text=" ".join(text), page=line.page, bbox=line.bbox) if len(text) > 1 else line for line, text in zip(out, texts, strict=True)]

"""HTML and Word (DOCX) notices to plain text with tab-separated table rows, for the text reader."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree

from .. import regex_cache
from ..errors import InputError
from .clean import EMPTY_BOX, TICKED_BOX

_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "ul", "ol",
           "header", "footer", "dd", "dt", "blockquote", "pre", "hr"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_SPACES = regex_cache.compile(r"\s+")
_SPACED_TAB = regex_cache.compile(r"[ ]*\t[ ]*")  # a cell break with the spaces around it


class _HtmlText(HTMLParser):
    """Collects text: a line per block, cells of a table row joined by tabs, check boxes as ☐/☒."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag == "input" and dict(attrs).get("type") in ("checkbox", "radio"):
            self.parts.append(f" {TICKED_BOX if 'checked' in dict(attrs) else EMPTY_BOX} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(text: str) -> str:
    """The text of an HTML notice, a line per paragraph, table cells separated by tabs."""
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    lines = (_SPACED_TAB.sub("\t", line).strip(" ") for line in "".join(parser.parts).split("\n"))
    return "\n".join(line.lstrip("\t") for line in lines if line.strip())


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SYMBOLS = {"F0FE": TICKED_BOX, "F0FD": TICKED_BOX, "F078": TICKED_BOX, "F0A8": EMPTY_BOX, "F06F": EMPTY_BOX}


def docx_to_text(data: bytes, name: str) -> str:
    """The text of a Word document: paragraphs, table rows as tab-separated cells, Wingdings boxes as ☐/☒.

    Check-box content controls show their state as a glyph in the text itself (☐/☒), read as text.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise InputError(f"not a readable Word document ({type(exc).__name__})", name) from None
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for block in list(body) if body is not None else []:
        if block.tag == f"{_W}p":
            lines.append(_paragraph(block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = [" ".join(_paragraph(p) for p in cell.iter(f"{_W}p")).strip() for cell in row.findall(f"{_W}tc")]
                lines.append("\t".join(cells))
    return "\n".join(line for line in lines if line.strip())


def _paragraph(paragraph: ElementTree.Element) -> str:
    out: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            out.append(node.text)
        elif node.tag in (f"{_W}tab", f"{_W}br"):
            out.append(" ")
        elif node.tag == f"{_W}sym":
            out.append(_SYMBOLS.get((node.get(f"{_W}char") or "").upper(), ""))
    return "".join(out).strip()

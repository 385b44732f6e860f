"""The document every reader produces and every extractor reads: pages of lines, some with cells."""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Line:
    """One line (or joined paragraph) of text, or one table row when `cells` is set."""

    text: str
    page: int = 1
    bbox: BBox | None = None
    cells: tuple[str, ...] = ()

    @property
    def label(self) -> str | None:
        """The first cell of a table row whose other cells hold its value."""
        return self.cells[0] if len(self.cells) >= 2 else None

    @property
    def value(self) -> str:
        """The cells after the label, joined by a space."""
        return " ".join(cell for cell in self.cells[1:] if cell)


@dataclass
class Document:
    """A notice as cleaned text: body lines in reading order, page furniture kept aside."""

    lines: list[Line]
    pages: int
    format: str
    furniture: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the reader had to skip (a damaged page)

    @property
    def text(self) -> str:
        """The body as one string, one line per line."""
        return "\n".join(line.text for line in self.lines)

"""Boxes of evidence on PDF pages: the matched words when pdfplumber finds them, else the line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..document import BBox


@dataclass(frozen=True)
class FieldBox:
    """Where a field's value sits on a page (points from the page's top left)."""

    field: str
    page: int
    bbox: BBox


def tight_box(page: Any, line_box: BBox, match: str | None) -> BBox:
    """The box of `match` inside the evidence line (pdfplumber's character positions), else the line's box."""
    if not match:
        return line_box
    x0, top, x1, bottom = line_box
    try:
        hits = page.search(match, regex=False, case=True, return_chars=False)
    except Exception:  # pdfplumber's search can fail on unusual glyphs; the line's box is still right
        return line_box
    inside = [h for h in hits if h["top"] >= top - 3 and h["bottom"] <= bottom + 3 and h["x0"] >= x0 - 3 and h["x1"] <= x1 + 3]
    if not inside:
        return line_box
    h = inside[0]
    return (round(h["x0"], 1), round(h["top"], 1), round(h["x1"], 1), round(h["bottom"], 1))


@dataclass(frozen=True)
class SharedBox:
    """One box on a page and every field read from it (several fields can share one match)."""

    fields: tuple[str, ...]
    page: int
    bbox: BBox

    @property
    def label(self) -> str:
        """The label drawn on the box: all its fields."""
        return " · ".join(self.fields)


LABEL_HEIGHT = 14.0  # px of a box label (font .7rem)
LABEL_CHAR_WIDTH = 6.5  # px per character of a label, a generous estimate


def shared(boxes: list[FieldBox]) -> list[SharedBox]:
    """Boxes with the same page and rectangle drawn once, labelled with all their fields (first-seen order)."""
    groups: dict[tuple[int, BBox], list[str]] = {}
    for box in boxes:
        groups.setdefault((box.page, box.bbox), []).append(box.field)
    return [SharedBox(tuple(fields), page, bbox) for (page, bbox), fields in groups.items()]


def label_rows(boxes: list[SharedBox], scale: float) -> list[int]:
    """For each box, how many label heights above the box its label sits, so that no two labels on a page overlap."""
    placed: list[tuple[int, float, float, float, float]] = []  # page, left, top, right, bottom of a label, in px
    rows = []
    for box in boxes:
        left, top = box.bbox[0] * scale, box.bbox[1] * scale
        right = left + len(box.label) * LABEL_CHAR_WIDTH + 6
        row = 0
        while any(_overlaps(label, (box.page, left, top - (row + 1) * LABEL_HEIGHT, right, top - row * LABEL_HEIGHT))
                  for label in placed):
            row += 1
        placed.append((box.page, left, top - (row + 1) * LABEL_HEIGHT, right, top - row * LABEL_HEIGHT))
        rows.append(row)
    return rows


def _overlaps(a: tuple[int, float, float, float, float], b: tuple[int, float, float, float, float]) -> bool:
    """Two label rectangles (page, left, top, right, bottom) on the same page that share some area."""
    return a[0] == b[0] and a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]

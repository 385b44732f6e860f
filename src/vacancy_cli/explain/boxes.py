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

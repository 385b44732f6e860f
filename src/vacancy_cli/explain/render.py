"""How finely to draw PDF pages for the HTML page: 96 dpi, less for pages too large to draw whole (pure)."""

from __future__ import annotations

import math

RESOLUTION = 96.0  # dpi of the page images when they fit; boxes are scaled by resolution / 72
MAX_PAGE_PIXELS = 6_000_000  # about A3 at 150 dpi; a larger page is drawn at a lower resolution
MAX_TOTAL_PIXELS = 60_000_000  # all pages of one explain page together (about 68 A4 pages at 96 dpi)
ROUNDING = 0.99  # a scaled-down page stays under its budget once its sides are rounded up to whole pixels
MIN_SIDE = 1.0  # points; a page side below this (or not a number) is not drawn


def resolution(width: float, height: float, pages: int) -> float | None:
    """The dpi to draw a page of `width` x `height` points, one of `pages`; None when it cannot be drawn."""
    if not (MIN_SIDE <= width < float("inf") and MIN_SIDE <= height < float("inf")):
        return None
    budget = min(MAX_PAGE_PIXELS, MAX_TOTAL_PIXELS / max(pages, 1))
    pixels_at_full = (width * RESOLUTION / 72) * (height * RESOLUTION / 72)
    if pixels_at_full <= budget:
        return RESOLUTION
    return RESOLUTION * math.sqrt(budget / pixels_at_full) * ROUNDING

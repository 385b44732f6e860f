"""Geometry rules shared by the PDF engines: joining the wrapped lines of a paragraph."""

from __future__ import annotations

import re

from ..document import Line

_TERMINAL = re.compile(r"[.:;!?]$")
_LABEL_START = re.compile(r"^[A-Z][\w ()/'’&-]{1,45}[:：]\s")
_BOX_OR_BULLET = ("☐", "☒", "•")


def join_paragraphs(items: list[Line]) -> list[Line]:
    """Join a line to the previous one when the previous line was wrapped.

    A line is wrapped when the next line's first word would not have fitted after it
    (it runs to the right margin), the gap between them is a normal line gap, and
    the next line does not start a new item (a label, a bullet, a tick box).
    """
    right = max((line.bbox[2] for line in items if line.bbox and not line.cells), default=0.0)
    out: list[Line] = []
    for line in items:
        prev = out[-1] if out else None
        if prev is not None and _wrapped(prev, line, right):
            assert prev.bbox is not None and line.bbox is not None
            box = (min(prev.bbox[0], line.bbox[0]), prev.bbox[1], max(prev.bbox[2], line.bbox[2]), line.bbox[3])
            out[-1] = Line(text=f"{prev.text} {line.text}", page=prev.page, bbox=box)
        else:
            out.append(line)
    return out


def _wrapped(prev: Line, line: Line, right: float) -> bool:
    if prev.bbox is None or line.bbox is None or prev.cells or line.cells or prev.page != line.page:
        return False
    if _TERMINAL.search(prev.text) or line.text.startswith(_BOX_OR_BULLET) or _LABEL_START.match(line.text):
        return False
    height = line.bbox[3] - line.bbox[1]
    if not 0 <= line.bbox[1] - prev.bbox[3] < 0.9 * height:
        return False
    char_width = (line.bbox[2] - line.bbox[0]) / max(len(line.text), 1)
    first_word = len(line.text.split(" ", 1)[0]) + 1
    return prev.bbox[2] + first_word * char_width >= right - 2 * char_width

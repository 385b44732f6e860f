"""Label/value blocks shared by the text and PDF readers: a flattened table put back into rows."""

from __future__ import annotations

from .. import regex_cache
from ..document import BBox, Line

_BARE_LABEL = regex_cache.compile(r"^[A-Z][\w ()/'’&,.-]{1,60}:$")  # `Place of secondment:` alone on its line
_ANNOTATION = regex_cache.compile(r"^\([^()]{1,40}\)$")  # a label's own annotation on the line below it: `(DG-DIR-UNIT)`


def _bare_label(text: str) -> bool:
    """A label alone on its line (`_BARE_LABEL`), looked for only in a line that ends in a colon (before a line feed)."""
    return text.endswith((":", ":\n")) and bool(_BARE_LABEL.match(text))


def _union(a: BBox | None, b: BBox | None) -> BBox | None:
    """The box around two boxes (either may be missing)."""
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _annotations_into_labels(lines: list[Line]) -> list[Line]:
    """Fold a bracketed annotation line into the bare label above it, so that it is not taken for a label."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and not prev.cells and _ANNOTATION.match(line.text) and _bare_label(prev.text):
            out[-1] = Line(text=f"{prev.text[:-1].rstrip()} {line.text}:", page=prev.page, bbox=_union(prev.bbox, line.bbox))
        else:
            out.append(line)
    return out


def pair_label_blocks(lines: list[Line]) -> list[Line]:
    """A flattened table printed as all its labels, then all its values, becomes label/value rows
    (each row keeps the union of its label's and its value's boxes)."""
    lines = _annotations_into_labels(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        run = 0
        while i + run < len(lines) and not lines[i + run].cells and _bare_label(lines[i + run].text):
            run += 1
        values = lines[i + run : i + 2 * run]
        if run >= 3 and len(values) == run and not any(_bare_label(v.text) or v.cells for v in values):
            for label, value in zip(lines[i : i + run], values, strict=True):
                out.append(Line(text=f"{label.text} {value.text}", page=label.page, bbox=_union(label.bbox, value.bbox),
                                cells=(label.text, value.text)))
            i += 2 * run
        else:
            out.extend(lines[i : i + max(run, 1)])
            i += max(run, 1)
    return out

"""What every extractor shares: candidates with evidence, the context, labelled values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from ..document import Document, Line
from .labels import ALL_LABELS, LABELS

T = TypeVar("T")
Confidence = Literal["high", "medium", "low"]


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value with the line it came from and how sure we are of it."""

    value: T
    line: Line
    confidence: Confidence
    match: str | None = None


@dataclass
class Context:
    """The document and what earlier extractors found; warnings collect here."""

    doc: Document
    found: dict[str, Found[object]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def value(self, name: str) -> object:
        """The value an earlier extractor found for `name`, or None."""
        hit = self.found.get(name)
        return hit.value if hit else None

    def warn(self, message: str) -> None:
        """Record a warning once."""
        if message not in self.warnings:
            self.warnings.append(message)


_SEPARATOR = r"\s*(?:[:：]|[-–—]\s|\.{2,}|\s)\s*"
_LABEL_STOP = re.compile(
    r"(?<=\S)\s*(?:" + "|".join(sorted(ALL_LABELS, key=len, reverse=True)) + r")\s*[:：]", re.IGNORECASE
)


@dataclass(frozen=True)
class Labelled:
    """A value read after a label: in a table row, on the label's line, or on the next line."""

    value: str
    line: Line


def labelled(doc: Document, field_name: str) -> Iterator[Labelled]:
    """Values printed after one of the field's labels, in document order."""
    pattern = LABELS[field_name]
    head = re.compile(r"^\W{0,3}(?:" + pattern + r")\s*\W{0,2}$", re.IGNORECASE)
    lead = r"(?:^|(?<=[\s(|;•])|(?<=\d)|(?<=[a-z])(?-i:(?=[A-Z])))"
    with_colon = re.compile(lead + r"(?P<label>" + pattern + r")\s*\W{0,2}?\s*(?:[:：]|\s/\s)\s*(?P<value>\S.*)$", re.I)
    with_space = re.compile(r"^(?P<label>" + pattern + r")[\s–-]+(?P<value>\S.*)$", re.I)
    lines = doc.lines
    for i, line in enumerate(lines):
        if line.label is not None and head.match(line.label):
            yield Labelled(_cut_at_next_label(line.value), line)
            continue
        if head.match(line.text) and i + 1 < len(lines):
            nxt = lines[i + 1]
            if not _starts_with_label(nxt.text):
                yield Labelled(_cut_at_next_label(nxt.text), nxt)
            continue
        m = with_colon.search(line.text)
        if m and (m.start() == 0 or _is_label_start(line.text, m.start())):
            value = _cut_at_next_label(m.group("value"))
        else:
            m = with_space.match(line.text)
            short = len(line.text) <= 100 and not line.text.endswith(".")
            value = _cut_at_next_label(m.group("value")) if m and short and re.search(r"\s", m.group("label")) else ""
        if value:
            yield Labelled(value, line)


def _is_label_start(text: str, start: int) -> bool:
    """A label in mid-line counts after a separator, or run together with the previous value."""
    before = text[:start]
    if before.rstrip()[-1:] in ("|", ";", "(", "•", "☒", "☐", ".", ")"):
        return True
    return not before.endswith((" ", "\t")) and bool(re.search(r"[\d)a-z]$", before))


def _starts_with_label(text: str) -> bool:
    return bool(re.match(r"^(?:" + "|".join(sorted(ALL_LABELS, key=len, reverse=True)) + r")\s*[:：]", text, re.I))


def _cut_at_next_label(value: str) -> str:
    """`COM/2026/20118Deadline for applications: ...` -> `COM/2026/20118`."""
    m = _LABEL_STOP.search(value)
    return (value[: m.start()] if m else value).strip(" \t:;,")

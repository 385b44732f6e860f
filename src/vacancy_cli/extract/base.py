"""What every extractor shares: candidates with evidence, the context, labelled values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Generic, Literal, TypeVar

from .. import lexicon
from ..document import Document, Line
from .labels import label_pattern, label_then

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


@dataclass(frozen=True)
class Labelled:
    """A value read after a label: in a table row, on the label's line, or on the next line."""

    value: str
    line: Line
    index: int  # of the line in the document's lines


@cache
def _label_patterns(field_name: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(label alone on its line, label then `:` or ` / ` then value, label then value) for a field."""
    pattern = label_pattern(field_name)
    head = re.compile(r"^\W{0,3}(?:" + pattern + r")\s*\W{0,2}$", re.IGNORECASE)
    lead = r"(?:^|(?<=[\s(|;•])|(?<=\d)|(?<=[a-z])(?-i:(?=[A-Z])))"
    with_colon = re.compile(lead + r"(?P<label>" + pattern + r")\s*\W{0,2}?\s*(?:[:：]|\s/\s)\s*(?P<value>\S.*)$", re.I)
    with_space = re.compile(r"^(?P<label>" + pattern + r")[\s–-]+(?P<value>\S.*)$", re.I)
    return head, with_colon, with_space


@cache
def _label_at_end(field_name: str) -> re.Pattern[str]:
    """A label closing its line (`... Latest application date:`), its value on the next line."""
    lead = r"(?:^|(?<=[\s(|;•]))"
    return re.compile(lead + r"(?:" + label_pattern(field_name) + r")\s*[:：]\s*$", re.I)


def labelled(doc: Document, field_name: str) -> Iterator[Labelled]:
    """Values printed after one of the field's labels, in document order."""
    head, with_colon, with_space = _label_patterns(field_name)
    lines = doc.lines
    for i, line in enumerate(lines):
        if line.label is not None and head.match(line.label):
            yield Labelled(_cut_at_next_label(line.value), line, i)
            inner = with_colon.search(line.value, 1)  # `☒ 1 month Latest application date: 25-02-2025`
            if inner:
                yield Labelled(_cut_at_next_label(inner.group("value")), line, i)
            continue
        short = len(line.text) <= 100
        if short and head.match(line.text) and i + 1 < len(lines):
            nxt = lines[i + 1]
            if not _starts_with_label(nxt.text):
                yield Labelled(_cut_at_next_label(nxt.text), nxt, i + 1)
            continue
        if i + 1 < len(lines) and line.text.endswith((":", "：")) and _label_at_end(field_name).search(line.text):
            yield Labelled(_cut_at_next_label(lines[i + 1].text), lines[i + 1], i + 1)
        m = with_colon.search(line.text) if ":" in line.text or "：" in line.text or " / " in line.text else None
        if m and (m.start() == 0 or _is_label_start(line.text, m.start()) or m.group("label")[:1].isupper()):
            value = _cut_at_next_label(m.group("value"))
        elif not short:
            continue
        else:
            m = with_space.match(line.text)
            plain = not line.text.endswith(".")
            value = _cut_at_next_label(m.group("value")) if m and plain and re.search(r"\s", m.group("label")) else ""
        if value:
            yield Labelled(value, line, i)


def _is_label_start(text: str, start: int) -> bool:
    """A label in mid-line counts after a separator, or run together with the previous value."""
    before = text[:start]
    if before.rstrip()[-1:] in ("|", ";", "(", "•", "☒", "☐", ".", ")"):
        return True
    return not before.endswith((" ", "\t")) and bool(re.search(r"[\d)a-z]$", before))


def _label_colon() -> lexicon.Followed:
    """Any label of any field, then `:`."""
    return label_then(r"\s*[:：]")


# Where a label may end the value before it: after spaces, or run into a digit, `)` or letter when capitalised.
_BEFORE_LABEL = re.compile(r"(?<=\S)\s+(?=\S)|(?<=[\d)a-z])(?-i:(?=[A-Z]))", re.IGNORECASE)


def _last_colon(text: str) -> int:
    """Where the last `:` is, -1 for none: a label and its colon end there at the latest."""
    return max(text.rfind(":"), text.rfind("："))


def _starts_with_label(text: str) -> bool:
    return _last_colon(text) > 0 and bool(_label_colon().match(text))


def _cut_at_next_label(value: str) -> str:
    """`COM/2026/20118Deadline for applications: ...` -> `COM/2026/20118`."""
    cut = _next_label_stop(value)
    return (value[:cut] if cut is not None else value).strip(" \t:;,")


def _next_label_stop(value: str) -> int | None:
    """Where the first label followed by `:` cuts a value: where the spaces before it start, or at its
    capital when run into the value (`COM/2026/20118Deadline for applications:`)."""
    last = _last_colon(value)
    for m in _BEFORE_LABEL.finditer(value):
        if m.end() >= last:
            break  # a label starts before its colon
        if _label_colon().match(value, m.end()):
            return m.start()
    return None

"""What every extractor shares: candidates with evidence, the context, labelled values."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Generic, Literal, TypeVar

from .. import lexicon, regex_cache
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




@dataclass(frozen=True)
class Labelled:
    """A value read after a label: in a table row, on the label's line, or on the next line."""

    value: str
    line: Line
    index: int  # of the line in the document's lines


_LEAD = r"(?:^|(?<=[\s(|;•])|(?<=\d)|(?<=[a-z])(?-i:(?=[A-Z])))"  # where a label may start in mid-line
_END_LEAD = r"(?:^|(?<=[\s(|;•]))"  # where a label closing its line may start
# Every place where a lead above holds, or where a label alone on its line starts after marks (`• Deadline`):
# the start, after a mark or digit (`(?<![^\W\d])`: one test for the three), or a capital after a letter
# (`ofDeadline`; the capital first, the test that fails inside a word). This pattern is searched along lines.
_ANY_LEAD = r"(?:(?<![^\W\d])|(?-i:(?=[A-Z]))(?<=[a-z]))"
# What may follow a label: (alone on its line), (`:` or ` / ` then the value), (the value), (`:` closing the line).
_HEAD_TAIL = r"\s*\W{0,2}$"
_COLON_TAIL = r"\s*\W{0,2}?\s*(?:[:：]|\s/\s)\s*(?P<value>\S.*)$"
_SPACE_TAIL = r"[\s–-]+(?P<value>\S.*)$"
_SPACED_DASH = regex_cache.compile(r"\s+[–—-]\s")  # after a one-word label, a dash between spaces sets its value apart
_DASH_VALUE_WORDS = 6  # a value set apart by a dash is a place or a title (`Vigo, Spain`), not a heading's prose
_SPACE = regex_cache.compile(r"\s")  # a label of several words
_LETTER_OR_DIGIT = regex_cache.compile(r"[^\W_]")
_REMARK = regex_cache.compile(r"[;(]")  # what ends a dash-set value's first part
_RUN_ON = regex_cache.compile(r"[\d)a-z]$")  # a value run into the label after it: `20 May 2026Deadline:`
_END_TAIL = r"\s*[:：]\s*$"


@dataclass(frozen=True)
class LabelHit:
    """Where a label starts, the label and the value after it (the groups of a label pattern's match)."""

    start: int
    label: str
    value: str


class FieldLabels:
    """A field's labels before each tail, as `re.compile(lead + "(?P<label>labels)" + tail, re.I)` would find them.

    Four patterns per field, each holding all its labels in every language, take long to compile. Here
    one pattern of the labels alone (`_terms`, tried where a label of any field starts: `_label_starts`)
    finds where a label may start and `fullmatch` tells whether one runs exactly up to a place where
    the small tail pattern matches: that is the regex
    match when there is one such place. When there are several, which one the regex takes depends on
    the order of its alternatives: then the labels are matched with the tail as the regex would, but
    only those that may start with the character there (`lexicon.Leading`, compiled on first use), as
    they always are for a field whose labels look past their own end (`[IV]+(?= ?:)`), which
    `fullmatch` would hide.
    """

    def __init__(self, field_name: str) -> None:
        self._field = field_name
        self._simple = not any(lexicon.CONTEXTUAL.search(a) for a in lexicon.fragments("labels", field_name))
        # Only where some lead may hold: most places in a line are inside words, and this pattern is searched.
        self._terms = regex_cache.compile(_ANY_LEAD + r"(?:" + label_pattern(field_name) + r")", re.I)

    def _hit(self, text: str, start: int, tail: str) -> LabelHit | None:
        """The label starting at `start` then `tail`, None if none."""
        ends = [e for e in _tail_places(tail, text, start) if self._terms.fullmatch(text, start, e)] if self._simple else []
        if not self._simple or len(ends) > 1:
            m = _with_tail(self._field, tail).match(text, start)
            if m is None:
                return None
            ends = [m.start("tail")]
        elif not ends:
            return None
        after = _compiled(tail).match(text, ends[0])
        assert after is not None
        value = after.group("value") if "value" in after.re.groupindex else ""
        return LabelHit(start, text[start : ends[0]], value)

    def first(self, text: str, anywhere: bool) -> int | None:
        """Where the first label may start in `text`, None when nowhere (most lines: then nothing else is asked);
        unless `anywhere`, only at its start after up to three marks (anchored: much quicker than a search)."""
        if anywhere:
            return next((start for start in _label_starts(text) if self._terms.match(text, start)), None)
        if self._terms.match(text):
            return 0
        if text[:1].isalnum() or text[:1] == "_":
            return None  # a word character first: no marks before a label (`\W`)
        marks = _MARKS.match(text)
        assert marks is not None
        for start in range(1, marks.end() + 1):
            if self._terms.match(text, start):
                return start
        return None

    def search(self, text: str, pos: int, lead: str, tail: str) -> LabelHit | None:
        """The first label at or after `pos`, where `lead` holds, followed by `tail`."""
        at_lead = _compiled(lead)
        starts = _label_starts(text)
        for start in starts[bisect.bisect_left(starts, pos) :]:
            hit = self._hit(text, start, tail) if self._terms.match(text, start) and at_lead.match(text, start) else None
            if hit is not None:
                return hit
        return None

    def at_start(self, text: str, tail: str) -> LabelHit | None:
        """The label opening `text`, followed by `tail` (as `re.match`)."""
        return self._hit(text, 0, tail) if self._terms.match(text) else None

    def alone(self, text: str) -> bool:
        """Is `text` a label alone, up to three marks before it and two after (`• Deadline:`)?"""
        marks = _MARKS.match(text)
        assert marks is not None
        return any(self._terms.match(text, start) and self._hit(text, start, _HEAD_TAIL) for start in range(marks.end() + 1))


_MARKS = regex_cache.compile(r"\W{0,3}")


@lru_cache(maxsize=4096)
def _label_starts(text: str) -> tuple[int, ...]:
    """Where a label of any field starts in `text`, as `FieldLabels` would find it (after `_ANY_LEAD`).

    Every field's labels are looked for in the same lines: one scan for all of them tells the few places
    where a field's own pattern need be matched (a field's label matches only where one of all does),
    and searching a line is what costs, not matching at a place. Remembered: the fields ask in turn.
    """
    starts: list[int] = []
    m = _any_label().search(text)
    while m is not None:
        starts.append(m.start())
        m = _any_label().search(text, m.start() + 1)
    return tuple(starts)


@cache
def _any_label() -> re.Pattern[str]:
    """A label of any field where one may start (`_ANY_LEAD`)."""
    return regex_cache.compile(_ANY_LEAD + r"(?:" + lexicon.alternation("labels") + r")", re.I)


@cache
def _with_tail(field_name: str, tail: str) -> lexicon.Leading:
    """A field's labels then `tail` (group `tail`), matched at a place as the whole pattern would."""
    return lexicon.Leading(lexicon.fragments("labels", field_name), r"(?P<tail>" + tail + r")")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return regex_cache.compile(pattern, re.I)


def _tail_places(tail: str, text: str, pos: int) -> list[int]:
    """Where `tail` matches in `text` within a label's length of `pos` (the places a label may end)."""
    places = []
    for m in _compiled(r"(?=" + tail + r")").finditer(text, pos):
        if m.start() - pos > lexicon.LONGEST_TERM:
            break
        places.append(m.start())
    return places


@cache
def field_labels(field_name: str) -> FieldLabels:
    """A field's labels, to find before a tail of one's own (see `FieldLabels`)."""
    return FieldLabels(field_name)


def labelled(doc: Document, field_name: str) -> Iterator[Labelled]:
    """Values printed after one of the field's labels, in document order."""
    labels = field_labels(field_name)
    lines = doc.lines
    for i, line in enumerate(lines):
        if line.label is not None and labels.alone(line.label):
            yield Labelled(_cut_at_next_label(line.value), line, i)
            inner = labels.search(line.value, 1, _LEAD, _COLON_TAIL)  # `☒ 1 month Latest application date: 25-02-2025`
            if inner:
                yield Labelled(_cut_at_next_label(inner.value), line, i)
            continue
        text = line.text
        short = len(text) <= 100
        colon = ":" in text or "：" in text or " / " in text
        # Where a label may start: anywhere before a `:`, else (short lines) only at the start of the line.
        first = labels.first(text, colon) if short or colon else None  # a long line counts only with a `:`
        if first is None:
            continue  # no label of the field in the line: every value below follows one
        if short and first <= 3 and labels.alone(text) and i + 1 < len(lines):
            nxt = lines[i + 1]
            if not _starts_with_label(nxt.text) and not nxt.text.endswith((":", "：")):  # nor a label of its own
                yield Labelled(_cut_at_next_label(nxt.text), nxt, i + 1)
            continue
        end = labels.search(text, first, _END_LEAD, _END_TAIL) if i + 1 < len(lines) and text.endswith((":", "：")) else None
        if end and (end.start == 0 or _is_label_start(text, end.start) or end.label[:1].isupper()):  # not `... at their location:`
            yield Labelled(_cut_at_next_label(lines[i + 1].text), lines[i + 1], i + 1)
        m = labels.search(text, first, _LEAD, _COLON_TAIL) if colon else None
        if m and (m.start == 0 or _is_label_start(text, m.start) or m.label[:1].isupper()):
            value = _cut_at_next_label(m.value)
        elif not short:
            continue
        else:
            m = labels.at_start(text, _SPACE_TAIL) if first == 0 else None
            plain = not text.endswith(".")
            named = m is not None and (_SPACE.search(m.label) is not None or _dash_set_value(text, m.label, m.value))
            value = _cut_at_next_label(m.value) if m and plain and named else ""  # `Location – Warsaw`, not `Location Warsaw`
        if value:
            yield Labelled(value, line, i)


def _dash_set_value(text: str, label: str, value: str) -> bool:
    """Does a dash between spaces set a one-word label's value apart (`Location – Warsaw`, `Lieu - Bruxelles`)?

    Not a section heading's words (`Position – main duties and responsibilities`): the value's first letter is a
    capital or a digit and its first part (before `;` or a bracket's remark) is a few words at most.
    """
    if _SPACED_DASH.match(text, len(label)) is None:
        return False
    first = _LETTER_OR_DIGIT.search(value)
    head = _REMARK.split(value, maxsplit=1)[0]
    return first is not None and not first.group(0).islower() and len(head.split()) <= _DASH_VALUE_WORDS


def _is_label_start(text: str, start: int) -> bool:
    """A label in mid-line counts after a separator, or run together with the previous value."""
    before = text[:start]
    if before.rstrip()[-1:] in ("|", ";", "(", "•", "☒", "☐", ".", ")"):
        return True
    return not before.endswith((" ", "\t")) and bool(_RUN_ON.search(before))


def _label_colon() -> lexicon.Followed:
    """Any label of any field, then `:`."""
    return label_then(r"\s*[:：]")


# Where a label may end the value before it: after spaces, or run into a digit, `)` or letter when capitalised.
_BEFORE_LABEL = regex_cache.compile(r"(?<=\S)\s+(?=\S)|(?<=[\d)a-z])(?-i:(?=[A-Z]))", re.IGNORECASE)


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

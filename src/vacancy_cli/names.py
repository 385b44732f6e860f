"""Long lists of names (cities, bodies, DGs) matched as whole words without compiling one pattern over them all."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from . import regex_cache
from .lexicon import longest_first, union


@dataclass(frozen=True)
class NameList:
    """Names, whole words; a space in a name matches any run of whitespace."""

    names: frozenset[str]
    ignore_case: bool


_END = ""  # the trie key of a node where a name ends (no character folds to the empty string)
_SPAN = regex_cache.compile(r"(.*)", re.DOTALL)  # makes the `re.Match` of a span found (group 1 = group 0, as in the patterns)
_SPACED = regex_cache.compile(r"\S+(?: \S+)*")  # what a name may be: words between single spaces
_SCANNED = 3  # the first characters of a name that `_starts` looks for


class Names:
    """`before(name|name|...)after` over lists of names (each longest first), matched as that pattern would be.

    One alternation over a thousand names takes tens of milliseconds to compile, and a run meets few of
    them. Here a short pattern of the names' first characters finds the positions worth trying, and a
    trie of the names that start with the same two characters there (`_key`, built on first use) tells
    which match: the longest followed by `after`, as the alternation would choose (of two names that
    match at a position and end where `after` holds, the shorter is a prefix of the longer, so the longer
    comes first). A list with a match beats the lists after it. Names hold no whitespace but single
    spaces between words.
    """

    def __init__(self, lists: tuple[NameList, ...], before: str, after: str) -> None:
        for part in lists:
            odd = [name for name in part.names if len(name) < 2 or not _SPACED.fullmatch(name)]
            if odd:
                raise ValueError(f"a name shorter than two characters or with other whitespace: {odd[0]!r}")
        self.lists, self.before, self.after = lists, before, after
        self._keyed = [(_by_key(part), part.ignore_case) for part in lists]
        self._tries: list[dict[str, dict[str, Any]]] = [{} for _ in lists]
        self._before = regex_cache.compile(before)
        self._after = regex_cache.compile(after)
        firsts = "|".join(_first_characters(part) for part in lists)
        self._starts = regex_cache.compile(before + rf"(?={firsts})(?=" + "|".join(_starts(part) for part in lists) + r")")

    @cached_property
    def starts(self) -> re.Pattern[str]:
        """`before` then a name, whatever follows it: a quick search for where `finditer` may find one."""
        return regex_cache.compile(self.before + "(?:" + "|".join(_alternation(part) for part in self.lists) + ")")

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """A name at `pos`, as `re.compile(...).match(text, pos)`."""
        return self._at(text, pos) if self._before.match(text, pos) else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """Is the whole text a name? As `re.compile(...).fullmatch(text)`."""
        if not self._before.match(text):
            return None
        if any(len(text) in self._ends(index, text, 0) for index in range(len(self._keyed))):
            return _SPAN.fullmatch(text)
        return None

    def search(self, text: str) -> re.Match[str] | None:
        """The first name in the text, as `re.compile(...).search(text)`."""
        return next(self.finditer(text), None)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The names from `pos` on, left to right and not overlapping, as `re.compile(...).finditer(text, pos)`."""
        while (start := self._starts.search(text, pos)) is not None:
            m = self._at(text, start.start())
            if m is None:
                pos = start.start() + 1
                continue
            yield m
            pos = m.end()  # a name is never empty

    def sub(self, replacement: str, text: str) -> str:
        """Every name replaced by a plain string, as `re.compile(...).sub(replacement, text)`."""
        out, last = [], 0
        for m in self.finditer(text):
            out += [text[last : m.start()], replacement]
            last = m.end()
        return "".join([*out, text[last:]])

    def _at(self, text: str, pos: int) -> re.Match[str] | None:
        """The name at `pos` (where `before` holds) that the alternation would match."""
        for index in range(len(self._keyed)):
            end = max(self._ends(index, text, pos), default=None)
            if end is not None:
                return _SPAN.match(text, pos, end)
        return None

    def _ends(self, index: int, text: str, pos: int) -> list[int]:
        """Where the names of a list that match at `pos` end, when `after` holds there."""
        by_key, ignore_case = self._keyed[index]
        key = _key(text[pos : pos + 2], ignore_case)
        if key not in by_key:
            return []
        tries = self._tries[index]
        node: dict[str, Any] | None = tries.get(key) or tries.setdefault(key, _trie(by_key[key], ignore_case))
        fold = _fold if ignore_case else _exact
        found: list[int] = []
        i, end = pos, len(text)
        while node is not None:
            if _END in node and self._after.match(text, i):
                found.append(i)
            if i == end:
                break
            char = fold(text[i])
            node = node.get(char)
            i += 1
            if char == " ":  # a run of whitespace
                while i < end and text[i].isspace():
                    i += 1
        return found


def _key(text: str, ignore_case: bool) -> str:
    """The first two characters of a name or text: folded when case is ignored, whitespace a space."""
    return "".join(map(_fold if ignore_case else _exact, text[:2]))


def _by_key(part: NameList) -> dict[str, list[str]]:
    """The names by `_key`."""
    found: dict[str, list[str]] = {}
    for name in part.names:
        found.setdefault(_key(name, part.ignore_case), []).append(name)
    return found


def _trie(names: list[str], ignore_case: bool) -> dict[str, Any]:
    """The names as nested dicts of their characters (folded when case is ignored), `_END` where one ends."""
    root: dict[str, Any] = {}
    fold = _fold if ignore_case else _exact
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(fold(char), {})
        node[_END] = True
    return root


def _starts(part: NameList) -> str:
    """The first characters of the names as a pattern: what a position needs for one of them to match there."""
    return _alternation(part, _SCANNED)


def _alternation(part: NameList, length: int | None = None) -> str:
    """The names (their first `length` characters) as one alternation, longest first, ignoring case if the list does."""
    fragments = longest_first({_fragment(name[:length]) for name in part.names})
    return f"(?i:{union(fragments)})" if part.ignore_case else union(fragments, ignore_case=False)


def _first_characters(part: NameList) -> str:
    """The characters the names start with, as one class: a test of one step that most positions fail.

    `_starts`' alternation is tried at every position where `before` holds (after each space and
    punctuation mark, at each word); case-insensitive branches are entered one by one. The class
    turns away spaces, digits, punctuation and words no name starts like before any branch is tried.
    """
    chars = "".join(re.escape(char) for char in sorted({name[0] for name in part.names}))
    return f"(?i:[{chars}])" if part.ignore_case else f"[{chars}]"


def _fragment(name: str) -> str:
    """A name as a regex: itself, any run of whitespace for a space."""
    return re.escape(name).replace(r"\ ", r"\s+")


@cache
def _fold(char: str) -> str:
    """A character as `re.IGNORECASE` compares it (`B` ~ `b`, `İ` ~ `i`, `ſ` ~ `s`, `ς` ~ `σ`), any whitespace a space."""
    if char.isspace():
        return " "
    lower = char.lower()[:1]  # `İ` -> `i̇`: `re` takes `i`
    upper = lower.upper()
    if len(upper) == 1:
        return upper
    composed = unicodedata.normalize("NFC", lower)  # `ΐ` (U+1FD3) ~ `ΐ` (U+0390), whose capitals are three characters
    return composed if len(composed) == 1 else lower


@cache
def _exact(char: str) -> str:
    """A character as a case-sensitive pattern compares it: itself, any whitespace a space."""
    return " " if char.isspace() else char


def caseless(text: str) -> str:
    """A text as `re.IGNORECASE` compares it, character by character (`_fold`): the same length."""
    return "".join(map(_fold, text))

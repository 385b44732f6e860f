"""Vocabulary as data: one lexicon per language (data/lexicon/<code>.json), months from CLDR (data/cldr.json).

A lexicon maps sections (`labels`, `time`, `zones`, ...) to keys and lists of terms. A term is a
case-insensitive regex fragment in which a space matches any run of whitespace
(`date limite` matches `Date  limite`). Every list used by the extractors is the union of one
key over all lexicons, computed here once; nothing derived is kept by hand.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import regex_cache

# The 24 official languages of the EU (ISO 639-1): CLDR month names are read for each.
EU_LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)


@cache
def lexicons() -> dict[str, dict[str, Any]]:
    """Every lexicon file, by language code."""
    folder = resources.files("vacancy_cli").joinpath("data").joinpath("lexicon")
    found: dict[str, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            found[entry.name.removesuffix(".json")] = json.loads(entry.read_text(encoding="utf-8"))
    return found


def terms(section: str, key: str | None = None) -> list[str]:
    """The terms of `section.key` (or of every key of `section`) in every language, without duplicates."""
    seen: dict[str, None] = {}
    for lexicon in lexicons().values():
        part = lexicon.get(section, {})
        if key is not None:
            values = part.get(key, [])
        elif isinstance(part, dict):
            values = [term for group in part.values() for term in group]
        else:
            values = part
        for term in values:
            seen.setdefault(term, None)
    return list(seen)


def keys(section: str) -> list[str]:
    """The keys a section has in any language (`zones` -> its zone names)."""
    seen: dict[str, None] = {}
    for lexicon in lexicons().values():
        for key in lexicon.get(section, {}):
            seen.setdefault(key, None)
    return list(seen)


def fragment(term: str) -> str:
    """A term as a regex fragment: a space matches any whitespace and ` ?` any or none."""
    return term.replace(" ?", r"\s*").replace(" ", r"\s+")


def longest_first(words: Iterable[str]) -> list[str]:
    """Longest first, and in one order for words of one length whatever order a set gives them in."""
    return sorted(words, key=lambda word: (-len(word), word))


@cache
def fragments(section: str, key: str | None = None) -> tuple[str, ...]:
    """All terms of a section (or key) as regex fragments, longest first."""
    return tuple(fragment(t) for t in sorted(terms(section, key), key=len, reverse=True))


@cache
def alternation(section: str, key: str | None = None) -> str:
    """All terms of a section (or key) as one regex alternation, longest first (prefix-factored: see `union`)."""
    return union(list(fragments(section, key)))


@cache
def leading(section: str, suffix: str) -> Leading:
    """Any term of a section then `suffix`, matched at a position (see `Leading`)."""
    return Leading(fragments(section), suffix)


_OTHER = "\x00other"  # the key of every character no term starts with


class Leading:
    """`(?:term|term|...)suffix`, case-insensitive, matched at a position as its compiled pattern would be.

    One pattern over hundreds of terms takes tens of milliseconds to compile, and a run needs only
    some of its first letters: each first character (`_caseless_key`) gets a pattern of only the
    terms that may start with it (`_first_keys`), in their order, compiled on first use. The terms
    left out cannot match there, so the first match is the same. A term that may start with
    anything is in every pattern; a character without a key gets them all.
    """

    def __init__(self, alternatives: tuple[str, ...], suffix: str) -> None:
        self._alternatives = alternatives
        self._suffix = suffix
        self._keys = [_first_keys(a, _caseless_key) for a in alternatives]
        self._starts = {k for keys in self._keys if keys is not None for k in keys}
        self._patterns: dict[str | None, re.Pattern[str]] = {}

    def _key(self, text: str, pos: int, end: int) -> str | None:
        """The pattern key of the character at `pos`: every character no term starts with shares one
        (`_OTHER`), so a text in another script does not compile a pattern per character."""
        if pos >= end:
            return ""  # at the end, only terms that may match nothing
        key = _caseless_key(text[pos])
        return key if key is None or key in self._starts else _OTHER

    def _pattern(self, key: str | None) -> re.Pattern[str]:
        found = self._patterns.get(key)
        if found is None:
            kept = [a for a, keys in zip(self._alternatives, self._keys, strict=True)
                    if key is None or keys is None or (key != _OTHER and key in keys)]
            body = union(kept) if kept else r"(?!)"  # no term starts with this character: nothing matches
            found = self._patterns[key] = regex_cache.compile(r"(?:" + body + r")" + self._suffix, re.IGNORECASE)
        return found

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The match starting at `pos`, as `re.compile(...).match(text, pos)`."""
        key = self._key(text, pos, len(text))
        return (self._patterns.get(key) or self._pattern(key)).match(text, pos)

    def fullmatch(self, text: str, pos: int, endpos: int) -> bool:
        """Does a term (then the suffix) match `text[pos:endpos]` exactly, the text seen as ending at `endpos`?"""
        key = self._key(text, pos, endpos)
        return (self._patterns.get(key) or self._pattern(key)).fullmatch(text, pos, endpos) is not None

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches from `pos` on, left to right and not overlapping, as `re.compile(...).finditer(text, pos)`
        (for terms that match at least one character)."""
        while pos <= len(text):
            m = self.match(text, pos)
            if m is None:
                pos += 1
                continue
            yield m
            pos = max(m.end(), pos + 1)


# What makes a term look past its own end or before its start (`[IV]+(?= ?:)`): `fullmatch` would hide that text.
CONTEXTUAL = regex_cache.compile(r"\(\?<?[=!]|\\[bBAZ]|[$^]")


@cache
def followed(section: str, suffix: str, key: str | None = None) -> Followed:
    """Is a term of a section (or of one key) at a position, then `suffix`? (see `Followed`)."""
    return Followed(fragments(section, key), suffix)


# No label or cue is longer than this (`date limite de dépôt des candidatures`, `Publikationsende auf externer Website`).
LONGEST_TERM = 200


class Followed:
    """Is there a term at `pos` followed by `suffix`, as `re.compile("(?:terms)" + suffix, re.I).match(text, pos)`
    would tell, with one set of term patterns shared by every suffix (`Leading`, compiled once).

    A regex tries every way its terms can match before failing, so the answer is yes when a term
    matches exactly up to one of the places where the suffix matches (all found by one scan of the
    text for `(?=suffix)`). A term that looks past its end (`[IV]+(?= ?:)`) cannot be matched up to a
    place, the text after it hidden: those few are matched together with the suffix, as written.
    """

    def __init__(self, alternatives: tuple[str, ...], suffix: str) -> None:
        self._terms = _plain_terms(alternatives)
        contextual = [a for a in alternatives if CONTEXTUAL.search(a)]
        self._contextual = regex_cache.compile(r"(?:" + union(contextual) + r")" + suffix, re.I) if contextual else None
        self._places = regex_cache.compile(r"(?=" + suffix + r")", re.I)
        self._text: str | None = None  # the text whose suffix places are in `_text_places`
        self._text_places: list[int] = []

    def match(self, text: str, pos: int = 0) -> bool:
        """Is a term at `pos`, then the suffix?"""
        if self._contextual is not None and self._contextual.match(text, pos):
            return True
        if self._terms.match(text, pos) is None:
            return False  # no term at all here (the usual case, quickly told)
        places = self._suffix_places(text)
        for end in places[bisect.bisect_left(places, pos) :]:
            if end - pos > LONGEST_TERM:
                return False
            if self._terms.fullmatch(text, pos, end):
                return True
        return False

    def _suffix_places(self, text: str) -> list[int]:
        """Where the suffix matches in the text, found once per text (callers ask at many positions of one text)."""
        if text is not self._text:
            self._text, self._text_places = text, [m.start() for m in self._places.finditer(text)]
        return self._text_places


@cache
def _plain_terms(alternatives: tuple[str, ...]) -> Leading:
    """The terms that look at nothing outside what they match, without a suffix."""
    return Leading(tuple(a for a in alternatives if not CONTEXTUAL.search(a)), "")


_SPACES = r"\s+"


def union(alternatives: list[str], ignore_case: bool = True) -> str:
    """`a|b|...` with common literal prefixes written once: the same matches, faster to run.

    `date limite|deadline|deadline for` -> `d(?:ate limite|eadline(?:| for))`. A regex tries alternatives
    in order, so an alternative is only moved past others that cannot match where it does: those
    whose first characters differ from its own, even ignoring case (`_first_keys`). One that may start
    with anything (`\\w`, `[...]`, or nothing) is never moved past, nor moved. For a case-sensitive
    pattern (`ignore_case=False`), only alternatives starting with the same character are kept in order:
    `Rome|ROME|Roma` -> `R(?:om(?:e|a)|OME)`. Each result is kept between runs (`regex_cache.kept`), named by
    a digest of the alternatives: callers still keep what they use, as hashing them takes time too.
    """

    def build() -> str:
        return "|".join(_union(alternatives, _caseless_key if ignore_case else _exact_key))

    code = regex_cache.sources(__file__)
    if code is None:
        return build()
    words = hashlib.blake2b("\x00".join([str(ignore_case), *alternatives]).encode(), digest_size=16).hexdigest()
    return regex_cache.kept(f"union {words}", code, build)  # named by its inputs; of this module's code


def data_files() -> tuple[str, ...]:
    """The lexicon and CLDR files, for `regex_cache.sources`."""
    folder = Path(__file__).parent / "data"
    return (*sorted(str(p) for p in (folder / "lexicon").glob("*.json")), str(folder / "cldr.json"))


Key = Callable[[str], "str | None"]  # the key under which atoms may match the same character


def _union(alternatives: list[str], key_of: Key) -> list[str]:
    items: list[str | list[tuple[str, str]]] = []  # alternatives kept whole, and groups of (atom, rest)
    open_groups: dict[str, list[tuple[str, str]]] = {}  # first character key -> the group later ones may join
    for alternative in alternatives:
        head = _literal_head(alternative)
        key = key_of(head[0]) if head else None
        if head is not None and key is not None:
            group = open_groups.get(key)
            if group is None:
                group = open_groups[key] = []
                items.append(group)
            group.append(head)
            continue
        keys = _first_keys(alternative, key_of)
        if keys is None:
            open_groups.clear()
        for closed in keys or ():
            open_groups.pop(closed, None)  # an alternative with this first character must not move past it
        items.append(alternative)
    return [part for item in items for part in ([item] if isinstance(item, str) else _factored(item, key_of))]


def _factored(heads: list[tuple[str, str]], key_of: Key) -> list[str]:
    """A group's alternatives, runs that start with the same atom written once before their rests."""
    out: list[str] = []
    i = 0
    while i < len(heads):
        j = i
        while j + 1 < len(heads) and heads[j + 1][0] == heads[i][0]:
            j += 1
        if j == i or not _shareable(heads[i : j + 1], key_of):
            out += [atom + rest for atom, rest in heads[i : j + 1]]
        else:
            rests = _union([r for _, r in heads[i : j + 1]], key_of)
            out.append(heads[i][0] + ("(?:" + "|".join(rests) + ")" if len(rests) > 1 else rests[0]))
        i = j + 1
    return out


def _first_keys(alternative: str, key_of: Key) -> frozenset[str] | None:
    """The keys (`_caseless_key`) of the characters an alternative may start with; None when it may start with any.

    `deadline` -> {D}; `(?:druh|typ) smlouvy` -> {D, T}; `(?:a )?szerződés` -> {A, S}.
    """
    head = _literal_head(alternative)
    if head is not None:
        key = key_of(head[0])
        return None if key is None else frozenset(key)
    if not alternative.startswith("(?:"):
        return None
    end = _group_end(alternative)
    if end is None:
        return None
    tail = alternative[end + 1 :]
    optional = tail[:1] in ("?", "*")
    if tail[:1] in ("?", "*", "+"):
        tail = tail[2:] if tail[1:2] in ("?", "+") else tail[1:]  # a lazy or possessive quantifier
    elif tail[:1] == "{":
        return None
    keys: set[str] = set()
    for branch in [*_branches(alternative[3:end]), *([""] if optional else [])]:
        found = _first_keys(branch + tail, key_of)
        if found is None:
            return None
        keys |= found
    return frozenset(keys)


def _structure(text: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each `(`, `)` and `|` of a regex that is not escaped
    nor inside a character class."""
    depth, i = 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = _class_end(text, i)
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield i, char, depth
        i += 1


def _group_end(text: str) -> int | None:
    """The index of the `)` closing the group that opens the text."""
    return next((i for i, char, depth in _structure(text) if char == ")" and depth == 0), None)


def _class_end(text: str, start: int) -> int:
    """The index of the `]` closing the character class opened at `start` (`[]a]`, `[^]a]`, `[\\]]` included)."""
    i = start + 1
    if text[i : i + 1] == "^":
        i += 1
    if text[i : i + 1] == "]":
        i += 1
    while i < len(text) and text[i] != "]":
        i += 2 if text[i] == "\\" else 1
    return i


def _branches(text: str) -> list[str]:
    """The alternatives of a regex, split at its top-level `|`."""
    bars = [i for i, char, depth in _structure(text) if char == "|" and depth == 0]
    return [text[a + 1 : b] for a, b in zip([-1, *bars], [*bars, len(text)], strict=True)]


def _shareable(heads: list[tuple[str, str]], key_of: Key) -> bool:
    """Can the atom be written once? A whitespace run can when each rest starts with a character that is not a space.

    Then `\\s+` matches the whole run in every alternative (a shorter run would leave a space before the rest).
    """
    if heads[0][0] != _SPACES:
        return True
    for _, rest in heads:
        head = _literal_head(rest)
        if head is None or key_of(head[0]) in (" ", None):
            return False
    return True


# A first atom: a term's space (`fragment`), an escaped mark (`\\.`) or a plain character, not quantified.
_HEAD = regex_cache.compile(r"(?:\\s\+|\\\W|[^\\.^$*+?{}\[\]|()])(?![?*+{])", re.DOTALL)


_SPECIAL = frozenset("\\.^$*+?{}[]|()")  # what `_HEAD` does not take as a plain character
_QUANTIFIERS = frozenset("?*+{")


def _literal_head(alternative: str) -> tuple[str, str] | None:
    """(first atom, rest) when the alternative starts with one plain, unquantified character (`a`, `\\.`) or `\\s+`."""
    first = alternative[:1]
    if first and first not in _SPECIAL and alternative[1:2] not in _QUANTIFIERS:
        return first, alternative[1:]  # the usual case (a letter), told without `_HEAD`
    m = _HEAD.match(alternative)
    return (m.group(), alternative[m.end() :]) if m else None


@cache
def _caseless_key(atom: str) -> str | None:
    """A key that two atoms share when they may match the same character, even ignoring case; None: may match anything.

    `re` ignores case by lower case and by the letters that share an upper case (`s`, `ſ`; `σ`, `ς`);
    letters whose case mappings are longer than one character (`ß`) get no key.
    """
    char = atom[-1]
    if atom == _SPACES or char.isspace():
        return " "  # `\\s+` and every space character
    lower = char.lower()
    key = lower.upper() if len(lower) == 1 else ""
    return key if len(key) == 1 else None


@cache
def _exact_key(atom: str) -> str:
    """`_caseless_key` for a case-sensitive pattern: the character itself (every space, and `\\s+`, share one)."""
    char = atom[-1]
    return " " if atom == _SPACES or char.isspace() else char


@cache
def pattern(section: str, key: str | None = None) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern for any term of a section (or key)."""
    return regex_cache.compile(r"(?<!\w)(?:" + alternation(section, key) + r")(?!\w)", re.IGNORECASE)


def strip_accents(text: str) -> str:
    """`février` -> `fevrier`: printed notices drop accents too."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@cache
def cldr() -> dict[str, dict[str, Any]]:
    """CLDR names (data/cldr.json, written from Babel by scripts/cldr_data.py): `months`, `zone_cities`,
    `territories` and `languages`, each by locale (zone for `zone_cities`), in Babel's order."""
    text = resources.files("vacancy_cli").joinpath("data").joinpath("cldr.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = json.loads(text)
    return data


@cache
def months() -> dict[str, int]:
    """Lower-case month name or abbreviation (any EU language, with and without accents) -> 1..12."""
    table: dict[str, int] = {}
    for language in EU_LANGUAGES:
        names = cldr()["months"][language]
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in enumerate(names[context][width], start=1):
                    _add_month(table, name, number)
    for lexicon in lexicons().values():
        for number, names in lexicon.get("months", {}).items():
            for name in names:
                _add_month(table, name, int(number))
    return table


def _add_month(table: dict[str, int], name: str, number: int) -> None:
    name = unicodedata.normalize("NFC", name.lower()).rstrip(".")
    if len(name) < 3 or name.isdigit():
        return
    for variant in (name, strip_accents(name)):
        table.setdefault(variant, number)

"""Vocabulary as data: one lexicon per language (data/lexicon/<code>.json), months from CLDR (Babel).

A lexicon maps sections (`labels`, `time`, `zones`, ...) to keys and lists of terms. A term is a
case-insensitive regex fragment in which a space matches any run of whitespace
(`date limite` matches `Date  limite`). Every list used by the extractors is the union of one
key over all lexicons, computed here once; nothing derived is kept by hand.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

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


def alternation(section: str, key: str | None = None) -> str:
    """All terms of a section (or key) as one regex alternation, longest first."""
    return "|".join(fragment(t) for t in sorted(terms(section, key), key=len, reverse=True))


@cache
def pattern(section: str, key: str | None = None) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern for any term of a section (or key)."""
    return re.compile(r"(?<!\w)(?:" + alternation(section, key) + r")(?!\w)", re.IGNORECASE)


def strip_accents(text: str) -> str:
    """`février` -> `fevrier`: printed notices drop accents too."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@cache
def months() -> dict[str, int]:
    """Lower-case month name or abbreviation (any EU language, with and without accents) -> 1..12."""
    from babel.dates import get_month_names  # imported on first use: Babel loads locale data

    table: dict[str, int] = {}
    for language in EU_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, language).items():
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

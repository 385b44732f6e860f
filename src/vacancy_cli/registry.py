"""The registries (data/*.json) loaded once, with name lookups."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from . import regex_cache
from .lexicon import EU_LANGUAGES, cldr, strip_accents
from .names import NameList, Names


def _load(name: str) -> list[dict[str, Any]]:
    text = resources.files("vacancy_cli").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    data: list[dict[str, Any]] = json.loads(text)
    return data


def fold(text: str) -> str:
    """Case-, dash- and article-insensitive key for a name (`de l'agriculture et du développement` ~ `Agriculture et développement`)."""
    text = text.translate(_DASHES).casefold()
    text = _ARTICLES.sub(" ", f" {text} ")
    return " ".join(text.split())  # whitespace runs as one space, none at the ends (`str.split` and `\s` agree on whitespace)


_DASHES = str.maketrans(dict.fromkeys([*map(chr, range(0x2010, 0x2016)), "\u2212"], "-"))  # `‐` to `―`, `−` -> `-`


_DG_CODE_LIKE = regex_cache.compile(r"[a-z]{2,8}")  # a folded DG code or short name: `empl`, `agri`
_ONE_WORD = regex_cache.compile(r"[\w-]+")  # an acronym usable as a reference prefix: `ENISA`, `EU-OSHA`
_ARTICLES = regex_cache.compile(r"(?<=\s)(?:l['’]|d['’])|(?<=\s)(?:du|de\s+la|de|des|der|die|das|the)(?=\s)")


@dataclass(frozen=True)
class Body:
    """An EU institution, agency or joint undertaking."""

    acronym: str
    name: str
    kind: str
    seat: str | None
    timezone: str | None


class Registry:
    """Lookups over the data files: DGs, bodies, places (language names come from CLDR: see `lexicon`)."""

    @cached_property
    def _dgs(self) -> list[dict[str, Any]]:
        return _load("dgs.json")

    @cached_property
    def dg_by_name(self) -> dict[str, str]:
        """Folded code, name or alias -> DG code."""
        table: dict[str, str] = {}
        for d in self._dgs:
            for name in [d["code"], d["name"], *d.get("aliases", [])]:
                table.setdefault(fold(name), d["code"])
        return table

    @cached_property
    def dg_prefixes(self) -> dict[str, str]:
        """Upper-case code-like names usable before a unit code (`CONNECT.R3`) -> DG code."""
        return {
            key.upper(): code
            for key, code in self.dg_by_name.items()
            if _DG_CODE_LIKE.fullmatch(key)
        }

    @cached_property
    def dg_long_names(self) -> Names:
        """DG names of more than one word (group 1), whole words, to search in `fold`ed text (articles dropped)."""
        names = {fold(n) for d in self._dgs for n in [d["name"], *d.get("aliases", [])] if " " in n.strip()}
        return Names((NameList(frozenset(names), ignore_case=True),), r"(?<![\w-])", r"(?![\w-])")

    @cached_property
    def _bodies(self) -> list[dict[str, Any]]:
        return _load("bodies.json")

    @cached_property
    def bodies(self) -> list[Body]:
        """Institutions, agencies and joint undertakings."""
        return [
            Body(b["acronym"], b["name"], b.get("kind", "agency"), b.get("seat"), b.get("timezone"))
            for b in self._bodies
        ]

    @cached_property
    def body_by_name(self) -> dict[str, Body]:
        """Folded acronym, name or alias -> body."""
        table: dict[str, Body] = {}
        for body, entry in zip(self.bodies, self._bodies, strict=True):
            for name in [entry["acronym"], entry["name"], *entry.get("aliases", [])]:
                table.setdefault(fold(name), body)
        return table

    @cached_property
    def body_by_prefix(self) -> dict[str, Body]:
        """Upper-case reference prefix (`COM`, `PE`, `OMB`, or a one-word acronym) -> body."""
        table: dict[str, Body] = {}
        for body, entry in zip(self.bodies, self._bodies, strict=True):
            for prefix in entry.get("reference_prefixes", []):
                table[prefix.upper()] = body
            if _ONE_WORD.fullmatch(entry["acronym"]):
                table.setdefault(entry["acronym"].upper(), body)
        return table

    @cached_property
    def reference_prefixes(self) -> list[str]:
        """Every prefix of `body_by_prefix` as printed in references: upper case and the acronym's own case."""
        found = {p.upper() for p in self.body_by_prefix}
        found.update(e["acronym"] for e in self._bodies if e["acronym"].upper() in self.body_by_prefix)
        return sorted(found)

    @cached_property
    def body_names(self) -> Names:
        """Any body name (group 1), whole words; acronyms matched case-sensitively."""
        names = [n for e in self._bodies for n in [e["acronym"], e["name"], *e.get("aliases", [])]]
        long = [n for n in names if " " in n.strip()]  # `EuroHPC JU` too
        short = [n for n in names if " " not in n.strip()]
        lists = (NameList(frozenset(long), ignore_case=True), NameList(frozenset(short), ignore_case=False))
        return Names(lists, r"(?<![\w-])", r"(?![\w-])")

    @cached_property
    def _places(self) -> list[dict[str, Any]]:
        return _load("places.json")

    @cached_property
    def place_by_name(self) -> dict[str, dict[str, Any]]:
        """Folded city name, alias or CLDR name in any EU language -> place entry."""
        table: dict[str, dict[str, Any]] = {}
        for place in self._places:
            for name in _place_names(place):
                table.setdefault(fold(name), place)
        return table

    @cached_property
    def place_names(self) -> Names:
        """Any city name (group 1), capitalised as printed or in capitals (`Greece-Thessaloniki`, `ALICANTE`)."""
        names = {n for place in self._places for n in _place_names(place)}
        names |= {n.upper() for n in names}
        return Names((NameList(frozenset(names), ignore_case=False),), r"(?<!\w)", r"(?![\w-])")

    @cached_property
    def country_by_name(self) -> dict[str, str]:
        """Folded name of the country of a known place, in any EU language (CLDR) -> ISO code."""
        codes = {str(place["country"]) for place in self._places}
        table: dict[str, str] = {}
        for language in EU_LANGUAGES:
            territories = cldr()["territories"][language]
            for code in codes:
                if code in territories:
                    for name in (territories[code], strip_accents(territories[code])):
                        table.setdefault(fold(name), code)
        return table

    def city(self, name: str) -> str | None:
        """English city name for a name or alias."""
        place = self.place_by_name.get(fold(name))
        return str(place["city"]) if place else None

    def timezone_of_city(self, city: str) -> str | None:
        """IANA zone of a city."""
        place = self.place_by_name.get(fold(city))
        return str(place["timezone"]) if place else None


def _place_names(place: dict[str, Any]) -> list[str]:
    """A place's city name and aliases, its CLDR names when it is its zone's city, and all without accents."""
    names = [place["city"], *place.get("aliases", [])]
    cities = cldr()["zone_cities"].get(str(place["timezone"]), {})  # a zone added since: run scripts/cldr_data.py
    if cities.get("en") == place["city"]:
        names += [cities[language] for language in EU_LANGUAGES]
    return list(dict.fromkeys(n for name in names for n in (name, strip_accents(name))))


@cache
def registry() -> Registry:
    """The shared registry (data files are read on first use)."""
    return Registry()

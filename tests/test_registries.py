"""The registries are consistent: no duplicates, valid time zones, seats that are known places."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from vacancy_cli.registry import fold

INSTITUTIONS = {
    "European Commission", "European Parliament", "Council of the European Union",
    "Court of Justice of the European Union", "European Court of Auditors",
    "European Economic and Social Committee", "European Committee of the Regions", "EEAS",
    "European Ombudsman", "EDPS", "EPSO",
}


def load(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(resources.files("vacancy_cli").joinpath("data").joinpath(name).read_text("utf-8"))
    return data


def names_twice(entries: list[dict[str, Any]], key: str, names: str) -> list[str]:
    counts = Counter(fold(n) for e in entries for n in {fold(x) for x in [e[key], *e.get(names, [])]})
    return [n for n, c in counts.items() if c > 1]


@pytest.mark.parametrize(("file", "key", "names"), [("dgs.json", "code", "aliases"), ("bodies.json", "acronym", "aliases"),
                                                    ("places.json", "city", "aliases")])
def test_no_name_under_two_entries(file: str, key: str, names: str) -> None:
    entries = load(file)
    assert len({e[key] for e in entries}) == len(entries)
    assert names_twice(entries, key, names) == []


def test_time_zones_and_seats() -> None:
    cities = {fold(n) for p in load("places.json") for n in [p["city"], *p["aliases"]]}
    for entry in load("places.json") + load("bodies.json"):
        ZoneInfo(entry["timezone"])
    assert [b["acronym"] for b in load("bodies.json") if fold(b["seat"]) not in cities] == []


def test_institutions() -> None:
    kinds = {b["acronym"]: b["kind"] for b in load("bodies.json")}
    assert {name for name in INSTITUTIONS if kinds.get(name) != "institution"} == set()


def test_dg_codes_are_upper_case_and_never_an_alias_of_another_code() -> None:
    dgs = load("dgs.json")
    codes = {d["code"] for d in dgs}
    assert all(code.isupper() for code in codes)
    assert [a for d in dgs for a in d["aliases"] if a in codes] == []

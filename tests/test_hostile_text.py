"""Hostile notice text: long lines built to make rules rescan the text never take long, odd counts never crash."""

from __future__ import annotations

import time

import pytest

from vacancy_cli import parse_text

# Each used to take from 5 s to over a minute on 40-200 KB: a rule rescanned the rest of the text at each position.
LINES = {
    "labels without colons": "Unit: x " + "unit " * 20000 + ":",
    "colons": "Unit: " + "a: " * 40000,
    "dg words": "DG " * 13000,
    "brackets": "(" * 100000,
    "bracketed capitals": "(A" * 20000,
    "dated sentences": "Deadline 12 March 2024. " * 8000,
    "dates after a label": "Deadline: 12 March 2024 " * 8000,
    "link brackets": "[" * 40000,
    "one long wrapped paragraph": "\n".join(f"word{i} and some more words that go on and on without an end" for i in range(6000)),
}


@pytest.mark.parametrize("name", sorted(LINES))
def test_a_hostile_line_is_parsed_in_bounded_time(name: str) -> None:
    start = time.monotonic()
    parse_text(LINES[name])
    assert time.monotonic() - start < 15, f"{name}: the text is rescanned (quadratic time)"


@pytest.mark.parametrize("text", ["Number of posts: 0", "There are 0 posts.", "The Agency is recruiting 0 Officers."])
def test_zero_posts_is_no_count_and_no_crash(text: str) -> None:
    assert parse_text(text).number_of_posts is None


@pytest.mark.parametrize(("offset", "deadline"), [("UTC+25", "2026-05-15T12:00:00+02:00"), ("UTC+23:99", "2026-05-15T12:00:00+02:00"),
                                                 ("UTC+3", "2026-05-15T12:00:00+03:00")])
def test_an_offset_no_zone_has_is_ignored(offset: str, deadline: str) -> None:
    assert parse_text(f"Deadline: 15 May 2026 at 12:00 {offset}").deadline == deadline

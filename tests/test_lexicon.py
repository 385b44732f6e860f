"""The lexicons: well-formed data, months from CLDR, and every label ending a run-together value."""

from __future__ import annotations

import json
import re

import pytest

from vacancy_cli import lexicon, parse_text
from vacancy_cli.dates import find_dates
from vacancy_cli.extract.labels import FIELDS

LANGUAGES = sorted(lexicon.lexicons())
_PLAIN = re.compile(r"[^\W\d_][\w'’ ]*[^\W\d_]")  # a label written as words, no regex syntax


def _plain_labels(language: str, key: str) -> list[str]:
    return [t for t in lexicon.lexicons()[language]["labels"].get(key, []) if _PLAIN.fullmatch(t)]


def test_every_official_language_has_a_lexicon_with_the_same_sections() -> None:
    assert set(lexicon.EU_LANGUAGES) <= set(LANGUAGES)
    sections = {name: set(data) for name, data in lexicon.lexicons().items()}
    assert len({frozenset(s) for s in sections.values()}) == 1, sections
    for data in lexicon.lexicons().values():
        assert set(data["labels"]) <= {*FIELDS, "other"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_term_is_a_valid_pattern(language: str) -> None:
    data = lexicon.lexicons()[language]
    for section, part in data.items():
        groups = part.values() if isinstance(part, dict) else [part]
        for group in groups:
            for term in group:
                assert isinstance(term, str) and term == term.strip(), (section, term)
                re.compile(lexicon.fragment(term))


def test_lexicon_files_are_json_objects_with_list_values() -> None:
    for language in LANGUAGES:
        data = json.loads(json.dumps(lexicon.lexicons()[language]))
        assert all(isinstance(v, dict) for v in data.values())


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3 marca 2025", "2025-03-03"),  # Polish genitive (CLDR format context)
        ("14 septembre 2026", "2026-09-14"),
        ("14 septembre 2026".replace("é", "e"), "2026-09-14"),  # accents dropped by the printer
        ("1 Μαΐου 2026", "2026-05-01"),
        ("7 de julio de 2025", "2025-07-07"),
        ("30. April 2026", "2026-04-30"),
        ("2 févr. 2026", "2026-02-02"),
    ],
)
def test_month_names_come_from_cldr(text: str, iso: str) -> None:
    assert [h.date.isoformat() for h in find_dates(text)] == [iso]


def _run_together_cases() -> list[tuple[str, str, str]]:
    cases = []
    for language in LANGUAGES:
        titles = _plain_labels(language, "job_title")
        deadlines = _plain_labels(language, "deadline")
        for title in titles:
            for deadline in deadlines:
                cases.append((language, title, deadline))
    return cases


@pytest.mark.parametrize(("language", "title_label", "deadline_label"), _run_together_cases())
def test_every_label_ends_a_run_together_value(language: str, title_label: str, deadline_label: str) -> None:
    text = f"{title_label.capitalize()}: Policy Officer {deadline_label.capitalize()}: 12.05.2026"
    call = parse_text(text)
    assert call.job_title == "Policy Officer"
    assert call.deadline == "2026-05-12"

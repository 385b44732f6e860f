"""The field label finder (`extract/base.py: _FieldLabels`) answers as the whole label patterns it stands for."""

from __future__ import annotations

import re

import pytest

from vacancy_cli.extract import base
from vacancy_cli.extract.labels import label_pattern

from .test_lexicon import LABEL_FIELDS

LINES = [
    "Deadline for applications 12 May 2026",
    "Deadline for applications: 12 May 2026 at 12:00",
    "• Deadline:",
    "Closing date:",
    "Ref. No. 5 / Deadline: 3 May",
    "COM/2026/1Deadline for applications: 1 May",
    "Reference: ABC/2026/07",
    "Reference number ABC-12",
    "Place of employment: Brussels",
    "Places of employment - Luxembourg, Brussels",
    "Lieu d'affectation : Bruxelles",
    "Date limite de candidature : 3 mai 2026",
    "Funktionsgruppe und Besoldungsgruppe AD 7",
    "Function group IV: yes",
    "Function group and grade: AD 7 (Contract: temporary agent)",
    "Type of contract Temporary agent",
    "Unit: B.2 Directorate-General: HR",
    "DG - Directorate - Unit: SANTE.F.3",
    "Number of posts: 2",
    "☒ 1 month Latest application date: 25-02-2025",
    "The deadline for applications is noon on 3 May.",
    "Job title",
    "-- Job title --",
    "Title of the post: Policy officer",
    "SYSPER post number 123456",
    "",
]


def _full(field: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The four patterns of a field, written out whole."""
    labels = label_pattern(field)
    head = re.compile(r"^\W{0,3}(?:" + labels + r")\s*\W{0,2}$", re.I)
    lead = r"(?:^|(?<=[\s(|;•])|(?<=\d)|(?<=[a-z])(?-i:(?=[A-Z])))"
    tail = r"\s*\W{0,2}?\s*(?:[:：]|\s/\s)\s*(?P<value>\S.*)$"
    with_colon = re.compile(lead + r"(?P<label>" + labels + r")" + tail, re.I)
    with_space = re.compile(r"^(?P<label>" + labels + r")[\s–-]+(?P<value>\S.*)$", re.I)
    at_end = re.compile(r"(?:^|(?<=[\s(|;•]))(?:" + labels + r")\s*[:：]\s*$", re.I)
    return head, with_colon, with_space, at_end


def _groups(m: re.Match[str] | None) -> tuple[int, str, str] | None:
    return (m.start(), m.group("label"), m.group("value")) if m else None


def _hit(hit: base.LabelHit | None) -> tuple[int, str, str] | None:
    return (hit.start, hit.label, hit.value) if hit else None


@pytest.mark.parametrize("field", LABEL_FIELDS)
@pytest.mark.parametrize("text", LINES)
def test_field_labels_answer_as_the_whole_patterns(field: str, text: str) -> None:
    head, with_colon, with_space, at_end = _full(field)
    labels = base.field_labels(field)
    assert labels.alone(text) == bool(head.match(text))
    assert _hit(labels.at_start(text, base._SPACE_TAIL)) == _groups(with_space.match(text))
    for pos in (0, 1):
        assert _hit(labels.search(text, pos, base._LEAD, base._COLON_TAIL)) == _groups(with_colon.search(text, pos))
    assert bool(labels.search(text, 0, base._END_LEAD, base._END_TAIL)) == bool(at_end.search(text))
    if labels.first(text, True) is None:  # no label anywhere: none of the patterns finds one
        assert not (head.match(text) or with_colon.search(text) or with_space.match(text) or at_end.search(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ref. Deadline Cost-free SNE",
        "Deadline for applications cost-free secondment",
        "Date limite sans frais",
        "no label here",
    ],
)
def test_a_cover_list_header_is_found_as_by_the_whole_pattern(text: str) -> None:
    from vacancy_cli import lexicon
    from vacancy_cli.extract import contract

    cost_free = lexicon.alternation("contract", "cost_free")
    header = re.compile(rf"(?<!\w)(?:{label_pattern('deadline')})\s+(?:{cost_free})", re.I)
    assert contract._is_cover_list_header(text) == bool(header.search(text))


def test_a_label_may_start_where_a_mark_digit_or_capital_after_a_letter_lets_it() -> None:
    """`_ANY_LEAD` holds at the start, after a mark or a digit, and at a capital run into a letter: the same places
    as the plain alternation of those tests, written in the order that is quicker to search."""
    plain = re.compile(r"(?:^|(?<=\W)|(?<=\d)|(?<=[a-z])(?-i:(?=[A-Z])))", re.I)
    lead = re.compile(base._ANY_LEAD, re.I)
    for text in ["Deadline: 1 May", "ref2026Deadline", "COM/2026/20118Deadline for", "• Place", "ÉtéÀ", "ſK", "x\ny", "aB_c"]:
        for pos in range(len(text) + 1):
            assert bool(lead.match(text, pos)) == bool(plain.match(text, pos)), (text, pos)


@pytest.mark.parametrize(
    ("lines", "values"),
    [
        (("Most posts are offered in the laboratories of the Agency at their respective location:",
          "Marine Laboratory in Vigo, Spain Coastal Laboratory in Gdańsk, Poland"), []),
        (("Die Stellen werden in den Laboratorien der Agentur an ihrem jeweiligen dienstort:",
          "Meereslabor in Vigo, Spanien"), []),
        (("Place of employment:", "Vigo, Spain"), ["Vigo, Spain"]),
        (("Ref. AGY/2031/2 • location:", "Vigo, Spain"), ["Vigo, Spain"]),
        (("2. Dienstort:", "Vigo, Spanien"), ["Vigo, Spanien"]),
    ],
)
def test_a_label_ending_a_line_of_prose_introduces_no_value(lines: tuple[str, ...], values: list[str]) -> None:
    from vacancy_cli.document import Document, Line

    doc = Document([Line(text) for text in lines], pages=1, format="text")
    assert [hit.value for hit in base.labelled(doc, "place")] == values


@pytest.mark.parametrize(
    ("lines", "values"),
    [
        # the line under a label alone is no value when it ends with a colon: it is a label of its own
        (("Post:", "Grade/Category/Post title:", "Place of employment:"), []),
        (("Poste :", "Groupe de fonctions/Grade/Intitulé du poste :", "Lieu d'affectation :"), []),
        (("Post:", "Data Analyst"), ["Data Analyst"]),
    ],
)
def test_a_label_alone_is_not_the_value_of_the_label_above(lines: tuple[str, ...], values: list[str]) -> None:
    from vacancy_cli.document import Document, Line

    doc = Document([Line(text) for text in lines], pages=1, format="text")
    assert [hit.value for hit in base.labelled(doc, "job_title")] == values


@pytest.mark.parametrize(
    ("line", "values"),
    [
        # a one-word label takes a value set apart by a dash between spaces
        ("Location – Vigo, Spain", ["Vigo, Spain"]),
        ("Lieu - Vigo, Espagne", ["Vigo, Espagne"]),
        ("Dienstort – Vigo", ["Vigo"]),
        # not a word run into it
        ("Location-based allowances apply", []),
    ],
)
def test_a_one_word_label_then_a_spaced_dash_introduces_its_value(line: str, values: list[str]) -> None:
    from vacancy_cli.document import Document, Line

    doc = Document([Line("Vacancy notice"), Line(line)], pages=1, format="text")
    assert [hit.value for hit in base.labelled(doc, "place")] == values


@pytest.mark.parametrize(
    ("line", "values"),
    [
        # a section heading after a one-word label and a dash is no value
        ("Position – main duties and responsibilities", []),
        ("Poste – principales tâches et responsabilités", []),
        # a title set apart by the dash still is
        ("Position – Data Analyst", ["Data Analyst"]),
        ("Poste - Analyste de données", ["Analyste de données"]),
        ("Poste – [Analyste]; travail en équipe (mobilité requise dans toute la région)", ["[Analyste]; travail en équipe (mobilité requise dans toute la région)"]),
    ],
)
def test_a_heading_after_a_one_word_label_and_a_dash_is_no_value(line: str, values: list[str]) -> None:
    from vacancy_cli.document import Document, Line

    doc = Document([Line("Vacancy notice"), Line(line)], pages=1, format="text")
    assert [hit.value for hit in base.labelled(doc, "job_title")] == values

"""The field table: every step reads only what earlier steps decided; reconciliation warns on disagreement."""

from __future__ import annotations

from vacancy_cli import parse_text
from vacancy_cli.model import Call
from vacancy_cli.normalise import STEPS


def test_every_step_needs_only_fields_decided_before_it() -> None:
    decided: set[str] = set()
    for step in STEPS:
        assert set(step.needs) <= decided, f"{step.field} needs {set(step.needs) - decided} before it is decided"
        assert step.reconciles == (step.field in decided), f"{step.field}: only a reconciling step decides a field twice"
        decided.add(step.field)


def test_the_table_covers_every_extracted_field_of_the_record() -> None:
    derived = {"staff_category", "deadline_text", "schema_version", "source", "evidence", "warnings"}
    assert {s.field for s in STEPS} == set(Call.model_fields) - derived


def test_a_dg_header_makes_the_post_the_commissions_and_says_so() -> None:
    call = parse_text("Directorate-General: HOME\nUnit: HOME.A.3\nThe expert will work with Europol, Europol and Europol.")
    assert (call.institution, call.dg) == ("European Commission", "HOME")
    assert "institution: Europol is named in the text, but the DG header makes it the European Commission" in call.warnings
    assert "institution: not found" not in call.warnings


def test_fields_not_found_are_warned_once_each() -> None:
    call = parse_text("Some text that states nothing a reader could use.")
    for field in ("reference", "institution", "contract_type", "job_title"):
        assert f"{field}: not found" in call.warnings
    assert "place_of_employment: not stated" in call.warnings
    assert len(call.warnings) == len(set(call.warnings))

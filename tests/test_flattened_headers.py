"""Headers flattened by other tools: several labels on one line, run together, or split from their values."""

from __future__ import annotations

from vacancy_cli import parse_text


def test_several_labels_on_one_line() -> None:
    call = parse_text(
        "Job title: Legal Officer Domain: Competition Where: COMP.A.2, Brussels Function Group: FG IV "
        "Contract Type: 3b Express your interest until: 01/07/2026 - 17.00 (Brussels time)"
    )
    assert (call.job_title, call.units, call.place_of_employment, call.function_group) == (
        "Legal Officer", ["COMP.A.2"], ["Brussels"], "FG IV")
    assert call.contract_type is not None and call.contract_type.value == "contract_agent_3b"
    assert call.deadline == "2026-07-01T17:00:00+02:00"


def test_labels_in_two_columns() -> None:
    call = parse_text("Job title: Policy Officer    Domain: Energy\nContract Type: 3a    Function Group: FG III")
    assert (call.job_title, call.function_group) == ("Policy Officer", "FG III")
    assert call.contract_type is not None and call.contract_type.value == "contract_agent_3a"


def test_label_closing_its_line_takes_the_next_line() -> None:
    call = parse_text("Deadline for applications ☐ 2 months ☒ 1 month Latest application date:\n07-09-2026\n")
    assert call.deadline == "2026-09-07"


def test_second_label_inside_a_table_cell() -> None:
    call = parse_text("Deadline for applications\t☒ 2 months ☐ 1 month Latest application date: 25-02-2026\n")
    assert call.deadline == "2026-02-25"


def test_labels_then_values() -> None:
    call = parse_text(
        "Post identification:\nDirectorate-General:\nNumber of available posts:\n"
        "MARE-B-2 (DG-DIR-UNIT)\nMaritime Affairs and Fisheries\n3\n"
    )
    assert (call.reference, call.dg, call.units, call.number_of_posts) == ("MARE-B-2", "MARE", ["MARE.B.2"], 3)

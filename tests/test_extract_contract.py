"""Staff category, contract type, function group and grade."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


@pytest.mark.parametrize(
    ("text", "contract", "fg"),
    [
        ("Contract Type: 3b\nFunction Group: FG IV", "contract_agent_3b", "FG IV"),
        ("Type of contract\tContract Staff for auxiliary tasks\nFunction group and grade\tFGIII", "contract_agent_3b", "FG III"),
        ("Type of contract: Contract agent under Article 3(a) of the CEOS\nFunction group: FGIII.08", "contract_agent_3a", "FG III"),
        ("Type of contract: agent contractuel 3 bis\nGroupe de fonctions IV", "contract_agent_3a", "FG IV"),
        ("Type of contract: Temporary agent 2(f)\nFunction group / Grade: AD 6", "temporary_agent_2f", "AD"),
        ("Type of contract: Temporary staff, article 2, point a)\nGrade: AST 4", "temporary_agent_2a", "AST"),
        ("Vertragsart: Bediensteter auf Zeit\nFunktionsgruppe: AD 7", "temporary_agent", "AD"),
        (
            "Type of contract: Member of the European Commission's contract staff, Function Group IV (article 3b)",
            "contract_agent_3b",
            "FG IV",
        ),
        ("Director (AD 14)\nappointed under Article 29(2) of the Staff Regulations", "official", "AD"),
        ("Type of secondment\t☐ With allowances ☒ Cost-free", "sne_cost_free", None),
        ("Specificities: \uf0fe With allowances \uf0a8 COST-FREE", "sne_with_allowances", None),
        ("Vacancy for a seconded national expert\nCategory: Administrator (AD)", "sne", "AD"),
        ("REF.: EUAA/2026/TA/010\nPlace of employment: Valletta", "temporary_agent", None),
        ("ERCEA/TA/210/2026\nTEMPORARY AGENT – ARTICLE 2(f) CEOS", "temporary_agent_2f", None),
        ("A thorough knowledge of one of the official languages of the EU is required.", None, None),
        ("The successful candidate will be appointed as an official at grade AD 14.", "official", "AD"),
        ("Reference: EMA/CA/12345\nContract Agent FG IV, grades 13, 14 and 16", "contract_agent", "FG IV"),
    ],
)
def test_contract_and_function_group(text: str, contract: str | None, fg: str | None) -> None:
    call = parse_text(text)
    assert (call.contract_type.value if call.contract_type else None) == contract
    assert call.function_group == fg


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Type of contract: Temporary agent 2(f)\nFunction group / Grade: AD 6", "AD 6"),
        ("Temporary agent (Article 2(f)), grade AD5 – AD12", "AD 5-AD 12"),
        ("Post of Director, official, Article 29(2), grade A*14", "AD 14"),
        ("Temporary agent, Function group AD, grade 15", "AD 15"),
        ("Contract Type: 3b\nFunction Group: FG IV", None),
    ],
)
def test_grade(text: str, grade: str | None) -> None:
    assert parse_text(text).grade == grade


def test_staff_category_follows_contract() -> None:
    assert parse_text("Contract Type: 3b").staff_category is not None
    assert parse_text("Contract Type: 3b").staff_category.value == "contract_agent"  # type: ignore[union-attr]

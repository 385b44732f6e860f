"""Language rules: levels, named languages, "one EU language", assets, selection."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


def req(call_text: str) -> list[tuple[str, list[str]]]:
    return [(r.level, r.of) for r in parse_text(call_text).languages.required]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a thorough knowledge (minimum level C1) of German", [("C1", ["DE"])]),
        (
            "- have a thorough knowledge of one of the official EU languages\n"
            "- have a satisfactory knowledge (minimum level B2) of another EU language",
            [("C1", ["EU"]), ("B2", ["EU"])],
        ),
        ("Very good command of spoken and written French is required, at C2 level.", [("C2", ["FR"])]),
        ("Languages: English (C1) and Italian (B2).", [("C1", ["EN"]), ("B2", ["IT"])]),
        ("Good knowledge of Spanish or Portuguese.", [("B2", ["ES", "PT"])]),
        ("Connaissance approfondie de l'anglais et connaissance satisfaisante du français.", [("C1", ["EN"]), ("B2", ["FR"])]),
        ("Gründliche Kenntnisse der deutschen Sprache und befriedigende Kenntnisse einer weiteren Amtssprache.",
         [("C1", ["DE"]), ("B2", ["EU"])]),
        ("The working language of the team is English.", []),
        ("Une connaissance approfondie d'une des langues officielles de l'Union et une connaissance satisfaisante d'une autre de ces langues.",
         [("C1", ["EU"]), ("B2", ["EU"])]),
        ("Fluency in English is required.", [("C1", ["EN"])]),
        ("Proficiency in English (C1) is essential; French (B2) is desirable.", [("C1", ["EN"])]),
        ("Very good knowledge of English and French is required.", [("C1", ["EN"]), ("C1", ["FR"])]),
        ("Thorough knowledge of English or French.", [("C1", ["EN", "FR"])]),
        ("Good command of MS Office is required.", []),
        ("The official languages of the EU are: BG (Bulgarian), CS (Czech), DA (Danish).", []),
    ],
)
def test_required(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert req(text) == expected


def test_named_language_beats_any_eu_language_at_the_same_level() -> None:
    text = (
        "Excellent written and spoken Dutch is required.\n"
        "Eligibility: a thorough knowledge of one of the official languages of the EU and a satisfactory knowledge "
        "of a second EU language."
    )
    assert req(text) == [("C1", ["NL"]), ("B2", ["EU"])]


@pytest.mark.parametrize(
    ("text", "assets", "required"),
    [
        ("Thorough knowledge of Italian and a satisfactory knowledge of German is a real advantage.", ["IT", "DE"], []),
        ("Knowledge of Polish, Czech or Slovak would be an asset.", ["PL", "CS", "SK"], []),
        ("The main working language is English, another EU language would be an asset.", [], []),
        ("A good command of other EU languages is an asset.", [], []),
        ("Une bonne connaissance de l'allemand serait un atout.", ["DE"], []),
    ],
)
def test_assets(text: str, assets: list[str], required: list[object]) -> None:
    call = parse_text(text)
    assert call.languages.assets == assets
    assert call.languages.required == required


@pytest.mark.parametrize(
    ("text", "selection"),
    [
        ("The selection procedure will be carried out in English and French.", ["EN", "FR"]),
        ("The selection will be carried out in **English** and possibly in a second official language.", ["EN"]),
        ("Interviews will be held in German.", ["DE"]),
        ("You should draft your CV in English, French or German.", []),
    ],
)
def test_selection(text: str, selection: list[str]) -> None:
    assert parse_text(text).languages.selection == selection

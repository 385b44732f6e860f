"""`Names` (city and body names) matches as the one big alternation it replaces would."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vacancy_cli import lexicon
from vacancy_cli.lexicon import union
from vacancy_cli.names import NameList, Names, caseless
from vacancy_cli.registry import registry


def alternation(names: Names) -> re.Pattern[str]:
    """The pattern `Names` stands for: every name, longest first, in one alternation."""
    parts = []
    for part in names.lists:
        alternatives = sorted({re.escape(n).replace(r"\ ", r"\s+") for n in part.names}, key=len, reverse=True)
        parts.append(f"(?i:{union(alternatives)})" if part.ignore_case else union(alternatives, ignore_case=False))
    return re.compile(names.before + "(" + "|".join(parts) + ")" + names.after)


MATCHERS: dict[str, Callable[[], Names]] = {
    "places": lambda: registry().place_names,
    "bodies": lambda: registry().body_names,
    "directorates-general": lambda: registry().dg_long_names,
}


@pytest.fixture(scope="module", params=sorted(MATCHERS))
def pair(request: pytest.FixtureRequest) -> tuple[Names, re.Pattern[str]]:
    names = MATCHERS[request.param]()
    return names, alternation(names)


def spans(matches: object) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(1)) for m in matches]  # type: ignore[attr-defined]


def same(names: Names, pattern: re.Pattern[str], text: str, every_position: bool = False) -> None:
    assert spans(names.finditer(text)) == spans(pattern.finditer(text)), text
    assert bool(names.fullmatch(text)) == bool(pattern.fullmatch(text)), text
    assert spans(filter(None, [names.search(text)])) == spans(filter(None, [pattern.search(text)])), text
    assert names.sub(" ", text) == pattern.sub(" ", text), text
    for pos in range(len(text) + 1) if every_position else (0,):
        found, expected = names.match(text, pos), pattern.match(text, pos)
        assert (found and (found.span(), found.group(1))) == (expected and (expected.span(), expected.group(1))), (text, pos)
    if every_position:
        for pos in range(len(text) + 1):
            assert spans(names.finditer(text, pos)) == spans(pattern.finditer(text, pos)), (text, pos)


def variants(name: str) -> list[str]:
    """A name as printed in many ways, and run into what may or may not end it."""
    spaced = name.replace(" ", " \n\t")
    return [
        name, name.upper(), name.lower(), name.swapcase(), spaced, f"x{name}", f"{name}x", f"{name}-", f"-{name}",
        f"({name}),", f"{name}'s", f"{name}.", f"in {name} and {name.upper()}", name[:-1], f"{name} {name}",
    ]


def test_every_name_as_the_alternation(pair: tuple[Names, re.Pattern[str]]) -> None:
    names, pattern = pair
    for part in names.lists:
        for name in sorted(part.names):
            for text in variants(name):
                same(names, pattern, text)


SENTENCES = [
    "Place of employment: Brussels (Belgium) or Luxembourg, with missions to Strasbourg.",
    "Lieu d'affectation : BRUXELLES, Belgique ; ou LUXEMBOURG",
    "Dienstort: Frankfurt am Main,  Deutschland",
    "The post is based in The Hague / Den Haag ('s-Gravenhage), the Netherlands",
    "Sede di servizio: Parma (Italia) - Agenzia dell'Unione europea",
    "European Union Agency for Asylum (EUAA), Valletta Harbour, MALTA",
    "EUROPEAN COURT OF AUDITORS\nVacancy notice ECA/2026/1 — Luxembourg-Kirchberg",
    "the European  Commission\nand the European Parliament; EPSO-organised; (EEAS) the eeas",
    "Stellenausschreibung der Europäischen Kommission in Brüssel und Luxemburg",
    "Ogłoszenie o naborze — Warszawa, Polska; Frontex, Plac Europejski",
    "Θέση εργασίας: Θεσσαλονίκη (Ελλάδα), ΗΡΑΚΛΕΙΟ, Ηράκλειο",
    "ALICANTE, ESPAÑA - Oficina de Propiedad Intelectual de la Unión Europea (EUIPO)",
    "directorate-general for  informatics; dg agriculture and rural development, unit a.1",
    "generaldirektion kommunikationsnetze, inhalte und technologien (dg connect)",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences_as_the_alternation(pair: tuple[Names, re.Pattern[str]], text: str) -> None:
    names, pattern = pair
    same(names, pattern, text, every_position=True)


def pieces(names: Names) -> st.SearchStrategy[str]:
    """Names, parts of names and what may stand around them."""
    every = sorted(n for part in names.lists for n in part.names)
    name = st.sampled_from(every)
    return st.one_of(
        name, name.map(str.upper), name.map(lambda n: n[: len(n) // 2]), name.map(lambda n: n.replace(" ", "  ")),
        st.sampled_from([" ", "  ", "\n", ", ", "-", "'", "(", ")", ".", "x", "É", "1", "_"]),
        st.text(max_size=4),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_made_up_texts_as_the_alternation(pair: tuple[Names, re.Pattern[str]], data: st.DataObject) -> None:
    names, pattern = pair
    text = "".join(data.draw(st.lists(pieces(names), max_size=8)))
    same(names, pattern, text, every_position=True)


def test_folding_is_ignorecase() -> None:
    """Two characters fold alike exactly when `re.IGNORECASE` takes them as equal (every name and month character)."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = caseless(every)
    by_fold: dict[str, set[str]] = {}
    for char, key in zip(every, folded, strict=True):
        by_fold.setdefault(key, set()).add(char)
    chars = {c for get in MATCHERS.values() for part in get().lists for n in part.names for c in n}
    chars |= {c for name in lexicon.months() for c in name}
    for char in sorted(chars - {" "}):
        assert set(re.findall(re.escape(char), every, re.IGNORECASE)) == by_fold[caseless(char)], char


def test_odd_names_are_refused() -> None:
    with pytest.raises(ValueError, match="whitespace"):
        Names((NameList(frozenset({"Saint  Denis"}), ignore_case=False),), r"(?<!\w)", r"(?!\w)")
    with pytest.raises(ValueError, match="two characters"):
        Names((NameList(frozenset({"X"}), ignore_case=True),), r"(?<!\w)", r"(?!\w)")

"""Shapes shared by extractors: sentences and post identifications."""

from __future__ import annotations

import pytest

from vacancy_cli.extract.shapes import POST_ID, post_id, sentences


@pytest.mark.parametrize(
    ("text", "stops", "expected"),
    [
        ("Apply by 3 May. The tests follow.", ".!?", ["Apply by 3 May.", "The tests follow."]),
        ("Fluent English; French is an asset.", ".;!?", ["Fluent English;", "French is an asset."]),
        ("Fluent English; French is an asset.", ".!?", ["Fluent English; French is an asset."]),
        ("Frist im Mai. Élèves et Ärzte.", ".!?", ["Frist im Mai.", "Élèves et Ärzte."]),  # capitals of any script
        ("e.g. candidates with a degree.", ".!?", ["e.g. candidates with a degree."]),  # no capital, no cut
    ],
)
def test_sentences(text: str, stops: str, expected: list[str]) -> None:
    assert sentences(text, stops) == expected


def test_a_sentence_goes_on_where_the_caller_says() -> None:
    text = "Bewerbungen bis spätestens 15. April 2026 senden."
    assert sentences(text, ".;!?", lambda head: head.endswith("15.")) == [text]


@pytest.mark.parametrize(("text", "post"), [("Post identification: AGRI-D-1", "AGRI-D-1"),
                                           ("HR-DS-1-CI (DG-DIR-UNIT)", "HR-DS-1-CI"),
                                           ("Post identification: TRADE - C - 2", "TRADE-C-2"),
                                           ("see EC/AGRI-D-1/2026", None), ("COVID-19", None)])
def test_post_identifications(text: str, post: str | None) -> None:
    m = POST_ID.search(text)
    assert (post_id(m) if m else None) == post

"""The lexicons: well-formed data, months from CLDR, and every label ending a run-together value."""

from __future__ import annotations

import json
import re
import runpy
from importlib import resources
from pathlib import Path

import pytest

from vacancy_cli import lexicon, parse_text
from vacancy_cli.dates import find_dates

LANGUAGES = sorted(lexicon.lexicons())
# The fields whose labels introduce a value (`labelled(doc, field)`); `other` labels only end one (`Domain:`).
LABEL_FIELDS = ("reference", "sysper", "dg", "unit", "job_title", "contract", "secondment", "function_group",
                "deadline", "place", "posts")
_PLAIN = re.compile(r"[^\W\d_][\w'’ ]*[^\W\d_]")  # a label written as words, no regex syntax


def _plain_labels(language: str, key: str) -> list[str]:
    return [t for t in lexicon.lexicons()[language]["labels"].get(key, []) if _PLAIN.fullmatch(t)]


def test_every_official_language_has_a_lexicon_with_the_same_sections() -> None:
    assert set(lexicon.EU_LANGUAGES) <= set(LANGUAGES)
    sections = {name: set(data) for name, data in lexicon.lexicons().items()}
    assert len({frozenset(s) for s in sections.values()}) == 1, sections
    for data in lexicon.lexicons().values():
        assert set(data["labels"]) <= {*LABEL_FIELDS, "other"}


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


def test_cldr_data_file_is_what_the_script_writes_from_babel() -> None:
    script = runpy.run_path(str(Path(__file__).resolve().parents[1] / "scripts" / "cldr_data.py"))
    stored = resources.files("vacancy_cli").joinpath("data").joinpath("cldr.json").read_text(encoding="utf-8")
    assert stored == script["render"](script["build"]()), "run `python scripts/cldr_data.py`"


def _samples() -> list[str]:
    """Texts where terms of every section appear, in several cases and run together, to compare patterns on."""
    words = [t for data in lexicon.lexicons().values() for part in data.values() if isinstance(part, dict)
             for group in part.values() for t in group if _PLAIN.fullmatch(t)]
    text = " ".join(words)
    return [text, text.upper(), text.title(), "".join(words), ": ".join(w.capitalize() for w in words)]


@pytest.mark.parametrize("section", ["labels", "time", "zones", "deadline", "title", "contract", "organisation"])
def test_factored_alternation_matches_what_the_plain_one_does(section: str) -> None:
    for key in [None, *lexicon.keys(section)]:
        plain = "|".join(lexicon.fragment(t) for t in sorted(lexicon.terms(section, key), key=len, reverse=True))
        for flags in (re.IGNORECASE, 0):
            old = re.compile(r"(?<!\w)(?:" + plain + r")", flags)
            new = re.compile(r"(?<!\w)(?:" + lexicon.alternation(section, key) + r")", flags)
            for text in _samples():
                assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)], (section, key)


@pytest.mark.parametrize(
    ("alternatives", "factored"),
    [
        (["date limite", "deadline", "deadline for"], "d(?:ate limite|eadline(?:| for))"),
        (["abc", "x", "abd", "(?:a|q)", "abe"], "ab(?:c|d)|x|(?:a|q)|abe"),  # no `a...` moves past `(?:a|q)`
        (["abc", "(?:x|y)z", "abe"], "ab(?:c|e)|(?:x|y)z"),  # it may move past what cannot start with `a`
        (["abc", r"\w", "abe"], r"abc|\w|abe"),  # nor past what may start with anything
        (["Ab", "ab"], "Ab|ab"),  # `A` and `a` may match the same letter: kept in order, not merged
        ([r"a\s+b", r"a\s+c", r"a\s+(?:d)"], r"a(?:\s+b|\s+c|\s+(?:d))"),  # a space shared only before letters
        ([r"a\s+b", r"a\s+c"], r"a\s+(?:b|c)"),
        (["ab?", "ac"], "a(?:b?|c)"),
        (["b?", "bc"], "b?|bc"),
    ],
)
def test_union_writes_common_prefixes_once(alternatives: list[str], factored: str) -> None:
    assert lexicon.union(alternatives) == factored


def test_case_sensitive_union_only_keeps_the_order_of_what_starts_alike() -> None:
    assert lexicon.union(["Rome", "ROME", "Roma"], ignore_case=False) == "R(?:om(?:e|a)|OME)"
    assert lexicon.union(["Rome", "ROME", "Roma"]) == "R(?:ome|OME|oma)"  # ignoring case, `r` and `R` may be one letter


def test_case_sensitive_union_matches_what_the_plain_one_does() -> None:
    names = ["Rome", "ROME", "Roma", "rome", "Rotterdam", "ROTTERDAM", r"Den\s+Haag", r"DEN\s+HAAG", "Den", "R"]
    text = "Rome ROME roma Roma Rotterdam ROTTERDAM rotterdam Den  Haag DEN HAAG Den Hague R ROMEO Romania"
    plain = re.compile(r"(?<!\w)(?:" + "|".join(names) + r")(?!\w)")
    factored = re.compile(r"(?<!\w)(?:" + lexicon.union(names, ignore_case=False) + r")(?!\w)")
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in factored.finditer(text)]


def _label_lines() -> list[str]:
    """Short lines where labels of every language start, end, or run into other words (`:`, `/`, `(`, spaces)."""
    labels = [t for t in lexicon.terms("labels") if _PLAIN.fullmatch(t)]
    lines = []
    for i, label in enumerate(labels):
        other = labels[(i * 7 + 3) % len(labels)]
        lines += [f"{label}: 12", f"{label.upper()} : x", f"- {label.title()}", f"{label}s {other}: y",
                  f"{label} / {other}", f"{label} (b)", f"{label}\t", f"{label}{other.title()}: z", f"xx {label}"]
    return lines


@pytest.mark.parametrize("suffix", [r"\s*[:：]", r"(?!\w)[^:：.;!?]{0,40}?[:：]", r"(?:\s*(?:[:/|(]|$))", r"(?!\w)\s*", ""])
def test_labels_at_a_position_match_as_one_compiled_pattern_would(suffix: str) -> None:
    whole = re.compile(r"(?:" + lexicon.alternation("labels") + r")" + suffix, re.I)
    leading, followed = lexicon.leading("labels", suffix), lexicon.followed("labels", suffix)
    for line in _label_lines():
        for pos in range(min(len(line), 4) + 1):
            expected = whole.match(line, pos)
            found = leading.match(line, pos)
            assert (found and found.span()) == (expected and expected.span()), (line, pos)
            assert followed.match(line, pos) == bool(expected), (line, pos)
        assert [m.span() for m in leading.finditer(line, 1)] == [m.span() for m in whole.finditer(line, 1)], line


def test_a_term_that_looks_past_its_end_is_matched_with_the_suffix() -> None:
    """`function group [IV]+(?= ?:)`: the lookahead must see the text after the term, not the end of a slice."""
    followed = lexicon.Followed((r"fg\s+[IV]+(?=\s*:)", "fg"), r"\s*[:：]")
    assert followed.match("FG IV: x") and followed.match("fg: x")
    assert not followed.match("FG IV x") and not followed.match("FG IV;")


@pytest.mark.parametrize(("key", "suffix"), [("notice_words", "$"), ("notice_words", r"(?!\w)"), ("job_types", "$")])
def test_the_terms_of_one_key_then_a_suffix_match_as_one_compiled_pattern_would(key: str, suffix: str) -> None:
    whole = re.compile(r"(?:" + lexicon.alternation("title", key) + r")" + suffix, re.I)
    followed = lexicon.followed("title", suffix, key)
    terms = [t for t in lexicon.terms("title", key) if _PLAIN.fullmatch(t)]
    for text in [*terms, *(t.upper() + "\n" for t in terms), *(t + "s" for t in terms), *(t + " x" for t in terms)]:
        assert followed.match(text) == bool(whole.match(text)), text

"""Dates, clock times and zones as printed, in every language; the package imports without Babel."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vacancy_cli import dates, lexicon
from vacancy_cli.dates import BRUSSELS, TimeOfDay, find_dates, find_time, find_zone, to_iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3 marca 2026", "2026-03-03"),
        ("3. března 2026", "2026-03-03"),
        ("2026. március 3.", "2026-03-03"),
        ("3 d. kovo 2026 m.", "2026-03-03"),
        ("2026 m. kovo 3 d.", "2026-03-03"),
        ("2026. gada 3. martā", "2026-03-03"),
        ("3 de marzo de 2026", "2026-03-03"),
        ("3 de março de 2026", "2026-03-03"),
        ("3 ta' Marzu 2026", "2026-03-03"),
        ("3 март 2026 г.", "2026-03-03"),
        ("30. aprila 2026", "2026-04-30"),
        ("1er mars 2026", "2026-03-01"),
        ("March 3, 2026", "2026-03-03"),
        # the month-first shape, whatever the month's form: the quick check before it must let these through
        ("Sept. 30 2026", "2026-09-30"),
        ("due by JUNE 2nd, 2026", "2026-06-02"),
        ("avant le Mai 4,\n2026", "2026-05-04"),
        ("03/03/2026", "2026-03-03"),
        ("3.3.26", "2026-03-03"),
        # a name two languages read differently: the dot after the day tells which
        ("5 listopada 2026 r.", "2026-11-05"),  # Polish November
        ("5. listopada 2026.", "2026-10-05"),  # Croatian October
    ],
)
def test_date_shapes_of_every_language(text: str, iso: str) -> None:
    assert [h.date.isoformat() for h in find_dates(text)] == [iso]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("at 12:00", TimeOfDay(12, 0)),
        ("at 11:59:59", TimeOfDay(11, 59, second=59)),
        ("à midi", TimeOfDay(12, 0)),
        ("12 Uhr mittags", TimeOfDay(12, 0)),
        ("a mezzogiorno", TimeOfDay(12, 0)),
        ("a mediodía", TimeOfDay(12, 0)),
        ("om 12 uur", TimeOfDay(12, 0)),
        ("godz. 12:00", TimeOfDay(12, 0)),
        ("12 val.", TimeOfDay(12, 0)),
        ("4 pm", TimeOfDay(16, 0)),
        ("à minuit", TimeOfDay(0, 0, next_day=True)),
        ("o północy", TimeOfDay(0, 0, next_day=True)),
        ("page 12", None),
        # four digits are a time before an hour word only
        ("at 1700 hrs (Brussels time)", TimeOfDay(17, 0)),
        ("à 1230 heures", TimeOfDay(12, 30)),
        ("until 2026 (Brussels time)", None),
    ],
)
def test_clock_times(text: str, time: TimeOfDay | None) -> None:
    assert find_time(text) == time


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("(Brussels time)", BRUSSELS),
        ("(heure de Bruxelles)", BRUSSELS),
        ("(ora di Bruxelles)", BRUSSELS),
        ("(hora de Bruselas)", BRUSSELS),
        ("(Brusselse tijd)", BRUSSELS),
        ("czasu brukselskiego", BRUSSELS),
        ("CEST", BRUSSELS),
        ("Helsinki time", "Europe/Helsinki"),
        ("(Athens local time)", "Europe/Athens"),
        ("London time", "Europe/London"),
        ("EET and 22:59 CET", "Europe/Athens"),
        ("cet avis", "Europe/Madrid"),  # a French word, not the zone: the default stays
        ("", "Europe/Madrid"),
    ],
)
def test_zone_words(text: str, zone: str) -> None:
    assert find_zone(text, "Europe/Madrid") == zone


def test_local_time_is_the_given_local_zone() -> None:
    assert find_zone("12:00 local time", BRUSSELS, "Europe/Helsinki") == "Europe/Helsinki"
    assert find_zone("12:00", BRUSSELS, "Europe/Helsinki") == BRUSSELS


def test_to_iso_keeps_seconds_and_the_offset_of_that_date() -> None:
    assert to_iso(dt.date(2026, 7, 1), TimeOfDay(11, 59, second=59), BRUSSELS) == "2026-07-01T11:59:59+02:00"


def test_importing_the_package_does_not_load_babel() -> None:
    code = "import sys, vacancy_cli, vacancy_cli.dates, vacancy_cli.extract.deadline; print('babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# The month slot takes any word and `_shape_matches` checks it: the same matches as every month name in the slot.
MONTHS = sorted(lexicon.months())


def every_month(index: int) -> re.Pattern[str]:
    """The shape with every month name in its month slot, longest first, written out (no prefix sharing)."""
    month = r"(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTHS, key=lambda m: (-len(m), m))) + r")\.?"
    return re.compile(*dates._shape(index, month))


def same_matches(text: str) -> None:
    for index in dates._NAMED_MONTH:
        every = every_month(index)
        found = [(m.span(), m.groupdict()) for m in dates._shape_matches(index, text, dates._digit_runs(text))]
        assert found == [(m.span(), m.groupdict()) for m in every.finditer(text)], (index, text)


@pytest.mark.parametrize("month", MONTHS)
def test_every_month_name_as_the_alternation(month: str) -> None:
    for name in (month, month.upper(), month.title(), f"{month}.", f"{month[:-1]}", f"{month}x"):
        same_matches(f"3 {name} 2025, 3rd of {name} 2025, 15 de {name} de 2025, 2{name} 2025 and {name} 3, 2025")
        same_matches(f"2025. {name} 3., 2025 m. {name} 3 d., 2025. gada 3. {name}, 2025. gada 3. {name}ing")


@pytest.mark.parametrize(
    "text",
    [
        "by 15 December 2025 at 12:00 (Brussels time)",  # `De` could be a joiner run into `cember`
        "in the 2nd quarter 2026; Article 5 of Regulation 2019/1046",
        "closing 2026 at 12 noon; 2026 by 23:59",
        "2025. gada 3. marzipan",  # a month name at the start of a longer word
        "1er MARS 2026, le 3 mars 2026 et le 4 de mars de 2026",
        "3 meán fómhair 2026 and 3 Meán  Fómhair 2026",
    ],
)
def test_sentences_as_the_alternation(text: str) -> None:
    same_matches(text)


PIECES = st.one_of(
    st.sampled_from(MONTHS), st.sampled_from(MONTHS).map(str.upper), st.sampled_from(MONTHS).map(lambda m: m[:3]),
    st.sampled_from([" ", "  ", ". ", ", ", "de ", "of ", "at ", "3", "15", "2025", "1999", "x", "."]),
    st.text(max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=10).map("".join))
def test_made_up_texts_as_the_alternation(text: str) -> None:
    same_matches(text)


def test_every_month_name_has_three_letters() -> None:
    """The month slot takes words of three letters or more."""
    assert all(len(m) >= 3 and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)?", m) for m in MONTHS)


# A shape is matched only where a run of digits starts (`_finditer`): the same matches as `finditer` everywhere.
DIGIT_PIECES = st.one_of(
    PIECES,
    st.sampled_from(["03", "3", "12", "31", "20", "2025", "25", "٣", "２０２５", "/", "-", ".", "./", "-0"]),
)


def same_as_finditer(text: str) -> None:
    for index in dates._SHAPES:
        patterns = [dates._date_pattern(index)] + ([dates._named_pattern(index)] if index in dates._NAMED_MONTH else [])
        for pattern in patterns:
            found = [(m.span(), m.groupdict()) for m in dates._finditer(pattern, index, text, dates._digit_runs(text))]
            assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], (index, text)


@pytest.mark.parametrize(
    "text",
    [
        "03.03.2025, 3/3/2025 and 3-3-2025; 03.03.25 or 2025-03-03",
        "x03.03.2025 .3.3.2025 13.03.2025 103.03.2025 3.3.20251 2025-03-031",  # digits and marks before and after
        "2025. március 3., 2025 m. kovo 3 d., 2025. gada 3. martā, 3 March 2025, March 3, 2025",
        "٣/٣/٢٠٢٥ and ３.３.２０２５",  # other scripts' digits are digits too
    ],
)
def test_shapes_at_runs_of_digits_as_finditer(text: str) -> None:
    same_as_finditer(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(DIGIT_PIECES, max_size=12).map("".join))
def test_made_up_texts_at_runs_of_digits_as_finditer(text: str) -> None:
    same_as_finditer(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(DIGIT_PIECES, max_size=12).map("".join))
def test_a_text_in_the_month_first_shape_has_a_day_then_a_year(text: str) -> None:
    """`March 3, 2025` is looked for only in a text where `_has_day_year` holds: it holds in every one."""
    for pattern in (dates._date_pattern(dates._MONTH_FIRST), dates._named_pattern(dates._MONTH_FIRST)):
        if pattern.search(text):
            assert dates._has_day_year(text, dates._digit_runs(text)), text


@pytest.mark.parametrize("text", ["March 3, 2025", "by MARCH 3rd, 2025.", "Sept. 03,\t2025", "sur March  31 ,2025"])
def test_the_day_then_year_check_agrees_with_the_month_first_shape(text: str) -> None:
    shape = dates._date_pattern(dates._MONTH_FIRST)
    assert dates._has_day_year(text, dates._digit_runs(text)) is bool(shape.search(text))

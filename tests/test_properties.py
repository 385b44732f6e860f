"""Property tests: extractors never crash, deadline shapes round-trip, records survive JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vacancy_cli import parse_text
from vacancy_cli.errors import VacancyError
from vacancy_cli.model import Call
from vacancy_cli.write.records import CSV_COLUMNS, csv_header, csv_line

WORDS = st.sampled_from(
    ["Deadline:", "Job title:", "Unit", "HOME.A3", "3b", "FG IV", "AD 7", "C1", "English", "12:00", "CET",
     "25.05.2026", "☐", "☒", "\uf0fe", "£", "S", "Reference:", "EC/2026/X/1", "asset", "Brussels", "\t", "\n",
     "|", "*", "**", "<sup>1</sup>", "(", ")", "extended until", "no deadline", "Article 2(f)", "midnight"]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=60).map(" ".join))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS)
def test_any_text_gives_a_valid_record_or_our_error(text: str) -> None:
    try:
        call = parse_text(text)
    except VacancyError:
        return
    Call.model_validate(call.model_dump(mode="json"))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]
MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]


def _render(day: dt.date, hour: int, minute: int, shape: int) -> str:
    hm = f"{hour:02d}:{minute:02d}"
    return [
        f"Deadline: {day:%d.%m.%Y} - {hour:02d}.{minute:02d} (Brussels time)",
        f"Closing date: {day:%d/%m/%Y} at {hm} CET",
        f"Express your interest until: {day.day} {MONTHS[day.month - 1]} {day.year} at {hm} (Brussels time)",
        f"Date limite de candidature : {day.day} {MOIS[day.month - 1]} {day.year} à {hour}h{minute:02d} (heure de Bruxelles)",
        f"Bewerbungsfrist: {day.day}. {MONATE[day.month - 1]} {day.year}, {hm} Uhr (Brüsseler Zeit)",
        f"Deadline for applications: {day:%d-%m-%Y} {hm} CEST",
    ][shape]


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.integers(0, 23),
    st.sampled_from([0, 15, 30, 59]),
    st.integers(0, 5),
)
def test_deadline_shapes_round_trip(day: dt.date, hour: int, minute: int, shape: int) -> None:
    expected = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo("Europe/Brussels"))
    assert parse_text(_render(day, hour, minute, shape)).deadline == expected.isoformat()


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_date_only_deadline_round_trips(day: dt.date) -> None:
    assert parse_text(f"Closing date: {day.day} {MONTHS[day.month - 1]} {day.year}").deadline == day.isoformat()


CODES = st.sampled_from(["EN", "FR", "DE", "IT", "EU"])
SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s != "" and ";" not in s and "|" not in s and ":" not in s
)
RECORDS = st.builds(
    Call,
    reference=st.one_of(st.none(), SAFE_TEXT),
    institution=st.one_of(st.none(), SAFE_TEXT),
    dg=st.one_of(st.none(), st.sampled_from(["CNECT", "HOME"])),
    units=st.lists(st.sampled_from(["CNECT.A.5", "HOME.01", "HOME.B.4"]), unique=True),
    job_title=st.one_of(st.none(), SAFE_TEXT),
    function_group=st.one_of(st.none(), st.sampled_from(["FG IV", "AD", "AST"])),
    deadline=st.one_of(st.none(), st.sampled_from(["2026-03-01", "2026-03-01T12:00:00+01:00"])),
    place_of_employment=st.lists(SAFE_TEXT, max_size=3, unique=True),
    number_of_posts=st.one_of(st.none(), st.integers(1, 99)),
    languages=st.builds(
        dict,
        required=st.lists(st.builds(dict, level=st.sampled_from(["B2", "C1"]), of=st.lists(CODES, min_size=1, max_size=2, unique=True)), max_size=2),
        assets=st.lists(CODES, unique=True),
        selection=st.lists(CODES, unique=True),
    ),
    contacts=st.lists(st.sampled_from(["a@ec.europa.eu", "b.c@ec.europa.eu"]), unique=True),
    warnings=st.lists(SAFE_TEXT, max_size=2),
)


@settings(max_examples=150, deadline=None)
@given(RECORDS)
def test_record_json_round_trip(record: Call) -> None:
    assert Call.model_validate(json.loads(record.model_dump_json())) == record


@settings(max_examples=150, deadline=None)
@given(RECORDS)
def test_record_csv_round_trip(record: Call) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_header() + csv_line(record, raw=True))))
    assert list(rows[0]) == CSV_COLUMNS
    back = Call.model_validate(record_from_csv_row(rows[0]))
    assert back.model_dump(exclude={"source", "evidence"}) == record.model_dump(exclude={"source", "evidence"})


@settings(max_examples=150, deadline=None)
@given(RECORDS)
def test_inert_csv_cells_differ_from_raw_ones_by_a_quote_before_a_formula(record: Call) -> None:
    inert = next(csv.reader(io.StringIO(csv_line(record))))
    raw = next(csv.reader(io.StringIO(csv_line(record, raw=True))))
    assert inert == [f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell for cell in raw]


def record_from_csv_row(row: dict[str, str]) -> dict[str, Any]:
    """The record fields a CSV row holds (the inverse of `csv_line`, for everything but evidence and source)."""
    def items(text: str) -> list[str]:
        return text.split(";") if text else []

    def opt(text: str) -> str | None:
        return text if text != "" else None

    return {
        "schema_version": row["schema_version"],
        "reference": opt(row["reference"]),
        "institution": opt(row["institution"]),
        "dg": opt(row["dg"]),
        "directorate": opt(row["directorate"]),
        "units": items(row["units"]),
        "job_title": opt(row["job_title"]),
        "staff_category": opt(row["staff_category"]),
        "contract_type": opt(row["contract_type"]),
        "function_group": opt(row["function_group"]),
        "grade": opt(row["grade"]),
        "deadline": opt(row["deadline"]),
        "deadline_text": opt(row["deadline_text"]),
        "place_of_employment": items(row["place_of_employment"]),
        "number_of_posts": int(row["number_of_posts"]) if row["number_of_posts"] else None,
        "languages": {
            "required": [
                {"level": r.split(":", 1)[0], "of": r.split(":", 1)[1].split("|")} for r in items(row["languages.required"])
            ],
            "assets": items(row["languages.assets"]),
            "selection": items(row["languages.selection"]),
        },
        "contacts": items(row["contacts"]),
        "warnings": items(row["warnings"]),
    }

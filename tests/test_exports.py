"""The ICS and JSON-LD exports meet their standards, checked by the libraries that read them."""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from vacancy_cli.errors import ExitCode
from vacancy_cli.write.ics import calendar, uid
from vacancy_cli.write.jsonld import REQUIRED, job_posting, missing

from .conftest import FAMILIES, SAMPLES
from .golden import load

NOW = "2026-05-01T00:00:00+00:00"
TIMED = """Call for expression of interest EC/2026/MARE/{ref}
Job title: Fisheries Analyst
Where: Unit MARE.C.1, Brussels
Function Group: FG IV
Contract Type: 3a
Express your interest until: 14.10.2026 - 12.00 (Brussels time)
"""
JOB_POSTING_PROPERTIES = {  # schema.org/JobPosting properties (with those inherited from Thing)
    "@context", "@type", "title", "description", "datePosted", "hiringOrganization", "jobLocation", "identifier",
    "validThrough", "employmentType", "employmentUnit", "totalJobOpenings", "qualifications", "baseSalary",
}
EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], capture_output=True, text=True, timeout=300)


def events(ics: str) -> list[Any]:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


@pytest.fixture
def one_notice_twice(tmp_path: Path) -> Path:
    """A folder holding the PDF and the text of one notice."""
    folder = tmp_path / "notices"
    folder.mkdir()
    for suffix in (".pdf", ".txt"):
        shutil.copy(SAMPLES / f"sne-tick-boxes{suffix}", folder)
    return folder


def test_the_pdf_and_the_text_of_one_notice_give_one_all_day_event(one_notice_twice: Path) -> None:
    result = run("export", str(one_notice_twice), "-f", "ics", "--now", NOW)
    assert result.returncode == ExitCode.OK, result.stderr
    [event] = events(result.stdout)
    assert event.decoded("dtstart") == dt.date(2026, 9, 7)
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert event.decoded("dtend") == dt.date(2026, 9, 8)  # all day: the deadline is the end of that day


def test_a_timed_deadline_is_an_instant_not_an_event_ending_as_it_starts(tmp_path: Path) -> None:
    notice = tmp_path / "timed.txt"
    notice.write_text(TIMED.format(ref=1), encoding="utf-8")
    [event] = events(run("export", str(notice), "-f", "ics", "--now", NOW).stdout)
    assert event.decoded("dtstart").isoformat() == "2026-10-14T12:00:00+02:00"
    assert "DTEND" not in event and "DURATION" not in event  # RFC 5545 §3.6.1: it ends when it starts


def test_a_reminder_days_before_by_default_and_as_asked(tmp_path: Path) -> None:
    notice = tmp_path / "timed.txt"
    notice.write_text(TIMED.format(ref=1), encoding="utf-8")
    for args, days in (((), 3), (("--remind-days", "7"), 7)):
        [event] = events(run("export", str(notice), "-f", "ics", "--now", NOW, *args).stdout)
        [alarm] = event.walk("VALARM")
        assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") == -dt.timedelta(days=days)
        assert "left to apply: EC/2026/MARE/1 – Fisheries Analyst" in str(alarm["description"])
    [event] = events(run("export", str(notice), "-f", "ics", "--now", NOW, "--remind-days", "0").stdout)
    assert not event.walk("VALARM")
    refused = run("export", str(notice), "-f", "ics", "--remind-days", "-1")
    assert refused.returncode == ExitCode.USAGE and "Traceback" not in refused.stderr


def test_the_description_is_in_words(tmp_path: Path) -> None:
    notice = tmp_path / "timed.txt"
    notice.write_text(TIMED.format(ref=1), encoding="utf-8")
    [event] = events(run("export", str(notice), "-f", "ics", "--now", NOW).stdout)
    description = str(event["description"])
    assert "Contract: contract agent (Article 3a of the CEOS), function group IV" in description
    assert "Apply by: 14 October 2026 at 12:00 (UTC+02:00)" in description
    assert "Unit: MARE.C.1" in description
    assert "contract_agent" not in description and "contract_type" not in description


def test_one_uid_per_call_whatever_the_file() -> None:
    pdf = {"reference": "EC/2026/ENV/1", "institution": "European Commission", "source": {"sha256": "a" * 64}}
    text = {"reference": "EC/2026/ENV/ 1", "institution": "european commission", "source": {"sha256": "b" * 64}}
    assert uid(pdf) == uid(text)
    assert uid({**pdf, "institution": "European Parliament"}) != uid(pdf)
    unnamed = [{"reference": None, "source": {"sha256": c * 64}} for c in "ab"]
    assert uid(unnamed[0]) != uid(unnamed[1])  # no reference: the content tells calls apart
    records = [{**pdf, "deadline": "2026-10-14"}, {**text, "deadline": "2026-10-14"}]
    assert len(events(calendar(records, dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)).decode())) == 1


def _golden() -> list[dict[str, Any]]:
    files = sorted(FAMILIES.glob("*/*.json")) + sorted(SAMPLES.glob("*.json"))
    assert len(files) > 100
    return [load(path) for path in files]


def test_every_golden_record_gives_the_postings_google_requires() -> None:
    for record in _golden():
        posting = job_posting(record)
        assert posting["@context"] == "https://schema.org" and posting["@type"] == "JobPosting"
        assert set(posting) <= JOB_POSTING_PROPERTIES, set(posting) - JOB_POSTING_PROPERTIES
        unstated = {"datePosted"} | ({"title"} if not record.get("job_title") else set())
        unstated |= {"jobLocation"} if not record.get("place_of_employment") else set()
        assert set(missing(posting)) == unstated, record.get("reference")
        assert set(REQUIRED) - unstated <= set(posting)
        assert posting["hiringOrganization"] == {"@type": "Organization", "name": record["institution"]}
        for place in posting.get("jobLocation", []):
            assert len(place["address"]["addressCountry"]) == 2, place
        assert posting.get("employmentType", "OTHER") in EMPLOYMENT_TYPES
        assert "occupationalCategory" not in posting
        assert posting.get("validThrough") == record.get("deadline")


def test_the_description_quotes_the_notices_own_lines() -> None:
    from vacancy_cli import parse_file

    record = parse_file(SAMPLES / "sne-tick-boxes.txt").model_dump(mode="json")
    description = job_posting(record)["description"]
    assert "Contract: seconded national expert, cost-free" in description
    assert "<p>From the notice:</p><ul><li>" in description
    for evidence in record["evidence"].values():
        assert f"<li>{html.escape(evidence['text'].strip())}</li>" in description


def test_export_says_which_required_properties_a_posting_lacks(tmp_path: Path) -> None:
    notices = [tmp_path / f"n{i}.txt" for i in range(2)]
    for i, path in enumerate(notices):
        path.write_text(TIMED.format(ref=i), encoding="utf-8")
    result = run("export", *map(str, notices), "-f", "jsonld")
    assert result.returncode == ExitCode.OK
    postings = json.loads(result.stdout)
    assert [p["identifier"]["value"] for p in postings] == ["EC/2026/MARE/0", "EC/2026/MARE/1"]
    assert postings[0]["jobLocation"][0]["address"] == {
        "@type": "PostalAddress", "addressLocality": "Brussels", "addressCountry": "BE"}
    assert result.stderr.splitlines() == [
        f"vacancy: {path}: JSON-LD lacks datePosted, which Google requires (not in the record)" for path in notices]


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2026-09-07", "7 September 2026, end of day (Brussels time)"),
        ("2026-10-14T12:00:00+02:00", "14 October 2026 at 12:00 (UTC+02:00)"),
        ("2026-03-01T00:00:00+01:00", "28 February 2026 at 24:00 (UTC+01:00)"),
        ("2026-03-02T09:30:00+00:00", "2 March 2026 at 09:30 (UTC)"),
        ("2026-03-02T09:30:00Z", "2 March 2026 at 09:30 (UTC)"),
    ],
)
def test_deadlines_in_words(value: str, said: str) -> None:
    from vacancy_cli.write.words import deadline

    assert deadline(value) == said

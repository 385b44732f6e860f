"""Deadlines: every shape of formats.md, zones, reconciliation, extensions, no deadline."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Closing date: 25.05.2026", "2026-05-25"),
        ("Deadline for applications: 09/07/2026", "2026-07-09"),
        ("Latest application date: 25-02-2026", "2026-02-25"),
        ("Deadline: 8 July 2026", "2026-07-08"),
        ("Express your interest until: 02.12.2026 - 23.00 (Brussels time)", "2026-12-02T23:00:00+01:00"),
        ("Express your interest until: 12 May 2026 by 12:00 (midday) Brussels time", "2026-05-12T12:00:00+02:00"),
        (
            "Place of employment: Warsaw\nClosing date: 3 April 2026 at 12:00 h, Warsaw local time",
            "2026-04-03T12:00:00+02:00",
        ),
        ("Place of employment: Athens\nDeadline: 16/01/2026 23:59 EET", "2026-01-16T23:59:00+02:00"),
        ("Closing date: 15/05/2026 16:00 Heraklion time", "2026-05-15T16:00:00+03:00"),
        ("Bewerbungsfrist: 21. Mai 2026", "2026-05-21"),
        ("Bewerbungsschluss: 3. März 2026, 12 Uhr mittags (Brüsseler Zeit)", "2026-03-03T12:00:00+01:00"),
        ("Date limite : le 15 mars 2026 à 12 heures (heure de Bruxelles)", "2026-03-15T12:00:00+01:00"),
        ("Date limite de candidature : 30 juin 2026 à 12h00 (heure de Bruxelles)", "2026-06-30T12:00:00+02:00"),
        ("Deadline: 31 January 2026 at midnight (CET)", "2026-02-01T00:00:00+01:00"),
        ("Deadline: 23:59 CET on 15 May 2026", "2026-05-15T23:59:00+02:00"),
        ("The deadline for sending applications is midnight (Brussels time) on 30 April 2026.", "2026-05-01T00:00:00+02:00"),
        ("Deadline: 08 May 2026 extended until 26 May 2026", "2026-05-26"),
        ("Closing date: 10/03/2026 at 12:00 CET\nThe deadline has been extended until 24/03/2026.", "2026-03-24T12:00:00+01:00"),
        ("Place of employment: Luxembourg\nClosing date: 4 March 2026 at 17:00", "2026-03-04T17:00:00+01:00"),
        ("Closing date: 4 March 2026 at 17:00", "2026-03-04T17:00:00+01:00"),
        ("There is no deadline for application: the call is permanent.", None),
        ("This call has no deadline.\nCandidates who registered before 1 March 2026 will be contacted first.", None),
        ("Publication date: 02/02/2026\nStarting date: 01/09/2026", None),
        ("Closing date: 12 March 2026 (date of publication: 01 March 2026)", "2026-03-12"),
    ],
)
def test_deadline(text: str, expected: str | None) -> None:
    assert parse_text(text).deadline == expected


def test_more_precise_statement_of_the_same_date_wins() -> None:
    text = "Deadline for expressing interest\t22 April 2026\nPlease apply by 22/04/2026 at midday 12:00 CET."
    assert parse_text(text).deadline == "2026-04-22T12:00:00+02:00"


def test_publication_date_is_not_the_deadline() -> None:
    text = "This notice was published on 3 March 2026.\nApplications must be sent by 17 March 2026 at 12:00 CET."
    assert parse_text(text).deadline == "2026-03-17T12:00:00+01:00"


def test_missing_deadline_warns() -> None:
    call = parse_text("Job title: Policy Officer\nPlace of employment: Brussels")
    assert call.deadline is None
    assert any(w.startswith("deadline") for w in call.warnings)

"""Time left and status, given `now` (no clock)."""

from __future__ import annotations

import datetime as dt

import pytest

from vacancy_cli.diff import diff_records
from vacancy_cli.timeleft import Status, human, parse_duration, time_left

NOW = dt.datetime(2026, 3, 28, 12, 0, tzinfo=dt.timezone.utc)
WEEK = dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("deadline", "status"),
    [
        (None, Status.UNKNOWN),
        ("2026-03-28T13:00:00+01:00", Status.CLOSED),
        ("2026-03-28T14:00:00+01:00", Status.CLOSING_SOON),
        ("2026-03-28", Status.CLOSING_SOON),
        ("2026-03-27", Status.CLOSED),
        ("2026-05-01", Status.OPEN),
    ],
)
def test_status(deadline: str | None, status: Status) -> None:
    assert time_left(deadline, NOW, WEEK).status == status


def test_date_only_closes_at_the_end_of_the_day_in_brussels() -> None:
    left = time_left("2026-03-28", NOW, WEEK)
    assert left.closes is not None and left.closes.isoformat() == "2026-03-29T00:00:00+01:00"


def test_durations_and_human() -> None:
    assert parse_duration("36h") == dt.timedelta(hours=36)
    with pytest.raises(ValueError):
        parse_duration("soon")
    assert human(dt.timedelta(days=2, hours=3)) == "2 d 3 h"
    assert human(-dt.timedelta(hours=5)) == "closed 5 h 0 min ago"


def test_diff_records_dotted_fields() -> None:
    old = {"reference": "A", "languages": {"required": [], "assets": ["FR"]}, "evidence": {"x": 1}}
    new = {"reference": "A", "languages": {"required": [], "assets": ["DE"]}, "evidence": {"x": 2}}
    assert [(c.field, c.old, c.new) for c in diff_records(old, new)] == [("languages.assets", ["FR"], ["DE"])]


def test_closing_moment_reads_z_and_refuses_what_is_not_iso() -> None:
    from vacancy_cli.timeleft import closing_moment

    assert closing_moment("2026-05-01T09:00:00Z") == dt.datetime(2026, 5, 1, 9, tzinfo=dt.timezone.utc)
    for bad in ("next tuesday", "2026-02-30", 5):
        with pytest.raises(ValueError, match="not an ISO 8601 date"):
            closing_moment(bad)  # type: ignore[arg-type]


def test_spoken_moments_never_read_as_the_next_day() -> None:
    from vacancy_cli.timeleft import BRUSSELS, closing_moment, spoken

    end_of_day = closing_moment("2025-02-25")
    assert end_of_day is not None
    assert spoken(end_of_day, date_only=True) == "2025-02-25, end of day, Brussels"
    assert spoken(end_of_day) == "2025-02-25 24:00 CET"
    assert spoken(dt.datetime(2026, 5, 14, 12, tzinfo=BRUSSELS)) == "2026-05-14 12:00 CEST"
    # the words of the calendar and JSON-LD follow the same rule, in long dates
    assert spoken(end_of_day, date_only=True, long=True) == "25 February 2025, end of day (Brussels time)"
    assert spoken(end_of_day, long=True) == "25 February 2025 at 24:00 (CET)"
    assert spoken(dt.datetime(2026, 5, 14, 12, tzinfo=BRUSSELS), long=True) == "14 May 2026 at 12:00 (CEST)"

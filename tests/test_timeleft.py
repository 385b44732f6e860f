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

"""How long is left to apply, given `now` (pure: the clock is passed in)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


class Status(str, Enum):
    """Where a notice stands at a given moment."""

    OPEN = "open"
    CLOSING_SOON = "closing soon"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TimeLeft:
    """The last moment to apply, the time left and the status."""

    closes: dt.datetime | None
    left: dt.timedelta | None
    status: Status


def closing_moment(deadline: str | None) -> dt.datetime | None:
    """The deadline as an aware moment; a date alone closes at the end of that day in Brussels.

    ValueError for a deadline that is not ISO 8601 (a record written by hand, say).
    """
    if not deadline:
        return None
    if not isinstance(deadline, str):
        raise ValueError(f"deadline {deadline!r} is not an ISO 8601 date or date-time")
    try:
        if "T" in deadline:
            moment = dt.datetime.fromisoformat(deadline.replace("Z", "+00:00"))  # `Z` before Python 3.11
            return moment if moment.tzinfo else moment.replace(tzinfo=BRUSSELS)
        day = dt.date.fromisoformat(deadline) + dt.timedelta(days=1)
    except ValueError:
        raise ValueError(f"deadline {deadline!r} is not an ISO 8601 date or date-time") from None
    return dt.datetime(day.year, day.month, day.day, tzinfo=BRUSSELS)


def is_date_only(deadline: str | None) -> bool:
    """A deadline that states a day and no time (it closes at the end of that day, Brussels time)."""
    return bool(deadline) and "T" not in str(deadline)


def spoken(moment: dt.datetime, date_only: bool = False, long: bool = False) -> str:
    """A moment as people read it: `2026-05-14 12:00 CEST`; midnight as `24:00` of the day before, and the closing
    moment of a date-only deadline (`date_only`) as `2025-02-25, end of day, Brussels`: nobody reads the next day.

    `long`, for prose (a calendar's description): `14 May 2026 at 12:00 (CEST)`, `25 February 2025, end of day
    (Brussels time)`. The one rule for tables, JSON's `closes` and the exports' words.
    """
    midnight = (moment.hour, moment.minute, moment.second) == (0, 0, 0)
    day = moment - dt.timedelta(days=1) if date_only or midnight else moment
    date = f"{day.day} {day:%B %Y}" if long else f"{day:%Y-%m-%d}"
    if date_only:
        return f"{date}, end of day (Brussels time)" if long else f"{date}, end of day, Brussels"
    time = "24:00" if midnight else f"{moment:%H:%M}"
    return f"{date} at {time} ({moment.tzname()})" if long else f"{date} {time} {moment.tzname()}"


def time_left(deadline: str | None, now: dt.datetime, within: dt.timedelta) -> TimeLeft:
    """Status at `now` (aware): closed after the deadline, closing soon within `within` of it."""
    closes = closing_moment(deadline)
    if closes is None:
        return TimeLeft(None, None, Status.UNKNOWN)
    left = closes - now
    if left <= dt.timedelta(0):
        return TimeLeft(closes, left, Status.CLOSED)
    return TimeLeft(closes, left, Status.CLOSING_SOON if left <= within else Status.OPEN)


def parse_duration(text: str) -> dt.timedelta:
    """`7d`, `36h`, `90m`, `2w` -> timedelta."""
    units = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}
    text = text.strip().lower()
    if len(text) < 2 or text[-1] not in units or not text[:-1].isdigit():
        raise ValueError(f"not a duration like 7d, 36h, 90m or 2w: {text!r}")
    try:
        return dt.timedelta(**{units[text[-1]]: int(text[:-1])})
    except OverflowError:
        raise ValueError(f"a duration too long to count: {text!r}") from None


def human(left: dt.timedelta | None) -> str:
    """`3 d 4 h`, `5 h 10 min`, `closed 2 d ago`."""
    if left is None:
        return "—"
    ago = left < dt.timedelta(0)
    seconds = abs(int(left.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    text = f"{days} d {hours} h" if days else f"{hours} h {rest // 60} min"
    return f"closed {text} ago" if ago else text

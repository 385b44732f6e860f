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
    """The deadline as an aware moment; a date alone closes at the end of that day in Brussels."""
    if not deadline:
        return None
    if "T" in deadline:
        moment = dt.datetime.fromisoformat(deadline)
        return moment if moment.tzinfo else moment.replace(tzinfo=BRUSSELS)
    day = dt.date.fromisoformat(deadline) + dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=BRUSSELS)


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
    return dt.timedelta(**{units[text[-1]]: int(text[:-1])})


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

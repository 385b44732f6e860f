"""An RFC 5545 calendar: one event per call with a deadline (through the icalendar package)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

from ..timeleft import BRUSSELS, closing_moment
from .words import summary

PRODID = "-//vacancy//EU vacancy deadlines//EN"


def uid(record: dict[str, Any]) -> str:
    """The same UID for the same call from any file: institution and reference, else the source's content hash.

    Re-exports then update events instead of adding them, and the PDF and the text of one notice give one event.
    """
    reference = record.get("reference")
    if reference:
        key = "call|" + _folded(record.get("institution") or "") + "|" + _folded(reference)
    elif (record.get("source") or {}).get("sha256"):
        key = "file|" + record["source"]["sha256"]
    else:
        stated = {k: v for k, v in record.items() if k not in ("source", "evidence", "warnings")}
        key = "record|" + json.dumps(stated, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest() + "@vacancy"


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def calendar(records: list[dict[str, Any]], now: dt.datetime, remind_days: int = 3) -> bytes:
    """A VCALENDAR with one VEVENT per call that has a deadline (the first record of a call wins).

    `now` gives DTSTAMP; `remind_days` > 0 adds a display alarm that many days before the deadline.
    """
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = now.astimezone(dt.timezone.utc)
    seen: set[str] = set()
    for record in records:
        key = uid(record)
        if not record.get("deadline") or key in seen:
            continue
        seen.add(key)
        cal.add_component(_event(record, key, stamp, remind_days))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _event(record: dict[str, Any], key: str, stamp: dt.datetime, remind_days: int) -> Any:
    """One VEVENT: a timed deadline is an instant (DTSTART, no DTEND); a date alone is an all-day event."""
    from icalendar import Event

    event = Event()
    event.add("uid", key)
    event.add("dtstamp", stamp)
    title = " – ".join(str(v) for v in (record.get("reference"), record.get("job_title")) if v)
    event.add("summary", f"Deadline: {title or 'vacancy notice'}")
    deadline = record["deadline"]
    if "T" in deadline:
        moment = closing_moment(deadline)
        assert moment is not None  # a deadline with a time always gives a moment
        event.add("dtstart", moment.astimezone(BRUSSELS))
    else:
        day = dt.date.fromisoformat(deadline)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    event.add("description", "\n".join(f"{label}: {value}" for label, value in summary(record)))
    places = record.get("place_of_employment") or []
    if places:
        event.add("location", ", ".join(places))
    if remind_days > 0:
        event.add_component(_alarm(title, remind_days))
    return event


def _alarm(title: str, days: int) -> Any:
    """A display reminder `days` days before the event starts."""
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -dt.timedelta(days=days))
    alarm.add("description", f"{days} day{'s' if days != 1 else ''} left to apply: {title or 'vacancy notice'}")
    return alarm

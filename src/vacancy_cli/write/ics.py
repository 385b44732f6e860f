"""An RFC 5545 calendar: one event per deadline (through the icalendar package)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from ..timeleft import closing_moment


def uid(record: dict[str, Any]) -> str:
    """A stable UID: from the reference (else the source's hash), so re-exports update events."""
    key = record.get("reference") or (record.get("source") or {}).get("sha256") or record.get("job_title") or ""
    return hashlib.sha1(str(key).encode("utf-8")).hexdigest() + "@vacancy"


def calendar(records: list[dict[str, Any]], now: dt.datetime) -> bytes:
    """A VCALENDAR with a VEVENT per record that has a deadline; `now` gives DTSTAMP."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//vacancy//EU vacancy deadlines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = now.astimezone(dt.timezone.utc)
    for record in records:
        deadline = record.get("deadline")
        if not deadline:
            continue
        event = Event()
        event.add("uid", uid(record))
        event.add("dtstamp", stamp)
        title = " – ".join(str(v) for v in (record.get("reference"), record.get("job_title")) if v)
        event.add("summary", f"Deadline: {title or 'vacancy notice'}")
        if "T" in deadline:
            moment = closing_moment(deadline)
            assert moment is not None
            from zoneinfo import ZoneInfo

            local = moment.astimezone(ZoneInfo("Europe/Brussels"))
            event.add("dtstart", local)
            event.add("dtend", local)
        else:
            day = dt.date.fromisoformat(deadline)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
        details = [f"{k}: {record[k]}" for k in ("institution", "dg", "contract_type", "deadline_text") if record.get(k)]
        contacts = record.get("contacts") or []
        if contacts:
            details.append("contacts: " + ", ".join(contacts))
        event.add("description", "\n".join(details))
        places = record.get("place_of_employment") or []
        if places:
            event.add("location", ", ".join(places))
        cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())

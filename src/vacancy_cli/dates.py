"""Day-first dates, times and time zones as printed in notices (EN/FR/DE). Pure, no clock."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .lexicon import months

BRUSSELS = "Europe/Brussels"

_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, months()), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)\d?(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)"
DATE_PATTERNS = [
    re.compile(r"(?<![\d./-])" + _DAY + r"\s?[./-]\s?(?P<mnum>[01]?\d)\s?[./-]\s?" + _YEAR),
    re.compile(r"(?<![\d./-])" + _DAY + r"\s?[./]\s?(?P<mnum>[01]?\d)\s?[./]\s?(?P<yy>\d\d)(?![\d./])"),
    re.compile(r"(?<!\d)" + _DAY + r"(?:st|nd|rd|th|er|e|\.)?\s*(?:of\s+|de\s+)?" + _MONTH + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+" + _YEAR, re.I),
    re.compile(r"(?<![\d/])(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
]

_TIME = re.compile(
    r"(?<![\d./:])(?P<h>[01]?\d|2[0-4])\s?(?:[:.hH]\s?(?P<m>[0-5]\d)|\s?h(?![a-z])|(?=\s?(?:am|pm|a\.m\.|p\.m\.))"
    r"|(?=\s?(?:heures?|uhr|hours|o'clock)\b))"
    r"(?:\s?(?P<ampm>am|pm|a\.m\.|p\.m\.))?(?!\s?[./-]\s?\d)(?:\s?(?:hrs|hours|heures|uhr))?",
    re.I,
)
_NOON = re.compile(r"\b(?:noon|midday|mid-day|midi|mittags?)\b", re.I)
_MIDNIGHT = re.compile(r"\b(?:midnight|minuit|mitternacht)\b", re.I)
_ZONE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:CES?T|MES?Z|brussels\s+(?:local\s+)?time|central\s+european\s+(?:summer\s+)?time|heure\s+(?:de\s+bruxelles|belge)|brüsseler\s+zeit)\b", re.I), BRUSSELS),
    (re.compile(r"\b(?:EES?T|eastern\s+european\s+(?:summer\s+)?time)\b", re.I), "EET"),
    (re.compile(r"\b(?:WES?T|western\s+european\s+(?:summer\s+)?time)\b", re.I), "Europe/Lisbon"),
]
_NAMED_ZONE = re.compile(r"\b(?P<place>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s*(?:\(?local\)?\s+)?time\b|heure\s+(?:locale\s+)?(?:de\s+|d')(?P<fr>[A-Z][\w'-]+)|(?P<de>[A-Z][\w'-]+)er\s+(?:Orts)?zeit")
_LOCAL_TIME = re.compile(r"\blocal\s+time\b|\bheure\s+locale\b|\bOrtszeit\b", re.I)
_UTC = re.compile(r"\b(?:UTC|GMT)\s*(?:(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d\d))?)?", re.I)


@dataclass(frozen=True)
class DateHit:
    """A date found in a text, with its span."""

    date: dt.date
    start: int
    end: int


def find_dates(text: str) -> list[DateHit]:
    """Every valid day-first date in the text, in order, without overlaps."""
    hits: list[DateHit] = []
    taken = bytearray(len(text))  # characters already part of a date
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            parts = m.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else months().get(parts["month"].lower().rstrip("."), 0)
            year = int(parts["year"]) if parts.get("year") else 2000 + int(parts["yy"])
            try:
                hits.append(DateHit(dt.date(year, month, int(parts["day"])), m.start(), m.end()))
            except ValueError:
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(hits, key=lambda h: h.start)


@dataclass(frozen=True)
class TimeOfDay:
    """A clock time, `next_day` for midnight at the end of the date."""

    hour: int
    minute: int
    next_day: bool = False


def find_time(text: str) -> TimeOfDay | None:
    """The first clock time stated in a phrase (`12:00`, `23.00`, `noon`, `4 pm`, `12h00`, `midnight`)."""
    if _MIDNIGHT.search(text):
        return TimeOfDay(0, 0, next_day=True)
    for m in _TIME.finditer(text):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        ampm = (m.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if not m.group("m") and not ampm and not re.search(r"h|uhr|o'clock", m.group(0), re.I):
            continue
        if hour == 24 and minute == 0:
            return TimeOfDay(0, 0, next_day=True)
        if hour <= 23:
            return TimeOfDay(hour, minute)
    if _NOON.search(text):
        return TimeOfDay(12, 0)
    return None


def find_zone(text: str, default: str, city_zone: dict[str, str]) -> str | dt.tzinfo:
    """The time zone a phrase names; `default` (the place of employment's) when it names none."""
    for pattern, zone in _ZONE_WORDS:
        if pattern.search(text):
            return _eet_like(default) if zone == "EET" else zone
    m = _UTC.search(text)
    if m:
        if not m.group("sign"):
            return dt.timezone.utc
        offset = dt.timedelta(hours=int(m.group("h")), minutes=int(m.group("m") or 0))
        return dt.timezone(offset if m.group("sign") == "+" else -offset)
    for m in _NAMED_ZONE.finditer(text):
        name = m.group("place") or m.group("fr") or m.group("de") or ""
        if not name:
            continue
        for candidate in (name, name.split()[-1]):
            city_tz = city_zone.get(candidate.casefold())
            if city_tz:
                return city_tz
    return default


def _eet_like(default: str) -> str:
    """`EET` is the place of employment's zone when that zone keeps EET, else Athens."""
    probe = dt.datetime(2026, 1, 15, tzinfo=ZoneInfo(default)).utcoffset()
    return default if probe == dt.timedelta(hours=2) else "Europe/Athens"


def to_iso(day: dt.date, time: TimeOfDay | None, zone: str | dt.tzinfo) -> str:
    """`2026-05-14` for a date, or the date-time with its UTC offset on that date in that zone."""
    if time is None:
        return day.isoformat()
    if time.next_day:
        day = day + dt.timedelta(days=1)
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    return dt.datetime(day.year, day.month, day.day, time.hour, time.minute, tzinfo=tz).isoformat()

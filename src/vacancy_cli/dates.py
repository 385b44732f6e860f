"""Dates, times and time zones as printed in notices, in every EU language. Pure, no clock.

The shapes (day-first, year-first, numeric) are structural regexes here; the words (months, date
particles, hour words, `noon`, zone names) come from the lexicons, compiled on first use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, available_timezones

from . import lexicon, regex_cache

BRUSSELS = "Europe/Brussels"
LOCAL = "local"  # the zones key of `local time` words
EET_LIKE = "EET"  # the zones key of `EET`, `Eastern European time` words

_YEAR = r"(?P<year>(?:19|20)\d\d)\d?(?!\d)"  # `2017 2` or `20171` (a footnote glued to the year) -> 2017
_DAY = r"(?P<day>[0-3]?\d)"


@cache
def _date_words() -> tuple[str, str, str]:
    """(ordinal, joiner, year suffix): the word parts of the date shapes but the month."""
    ordinal = r"(?:" + lexicon.alternation("time", "day_suffix") + r")?"
    joiner = r"(?:(?:" + lexicon.alternation("time", "date_joiner") + r")\s*)?"
    year_suffix = r"(?:\s?(?:" + lexicon.alternation("time", "year_suffix") + r")(?!\w))?"
    return ordinal, joiner, year_suffix


def _shape(index: int, month: str = "") -> tuple[str, int]:
    """The regex and flags of one date shape, most specific first; `month` is the month slot of shapes 2 to 5."""
    ordinal, joiner, year_suffix = _date_words() if index in _NAMED_MONTH else ("", "", "")
    return (
        # 03.03.2025, 3/3/2025, 3-3-2025
        (r"(?<![\d./-])" + _DAY + r"\s?[./-]\s?(?P<mnum>[01]?\d)\s?[./-]\s?" + _YEAR, 0),
        # 03.03.25
        (r"(?<![\d./-])" + _DAY + r"\s?[./]\s?(?P<mnum>[01]?\d)\s?[./]\s?(?P<yy>\d\d)(?![\d./])", 0),
        # 3 March 2025, 3rd of March 2025, 3 de marzo de 2025, 3 d. kovo 2025 m., 3 ta' Marzu 2025
        (r"(?<!\d)" + _DAY + ordinal + r"\s*" + joiner + month + r",?\s+" + joiner + _YEAR + year_suffix, re.I),
        # March 3, 2025
        (r"(?<![\w])" + month + r"\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+" + _YEAR, re.I),
        # 2025. március 3., 2025 m. kovo 3 d.
        (r"(?<![\d./-])" + _YEAR + r"\.?\s*" + joiner + month + r"\s+" + _DAY + ordinal + r"(?![\d])", re.I),
        # 2025. gada 3. martā
        (r"(?<![\d./-])" + _YEAR + r"\.?\s*" + joiner + _DAY + r"\.\s*" + month, re.I),
        # 2025-03-03
        (r"(?<![\d/])(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])", 0),
    )[index]


_NAMED_MONTH = range(2, 6)  # the shapes with a month name
_SHAPES = range(7)
_MONTH_FIRST = 3  # the shape `March 3, 2025`
# What every text in that shape holds after its month name, from the run of digits of its day (` 3, 2025`): rare
# in notices, so the shape's long pattern (every month name of every language) is compiled only for a text that
# holds it. Matched where runs of digits start (`_has_day_year`): quicker than a search along the text.
_DAY_YEAR = regex_cache.compile(r"(?<=\s)[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d", re.I)


@cache
def _date_pattern(index: int) -> re.Pattern[str]:
    """One date shape, compiled on first use; its month slot takes any word (`_shape_matches` tells month names)."""
    return regex_cache.compile(*_shape(index, _any_month()))


@cache
def _any_month() -> str:
    """A month slot for any word, or two when the second is that of a two-word month name (`meán fómhair`)."""
    second = {name.split(" ", 1)[1] for name in lexicon.months() if " " in name}
    words = r"(?: (?:" + "|".join(lexicon.longest_first(map(re.escape, second))) + r"))?" if second else ""
    return r"(?P<month>[^\W\d_]{3,}" + words + r")\.?"  # every month name has three letters or more (`lexicon.months`)


@cache
def _named_pattern(index: int) -> re.Pattern[str]:
    """One date shape with every month name in its month slot, longest first (kept by `regex_cache`)."""
    month = r"(?P<month>" + lexicon.union(lexicon.longest_first(map(re.escape, lexicon.months()))) + r")\.?"
    return regex_cache.compile(*_shape(index, month))


def _shape_matches(index: int, text: str, runs: list[int]) -> list[re.Match[str]]:
    """The matches of a date shape, as the shape with every month name (longest first) in its month slot finds them.

    `_date_pattern` takes any word there instead, and is quicker to run: a regex tries a word's lengths
    longest first, as it tries the month names, so while each word matched is a month name the matches
    are the same. When one is not (`5 of Regulation 2019`), the shape is matched with the month names.
    `runs` are where the text's runs of digits start (`_digit_runs`).
    """
    matches = _finditer(_date_pattern(index), index, text, runs)
    if index not in _NAMED_MONTH or all(_is_month(m.group("month")) for m in matches):
        return matches
    return _finditer(_named_pattern(index), index, text, runs)


def _digit_runs(text: str) -> list[int]:
    """Where the text's runs of digits start: the only places a date shape but `March 3, 2025` may match."""
    return [m.start() for m in _DIGIT_RUN.finditer(text)]


def _finditer(pattern: re.Pattern[str], index: int, text: str, runs: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for the date shape `index`, the shape's own pattern or its month names' one.

    Every shape but `March 3, 2025` starts with its day or year, after a look-behind that no digit passes:
    its matches can start only where a run of digits does. Matched at those places only, each from the end
    of the last match on as `finditer` goes, it finds the same matches; `finditer` tries every place of the
    text, the look-behind first (a pattern opening with one gets no quick skip to its first character).
    """
    if index == _MONTH_FIRST:
        return list(pattern.finditer(text))
    matches: list[re.Match[str]] = []
    end = 0
    for start in runs:
        if start < end:
            continue  # inside the last match
        m = pattern.match(text, start)  # the look-behind still sees the text before `start`
        if m is not None:
            matches.append(m)
            end = m.end()
    return matches


def _is_month(word: str) -> bool:
    """Is a word one of the month names, as they match ignoring case (`MARCH`, `März`)?"""
    lower = word.lower()
    return len(lower) == len(word) and lower in lexicon.months()


@dataclass(frozen=True)
class DateHit:
    """A date found in a text, with its span."""

    date: dt.date
    start: int
    end: int


def find_dates(text: str) -> list[DateHit]:
    """Every valid date in the text, in order, without overlaps."""
    return list(_dates_in(text)) if _DIGIT.search(text) else []  # every date shape has digits


_DIGIT = regex_cache.compile(r"\d")
_DIGIT_RUN = regex_cache.compile(r"\d+")
_FULL_YEAR = regex_cache.compile(r"(?:19|20)\d\d")
_HOUR_LETTER = regex_cache.compile(r"h", re.I)  # `12h`, `12 H`: a bare number with it is a time


@lru_cache(maxsize=4096)
def _dates_in(text: str) -> tuple[DateHit, ...]:
    """`find_dates`, remembered: the deadline reader looks at the same lines and phrases several times."""
    hits: list[DateHit] = []
    taken = bytearray(len(text))  # characters already part of a date
    full_year = _FULL_YEAR.search(text) is not None
    runs = _digit_runs(text)
    for index in _SHAPES:
        if index != 1 and not full_year:
            continue  # the shapes with a `year` group (all but `03.03.25`) need `19xx` or `20xx`, which the text lacks
        if index == _MONTH_FIRST and not _has_day_year(text, runs):
            continue
        for m in _shape_matches(index, text, runs):
            if any(taken[m.start() : m.end()]):
                continue
            hit = _hit(m)
            if hit is not None:
                hits.append(hit)
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return tuple(sorted(hits, key=lambda h: h.start))


def _has_day_year(text: str, runs: list[int]) -> bool:
    """Does a day then a year follow a space where one of these runs of digits starts (`_DAY_YEAR`)?"""
    return any(_DAY_YEAR.match(text, start) for start in runs)


def _hit(m: re.Match[str]) -> DateHit | None:
    parts = m.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _month(m)
    year = int(parts["year"]) if parts.get("year") else 2000 + int(parts["yy"])
    try:
        return DateHit(dt.date(year, month, int(parts["day"])), m.start(), m.end())
    except ValueError:
        return None


def _month(m: re.Match[str]) -> int:
    """The month a name means; where languages disagree, a dot after the day tells (`5. listopada` October, `5 listopada` November)."""
    name = m.group("month").lower().rstrip(".")
    dotted = m.string[m.end("day") : m.end("day") + 1] == "."
    return _month_by_day_dot()[dotted].get(name) or lexicon.months().get(name, 0)


@cache
def _month_by_day_dot() -> dict[bool, dict[str, int]]:
    """Month names that the languages writing the day with a dot (lexicon `time.day_suffix`) read otherwise than the others."""
    readings: dict[bool, dict[str, int]] = {True: {}, False: {}}
    for language, data in lexicon.lexicons().items():
        dotted = "\\." in data.get("time", {}).get("day_suffix", [])
        for number, name in enumerate(lexicon.cldr()["months"][language]["format"]["wide"], start=1):
            readings[dotted].setdefault(name.lower(), number)
    return {
        dotted: {name: number for name, number in table.items() if readings[not dotted].get(name, number) != number}
        for dotted, table in readings.items()
    }


@dataclass(frozen=True)
class TimeOfDay:
    """A clock time, `next_day` for midnight at the end of the date."""

    hour: int
    minute: int
    next_day: bool = False
    second: int = 0


def _four_digits(words: str) -> str:
    """Where the minutes follow a two-digit hour with no mark: before an hour word only (`1600 hrs`, not `2026`)."""
    return r"(?<=\d\d)(?=[0-5]\d\s?(?:" + words + r")(?!\w))"


@cache
def time_pattern() -> re.Pattern[str]:
    """A clock time: `12:00`, `23.59.59`, `12h00`, `1600 hrs`, `4 pm`, `12 Uhr`, `12 uur`, `kl. 12`."""
    words = lexicon.alternation("time", "hour_word")
    return regex_cache.compile(
        r"(?<![\d./:,])(?P<h>[01]?\d|2[0-4])\s?(?:(?:[:.hH]\s?|" + _four_digits(words) + r")(?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?"
        r"|\s?h(?![a-z])"
        r"|(?=\s?(?:am|pm|a\.m\.|p\.m\.))|(?=\s?(?:" + words + r")(?!\w)))"
        r"(?:\s?(?P<ampm>am|pm|a\.m\.|p\.m\.))?(?!\s?[./-]\s?\d)(?:\s?(?P<word>" + words + r")(?!\w))?",
        re.I,
    )


def find_time(text: str) -> TimeOfDay | None:
    """The first clock time stated in a phrase (`12:00`, `23.00`, `noon`, `4 pm`, `12h00`, `midnight`)."""
    if lexicon.pattern("time", "midnight").search(text):
        return TimeOfDay(0, 0, next_day=True)
    for m in time_pattern().finditer(text):
        found = _clock(m)
        if found is not None:
            return found
    if lexicon.pattern("time", "noon").search(text):
        return TimeOfDay(12, 0)
    return None


def _clock(m: re.Match[str]) -> TimeOfDay | None:
    hour, minute, second = int(m.group("h")), int(m.group("m") or 0), int(m.group("s") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if not m.group("m") and not ampm and not m.group("word") and not _HOUR_LETTER.search(m.group(0)):
        return None  # a bare number is not a time
    if hour == 24 and minute == 0:
        return TimeOfDay(0, 0, next_day=True)
    return TimeOfDay(hour, minute, second=second) if hour <= 23 else None


@cache
def _zone_words() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, zone key) for every key of the `zones` lexicon section."""
    return [(lexicon.pattern("zones", key), key) for key in lexicon.keys("zones") if key != "time_word"]


@cache
def _place_time() -> re.Pattern[str]:
    """A capitalised name next to a time word: `Warsaw local time`, `(Heraklion, Greece local time)`, `heure de Paris`."""
    word = r"(?:" + lexicon.alternation("zones", "time_word") + r")"
    name = r"(?P<{}>(?-i:[A-ZÀ-ÞĀ-Ž][\w'’-]+(?:\s[A-Z][\w'’-]+)?))"
    return regex_cache.compile(
        r"(?<!\w)" + name.format("before") + r"[\s,()A-Za-z]{0,25}?" + word + r"(?!\w)"
        r"|(?<!\w)" + word + r"[\s,()a-z'’]{0,20}?" + name.format("after"),
        re.I,
    )


_UTC = regex_cache.compile(r"\b(?:UTC|GMT)\s*(?:(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d\d))?)?", re.I)


def find_zone(
    text: str, default: str, local: str | None = None, city_zone: Callable[[str], str | None] | None = None
) -> str | dt.tzinfo:
    """The zone a phrase names first; `local` for `local time` (else `default`); `default` when it names none.

    `default` is the place of employment's zone (else Brussels), `local` the body's seat zone when no place is stated.
    """
    hits = sorted(_zone_hits(text, city_zone or _iana_city), key=lambda hit: hit[0])
    if not hits:
        return default
    zone = hits[0][1]
    if zone == LOCAL:
        return local or default
    if zone == EET_LIKE:
        return _eet_like(local or default)
    return zone


def names_zone(text: str) -> bool:
    """Does the phrase name a time zone (`CET`, `Brussels time`, `heure locale`, `UTC+2`)?"""
    return bool(_zone_hits(text, _iana_city))


def _zone_hits(text: str, city_zone: Callable[[str], str | None]) -> list[tuple[int, str | dt.tzinfo]]:
    """(position, zone) of every zone the text names: zone words, UTC offsets, a place's time."""
    hits: list[tuple[int, str | dt.tzinfo]] = []
    for pattern, key in _zone_words():
        hits += [(m.start(), key) for m in pattern.finditer(text)]
    for m in _UTC.finditer(text):
        offset = _utc(m)
        if offset is not None:
            hits.append((m.start(), offset))
    for m in _place_time().finditer(text):
        name = m.group("before") or m.group("after")
        for candidate in (name, name.split()[0], name.split()[-1]):
            zone = city_zone(candidate) or _iana_city(candidate)
            if zone:
                hits.append((m.start() - 1, zone))  # a place's own time beats the `local time` words it contains
                break
    return hits


def _utc(m: re.Match[str]) -> dt.tzinfo | None:
    """`UTC`, `GMT+2`, `UTC-03:30`; None for an offset no zone has (`UTC+25`, `UTC+23:99`)."""
    if not m.group("sign"):
        return dt.timezone.utc
    hours, minutes = int(m.group("h")), int(m.group("m") or 0)
    if hours > 14 or minutes > 59:
        return None
    offset = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(offset if m.group("sign") == "+" else -offset)


@cache
def _iana_cities() -> dict[str, str]:
    """`london` -> `Europe/London`: European cities that name an IANA zone."""
    return {key.split("/")[1].replace("_", " ").casefold(): key for key in available_timezones() if key.startswith("Europe/")}


def _iana_city(name: str) -> str | None:
    return _iana_cities().get(name.casefold())


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
    return dt.datetime(day.year, day.month, day.day, time.hour, time.minute, time.second, tzinfo=tz).isoformat()

"""The deadline: labelled or stated dates, reconciled; extensions; "no deadline".

The cue words (`deadline`, `date limite`, `Bewerbungsfrist`, ...) are the `deadline` section of the
lexicons; the shapes of dates, times and zones are in `dates.py`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from .. import lexicon, regex_cache
from ..dates import BRUSSELS, TimeOfDay, find_dates, find_time, find_zone, names_zone, time_pattern, to_iso
from ..document import Line
from ..registry import registry
from .base import Confidence, Context, Found, labelled
from .shapes import POST_ID, post_id
from .shapes import sentences as split_sentences

_DIGIT = regex_cache.compile(r"\d")
_NEAR = 100  # a cue this many characters before a date states that date
_SENTENCE_TAIL = 80  # the end of a text that says whether its last dot ends a sentence (`bis 15.`, `12 val.`)
_ATTACHED = 80  # an application word this many characters around a weak cue makes it a deadline cue
_OTHER_DATE_BEFORE = 80  # another date's word (`published`, `valid`) up to this many characters before a weak cue rules it out
_AMPM_AT_END = regex_cache.compile(r"\d\s?[ap]\.m\.$", re.I)  # `11:59 p.m.`: its dot ends no sentence
_STOPS = (".", ";", ":", "!", "?")  # a line ending with one of these (then spaces) ends its sentence
_NEXT_SENTENCE = regex_cache.compile(r"[.;]\s+[A-Z]")  # `... 2026. Applications`
_ORDINAL_AT_END = regex_cache.compile(r"(?:^|\s)\d{1,2}\.$")  # `bis 15.`: its dot ends no sentence
_WORD_CHAR = regex_cache.compile(r"\w")


@cache
def _cue(key: str) -> re.Pattern[str]:
    """The `deadline.<key>` words of every language, also run together with the words around (`20118Deadline for`).

    These patterns are searched along whole lines: inside a word the capital is tested first, the test that fails there."""
    start = r"(?:(?<!\w)|(?-i:(?=[A-Z]))(?<=[\da-z]))"
    end = r"(?:(?!\w)|(?-i:(?=[A-Z])))"
    return regex_cache.compile(start + r"(?:" + lexicon.alternation("deadline", key) + r")" + end, re.I)


@dataclass(frozen=True)
class Statement:
    """One statement of the deadline."""

    date: dt.date
    time: TimeOfDay | None
    zone_text: str
    text: str
    line: Line
    labelled: bool
    extension: bool
    before: str
    near: bool = True  # a cue stands right before the date (prose only)
    strong: bool = True  # that cue is a strong one (`closing date`), not `before` with an application word


def _statements(text: str, line: Line, is_labelled: bool) -> list[Statement]:
    """Dates stated in a text, each with the time and zone words that follow (or precede) it."""
    dates = find_dates(text)
    strong = [m.end() for m in _cue("strong_cue").finditer(text)]
    cues = sorted(strong + [m.end() for m in _weak_cues(text)])
    out = []
    for i, hit in enumerate(dates):
        end = dates[i + 1].start if i + 1 < len(dates) else min(len(text), hit.end + 80)
        after = _clause(text[hit.end : end])
        before = text[max(0, hit.start - 40, dates[i - 1].end if i else 0) : hit.start]
        time = find_time(after) or _time_before(before)
        extension = bool(_cue("extension").search(text[max(0, hit.start - 40) : hit.start]))
        phrase = (text[hit.start : hit.end] + after[: _phrase_end(after)]).strip(" ,;") if time else text[hit.start : hit.end]
        near = _cue_before(cues, hit.start)
        is_strong = _cue_before(strong, hit.start)
        out.append(
            Statement(hit.date, time, before + after, phrase, line, is_labelled, extension, before, near, is_strong)
        )
    return out


def _cue_before(cue_ends: list[int], start: int) -> bool:
    """Does a cue (of these sorted end positions) end within `_NEAR` characters before `start`?"""
    i = bisect.bisect_right(cue_ends, start)
    return i > 0 and start - cue_ends[i - 1] <= _NEAR


def _weak_cues(text: str) -> list[re.Match[str]]:
    """Weak cues attached to an application word: `applications must be sent before`, `Hakemukset ... mennessä`.

    Not `candidates must have obtained their degree before` nor `start work before`: no application word.
    """
    apply = _cue("apply")
    return [
        m
        for m in _cue("weak_cue").finditer(text)
        if apply.search(text, max(0, m.start() - _ATTACHED), m.start()) or apply.search(text, m.end(), m.end() + _ATTACHED)
    ]


def _weak_cue_clear(sentence: str, not_deadline: re.Pattern[str]) -> bool:
    """A weak cue with no other date's word from shortly before it up to the date after it (`Publication ... until`,
    `valid until`, `Before applying, read the rules published in the OJ of 1 March`), in a sentence that may run on
    past that date (`Applications must be received by 19 June ... Reserve list valid until ...`)."""
    starts = [hit.start for hit in find_dates(sentence)]
    for m in _weak_cues(sentence):
        i = bisect.bisect_left(starts, m.end())
        if not not_deadline.search(sentence, max(0, m.start() - _OTHER_DATE_BEFORE), starts[i] if i < len(starts) else len(sentence)):
            return True
    return False


def _clause(after: str) -> str:
    """The text after a date up to the end of its sentence; `12 val. Briuselio laiku` goes on after an hour word."""
    for m in _NEXT_SENTENCE.finditer(after):
        if not _sentence_goes_on(after[: m.start() + 1]):
            return after[: m.start() + 1]
    return after


@cache
def _hour_word_at_end() -> re.Pattern[str]:
    """An abbreviated hour word after a time ends the text (`12 val.`, `12:00 ч.`)."""
    short = [lexicon.fragment(t) for t in lexicon.terms("time", "hour_word") if t.endswith("\\.")]
    return regex_cache.compile(r"\d\s?(?:" + "|".join(short or [r"(?!)"]) + r")$", re.I)


def _timed_by_next_sentence(st: Statement, following: str) -> Statement:
    """`The closing date is 19 March 2026. Registration closes at 12:00 noon, Brussels time.`"""
    if st.time is not None or find_dates(following):
        return st
    if not (_cue("strong_cue").search(following) or _cue("apply").search(following)):
        return st
    time = find_time(following)
    if time is None:
        return st
    return replace(st, time=time, zone_text=st.zone_text + " " + following)




def _own_rows(statements: list[Statement], reference: object) -> list[Statement]:
    """In an SNE batch, dates on other posts' cover rows are not this notice's deadline."""
    if not isinstance(reference, str):
        return statements
    others: dict[int, bool] = {}  # per line: does it name another post? (computed once per line)
    for s in statements:
        if id(s.line) not in others:
            others[id(s.line)] = any(post_id(m) != reference for m in POST_ID.finditer(s.line.text))
    return [s for s in statements if s.labelled or not others[id(s.line)]]


@cache
def _phrase_part() -> re.Pattern[str]:
    """A time or zone word after a date: `- 23.00 (Brussels time)`, `à midi (heure de Bruxelles)`."""
    words = "|".join(
        f"(?:{lexicon.alternation(section, key)})"
        for section, key in (("time", "noon"), ("time", "midnight"), ("time", "hour_word"), ("zones", None))
    )
    return regex_cache.compile(time_pattern().pattern + r"|(?<!\w)(?:" + words + r")(?!\w)|\bUTC\b|\bGMT\b|\)", re.I)


def _phrase_end(after: str) -> int:
    """Where the time and zone words after a date end (`- 23.00 (Brussels time)`)."""
    ends = [m.end() for m in _phrase_part().finditer(after)]
    return max(ends) if ends else 0


@cache
def _time_at_end() -> re.Pattern[str]:
    """A time right before a date: `23:59 CET on 15 May`, `midnight (Brussels time) on 30 April`."""
    words = lexicon.alternation("time", "noon") + "|" + lexicon.alternation("time", "midnight")
    clock = r"\d{1,2}\s?[:.h]\s?\d{2}(?:[:.]\d{2})?\s?(?:h|hrs|hours)?|\d{1,2}\s?(?:am|pm|h)"
    return regex_cache.compile(r"(?<![\w.:])(" + clock + r"|(?<!\w)(?:" + words + r")(?!\w))[^\d]{0,40}$", re.I)


def _time_before(before: str) -> TimeOfDay | None:
    m = _time_at_end().search(before)
    return find_time(m.group(0)) if m else None


def _sentence_goes_on(head: str) -> bool:
    """Does the text go on after its last dot: an ordinal day (`bis 15.`), an hour word (`12 Uhr.`, `godz.`)
    or a time's `a.m.`/`p.m.` (`11:59 p.m. EET`)?"""
    head = head[-_SENTENCE_TAIL:]  # what decides is at the end: never rescan a long text
    return bool(_ORDINAL_AT_END.search(head) or _hour_word_at_end().search(head) or _AMPM_AT_END.search(head))


def extract_deadline(
    ctx: Context, default_zone: str | None, seat_zone: str | None = None
) -> tuple[Found[str] | None, str | None]:
    """(deadline as ISO 8601, the phrase it was read from). Labelled beats prose; extensions win.

    `default_zone` is the place of employment's zone; `seat_zone` the body's seat's, for `local time`
    when no place is stated.
    """
    # A permanent call (`no deadline`): looked for only when a rule needs to know, it scans every line.
    permanent = cache(lambda: any(_cue("no_deadline").search(line.text) for line in ctx.doc.lines))
    labelled_lines: set[int] = set()
    statements = _labelled_statements(ctx, labelled_lines)
    statements += _prose_statements(ctx, labelled_lines, permanent)
    statements = _own_rows(statements, ctx.value("reference"))
    if not statements:
        found = _cover_row(ctx) or _bare_date_time(ctx, default_zone or BRUSSELS)
        if found is None and not permanent():
            ctx.warn("deadline: not found")
        return found, found.match if found else None
    chosen = _choose(ctx, statements)
    zone = find_zone(chosen.zone_text, default_zone or BRUSSELS, default_zone or seat_zone, registry().timezone_of_city)
    iso = to_iso(chosen.date, chosen.time, zone)
    confidence: Confidence = "high" if chosen.labelled else "medium"
    return Found(iso, chosen.line, confidence, chosen.text), chosen.text


def _labelled_statements(ctx: Context, labelled_lines: set[int]) -> list[Statement]:
    """Dates after a deadline label, and on the line right after it when that line goes on with a date, or
    holds the date a label with an annotation left for it (`Closing date (Brussels time) :` / `08/12/2031 13:00`)."""
    not_deadline = _cue("not_deadline")
    out: list[Statement] = []
    lines = ctx.doc.lines
    for hit in labelled(ctx.doc, "deadline"):
        labelled_lines.add(id(hit.line))
        found = _statements(hit.value, hit.line, True)
        nxt = lines[hit.index + 1] if hit.index + 1 < len(lines) else None
        if nxt is not None and not nxt.cells and (_starts_with_date(nxt.text) or (found and _extends(nxt.text))):
            # `Extended until 15 September` / `31 July at 23:59 EEST`; `*** EXTENDED until 14.07.2026 ***`
            found += _statements(nxt.text, nxt, True)
        out += [st for st in found if not not_deadline.search(st.before)]
    return out


def _extends(text: str) -> bool:
    """A line that opens with an extension of the deadline above it (`*** VERLÄNGERT bis 14.07.2026 ***`)."""
    dates = find_dates(text[:_NEAR])
    return bool(dates) and bool(_cue("extension").search(text[: dates[0].start]))


def _starts_with_date(text: str) -> bool:
    dates = find_dates(text[:40])
    return bool(dates) and _opens_date(text[: dates[0].start], " \t-–•|")


@cache
def _weekday() -> re.Pattern[str]:
    """A weekday name then marks (`Friday, `, `vendredi `): the lexicon's `time.weekday` words."""
    return regex_cache.compile(r"(?:" + lexicon.alternation("time", "weekday") + r")\W*", re.I)


def _opens_date(before: str, marks: str) -> bool:
    """Only `marks`, a weekday name or a time before a date: the date opens its text (`– 1 May`, `Friday, 1 May`,
    `23:59 on 1 May`)."""
    rest = before.strip(marks)
    return not rest or _weekday().fullmatch(rest) is not None or _time_at_end().fullmatch(rest) is not None


def _prose_statements(ctx: Context, labelled_lines: set[int], permanent: Callable[[], bool]) -> list[Statement]:
    """Dates in sentences with a deadline cue (`must be sent by`, `au plus tard le`), a sentence may go on on the next line."""
    strong, not_deadline = _cue("strong_cue"), _cue("not_deadline")
    out: list[Statement] = []
    lines = ctx.doc.lines
    for index, line in enumerate(lines):
        if id(line) in labelled_lines and line.cells:
            continue
        text = _joined(line, lines[index + 1] if index + 1 < len(lines) else None)
        if not _DIGIT.search(text):
            continue  # every date has digits
        sentences = split_sentences(text, ".;!?", _sentence_goes_on)  # not after `15.` nor `12 val.`
        for i, sentence in enumerate(sentences):
            if not find_dates(sentence):
                continue  # no date to state (told before the cues are looked for: most sentences with digits have none)
            if not strong.search(sentence) and (not _weak_cue_clear(sentence, not_deadline) or permanent()):
                # No cue; or only a weak one in a permanent call: `registered before 1 March` is not a deadline.
                # The sentence is told first: `permanent` scans every line of the notice, and few sentences have a weak cue.
                continue
            following = sentences[i + 1] if i + 1 < len(sentences) else ""
            for st in _statements(sentence, line, False):
                if not_deadline.search(st.before) and not strong.search(st.before):
                    continue
                out.append(_timed_by_next_sentence(st, following))
    return out


def _joined(line: Line, nxt: Line | None) -> str:
    """A line, with the next one when the sentence runs on to it and the line has no date (`no later than` / `15 March`),
    or when a line with a strong cue introduces it (`Deadline to apply:` / `17/09/2026 23:59`)."""
    if nxt is None or line.cells or nxt.cells or not _DIGIT.search(nxt.text, 0, 40):
        return line.text  # the next line does not start with a date (dates have digits): checked first, it is cheap
    end = line.text.rstrip()[-1:]  # `rstrip` strips what `\s` matches
    if (end in _STOPS and end != ":") or find_dates(line.text) or not _starts_with_date(nxt.text):
        return line.text  # the date is told before the cues: few next lines start with one, and it reads 40 characters only
    if not (_cue("strong_cue").search(line.text) or (end != ":" and _cue("weak_cue").search(line.text))):
        return line.text  # after a `:`, a strong cue only (`Deadline to apply:` / `17/09/2026 23:59`)
    return line.text + " " + nxt.text


def _choose(ctx: Context, statements: list[Statement]) -> Statement:
    """Extensions win; else labelled beats prose; a statement with a time refines the same date."""
    extensions = [s for s in statements if s.extension]
    if extensions:
        new = extensions[-1]
        if new.time is None:
            timed = next((s for s in statements if s.time is not None and not s.extension), None)
            if timed is not None:
                return replace(new, time=timed.time, zone_text=timed.zone_text)
        return new
    near = [s for s in statements if s.near]
    ranked = [s for s in statements if s.labelled] or [s for s in near if s.strong] or near or statements
    best = ranked[0]  # the first labelled one, else the first with a strong cue, then any cue, right before it
    if best.time is None:
        same_day = [s for s in statements if s.date == best.date and s.time is not None]
        if same_day:
            best = replace(same_day[0], labelled=best.labelled, extension=False)
    others = sorted({s.date for s in statements if s.labelled == best.labelled and s.near and s.date != best.date})
    if others:
        ctx.warn(f"deadline: other dates are stated as deadlines too ({', '.join(d.isoformat() for d in others)})")
    return best


_REF_LABEL = regex_cache.compile(r"(?:post\s+identification|ref(?:erence)?)\s*\W{0,3}$", re.I)  # `Ref.: AGRI-D-1`


def _cover_row(ctx: Context) -> Found[str] | None:
    """SNE batch files: the notice's deadline may be only in the cover table row of its reference (`AGRI-D-1 27.04.2020`)."""
    reference = ctx.value("reference")
    if not isinstance(reference, str):
        return None
    for line in ctx.doc.lines:
        for m in re.finditer(re.escape(reference), line.text):
            if _REF_LABEL.search(line.text[: m.start()]):
                continue
            rest = line.text[m.end() :]
            if _starts_with_date(rest):
                date = find_dates(rest)[0]
                return Found(date.date.isoformat(), line, "medium", rest[date.start : date.end])
    return None


def _bare_date_time(ctx: Context, default_zone: str) -> Found[str] | None:
    """A line that is only a date with a time and a zone (`1 October 2026 – 12.00 noon (Brussels time)`), its label lost.

    The zone is required: a printing date and time (`03/12/2026 10:45`) is not a deadline.
    """
    for line in ctx.doc.lines:
        dates = find_dates(line.text)
        if len(dates) != 1 or not _opens_date(line.text[: dates[0].start], " \t-–•"):
            continue
        after = line.text[dates[0].end :]
        time = find_time(after)
        if time is None or not names_zone(after) or _WORD_CHAR.search(after[_phrase_end(after) :]):
            continue
        zone = find_zone(after, default_zone, city_zone=registry().timezone_of_city)
        phrase = line.text[dates[0].start :].strip()
        return Found(to_iso(dates[0].date, time, zone), line, "low", phrase)
    return None

"""The deadline: labelled or stated dates, reconciled; extensions; "no deadline"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import BRUSSELS, TimeOfDay, find_dates, find_time, find_zone, to_iso
from ..document import Line
from ..registry import registry
from .base import Context, Found, labelled

_STRONG_CUE = re.compile(
    r"\bdeadline|closing\s+date|\bno\s+later\s+than|\bnot\s+later\s+than|express\s+(?:your\s+)?interest\s+(?:until|by|before)"
    r"|date\s+limite|au\s+plus\s+tard|délai|bewerbungsfrist|bewerbungsschluss|spätestens|einsendeschluss|\bfrist\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_WEAK_CUE = re.compile(r"\b(?:by|until|before|jusqu'au|avant\s+le|bis\s+(?:zum|spätestens))\b", re.I)
_APPLY = re.compile(
    r"\bappl(?:y|ication|ications|icants?)|submi(?:t|ssion|tted)|send|sent|register|registration|interest|candidat|bewerb|express",
    re.I,
)
_NOT_DEADLINE = re.compile(
    r"publi(?:cation|shed|é)|veröffentlich|start(?:ing)?\s+date|taking\s+up\s+(?:of\s+)?duty|entry\s+into\s+service|interviews?"
    r"|\bborn\b|decision|adopted|signed|entretiens?|prise\s+de\s+fonctions|dienstantritt|valid\s+until|reserve\s+list",
    re.I,
)
_EXTENSION = re.compile(
    r"\b(?:extended|prolonged|postponed|shortened|new\s+deadline|prolongée?|reportée?|verlängert|verschoben)\b"
    r"(?:\s+(?:until|to|till|on|jusqu'au|au|bis\s+(?:zum)?|auf\s+den))?",
    re.I,
)
_NO_DEADLINE = re.compile(
    r"\bno\s+(?:fixed\s+)?(?:deadline|closing\s+date)|\bpermanent(?:ly)?\s+open|\bopen[- ]ended\b|\buntil\s+further\s+notice"
    r"|\bpas\s+de\s+date\s+limite|\bkeine\s+(?:Bewerbungs)?frist|\bno\s+application\s+deadline",
    re.I,
)


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


def _statements(text: str, line: Line, is_labelled: bool) -> list[Statement]:
    """Dates stated in a text, each with the time and zone words that follow (or precede) it."""
    dates = find_dates(text)
    out = []
    for i, hit in enumerate(dates):
        end = dates[i + 1].start if i + 1 < len(dates) else min(len(text), hit.end + 80)
        after = text[hit.end : end]
        after = re.split(r"(?<=[.;])\s+[A-Z]", after)[0]
        before = text[max(0, hit.start - 40, dates[i - 1].end if i else 0) : hit.start]
        time = find_time(after) or _time_before(before)
        extension = bool(_EXTENSION.search(text[max(0, hit.start - 40) : hit.start]))
        phrase = (text[hit.start : hit.end] + after[: _phrase_end(after)]).strip(" ,;") if time else text[hit.start : hit.end]
        out.append(Statement(hit.date, time, before + after, phrase, line, is_labelled, extension, before))
    return out


def _timed_by_next_sentence(st: Statement, following: str) -> Statement:
    """`The closing date is 19 March 2026. Registration closes at 12:00 noon, Brussels time.`"""
    if st.time is not None or find_dates(following) or not re.search(r"clos|deadline|registration|submi|appl", following, re.I):
        return st
    time = find_time(following)
    if time is None:
        return st
    return Statement(st.date, time, st.zone_text + " " + following, st.text, st.line, st.labelled, st.extension, st.before)


_POST_ID = re.compile(r"\b[A-Z]{2,8}-[A-Z0-9]{1,4}-\d{1,2}(?:-[A-Z]{1,4})?\b")


def _own_rows(statements: list[Statement], reference: object) -> list[Statement]:
    """In an SNE batch, dates on other posts' cover rows are not this notice's deadline."""
    if not isinstance(reference, str):
        return statements
    others: dict[int, bool] = {}  # per line: does it name another post? (computed once per line)
    for s in statements:
        if id(s.line) not in others:
            others[id(s.line)] = any(token != reference for token in _POST_ID.findall(s.line.text))
    return [s for s in statements if s.labelled or not others[id(s.line)]]


_PHRASE_PART = re.compile(
    r"\d{1,2}\s?[:.h]\s?\d{2}(?:\s?(?:h|hrs|hours|heures|uhr))?|\b\d{1,2}\s?(?:am|pm|h)\b|noon|midday|midi|mittags?|midnight|minuit"
    r"|\btime\b|\bzeit\b|\bCES?T\b|\bEES?T\b|\bMES?Z\b|heure[^)]*|\)",
    re.I,
)


def _phrase_end(after: str) -> int:
    """Where the time and zone words after a date end (`- 23.00 (Brussels time)`)."""
    ends = [m.end() for m in _PHRASE_PART.finditer(after)]
    return max(ends) if ends else 0


def _time_before(before: str) -> TimeOfDay | None:
    m = re.search(r"(?<![\w.:])(\d{1,2}\s?[:.h]\s?\d{2}\s?(?:h|hrs|hours)?|\d{1,2}\s?(?:am|pm|h)|noon|midday|midnight)[^\d]{0,40}$", before, re.I)
    return find_time(m.group(0)) if m else None


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;!?])\s+(?=[A-Z(])", text) if s]


def extract_deadline(ctx: Context, default_zone: str | None) -> tuple[Found[str] | None, str | None]:
    """(deadline as ISO 8601, the phrase it was read from). Labelled beats prose; extensions win."""
    statements: list[Statement] = []
    labelled_lines = set()
    for hit in labelled(ctx.doc, "deadline"):
        labelled_lines.add(id(hit.line))
        statements += [st for st in _statements(hit.value, hit.line, True) if not _NOT_DEADLINE.search(st.before)]
    permanent = any(_NO_DEADLINE.search(line.text) for line in ctx.doc.lines)
    for line in ctx.doc.lines:
        if id(line) in labelled_lines and line.cells:
            continue
        if not _DIGIT.search(line.text):
            continue  # every date has digits
        sentences = _sentences(line.text)
        for index, sentence in enumerate(sentences):
            if not _DIGIT.search(sentence):
                continue
            strong = _STRONG_CUE.search(sentence)
            weak = _WEAK_CUE.search(sentence) and _APPLY.search(sentence)
            if not (strong or weak) or (not strong and (permanent or _NOT_DEADLINE.search(sentence))):
                continue  # a permanent call: `registered before 1 March` is not a deadline
            following = sentences[index + 1] if index + 1 < len(sentences) else ""
            for st in _statements(sentence, line, False):
                if _NOT_DEADLINE.search(st.before) and not _STRONG_CUE.search(st.before):
                    continue
                statements.append(_timed_by_next_sentence(st, following))
    statements = _own_rows(statements, ctx.value("reference"))
    if not statements:
        cover = _cover_row(ctx)
        if cover is None and not permanent:
            ctx.warn("deadline: not found")
        return cover, cover.match if cover else None
    chosen = _choose(ctx, statements)
    zone = find_zone(chosen.zone_text, default_zone or BRUSSELS, _city_zones())
    iso = to_iso(chosen.date, chosen.time, zone)
    confidence = "high" if chosen.labelled else "medium"
    return Found(iso, chosen.line, confidence, chosen.text), chosen.text  # type: ignore[arg-type]


def _choose(ctx: Context, statements: list[Statement]) -> Statement:
    """Extensions win; else labelled beats prose; a statement with a time refines the same date."""
    extensions = [s for s in statements if s.extension]
    if extensions:
        new = extensions[-1]
        if new.time is None:
            timed = next((s for s in statements if s.time is not None and not s.extension), None)
            if timed is not None:
                return Statement(new.date, timed.time, timed.zone_text, new.text, new.line, new.labelled, True, new.before)
        return new
    best = next((s for s in statements if s.labelled), statements[0])  # the first labelled one, else the first
    if best.time is None:
        same_day = [s for s in statements if s.date == best.date and s.time is not None]
        if same_day:
            best = Statement(best.date, same_day[0].time, same_day[0].zone_text, same_day[0].text,
                             same_day[0].line, best.labelled, False, same_day[0].before)
    others = sorted({s.date for s in statements if s.labelled == best.labelled and s.date != best.date})
    if others:
        ctx.warn(f"deadline: other dates are stated as deadlines too ({', '.join(d.isoformat() for d in others)})")
    return best


def _cover_row(ctx: Context) -> Found[str] | None:
    """SNE batch files: the notice's deadline may be only in the cover table row of its reference."""
    reference = ctx.value("reference")
    if not isinstance(reference, str):
        return None
    for line in ctx.doc.lines:
        if reference in line.text and not re.search(r"post\s+identification|ref(?:erence)?\s*[:.]", line.text, re.I):
            rest = line.text[line.text.index(reference) + len(reference) :]
            dates = find_dates(rest)
            if dates:
                return Found(dates[0].date.isoformat(), line, "medium", rest[dates[0].start : dates[0].end])
    return None


def _city_zones() -> dict[str, str]:
    reg = registry()
    return {name: str(place["timezone"]) for name, place in reg.place_by_name.items()}

"""Institution, DG, directorate and units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .. import lexicon, regex_cache
from ..document import Line
from ..registry import Body, fold, registry
from .base import Confidence, Context, Found, labelled
from .labels import label_pattern
from .shapes import HEAD_LINES

COMMISSION = "European Commission"
_TITLE_LINES = 15
_DG_NAME_CHARS = 150  # a DG's full name is shorter (`Directorate-General for Employment, Social Affairs and Inclusion`)
_MASTHEAD_LINES = 5  # a notice names the body publishing it in its first lines (`EUROPEAN COMMISSION`)
_UNIT_LINES = 40  # another body's unit code is printed in its notice's first lines, an address's further down
_JRC_REFERENCE = regex_cache.compile(r"20\d\d-JRC")  # `2025-JRC...`
_REFERENCE_SEPARATOR = regex_cache.compile(r"[/_.-]")
_SENTENCE_BREAK = regex_cache.compile(r"(?<=[.;])\s+")  # the spaces after a `.` or `;`
_DG_OF_UNIT = regex_cache.compile(r"\b([A-Z]{2,8})\.(?:[A-Z]\.?\d{1,2}|0\d)\b")  # `AGRI.D.1`, `EMPL.01`
_CODE_ALONE = regex_cache.compile(r"\s*([A-Z]{2,8})\s*")  # `DEVCO` alone on its line
_LEADING_NON_WORD = regex_cache.compile(r"^\W+")
_BRACKETED_CODE = regex_cache.compile(r"\(([A-Z]{2,8})\)")  # `(EMPL)`
_LEADING_CODE = regex_cache.compile(r"\W*([A-Z]{2,8})\b")
_LEADING_WORD = regex_cache.compile(r"\W*([A-ZÀ-Ý][^\W\d_]+)\b")
_CAPITALS_TOKEN = regex_cache.compile(r"\b[A-Z][A-Z]{1,7}\b")


@cache
def _boilerplate() -> re.Pattern[str]:
    """Sentences that name bodies without being about the post (legal bases, the OJ, data protection)."""
    return lexicon.pattern("organisation", "boilerplate")


@cache
def _dg_words() -> str:
    return lexicon.alternation("organisation", "directorate_general")


@cache
def _dg_phrase() -> re.Pattern[str]:
    """`DG Regional Policy`, `Directorate-General for Trade`, `Dirección General de Comunicación (DG COMM)`."""
    return regex_cache.compile(
        r"(?<!\w)(?:DG|(?i:" + _dg_words() + r")(?:\s+(?i:for|de\s+la|du|des|de\s+l'|de|del|della|für))?)"
        r"\s+(?P<name>[A-ZÀ-Ý][\w,&'’ -]{1,80}(?:\(\s*[A-Z]{2,8}\s*\))?)"
    )


@cache
def _dg_header() -> re.Pattern[str]:
    return regex_cache.compile(r"\W*(?:DG\b|" + _dg_words() + r")", re.I)


@cache
def _commission_words() -> re.Pattern[str]:
    """`DG EMPL`, or the Commission's name capitalised (not `commission de sélection`); not a bare `Directorate-General`:
    the Parliament, the Council and the Committees have theirs."""
    names = [lexicon.fragment(v) for t in lexicon.terms("organisation", "commission") for v in (t[:1].upper() + t[1:], t.upper())]
    return regex_cache.compile(r"\bDG\s+[A-Z]{2,}|(?<!\w)(?:" + "|".join(names) + r")(?!\w)")


def extract_institution(ctx: Context) -> Found[str] | None:
    """The body the post is at: from the reference's prefix, then names in the header, then anywhere."""
    ref = ctx.found.get("reference")
    lines = ctx.doc.lines
    others = _other_acronyms(lines)
    if ref is not None:
        body = _body_from_reference(str(ref.value))
        if body:
            return _publisher_for(ctx, body, ref, others) or Found(body, ref.line, "medium", str(ref.value))
    partner = _speaks_of_itself(lines)  # `the Agency`: the Commission it names is a partner, not the employer
    named = _most_named_body(lines, others, partner)
    if named:
        (most, line, name), confidence = named
        return Found(most.acronym, line, confidence, name)
    for line in lines if not partner else ():
        if _commission_signal(line.text):
            return Found(COMMISSION, line, "low", None)
    return None


@cache
def _self_body() -> re.Pattern[str]:
    """The words a body calls itself by (lexicon `organisation.self_body`: `the Agency`, `l'Autorité`), whole words
    and not the start of a longer name in capitals (`the Authority Authorised to Conclude Contracts`)."""
    return regex_cache.compile(lexicon.pattern("organisation", "self_body").pattern + r"(?!(?-i:\s+[A-Z][a-z]))", re.IGNORECASE)


_SENTENCE_END = ".;:!?•"  # what a sentence opening `The Agency is recruiting` follows, when not the line's start
_DEFINING = "(“\"«„‘"  # what a body's short name it defines for itself follows: `(hereafter “the Agency”)`


def _speaks_of_itself(lines: list[Line]) -> bool:
    """Does the notice call its body `the Agency`, `l'Autorité`, `die Agentur`?

    Under a masthead naming the Commission (`EUROPEAN COMMISSION`) only where it describes itself: a sentence
    the word opens (`The Agency is recruiting`, `L'Autorité recrute`) or a short name the notice gives its body
    (`(hereafter “the Agency”)`, `(EUA, die Agentur)`); a mention in passing is a partner's (`the work of the Agency`).
    """
    commission = any(_commission_signal(line.text) for line in lines[:_MASTHEAD_LINES])
    return any(
        not commission or _describes_itself(line.text, m) for line in lines for m in _self_body().finditer(line.text)
    )


def _describes_itself(text: str, m: re.Match[str]) -> bool:
    """Does a self-reference open a sentence (in capitals) or name the body in brackets or quotes?"""
    before = text[: m.start()].rstrip()
    if m.group(0)[:1].isupper() and (not before or before[-1] in _SENTENCE_END):
        return True
    in_brackets = before.rfind("(") > before.rfind(")")
    return bool(before) and (before[-1] in _DEFINING or (before[-1] == "," and in_brackets))


def _body_from_reference(ref: str) -> str | None:
    """`EC/`, `COM/`, `PE/`, `OMB/`, `EURAIL.`, `ENISA-`, `2025-JRC...`: the body a reference's prefix names."""
    if _JRC_REFERENCE.match(ref):
        return COMMISSION
    parts = _REFERENCE_SEPARATOR.split(ref)
    reg = registry()
    for prefix in ("-".join(parts[:2]), parts[0]):
        body = reg.body_by_prefix.get(prefix.upper()) or reg.body_by_name.get(fold(prefix))
        if body is not None:
            return body.acronym
    return None


def _publisher_for(ctx: Context, body: str, ref: Found[object], others: frozenset[str]) -> Found[str] | None:
    """A notice the Commission or EPSO publishes for another body: that body.

    The Commission publishes an agency's director post (`Executive Director of the European
    Food Safety Authority (EFSA)` in the heading above `COM/2024/20108`); EPSO runs a competition
    `to recruit ... for the European Data Protection Supervisor`.
    """
    lines = ctx.doc.lines
    if body == COMMISSION:
        end = next((i for i, line in enumerate(lines) if line is ref.line), _TITLE_LINES)
        for line in lines[: min(end + 1, _TITLE_LINES)]:
            for named, name in _bodies_in(line.text, others):
                if named.kind != "institution":
                    return Found(named.acronym, line, "medium", name)
    if body == "EPSO":
        named_for = _recruited_for(lines[:HEAD_LINES], others)
        if named_for is not None:
            return named_for
    return None


def _recruited_for(lines: list[Line], others: frozenset[str]) -> Found[str] | None:
    """The one body (other than EPSO) named after a recruiting word in the head: `to recruit ... for the EDPS`."""
    recruit = lexicon.pattern("organisation", "recruit")
    found: dict[str, Found[str]] = {}
    for line in lines:
        for sentence in _SENTENCE_BREAK.split(line.text):
            word = recruit.search(sentence)
            if word is None:
                continue
            for body, name in _bodies_in(sentence[word.end() :], others):
                if body.acronym != "EPSO":
                    found.setdefault(body.acronym, Found(body.acronym, line, "medium", name))
    return next(iter(found.values())) if len(found) == 1 else None


class _Tally:
    """How often each body is named, and where first."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.first: dict[str, tuple[Body, Line, str]] = {}

    def add(self, body: Body, line: Line, name: str) -> None:
        """One more mention of a body, by a name as printed."""
        self.counts[body.acronym] = self.counts.get(body.acronym, 0) + 1
        self.first.setdefault(body.acronym, (body, line, name))

    def most_named(self) -> tuple[Body, Line, str] | None:
        """The body named most often, the first named on ties."""
        if not self.counts:
            return None
        order = list(self.first)
        best = max(order, key=lambda a: (self.counts[a], -order.index(a)))
        return self.first[best]


def _most_named_body(
    lines: list[Line], others: frozenset[str], partner: bool = False
) -> tuple[tuple[Body, Line, str], Confidence] | None:
    """The body named most often in the head (`medium`), else in the whole notice (`low`); see `_count_names`.

    The whole notice goes on from the head's count: its lines are read once.
    """
    tally = _Tally()
    for line in lines[:HEAD_LINES]:
        _count_names(tally, line, others, partner)
    head = tally.most_named()
    if head is not None:
        return head, "medium"
    for line in lines[HEAD_LINES:]:
        _count_names(tally, line, others, partner)
    anywhere = tally.most_named()
    return (anywhere, "low") if anywhere is not None else None


def _count_names(tally: _Tally, line: Line, others: frozenset[str], partner: bool) -> None:
    """Count the bodies a line names outside boilerplate sentences; not the Commission when it is a `partner` of the
    body the notice speaks for."""
    for sentence in _SENTENCE_BREAK.split(line.text):
        bodies = [(body, name) for body, name in _bodies_in(sentence, others) if not (partner and body.acronym == COMMISSION)]
        # `The Directorate-General for ... (DG IUST) of the European Parliament` is the Parliament's.
        signal = not partner and {body.acronym for body, _ in bodies} <= {COMMISSION} and _commission_signal(sentence)
        if not (bodies or signal) or _boilerplate().search(sentence):
            continue  # names no body, or boilerplate (looked for last: most sentences name none)
        for body, name in bodies:
            tally.add(body, line, name)
        if signal:
            tally.add(registry().body_by_name[fold(COMMISSION)], line, "DG")


def _bodies_in(text: str, others: frozenset[str]) -> Iterator[tuple[Body, str]]:
    """(body, name as printed) of the bodies a text names, but not an acronym the notice defines for something else
    (`European Economic Area (EEA)`), nor one run into a line in capitals (`MEDDELELSE FRA KOMMISSIONEN`, Danish
    `fra` = from) unless set apart: at the line's start, after a dash or colon, or in brackets."""
    reg = registry()
    capitals = not any(c.islower() for c in text)
    for m in reg.body_names.finditer(text):
        name = m.group(1)
        body = reg.body_by_name.get(fold(name))
        if body is None or name in others:
            continue
        if capitals and " " not in name and not _set_apart(text, m.start(1), m.end(1)):
            continue
        yield body, name


def _set_apart(text: str, start: int, end: int) -> bool:
    """`EEAS VACANCY NOTICE`, `NOTICE – EEA`, `(ECHA)`: an acronym not run into the words around it."""
    before = text[:start].rstrip()
    return not before or before[-1] in "(–—-|:/,;•" or text[end:].lstrip().startswith(")")


def _other_acronyms(lines: list[Line]) -> frozenset[str]:
    """Acronyms a notice defines for something other than a body: `European Research Area (ERA)`."""
    found = (m.group("acronym") for line in lines if "(" in line.text for m in _look_alike_names().finditer(line.text))
    return frozenset(found)


@cache
def _look_alike_names() -> re.Pattern[str]:
    return regex_cache.compile(
        r"(?<!\w)(?i:" + lexicon.alternation("organisation", "look_alike_names") + r")\s*\(\s*(?P<acronym>[A-Z][\w-]{1,10})\s*\)"
    )


def _commission_signal(text: str) -> bool:
    return bool(_commission_words().search(text))


def extract_dg(ctx: Context) -> Found[str] | None:
    """The Commission DG: SNE post identification or unit in the reference, labelled value, a form's value block,
    a `DG X` phrase, a unit code, or a DG's full name.

    When the institution was only inferred from names in the text, a DG stated in a `DG` /
    `Directorate-General` header or an SNE post identification still counts (it makes the post the
    Commission's); prose mentions of a DG in another body's notice do not.
    """
    reg = registry()
    other_body = ctx.value("institution") not in (None, COMMISSION)
    if other_body and _institution_from_reference(ctx):
        return None
    post = _sne_post(ctx)
    if post is not None:
        return Found(post[0], ctx.found["reference"].line, "high", str(ctx.value("reference")))
    ref = ctx.found.get("reference")
    unit = _UNIT_CODE.search(str(ref.value)) if ref is not None else None
    if ref is not None and unit and unit.group("dg") in reg.dg_prefixes:  # `2026-JRC.C.5-IPR-FGIV-002345`
        return Found(reg.dg_prefixes[unit.group("dg")], ref.line, "high", str(ref.value))
    segment = _reference_dg(str(ref.value)) if ref is not None else None
    if ref is not None and segment is not None:
        return Found(segment, ref.line, "high", str(ref.value))
    for hit in labelled(ctx.doc, "dg"):
        code = _dg_in(hit.value)
        header = _dg_header().match(hit.line.label or hit.line.text)
        if code and (header or not other_body):
            return Found(code, hit.line, "high" if header else "medium", hit.value)
    form = _form_dg(ctx)
    if form is not None and (not other_body or _dg_header().match(form[1].text)):
        return form[0]
    if other_body:
        return None
    lines = ctx.doc.lines
    for index, line in enumerate(lines):
        phrase = _dg_phrase_in(line.text, lines[index + 1].text if index + 1 < len(lines) else "")
        if phrase:
            return Found(phrase[0], line, "medium", phrase[1])
        unit = _DG_OF_UNIT.search(line.text)
        if unit and unit.group(1) in reg.dg_prefixes:
            return Found(reg.dg_prefixes[unit.group(1)], line, "medium", unit.group(0))
    for index, line in enumerate(lines):
        named = _dg_named_by_word(line.text, lines[index + 1].text if index + 1 < len(lines) else "")
        if named:
            return Found(named[0], line, "low", named[1])
    return None


@cache
def _dg_word() -> re.Pattern[str]:
    """A DG word as printed, with its preposition: `DG`, `Directorate-General for`, `direction générale de`."""
    return regex_cache.compile(
        r"(?<!\w)(?:DG|GD|(?i:" + _dg_words() + r"))(?!\w)\s*(?:[(‘'’\"“«:–-]\s*)?"
        r"(?i:(?:for|of|für|pour|de\s+la|de|del|della|dei|degli|delle|do|da|dos|das|van|voor|för|ds\.)\s+)?"
    )


def _dg_named_by_word(text: str, following: str) -> tuple[str, str] | None:
    """(DG code, name) of a DG's name (not its code) right after a DG word starting in `text`, or right before one:
    `direction générale de l'agriculture ...`, `Directorate-General ‘Research and Innovation’`.

    A DG's name alone is ordinary prose (`experience in regional policy`, `research and innovation`).
    """
    reg = registry()
    joined = f"{text} {following}"
    for word in _dg_word().finditer(joined):
        if word.start() >= len(text):
            break
        after = reg.dg_long_names.match(fold(joined[word.end() : word.end() + _DG_NAME_CHARS]))
        before = fold(joined[max(0, word.start() - _DG_NAME_CHARS) : word.start()])
        ending = [m for m in reg.dg_long_names.finditer(before) if m.end() == len(before)]
        for name in (after, *ending):
            if name and name.group(1) in reg.dg_by_name:
                return reg.dg_by_name[name.group(1)], name.group(1)
    return None


def _reference_dg(ref: str) -> str | None:
    """The DG a segment of a Commission reference names: `EC/2026/CNECT/517720`, `COM/TA/COMP/20/AD5`."""
    if _body_from_reference(ref) != COMMISSION:
        return None
    segments = ref.split("/")[1:]
    return next((registry().dg_prefixes[s] for s in segments if s in registry().dg_prefixes), None)


def _form_dg(ctx: Context) -> tuple[Found[str], Line] | None:
    """(DG, its label line) of a form's label block then value block: `Directorate-General:` ... then `DEVCO` alone."""
    head = regex_cache.compile(r"^\W{0,3}(?:" + label_pattern("dg") + r")\s*:?\s*$", re.I)
    lines = ctx.doc.lines
    for index, line in enumerate(lines[:HEAD_LINES]):
        if head.match(line.text):
            for below in lines[index + 1 : index + _BLOCK]:
                code = _CODE_ALONE.fullmatch(below.text)
                if code and code.group(1) in registry().dg_prefixes:
                    return Found(registry().dg_prefixes[code.group(1)], below, "medium", code.group(1)), line
    return None


def _dg_phrase_in(text: str, following: str) -> tuple[str, str] | None:
    """(DG code, phrase) of a `DG X` phrase starting in `text`, read on into the next line (`(DG` / `COMM)`)."""
    for phrase in _dg_phrase().finditer(f"{text} {following}"):
        if phrase.start() >= len(text):
            break
        code = _dg_named_at(phrase.group(0)) or _dg_in(phrase.group("name"))
        if code:
            return code, phrase.group(0)
    return None


def _institution_from_reference(ctx: Context) -> bool:
    """The reference's prefix names the body (`EC/`, `PE/`, `EUAA/`, `COM/` for an agency's director)."""
    ref = ctx.value("reference")
    return ref is not None and _body_from_reference(str(ref)) is not None


def _dg_named_at(text: str) -> str | None:
    """The DG whose name (or an alias such as `DG Employment`) a text starts with."""
    name = registry().dg_long_names.match(fold(_LEADING_NON_WORD.sub("", text)))
    return registry().dg_by_name.get(name.group(1)) if name else None


def _dg_in(text: str) -> str | None:
    """The DG a short text names: `(EMPL)`, a code or a name at its start, else a code token or a long name in it
    (`DG Employment is looking for TRADE experts` is EMPL's)."""
    reg = registry()
    m = _BRACKETED_CODE.search(text)
    if m and m.group(1) in reg.dg_prefixes:
        return reg.dg_prefixes[m.group(1)]
    code = _LEADING_CODE.match(text)
    if code and code.group(1) in reg.dg_prefixes:
        return reg.dg_prefixes[code.group(1)]
    named = _dg_named_at(text)
    if named:
        return named
    word = _LEADING_WORD.match(text)
    if word and fold(word.group(1)) in reg.dg_by_name:
        return reg.dg_by_name[fold(word.group(1))]
    for token in _CAPITALS_TOKEN.findall(text):
        if token in reg.dg_prefixes:
            return reg.dg_prefixes[token]
    m = reg.dg_long_names.search(fold(text))
    return reg.dg_by_name.get(m.group(1)) if m else None


_UNIT_CODE = regex_cache.compile(r"\b(?P<dg>[A-Z]{2,8})\.(?P<dir>[A-Z])\.?(?P<num>\d{1,2})\b(?![./]\d)")
_DG_UNIT = regex_cache.compile(r"\b(?P<dg>[A-Z]{2,8})\.(?P<num>0\d)\b")
_DIR_UNIT = r"(?P<dir>[A-Z])\.?\s?(?P<num>\d{1,2})\b"
_OTHER_CODE = r"[A-Z]{1,10}(?:\.[A-Z0-9]{1,6}){1,3}"  # `RM.BHR.6`, `B.4`, `SECDEFPOL.2`
_OTHER_UNIT = regex_cache.compile(r"\b" + _OTHER_CODE + r"\b")
_OTHER_CODE_ALONE = regex_cache.compile(r"(?<![\w.])" + _OTHER_CODE + r"(?![\w.])")  # not inside a longer code
_DIR_UNIT_ALONE = regex_cache.compile(r"\s*" + _DIR_UNIT + r"\s*")  # `H.1` alone on its line
_LETTER_THEN_NAME = regex_cache.compile(r"\s*([A-Z])\s+[–-]\s+\w")  # `E – Name`
_NUMBER_THEN_NAME = regex_cache.compile(r"\s*(\d{1,2})\s+[–-]\s+\w")  # `2 – Name`
_SNE_POST = regex_cache.compile(r"([A-Z]{2,8})-([A-Z]{1,2})-(\d{1,2})(?:-[A-Z]{1,4})?")  # `AGRI-D-1`, `HR-DS-1-CI`
_ACRONYM_AT_END = regex_cache.compile(r"\(([A-Z]{2,6})\)\s*$")
_DIGIT = regex_cache.compile(r"\d")
_BLOCK = 8  # how far below a form's label block its values are printed
_RUN_GAP = 2  # lines between two unit lines of one list


@cache
def _bare_unit() -> re.Pattern[str]:
    """`Unit B4`, `unité C.2`, `Referat A 3`."""
    return regex_cache.compile(r"(?<!\w)(?i:" + lexicon.alternation("organisation", "unit") + r")\s+" + _DIR_UNIT)


@cache
def _directorate() -> re.Pattern[str]:
    """`Directorate H`, `Direction ENER.A`."""
    words = lexicon.alternation("organisation", "directorate")
    return regex_cache.compile(r"(?<!\w)(?i:" + words + r")\s+(?:(?P<dg>[A-Z]{2,8})\.)?(?P<dir>[A-Z])\b(?![.\w])")


def extract_units(ctx: Context) -> list[Found[str]]:
    """Commission units as `DG.D.N` (`HOME.01` for units under the Director-General), in order, once each."""
    dg = ctx.value("dg")
    if not isinstance(dg, str):
        return _other_units(ctx)
    found: dict[str, Found[str]] = {}
    for unit, line, text in _reference_units(ctx, dg):
        found.setdefault(unit, Found(unit, line, "high", text))
    lines = ctx.doc.lines
    for index, line in enumerate(lines):
        for _, unit, text in sorted(_units_in(line.text, dg) + _unit_under_directorate(lines, index, dg)):
            found.setdefault(unit, Found(unit, line, "high" if line.cells else "medium", text))
    if not found:
        form = _form_unit(ctx, dg)
        if form is not None:
            found[form.value] = form
    return list(found.values())


def _reference_units(ctx: Context, dg: str) -> list[tuple[str, Line, str]]:
    """The unit a reference encodes: an SNE post identification (`HR-DS-1-CI`), or `2025-JRC.D.3-IPR-...`."""
    ref = ctx.found.get("reference")
    if ref is None:
        return []
    post = _sne_post(ctx)
    if post is not None and post[0] == dg:
        return [(f"{dg}.{post[1]}.{int(post[2])}", ref.line, str(ref.value))]
    return [(unit, ref.line, text) for _, unit, text in _units_in(str(ref.value), dg)]


def _units_in(text: str, dg: str) -> list[tuple[int, str, str]]:
    """(position, unit, as printed) of the DG's unit codes in a text: `HOME.A3`, `HOME.01`, `Unit C1`."""
    reg = registry()
    spans: list[tuple[int, str, str]] = []
    for m in _UNIT_CODE.finditer(text):
        if reg.dg_prefixes.get(m.group("dg")) == dg:
            spans.append((m.start(), f"{dg}.{m.group('dir')}.{int(m.group('num'))}", m.group(0)))
    for m in _DG_UNIT.finditer(text):
        if reg.dg_prefixes.get(m.group("dg")) == dg:
            spans.append((m.start(), f"{dg}.{m.group('num')}", m.group(0)))
    for m in _bare_unit().finditer(text):
        spans.append((m.start(), f"{dg}.{m.group('dir')}.{int(m.group('num'))}", m.group(0)))
    return spans


_HEADED_UNIT = regex_cache.compile(r"\W{0,3}(?P<dir>[A-Z])\.\s?(?P<num>\d{1,2})\s+(?:[–-]\s+)?[A-ZÀ-Ý]")


def _unit_under_directorate(lines: list[Line], index: int, dg: str) -> list[tuple[int, str, str]]:
    """A unit printed as `B.3 Skills agenda` just under its `Directorate B – Jobs and Skills` heading."""
    m = _HEADED_UNIT.match(lines[index].text)
    if m is None:
        return []
    for above in lines[max(0, index - _RUN_GAP) : index]:
        heading = _directorate().match(above.text.strip())
        if heading and heading.group("dir") == m.group("dir") and heading.group("dg") in (None, dg):
            return [(m.start(), f"{dg}.{m.group('dir')}.{int(m.group('num'))}", m.group(0).strip())]
    return []


def _form_unit(ctx: Context, dg: str) -> Found[str] | None:
    """An SNE form's unit value under its `Unit:` label: `H.1`, or `E – Aviation ...` then `2 – Single European Sky`."""
    head = regex_cache.compile(r"^\W{0,3}(?:" + label_pattern("unit") + r")\s*:?\s*(?:/\s*)?(?P<value>.*)$", re.I)
    lines = ctx.doc.lines
    for index, line in enumerate(lines[:HEAD_LINES]):
        m = head.match(line.text)
        if m is not None:
            below = [m.group("value")] + [b.text for b in lines[index + 1 : index + _BLOCK]]
            unit = _unit_in_block(below)
            if unit is not None:
                return Found(f"{dg}.{unit[0]}.{int(unit[1])}", line, "medium", unit[2])
    return None


def _unit_in_block(texts: list[str]) -> tuple[str, str, str] | None:
    """(directorate, unit, as printed) of the first `H.1` line, or of `E – Name` followed by `2 – Name`."""
    for i, text in enumerate(texts):
        code = _DIR_UNIT_ALONE.fullmatch(text)
        if code:
            return code.group("dir"), code.group("num"), text.strip()
        letter = _LETTER_THEN_NAME.match(text)
        number = _NUMBER_THEN_NAME.match(texts[i + 1]) if letter and i + 1 < len(texts) else None
        if letter and number:
            return letter.group(1), number.group(1), f"{text.strip()} / {texts[i + 1].strip()}"
    return None


def _sne_post(ctx: Context) -> tuple[str, str, str] | None:
    """(DG, directorate, unit) of an SNE post identification such as `AGRI-D-1`."""
    ref = ctx.value("reference")
    m = _SNE_POST.fullmatch(ref) if isinstance(ref, str) else None
    if m is None or m.group(1) not in registry().dg_prefixes:
        return None
    return registry().dg_prefixes[m.group(1)], m.group(2), m.group(3)


def _other_units(ctx: Context) -> list[Found[str]]:
    """Outside the Commission: the unit or division code printed after its label (or its acronym in brackets after
    the unit's name), else the codes of the first run of unit lines (a list of profiles `Unit A.1 ...` /
    `Unit B.3 ...`; a unit named further down is an address).

    A code is read at its most specific: a division `BA.01` printed elsewhere as sector `BA.01.002` is the sector.
    """
    head = ctx.doc.lines[:_UNIT_LINES]
    for hit in labelled(ctx.doc, "unit"):
        codes = list(dict.fromkeys(m.group(0) for m in _OTHER_UNIT.finditer(hit.value)))  # `Units: X.B.1 ..., X.B.2 ...`
        if codes:
            return [_most_specific(Found(code, hit.line, "high", code), head) for code in codes]
        named = _ACRONYM_AT_END.search(hit.value)  # `Unit: Scientific Evidence and Communication (SEC)`
        if named:
            return [Found(named.group(1), hit.line, "high", named.group(0))]
    found: dict[str, Found[str]] = {}
    last = -1
    for index, line in enumerate(head):
        if found and index - last > _RUN_GAP:
            break
        if _unit_words().search(line.text):
            for code in _codes_in(line.text):
                unit = _most_specific(Found(code, line, "medium", code), head)
                found.setdefault(unit.value, unit)
                last = index
    return list(found.values())


def _codes_in(text: str) -> list[str]:
    """Unit codes with a digit in a unit line, in order: `RM.BHR.6`, or a number right after a unit word (`Unit 3.2`)."""
    codes = [(m.start(), m.group(0)) for m in _OTHER_CODE_ALONE.finditer(text)]
    codes += [(m.start(1), m.group(1)) for m in _numbered_unit().finditer(text)]
    return [code for _, code in sorted(codes) if _DIGIT.search(code)]


@cache
def _numbered_unit() -> re.Pattern[str]:
    """`Unit 3.2`, `Division 4.1.2`: a numeric code right after a unit word."""
    words = "|".join(lexicon.alternation("organisation", key) for key in ("unit", "division"))
    return regex_cache.compile(r"(?<!\w)(?i:" + words + r")\s+(\d{1,2}(?:\.\d{1,2}){1,2})(?![\w.])")


@cache
def _unit_words() -> re.Pattern[str]:
    return regex_cache.compile(
        r"(?<!\w)(?:" + "|".join(lexicon.alternation("organisation", key) for key in ("unit", "division", "directorate"))
        + r")(?!\w)",
        re.I,
    )


def _most_specific(unit: Found[str], lines: list[Line]) -> Found[str]:
    """`BA.01` -> `BA.01.002` when the longer code is printed too."""
    longer = re.compile(r"(?<![\w.])" + re.escape(unit.value) + r"(?:\.[A-Z0-9]{1,6})+(?![\w.])")
    for line in lines:
        m = longer.search(line.text)
        if m:
            return Found(m.group(0), line, unit.confidence, m.group(0))
    return unit


def extract_directorate(ctx: Context) -> Found[str] | None:
    """The directorate letter shared by all units, or the one a `Directorate X` phrase names."""
    if ctx.value("dg") is None:
        return None
    units = ctx.found.get("units")
    if units is not None and isinstance(units.value, list):
        letters = {str(code).split(".")[1] for code in units.value if "." in str(code)}
        if len(letters) == 1 and not next(iter(letters)).isdigit():
            return Found(next(iter(letters)), units.line, units.confidence, units.match)
        return None
    dg = ctx.value("dg")
    for line in ctx.doc.lines:
        m = _directorate().search(line.text)
        if m and dg and m.group("dg") in (None, dg):
            return Found(m.group("dir"), line, "low", m.group(0))
    return None

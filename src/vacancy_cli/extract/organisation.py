"""Institution, DG, directorate and units."""

from __future__ import annotations

import re

from ..document import Line
from ..registry import Body, fold, registry
from .base import Context, Found, labelled

COMMISSION = "European Commission"
_HEAD_LINES = 25
# Boilerplate that names bodies without being about the post.
_BOILERPLATE = re.compile(
    r"European Parliament and (?:of )?the Council|Parliament and Council|Court of Justice|Ombudsman|Data Protection"
    r"|Official Journal|\bEPSO\b|\bEDPS\b|Staff Regulations|Conditions of Employment|Regulation \(|Directive",
    re.I,
)
_REF_PREFIX = {"EC": COMMISSION, "COM": COMMISSION, "PE": "European Parliament", "CONS": "Council of the European Union"}
_DG_PHRASE = re.compile(
    r"\b(?:DG|Directorate[- ]General(?:\s+for)?|Direction\s+générale(?:\s+(?:de\s+la|du|des|de\s+l'))?|Generaldirektion)"
    r"\s+(?P<name>[A-Z][\w,&' -]{1,80})"
)


def extract_institution(ctx: Context) -> Found[str] | None:
    """The body the post is at: from the reference's prefix, then names in the header, then anywhere."""
    ref = ctx.found.get("reference")
    if ref is not None:
        body = _body_from_reference(str(ref.value))
        if body:
            return Found(body, ref.line, "medium", str(ref.value))
    lines = ctx.doc.lines
    for scope, confidence in ((lines[:_HEAD_LINES], "medium"), (lines, "low")):
        hit = _most_named_body(scope)
        if hit:
            return Found(hit[0].acronym, hit[1], confidence, hit[2])  # type: ignore[arg-type]
    for line in lines:
        if _commission_signal(line.text):
            return Found(COMMISSION, line, "low", None)
    ctx.warn("institution: not found")
    return None


def _body_from_reference(ref: str) -> str | None:
    if ref.upper().startswith("EPSO/"):
        return "EPSO"
    first = re.split(r"[/_-]", ref)[0]
    if first.upper() in _REF_PREFIX:
        return _REF_PREFIX[first.upper()]
    if re.match(r"20\d\d-JRC", ref):
        return COMMISSION
    body = registry().body_by_name.get(fold(first))
    if body is None and "-" in ref:
        body = registry().body_by_name.get(fold("-".join(ref.split("-")[:2])))
    return body.acronym if body else None


def _most_named_body(lines: list[Line]) -> tuple[Body, Line, str] | None:
    """The body named most often (first named on ties), outside boilerplate sentences."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[Body, Line, str]] = {}
    reg = registry()
    for line in lines:
        for sentence in re.split(r"(?<=[.;])\s+", line.text):
            if _BOILERPLATE.search(sentence):
                continue
            for m in reg.body_names.finditer(sentence):
                body = reg.body_by_name.get(fold(m.group(1)))
                if body is None:
                    continue
                counts[body.acronym] = counts.get(body.acronym, 0) + 1
                first.setdefault(body.acronym, (body, line, m.group(1)))
            if _commission_signal(sentence):
                counts[COMMISSION] = counts.get(COMMISSION, 0) + 1
                if COMMISSION not in first:
                    first[COMMISSION] = (reg.body_by_name[fold(COMMISSION)], line, "DG")
    if not counts:
        return None
    order = list(first)
    best = max(order, key=lambda a: (counts[a], -order.index(a)))
    return first[best]


def _commission_signal(text: str) -> bool:
    return bool(re.search(r"\bDG\s+[A-Z]{2,}|\bDirectorate[- ]General\b|\bCommission\b", text))


def extract_dg(ctx: Context) -> Found[str] | None:
    """The Commission DG: SNE post identification, labelled value, a `DG X` phrase, a unit code, or a DG's full name.

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
    for hit in labelled(ctx.doc, "dg"):
        code = _dg_in(hit.value)
        header = _DG_HEADER.match(hit.line.label or hit.line.text)
        if code and (header or not other_body):
            return Found(code, hit.line, "high" if header else "medium", hit.value)
    if other_body:
        return None
    for line in ctx.doc.lines:
        for phrase in _DG_PHRASE.finditer(line.text):
            code = _dg_in(phrase.group("name"))
            if code:
                return Found(code, line, "medium", phrase.group(0))
        unit = re.search(r"\b([A-Z]{2,8})\.(?:[A-Z]\.?\d{1,2}|0\d)\b", line.text)
        if unit and unit.group(1) in reg.dg_prefixes:
            return Found(reg.dg_prefixes[unit.group(1)], line, "medium", unit.group(0))
    for line in ctx.doc.lines:
        name = reg.dg_long_names.search(fold(line.text))
        code = reg.dg_by_name.get(name.group(1)) if name else None
        if name and code:
            return Found(code, line, "low", name.group(1))
    return None


_DG_HEADER = re.compile(r"\W*(?:DG\b|Directorate[- ]General|Direction\s+générale|Generaldirektion)", re.I)


def _institution_from_reference(ctx: Context) -> bool:
    """The institution was read from the reference's prefix (`EC/`, `PE/`, `EUAA/`), not from names in the text."""
    found = ctx.found.get("institution")
    return found is not None and found.match == ctx.value("reference")


def _dg_in(text: str) -> str | None:
    """The DG a short text names: a code token, `(EMPL)`, or a long name."""
    reg = registry()
    m = re.search(r"\(([A-Z]{2,8})\)", text)
    if m and m.group(1) in reg.dg_prefixes:
        return reg.dg_prefixes[m.group(1)]
    for token in re.findall(r"\b[A-Z][A-Z]{1,7}\b", text):
        if token in reg.dg_prefixes:
            return reg.dg_prefixes[token]
    m = reg.dg_long_names.search(fold(text))
    if m:
        return reg.dg_by_name.get(m.group(1))
    word = re.match(r"\s*([A-Z][a-z]+)\b", text)
    return reg.dg_by_name.get(fold(word.group(1))) if word else None


_UNIT_CODE = re.compile(r"\b(?P<dg>[A-Z]{2,8})\.(?P<dir>[A-Z])\.?(?P<num>\d{1,2})\b(?![./]\d)")
_DG_UNIT = re.compile(r"\b(?P<dg>[A-Z]{2,8})\.(?P<num>0\d)\b")
_BARE_UNIT = re.compile(r"\b(?:Unit|unité|Referat|UNIT)\s+(?P<dir>[A-Z])\.?\s?(?P<num>\d{1,2})\b")
_DIRECTORATE = re.compile(r"\b(?i:directorate|direction|direktion)\s+(?:(?P<dg>[A-Z]{2,8})\.)?(?P<dir>[A-Z])\b(?![.\w])")
_OTHER_UNIT = re.compile(r"\b[A-Z]{1,6}(?:\.[A-Z0-9]{1,6}){1,3}\b")


def extract_units(ctx: Context) -> list[Found[str]]:
    """Commission units as `DG.D.N` (`HOME.01` for units under the Director-General), in order, once each."""
    dg = ctx.value("dg")
    if not isinstance(dg, str):
        return _other_units(ctx)
    reg = registry()
    found: dict[str, Found[str]] = {}
    post = _sne_post(ctx)
    if post is not None and post[0] == dg:
        unit = f"{dg}.{post[1]}.{int(post[2])}"
        found[unit] = Found(unit, ctx.found["reference"].line, "high", str(ctx.value("reference")))
    for line in ctx.doc.lines:
        spans: list[tuple[int, str, str]] = []
        for m in _UNIT_CODE.finditer(line.text):
            code = reg.dg_prefixes.get(m.group("dg"))
            if code == dg:
                spans.append((m.start(), f"{dg}.{m.group('dir')}.{int(m.group('num'))}", m.group(0)))
        for m in _DG_UNIT.finditer(line.text):
            if reg.dg_prefixes.get(m.group("dg")) == dg:
                spans.append((m.start(), f"{dg}.{m.group('num')}", m.group(0)))
        for m in _BARE_UNIT.finditer(line.text):
            spans.append((m.start(), f"{dg}.{m.group('dir')}.{int(m.group('num'))}", m.group(0)))
        for _, unit, text in sorted(spans):
            found.setdefault(unit, Found(unit, line, "high" if line.cells else "medium", text))
    return list(found.values())


def _sne_post(ctx: Context) -> tuple[str, str, str] | None:
    """(DG, directorate, unit) of an SNE post identification such as `AGRI-D-1`."""
    ref = ctx.value("reference")
    m = re.fullmatch(r"([A-Z]{2,8})-([A-Z])-(\d{1,2})(?:-[A-Z]{1,4})?", ref) if isinstance(ref, str) else None
    if m is None or m.group(1) not in registry().dg_prefixes:
        return None
    return registry().dg_prefixes[m.group(1)], m.group(2), m.group(3)


def _other_units(ctx: Context) -> list[Found[str]]:
    """Outside the Commission: a unit or division code printed after its label."""
    for hit in labelled(ctx.doc, "unit"):
        m = _OTHER_UNIT.search(hit.value)
        if m:
            return [Found(m.group(0), hit.line, "high", m.group(0))]
    for line in ctx.doc.lines[:40]:
        if re.search(r"\b(?:Division|Unit|Directorate|Sector|Service)\b", line.text):
            code = re.search(r"(?<![\w.])[A-Z]{1,6}(?:\.[A-Z0-9]{1,6}){1,3}(?![\w.])", line.text)
            if code and re.search(r"\d", code.group(0)):
                return [Found(code.group(0), line, "medium", code.group(0))]
    return []


def extract_directorate(ctx: Context, units: list[Found[str]]) -> Found[str] | None:
    """The directorate letter shared by all units, or the one a `Directorate X` phrase names."""
    if ctx.value("dg") is None:
        return None
    letters = {u.value.split(".")[1] for u in units}
    if units and len(letters) == 1 and not next(iter(letters)).isdigit():
        return Found(next(iter(letters)), units[0].line, units[0].confidence, units[0].match)
    if units:
        return None
    dg = ctx.value("dg")
    for line in ctx.doc.lines:
        m = _DIRECTORATE.search(line.text)
        if m and dg and m.group("dg") in (None, dg):
            return Found(m.group("dir"), line, "low", m.group(0))
    return None

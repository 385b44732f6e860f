"""The notice's own reference: call/vacancy reference, SNE post identification, job number, Sysper number."""

from __future__ import annotations

import re

from ..document import Line
from .base import Confidence, Context, Found, labelled

_ID = r"[A-Za-z0-9][A-Za-z0-9*]*(?:[./_–-][A-Za-z0-9*]+|/[A-Za-z0-9*]+)*(?:[./–-](?=\s*$))?"
_INTRO = re.compile(
    r"(?:\b(?:call\s+for\s+(?:expression\s+of\s+)?interests?|vacancy\s+notice|avis\s+de\s+vacance|stellenausschreibung"
    r"|(?<!for\s)reference|ref\.?|réf(?:érence)?\.?|referenz|job|notice|post\s+identification|selection\s+procedure)\b)"
    r"(?:\s*(?:no\.?|number|nr\.?|n°|id|ref\.?|reference|:|–|-|#|call(?:\s+for\s+(?:expression\s+of\s+)?interests?)?)\s*)*"
    r"\s*(?:\(DG-DIR-UNIT\)\s*)?(?P<id>" + _ID + r")",
    re.I,
)
_KNOWN_SHAPES = re.compile(
    r"\b(?:EC[/-]20\d\d[/-][A-Z]{2,8}[/-]\d+|COM/\d{4}/\d{3,6}|COM/\d{1,4}/\d\d|EPSO/[A-Z]+/[A-Z0-9/-]+\d"
    r"|PE/\d+/\d{4}/[A-Z]+|CONS/[A-Z]+/\d+/\d+|20\d\d-JRC[A-Z0-9./-]+\d"
    r"|[A-Za-z][A-Za-z-]{1,12}/(?:\d{2,4}/)?(?:TA|CA|SNE|AD|AST)/[A-Za-z0-9/.-]*\d[A-Za-z0-9/.]*"
    r"|RCT-20\d\d-\d+|[A-Z]{2,8}-(?:TA|CA|SNE)-[A-Z0-9-]*\d)\b"
)
_LOOK_ALIKE = re.compile(
    r"^(?:Ares|C\(|C/\d{4}/|\d{4}/C\b|OJ\b|Regulation|\d{1,4}$|(?:19|20)\d\d/\d{1,4}$)|^[A-Z]\d$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$",
    re.I,
)
_SYSPER = re.compile(r"\bsysper\b[^:\d]{0,30}[:\s]\s*(?P<id>\d{5,8})\b", re.I)
_POST_ID = re.compile(r"^\s*(?P<id>[A-Z]{2,8}(?:-[A-Z0-9]{1,4}){1,4})\s*(?:\(DG-DIR-UNIT\))?\s*$")


def clean_reference(raw: str) -> str:
    """Collapse whitespace, glue line-break splits, drop trailing punctuation."""
    ref = re.sub(r"\s*([./_–-])\s*", r"\1", raw.strip())
    ref = re.sub(r"\s+", " ", ref)
    return ref.rstrip(".,;:)–-")


def _acceptable(ref: str) -> bool:
    return len(ref) >= 3 and any(c.isdigit() for c in ref) and not _LOOK_ALIKE.search(ref)


def _continued(line: Line, ref: str, lines: list[Line], index: int) -> str:
    """A reference broken across lines (`2026-JRC.D.` / `3-IPR-FGIV-001234`)."""
    if re.search(r"[./_–-]$", ref) and index + 1 < len(lines):
        m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9./_-]*)", lines[index + 1].text)
        if m:
            return ref + m.group(1)
    return ref


def extract_reference(ctx: Context) -> Found[str] | None:
    """Labels first (call/vacancy reference, post identification), then introduced ids, then known shapes."""
    doc = ctx.doc
    for hit in labelled(doc, "reference"):
        for m in re.finditer(r"(?:\(DG-DIR-UNIT\)\s*)?(" + _ID + ")", hit.value):
            if re.fullmatch(r"call|for|(?:expression|expressions)|of|interests?|no|nr|number|n°", m.group(1), re.I):
                continue  # `Ref.: Call for interest EC/2026/...`
            ref = clean_reference(_continued(hit.line, m.group(1), doc.lines, hit.index))
            if _acceptable(ref):
                return Found(ref, hit.line, "high", m.group(1))
            break
    body_then_furniture: list[tuple[list[Line], Confidence]] = [(doc.lines, "medium"), (doc.furniture, "low")]
    for lines, confidence in body_then_furniture:
        for index, line in enumerate(lines):
            for intro in _INTRO.finditer(line.text):
                ref = clean_reference(_continued(line, intro.group("id"), lines, index))
                if _acceptable(ref):
                    return Found(ref, line, confidence, intro.group("id"))
    for lines, _ in body_then_furniture:
        for line in lines:
            shape = _KNOWN_SHAPES.search(line.text)
            if shape:
                return Found(clean_reference(shape.group(0)), line, "medium", shape.group(0))
    for line in doc.lines:
        sysper = _SYSPER.search(line.text)
        if sysper:
            return Found(sysper.group("id"), line, "medium", sysper.group("id"))
    for hit in labelled(doc, "sysper"):
        number = re.search(r"\d{5,8}", hit.value)
        if number:
            return Found(number.group(0), hit.line, "high", number.group(0))
    ctx.warn("reference: not found")
    return None

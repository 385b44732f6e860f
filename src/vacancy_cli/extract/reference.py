"""The notice's own reference: call/vacancy reference, SNE post identification, job number, Sysper number."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon, regex_cache
from ..document import Line
from ..registry import registry
from .base import Confidence, Context, Found, labelled
from .shapes import HEAD_LINES, POST_ID, post_id

# A segment after a separator may be split by one stray space (`ERA/SN E/2016`, `ERA/SNE/201 6/001`).
_SEGMENT = r"(?:[A-Za-z0-9]{1,3}\s[A-Za-z0-9]{1,3}(?=\s?[/_–-][A-Za-z0-9])|[A-Za-z0-9*]+)"
# Separators; a space may precede `-` or `/` (`001 -OPE`), or surround a `/` before a code (`ACER / 2026 / 07`).
_SEP = r"(?:\s/\s(?=[A-Z0-9]{1,8}(?![a-z]))|\s[/-](?=[A-Za-z0-9])|[./_–-])"
_ID = r"[A-Za-z0-9][A-Za-z0-9*]*(?:" + _SEP + _SEGMENT + r")*(?:[./–-](?=\s*$))?"
_ID_PATTERN = regex_cache.compile(_ID)
_KNOWN_SHAPES = regex_cache.compile(
    r"\b(?P<id>EC[/-]20\d\d[/-][A-Z]{2,8}[/-]\d+|COM/\d{4}/\d{3,6}|COM/\d{1,4}/\d\d|EPSO/[A-Z]+/[A-Z0-9/-]+\d"
    r"|PE/\d+/(?:\d{4}/)?[A-Z]+|CONS/[A-Z]+/\d+/\d+|20\d\d-JRC[A-Z0-9./-]+\d"
    r"|[A-Za-z][A-Za-z-]{1,12}/(?:[A-Z0-9]{1,4}/)?(?:TA|CA|SNE|AD|AST)/[A-Za-z0-9/.-]*\d[A-Za-z0-9/.]*"
    r"|RCT-20\d\d-\d+|[A-Z]{2,8}-(?:TA|CA|SNE)-[A-Z0-9-]*\d)\b"
)
_LOOK_ALIKE = regex_cache.compile(
    r"^(?:Ares|C\(|C/\d{4}/|\d{4}/C\b|OJ\b|Regulation|\d{1,4}$|(?:19|20)\d\d/\d{1,4}$)|^[A-Z]\d$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$",
    re.I,
)
# In the heading, an identifier before the title (`XYZ/TA/AD/2024/07 – Data Analyst`) or alone in parentheses;
# with a `/`, `-` or `_` (a dotted `(RM.BHR.6)` is a division's code).
_BEFORE_TITLE = regex_cache.compile(r"^\s*(?P<id>(?=[A-Z][A-Za-z0-9]*[/_.-][A-Za-z0-9])(?=\S*[/_-])" + _ID + r")\s+[–—-]\s+[A-Z]")
_IN_PARENTHESES = regex_cache.compile(r"\((?P<id>(?=[A-Z][^\s)]{0,60}[/_-])[A-Z][A-Za-z0-9]*[/_.-][A-Za-z0-9][A-Za-z0-9./_-]*)\)")
_SYSPER_NUMBER = regex_cache.compile(r"\d{5,8}")
_SYSPER = regex_cache.compile(r"\bsysper\b[^:\d]{0,30}[:\s]\s*(?P<id>\d{5,8})\b", re.I)
# An SNE post identification `DG-D-N` (`COMP-H-5`, `HR-DS-1-CI`) anywhere on a line.
# Other scripts' capitals that look like Latin ones (`СОМ/ТА` printed in Cyrillic).
_HOMOGLYPHS = str.maketrans("АВЕЅІЈКМНОРСТХУАΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABESIJKMHOPCTXYAABEZHIKMNOPTYX")


@cache
def _intro() -> re.Pattern[str]:
    """A word introducing the notice's identifier in running text (`Ref.`, `Vacancy notice`, `Bando di assunzione`)."""
    number = lexicon.alternation("reference", "number")
    return regex_cache.compile(
        r"(?<!\w)(?:" + lexicon.alternation("reference", "intro") + r")(?!\w)"
        r"(?:\s*(?:(?<!\w)(?:" + number + r")(?!\w)|[:–#-])\s*)*"
        r"\s*(?:\(DG-DIR-UNIT\)\s*)?(?P<id>" + _ID + r")",
        re.I,
    )


@cache
def _value_lead() -> re.Pattern[str]:
    """What may precede the id in a labelled value: separators, `(DG-DIR-UNIT)`, `Call for interest`, `No`."""
    words = lexicon.alternation("reference", "intro") + "|" + lexicon.alternation("reference", "number")
    return regex_cache.compile(r"^[\s/|:#–-]*(?:(?:\([A-Z]+(?:-[A-Z]+)+\)|(?<!\w)(?:" + words + r")(?!\w))[\s/|:#–-]*)*", re.I)


@cache
def _body_prefixed() -> re.Pattern[str]:
    """An identifier that starts with a body's acronym or reference prefix (`EFSA/X/AD/2026/01`, `OMB/3/2020`)."""
    prefixes = lexicon.longest_first(registry().reference_prefixes)
    return regex_cache.compile(r"(?<![\w/.-])(?=(?:" + "|".join(map(re.escape, prefixes)) + r")[./_-][A-Za-z0-9])(?P<id>" + _ID + ")")


def repair_look_alikes(text: str) -> str:
    """`СОМ/ТА/COMM/16` (Cyrillic capitals) -> `COM/TA/COMM/16`, in code-like tokens that mix in Latin letters."""
    if not _FOREIGN_CAPITAL.search(text):
        return text  # most lines: nothing to repair, no token scan
    return _FOREIGN_TOKEN.sub(_repair_token, text)


_FOREIGN_CAPITAL = regex_cache.compile(r"[А-ЯЅІЈΑ-Ω]")
_FOREIGN_TOKEN = regex_cache.compile(r"[^\s()]*[А-ЯЅІЈΑ-Ω][^\s()]*")  # a token with such a capital
_LATIN = regex_cache.compile(r"[A-Za-z]")
_CODE_SEPARATOR = regex_cache.compile(r"[/_-]")


def _repair_token(m: re.Match[str]) -> str:
    token = m.group(0)
    code_like = _LATIN.search(token) and _CODE_SEPARATOR.search(token)
    return token.translate(_HOMOGLYPHS) if code_like else token


def clean_reference(raw: str) -> str:
    """Collapse whitespace, glue line-break splits, drop trailing punctuation and a glued next word."""
    ref = _SPACED_SEPARATOR.sub(r"\1", raw.strip())
    ref = _GLUED_WORD.sub("", ref)  # `COM/2026/20118Deadline` -> `COM/2026/20118`
    ref = _SPACES.sub(" ", ref)
    return ref.rstrip(".,;:)–-")


_SPACED_SEPARATOR = regex_cache.compile(r"\s*([./_–-])\s*")
_GLUED_WORD = regex_cache.compile(r"(?<=\d)[A-Z][a-z]{3,}.*$")
_SPACES = regex_cache.compile(r"\s+")


def _acceptable(ref: str) -> bool:
    return len(ref) >= 3 and any(c.isdigit() for c in ref) and not _LOOK_ALIKE.search(ref)


def _id_like(printed: str) -> bool:
    """An id as printed on its line, before any continuation, has a digit or is a capital-letter code:
    `COM/TA/CNECT/` (continued below) is one, a word such as `above.` is not."""
    return bool(_DIGIT.search(printed) or _CAPITAL_CODE.match(printed))


_DIGIT = regex_cache.compile(r"\d")
_CAPITAL_CODE = regex_cache.compile(r"[A-Z]{2,}[A-Z0-9]*(?:[./_–-]|\s*$)")
_OPEN_END = regex_cache.compile(r"[./_–-]$")  # a separator ending a line: the reference goes on below
_CONTINUATION = regex_cache.compile(r"\s*([A-Za-z0-9][A-Za-z0-9./_-]*)")


def _continued(ref: str, lines: list[Line], index: int) -> str:
    """A reference broken across lines (`2026-JRC.D.` / `3-IPR-FGIV-001234`)."""
    if _OPEN_END.search(ref) and index + 1 < len(lines):
        m = _CONTINUATION.match(lines[index + 1].text)
        if m:
            return ref + m.group(1)
    return ref


def extract_reference(ctx: Context) -> Found[str] | None:
    """Labels first, then introduced ids, then known shapes and body-prefixed ids, post ids, Sysper numbers."""
    doc = ctx.doc
    for hit in labelled(doc, "reference"):
        value = repair_look_alikes(hit.value)
        lead = _value_lead().match(value)
        m = _ID_PATTERN.match(value[lead.end() if lead else 0 :])
        if m and _id_like(m.group(0)):
            ref = clean_reference(_continued(m.group(0), doc.lines, hit.index))
            if _acceptable(ref):
                return Found(ref, hit.line, "high", m.group(0))
    body_then_furniture: list[tuple[list[Line], Confidence]] = [(doc.lines, "medium"), (doc.furniture, "low")]
    for lines, confidence in body_then_furniture:
        for index, line in enumerate(lines):
            for intro in _intro().finditer(repair_look_alikes(line.text)):
                if not _id_like(intro.group("id")):
                    continue
                ref = clean_reference(_continued(intro.group("id"), lines, index))
                if _acceptable(ref):
                    return Found(ref, line, confidence, intro.group("id"))
    for lines, _ in body_then_furniture:
        for index, line in enumerate(lines):
            shape = _shaped(repair_look_alikes(line.text), lines, index)
            if shape:
                return Found(clean_reference(shape), line, "medium", shape)
    return _post_or_sysper(ctx)


def _shaped(text: str, lines: list[Line], index: int) -> str | None:
    """The first identifier of a known shape, or in the heading one with a body's prefix, before a title or alone in
    parentheses, extended to its whole trailing part and continued on the next line (`COM/TA/CNECT/` / `26/AD7`).

    It has three parts at least: `COM/2019/ /C 166` (a cover list's blank) is not `COM/2019`.
    """
    heading = index < HEAD_LINES
    patterns = (_KNOWN_SHAPES, *((_body_prefixed(), _BEFORE_TITLE, _IN_PARENTHESES) if heading else ()))
    starts = {m.start("id") for pattern in patterns for m in pattern.finditer(text)}
    for start in sorted(starts):
        if _UNIT_CODE.match(text, start) and _unit_word_before().search(text, max(0, start - _UNIT_WORD_CHARS), start):
            continue  # `Unit EACEA.A.6 (Platforms)`: a unit's code, but `Head of Unit ENISA-TA-2026-05` is a reference
        m = _ID_PATTERN.match(text[start:])
        whole = _continued(m.group(0), lines, index) if m else ""
        ref = clean_reference(whole)
        if m and _acceptable(ref) and len(_SEPARATOR.findall(ref)) >= 2:
            return whole
    return None


_SEPARATOR = regex_cache.compile(r"[./_–-]")
_UNIT_WORD_CHARS = 20  # a unit or division word this close before a code makes it the unit's
# A unit's code: a body or DG's prefix, its directorate's letter and the unit's number, dotted (`EACEA.A.6`, `MOVE.E`).
_UNIT_CODE = regex_cache.compile(r"[A-Z][A-Z-]{1,11}\.[A-Z](?:\.\d{1,2})?(?![\w/])")


@cache
def _unit_word_before() -> re.Pattern[str]:
    """A unit or division word (any language) then spaces ending the text searched: `Unit `, `Unité `, `Sector `."""
    words = "|".join(lexicon.alternation("organisation", key) for key in ("unit", "division"))
    return regex_cache.compile(r"(?<!\w)(?:" + words + r")\s+$", re.I)


def _post_or_sysper(ctx: Context) -> Found[str] | None:
    """The SNE post identification (`COMP-H-5`) of a known DG, when the notice names one only (a cover list of
    several posts does not say which is its own), else the Sysper post number."""
    posts: dict[str, Found[str]] = {}
    for line in ctx.doc.lines:
        for post in POST_ID.finditer(line.text):
            if post.group("dg") in registry().dg_prefixes:
                posts.setdefault(post_id(post), Found(post_id(post), line, "medium", post.group("id")))
    if len(posts) == 1:
        return next(iter(posts.values()))
    for line in ctx.doc.lines:
        sysper = _SYSPER.search(line.text)
        if sysper:
            return Found(sysper.group("id"), line, "medium", sysper.group("id"))
    for hit in labelled(ctx.doc, "sysper"):
        number = _SYSPER_NUMBER.search(hit.value)
        if number:
            return Found(number.group(0), hit.line, "high", number.group(0))
    return None

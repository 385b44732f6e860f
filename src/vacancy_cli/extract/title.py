"""Job title and number of posts."""

from __future__ import annotations

import re

from .base import Context, Found, labelled

_ROLE_NOUNS = (
    r"officers?|assistants?|administrators?|managers?|experts?|advis[eo]rs?|analysts?|directors?|heads?|secretar(?:y|ies)"
    r"|specialists?|lawyers?|economists?|engineers?|developers?|translators?|interpreters?|co-?ordinators?|researchers?"
    r"|scientists?|auditors?|accountants?|architects?|technicians?|statisticians?|editors?|consultants?|agents?|clerks?"
    r"|leaders?|chiefs?|counsellors?|rapporteurs?|investigators?|inspectors?|trainers?|designers?|librarians?|archivists?"
    r"|assessors?|controllers?|planners?|strategists?|secretaries|conseill(?:er|ère)s?|chargée?s?\s+de\s+\w+"
    r"|fonctionnaires?|Referent(?:in)?|Sachbearbeiter(?:in)?|Assistent(?:in)?|Berater(?:in)?|Leiter(?:in)?|Direktor(?:in)?"
    r"|directeur|directrice|chef|administrat(?:eur|rice)|juriste|traduct(?:eur|rice)|gestionnaire|analyste|conseill(?:er|ère)"
)
_STAFF_TYPES = {"administrator", "principal administrator", "assistant", "secretary", "clerk", "contract agent",
                "temporary agent", "official", "seconded national expert", "national expert", "agent", "expert"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
_RECRUIT = re.compile(
    r"\b(?:(?:seeking|looking|aiming|wishes|wish)\s+to\s+(?:hire|recruit|appoint|fill)|hire|hiring|recruit(?:ing|s)?|looking\s+for|seeking|search(?:ing)?\s+for|recruitment\s+of|select(?:ing)?"
    r"|vacancy\s+for|post\s+of|position\s+of|function\s+of|poste\s+d[e']|recrute)\s+"
    r"(?:(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|the)\s+)?"
    r"(?P<role>(?:[\w'’/-]+\s+){0,5}?(?:" + _ROLE_NOUNS + r"))\b(?P<tail>(?:\s*[–-]\s*[A-Z][\w ]{2,40})?)",
    re.I,
)
_GRADE_ANNOTATION = re.compile(r"\((?:AD|AST|FG|A\*)\s*[\w*]*[^)]*\)")
_ANNOTATION = re.compile(r"\s*(?:\((?:[^()]*\b(?:AD|AST|FG|M/F|F/M|m/f(?:/d)?|H/F|w/m/d)\b[^()]*)\)|\*+|\d$)", re.I)


_NOTICE_WORDS = re.compile(
    r"^(?:call\s+for\s+expressions?\s+of\s+interest|vacancy\s+notice|notice\s+of\s+vacancy|avis\s+de\s+vacance"
    r"|stellenausschreibung|job\s+opportunit(?:y|ies))\b[^–-]*\s[–-]\s+",
    re.I,
)


def _tidy(title: str) -> str:
    title = _NOTICE_WORDS.sub("", title.strip())
    title = _ANNOTATION.sub("", title)
    title = re.split(r"\s+[–-]\s+(?:Directorate[- ]General|DG)\b", title)[0]
    title = re.split(r"\s+(?:in|at|for|within|of\s+the)\s+(?:DG|the\s+(?:unit|directorate)|unit)\b", title)[0]
    title = re.sub(r"\s+", " ", title).strip(" .,;:-–")
    if title.islower():
        title = " ".join(w if w in {"of", "and", "for", "the", "in"} else w[:1].upper() + w[1:] for w in title.split())
    return title


def singular(title: str) -> str:
    """`Policy Officers` -> `Policy Officer` (the last word of an English role)."""
    words = title.split()
    last = words[-1]
    if re.search(r"ies$", last) and not last.lower().endswith("series"):
        words[-1] = last[:-3] + "y"
    elif re.search(r"(?:ers|ors|ists|ants|ents|ads|ects|ics|ans|ts)$", last):
        words[-1] = last[:-1]
    return " ".join(words)


def extract_job_title(ctx: Context) -> Found[str] | None:
    """An explicit `Job title:` line, else the role the notice recruits (business title over staff type)."""
    for hit in labelled(ctx.doc, "job_title"):
        title = _tidy(hit.value)
        if title and len(title) <= 120 and not re.match(r"\d|number|identification", title, re.I):
            return Found(title, hit.line, "high", hit.value)
    for line in ctx.doc.lines[:40]:
        m = _GRADE_ANNOTATION.search(line.text)
        before = line.text[: m.start()] if m else ""
        if m and len(before) <= 90 and re.search(r"\b(?:" + _ROLE_NOUNS + r")\b", before, re.I) and ":" not in before:
            title = _tidy(re.sub(r"^.*\bpost\s+of\s+(?:an?\s+|the\s+)?", "", before, flags=re.I))
            if title:
                return Found(title, line, "medium", before.strip())
    generic: Found[str] | None = None
    for line in ctx.doc.lines:
        for m in _RECRUIT.finditer(line.text):
            role = _tidy(singular(m.group("role")) + m.group("tail"))
            role = re.sub(r"^(?:new|highly|motivated|dynamic|experienced|qualified|an?|the)\s+", "", role, flags=re.I)
            if not role or re.search(r"\b(?:candidates?|colleagues?|individuals?|people|persons?)\b", role, re.I):
                continue
            role = role[:1].upper() + role[1:]
            found = Found(role, line, "low", m.group(0))
            if role.lower() not in _STAFF_TYPES:
                return found
            generic = generic or found
    heading = _heading_title(ctx)
    if heading is not None and (generic is None or heading.value.lower() not in _STAFF_TYPES):
        return heading
    if generic is None:
        ctx.warn("job_title: not found")
    return generic






_NOT_A_TITLE = re.compile(r"notice|call|vacanc|avis|ausschreibung|selection|opportunit|\bjoin\b|recruit|\bwe\b|[.!?]$", re.I)


def _heading_title(ctx: Context) -> Found[str] | None:
    """A short heading near the top naming a role (`Head of Division – HR Policy (RM.BHR.6)`).

    A heading of dash-separated parts (`Call for expression of interest – Contract Agent FG IV – Project
    Officer`) loses the parts that are notice words or a staff category.
    """
    for line in ctx.doc.lines[:8]:
        text = re.sub(r"\s*\([^()]*\)\s*$", "", line.text).strip()
        if line.cells or len(text) > 120 or ":" in text:
            continue
        parts = [p.strip() for p in re.split(r"\s+[–-]\s+", text)]
        if len(parts) > 1:
            text = " – ".join(p for p in parts if not _NOTICE_WORDS.match(p + " – ") and not _is_staff_type(p))
        if not text or len(text) > 80 or _NOT_A_TITLE.search(text):
            continue
        if re.search(r"\b(?:" + _ROLE_NOUNS + r")\b", text, re.I):
            return Found(_tidy(text), line, "low", text)
    return None


def _is_staff_type(part: str) -> bool:
    """`Contract Agent FG IV`, `Temporary agents (AD 6)`: a staff category, not a business title."""
    bare = re.sub(r"\b(?:FG\s*[IV]+|AD\s*\d*|AST\s*\d*|function\s+group\s+[IV]+)\b", "", part, flags=re.I)
    return singular(re.sub(r"\s+", " ", bare).strip(" ,").lower() or "x") in _STAFF_TYPES


def extract_posts(ctx: Context) -> Found[int] | None:
    """The number of posts, labelled or stated (`recruiting 10 Policy Officers`, `3 posts`)."""
    for hit in labelled(ctx.doc, "posts"):
        m = re.match(r"\s*(\d{1,3}|" + "|".join(_NUMBERS) + r")\b", hit.value, re.I)
        if m:
            return Found(_number(m.group(1)), hit.line, "high", m.group(0))
    for line in ctx.doc.lines:
        m = _RECRUIT.search(line.text)
        if m and m.group("count") and m.group("count").isdigit():
            return Found(int(m.group("count")), line, "low", m.group(0))
        m = re.search(r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:vacant\s+)?(?:posts|positions|vacancies)\b", line.text, re.I)
        if m:
            return Found(_number(m.group(1)), line, "low", m.group(0))
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


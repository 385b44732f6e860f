"""Job title and number of posts.

The title is looked for in this order: a labelled value (`Job title:`, `Post (business title):`), a
title line near the top (`Data Analyst (AD 7)`, `Call for expressions of interest – Data Analyst`),
then the role a sentence recruits (`is looking for a Data Analyst`). A business title wins over a
Staff Regulations job type (`Administrator`); a staff category alone (`Contract Agent`) is no title.
The words come from the lexicons' `title` section: `role_nouns`, `staff_categories`, `job_types`,
`notice_words`, `recruit`, `as`, `fillers`, `people`, `stops`, `connectors`, `lead_words`, `count_words`,
`post_words`, `sentence_words`, `placement`. (English number words for counts stay here, with their values.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Literal

from .. import lexicon, regex_cache
from ..dates import find_dates
from ..document import Line
from ..registry import registry
from .base import Context, Found, field_labels, labelled
from .labels import any_label, label_pattern, label_then

Kind = Literal["business", "type"]

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
_COUNT = r"\d{1,3}(?:\s*(?:to|-|–)\s*\d{1,3})?|(?:" + "|".join(_NUMBERS) + r")(?:\s+to\s+(?:" + "|".join(_NUMBERS) + r"))?"
# A grade or function-group annotation: `(AD 7)`, `(CA FG III)`, `(Temporary Agent, Grade AD7)`, `(function group IV)`.
_GRADE = regex_cache.compile(r"\s*\((?:[^()]*\b(?:AD|AST(?:/SC)?|FG|A\*|SC)\s*[\dIV*]|[^()]*\s[IV]{1,3}\))[^()]*\)")
# Gender and count annotations: `(M/F)`, `(m/w/d)`, `(H/F)`, `(ambosessi)` and any other spaced `( ... )`.
_PAREN = regex_cache.compile(r"(?:^|\s+)\([^()]*(?:\([^()]*\)[^()]*)*\)|\s+\([^()]*$")
_DASH = regex_cache.compile(r"\s+[–—-]+\s+|\s+[–—-]+$|^[–—-]+\s+")
_COMMA = regex_cache.compile(r",\s+")
_SLASH = regex_cache.compile(r"\s+/\s+")  # `Expert in Planning / SRB/CA/2026/`: a cell run into the title
# A reference code as a heading part: `EPSO/AD/294/14`, `COM/2024/20108`.
_CODE = regex_cache.compile(r"^[\w.-]*\d[\w.-]*(?:/[\w.-]+)+$|^[\w-]+/[\w./-]*\d[\w./-]*$")
# Where a value runs into the next field or an organisation code: `Sector/Unit/Department:`, `BA.01.002`, `Job n° 27`.
_RUN_ON = regex_cache.compile(
    r"\s+(?:[A-Z][\w-]*(?:\s?/\s?[A-Z]?[\w-]+)+\s?:|[A-Z]{2,}(?:\.[A-Z0-9]+)+\b|(?:[A-Z]{2,}\s+\w+\s+)?job\s+(?:n[°o]|number)\b"  # `... EEAS Headquarters job No`
    r"|(?-i:(?=[\w/-]*\d)[A-Z]{2,}(?:[/_-][A-Z0-9]+){2,})\s*$)",  # a bare reference code ending it: `Head of Unit ENISA-TA-2026-05`
)
_DG_TAIL = regex_cache.compile(r"\s+(?:[–-]\s+|in\s+|at\s+|for\s+|within\s+|of\s+the\s+|de\s+la\s+|du\s+)"
                      r"(?:DG|Directorate[- ]General|the\s+(?:unit|directorate))\b.*$", re.I)
# A grade or article as a comma part: `AD7`, `AST 3`, `FG IV`, `2(f)`, `grades 13, 14`.
_GRADE_PART = regex_cache.compile(r"^(?:(?:AD|AST(?:/SC)?|FG|SC)\s*[\dIVX]*(?:\s*[-–]\s*(?:AD|AST)?\s*\d+)?|\d\s*\(\w\)|grades?\b.*)$", re.I)
_GRADE_WORDS = regex_cache.compile(r"\b(?:FG\s*[IV]+|AD\s*\d*|AST\s*\d*|grade\s*\w*)\b", re.I)  # `FGIV`, `AD 5`, `grade`
_FIELD = regex_cache.compile(r"\{([a-z_]+)\}")  # a template's `{key}`
_OPEN_STEM = regex_cache.compile(r"\\w[*+]$")  # a lexicon term ending `\w*` or `\w+` (Latvian `asistent\w*`)
_HASH_TAIL = regex_cache.compile(r"#(?:\s.*)?$")
_BARS_AND_STARS = regex_cache.compile(r"[|*]+")
_GLUED_LOWER_WORD = regex_cache.compile(r"^[a-z]+(?=[A-Z]{2})")
_SPACES = regex_cache.compile(r"\s+")
_GLUED_FOOTNOTE = regex_cache.compile(r"(?<=[a-z])\d$")
_LETTERS_ONLY = regex_cache.compile(r"[^\W\d_]{3,}")
_LETTER = regex_cache.compile(r"[^\W\d_]")
_NUMBER_OR_ID = regex_cache.compile(r"number|identification", re.I)
_COLON_OR_DOT = regex_cache.compile(r"[:.]")
_LOWER_START = regex_cache.compile(r"[a-z]")
_CALL_PART_END = regex_cache.compile(r"\s[–—-]\s|:")  # where a call heading's first part ends
_SENTENCE_STOP_AT_END = regex_cache.compile(r"[.!?;]\s*$")
_CAPITAL_START = regex_cache.compile(r"[A-ZÀ-ÿ]")
_PROSE_LINE_END = regex_cache.compile(r"[.:;!?)]$")
_DIGIT = regex_cache.compile(r"\d")
_POSTS_COUNT = regex_cache.compile(r"\s*(\d{1,3}|" + "|".join(_NUMBERS) + r")\b", re.I)  # `3`, `two` (posts)


@cache
def _run_on() -> re.Pattern[str]:
    """A value running into the next field: `Sector/Unit/Department:`, `BA.01.002`, `Job n° 27`, `Ref. XYZ-2013-03`,
    `(AST 3)Ref.` (its code wrapped onto the next line)."""
    reference = r"|(?<=\S)\s*(?:" + label_pattern("reference") + r")\s*(?:[.:]?\s*[\w/-]*\d|[.:]?$(?<=[.:]))"
    return regex_cache.compile(_RUN_ON.pattern + reference, re.I)


@cache
def _words(key: str) -> str:
    """The lexicon terms of `title.<key>` as a regex alternation."""
    return lexicon.alternation("title", key)


@cache
def _compiled(template: str, flags: int = re.I) -> re.Pattern[str]:
    """A pattern whose `{key}` fields are the terms of `title.<key>`, compiled once (not rebuilt at each call)."""
    return regex_cache.compile(_FIELD.sub(lambda m: _words(m.group(1)), template), flags)


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return lexicon.pattern("title", key)


def _is_whole(key: str, text: str) -> bool:
    """A value that is nothing but one term of `title.<key>` (`Contract Agent`, `Administrators`), as
    `^(?:terms)$` would tell: with patterns compiled anyway to search for roles and staff categories, else with
    only the terms that may start with the value's first letter (`lexicon.followed`, compiled on first use)."""
    if key == "role_nouns" and not text.endswith("\n"):  # `$` also matches before a final line break
        return _is_role(text)
    if key == "staff_categories" and not text.endswith("\n"):
        return _pattern(key).fullmatch(text) is not None
    return _then(key, "$").match(text)


def _then(key: str, suffix: str) -> lexicon.Followed:
    """Is a term of `title.<key>` at a position, then `suffix`? (`lexicon.Followed`: only the terms that may start
    there are compiled, on first use, and every suffix shares them.)"""
    return lexicon.followed("title", suffix, key)


# An acronym that may come before a notice word (`EEAS Vacancy notice`), case ignored as everywhere in the title rules.
_ACRONYM = regex_cache.compile(r"(?P<letters>[A-Z]{2,})\s+", re.I)
# Where the value after `Vacancy notice:` starts: neither a notice word nor an acronym before it holds a `:`,
# so a notice heading ends at the first one (and the spaces after it).
_UP_TO_COLON = regex_cache.compile(r"[^:]*:\s*")
_DG = regex_cache.compile(r"(?:DG|Directorate[- ]General)\s", re.I)  # a heading part that names a directorate-general


def _notice_starts(text: str) -> range:
    """Where the notice words of `(?:[A-Z]{2,}\\s+)?(?:{notice_words})...` may start: at 0, or anywhere in the spaces
    after an opening acronym but their first (the letters run up to the spaces, and `\\s+` takes at least one)."""
    m = _ACRONYM.match(text)
    return range(m.end("letters") + 1, m.end() + 1) if m else range(0)


def _notice_at_start(text: str, suffix: str) -> bool:
    """`(?:[A-Z]{2,}\\s+)?(?:{notice_words})` + `suffix` matches at the start of the text."""
    then = _then("notice_words", suffix)
    return then.match(text) or any(then.match(text, start) for start in _notice_starts(text))


@cache
def _lead() -> re.Pattern[str]:
    """Words before a role: notice words, recruit phrases, articles, adjectives and counts (`the post of a new`)."""
    words = "|".join(_words(k) for k in ("notice_words", "recruit", "fillers"))
    return regex_cache.compile(r"^(?:(?:" + words + r"|" + _COUNT + r"|" + _words("lead_words") + r")(?!\w)[\s:]*)+", re.I)


@cache
def _recruit() -> re.Pattern[str]:
    """`recruiting 4 Legal Officers`, `three (3) assistants`, `vacancy for the function of Director (AD 14)`,
    across one line break; also run on after a word (`agencyRecruits`: the capital tested first, as this is searched)."""
    return regex_cache.compile(
        r"(?:(?<!\w)|(?-i:(?=[A-Z])(?<=[a-z])))(?:" + _words("recruit") + r")(?:\s+|(?<=:)\s*)(?:(?P<count>" + _COUNT + r")(?:\s*\(\d{1,3}\))?\s+)?"
        r"(?P<role>[“\"«‘][^”\"»’\n]{2,120}[”\"»’]|[^\n(),;:“”\"«»]{2,150})(?:\s*\((?P<paren>[^()\n]{2,60})\))?",
        re.I,
    )


@cache
def _stop() -> re.Pattern[str]:
    """Where a recruited role's sentence goes on: `... Officer who will`, `... Director of the Agency`."""
    return regex_cache.compile(r"\.(?:\s|$)|\s(?:" + _words("stops") + r")(?!\w)", re.I)


def singular(title: str) -> str:
    """`Senior Assistants in the Unit` -> `Senior Assistant in the Unit`: the first plural role noun."""
    words = title.split(" ")
    for i, word in enumerate(words):
        bare = word.rstrip(",.;:")
        for cut, end in (("ies", "y"), ("s", "")):
            stem = bare[: -len(cut)] + end if bare.lower().endswith(cut) else ""
            if len(stem) > 2 and _is_whole("role_nouns", bare) and _closed_role_nouns().fullmatch(stem, 0, len(stem)) and not bare.lower().endswith("ss"):
                words[i] = word.replace(bare, stem)
                return " ".join(words)
    return title


@cache
def _closed_role_nouns() -> lexicon.Leading:
    """Role nouns whose ending is spelt out: only these tell a plural (`officers`) from its singular;
    an open stem (Latvian `asistent\\w*`) matches the singular `asistents` too. Matched by first letter
    (`lexicon.Leading`): a few words are asked about, and the whole list is long to compile."""
    closed = [t for t in lexicon.terms("title", "role_nouns") if not _OPEN_STEM.search(t)]
    return lexicon.Leading(tuple(lexicon.fragment(t) for t in closed), "")


def _has_role(text: str) -> bool:
    """Does the text name a role (a whole word of `title.role_nouns`)? As `_pattern("role_nouns").search` would tell."""
    return any(pattern.search(text) for pattern in _role_patterns())


_WORD_ENDING = r"\w*"  # what opens a role noun that is a word's ending: `\w*direktor`, `\w*leiter`


def _is_ending(fragment: str) -> bool:
    """`\\w*direktor`: a role noun that is any word ending with letters."""
    return fragment.startswith(_WORD_ENDING) and fragment[len(_WORD_ENDING) : len(_WORD_ENDING) + 1].isalpha()


@cache
def _role_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The role nouns as two patterns that together find a role wherever the whole-word pattern does: the nouns
    whole (`(?<!\\w)(?:...)(?!\\w)`), and the endings `\\w*direktor` stands for, at the end of a word. Where
    `\\w*` then an ending that starts with a letter matches, the ending alone matches (the word before it is all
    `\\w`), and is found without trying every length of `\\w*` at each word."""
    fragments = lexicon.fragments("title", "role_nouns")
    whole = lexicon.union([f for f in fragments if not _is_ending(f)]) or "(?!)"
    endings = lexicon.union([f.removeprefix(_WORD_ENDING) for f in fragments if _is_ending(f)]) or "(?!)"
    return regex_cache.compile(r"(?<!\w)(?:" + whole + r")(?!\w)", re.I), regex_cache.compile(r"(?:" + endings + r")(?!\w)", re.I)


_WORD_CHARACTERS = regex_cache.compile(r"\w*")


def _is_role(text: str) -> bool:
    """Is the text one role noun, whole? With `_role_patterns`: a noun whole, or word characters then an ending
    (`Generaldirektor`: `\\w*direktor` matches all of it)."""
    whole, endings = _role_patterns()
    if whole.fullmatch(text):
        return True
    letters = _WORD_CHARACTERS.match(text)
    assert letters is not None
    return any(endings.fullmatch(text, start) for start in range(letters.end() + 1))


def _is_staff_part(part: str) -> bool:
    """`HQ Contract Agent FGIV`, `Temporary staff (AD 5 to AD 7)`, `Seconded national expert (SNE) of the Office`."""
    m = _pattern("staff_categories").search(part)
    if not m:
        return False
    rest = _GRADE.sub("", part[: m.start()] + " " + part[m.end():])
    rest = _GRADE_WORDS.sub("", rest)
    return not _has_role(rest)


def _drop_parts(text: str, splitter: re.Pattern[str]) -> str:
    """Drop notice words, codes, counts and staff categories from the parts of a heading; a staff
    category after a kept part ends the title (`Policy Officer - HQ Contract Agent FGIV - EEAS ...`)."""
    parts = [p.strip() for p in splitter.split(text) if p and p.strip()]
    if len(parts) < 2:
        return text
    kept: list[str] = []
    for part in parts:
        if _is_staff_part(part):
            if kept:
                break
            continue
        if splitter is _DASH:
            part = _lead().sub("", part)
        if _is_notice(part) or _CODE.match(part) or _GRADE_PART.match(part) or _is_count(part) or not part.strip(" .,"):
            continue
        kept.append(part)
    if kept == parts:
        return text
    if splitter is not _DASH:
        return (", " if splitter is _COMMA else " / ").join(kept)
    # A job type after the title is its category (`Studies manager - Administrator`); first, it is part of it.
    return " – ".join(p for i, p in enumerate(kept) if not (i and _is_whole("job_types", p)))


def _is_notice(part: str) -> bool:
    """`Vacancy notice`, `EEAS Vacancy`, `DG Regional policy`: a heading part that names no post."""
    return bool(_DG.match(part)) or _notice_at_start(part, "$")



def _is_count(part: str) -> bool:
    """`multiple positions`, `3 posts`: how many, not what."""
    return bool(_compiled(r"^(?:{count_words})\s+(?:{post_words})$").match(part))


# A qualifier of the role, part of the title: `(anti-subsidy)`, `(data protection)`; one to three words
# in lower case. Anything else in brackets is an annotation: a grade, `(M/F)`, `(1 post)`, a code, a place,
# `(reserve list)`, `(part-time)` (lexicon `title.annotations`).
_QUALIFIER = regex_cache.compile(r"\s*\((?P<words>[a-zà-ÿ][a-zà-ÿ-]*(?: [a-zà-ÿ][a-zà-ÿ-]*){0,2})\)")


def _annotation_dropped(m: re.Match[str]) -> str:
    """`_PAREN`'s replacement: a bracketed qualifier stays, an annotation goes."""
    qualifier = _QUALIFIER.fullmatch(m.group(0))
    words = qualifier.group("words") if qualifier else ""
    if qualifier and not _compiled(r"(?<!\w)(?:{post_words}|{count_words}|{annotations})(?!\w)").search(words):
        return m.group(0)
    return ""


def _clean(value: str) -> str:
    """A printed title without annotations, run-on fields, notice words and staff categories."""
    text = _BARS_AND_STARS.sub(" ", _HASH_TAIL.sub("", value))  # `Data Analysts# in Unit B#`: `#` ends a heading
    text = _GLUED_LOWER_WORD.sub("", text.strip())  # `nationSENIOR AGENT` (a job board's glued word)
    m = _run_on().search(text)
    text = text[: m.start()] if m else text
    text = _PAREN.sub(_annotation_dropped, _GRADE.sub(" ", text))
    text = _SPACES.sub(" ", text).strip(" .,;:")
    text = _drop_parts(text, _DASH)
    text = _drop_parts(text, _COMMA)
    text = _drop_parts(text, _SLASH)
    m = _pattern("staff_categories").search(text, 1)
    if m and _has_role(text[: m.start()]):
        text = text[: m.start()]  # `Expert in ATM Operations Seconded National Expert`
    text = _halves_of_a_pair(_lead().sub("", text))
    m = _compiled(r"(?:{job_types}),?\s+(?:{as})\s+(?=\w)").match(text)
    text = text[m.end():] if m else text  # `administrador, como Jefe de Sector`
    text = _DG_TAIL.sub("", text)
    text = _compiled(r"(?:\s+(?:{connectors}))+$").sub("", text)  # `... Comunicación de la`
    text = _GLUED_FOOTNOTE.sub("", text)  # a glued footnote: `Engineer1`
    text = text.strip(" .,;:–—-«»“”\"'")
    if text.islower():
        text = text[:1].upper() + text[1:]
    return text


def _halves_of_a_pair(text: str) -> str:
    """`Direktors/einer Direktorin` -> `Direktor/Direktorin`: each half of a gendered pair read as a title."""
    first, slash, second = text.partition("/")
    rest = _lead().sub("", second)
    if not slash or " " in first or rest == second or not _LETTERS_ONLY.fullmatch(rest):
        return text  # not `Auditor/a`, `SECRETARIO/A`, `Auditor/a veterinario/a`
    return f"{singular(first)}/{rest}"


def _kind(title: str) -> Kind | None:
    """`business` for a business title, `type` for a Staff Regulations job type alone, None for no title."""
    if not title or len(title) > 160 or not _LETTER.search(title):
        return None
    label = label_then(r"(?:\s*(?:[:/|(]|$))").match(title)
    if (label and not _has_role(title)) or _NUMBER_OR_ID.match(title):
        return None
    if _is_whole("staff_categories", title) or _is_staff_part(title) or _pattern("people").fullmatch(title):
        return None
    if _is_whole("notice_words", title) or _is_whole("post_words", title) or _is_count(title) or _GRADE_PART.match(title):
        return None  # `Vacancy notice`, `Posts`, `3 posts`, `AD 12`, `grade AD 16`
    dg = lexicon.pattern("organisation", "directorate_general").search(title)
    if dg and not _has_role(title[: dg.start()]):
        return None  # the name of a directorate-general (`... generalinis direktoratas`), not a post
    return "type" if _is_whole("job_types", title) else "business"


def _title(value: str) -> tuple[str, Kind | None]:
    """A candidate made a title: cleaned, a leading staff category dropped, singular."""
    title = _clean(value)
    if registry().body_names.fullmatch(title):
        return title, None  # `EUROPEAN COURT OF AUDITORS`: who recruits, not for what
    m = _pattern("staff_categories").match(title)
    linked = _compiled(r"\s*(?:{stops}|{lead_words})(?!\w)").match(title[m.end():]) if m else None
    if m and _has_role(title[m.end():]) and not linked:
        title = title[m.end():].strip(" ,–-")  # `CONTRACT AGENTS RESEARCHERS`
    title = singular(title)
    return title, _kind(title)


def extract_job_title(ctx: Context) -> Found[str] | None:
    """The labelled title, else a title line near the top, else the role recruited; business titles first."""
    fallback: Found[str] | None = None
    for source in (_from_labels, _from_headings, _from_recruitment, _in_paragraphs, _from_call_headings):
        candidates = source(ctx)
        for found, kind in candidates:
            if kind == "business":
                return _fuller(found, candidates) if source is _from_headings else found
            fallback = fallback or found
    return fallback


def _fuller(found: Found[str], others: Iterator[tuple[Found[str], Kind]]) -> Found[str]:
    """A later heading that goes on from the first one (`Data Analyst` / `Data Analyst - Statistics`) wins.

    `others` are the headings after it (`_from_headings` yields business titles only: `found` is its first).
    """
    for other, _ in others:
        if other.value.lower().startswith(found.value.lower() + " "):
            return other
    return found


def _from_labels(ctx: Context) -> Iterator[tuple[Found[str], Kind]]:
    """`Job title: X`; a value printed above its label (`X` / `Post (business title):` / `(a reserve list ...)`)."""
    lines = ctx.doc.lines
    # in document order: a line's own `Title: X` before the value below a label ending the same line
    for hit in sorted(labelled(ctx.doc, "job_title"), key=lambda hit: hit.index):
        value, line = hit.value, hit.line
        if hit.value.startswith(("(", "- ", "– ")) or not _clean(hit.value):
            above = _above_label(lines, hit.index, bullet=not hit.value.startswith("("))
            if above is not None:
                line = lines[above]
                value = line.text
        else:
            value = _wrapped(lines, hit.index, value)
        title, kind = _title(value)
        if kind is not None:
            yield Found(title, line, "high", value), kind


@cache
def _inline_label() -> re.Pattern[str]:
    """A title label of two words or more inside a run-together paragraph (`... External Title of function X ...`)."""
    labels = [t for t in lexicon.terms("labels", "job_title") if " " in t]
    return regex_cache.compile(r"(?<!\w)(?:" + "|".join(lexicon.fragment(t) for t in sorted(labels, key=len, reverse=True)) + r")\s+", re.I)


def _any_label() -> lexicon.Leading:
    return any_label(r"(?!\w)\s*")


def _in_paragraphs(ctx: Context) -> Iterator[tuple[Found[str], Kind]]:
    """A capitalised title label and its value in a long line where a reader ran a header table together.

    A second label right after the first (labels, then values: `Title Contract type Assistant Temporary agent`)
    is skipped; the value ends at the next capitalised label or staff category. Its end being a guess,
    it comes after the recruited role.
    """
    for line in ctx.doc.lines:
        if len(line.text) <= 100:
            continue
        for m in _inline_label().finditer(line.text):
            if not line.text[m.start()].isupper():
                continue
            rest = line.text[m.end():]
            nxt = _any_label().match(rest)
            rest = rest[nxt.end():] if nxt and rest[:1].isupper() else rest
            if not rest[:1].isupper():
                continue
            end = next((n.start() for n in _any_label().finditer(rest, 1) if rest[n.start()].isupper()
                        and not rest[n.start() - 1].isalnum()), 120)
            title, kind = _title(rest[:end])
            if kind is not None and _has_role(title):
                yield Found(title, line, "medium", rest[:end]), kind


def _above_label(lines: list[Line], index: int, bullet: bool) -> int | None:
    """The line above a label that has its value there: the line just above, or the first item of a list."""
    starts = field_labels("job_title").first(lines[index].text, anywhere=False) is not None  # `\W{0,3}(?:labels)`
    label = index if starts else index - 1
    above = label - 1
    if above < 0 or ":" in lines[above].text or len(lines[above].text) > 100:
        return None
    while bullet and above > 0 and ":" not in lines[above - 1].text and len(lines[above - 1].text) <= 100 \
            and not _has_notice_word(lines[above - 1].text):
        above -= 1
    return above


_WORD_STARTS = regex_cache.compile(r"(?<!\w)")  # every place not inside a word


def _has_notice_word(text: str) -> bool:
    """A notice word in a short line, as `_pattern("notice_words").search` would tell, with the term patterns
    `_then` compiles (only those starting with the letters met; the whole list is long to compile)."""
    then = _then("notice_words", r"(?!\w)")
    return any(then.match(text, m.start()) for m in _WORD_STARTS.finditer(text))


def _wrapped(lines: list[Line], index: int, value: str, graded: bool = True) -> str:
    """A title wrapped over lines: joined up to its grade annotation (`... Task` / `Force ... (AD8)`) or
    while the next line goes on in lower case (`... sustainable` / `supply to the EU`)."""
    ahead = [line.text for line in lines[index + 1: index + 4]]
    for n in range(len(ahead) if graded else 0):
        if _COLON_OR_DOT.search(ahead[n]) or len(ahead[n]) > 80:
            break
        if _GRADE.search(ahead[n]) and not _GRADE.search(value):
            return " ".join([value, *ahead[: n + 1]])
    while ahead and _LOWER_START.match(ahead[0]) and not _compiled(r"(?:{stops})\b", 0).match(ahead[0]) \
            and len(value) < 120 and not value.endswith((".", ")")):
        value = value + " " + ahead.pop(0)
    return value


def _from_headings(ctx: Context, calls: bool = False) -> Iterator[tuple[Found[str], Kind]]:
    """A short line near the top naming a role: `Data Analyst (AD 7)`, `Vacancy notice – Data Analyst`.

    A heading that calls for the role (`Call for expressions of interest for Data Analysts`) is left
    to `_from_call_headings`: the body's wording of the role comes first.
    """
    lines = ctx.doc.lines
    for i, line in enumerate(lines[:16]):
        text = line.text
        # (one pattern: as a `_then` suffix, `\s+` would be tried at each place of a long run of spaces)
        if calls != bool(_compiled(r"(?:{notice_words})\s+(?:{lead_words})\s").match(text)):
            continue
        if i and _continues(lines[i - 1].text, text) and not _GRADE.search(text):
            continue  # a graded line is still a title: `... un puesto de` / `administrador, como Jefe (AD8)`
        if i and _label_alone(lines[i - 1].text):
            continue  # the value of the label above: `Ref.:` / `ABC/2026/01 - Legal Administrator`
        if calls:  # `CALL FOR EXPRESSIONS OF INTEREST FOR RESEARCHERS – FUNCTION GROUP IV Profile 1: ...`
            text = _CALL_PART_END.split(text)[0]
        notice = _UP_TO_COLON.match(text) if _notice_at_start(text, r"[^:]{0,30}:\s*(?=\S)") else None
        text = text[notice.end():] if notice else text  # `Vacancy notice: Data Analyst (AD 7)`
        graded = _GRADE.search(text)
        head = text[: graded.start()] if graded else text
        if (line.cells and not calls) or ":" in head or _SENTENCE_STOP_AT_END.search(head) or len(head) > 140 or _recruit().search(head):
            continue  # a sentence that recruits is read by `_from_recruitment`
        above_reference = _by_reference(lines, i)
        if not graded and (i >= 12 or len(head) > 100 or not (_has_role(head) or above_reference)):
            continue
        if not _has_role(head) and (len(head.split()) > _HEADING_WORDS or not _CAPITAL_START.match(head)):
            continue
        if head.split(" ", 1)[0].islower() and len(head.split()) > _HEADING_WORDS:
            continue  # a sentence's or list item's line: `proporcionar asistencia al Jefe de la Representación en el ...`
        value = _wrapped(lines, i, text, graded=False) if not graded else text
        title, kind = _title(_compiled(r"\s+(?:{placement})\s+[A-Z].*$", 0).sub("", value))  # `at the Court`
        if kind == "business" and (_has_role(title) or above_reference) and not _pattern("sentence_words").search(title):
            yield Found(title, line, "medium", value), kind


_HEADING_WORDS = 8  # a heading line without a role, or one starting with a word in lower case, is no longer


def _label_alone(text: str) -> bool:
    """A line that is only a label of any field then its colon (`Ref. :`, `Dienstort:`)."""
    return any_label(r"\s*[:：]\s*$").match(text.lstrip(" \t•*-–")) is not None


def _continues(above: str, text: str) -> bool:
    """A line that goes on with the sentence of a prose line above it, which is no heading:
    `... to draw up a list of 6` / `candidates in order to fill 3 administrator posts ...`."""
    return len(above) > 60 and not _PROSE_LINE_END.search(above) and text.split(" ", 1)[0].islower()


def _from_call_headings(ctx: Context) -> Iterator[tuple[Found[str], Kind]]:
    """`Call for expressions of interest for Data Analysts`, when the body names no role."""
    return _from_headings(ctx, calls=True)


def _by_reference(lines: list[Line], index: int) -> bool:
    """A short line at the top set by the notice's reference: above its bare label (`Data Policies` /
    `Reference number`, after at most a page heading), or under a first line that is the bare code
    (`EPSO/CAST/P/1/2026` / `Data Policies`), not a date (`31/01/2026` / `Official Journal ...`)."""
    text = lines[index].text
    if index > 1 or len(text.split()) > 8 or _DIGIT.search(text) or registry().body_names.search(text):
        return False  # `ABOUT EUROPOL`: a section on the body
    below = lines[index + 1].text if index + 1 < len(lines) else ""
    if _reference_label_alone().match(below):
        return True
    first = lines[0].text
    return index == 1 and bool(_CODE.match(first)) and not find_dates(first) and not _has_role(text)  # not `31/01/2026`


@cache
def _reference_label_alone() -> re.Pattern[str]:
    """A reference label alone on its line (`Reference number`, `Ref. :`)."""
    return regex_cache.compile(r"(?:" + label_pattern("reference") + r")\s*[:|]?\s*$", re.I)


def _from_recruitment(ctx: Context) -> Iterator[tuple[Found[str], Kind]]:
    """`is looking for a Project Manager who ...`, `the post of` / `Head of Unit (M/F)` over a line break."""
    lines = ctx.doc.lines
    for i, line in enumerate(lines):
        window = line.text + ("\n" + lines[i + 1].text if i + 1 < len(lines) and len(line.text) < 200 else "")
        for m in _recruit().finditer(window):
            if m.start() >= len(line.text):
                break
            found = _recruited(m, line, window)
            if found is not None:
                yield found


def _recruited(m: re.Match[str], line: Line, window: str) -> tuple[Found[str], Kind] | None:
    """The role a recruit phrase names; a job type gives way to the business title in brackets or after `as`."""
    role = _role_phrase(m.group("role"))
    if role is None:
        return None
    title, kind = _title(role)
    if kind != "business":
        paren = m.group("paren") or ""
        after = _compiled(r"(?<!\w)(?:{as})\s+(?P<role>[^\n(),;:]{2,120})").search(window[m.end("role"):])
        better = paren if _has_role(paren) and not _GRADE.match(f" ({paren})") else (after.group("role") if after else "")
        phrase = _role_phrase(better) if better else None
        if phrase is not None and (alt := _title(phrase))[1] == "business":
            title, kind = alt
    if kind is None or not _has_role(title):
        return None
    return Found(title[:1].upper() + title[1:], line, "low", m.group(0).strip()), kind


def _role_phrase(text: str) -> str | None:
    """A recruited phrase up to where its sentence goes on; None when it names people, not a role."""
    quoted = text.strip()[:1] in "“\"«‘"
    text = _lead().sub("", text.strip().strip("“”\"«»‘’"))
    m = None if quoted else _stop().search(text)
    text = text[: m.start()] if m else text
    if not text or _pattern("people").search(text) or len(text.split()) > 10:
        return None
    return text


def extract_posts(ctx: Context) -> Found[int] | None:
    """The number of posts, labelled or stated (`recruiting 10 Policy Officers`, `3 posts`)."""
    for hit in labelled(ctx.doc, "posts"):
        m = _POSTS_COUNT.match(hit.value)
        if m and _number(m.group(1)) > 0:  # `Number of posts: 0` states none
            return Found(_number(m.group(1)), hit.line, "high", m.group(0))
    for line in ctx.doc.lines:
        m = _recruit().search(line.text)
        count = (m.group("count") or "").lower() if m else ""
        if m and (count.isdigit() or (count in _NUMBERS and count not in ("a", "an"))) and _number(count) > 0:
            return Found(_number(count), line, "low", m.group(0))
        m = _POSTS.search(line.text) if _POST_WORD.search(line.text) else None
        if m and _number(m.group(1)) > 0:
            return Found(_number(m.group(1)), line, "low", m.group(0))
    return None


# `(1 post)`, `concerning one post`, `There is 1 available vacant post`; not `a plan of roughly 70 posts`.
_POSTS = regex_cache.compile(
    r"(?<!roughly )(?<!about )(?<!approximately )(?<!around )(?<!of )\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:available\s+)?(?:vacant\s+)?(?:posts?|positions?|vacanc(?:y|ies))\b(?!\s+(?:of|in)\s+the\s+(?:establishment|staff))",
    re.I,
)
_POST_WORD = regex_cache.compile(r"post|position|vacanc", re.I)  # in every match of `_POSTS`, and quicker to look for


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]

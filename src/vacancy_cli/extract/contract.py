"""Staff category, contract type (with its CEOS article), function group and grade.

The words (staff categories, article and point words, `cost-free`, ...) are the lexicon's `contract`
section in every language; the shapes of articles, grades and reference codes stay here.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon, regex_cache
from ..document import Line
from ..model import ContractType, StaffCategory
from ..read.clean import EMPTY_BOX, TICKED_BOX
from .base import Context, Found, field_labels, labelled
from .ticks import ticked_options

# The categories a notice names, strongest first; `official` is read only when no other is named.
_CATEGORY_KEYS: tuple[tuple[StaffCategory, str], ...] = (
    (StaffCategory.SECONDED_NATIONAL_EXPERT, "sne"),
    (StaffCategory.TEMPORARY_AGENT, "temporary_agent"),
    (StaffCategory.CONTRACT_AGENT, "contract_agent"),
    (StaffCategory.TRAINEE, "trainee"),
)
_GENERIC = {
    StaffCategory.CONTRACT_AGENT: ContractType.CONTRACT_AGENT,
    StaffCategory.TEMPORARY_AGENT: ContractType.TEMPORARY_AGENT,
    StaffCategory.OFFICIAL: ContractType.OFFICIAL,
    StaffCategory.SECONDED_NATIONAL_EXPERT: ContractType.SNE,
    StaffCategory.TRAINEE: ContractType.TRAINEE,
}
# Category codes of references (`EUAA/2026/TA/010`, `ENISA-CA02-III-2017`, `EPSO/CAST/P/12`, `.../TA2f/AD6`).
_REF_CODE = regex_cache.compile(r"[/_-](?P<code>CAST|TA|CA|SNE|AD|AST)(?P<article>2[abf]|3[ab])?\d*(?=[/_-]|$)")
_CODE_CATEGORY = {
    "TA": StaffCategory.TEMPORARY_AGENT,
    "CA": StaffCategory.CONTRACT_AGENT,
    "CAST": StaffCategory.CONTRACT_AGENT,  # Contract Agent Selection Tool
    "SNE": StaffCategory.SECONDED_NATIONAL_EXPERT,
}
# Point letters of the CEOS articles, also in Greek and Cyrillic (`στοιχείο στ)`, `буква е)`).
_LETTERS = {"α": "a", "β": "b", "στ": "f", "а": "a", "б": "b", "е": "f"}
_LETTER = r"[a-f]|στ|[αβаб]|е(?=\s*\))"
# An article of another act, not of the CEOS: `Article 2(a) of Regulation (EU) 2018/1725`.
_OTHER_ACT = regex_cache.compile(r"[^.;\n]{0,40}?(?:\((?:EU|EC|EEC)[^)]*\)|\b\d{4}/\d{1,4}\b|\bNo\.? ?\d+/\d{2,4}\b)")
# An article with no point: `3b`, `2(f)`, `3 bis`, `3 ter` (the French numbering: bis = a, ter = b).
_BARE_ARTICLE = regex_cache.compile(r"(?<![\d.])(?P<num>[23])(?:\s*\(\s*(?P<p1>[a-f])\s*\)|(?P<p2>[abf])\b|\s+(?P<bis>bis|ter)\b)", re.I)


# A text that opens with a bare article (`3b`, `2 (f)`): one may be read without a category named.
_LEADING_ARTICLE = regex_cache.compile(r"\W*[23]\s*\(?[abf]\)?(?!\w)")
# A lone `X` or `x` before a word: a box ticked with a letter (`☐ With allowances X COST-FREE`).
_X_TICK = regex_cache.compile(r"(?:(?<=\s)|^)[Xx](?=\s+\w)")
_SPACES = regex_cache.compile(r"\s+")
_NUMBER_SEGMENT = regex_cache.compile(r"/\d")


def _words(key: str) -> re.Pattern[str]:
    """The lexicon's `contract.<key>` terms of every language, as one whole-word pattern."""
    return lexicon.pattern("contract", key)


def _letter(name: str) -> str:
    """A point letter as the named group `name`."""
    return rf"(?P<{name}>{_LETTER})"


@cache
def _article_patterns() -> tuple[re.Pattern[str], ...]:
    """CEOS article wordings, each with groups `num`, a point letter `p*` or `bis`/`ter` (group `bis`)."""
    art = lexicon.alternation("contract", "article")
    point = lexicon.alternation("contract", "point")
    return (
        # `Article 3(b)`, `article 2, point b)`, `Artikel 3a`, `articolo 3 bis`, `art. 2 lit. f`, `artigo 3.º-A`
        regex_cache.compile(
            rf"(?<!\w)(?:{art})\s*(?P<num>[23])(?!\d)(?:\s*\.\s*[º°o]?)?\s*-?\s*(?:\(\s*{_letter('p1')}\s*\)|{_letter('p2')}(?!\w)"
            rf"|(?P<bis>bis|ter)\b|,?\s*(?:{point})\s*\(?\s*{_letter('p3')}\s*\)?(?:\d(?!\w))?(?!\w))",  # `a1`: a footnote
            re.I,
        ),
        # `point (a) of Article 2`, `lettera a) dell'articolo 2`
        regex_cache.compile(rf"(?<!\w)(?:{point})\s*\(?\s*{_letter('p1')}\s*\)\s*[^\d\n]{{0,20}}?(?:{art})\s*(?P<num>[23])(?!\d)", re.I),
        # number first: `2 artiklan f alakohta`, `2. cikk f) pontja`, `3 a artiklan`, `3a. cikk`
        regex_cache.compile(rf"(?<![\d.])(?P<num>[23])\s*\.?\s*(?:{art})\s*\(?{_letter('p1')}\)?\s*(?:{point})", re.I),
        regex_cache.compile(rf"(?<![\d.])(?P<num>[23])\s*\.?\s*(?P<p1>[abf])\s*\.?\s*(?:{art})", re.I),  # `3.a pantu`
    )


@cache
def _article_29() -> re.Pattern[str]:
    """A post filled under Article 29 of the Staff Regulations: `Article 29(2)`, `artigo 29.º, n.º 2, do Estatuto`."""
    art = lexicon.alternation("contract", "article")
    regulations = lexicon.alternation("contract", "staff_regulations")
    return regex_cache.compile(rf"(?<!\w)(?:{art})\s*29(?!\d)(?:\s*\(\s*[12]\s*\)|[^\n]{{0,50}}?(?<!\w)(?:{regulations}))", re.I)


@cache
def _function_group_pattern() -> re.Pattern[str]:
    """`FG IV`, `GF III`, `ΟΚ IV`, `FGIII.08`, `function group IV`, `Grupo de funciones III`."""
    words = lexicon.alternation("contract", "function_group")
    return regex_cache.compile(rf"(?:(?<!\w)(?:FG|GF|ΟΚ)|(?<!\w)(?:{words}))\s*[-:]?\s*(?P<fg>IV|III|II|I|[1-4])(?!\w)", re.I)


def _contract_type(num: str, point: str, category: StaffCategory | None) -> ContractType | None:
    """`3`+`b` -> contract_agent_3b; `2`+`c` (no value of its own) -> temporary_agent."""
    if num == "3" and point in ("a", "b") and category in (None, StaffCategory.CONTRACT_AGENT):
        return ContractType(f"contract_agent_3{point}")
    if num == "2" and point and category in (None, StaffCategory.TEMPORARY_AGENT):
        return ContractType(f"temporary_agent_2{point}") if point in "abf" else ContractType.TEMPORARY_AGENT
    return None


def _point(m: re.Match[str]) -> str:
    suffix = (m.groupdict().get("bis") or "").lower()
    if suffix:
        return "a" if suffix == "bis" else "b"  # `3 bis` is Article 3a, `3 ter` Article 3b
    letter = next((m.group(g) for g in ("p1", "p2", "p3") if m.groupdict().get(g)), "").lower()
    return _LETTERS.get(letter, letter)


def _article(text: str, category: StaffCategory | None) -> ContractType | None:
    """The contract type an article states (`3b`, `Article 3(b)`, `2(f)`, `3 bis`, `point (a) of Article 2`)."""
    if category == StaffCategory.CONTRACT_AGENT and _words("auxiliary").search(text):
        return ContractType.CONTRACT_AGENT_3B
    if "2" not in text and "3" not in text:
        return None  # every article wording has its number, 2 or 3: most lines are left here
    for pattern in _article_patterns():
        for m in pattern.finditer(text):
            found = _contract_type(m.group("num"), _point(m), category)
            if found and not _OTHER_ACT.match(text, m.end()):
                return found
    bare_allowed = category is not None or _LEADING_ARTICLE.match(text.strip())
    for m in _BARE_ARTICLE.finditer(text) if bare_allowed else ():
        found = _contract_type(m.group("num"), _point(m), category)
        if found and found != ContractType.TEMPORARY_AGENT:
            return found
    return None


@cache
def _regulations_around() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The Staff Regulations named just before (`statut des `) or just after (` személyzeti szabályzata`) a word."""
    regulations = lexicon.alternation("contract", "staff_regulations")
    before = regex_cache.compile(rf"(?:{regulations})\W+(?:\w{{1,5}}\W+){{0,2}}$", re.I)
    return before, regex_cache.compile(rf"\W+(?:\w+\W+)?(?:{regulations})", re.I)


def _names_regulations(text: str, m: re.Match[str]) -> bool:
    """`Staff Regulations of Officials`, `statut des fonctionnaires`: the title of the rules, not the post."""
    before, after = _regulations_around()
    return bool(before.search(text[: m.start()]) or after.match(text, m.end()))


@cache
def _any_category() -> re.Pattern[str]:
    """A term of any of `_CATEGORY_KEYS`, whole: it matches where one of their patterns (`_words`) matches."""
    terms = lexicon.union([fragment for _, key in _CATEGORY_KEYS for fragment in lexicon.fragments("contract", key)])
    return regex_cache.compile(r"(?<!\w)(?:" + terms + r")(?!\w)", re.I)


def _first_named(text: str) -> tuple[int, StaffCategory, str] | None:
    """Where the first of `_CATEGORY_KEYS` is named, which one (the first key named there) and its words.

    One search for all the categories, then a match of each at that place, rather than a search per category:
    the text is read once.
    """
    first = _any_category().search(text)
    if first is None:
        return None
    for category, key in _CATEGORY_KEYS:
        m = _words(key).match(text, first.start())
        if m is not None:
            return m.start(), category, m.group(0)
    raise AssertionError("a category term matched where none of the categories does")


def _category(text: str, official: bool = False) -> tuple[StaffCategory, str] | None:
    """The first staff category a text names (officials only when `official`; on a tie, the first of the keys)."""
    first = _first_named(text)
    hits = [first] if first else []
    for m in _words("official").finditer(text) if official else ():
        if not _names_regulations(text, m):
            hits.append((m.start(), StaffCategory.OFFICIAL, m.group(0)))
            break
    if not hits:
        return None
    _, category, match = min(hits, key=lambda h: h[0])
    return category, match


def _decide_sne(window: str) -> ContractType | None:
    """Cost-free or with allowances, from tick boxes (`☒ With allowances ☐ Cost-free`) or plain words."""
    if EMPTY_BOX in window:
        window = _X_TICK.sub(TICKED_BOX, window)  # `☐ With allowances X COST-FREE`
    options = ticked_options(window)
    cost_free, allowances = _words("cost_free"), _words("with_allowances")
    if options is not None:
        ticked = " ".join(options)
        if cost_free.search(ticked):
            return ContractType.SNE_COST_FREE
        if allowances.search(ticked) or (ticked.strip() and cost_free.search(window)):
            return ContractType.SNE_WITH_ALLOWANCES  # `☒ None ☐ Cost-free`: not cost-free
        return None
    if cost_free.search(window) and not allowances.search(window):
        return ContractType.SNE_COST_FREE
    if allowances.search(window) and not cost_free.search(window):
        return ContractType.SNE_WITH_ALLOWANCES
    return None


def _sne_in_text(lines: list[Line]) -> ContractType | None:
    """Tick-box lists first, then a plain statement; a cover list's column header (`Deadline Cost-free SNE`) is not one."""
    mentions = [i for i, line in enumerate(lines) if _words("cost_free").search(line.text) or _words("with_allowances").search(line.text)]
    for i in mentions:
        window = _option_window(lines, i)
        if EMPTY_BOX in window or TICKED_BOX in window:
            found = _decide_sne(window)
            if found:
                return found
    for i in mentions:
        text = lines[i].text
        if EMPTY_BOX not in text and TICKED_BOX not in text and not _is_cover_list_header(text):
            found = _decide_sne(text)
            if found:
                return found
    return None


def _is_cover_list_header(text: str) -> bool:
    """A cover list's column header: a deadline label followed by `Cost-free` (`Ref. Deadline Cost-free SNE`)
    (the deadline labels compiled once, in base)."""
    tail = rf"\s+(?:{lexicon.alternation('contract', 'cost_free')})"
    return field_labels("deadline").search(text, 0, r"(?<!\w)", tail) is not None


def _option_window(lines: list[Line], i: int) -> str:
    """A line of options, with its neighbours when they are short option lines (`☐` / `With allowances` / `X COST-FREE`)."""
    text = lines[i].text
    if EMPTY_BOX in text or TICKED_BOX in text:
        return text
    near = [line.text for line in lines[max(0, i - 1) : i + 2] if line is lines[i] or len(line.text.split()) <= 3]
    return " ".join(near)


def _article_in_text(lines: list[Line], category: StaffCategory) -> ContractType | None:
    """The article (or SNE kind) the notice states anywhere for a known category."""
    if category == StaffCategory.SECONDED_NATIONAL_EXPERT:
        return _sne_in_text(lines)
    for line in lines:
        found = _article(line.text, category)
        if found and found != _GENERIC.get(category):
            return found
    return None


def _ref_codes(ref: str) -> list[re.Match[str]]:
    """The category codes of a reference after its issuer, its first segment: `CA-JU/TA/2026/02` is a TA's."""
    issuer = ref.find("/") if "/" in ref else 0
    return [m for m in _REF_CODE.finditer(ref) if m.start() >= issuer]


def _ref_code(ctx: Context) -> re.Match[str] | None:
    ref = ctx.value("reference")
    codes = _ref_codes(ref) if isinstance(ref, str) else []
    return codes[0] if codes else None


def _refined(category: StaffCategory, lines: list[Line], code: re.Match[str] | None) -> ContractType:
    """The article stated in the text, else the one in the reference code (`TA2f`), else the generic type."""
    found = _article_in_text(lines, category)
    if found:
        return found
    if code and code.group("article") and _CODE_CATEGORY.get(code.group("code")) == category:
        return _contract_type(code.group("article")[0], code.group("article")[1], category) or _GENERIC[category]
    return _GENERIC[category]


def extract_contract(ctx: Context) -> Found[ContractType] | None:
    """Labelled contract type first, then the reference's category code, then the running text.

    A reference whose category code (`/TA/`, `/CA/`) disagrees with the chosen type gives a warning.
    """
    code = _ref_code(ctx)
    found = _contract(ctx, code)
    stated = _CODE_CATEGORY.get(code.group("code")) if code else None
    if found is not None and code and stated and found.value.staff_category != stated:
        ctx.warn(f"contract_type: {found.value.value} disagrees with the reference's category code {code.group('code')}")
    return found


def _contract(ctx: Context, code: re.Match[str] | None) -> Found[ContractType] | None:
    lines = ctx.doc.lines
    for hit in labelled(ctx.doc, "contract"):
        cat = _category(hit.value, official=True)
        category = cat[0] if cat else None
        article = _article(hit.value, category)
        if category is not None and article in (None, _GENERIC.get(category)):
            return Found(_refined(category, lines, code), hit.line, "high", cat[1] if cat else None)
        if article is not None:
            return Found(article, hit.line, "high", hit.value)
    for hit in labelled(ctx.doc, "secondment"):
        sne = _decide_sne(hit.value)
        if sne is not None:
            return Found(sne, hit.line, "high", hit.value)
    return _stated(ctx, code) or _inferred(lines)


def _stated(ctx: Context, code: re.Match[str] | None) -> Found[ContractType] | None:
    """Article 29 of the Staff Regulations, the reference's category code, a category named in the text."""
    lines = ctx.doc.lines
    for line in lines:
        m = _article_29().search(line.text) if "29" in line.text else None  # the article's number, in every match
        if m:
            return Found(ContractType.OFFICIAL, line, "medium", m.group(0))
    ref = ctx.found.get("reference")
    if ref is not None and code and code.group("code") in _CODE_CATEGORY:
        return Found(_refined(_CODE_CATEGORY[code.group("code")], lines, code), ref.line, "medium", code.group(0))
    for line in lines:
        cat = _category(line.text)
        if cat is not None:
            return Found(_article(line.text, cat[0]) or _refined(cat[0], lines, code), line, "low", cat[1])
    for line in lines:
        article = _article(line.text, None)
        if article and _article_word().search(line.text):
            return Found(article, line, "low", None)
    return None


@cache
def _article_word() -> re.Pattern[str]:
    """An article word of any language (`Article`, `článku`), at a word's start."""
    return regex_cache.compile(rf"(?<!\w)(?:{lexicon.alternation('contract', 'article')})", re.I)


def _inferred(lines: list[Line]) -> Found[ContractType] | None:
    """No category named: `FG III` is a contract agent's; officials named, or an open competition, recruit officials."""
    for line in lines:
        m = _function_group_pattern().search(line.text)
        if m:
            return Found(_refined(StaffCategory.CONTRACT_AGENT, lines, None), line, "low", m.group(0))
    for line in lines:
        cat = _category(line.text, official=True)
        if cat is not None:
            return Found(ContractType.OFFICIAL, line, "low", cat[1])
    for line in lines:
        m = _words("competition").search(line.text)
        if m:
            return Found(ContractType.OFFICIAL, line, "low", m.group(0))
    return None


_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "I": "I", "II": "II", "III": "III", "IV": "IV"}
_AD_AST = regex_cache.compile(r"\b(?P<fg>AST\s*/\s*SC|AST|AD|A\*|B\*)\s*(?P<grade>\d{1,2})?\b(?!\s*[/.]\s*\d{4})")
_GRADE = regex_cache.compile(
    r"\b(?P<fg>AST\s*/\s*SC|AST|AD|A\*|B\*|SC)\s?(?P<g1>\d{1,2})(?:\s*(?:[-–/]|to|and|à|bis)\s*(?:(?P=fg)\s?)?(?P<g2>\d{1,2}))?\b"
)
# `Administrator (AD)` on SNE forms: the category in brackets, no grade.
_BRACKETED = regex_cache.compile(r"\((AD|AST)\)(?!\s*\d)")


def _fg_name(raw: str) -> str:
    raw = _SPACES.sub("", raw.upper())
    return {"A*": "AD", "B*": "AST"}.get(raw, raw)


def _roman(m: re.Match[str]) -> str:
    return f"FG {_ROMAN[m.group('fg').upper()]}"


def function_group_in(text: str, category: StaffCategory | None) -> tuple[str, str] | None:
    """The function group a text states: `FG IV` for contract agents, `AD`/`AST` otherwise."""
    m = _function_group_pattern().search(text)
    if m and category in (None, StaffCategory.CONTRACT_AGENT, StaffCategory.SECONDED_NATIONAL_EXPERT):
        return _roman(m), m.group(0)
    for m in _AD_AST.finditer(text):
        if category == StaffCategory.CONTRACT_AGENT:
            break
        return _fg_name(m.group("fg")), m.group(0)
    m = _BRACKETED.search(text)
    if m and category in (None, StaffCategory.SECONDED_NATIONAL_EXPERT):
        return m.group(1), m.group(0)
    return None


def extract_function_group(ctx: Context) -> Found[str] | None:
    """Labelled function group or category, else the one the contract's line or the text states, else the reference's code."""
    contract = ctx.value("contract_type")
    category = contract.staff_category if isinstance(contract, ContractType) else None
    for hit in labelled(ctx.doc, "function_group"):
        _, colon, answer = hit.value.rpartition(":")  # `Category: AST/AD: AD`: the options, then the answer
        fg = (function_group_in(answer, category) if colon else None) or function_group_in(hit.value, category)
        if fg:
            return Found(fg[0], hit.line, "high", fg[1])
    contract_hit = ctx.found.get("contract_type")
    if contract_hit is not None:
        fg = function_group_in(contract_hit.line.text, category)
        career = category in (StaffCategory.TEMPORARY_AGENT, StaffCategory.OFFICIAL)  # `Temporary Agent AD`
        if fg and (career or _words("function_group").search(fg[1]) or fg[1].upper().startswith(("FG", "GF", "ΟΚ"))):
            return Found(fg[0], contract_hit.line, "medium", fg[1])
    for line in ctx.doc.lines:
        fg = _sne_function_group(line.text) if category == StaffCategory.SECONDED_NATIONAL_EXPERT else _fg_in_prose(line.text, category)
        if fg:
            return Found(fg[0], line, "low", fg[1])
    return _function_group_of_reference(ctx, category)


def _sne_function_group(text: str) -> tuple[str, str] | None:
    """`function group AD` in an SNE's experience criterion, or `Administrator (AD)` on its form."""
    m = _function_group_then_code().search(text)
    if m:
        return m.group(1).upper(), m.group(0)
    m = _BRACKETED.search(text)
    return (m.group(1), m.group(0)) if m else None


@cache
def _function_group_then_code() -> re.Pattern[str]:
    """`function group AD`, in any language."""
    return regex_cache.compile(rf"(?<!\w)(?:{lexicon.alternation('contract', 'function_group')})\s+(AD|AST)\b", re.I)


def _function_group_of_reference(ctx: Context, category: StaffCategory | None) -> Found[str] | None:
    """`CONS/AD/173/21`, `ENISA-TA24-AD-2016-10`: the reference's function group code."""
    ref = ctx.found.get("reference")
    if ref is None or category not in (None, StaffCategory.TEMPORARY_AGENT, StaffCategory.OFFICIAL):
        return None
    for m in _ref_codes(str(ref.value)):
        if m.group("code") in ("AD", "AST"):
            return Found(m.group("code"), ref.line, "low", m.group(0))
    return None


def _fg_in_prose(text: str, category: StaffCategory | None) -> tuple[str, str] | None:
    m = _function_group_pattern().search(text)
    if m and category in (None, StaffCategory.CONTRACT_AGENT):
        return _roman(m), m.group(0)
    if category in (StaffCategory.TEMPORARY_AGENT, StaffCategory.OFFICIAL):
        g = _GRADE.search(text)
        if g:
            return _fg_name(g.group("fg")), g.group(0)
    return None


def _reference_segment(text: str, m: re.Match[str]) -> bool:
    """A grade code inside a reference, after a `/` and before another number segment: `.../TA/AD6/05`."""
    return text[: m.start()].endswith("/") and _NUMBER_SEGMENT.match(text[m.end("g1") :]) is not None


@cache
def _group_then_grade() -> re.Pattern[str]:
    """`function group AD, grade 15`."""
    words = lexicon.alternation("contract", "function_group")
    return regex_cache.compile(rf"(?:{words})\s+(AD|AST),?\s+grade\s+(\d{{1,2}})", re.I)


def extract_grade(ctx: Context) -> Found[str] | None:
    """`AD 7`, or a range `AD 5-AD 12`, for temporary agents and officials."""
    contract = ctx.value("contract_type")
    category = contract.staff_category if isinstance(contract, ContractType) else None
    if category in (StaffCategory.CONTRACT_AGENT, StaffCategory.SECONDED_NATIONAL_EXPERT, StaffCategory.TRAINEE):
        return None
    hits = [(h.value, h.line, "high") for h in labelled(ctx.doc, "function_group")]
    hits += [(line.text, line, "low") for line in ctx.doc.lines]
    for text, line, confidence in hits:
        m = next((g for g in _GRADE.finditer(text) if not _reference_segment(text, g)), None)
        if m:
            fg = _fg_name(m.group("fg"))
            grade = f"{fg} {int(m.group('g1'))}"
            if m.group("g2") and int(m.group("g2")) > int(m.group("g1")):  # `AD 5-AD 12`; `AD5/02` is no range
                grade += f"-{fg} {int(m.group('g2'))}"
            return Found(grade, line, confidence, m.group(0))  # type: ignore[arg-type]
        m = _group_then_grade().search(text) if "grade" in text.lower() else None  # `function group AD, grade 15`
        if m:
            return Found(f"{m.group(1).upper()} {int(m.group(2))}", line, confidence, m.group(0))  # type: ignore[arg-type]
    return None

"""Staff category, contract type (with its CEOS article), function group and grade."""

from __future__ import annotations

import re

from ..document import Line
from ..model import ContractType, StaffCategory
from .base import Context, Found, labelled
from .ticks import ticked_options

_CATEGORY_WORDS: list[tuple[StaffCategory, re.Pattern[str]]] = [
    (
        StaffCategory.SECONDED_NATIONAL_EXPERT,
        re.compile(
            r"seconded\s+national\s+experts?|\bSNEs?\b|experts?\s+nationa(?:l|ux)\s+détachés?|\bENDs?\b"
            r"|abgeordneten?\s+nationalen?\s+(?:Sachverständigen?|Experten?)|\bANS\b",
            re.I,
        ),
    ),
    (
        StaffCategory.TEMPORARY_AGENT,
        re.compile(
            r"temporary\s+(?:agents?|staff|servants?)|agents?\s+temporaires?|Bedienstete[rn]?\s+auf\s+Zeit|Zeitbedienstete[rn]?",
            re.I,
        ),
    ),
    (
        StaffCategory.CONTRACT_AGENT,
        re.compile(
            r"contract\s+(?:agents?|staff)|contractual\s+agents?|agents?\s+contractuels?|Vertragsbedienstete[rn]?"
            r"|member\s+of\s+the\s+(?:European\s+)?Commission'?s?\s+contract\s+staff",
            re.I,
        ),
    ),
    (StaffCategory.TRAINEE, re.compile(r"\btrainee(?:ship)?s?\b|\bstagiaires?\b|\bPraktikant(?:in|en)?\b|blue\s+book", re.I)),
    (
        StaffCategory.OFFICIAL,  # the noun, not `the official languages`, `Official Journal`, `officials and other servants`
        re.compile(r"\b(?:an?|as)\s+official\b(?!\s+(?:EU\s+)?languages?)|\bofficials\b(?!\s+(?:and|or)\s)|\bfonctionnaires?\b|\bBeamte[rn]?\b", re.I),
    ),
]
_ARTICLE = re.compile(
    r"(?:\b(?:article|art\.?|artikel)\s*)?(?<![\d.])(?P<num>[23])\s*(?:\(\s*(?P<p1>[a-f])\s*\)|(?P<p2>[abf])\b|\s+bis\b"
    r"|,?\s*(?:point|lettre|buchstabe)\s*(?P<p3>[a-f])\)?)",
    re.I,
)
_ARTICLE_29 = re.compile(r"\barticle\s+29\s*\(\s*2\s*\)|\bArtikel\s+29\s+Absatz\s+2", re.I)
_AUXILIARY = re.compile(r"\bauxiliary\s+(?:tasks|contract)|\bagents?\s+contractuels?\s+auxiliaires?", re.I)
_COST_FREE = re.compile(r"cost[- ]?free|sans\s+frais|ohne\s+kosten|kostenfrei", re.I)
_ALLOWANCES = re.compile(r"with\s+allowances|avec\s+indemnités|mit\s+zulagen", re.I)
_REF_CATEGORY = re.compile(r"(?:^|[/_-])(TA|CA|SNE|AD|AST)(?=[/_-]|$)")


def _article(text: str, category: StaffCategory | None) -> ContractType | None:
    """The contract type an article reference states (`3b`, `Article 3(b)`, `2(f)`, `3 bis`)."""
    if category == StaffCategory.CONTRACT_AGENT and _AUXILIARY.search(text):
        return ContractType.CONTRACT_AGENT_3B
    for m in _ARTICLE.finditer(text):
        point = (m.group("p1") or m.group("p2") or m.group("p3") or "").lower()
        if "bis" in m.group(0).lower():
            point = "a"
        bare = not re.search(r"article|art\.|artikel|\(", m.group(0), re.I)
        if bare and category is None and not re.match(r"\W*[23]\s*\(?[abf]\)?(?!\w)", text.strip()):
            continue
        if m.group("num") == "3" and category in (None, StaffCategory.CONTRACT_AGENT) and point in "ab":
            return ContractType(f"contract_agent_3{point}")
        if m.group("num") == "2" and category in (None, StaffCategory.TEMPORARY_AGENT) and point in "abf":
            return ContractType(f"temporary_agent_2{point}")
    return None


def _category(text: str) -> tuple[StaffCategory, str] | None:
    hits = [(m.start(), cat, m.group(0)) for cat, pattern in _CATEGORY_WORDS for m in [pattern.search(text)] if m]
    if not hits:
        return None
    _, cat, match = min(hits, key=lambda h: h[0])
    return cat, match


def _sne_type(text: str) -> ContractType | None:
    options = ticked_options(text)
    if options is not None:
        text = " ".join(options)
    if _COST_FREE.search(text) and not _ALLOWANCES.search(text):
        return ContractType.SNE_COST_FREE
    if _ALLOWANCES.search(text) and not _COST_FREE.search(text):
        return ContractType.SNE_WITH_ALLOWANCES
    return None


def extract_contract(ctx: Context) -> Found[ContractType] | None:
    """Labelled contract type first, then the reference's category code, then the running text.

    A reference whose category code (`/TA/`, `/CA/`) disagrees with the chosen type gives a warning.
    """
    found = _contract(ctx)
    ref = ctx.value("reference")
    code = _REF_CATEGORY.search(ref) if isinstance(ref, str) else None
    if found is not None and code and code.group(1) in _CODE_CATEGORY:
        stated = _CODE_CATEGORY[code.group(1)]
        if found.value.staff_category != stated and not (code.group(1) in ("AD", "AST") and ctx.value("institution") == "European Commission"):
            ctx.warn(f"contract_type: {found.value.value} disagrees with the reference's category code {code.group(1)}")
    return found


_CODE_CATEGORY = {
    "TA": StaffCategory.TEMPORARY_AGENT,
    "CA": StaffCategory.CONTRACT_AGENT,
    "SNE": StaffCategory.SECONDED_NATIONAL_EXPERT,
}


def _contract(ctx: Context) -> Found[ContractType] | None:
    doc = ctx.doc
    labelled_hits = list(labelled(doc, "contract"))
    for hit in labelled_hits:
        cat = _category(hit.value)
        category = cat[0] if cat else None
        article = _article(hit.value, category)
        if article is None and category is not None:
            article = _article_in_text(doc.lines, category)
        if article is not None:
            return Found(article, hit.line, "high", hit.value)
        if category is not None:
            return Found(_generic(category, doc.lines), hit.line, "high", cat[1] if cat else None)
    for hit in labelled(doc, "secondment"):
        sne = _sne_type(hit.value)
        if sne is not None:
            return Found(sne, hit.line, "high", hit.value)
    for line in doc.lines:
        if _ARTICLE_29.search(line.text):
            return Found(ContractType.OFFICIAL, line, "medium", _ARTICLE_29.search(line.text).group(0))  # type: ignore[union-attr]
    ref = ctx.found.get("reference")
    if ref is not None:
        m = _REF_CATEGORY.search(str(ref.value))
        if m:
            category = _CODE_CATEGORY.get(m.group(1), StaffCategory.TEMPORARY_AGENT)  # AD, AST: temporary agents
            if m.group(1) not in ("AD", "AST") or ctx.value("institution") != "European Commission":
                article = _article_in_text(doc.lines, category)
                return Found(article or _generic(category, doc.lines), ref.line, "medium", str(ref.value))
    for line in doc.lines:
        cat = _category(line.text)
        if cat is None:
            continue
        article = _article(line.text, cat[0]) or _article_in_text(doc.lines, cat[0])
        return Found(article or _generic(cat[0], doc.lines), line, "low", cat[1])
    for line in doc.lines:
        article = _article(line.text, None)
        if article and re.search(r"\b(?:article|art\.)", line.text, re.I):
            return Found(article, line, "low", None)
    ctx.warn("contract_type: not found")
    return None


def _article_in_text(lines: list[Line], category: StaffCategory) -> ContractType | None:
    if category == StaffCategory.SECONDED_NATIONAL_EXPERT:
        for line in lines:
            sne = _sne_type(line.text) if _COST_FREE.search(line.text) or _ALLOWANCES.search(line.text) else None
            if sne:
                return sne
        return None
    for line in lines:
        if category == StaffCategory.CONTRACT_AGENT and _AUXILIARY.search(line.text):
            return ContractType.CONTRACT_AGENT_3B
        if re.search(r"\b(?:article|art\.|artikel)\s*[23]\b|\b[23]\s*\(\s*[abf]\s*\)", line.text, re.I):
            article = _article(line.text, category)
            if article:
                return article
    return None


def _generic(category: StaffCategory, lines: list[Line]) -> ContractType:
    if category == StaffCategory.SECONDED_NATIONAL_EXPERT:
        return _article_in_text(lines, category) or ContractType.SNE
    return {
        StaffCategory.CONTRACT_AGENT: ContractType.CONTRACT_AGENT,
        StaffCategory.TEMPORARY_AGENT: ContractType.TEMPORARY_AGENT,
        StaffCategory.OFFICIAL: ContractType.OFFICIAL,
        StaffCategory.TRAINEE: ContractType.TRAINEE,
    }[category]


_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "I": "I", "II": "II", "III": "III", "IV": "IV"}
_FG = re.compile(
    r"\b(?:FG|function\s+group|groupe\s+de\s+fonctions|funktionsgruppe)\s*[-:]?\s*(?P<fg>IV|III|II|I|[1-4])(?![\w])", re.I
)
_AD_AST = re.compile(r"\b(?P<fg>AST\s*/\s*SC|AST|AD|A\*|B\*)\s*(?P<grade>\d{1,2})?\b(?!\s*[/.]\s*\d{4})")
_GRADE = re.compile(
    r"\b(?P<fg>AST\s*/\s*SC|AST|AD|A\*|B\*|SC)\s?(?P<g1>\d{1,2})(?:\s*(?:[-–/]|to|and|à|bis)\s*(?:(?P=fg)\s?)?(?P<g2>\d{1,2}))?\b"
)


def _fg_name(raw: str) -> str:
    raw = re.sub(r"\s+", "", raw.upper())
    return {"A*": "AD", "B*": "AST"}.get(raw, raw)


def function_group_in(text: str, category: StaffCategory | None) -> tuple[str, str] | None:
    """The function group a text states: `FG IV` for contract agents, `AD`/`AST` otherwise."""
    m = _FG.search(text)
    if m and category in (None, StaffCategory.CONTRACT_AGENT, StaffCategory.SECONDED_NATIONAL_EXPERT):
        return f"FG {_ROMAN[m.group('fg').upper()]}", m.group(0)
    m = re.search(r"\bFG\s?(IV|III|II|I)(?:\.\d+)?", text)
    if m and category in (None, StaffCategory.CONTRACT_AGENT):
        return f"FG {m.group(1)}", m.group(0)
    for m in _AD_AST.finditer(text):
        if category == StaffCategory.CONTRACT_AGENT:
            break
        return _fg_name(m.group("fg")), m.group(0)
    m = re.search(r"\((AD|AST)\)|\b(Administrator|Assistant)s?\b", text)
    if m and category in (None, StaffCategory.SECONDED_NATIONAL_EXPERT):
        return (m.group(1) or {"Administrator": "AD", "Assistant": "AST"}[m.group(2)]), m.group(0)
    return None


def extract_function_group(ctx: Context) -> Found[str] | None:
    """Labelled function group or category, else the first one stated in the text."""
    contract = ctx.value("contract_type")
    category = contract.staff_category if isinstance(contract, ContractType) else None
    for hit in labelled(ctx.doc, "function_group"):
        fg = function_group_in(hit.value, category)
        if fg:
            return Found(fg[0], hit.line, "high", fg[1])
    contract_hit = ctx.found.get("contract_type")
    if contract_hit is not None:
        fg = function_group_in(contract_hit.line.text, category)
        if fg and fg[1] and re.search(r"FG|function|group", fg[1], re.I):
            return Found(fg[0], contract_hit.line, "medium", fg[1])
    for line in ctx.doc.lines:
        if category == StaffCategory.SECONDED_NATIONAL_EXPERT:
            m = re.search(r"function\s+group\s+(AD|AST)\b", line.text, re.I)
            if m:
                return Found(m.group(1).upper(), line, "low", m.group(0))
            continue
        fg = _fg_in_prose(line.text, category)
        if fg:
            return Found(fg[0], line, "low", fg[1])
    return None


def _fg_in_prose(text: str, category: StaffCategory | None) -> tuple[str, str] | None:
    m = _FG.search(text) or re.search(r"\bFG\s?(?P<fg>IV|III|II|I)\b", text)
    if m and category in (None, StaffCategory.CONTRACT_AGENT):
        return f"FG {_ROMAN[m.group('fg').upper()]}", m.group(0)
    if category in (StaffCategory.TEMPORARY_AGENT, StaffCategory.OFFICIAL):
        g = _GRADE.search(text)
        if g:
            return _fg_name(g.group("fg")), g.group(0)
    return None


def extract_grade(ctx: Context) -> Found[str] | None:
    """`AD 7`, or a range `AD 5-AD 12`, for temporary agents and officials."""
    contract = ctx.value("contract_type")
    category = contract.staff_category if isinstance(contract, ContractType) else None
    if category in (StaffCategory.CONTRACT_AGENT, StaffCategory.SECONDED_NATIONAL_EXPERT, StaffCategory.TRAINEE):
        return None
    hits = [(h.value, h.line, "high") for h in labelled(ctx.doc, "function_group")]
    hits += [(line.text, line, "low") for line in ctx.doc.lines]
    for text, line, confidence in hits:
        m = _GRADE.search(text)
        if m:
            fg = _fg_name(m.group("fg"))
            grade = f"{fg} {int(m.group('g1'))}"
            if m.group("g2") and int(m.group("g2")) != int(m.group("g1")):
                grade += f"-{fg} {int(m.group('g2'))}"
            return Found(grade, line, confidence, m.group(0))  # type: ignore[arg-type]
        m = re.search(r"function\s+group\s+(AD|AST),?\s+grade\s+(\d{1,2})", text, re.I)
        if m:
            return Found(f"{m.group(1).upper()} {int(m.group(2))}", line, confidence, m.group(0))  # type: ignore[arg-type]
    return None

"""Language rules: required levels, assets, selection languages."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from ..document import Line
from ..registry import registry
from .base import Context, Found

_LEVEL_WORDS: list[tuple[str, str]] = [
    (r"very\s+good|excellent|thorough|fluent|fluency|fluently|in-depth|perfect|proficient|advanced|full|mother\s+tongue|native", "C1"),
    (r"approfondie?s?|parfaite?s?|excellente?s?|très\s+bonnes?", "C1"),
    (r"gründliche[nr]?|ausgezeichnete[nr]?|sehr\s+gute[nr]?|fließende[nr]?|hervorragende[nr]?|umfassende[nr]?", "C1"),
    (r"satisfactory|good|sound|adequate", "B2"),
    (r"satisfaisantes?|bonnes?", "B2"),
    (r"befriedigende[nr]?|ausreichende[nr]?|gute[nr]?", "B2"),
]
_LEVEL = re.compile(
    r"(?P<cefr>\b[ABC][12]\b)|(?P<word>\b(?:" + "|".join(p for p, _ in _LEVEL_WORDS) + r")\b)", re.I
)
_ANY_EU = re.compile(
    r"\b(?:a\s+second|another)\s+one\b|\b(?<=of\s)another(?=\s*(?:[.;,)]|$))"
    r"|\b(?:one|any|an?|a\s+second|another|second|other)\s+(?:of\s+(?:the|those|these)\s+(?:\d+\s+)?)?(?:official\s+)?(?:EU\s+|European\s+)?"
    r"(?:official\s+)?languages?(?:\s+of\s+the\s+(?:EU|European\s+Union))?"
    r"|\b(?:une|l'une|d'une)(?:\s+(?:autre|deuxième|seconde))?\s+(?:des\s+|de\s+ces\s+)?langues?(?:\s+officielles?)?\b"
    r"|\b(?:einer|eine|einer\s+weiteren|eine\s+zweite|einer\s+zweiten)\s+(?:der\s+)?(?:weiteren\s+)?Amtssprachen?",
    re.I,
)
_ASSET = re.compile(
    r"\basset|advantage|advantageous|desirable|plus\b|appreciated|would\s+be\s+(?:an?\s+)?(?:benefit|plus)|preferred"
    r"|atout|avantage|apprécié|von\s+Vorteil|vorteilhaft|erwünscht|wünschenswert",
    re.I,
)
_SELECTION = re.compile(
    r"selection\s+(?:procedure|process)|selection\s+will|interviews?\s+(?:will|shall)|tests?\s+will\s+be|procédure\s+de\s+sélection"
    r"|entretiens?|Auswahlverfahren|Vorstellungsgespräch",
    re.I,
)
_LANGUAGE_WORD = re.compile(r"languag|langue|sprach", re.I)
_KNOWLEDGE = re.compile(
    r"knowledge|command|proficien|level|skills?|speak|written|oral|mastery|connaissance|maîtrise|Kenntnis|Sprachkenntnis|Beherrschung"
    r"|English|French|German",
    re.I,
)


@dataclass(frozen=True)
class Item:
    """A level or a language mentioned in a clause."""

    kind: str  # "level" | "cefr" | "lang"
    value: str
    start: int
    end: int = 0


_SUFFIXES = ("", "e", "en", "er", "es", "em", "ne", "nes", "s")


@cache
def _language_pattern() -> re.Pattern[str]:
    names = sorted(registry().language_by_name, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    suffix = "|".join(x for x in _SUFFIXES if x)
    return re.compile(r"(?<![\w-])(?:[ld]['’])?((?:" + alternatives + r")(?:" + suffix + r")?)(?![\w-])", re.I)


def _language_code(word: str) -> str | None:
    table = registry().language_by_name
    key = word.casefold()
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and key[: len(key) - len(suffix)] in table:
            return table[key[: len(key) - len(suffix)]]
    return None


def named_languages(text: str) -> list[tuple[str, int]]:
    """ISO codes of the official languages a text names (English, French, German names), with positions."""
    return [(code, start) for code, start, _ in _named_spans(text)]


def _named_spans(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _language_pattern().finditer(text):
        code = _language_code(m.group(1))
        if code:
            out.append((code, m.start(), m.end()))
    return out


def _items(clause: str) -> list[Item]:
    items = [Item("lang", code, start, end) for code, start, end in _named_spans(clause)]
    items += [Item("lang", "EU", m.start(), m.end()) for m in _ANY_EU.finditer(clause)]
    for m in _LEVEL.finditer(clause):
        if m.group("cefr"):
            items.append(Item("cefr", m.group("cefr").upper(), m.start()))
        else:
            word = m.group("word").lower()
            level = next(lv for pattern, lv in _LEVEL_WORDS if re.fullmatch(pattern, word, re.I))
            items.append(Item("level", level, m.start()))
    return sorted(items, key=lambda i: i.start)


def requirements_in(clause: str) -> list[tuple[str, list[str]]]:
    """(level, languages) pairs of one clause: `LEVEL knowledge of LANG` or `LANG (LEVEL)`.

    Languages joined by `or` are alternatives (one requirement); joined by `and`, each is required.
    """
    items = _items(clause)
    if not any(i.kind == "lang" for i in items) or not any(i.kind != "lang" for i in items):
        return []
    prefix_mode = items[0].kind != "lang"
    groups: list[tuple[str, list[Item]]] = []
    if prefix_mode:
        level: str | None = None
        langs: list[Item] = []
        for item in items:
            if item.kind == "lang":
                langs.append(item)
                continue
            if level is not None and not langs:
                level = item.value if item.kind == "cefr" else level  # `thorough knowledge (C1)`: printed level wins
                continue
            if level is not None:
                groups.append((level, langs))
            level, langs = item.value, []
        if level is not None and langs:
            groups.append((level, langs))
        elif level is not None and groups and items[-1].kind == "cefr":
            groups[-1] = (level, groups[-1][1])  # `English ..., at C1 level`
    else:
        langs = []
        for item in items:
            if item.kind == "lang":
                langs.append(item)
            elif langs:
                groups.append((item.value, langs))
                langs = []
            elif groups and item.kind == "cefr":
                groups[-1] = (item.value, groups[-1][1])
    out: list[tuple[str, list[str]]] = []
    for level, members in groups:
        for codes in _alternatives(clause, members):
            out.append((level, codes))
    return out


def _alternatives(clause: str, members: list[Item]) -> list[list[str]]:
    """`English or French` -> [[EN, FR]]; `English and French` -> [[EN], [FR]]; a named language beats `EU`."""
    named = [m for m in members if m.value != "EU"]
    if not named:
        return [["EU"]]
    codes = list(dict.fromkeys(m.value for m in named))
    between = [clause[a.end : b.start] for a, b in itertools.pairwise(named)]
    if between and all(_AND.fullmatch(gap) for gap in between) and not any(_OR.search(gap) for gap in between):
        return [[code] for code in codes]
    return [codes]


_AND = re.compile(r"\W*(?:and|as\s+well\s+as|et|und|,)\W*(?:(?:of|in|de|du|der|des)\s+)?(?:the\s+)?\W*", re.I)
_OR = re.compile(r"\b(?:or|ou|oder)\b|/", re.I)


def _clauses(sentence: str) -> list[str]:
    """Clauses of a sentence; a list of languages split by commas stays together."""
    parts = re.split(r"\s*[,;]\s+|\s+(?:but|whereas|while|mais|aber|jedoch)\s+", sentence)
    out: list[str] = []
    for part in parts:
        list_goes_on = bool(named_languages(part)) and named_languages(part)[0][1] == 0 and _ends_with_language(out[-1:][0] if out else "")
        level_only = not named_languages(part) and not _ANY_EU.search(part) and re.search(r"\b[ABC][12]\b", part)
        if out and (list_goes_on or level_only):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _ends_with_language(text: str) -> bool:
    langs = named_languages(text)
    return bool(langs) and not text[langs[-1][1] :].strip().count(" ")


def _sentences(lines: list[Line]) -> list[tuple[str, Line]]:
    return [(s, line) for line in lines for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.text) if s]


@dataclass
class LanguageRules:
    """What the extractor found, with the lines each part came from."""

    required: list[Found[dict[str, object]]]
    assets: list[Found[str]]
    selection: list[Found[str]]


def extract_languages(ctx: Context) -> LanguageRules:
    """Required levels, assets and selection languages, sentence by sentence."""
    required: list[Found[dict[str, object]]] = []
    assets: dict[str, Found[str]] = {}
    selection: dict[str, Found[str]] = {}
    for sentence, line in _sentences(ctx.doc.lines):
        if not (_LANGUAGE_WORD.search(sentence) or _language_pattern().search(sentence)):
            continue  # names no language: nothing to read here
        if _SELECTION.search(sentence) and re.search(r"\b(?:in|en|auf)\b", sentence):
            for code, _ in named_languages(sentence):
                selection.setdefault(code, Found(code, line, "medium", sentence))
            continue
        if not _KNOWLEDGE.search(sentence):
            continue
        if re.search(r"\bCV\b|curriculum|cover\s+letter|application\s+form|lettre\s+de\s+motivation|Lebenslauf", sentence, re.I):
            continue
        for clause in _clauses(sentence):
            if _ASSET.search(clause):
                for code, _ in named_languages(clause):
                    assets.setdefault(code, Found(code, line, "low", clause))
                continue
            for level, langs in requirements_in(clause):
                value: dict[str, object] = {"level": level, "of": langs}
                found = Found(value, line, "medium" if line.cells else "low", clause)
                if all(f.value != found.value for f in required):
                    required.append(found)
    return LanguageRules(_named_win(required), list(assets.values()), list(selection.values()))


def _named_win(required: list[Found[dict[str, object]]]) -> list[Found[dict[str, object]]]:
    """A named language at a level replaces "one EU language" at the same level."""
    named_levels = {r.value["level"] for r in required if r.value["of"] != ["EU"]}
    kept = [r for r in required if r.value["of"] != ["EU"] or r.value["level"] not in named_levels]
    return kept

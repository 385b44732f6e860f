"""Language rules: required levels, assets, selection languages.

Names of every ISO 639-1 language in every EU language come from CLDR (Babel), read per language so
that inflected forms (`języka angielskiego`, `anglaise`, `Englischkenntnisse`) are found as a name's
stem plus one of that language's `languages.endings` (or a `languages.compound` tail). Level, asset,
selection and "one EU language" words are the lexicons' `languages` section.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import astuple, dataclass, field
from functools import cache

from .. import lexicon, regex_cache
from ..document import Line
from .base import Context, Found
from .shapes import sentences as split_sentences

_SECTION = "languages"
_MIN_NAME = 4  # shorter CLDR names (`ír`, `dan`, `lao`) count only before a language word
_VOWELS = "aeiouyαεηιουωаеиоуъьюяыэ"
_VARIANT_LOCALES = ("pt_PT",)  # European Portuguese names (`polaco`, `checo`) besides Brazilian ones
_CEFR = r"(?-i:\b[ABC][12]\b)"
_TOKEN = regex_cache.compile(r"\w+")


class _Unaccented(dict[int, str]):
    """A `str.translate` table that drops each character's accents, filled as characters are met."""

    def __missing__(self, char: int) -> str:
        self[char] = lexicon.strip_accents(chr(char))
        return self[char]


_UNACCENTED = _Unaccented()


def _fold(word: str) -> str:
    """`Angličtiny` -> `anglictiny`: the key every name table uses."""
    word = word.casefold()
    return word if word.isascii() else word.translate(_UNACCENTED)


@dataclass(frozen=True)
class _Names:
    """Folded language names (CLDR, all EU languages) and their stems, to ISO codes."""

    exact: dict[str, str]
    short: dict[str, str]
    stems: dict[str, tuple[str, frozenset[str]]]  # stem -> (code, the endings its languages put after it)
    countries: frozenset[str]  # country names in every EU language (CLDR), case-folded
    heads: frozenset[str]  # first letters of every name, as printed and folded: a cheap test for a word


def _locale_names() -> Iterator[tuple[str, str, str]]:
    """(EU language, name, ISO code): the lexicons' extra forms (Finnish `englannin`), then CLDR names."""
    for language, data in lexicon.lexicons().items():
        for key, forms in data.get(_SECTION, {}).items():
            if re.fullmatch(r"[A-Z]{2}", key):
                yield from ((language, form, key) for form in forms)
    for language in (*lexicon.EU_LANGUAGES, *_VARIANT_LOCALES):
        for code, name in lexicon.cldr()["languages"][language].items():
            yield language[:2], name, code.upper()


def _stem(key: str) -> str | None:
    """Where endings attach: `angielski` -> `angielsk`, `angol` -> `angol`."""
    stem = key[:-1] if key[-1] in _VOWELS else key
    return stem if len(stem) >= _MIN_NAME else None


@cache
def _names() -> _Names:
    """The name tables, built once (and kept between runs: `regex_cache.kept`): exact names, short names, stems
    with their endings, countries."""
    code = regex_cache.sources(__file__, lexicon.__file__, *lexicon.data_files())
    if code is None:
        return _built_names()
    return _Names(*regex_cache.kept("language names", code, lambda: astuple(_built_names())))


def _built_names() -> _Names:
    endings = {lang: frozenset(_fold(e) for e in data.get(_SECTION, {}).get("endings", [])) for lang, data in lexicon.lexicons().items()}
    exact: dict[str, str] = {}
    short: dict[str, str] = {}
    stems: dict[str, tuple[str, frozenset[str]]] = {}
    heads: set[str] = set()
    for language, name, code in _locale_names():
        if not _TOKEN.fullmatch(name):
            continue  # `norwegisch (bokmål)`, `scottish gaelic`: one word names only
        key = _fold(name)
        (exact if len(key) >= _MIN_NAME else short).setdefault(key, code)
        heads.update((name.lower()[:_MIN_NAME], key[:_MIN_NAME]))
        stem = _stem(key)
        known, after = stems.get(stem or "", (code, frozenset()))
        if stem and known == code:
            stems[stem] = (code, after | endings.get(language, frozenset()))
    countries = {n.casefold() for language in lexicon.EU_LANGUAGES for n in lexicon.cldr()["territories"][language].values()}
    return _Names(exact, short, stems, frozenset(countries), frozenset(heads))


@cache
def _words(key: str) -> re.Pattern[str]:
    """Whole-word pattern for one key of the `languages` lexicon section."""
    return lexicon.pattern(_SECTION, key)


@cache
def _compound() -> re.Pattern[str]:
    """The tail of a compound after a language name (`Englisch|kenntnisse`, `Engels|talig`)."""
    return regex_cache.compile(r"(?:" + lexicon.alternation(_SECTION, "compound") + r")$", re.I)


def _code_of(word: str) -> str | None:
    """ISO code of one word naming a language, exactly or inflected (`angielskiego` -> EN)."""
    table = _names()
    key = _fold(word)
    code = table.exact.get(key)
    if code:
        return code
    for cut in range(1, 5):
        stem = table.stems.get(key[:-cut])
        if stem and key[-cut:] in stem[1]:
            return stem[0]
    tail = _compound().search(key) if len(key) > 8 else None
    return table.exact.get(key[: tail.start()]) if tail else None


def _named_spans(text: str) -> list[tuple[str, int, int]]:
    """(ISO code, start, end) of every language a text names, in order."""
    out = []
    heads = _names().heads
    tokens = list(_TOKEN.finditer(text))
    for i, m in enumerate(tokens):
        word = m.group()
        if len(word) > 3 and (word[1] == "h" or word[1].isupper()):
            word = _unmutated(word)  # only such words may be mutated (most are not: a quick test first)
        if word[:_MIN_NAME].lower() not in heads:
            continue
        following = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        code = _code_of(word) if len(word) >= _MIN_NAME else _short_name(word, following)
        if code and _stands_alone(text, m, following):
            out.append((code, m.start(), m.end()))
    return out


def _short_name(word: str, following: str) -> str | None:
    """A name of two or three letters counts only before a language word (Hungarian `ír nyelv`)."""
    return _names().short.get(_fold(word)) if _words("language").fullmatch(following) else None


def _unmutated(word: str) -> str:
    """An Irish name without its initial mutation: `mBéarla` -> `Béarla`, `bhFraincis` -> `Fraincis`, `Fhraincis` -> `Fraincis`."""
    if len(word) > 3 and word[0].islower() and (word[1].isupper() or (word[1] == "h" and word[2].isupper())):
        return word[2:] if word[1] == "h" else word[1:]
    if len(word) > 3 and word[0].isupper() and word[1] == "h" and word[0] in "BCDFGMPST":
        return word[0] + word[2:]
    return word


def _stands_alone(text: str, m: re.Match[str], following: str) -> bool:
    """Not part of a compound (`English-speaking`, `non-English`), a country (`Malta`) or a proper name (`Latin America`)."""
    if text[m.end() : m.end() + 1] == "-" and not (
        _compound().fullmatch(_fold(following)) or _words("and").fullmatch(following) or _words("or").fullmatch(following)
    ):
        return False  # `English-speaking`; `Englisch-Kenntnisse` and `Deutsch- oder Französischkenntnisse` are kept
    prefix = re.search(r"(\w*)-$", text[max(0, m.start() - 20) : m.start()])
    if prefix and len(prefix.group(1)) > 3:
        return False  # `Franco-German`; Maltese `l-Ingliż` is kept
    if not m.group()[0].isupper():
        return True
    if m.group().casefold() in _names().countries:  # `Eesti keel`, not `Malta`
        return bool(re.fullmatch(r"[ABC][12]", following) or _words("language").fullmatch(following)
                    or _words("knowledge").fullmatch(following))
    rest = text[m.end() :]
    if following[:1].isupper() and rest[:1].isspace() and rest.lstrip().startswith(following):
        return _about_language(following) or bool(_level().match(rest.lstrip()))  # `English C1`, not `Latin America`
    return True


def _about_language(word: str) -> bool:
    """A word that may follow a language's name: a language, `language`, `knowledge`, `and`/`or`, a CEFR level."""
    return bool(
        _code_of(_unmutated(word)) or re.fullmatch(r"[ABC][12]", word)
        or any(_words(key).fullmatch(word) for key in ("language", "knowledge", "and", "or"))
    )


def named_languages(text: str) -> list[tuple[str, int]]:
    """ISO codes of the languages a text names (any EU language's names), with positions."""
    return [(code, start) for code, start, _ in _named_spans(text)]


@dataclass(frozen=True)
class Item:
    """A level or a language mentioned in a clause."""

    kind: str  # "level" | "cefr" | "lang"
    value: str
    start: int
    end: int = 0


@cache
def _level() -> re.Pattern[str]:
    """A printed CEFR level or a level word (`thorough`, `biegła`, `gründliche`)."""
    c1, b2 = lexicon.alternation(_SECTION, "level_C1"), lexicon.alternation(_SECTION, "level_B2")
    return regex_cache.compile(rf"(?P<cefr>{_CEFR})|(?<!\w)(?:(?P<C1>{c1})|(?P<B2>{b2}))(?!\w)", re.I)


@cache
def _any_eu() -> re.Pattern[str]:
    """"One/another (official EU) language" in any EU language: a quantifier, a few short or `official` words, `language`."""
    words = lexicon.alternation
    filler = rf"(?:{words(_SECTION, 'official')}|\w{{1,5}})"
    language = words(_SECTION, "language")
    before = rf"(?:{words(_SECTION, 'any_eu')})(?:\W+{filler}){{0,5}}?\W+(?:{language})"
    after = rf"(?:{language})(?:\W+{filler}){{0,3}}?\W+(?:{words(_SECTION, 'any_eu_after')})"
    return regex_cache.compile(rf"(?<!\w)(?:{before}|{after}|{words(_SECTION, 'any_eu_alone')})(?!\w)", re.I)


@cache
def _another() -> re.Pattern[str]:
    """An elliptical "another (EU language)" right after a knowledge or level word and short or level words.

    `a satisfactory knowledge of another is required`, `connaissance satisfaisante d'une autre`, `znalosť ďalšieho`.
    """
    words = lexicon.alternation
    anchor = "|".join(words(_SECTION, key) for key in ("knowledge", "level_C1", "level_B2"))
    filler = rf"(?:{words(_SECTION, 'level_C1')}|{words(_SECTION, 'level_B2')}|\w{{1,4}})"
    return regex_cache.compile(rf"(?<!\w)(?:{anchor})(?:\W+{filler})*?\W+(?P<another>{words(_SECTION, 'another')})(?!\w)", re.I)


def _any_eu_spans(clause: str, before: str = "") -> Iterator[tuple[int, int]]:
    """Spans saying "an EU language" that name no language (`one of the official languages`, `of another`).

    An elliptical `another` counts only after a language was mentioned (in the clause or `before` it).
    """
    spans = [(m.start(), m.end()) for m in _any_eu().finditer(clause) if not _named_spans(m.group())]
    # Each match of `_another` ends with a whole `another` word: most clauses have none, and that pattern is long to compile.
    for m in _another().finditer(clause) if _words("another").search(clause) else ():
        start, end = m.span("another")
        if not any(a < end and start < b for a, b in spans) and _mentions_language(f"{before} {clause[:start]}"):
            spans.append((start, end))
    yield from sorted(spans)


def _mentions_language(text: str) -> bool:
    """The text names a language or says "an EU language"."""
    return bool(_named_spans(text)) or any(not _named_spans(m.group()) for m in _any_eu().finditer(text))


def _items(clause: str, before: str) -> list[Item]:
    items = [Item("lang", code, start, end) for code, start, end in _named_spans(clause)]
    items += [Item("lang", "EU", start, end) for start, end in _any_eu_spans(clause, before)]
    for m in _level().finditer(clause):
        if m.group("cefr"):
            items.append(Item("cefr", m.group("cefr"), m.start()))
        else:
            items.append(Item("level", "C1" if m.group("C1") else "B2", m.start()))
    return sorted(items, key=lambda i: i.start)


def requirements_in(clause: str, before: str = "") -> list[tuple[str, list[str]]]:
    """(level, languages) pairs of one clause: `LEVEL knowledge of LANG` or `LANG (LEVEL)`.

    Languages joined by `or` are alternatives (one requirement); joined by `and`, each is required.
    `before` is the sentence's text before the clause (an elliptical `another` needs a language there or in the clause).
    """
    items = _items(clause, before)
    if not any(i.kind == "lang" for i in items) or not any(i.kind != "lang" for i in items):
        return []
    groups = _prefix_groups(clause, items) if items[0].kind != "lang" else _suffix_groups(items)
    out: list[tuple[str, list[str]]] = []
    for level, members in groups:
        for codes in _alternatives(clause, members):
            if codes == ["EU"] or all(codes != known for _, known in out):  # a named language once; `EU` twice is "another"
                out.append((level, codes))
    return out


def _prefix_groups(clause: str, items: list[Item]) -> list[tuple[str, list[Item]]]:
    """`C1 in Italian and B2 in French`: each level governs the languages after it."""
    groups: list[tuple[str, list[Item]]] = []
    level: str | None = None
    worded = False  # the level comes from a word (`thorough`), not a printed CEFR level
    printed = False  # the last level was printed after the languages it governs: a level word starts afresh
    langs: list[Item] = []
    for item in items:
        if item.kind == "lang":
            langs.append(item)
            continue
        if level is not None and not langs:
            if item.kind == "cefr" or printed:  # `thorough knowledge (C1)`: printed level wins
                level, worded = item.value, item.kind == "level"
            printed = False
            continue
        if level is not None:
            printed = bool(worded and item.kind == "cefr" and _level_gap().fullmatch(clause[langs[-1].end : item.start]))
            groups.append((item.value if printed else level, langs))  # `perfect command of Irish (C2)`: C2
        level, langs, worded = item.value, [], item.kind == "level"
    if level is not None and langs:
        groups.append((level, langs))
    elif level is not None and groups and items[-1].kind == "cefr":
        groups[-1] = (level, groups[-1][1])  # `English ..., at C1 level`
    return groups


@cache
def _level_gap() -> re.Pattern[str]:
    """What may stand between a language and the CEFR level printed for it: `(`, `at`, `minimum level`, `language`."""
    words = "|".join(lexicon.alternation(_SECTION, key) for key in ("language", "knowledge", "minimum"))
    joins = "|".join(lexicon.alternation(_SECTION, key) for key in ("and", "or"))
    return regex_cache.compile(rf"(?:\W|(?<!\w)(?!(?:{joins})(?!\w))(?:{words}|\w{{1,3}})(?!\w))*", re.I)


def _suffix_groups(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """`English (C1) and Italian (B2)`: each level governs the languages before it."""
    groups: list[tuple[str, list[Item]]] = []
    langs: list[Item] = []
    for item in items:
        if item.kind == "lang":
            langs.append(item)
        elif langs:
            groups.append((item.value, langs))
            langs = []
        elif groups and item.kind == "cefr":
            groups[-1] = (item.value, groups[-1][1])
    return groups


def _alternatives(clause: str, members: list[Item]) -> list[list[str]]:
    """`English or French` -> [[EN, FR]]; `English and French` -> [[EN], [FR]]; a named language beats `EU`."""
    named = [m for m in members if m.value != "EU"]
    if not named:
        return [["EU"]]
    codes = list(dict.fromkeys(m.value for m in named))
    gaps = [clause[a.end : b.start] for a, b in itertools.pairwise(named)]
    if gaps and not any(_joins_by_or(gap) for gap in gaps) and all(_connector().fullmatch(gap) for gap in gaps):
        return [[code] for code in codes]
    return [codes]


@cache
def _connector() -> re.Pattern[str]:
    """What may stand between two languages of a list: punctuation, `and`/`or`, short words, `language`."""
    words = "|".join(lexicon.alternation(_SECTION, key) for key in ("and", "or", "language"))
    return regex_cache.compile(rf"(?:\W|(?<!\w)(?:{words}|\w{{1,5}})(?!\w))*", re.I)


def _joins_by_or(gap: str) -> bool:
    """The first conjunction of the gap is an `or` (`or`, `ou`, `lub`, `/`); `and of` stays `and`."""
    if "/" in gap:
        return True
    for word in _TOKEN.findall(gap):
        if _words("and").fullmatch(word):
            return False
        if _words("or").fullmatch(word):
            return True
    return False


@cache
def _splitter() -> re.Pattern[str]:
    """Where a sentence may split into clauses: `,`/`;` or `but` (`mais`, `aber`, `ale`, ...)."""
    return regex_cache.compile(r"\s*[,;]\s+|\s+(?P<but>" + lexicon.alternation(_SECTION, "but") + r")\s+", re.I)


@cache
def _own(language: str, keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word pattern for some keys of ONE language's `languages` section (`cs`: `jazyk\\w*|znalost\\w*|...`)."""
    section = lexicon.lexicons()[language].get(_SECTION, {})
    terms = lexicon.longest_first({t for key in keys for t in section.get(key, [])})
    return regex_cache.compile(rf"(?<!\w)(?:{lexicon.union([lexicon.fragment(t) for t in terms])})(?!\w)", re.I) if terms else None


def _written_in(sentence: str, conjunction: str) -> bool:
    """`conjunction` is a `but` of a language whose language or knowledge words the sentence uses.

    Romanian `cunoștințe ale uneia dintre limbi` is not split at Czech/Polish/Slovak `ale` (`but`).
    """
    for language in lexicon.lexicons():
        but, words = _own(language, ("but",)), _own(language, ("language", "knowledge", "level_C1", "level_B2"))
        if but and words and but.fullmatch(conjunction) and words.search(sentence):
            return True
    return False


def _split(sentence: str) -> list[tuple[str, bool]]:
    """The sentence cut at `,`/`;` and at a `but` of the sentence's own language; each part says whether
    a semicolon ended the part before it."""
    parts: list[tuple[str, bool]] = []
    start, after_semicolon = 0, False
    for m in _splitter().finditer(sentence):
        if m.group("but") and not _written_in(sentence, m.group("but")):
            continue
        parts.append((sentence[start : m.start()], after_semicolon))
        start, after_semicolon = m.end(), ";" in m.group(0)
    return [*parts, (sentence[start:], after_semicolon)]


def _clauses(sentence: str) -> list[str]:
    """Clauses of a sentence; a list of languages split by commas (not semicolons) stays together."""
    out: list[str] = []
    for part, after_semicolon in _split(sentence):
        named = named_languages(part)
        list_goes_on = bool(named) and named[0][1] == 0 and bool(out) and not after_semicolon and _ends_with_language(out[-1])
        level_only = not named and not any(_any_eu_spans(part)) and re.search(_CEFR, part)
        if out and (list_goes_on or level_only):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _ends_with_language(text: str) -> bool:
    langs = named_languages(text)
    return bool(langs) and not text[langs[-1][1] :].strip().count(" ")


@dataclass
class LanguageRules:
    """What the extractor found, with the lines each part came from."""

    required: list[Found[dict[str, object]]]
    assets: list[Found[str]]
    selection: list[Found[str]]


def _asset_lists(lines: list[Line]) -> Iterator[tuple[Line, bool]]:
    """Each line, and whether it is an item of a list introduced as an advantage (`The following is an asset:`,
    or a heading `Assets`).

    The first line after the introduction is an item; a further line is one when the item before it ends
    with `;` or `,`, or when it starts in lower case (a new paragraph starts with a capital).
    """
    in_list, previous = False, ""
    for line in lines:
        text = line.text.strip()
        in_list = in_list and (previous.endswith((";", ",", ":")) or text[:1].islower())
        yield line, in_list
        if text.endswith(":"):
            in_list = bool(_words("asset").search(text))
        elif _words("asset").fullmatch(text):
            in_list = True  # a heading that is only the word: `Assets`, `Meriterande`
        previous = text


@dataclass
class _Reading:
    """What has been read so far, by kind, with the line each value came from."""

    required: list[Found[dict[str, object]]] = field(default_factory=list)
    assets: dict[str, Found[str]] = field(default_factory=dict)
    selection: dict[str, Found[str]] = field(default_factory=dict)

    def read(self, sentence: str, line: Line, asset_list: bool) -> None:
        """The rules one sentence states: the selection's languages, assets or required levels."""
        if _words("selection").search(sentence) and _words("medium").search(sentence):
            for code, _ in named_languages(sentence):
                self.selection.setdefault(code, Found(code, line, "medium", sentence))
            return
        if not (_words("knowledge").search(sentence) or _level().search(sentence)) or _words("documents").search(sentence):
            return  # `The working language is English`, `Send your CV in English`
        clauses = _clauses(sentence)
        for n, clause in enumerate(clauses):
            if asset_list or _words("asset").search(clause):
                for code, _ in named_languages(clause):
                    self.assets.setdefault(code, Found(code, line, "low", clause))
                continue
            for level, langs in requirements_in(clause, " ".join(clauses[:n])):
                value: dict[str, object] = {"level": level, "of": langs}
                if all(f.value != value for f in self.required):
                    self.required.append(Found(value, line, "medium" if line.cells else "low", clause))


def _about_languages(sentence: str) -> bool:
    """The sentence names a language or says "an EU language"."""
    return bool(named_languages(sentence)) or bool(_words("language").search(sentence) and any(_any_eu_spans(sentence)))


def extract_languages(ctx: Context) -> LanguageRules:
    """Required levels, assets and selection languages, sentence by sentence."""
    reading = _Reading()
    for line, asset_list in _asset_lists(ctx.doc.lines):
        for sentence in split_sentences(line.text):
            if _about_languages(sentence):
                reading.read(sentence, line, asset_list)
    return LanguageRules(_named_win(reading.required), list(reading.assets.values()), list(reading.selection.values()))


def _named_win(required: list[Found[dict[str, object]]]) -> list[Found[dict[str, object]]]:
    """A named language at a level replaces "one EU language" at the same level."""
    named_levels = {r.value["level"] for r in required if r.value["of"] != ["EU"]}
    return [r for r in required if r.value["of"] != ["EU"] or r.value["level"] not in named_levels]

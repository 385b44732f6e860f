"""Place(s) of employment, as English city names; only ticked options of a tick-box list.

In order: a labelled place (`Place of employment: Brussels`), a label run into a paragraph
(`... Place of employment Paris, France ...`), a sentence stating it (`the place of employment is
Athens`), a location line in the header (`Prague, Czech Republic`), a city and its country
in capitals in a heading (`... IN THE OFFICE, ALICANTE, SPAIN`), a city in parentheses in the title
(`Director (AD 14) (Luxembourg)`). Where the body is seated is never read as the post's place, nor
the city of a postal address (street, postcode, P.O. box or telephone next to it: `place.address` words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from .. import lexicon, regex_cache
from ..document import Document, Line
from ..read.clean import EMPTY_BOX, TICKED_BOX
from ..registry import fold, registry
from .base import Context, Found, Labelled, labelled
from .labels import label_pattern
from .ticks import ticked_options

_HEADER_LINES = 15  # a location line is printed among the first lines
_HEADING_CHARS = 2000  # a heading city is printed in the first characters
_SEPARATORS = regex_cache.compile(r"[\s,;/()\[\]|&–—-]+")  # between the cities and countries of a location line
_BOXES = regex_cache.compile(f"[{EMPTY_BOX}{TICKED_BOX}]")
_STACKED_LABEL = regex_cache.compile(r"^[^\W\d][^:：\d]{0,40}[:：]$")  # `Status:` alone on its line
_PARENTHESES = regex_cache.compile(r"\(([^()]{2,60})\)")  # `(Luxembourg)`
_GRADE = regex_cache.compile(r"\b(?:AD|AST)\s?\d{1,2}\b")  # `(AD 14)`, `grau AD14`
# A postcode: `1049`, `MRS 1917`, `L-2920`, `2595 AB`, `00-950`, `SE-171 77` (then or before a city or country).
_POSTCODE = regex_cache.compile(r"(?<![\w/.-])(?:[A-Z]{1,3}[- ]?)?(?:\d{2}-\d{3}|\d{3,5}(?: \d{2})?)(?: [A-Z]{2})?(?![\w/.-])")
_ADDRESS_SPAN = 40  # the characters around a heading city where its street or postcode would be
_PHONE = regex_cache.compile(r"\+\s?\d{2,3}[\s\d()./-]{6,}")  # `+356 2248 7500`
_JOINER = regex_cache.compile(r"^[\s,;/()&–—-]*(?:[^\W\d_]{1,4}[\s,;/()&–—-]+)?$")  # between listed cities: `, `, ` and `, ` ou `
_WORD_CHAR = regex_cache.compile(r"\w")
_DIGIT_OR_TRAILING_COMMA = regex_cache.compile(r"\d|,\s*$")  # not a location line: `The Hague,`, `1049 Brussels`
_THEN_COUNTRY = regex_cache.compile(r"\s*[,(-]\s*((?:[^\W\d_]+[ ]?){1,3})")  # `, ESPAÑA`, ` (Greece)`


def cities_in(text: str) -> list[str]:
    """English names of the cities a text names, in order, once each."""
    reg = registry()
    out: list[str] = []
    for m in reg.place_names.finditer(text):
        city = reg.city(m.group(1))
        if city and city not in out:
            out.append(city)
    return out


def only_places(text: str) -> list[str]:
    """The cities of a text made only of city and country names (`Brussels (Belgium),`), else []."""
    cities = cities_in(text)
    if not cities:
        return []
    rest = [chunk for chunk in _SEPARATORS.split(registry().place_names.sub(" ", text)) if _WORD_CHAR.search(chunk)]
    if rest and not (_is_country(" ".join(rest)) or all(_is_country(chunk) for chunk in rest)):
        return []
    return cities


def _is_country(name: str) -> bool:
    """`Belgium`, `ESPAÑA`, `Czech Republic`: a country of a known place in any EU language."""
    return fold(name) in registry().country_by_name or bool(_countries().fullmatch(name.strip()))


@cache
def _countries() -> re.Pattern[str]:
    """Country names CLDR does not give (`Czech Republic`)."""
    return regex_cache.compile(r"(?:" + (lexicon.alternation("place", "countries") or r"(?!)") + r")", re.I)


@lru_cache(maxsize=4096)  # the statement and the inline label readers ask of the same lines
def _may_name_city(text: str) -> bool:
    """Could a part of the text name a city? Not where no city name starts.

    The statement and inline label patterns try dozens of alternatives at every word of every line; the
    city names they must be followed by start in few lines. A name found in a part of a line (cut after
    at most 80 characters, after a space) starts where it starts in the line, whatever follows it there.
    """
    return registry().place_names.starts.search(text) is not None


@cache
def _stated() -> re.Pattern[str]:
    """A sentence stating the place: `the place of employment is ...`, `le lieu d'affectation est ...`."""
    return regex_cache.compile(r"(?<!\w)(?:" + lexicon.alternation("place", "stated") + r")\s+(?P<rest>[^.;\n]{1,80})", re.I)


def _labelled_cities(value: str) -> list[str]:
    """The cities of a labelled value: with tick boxes, the first city of each ticked option.

    `☒ Brussels Luxemburg Other` -> Brussels (the other options lost their boxes);
    `Brussels ☐ With allowances` (no box ticked) -> Brussels: the boxes belong to what follows.
    """
    options = ticked_options(value)
    if options is None:
        return cities_in(value)
    if options:
        return [city for option in options for city in cities_in(option)[:1]]
    first_box = _BOXES.search(value)
    return cities_in(value[: first_box.start()] if first_box else value)


def _stacked_value(doc: Document, hit: Labelled) -> Line | None:
    """Labels printed one under the other, their values after them in the same order.

    `Status:` / `Location:` / `Seconded National Expert` / `Brussels, BELGIUM` -> `Brussels, BELGIUM`.
    """
    label_index = hit.index - 1
    before = 0
    while label_index - before - 1 >= 0 and _STACKED_LABEL.match(doc.lines[label_index - before - 1].text.strip()):
        before += 1
    target = hit.index + before
    return doc.lines[target] if before and target < len(doc.lines) else None


def _continued(doc: Document, hit: Labelled, cities: list[str]) -> list[str]:
    """Cities listed on the lines after a labelled one (`Brussels (Belgium),` / `Luxembourg (Luxembourg)`)."""
    out = list(cities)
    for line in doc.lines[hit.index + 1 : hit.index + 8]:
        more = only_places(line.text)
        if not more:
            break
        out += [city for city in more if city not in out]
    return out


def _from_labels(doc: Document) -> Found[list[str]] | None:
    for hit in labelled(doc, "place"):
        cities = _labelled_cities(hit.value)
        if cities:
            return Found(_continued(doc, hit, cities), hit.line, "high", hit.value)
        stacked = _stacked_value(doc, hit)
        if stacked is not None and _labelled_cities(stacked.text):
            return Found(_labelled_cities(stacked.text), stacked, "medium", stacked.text)
    return None


def _from_prose(doc: Document) -> Found[list[str]] | None:
    for line in doc.lines:
        if not _may_name_city(line.text):
            continue  # the statement would name no city: not worth its costly pattern
        for m in _stated().finditer(line.text):
            cities = _listed_cities(m.group("rest"))
            if cities:
                return Found(cities, line, "medium", m.group(0))
    return None


def _listed_cities(text: str) -> list[str]:
    """The first city of a statement and those listed with it (`Brussels or Luxembourg`, `Vienna, Austria`),
    not one named later (`Luxembourg (Kirchberg), with missions to Brussels` -> Luxembourg)."""
    matches = list(registry().place_names.finditer(text))
    if not matches:
        return []
    last = matches[0]
    for m in matches[1:]:
        between = text[last.end() : m.start()]
        if not (_JOINER.match(between) or _is_country(between.strip(" ,;/()&–—-"))):
            break
        last = m
    return cities_in(text[matches[0].start() : last.end()])


def _heading_lines(doc: Document) -> Iterator[tuple[int, Line, str]]:
    """The first lines of the document with their index, cut to the first characters."""
    used = 0
    for i, line in enumerate(doc.lines):
        if used >= _HEADING_CHARS:
            return
        yield i, line, line.text[: _HEADING_CHARS - used]
        used += len(line.text) + 1


def _from_header(doc: Document) -> Found[list[str]] | None:
    """A location line among the first lines: `Copenhagen, Denmark`, `Brussels`, not a dateline `The Hague,`
    nor the city of a postal address (`Rue de l'Exemple 1` / `Brussels` / `1049 Belgium`)."""
    for i, line, text in _heading_lines(doc):
        if i >= _HEADER_LINES:
            return None
        cities = only_places(text) if len(text) <= 80 and not _DIGIT_OR_TRAILING_COMMA.search(text) else []
        city_country = _city_and_country(text, registry().place_names.match(text))
        if (cities or city_country) and not _in_address(doc.lines, i):
            return Found(cities or city_country, line, "low", text)
    return None


def _in_address(lines: list[Line], index: int) -> bool:
    """Is a line part of a postal address block: it or a line next to it has a street, postcode, box or phone?"""
    return any(_is_address(lines[i].text) for i in range(max(0, index - 1), min(len(lines), index + 2)))


def _is_address(text: str) -> bool:
    """`Winemakers Wharf`, `MRS 1917, Malta`, `1049 Bruxelles`, `P.O. Box 123`, `Tel. +32 2 299 11 11`."""
    if _address_words().search(text) or _PHONE.search(text):
        return True
    for m in _POSTCODE.finditer(text):
        after, before = text[m.end() :].lstrip(" ,"), text[: m.start()].rstrip(" ,")
        if registry().place_names.match(after) or _starts_with_country(after) or _ends_with_city(before):
            return True
    return False


def _ends_with_city(text: str) -> bool:
    """`... Valletta` (a postcode printed after its city: `Valletta MRS 1917`)."""
    matches = list(registry().place_names.finditer(text[-40:]))
    return bool(matches) and matches[-1].end() == len(text[-40:])


@cache
def _address_words() -> re.Pattern[str]:
    """Street and post words of an address: `street`, `rue`, `Straße`, `P.O. Box`, `Tel.`."""
    return regex_cache.compile(r"(?<!\w)(?:" + lexicon.alternation("place", "address") + r")(?!\w)", re.I)


def _city_and_country(text: str, m: re.Match[str] | None) -> list[str]:
    """The city of a city-name match followed by its country (`ALICANTE, ESPAÑA`, `Athens (Greece)`)."""
    if m is None:
        return []
    after = _THEN_COUNTRY.match(text[m.end() :])
    return cities_in(m.group(1)) if after and _starts_with_country(after.group(1)) else []


def _from_capitals(doc: Document) -> Found[list[str]] | None:
    """A city and its country in capitals in a heading (`FOR CONTRACTS AT THE OFFICE, ALICANTE, SPAIN`)."""
    for _, line, text in _heading_lines(doc):
        for m in registry().place_names.finditer(text):
            cities = _city_and_country(text, m) if m.group(1).isupper() else []
            if cities and _is_address(text[max(0, m.start() - _ADDRESS_SPAN) : m.end() + _ADDRESS_SPAN]):
                continue  # `AVENIDA DE EUROPA 4, ALICANTE, SPAIN`: the seat's address
            if cities:
                return Found(cities, line, "low", m.group(0))
    return None


def _starts_with_country(words: str) -> bool:
    """`SPAIN`, `CZECH REPUBLIC THE` (a country name, then other words) -> True."""
    parts = words.split()
    return any(_is_country(" ".join(parts[:n])) for n in range(len(parts), 0, -1))


def _from_title(doc: Document) -> Found[list[str]] | None:
    """A city in parentheses after the grade in a title (`Director (AD 14) (Luxembourg)`), not `DG X (Brussels)`."""
    for _, line, text in _heading_lines(doc):
        for m in _PARENTHESES.finditer(text):
            cities = only_places(m.group(1))
            if cities and _GRADE.search(text, max(0, m.start() - 300), m.start()):
                return Found(cities, line, "low", m.group(0))
    return None


@cache
def _inline_label() -> re.Pattern[str]:
    """A place label run into its value inside a paragraph (`... Place of employment Paris, France ...`)."""
    return regex_cache.compile(r"(?<!\w)(?:" + label_pattern("place") + r")\s*[:：]?\s+", re.I)


def _from_inline_label(doc: Document) -> Found[list[str]] | None:
    """A capitalised place label directly followed by cities, in a line the label reader skips."""
    for line in doc.lines:
        if _BOXES.search(line.text):
            continue  # a tick-box list is read with its label, or not at all
        if not _may_name_city(line.text):
            continue  # no city would follow the label
        for m in _inline_label().finditer(line.text):
            if not m.group(0)[0].isupper():
                continue
            run = line.text[m.end() :][:60].split(".")[0].split(";")[0]
            cities = _leading_places(run)
            if cities:
                return Found(cities, line, "medium", m.group(0) + run)
    return None


def _leading_places(text: str) -> list[str]:
    """The cities at the start of a text, with their countries (`Paris, France Monthly salary` -> Paris)."""
    first = registry().place_names.match(text)
    if first is None:
        return []
    end = first.end()
    for m in registry().place_names.finditer(text, end):
        if not only_places(text[: m.end()]):
            break
        end = m.end()
    return cities_in(text[:end])


def extract_places(ctx: Context) -> Found[list[str]] | None:
    """Labelled places (ticked boxes only), else a statement, a header location line or a heading city."""
    for find in (_from_labels, _from_inline_label, _from_prose, _from_header, _from_capitals, _from_title):
        found = find(ctx.doc)
        if found is not None:
            return found
    return None

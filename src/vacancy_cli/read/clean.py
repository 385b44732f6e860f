"""Text clean-up done once for every reader: glyphs, markup, footnote markers, page furniture."""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from .. import lexicon, regex_cache
from ..document import Line
from ..hygiene import strip_invisible

EMPTY_BOX = "☐"
TICKED_BOX = "☒"

_GLYPHS = str.maketrans(
    {
        "\uf0a8": EMPTY_BOX,  # Wingdings empty box
        "\uf06f": EMPTY_BOX,
        "\uf071": EMPTY_BOX,
        "□": EMPTY_BOX,
        "❑": EMPTY_BOX,
        "○": EMPTY_BOX,
        "◯": EMPTY_BOX,
        "\uf0fe": TICKED_BOX,  # Wingdings ticked box
        "\uf078": TICKED_BOX,
        "\uf0fd": TICKED_BOX,
        "☑": TICKED_BOX,
        "⊠": TICKED_BOX,
        "◉": TICKED_BOX,
        "●": TICKED_BOX,
        "⦿": TICKED_BOX,
        "■": TICKED_BOX,
        "✓": TICKED_BOX,
        "✔": TICKED_BOX,
        "✗": TICKED_BOX,
        "✘": TICKED_BOX,
        "\uf0b7": "•",  # Wingdings/Symbol bullet
        "\uf0a7": "•",
        "\uf0d8": "•",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2028": " ",
        "\t": "\t",
        "ﬁ": "fi",
        "ﬂ": "fl",
    }
)
_GLYPH = regex_cache.compile("[" + re.escape("".join(chr(c) for c in _GLYPHS)) + "]")
_SUPERSCRIPT_DIGITS = regex_cache.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
_HTML_CHECKED = regex_cache.compile(r"<input\b[^>]*\bchecked\b[^>]*>", re.I)
_HTML_INPUT = regex_cache.compile(r"<input\b[^>]*>", re.I)
_SUP = regex_cache.compile(r"<sup>\s*[^<]{0,6}\s*</sup>", re.I)
_TAG = regex_cache.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_MD_LINK = regex_cache.compile(r"!?\[([^\]\n]{0,300})\]\((?:[^()\n]|\([^()\n]*\)){0,500}\)")  # `[text](https://...)` -> `text`
_MD_AUTOLINK = regex_cache.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_CHAR_REF = regex_cache.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")  # `&amp;`, `&#8211;`, `&ndash;`
_MD_HEADING = regex_cache.compile(r"^\s{0,3}#{1,6}\s+")
_MD_RULE = regex_cache.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
_MD_ESCAPE = regex_cache.compile(r"\\([*_#`\[\]()>|\\-])")
_MD_STRONG = regex_cache.compile(r"\*\*|__")
_MD_EMPHASIS = regex_cache.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_BRACKET_NOTE = regex_cache.compile(r"\[\d{1,2}\]")
_GLUED_NOTE = regex_cache.compile(r"(?<=[a-zà-ÿ]{3})\d{1,2}(?=[\s,.;:)\]]|$)")
_GLUED_NOTE_AFTER = regex_cache.compile(r"\d(?<=[a-zà-ÿ]{3}\d)")  # where every `_GLUED_NOTE` match starts (a quick search)
_NOTE_AFTER_PAREN = regex_cache.compile(r"(?<=\(s\))\d{1,2}\b")
_NOTE_AFTER_HOURS = regex_cache.compile(r"(\b\d{1,2}[:.]\d{2}\s?h)\d\b")
_HOURS_NOTE = regex_cache.compile(r"\d[:.]\d\d\s?h\d")  # what every `_NOTE_AFTER_HOURS` match holds (a quick search)
_BULLET = regex_cache.compile(r"^\s*(?:[•·▪◦‣∙\-–*]|o(?=\s))\s+")
_SUBSTITUTED_BULLET = regex_cache.compile(r"^S\s+[A-Z]")
_DIGIT = regex_cache.compile(r"\d")
_DIGITS = regex_cache.compile(r"\d+")
_NOTE_STAR = regex_cache.compile(r"(?<=\w)\*{1,3}(?=\s*:)")
_HTML_BREAK = regex_cache.compile(r"<br\s*/?>", re.I)
_LETTER_TICK = regex_cache.compile(r"(?:(?<=\s)|^)[SXx](?=\s+\w)")  # `S`, `X`, `x` before a word, near a `£` box
_TABLE_RULE = regex_cache.compile(r"\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*")  # `| --- | :-: |`

_PAGE_NUMBER = regex_cache.compile(
    r"^\W*(?:(?:page|p\.|seite|pagina)\s*)?\d{1,3}\s*(?:/|of|sur|von|de|\|)\s*\d{1,3}\W*$"
    r"|^\W*(?:page|seite|pagina)\s+\d{1,3}\W*$",
    re.I,
)
_BARE_NUMBER = regex_cache.compile(r"^\s*[-–]?\s*(\d{1,3})\s*[-–]?\s*$")
_PRINT_STAMP = regex_cache.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\b.*\.(?:docx?|pdf|odt)\s*$", re.I)
# A job portal's breadcrumb trail, two steps or more: `Careers › Vacancies › Research Officer`, `Home > Jobs > Open`
_BREADCRUMB = regex_cache.compile(r"^[^›»><«‹]{1,60}(?:\s[›»>]\s[^›»><«‹]{1,60}){2,}(?<![.,;:!?])$")
_SIGNATURE = regex_cache.compile(r"^\s*electronically signed\b|^\s*signé électroniquement|^\s*elektronisch unterzeichnet", re.I)


# Each clean-up below is skipped when the character all its matches need is not in the text (most lines of a PDF).


# Boxes typed as text: `[X] Brussels [ ] Luxembourg`, `[x] Cost-free` (a footnote `[2]` is not a box).
_TYPED_TICKED = regex_cache.compile(r"\[\s?[xX✓✔]\s?\](?=\s)")
_TYPED_EMPTY = regex_cache.compile(r"\[\s{1,2}\](?=\s)")


def normalise_glyphs(text: str) -> str:
    """Map box, bullet and space glyphs of every font to one form each."""
    if "<" in text:
        text = _HTML_CHECKED.sub(f" {TICKED_BOX} ", text)
        text = _HTML_INPUT.sub(f" {EMPTY_BOX} ", text)
    if "[" in text:
        text = _TYPED_EMPTY.sub(EMPTY_BOX, _TYPED_TICKED.sub(TICKED_BOX, text))
    # a search is much faster than `translate`; in ASCII text the table changes nothing (a tab stays a tab)
    return text.translate(_GLYPHS) if not text.isascii() and _GLYPH.search(text) else text


def strip_markup(text: str) -> str:
    """Remove Markdown and HTML markup, keeping the words."""
    if "<" in text:
        text = _SUP.sub("", text)
        text = _MD_AUTOLINK.sub(r"\1", text)
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "<" in text:
        text = _HTML_BREAK.sub(" ", text)
        text = _TAG.sub("", text)
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(lambda m: "" if m.group(1) == "*" else m.group(1), text)
    if "*" in text or "_" in text:
        text = _MD_STRONG.sub("", text)
    if "*" in text:
        text = _MD_EMPHASIS.sub(r"\1", text)
        text = _NOTE_STAR.sub("", text)
    return text


def strip_footnote_markers(text: str) -> str:
    """Drop footnote markers glued to words (`Sweden1`, `year(s)1`, `12:00 h3`, `[2]`, `²`)."""
    if not text.isascii():  # superscript digits are not
        text = _SUPERSCRIPT_DIGITS.sub("", text)
    if "[" in text:
        text = _BRACKET_NOTE.sub("", text)
    if not _DIGIT.search(text):
        return text
    if _GLUED_NOTE_AFTER.search(text):
        text = _GLUED_NOTE.sub("", text)
    if "(s)" in text:
        text = _NOTE_AFTER_PAREN.sub("", text)
    return _NOTE_AFTER_HOURS.sub(r"\1", text) if _HOURS_NOTE.search(text) else text


def substitute_letter_ticks(lines: list[str]) -> list[str]:
    """Font-substituted tick boxes: `£` is an empty box; `S`, `©`, `X`, `x` near one are ticked boxes."""
    near_pound = {near for i, line in enumerate(lines) if "£" in line for near in range(i - 3, i + 4)}
    out = []
    for i, line in enumerate(lines):
        if i in near_pound:
            line = line.replace("£", EMPTY_BOX).replace("©", TICKED_BOX)
            line = _LETTER_TICK.sub(TICKED_BOX, line)
        out.append(line)
    return out


def decode_char_refs(text: str) -> str:
    """HTML character references left in a text export (`R&amp;D`, `&ndash;`, `&#160;`) as their characters;
    a bare `&` (`R&D`) and unknown names stay as printed. A reference to no character (`&#0;`, a control, a
    surrogate, a non-character, past U+10FFFF) goes; one to a tab or line break is a space."""
    return _CHAR_REF.sub(_char_ref, text) if "&" in text else text


def _char_ref(match: re.Match[str]) -> str:
    """One character reference as its character (`decode_char_refs`): `html.unescape` already drops controls and
    non-characters and gives U+FFFD for a reference to no character (`&#0;`, a surrogate), which goes too; a tab
    or line break is a space."""
    char = html.unescape(match.group(0))
    return "" if char == "\ufffd" else " " if char in ("\t", "\n", "\r") else char


def clean_line(text: str) -> str:
    """One line of any reader to the form extractors expect (without control or invisible characters)."""
    text = strip_markup(normalise_glyphs(strip_invisible(decode_char_refs(text))))
    text = strip_footnote_markers(text)
    text = _BULLET.sub("", text)
    if text.startswith("S") and _SUBSTITUTED_BULLET.match(text) and "£" not in text:
        text = text[2:]  # a bullet glyph that a font substitution turned into `S`
    return " ".join(text.split())  # white space as `\s` of `re` has it, in one space each, none at the ends


def is_rule(text: str) -> bool:
    """A Markdown horizontal rule or table separator row."""
    return bool(_MD_RULE.match(text)) or bool(_TABLE_RULE.fullmatch(text))


def is_page_furniture(text: str) -> bool:
    """A page number, print stamp, signature line, a portal's breadcrumb trail or a web page's controls (never
    part of a value; a breadcrumb's last step names a page of the site, a section or the post, which the
    notice's heading gives)."""
    return bool(_PAGE_NUMBER.match(text) or _PRINT_STAMP.match(text) or _SIGNATURE.match(text) or _breadcrumb(text)
                or (len(text) <= _CONTROLS_LENGTH and _page_controls().match(text)))


def _breadcrumb(text: str) -> bool:
    """A portal's breadcrumb trail (`_BREADCRUMB`), looked for only where its steps' marks are."""
    return ("›" in text or "»" in text or ">" in text) and bool(_BREADCRUMB.match(text))


_CONTROLS_LENGTH = 60  # no line of a web page's controls is longer


@cache
def _page_controls() -> re.Pattern[str]:
    """A line of a web page's controls, printed with the notice: `Print this page`, `Share`, a language
    switcher of two codes or more (`BG | ES | CS`, `EN FR DE`; codes in capitals: `de` is a word). One code
    alone is no switcher: `HR`, `IT`, `EN` are values too (`Directorate-General:` / `HR`); see `_lone_codes`."""
    code = _language_code()
    switcher = code + r"(?:(?:\s*[|/·]\s*|\s+)" + code + r")+"
    return regex_cache.compile(r"^\W*(?:" + lexicon.alternation("page", "controls") + r"|" + switcher + r")\W*$", re.I)


@cache
def _language_code() -> str:
    """One EU language code in capitals (`EN`, `HR`) as a case-sensitive regex fragment."""
    return r"(?-i:(?:" + "|".join(code.upper() for code in lexicon.EU_LANGUAGES) + r"))"


@cache
def _lone_code() -> re.Pattern[str]:
    """A line that is one language code alone: `EN`, `HR`."""
    return regex_cache.compile(r"^\W*" + _language_code() + r"\W*$")


def _lone_codes(lines: Sequence[Line], controls: set[int]) -> set[int]:
    """Indexes of lines that are one language code alone next to a web page's controls (`Share` / `EN`: the
    current language of the page); a code alone elsewhere is a value (`Directorate-General:` / `HR`)."""
    if not controls:
        return set()  # nothing marked (most documents): no line is looked at
    filled = [i for i, line in enumerate(lines) if line.text]  # neighbours are looked for across blank lines
    return {i for n, i in enumerate(filled)
            if _lone_code().match(lines[i].text) and controls.intersection(filled[max(n - 1, 0):n] + filled[n + 1:n + 2])}


def repeated_lines(lines: Iterable[Line], min_pages: int = 2, min_count: int = 3, fold_digits: bool = False) -> set[str]:
    """Keys of lines that repeat like running headers and footers (digits folded when asked)."""
    counts: Counter[str] = Counter()
    pages: dict[str, set[int]] = {}
    for line in lines:
        key = furniture_key(line.text, fold_digits)
        if len(key) < 8:
            continue
        counts[key] += 1
        pages.setdefault(key, set()).add(line.page)
    return {k for k, n in counts.items() if n >= min_count or (len(pages[k]) >= min_pages and n >= 2)}


def furniture_key(text: str, fold_digits: bool = False) -> str:
    """The form under which repeated lines are compared."""
    key = text.strip().casefold()
    return _DIGITS.sub("0", key) if fold_digits else key


def split_furniture(
    lines: Sequence[Line], repeated: set[str], fold_digits: bool = False
) -> tuple[list[Line], list[Line]]:
    """Split lines into body and furniture (page numbers, stamps, repeated headers/footers)."""
    body: list[Line] = []
    furniture: list[Line] = []
    page_numbers = _bare_page_numbers(lines)
    marked = {index for index, line in enumerate(lines) if is_page_furniture(line.text)}
    marked |= _lone_codes(lines, marked)
    for index, line in enumerate(lines):
        if index in page_numbers or index in marked or (repeated and not line.cells and furniture_key(line.text, fold_digits) in repeated):
            furniture.append(line)
        else:
            body.append(line)
    return body, furniture


def _bare_page_numbers(lines: Sequence[Line]) -> set[int]:
    """Indexes of lines holding only a number, when those numbers count pages up (2, 3, 4...)."""
    found = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := _BARE_NUMBER.match(line.text))]
    numbers = [n for _, n in found]
    counting = len(found) >= 2 and all(b > a for a, b in itertools.pairwise(numbers))
    return {i for i, _ in found} if counting else set()

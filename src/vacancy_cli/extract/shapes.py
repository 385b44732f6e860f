"""Shapes several extractors share: how far the header reaches, post identifications, sentences."""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import regex_cache

# The header of a notice: its first lines, where the reference, the body and the title are printed.
HEAD_LINES = 25

# `AGRI-D-1`, `HR-DS-1-CI`, `TRADE - C - 2`: an SNE post identification (DG-DIRECTORATE-UNIT[-SECTOR]).
POST_ID = regex_cache.compile(
    r"(?<![\w/-])(?P<id>(?P<dg>[A-Z]{2,8})(?: ?[-–] ?)[A-Z]{1,2}(?: ?[-–] ?)\d{1,2}(?:(?: ?[-–] ?)[A-Z]{1,4})?)(?![\w/-])"
)


def post_id(m: re.Match[str]) -> str:
    """The post identification of a `POST_ID` match as printed, without its spaces: `TRADE-C-2`."""
    return m.group("id").replace(" ", "")

# `... by 15 May. The selection ...`: a stop, spaces, then a capital (any script) or a bracket.
_SENTENCE_END = regex_cache.compile(r"[.;!?]\s+(?=[^\W\d_]|\()")


def sentences(text: str, stops: str = ".!?", goes_on: Callable[[str], bool] | None = None) -> list[str]:
    """The text cut after each of `stops` followed by a capitalised word, unless `goes_on(text so far)`."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if text[m.start()] not in stops or not (nxt.isupper() or nxt == "("):
            continue
        if goes_on is not None and goes_on(text[: m.start() + 1]):
            continue
        out.append(text[start : m.start() + 1])
        start = m.end()
    return [s for s in [*out, text[start:]] if s]

"""Place(s) of employment, as English city names; only ticked options of a tick-box list."""

from __future__ import annotations

import re

from ..registry import registry
from .base import Context, Found, labelled
from .ticks import ticked_options

_STATED = re.compile(
    r"\b(?:place\s+of\s+(?:employment|work|secondment|assignment)\s+(?:is|will\s+be)|(?:post|position|job)\s+(?:is\s+|will\s+be\s+)?"
    r"(?:based|located)\s+in|based\s+in\s+(?:our\s+)?|lieu\s+d'affectation\s+(?:est|sera)|Dienstort\s+ist)\s+(?P<rest>.{0,80})",
    re.I,
)


def cities_in(text: str) -> list[str]:
    """English names of the cities a text names, in order, once each."""
    reg = registry()
    out: list[str] = []
    for m in reg.place_names.finditer(text):
        city = reg.city(m.group(1))
        if city and city not in out:
            out.append(city)
    return out


def extract_places(ctx: Context) -> Found[list[str]] | None:
    """Labelled places (ticked boxes only), else a sentence stating where the post is."""
    for hit in labelled(ctx.doc, "place"):
        options = ticked_options(hit.value)
        text = " ".join(options) if options is not None else hit.value
        cities = cities_in(text)
        if cities:
            return Found(cities, hit.line, "high", text)
    for line in ctx.doc.lines:
        m = _STATED.search(line.text)
        if m:
            cities = cities_in(m.group("rest"))
            if cities:
                return Found(cities, line, "low", m.group(0))
    return None

"""Write src/vacancy_cli/data/cldr.json: the CLDR names the toolkit reads, taken from Babel once.

Loading Babel's locale data for the 24 EU languages costs more at start-up than parsing several
notices, so the names are kept as a data file: month names (wide and abbreviated, format and
stand-alone), the city of each zone of data/places.json, territory names, and two-letter language
names. tests/test_lexicon.py checks that the file equals what this script writes.

    python scripts/cldr_data.py          # after upgrading Babel or adding a place
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vacancy_cli.lexicon import EU_LANGUAGES

DATA = Path(__file__).resolve().parents[1] / "src" / "vacancy_cli" / "data"
VARIANT_LOCALES = ("pt_PT",)  # European Portuguese language names (`polaco`) besides Brazilian ones


def build() -> dict[str, Any]:
    """The CLDR tables, keyed by kind, then locale."""
    from babel import Locale
    from babel.dates import get_timezone_location

    zones = sorted({str(place["timezone"]) for place in json.loads((DATA / "places.json").read_text("utf-8"))})
    months: dict[str, dict[str, dict[str, list[str]]]] = {}
    for language in EU_LANGUAGES:
        names = Locale(language).months
        months[language] = {
            context: {width: [names[context][width][n] for n in range(1, 13)] for width in ("wide", "abbreviated")}
            for context in ("format", "stand-alone")
        }
    return {
        "months": months,
        "zone_cities": {
            zone: {language: get_timezone_location(zone, language, return_city=True) for language in EU_LANGUAGES}
            for zone in zones
        },
        "territories": {language: dict(Locale(language).territories) for language in EU_LANGUAGES},
        "languages": {
            locale: {code: name for code, name in Locale.parse(locale).languages.items() if len(code) == 2}
            for locale in (*EU_LANGUAGES, *VARIANT_LOCALES)
        },
    }


def render(data: dict[str, Any]) -> str:
    """The file's text: one table per line (in Babel's order, which lookups keep), so that a diff shows what changed."""
    lines = ["{"]
    for k, (kind, tables) in enumerate(data.items()):
        lines.append(f"  {json.dumps(kind)}: {{")
        for i, (locale, table) in enumerate(tables.items()):
            comma = "," if i + 1 < len(tables) else ""
            lines.append(f"    {json.dumps(locale)}: {json.dumps(table, ensure_ascii=False)}{comma}")
        lines.append("  }" + ("," if k + 1 < len(data) else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (DATA / "cldr.json").write_text(render(build()), encoding="utf-8")

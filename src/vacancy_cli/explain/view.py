"""The terminal view: each field, its value, confidence and source line with the match highlighted.

Every value from the notice is passed to rich as `Text`, never as markup: `[/]` or `[link=...]` print as written.
"""

from __future__ import annotations

from typing import Any

from ..model import Call
from .fields import rows

STYLE = {"high": "green", "medium": "yellow", "low": "red"}


def source_text(text: str, match: str | None) -> Any:
    """The source line with the matched part highlighted."""
    from rich.text import Text

    line = Text(text)
    if match and match in text:
        start = text.index(match)
        line.stylize("bold reverse", start, start + len(match))
    return line


def render(call: Call, console: Any) -> None:
    """Print the explanation of a record on a rich console."""
    from rich.table import Table
    from rich.text import Text

    title = Text(f"{call.source.path if call.source else '-'}: {call.reference or 'no reference'}")
    table = Table(title=title, show_lines=True, header_style="bold")
    for column in ("field", "value", "confidence", "page", "read from"):
        table.add_column(column, overflow="fold")
    missing = []
    for row in rows(call):
        if row.value is None:
            missing.append(row.field)
            continue
        ev = row.evidence
        confidence = ev.confidence if ev else "—"
        table.add_row(
            row.field,
            Text(row.value),
            Text(confidence, style=STYLE.get(confidence, "white")),
            str(ev.page) if ev and ev.page else "—",
            source_text(ev.text, ev.match) if ev else "—",
        )
    console.print(table)
    if call.warnings:
        console.print("[bold]Warnings[/]")
        for warning in call.warnings:
            console.print(Text(f"  • {warning}"))
    if missing:
        console.print("[bold]Not stated in the notice[/]: " + ", ".join(missing))

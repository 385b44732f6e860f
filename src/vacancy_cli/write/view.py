"""The terminal view of `parse`: each record as fields, values, confidence marks and warnings, for people."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..explain.fields import FIELDS
from .table import cell, value_at

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..model import Call

MARKS = {"high": ("●●●", "green"), "medium": ("●●○", "yellow"), "low": ("●○○", "red")}
LEGEND = "confidence: ●●● labelled in the notice, ●●○ from a pattern, ●○○ from prose"


def record_view(call: Call, fields: list[str] | None = None) -> RenderableType:
    """One record: a heading (file and reference), then field, value and confidence mark per line, then warnings."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    data = call.model_dump(mode="json")
    source = call.source.path if call.source and call.source.path else "-"
    heading = Text.assemble((source, "bold"), " — ", (call.reference or "no reference", "bold cyan"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_column(no_wrap=True)
    missing = []
    for key in fields or FIELDS:
        shown = cell(value_at(data, key))
        if shown == "—" and not fields:
            missing.append(key)
            continue
        evidence = call.evidence.get(key)
        mark, style = MARKS.get(evidence.confidence, ("", "")) if evidence else ("", "")
        grid.add_row(key, Text(shown), Text(mark, style=style))
    parts: list[RenderableType] = [heading, grid]
    if call.warnings and not fields:
        parts.append(Text("warnings:", style="bold yellow"))
        parts += [Text(f"  • {warning}") for warning in call.warnings]
    if missing:
        parts.append(Text("not stated: " + ", ".join(missing), style="dim"))
    return Group(*parts)


def print_records(console: Console, calls: Iterable[Call], fields: list[str] | None = None) -> None:
    """Each record's view as it comes, a blank line between them, and the legend of the marks once."""
    from rich.text import Text

    shown = 0
    for call in calls:
        if shown:
            console.print()
        console.print(record_view(call, fields))
        shown += 1
    if shown:
        console.print(Text(LEGEND, style="dim"))

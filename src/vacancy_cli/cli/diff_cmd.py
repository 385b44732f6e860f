"""`vacancy diff`: field-level changes between two notices or records."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any

import typer

from ..errors import ExitCode
from .inputs import records_of


class DiffFormat(str, Enum):
    table = "table"
    json = "json"


def diff(
    old: Annotated[str, typer.Argument(help="The earlier notice or record.")],
    new: Annotated[str, typer.Argument(help="The later notice or record (e.g. a corrigendum).")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.table,
) -> None:
    """Show the fields that differ between two notices or records; exit 0 when equal, 1 when different.

    Examples:

      vacancy diff notice.pdf corrigendum.pdf

      vacancy diff old.json new.json --format json
    """
    from ..diff import diff_records

    changes = diff_records(_first(old), _first(new))
    if format == DiffFormat.json:
        typer.echo(json.dumps([{"field": c.field, "old": c.old, "new": c.new} for c in changes], indent=2, ensure_ascii=False))
    elif changes:
        from rich.console import Console
        from rich.table import Table

        from .common import use_colour

        table = Table("field", "old", "new", header_style="bold")
        for c in changes:
            table.add_row(c.field, _show(c.old), _show(c.new))
        Console(no_color=not use_colour()).print(table)
    else:
        typer.echo("no differences")
    raise typer.Exit(int(ExitCode.DIFFERENT if changes else ExitCode.OK))


def _first(path: str) -> dict[str, Any]:
    return records_of(path, None, "auto", None)[0]


def _show(value: Any) -> str:
    return "—" if value in (None, []) else json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value

"""`vacancy diff`: field-level changes between two notices or records, or calls added/removed/changed between lists."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import ExitCode
from .common import error_line
from .inputs import failure_of, load
from .output import json_text

if TYPE_CHECKING:
    from ..diff import CallChange, Change


class DiffFormat(str, Enum):
    table = "table"
    json = "json"


def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier notice, record or list of records.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later one (e.g. a corrigendum, or this week's export).")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.table,
) -> None:
    """Show what differs between two notices or records; exit 0 when equal, 1 when different.

    Two lists of records (a JSON array or JSON Lines, e.g. two exports) are compared call
    by call, matched by institution and reference: each call added, removed or changed,
    with the fields that changed.

    \b
    Examples:
      vacancy diff notice.pdf corrigendum.pdf
      vacancy diff old.json new.json --format json
      vacancy diff last-week.jsonl this-week.jsonl
    """
    from ..diff import diff_lists, diff_records

    before, after = load(old), load(new)
    if before.listed or after.listed:
        calls = diff_lists(_calls(before.records, old), _calls(after.records, new))
        _show_calls(calls, format)
        different = bool(calls)
    else:
        for loaded, where in ((before, old), (after, new)):
            failure = failure_of(loaded.records[0], where)
            if failure is not None:
                raise failure  # an export's error record: the file it stands for could not be read
        changes = diff_records(before.records[0], after.records[0])
        _show_changes(changes, format)
        different = bool(changes)
    raise typer.Exit(int(ExitCode.ATTENTION if different else ExitCode.OK))


def _calls(records: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """The records of calls; export's error records are told on stderr and left out."""
    kept = []
    for record in records:
        failure = failure_of(record, where)
        if failure is None:
            kept.append(record)
        else:
            error_line(f"{failure} (not compared)")
    return kept


def _change(c: Change) -> dict[str, Any]:
    return {"field": c.field, "old": c.old, "new": c.new}


def _show_changes(changes: list[Change], format: DiffFormat) -> None:
    """Field by field, as JSON or a table."""
    if format == DiffFormat.json:
        typer.echo(json_text([_change(c) for c in changes], sys.stdout))
    elif changes:
        _print_table(("field", "old", "new"), [(c.field, _show(c.old), _show(c.new)) for c in changes])
    else:
        typer.echo("no differences")


def _show_calls(calls: list[CallChange], format: DiffFormat) -> None:
    """Call by call, as JSON or a table (one row per changed field)."""
    if format == DiffFormat.json:
        report = [{"call": c.call, "status": c.status, "changes": [_change(x) for x in c.changes]} for c in calls]
        typer.echo(json_text(report, sys.stdout))
        return
    if not calls:
        typer.echo("no differences")
        return
    rows: list[tuple[str, ...]] = []
    for c in calls:
        rows += [(c.call, c.status, x.field, _show(x.old), _show(x.new)) for x in c.changes] or [(c.call, c.status, "", "", "")]
    _print_table(("call", "status", "field", "old", "new"), rows)


def _print_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    from ..write.table import console, print_table, table

    print_table(console(), table(list(columns), [list(row) for row in rows], {"call"}))


def _show(value: Any) -> str:
    return "—" if value in (None, []) else json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value

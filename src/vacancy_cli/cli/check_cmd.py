"""`vacancy check-deadline`: how long is left to apply."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from ..errors import ExitCode
from .common import Outcome, parse_now
from .inputs import each_record


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


def check_deadline(
    files: Annotated[list[str], typer.Argument(help="Notices or records.")],
    now: Annotated[str | None, typer.Option(help="The moment to check at, ISO 8601 (default: the clock).")] = None,
    within: Annotated[str, typer.Option(help="`closing soon` when less than this is left (7d, 36h, 2w).")] = "7d",
    tz: Annotated[str | None, typer.Option(help="Your time zone for the local column (default: this machine's).")] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.table,
) -> None:
    """One row per notice: deadline in Brussels and local time, time left, status.

    Status: open, closing soon (within --within), closed, unknown (no deadline stated).
    A date without a time closes at the end of that day, Brussels time.
    Exit codes: 0 all open, 1 some closed, 6 some unknown (and none closed), 3/4/8 a file
    could not be read (that code wins).

    Examples:

      vacancy check-deadline notices/*.pdf --within 3d

      vacancy check-deadline call.json --now 2026-05-01T09:00:00+02:00 --format json
    """
    from zoneinfo import ZoneInfo

    from ..timeleft import BRUSSELS, Status, human, parse_duration, time_left

    moment = parse_now(now)
    try:
        window = parse_duration(within)
        local = ZoneInfo(tz) if tz else None
    except (ValueError, KeyError) as exc:
        raise typer.BadParameter(str(exc)) from None
    outcome = Outcome()
    rows = []
    for path, record in each_record(files, outcome):
        left = time_left(record.get("deadline"), moment, window)
        closes = left.closes
        rows.append({
            "file": path,
            "reference": record.get("reference"),
            "title": record.get("job_title"),
            "deadline": record.get("deadline"),
            "brussels": closes.astimezone(BRUSSELS).isoformat() if closes else None,
            "local": (closes.astimezone(local) if local else closes.astimezone()).isoformat() if closes else None,
            "seconds_left": int(left.left.total_seconds()) if left.left is not None else None,
            "left": human(left.left),
            "status": left.status.value,
        })
    if format == CheckFormat.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        _table(rows)
    statuses = {row["status"] for row in rows}
    if outcome.code == ExitCode.OK:
        if Status.CLOSED.value in statuses:
            outcome.code = ExitCode.CLOSED
        elif Status.UNKNOWN.value in statuses:
            outcome.code = ExitCode.UNKNOWN_DEADLINE
    raise typer.Exit(int(outcome.code))


def _table(rows: list[dict[str, object]]) -> None:
    from rich.console import Console
    from rich.table import Table

    from .common import use_colour

    table = Table("reference", "title", "deadline (Brussels)", "deadline (local)", "left", "status", header_style="bold")
    for row in rows:
        table.add_row(*(str(row[k] or "—") for k in ("reference", "title", "brussels", "local", "left", "status")))
    Console(no_color=not use_colour()).print(table)

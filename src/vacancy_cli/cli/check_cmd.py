"""`vacancy check-deadline`: how long is left to apply."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import ExitCode, InputError
from ..hygiene import printable_name
from .common import Outcome, parse_now
from .inputs import each_record
from .output import json_text

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

ROW_KEYS = ["file", "reference", "title", "deadline", "brussels", "closes", "local", "seconds_left", "left", "status"]
TABLE = {  # header: row key, the table people see without --fields
    "reference": "reference", "title": "title", "deadline (Brussels)": "closes", "deadline (local)": "local_shown",
    "left": "left", "status": "status",
}


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


def check_deadline(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Notices or records (JSON, JSON Lines).")],
    now: Annotated[
        str | None, typer.Option(metavar="ISO-TIME", help="The moment to check at, ISO 8601 (default: the clock).")
    ] = None,
    within: Annotated[
        str, typer.Option(metavar="DURATION", help="`closing soon` when less than this is left (7d, 36h, 2w).")
    ] = "7d",
    tz: Annotated[
        str | None, typer.Option(metavar="ZONE", help="Your time zone for the local column (default: this machine's).")
    ] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.table,
    fields: Annotated[
        str | None, typer.Option("--fields", metavar="KEYS", help="Only these keys of each row, comma-separated (reference,closes,status).")
    ] = None,
) -> None:
    """One row per notice: deadline in Brussels and local time, time left, status.

    Status: open, closing soon (within --within), closed, unknown (no deadline stated).
    A date without a time closes at the end of that day, Brussels time: shown as
    `2025-02-25, end of day, Brussels` (JSON: `closes`; `brussels` and `local` stay ISO 8601).
    --fields picks the row's keys: file, reference, title, deadline, brussels, closes,
    local, seconds_left, left, status.
    Exit codes: 0 all open or closing soon, 1 some closed, 6 some unknown (and none closed), 3/4/8 a file
    could not be read or a record's deadline is not ISO 8601 (that code wins).

    \b
    Examples:
      vacancy check-deadline notices/*.pdf --within 3d
      vacancy check-deadline calls.jsonl --fields reference,closes,status
      vacancy check-deadline call.json --now 2026-05-01T09:00:00Z --format json
    """
    from zoneinfo import ZoneInfo

    from ..timeleft import Status, parse_duration

    chosen = _row_fields(fields)
    moment = parse_now(now)
    try:
        window = parse_duration(within)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--within") from None
    try:
        local = ZoneInfo(tz) if tz else None
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        raise typer.BadParameter(f"no time zone {tz!r} (e.g. Europe/Brussels)", param_hint="--tz") from None
    outcome = Outcome()
    rows = []
    for path, record in each_record(files, outcome):
        try:
            rows.append(_row(path, record, moment, window, local))
        except ValueError as exc:
            outcome.fail(InputError(str(exc), path))
    if format == CheckFormat.json:
        typer.echo(json_text([{key: row[key] for key in chosen or ROW_KEYS} for row in rows], sys.stdout))
    else:
        _table(rows, chosen)
    statuses = {row["status"] for row in rows}
    if outcome.code == ExitCode.OK:
        if Status.CLOSED.value in statuses:
            outcome.code = ExitCode.ATTENTION
        elif Status.UNKNOWN.value in statuses:
            outcome.code = ExitCode.UNKNOWN_DEADLINE
    raise typer.Exit(int(outcome.code))


def _row_fields(fields: str | None) -> list[str] | None:
    """The chosen row keys, or a usage error naming the valid ones."""
    if fields is None:
        return None
    chosen = [key.strip() for key in fields.split(",") if key.strip()]
    unknown = [key for key in chosen if key not in ROW_KEYS]
    if unknown or not chosen:
        raise typer.BadParameter(f"unknown field {', '.join(unknown) or repr(fields)}; valid fields: "
                                 f"{', '.join(ROW_KEYS)}", param_hint="--fields")
    return chosen


def _row(path: str, record: dict[str, Any], moment: dt.datetime, window: dt.timedelta,
         local: ZoneInfo | None) -> dict[str, Any]:
    """One notice's row; ValueError when its deadline is not ISO 8601."""
    from ..timeleft import BRUSSELS, human, is_date_only, spoken, time_left

    deadline = record.get("deadline")
    left = time_left(deadline, moment, window)
    closes = left.closes
    here = (closes.astimezone(local) if local else closes.astimezone()) if closes else None
    return {
        "file": printable_name(path),
        "reference": record.get("reference"),
        "title": record.get("job_title"),
        "deadline": deadline,
        "brussels": closes.astimezone(BRUSSELS).isoformat() if closes else None,
        "closes": spoken(closes.astimezone(BRUSSELS), is_date_only(deadline)) if closes else None,
        "local": here.isoformat() if here else None,
        "local_shown": spoken(here) if here else None,
        "seconds_left": int(left.left.total_seconds()) if left.left is not None else None,
        "left": human(left.left),
        "status": left.status.value,
    }


def _table(rows: list[dict[str, Any]], fields: list[str] | None) -> None:
    from ..write.table import cell, console, print_table, table

    columns = {key: key for key in fields} if fields else TABLE
    keep = {header for header, key in columns.items() if key in ("reference", "deadline", "brussels", "closes",
                                                                   "local", "local_shown")}
    body = [[cell(row[key]) for key in columns.values()] for row in rows]
    print_table(console(), table(list(columns), body, keep))

"""`vacancy calls`: the stored calls (latest version of each), filtered, in every export format."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from ..errors import UsageError
from .output import EvidenceOption, FieldsOption, Shape
from .sync_cmd import DEFAULT_DB


class CallsFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    ics = "ics"
    jsonld = "jsonld"


def calls(
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The calls database.")] = DEFAULT_DB,
    open_: Annotated[bool, typer.Option("--open", help="Only calls whose deadline has not passed.")] = False,
    closed: Annotated[bool, typer.Option("--closed", help="Only calls whose deadline has passed.")] = False,
    within: Annotated[str | None, typer.Option(metavar="DURATION", help="Only calls closing within this time (7d, 36h, 2w).")] = None,
    institution: Annotated[str | None, typer.Option(metavar="NAME", help="Only this institution, agency or DG (any case).")] = None,
    search: Annotated[str | None, typer.Option(metavar="WORDS", help="Words in the title, institution, DG or units (full text).")] = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="Only calls new or changed since this date (ISO 8601).")] = None,
    removed: Annotated[bool, typer.Option("--removed", help="Include calls whose files left the synced folder.")] = False,
    fields: FieldsOption = None,
    evidence: EvidenceOption = True,
    format: Annotated[CallsFormat, typer.Option("--format", "-f", help="Output format.")] = CallsFormat.table,
    now: Annotated[str | None, typer.Option(metavar="ISO-TIME", help="The moment to compare deadlines with, ISO 8601 (default: the clock).")] = None,
) -> None:
    """List the stored calls, soonest deadline first, in the formats of `vacancy export` or as a table.

    \b
    Examples:
      vacancy calls --open --within 7d
      vacancy calls --search "data protection" --institution EEAS --format csv > calls.csv
      vacancy calls --open --format ics > deadlines.ics
    """
    from ..store import database_errors, open_store
    from ..store.queries import CallFilter, find_calls
    from .common import parse_now

    if open_ and closed:
        raise UsageError("--open and --closed exclude each other")
    shape = Shape.of(fields, evidence)
    if shape.fields and format in (CallsFormat.ics, CallsFormat.jsonld):
        raise typer.BadParameter(f"--fields does not apply to --format {format.value}")
    if search is not None and not any(c.isalnum() for c in search):
        raise UsageError("--search needs at least one word")
    moment = in_range("--now", now, lambda: parse_now(now))
    span = _duration(within)
    if span is not None:
        in_range("--within", within, lambda: moment + span)
    where = CallFilter(now=moment, open=open_, closed=closed, within=span,
                       institution=institution, search=search, since=_since(since), removed=removed)
    with database_errors(db):
        conn = open_store(db, create=False)
        _write(sys.stdout, find_calls(conn, where), format, shape, where.now)


def _duration(text: str | None) -> dt.timedelta | None:
    from ..timeleft import parse_duration

    if text is None:
        return None
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise UsageError(f"--within: {exc}") from None


def _since(text: str | None) -> dt.datetime | None:
    """An ISO date or date-time; without an offset it is this machine's local time."""
    if text is None:
        return None
    from dateutil.parser import isoparse

    try:
        moment: dt.datetime = isoparse(text)
    except (ValueError, OverflowError):
        raise UsageError(f"--since {text!r} is not an ISO 8601 date, e.g. 2026-05-01") from None
    return in_range("--since", text, lambda: moment if moment.tzinfo else moment.astimezone())


def in_range(option: str, text: str | None, moment: Callable[[], dt.datetime]) -> dt.datetime:
    """The moment an option gives when it can be written as UTC text (about years 1 to 9999), else one usage line."""
    from ..store.schema import utc_text

    try:
        value = moment()
        utc_text(value)
    except (ValueError, OverflowError):
        raise UsageError(f"{option} {text!r} is too far in the past or the future") from None
    return value


def _write(stream: TextIO, found: Iterator[dict[str, Any]], format: CallsFormat, shape: Shape, now: dt.datetime) -> None:
    """The calls in a format; JSON Lines and CSV are streamed (a dump of a large store holds one record at a time)."""
    if format == CallsFormat.jsonl:
        stream.writelines(json.dumps(shape.data(r), ensure_ascii=False) + "\n" for r in found)
        return
    if format == CallsFormat.csv:
        from ..model import Call

        stream.write(shape.csv_header())
        stream.writelines(shape.csv_line(Call.model_validate(r)) for r in found)
        return
    records = list(found)
    if format == CallsFormat.json:
        from .output import json_text

        stream.write(json_text([shape.data(r) for r in records], stream) + "\n")
    elif format == CallsFormat.ics:
        from ..write.ics import calendar

        stream.write(calendar(records, now).decode("utf-8"))
    elif format == CallsFormat.jsonld:
        from ..write.jsonld import job_posting

        stream.write(json.dumps([job_posting(r) for r in records], ensure_ascii=False, indent=2) + "\n")
    elif records:
        from ..write.table import console, records_table

        console(stream).print(records_table(records, shape.fields))
    else:
        sys.stderr.write("vacancy: no stored call matches\n")

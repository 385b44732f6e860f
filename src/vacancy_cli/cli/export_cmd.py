"""`vacancy export`: batch conversion of folders of notices."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from ..errors import ExitCode
from .common import Outcome, limits, output_path, parse_now
from .inputs import expand
from .parse_cmd import Engine
from .progress import progress


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    ics = "ics"
    jsonld = "jsonld"


Result = tuple[str, str | None, dict[str, Any] | None]


def _work(job: tuple[str, str | None, str, Any]) -> Result:
    """Parse one file (in this process or a worker): (path, record as JSON text, error)."""
    from ..errors import VacancyError
    from .common import parse_one

    path, password, engine, bounds = job
    try:
        return path, parse_one(path, password, engine, bounds).model_dump_json(), None
    except VacancyError as error:
        return path, None, {"code": int(error.code), "name": error.code.name, "message": error.message}


def _results(paths: list[str], jobs: int, password: str | None, engine: str, bounds: Any) -> Iterator[Result]:
    """Results in input order, streamed as soon as each one (and those before it) is done."""
    work = [(p, password, engine, bounds) for p in paths]
    if jobs <= 1 or len(paths) <= 1:
        yield from map(_work, work)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_work, work, chunksize=4)


def export(
    paths: Annotated[list[str] | None, typer.Argument(help="Notice files, folders (recursive) or globs.")] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here (whole or not at all).")] = None,
    files_from: Annotated[str | None, typer.Option(help="Read more paths from this file, one per line (`-`: stdin).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parse in this many processes (output stays in input order).")] = 1,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.")] = None,
    engine: Annotated[Engine, typer.Option(help="PDF text engine.")] = Engine.auto,
    max_pages: Annotated[int, typer.Option(min=0, help="Refuse PDFs with more pages (0: no limit).")] = 300,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds allowed per file (0: no limit).")] = 60.0,
    max_size: Annotated[float, typer.Option(min=0, help="Refuse files larger than this many MiB (0: defaults).")] = 0.0,
    now: Annotated[str | None, typer.Option(help="ISO date-time used as the calendar's DTSTAMP (default: now).")] = None,
) -> None:
    """Convert notices in bulk to JSON, JSON Lines, CSV, a calendar (ICS) or schema.org JSON-LD.

    JSON Lines is streamed and flushed per record; a file that fails becomes an error
    record `{"source": {...}, "error": {...}}` there (and a line on stderr), and the batch goes on.

    Examples:

      vacancy export notices/ --format csv -o calls.csv

      find . -name '*.pdf' | vacancy export --files-from - --jobs 2 > calls.jsonl

      vacancy export notices/ --format ics -o deadlines.ics
    """
    from ..write.atomic import atomic_output

    files = expand(list(paths or []), files_from)
    if not files:
        raise typer.BadParameter("no notice files found in the given paths")
    stamp = parse_now(now)
    outcome = Outcome()
    results = _results(files, jobs, password, engine.value, limits(max_pages, timeout, max_size))
    target = output_path(output)
    with progress(len(files), "export") as step:
        if target is None:
            _write(sys.stdout, results, format, outcome, step, stamp)
        else:
            with atomic_output(target) as stream:
                _write(stream, results, format, outcome, step, stamp)
    raise typer.Exit(int(outcome.code))


def _write(stream: TextIO, results: Iterator[Result], format: ExportFormat, outcome: Outcome, step: Any,
           stamp: dt.datetime) -> None:
    from ..errors import VacancyError
    from ..model import Call
    from ..write.records import csv_header, csv_line

    records: list[dict[str, Any]] = []
    if format == ExportFormat.csv:
        stream.write(csv_header())
    for path, record, error in results:
        step()
        if error is not None:
            failure = VacancyError(error["message"], path)
            failure.code = ExitCode(error["code"])
            outcome.fail(failure)
            if format == ExportFormat.jsonl:
                stream.write(json.dumps({"source": {"path": path}, "error": error}, ensure_ascii=False) + "\n")
                stream.flush()
            continue
        assert record is not None
        if format == ExportFormat.jsonl:
            stream.write(record + "\n")
            stream.flush()
        elif format == ExportFormat.csv:
            stream.write(csv_line(Call.model_validate_json(record)))
            stream.flush()
        else:
            records.append(json.loads(record))
    if format == ExportFormat.json:
        stream.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif format == ExportFormat.jsonld:
        from ..write.jsonld import job_posting

        stream.write(json.dumps([job_posting(r) for r in records], ensure_ascii=False, indent=2) + "\n")
    elif format == ExportFormat.ics:
        from ..write.ics import calendar

        stream.write(calendar(records, stamp).decode("utf-8"))

"""`vacancy export`: batch conversion of folders of notices."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from ..errors import ExitCode
from .common import (
    MEMORY_MIB,
    PAGES,
    SECONDS,
    CsvRaw,
    FilesFrom,
    MaxMemory,
    MaxPages,
    MaxSize,
    Outcome,
    Password,
    Timeout,
    error_line,
    limits,
    output_path,
    parse_now,
)
from .inputs import expand
from .output import EvidenceOption, FieldsOption, Shape, json_text
from .parse_cmd import Engine, EngineOption
from .progress import progress

if TYPE_CHECKING:
    from ..limits import Limits


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    ics = "ics"
    jsonld = "jsonld"


Result = tuple[str, str | None, dict[str, Any] | None]


def _results(paths: list[str], jobs: int, password: str | None, engine: str, bounds: Limits) -> Iterator[Result]:
    """(path, record as JSON text, error) in input order, each as soon as it (and those before it) is done.

    Each file is read in a worker process under the limits (see `vacancy_cli.worker`); a worker that
    dies or is killed is that file's error, and the batch goes on.
    """
    from ..errors import VacancyError
    from ..worker import Pool
    from .common import jobs_of

    with Pool(min(jobs, len(paths)), bounds) as pool:
        for path, result in zip(paths, pool.map(jobs_of(paths, password, engine, bounds)), strict=True):
            if isinstance(result, VacancyError):
                yield path, None, {"code": int(result.code), "name": result.code.name, "message": result.message}
            else:
                yield path, result[1].model_dump_json(), None


def export(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH...", help="Notice files, folders (recursive) or globs.")
    ] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.jsonl,
    fields: FieldsOption = None,
    evidence: EvidenceOption = True,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write here (whole or not at all).")
    ] = None,
    files_from: FilesFrom = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Parse in this many processes (output stays in input order).")
    ] = 1,
    password: Password = None,
    engine: EngineOption = Engine.auto,
    max_pages: MaxPages = PAGES,
    timeout: Timeout = SECONDS,
    max_size: MaxSize = None,
    max_memory: MaxMemory = MEMORY_MIB,
    now: Annotated[
        str | None, typer.Option(metavar="ISO-TIME", help="ISO date-time used as the calendar's DTSTAMP (default: now).")
    ] = None,
    remind_days: Annotated[int, typer.Option(min=0, metavar="N", help="ICS: a reminder N days before each deadline (0: none).")] = 3,
    csv_raw: CsvRaw = False,
) -> None:
    """Convert notices in bulk to JSON, JSON Lines, CSV, a calendar (ICS) or schema.org JSON-LD.

    JSON Lines is streamed and flushed per record; a file that fails becomes an error
    record `{"source": {...}, "error": {...}}` there (and a line on stderr), and the batch goes on.

    --fields picks the keys of JSON, JSON Lines and CSV; --no-evidence leaves each value's evidence out.

    \b
    Examples:
      vacancy export notices/ --format csv -o calls.csv
      find . -name '*.pdf' | vacancy export --files-from - --jobs 2 > calls.jsonl
      vacancy export notices/ --fields reference,deadline,source.path
      vacancy export notices/ --format ics -o deadlines.ics
    """
    from ..write.atomic import atomic_output

    files = expand(list(paths or []), files_from)
    if not files:
        raise typer.BadParameter("no notice files found in the given paths")
    stamp = parse_now(now)
    shape = Shape.of(fields, evidence, csv_raw)
    if fields is not None and format in (ExportFormat.ics, ExportFormat.jsonld):
        raise typer.BadParameter(f"{format.value} has its own standard shape; --fields is for json, jsonl and csv",
                                 param_hint="--fields")
    outcome = Outcome()
    results = _results(files, jobs, password, engine.value, limits(max_pages, timeout, max_size, max_memory))
    target = output_path(output)
    with progress(len(files), "export") as step:
        if target is None:
            _write(sys.stdout, results, format, outcome, step, stamp, shape, remind_days=remind_days)
        else:
            with atomic_output(target, keep=lambda: outcome.parsed_any(len(files))) as stream:
                _write(stream, results, format, outcome, step, stamp, shape, remind_days=remind_days)
    raise typer.Exit(int(outcome.code))


def _write(stream: TextIO, results: Iterator[Result], format: ExportFormat, outcome: Outcome, step: Any,
           stamp: dt.datetime, shape: Shape, *, remind_days: int = 3) -> None:
    from ..errors import VacancyError
    from ..hygiene import printable_name
    from ..model import Call

    records: list[dict[str, Any]] = []
    if format == ExportFormat.csv:
        stream.write(shape.csv_header())
    for path, record, error in results:
        step()
        if error is not None:
            failure = VacancyError(error["message"], path)
            failure.code = ExitCode(error["code"])
            outcome.fail(failure)
            if format == ExportFormat.jsonl:
                stream.write(json.dumps({"source": {"path": printable_name(path)}, "error": error}, ensure_ascii=False) + "\n")
                stream.flush()
            continue
        assert record is not None
        if format == ExportFormat.jsonl:
            stream.write(json.dumps(shape.data(json.loads(record)), ensure_ascii=False) + "\n")
            stream.flush()
        elif format == ExportFormat.csv:
            stream.write(shape.csv_line(Call.model_validate_json(record)))
            stream.flush()
        else:
            records.append(json.loads(record))
    if format == ExportFormat.json:
        stream.write(json_text([shape.data(r) for r in records], stream) + "\n")
    elif format == ExportFormat.jsonld:
        from ..write.jsonld import job_posting, missing

        postings = [job_posting(r) for r in records]
        for call, posting in zip(records, postings, strict=True):
            if missing(posting):
                where = (call.get("source") or {}).get("path") or "-"
                error_line(f"{where}: JSON-LD lacks {', '.join(missing(posting))}, which Google requires (not in the record)")
        stream.write(json.dumps(postings, ensure_ascii=False, indent=2) + "\n")
    elif format == ExportFormat.ics:
        from ..write.ics import calendar

        stream.write(calendar(records, stamp, remind_days).decode("utf-8"))

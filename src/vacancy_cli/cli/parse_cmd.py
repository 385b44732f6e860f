"""`vacancy parse`: notices to records on stdout or in a file."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from .common import (
    MEMORY_MIB,
    PAGES,
    SECONDS,
    CsvRaw,
    MaxMemory,
    MaxPages,
    MaxSize,
    Outcome,
    Password,
    Timeout,
    limits,
    output_path,
    parse_all,
)
from .output import EvidenceOption, FieldsOption, Shape, json_text
from .progress import progress

if TYPE_CHECKING:
    from ..model import Call


class ParseFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    view = "view"


class Engine(str, Enum):
    auto = "auto"
    pdfplumber = "pdfplumber"
    pdfium = "pdfium"


EngineOption = Annotated[Engine, typer.Option(help="PDF text engine.")]


def parse(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE...", help="Notice files (PDF, text, Markdown); `-` reads stdin.")
    ],
    format: Annotated[
        ParseFormat | None,
        typer.Option("--format", "-f", help="Output format (default: a view for people on a terminal, else json)."),
    ] = None,
    fields: FieldsOption = None,
    evidence: EvidenceOption = True,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write here (whole or not at all).")
    ] = None,
    password: Password = None,
    engine: EngineOption = Engine.auto,
    max_pages: MaxPages = PAGES,
    timeout: Timeout = SECONDS,
    max_size: MaxSize = None,
    max_memory: MaxMemory = MEMORY_MIB,
    csv_raw: CsvRaw = False,
) -> None:
    """Parse vacancy notices into Call records.

    On a terminal, each record is shown for people (fields, values, confidence marks,
    warnings); piped, or with --format, records are written for programs. JSON prints
    one object for one file and a list for several; JSON Lines prints one record per
    line as each file is parsed, whatever the number of files. JSON carries each
    value's evidence (page, line, box), part of the record; --no-evidence leaves it
    out. A file that cannot be read gives one line on stderr and the others are
    still parsed.

    \b
    Examples:
      vacancy parse notice.pdf
      vacancy parse notices/*.pdf --format jsonl --fields reference,deadline
      vacancy parse --format csv notices/*.pdf -o calls.csv
      cat notice.txt | vacancy parse -
    """
    from ..write.atomic import atomic_output

    shape = Shape.of(fields, evidence, csv_raw)
    outcome = Outcome()
    target = output_path(output)
    records = parse_all(files, outcome, password, engine.value, limits(max_pages, timeout, max_size, max_memory))
    with progress(len(files), "parse") as step:
        counted = _counted(records, step)
        if target is None:
            _write(sys.stdout, counted, len(files), format, shape)
        else:
            with atomic_output(target, keep=lambda: outcome.parsed_any(len(files))) as stream:
                _write(stream, counted, len(files), format, shape)
    raise typer.Exit(int(outcome.code))


def _counted(records: Iterator[Call], step: Callable[[], None]) -> Iterator[Call]:
    """The records, advancing the progress bar as each one comes."""
    for record in records:
        step()
        yield record


def _write(stream: TextIO, records: Iterator[Call], count: int, format: ParseFormat | None, shape: Shape) -> None:
    """Write records as they come (JSON waits for all of them, to print one object or a list)."""
    if format is None:
        format = ParseFormat.view if stream.isatty() else ParseFormat.json
    if format == ParseFormat.view:
        from ..write.table import console
        from ..write.view import print_records

        print_records(console(stream), records, shape.fields)
    elif format == ParseFormat.jsonl:
        for record in records:
            stream.write(json.dumps(shape.data(record), ensure_ascii=False) + "\n")
            stream.flush()
    elif format == ParseFormat.csv:
        stream.write(shape.csv_header())
        for record in records:
            stream.write(shape.csv_line(record))
            stream.flush()
    elif format == ParseFormat.table:
        from ..write.table import console, print_table, records_table

        print_table(console(stream), records_table([r.model_dump(mode="json") for r in records], shape.fields))
    else:
        done = [shape.data(record) for record in records]
        if count == 1:
            if done:
                stream.write(json_text(done[0], stream) + "\n")
        else:
            stream.write(json_text(done, stream) + "\n")

"""`vacancy parse`: notices to records on stdout or in a file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from .common import Outcome, limits, output_path, parse_all, use_colour
from .progress import progress

if TYPE_CHECKING:
    from ..model import Call


class ParseFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class Engine(str, Enum):
    auto = "auto"
    pdfplumber = "pdfplumber"
    pdfium = "pdfium"


def parse(
    files: Annotated[list[str], typer.Argument(help="Notice files (PDF, text, Markdown); `-` reads stdin.")],
    format: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here (whole or not at all).")] = None,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.")] = None,
    engine: Annotated[Engine, typer.Option(help="PDF text engine.")] = Engine.auto,
    max_pages: Annotated[int, typer.Option(min=0, help="Refuse PDFs with more pages (0: no limit).")] = 300,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds allowed per file (0: no limit).")] = 60.0,
    max_size: Annotated[
        float, typer.Option(min=0, help="Refuse files larger than this many MiB (0: 100 MiB for PDF, 5 MiB for text).")
    ] = 0.0,
) -> None:
    """Parse vacancy notices into Call records.

    JSON prints one object for one file and a list for several; JSON Lines prints
    one record per line as each file is parsed. A file that cannot be read gives
    one line on stderr and the others are still parsed.

    Examples:

      vacancy parse notice.pdf

      vacancy parse --format csv notices/*.pdf -o calls.csv

      cat notice.txt | vacancy parse -
    """
    from ..write.atomic import atomic_output

    outcome = Outcome()
    target = output_path(output)
    records = parse_all(files, outcome, password, engine.value, limits(max_pages, timeout, max_size))
    with progress(len(files), "parse") as step:
        counted = _counted(records, step)
        if target is None:
            _write(sys.stdout, counted, len(files), format)
        else:
            with atomic_output(target) as stream:
                _write(stream, counted, len(files), format)
    raise typer.Exit(int(outcome.code))


def _counted(records: Iterator[Call], step: Callable[[], None]) -> Iterator[Call]:
    """The records, advancing the progress bar as each one comes."""
    for record in records:
        step()
        yield record


def _write(stream: TextIO, records: Iterator[Call], count: int, format: ParseFormat) -> None:
    """Write records as they come (JSON waits for all of them, to print one object or a list)."""
    from ..write.records import csv_header, csv_line, to_json, to_json_list

    if format == ParseFormat.jsonl:
        for record in records:
            stream.write(to_json(record, indent=None) + "\n")
            stream.flush()
    elif format == ParseFormat.csv:
        stream.write(csv_header())
        for record in records:
            stream.write(csv_line(record))
            stream.flush()
    elif format == ParseFormat.table:
        from rich.console import Console

        from ..write.table import records_table

        Console(file=stream, no_color=not use_colour(), width=200 if not stream.isatty() else None).print(
            records_table(list(records))
        )
    else:
        done = list(records)
        if count == 1:
            if done:
                stream.write(to_json(done[0]) + "\n")
        else:
            stream.write(to_json_list(done) + "\n")

"""`vacancy sync`: parse a folder of notices into the calls database, only what is new or changed."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .common import (
    MEMORY_MIB,
    PAGES,
    SECONDS,
    FilesFrom,
    MaxMemory,
    MaxPages,
    MaxSize,
    Outcome,
    Password,
    Timeout,
)
from .parse_cmd import Engine, EngineOption

if TYPE_CHECKING:
    from ..limits import Limits

DEFAULT_DB = Path("vacancy.db")


class EventFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


Result = tuple[str, str | None, dict[str, Any] | None]


def parsed(paths: list[str], jobs: int, password: str | None, engine: str, bounds: Limits | None = None) -> Iterator[Result]:
    """(path, record JSON, error) for each path, in order, parsed like `vacancy export` (default limits)."""
    from ..limits import DEFAULT_LIMITS
    from .export_cmd import _results

    if not paths:
        return iter(())
    return _results(paths, jobs, password, engine, bounds or DEFAULT_LIMITS)


def sync(
    paths: Annotated[list[str] | None, typer.Argument(metavar="PATH...", help="Notice files, folders (recursive) or globs.")] = None,
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The calls database (made on first use).")] = DEFAULT_DB,
    files_from: FilesFrom = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Parse in this many processes.")] = 1,
    format: Annotated[EventFormat | None, typer.Option("--format", "-f", help="Print the events on stdout.")] = None,
    password: Password = None,
    engine: EngineOption = Engine.auto,
    max_pages: MaxPages = PAGES,
    timeout: Timeout = SECONDS,
    max_size: MaxSize = None,
    max_memory: MaxMemory = MEMORY_MIB,
) -> None:
    """Store every notice under PATHS in the calls database; files already stored are not parsed again.

    A call is its institution and reference; a new notice of a stored call (a corrigendum) becomes a
    new version, with its field changes. Files that fail are recorded, reported and retried next
    time; calls whose files left a synced folder are marked removed. One summary line on stderr;
    `--format json|jsonl` prints the events (new, changed, unchanged, failed, removed) on stdout.
    Exit code: that of the first file that failed (3, 4, 8), else 0; 9 when the database cannot be used.

    \b
    Examples:
      vacancy sync ~/notices --db ~/calls.db --jobs 2
      vacancy sync ~/notices --format jsonl | jq -c 'select(.event == "changed")'
    """
    from ..errors import ExitCode, VacancyError
    from ..store import Sync, database_errors, open_store
    from .common import error_line, limits
    from .inputs import expand
    from .progress import progress

    files = [f for f in expand(list(paths or []), files_from) if f != "-"]
    if not files and not any(os.path.isdir(p) for p in paths or []):  # an emptied folder: its calls are removed
        raise typer.BadParameter("no notice files found in the given paths")
    outcome = Outcome()
    events = []
    with database_errors(db):
        conn = open_store(db, create=True)
        run = Sync(conn, list(paths or []))
        todo = run.plan(files)
        hashes = dict(todo)
        with progress(len(todo), "sync") as step:
            bounds = limits(max_pages, timeout, max_size, max_memory)
            for path, record, error in parsed(list(hashes), jobs, password, engine.value, bounds):
                step()
                event = run.store(path, hashes[path], record, error)
                if event.error:
                    failure = VacancyError(event.error["message"], path)
                    failure.code = ExitCode(event.error["code"])
                    outcome.fail(failure)
                if event.warning:
                    error_line(f"{path}: {event.warning}")
                events.append(event)
                if format == EventFormat.jsonl:
                    _line(event.as_dict(), outcome)
        removed = run.finish()
    for event in removed:
        events.append(event)
        if format == EventFormat.jsonl:
            _line(event.as_dict(), outcome)
    if format == EventFormat.json:
        sys.stdout.write(json.dumps([e.as_dict() for e in events], ensure_ascii=False, indent=2) + "\n")
    error_line(run.summary())
    raise typer.Exit(int(outcome.code))


def _line(data: dict[str, Any], outcome: Outcome) -> None:
    """One event as a JSON line; output that goes away (`| head`) or cannot be written (a full disk:
    exit 7, said once) ends the printing, never the sync."""
    from ..errors import OutputError

    if sys.stdout.closed:
        return
    try:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except OSError as exc:
        if not isinstance(exc, BrokenPipeError):
            outcome.fail(OutputError(f"cannot write ({exc.strerror or exc})", "-"))
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # the rest of the events go nowhere

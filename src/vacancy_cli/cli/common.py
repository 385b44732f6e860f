"""What every command shares: reading inputs, reporting errors, choosing the exit code."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from ..errors import ExitCode, InputError, VacancyError
from ..limits import DEFAULT_LIMITS

if TYPE_CHECKING:
    from ..limits import Limits
    from ..model import Call
    from ..worker import Job


def standard_input() -> BinaryIO:
    """Standard input as bytes; InputError when the shell closed it (`<&-`)."""
    if sys.stdin is None:
        raise InputError("standard input is closed", "-")
    return sys.stdin.buffer


def error_line(message: str) -> None:
    """One line on stderr, prefixed with the program name (a file name's line breaks and controls escaped)."""
    from ..hygiene import printable_name  # its patterns are compiled when a message is first written

    sys.stderr.write(f"vacancy: {printable_name(message)}\n")
    sys.stderr.flush()


@dataclass
class Outcome:
    """The exit status of a batch: the code of the first failure, else OK."""

    code: ExitCode = ExitCode.OK
    failures: list[VacancyError] = field(default_factory=list)

    def fail(self, error: VacancyError) -> None:
        """Report an error on stderr and remember its code."""
        error_line(str(error))
        self.failures.append(error)
        if self.code == ExitCode.OK:
            self.code = error.code

    def parsed_any(self, total: int) -> bool:
        """Whether any of `total` files (each a record or a failure) gave a record: else `-o` is left as it was."""
        return len(self.failures) < total


# The limit options of every command that reads notices, with their defaults: 0 is no limit in each.
PAGES = DEFAULT_LIMITS.max_pages
SECONDS = DEFAULT_LIMITS.timeout or 0.0
MEMORY_MIB = DEFAULT_LIMITS.max_memory >> 20
Password = Annotated[str | None, typer.Option(metavar="PASSWORD", help="Password of encrypted PDFs.")]
FilesFrom = Annotated[str | None, typer.Option(metavar="FILE", help="Read more paths from this file, one per line (`-`: stdin).")]
CsvRaw = Annotated[bool, typer.Option(help="CSV: write cells as they are, without the `'` before a formula.")]
MaxPages = Annotated[int, typer.Option(min=0, metavar="N", help="Refuse PDFs with more pages (0: no limit).")]
Timeout = Annotated[
    float, typer.Option(min=0, metavar="SECONDS", help="Seconds allowed per file; the reader is killed after (0: no limit).")
]
MaxSize = Annotated[
    float | None,
    typer.Option(min=0, metavar="MIB", help="Refuse larger files, in MiB (default: 100 for PDF and Word, 5 for text; 0: no limit)."),
]
MaxMemory = Annotated[
    int, typer.Option(min=0, metavar="MIB", help="Memory allowed to the process reading each file, in MiB (0: no limit).")
]


def limits(max_pages: int, timeout: float, max_size: float | None, max_memory: int = MEMORY_MIB) -> Limits:
    """Limits from the command-line options: 0 is no limit; `max_size` None keeps the defaults (100 MiB PDF, 5 MiB text)."""
    from ..limits import Limits

    size = DEFAULT_LIMITS.max_pdf_bytes if max_size is None else int(max_size * 1048576)
    return Limits(
        max_pdf_bytes=size,
        max_text_bytes=DEFAULT_LIMITS.max_text_bytes if max_size is None else size,
        max_pages=max_pages,
        timeout=timeout or None,
        max_memory=max_memory << 20,
    )


def jobs_of(paths: Iterable[str], password: str | None, engine: str, bounds: Limits) -> Iterator[Job | VacancyError]:
    """A worker's job for each path (stdin, `-`, read here within the size limit), or the error of reading stdin."""
    from ..worker import Job

    for path in paths:
        try:
            data = _read_stdin(bounds) if path == "-" else None
        except VacancyError as error:
            yield error
            continue
        yield Job(path, data, password, engine)


def _read_stdin(bounds: Limits) -> bytes:
    """Standard input within the size limit (the library is loaded only here: the worker is already reading)."""
    from ..api import read_stream

    return read_stream(standard_input(), "-", bounds)


def parse_all(
    paths: list[str], outcome: Outcome, password: str | None, engine: str, bounds: Limits | None = None
) -> Iterator[Call]:
    """Parse each path in order in a worker process (see `vacancy_cli.worker`), reporting failures and going on."""
    from ..worker import shared_pool

    bounds = bounds or DEFAULT_LIMITS
    for result in shared_pool(bounds).map(jobs_of(paths, password, engine, bounds)):
        if isinstance(result, VacancyError):
            outcome.fail(result)
        else:
            yield result[1]


def output_path(value: Path | None) -> Path | None:
    """`-o -` means stdout."""
    return None if value is None or str(value) == "-" else value


def parse_now(value: str | None) -> dt.datetime:
    """`--now` as an aware moment (ISO 8601 with an offset or `Z`, on every Python), else the clock."""
    if not value:
        return dt.datetime.now(dt.timezone.utc)
    from dateutil.parser import isoparse

    from ..errors import UsageError

    try:
        moment: dt.datetime = isoparse(value)
    except (ValueError, OverflowError):
        raise UsageError(f"--now {value!r} is not an ISO 8601 date-time, e.g. 2026-05-01T09:00:00Z") from None
    if moment.tzinfo is None:
        raise UsageError(f"--now {value!r} needs a UTC offset, e.g. 2026-05-01T09:00:00+02:00 or 2026-05-01T07:00:00Z")
    return moment

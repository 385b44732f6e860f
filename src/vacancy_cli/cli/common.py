"""What every command shares: reading inputs, reporting errors, choosing the exit code."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitCode, VacancyError

if TYPE_CHECKING:
    from ..limits import Limits
    from ..model import Call


def error_line(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    sys.stderr.write(f"vacancy: {message}\n")
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


def limits(max_pages: int, timeout: float, max_size: float) -> Limits:
    """Limits from the command-line options; `max_size` 0 keeps the defaults (100 MiB PDF, 5 MiB text)."""
    from ..limits import DEFAULT_LIMITS, Limits

    size = int(max_size * 1048576)
    return Limits(
        max_pdf_bytes=size or DEFAULT_LIMITS.max_pdf_bytes,
        max_text_bytes=size or DEFAULT_LIMITS.max_text_bytes,
        max_pages=max_pages,
        timeout=timeout or None,
    )


def parse_one(path: str, password: str | None, engine: str, bounds: Limits | None = None) -> Call:
    """Parse a path, or stdin for `-`."""
    from ..api import parse_bytes, parse_file
    from ..limits import DEFAULT_LIMITS

    bounds = bounds or DEFAULT_LIMITS
    if path == "-":
        return parse_bytes(sys.stdin.buffer.read(), "-", password=password, engine=engine, limits=bounds)
    return parse_file(path, password=password, engine=engine, limits=bounds)


def parse_all(
    paths: list[str], outcome: Outcome, password: str | None, engine: str, bounds: Limits | None = None
) -> Iterator[Call]:
    """Parse each path in order, reporting failures and going on."""
    for path in paths:
        try:
            yield parse_one(path, password, engine, bounds)
        except VacancyError as error:
            outcome.fail(error)


def use_colour() -> bool:
    """Colour only on a terminal and when NO_COLOR is unset."""
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def output_path(value: Path | None) -> Path | None:
    """`-o -` means stdout."""
    return None if value is None or str(value) == "-" else value


def parse_now(value: str | None) -> dt.datetime:
    """`--now` as an aware moment (ISO 8601 with an offset or `Z`, on every Python), else the clock."""
    if not value:
        return dt.datetime.now(dt.timezone.utc)
    import typer
    from dateutil.parser import isoparse

    try:
        moment: dt.datetime = isoparse(value)
    except (ValueError, OverflowError):
        raise typer.BadParameter(f"--now {value!r} is not an ISO 8601 date-time, e.g. 2026-05-01T09:00:00Z") from None
    if moment.tzinfo is None:
        raise typer.BadParameter("--now needs a UTC offset, e.g. 2026-05-01T09:00:00+02:00 or 2026-05-01T07:00:00Z")
    return moment

"""Rich tables of records for people: notice text printed literally, references and deadlines never cut."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Collection
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

WHOLE = {"reference", "deadline"}  # keys whose values are never wrapped or cut: other columns wrap first
PIPE_WIDTH = 100_000  # piped output is never wrapped or cut, whatever its width
NARROWEST = 10  # a wrapped column keeps this many characters, or its header's (or its longest value, if shorter)

DEFAULT_COLUMNS = {  # header: the record's key (the table people see without --fields)
    "reference": "reference",
    "institution": "institution",
    "unit(s)": "units",
    "job title": "job_title",
    "contract": "contract_type",
    "FG": "function_group",
    "deadline": "deadline",
    "place": "place_of_employment",
    "languages": "languages.required",
}


def console(stream: TextIO | None = None, piped_width: int = PIPE_WIDTH) -> Console:
    """A console for `stream` (stdout): a terminal's width and colour (unless NO_COLOR); piped, `piped_width` (no
    limit). A reader that closes the pipe (`| head -1`) raises BrokenPipeError for the command's handler (exit 0),
    where rich would exit 1."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    out = stream or sys.stdout
    tty = out.isatty()
    return PipeConsole(file=out, no_color=not tty or "NO_COLOR" in os.environ, width=None if tty else piped_width,
                       highlight=False)


def escaped(value: str) -> Text:
    """A cell printed as written: `[bold]` or `[/]` in a notice is text, not markup."""
    from rich.text import Text

    return Text(value)


def cell(value: Any) -> str:
    """A record value as one cell: lists joined, language requirements as `C1 EN/FR`, `—` for nothing."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, list):
        return ", ".join(_requirement(v) if isinstance(v, dict) and "level" in v else cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _requirement(req: dict[str, Any]) -> str:
    return f"{req.get('level')} {'/'.join(req.get('of') or [])}"


def value_at(record: dict[str, Any], key: str) -> Any:
    """The value under a dotted key (`languages.required`), or None."""
    value: Any = record
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def table(headers: list[str], rows: list[list[str]], keep: Collection[str] = ()) -> Table:
    """A table whose `keep` columns (references, deadlines) hold their values whole: the others wrap first."""
    from rich.table import Table

    needed = len(headers) * 3 + 1  # borders and padding
    grid = Table(header_style="bold")
    for index, header in enumerate(headers):
        whole = header in keep
        longest = max([len(row[index]) for row in rows] + [len(header)])
        width = longest if whole else min(longest, max(NARROWEST, len(header)))  # a header is never folded
        needed += width
        grid.add_column(header, no_wrap=whole, min_width=width, overflow="ellipsis" if whole else "fold")
    for row in rows:
        grid.add_row(*(escaped(value) for value in row))
    grid.min_width = needed
    return grid


def print_table(console: Console, grid: Table) -> None:
    """Print a table; a terminal narrower than its kept columns gets long lines (wrapped by the terminal), not cuts.

    A table without rows (every file failed, each said on stderr) is not printed.
    """
    if not grid.row_count:
        return
    console.width = max(console.width, grid.min_width or 0)
    console.print(grid)


def records_table(records: list[dict[str, Any]], fields: list[str] | None = None) -> Table:
    """One row per record: the fields people look at first, or the chosen `fields` (dotted keys)."""
    columns = {key: key for key in fields} if fields else DEFAULT_COLUMNS
    rows = [[_shown(record, key) for key in columns.values()] for record in records]
    return table(list(columns), rows, {header for header, key in columns.items() if key in WHOLE})


def _shown(record: dict[str, Any], key: str) -> str:
    """A cell; units fall back to the DG when the notice names no unit."""
    value = value_at(record, key)
    if key == "units" and not value:
        value = record.get("dg")
    return cell(value)

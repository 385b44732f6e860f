"""The `vacancy` command: a thin typer layer over the library."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from .. import __version__
from ..errors import ExitCode
from .check_cmd import check_deadline
from .diff_cmd import diff
from .explain_cmd import explain
from .export_cmd import export
from .parse_cmd import parse
from .validate_cmd import validate

app = typer.Typer(
    name="vacancy",
    help="Read EU institutions' job vacancy notices (PDF or text) into validated Call records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command()(parse)
app.command()(validate)
app.command()(diff)
app.command()(export)
app.command("check-deadline")(check_deadline)
app.command()(explain)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vacancy {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Read EU institutions' job vacancy notices (PDF or text) into validated Call records."""


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Call record.

    Example:

      vacancy schema > call.schema.json
    """
    import json

    from ..model import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Console entry point: exit codes, Ctrl-C and closed pipes handled in one place."""
    from ..errors import VacancyError

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # no entry-point scan at start-up

    try:
        result = app(standalone_mode=False)
        code = result if isinstance(result, int) else int(ExitCode.OK)
    except typer.Exit as done:
        code = done.exit_code
    except VacancyError as error:
        sys.stderr.write(f"vacancy: {error}\n")
        code = int(error.code)
    except KeyboardInterrupt:
        code = int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = int(ExitCode.OK)
    except Exception as exc:  # click usage errors and anything unexpected
        code = _click_error(exc)
    if code == ExitCode.INTERRUPTED:
        sys.stderr.write("vacancy: interrupted\n")
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)


def _click_error(exc: Exception) -> int:
    """Usage errors of the (vendored) click parser: show them and exit with USAGE; Ctrl-C and exits pass."""
    if isinstance(exc, typer.Abort) or isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
        return int(ExitCode.INTERRUPTED)  # Ctrl-C, however the parser wrapped it
    show = getattr(exc, "show", None)
    if callable(show) and hasattr(exc, "exit_code"):
        show()
        return int(ExitCode.USAGE)
    if isinstance(getattr(exc, "exit_code", None), int):
        return int(exc.exit_code)  # type: ignore[attr-defined]  # an Exit of the vendored click
    raise exc

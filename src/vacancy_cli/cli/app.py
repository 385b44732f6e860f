"""The `vacancy` command: a thin typer layer over the library."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperGroup

from .. import __version__
from ..errors import ExitCode
from .calls_cmd import calls
from .changes_cmd import changes
from .check_cmd import check_deadline
from .diff_cmd import diff
from .explain_cmd import explain
from .export_cmd import export
from .parse_cmd import parse
from .sync_cmd import sync
from .validate_cmd import validate


class _WordArgument(TyperArgument):
    """An argument shown by its name in words (`FILE...`), not with a Python type (`<list[str]>`)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.metavar else super().display_type_rich(ctx)

    def _usage_display_name(self) -> str:
        return self.metavar or super()._usage_display_name()


class _Commands(TyperGroup):
    """The command group: arguments in words in help; a reader that closes the pipe early (`| head`) ends the run
    quietly with OK."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        for param in getattr(command, "params", []):
            if type(param) is TyperArgument:
                param.__class__ = _WordArgument
        return command

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # before click's own handler, which exits 1
            _silence_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


app = typer.Typer(
    name="vacancy",
    cls=_Commands,
    help="Read EU institutions' job vacancy notices (PDF or text) into validated Call records.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command()(parse)
app.command()(validate)
app.command()(diff)
app.command()(export)
app.command("check-deadline")(check_deadline)
app.command()(explain)
app.command()(sync)
app.command()(calls)
app.command()(changes)


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

    \b
    Example:
      vacancy schema > call.schema.json
    """
    import json

    from ..model import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Console entry point: exit codes, Ctrl-C and closed pipes handled in one place."""
    from ..errors import VacancyError

    signal.signal(signal.SIGTERM, _terminated)

    try:
        result = app(standalone_mode=False)
        code = result if isinstance(result, int) else int(ExitCode.OK)
    except typer.Exit as done:
        code = done.exit_code
    except VacancyError as error:
        from .common import error_line

        error_line(str(error))
        code = int(error.code)
    except KeyboardInterrupt:
        code = int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        code = int(ExitCode.OK)
    except OSError as exc:
        code = _stdout_error(exc)
    except Exception as exc:  # click usage errors and anything unexpected
        code = _click_error(exc)
    if code == ExitCode.INTERRUPTED:
        sys.stderr.write("vacancy: interrupted\n")
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        code = _stdout_error(exc)
    _leave(code)


def _leave(code: int) -> NoReturn:
    """Exit with `code` once the exit handlers have run (the workers stopped, the pattern cache written), without
    the interpreter's tear-down of every module loaded (typer, pydantic, the extractors: about 40 ms of each run).
    `atexit._run_exitfuncs` is what the interpreter itself calls at exit; `os._exit` then skips the rest."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM stops a run as Ctrl-C does: temporary files removed, workers killed, exit 130."""
    raise KeyboardInterrupt


def _stdout_error(exc: OSError) -> int:
    """Standard output that cannot be written (`> /dev/full`, a full disk): one line and OUTPUT_ERROR."""
    from ..write.atomic import WRITE_ERRORS

    if exc.errno not in WRITE_ERRORS:
        raise exc
    _silence_stdout()
    sys.stderr.write(f"vacancy: -: cannot write ({exc.strerror})\n")
    return int(ExitCode.OUTPUT_ERROR)


def _usage_line(exc: Exception) -> bool:
    """A usage error as one line, `vacancy: No such option: --bogus (see vacancy parse --help)`; False for a message
    of several lines (the help shown for `vacancy` alone)."""
    message = str(getattr(exc, "format_message", lambda: "")()).strip()
    if not message or "\n" in message:
        return False
    ctx = getattr(exc, "ctx", None)
    hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    sys.stderr.write(f"vacancy: {message}{hint}\n")
    return True


def _click_error(exc: Exception) -> int:
    """Usage errors of the (vendored) click parser: show them and exit with USAGE; Ctrl-C and exits pass."""
    if isinstance(exc, typer.Abort) or isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
        return int(ExitCode.INTERRUPTED)  # Ctrl-C, however the parser wrapped it
    show = getattr(exc, "show", None)
    if callable(show) and hasattr(exc, "exit_code"):
        _usage_line(exc) or show()  # `vacancy` alone: the help
        return int(ExitCode.USAGE)
    if isinstance(getattr(exc, "exit_code", None), int):
        return int(exc.exit_code)  # type: ignore[attr-defined]  # an Exit of the vendored click
    raise exc

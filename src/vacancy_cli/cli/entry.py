"""The console entry point: for a command that reads notices, its worker is started before typer loads."""

from __future__ import annotations

import os
import sys

_READERS = {"parse", "export", "sync", "explain"}  # the commands that read notices in a worker process


def reads_notices(args: list[str]) -> bool:
    """Will this command line read notices (and not only print help)?"""
    return bool(args) and args[0] in _READERS and not {"--help", "-h"} & set(args)


def main() -> None:
    """`vacancy`: fork the first worker now (`worker.prestart`, where forking is cheap), so that it loads the
    readers and extractors while typer loads and reads the options; then run the command (`app.main`)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # no entry-point scan at start-up, here or in the worker
    try:
        if reads_notices(sys.argv[1:]):
            from ..worker import prestart

            prestart()
        from .app import main as run
    except KeyboardInterrupt:  # Ctrl-C while loading: as `app.main` tells it later
        sys.stderr.write("vacancy: interrupted\n")
        from ..errors import ExitCode

        sys.exit(ExitCode.INTERRUPTED)  # with the interpreter's exit: a worker already started is stopped and reaped
    run()

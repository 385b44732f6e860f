"""Output files written whole or not at all (temporary file, then rename)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from ..errors import OutputError

# What writing can run into: a full disk or quota, a file over the size limit, a device error.
WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


def _always() -> bool:
    return True


@contextlib.contextmanager
def atomic_output(path: Path, keep: Callable[[], bool] = _always) -> Iterator[TextIO]:
    """A text stream that becomes `path` when the block ends without an exception and `keep()` is true.

    Otherwise the temporary file (`.NAME.XXXX.tmp` beside `path`) is removed and a file already at
    `path` stays as it was. A directory at `path`, or a folder where no file can be made, is an
    OutputError before the block runs; so is a write that fails (disk full) inside it.
    """
    if path.is_dir():
        raise OutputError("is a directory, not an output file", str(path))
    name = str(path)
    path = Path(os.path.realpath(path))  # a symbolic link stays one: the file it points to is replaced
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        yield from _streamed(path, name)  # a device or a named pipe is written to, never replaced
        return
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror or exc})", name) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        if keep():
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
            os.replace(tmp, path)
        else:
            os.unlink(tmp)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.errno in WRITE_ERRORS:
            raise OutputError(f"cannot write ({exc.strerror})", name) from None
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _streamed(path: Path, name: str) -> Iterator[TextIO]:
    """A stream to a device or a named pipe (`-o /dev/null`, a FIFO): written as it comes, it cannot be whole or nothing."""
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as exc:
        if exc.errno in WRITE_ERRORS:
            raise OutputError(f"cannot write ({exc.strerror})", name) from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

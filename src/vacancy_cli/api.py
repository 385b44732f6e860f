"""The library API: parse a notice file, bytes or text into a Call."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import InputError, LimitExceededError
from .model import Call, Source
from .normalise import build_call
from .read import read_bytes

MAX_INPUT_BYTES = 50 * 1024 * 1024


def parse_bytes(
    data: bytes, name: str = "-", password: str | None = None, engine: str = "auto", max_bytes: int = MAX_INPUT_BYTES
) -> Call:
    """Parse a notice given as bytes (PDF or text); `name` is used in messages and `source.path`."""
    if len(data) > max_bytes:
        raise LimitExceededError(f"file is {len(data) // 1048576} MiB, over the {max_bytes // 1048576} MiB limit", name)
    doc = read_bytes(data, name, password=password, engine=engine)
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), format=doc.format, pages=doc.pages)
    return build_call(doc, source)


def parse_file(path: str | Path, password: str | None = None, engine: str = "auto", max_bytes: int = MAX_INPUT_BYTES) -> Call:
    """Parse a notice file (PDF, text or Markdown) into a Call."""
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise InputError("is a directory, not a notice", name)
        size = path.stat().st_size
        if size > max_bytes:
            raise LimitExceededError(f"file is {size // 1048576} MiB, over the {max_bytes // 1048576} MiB limit", name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a notice", name) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", name) from None
    return parse_bytes(data, name, password=password, engine=engine, max_bytes=max_bytes)


def parse_text(text: str, name: str = "-") -> Call:
    """Parse a notice given as text."""
    return parse_bytes(text.encode("utf-8"), name)

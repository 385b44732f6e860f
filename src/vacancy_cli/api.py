"""The library API: parse a notice file, bytes or text into a Call."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from .document import Document
from .errors import InputError, LimitExceededError
from .hygiene import printable_name
from .limits import DEFAULT_LIMITS, Limits, time_limit
from .model import Call, Source
from .normalise import build_call
from .read import PDF_MAGIC, read_bytes
from .read.language import require_language


def _mib(size: int) -> str:
    return f"{size / 1048576:.1f} MiB"


def _size_limit(head: bytes, limits: Limits) -> tuple[int, str]:
    """PDFs and Word files (which carry images) have the larger limit; text the smaller one (0: none)."""
    is_pdf = PDF_MAGIC in head[:1024]
    binary = is_pdf or head[:4] == b"PK\x03\x04"
    kind = "PDF" if is_pdf else "Word document" if binary else "text notice"
    return (limits.max_pdf_bytes if binary else limits.max_text_bytes), kind


def _check_size(size: int, head: bytes, name: str, limits: Limits, text_limit: int | None = None) -> None:
    bound, kind = _bound(head, limits, text_limit)
    if bound and size > bound:
        raise LimitExceededError(f"{kind} of {_mib(size)} is over the {_mib(bound)} limit{_hint(kind)}", name)


def _import_readers(is_pdf: bool, engine: str) -> None:
    """Import the reader a file needs before its time limit starts: Python ignores a timer that fires during an import."""
    if is_pdf and engine != "pdfplumber":
        import pypdfium2  # noqa: F401

        from .read import pdfium  # noqa: F401
    elif is_pdf:
        from .read import pdf  # noqa: F401


def parse_document(
    data: bytes, name: str = "-", password: str | None = None, engine: str = "auto", limits: Limits = DEFAULT_LIMITS
) -> tuple[Document, Call]:
    """The document read from a notice's bytes and the record built from it (for tools that show both)."""
    _check_size(len(data), data[:1024], name, limits)
    _import_readers(PDF_MAGIC in data[:1024], engine)
    with time_limit(limits.timeout, name):
        doc = read_bytes(data, name, password=password, engine=engine, max_pages=limits.max_pages)
        require_language(doc, name)  # a text layer of gibberish (a broken font map) is not parsed
        source = Source(path=printable_name(name), sha256=hashlib.sha256(data).hexdigest(), format=doc.format, pages=doc.pages)
        call = build_call(doc, source)
        call.warnings[:0] = doc.warnings  # what the reader skipped (a damaged page) comes first
        return doc, call


def parse_bytes(
    data: bytes,
    name: str = "-",
    password: str | None = None,
    engine: str = "auto",
    limits: Limits = DEFAULT_LIMITS,
    isolate: bool = False,
) -> Call:
    """Parse a notice given as bytes (PDF or text); `name` is used in messages and `source.path`.

    `isolate=True` reads it in a worker process where `limits.max_memory` and `limits.timeout` hold
    even while the PDF libraries run in C code (see `vacancy_cli.worker`); the default reads it here.
    """
    if isolate:
        from .worker import Job, read_isolated

        return read_isolated(Job(name, data, password, engine), limits)[1]
    return parse_document(data, name, password=password, engine=engine, limits=limits)[1]


def read_file(path: str | Path, limits: Limits = DEFAULT_LIMITS, text_limit: int | None = None) -> bytes:
    """A notice file's bytes, or InputError / LimitExceededError naming the file and the problem.

    A file is refused from its size before it is read, and a pipe (`<(...)`, `/dev/stdin`) as soon as
    it is read past the limit; `text_limit` (bytes, 0: none) replaces the text notice limit for a
    file that may hold records as well (PDFs and Word files keep theirs).
    """
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise InputError("is a directory, not a notice", name)
        with path.open("rb") as stream:
            head = stream.read(1024)
            _check_size(os.fstat(stream.fileno()).st_size, head, name, limits, text_limit)
            return _read_rest(stream, head, name, limits, text_limit)
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a notice", name) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", name) from None


def read_stream(stream: BinaryIO, name: str, limits: Limits = DEFAULT_LIMITS, text_limit: int | None = None) -> bytes:
    """A notice's bytes from a stream (stdin), refused once over its size limit (`text_limit`: see `read_file`)."""
    return _read_rest(stream, stream.read(1024), name, limits, text_limit)


_TEXT_FILE = "file"  # text that may be records as well as a notice (which is then held to its own limit)


def _bound(head: bytes, limits: Limits, text_limit: int | None) -> tuple[int, str]:
    """The size limit of a file that begins with `head`, and what to call it."""
    bound, kind = _size_limit(head, limits)
    return (text_limit, _TEXT_FILE) if text_limit is not None and kind == "text notice" else (bound, kind)


def _hint(kind: str) -> str:
    """The option that sets a notice's size limit (a file of records has none)."""
    return "" if kind == _TEXT_FILE else " (see --max-size)"


def _read_rest(stream: BinaryIO, head: bytes, name: str, limits: Limits, text_limit: int | None) -> bytes:
    """`head` and the rest of the stream, read in chunks and refused as soon as they are over the limit."""
    bound, kind = _bound(head, limits, text_limit)
    chunks = [head]
    size = len(head)
    while not bound or size <= bound:
        chunk = stream.read(1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise LimitExceededError(f"{kind} of more than {_mib(bound)} is over the limit{_hint(kind)}", name)


def parse_file(
    path: str | Path,
    password: str | None = None,
    engine: str = "auto",
    limits: Limits = DEFAULT_LIMITS,
    isolate: bool = False,
) -> Call:
    """Parse a notice file (PDF, text, Markdown, HTML or Word) into a Call (`isolate`: see `parse_bytes`)."""
    if isolate:
        from .worker import Job, read_isolated

        return read_isolated(Job(str(path), None, password, engine), limits)[1]
    return parse_bytes(read_file(path, limits), str(path), password=password, engine=engine, limits=limits)


def parse_text(text: str, name: str = "-") -> Call:
    """Parse a notice given as text."""
    return parse_bytes(text.encode("utf-8"), name)

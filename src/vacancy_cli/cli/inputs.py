"""Inputs of the batch commands: paths, folders and globs to notice files; records read back."""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, VacancyError

if TYPE_CHECKING:
    from ..limits import Limits
    from ..model import Call
    from .common import Outcome

NOTICE_SUFFIXES = {".pdf", ".txt", ".md", ".markdown", ".text", ".html", ".htm", ".docx"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}


def expand(paths: list[str], files_from: str | None = None) -> list[str]:
    """Files, folders (recursive, notices by extension, symlink loops skipped) and globs, in order."""
    if files_from is not None:
        stream = sys.stdin if files_from == "-" else open(files_from, encoding="utf-8")  # noqa: SIM115
        with stream:
            paths = paths + [line.strip() for line in stream if line.strip()]
        paths = [p for p in paths if p != "-"] if files_from == "-" else paths
    out: list[str] = []
    for path in paths:
        if path != "-" and not os.path.exists(path) and glob.has_magic(path):
            out.extend(sorted(glob.glob(path, recursive=True)))
        elif os.path.isdir(path):
            out.extend(_walk(Path(path)))
        else:
            out.append(path)
    return out


def _walk(folder: Path) -> Iterator[str]:
    """Notice files under a folder, sorted, each real directory visited once."""
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs.clear()
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in NOTICE_SUFFIXES:
                yield os.path.join(root, name)


def read_records(path: str) -> list[dict[str, Any]]:
    """Records stored as a JSON object, a JSON list or JSON Lines."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path) from None
    try:
        if Path(path).suffix.lower() in (".jsonl", ".ndjson"):
            data: Any = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}, line {exc.lineno})", path) from None
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, dict) for item in items):
        raise InputError("not a record or a list of records", path)
    return items


def records_of(path: str, password: str | None, engine: str, bounds: Limits | None) -> list[dict[str, Any]]:
    """Records read from a record file, or parsed from a notice (as JSON-ready dicts)."""
    from .common import parse_one

    if path != "-" and Path(path).suffix.lower() in RECORD_SUFFIXES:
        return read_records(path)
    call: Call = parse_one(path, password, engine, bounds)
    return [call.model_dump(mode="json")]


def each_record(paths: list[str], outcome: Outcome, password: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, record) for every record of every path; a path that cannot be read is reported and skipped.

    The name is the path, with `[i]` after it when the file holds several records.
    """
    for path in paths:
        try:
            records = records_of(path, password, "auto", None)
        except VacancyError as error:
            outcome.fail(error)
            continue
        for index, record in enumerate(records):
            yield (path if len(records) == 1 else f"{path}[{index}]"), record

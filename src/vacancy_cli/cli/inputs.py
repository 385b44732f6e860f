"""Inputs of the batch commands: paths, folders and globs to notice files; records read back."""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Loaded:
    """The records of one input; `listed` when the file is a list (a JSON array or JSON Lines), not one record."""

    records: list[dict[str, Any]]
    listed: bool


def load(path: str, password: str | None = None, bounds: Limits | None = None) -> Loaded:
    """Records from a file of records (told by content: JSON or JSON Lines), or parsed from a notice."""
    from ..api import parse_bytes, read_file
    from ..limits import DEFAULT_LIMITS, Limits
    from ..own_output import json_data, own_output

    data = sys.stdin.buffer.read() if path == "-" else read_file(path, Limits(max_pdf_bytes=0, max_text_bytes=0))
    values = json_data(data)
    if values is not None:
        if not all(isinstance(item, dict) for item in values):
            raise InputError("not a record or a list of records", path)
        return Loaded(values, _is_list(data))
    if Path(path).suffix.lower() in RECORD_SUFFIXES:
        raise InputError("not valid JSON or JSON Lines", path)
    kind = own_output(data)
    if kind:
        raise InputError(f"{kind}: records are read from JSON or JSON Lines (vacancy export -f jsonl)", path)
    call: Call = parse_bytes(data, path, password=password, limits=bounds or DEFAULT_LIMITS, isolate=True)
    return Loaded([call.model_dump(mode="json")], False)


def _is_list(data: bytes) -> bool:
    """A JSON array or JSON Lines (several top-level values), as opposed to one JSON object."""
    text = data.decode("utf-8-sig", errors="replace").strip()
    if text.startswith("["):
        return True
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return True
    return False


def failure_of(record: dict[str, Any], where: str) -> VacancyError | None:
    """The failure an error record of `vacancy export` (read from `where`) stands for, else None."""
    error = record.get("error")
    if "schema_version" in record or not isinstance(error, dict):
        return None
    from ..errors import ExitCode

    source = record.get("source")
    path = source.get("path") if isinstance(source, dict) else None
    failure = VacancyError(str(error.get("message", "failed")), str(path) if path else f"{where} (an error record)")
    codes = {int(code) for code in ExitCode}
    failure.code = ExitCode(error["code"]) if error.get("code") in codes else ExitCode.INPUT_ERROR
    return failure


def each_record(paths: list[str], outcome: Outcome, password: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, record) for every record of every path; a path that cannot be read is reported and skipped.

    The name is the path, with `[i]` after it when the file holds several records. An error record of
    `vacancy export` is reported as the failed file it stands for.
    """
    for path in paths:
        try:
            records = load(path, password).records
        except VacancyError as error:
            outcome.fail(error)
            continue
        for index, record in enumerate(records):
            failure = failure_of(record, path)
            if failure is not None:
                outcome.fail(failure)
            else:
                yield (path if len(records) == 1 else f"{path}[{index}]"), record

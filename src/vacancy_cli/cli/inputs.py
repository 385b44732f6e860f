"""Inputs of the batch commands: paths, folders and globs to notice files; records read back."""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, LimitExceededError, VacancyError

if TYPE_CHECKING:
    from ..limits import Limits
    from ..model import Call
    from .common import Outcome

NOTICE_SUFFIXES = {".pdf", ".txt", ".md", ".markdown", ".text", ".html", ".htm", ".docx"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
# A text file of records read whole (a JSON array, stdin, diff's inputs; a text notice is held to its own
# limit) given to validate, diff or check-deadline is read up to this size (PDF and Word files keep theirs): an export of 8,000 notices
# with evidence, 30,000 without. Reading its JSON may grow the process by RECORDS_MEMORY at most (a
# 32 MiB export: about 200 MiB), and it holds MAX_RECORDS at most, whatever its shape: JSON of millions
# of tiny objects is refused (exit 8), not gigabytes. diff holds two files: under 1 GiB in all.
RECORDS_LIMIT = 32 * 1024 * 1024
RECORDS_MEMORY = 400 * 1024 * 1024
MAX_RECORDS = 100_000


def expand(paths: list[str], files_from: str | None = None) -> list[str]:
    """Files, folders (recursive, notices by extension, symlink loops skipped) and globs, in order."""
    if files_from is not None:
        paths = paths + _listed(files_from)
        paths = [p for p in paths if p != "-"] if files_from == "-" else paths
    out: list[str] = []
    for path in paths:
        if path != "-" and not os.path.exists(path) and glob.has_magic(path):
            for match in sorted(glob.glob(path, recursive=True)):
                out.extend(_walk(Path(match)) if os.path.isdir(match) else [match])
        elif os.path.isdir(path):
            out.extend(_walk(Path(path)))
        else:
            out.append(path)
    return out


def _listed(files_from: str) -> list[str]:
    """The paths listed in a file (`-`: stdin), one a line, as the file system names them (any bytes)."""
    return [os.fsdecode(line.strip()) for line in _read(files_from).splitlines() if line.strip()]


def _read(path: str) -> bytes:
    """The bytes of a file, or of stdin for `-`, refused once over RECORDS_LIMIT when they are text."""
    from ..api import read_file, read_stream
    from .common import standard_input

    if path == "-":
        return read_stream(standard_input(), path, text_limit=RECORDS_LIMIT)
    return read_file(path, text_limit=RECORDS_LIMIT)


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
            if Path(name).suffix.lower() in NOTICE_SUFFIXES and not _explain_page(os.path.join(root, name)):
                yield os.path.join(root, name)


def _explain_page(path: str) -> bool:
    """Is this file a page `vacancy explain --html` wrote (kept beside the notices it explains)?"""
    if not path.lower().endswith((".html", ".htm")):
        return False
    from ..own_output import HTML_MARK

    try:
        with open(path, "rb") as stream:
            return HTML_MARK in stream.read(4096)
    except OSError:
        return False  # the file's own reading says what is wrong


@dataclass(frozen=True)
class Loaded:
    """The records of one input; `listed` when the file is a list (a JSON array or JSON Lines), not one record."""

    records: list[dict[str, Any]]
    listed: bool


def load(path: str, password: str | None = None, bounds: Limits | None = None) -> Loaded:
    """Records from a file of records (told by content: JSON or JSON Lines), or parsed from a notice."""
    from ..api import parse_bytes
    from ..limits import DEFAULT_LIMITS, memory_growth
    from ..own_output import json_data, own_output

    data = _read(path)
    with memory_growth(RECORDS_MEMORY, path, "its JSON"):
        values = json_data(data)
        listed = values is not None and _is_list(data)
    if values is not None:
        if not all(isinstance(item, dict) for item in values):
            raise InputError("not a record or a list of records", path)
        if len(values) > MAX_RECORDS:
            raise LimitExceededError(f"holds {len(values):,} records, over the {MAX_RECORDS:,}-record limit", path)
        return Loaded(values, listed)
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


def foreign_kind(item: dict[str, Any]) -> str | None:
    """What an object that shares no key with a record is (a JSON-LD posting, other JSON), else None."""
    from ..model import Call

    if item.keys() & Call.model_fields.keys():
        return None
    return "schema.org JobPostings (vacancy export -f jsonld)" if item.get("@type") == "JobPosting" else "JSON objects with none of a record's keys"


def each_record(paths: list[str], outcome: Outcome, password: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, record) for every record of every path; a path that cannot be read is reported and skipped.

    The name is the path, with `[i]` after it when the file holds several records. An error record of
    `vacancy export` is reported as the failed file it stands for; objects that are not records at all
    (`foreign_kind`: a JSON-LD export) are one error for their file. A file of JSON Lines is read a line
    at a time (`json_lines`), so an export of any size is read in bounded memory.
    """
    for path in paths:
        streamed = json_lines(path)
        if streamed is None:
            try:
                streamed = iter(load(path, password).records)
            except VacancyError as error:
                outcome.fail(error)
                continue
        foreign: list[str] = []  # what each object that is no record is: one line for the file, not one per key
        for name, item in _named(path, streamed):
            failure = item if isinstance(item, VacancyError) else failure_of(item, path)
            if failure is None and (kind := foreign_kind(item)):
                foreign.append(kind)
            elif failure is not None:
                outcome.fail(failure)
            else:
                yield name, item
        if foreign:
            outcome.fail(InputError(f"{foreign[0]}, not records ({len(foreign):,} skipped): records are JSON or JSON Lines"
                                    " (vacancy export -f jsonl)", path))


def _named(path: str, items: Iterator[Any]) -> Iterator[tuple[str, Any]]:
    """Each item with its name: the path alone when it is the file's only item, else `path[i]`."""
    first = next(items, None)
    if first is None:
        return
    second = next(items, None)
    if second is None:
        yield path, first
        return
    yield f"{path}[0]", first
    yield f"{path}[1]", second
    for index, item in enumerate(items, start=2):
        yield f"{path}[{index}]", item


RECORD_LINE_LIMIT = 4 * 1024 * 1024  # one line of JSON Lines: a record with evidence is a few KiB


def json_lines(path: str) -> Iterator[dict[str, Any] | VacancyError] | None:
    """The records of a regular file of JSON Lines (its first line one JSON object), read a line at a time;
    a line that is not a JSON object, or longer than RECORD_LINE_LIMIT, is that record's error. None for
    anything else (stdin, one indented object, a JSON array, a notice): `load` reads those whole."""
    if path == "-" or not os.path.isfile(path):
        return None
    try:
        stream = open(path, "rb")  # noqa: SIM115  # closed by the generator below
    except OSError:
        return None  # `load` says why, in its words
    first = stream.readline(RECORD_LINE_LIMIT).lstrip(b"\xef\xbb\xbf")
    if not (first.strip().startswith(b"{") and isinstance(_object(first), dict)):
        stream.close()
        return None
    return _lines(stream, first, path)


def _lines(stream: Any, first: bytes, path: str) -> Iterator[dict[str, Any] | VacancyError]:
    with stream:
        line, number = first, 1
        while line:
            if len(line) >= RECORD_LINE_LIMIT and not line.endswith(b"\n"):
                while (rest := stream.readline(RECORD_LINE_LIMIT)) and not rest.endswith(b"\n"):
                    pass  # the rest of an overlong line, never held whole
                yield LimitExceededError(f"line {number} is over the {RECORD_LINE_LIMIT >> 20} MiB limit of one record", path)
            elif line.strip():
                value = _object(line)
                yield value if isinstance(value, dict) else InputError(f"line {number} is not a JSON object", path)
            line, number = stream.readline(RECORD_LINE_LIMIT), number + 1


def _object(line: bytes) -> Any:
    """A line's JSON value, or None when it is not JSON."""
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None

"""JSON, JSON Lines and CSV forms of a record (fed by `model_dump(mode="json")`, never mutating it)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model import Call

CSV_COLUMNS = [
    "schema_version", "reference", "institution", "dg", "directorate", "units", "job_title", "staff_category",
    "contract_type", "function_group", "grade", "deadline", "deadline_text", "place_of_employment",
    "number_of_posts", "languages.required", "languages.assets", "languages.selection", "contacts", "warnings",
    "source.path",
]


def to_json(record: Call | dict[str, Any], indent: int | None = 2) -> str:
    """One record as JSON text."""
    data = record.model_dump(mode="json") if isinstance(record, Call) else record
    return json.dumps(data, ensure_ascii=False, indent=indent)


def to_json_list(records: list[Call], indent: int | None = 2) -> str:
    """Several records as a JSON array."""
    return json.dumps([r.model_dump(mode="json") for r in records], ensure_ascii=False, indent=indent)


def _requirement(req: dict[str, Any]) -> str:
    return f"{req['level']}:{'|'.join(req['of'])}"


def csv_row(record: Call) -> dict[str, str]:
    """A record as one CSV row: nested keys joined by `.`, lists by `;`, requirements as `C1:EN`."""
    data = record.model_dump(mode="json")
    row: dict[str, str] = {}
    for column in CSV_COLUMNS:
        value: Any = data
        for part in column.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if column == "languages.required":
            row[column] = ";".join(_requirement(r) for r in value or [])
        elif isinstance(value, list):
            row[column] = ";".join(str(v) for v in value)
        else:
            row[column] = "" if value is None else str(value)
    return row


def csv_header() -> str:
    """The CSV header line."""
    return _csv_line(CSV_COLUMNS)


def csv_line(record: Call) -> str:
    """One CSV data line (RFC 4180 quoting, CRLF ending)."""
    row = csv_row(record)
    return _csv_line([row[c] for c in CSV_COLUMNS])


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()

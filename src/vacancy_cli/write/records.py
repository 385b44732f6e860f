"""CSV form of a record (fed by `model_dump(mode="json")`, never mutating it).

CSV cells are inert: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is one a
spreadsheet would run as a formula, so it gets a leading `'` (OWASP's advice against CSV injection).
No field of a record is a number or date that begins with `-` (dates are ISO, counts are positive),
so the rule holds for every column; `raw=True` writes the values as they are.
"""

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _requirement(req: dict[str, Any]) -> str:
    return f"{req['level']}:{'|'.join(req['of'])}"


def csv_row(record: Call, columns: list[str] = CSV_COLUMNS) -> dict[str, str]:
    """A record as one CSV row: nested keys joined by `.`, lists by `;`, requirements as `C1:EN`."""
    data = record.model_dump(mode="json")
    row: dict[str, str] = {}
    for column in columns:
        value: Any = data
        for part in column.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if column == "languages.required":
            row[column] = ";".join(_requirement(r) for r in value or [])
        elif isinstance(value, list):
            row[column] = ";".join(str(v) for v in value)
        elif isinstance(value, dict):
            row[column] = json.dumps(value, ensure_ascii=False)
        else:
            row[column] = "" if value is None else str(value)
    return row


def csv_header(columns: list[str] = CSV_COLUMNS) -> str:
    """The CSV header line."""
    return _csv_line(columns)


def csv_line(record: Call, raw: bool = False, columns: list[str] = CSV_COLUMNS) -> str:
    """One CSV data line (RFC 4180 quoting, CRLF ending), its cells inert unless `raw`."""
    row = csv_row(record, columns)
    values = [row[c] for c in columns]
    return _csv_line(values if raw else [inert_cell(v) for v in values])


def inert_cell(value: str) -> str:
    """A cell that a spreadsheet shows as text: one beginning like a formula gets a leading `'`."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()

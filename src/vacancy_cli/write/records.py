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


def record_from_csv_row(row: dict[str, str]) -> dict[str, Any]:
    """The record fields a CSV row holds (the inverse of `csv_row`, for everything but evidence and source)."""
    def items(text: str) -> list[str]:
        return text.split(";") if text else []

    def opt(text: str) -> str | None:
        return text if text != "" else None

    return {
        "schema_version": row["schema_version"],
        "reference": opt(row["reference"]),
        "institution": opt(row["institution"]),
        "dg": opt(row["dg"]),
        "directorate": opt(row["directorate"]),
        "units": items(row["units"]),
        "job_title": opt(row["job_title"]),
        "staff_category": opt(row["staff_category"]),
        "contract_type": opt(row["contract_type"]),
        "function_group": opt(row["function_group"]),
        "grade": opt(row["grade"]),
        "deadline": opt(row["deadline"]),
        "deadline_text": opt(row["deadline_text"]),
        "place_of_employment": items(row["place_of_employment"]),
        "number_of_posts": int(row["number_of_posts"]) if row["number_of_posts"] else None,
        "languages": {
            "required": [
                {"level": r.split(":", 1)[0], "of": r.split(":", 1)[1].split("|")} for r in items(row["languages.required"])
            ],
            "assets": items(row["languages.assets"]),
            "selection": items(row["languages.selection"]),
        },
        "contacts": items(row["contacts"]),
        "warnings": items(row["warnings"]),
    }

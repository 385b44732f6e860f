"""Recognise the tool's own outputs (JSON, JSON Lines, CSV, ICS, explain pages), so they are never read as notices."""

from __future__ import annotations

import json
from typing import Any

CSV_START = b"schema_version,reference,"
HTML_MARK = b"<title>vacancy explain:"


def json_data(data: bytes) -> list[Any] | None:
    """The values of a JSON document or of JSON Lines, or None when the bytes are not JSON at all."""
    text = data.decode("utf-8-sig", errors="replace").strip()
    if not text or text[0] not in "[{":
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            return [json.loads(line) for line in lines]
        except (json.JSONDecodeError, RecursionError):
            return None
    except RecursionError:  # brackets nested deeper than any record: a hostile text, not JSON we wrote
        return None
    return value if isinstance(value, list) else [value]


def _csv_of_fields(head: bytes) -> bool:
    """Does the text start with the header of a CSV written with `--fields` (record keys only, two or more)?"""
    first = head.split(b"\n", 1)[0].strip()
    if b"," not in first or b" " in first:
        return False
    from .fields import field_keys

    names = first.decode("utf-8", "replace").split(",")
    return set(names) <= set(field_keys())


def own_output(data: bytes) -> str | None:
    """What kind of output the bytes are (`JSON`, `a CSV of records`, ...), or None for anything else."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(CSV_START) or _csv_of_fields(head):
        return "a CSV of records"
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "an iCalendar file"
    if HTML_MARK in head:
        return "a `vacancy explain` page"
    if head[:1] in (b"{", b"[") and json_data(data) is not None:
        return "JSON"
    return None

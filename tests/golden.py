"""Golden-file comparison: the fields an expected record states, compared like the scorer does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

AS_SET = {"units", "place_of_employment", "languages.selection", "languages.assets"}
NOTICE_SUFFIXES = {".txt", ".md", ".pdf"}


def get(record: dict[str, Any], dotted: str) -> Any:
    value: Any = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[\u2010-\u2015\u2212-]+", "-", text)).strip().casefold()


def comparable(field: str, value: Any) -> Any:
    """Normalise a field value the way spec/record.md says it is compared."""
    if value in (None, "", []):
        return None
    if field == "languages.required":
        return sorted((r["level"], tuple(sorted(r["of"]))) for r in value)
    if field in AS_SET:
        return sorted(_fold(str(v)) for v in value)
    if field == "warnings":
        return sorted(value)
    if field in ("job_title", "institution"):
        return _fold(str(value))
    if field == "reference":
        return re.sub(r"\s+", "", str(value))
    return value


def expected_fields(expected: dict[str, Any]) -> list[str]:
    """Dotted names of the fields an expected record states (languages split into its three lists)."""
    fields = []
    for key, value in expected.items():
        if key in ("evidence", "source", "schema_version", "deadline_text", "_notes"):
            continue
        if key == "languages":
            fields += [f"languages.{k}" for k in value]
        else:
            fields.append(key)
    return fields


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """`field: expected X, got Y` for each field that differs."""
    out = []
    for field in expected_fields(expected):
        e, g = comparable(field, get(expected, field)), comparable(field, get(got, field))
        if e != g:
            out.append(f"{field}: expected {get(expected, field)!r}, got {get(got, field)!r}")
    return out


def cases(folder: Path) -> list[tuple[Path, Path]]:
    """(notice, expected record) pairs in a folder tree, matched by file stem."""
    pairs = []
    for notice in sorted(folder.rglob("*")):
        if notice.suffix.lower() in NOTICE_SUFFIXES and notice.with_suffix(".json").exists():
            pairs.append((notice, notice.with_suffix(".json")))
    return pairs


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data

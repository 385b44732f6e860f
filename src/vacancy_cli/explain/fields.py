"""The fields of a record as rows to explain: name, shown value, evidence (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Call, Evidence

FIELDS = [
    "reference", "institution", "dg", "directorate", "units", "job_title", "staff_category", "contract_type",
    "function_group", "grade", "deadline", "place_of_employment", "number_of_posts", "languages.required",
    "languages.assets", "languages.selection", "contacts",
]


@dataclass(frozen=True)
class Row:
    """One field of the record: its value as text and where it was read (None when not found)."""

    field: str
    value: str | None
    evidence: Evidence | None


def show(value: Any) -> str | None:
    """A value as people read it; None for null or empty."""
    if value in (None, [], ""):
        return None
    if isinstance(value, list):
        return ", ".join(f"{v['level']} {'/'.join(v['of'])}" if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def rows(call: Call) -> list[Row]:
    """Every field of the record, in the contract's order."""
    data = call.model_dump(mode="json")
    out = []
    for name in FIELDS:
        value: Any = data
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        out.append(Row(name, show(value), call.evidence.get(name)))
    return out

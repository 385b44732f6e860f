"""Field-level differences between two records (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

IGNORED = {"source", "evidence", "warnings"}


@dataclass(frozen=True)
class Change:
    """One field whose value differs."""

    field: str
    old: Any
    new: Any


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        if not prefix and key in IGNORED:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def diff_records(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Changes from `old` to `new`, field by field (nested keys dotted), in the record's key order."""
    a, b = _flatten(old), _flatten(new)
    fields = list(a) + [k for k in b if k not in a]
    return [Change(f, a.get(f), b.get(f)) for f in fields if a.get(f) != b.get(f)]

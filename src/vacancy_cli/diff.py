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


@dataclass(frozen=True)
class CallChange:
    """A call added, removed or changed between two lists of records."""

    call: str
    status: str  # "added", "removed" or "changed"
    changes: list[Change]


def call_key(record: dict[str, Any]) -> str:
    """Who a call is: institution and reference (else the source file's hash, else the title)."""
    if record.get("reference"):
        return " ".join(str(v) for v in (record.get("institution"), record["reference"]) if v)
    source = record.get("source") or {}
    return str(source.get("sha256") or record.get("job_title") or "(no reference)")


def diff_lists(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[CallChange]:
    """Calls removed, changed and added from `old` to `new`, matched by `call_key`, in list order."""
    before = {call_key(r): r for r in reversed(old)}  # the first record of a call wins
    after = {call_key(r): r for r in reversed(new)}
    out = [CallChange(key, "removed", []) for key in _ordered(old) if key not in after]
    for key in _ordered(new):
        if key not in before:
            out.append(CallChange(key, "added", []))
        elif changes := diff_records(before[key], after[key]):
            out.append(CallChange(key, "changed", changes))
    return out


def _ordered(records: list[dict[str, Any]]) -> list[str]:
    """The calls' keys in order, each once."""
    return list(dict.fromkeys(call_key(r) for r in records))

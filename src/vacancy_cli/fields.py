"""Field selection (`--fields reference,deadline,languages.required`): the record's keys, dotted for nested ones."""

from __future__ import annotations

from typing import Any, get_args, get_origin


def field_keys() -> list[str]:
    """Every key a user can select, in the record's order: top-level keys and the keys of nested objects."""
    from pydantic import BaseModel

    from .model import Call

    keys: list[str] = []
    for name, info in Call.model_fields.items():
        keys.append(name)
        kind = info.annotation
        options = (kind,) if get_origin(kind) in (dict, list) else get_args(kind) or (kind,)  # `Model | None`
        nested = [a for a in options if isinstance(a, type) and issubclass(a, BaseModel)]
        for model in nested:
            keys += [f"{name}.{sub}" for sub in model.model_fields]
    return keys


def parse_fields(text: str) -> list[str]:
    """The keys of a comma-separated list, in the order given; ValueError naming the valid keys."""
    wanted = [key.strip() for key in text.split(",") if key.strip()]
    valid = field_keys()
    unknown = [key for key in wanted if key not in valid]
    if unknown or not wanted:
        named = ", ".join(unknown) or repr(text)
        raise ValueError(f"unknown field {named}; valid fields: {', '.join(valid)}")
    return wanted


def select(record: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """Only the chosen keys of a record, nested as in the record (`languages.required` -> {"languages": {...}})."""
    out: dict[str, Any] = {}
    for key in fields:
        *parents, last = key.split(".")
        source: Any = record
        target = out
        for part in parents:
            source = source.get(part) if isinstance(source, dict) else None
            target = target.setdefault(part, {})
        target[last] = source.get(last) if isinstance(source, dict) else None
    return out


def shaped(record: dict[str, Any], fields: list[str] | None, evidence: bool) -> dict[str, Any]:
    """A record as a command prints it: the chosen fields, else all of them (evidence unless left out)."""
    if fields:
        return select(record, fields)
    return record if evidence else {key: value for key, value in record.items() if key != "evidence"}


def leaf_keys(fields: list[str]) -> list[str]:
    """The keys as flat columns (CSV): an object's key stands for its nested keys (`languages` -> `languages.required`, ...)."""
    valid = field_keys()
    out: list[str] = []
    for key in fields:
        out += [k for k in valid if k.startswith(f"{key}.")] or [key]
    return list(dict.fromkeys(out))  # a key given twice, or inside one given whole, is one column

"""Validation of a record: the model's rules and the completeness rules (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record."""

    field: str
    message: str


REQUIRED = ("reference", "institution", "contract_type", "deadline")


def problems(record: dict[str, Any]) -> list[Problem]:
    """Everything wrong with a record: model errors first, then absent keys, missing or inconsistent fields."""
    from pydantic import ValidationError

    from .model import OPTIONAL_KEYS, Call

    try:
        call = Call.model_validate(record)
    except ValidationError as error:
        return [Problem(".".join(str(p) for p in e["loc"]) or "record", e["msg"]) for e in error.errors()]
    absent = [key for key in Call.model_fields if key not in OPTIONAL_KEYS and key not in record]
    found = [Problem("record", f"no key {', '.join(absent)} (a record has every key but evidence, null or [] when not"
                               " stated; a --fields selection is not a record)")] if absent else []
    found += [Problem(name, "missing") for name in REQUIRED if name not in absent and getattr(call, name) in (None, "")]
    if call.dg:
        found += [Problem("units", f"{unit} is not a unit of {call.dg}") for unit in call.units
                  if not unit.startswith(f"{call.dg}.")]
    if call.contract_type and call.staff_category and call.contract_type.staff_category != call.staff_category:
        found.append(Problem("staff_category", f"{call.staff_category.value} does not match {call.contract_type.value}"))
    return found

"""The committed JSON Schema is the one the model generates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from vacancy_cli import parse_file
from vacancy_cli.model import json_schema

from .conftest import FAMILIES, ROOT, SAMPLES
from .golden import load


def test_committed_schema_is_in_sync_with_the_model() -> None:
    committed = json.loads((ROOT / "schemas" / "call.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "schemas/call.schema.json is stale: run `vacancy schema > schemas/call.schema.json`"


def test_schema_has_every_contract_key() -> None:
    keys = set(json_schema()["properties"])  # type: ignore[arg-type]
    for key in ("schema_version", "reference", "institution", "dg", "directorate", "units", "job_title",
                "staff_category", "contract_type", "function_group", "grade", "deadline", "deadline_text",
                "place_of_employment", "number_of_posts", "languages", "contacts", "source", "evidence", "warnings"):
        assert key in keys


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _golden_files() -> list[Path]:
    return sorted(FAMILIES.glob("*/*.json")) + sorted(SAMPLES.glob("*.json"))


def _stated(path: Path) -> dict[str, Any]:
    return {key: value for key, value in load(path).items() if key != "_notes"}


def test_an_empty_object_is_not_a_record() -> None:
    errors = [e.message for e in _validator(json_schema()).iter_errors({})]
    assert "'reference' is a required property" in errors
    assert "'schema_version' is a required property" in errors


@pytest.mark.parametrize("notice", ["sne-tick-boxes.pdf", "cast-header-table.txt"])
def test_the_records_the_tool_writes_validate(notice: str) -> None:
    record = parse_file(SAMPLES / notice).model_dump(mode="json")
    _validator(json_schema()).validate(record)
    del record["evidence"]  # detail a field selection may drop
    _validator(json_schema()).validate(record)


def test_every_golden_record_validates() -> None:
    """Expected records state only the fields they compare (and may carry `_notes` for people), so the key list
    is not asked of them; every value they state is."""
    partial = {**json_schema(), "required": []}
    files = _golden_files()
    assert len(files) > 100
    for path in files:
        errors = [f"{path.name}: {e.json_path}: {e.message}" for e in _validator(partial).iter_errors(_stated(path))]
        assert not errors, errors


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("reference", ""),
        ("reference", "  "),
        ("deadline", "next tuesday"),
        ("deadline", "2026-09-07T12:00"),
        ("deadline", "2026-02-30"),
        ("contacts", ["not an address"]),
        ("number_of_posts", 0),
        ("staff_category", "intern"),
    ],
)
def test_values_out_of_the_contract_do_not_validate(key: str, value: Any) -> None:
    record = parse_file(SAMPLES / "sne-tick-boxes.txt").model_dump(mode="json")
    record[key] = value
    assert list(_validator(json_schema()).iter_errors(record))

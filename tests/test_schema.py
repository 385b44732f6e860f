"""The committed JSON Schema is the one the model generates."""

from __future__ import annotations

import json

from vacancy_cli.model import json_schema

from .conftest import ROOT


def test_committed_schema_is_in_sync_with_the_model() -> None:
    committed = json.loads((ROOT / "schemas" / "call.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "schemas/call.schema.json is stale: run `vacancy schema > schemas/call.schema.json`"


def test_schema_has_every_contract_key() -> None:
    keys = set(json_schema()["properties"])  # type: ignore[arg-type]
    for key in ("schema_version", "reference", "institution", "dg", "directorate", "units", "job_title",
                "staff_category", "contract_type", "function_group", "grade", "deadline", "deadline_text",
                "place_of_employment", "number_of_posts", "languages", "contacts", "source", "evidence", "warnings"):
        assert key in keys

"""The Call record (the output contract of spec/record.md) as pydantic models. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict

DEADLINE_PATTERN = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$"
# `re.compile`, not `regex_cache`: the model is also loaded by commands that parse nothing (validate, diff).
_DEADLINE = re.compile(DEADLINE_PATTERN)
_LANGUAGE_CODE = re.compile(r"[A-Z]{2}")
"""A date, or a date-time with seconds and its UTC offset (RFC 3339, as `isoformat()` writes it)."""
STATED: JsonDict = {"minLength": 1, "pattern": r"\S"}
"""A text value is null when not stated, never empty."""


class StaffCategory(str, Enum):
    """The staff category of the post."""

    CONTRACT_AGENT = "contract_agent"
    TEMPORARY_AGENT = "temporary_agent"
    OFFICIAL = "official"
    SECONDED_NATIONAL_EXPERT = "seconded_national_expert"
    TRAINEE = "trainee"


class ContractType(str, Enum):
    """The contract, with its article of the CEOS when the notice states it."""

    CONTRACT_AGENT_3A = "contract_agent_3a"
    CONTRACT_AGENT_3B = "contract_agent_3b"
    CONTRACT_AGENT = "contract_agent"
    TEMPORARY_AGENT_2A = "temporary_agent_2a"
    TEMPORARY_AGENT_2B = "temporary_agent_2b"
    TEMPORARY_AGENT_2F = "temporary_agent_2f"
    TEMPORARY_AGENT = "temporary_agent"
    OFFICIAL = "official"
    SNE_COST_FREE = "sne_cost_free"
    SNE_WITH_ALLOWANCES = "sne_with_allowances"
    SNE = "sne"
    TRAINEE = "trainee"

    @property
    def staff_category(self) -> StaffCategory:
        """The staff category this contract belongs to."""
        if self.value.startswith("contract_agent"):
            return StaffCategory.CONTRACT_AGENT
        if self.value.startswith("temporary_agent"):
            return StaffCategory.TEMPORARY_AGENT
        if self.value.startswith("sne"):
            return StaffCategory.SECONDED_NATIONAL_EXPERT
        return StaffCategory(self.value)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LanguageRequirement(_Strict):
    """One language requirement: a CEFR level of one of the listed languages."""

    level: Literal["A1", "A2", "B1", "B2", "C1", "C2"]
    of: list[str] = Field(min_length=1, description='ISO 639-1 codes in upper case, or ["EU"]')

    @field_validator("of")
    @classmethod
    def _codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not _LANGUAGE_CODE.fullmatch(code):
                raise ValueError(f"not an upper-case ISO 639-1 code or EU: {code!r}")
        return codes


class Languages(_Strict):
    """Language rules of the notice."""

    required: list[LanguageRequirement] = Field(default_factory=list)
    assets: list[str] = Field(default_factory=list)
    selection: list[str] = Field(default_factory=list)


class Evidence(_Strict):
    """Where a value was read."""

    page: int | None = Field(default=None, ge=1, description="1-based page number")
    text: str = Field(description="the line or cell the value came from")
    confidence: Literal["high", "medium", "low"] = Field(
        default="medium", description="high: a labelled header value; medium: a reference or pattern; low: prose"
    )
    match: str | None = Field(default=None, description="the part of `text` that gave the value")
    bbox: list[float] | None = Field(
        default=None, min_length=4, max_length=4, description="PDF only: [x0, top, x1, bottom] in points from the page's top left"
    )


class Source(_Strict):
    """The file a record was read from."""

    path: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: str
    pages: int = Field(ge=0)


class Call(_Strict):
    """A vacancy notice as one normalised record."""

    schema_version: Literal["1"] = "1"
    reference: str | None = Field(default=None, json_schema_extra=STATED)
    institution: str | None = Field(default=None, json_schema_extra=STATED)
    dg: str | None = Field(default=None, json_schema_extra=STATED)
    directorate: str | None = Field(default=None, json_schema_extra=STATED)
    units: list[str] = Field(default_factory=list)
    job_title: str | None = Field(default=None, json_schema_extra=STATED)
    staff_category: StaffCategory | None = None
    contract_type: ContractType | None = None
    function_group: str | None = Field(default=None, json_schema_extra=STATED)
    grade: str | None = Field(default=None, json_schema_extra=STATED)
    deadline: str | None = Field(
        default=None,
        description="ISO 8601 date, or date-time with seconds and its UTC offset",
        json_schema_extra={
            "pattern": DEADLINE_PATTERN,
            "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time", "pattern": "T"}, {"type": "null"}],
        },
    )
    deadline_text: str | None = None
    place_of_employment: list[str] = Field(default_factory=list)
    number_of_posts: int | None = Field(default=None, ge=1)
    languages: Languages = Field(default_factory=Languages)
    contacts: list[str] = Field(default_factory=list, json_schema_extra={"items": {"type": "string", "format": "email"}})
    source: Source | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    @field_validator("reference", "institution", "dg", "directorate", "job_title", "function_group", "grade")
    @classmethod
    def _no_empty_strings(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("empty string: a value that is not stated is null")
        return value

    @field_validator("deadline")
    @classmethod
    def _iso_deadline(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _DEADLINE.fullmatch(value):
            raise ValueError("not an ISO 8601 date, or a date-time with seconds and its UTC offset")
        if "T" in value:
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))  # a real moment (`Z`: before Python 3.11)
        else:
            dt.date.fromisoformat(value)  # a real day
        return value

    @field_validator("contacts")
    @classmethod
    def _lower_case_emails(cls, emails: list[str]) -> list[str]:
        for email in emails:
            if email != email.lower() or "@" not in email:
                raise ValueError(f"not a lower-case e-mail address: {email!r}")
        return emails


OPTIONAL_KEYS = {"evidence"}
"""Keys a complete record may leave out: evidence is detail that a field selection drops."""


def json_schema() -> dict[str, object]:
    """The JSON Schema of the Call record (committed as schemas/call.schema.json).

    Every key but `evidence` is required: the tool writes `null` or `[]` for what a notice does not state.
    """
    schema = Call.model_json_schema()
    properties: dict[str, object] = schema["properties"]
    schema["required"] = [key for key in properties if key not in OPTIONAL_KEYS]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/vacancy-cli/vacancy/schemas/call.schema.json"
    return schema

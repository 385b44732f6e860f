"""A record's values in words people read (labels, contracts, deadlines), for the calendar and JSON-LD."""

from __future__ import annotations

from typing import Any

CONTRACTS = {
    "contract_agent_3a": "contract agent (Article 3a of the CEOS)",
    "contract_agent_3b": "contract agent (Article 3b of the CEOS)",
    "contract_agent": "contract agent",
    "temporary_agent_2a": "temporary agent (Article 2a of the CEOS)",
    "temporary_agent_2b": "temporary agent (Article 2b of the CEOS)",
    "temporary_agent_2f": "temporary agent (Article 2f of the CEOS)",
    "temporary_agent": "temporary agent",
    "official": "official",
    "sne_cost_free": "seconded national expert, cost-free",
    "sne_with_allowances": "seconded national expert, with allowances",
    "sne": "seconded national expert",
    "trainee": "trainee",
}
STAFF = {
    "contract_agent": "contract agent",
    "temporary_agent": "temporary agent",
    "official": "official",
    "seconded_national_expert": "seconded national expert",
    "trainee": "trainee",
}
GROUPS = {"AD": "administrators (AD)", "AST": "assistants (AST)", "AST/SC": "secretaries and clerks (AST/SC)"}
ANY_EU_LANGUAGE = "EU"


def contract(record: dict[str, Any]) -> str | None:
    """`contract agent (Article 3b of the CEOS), function group IV`; None when nothing is stated."""
    kind = CONTRACTS.get(record.get("contract_type") or "") or STAFF.get(record.get("staff_category") or "")
    parts = [kind] if kind else []
    group = record.get("function_group")
    if group:
        parts.append(GROUPS.get(group) or "function group " + group.removeprefix("FG").strip())
    if record.get("grade"):
        parts.append(f"grade {record['grade']}")
    return ", ".join(parts) or None


def languages(record: dict[str, Any]) -> str | None:
    """`C1 in an official EU language; B2 in DE or FR`; None when no level is required."""
    rules = (record.get("languages") or {}).get("required") or []
    said = []
    for rule in rules:
        codes = rule["of"]
        where = "an official EU language" if codes == [ANY_EU_LANGUAGE] else " or ".join(codes)
        said.append(f"{rule['level']} in {where}")
    return "; ".join(said) or None


def deadline(value: str) -> str:
    """`14 October 2026 at 12:00 (UTC+02:00)`, or for a date alone `7 September 2026, end of day (Brussels time)`.

    Midnight is said as 24:00 of the day before, the day an applicant has to act on (`timeleft.spoken`, long).
    """
    from ..timeleft import closing_moment, is_date_only, spoken

    moment = closing_moment(value)
    if moment is None:
        raise ValueError(f"deadline {value!r} is not an ISO 8601 date or date-time")
    return spoken(moment, is_date_only(value), long=True)


def summary(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value in words) for each stated field, in the order people look for them."""
    units = record.get("units") or []
    pairs = [
        ("Position", record.get("job_title")),
        ("Reference", record.get("reference")),
        ("Institution", record.get("institution")),
        ("Directorate-General", record.get("dg")),
        ("Directorate", record.get("directorate")),
        ("Unit" if len(units) == 1 else "Units", ", ".join(units)),
        ("Contract", contract(record)),
        ("Place of employment", ", ".join(record.get("place_of_employment") or [])),
        ("Posts", str(record["number_of_posts"]) if record.get("number_of_posts") else None),
        ("Languages", languages(record)),
        ("Apply by", deadline(record["deadline"]) if record.get("deadline") else None),
        ("Deadline as written", record.get("deadline_text")),
        ("Contact", ", ".join(record.get("contacts") or [])),
    ]
    return [(label, value) for label, value in pairs if value]

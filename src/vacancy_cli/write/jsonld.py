"""schema.org JobPosting (JSON-LD) for a record."""

from __future__ import annotations

from typing import Any

EMPLOYMENT_TYPE = {
    "contract_agent": "TEMPORARY",
    "temporary_agent": "TEMPORARY",
    "official": "FULL_TIME",
    "seconded_national_expert": "OTHER",
    "trainee": "INTERN",
}


def job_posting(record: dict[str, Any]) -> dict[str, Any]:
    """A JobPosting with the properties the record states (none invented)."""
    posting: dict[str, Any] = {"@context": "https://schema.org", "@type": "JobPosting"}
    if record.get("reference"):
        posting["identifier"] = {"@type": "PropertyValue", "name": "reference", "value": record["reference"]}
    if record.get("job_title"):
        posting["title"] = record["job_title"]
    if record.get("institution"):
        posting["hiringOrganization"] = {"@type": "Organization", "name": record["institution"]}
    units = record.get("units") or ([record["dg"]] if record.get("dg") else [])
    if units:
        posting["employmentUnit"] = {"@type": "Organization", "name": ", ".join(units)}
    if record.get("deadline"):
        posting["validThrough"] = record["deadline"]
    places = record.get("place_of_employment") or []
    if places:
        posting["jobLocation"] = [{"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": p}} for p in places]
    category = record.get("staff_category")
    if category in EMPLOYMENT_TYPE:
        posting["employmentType"] = EMPLOYMENT_TYPE[category]
    if record.get("number_of_posts"):
        posting["totalJobOpenings"] = record["number_of_posts"]
    languages = (record.get("languages") or {}).get("required") or []
    if languages:
        posting["qualifications"] = "Languages: " + "; ".join(f"{r['level']} {'/'.join(r['of'])}" for r in languages)
    if record.get("contract_type"):
        posting["occupationalCategory"] = record["contract_type"]
    return posting

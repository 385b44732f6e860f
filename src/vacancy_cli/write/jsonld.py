"""schema.org JobPosting (JSON-LD) for a record, with the properties Google's job-posting guidelines ask for."""

from __future__ import annotations

import html
from typing import Any

from ..registry import fold, registry
from .words import languages, summary

REQUIRED = ("title", "description", "datePosted", "hiringOrganization", "jobLocation")
"""The properties Google requires of a JobPosting (jobLocation: unless the job is remote, never the case here)."""

EMPLOYMENT_TYPE = {  # schema.org/employmentType values Google reads
    "contract_agent": "TEMPORARY",
    "temporary_agent": "TEMPORARY",
    "official": "FULL_TIME",
    "seconded_national_expert": "OTHER",
    "trainee": "INTERN",
}


def job_posting(record: dict[str, Any]) -> dict[str, Any]:
    """A JobPosting with the properties the record states, none invented.

    No `datePosted`: the record holds no publication date (`missing` lists it, export says so on stderr).
    """
    posting: dict[str, Any] = {"@context": "https://schema.org", "@type": "JobPosting"}
    if record.get("job_title"):
        posting["title"] = record["job_title"]
    description = _description(record)
    if description:
        posting["description"] = description
    if record.get("institution"):
        posting["hiringOrganization"] = {"@type": "Organization", "name": record["institution"]}
    places = record.get("place_of_employment") or []
    if places:
        posting["jobLocation"] = [_place(p) for p in places]
    if record.get("reference"):
        posting["identifier"] = {"@type": "PropertyValue", "name": record.get("institution") or "reference",
                                 "value": record["reference"]}
    if record.get("deadline"):
        posting["validThrough"] = record["deadline"]
    category = record.get("staff_category")
    if category in EMPLOYMENT_TYPE:
        posting["employmentType"] = EMPLOYMENT_TYPE[category]
    units = record.get("units") or ([record["dg"]] if record.get("dg") else [])
    if units:
        posting["employmentUnit"] = {"@type": "Organization", "name": ", ".join(units)}
    if record.get("number_of_posts"):
        posting["totalJobOpenings"] = record["number_of_posts"]
    stated_languages = languages(record)
    if stated_languages:
        posting["qualifications"] = "Languages: " + stated_languages
    return posting


def missing(posting: dict[str, Any]) -> list[str]:
    """Google's required properties the posting lacks because the notice does not state them."""
    return [name for name in REQUIRED if name not in posting]


def _place(city: str) -> dict[str, Any]:
    """A Place in a city, with its ISO country code when the places registry knows the city."""
    address = {"@type": "PostalAddress", "addressLocality": city}
    known = registry().place_by_name.get(fold(city))
    if known:
        address["addressCountry"] = str(known["country"])
    return {"@type": "Place", "address": address}


def _description(record: dict[str, Any]) -> str | None:
    """HTML: the record's fields in words, then the notice's own lines they were read from (its evidence).

    The record does not carry the notice's full text; its evidence lines are the notice's words.
    """
    said = summary(record)
    if not said:
        return None
    parts = ["<p>" + "<br>".join(f"{html.escape(label)}: {html.escape(value)}" for label, value in said) + "</p>"]
    lines = _evidence_lines(record)
    if lines:
        parts.append("<p>From the notice:</p><ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>")
    return "".join(parts)


def _evidence_lines(record: dict[str, Any]) -> list[str]:
    """The distinct lines values were read from, in the notice's order (page, then top) when it is known."""
    evidence = list((record.get("evidence") or {}).values())
    evidence.sort(key=lambda ev: (ev.get("page") or 0, (ev.get("bbox") or [0, 0])[1]))
    return list(dict.fromkeys(str(ev["text"]).strip() for ev in evidence if str(ev.get("text", "")).strip()))

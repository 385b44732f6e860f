"""Run the extractors in dependency order and build the Call record with its evidence."""

from __future__ import annotations

from typing import Any

from .document import Document
from .extract.base import Context, Found
from .extract.contacts import extract_contacts
from .extract.contract import extract_contract, extract_function_group, extract_grade
from .extract.deadline import extract_deadline
from .extract.languages import extract_languages
from .extract.organisation import (
    COMMISSION,
    extract_dg,
    extract_directorate,
    extract_institution,
    extract_units,
)
from .extract.place import extract_places
from .extract.reference import extract_reference
from .extract.title import extract_job_title, extract_posts
from .model import Call, ContractType, Evidence, LanguageRequirement, Languages, Source
from .registry import fold, registry


def _evidence(found: Found[Any]) -> Evidence:
    line = found.line
    return Evidence(
        page=line.page,
        text=line.text,
        confidence=found.confidence,
        match=found.match if found.match and found.match in line.text else None,
        bbox=list(line.bbox) if line.bbox else None,
    )


def _zone_for(places: list[str]) -> str | None:
    """The zone a deadline without one is in: the place of employment's, else None (Brussels)."""
    reg = registry()
    for city in places:
        zone = reg.timezone_of_city(city)
        if zone:
            return zone
    return None


def _seat_zone(institution: object) -> str | None:
    """The zone of the body's seat: `local time` when no place of employment is stated."""
    body = registry().body_by_name.get(fold(institution)) if isinstance(institution, str) else None
    return body.timezone if body else None


def build_call(doc: Document, source: Source | None = None) -> Call:
    """Extract every field of a document into a validated Call."""
    ctx = Context(doc)
    evidence: dict[str, Evidence] = {}

    def keep(name: str, found: Found[Any] | None) -> Any:
        if found is None:
            return None
        ctx.found[name] = found
        evidence[name] = _evidence(found)
        return found.value

    reference = keep("reference", extract_reference(ctx))
    institution = keep("institution", extract_institution(ctx))
    dg = keep("dg", extract_dg(ctx))
    if dg and institution != COMMISSION:
        if institution is not None:
            ctx.warn(f"institution: {institution} is named in the text, but the DG header makes it the {COMMISSION}")
        else:
            ctx.warnings.remove("institution: not found")
        institution = keep("institution", Found(COMMISSION, ctx.found["dg"].line, "medium", ctx.found["dg"].match))
    units_found = extract_units(ctx)
    if units_found:
        evidence["units"] = _evidence(units_found[0])
    directorate = keep("directorate", extract_directorate(ctx, units_found))
    contract: ContractType | None = keep("contract_type", extract_contract(ctx))
    if contract is not None:
        evidence["staff_category"] = evidence["contract_type"]
    function_group = keep("function_group", extract_function_group(ctx))
    grade = keep("grade", extract_grade(ctx))
    job_title = keep("job_title", extract_job_title(ctx))
    posts = keep("number_of_posts", extract_posts(ctx))
    places: list[str] = keep("place_of_employment", extract_places(ctx)) or []
    deadline_found, deadline_text = extract_deadline(ctx, _zone_for(places), _seat_zone(institution))
    deadline = keep("deadline", deadline_found)
    if deadline_text:
        evidence["deadline_text"] = evidence["deadline"]
    rules = extract_languages(ctx)
    for name, items in (("languages.required", rules.required), ("languages.assets", rules.assets),
                        ("languages.selection", rules.selection)):
        if items:
            evidence[name] = _evidence(items[0])
    contacts = extract_contacts(ctx)
    if contacts:
        evidence["contacts"] = _evidence(contacts[0])
    if not places:
        ctx.warn("place_of_employment: not stated")
    return Call(
        reference=reference,
        institution=institution,
        dg=dg,
        directorate=directorate,
        units=[u.value for u in units_found],
        job_title=job_title,
        staff_category=contract.staff_category if contract else None,
        contract_type=contract,
        function_group=function_group,
        grade=grade,
        deadline=deadline,
        deadline_text=deadline_text,
        place_of_employment=places,
        number_of_posts=posts,
        languages=Languages(
            required=[LanguageRequirement.model_validate(r.value) for r in rules.required],
            assets=[a.value for a in rules.assets],
            selection=[s.value for s in rules.selection],
        ),
        contacts=[c.value for c in contacts],
        source=source,
        evidence=evidence,
        warnings=ctx.warnings,
    )

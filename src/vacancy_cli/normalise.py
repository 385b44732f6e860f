"""Run the extractors in the order the field table declares, reconcile fields, build the Call record.

Each step of `STEPS` names a field, the extractor that finds its value (with evidence and confidence),
the fields that extractor reads from earlier steps, and the warning written when the field stays
empty. Reconciliation steps decide between the candidates of several fields and say so in a warning
when they disagree; no other step changes a value another step found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .document import Document
from .extract.base import Context, Found
from .extract.contacts import extract_contacts
from .extract.contract import extract_contract, extract_function_group, extract_grade
from .extract.deadline import extract_deadline
from .extract.languages import LanguageRules, extract_languages
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
from .model import Call, Evidence, LanguageRequirement, Languages, Source
from .registry import fold, registry


@dataclass(frozen=True)
class Step:
    """One field's extractor, what it reads from earlier steps, and the warning when nothing is found."""

    field: str
    extract: Callable[[Context], Found[Any] | None]
    needs: tuple[str, ...] = ()
    missing: str | None = None
    reconciles: bool = False  # decides between candidates already found (a step that may replace a value)


def _institution_of_the_post(ctx: Context) -> Found[Any] | None:
    """A DG header makes the post the Commission's, unless the notice names another body outside it."""
    named, dg = ctx.found.get("institution"), ctx.found.get("dg")
    if dg is None or (named is not None and named.value == COMMISSION):
        return named
    if named is not None:
        ctx.warn(f"institution: {named.value} is named in the text, but the DG header makes it the {COMMISSION}")
    return Found(COMMISSION, dg.line, "medium", dg.match)


def _units(ctx: Context) -> Found[list[str]] | None:
    """Every unit code, in order; the evidence is the first one's."""
    units = extract_units(ctx)
    if not units:
        return None
    return Found([u.value for u in units], units[0].line, units[0].confidence, units[0].match)


def _zone_of_places(places: object) -> str | None:
    """The zone a deadline without one is in: the place of employment's, else None (Brussels)."""
    for city in places if isinstance(places, list) else []:
        zone = registry().timezone_of_city(city)
        if zone:
            return zone
    return None


def _seat_zone(institution: object) -> str | None:
    """The zone of the body's seat: `local time` when no place of employment is stated."""
    body = registry().body_by_name.get(fold(institution)) if isinstance(institution, str) else None
    return body.timezone if body else None


def _deadline(ctx: Context) -> Found[str] | None:
    """The deadline in the place of employment's zone (the body's seat's for `local time`)."""
    found, _ = extract_deadline(
        ctx, _zone_of_places(ctx.value("place_of_employment")), _seat_zone(ctx.value("institution"))
    )
    return found


def _languages(ctx: Context) -> Found[LanguageRules] | None:
    """The three language lists; the evidence of each is kept by `_evidence_of`."""
    rules = extract_languages(ctx)
    firsts: list[Found[Any]] = [*rules.required[:1], *rules.assets[:1], *rules.selection[:1]]
    return Found(rules, firsts[0].line, firsts[0].confidence, firsts[0].match) if firsts else None


def _contacts(ctx: Context) -> Found[list[str]] | None:
    contacts = extract_contacts(ctx)
    if not contacts:
        return None
    return Found([c.value for c in contacts], contacts[0].line, contacts[0].confidence, contacts[0].match)


# The fields in the order they are decided; `needs` are the fields an extractor reads from the context.
STEPS: tuple[Step, ...] = (
    Step("reference", extract_reference, missing="not found"),
    Step("institution", extract_institution, needs=("reference",)),
    Step("dg", extract_dg, needs=("reference", "institution")),
    Step("institution", _institution_of_the_post, needs=("institution", "dg"), missing="not found", reconciles=True),
    Step("units", _units, needs=("reference", "institution", "dg")),
    Step("directorate", extract_directorate, needs=("dg", "units")),
    Step("contract_type", extract_contract, needs=("reference",), missing="not found"),
    Step("function_group", extract_function_group, needs=("reference", "contract_type")),
    Step("grade", extract_grade, needs=("contract_type",)),
    Step("job_title", extract_job_title, missing="not found"),
    Step("number_of_posts", extract_posts),
    Step("place_of_employment", extract_places, missing="not stated"),
    Step("deadline", _deadline, needs=("reference", "place_of_employment", "institution")),
    Step("languages", _languages),
    Step("contacts", _contacts),
)


def _evidence(found: Found[Any]) -> Evidence:
    line = found.line
    return Evidence(
        page=line.page,
        text=line.text,
        confidence=found.confidence,
        match=found.match if found.match and found.match in line.text else None,
        bbox=list(line.bbox) if line.bbox else None,
    )


def _evidence_of(name: str, found: Found[Any]) -> dict[str, Evidence]:
    """The evidence entries a step's result gives (the language lists each have their own)."""
    if name == "languages":
        rules: LanguageRules = found.value
        parts = (("required", rules.required), ("assets", rules.assets), ("selection", rules.selection))
        return {f"languages.{part}": _evidence(items[0]) for part, items in parts if items}
    evidence = {name: _evidence(found)}
    if name == "contract_type":
        evidence["staff_category"] = evidence[name]
    if name == "deadline" and found.match:
        evidence["deadline_text"] = evidence[name]
    return evidence


def build_call(doc: Document, source: Source | None = None) -> Call:
    """Run every step of `STEPS` over a document and build the validated Call."""
    ctx = Context(doc)
    evidence: dict[str, Evidence] = {}
    for step in STEPS:
        found = step.extract(ctx)
        if found is None:
            ctx.found.pop(step.field, None)
            if step.missing:
                ctx.warn(f"{step.field}: {step.missing}")
            continue
        ctx.found[step.field] = found
        evidence.update(_evidence_of(step.field, found))
    return _call(ctx, evidence, source)


def _call(ctx: Context, evidence: dict[str, Evidence], source: Source | None) -> Call:
    values: dict[str, Any] = {name: found.value for name, found in ctx.found.items()}
    contract = values.get("contract_type")
    deadline = ctx.found.get("deadline")
    rules: LanguageRules = values.get("languages") or LanguageRules([], [], [])
    return Call(
        reference=values.get("reference"),
        institution=values.get("institution"),
        dg=values.get("dg"),
        directorate=values.get("directorate"),
        units=values.get("units") or [],
        job_title=values.get("job_title"),
        staff_category=contract.staff_category if contract else None,
        contract_type=contract,
        function_group=values.get("function_group"),
        grade=values.get("grade"),
        deadline=values.get("deadline"),
        deadline_text=deadline.match if deadline else None,
        place_of_employment=values.get("place_of_employment") or [],
        number_of_posts=values.get("number_of_posts"),
        languages=Languages(
            required=[LanguageRequirement.model_validate(r.value) for r in rules.required],
            assets=[a.value for a in rules.assets],
            selection=[s.value for s in rules.selection],
        ),
        contacts=values.get("contacts") or [],
        source=source,
        evidence=evidence,
        warnings=ctx.warnings,
    )

"""`vacancy validate`: check notices or records against the model and the completeness rules."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from ..errors import ExitCode
from .common import Outcome
from .inputs import each_record


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


def validate(
    files: Annotated[list[str], typer.Argument(help="Notices (parsed first) or records (.json, .jsonl).")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.")] = None,
) -> None:
    """Check each record: the model's rules, and reference, institution, contract type and deadline present.

    Prints `file: field: message` per problem (or a JSON report); exits 0 when all are
    valid, 5 (INVALID) when some are not, and an input error's code when a file cannot be read.

    Examples:

      vacancy validate notices/*.pdf

      vacancy parse notice.pdf > call.json && vacancy validate call.json --format json
    """
    from ..validation import problems

    outcome = Outcome()
    report = []
    invalid = False
    for name, record in each_record(files, outcome, password):
        found = problems(record)
        invalid = invalid or bool(found)
        report.append({"file": name, "valid": not found,
                       "problems": [{"field": p.field, "message": p.message} for p in found]})
        if format == ReportFormat.text:
            for p in found:
                typer.echo(f"{name}: {p.field}: {p.message}")
    if format == ReportFormat.json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
    if outcome.code == ExitCode.OK and invalid:
        outcome.code = ExitCode.INVALID
    raise typer.Exit(int(outcome.code))

"""`vacancy validate`: check notices or records against the model and the completeness rules."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from ..errors import ExitCode
from ..hygiene import printable_name
from .common import Outcome, Password
from .inputs import each_record
from .output import json_text


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


def validate(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE...", help="Notices (parsed first) or records (JSON, JSON Lines).")
    ],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
    password: Password = None,
) -> None:
    """Check each record: the model's rules, and reference, institution, contract type and deadline present.

    Prints `file: field: message` per problem (or a JSON report); exits 0 when all are
    valid, 5 (INVALID) when some are not, and an input error's code when a file cannot be read.
    Records are told by content (a JSON object, a JSON list or JSON Lines); an error record
    of `vacancy export` is reported as the file that failed, with its code.

    \b
    Examples:
      vacancy validate notices/*.pdf
      vacancy parse notice.pdf > call.json && vacancy validate call.json --format json
      vacancy export notices/ | vacancy validate -
    """
    from ..validation import problems

    outcome = Outcome()
    report = []
    invalid = False
    for path, record in each_record(files, outcome, password):
        name = printable_name(path)
        found = problems(record)
        invalid = invalid or bool(found)
        report.append({"file": name, "valid": not found,
                       "problems": [{"field": p.field, "message": p.message} for p in found]})
        if format == ReportFormat.text:
            for p in found:
                typer.echo(f"{name}: {p.field}: {p.message}")
    if format == ReportFormat.json:
        typer.echo(json_text(report, sys.stdout))
    if outcome.code == ExitCode.OK and invalid:
        outcome.code = ExitCode.INVALID
    raise typer.Exit(int(outcome.code))

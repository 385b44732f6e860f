"""What `parse` and `export` write of each record (`--fields`, `--evidence`), and JSON laid out for where it goes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

if TYPE_CHECKING:
    from ..model import Call

FieldsOption = Annotated[
    str | None,
    typer.Option("--fields", metavar="KEYS",
                 help="Only these keys, comma-separated; nested ones dotted (reference,deadline,languages.required)."),
]
EvidenceOption = Annotated[
    bool,
    typer.Option("--evidence/--no-evidence",
                 help="JSON: each field's evidence (page, line, box), part of the record; `--no-evidence` leaves it out."),
]


@dataclass(frozen=True)
class Shape:
    """What of each record is written: the chosen fields (else the whole record, evidence unless left out), CSV cells raw or inert."""

    fields: list[str] | None = None
    evidence: bool = True
    csv_raw: bool = False

    @classmethod
    def of(cls, fields: str | None, evidence: bool = True, csv_raw: bool = False) -> Shape:
        """From the command-line options; an unknown field is a usage error naming the valid ones."""
        from ..fields import parse_fields

        try:
            chosen = parse_fields(fields) if fields is not None else None
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--fields") from None
        return cls(chosen, evidence, csv_raw)

    def data(self, record: Call | dict[str, Any]) -> dict[str, Any]:
        """The record as JSON-ready data, shaped."""
        from ..fields import shaped

        return shaped(record if isinstance(record, dict) else record.model_dump(mode="json"), self.fields, self.evidence)

    def columns(self) -> list[str]:
        """The CSV columns: the chosen fields as flat keys, else the standard columns."""
        from ..fields import leaf_keys
        from ..write.records import CSV_COLUMNS

        return leaf_keys(self.fields) if self.fields else CSV_COLUMNS

    def csv_header(self) -> str:
        """The CSV header line."""
        from ..write.records import csv_header

        return csv_header(self.columns())

    def csv_line(self, record: Call) -> str:
        """One CSV line."""
        from ..write.records import csv_line

        return csv_line(record, raw=self.csv_raw, columns=self.columns())


def json_text(data: Any, stream: TextIO) -> str:
    """JSON indented for a person at a terminal, compact (one line) for a pipe or a file."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2 if stream.isatty() else None)

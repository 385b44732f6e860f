"""A rich table of records for people."""

from __future__ import annotations

from typing import Any

from ..model import Call


def records_table(records: list[Call]) -> Any:
    """One row per record with the fields people look at first."""
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in ("reference", "institution", "unit(s)", "job title", "contract", "FG", "deadline", "place", "languages"):
        table.add_column(column, overflow="fold")
    for r in records:
        langs = ", ".join(f"{q.level} {'/'.join(q.of)}" for q in r.languages.required)
        table.add_row(
            r.reference or "—",
            r.institution or "—",
            ", ".join(r.units) or r.dg or "—",
            r.job_title or "—",
            r.contract_type.value if r.contract_type else "—",
            r.function_group or "—",
            r.deadline or "—",
            ", ".join(r.place_of_employment) or "—",
            langs or "—",
        )
    return table

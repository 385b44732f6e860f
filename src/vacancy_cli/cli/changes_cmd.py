"""`vacancy changes`: what the last sync(s) brought — new calls, field changes, removed calls."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..hygiene import printable_name
from .sync_cmd import DEFAULT_DB


class ChangesFormat(str, Enum):
    text = "text"
    json = "json"


def changes(
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The calls database.")] = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="News of every sync since this date (ISO 8601).")] = None,
    last_sync: Annotated[bool, typer.Option("--last-sync", help="News of the last sync (the default).")] = False,
    format: Annotated[ChangesFormat, typer.Option("--format", "-f", help="Output format.")] = ChangesFormat.text,
) -> None:
    """New calls, changed calls with their field changes, and calls removed from the synced folders.

    Exit code: 0 nothing new, 1 something new, changed or removed (so a cron job mails only news),
    9 when the database cannot be used.

    \b
    Examples:
      vacancy changes --db ~/calls.db
      vacancy changes --since 2026-05-01 --format json
    """
    from ..errors import ExitCode, UsageError
    from ..store import database_errors, open_store
    from ..store.queries import last_sync_window, news, since_window
    from .calls_cmd import _since

    if since is not None and last_sync:
        raise UsageError("--since and --last-sync exclude each other")
    moment = _since(since)
    with database_errors(db):
        conn = open_store(db, create=False)
        window = since_window(conn, moment) if moment is not None else last_sync_window(conn)
        found = news(conn, window)
    if format == ChangesFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report(found))
    anything = found["new"] or found["changed"] or found["removed"]
    raise typer.Exit(int(ExitCode.ATTENTION if anything else ExitCode.OK))


def report(found: dict[str, Any]) -> str:
    """The news as plain text for a terminal or a mail: a count line, then one block per call."""
    counts = f"{len(found['new'])} new, {len(found['changed'])} changed, {len(found['removed'])} removed"
    syncs = found["syncs"]
    lines = [f"{counts} (syncs {syncs['from']} to {syncs['to']})" if syncs["from"] else f"{counts} (no sync yet)"]
    for kind in ("new", "changed", "removed"):
        for call in found[kind]:
            lines.append(f"{kind:8} {_name(call)}")
            for change in call.get("changes", []):
                lines.append(f"{'':8}   {change['field']}: {_show(change['old'])} -> {_show(change['new'])}")
    return "\n".join(lines) + "\n"


def _name(call: dict[str, Any]) -> str:
    parts = [call["reference"] or printable_name(Path(call["path"]).name), call["institution"], call["job_title"]]
    text = " · ".join(str(p) for p in parts if p)
    deadline = f", deadline {call['deadline']}" if call["deadline"] else ""
    return f"{text} (version {call['version']}{deadline})"


def _show(value: Any) -> str:
    if value in (None, []):
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

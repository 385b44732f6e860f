"""`vacancy explain`: each field with where it was read, in the terminal or as an HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def explain(
    notice: Annotated[str, typer.Argument(metavar="NOTICE", help="A notice (PDF, text, Markdown); `-` reads stdin.")],
    html: Annotated[
        Path | None, typer.Option("--html", metavar="FILE", help="Write a self-contained HTML page here.")
    ] = None,
    password: Annotated[str | None, typer.Option(metavar="PASSWORD", help="Password of an encrypted PDF.")] = None,
) -> None:
    """Show each field's value, confidence and the line it was read from (the match highlighted).

    With --html, write one page with the PDF pages as images and each field's box drawn on them
    (for text notices, the text with the evidence highlighted); click a field to see its box.

    \b
    Examples:
      vacancy explain notice.pdf
      vacancy explain notice.pdf --html notice.html
    """
    import sys

    from rich.console import Console

    from ..api import read_file, read_stream
    from ..explain.view import render
    from ..limits import DEFAULT_LIMITS
    from ..worker import Job, read_isolated
    from .common import use_colour

    data = read_stream(sys.stdin.buffer, "-") if notice == "-" else read_file(notice)
    doc, call = read_isolated(Job(notice, data, password, document=True), DEFAULT_LIMITS)
    assert doc is not None  # asked for with document=True
    if html is None:
        render(call, Console(no_color=not use_colour(), width=None if sys.stdout.isatty() else 160))
        return
    from ..explain.html import pdf_page, text_page
    from ..write.atomic import atomic_output

    page = pdf_page(data, call, password) if doc.format == "pdf" else text_page(doc, call)
    with atomic_output(html) as stream:
        stream.write(page)
    sys.stderr.write(f"vacancy: wrote {html}\n")

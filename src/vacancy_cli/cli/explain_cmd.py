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

    from ..api import read_file, read_stream
    from ..explain.view import render
    from ..limits import DEFAULT_LIMITS
    from ..worker import Job, read_isolated
    from ..write.table import console
    from .common import standard_input

    data = read_stream(standard_input(), "-") if notice == "-" else read_file(notice)
    page, call = read_isolated(Job(notice, data, password, html=html is not None), DEFAULT_LIMITS)
    if html is None or page is None:  # the page is made (in the worker, under the limits) when --html asks for it
        render(call, console(sys.stdout, piped_width=160))
        return
    from ..write.atomic import atomic_output

    with atomic_output(html) as stream:
        stream.write(page)
    sys.stderr.write(f"vacancy: wrote {html}\n")

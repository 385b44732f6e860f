"""Render samples/*.txt into samples/*.pdf the way a word processor exports them.

Header rows (`label<TAB>value`) become ruled two-column tables, tick boxes are drawn
with the ☐/☒ glyphs of DejaVu Sans, Markdown markup is dropped, and lines such as
`(Reference: ...)` and `Page N of M` mark page breaks; the `(Reference: ...)` line becomes a running footer.

    python scripts/render_samples.py            # needs reportlab and the DejaVu fonts
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/Library/Fonts")]
FOOTER = re.compile(r"^\(Reference: .*\)$")
PAGE = re.compile(r"^Page \d+ of \d+$")


def register_fonts() -> None:
    """DejaVu Sans has the tick-box glyphs; stop with a clear message when it is missing."""
    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").exists():
            pdfmetrics.registerFont(TTFont("DejaVu", str(folder / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(folder / "DejaVuSans-Bold.ttf")))
            return
    sys.exit("render_samples: DejaVuSans.ttf not found (Debian: apt-get install fonts-dejavu-core)")


def markup(text: str) -> str:
    """Markdown and HTML of a sample line -> reportlab paragraph markup."""
    text = text.replace("&", "&amp;").replace("<sup>", "\x00").replace("</sup>", "\x01")
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace("\x00", "<super>").replace("\x01", "</super>")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("\\*", "*")
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"^#{1,6}\s+", "", text).rstrip()


def flowables(lines: list[str]) -> tuple[list[Flowable], str | None]:
    """Body flowables of a sample, and its running footer if it has one."""
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13, spaceAfter=4)
    heading = ParagraphStyle("heading", parent=body, fontName="DejaVu-Bold", fontSize=11, spaceBefore=6)
    cell = ParagraphStyle("cell", parent=body, spaceAfter=0)
    out: list[Flowable] = []
    footer = None
    rows: list[list[Paragraph]] = []

    def flush_table() -> None:
        if rows:
            table = Table(rows, colWidths=[6 * cm, 10.5 * cm])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.extend([table, Spacer(1, 8)])
            rows.clear()

    for raw in lines:
        if FOOTER.match(raw.strip()):
            footer = raw.strip()
            continue
        if PAGE.match(raw.strip()):
            flush_table()
            out.append(PageBreak())
            continue
        if "\t" in raw:
            label, value = raw.split("\t", 1)
            rows.append([Paragraph(markup(label), cell), Paragraph(markup(value), cell)])
            continue
        flush_table()
        if not raw.strip():
            continue
        style = heading if raw.startswith("#") or (raw.isupper() and len(raw) < 80) else body
        text = markup(raw)
        if text.startswith("- "):
            text = "• " + text[2:]
        out.append(Paragraph(text, style))
    flush_table()
    while out and isinstance(out[-1], PageBreak):
        out.pop()
    return out, footer


def render(sample: Path) -> Path:
    """Write the PDF of one sample next to it."""
    story, footer = flowables(sample.read_text(encoding="utf-8").splitlines())
    target = sample.with_suffix(".pdf")

    def decorate(canvas: object, doc: SimpleDocTemplate) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("DejaVu", 8)  # type: ignore[attr-defined]
        if footer:
            canvas.drawString(2 * cm, 1.6 * cm, footer)  # type: ignore[attr-defined]
        canvas.drawRightString(A4[0] - 2 * cm, 1.6 * cm, f"{doc.page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2.5 * cm, invariant=1, title=sample.stem)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return target


def main() -> None:
    register_fonts()
    for sample in sorted(SAMPLES.glob("*.txt")):
        print(render(sample))


if __name__ == "__main__":
    main()

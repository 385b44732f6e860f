"""A single self-contained HTML page: the notice with each field's evidence marked, beside the fields."""

from __future__ import annotations

import base64
import html
import io
import itertools
from typing import Any

from ..document import Document
from ..model import Call
from .boxes import LABEL_HEIGHT, FieldBox, SharedBox, label_rows, shared, tight_box
from .fields import rows
from .render import resolution

CSS = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:1rem}
#fields{position:sticky;top:0;height:100vh;overflow:auto;min-width:26rem;max-width:32rem;padding:.5rem;border-right:1px solid #ccc}
#fields table{border-collapse:collapse;font-size:.85rem}#fields td{border-bottom:1px solid #eee;padding:.25rem;vertical-align:top}
#fields tr[data-field]{cursor:pointer}#fields tr[data-field]:hover{background:#eef}
#fields tr.missing{color:#999}.conf-high{color:#070}.conf-medium{color:#a60}.conf-low{color:#b00}
#doc{padding:.5rem;flex:1}.page{position:relative;margin-bottom:1rem;box-shadow:0 0 4px #999}
.page img{display:block}.box{position:absolute;border:2px solid rgba(220,0,0,.8);background:rgba(255,230,0,.25)}
.box span{position:absolute;left:0;font-size:.7rem;line-height:14px;background:#c00;color:#fff;padding:0 .2rem;white-space:nowrap}
.page.missing{padding:2rem;color:#b00}
.box.active,.span.active{outline:4px solid #06f}pre{white-space:pre-wrap;font-size:.9rem}
.span{background:rgba(255,230,0,.5);border-bottom:2px solid #c00}
"""
SCRIPT = """
document.querySelectorAll('tr[data-field]').forEach(function(row){row.addEventListener('click',function(){
  document.querySelectorAll('.active').forEach(function(e){e.classList.remove('active')});
  var marks=document.querySelectorAll('[data-fields~="'+row.dataset.field+'"]');
  marks.forEach(function(e){e.classList.add('active')});
  if(marks.length){marks[0].scrollIntoView({block:'center'});}
});});
"""


def _field_table(call: Call) -> str:
    out = ["<table><tr><th>field</th><th>value</th><th>confidence</th></tr>"]
    for row in rows(call):
        if row.value is None:
            out.append(f'<tr class="missing"><td>{row.field}</td><td>—</td><td></td></tr>')
            continue
        conf = row.evidence.confidence if row.evidence else ""
        out.append(
            f'<tr data-field="{_id(row.field)}"><td>{row.field}</td><td>{html.escape(row.value)}</td>'
            f'<td class="conf-{conf}">{conf}</td></tr>'
        )
    out.append("</table>")
    if call.warnings:
        out.append("<h3>Warnings</h3><ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in call.warnings) + "</ul>")
    return "".join(out)


def _id(field: str) -> str:
    return field.replace(".", "-")


def pdf_boxes(pdf: Any, call: Call) -> list[FieldBox]:
    """The box of every field with evidence, refined to the matched words on its page."""
    boxes = []
    for row in rows(call):
        ev = row.evidence
        if row.value is None or ev is None or ev.bbox is None or not ev.page or ev.page > len(pdf.pages):
            continue
        line_box = (ev.bbox[0], ev.bbox[1], ev.bbox[2], ev.bbox[3])
        boxes.append(FieldBox(row.field, ev.page, tight_box(pdf.pages[ev.page - 1], line_box, ev.match)))
    return boxes


def pdf_page(data: bytes, call: Call, password: str | None = None) -> str:
    """HTML for a PDF notice: page images (of bounded size) with the field boxes drawn over them."""
    import pdfplumber

    parts = []
    with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
        boxes = shared(pdf_boxes(pdf, call))
        count = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            dpi = resolution(float(page.width), float(page.height), count)
            image = _image(page, dpi) if dpi else None
            if image is None:
                parts.append(f'<div class="page missing" id="page-{number}">page {number} could not be drawn</div>')
                continue
            on_page = [b for b in boxes if b.page == number]
            parts.append(
                f'<div class="page" id="page-{number}" style="width:{image.width}px;height:{image.height}px">'
                f'<img alt="page {number}" src="data:image/png;base64,{_png(image)}">'
                f"{_marks(on_page, image.width / float(page.width))}</div>"
            )
            page.close()
    return _page(call, "".join(parts))


def _image(page: Any, dpi: float) -> Any:
    """The page drawn at `dpi` (a PIL image), or None when the PDF cannot draw it."""
    try:
        return page.to_image(resolution=dpi).original
    except Exception:  # pdfium and pdfplumber raise their own errors on broken pages; the others still draw
        return None


def _png(image: Any) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _marks(boxes: list[SharedBox], scale: float) -> str:
    """The boxes of one page, each labelled with all its fields, labels stacked where they would overlap."""
    out = []
    for box, row in zip(boxes, label_rows(boxes, scale), strict=True):
        x0, top, x1, bottom = (v * scale for v in box.bbox)
        out.append(
            f'<div class="box" data-fields="{_ids(box.fields)}" style="left:{x0:.1f}px;top:{top:.1f}px;'
            f'width:{x1 - x0:.1f}px;height:{bottom - top:.1f}px"><span style="top:{-(row + 1) * LABEL_HEIGHT:.0f}px">'
            f"{html.escape(box.label)}</span></div>"
        )
    return "".join(out)


def text_page(doc: Document, call: Call) -> str:
    """HTML for a text notice: its lines with each field's evidence span highlighted."""
    spans: dict[int, list[tuple[str, str | None]]] = {}
    for row in rows(call):
        ev = row.evidence
        if row.value is None or ev is None:
            continue
        index = next((i for i, line in enumerate(doc.lines) if line.text == ev.text), None)
        if index is None:
            index = next((i for i, line in enumerate(doc.furniture) if line.text == ev.text), None)
            if index is None:
                continue
            index = -1 - index
        spans.setdefault(index, []).append((row.field, ev.match))
    out = []
    for i, line in enumerate(doc.lines):
        out.append(_marked(line.text, spans.get(i, [])))
    for i, line in enumerate(doc.furniture):
        if -1 - i in spans:
            out.append(_marked(line.text, spans[-1 - i]))
    return _page(call, "<pre>" + "\n".join(out) + "</pre>")


def _marked(text: str, marks: list[tuple[str, str | None]]) -> str:
    """A line with each field's match (else the whole line) highlighted; where matches overlap, one span
    carries all their fields, so every field has its own highlighted text."""
    if not marks:
        return html.escape(text)
    reach = []
    for field, match in marks:
        start = text.find(match) if match else -1
        reach.append((field, start, start + len(match)) if match and start >= 0 else (field, 0, len(text)))
    cuts = sorted({0, len(text), *(start for _, start, _ in reach), *(end for _, _, end in reach)})
    out = []
    for start, end in itertools.pairwise(cuts):
        fields = [field for field, first, last in reach if first <= start and end <= last]
        piece = html.escape(text[start:end])
        out.append(f'<span class="span" data-fields="{_ids(fields)}" title="{html.escape(", ".join(fields))}">{piece}</span>'
                   if fields else piece)
    return "".join(out)


def _ids(fields: list[str] | tuple[str, ...]) -> str:
    return " ".join(_id(field) for field in fields)


def _page(call: Call, body: str) -> str:
    title = html.escape(call.reference or (call.source.path if call.source and call.source.path else "notice"))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>vacancy explain: {title}</title>'
        f"<style>{CSS}</style></head><body><div id=\"fields\"><h2>{title}</h2>{_field_table(call)}</div>"
        f'<div id="doc">{body}</div><script>{SCRIPT}</script></body></html>\n'
    )

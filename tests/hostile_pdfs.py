"""Hostile PDFs and Word files written byte by byte for the tests (no binary fixtures are committed)."""

from __future__ import annotations

import io
import zipfile
import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_NOTICE = b"BT /F1 11 Tf 60 800 Td (Reference: EC/2026/ENV/300400) Tj 0 -16 Td (Job title: Policy Officer) Tj ET"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, object 1 the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, filters: int = 0) -> bytes:
    """A stream object holding `data`, Flate-encoded `filters` times."""
    for _ in range(filters):
        data = zlib.compress(data, 9)
    names = b" ".join([b"/FlateDecode"] * filters)
    return b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(data), names) + data + b"\nendstream"


def _page(contents: int, parent: int = 2) -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (parent, contents))


def pdf_with_pages(contents: list[bytes]) -> bytes:
    """A PDF with one page per content stream (objects: catalog, pages, font, then page and stream pairs)."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(contents)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)), _FONT]
    for i, content in enumerate(contents):
        objects += [_page(5 + 2 * i), content]
    return raw_pdf(objects)


def notice_pdf() -> bytes:
    """A good one-page notice."""
    return pdf_with_pages([stream(_NOTICE)])


def padded_pdf(mib: int) -> bytes:
    """The notice with an unused stream of `mib` MiB of zeros: a large PDF that reads quickly."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT,
                    _page(5), stream(_NOTICE), stream(b"\0" * (mib << 20))])


def damaged_page_pdf() -> bytes:
    """Two pages: the notice, then a page entry that is no page dictionary (PDFium: `Failed to load page.`)."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>", _FONT,
                    _page(5), stream(_NOTICE), b"42"])


def self_kids_pdf() -> bytes:
    """A page tree whose /Kids contains itself."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>", _FONT,
                    _page(5), stream(_NOTICE)])


def text_operator_bomb(count: int) -> bytes:
    """A page of `count` one-glyph text operators, Flate-compressed (readers make an object per glyph)."""
    ops = b"BT /F1 1 Tf " + b"(a) Tj " * count + b"ET"
    return pdf_with_pages([stream(_NOTICE), stream(ops, filters=1)])


def dense_page_pdf(count: int) -> bytes:
    """The notice and `count` one-glyph text operators on one page: PDFium reads it quickly, and pdfminer,
    which `vacancy explain --html` uses to find the words of each field's box on that page, slowly."""
    return pdf_with_pages([stream(_NOTICE + b" BT /F1 1 Tf " + b"(a) Tj " * count + b"ET", filters=1)])


def flate_bomb(mib: int) -> bytes:
    """A page whose content stream decodes, through two Flate filters, to `mib` MiB of spaces."""
    return pdf_with_pages([stream(_NOTICE), _bomb_stream(mib)])


def metadata_bomb(mib: int) -> bytes:
    """The notice, with a document metadata stream (`/Metadata`, XMP) that decodes to `mib` MiB."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT,
                    _page(5), stream(_NOTICE), _bomb_stream(mib, b"/Type /Metadata /Subtype /XML ")])


def _bomb_stream(mib: int, keys: bytes = b"") -> bytes:
    """A stream object that decodes, through two Flate filters, to `mib` MiB of spaces.

    The inner stream repeats one fully flushed deflate block of 1 MiB of spaces (a block that refers
    to nothing before it), so it is made in milliseconds whatever its decoded size.
    """
    block = b" " * (1 << 20)
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(mib):
        checksum = zlib.adler32(block, checksum)
    inner = first + again * (mib - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")
    data = zlib.compress(inner, 9)
    return b"<< %s/Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % (keys, len(data)) + data + b"\nendstream"


def docx_bomb(size: int) -> bytes:
    """A Word file whose document.xml inflates to about `size` bytes of paragraphs."""
    paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            chunk = paragraph * ((1 << 20) // len(paragraph))
            for _ in range(size // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def turned_pdf(lines: list[str], drawn: int, shown: int) -> bytes:
    """A page of these lines drawn turned `drawn` degrees counter-clockwise and shown turned `shown`
    degrees clockwise (`/Rotate`): one of the ways scanners, printers and editors lay out a page."""
    cos, sin = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}[drawn]
    x, y = {0: (60, 800), 90: (400, 60), 180: (535, 42), 270: (195, 780)}[drawn]  # the first line stays on the page
    text = b" 0 -16 Td ".join(b"(%s) Tj" % line.replace("(", r"\(").replace(")", r"\)").encode() for line in lines)
    content = b"%d %d %d %d %d %d cm BT /F1 11 Tf 0 0 Td %s ET" % (cos, sin, -sin, cos, x, y, text)
    page = _page(5).replace(b"/MediaBox", b"/Rotate %d /MediaBox" % shown)
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT, page, stream(content)])

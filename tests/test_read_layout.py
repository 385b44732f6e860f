"""PDF layout: wrapped lines joined into logical lines by both engines, and what stays apart."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from vacancy_cli.document import Line
from vacancy_cli.read import read_bytes
from vacancy_cli.read.pdf import _boxed, _lost_box
from vacancy_cli.read.pdfium import _BEYOND_BMP, _piece_text, _surrogate_pair

ENGINES = ("pdfium", "pdfplumber")
LEFT, WIDTH = 60.0, 420.0  # the text block: left margin and width

Item = tuple[str, float, float]  # one printed line: text, font size, space above it (points)


def _wrap(text: str, size: float) -> list[str]:
    """Words set into lines of the block's width, as a word processor or a browser wraps them."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and stringWidth(candidate, "Helvetica", size) > WIDTH:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def _paragraph(text: str, size: float = 10.0, gap: float = 8.0, leading: float = 1.2) -> list[Item]:
    """A paragraph's printed lines: `gap` above its first line, then lines `leading` x size apart."""
    return [(line, size, (gap if n == 0 else 0.0) + leading * size) for n, line in enumerate(_wrap(text, size))]


def _pdf(items: list[Item]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    y = 800.0
    for text, size, space in items:
        y -= space
        pdf.setFont("Helvetica", size)
        pdf.drawString(LEFT, y, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _lines(items: list[Item], engine: str) -> list[str]:
    document = read_bytes(_pdf(items), "notice.pdf", engine=engine)
    return [line.text for line in document.lines]


FILLER = (
    "The agency supports the member states in the common work of the union and offers a place where "
    "experts from every country meet, share what they learned and prepare the decisions of the board."
)
OTHER = (
    "Its staff of about two hundred people come from all member states, they work in five departments "
    "and the office of the director, who reports to the management board twice a year."
)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_wrapped_paragraph_is_one_line_with_the_union_of_its_boxes(engine: str) -> None:
    items = _paragraph(FILLER) + _paragraph("Second paragraph.")
    assert len(items) >= 4
    document = read_bytes(_pdf(items), "notice.pdf", engine=engine)
    assert [line.text for line in document.lines] == [FILLER, "Second paragraph."]
    first = document.lines[0].bbox
    assert first is not None and first[3] - first[1] > 2 * 10  # it spans the printed lines


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("head", "value"),
    [
        ("Vacancy of the office for a Finance Officer in the budget unit, temporary staff, job No", "714203"),
        ("Avis de vacance pour un poste de gestionnaire financier au sein de l'unité du budget, référence", "AB/2031/77"),
        ("Stellenausschreibung für eine Referentin oder einen Referenten im Referat Haushalt, Kennziffer", "XY-2031-09"),
    ],
)
def test_a_label_wrapped_from_its_value_is_joined(engine: str, head: str, value: str) -> None:
    # the head runs to the right edge, so the value did not fit after it
    size = WIDTH / stringWidth(head + " " + value[:2], "Helvetica", 1.0)
    items = [(head, size, 14.0), (value, size, 1.2 * size), *_paragraph(FILLER, size)]
    assert _lines(items, engine)[0] == f"{head} {value}"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("title", "fields"),
    [
        ("Financial Officer in the Budget and Procurement Unit of the Agency",
         ["Vacancy", "Reference: XYZ/2031/04", "Grade: AD 7", "Place of employment: Vienna", "Contract type: temporary agent",
          "Deadline: 3 March 2031"]),
        ("Gestionnaire financier dans l'unité du budget et des marchés de l'Agence",
         ["Avis de vacance", "Référence : XYZ/2031/04", "Grade : AD 7", "Lieu d'affectation : Vienne",
          "Type de contrat : agent temporaire", "Date limite : 3 mars 2031"]),
    ],
)
def test_one_line_paragraphs_spaced_after_stay_apart(engine: str, title: str, fields: list[str]) -> None:
    # a word processor's default style: lines 1.3 font sizes apart, paragraphs 0.5 more; most paragraphs are one line
    size = WIDTH / stringWidth(title + " Vac", "Helvetica", 1.0)
    items = [(title, size, 14.0), *[(field, size, 1.8 * size) for field in fields]]
    items += _paragraph(f"{FILLER} {OTHER}", size, gap=0.5 * size, leading=1.3)
    assert _lines(items, engine)[:3] == [title, *fields[:2]]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("contact", ["Contact {n}: Unit B.{n}, telephone +32 2 299 00 0{n}",
                                     "Kontakt {n}: Referat B.{n}, Telefon +32 2 299 00 0{n}"])
def test_a_block_set_closer_does_not_set_the_pitch_of_the_paragraphs(engine: str, contact: str) -> None:
    # paragraphs with lines 1.2 font sizes apart, then a shorter contact list set at 0.85: the paragraphs still join
    both = f"{FILLER} {OTHER}"
    items = _paragraph(both) + _paragraph(both) + _paragraph(both)
    items += [(contact.format(n=n), 10.0, (8.0 if n == 1 else 0.0) + 8.5) for n in range(1, 7)]
    assert _lines(items, engine)[:3] == [both, both, both]


@pytest.mark.parametrize("engine", ENGINES)
def test_lines_set_closer_than_their_font_size_still_join(engine: str) -> None:
    # a browser's line boxes overlap: 14 pt type on a 12 pt pitch, paragraphs 16 pt apart
    items = _paragraph(FILLER, size=14.0, gap=4.0, leading=12 / 14) + _paragraph(OTHER, size=14.0, gap=4.0, leading=12 / 14)
    assert _lines(items, engine) == [FILLER, OTHER]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_broken_after_a_hyphen_is_joined_without_a_space(engine: str) -> None:
    head = "The unit prepares the annual and the multi-"
    size = WIDTH / stringWidth(head + " ann", "Helvetica", 1.0)
    items = [(head, size, 14.0), ("annual work programmes of the agency.", size, 1.2 * size), *_paragraph(FILLER, size)]
    assert _lines(items, engine)[0] == "The unit prepares the annual and the multi-annual work programmes of the agency."


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("head", "rest", "whole"),
    [
        ("The post of Procurement Officer is offered in the unit for procure-", "ment and contracts of the office.",
         "Procurement"),
        ("Le poste de gestionnaire est ouvert dans l'unité de la communi-", "cation et de l'information du public.",
         "Communication"),
        ("DER POSTEN WIRD IM REFERAT FÜR HAUSHALT UND ÖFFENTLICHE BESCHAF-", "FUNG DER AGENTUR BESETZT.", "Beschaffung"),
    ],
)
def test_a_word_broken_by_hyphenation_is_joined_whole_when_the_document_writes_it_whole(
    engine: str, head: str, rest: str, whole: str
) -> None:
    size = WIDTH / stringWidth(head + " xx", "Helvetica", 1.0)
    items = [(head, size, 14.0), (rest, size, 1.2 * size), (f"{whole}: see below.", size, 3 * size)]
    broken = head.rsplit(" ", 1)[1]
    assert _lines(items, engine)[0] == f"{head[: -len(broken)]}{broken[:-1]}{rest}"


@pytest.mark.parametrize("engine", ENGINES)
def test_words_placed_one_by_one_without_space_characters_are_apart(engine: str) -> None:
    # TeX and justified text place each word on its own: the gap is the space (about a quarter of the font size)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    for row, words in enumerate([["Reference:", "EXT/31/044", "Agent"], ["Lieu", "d'affectation:", "Luxembourg"]]):
        x = LEFT
        for word in words:
            pdf.setFont("Times-Roman", 11)
            pdf.drawString(x, 700 - 30 * row, word)
            x += stringWidth(word, "Times-Roman", 11) + stringWidth(" ", "Times-Roman", 11)
    pdf.showPage()
    pdf.save()
    lines = [line.text for line in read_bytes(buffer.getvalue(), "notice.pdf", engine=engine).lines]
    assert lines == ["Reference: EXT/31/044 Agent", "Lieu d'affectation: Luxembourg"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "second",
    [
        "– Prepare briefings and minutes for the meetings of the board",  # a list item
        "Head of Unit:",  # a label alone on its line
        "Deadline for applications: 12 March 2031",  # a field label
        "☐ Brussels ☒ Luxembourg",  # tick boxes
    ],
)
def test_a_new_item_is_not_joined(engine: str, second: str) -> None:
    head = "The selected candidate will work with colleagues from several units on the following"
    size = WIDTH / stringWidth(head + " xx", "Helvetica", 1.0)
    items = [(head, size, 14.0), (second, size, 1.2 * size), *_paragraph(FILLER, size)]
    lines = _lines(items, engine)
    assert lines[0] == head
    assert lines[1].endswith(second[-10:])


@pytest.mark.parametrize("engine", ENGINES)
def test_what_ends_a_paragraph_is_not_joined(engine: str) -> None:
    wide = "A heading set in a larger type across the whole width of the text block"
    items = [
        (wide, WIDTH / stringWidth(wide + " xx", "Helvetica", 1.0), 14.0),  # a heading: another font size
        *_paragraph(FILLER),
        ("A short line that ends well before the margin", 10.0, 16.0),  # does not reach the right edge
        *_paragraph(OTHER, gap=10.0),  # a new paragraph further down
        *_paragraph(FILLER, gap=10.0),
    ]
    assert _lines(items, "pdfium") == [wide, FILLER, "A short line that ends well before the margin", OTHER, FILLER]


@pytest.mark.parametrize(
    ("piece", "text"),
    [
        ("X Brussels \x00 Luxembourg", "X Brussels ☐ Luxembourg"),  # a box glyph a browser printed without Unicode
        ("\uf0a8 Bruxelles \x00 Luxembourg", "\uf0a8 Bruxelles ☒ Luxembourg"),  # among empty boxes: the lost ticked one
        ("☐ Brüssel \x00 Luxemburg ☐ Sonstiges", "☐ Brüssel ☒ Luxemburg ☐ Sonstiges"),
        ("☒ Brussels \x00 Luxembourg", "☒ Brussels ☐ Luxembourg"),  # one is ticked: another empty box
        ("large\ufffe", "large-"),  # PDFium's hyphen at the end of a line
        ("Copenhagen \ud83c\udde9\ud83c\uddf0", "Copenhagen \U0001f1e9\U0001f1f0"),  # a surrogate pair, one character
    ],
)
def test_pdfium_pieces(piece: str, text: str) -> None:
    assert _piece_text(piece) == text


def test_a_character_beyond_the_bmp_is_two_indexes_as_pdfium_counts_it() -> None:
    units = _BEYOND_BMP.sub(_surrogate_pair, "Copenhagen \U0001f1e9\U0001f1f0 \U00010000\U0010ffff")
    assert units == "Copenhagen \ud83c\udde9\ud83c\uddf0 \ud800\udc00\udbff\udfff"
    assert units.encode("utf-16-le", "surrogatepass") == "Copenhagen \U0001f1e9\U0001f1f0 \U00010000\U0010ffff".encode("utf-16-le")


@pytest.mark.parametrize(
    ("text", "boxed"),
    [
        ("X Brussels (cid:0) Luxembourg", "X Brussels ☐ Luxembourg"),
        ("(cid:3) the following countries:", "☐ the following countries:"),
        ("Unit(cid:12)B.2", "Unit(cid:12)B.2"),  # inside a word: not a box
    ],
)
def test_pdfplumber_glyph_without_unicode_alone_is_a_box(text: str, boxed: str) -> None:
    assert _boxed(Line(text)).text == boxed


@pytest.mark.parametrize(
    ("text", "boxed"),
    [
        ("X Brussels \x00 Luxembourg", "X Brussels ☐ Luxembourg"),  # a glyph the font maps to U+0000
        ("\x00 Bruxelles X Strasbourg", "☐ Bruxelles X Strasbourg"),
        ("EXT\x00/31", "EXT\x00/31"),  # inside a word: no box (the clean-up drops it)
    ],
)
def test_pdfplumber_glyph_mapped_to_nul_alone_is_a_box(text: str, boxed: str) -> None:
    assert _lost_box(text) == boxed


def _placed_pdf(pages: list[list[tuple[str, float, float, float]]], size: float = 10.0) -> bytes:
    """Pages of strings placed at (x, y from the top, font size), each with a wide paragraph further down."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    for number, page in enumerate(pages):
        for text, x, top, font in page:
            pdf.setFont("Helvetica", font or size)
            pdf.drawString(x, A4[1] - top, text)
        pdf.setFont("Helvetica", size)
        for n, line in enumerate(_wrap((FILLER, OTHER)[number % 2], size)):
            pdf.drawString(LEFT, A4[1] - 440.0 - 12 * n, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("left", "right", "lines"),
    [
        ("Vacancy notice XY/31/07", "Project Officer", ["Vacancy notice XY/31/07", "Project Officer"]),  # a header's items
        ("Avis de vacance XY/31/07", "Bruxelles, le 3 mars 2031", ["Avis de vacance XY/31/07", "Bruxelles, le 3 mars 2031"]),
        ("Grade", "AD 6", ["Grade AD 6"]),  # a label and its value at a tab stop: one line
        ("Lieu d'affectation :", "Luxembourg", ["Lieu d'affectation : Luxembourg"]),
    ],
)
def test_pieces_of_one_baseline_far_apart_are_two_lines(engine: str, left: str, right: str, lines: list[str]) -> None:
    placed = [(left, LEFT, 100.0, 10.0), (right, 535.0 - stringWidth(right, "Helvetica", 10.0), 100.0, 10.0)]
    document = read_bytes(_placed_pdf([placed]), "notice.pdf", engine=engine)
    assert [line.text for line in document.lines][: len(lines)] == lines


@pytest.mark.parametrize("engine", ENGINES)
def test_a_block_of_labels_then_its_values_becomes_rows_with_both_boxes(engine: str) -> None:
    labels = ["Post number:", "Head of Unit:", "Place of secondment:"]
    values = ["MARE-C-2", "Ana PEREIRA", "Brussels"]
    placed = [(text, LEFT, 100.0 + 20 * n, 10.0) for n, text in enumerate(labels + values)]
    document = read_bytes(_placed_pdf([placed]), "notice.pdf", engine=engine)
    rows = [line for line in document.lines if line.cells]
    assert [row.cells for row in rows] == list(zip(labels, values, strict=True))
    first = rows[0].bbox
    assert first is not None and first[3] - first[1] > 60  # from the label down to its value


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("The successful candidate will", "join a team of twelve.", True),  # short of the edge, lower case
        ("Le candidat retenu rejoindra", "une équipe de douze personnes.", True),
        ("The office recruits officials as", "‘administrators’ for its legal service.", True),  # a quote opens
        ("Le bureau recrute des fonctionnaires en tant que", "« administrateurs » pour son service.", True),
        ("Applications close on 4 May 2031 at", "12:00 Brussels time.", False),  # a digit: maybe a footnote
        ("The successful candidate will join a team.", "more follows here.", False),  # a sentence ended
        ("HEAD OF THE LEGAL AFFAIRS SECTOR", "in the Directorate for Resources", False),  # an all-caps heading
    ],
)
def test_a_sentence_broken_short_of_the_edge(engine: str, first: str, second: str, joined: bool) -> None:
    items = [(first, 10.0, 14.0), (second, 10.0, 12.0), *_paragraph(FILLER)]
    lines = _lines(items, engine)
    assert (lines[0] == f"{first} {second}") is joined


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("CALL FOR EXPRESSIONS OF INTEREST FOR AUXILIARY CONTRACT", "STAFF MEMBERS – Profile 1: Economics", True),
        ("APPEL À MANIFESTATION D'INTÉRÊT POUR DES AGENTS CONTRACTUELS", "AUXILIAIRES JURISTES – Profil 2 : Droit", True),
        ("CALL FOR EXPRESSIONS OF INTEREST FOR AUXILIARY CONTRACT", "Staff members of the agency may apply", False),
        ("CALL FOR EXPRESSIONS OF INTEREST FOR AUXILIARY CONTRACT", "EU staff members may apply", False),
    ],
)
def test_a_heading_wrapped_in_capitals_at_the_edge(engine: str, first: str, second: str, joined: bool) -> None:
    # the heading's next line goes on in capitals (its first two words) before its mixed-case rest
    size = WIDTH / stringWidth(first + " xx", "Helvetica", 1.0)
    items = [(first, size, 14.0), (second, size, 1.2 * size), *_paragraph(FILLER, size)]
    assert (_lines(items, engine)[0] == f"{first} {second}") is joined


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sentence_goes_on_over_a_page_break(engine: str) -> None:
    one = [("Candidates must hold a diploma giving access to", LEFT, 500.0, 10.0)]
    two = [("doctoral studies in a relevant field.", LEFT, 80.0, 10.0)]
    lines = [line.text for line in read_bytes(_placed_pdf([one, two]), "notice.pdf", engine=engine).lines]
    assert "Candidates must hold a diploma giving access to doctoral studies in a relevant field." in lines


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("header", "footer"),
    [
        ("5/4/31, 9:41 AM Vacancy notice – Budget Officer", "https://jobs.example.eu/notice/77 1/1"),
        ("04.05.31, 09:41 Stellenausschreibung", "file:///home/user/Downloads/notice.html 1/1"),
    ],
)
def test_a_browser_print_header_and_footer_are_set_aside(engine: str, header: str, footer: str) -> None:
    placed = [(header, 30.0, 20.0, 8.0), *[(f"Paragraph {n} of the notice.", LEFT, 80.0 + 16 * n, 10.0) for n in range(3)],
              (footer, 30.0, 825.0, 8.0)]
    document = read_bytes(_placed_pdf([placed]), "notice.pdf", engine=engine)
    assert sorted(line.text for line in document.furniture) == sorted([header, footer])
    assert [line.text for line in document.lines][:3] == [f"Paragraph {n} of the notice." for n in range(3)]


def test_a_date_and_time_in_the_body_are_no_browser_header() -> None:
    placed = [("Vacancy notice", LEFT, 40.0, 10.0), ("04/05/2031, 12:00 noon Brussels time", LEFT, 56.0, 10.0)]
    document = read_bytes(_placed_pdf([placed]), "notice.pdf", engine="pdfium")
    assert "04/05/2031, 12:00 noon Brussels time" in [line.text for line in document.lines]


def test_columns_set_apart_by_a_wide_gap_become_rows() -> None:
    rows = [("Grade", "AD 7"), ("Dienstort", "Luxemburg"), ("Type of post", "Temporary agent"), ("Units", "TAXUD.A.1")]
    placed = [(text, x, 100.0 + 14 * n, 10.0) for n, row in enumerate(rows) for text, x in zip(row, (LEFT, 200.0), strict=True)]
    placed += [("TAXUD.A.2", 200.0, 100.0 + 14 * len(rows), 10.0), ("Any other line of the notice.", LEFT, 200.0, 10.0)]
    document = read_bytes(_placed_pdf([placed]), "notice.pdf", engine="pdfium")
    assert [line.cells for line in document.lines][:5] == [*rows[:3], ("Units", "TAXUD.A.1 TAXUD.A.2"), ()]


def test_two_gapped_lines_are_no_table() -> None:
    placed = [("Grade", LEFT, 100.0, 10.0), ("AD 7", 200.0, 100.0, 10.0), ("Posts", LEFT, 114.0, 10.0), ("2", 200.0, 114.0, 10.0)]
    document = read_bytes(_placed_pdf([placed]), "notice.pdf", engine="pdfium")
    assert [line.text for line in document.lines][:2] == ["Grade AD 7", "Posts 2"]
    assert not any(line.cells for line in document.lines)


@pytest.mark.parametrize(
    ("texts", "joined"),
    [
        (["multi-", "annual"], "multi-annual"),
        (["EFCA/2026/TA/", "AD5/02"], "EFCA/2026/TA/AD5/02"),
        (["Head of", "Unit", "B.2"], "Head of Unit B.2"),
        (["a", "-", "b"], "a - b"),
        (["x-", "", "y"], "x-  y"),
        (["alone"], "alone"),
    ],
)
def test_join_texts_joins_left_to_right_as_join_text_does(texts: list[str], joined: str) -> None:
    import functools

    from vacancy_cli.read.layout import join_text, join_texts

    assert join_texts(texts) == joined == functools.reduce(join_text, texts)


def test_a_paragraph_of_many_lines_is_joined_in_linear_time() -> None:
    import time

    from vacancy_cli.read.layout import join_paragraphs

    text = "words of a paragraph that goes on and on, wrapped by the word processor at the right edge of its block"
    lines = [Line(text=text, page=1, bbox=(60.0, 100.0 + 12 * i, 480.0, 110.0 + 12 * i)) for i in range(20_000)]
    start = time.process_time()
    (paragraph,) = join_paragraphs(lines)
    assert time.process_time() - start < 5, "the paragraph's text is copied or searched again for every line"
    assert paragraph.text == " ".join([text] * len(lines)) and paragraph.bbox == (60.0, 100.0, 480.0, 110.0 + 12 * 19_999)

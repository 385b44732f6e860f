"""Text reader: encodings, tables, markup, tick boxes, page furniture."""

from __future__ import annotations

import codecs

import pytest

from vacancy_cli import parse_bytes
from vacancy_cli.errors import InputError
from vacancy_cli.read.clean import clean_line, strip_footnote_markers
from vacancy_cli.read.text import read_text

NOTICE = "Job title: Policy Officer\nPlace of employment: Bruxelles\nDeadline: 3 février 2026\nContact: café@ec.europa.eu"


@pytest.mark.parametrize(
    "data",
    [
        NOTICE.encode("utf-8"),
        codecs.BOM_UTF8 + NOTICE.encode("utf-8"),
        NOTICE.encode("utf-16"),
        NOTICE.encode("utf-16-le"),
        NOTICE.encode("utf-16-be"),
        NOTICE.encode("cp1252"),
        NOTICE.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf16be-no-bom", "cp1252", "crlf"],
)
def test_encodings(data: bytes) -> None:
    call = parse_bytes(data, "notice.txt")
    assert (call.job_title, call.place_of_employment, call.deadline) == ("Policy Officer", ["Brussels"], "2026-02-03")


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        read_text(bytes(range(256)) * 20, "x.txt")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("**Job title\\*:** ICT Officer", "Job title: ICT Officer"),
        ("## Heading", "Heading"),
        ("See [the page](https://example.org) now", "See the page now"),
        ("Knowledge<sup>2</sup> of French", "Knowledge of French"),
        ('<input checked="" type="checkbox"/> Luxemburg <input type="checkbox"/> Brussels', "☒ Luxemburg ☐ Brussels"),
        ("\uf0b7 Bullet text", "Bullet text"),
        ("\uf0fe Yes \uf0a8 No", "☒ Yes ☐ No"),
        ("◉ Cost-free ○ With allowances", "☒ Cost-free ☐ With allowances"),
        # HTML character references left in a text export; a bare `&` and unknown names stay
        ("IT &amp; Facilities &ndash; Unit&nbsp;B.2", "IT & Facilities – Unit B.2"),
        ("Chef d&#8217;unité &#x2013; R&D &foo; AT&T", "Chef d’unité – R&D &foo; AT&T"),
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Nationals of Sweden1 and Austria", "Nationals of Sweden and Austria"),
        ("2 year(s)1", "2 year(s)"),
        ("12:00 h3 Brussels time", "12:00 h Brussels time"),
        ("Administrator1", "Administrator"),
        ("Unit A5 and CNECT.A5", "Unit A5 and CNECT.A5"),
        ("see note [2] here", "see note  here"),
        ("Article 29(2) applies", "Article 29(2) applies"),
    ],
)
def test_footnote_markers(raw: str, clean: str) -> None:
    assert strip_footnote_markers(raw) == clean


def test_tab_and_markdown_rows_become_cells() -> None:
    doc = read_text(b"Type of contract\tContract Staff\n| Place of employment | Brussels |\n|---|---|\n", "t.md")
    assert [line.cells for line in doc.lines] == [("Type of contract", "Contract Staff"), ("Place of employment", "Brussels")]


def test_repeated_footers_and_page_numbers_are_set_aside() -> None:
    footer = "(Reference: Call for interest EC/2026/AGRI/100200)"
    pages = [f"Body text of page {n}.\n{footer}\nPage {n} of 3" for n in (1, 2, 3)]
    doc = read_text("\f".join(pages).encode(), "f.txt")
    assert all("Reference" not in line.text and "Page" not in line.text.split()[0] for line in doc.lines)
    assert len(doc.furniture) == 6
    assert doc.pages == 3


def test_a_title_case_heading_is_not_joined_to_the_next_heading() -> None:
    text = ("AGENCY NOTICE\nRef. XYZ/2026/01\nSenior Specialist for Market Surveillance Laboratory\n"
            "Directorate B – Markets and Supervision\nUnit B.2 – Data\n")
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert "Senior Specialist for Market Surveillance Laboratory" in lines
    assert "Directorate B – Markets and Supervision" in lines


def test_a_wrapped_sentence_is_still_joined() -> None:
    long = "The selected candidate will coordinate the preparation of technical meetings with experts of"
    text = f"Short line\n{long}\nMember States and will draft reports.\n"
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert f"{long} Member States and will draft reports." in lines


@pytest.mark.parametrize("annotation", ["(DG-DIR-UNIT)", "(if applicable)", "(dd/mm/yyyy)"])
def test_an_annotation_under_a_label_does_not_shift_a_label_block(annotation: str) -> None:
    text = (f"Post identification:\n{annotation}\nHead of Unit:\nNumber of available posts:\nPlace of secondment:\n"
            "ENV-B-3\nJane DOE\n1\nBrussels\n")
    rows = {line.cells[0]: line.cells[1] for line in read_text(text.encode(), "n.txt").lines if line.cells}
    assert rows == {f"Post identification {annotation}:": "ENV-B-3", "Head of Unit:": "Jane DOE",
                    "Number of available posts:": "1", "Place of secondment:": "Brussels"}


def test_a_row_with_spaced_bars_and_no_outer_bars_is_a_table_row() -> None:
    text = "Title of the post | Budget Officer\nDeadline | 28/08/2031 – 12:00\nA sentence | with a bar in the middle of a long line of prose text that goes on.\n"
    rows = [line.cells for line in read_text(text.encode(), "n.txt").lines]
    assert rows[:2] == [("Title of the post", "Budget Officer"), ("Deadline", "28/08/2031 – 12:00")]


@pytest.mark.parametrize(
    ("raw", "cells"),
    [
        ("Grade            AD 7", ("Grade", "AD 7")),
        ("Dienstort        Luxemburg", ("Dienstort", "Luxemburg")),
        ("Type de contrat    Agent temporaire\t", ("Type de contrat", "Agent temporaire")),
        ("Lieu   ☒ Bruxelles   ☐ Luxembourg", ("Lieu", "☒ Bruxelles", "☐ Luxembourg")),
        ("2.    Main duties", ()),  # a numbered heading
        ("IV.   CONDITIONS", ()),
        ("☐ Avec indemnités    ☒ Sans frais", ()),  # tick boxes, no label
        ("C/2031/0042                          4.5.2031", ()),  # a reference and a date
    ],
)
def test_columns_set_by_spaces_become_cells(raw: str, cells: tuple[str, ...]) -> None:
    assert read_text(f"{raw}\n".encode(), "n.txt").lines[0].cells == cells


def test_a_value_set_under_its_column_goes_on_with_the_row() -> None:
    text = "Units       FISC.A.1 – Customs law\n            FISC.A.2 – Tariffs\nSeats       2\nA sentence.\n"
    lines = read_text(text.encode(), "n.txt").lines
    assert [line.cells for line in lines[:2]] == [("Units", "FISC.A.1 – Customs law FISC.A.2 – Tariffs"), ("Seats", "2")]


@pytest.mark.parametrize(
    "heading",
    ["Vidaus rinkos, pramonės, verslumo ir mažųjų ir vidutinių įmonių generalinis direktoratas",
     "Generaldirektion Binnenmarkt, Industrie, Unternehmertum und kleine und mittlere Unternehmen"],
)
def test_a_blank_line_ends_a_paragraph(heading: str) -> None:
    text = f"{heading}\n\nAVIS DE VACANCE POUR UN POSTE\nA long line of prose that runs to the usual width of the text here\nand a short one.\n"
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert lines[:2] == [heading, "AVIS DE VACANCE POUR UN POSTE"]


@pytest.mark.parametrize(
    "crumbs",
    ["Jobs › Open calls › Budget Assistant", "Accueil » Carrières » Postes vacants", "Start > Karriere > Stellen > Referent/in"],
)
def test_a_breadcrumb_trail_is_set_aside(crumbs: str) -> None:
    doc = read_text(f"{crumbs}\nVACANCY NOTICE\nBudget Assistant\n".encode(), "n.txt")
    assert [line.text for line in doc.furniture] == [crumbs]
    assert doc.lines[0].text == "VACANCY NOTICE"


def test_quotes_and_comparisons_are_no_breadcrumb() -> None:
    text = "Le poste « Agent temporaire » et « Agent contractuel » est ouvert.\nIf a > b and b > c then a > c.\n"
    assert len(read_text(text.encode(), "n.txt").lines) == 2


@pytest.mark.parametrize(("typed", "box"), [("[X]", "☒"), ("[x]", "☒"), ("[ ]", "☐"), ("[  ]", "☐")])
def test_boxes_typed_as_text_are_boxes(typed: str, box: str) -> None:
    line = read_text(f"Place of secondment: {typed} Brussels\n".encode(), "n.txt").lines[0]
    assert f"{box} Brussels" in line.text


def test_a_footnote_in_brackets_is_no_box() -> None:
    assert "☐" not in read_text(b"Brussels [2] and Luxembourg\n", "n.txt").lines[0].text


def test_a_row_value_wrapped_onto_a_line_with_an_empty_label_cell_goes_on() -> None:
    text = "Job title | Officer for\n| Regional and Urban Policy\nPlace | Brussels\n"
    rows = [line.cells for line in read_text(text.encode(), "n.txt").lines]
    assert rows == [("Job title", "Officer for Regional and Urban Policy"), ("Place", "Brussels")]


def test_a_short_wrapped_line_does_not_pull_in_the_next_field() -> None:
    text = ("Short\nProject Officer - Support to the analysis of secure supplies of critical\nraw materials\n"
            "Member of the contract staff, Function Group IV\nPlace of employment Ispra (IT)\n")
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert "Project Officer - Support to the analysis of secure supplies of critical raw materials" in lines


def test_a_hard_wrapped_paragraph_of_many_lines_is_joined_in_linear_time() -> None:
    import time

    from vacancy_cli.document import Line
    from vacancy_cli.read.text import join_wrapped

    text = "words of a paragraph that goes on, hard-wrapped at seventy characters by a"
    start = time.process_time()
    (paragraph,) = join_wrapped([Line(text=text) for _ in range(20_000)])
    assert time.process_time() - start < 3, "the paragraph's text is copied again for every line"
    assert paragraph.text == " ".join([text] * 20_000)


def _wrapped_at(words: str, width: int) -> str:
    """`words` broken before the word that would run a line past `width`, as a tool wraps text."""
    lines, line = [], ""
    for word in words.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line]) + "\n"


@pytest.mark.parametrize(
    "prose",
    ["The Agency for Coastal Monitoring opens a selection for one Senior Marine Observation Systems "
     "Engineer (2 posts) who will join its Lisbon Office and take part in the work of the Data Unit "
     "on instruments, buoys and satellite feeds for several seasons.",
     "La Agencia de Vigilancia Costera abre un procedimiento para el puesto de Jefe del Sector de Sistemas "
     "Oceanográficos (AD 8) en su Oficina Lisboa Norte, que trabajará con la Unidad de Datos sobre "
     "instrumentos, boyas y satélites durante varias campañas."],
)
def test_a_capitalised_word_wrapped_by_a_tool_goes_on_from_the_line_above(prose: str) -> None:
    lines = [line.text for line in read_text(_wrapped_at(prose, 70).encode(), "n.txt").lines]
    assert lines == [prose]


def test_a_heading_the_next_word_would_have_fitted_after_is_not_joined() -> None:
    prose = ("The selected candidate will coordinate the preparation of technical meetings with experts "
             "of the Member States and will draft the reports of those meetings for the management.")
    heading = "Senior Specialist for Market Surveillance of Medical Devices Section"
    text = f"{heading}\nUnit B.2 – Data\n{_wrapped_at(prose, 80)}"
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert lines[:2] == [heading, "Unit B.2 – Data"]


@pytest.mark.parametrize(
    ("text", "joined"),
    [("Ref: XYZ/2026/TA/04 Call for a Budget Officer in the Finance Unit Post: Senior Financial\n"
      "Officer Unit/Sector: Budget and Accounts Place of employment: Valletta, Malta\n",
      "Post: Senior Financial Officer Unit/Sector: Budget"),
     ("Réf. : ABC/2026/AD/11 Appel à candidatures de l'Autorité Intitulé du poste : Conseiller\n"
      "Juridique Principal Lieu d'affectation : Luxembourg, à partir du mois de septembre\n",
      "Intitulé du poste : Conseiller Juridique Principal Lieu d'affectation : Luxembourg")],
)
def test_words_run_into_a_label_end_the_value_wrapped_above(text: str, joined: str) -> None:
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert len(lines) == 1 and joined in lines[0]


def test_a_line_opening_with_its_own_label_stays_a_new_line() -> None:
    text = ("Ref: XYZ/2026/TA/04 Call for a Budget Officer in the Finance Unit Post: Senior Financial\n"
            "Place of employment: Valletta, Malta, with missions to the other offices of the Agency\n")
    assert len(read_text(text.encode(), "n.txt").lines) == 2


@pytest.mark.parametrize(
    "prose",
    ["Die Agentur für Küstenüberwachung sucht für ihre Dienststelle in Lissabon eine Referentin oder einen "
     "Referenten für Datenanalyse, die oder der die Leitung des Referats bei der Planung der Messkampagnen "
     "unterstützt, die Ergebnisse der Bojen und der Satelliten mit den nationalen Behörden abstimmt und "
     "regelmäßig Berichte für den Verwaltungsrat und den wissenschaftlichen Ausschuss der Agentur erstellt, "
     "die auch an die zuständigen Stellen der Kommission und an die betroffenen Mitgliedstaaten gehen.",
     "The Agency for Coastal Monitoring seeks a Senior Data Analyst for its Lisbon Office who will support "
     "the Head of Unit in planning Measurement Campaigns, will compare the readings of buoys and satellites "
     "with the national authorities concerned and will draft regular Reports for the Management Board "
     "and the Scientific Committee of the Agency."],
)
def test_a_text_wrapped_narrow_is_joined_at_capitalised_words_too(prose: str) -> None:
    lines = [line.text for line in read_text(_wrapped_at(prose, 50).encode(), "n.txt").lines]
    assert lines == [prose]


def test_a_form_of_short_lines_is_not_taken_for_a_narrow_wrap() -> None:
    text = ("SECONDED NATIONAL EXPERTS TO THE MARITIME AGENCY\nDirectorate-General:\nMARE\n"
            "Unit: / C – Fisheries Control and Inspection Policy\n3 – Data and Satellite Systems\n"
            "Head of Unit: / Ana PEREIRA\nPlace of secondment: / Lisbon\n")
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert lines[:2] == ["SECONDED NATIONAL EXPERTS TO THE MARITIME AGENCY", "Directorate-General:"]
    assert "3 – Data and Satellite Systems" in lines


@pytest.mark.parametrize("item", ["Lieu d'affectation:", "2 – Contrôle des pêches"])
def test_a_bare_label_or_a_numbered_item_starts_a_new_line(item: str) -> None:
    prose = ("L'Agence de contrôle des pêches recrute un administrateur chargé des systèmes de données de "
             "l'unité, qui travaillera avec les services d'inspection des États membres et de la Commission")
    text = f"{prose}\n{item}\nVigo\n"
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert item in lines


@pytest.mark.parametrize(
    ("first", "second"),
    [("Ref: XYZ/2026/TA/04 Call for a Budget Officer in the Finance Unit. Closing Date for",
      "Applications: 14 May 2026 at 12:00 noon, Brussels time, by the online form only"),
     ("CONVOCATORIA PARA AGENTES CONTRACTUALES DE LA AGENCIA Grupo de funciones",
      "IV: Analista de datos marítimos PARA CONTRATOS EN LA SEDE DE LA AGENCIA, VIGO")],
)
def test_a_label_broken_over_two_lines_joins_them(first: str, second: str) -> None:
    lines = [line.text for line in read_text(f"{first}\n{second}\n".encode(), "n.txt").lines]
    assert lines == [f"{first} {second}"]


def test_an_upper_case_heading_wrapped_by_a_tool_is_one_line() -> None:
    prose = _wrapped_at("The Office supports the Executive Director in the preparation of the meetings of the "
                        "Board and in the follow-up of its decisions and opinions.", 70)
    heading = "SENIOR ASSISTANT - PLANNING COORDINATOR IN THE EXECUTIVE DIRECTOR'S OFFICE"
    text = f"{_wrapped_at(heading, 70)}MAR/2026/CA/FGIII/014\n\n{prose}"
    assert read_text(text.encode(), "n.txt").lines[0].text == heading


@pytest.mark.parametrize(
    "prose",
    ["The Board endorsed the creation of a Coastal Monitoring Service (CMS)\nin the next budget and asked the Agency to prepare it.\n",
     "Le conseil a approuvé la création d'un service de surveillance côtière (SSC)\ndans le prochain budget et a chargé l'Agence de le préparer.\n"],
)
def test_a_bracket_at_the_end_of_a_line_does_not_end_a_sentence_that_goes_on(prose: str) -> None:
    assert [line.text for line in read_text(prose.encode(), "n.txt").lines] == [prose.replace("\n", " ").strip()]


def test_a_bracketed_annotation_still_ends_its_heading() -> None:
    text = "Data Steward (AD 6)\nReference: AGY/TA/2031/02\n"
    assert [line.text for line in read_text(text.encode(), "n.txt").lines] == ["Data Steward (AD 6)", "Reference: AGY/TA/2031/02"]


@pytest.mark.parametrize(
    "controls",
    [("Print this page", "Share", "EN"), ("Imprimer cette page", "Partager", "FR / EN / DE"), ("Seite drucken", "Teilen", "DE")],
)
def test_a_web_page_s_controls_are_set_aside(controls: tuple[str, ...]) -> None:
    text = "\n".join(controls) + "\n\nMarine Data Steward\nReference number\nAGY/CAST/2031/7\n"
    doc = read_text(text.encode(), "n.txt")
    assert [line.text for line in doc.furniture] == list(controls)
    assert parse_bytes(text.encode(), "n.txt").job_title == "Marine Data Steward"


@pytest.mark.parametrize("line", ["Share of posts filled by women", "de", "HR", "Printing and publishing officer"])
def test_words_of_a_notice_are_no_page_controls(line: str) -> None:
    assert not read_text(f"{line}\n".encode(), "n.txt").furniture


@pytest.mark.parametrize(
    ("first", "second"),
    [("Ο Οργανισμός Ακτών προκηρύσσει μία θέση αναλυτή",
      "δεδομένων για το γραφείο του στη Λισαβόνα."),
     ("Агенцията за крайбрежието обявява една длъжност",
      "анализатор на данни за своя офис в Лисабон.")],
)
def test_a_line_going_on_in_lower_case_of_any_script_is_joined(first: str, second: str) -> None:
    lines = [line.text for line in read_text(f"Ref. AGY/2031/5\n{first}\n{second}\n".encode(), "n.txt").lines]
    assert lines == ["Ref. AGY/2031/5", f"{first} {second}"]


@pytest.mark.parametrize(
    ("first", "second"),
    [("internal NOTICE OF VACANCY TO DRAW UP A LIST of suitable candidates",
      "ANALYST IN coastal monitoring and maritime surveillance data policies"),
     ("externe AVIS DE VACANCE POUR ÉTABLIR UNE LISTE de candidats qualifiés",
      "ANALYSTE EN données de surveillance côtière et maritime pour l'Agence")],
)
def test_words_in_capitals_after_a_lower_case_word_start_a_heading(first: str, second: str) -> None:
    lines = [line.text for line in read_text(f"{first}\n{second}\n".encode(), "n.txt").lines]
    assert lines == [first, second]


def test_words_in_capitals_after_a_connector_go_on_with_the_sentence() -> None:
    text = ("The jobholder will represent the Agency in the meetings of the expert group chaired by the\n"
            "EEAS HQ and will report on their outcome to the Executive Director of the Agency.\n")
    assert len(read_text(text.encode(), "n.txt").lines) == 1


_PROSE = ("The Agency is organising a selection procedure to draw up a reserve list of candidates for the post "
          "described below; the jobholder will advise the Executive Director on the monitoring of the coasts.")


@pytest.mark.parametrize(
    ("header", "title", "kind"),
    [("EUROPEAN COASTAL MONITORING AGENCY - VACANCY NOTICE REF. AGY/2031/TA/17",
      "SENIOR MARINE DATA ANALYST", "TEMPORARY AGENT (AD 8)"),
     ("AGENCE EUROPÉENNE DE SURVEILLANCE CÔTIÈRE - AVIS DE VACANCE RÉF. AGY/2031/17",
      "ANALYSTE PRINCIPAL DES DONNÉES", "AGENT TEMPORAIRE (AD 8)")],
)
def test_a_heading_in_capitals_after_a_complete_header_in_capitals_is_not_joined(header: str, title: str, kind: str) -> None:
    text = f"{header}\n{title}\n{kind}\n\n{_wrapped_at(_PROSE, 72)}"
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert lines[:3] == [header, title, kind]


@pytest.mark.parametrize(
    "heading",
    ["SENIOR ASSISTANT - PLANNING COORDINATOR IN THE EXECUTIVE OFFICE OF THE MARINE DATA UNIT",
     "ASSISTANT PRINCIPAL - COORDINATEUR DE LA PLANIFICATION DANS LE BUREAU DE LA DIRECTION GÉNÉRALE"],
)
def test_a_heading_in_capitals_broken_after_a_connector_is_joined(heading: str) -> None:
    text = f"{_wrapped_at(heading, 72)}AGY/2031/CA/FGIII/014\n\n{_wrapped_at(_PROSE, 72)}"
    assert read_text(text.encode(), "n.txt").lines[0].text == heading


_NARROW_PROSE = ("The Agency is looking for an expert to help with the drafting of the coastal data schemes and "
                 "to support the national authorities in the implementation of the framework. The jobholder "
                 "will report to the head of unit and will work closely with the services of the Member States.")


@pytest.mark.parametrize(
    ("header", "title"),
    [("European Agency for Coastal Monitoring ECMA", "Marine Data Quality Expert (AD 6)"),
     ("Agencia Europea de Vigilancia Costera AEVC", "Experto Principal en Datos Marinos (AD 6)")],
)
def test_in_narrow_text_a_title_after_a_name_ending_in_an_acronym_is_not_joined(header: str, title: str) -> None:
    text = f"{header}\n{title}\nReference: AGY-TA-2031-04\n\n{_wrapped_at(_NARROW_PROSE, 46)}"
    lines = [line.text for line in read_text(text.encode(), "n.txt").lines]
    assert lines[:2] == [header, title]


@pytest.mark.parametrize(("label", "code"), [("Directorate-General:", "HR"), ("Directorate-General:", "IT"),
                                             ("Generaldirektion:", "DE"), ("Language of the post:", "EN"),
                                             ("Lingua:", "MT")])
def test_one_language_code_alone_is_a_value_not_page_controls(label: str, code: str) -> None:
    text = f"Marine Data Steward\n{label}\n{code}\nDeadline: 3 March 2031\n"
    doc = read_text(text.encode(), "n.txt")
    assert not doc.furniture
    assert code in [line.text for line in doc.lines] or any(line.text.endswith(f" {code}") for line in doc.lines)


def test_a_directorate_general_given_by_its_code_alone_is_read() -> None:
    text = "Vacancy notice\nMarine Data Steward\nDirectorate-General:\nHR\nDeadline: 3 March 2031\n"
    assert parse_bytes(text.encode(), "n.txt").dg == "HR"


@pytest.mark.parametrize("switcher", ["BG ES CS", "EN / FR / DE", "DE · EN"])
def test_a_language_switcher_of_two_codes_or_more_is_page_controls(switcher: str) -> None:
    text = f"{switcher}\n\nMarine Data Steward\nReference number\nAGY/CAST/2031/7\n"
    assert [line.text for line in read_text(text.encode(), "n.txt").furniture] == [switcher]


@pytest.mark.parametrize(
    ("text", "clean"),
    [("&#0;z", "z"), ("Data&#x0;Steward", "DataSteward"), ("R&amp;D&#1;", "R&D"), ("a&#9;b", "a b"),
     ("a&#xD800;b", "ab"), ("a&#xFFFF;b", "ab"), ("a&#xFDD0;b", "ab"), ("a&#1114112;b", "ab"),
     ("Référence&#160;: AGY&#8211;17", "Référence : AGY–17")],
)
def test_a_character_reference_to_no_character_goes(text: str, clean: str) -> None:
    assert clean_line(text) == clean


@pytest.mark.parametrize(
    ("first", "second"),
    [("Following the corrigendum published on 2 March 2031 the closing date of this selection is extended",
      "Extended deadline: 20 March 2031 at 12:00 noon, Brussels time"),
     ("Following the corrigendum published on 2 March 2031 the closing date of this selection is extended",
      "NEW Deadline: 20 March 2031 at 12:00 noon, Brussels time"),
     ("The post is offered to successful candidates at the grade and step set out in the table below and",
      "Salary Grade: AD 7, step 1, with the allowances of the Staff Regulations"),
     ("À la suite du rectificatif publié le 2 mars 2031 la date de clôture de cette sélection est reportée",
      "Nouvelle date limite : 20 mars 2031 à 12 heures, heure de Bruxelles")],
)
def test_words_opening_a_line_before_its_label_are_the_label_s(first: str, second: str) -> None:
    lines = [line.text for line in read_text(f"{first}\n{second}\n".encode(), "n.txt").lines]
    assert lines == [first, second]

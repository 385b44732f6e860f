"""The reference extractor over the wordings of formats.md (own fixtures, not seed text)."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please quote the call for interest reference EC/2026/MOVE/512344 in the subject.", "EC/2026/MOVE/512344"),
        ("Selection of policy assistants (Ref.: Call EC-2026-TAXUD-03)", "EC-2026-TAXUD-03"),
        ("Reference: COM/2026/20118Deadline for applications: 19/03/2026", "COM/2026/20118"),
        ("Vacancy notice COM/2026/10012\nDirector (AD 14)", "COM/2026/10012"),
        ("VACANCY NOTICE – 2026-JRC.D.\n3-IPR-FGIV-001234\nPlace of employment: Ispra (IT)", "2026-JRC.D.3-IPR-FGIV-001234"),
        ("Post identification: AGRI-D-1 (DG-DIR-UNIT)\nHead of Unit: J. Smith", "AGRI-D-1"),
        ("Post identification: (DG-DIR-UNIT) RTD-A-3", "RTD-A-3"),
        ("REF.: FRONTEX/2026/TA/012\nClosing date: 8 July 2026", "FRONTEX/2026/TA/012"),
        ("Job No 438866\nDivision RM.BHR.6", "438866"),
        ("Notice No 22/26 – Head of Unit", "22/26"),
        ("Post number in sysper: 401122\nType of secondment", "401122"),
        ("Ref. Ares(2026)2398450 - 14/03/2026\nVacancy notice EUAA/2026/TA/010", "EUAA/2026/TA/010"),
        ("Référence : PE/310/2026/S", "PE/310/2026/S"),
        ("Ares(2026)2398450\nOJ C 123, 2026/C 136 A/01", None),
        # `Ref.` without a colon, also inside a title's parentheses
        ("Ref. ACER-2026-TA-07 | March 2026\nPolicy Officer", "ACER-2026-TA-07"),
        ("SECONDMENT NOTICE Expert in Air Traffic Flows (2 years - ref. SN042)", "SN042"),
        # the labels and introducing words of other languages
        ("Referencia: EUIPO/TA/2026/012\nPlazo: 3 de marzo de 2026", "EUIPO/TA/2026/012"),
        ("Rif.: ECHA/TA/2026/05", "ECHA/TA/2026/05"),
        ("Nr ref.: FRA-2026-TA-03", "FRA-2026-TA-03"),
        ("BANDO DI ASSUNZIONE PE/311/S\nAGENTE TEMPORANEO", "PE/311/S"),
        ("Notice of vacancy OMB/7/2026 - Head of Unit", "OMB/7/2026"),
        # a reference's trailing part kept whole
        ("Referentie : PE/402/2026/S/FINS\nPlaats : Brussel", "PE/402/2026/S/FINS"),
        ("Dienst : Directoraat-generaal\nAANKONDIGING VAN AANWERVING PE/402/2026/S/FINS", "PE/402/2026/S/FINS"),
        # an identifier of a body's prefix on its own line, before its title or its label
        ("EFSA/Y/AST/2026/04 Requisition #\nData Officer", "EFSA/Y/AST/2026/04"),
        ("Executive Office\nEURAIL.2026.03\nThe joint undertaking is looking for assistants", "EURAIL.2026.03"),
        ("BEREC/2026/01 – Administrative Assistant", "BEREC/2026/01"),
        ("XYZ-HR-2026-07 – Data Analyst\nThe Authority is recruiting", "XYZ-HR-2026-07"),
        ("Data Analyst (QRS/2026/07)\n(2026/C 12 A/01)", "QRS/2026/07"),
        ("Director (C/2026/5265)\n(2026/C 12 A/01)", None),
        ("Assistant – EEAS RM.BHR.7 – Support\nThe Division (RM.BHR.7) pays staff.", None),
        # a body-prefixed code after a unit or division word is the unit's
        ("Vacancy notice\nTemporary agent (AD 6)\nUnit ERCEA.B.6 (Platforms) manages the programme.", None),
        ("Avis de vacance\nAgent temporaire (AD 6)\nUnité CINEA.C.3 (Plateformes)", None),
        ("Vacancy notice\nERCEA.2026.06 – Project Officer", "ERCEA.2026.06"),
        # a reference after `Head of Unit` / `Chef de secteur` is not a unit's code
        ("Vacancy notice for the post of Head of Unit XYZA-TA-2031-09\nTemporary agent, AD 9", "XYZA-TA-2031-09"),
        ("Agence européenne\nChef de secteur QRSA/TA/AD/2031/04\nAgent temporaire, AD 8", "QRSA/TA/AD/2031/04"),
        # a space before a separator is a line break's trace
        ("Open call for expression of interest\nERA/SNE/2026/004 -SAF", "ERA/SNE/2026/004-SAF"),
        # a cover list's blank reference is not one; the notice's own is
        ("COM/2026/ /C 99 A/02 Director COM/2026/10444 (2026/C 99 A/01)", "COM/2026/10444"),
        # Cyrillic look-alike capitals repaired
        ("\u0421\u041e\u041c/\u0422\u0410/ENV/26/AD7\nSELECCIÓN DE AGENTES TEMPORALES", "COM/TA/ENV/26/AD7"),
        # an SNE post identification wins over the Sysper number
        ("DG – Directorate – Unit COMP-H-7\nPost number in sysper: 382211", "COMP-H-7"),
        ("Post identification:\n(DG-DIR-UNIT) / HR-DS-2-CI\nDirectorate-General: / DG HR", "HR-DS-2-CI"),
        ("AVIS DE VACANCE D'EXPERT NATIONAL DÉTACHÉ\nNuméro de poste dans Sysper : 412233\nType de détachement", "412233"),
        # a cover list of several posts, none labelled as the notice's own: which one is not stated
        ("SNE vacancies\nCOMP-E-1 10.05.2031\nEMPL-B-2 31.05.2031\nPlace of secondment: Brussels", None),
        ("Postes END\nCOMP-E-1 10.05.2031\nEMPL-B-2 31.05.2031\nNuméro de poste dans Sysper : 412233", "412233"),
        ("SNE vacancy\nCOMP-E-1 10.05.2031\nThe unit COMP-E-1 handles mergers.", "COMP-E-1"),
    ],
)
def test_reference(text: str, expected: str | None) -> None:
    assert parse_text(text).reference == expected


def test_reference_in_repeated_footer_only() -> None:
    footer = "(Reference: Call for interest EC/2026/GROW/700001)"
    text = "\n".join(["Policy Officer in DG GROW", footer, "Some text.", footer, "More text.", footer])
    call = parse_text(text)
    assert call.reference == "EC/2026/GROW/700001"
    assert call.evidence["reference"].confidence in {"medium", "low"}


def test_a_stray_space_inside_a_segment_is_kept_as_printed() -> None:
    reference = parse_text("Open call for expression of interest\nERA/SN E/2026/004-SAF\nDate of publication").reference
    assert reference is not None and reference.replace(" ", "") == "ERA/SNE/2026/004-SAF"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # slashes spaced on both sides
        ("Reference: EIGE / 2026 / 11\nType of contract: Temporary Agent", "EIGE/2026/11"),
        ("Réf. : CPVO / AD / 2026 / 3\nLieu : Angers", "CPVO/AD/2026/3"),
        # a reference broken over two lines, found by its shape
        ("SELECTION OF CONTRACT STAFF\nCOM/CA/MOVE/\n27/FGIV\nPOLICY ASSISTANT", "COM/CA/MOVE/27/FGIV"),
        # a prose word after an introducing word is no identifier, even if the next line starts with a digit
        ("Data Analyst\nPlease quote the reference below.\n2 Footnote text", None),
        ("Analyste\nMerci d'indiquer la référence ci-dessus.\n3 Note", None),
    ],
)
def test_reference_spacing_and_breaks(text: str, expected: str | None) -> None:
    assert parse_text(text).reference == expected

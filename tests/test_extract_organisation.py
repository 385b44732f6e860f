"""Institution, DG, directorate and units."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


@pytest.mark.parametrize(
    ("text", "dg", "units", "directorate"),
    [
        ("Unit B4 of DG MOVE is looking for a policy officer.", "MOVE", ["MOVE.B.4"], "B"),
        ("Where: CONNECT.R3 Knowledge Management, Brussels", "CNECT", ["CNECT.R.3"], "R"),
        ("DG – Directorate – Unit\tENV – Circular Economy – Unit B.2", "ENV", ["ENV.B.2"], "B"),
        (
            "DG HOME is recruiting.\nUnit HOME.01 coordinates; HOME.A3 and Unit C1 and HOME.C.1 and HOME.B.4 too.",
            "HOME",
            ["HOME.01", "HOME.A.3", "HOME.C.1", "HOME.B.4"],
            None,
        ),
        ("Our Unit is part of DG Employment, Social Affairs and Inclusion (EMPL).", "EMPL", [], None),
        ("Directorate-General for Communications Networks, Content and Technology\nDirectorate H", "CNECT", [], "H"),
        ("Directeur (AD 14) – Direction générale de l'agriculture et du développement rural", "AGRI", [], None),
        ("DG REGIONAL POLICY\nPublication of a vacancy for a Director", "REGIO", [], None),
        ("DIRECTION GÉNÉRALE DES RELATIONS EXTÉRIEURES (RELEX)\nChef de délégation", "RELEX", [], None),
        ("Un puesto adscrito a la Dirección General de Comunicación (DG\nCOMM) en Madrid.", "COMM", [], None),
        # a form's label block, then its value block
        ("Directorate-General:\nDirectorate:\nUnit:\nHead of Unit:\nDEVCO\nH\nH.2\nJ. Doe", "DEVCO", ["DEVCO.H.2"], "H"),
        (
            "Directorate general: / MOVE (Mobility and Transport)\nDirectorate:\nUnit: / B – Road Safety\n"
            "3 – Vehicles\nHead of Unit: / A. Person",
            "MOVE",
            ["MOVE.B.3"],
            "B",
        ),
        # the unit a reference encodes
        ("VACANCY NOTICE – 2026-JRC.C.\n5-IPR-FGIV-002345\nProject Officer", "JRC", ["JRC.C.5"], "C"),
        ("Post identification:\n(DG-DIR-UNIT) / HR-DS-2-CI\nDirectorate-General: / DG HR", "HR", ["HR.DS.2"], "DS"),
        # look-alikes of DG codes
        ("Directorate-General: DG GROWTH", "GROW", [], None),
        ("DG SANTÉ - Unit B.3 is recruiting", "SANTE", ["SANTE.B.3"], "B"),
        ("DG JUSTICE, Unit A.1", "JUST", ["JUST.A.1"], "A"),
    ],
)
def test_dg_units_directorate(text: str, dg: str, units: list[str], directorate: str | None) -> None:
    call = parse_text(text)
    assert (call.dg, call.units, call.directorate) == (dg, units, directorate)


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Call for interest EC/2026/ENV/400001\nDG ENV of the European Commission", "European Commission"),
        ("Vacancy notice COM/2026/10012", "European Commission"),
        ("EPSO/CAST/P/12-13/2026 Call for expression of interest", "EPSO"),
        ("PE/310/2026/S Vacancy notice", "European Parliament"),
        # the Commission publishes an agency's director post: the agency
        (
            "Publication of a vacancy for the function of Executive Director of the European Chemicals Agency (ECHA)\n"
            "(Temporary Agent – Grade AD 14)\n(COM/2026/20155)\nThe Commission will appoint the candidate.",
            "ECHA",
        ),
        ("Die Europäische Umweltagentur (EUA)\nAusschreibung der Stelle eines Exekutivdirektors\nCOM/2026/20090", "EEA"),
        # EPSO runs a competition for one institution: that institution
        (
            "NOTICE OF OPEN COMPETITION\nEPSO/AD/400/26\nThe European Personnel Selection Office (EPSO) is organising "
            "an open competition to recruit officials for the European Data Protection Supervisor.",
            "EDPS",
        ),
        # a DG of another institution
        ("The Directorate-General for Translation (DG TRAD) of the European Parliament is looking for assistants.",
         "European Parliament"),
        ("Il Parlamento europeo ha deciso di avviare una procedura di assunzione.", "European Parliament"),
        ("Parlament Europejski ogłasza nabór na stanowisko asystenta.", "European Parliament"),
        ("La Cour de justice de l'Union européenne recrute des juristes-linguistes.",
         "Court of Justice of the European Union"),
        ("The European Chemicals Agency seeks a lawyer. You know the case-law of the Court of Justice.", "ECHA"),
        ("Legal secretaries at the General Court of the European Union", "Court of Justice of the European Union"),
        # the acronym as it was when the notice was published
        ("OHIM/CAST/11/2014 La Oficina de Armonización del Mercado Interior (OAMI) pone en marcha", "OHIM"),
        ("The SESAR Joint Undertaking (SJU) is looking for an expert in airspace design.", "SJU"),
        ("Ref. ENISA-TA12-AD-2026-03\nENISA shall assist the Commission and the Member States.", "ENISA"),
        ("Notice of vacancy OMB/7/2026 - Head of Unit\nThe European Ombudsman investigates complaints.",
         "European Ombudsman"),
        ("Vacancy at the Chips JU: the Chips JU recruits a Programme Officer.", "Chips JU"),  # an acronym with a space
    ],
)
def test_institution(text: str, institution: str) -> None:
    assert parse_text(text).institution == institution


@pytest.mark.parametrize("text", [
    "Vacancy notice\nDirectorate-General for Personnel\nPolicy Officer",
    "Avis de vacance\nDirection générale du personnel\nChargé de mission",
])
def test_a_bare_directorate_general_names_no_institution(text: str) -> None:
    # other institutions have directorates-general too; a named Commission DG (`DG TRADE`) still makes it the Commission
    assert parse_text(text).institution is None


def test_no_dg_outside_the_commission() -> None:
    assert parse_text("Vacancy notice PE/310/2026/S\nDirectorate-General for Personnel").dg is None


def test_a_dg_header_makes_the_post_the_commissions_whatever_the_prose_names() -> None:
    call = parse_text(
        "VACANCY NOTICE FOR A POST OF SECONDED NATIONAL EXPERT\n"
        "DG – Directorate – Unit\tENER – Energy Platform – Unit C.2\n"
        "Post number in sysper:\t470001\n"
        "The unit works closely with the European Parliament and national parliaments.\n"
    )
    assert (call.institution, call.dg, call.units) == ("European Commission", "ENER", ["ENER.C.2"])
    assert any(w.startswith("institution:") for w in call.warnings)


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a notice that calls its body `the Agency` names the Commission as a partner: no guess
        ("Vacancy notice\nThe Agency is recruiting a Policy Officer.\nTasks: advise the European Commission and "
         "the Member States.\nThe European Commission sets the policy.", None),
        ("Avis de vacance\nL'Autorité recrute un chargé de mission.\nTâches : conseiller la Commission européenne.", None),
        # the body it names less often than the Commission is then the employer
        ("Vacancy notice\nThe Agency is recruiting.\nThe European Commission and the European Commission's DGs "
         "work with Frontex.", "Frontex"),
        # without such a word the Commission named is the employer
        ("Vacancy notice\nThe European Commission is recruiting a Policy Officer.", "European Commission"),
    ],
)
def test_the_commission_named_by_a_body_speaking_of_itself_is_a_partner(text: str, institution: str | None) -> None:
    assert parse_text(text).institution == institution


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a Commission notice speaking of a partner agency in passing stays the Commission's
        ("EUROPEAN COMMISSION\nDirectorate-General for Energy\nPolicy Officer\nThe Unit follows the work of the "
         "Agency and checks its accounts.", "European Commission"),
        ("COMMISSION EUROPÉENNE\nChargé de mission\nL'unité suit les travaux de l'Agence et contrôle ses comptes.",
         "European Commission"),
        # a longer name in capitals is not the body's own word (`the Authority Authorised to ...`)
        ("EUROPEAN COMMISSION\nAdviser (AD 12)\nThe post is filled by the Authority Authorised to Conclude "
         "Contracts of Employment.", "European Commission"),
        # nor an institute or centre the notice names (`the Institute for ...`): too general a word
        ("EUROPEAN COMMISSION\nResearcher\nThe Institute for Advanced Materials is one of the Commission's "
         "research sites.", "European Commission"),
        # with no Commission masthead, a mention in passing still makes the Commission a partner
        ("Vacancy notice\nPolicy Officer\nGrade AD 6\nTemporary agent\nBrussels\nSupport the Agency's committees "
         "and the European Commission.", None),
        ("Avis de vacance\nChargé de mission\nAD 6\nAgent temporaire\nBruxelles\nSoutenir les comités de "
         "l'Agence et la Commission européenne.", None),
        # a short name the notice gives its body still makes the Commission a partner
        ("Vacancy notice\nThe body (hereafter “the Agency”) advises the European Commission.", None),
        ("Stellenausschreibung\nDie Umweltstelle (UST, die Agentur) berät die Europäische Kommission.", None),
    ],
)
def test_only_a_body_describing_itself_makes_the_commission_a_partner(text: str, institution: str | None) -> None:
    assert parse_text(text).institution == institution


def test_an_agency_notice_naming_a_dg_stays_the_agencys() -> None:
    call = parse_text("REF.: FRONTEX/2026/TA/020\nDepartment: Budget and Finance\nFrontex works with DG HOME.")
    assert (call.institution, call.dg, call.units) == ("Frontex", None, [])


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a list of profiles names several units; a unit named further down is the sender's address
        (
            "The Executive Agency is recruiting experts.\n1. Unit A.2 Grants\n2. Unit C.1 Finance\n3. Unit C.1 Audit\n"
            "Apply by 3 May.\nText.\nText.\nText.\nContact: Unit D.3, Human Resources",
            ["A.2", "C.1"],
        ),
        # a division's code printed elsewhere at its most specific
        (
            "EEAS Vacancy Notice - Job title: Legal Officer BA.02.003 Contracts\nThe Division (BA.02) handles contracts.",
            ["BA.02.003"],
        ),
        ("Unit: Digital Health and Data (DHD)\nReference: ECDC/AD6/2026/DHD-EXP", ["DHD"]),
        ("Units: AGENCY.B.1 – Grants, AGENCY.B.2 – Audit\nPlace of work: Brussels", ["AGENCY.B.1", "AGENCY.B.2"]),
    ],
)
def test_units_of_other_bodies(text: str, units: list[str]) -> None:
    call = parse_text(text)
    assert (call.dg, call.units) == (None, units)


def test_a_bare_code_under_an_agency_department_label_is_no_dg() -> None:
    call = parse_text("The European Chemicals Agency (ECHA) is recruiting.\nDepartment:\nHR\nECHA is based in Helsinki.")
    assert (call.institution, call.dg) == ("ECHA", None)


@pytest.mark.parametrize(
    "text",
    [
        "Policy Officer\nYou have experience in regional and urban policy or in development and cooperation.",
        "Chargé de mission\nVous gérez les ressources humaines et sécurité de l'Office.",
        "Projektreferent\nSie begleiten Forschung und Innovation in der Luftfahrt.",
        "GROWTH MARKETS ANALYST\nWe are looking for a colleague.",
        "JUSTICE AND SECURITY TRAINEE\nThe traineeship lasts five months.",
    ],
)
def test_a_dg_name_in_prose_or_a_heading_is_no_dg(text: str) -> None:
    assert parse_text(text).dg is None


@pytest.mark.parametrize(
    ("text", "dg"),
    [
        ("The Directorate-General ‘Research and Innovation’ offers a post.", "RTD"),
        ("Die Generaldirektion Mobilität und Verkehr sucht eine Assistentin.", "MOVE"),
        ("Poste à la direction générale de la mobilité et des transports", "MOVE"),
        ("La Dirección General de Política Regional y Urbana busca un experto.", "REGIO"),
        ("A post in the Regional and Urban Policy Directorate-General", "REGIO"),
        # a segment of a Commission reference
        ("Call for interest EC/2027/MOVE/600001\nPolicy officer", "MOVE"),
        ("SELECTION OF TEMPORARY STAFF COM/TA/ENV/27/AD6", "ENV"),
        # the name right after the DG word wins over a look-alike further on
        ("DG Employment is looking for TRADE statisticians.", "EMPL"),
        ("Directorate-General: Climate Action – BUDGET planning team", "CLIMA"),
    ],
)
def test_a_dg_name_after_a_dg_word_or_a_reference_segment(text: str, dg: str) -> None:
    assert parse_text(text).dg == dg


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("DG Mobility and Transport (MOVE)\nDirectorate C - Land\nC.2 Road safety\n\nThe unit works on roads.", ["MOVE.C.2"]),
        ("DG ENV\nDirection D – Nature\nD.1 Biodiversité", ["ENV.D.1"]),
        # a `X.N` line not under its directorate's heading is no unit
        ("DG ENV\nDirectorate D – Nature\nText.\nText.\nText.\nB.2 Something else", []),
    ],
)
def test_a_commission_unit_under_its_directorate_heading(text: str, units: list[str]) -> None:
    assert parse_text(text).units == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # codes of other bodies with long segments, after a compound label
        ("EEAS VACANCY NOTICE\nSector/Division: CRISISPOL.3 Crisis response\nLocation: Brussels", ["CRISISPOL.3"]),
        ("The Agency is recruiting.\nDivision/Sector: OPSUPPORT.1.2 Logistics", ["OPSUPPORT.1.2"]),
        # a numeric unit code right after the word `Unit`
        ("The Agency is recruiting.\nDepartment 2 — Resources, Unit 2.4\nLocation: Lisbon", ["2.4"]),
        ("L'Agence recrute.\nDépartement 1 — Unité 1.3 Finances", ["1.3"]),
    ],
)
def test_long_and_numeric_unit_codes_of_other_bodies(text: str, units: list[str]) -> None:
    call = parse_text(text)
    assert (call.dg, call.units) == (None, units)


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # an acronym run into a line in capitals is a word (Danish `fra` = from)
        ("MEDDELELSE FRA KOMMISSIONEN\nOffentliggørelse af en ledig stilling\nCOM/2027/20001", "European Commission"),
        ("FRA VACANCY NOTICE\nLegal officer", "FRA"),
        ("VACANCY NOTICE – EEA\nData officer", "EEA"),
        # an acronym the notice defines for something else
        (
            "Vacancy notice\nYou will support the European Research Area (ERA); ERA partners matter.\n"
            "The Chips Joint Undertaking is recruiting.",
            "Chips JU",
        ),
    ],
)
def test_acronyms_that_are_other_things(text: str, institution: str) -> None:
    assert parse_text(text).institution == institution


def test_an_acronym_defined_for_another_thing_names_no_body() -> None:
    call = parse_text("Vacancy notice\nApplicants must be nationals of the European Economic Area (EEA). EEA nationals only.")
    assert call.institution is None

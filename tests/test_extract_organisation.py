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
    ],
)
def test_institution(text: str, institution: str) -> None:
    assert parse_text(text).institution == institution


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


def test_an_agency_notice_naming_a_dg_stays_the_agencys() -> None:
    call = parse_text("REF.: FRONTEX/2026/TA/020\nDepartment: Budget and Finance\nFrontex works with DG HOME.")
    assert (call.institution, call.dg, call.units) == ("Frontex", None, [])

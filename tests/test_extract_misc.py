"""Job title, number of posts, place of employment, contacts."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Job title: Policy Officer\nDomain: Research", "Policy Officer"),
        ("**Job title\\*:** Data Scientist – Team Leader", "Data Scientist – Team Leader"),
        ("Post title: Financial Assistant (FG III)", "Financial Assistant"),
        ("DG MARE is recruiting 4 Legal Officers.", "Legal Officer"),
        ("Unit C2 is seeking to hire an economic analyst with experience in trade.", "Economic analyst"),
        ("We are looking for a Project manager who will coordinate the team.", "Project manager"),
        ("We are looking for a proactive and driven individual.", None),
        ("Title: Head of Unit (AD 9 – AD 12) (M/F)", "Head of Unit"),
        ("Call for expression of interest – Contract Agent FG IV – Project Officer\nReference: EC/2026/GROW/1", "Project Officer"),
        ("Head of Division – Human Resources Policy (RM.BHR.6)\nJob No 438866", "Head of Division – Human Resources Policy"),
    ],
)
def test_job_title(text: str, title: str | None) -> None:
    assert parse_text(text).job_title == title


@pytest.mark.parametrize(
    ("text", "posts"),
    [("DG MARE is recruiting 4 Legal Officers.", 4), ("Number of available posts: 2", 2), ("Job title: Analyst", None),
     ("The Office is recruiting two (2) Budget Assistants for its Finance Unit.", 2)],
)
def test_number_of_posts(text: str, posts: int | None) -> None:
    assert parse_text(text).number_of_posts == posts


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Place of employment: Brussels", ["Brussels"]),
        ("Place of employment Luxembourg", ["Luxembourg"]),
        ("Place of secondment: ☐ Brussels ☒ Luxemburg ☐ Other:", ["Luxembourg"]),
        ("Place of secondment: \uf0fe Bruxelles \uf0a8 Luxembourg", ["Brussels"]),
        ("Place of secondment:\n£ Brussels S Luxembourg", ["Luxembourg"]),
        ("Lieu d'affectation : Bruxelles", ["Brussels"]),
        ("The Agency is seated in Warsaw. Its postal address is Plac Europejski 6, Warsaw.", []),
        ("The place of employment is Luxembourg.", ["Luxembourg"]),
    ],
)
def test_places(text: str, places: list[str]) -> None:
    assert parse_text(text).place_of_employment == places


def test_contacts_lower_case_in_order_without_data_protection() -> None:
    text = (
        "Send your CV to ENV-B2-CALL@ec.europa.eu and jane.doe@ec.europa.eu.\n"
        "Questions: env-b2-call@ec.europa.eu\n"
        "For data protection matters write to data-protection-officer@ec.europa.eu.\n"
        "Obfuscated: [email protected]"
    )
    assert parse_text(text).contacts == ["env-b2-call@ec.europa.eu", "jane.doe@ec.europa.eu"]


@pytest.mark.parametrize(
    ("text", "contacts"),
    [
        ("Send your application to vacancies@ombudsman.europa.eu", ["vacancies@ombudsman.europa.eu"]),
        ("You may lodge a complaint with the Ombudsman at info@ombudsman.europa.eu.", []),
        ("Candidaturas para recrutamento@agencia.europa.eu. Proteção de dados: dpo@agencia.europa.eu.",
         ["recrutamento@agencia.europa.eu"]),
        ("Bewerbungen an jobs@agentur.europa.eu. Fragen zum Datenschutz: info@agentur.europa.eu.", ["jobs@agentur.europa.eu"]),
    ],
)
def test_data_protection_and_complaint_mailboxes_are_not_contacts(text: str, contacts: list[str]) -> None:
    assert parse_text(text).contacts == contacts


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Job title: Trade defence investigator (anti-subsidy)", "Trade defence investigator (anti-subsidy)"),
        ("Job title: Policy Officer (reserve list)", "Policy Officer"),
        ("Intitulé du poste : Juriste (temps partiel)", "Juriste"),
    ],
)
def test_a_bracketed_qualifier_stays_an_annotation_goes(text: str, title: str) -> None:
    assert parse_text(text).job_title == title

"""Job title: labels, title lines near the top, recruited roles; cleaning and singular."""

from __future__ import annotations

import re

import pytest

from vacancy_cli import lexicon, parse_text
from vacancy_cli.document import Document, Line
from vacancy_cli.extract import title
from vacancy_cli.extract.base import Context
from vacancy_cli.extract.title import extract_job_title, singular


def _title_of_lines(*lines: str) -> str | None:
    """The title read from lines as a PDF reader gives them (one printed line each, nothing joined)."""
    found = extract_job_title(Context(Document([Line(text) for text in lines], pages=1, format="pdf")))
    return found.value if found else None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Title of function: Grants Management Officer\nCategory and grade: Temporary Agent – AD 6", "Grants Management Officer"),
        ("Title of post |\nHead of Translation |\nFunction group and grade |\nAD 12 |", "Head of Translation"),
        ("Intitulé de la fonction Gestionnaire financier\n1. PRÉSENTATION", "Gestionnaire financier"),
        ("Stilling:\nAdministrerende direktør\nTjenestested:\nKøbenhavn", "Administrerende direktør"),
        ("Post: Data Protection Officer Sector/Unit/Department: Legal Sector/Governance Unit", "Data Protection Officer"),
        ("Job title: Budget Officer HR.02.001 Budget and finance EEAS Headquarters Job n° 123456", "Budget Officer"),
        ("Job title: Press Officer - HQ Contract Agent FGIII - EEAS Headquarters job No 555555", "Press Officer"),
        ("Post (business title): Cloud Engineer (1 post) (a reserve list to be created for 2 posts)", "Cloud Engineer"),
        ("Function group / Grade / Post title: Temporary staff, AD8, Principal Administrator", "Principal Administrator"),
        ("Title of function Grants Assistant, Seconded national expert (SNE) of the Agency", "Grants Assistant"),
        ("Grupo de funciones III: Auxiliar de archivo Grupo de funciones IV: Asesor", "Auxiliar de archivo"),
        # the line's own value comes before the value under a label that ends the line
        ("Grupo de funciones III: Auxiliar de archivo Grupo de funciones IV:\nAsesor jurídico de la Oficina", "Auxiliar de archivo"),
        ("Function group II: Records clerk Function group III:\nProject assistant for the Office", "Records clerk"),
        ("Profile sought: Data Protection Officer\nCategory of staff: Contract Agent", "Data Protection Officer"),
        ("Profil recherché : Juriste spécialisé en marchés publics\nCatégorie : agent contractuel", "Juriste spécialisé en marchés publics"),
        ("Título del puesto: Jefe de Unidad de Presupuesto", "Jefe de Unidad de Presupuesto"),
        ("Titlu tal-post: Uffiċjal tal-Finanzi", "Uffiċjal tal-Finanzi"),  # Maltese `uffiċjal` is also an officer
        ("Nazwa stanowiska: Specjalista ds. finansów", "Specjalista ds. finansów"),
        ("Τίτλος θέσης: Βοηθός επικοινωνίας", "Βοηθός επικοινωνίας"),
        ("Titolo del posto\nCapo unità Bilancio\nGruppo di funzioni e grado\nAD 9", "Capo unità Bilancio"),
        ("Vacancy notice No 12/2030: Head of Unit (M/F)", "Head of Unit"),
        # a code cell run into the title after a spaced slash goes; a second-language title stays
        ("Job title: Market Analyst / XYZ/CA/2031/", "Market Analyst"),
        ("Post title: Legal Officer / Juriste", "Legal Officer / Juriste"),
        # a header table run together by a reader: labels first, then values
        ("External notice of the Agency. Title of post Contract type Communication Assistant Temporary agent "
         "Function group and grade AST 4 and further text of the notice.", "Communication Assistant"),
    ],
)
def test_labelled_title(text: str, title: str) -> None:
    assert parse_text(text).job_title == title


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # values printed above their label (a flattened table whose label cell is centred)
        (("Reference number: ABC-2030-00001", "Budget Analysts (AD6) in Finance Division", "Budget Analysts",
          "Post (business title):", "(a reserve list to be created for 3 posts to be filled)", "Location: Warsaw"),
         "Budget Analyst"),
        (("Reference number: ABC-2030-00002", "Head of Audit Sector", "Head of Risk Sector", "Head of Audit Sector",
          "Post (business title): - Head of Risk Sector", "Location: Warsaw"), "Head of Audit Sector"),
        (("Reference number: ABC-2030-00003", "Junior Planners in the Central Unit (two profiles) - multiple positions",
          "Position (business title):", "(a reserve list to be created)", "Location: Warsaw"),
         "Junior Planner in the Central Unit"),
        # a title wrapped over lines: up to its grade annotation, or while the next line goes on in lower case
        (("Name of the post:", "Lead Architect - Border Data Platforms and", "Interoperability Services within the Digital",
          "Division (AD9)", "Reporting to:"),
         "Lead Architect - Border Data Platforms and Interoperability Services within the Digital Division"),
        (("VACANCY NOTICE – 2030-XYZ.A.", "1-FGIV-000001", "Data Governance Officer - Quality of statistics on the flows",
          "of goods and services", "Type of contract Temporary"),
         "Data Governance Officer - Quality of statistics on the flows of goods and services"),
        (("Seconded National Experts - Statistical Experts#", "in Departments A and B#", "For the following profiles:"),
         "Statistical Expert"),
    ],
)
def test_layout(lines: tuple[str, ...], title: str) -> None:
    assert _title_of_lines(*lines) == title


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # a prose line that goes on from the line above is no heading, even when it names a post
        (("REF/TA/XYZ/31/AD6", "SELECTION OF TEMPORARY STAFF FOR THE ANALYSIS TEAM OF THE OFFICE",
          "The Office is organising a selection procedure to draw up a list of six",
          "candidates in order to fill approximately three administrator posts within the Analysis",
          "Team of the Office."), None),
        (("AVIS DE SÉLECTION", "L'Office organise une procédure de sélection en vue de pourvoir un poste de",
          "administrateur, comme chef de secteur Presse (grade AD8) auprès de la Représentation"), "chef de secteur Presse"),
        # a list item's line starting in lower case is no heading, even when it names a post
        (("AGY/TA/31/AD8", "SELECTION OF TEMPORARY STAFF", "The jobholder will:",
          "assist the Head of the Regional Office in the preparation of the yearly work programme"), None),
        (("AGY/TA/31/AD8", "SELEZIONE DI AGENTI TEMPORANEI", "Il titolare del posto dovrà:",
          "assistere il Capo dell'Ufficio regionale nella preparazione del programma di lavoro"), None),
    ],
)
def test_prose_lines_are_no_heading(lines: tuple[str, ...], title: str | None) -> None:
    assert _title_of_lines(*lines) == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("VACANCY NOTICE\nData Analysts (AD 7)\nThe Agency is organising a selection.", "Data Analyst"),
        ("Notice of open competition — EPSO/AD/999/30 — Administrators (AD 5) in the field of statistics\n",
         "Administrator in the field of statistics"),
        ("Call for expressions of interest – Translators (Irish language) – Temporary staff (AD 5 to AD 7)\n", "Translator"),
        ("EU Vacancy - Budget Officer - HQ Contract Agent FGIV - Headquarters job No 1\n", "Budget Officer"),
        ("ANUNȚ DE RECRUTARE PE/999/2030/S\nAGENT(Ă) TEMPORAR(Ă)\nAsistent financiar (AST 3)\n", "Asistent financiar"),
        ("BANDO DI ASSUNZIONE PE/9/S\nAGENTE TEMPORANEO\nAMMINISTRATORE, ESPERTO IN STATISTICA (AD 6)\n(ambosessi)\n",
         "AMMINISTRATORE, ESPERTO IN STATISTICA"),
        ("STELLENAUSSCHREIBUNG PE/9/2030\nBEDIENSTETE/BEDIENSTETER AUF ZEIT\nSachverständige(r) für Statistik (AD 6)\n",
         "Sachverständige(r) für Statistik"),
        ("Library Assistant (CA FGII) (External)\nRef. : 2030CAFGII\n", "Library Assistant"),
        # a reference label whose code wrapped onto the next line
        ("VACANCY NOTICE\nMarine Data Assistants (AST 3)Ref.\nAGY-TA-AST-2031-02\n", "Marine Data Assistant"),
        ("AVVISO DI POSTO VACANTE\nAssistente per i dati marini (AST 3) Rif.\nAGY-TA-AST-2031-02\n", "Assistente per i dati marini"),
        ("nationSENIOR ANALYST - RISK MODELLER IN THE DATA UNIT\nAgency/2030/CA/FGIV/1\n", "SENIOR ANALYST - RISK MODELLER IN THE DATA UNIT"),
        ("Legal officers at the Court of Auditors\nThe Court is launching a call.\n", "Legal officer"),
        ("Regional affairs / EU funds\nReference number\nEPSO/CAST/P/1/2030\n", "Regional affairs / EU funds"),
        # a careers site's page heading above it
        ("Job opportunities\nStatistics / Data science\nReference number\nEPSO/CAST/P/9/2031\n", "Statistics / Data science"),
        # under a first line that is the bare code
        ("EPSO/CAST/P/31/2031\nLinguistics and Translation\nContract Agents – Function Group IV\n", "Linguistics and Translation"),
        # the value of a label alone on the line above is no heading
        ("Place:\nBrussels\nRef. :\nXYZ/2030/07 - Legal Administrator (AD 5)\nAVIS DE RECRUTEMENT\nAdministrateur juridique (AD 5)\n",
         "Administrateur juridique"),
        ("Dienstort:\nBrüssel\nKennziffer:\nXYZ/2030/07 - Data Lawyer (AD 5)\nSTELLENAUSSCHREIBUNG\nJurist für Daten (AD 5)\n",
         "Jurist für Daten"),
        # the name of the recruiting body is no title
        ("EUROPEAN COURT OF AUDITORS\nAudit Quality Control\nNotice 2031/4\nCloud Security Auditor (AD 6)\n", "Cloud Security Auditor"),
        ("European Environment Agency\nReference: EEA/TA/2031/02\nThe Agency is looking for a Noise Data Analyst to join us.\n",
         "Noise Data Analyst"),
    ],
)
def test_title_line(text: str, title: str) -> None:
    assert parse_text(text).job_title == title


@pytest.mark.parametrize(
    "text",
    [
        "NOTICE OF VACANCY\nSECONDED NATIONAL EXPERTS TO THE EUROPEAN COMMISSION\nPost identification: XX-A-1\n",
        "VACANCY NOTICE FOR A POST OF SECONDED NATIONAL EXPERT\nPost number in sysper: 123\n",
        "Open call for expression of interest\nSeconded National Expert\nABC/SNE/2030/001\n",
        "Number of available post:\nCategory / 1\nAdministrator (AD)\n",
        "Title of post\n\nFunction group and grade\nAD 15\n",
        "FORM DG.1\nPost identification: XX-B-2\nCategory: Administrator (AD)\n",
        "SECONDED NATIONAL EXPERTS – CALL 2030/1\nRef. Deadline\n",
        "Post: 2 posts",
        "SELECTION NOTICE\nTemporary Agents (AD 7)\nDigital Services Unit",
        "1.\nVACANT POST: AD 11\n2. DUTIES:\n",  # a grade alone is no title
        "1.\nPOSTE : grade AD 15\n2. FONCTIONS :\n",
        # a heading on the body under the bare code is no title
        "ABC/2030/CA/FGIV/01\nABOUT FRONTEX\nWe are hiring for one post.\n",
        "ABC/2030/CA/FGIV/01\nÀ PROPOS DE L'EFSA\nCette procédure de sélection vise à pourvoir un poste.\n",
        # a first line that is a date is no reference code: the line under it is no title
        "31/01/2030\nOfficial Journal of the European Union\nCA 40/1\nVACANCY NOTICE\n",
        "31/01/2030\nAmtsblatt der Europäischen Union\nCA 40/1\nSTELLENAUSSCHREIBUNG\n",
    ],
)
def test_no_title_for_a_staff_category_or_an_empty_label(text: str) -> None:
    assert parse_text(text).job_title is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Agency, based in Parma, is looking for a\nRisk Assessment Officer - Food Contact Materials\n(Temporary Agent, Grade AD6)",
         "Risk Assessment Officer - Food Contact Materials"),
        ("Publication of a vacancy for the function of Executive Director of the European Fisheries Agency (EFCA)",
         "Executive Director"),
        ("VACANCY NOTICE No 1/30\nconcerning one post\nof HEAD OF UNIT (M/F)\nin the Translation Directorate", "HEAD OF UNIT"),
        ("The Office wishes to recruit three to five Senior Programme Managers. They will lead the work.",
         "Senior Programme Manager"),
        ("EU Call for Expression of Interest for the recruitment of one Temporary Agent under Article 2(b) of the "
         "Conditions of Employment of Other Servants (CEOS) as Finance Assistant (AST3) – XY.B.2 – Finance", "Finance Assistant"),
        ("Call for applications for posts of Administrators (Data Officers) in the Support Unit", "Data Officer"),
        ("La Comisión organiza un procedimiento para ocupar un puesto de\nadministrador, como Jefe de Sector de Prensa (nivel AD8) de la",
         "Jefe de Sector de Prensa"),
        ("Publication d'un avis de vacance pour un poste de chef de délégation de l'Union européenne (grade AD14)",
         "Chef de délégation de l'Union européenne"),
        ("Publicação de um aviso de vaga de diretor (grau AD14) Direção XYZ", "Diretor"),
        ("Ausschreibung der Stelle eines Exekutivdirektors (m/w/d)", "Exekutivdirektor"),
        ("DescriptionVacancy: Executive Director of the European Rail Agency (ERA)Where: Lille", "Executive Director"),
        ("The Office will establish a reserve list for the profile of Head of Procurement Unit.", "Head of Procurement Unit"),
        ("The Agency opens a secondment procedure for the SNE position of “Expert in Rail Safety”.", "Expert in Rail Safety"),
        ("Call for expression of interests for Programme Officers\nThe Agency wishes to recruit two Grant Programme Officers.",
         "Grant Programme Officer"),
    ],
)
def test_recruited_role(text: str, title: str) -> None:
    assert parse_text(text).job_title == title


@pytest.mark.parametrize(
    ("plural", "single"),
    [
        ("Policy Officers", "Policy Officer"),
        ("Senior Assistants in the Central Unit", "Senior Assistant in the Central Unit"),
        ("Heads of Sector", "Head of Sector"),
        ("Legal Secretaries", "Legal Secretary"),
        ("IT & Facilities Support Assistants", "IT & Facilities Support Assistant"),
        ("Human Resources Officer", "Human Resources Officer"),
        ("Directeur/Directrice", "Directeur/Directrice"),
    ],
)
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Stellenausschreibung für die Stelle eines Direktors/einer Direktorin (AD 14)", "Direktor/Direktorin"),
        ("AUSSCHREIBUNG DER STELLE EINES REFERATSLEITERS/EINER REFERATSLEITERIN", "REFERATSLEITER/REFERATSLEITERIN"),
        ("Avis de vacance pour un poste de Directeur/Directrice", "Directeur/Directrice"),
        ("Título del puesto: Auditor/a veterinario/a", "Auditor/a veterinario/a"),  # a gender suffix is no pair
        ("Puesto: SECRETARIO/A", "SECRETARIO/A"),
    ],
)
def test_each_half_of_a_gendered_pair_is_read_as_a_title(text: str, title: str) -> None:
    assert parse_text(text).job_title == title


# The helpers below stand for a whole-list pattern each; they must answer as that pattern would.
_SAMPLES = [
    "Generaldirektorin", "Abteilungsleiter der Einheit", "the Direktor's office", "DIREKTØR", "Senior Policy Officer",
    "policy officers", "officership", "Contract Agent\n", "Administrators", "administrator\n", "Vacancy notice",
    "EEAS Vacancy notice", "EEAS  \t Vacancy notice", "EEAS vacancy notice: Data Analyst (AD 7)", "Vacancy notice :   X",
    "AB vacancy notice for the post of a long time ago: X", "Call for applications for a Data Analyst",
    "DG AGRI Unit 2", "Directorate-General for Trade", "a vacancy noticed", "see the vacancy notice below", "",
]


def test_a_role_is_found_where_the_whole_word_pattern_finds_one() -> None:
    whole = re.compile(r"(?<!\w)(?:" + lexicon.alternation("title", "role_nouns") + r")(?!\w)", re.I)
    for text in _SAMPLES:
        assert title._has_role(text) == bool(whole.search(text)), text


@pytest.mark.parametrize("key", ["notice_words", "post_words", "job_types", "role_nouns", "staff_categories"])
def test_a_whole_term_is_told_as_the_anchored_pattern_tells(key: str) -> None:
    anchored = re.compile(r"^(?:" + lexicon.alternation("title", key) + r")$", re.I)
    for text in [*_SAMPLES, *lexicon.terms("title", key)[:40]]:
        assert title._is_whole(key, text) == bool(anchored.match(text)), text


def test_notice_headings_are_told_as_the_notice_patterns_tell() -> None:
    words = lexicon.alternation("title", "notice_words")
    notice = re.compile(r"^(?:[A-Z]{2,}\s+)?(?:" + words + r")$|^(?:DG|Directorate[- ]General)\s", re.I)
    heading = re.compile(r"(?:[A-Z]{2,}\s+)?(?:" + words + r")[^:]{0,30}:\s*(?=\S)", re.I)
    anywhere = re.compile(r"(?<!\w)(?:" + words + r")(?!\w)", re.I)
    for text in _SAMPLES:
        assert title._is_notice(text) == bool(notice.match(text)), text
        expected = heading.match(text)
        found = title._UP_TO_COLON.match(text) if title._notice_at_start(text, r"[^:]{0,30}:\s*(?=\S)") else None
        assert (found and found.end()) == (expected and expected.end()), text
        assert title._has_notice_word(text) == bool(anywhere.search(text)), text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("CALL FOR EXPRESSIONS OF INTEREST FOR CONTRACT AGENTS DATA ANALYSTS – FUNCTION GROUP IV Field 1:\tOcean data "
         "Field 2:\tCoastal data\nAGY/CAST/2031/3\n", "DATA ANALYST"),
        ("APPEL À MANIFESTATION D'INTÉRÊT POUR DES AGENTS CONTRACTUELS GESTIONNAIRES DE DONNÉES – GROUPE DE FONCTIONS IV "
         "Profil 1 :\tdonnées marines Profil 2 :\tdonnées côtières\nAGY/CAST/2031/3\n", "GESTIONNAIRE DE DONNÉES"),
    ],
)
def test_a_call_heading_split_at_tabs_is_still_read(text: str, title: str) -> None:
    assert parse_text(text).job_title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("AGENCY FOR ORBITAL SAFETY\nVacancy notice for the post of Head of Unit AOS-TA-2031-05\nDeadline: 3 March 2031\n",
         "Head of Unit"),
        ("AGENCE POUR LA SÉCURITÉ ORBITALE\nAvis de vacance pour le poste de Chef de secteur AOS/TA/AD/2031/03\n"
         "Date limite : 3 mars 2031\n", "Chef de secteur"),
        ("AGENCY FOR ORBITAL SAFETY\nJob title: Analyst for SARS-CoV-2 Variants\nDeadline: 3 March 2031\n",
         "Analyst for SARS-CoV-2 Variants"),  # a name with a dash or two in mixed case is no code
    ],
)
def test_a_bare_reference_code_after_a_title_ends_it(text: str, title: str) -> None:
    assert parse_text(text).job_title == title

"""Staff category, contract type, function group and grade."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


@pytest.mark.parametrize(
    ("text", "contract", "fg"),
    [
        ("Contract Type: 3b\nFunction Group: FG IV", "contract_agent_3b", "FG IV"),
        ("Type of contract\tContract Staff for auxiliary tasks\nFunction group and grade\tFGIII", "contract_agent_3b", "FG III"),
        ("Type of contract: Contract agent under Article 3(a) of the CEOS\nFunction group: FGIII.08", "contract_agent_3a", "FG III"),
        ("Type of contract: agent contractuel 3 bis\nGroupe de fonctions IV", "contract_agent_3a", "FG IV"),
        ("Type of contract: Temporary agent 2(f)\nFunction group / Grade: AD 6", "temporary_agent_2f", "AD"),
        ("Type of contract: Temporary staff, article 2, point a)\nGrade: AST 4", "temporary_agent_2a", "AST"),
        ("Vertragsart: Bediensteter auf Zeit\nFunktionsgruppe: AD 7", "temporary_agent", "AD"),
        ("Type of secondment: cost-free SNE\nCategory: AST/AD: AST", "sne_cost_free", "AST"),  # the options, then the answer
        (
            "Type of contract: Member of the European Commission's contract staff, Function Group IV (article 3b)",
            "contract_agent_3b",
            "FG IV",
        ),
        ("Director (AD 14)\nappointed under Article 29(2) of the Staff Regulations", "official", "AD"),
        ("Type of secondment\t☐ With allowances ☒ Cost-free", "sne_cost_free", None),
        ("Specificities: \uf0fe With allowances \uf0a8 COST-FREE", "sne_with_allowances", None),
        ("Vacancy for a seconded national expert\nCategory: Administrator (AD)", "sne", "AD"),
        ("REF.: EUAA/2026/TA/010\nPlace of employment: Valletta", "temporary_agent", None),
        ("ERCEA/TA/210/2026\nTEMPORARY AGENT – ARTICLE 2(f) CEOS", "temporary_agent_2f", None),
        ("A thorough knowledge of one of the official languages of the EU is required.", None, None),
        ("The successful candidate will be appointed as an official at grade AD 14.", "official", "AD"),
        ("Reference: EMA/CA/12345\nContract Agent FG IV, grades 13, 14 and 16", "contract_agent", "FG IV"),
    ],
)
def test_contract_and_function_group(text: str, contract: str | None, fg: str | None) -> None:
    call = parse_text(text)
    assert (call.contract_type.value if call.contract_type else None) == contract
    assert call.function_group == fg


@pytest.mark.parametrize(
    ("text", "contract"),
    [
        ("Type de contrat : agent temporaire au titre de l'article 2, point f), du RAA", "temporary_agent_2f"),
        ("Vertragsart: Bediensteter auf Zeit gemäß Artikel 2 Buchstabe a BSB", "temporary_agent_2a"),
        ("Tipo di contratto: agente temporaneo ai sensi dell'articolo 2, lettera b)", "temporary_agent_2b"),
        ("Rodzaj umowy: pracownik zatrudniony na czas określony, art. 2 lit. f) WZIP", "temporary_agent_2f"),
        ("Soort overeenkomst: tijdelijk functionaris, artikel 2, onder f), van de RAP", "temporary_agent_2f"),
        ("Είδος σύμβασης: έκτακτος υπάλληλος, άρθρο 2 στοιχείο στ)", "temporary_agent_2f"),
        ("Druh smlouvy: dočasný zaměstnanec podle čl. 2 písm. a)", "temporary_agent_2a"),
        ("ideiglenes alkalmazott, a feltételek 2. cikkének f) pontja szerint", "temporary_agent_2f"),
        ("Tipo de contrato: agente contratual nos termos do artigo 3.º-A", "contract_agent_3a"),
        ("Tipo de contrato: agente contractual con arreglo al artículo 3 bis", "contract_agent_3a"),
        ("Type de contrat : agent contractuel au titre de l'article 3 ter du RAA", "contract_agent_3b"),
        ("sopimussuhteinen toimihenkilö, ehtojen 3 b artiklan mukaisesti", "contract_agent_3b"),
        ("The offer will be a contract under point (f) of Article 2 of the CEOS.", "temporary_agent_2f"),
        ("Type of contract: Temporary agent under Article 2(c) CEOS", "temporary_agent"),
        ("Staff are hired under Article 2(d) of the Conditions of Employment.", "temporary_agent"),
        ("Personal data: see Article 2(a) of Regulation (EU) 2018/1725.", None),
    ],
)
def test_article_wordings(text: str, contract: str | None) -> None:
    call = parse_text(text)
    assert (call.contract_type.value if call.contract_type else None) == contract


@pytest.mark.parametrize(
    ("text", "contract", "fg"),
    [
        ("AGENTE TEMPORANEO\nFunzionario tecnico (AD 6)", "temporary_agent", "AD"),
        ("TIJDELIJK FUNCTIONARIS\nBeleidsmedewerker (AD 8)", "temporary_agent", "AD"),
        ("AGENT(Ă) TEMPORAR(Ă)\nConsilier (AD 7)", "temporary_agent", "AD"),
        ("(Bedienstete/-r auf Zeit — Besoldungsgruppe AD 12)", "temporary_agent", "AD"),
        ("Stanowisko dla członków personelu tymczasowego w grupie AD 6", "temporary_agent", "AD"),
        ("Appel à manifestation d'intérêt pour agent(e)s contractuel(le)s, groupe de fonctions III", "contract_agent", "FG III"),
        ("CONVOCATORIA PARA AGENTES CONTRACTUALES\nGrupo de funciones IV: Asesor", "contract_agent", "FG IV"),
        ("Agente contrattuale, gruppo di funzioni II", "contract_agent", "FG II"),
        ("Pracownik kontraktowy, grupa funkcyjna: GF III", "contract_agent", "FG III"),
        ("Profile: IT support\nGrade: FG III, FG IV", "contract_agent", "FG III"),
        ("Type and duration of contract: Temporary agent AST, 3 years", "temporary_agent", "AST"),
        ("Stelle eines Direktors (AD 14) (Artikel 29 Absatz 2 des Statuts)", "official", "AD"),
        ("Posto di direttore (AD 14)\n(articolo 29, paragrafo 2, dello statuto)", "official", "AD"),
        ("Legal basis: Article 29(1)(a) of the Staff Regulations\nGrade: AD 13", "official", "AD"),
        ("We organise this selection to recruit officials as lawyers (AD 7).", "official", "AD"),
        ("Fonctionnaire (AD 12)", "official", "AD"),
        ("Notice of open competition\nAdministrators (AD 7)", "official", "AD"),
        ("The Staff Regulations of Officials apply.\nTemporary agent AD 6", "temporary_agent", "AD"),
        ("You will work as a contract agent.\nYou will meet officials of the Member States.", "contract_agent", None),
    ],
)
def test_category_words(text: str, contract: str | None, fg: str | None) -> None:
    call = parse_text(text)
    assert (call.contract_type.value if call.contract_type else None) == contract
    assert call.function_group == fg


@pytest.mark.parametrize(
    ("text", "contract", "fg"),
    [
        ("REF: AGENCY/2026/CA/014\nPlace of employment: Lisbon", "contract_agent", None),
        ("Reference: AGENCY-CA03-IV-2026-02\nAdministrative officer (FG IV)", "contract_agent", "FG IV"),
        ("Ref.: AGENCY/2026/01/TA2f/AD7\nType of post: Temporary Agent (TA)", "temporary_agent_2f", "AD"),
        ("Ref.: AGENCY-TA12-AST-2026-03\nOffice assistant", "temporary_agent", "AST"),
        ("Reference number: EPSO/CAST/P/3/2026\nProfile: Finance", "contract_agent", None),
        ("Reference: BODY/2026/TA/12\nType of contract: Contract agent 3a", "contract_agent_3a", None),
        ("Ref: CONS/AD/12/26\nDepartment: Legal service", None, "AD"),
        # the first segment is the issuer, not a category code
        ("Ref.: CA-JU/TA/2026/07\nPost: Programme officer", "temporary_agent", None),
        ("Ref.: SNE-BODY/CA/2026/03\nPost: Finance assistant", "contract_agent", None),
    ],
)
def test_reference_codes(text: str, contract: str | None, fg: str | None) -> None:
    call = parse_text(text)
    assert (call.contract_type.value if call.contract_type else None) == contract
    assert call.function_group == fg


@pytest.mark.parametrize(
    ("text", "contract"),
    [
        ("Seconded national expert\nSpecificities: ☒ None ☐ COST-FREE", "sne_with_allowances"),
        ("Experts nationaux détachés\nType de détachement : ☒ sans frais ☐ avec indemnités", "sne_cost_free"),
        ("SECONDED NATIONAL EXPERT\nSpecificities:\n☐\nWith allowances\nX COST-FREE", "sne_cost_free"),
        ("Ref. Deadline Cost-free SNE\nSECONDED NATIONAL EXPERT\n☒ With allowances ☐ Cost-free", "sne_with_allowances"),
        ("Type of contract: Seconded National Expert\nThe SNE receives a daily subsistence allowance.", "sne_with_allowances"),
        ("Seconded national expert\nType of secondment With allowances Cost-free", "sne"),
    ],
)
def test_secondment(text: str, contract: str) -> None:
    call = parse_text(text)
    assert call.contract_type is not None
    assert call.contract_type.value == contract


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Type of contract: Temporary agent 2(f)\nFunction group / Grade: AD 6", "AD 6"),
        ("Temporary agent (Article 2(f)), grade AD5 – AD12", "AD 5-AD 12"),
        ("Post of Director, official, Article 29(2), grade A*14", "AD 14"),
        ("Temporary agent, Function group AD, grade 15", "AD 15"),
        ("Contract Type: 3b\nFunction Group: FG IV", None),
        # a grade code inside a reference, before another number segment, is no grade
        ("Reference: BODY/2027/TA/AD7/04\nTemporary agent, grade AD 7", "AD 7"),
        ("Referencia: BODY/2027/TA/AST3/02\nAgente temporal", None),
        # a second number not higher than the first is no range
        ("Temporary agent\nAD8/03", "AD 8"),
    ],
)
def test_grade(text: str, grade: str | None) -> None:
    assert parse_text(text).grade == grade


def test_staff_category_follows_contract() -> None:
    assert parse_text("Contract Type: 3b").staff_category is not None
    assert parse_text("Contract Type: 3b").staff_category.value == "contract_agent"  # type: ignore[union-attr]

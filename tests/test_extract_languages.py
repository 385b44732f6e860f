"""Language rules: levels, named languages, "one EU language", assets, selection."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text
from vacancy_cli.extract import languages
from vacancy_cli.model import LanguageRequirement


def req(call_text: str) -> list[tuple[str, list[str]]]:
    return [(r.level, r.of) for r in parse_text(call_text).languages.required]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a thorough knowledge (minimum level C1) of German", [("C1", ["DE"])]),
        (
            "- have a thorough knowledge of one of the official EU languages\n"
            "- have a satisfactory knowledge (minimum level B2) of another EU language",
            [("C1", ["EU"]), ("B2", ["EU"])],
        ),
        ("Very good command of spoken and written French is required, at C2 level.", [("C2", ["FR"])]),
        ("Languages: English (C1) and Italian (B2).", [("C1", ["EN"]), ("B2", ["IT"])]),
        ("Good knowledge of Spanish or Portuguese.", [("B2", ["ES", "PT"])]),
        ("Connaissance approfondie de l'anglais et connaissance satisfaisante du français.", [("C1", ["EN"]), ("B2", ["FR"])]),
        ("Gründliche Kenntnisse der deutschen Sprache und befriedigende Kenntnisse einer weiteren Amtssprache.",
         [("C1", ["DE"]), ("B2", ["EU"])]),
        ("The working language of the team is English.", []),
        ("Une connaissance approfondie d'une des langues officielles de l'Union et une connaissance satisfaisante d'une autre de ces langues.",
         [("C1", ["EU"]), ("B2", ["EU"])]),
        ("Fluency in English is required.", [("C1", ["EN"])]),
        ("Proficiency in English (C1) is essential; French (B2) is desirable.", [("C1", ["EN"])]),
        ("Very good knowledge of English and French is required.", [("C1", ["EN"]), ("C1", ["FR"])]),
        ("Thorough knowledge of English or French.", [("C1", ["EN", "FR"])]),
        ("Good command of MS Office is required.", []),
        ("The official languages of the EU are: BG (Bulgarian), CS (Czech), DA (Danish).", []),
    ],
)
def test_required(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert req(text) == expected


def test_named_language_beats_any_eu_language_at_the_same_level() -> None:
    text = (
        "Excellent written and spoken Dutch is required.\n"
        "Eligibility: a thorough knowledge of one of the official languages of the EU and a satisfactory knowledge "
        "of a second EU language."
    )
    assert req(text) == [("C1", ["NL"]), ("B2", ["EU"])]


@pytest.mark.parametrize(
    ("text", "assets", "required"),
    [
        ("Thorough knowledge of Italian and a satisfactory knowledge of German is a real advantage.", ["IT", "DE"], []),
        ("Knowledge of Polish, Czech or Slovak would be an asset.", ["PL", "CS", "SK"], []),
        ("The main working language is English, another EU language would be an asset.", [], []),
        ("A good command of other EU languages is an asset.", [], []),
        ("Une bonne connaissance de l'allemand serait un atout.", ["DE"], []),
        # a semicolon ends a list of languages; a suspended hyphen keeps a German compound pair
        ("A very good command of English; Danish is an advantage.", ["DA"], [LanguageRequirement(level="C1", of=["EN"])]),
        ("Deutsch- oder Niederländischkenntnisse sind von Vorteil.", ["DE", "NL"], []),
        ("Assets\n- knowledge of Finnish.\n\nSelection", ["FI"], []),  # a heading that is only the asset word
    ],
)
def test_assets(text: str, assets: list[str], required: list[object]) -> None:
    call = parse_text(text)
    assert call.languages.assets == assets
    assert call.languages.required == required


@pytest.mark.parametrize(
    ("text", "selection"),
    [
        ("The selection procedure will be carried out in English and French.", ["EN", "FR"]),
        ("The selection will be carried out in **English** and possibly in a second official language.", ["EN"]),
        ("Interviews will be held in German.", ["DE"]),
        ("You should draft your CV in English, French or German.", []),
    ],
)
def test_selection(text: str, selection: list[str]) -> None:
    assert parse_text(text).languages.selection == selection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C1 in Italian and B2 in French.", [("C1", ["IT"]), ("B2", ["FR"])]),
        ("Level C2 in Slovak, C1 in German and B2 in a third EU language.", [("C2", ["SK"]), ("C1", ["DE"]), ("B2", ["EU"])]),
        ("Biegła znajomość języka niemieckiego oraz dobra znajomość języka angielskiego.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Sehr gute Französischkenntnisse und gute Englischkenntnisse.", [("C1", ["FR"]), ("B2", ["EN"])]),
        ("Gründliche Kenntnisse der italienischen Sprache.", [("C1", ["IT"])]),
        ("Conoscenza approfondita della lingua francese e buona conoscenza della lingua tedesca.", [("C1", ["FR"]), ("B2", ["DE"])]),
        ("Conocimiento profundo del francés y conocimiento satisfactorio del alemán.", [("C1", ["FR"]), ("B2", ["DE"])]),
        ("Conhecimento aprofundado da língua alemã e conhecimento satisfatório do inglês.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Grondige kennis van het Frans en voldoende kennis van het Duits.", [("C1", ["FR"]), ("B2", ["DE"])]),
        ("Důkladná znalost francouzštiny a uspokojivá znalost angličtiny.", [("C1", ["FR"]), ("B2", ["EN"])]),
        ("Dôkladná znalosť nemeckého jazyka a dobrá znalosť anglického jazyka.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Temeljito znanje nemščine in zadovoljivo znanje angleškega jezika.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Temeljito znanje njemačkog jezika i dobro poznavanje engleskog jezika.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Задълбочено владеене на немски език и задоволително владеене на английски език.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Cunoașterea aprofundată a limbii germane și cunoașterea satisfăcătoare a limbii engleze.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("A francia nyelv alapos ismerete és az angol nyelv megfelelő ismerete.", [("C1", ["FR"]), ("B2", ["EN"])]),
        ("Saksan kielen erinomainen taito ja englannin kielen tyydyttävä taito.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Saksa keele põhjalik oskus ja inglise keele rahuldav oskus.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Padziļinātas vācu valodas zināšanas un apmierinošas angļu valodas zināšanas.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Gilios vokiečių kalbos žinios ir patenkinamos anglų kalbos žinios.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Εμπεριστατωμένη γνώση της γερμανικής γλώσσας και ικανοποιητική γνώση της αγγλικής.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Għarfien profond tal-Ġermaniż u għarfien sodisfaċenti tal-Ingliż.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Eolas críochnúil ar an nGaeilge agus eolas sásúil ar an mBéarla.", [("C1", ["GA"]), ("B2", ["EN"])]),
        ("Indgående kendskab til tysk og tilfredsstillende kendskab til engelsk.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Grundliga kunskaper i tyska och tillfredsställande kunskaper i engelska.", [("C1", ["DE"]), ("B2", ["EN"])]),
        ("Language skills: Spanish Fluent, Dutch Good", [("C1", ["ES"]), ("B2", ["NL"])]),
        ("Englisch Sehr gut, Italienisch Gut", [("C1", ["EN"]), ("B2", ["IT"])]),
        ("Very good knowledge of German and/or Dutch.", [("C1", ["DE", "NL"])]),
        ("Goede kennis van het Duits of het Frans.", [("B2", ["DE", "FR"])]),
    ],
)
def test_required_in_every_language(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert req(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Connaissance approfondie d'une des langues officielles de l'Union et connaissance satisfaisante d'une deuxième langue.",
        "Gründliche Kenntnisse einer Amtssprache der EU und ausreichende Kenntnisse einer zweiten EU-Amtssprache.",
        "Una conoscenza approfondita di una delle lingue ufficiali dell'UE e una conoscenza soddisfacente di un'altra lingua.",
        "Un conocimiento profundo de una de las lenguas oficiales y un conocimiento satisfactorio de otra lengua oficial.",
        "Conhecimento aprofundado de uma das línguas oficiais e conhecimento satisfatório de outra língua oficial.",
        "Grondige kennis van een van de officiële talen en voldoende kennis van een andere officiële taal.",
        "Biegła znajomość jednego z języków urzędowych UE i zadowalająca znajomość drugiego języka urzędowego.",
        "Důkladná znalost jednoho z úředních jazyků EU a uspokojivá znalost dalšího úředního jazyka.",
        "Dôkladná znalosť jedného z úradných jazykov EÚ a uspokojivá znalosť ďalšieho úradného jazyka.",
        "Temeljito znanje enega od uradnih jezikov EU in zadovoljivo znanje drugega uradnega jezika.",
        "Temeljito znanje jednog od službenih jezika EU-a i zadovoljavajuće znanje drugog službenog jezika.",
        "Задълбочено владеене на един от официалните езици и задоволително владеене на друг официален език.",
        "Cunoașterea aprofundată a uneia dintre limbile oficiale și cunoașterea satisfăcătoare a unei alte limbi oficiale.",
        "Az unió egyik hivatalos nyelvének alapos ismerete és egy másik hivatalos nyelv megfelelő ismerete.",
        "Jonkin EU:n virallisen kielen perusteellinen taito ja toisen virallisen kielen tyydyttävä taito.",
        "Ühe ametliku keele põhjalik oskus ja teise ametliku keele rahuldav oskus.",
        "Padziļinātas zināšanas vienā no ES oficiālajām valodām un apmierinošas zināšanas citā oficiālajā valodā.",
        "Gilios vienos iš oficialiųjų ES kalbų žinios ir patenkinamos kitos ES kalbos žinios.",
        "Εμπεριστατωμένη γνώση μίας από τις επίσημες γλώσσες και ικανοποιητική γνώση μίας άλλης επίσημης γλώσσας.",
        "Għarfien profond ta' waħda mil-lingwi uffiċjali u għarfien sodisfaċenti ta' lingwa oħra.",
        "Eolas críochnúil ar cheann de theangacha oifigiúla an Aontais agus eolas sásúil ar theanga oifigiúil eile.",
        "Indgående kendskab til et af de officielle sprog og tilfredsstillende kendskab til et andet officielt sprog.",
        "Grundliga kunskaper i ett av EU:s officiella språk och tillfredsställande kunskaper i ett annat officiellt språk.",
    ],
)
def test_one_eu_language_then_another_in_every_language(text: str) -> None:
    assert req(text) == [("C1", ["EU"]), ("B2", ["EU"])]


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        ("Knowledge of Arabic or Russian would be an asset.", ["AR", "RU"]),
        ("Znajomość języka rosyjskiego lub ukraińskiego będzie dodatkowym atutem.", ["RU", "UK"]),
        ("La conoscenza dell'arabo o del cinese costituisce un vantaggio.", ["AR", "ZH"]),
        ("Kenntnisse der japanischen oder türkischen Sprache sind von Vorteil.", ["JA", "TR"]),
        ("Une connaissance du russe serait un atout.", ["RU"]),
        ("Az orosz nyelv ismerete előnyt jelent.", ["RU"]),
        ("Good knowledge of the situation in Malta would be an asset.", []),
        ("Knowledge of Latin America would be an asset.", []),
        ("Experience in a Greek-speaking environment and knowledge of the region would be an advantage.", []),
    ],
)
def test_any_language_can_be_an_asset(text: str, assets: list[str]) -> None:
    assert parse_text(text).languages.assets == assets


@pytest.mark.parametrize(
    ("text", "assets", "required"),
    [
        ("The following would be an advantage:\nexperience in a similar post;\ngood knowledge of Finnish and Swedish\n"
         "The post holder needs a thorough knowledge of English.", ["FI", "SV"], [("C1", ["EN"])]),
        ("Desirable:\nknowledge of Czech or Slovak\nknowledge of Polish.\nExcellent command of German.", ["CS", "SK", "PL"], [("C1", ["DE"])]),
        ("Atouts :\nune bonne connaissance de l'espagnol.", ["ES"], []),
    ],
)
def test_items_of_a_list_introduced_as_an_advantage_are_assets(text: str, assets: list[str], required: list[object]) -> None:
    call = parse_text(text)
    assert call.languages.assets == assets
    assert [(r.level, r.of) for r in call.languages.required] == required


@pytest.mark.parametrize(
    ("text", "selection"),
    [
        ("Das Auswahlverfahren wird auf Deutsch und Englisch durchgeführt.", ["DE", "EN"]),
        ("Rozmowa kwalifikacyjna odbędzie się w języku angielskim.", ["EN"]),
        ("El procedimiento de selección se desarrollará en francés.", ["FR"]),
        ("A kiválasztási eljárás angol nyelven zajlik.", ["EN"]),
        ("De selectieprocedure verloopt in het Engels.", ["EN"]),
        ("Intervjun hålls på engelska.", ["EN"]),
        ("Le formulaire de candidature et le CV doivent être rédigés en anglais.", []),
    ],
)
def test_selection_in_every_language(text: str, selection: list[str]) -> None:
    assert parse_text(text).languages.selection == selection


@pytest.mark.parametrize(
    "name",
    ["Bulgarian", "Spanish", "Czech", "Danish", "German", "Estonian", "Greek", "English", "French", "Irish", "Croatian",
     "Italian", "Latvian", "Lithuanian", "Hungarian", "Maltese", "Dutch", "Polish", "Portuguese", "Romanian", "Slovak",
     "Slovenian", "Finnish", "Swedish"],
)
def test_every_official_language_is_named_from_cldr(name: str) -> None:
    from babel import Locale

    code = next(c.upper() for c, n in Locale("en").languages.items() if n == name and len(c) == 2)
    assert req(f"Thorough knowledge of {name}.") == [("C1", [code])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cunoștințe foarte bune ale limbii germane și cunoștințe bune ale limbii franceze.", [("C1", ["DE"]), ("B2", ["FR"])]),
        ("Se cer cunoștințe aprofundate ale uneia dintre limbile UE și cunoștințe bune ale limbii italiene.",
         [("C1", ["EU"]), ("B2", ["IT"])]),
        ("Thorough knowledge of German is required but Spanish is an advantage.", [("C1", ["DE"])]),
        ("Wymagana jest biegła znajomość języka niemieckiego ale znajomość hiszpańskiego jest atutem.", [("C1", ["DE"])]),
    ],
)
def test_a_conjunction_splits_only_a_sentence_of_its_own_language(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert req(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Candidates need a thorough knowledge of one official EU language and a satisfactory knowledge of another to do the job.",
        "Excellent knowledge of one of the EU languages and good knowledge of another is needed.",
        "Une connaissance approfondie d'une langue officielle de l'UE et une connaissance satisfaisante d'une autre sont exigées.",
        "Gründliche Kenntnisse einer EU-Amtssprache und ausreichende Kenntnisse einer weiteren sind erforderlich.",
        "Conoscenza approfondita di una lingua ufficiale dell'UE e conoscenza soddisfacente di un'altra sono richieste.",
        "Se requiere un conocimiento profundo de una lengua oficial de la UE y un conocimiento satisfactorio de otra.",
        "Vyžaduje sa výborná znalosť jedného úradného jazyka EÚ a uspokojivá znalosť ďalšieho.",
        "Hakijalta edellytetään erinomaista yhden virallisen kielen taitoa ja tyydyttävää toista.",
        "Reikia išsamių vienos ES kalbos žinių ir patenkinamų kitos žinių.",
    ],
)
def test_an_elliptical_another_is_a_second_eu_language(text: str) -> None:
    assert req(text) == [("C1", ["EU"]), ("B2", ["EU"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hakijan on osattava perusteellisesti yhtä unionin virallista kieltä ja tyydyttävästi toista virallista kieltä.",
         [("C1", ["EU"]), ("B2", ["EU"])]),
        ("Išsamus vienos oficialiosios ES kalbos mokėjimas ir patenkinamas kitos ES kalbos mokėjimas.",
         [("C1", ["EU"]), ("B2", ["EU"])]),
        ("Eolas cuimsitheach ar an bhFraincis.", [("C1", ["FR"])]),
        ("Ühes liidu ametlikus keeles põhjalikud teadmised.", [("C1", ["EU"])]),
    ],
)
def test_level_and_quantifier_words(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert req(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Perfect command of Maltese (C2) and a very good knowledge of French (C1).", [("C2", ["MT"]), ("C1", ["FR"])]),
        ("Excellent knowledge of Greek (minimum level C2) and good knowledge of English.", [("C2", ["EL"]), ("B2", ["EN"])]),
        ("Parfaite maîtrise du portugais (C2) et bonne connaissance de l'anglais (B2).", [("C2", ["PT"]), ("B2", ["EN"])]),
        ("Ausgezeichnete Kenntnisse der niederländischen Sprache (mindestens C2) und gute Englischkenntnisse.",
         [("C2", ["NL"]), ("B2", ["EN"])]),
        ("Thorough knowledge of Danish (C2) and thorough knowledge of Danish.", [("C2", ["DA"])]),
    ],
)
def test_a_printed_level_after_a_language_wins_over_the_level_word(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert req(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A thorough knowledge of one of the EU languages, and a satisfactory knowledge of another.", [("C1", ["EU"]), ("B2", ["EU"])]),
        ("Very good skills in another; knowledge of Latvian.", []),
        ("Sehr gute Kenntnisse einer weiteren; Kenntnisse der lettischen Sprache.", []),
    ],
)
def test_an_elliptical_another_needs_a_language_before_it(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert req(text) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "a satisfactory knowledge of another is required",
        "connaissance satisfaisante d'une autre",
        "znalosť ďalšieho",
        "thorough knowledge of English and a good knowledge of a second language",
        "very good knowledge of one of the official languages",
        "knowledge of anotherness",
        "",
    ],
)
def test_the_elliptical_another_pattern_is_needed_only_where_an_another_word_is(clause: str) -> None:
    """`_any_eu_spans` looks for an elliptical `another` only in a clause with a whole `another` word: each match
    of the long pattern ends with one."""
    another = languages._words("another")
    for m in languages._another().finditer(clause):
        found = another.search(clause, m.start("another"))
        assert found is not None and found.span() == m.span("another"), clause

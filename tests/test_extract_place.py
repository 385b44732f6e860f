"""Place of employment: labels in every language, tick boxes, statements, header lines; never the seat."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text
from vacancy_cli.extract.place import cities_in, only_places
from vacancy_cli.extract.ticks import ticked_options


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Miejsce zatrudnienia: Warszawa", ["Warsaw"]),
        ("Standplaats: Den Haag", ["The Hague"]),
        ("Lugar de trabajo: Bruselas", ["Brussels"]),
        ("Sede di servizio: Francoforte", ["Frankfurt"]),
        ("Local de afetação: Lisboa", ["Lisbon"]),
        ("Placeringsort: Luxemburg", ["Luxembourg"]),
        ("Locul de muncă: Bruxelles", ["Brussels"]),
        ("Τόπος απασχόλησης: Βρυξέλλες", ["Brussels"]),
        ("Dienstort: Frankfurt am Main", ["Frankfurt"]),
        ("Tjenestested:\nKøbenhavn, Danmark", ["Copenhagen"]),
        ("Plaats : Brussel ; Straatsburg", ["Brussels", "Strasbourg"]),
        ("Place of employment / Spain-Alicante", ["Alicante"]),
        ("Location(s):\nBrussels (Belgium),\nLuxembourg (Luxembourg)\nTests: online", ["Brussels", "Luxembourg"]),
    ],
)
def test_labelled_place_in_any_language(text: str, places: list[str]) -> None:
    assert parse_text(text).place_of_employment == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Place of secondment: X Brussels ☐ Luxembourg ☐ Other: ....", ["Brussels"]),
        ("Place of secondment: ☒ Brussels Luxemburg Other: ....", ["Brussels"]),
        ("Place of secondment: Luxembourg Type of secondment ☐ With allowances ☐ Cost-free", ["Luxembourg"]),
        ("Place of secondment: ☐ Brussels ☐ Luxembourg ☐ Other", []),
    ],
)
def test_tick_box_places(text: str, places: list[str]) -> None:
    assert parse_text(text).place_of_employment == places


def test_labels_stacked_above_their_values() -> None:
    text = "Grade:\nLocation:\nAD 6\nVienna, Austria\nStarting date:\n1 May 2026"
    assert parse_text(text).place_of_employment == ["Vienna"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The place of employment for this post is Parma, Italy.", ["Parma"]),
        ("Le lieu d'affectation est Strasbourg.", ["Strasbourg"]),
        ("De standplaats is Brussel.", ["Brussels"]),
        ("Miejscem pracy na tym stanowisku jest Luksemburg.", ["Luxembourg"]),
        ("The duty station is in Vienna, Austria, where the Office has its premises.", ["Vienna"]),
        ("Création d'une délégation de l'Union européenne auprès de l'Organisation à Genève", ["Geneva"]),
        ("Se busca un agente para la representación de la Comisión Europea en Múnich.", ["Munich"]),
        ("Duration 2 years Place of employment Madrid, Spain Monthly salary 4 000 EUR", ["Madrid"]),
        ("The jobholder will work in Ispra, Italy.", ["Ispra"]),
        ("Le titulaire du poste sera affecté(e) à Luxembourg.", ["Luxembourg"]),
        ("Miejsce pracy: w Brukseli", ["Brussels"]),
        ("The post of Director of Directorate B, based in Luxembourg, reports to the Director-General.", ["Luxembourg"]),
        # a seat's name inflected in its language (locative)
        ("Stanowisko znajduje się w Warszawie.", ["Warsaw"]),
        ("Place of employment: Tallinnas, Eesti", ["Tallinn"]),
    ],
)
def test_stated_place(text: str, places: list[str]) -> None:
    assert parse_text(text).place_of_employment == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Data Analyst\nEuropean Example Agency\nLisbon, Portugal 🇵🇹\nRef. EXA/2026/01", ["Lisbon"]),
        ("Records Officer\nSolna\nTemporary staff (AST 3)", ["Solna"]),
        ("CALL FOR CONTRACT AGENTS AT THE OFFICE, VIGO, SPAIN EXA/CAST/2026", ["Vigo"]),
        ("Publication of a vacancy for the post of Director (AD 14) (Luxembourg)", ["Luxembourg"]),
    ],
)
def test_place_in_the_heading(text: str, places: list[str]) -> None:
    assert parse_text(text).place_of_employment == places


@pytest.mark.parametrize(
    "text",
    [
        "The Agency is located in Heraklion, Greece, with an office in Athens.",
        "Based in Turin, Italy, the Foundation has about 120 staff.",
        "Most of the available positions are located in Brussels and Luxembourg.",
        "Postal address: Rue de l'Exemple 200, 1049 Bruxelles, Belgique",
        "The Hague,\n10 March 2026\nApplications are invited for this position.",
        "Parent Directorate General (DG) DG EXAMPLE (Brussels)",
    ],
)
def test_seat_address_or_dateline_is_no_place(text: str) -> None:
    assert parse_text(text).place_of_employment == []


@pytest.mark.parametrize(
    ("text", "cities"),
    [
        ("Bruksela, Βρυξέλλες and Брюксел", ["Brussels"]),
        ("GENÈVE or Genf", ["Geneva"]),
        ("Addis-Abeba", ["Addis Ababa"]),
        ("Frankfurt/Main", ["Frankfurt"]),
        ("Brussels-based", []),
    ],
)
def test_city_names_in_any_language(text: str, cities: list[str]) -> None:
    assert cities_in(text) == cities


@pytest.mark.parametrize(
    ("text", "cities"),
    [("Prague, Czech Republic", ["Prague"]), ("Athens (Greece)", ["Athens"]), ("Athens office", []), ("Tallinn, Estland", ["Tallinn"])],
)
def test_only_places(text: str, cities: list[str]) -> None:
    assert only_places(text) == cities


@pytest.mark.parametrize(
    ("text", "ticked"),
    [
        ("X Brussels ☐ Luxembourg ☐ Other", ["Brussels"]),
        ("☐ Brussels S Luxembourg", ["Luxembourg"]),
        ("☐ With allowances x Cost-free", ["Cost-free"]),
        ("no boxes here", None),
    ],
)
def test_letter_ticks_beside_real_boxes(text: str, ticked: list[str] | None) -> None:
    assert ticked_options(text) == ticked


@pytest.mark.parametrize(
    "text",
    [
        # the city of a letterhead's postal address is the seat, not the place of the post
        "European Example Authority\nRef.: EXA/2026/03\n12 Harbour Street\nValletta\nVLT 1234, Malta\nVACANCY NOTICE",
        "Office européen d'exemple\n15 rue de l'Industrie\nLuxembourg\nL-1234 Luxembourg\nAVIS DE VACANCE",
        "Europäische Beispielbehörde\nBeispielstraße 7\nFrankfurt\nPostfach 10 20 30\nSTELLENAUSSCHREIBUNG",
        "Agencia Europea de Ejemplo\nBilbao\nTel. +34 944 00 00 00\nANUNCIO DE VACANTE",
        "AGENCIA EUROPEA DE EJEMPLO, AVENIDA DEL PUERTO 4, ALICANTE, ESPAÑA",
    ],
)
def test_letterhead_address_is_no_place(text: str) -> None:
    assert parse_text(text).place_of_employment == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # experience `in a similar position in` a city does not state the duty station
        ("Erfahrung in einer ähnlichen Position in Berlin ist von Vorteil.\nDer Dienstort ist Wien.", ["Vienna"]),
        ("Die Stelle befindet sich in Parma.", ["Parma"]),
        # statements of the workplace and of where the recruit will be based, in several languages
        ("Your workplace will be our offices in Lisbon (Portugal), with some travel to Brussels.", ["Lisbon"]),
        ("The successful candidate will be posted in Vilnius.", ["Vilnius"]),
        ("Le lieu de travail sera Bruxelles ou Luxembourg.", ["Brussels", "Luxembourg"]),
        ("Vous serez affecté(e) à Strasbourg.", ["Strasbourg"]),
        ("Ihr Arbeitsplatz befindet sich in Köln.", ["Cologne"]),
        ("El candidato seleccionado estará destinado en Madrid.", ["Madrid"]),
        ("De werkplek is Den Haag.", ["The Hague"]),
        ("Wybrany kandydat będzie pracować w Luksemburgu.", ["Luxembourg"]),
    ],
)
def test_stated_duty_station(text: str, places: list[str]) -> None:
    assert parse_text(text).place_of_employment == places

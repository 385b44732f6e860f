"""Deadlines: every shape of formats.md, zones, reconciliation, extensions, no deadline."""

from __future__ import annotations

import pytest

from vacancy_cli import parse_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Closing date: 25.05.2026", "2026-05-25"),
        ("Deadline for applications: 09/07/2026", "2026-07-09"),
        ("Latest application date: 25-02-2026", "2026-02-25"),
        ("Deadline: 8 July 2026", "2026-07-08"),
        ("Express your interest until: 02.12.2026 - 23.00 (Brussels time)", "2026-12-02T23:00:00+01:00"),
        ("Express your interest until: 12 May 2026 by 12:00 (midday) Brussels time", "2026-05-12T12:00:00+02:00"),
        (
            "Place of employment: Warsaw\nClosing date: 3 April 2026 at 12:00 h, Warsaw local time",
            "2026-04-03T12:00:00+02:00",
        ),
        ("Place of employment: Athens\nDeadline: 16/01/2026 23:59 EET", "2026-01-16T23:59:00+02:00"),
        ("Closing date: 15/05/2026 16:00 Heraklion time", "2026-05-15T16:00:00+03:00"),
        ("Bewerbungsfrist: 21. Mai 2026", "2026-05-21"),
        ("Bewerbungsschluss: 3. März 2026, 12 Uhr mittags (Brüsseler Zeit)", "2026-03-03T12:00:00+01:00"),
        ("Date limite : le 15 mars 2026 à 12 heures (heure de Bruxelles)", "2026-03-15T12:00:00+01:00"),
        ("Date limite de candidature : 30 juin 2026 à 12h00 (heure de Bruxelles)", "2026-06-30T12:00:00+02:00"),
        ("Deadline: 31 January 2026 at midnight (CET)", "2026-02-01T00:00:00+01:00"),
        ("Deadline: 23:59 CET on 15 May 2026", "2026-05-15T23:59:00+02:00"),
        ("The deadline for sending applications is midnight (Brussels time) on 30 April 2026.", "2026-05-01T00:00:00+02:00"),
        ("Deadline: 08 May 2026 extended until 26 May 2026", "2026-05-26"),
        ("Last day to apply: 08 May 2026", "2026-05-08"),
        ("Time limit for applications: 08.05.2026", "2026-05-08"),
        ("Application deadline: 02.03.2026, 17:00 CET\n*** EXTENDED until 16.03.2026 ***", "2026-03-16T17:00:00+01:00"),
        ("Scadenza: 2 marzo 2026, ore 12:00\n*** Prorogata al 9 marzo 2026 ***", "2026-03-09T12:00:00+01:00"),
        ("Closing date: 10/03/2026 at 12:00 CET\nThe deadline has been extended until 24/03/2026.", "2026-03-24T12:00:00+01:00"),
        ("Place of employment: Luxembourg\nClosing date: 4 March 2026 at 17:00", "2026-03-04T17:00:00+01:00"),
        ("Closing date: 4 March 2026 at 17:00", "2026-03-04T17:00:00+01:00"),
        ("There is no deadline for application: the call is permanent.", None),
        ("This call has no deadline.\nCandidates who registered before 1 March 2026 will be contacted first.", None),
        ("Publication date: 02/02/2026\nStarting date: 01/09/2026", None),
        ("Closing date: 12 March 2026 (date of publication: 01 March 2026)", "2026-03-12"),
    ],
)
def test_deadline(text: str, expected: str | None) -> None:
    assert parse_text(text).deadline == expected


def test_more_precise_statement_of_the_same_date_wins() -> None:
    text = "Deadline for expressing interest\t22 April 2026\nPlease apply by 22/04/2026 at midday 12:00 CET."
    assert parse_text(text).deadline == "2026-04-22T12:00:00+02:00"


def test_publication_date_is_not_the_deadline() -> None:
    text = "This notice was published on 3 March 2026.\nApplications must be sent by 17 March 2026 at 12:00 CET."
    assert parse_text(text).deadline == "2026-03-17T12:00:00+01:00"


def test_missing_deadline_warns() -> None:
    call = parse_text("Job title: Policy Officer\nPlace of employment: Brussels")
    assert call.deadline is None
    assert any(w.startswith("deadline") for w in call.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # deadline labels and cues in every language, with their time and zone words
        ("Termine per la presentazione delle candidature: 4 maggio 2026, ore 12:00 (ora di Bruxelles)", "2026-05-04T12:00:00+02:00"),
        ("Scadenza: 9 febbraio 2026 a mezzogiorno (ora di Bruxelles)", "2026-02-09T12:00:00+01:00"),
        ("Plazo de presentación: 11 de junio de 2026 a mediodía (hora de Bruselas)", "2026-06-11T12:00:00+02:00"),
        ("Prazo de apresentação das candidaturas: 2 de outubro de 2026 às 12h00 (hora de Bruxelas)", "2026-10-02T12:00:00+02:00"),
        ("Uiterste datum: 7 december 2026 om 12 uur (Brusselse tijd)", "2026-12-07T12:00:00+01:00"),
        ("Termin składania zgłoszeń: 5 grudnia 2026 r., godz. 12:00 czasu brukselskiego", "2026-12-05T12:00:00+01:00"),
        ("Uzávěrka přihlášek: 3. března 2026 ve 12:00 bruselského času", "2026-03-03T12:00:00+01:00"),
        ("Sista ansökningsdag: 14 april 2026 kl. 12.00 (belgisk tid)", "2026-04-14T12:00:00+02:00"),
        ("Ansøgningsfrist: 21. maj 2026 kl. 23.59 østeuropæisk tid", "2026-05-21T23:59:00+03:00"),
        ("Data limită: 3 martie 2026, ora 12:00 (ora Bruxelles-ului)", "2026-03-03T12:00:00+01:00"),
        ("Προθεσμία: 8 Μαρτίου 2026, 12:00 (ώρα Βρυξελλών)", "2026-03-08T12:00:00+01:00"),
        ("Jelentkezési határidő: 2026. március 3. 12:00 (brüsszeli idő)", "2026-03-03T12:00:00+01:00"),
        ("Paraiškų pateikimo terminas: 2026 m. kovo 3 d. 12 val. Briuselio laiku", "2026-03-03T12:00:00+01:00"),
        ("Date limite de dépôt : 20 janvier 2026 à minuit (heure de Bruxelles)", "2026-01-21T00:00:00+01:00"),
        # prose: a day's dot or an abbreviated hour word does not end the sentence
        ("Bewerbungen sind bis spätestens 15. April 2026, 12:00 Uhr (MEZ) einzureichen.", "2026-04-15T12:00:00+02:00"),
        ("Avaldused tuleb esitada hiljemalt 30. aprillil 2026 kell 12.00 Brüsseli aja järgi.", "2026-04-30T12:00:00+02:00"),
        ("Кандидатурите се подават не по-късно от 2 ноември 2026 г., 12:00 ч. (брюкселско време).", "2026-11-02T12:00:00+01:00"),
        ("Pieteikumi jāiesniedz ne vēlāk kā 2026. gada 30. aprīlī plkst. 12.00 pēc Briseles laika.", "2026-04-30T12:00:00+02:00"),
        ("Οι αιτήσεις υποβάλλονται το αργότερο στις 30 Απριλίου 2026, ώρα 12:00 (ώρα Βρυξελλών).", "2026-04-30T12:00:00+02:00"),
        # a fixed-term contract's `prazo`/`plazo` is not a deadline cue
        ("Contrato a prazo de 3 anos com início em 1 de setembro de 2026.", None),
        # gestmax headers: the end of publication on the external site closes the applications
        ("End of publication : 16/03/2026 23:59", "2026-03-16T23:59:00+01:00"),
        ("Fin de publication sur le site externe : 30/06/2026 17:00", "2026-06-30T17:00:00+02:00"),
        ("Einde publicatie op externe website : 04/02/2026 12:00", "2026-02-04T12:00:00+01:00"),
        ("Publication start : 23/01/2026 16:04\nEnd of publication : 16/02/2026 23:59", "2026-02-16T23:59:00+01:00"),
        # a named place's time is that place's zone on that date
        ("Closing date: 3 July 2026 at 12:00 Helsinki time", "2026-07-03T12:00:00+03:00"),
        ("Closing date: 15 May 2026 at 16:00 (Parma, Italy local time)", "2026-05-15T16:00:00+02:00"),
        ("Closing date: 3 July 2026 at 12:00 London time", "2026-07-03T12:00:00+01:00"),
        ("Date limite : 3 juillet 2026 à 12 heures (heure de Lisbonne)".replace("Lisbonne", "Paris"), "2026-07-03T12:00:00+02:00"),
        # the first zone after the time is its zone; CET on a summer date is Brussels time
        ("Deadline: 26 May 2026 at 23:59 EET and 22:59 CET", "2026-05-26T23:59:00+03:00"),
        ("Deadline: 26 May 2026 at 12:00 CET", "2026-05-26T12:00:00+02:00"),
        # the dot of `p.m.` ends no sentence: the zone after it is the time's
        ("Deadline: 16 January 2030 at 11:59 p.m. EET and 10:59 p.m. CET", "2030-01-16T23:59:00+02:00"),
        ("Date limite : 16 janvier 2030 à 4.00 p.m. EET", "2030-01-16T16:00:00+02:00"),
        # seconds are kept when printed
        ("Deadline for applications: 06/01/2026 at 11:59:59 CET", "2026-01-06T11:59:59+01:00"),
        # a line with a strong cue ending with a colon introduces the date on the next line
        ("Job\nDeadline to apply:\n17/09/2030 23:59\nMore", "2030-09-17T23:59:00+02:00"),
        ("Poste\nLes candidatures doivent parvenir au plus tard le :\n17/09/2030 à 12h00\nSuite", "2030-09-17T12:00:00+02:00"),
        # a deadline sentence running on to the next line
        ("All applications must be received no later than\n12 March 2026 at 17:00 (Brussels time).", "2026-03-12T17:00:00+01:00"),
        # an extension on the line after the label, the original date and time on the next one
        ("Closing date for applications\nExtended until 14 September 2026\n31 July 2026 at 23:59 EEST", "2026-09-14T23:59:00+03:00"),
        # ... also when the original line prints the time first
        ("Closing date for applications\nExtended until 15 September 2030\n23:59 on 31 July 2030 EEST\nMore",
         "2030-09-15T23:59:00+03:00"),
        ("Date limite de candidature\nProrogée jusqu'au 15 septembre 2030\n12h00 le 31 juillet 2030 (heure de Bruxelles)\nSuite",
         "2030-09-15T12:00:00+02:00"),
        # in prose, the date the cue stands before, not an earlier date of the same sentence
        ("Date: 02/03/2026 Reference: ABC/2026/01 Deadline for applications 30 March 2026 (12:00 Brussels time)", "2026-03-30T12:00:00+02:00"),
        # a date with a time and a zone alone on its line, its label lost
        ("Title of post\n\n4 June 2026 – 12.00 noon (Brussels time)\nWe are a friendly team.", "2026-06-04T12:00:00+02:00"),
        # ... also after its weekday (in any language)
        ("Title of post\n\nThursday, 4 June 2026 – 12.00 noon (Brussels time)\nWe are a team.", "2026-06-04T12:00:00+02:00"),
        ("Intitulé du poste\n\njeudi 4 juin 2026 – 12 h 00 (heure de Bruxelles)\nNous sommes une équipe.", "2026-06-04T12:00:00+02:00"),
        # a word other than a weekday before it makes it another date (`Published`)
        ("Title of post\n\nPublished 4 June 2026 – 12.00 noon (Brussels time)\nWe are a team.", None),
        # a printing date and time alone on a line is not
        ("Title of post\n\n03/12/2026 10:45\nWe are a friendly team.", None),
        # an Official Journal issue date is not a deadline
        ("COM/2026/10001 OJ C 12 A du 3.2.2026, p. 1", None),
        ("Applications must be sent by 20 March 2026.\nOJ C 123 A, 3.3.2026", "2026-03-20"),
    ],
)
def test_deadline_in_every_language(text: str, expected: str | None) -> None:
    assert parse_text(text).deadline == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `local time` with no place stated is the body's seat's time
        ("European Chemicals Agency (ECHA)\nClosing date: 3 July 2026 at 12:00 local time", "2026-07-03T12:00:00+03:00"),
        # a time with no zone is the place of employment's, not the seat's
        ("European Chemicals Agency (ECHA)\nPlace of employment: Brussels\nClosing date: 3 July 2026 at 12:00 local time",
         "2026-07-03T12:00:00+02:00"),
        ("European Chemicals Agency (ECHA)\nClosing date: 3 July 2026 at 12:00", "2026-07-03T12:00:00+02:00"),
    ],
)
def test_local_time_is_the_seat_without_a_place(text: str, expected: str) -> None:
    assert parse_text(text).deadline == expected


def test_cover_row_of_an_sne_batch() -> None:
    text = (
        "Ref. Deadline Comment ABCD-E-1 10.05.2026 shortened deadline FGHI-J-2 31.05.2026\n"
        "Post identification: ABCD-E-1\nPlace of secondment: Brussels"
    )
    assert parse_text(text).deadline == "2026-05-10"


def test_cover_row_with_weekdays() -> None:
    text = (
        "Réf. Date limite ABCD-E-1 dimanche 10.05.2026 FGHI-J-2 lundi 01.06.2026\n"
        "Post identification: ABCD-E-1\nPlace of secondment: Brussels"
    )
    assert parse_text(text).deadline == "2026-05-10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an eligibility or start date after `before`/`until` is not the deadline: no application word is attached
        ("Applicants must hold their diploma before 30 June 2025.\nThe closing date is 14 May 2026.", "2026-05-14"),
        ("Candidates must have finished their studies before 1 March 2025.", None),
        ("The jobholder should start work before 1 October 2026.", None),
        ("Les candidats doivent avoir obtenu leur diplôme avant le 31 mars 2025.\nDate de clôture : 2 juin 2026", "2026-06-02"),
        ("Die Kandidaten müssen ihr Studium vor dem 1. Juli 2025 abgeschlossen haben.\nBewerbungsfrist: 9. Mai 2026", "2026-05-09"),
        ("I candidati devono aver conseguito il diploma entro il 31 luglio 2025. Scadenza: 15 maggio 2026", "2026-05-15"),
        # in a run-together line, another date's word after the cue does not hide it
        ("Allowance (150 EUR) Applications must be received by 19 June 2030 (23:59 hrs, Paris local time) "
         "Reserve list valid until 31/12/2031 (the validity may be extended)", "2030-06-19T23:59:00+02:00"),
        ("Indemnité (150 EUR) Les candidatures doivent être envoyées avant le 19 juin 2030 Liste de réserve valable "
         "jusqu'au 31/12/2031", "2030-06-19"),
        # ... but one before the cue does
        ("Publication: from 19/02/2030 to 19/03/2030 until 12.00 noon Brussels time. Apply now.", None),
        ("Before applying, read the rules published in the Official Journal of 1 March 2030 and on our website.", None),
        # `before` attached to an application word is a deadline
        ("Please send your application before 20 April 2026.", "2026-04-20"),
        ("Veuillez envoyer votre candidature avant le 3 juin 2026.", "2026-06-03"),
        ("Bewerbungen sind bis zum 12. Juni 2026 einzureichen.", "2026-06-12"),
        ("Hakemukset on lähetettävä 15.5.2026 mennessä.", "2026-05-15"),
        ("Hakijoiden on täytynyt valmistua 1.6.2025 mennessä.", None),
        ("Ansökningar ska skickas före den 3 juni 2026.", "2026-06-03"),
        ("Sökande måste ha avlagt examen före den 1 juni 2025.", None),
        ("Zgłoszenia należy przesłać przed 3 czerwca 2026 r.", "2026-06-03"),
        ("Kandydaci muszą uzyskać dyplom przed 1 czerwca 2025 r.", None),
        # a strong cue beats an earlier weak one in prose
        ("Register before 1 April 2026 to receive updates. Applications must be submitted no later than 30 April 2026.",
         "2026-04-30"),
        ("Inscrivez-vous avant le 2 mars 2026 pour être informé. Les candidatures sont à envoyer au plus tard le 9 mars 2026.",
         "2026-03-09"),
        # a label written with a hyphen and followed by its complement
        ("Termen-limită pentru depunerea candidaturilor: 12.05.2026, ora 12:00 (ora Bruxelles)", "2026-05-12T12:00:00+02:00"),
        ("Data-limită pentru trimiterea cererilor: 7.09.2026", "2026-09-07"),
    ],
)
def test_eligibility_dates_are_not_the_deadline(text: str, expected: str | None) -> None:
    assert parse_text(text).deadline == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ref. : AGY/2031/04\nClosing date for applications (Brussels time) :\n14/03/2031 13:00\nNumber of posts : 2",
         "2031-03-14T13:00:00+01:00"),
        ("Réf. : AGY/2031/04\nDate limite de dépôt des candidatures (heure de Bruxelles) :\n14/03/2031 13:00\nPostes : 2",
         "2031-03-14T13:00:00+01:00"),
    ],
)
def test_a_date_below_a_label_with_an_annotation_is_the_labelled_deadline(text: str, expected: str) -> None:
    record = parse_text(text)
    assert record.deadline == expected
    assert record.evidence["deadline"].confidence == "high"

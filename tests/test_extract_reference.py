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

"""Golden files: each notice in samples/, tests/fixtures/families/ and (when present) the shared seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from vacancy_cli import parse_file

from .conftest import FAMILIES, SAMPLES
from .golden import cases, differences, load

LOCAL = cases(SAMPLES) + cases(FAMILIES)
# Notices written as unseen tests whose records the parser does not yet get right (each README line says why).
KNOWN_GAPS = cases(FAMILIES.parent / "known-gaps")


@pytest.mark.parametrize(("notice", "expected"), LOCAL, ids=[str(n.relative_to(n.parents[1])) for n, _ in LOCAL])
def test_local_golden(notice: Path, expected: Path) -> None:
    got = parse_file(notice).model_dump(mode="json")
    assert differences(load(expected), got) == []


@pytest.mark.xfail(strict=True, reason="a known gap: when it passes, move the fixture to tests/fixtures/families")
@pytest.mark.parametrize(("notice", "expected"), KNOWN_GAPS, ids=[str(n.relative_to(n.parents[1])) for n, _ in KNOWN_GAPS])
def test_known_gaps_still_differ(notice: Path, expected: Path) -> None:
    got = parse_file(notice).model_dump(mode="json")
    assert differences(load(expected), got) == []


@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_seed_golden(seeds: Path, kind: str) -> None:
    failures = []
    for notice in sorted((seeds / kind).iterdir()):
        expected = seeds / "expected" / f"{notice.stem}.json"
        got = parse_file(notice).model_dump(mode="json")
        failures += [f"{notice.name}: {d}" for d in differences(load(expected), got)]
    assert failures == []


def test_there_are_local_golden_files() -> None:
    assert len(cases(SAMPLES)) >= 4, "samples/ must hold notices with their expected records"

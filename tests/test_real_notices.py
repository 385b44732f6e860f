"""The real notices in ../shared/real (skipped when absent): every file parses, and the header fields
stay at or above the floor that `.ci/run` also checks with the shared scorer (a ratchet, raised as the
parser improves)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vacancy_cli import parse_file

from .golden import comparable, get, load

HEADER_FIELDS = ("reference", "institution", "dg", "units", "job_title", "contract_type", "function_group",
                 "deadline", "place_of_employment")
# Share of header fields right, per producer (as REAL_MIN in .ci/run).
FLOOR = {"text": 0.97, "pdf": 0.97, "pdf-web": 0.97}


def _score(real: Path, kind: str) -> tuple[int, int, list[str]]:
    right = total = 0
    misses = []
    for notice in sorted((real / kind).iterdir()):
        expected = load(real / "expected" / f"{notice.stem}.json")
        got = parse_file(notice).model_dump(mode="json")
        for field in HEADER_FIELDS:
            total += 1
            if comparable(field, get(expected, field)) == comparable(field, get(got, field)):
                right += 1
            else:
                misses.append(f"{notice.name}: {field}")
    return right, total, misses


@pytest.mark.parametrize("kind", ["text", "pdf", "pdf-web"])
def test_real_notices_header_fields(real: Path, kind: str) -> None:
    if not (real / kind).is_dir():
        pytest.skip(f"../shared/real/{kind} is not present")
    right, total, misses = _score(real, kind)
    assert total > 0
    assert right / total >= FLOOR[kind], f"{right}/{total} header fields right; first misses: {misses[:20]}"

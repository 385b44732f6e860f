"""Shared fixtures: paths to samples, fixtures and (when present) the shared seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FAMILIES = Path(__file__).resolve().parent / "fixtures" / "families"
SEEDS = ROOT.parent / "shared" / "seeds"
REAL = ROOT.parent / "shared" / "real"


def _shared(folder: Path) -> Path:
    """A folder of ../shared, or a skip: it is only beside the project in development and CI."""
    if not folder.is_dir():
        pytest.skip(f"../shared/{folder.name} is not present (it is only beside the project in development and CI)")
    return folder


@pytest.fixture
def seeds() -> Path:
    """The shared seed notices."""
    return _shared(SEEDS)


@pytest.fixture
def real() -> Path:
    """The shared real notices."""
    return _shared(REAL)

"""Shared fixtures: paths to samples, fixtures and (when present) the shared seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FAMILIES = Path(__file__).resolve().parent / "fixtures" / "families"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds() -> Path:
    """The shared seed notices; the test skips when ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present (it is only beside the project in development and CI)")
    return SEEDS

REAL = ROOT.parent / "shared" / "real"


@pytest.fixture
def real() -> Path:
    """The shared real notices; the test skips when ../shared is absent."""
    if not REAL.is_dir():
        pytest.skip("../shared/real is not present (it is only beside the project in development and CI)")
    return REAL

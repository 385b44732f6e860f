"""Shared fixtures: paths to samples, fixtures and (when present) the shared seeds."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The compiled-pattern cache of this test run (`regex_cache`), also for the CLI's child processes: never the user's.
_PATTERN_CACHE = tempfile.mkdtemp(prefix="vacancy-test-cache-")
os.environ["VACANCY_CACHE_DIR"] = _PATTERN_CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_PATTERN_CACHE, ignore_errors=True)

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

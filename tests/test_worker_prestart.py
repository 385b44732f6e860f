"""A worker started before the command line is read (`worker.prestart`) is the one the first pool takes, under the
pool's limits; one that died is replaced; help and other commands start none."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from vacancy_cli import worker
from vacancy_cli.cli.entry import reads_notices
from vacancy_cli.errors import LimitExceededError
from vacancy_cli.limits import Limits

from .pdfgen import NOTICE_LINES

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are started early only where forking is cheap")


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(NOTICE_LINES) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def no_spare_left() -> Iterator[None]:
    yield
    if worker._spare is not None:
        worker._spare[0].kill()
        worker._spare = None


def test_the_first_pool_takes_the_started_worker(notice: Path) -> None:
    worker.prestart()
    assert worker._spare is not None
    started = worker._spare[0].pid
    with worker.Pool(1, Limits()) as pool:
        [(_, call)] = list(pool.map([worker.Job(str(notice))]))
        assert pool.workers[0].process is not None and pool.workers[0].process.pid == started
    assert call.reference == "EC/2026/ENV/300400"
    assert worker._spare is None


def test_the_started_worker_keeps_the_pools_time_limit(tmp_path: Path) -> None:
    worker.prestart()
    slow = tmp_path / "fifo"
    os.mkfifo(slow)  # never written: reading it blocks until the worker is killed
    with worker.Pool(1, Limits(timeout=1)) as pool:
        [result] = list(pool.map([worker.Job(str(slow))]))
    assert isinstance(result, LimitExceededError)


def test_a_started_worker_that_died_is_replaced(notice: Path) -> None:
    worker.prestart()
    assert worker._spare is not None
    worker._spare[0].kill()
    worker._spare[0].join(5)
    with worker.Pool(1, Limits()) as pool:
        [(_, call)] = list(pool.map([worker.Job(str(notice))]))
    assert call.reference == "EC/2026/ENV/300400"


@pytest.mark.parametrize(
    ("args", "reads"),
    [
        (["parse", "a.pdf"], True),
        (["export", "folder", "-o", "x.jsonl"], True),
        (["sync", "folder"], True),
        (["explain", "a.pdf"], True),
        (["parse", "--help"], False),
        (["export", "-h"], False),
        (["--help"], False),
        (["validate", "a.json"], False),
        (["calls", "--open"], False),
        ([], False),
    ],
)
def test_only_commands_that_read_notices_start_a_worker_early(args: list[str], reads: bool) -> None:
    assert reads_notices(args) is reads

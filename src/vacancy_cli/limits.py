"""Resource limits for one input: size, pages, time, memory."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

from .errors import LimitExceededError


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a batch going whatever one file holds (0 or None: no limit)."""

    max_pdf_bytes: int = 100 * 1024 * 1024
    max_text_bytes: int = 5 * 1024 * 1024
    max_pages: int = 300
    timeout: float | None = 60.0
    max_memory: int = 1024 * 1024 * 1024  # bytes of address space of the process that reads a PDF or Word file


def memory_message(limits: Limits) -> str:
    """What a file that needed more memory than allowed is told."""
    return f"needed more than the {limits.max_memory >> 20} MiB memory limit (see --max-memory)"


def time_message(seconds: float | None) -> str:
    """What a file that took longer than allowed is told."""
    return f"took longer than the {seconds:g} s time limit (see --timeout)"


DEFAULT_LIMITS = Limits()


@contextlib.contextmanager
def time_limit(seconds: float | None, name: str) -> Iterator[None]:
    """Raise LimitExceededError when the block runs longer than `seconds`.

    Uses a real-time interval timer, so it applies in the main thread of a process
    (the CLI and its worker processes); elsewhere the block runs unbounded.
    """
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise LimitExceededError(time_message(seconds), name)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def memory_growth(extra: int, name: str, what: str) -> Iterator[None]:
    """Raise LimitExceededError when the block grows this process's address space by more than `extra` bytes.

    A soft `RLIMIT_AS` over the address space the process has now, restored after the block (Linux,
    which tells that size in /proc; elsewhere the block runs unbounded). For work done in the command's
    own process, such as reading JSON, where no worker's limit holds.
    """
    try:
        import resource

        with open("/proc/self/statm") as statm:
            now = int(statm.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        ceiling = now + extra if hard == resource.RLIM_INFINITY else min(now + extra, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    except (ImportError, OSError, ValueError):
        yield
        return
    try:
        yield
    except MemoryError:
        raise LimitExceededError(f"{what} needs more than the {extra >> 20} MiB of memory allowed to it", name) from None
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

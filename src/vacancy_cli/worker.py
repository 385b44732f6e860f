"""Notices read in worker processes, under limits that hold while PDFium or pdfminer runs in C code.

A worker is a long-lived child process (forked on Linux, spawned elsewhere) that reads one notice at
a time under a memory limit (`RLIMIT_AS`, `--max-memory`). The parent kills a worker that goes past
the time limit (`--timeout`, plus a second of grace) and starts another for the next file, so a bomb
ends as that file's LimitExceededError and the batch goes on. On Linux a worker is killed with its
parent (`PR_SET_PDEATHSIG`); everywhere an idle worker ends when the parent's end of its pipe closes.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import InputError, LimitExceededError, VacancyError
from .limits import Limits, memory_message, time_message

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from .document import Document
    from .model import Call

GRACE = 1.0  # seconds a worker may run past the time limit before it is killed
LEAVE = 2.0  # seconds an idle worker is given to write the pattern cache and leave before it is killed
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Job:
    """One notice to read: the file `name`, or `data` (stdin) named `name`; `html` also makes its `vacancy explain`
    page, here under the limits, since drawing a page can cost more than reading it."""

    name: str
    data: bytes | None = None
    password: str | None = None
    engine: str = "auto"
    html: bool = False


Parsed = tuple["str | None", "Call"]
Result = Parsed | VacancyError


def _context() -> Any:
    """Fork where it is safe and cheap (Linux); spawn elsewhere (macOS, Windows)."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


class Worker:
    """One child process that reads its jobs in turn; started on first use and again after a kill.

    It holds up to DEPTH jobs, so that it starts the next file while the parent writes the last
    one's record; the time limit runs for the job at the head, from the moment the one before ended.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.process: BaseProcess | None = None
        self.connection: Connection | None = None
        self.pending: deque[tuple[int, Job]] = deque()
        self.deadline: float | None = None

    def give(self, index: int, job: Job) -> None:
        """Queue a job (number `index` of the batch), starting the process if needed."""
        self.pending.append((index, job))
        if self.connection is None:
            self._restart()
            return
        try:
            self.connection.send(job)
        except OSError:  # the worker died while idle (killed from outside): a new one takes its jobs
            self._restart()
            return
        if len(self.pending) == 1:
            self._clock()

    def take(self) -> tuple[int, Result]:
        """The head job's result (the connection is readable); a worker that died instead is one error for that job."""
        assert self.connection is not None
        index, job = self.pending.popleft()
        try:
            kind, payload = self.connection.recv()
        except (EOFError, OSError):
            result: Result = self._death(job)
            self._restart()
            return index, result
        if kind == "ok":
            result = payload
        else:
            error_type, message, path = payload
            result = error_type(message, path)
        if kind == "exit":  # the worker left after a MemoryError (its heap is not worth keeping)
            self._restart()
        elif self.pending:
            self._clock()
        return index, result

    def expire(self) -> tuple[int, Result]:
        """Kill the process, past the head job's deadline: that job is over the time limit."""
        index, job = self.pending.popleft()
        self._restart()
        return index, LimitExceededError(time_message(self.limits.timeout), job.name)

    def stop(self) -> None:
        """Kill the process and forget its jobs; an idle one is first asked to leave, which it does once it has
        written the patterns it compiled (`regex_cache`), and given `LEAVE` seconds for it."""
        if not self.pending and self.process is not None and self.connection is not None:
            with contextlib.suppress(OSError, ValueError):
                self.connection.send(None)
                self.process.join(LEAVE)
        self.pending.clear()
        self._kill()

    def _clock(self) -> None:
        self.deadline = time.monotonic() + self.limits.timeout + GRACE if self.limits.timeout else None

    def _kill(self) -> None:
        if self.process is not None:
            with contextlib.suppress(OSError, ValueError):
                self.process.kill()
                self.process.join(5)
        if self.connection is not None:
            self.connection.close()
        self.process = self.connection = None
        self.deadline = None

    def _restart(self) -> None:
        """A new process (when jobs are waiting) that is given the jobs the old one held."""
        self._kill()
        if not self.pending:
            return
        self.process, self.connection = _take_spare(self.limits) or _start(self.limits)
        for _, job in self.pending:
            self.connection.send(job)
        self._clock()

    def _death(self, job: Job) -> VacancyError:
        assert self.process is not None
        self.process.join(5)
        code = self.process.exitcode
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit status {code}"
        if self.limits.max_memory:
            return LimitExceededError(f"the reader stopped ({how}): {memory_message(self.limits)}", job.name)
        return InputError(f"the reader crashed ({how})", job.name)


DEPTH = 2


class Pool:
    """Workers reading jobs in parallel; results come in input order, each as soon as it and those before it are done."""

    def __init__(self, size: int, limits: Limits) -> None:
        self.workers = [Worker(limits) for _ in range(max(1, size))]

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker."""
        for worker in self.workers:
            worker.stop()

    def map(self, jobs: Iterable[Job | VacancyError]) -> Iterator[Result]:
        """Each job's result, in order; an error given in place of a job (stdin over its limit) is its result."""
        from multiprocessing.connection import wait

        for worker in self.workers:
            if worker.pending:  # jobs of an earlier map left unread
                worker.stop()
        waiting = iter(enumerate(jobs))
        done: dict[int, Result] = {}
        following = 0
        more = True
        while True:
            for worker in self.workers:
                while more and len(worker.pending) < DEPTH:
                    item = next(waiting, None)
                    if item is None:
                        more = False
                    elif isinstance(item[1], VacancyError):
                        done[item[0]] = item[1]
                    else:
                        worker.give(item[0], item[1])
            while following in done:
                yield done.pop(following)
                following += 1
            busy = [w for w in self.workers if w.pending]
            if not busy:
                return
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            pause = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait([w.connection for w in busy if w.connection is not None], pause)
            for worker in busy:
                if worker.connection in ready:
                    index, result = worker.take()
                elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                    index, result = worker.expire()
                else:
                    continue
                done[index] = result


_shared: dict[Limits, Pool] = {}


def shared_pool(limits: Limits) -> Pool:
    """This process's one worker for these limits, kept from call to call, and stopped at exit."""
    if not _shared:
        atexit.register(_stop_shared)  # runs before multiprocessing's own handler, which would kill the workers
    return _shared.setdefault(limits, Pool(1, limits))


def _stop_shared() -> None:
    for pool in _shared.values():
        pool.close()


def read_isolated(job: Job, limits: Limits) -> Parsed:
    """Read one notice in this process's worker for these limits."""
    result = next(shared_pool(limits).map([job]))
    if isinstance(result, VacancyError):
        raise result
    return result


_spare: tuple[BaseProcess, Connection] | None = None


def prestart() -> None:
    """Start a worker now, where forking is cheap (Linux): it loads the readers and extractors while this
    process reads its command line, and the first worker needed takes it (`_take_spare`)."""
    global _spare
    if _spare is None and sys.platform.startswith("linux"):
        _spare = _start(None)


def _take_spare(limits: Limits) -> tuple[BaseProcess, Connection] | None:
    """The started worker, given its limits, or None (none started, or it died)."""
    global _spare
    spare, _spare = _spare, None
    if spare is None:
        return None
    try:
        spare[1].send(limits)
    except OSError:
        spare[0].kill()
        spare[1].close()
        return None
    return spare


def _start(limits: Limits | None) -> tuple[BaseProcess, Connection]:
    """A worker process and the parent's end of its pipe; without limits, it waits for them first."""
    for stream in (sys.stdout, sys.stderr):  # a forked child must not write the parent's buffers again
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    ours, theirs = _context().Pipe()
    process = _context().Process(target=serve, args=(theirs, limits, os.getpid()), daemon=True)
    process.start()
    theirs.close()
    return process, ours


def serve(connection: Connection, limits: Limits | None, parent: int) -> None:
    """The worker's loop: read jobs until the parent closes the pipe (started early, its limits first)."""
    _die_with(parent)
    faulthandler.disable()  # a worker's death is told by the parent, in one line
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if limits is None:
        from . import api  # noqa: F401 - loaded while the parent reads its command line
        from .read import pdfium  # noqa: F401

        try:
            limits = connection.recv()
        except (EOFError, OSError):
            return
    if limits.max_memory:
        _limit_memory(limits.max_memory)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:  # asked to leave: first the patterns the notices compiled, for the next run
            _keep_patterns()
            return
        kind, payload = _run(job, limits)
        connection.send((kind, payload))
        if kind == "exit":
            return


def _keep_patterns() -> None:
    """Write the patterns this worker's notices compiled, for the next run (its exit handlers do not run)."""
    from . import regex_cache

    regex_cache.save()


def _run(job: Job, limits: Limits) -> tuple[str, Any]:
    """("ok", (HTML page or None, call)), or ("error" / "exit", (error type, message, path))."""
    from .api import parse_document, read_file

    try:
        data = job.data if job.data is not None else read_file(job.name, limits)
        doc, call = parse_document(data, job.name, password=job.password, engine=job.engine, limits=limits)
        return "ok", (_html(data, doc, call, job.password) if job.html else None, call)
    except VacancyError as error:
        return "error", (type(error), error.message, error.path)
    except MemoryError:
        return "exit", (LimitExceededError, memory_message(limits), job.name)
    except Exception as exc:  # a reader's or extractor's bug on this file: its error, not the batch's end
        text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        return "error", (InputError, f"cannot be read ({type(exc).__name__}{': ' + text if text else ''})", job.name)


def _html(data: bytes, doc: Document, call: Call, password: str | None) -> str:
    """The `vacancy explain` page of a notice: its PDF pages drawn with the field boxes, or its text."""
    from .explain.html import pdf_page, text_page

    return pdf_page(data, call, password) if doc.format == "pdf" else text_page(doc, call)


def _die_with(parent: int) -> None:
    """On Linux, have the kernel kill this worker when its parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the call above
        os._exit(0)


def _limit_memory(size: int) -> None:
    """Cap this process's address space (a no-op where the platform has no such limit)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    except (ImportError, AttributeError, ValueError, OSError):
        pass

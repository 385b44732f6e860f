"""The vocabulary's compiled patterns, kept between runs in the user's cache.

`re` compiles in pure Python: the 24 languages' vocabulary (about 139,000 characters of patterns) takes
a quarter of a second a run, more than reading a dozen notices. `compile` is `re.compile` for the
patterns of the package's own code and data; what `re`'s compiler made of each (its engine code, flags
and groups) is written to one file, and later runs give it back to the engine (`_sre.compile`, where
`re.compile` ends too), which checks the code it is given. The pattern object is the one `re.compile`
returns: equal to it, as `tests/test_regex_cache.py` checks for every kept pattern.

`kept` does the same for values derived from the vocabulary that take long to build (lexicon unions, the
language-name tables), each named by its inputs and a digest of the files that build it (`sources`), so
an edited lexicon or module builds its values afresh.

Patterns built from a notice's text (its months, its unit code) go to `re.compile`, never here, so the
file holds the vocabulary only. The file is named after the Python build and `re`'s engine, so another
Python never reads it; one that is unreadable, damaged (a checksum covers it) or of another shape is
ignored and written again; a cache that cannot be written costs only the time. Where it lives:
`VACANCY_CACHE_DIR`, else `$XDG_CACHE_HOME/vacancy`, else `~/.cache/vacancy` (`%LOCALAPPDATA%` on
Windows); `VACANCY_CACHE_DIR=` (empty) turns it off. This relies on `re`'s internal compiler
(`re._parser`, `re._compiler`, `_sre`); on a Python where those differ, every pattern is simply
compiled by `re.compile`.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import hashlib
import importlib
import marshal
import os
import re
import sys
import tempfile
import time
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

_FORMAT = b"vacancy-patterns-4\n"
_DIGEST = 32  # bytes of blake2b over the payload, after the format line
_MAX_ENTRIES = 2_000  # patterns, and values: four times what the vocabulary needs; past it, a file starts afresh
_STALE = 600  # seconds after which a temporary file left by a process killed while writing is removed

T = TypeVar("T")
Parts = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]  # flags, code, groups, group index, index group


def _engine() -> tuple[Any, Any, Any] | None:
    """`re`'s parser, code generator and engine, or None where they are not as this module knows them."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
    except ImportError:  # Python 3.10
        parser = importlib.import_module("sre_parse")
        compiler = importlib.import_module("sre_compile")
    engine = importlib.import_module("_sre")
    if not all(hasattr(m, n) for m, n in ((parser, "parse"), (compiler, "_code"), (engine, "compile"))):
        return None
    if array("I").itemsize != engine.CODESIZE:
        return None
    return parser, compiler, engine


class _Store:
    """What is kept (patterns and values): read from the file on first use, written back when a run added some."""

    def __init__(self) -> None:
        self.engine = _engine()
        self.path = _file(self.engine)
        self.entries, self.values = _read(self.path) if self.path else ({}, {})
        self.added = False
        self.used_patterns: set[tuple[str, int]] = set()  # what this run looked for: what a file started afresh keeps
        self.used_values: set[str] = set()

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        if self.engine is None:
            return re.compile(pattern, flags)
        _, _, engine = self.engine
        key = (pattern, flags)
        self.used_patterns.add(key)
        parts = self.entries.get(key)
        if parts is not None:
            kept_flags, code, groups, groupindex, indexgroup = parts
            with contextlib.suppress(TypeError, ValueError, RuntimeError, OverflowError):
                compiled: re.Pattern[str] = engine.compile(pattern, kept_flags, _code(code), groups, groupindex, indexgroup)
                return compiled
        compiled, self.entries[key] = self._compiled(pattern, flags)
        self._added()
        return compiled

    def kept(self, name: str, version: str, build: Callable[[], Any]) -> Any:
        self.used_values.add(name)
        found = self.values.get(name)
        if isinstance(found, tuple) and len(found) == 2 and found[0] == version and isinstance(found[1], bytes):
            with contextlib.suppress(ValueError, EOFError, TypeError):
                return _loads(found[1])
        value = build()
        self.values[name] = (version, marshal.dumps(value))  # replaces what another version built; read when asked
        self._added()
        return value

    def _added(self) -> None:
        if self.path is not None and not self.added:
            self.added = True
            atexit.register(save)

    def _compiled(self, pattern: str, flags: int) -> tuple[re.Pattern[str], Parts]:
        """`re.compile`'s own steps (`re._compiler.compile`), keeping what they make."""
        assert self.engine is not None
        parser, compiler, engine = self.engine
        parsed = parser.parse(pattern, flags)
        code = [int(c) for c in compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts: Parts = (int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1,
                        groupindex, tuple(indexgroup))
        return engine.compile(pattern, parts[0], code, parts[2], groupindex, parts[4]), parts

    def save(self) -> None:
        """Write what is kept, with what another process wrote meanwhile, if this run added any; a file past
        `_MAX_ENTRIES` (old versions of the vocabulary) starts afresh. Never fails: it is only a cache."""
        if not self.added or self.path is None:
            return
        self.added = False
        try:
            self._write(self.path)
        except Exception:  # no space, no memory left under --max-memory, a folder that cannot be made
            self.path = None  # not tried again in this run

    def _write(self, path: Path) -> None:
        entries, values = _read(path)
        entries, values = {**entries, **self.entries}, {**values, **self.values}
        if len(entries) > _MAX_ENTRIES or len(values) > _MAX_ENTRIES:  # mostly old versions: keep what this run used
            entries = {key: entries[key] for key in self.used_patterns & entries.keys()}
            values = {name: values[name] for name in self.used_values & values.keys()}
        payload = marshal.dumps((entries, values))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _remove_stale(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_FORMAT + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _remove_stale(folder: Path) -> None:
    """Temporary files of processes killed while writing (Ctrl-C, a time limit), once surely abandoned."""
    now = time.time()
    for leftover in folder.glob(".patterns-*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _STALE:
                leftover.unlink()


def _code(code: bytes) -> list[int]:
    return array("I", code).tolist()


def _file(engine: tuple[Any, Any, Any] | None) -> Path | None:
    """This Python's pattern file in the cache folder, or None when the cache is off."""
    folder = _folder()
    if folder is None or engine is None:
        return None
    build = f"{sys.implementation.cache_tag}|{sys.version}|{engine[2].MAGIC}|{engine[2].CODESIZE}"
    return folder / f"patterns-{hashlib.blake2b(build.encode(), digest_size=8).hexdigest()}.bin"


def _folder() -> Path | None:
    configured = os.environ.get("VACANCY_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None)
    if base:
        return Path(base) / "vacancy"
    try:
        return Path.home() / ".cache" / "vacancy"
    except RuntimeError:  # no home directory
        return None


def _read(path: Path) -> tuple[dict[tuple[str, int], Parts], dict[str, Any]]:
    """The file's patterns and values, or none when it is missing, damaged or not in this format."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}, {}
    digest, payload = data[len(_FORMAT) : len(_FORMAT) + _DIGEST], data[len(_FORMAT) + _DIGEST :]
    if not data.startswith(_FORMAT) or hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return {}, {}
    try:
        kept = _loads(payload)
    except (ValueError, EOFError, TypeError):
        return {}, {}
    if not (isinstance(kept, tuple) and len(kept) == 2 and all(isinstance(part, dict) for part in kept)):
        return {}, {}
    entries, values = kept
    if not all(map(_well_formed, entries.items())) or not all(isinstance(key, str) for key in values):
        return {}, {}
    return entries, values


def _loads(data: bytes) -> Any:
    """`marshal.loads` without collection passes: thousands of new containers, none in a cycle."""
    gc.disable()
    try:
        return marshal.loads(data)
    finally:
        gc.enable()


@cache
def sources(*files: str) -> str | None:
    """A digest of these files' bytes (modules' `__file__`, data files): part of the name of a value built from
    them (`kept`); None when one cannot be read, and then nothing built from them is kept."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        for file in files:
            digest.update(Path(file).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def _well_formed(entry: tuple[Any, Any]) -> bool:
    key, parts = entry
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(parts, tuple) and len(parts) == 5 and isinstance(parts[1], bytes)
            and len(parts[1]) % array("I").itemsize == 0)


_store: _Store | None = None


def _get_store() -> _Store:
    global _store
    if _store is None:
        _store = _Store()
    return _store


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` for a pattern of the package's code or data, compiled once per Python."""
    return _get_store().compile(pattern, int(flags))


def kept(name: str, version: str, build: Callable[[], T]) -> T:
    """`build()`, kept between runs under `name` while `version` stays the same: `version` must name everything
    the value depends on, its inputs and the files of the code and data that build it (`sources`). The value
    must be one `marshal` writes. A value of another version is built again and replaces it."""
    value: T = _get_store().kept(name, version, build)
    return value


def save() -> None:
    """Write what this process compiled (at exit, and by a worker after each notice: it is killed, not exited)."""
    if _store is not None:
        _store.save()

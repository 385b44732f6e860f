"""`regex_cache`: the vocabulary's compiled patterns kept between runs give the same patterns and records as none,
and a cache that is missing, damaged, unwritable or off changes nothing but the time."""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from vacancy_cli import regex_cache
from vacancy_cli.extract import languages
from vacancy_cli.read import language

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "samples" / "multi-unit.pdf", ROOT / "samples" / "sne-tick-boxes.txt", ROOT / "samples" / "cast-header-table.pdf"]


def parse(cache: str | None, *paths: Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`vacancy parse --format jsonl` in a child process with this cache folder (None: the variable unset)."""
    env = {k: v for k, v in os.environ.items() if k not in ("VACANCY_CACHE_DIR", "XDG_CACHE_HOME")}
    if cache is not None:
        env["VACANCY_CACHE_DIR"] = cache
    if home is not None:
        env["HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "vacancy_cli", "parse", "--format", "jsonl", *map(str, paths)],
                          capture_output=True, text=True, env=env, timeout=120)


def kept_file(folder: Path) -> Path:
    [path] = folder.glob("patterns-*.bin")
    return path


@pytest.fixture(scope="module")
def uncached() -> str:
    """The records with the cache off: what every other run must print."""
    result = parse("", *SAMPLES)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory, uncached: str) -> Path:
    """A cache folder written by one run (from the worker process that read the notices)."""
    folder = tmp_path_factory.mktemp("warm")
    result = parse(str(folder), *SAMPLES)
    assert result.stdout == uncached and result.stderr == ""
    return folder


def test_a_warm_run_prints_the_same_records_and_adds_nothing(warm: Path, uncached: str) -> None:
    path = kept_file(warm)
    before = path.read_bytes()
    result = parse(str(warm), *SAMPLES)
    assert result.stdout == uncached and result.stderr == ""
    assert path.read_bytes() == before  # every pattern is the same text in every run (no set order inside)


def test_every_kept_pattern_is_the_one_re_compile_makes(warm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns, _ = regex_cache._read(kept_file(warm))
    assert len(patterns) > 200  # the vocabulary's patterns, not a handful
    monkeypatch.setenv("VACANCY_CACHE_DIR", str(warm))
    store = regex_cache._Store()
    monkeypatch.setattr(store, "_compiled", lambda *a: pytest.fail("compiled again instead of read"))
    for pattern, flags in patterns:
        assert store.compile(pattern, flags) == re.compile(pattern, flags)  # equal: same pattern, flags and engine code


def test_a_notices_own_words_are_never_kept(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text("Vacancy notice\nUnit QZ.07 and Unit QZ.07.123\nDeadline: 5 of Regulation 2019, then 3 Mai 2026 12:00\n",
                      encoding="utf-8")
    folder = tmp_path / "cache"
    assert parse(str(folder), notice).returncode == 0
    patterns, _ = regex_cache._read(kept_file(folder))
    assert patterns and not [p for p, _ in patterns if "QZ" in p]


def write_kept(path: Path, kept: object) -> None:
    payload = marshal.dumps(kept)
    path.write_bytes(regex_cache._FORMAT + hashlib.blake2b(payload, digest_size=regex_cache._DIGEST).digest() + payload)


@pytest.mark.parametrize("damage", ["noise", "truncated", "wrong checksum", "wrong shape", "bad engine code", "wrong types"])
def test_a_damaged_cache_is_ignored_and_written_again(damage: str, warm: Path, uncached: str, tmp_path: Path) -> None:
    good = kept_file(warm)
    path = tmp_path / good.name
    data = good.read_bytes()
    if damage == "noise":
        path.write_bytes(os.urandom(4096))
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "wrong checksum":
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    elif damage == "wrong shape":
        write_kept(path, [1, 2, 3])
    elif damage == "bad engine code":  # checksum right, code the engine refuses: compiled again
        patterns, texts = regex_cache._read(good)
        write_kept(path, ({key: (flags, b"\xff" * 16, groups, names, index) for key, (flags, _, groups, names, index)
                           in patterns.items()}, texts))
    else:
        write_kept(path, ({("x", 0): "not parts"}, {}))
    result = parse(str(tmp_path), *SAMPLES)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == uncached
    assert regex_cache._read(path)[0]  # replaced by a good file


def test_an_unwritable_cache_costs_only_time(tmp_path: Path, uncached: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = parse(str(blocker / "cache"), *SAMPLES)
    assert result.returncode == 0 and result.stderr == "" and result.stdout == uncached


def test_an_empty_variable_turns_the_cache_off(tmp_path: Path, uncached: str) -> None:
    result = parse("", *SAMPLES, home=tmp_path)
    assert result.stdout == uncached
    assert not any(tmp_path.rglob("*"))  # nothing written, not even under the home folder


def test_the_cache_lives_in_the_users_cache_folder_by_default(tmp_path: Path, uncached: str) -> None:
    result = parse(None, SAMPLES[0], home=tmp_path)
    assert result.returncode == 0
    assert kept_file(tmp_path / ".cache" / "vacancy")


def test_a_value_is_built_once_and_kept_under_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACANCY_CACHE_DIR", str(tmp_path))
    store = regex_cache._Store()
    assert store.kept("k", "v1", lambda: {"built": (1, frozenset({"a"}))}) == {"built": (1, frozenset({"a"}))}
    assert store.kept("k", "v1", lambda: pytest.fail("built again")) == {"built": (1, frozenset({"a"}))}
    store.save()
    again = regex_cache._Store()
    assert again.kept("k", "v1", lambda: pytest.fail("built again")) == {"built": (1, frozenset({"a"}))}


def test_a_value_of_another_version_is_built_again_and_replaces_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACANCY_CACHE_DIR", str(tmp_path))
    for version in ("v1", "v2", "v3"):  # an edited lexicon or module
        store = regex_cache._Store()
        assert store.kept("k", version, lambda version=version: f"built by {version}") == f"built by {version}"
        store.save()
    _, values = regex_cache._read(kept_file(tmp_path))
    assert values == {"k": ("v3", marshal.dumps("built by v3"))}  # one entry, not one per version


def test_a_file_past_its_bound_starts_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACANCY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_MAX_ENTRIES", 3)
    for n in range(5):  # patterns of five versions of a vocabulary, one run each
        store = regex_cache._Store()
        store.compile(f"word{n}", 0)
        store.save()
    patterns, _ = regex_cache._read(kept_file(tmp_path))
    assert 1 <= len(patterns) <= 3 and ("word4", 0) in patterns


def test_processes_saving_at_once_leave_a_good_file(tmp_path: Path) -> None:
    script = ("import sys; from vacancy_cli import regex_cache as c; s = c._Store(); "
              "[s.compile(f'w{sys.argv[1]}x{n}', 0) for n in range(50)]; s.save()")
    env = {**os.environ, "VACANCY_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.Popen([sys.executable, "-c", script, str(n)], env=env) for n in range(6)]
    assert all(run.wait(60) == 0 for run in runs)
    patterns, _ = regex_cache._read(kept_file(tmp_path))
    assert len(patterns) >= 50  # at least the last writer's, merged with what it read
    assert not list(tmp_path.glob(".patterns-*.tmp"))


def test_temporary_files_left_by_killed_writers_are_removed_once_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACANCY_CACHE_DIR", str(tmp_path))
    old, fresh = tmp_path / ".patterns-old.tmp", tmp_path / ".patterns-fresh.tmp"
    for leftover in (old, fresh):
        leftover.write_bytes(b"half a file")
    os.utime(old, (0, 0))
    store = regex_cache._Store()
    store.compile("word", 0)
    store.save()
    assert not old.exists() and fresh.exists()  # a fresh one may be another process's, still being written


@pytest.mark.parametrize("mib", ["63", "66", "70"])  # near the least a notice needs: writing the cache may not fit
def test_a_cache_that_cannot_be_written_under_the_memory_limit_costs_nothing(mib: str, tmp_path: Path) -> None:
    """Writing the cache runs in the worker, under --max-memory: a notice read within the limit stays read."""
    notice = ROOT / "samples" / "multi-unit.pdf"
    env = {**os.environ, "VACANCY_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "vacancy_cli", "parse", "--max-memory", mib, str(notice)],
                            capture_output=True, text=True, env=env, timeout=120)
    uncached = subprocess.run([sys.executable, "-m", "vacancy_cli", "parse", "--max-memory", mib, str(notice)],
                              capture_output=True, text=True, env={**env, "VACANCY_CACHE_DIR": ""}, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (uncached.returncode, uncached.stdout, uncached.stderr)


def test_sources_name_the_bytes_of_files(tmp_path: Path) -> None:
    data = tmp_path / "words.json"
    data.write_text("[]", encoding="utf-8")
    before = regex_cache.sources(str(data))
    data.write_text('["a"]', encoding="utf-8")
    regex_cache.sources.cache_clear()
    assert regex_cache.sources(str(data)) not in (before, None)
    assert regex_cache.sources(str(tmp_path / "missing")) is None


@pytest.mark.parametrize(("kept", "built"), [(languages._names, languages._built_names), (language.vocabulary, language._lexicon_words)])
def test_kept_tables_are_the_tables_built(kept: Callable[[], object], built: Callable[[], object], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACANCY_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # built and written, then read back
        monkeypatch.setattr(regex_cache, "_store", None)
        kept.cache_clear()  # type: ignore[attr-defined]
        assert kept() == built()
        regex_cache.save()
    assert kept_file(tmp_path)
    kept.cache_clear()  # type: ignore[attr-defined]

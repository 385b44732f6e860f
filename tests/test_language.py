"""A text layer that is not language (a broken font map) is refused, exit 4 for a PDF; every real notice reads."""

from __future__ import annotations

import random
import string
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from vacancy_cli.errors import ExitCode
from vacancy_cli.read import read_bytes
from vacancy_cli.read.language import signals

from .conftest import FAMILIES, SAMPLES
from .pdfgen import text_pdf

NOTICE = """Call for expression of interest EC/2026/ENV/300400
Job title: Policy Officer for the circular economy
Where: Unit ENV.B.2, Brussels
Function Group: FG IV
Contract Type: 3b
Express your interest until: 14.10.2026 - 12.00 (Brussels time)
The Directorate-General for Environment is looking for a contract agent to support the unit
in the preparation of policy files, the follow-up of legislation and the contacts with stakeholders.
The selected candidate will draft briefings, analyse data and take part in meetings with Member States.
We offer a stimulating job in a dynamic team and a contract of two years that may be renewed.
Applicants must have a university degree and at least three years of relevant professional experience.
Please send your application with a CV in the Europass format to the functional mailbox of the unit.
"""
LATIN = string.ascii_lowercase
GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъьюя"


def shifted(text: str, k: int) -> str:
    """A Caesar shift of the letters: a font whose codes are off by `k`."""
    table = {c: LATIN[(i + k) % 26] for i, c in enumerate(LATIN)} | {c.upper(): LATIN[(i + k) % 26].upper() for i, c in enumerate(LATIN)}
    return "".join(table.get(c, c) for c in text)


def scrambled(text: str) -> str:
    """A substitution of letters: a subset font whose codes are in no known order."""
    letters = list(LATIN)
    random.Random(3).shuffle(letters)
    table = dict(zip(LATIN, letters, strict=True)) | dict(zip(LATIN.upper(), "".join(letters).upper(), strict=True))
    return "".join(table.get(c, c) for c in text)


def glyph_numbers(text: str, offset: int) -> str:
    """Each character shown as its glyph number plus `offset` (numbered as they come): a font without a Unicode map."""
    numbers: dict[str, int] = {}
    return "".join(c if c.isspace() else chr(offset + numbers.setdefault(c, len(numbers) + 1)) for c in text)


def random_words(alphabet: str) -> str:
    rng = random.Random(5)
    return " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(2, 11))) for _ in range(300))


GIBBERISH: dict[str, Callable[[], str]] = {
    "random Latin letters": lambda: random_words(LATIN),
    "random Greek letters": lambda: random_words(GREEK),
    "random Cyrillic letters": lambda: random_words(CYRILLIC),
    "random letters, digits and symbols": lambda: random_words(string.ascii_letters + string.digits + string.punctuation),
    "Caesar shift by 1": lambda: shifted(NOTICE, 1),
    "Caesar shift by 3": lambda: shifted(NOTICE, 3),
    "Caesar shift by 13": lambda: shifted(NOTICE, 13),
    "substituted letters": lambda: scrambled(NOTICE),
    "glyph numbers as punctuation": lambda: glyph_numbers(NOTICE, 29),
    "glyph numbers as letters": lambda: glyph_numbers(NOTICE, 64),
    "private-use characters": lambda: "".join(c if c.isspace() else chr(0xE000 + ord(c)) for c in NOTICE),
}


@pytest.mark.parametrize("kind", sorted(GIBBERISH))
def test_gibberish_is_not_language(kind: str) -> None:
    assert not signals(GIBBERISH[kind]()).is_language()


def _notices(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".txt", ".md", ".pdf", ".html", ".docx"})


def _languages(paths: list[Path]) -> list[str]:
    """The notices among `paths` whose text is not taken for language."""
    return [str(p) for p in paths if not signals(read_bytes(p.read_bytes(), str(p)).text).is_language()]


def test_every_sample_and_fixture_is_language() -> None:
    paths = _notices(SAMPLES) + _notices(FAMILIES) + _notices(FAMILIES.parent / "known-gaps")
    assert len(paths) > 100
    assert _languages(paths) == []


def test_every_seed_and_real_notice_is_language(seeds: Path, real: Path) -> None:
    paths = _notices(seeds) + _notices(real / "text") + _notices(real / "pdf") + _notices(real / "pdf-web")
    assert _languages(paths) == []


@pytest.mark.parametrize("fixture", ["greek/rv-enisa-prokiryxi.txt", "bulgarian/r2-eige-bg.txt", "french/curia-juriste-linguiste.txt"])
def test_decomposed_accents_are_letters(fixture: str) -> None:
    text = read_bytes((FAMILIES / fixture).read_bytes(), fixture).text
    assert signals(unicodedata.normalize("NFD", text)).is_language()


def test_a_short_text_is_always_read() -> None:
    assert signals(shifted("Job title: Policy Officer. Deadline: 14.10.2026", 3)).is_language()


def test_notice_text_with_a_few_scrambled_lines_is_read() -> None:
    assert signals(NOTICE + shifted(NOTICE.splitlines()[-1], 3)).is_language()


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.mark.parametrize("kind", ["Caesar shift by 3", "substituted letters"])
def test_a_pdf_with_a_gibberish_text_layer_is_refused_with_exit_4(tmp_path: Path, kind: str) -> None:
    (tmp_path / "broken.pdf").write_bytes(text_pdf(GIBBERISH[kind]().splitlines()))
    (tmp_path / "good.pdf").write_bytes(text_pdf(NOTICE.splitlines()))
    result = run("export", "broken.pdf", "good.pdf", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == ExitCode.NO_TEXT_LAYER
    assert result.stderr == "vacancy: broken.pdf: text layer is not language (a font without a Unicode map?): run OCR, e.g. `ocrmypdf --force-ocr`\n"
    first, second = result.stdout.splitlines()
    assert '"error"' in first and "NO_TEXT_LAYER" in first
    assert "EC/2026/ENV/300400" in second
    result = run("parse", "broken.pdf", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr.count("\n")) == (ExitCode.NO_TEXT_LAYER, "", 1)


def test_a_text_file_is_read_whatever_it_holds(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_text(GIBBERISH["random Latin letters"](), encoding="utf-8")
    result = run("parse", "noise.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")

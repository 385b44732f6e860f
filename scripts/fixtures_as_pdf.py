"""Measure the PDF path on the family fixtures: print each fixture .txt to PDF, parse both, compare.

The fixtures in tests/fixtures/families/*/*.txt exist only as text, while real notices also come as
PDFs made by word processors and browsers. This script makes those PDFs with real producers and
reports, per producer, the fields right / compared for the text and for the PDF, and every
mismatch that only the PDF has (a reader problem: pdfium.py / layout.py / clean.py / pdf.py),
apart from the mismatches the text has too (an extractor problem).

Producers (each skipped with a message when its program is absent):
  lo          LibreOffice Writer, plain-text import in a proportional font (DejaVu Sans), PDF export
  chromium    the text as an HTML page (one <p> a line, pre-wrap), printed by headless Chromium
  chromium-hf the same with the browser's print header and footer (date, title, URL, page x/y)

Run from the checkout, with the project's virtualenv:
  python scripts/fixtures_as_pdf.py                       # all producers, PDFs under /tmp/fxpdf
  python scripts/fixtures_as_pdf.py --producers lo --reuse  # keep PDFs already made
  python scripts/fixtures_as_pdf.py --dump /tmp/fxpdf/sne-table/move-with-allowances.pdf

PDFs go to OUT/<family>/<name>.pdf for `lo` and OUT/<producer>/<family>/<name>.pdf for the others.
Needs `soffice` (Debian: libreoffice-writer-nogui) and/or `chromium`; exits 0 with a message when none is there.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.golden import differences, expected_fields, load  # noqa: E402

from vacancy_cli import parse_file  # noqa: E402

FAMILIES = ROOT / "tests" / "fixtures" / "families"
SLOW = 1.0  # seconds: a PDF parse slower than this is reported
PAGE_CSS = "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt} p{margin:0 0 .35em;white-space:pre-wrap}"


@dataclass
class Tally:
    """Fields right / compared, and the mismatch lines, of one producer."""

    compared: int = 0
    text_right: int = 0
    pdf_right: int = 0
    pdf_only: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # both wrong, but the PDF gives another value
    pdf_fixes: list[str] = field(default_factory=list)
    both: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timings: list[tuple[float, str]] = field(default_factory=list)


def fixtures() -> list[Path]:
    return sorted(p for p in FAMILIES.glob("*/*.txt") if p.with_suffix(".json").exists())


def pdf_path(out: Path, producer: str, txt: Path) -> Path:
    base = out if producer == "lo" else out / producer
    return base / txt.parent.name / f"{txt.stem}.pdf"


def make_lo(txts: list[Path], out: Path, reuse: bool) -> None:
    """LibreOffice: one soffice run per family folder, with a private profile (no clash with another soffice)."""
    profile = Path(tempfile.gettempdir()) / "fixtures_as_pdf_lo_profile"
    by_family: dict[Path, list[Path]] = {}
    for txt in txts:
        target = pdf_path(out, "lo", txt)
        if not (reuse and target.exists()):
            by_family.setdefault(target.parent, []).append(txt)
    for folder, files in by_family.items():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--infilter=Text (encoded):UTF8,LF,DejaVu Sans,en-US", "--convert-to", "pdf", "--outdir", str(folder),
             *map(str, files)],
            check=False, capture_output=True, timeout=600,
        )


def page_html(txt: Path) -> str:
    lines = txt.read_text(encoding="utf-8").splitlines()
    body = "\n".join(f"<p>{html.escape(line) or '&nbsp;'}</p>" for line in lines)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>{txt.stem}</title><style>{PAGE_CSS}</style></head><body>{body}</body></html>"


def make_chromium(txts: list[Path], out: Path, reuse: bool, producer: str) -> None:
    """Chromium: each fixture as an HTML page, printed to PDF (with or without the print header/footer)."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    work = Path(tempfile.mkdtemp(prefix="fixtures_as_pdf_"))

    def one(txt: Path) -> None:
        target = pdf_path(out, producer, txt)
        if reuse and target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        page = work / f"{txt.parent.name}__{txt.stem}.html"
        page.write_text(page_html(txt), encoding="utf-8")
        flags = [] if producer == "chromium-hf" else ["--no-pdf-header-footer"]
        subprocess.run(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={work / ('profile-' + page.stem)}",
             *flags, f"--print-to-pdf={target}", page.as_uri()],
            check=False, capture_output=True, timeout=120,
        )

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(one, txts))
    shutil.rmtree(work, ignore_errors=True)


def field_of(diff: str) -> str:
    return diff.split(":", 1)[0]


def measure(producer: str, txts: list[Path], out: Path, engine: str, text_diffs: dict[Path, list[str]]) -> Tally:
    """Parse each PDF of a producer and set its differences against the text's."""
    tally = Tally()
    for txt in txts:
        expected = load(txt.with_suffix(".json"))
        name = f"{txt.parent.name}/{txt.stem}"
        n = len(expected_fields(expected))
        tally.compared += n
        tally.text_right += n - len(text_diffs[txt])
        pdf = pdf_path(out, producer, txt)
        if not pdf.exists():
            tally.errors.append(f"{name}: no PDF made")
            continue
        start = time.perf_counter()
        try:
            got = parse_file(pdf, engine=engine).model_dump(mode="json")
        except Exception as exc:  # a reader error is a result to report, not a reason to stop
            tally.errors.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        tally.timings.append((time.perf_counter() - start, name))
        pdf_diffs = differences(expected, got)
        tally.pdf_right += n - len(pdf_diffs)
        by_text = {field_of(d): d for d in text_diffs[txt]}
        for diff in pdf_diffs:
            key = field_of(diff)
            if key not in by_text:
                tally.pdf_only.append(f"{name}: {diff}")
            elif by_text[key] != diff:
                tally.changed.append(f"{name}: {diff}\n      text: {by_text[key]}")
            else:
                tally.both.append(f"{name}: {diff}")
        pdf_fields = {field_of(d) for d in pdf_diffs}
        tally.pdf_fixes += [f"{name}: {d}" for d in text_diffs[txt] if field_of(d) not in pdf_fields]
    return tally


def report(producer: str, tally: Tally, verbose: bool) -> None:
    print(f"\n=== {producer}: text {tally.text_right}/{tally.compared}  pdf {tally.pdf_right}/{tally.compared}")
    sections = [("PDF-only mismatches", tally.pdf_only), ("both wrong, PDF value differs", tally.changed),
                ("right in PDF only", tally.pdf_fixes), ("errors", tally.errors)]
    if verbose:
        sections.append(("wrong in both (extractor)", tally.both))
    for title, items in sections:
        if items:
            print(f"-- {title} ({len(items)})")
            for item in items:
                print(f"   {item}")
    timings = sorted(tally.timings, reverse=True)
    if timings:
        median = timings[len(timings) // 2][0]
        slow = [f"{name} {t:.2f}s" for t, name in timings if t > max(SLOW, 5 * median)]
        print(f"-- parse time: median {median:.3f}s, max {timings[0][0]:.2f}s ({timings[0][1]})"
              + (f"; slow: {', '.join(slow)}" if slow else ""))


def dump(pdf: Path, engine: str) -> None:
    """The document lines the reader gives for one PDF (with cells and page), to diagnose a mismatch."""
    from vacancy_cli.read import read_bytes

    doc = read_bytes(pdf.read_bytes(), pdf.name, engine=engine)
    for line in doc.lines:
        print(f"p{line.page} {line.bbox} {line.text!r}" + (f" cells={line.cells!r}" if line.cells else ""))
    for line in doc.furniture:
        print(f"FURNITURE p{line.page} {line.text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producers", default="lo,chromium,chromium-hf")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "fxpdf")
    parser.add_argument("--reuse", action="store_true", help="keep PDFs already made")
    parser.add_argument("--engine", default="auto", choices=["auto", "pdfium", "pdfplumber"])
    parser.add_argument("--only", default="", help="substring of family/name to keep")
    parser.add_argument("--verbose", action="store_true", help="also list the mismatches the text has too")
    parser.add_argument("--dump", type=Path, help="print the reader's lines of one PDF and stop")
    args = parser.parse_args()
    if args.dump:
        dump(args.dump, args.engine)
        return 0
    txts = [t for t in fixtures() if args.only in f"{t.parent.name}/{t.stem}"]
    available = {"lo": shutil.which("soffice") is not None,
                 "chromium": bool(shutil.which("chromium") or shutil.which("chromium-browser"))}
    producers = []
    for producer in args.producers.split(","):
        program = "lo" if producer == "lo" else "chromium"
        if available[program]:
            producers.append(producer)
        else:
            print(f"skipping {producer}: {'soffice' if program == 'lo' else 'chromium'} not found "
                  f"(Debian: apt-get install {'libreoffice-writer-nogui' if program == 'lo' else 'chromium'})")
    if not producers:
        print("no PDF producer available: nothing measured")
        return 0
    text_diffs = {t: differences(load(t.with_suffix(".json")), parse_file(t).model_dump(mode="json")) for t in txts}
    for producer in producers:
        if producer == "lo":
            make_lo(txts, args.out, args.reuse)
        else:
            make_chromium(txts, args.out, args.reuse, producer)
        report(producer, measure(producer, txts, args.out, args.engine, text_diffs), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

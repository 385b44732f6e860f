"""Benchmark: `vacancy` against bare pdfplumber and bare PDFium, in one run, as ratios.

    python bench/run.py [--repeat 5] [--batch 200] [--calls 100000]

Every figure is a whole process (Python start-up and imports included), timed as the median of
`--repeat` runs, with the package byte-compiled first as an installed one is and the compiled-pattern
cache warmed by one run, as a user's first run does (the figures `without_pattern_cache` run with it
off); peak resident memory comes from wait4() of that process. Results are printed
and written to bench/results/latest.json. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VACANCY = [sys.executable, "-m", "vacancy_cli"]
BARE_PDFPLUMBER = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""
BARE_PDFIUM = """
import sys, pypdfium2 as pdfium
for path in sys.argv[1:]:
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
"""


def measure(command: list[str], repeat: int) -> dict[str, float]:
    """Median wall time (s) and peak RSS (MiB) of a command run `repeat` times."""
    times, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        process.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": round(statistics.median(times), 4), "peak_rss_mib": round(max(peaks), 1)}


def pages_of(pdfs: list[Path]) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)


def synthetic_store(db: Path, calls: int, sample: Path) -> None:
    """A calls database holding `calls` stored calls: a sample record under other references and deadlines."""
    import datetime as dt

    from vacancy_cli.store import open_store
    from vacancy_cli.store.schema import closes_text, transaction

    record = json.loads(sample.read_text(encoding="utf-8"))
    titles = ["Policy Officer", "Data Engineer", "Statistician", "Legal Officer", "Financial Assistant"]
    start = dt.date(2026, 1, 1)
    conn = open_store(db, create=True)
    conn.execute("PRAGMA foreign_keys = OFF")  # rows consistent by construction; a call and its version point at each other
    with transaction(conn):
        conn.execute("INSERT INTO syncs (id, started, finished, roots, new) VALUES (1, ?, ?, '[]', ?)",
                     ("2026-01-01T06:00:00Z", "2026-01-01T06:10:00Z", calls))
        for n in range(calls):
            deadline = (start + dt.timedelta(days=n % 730)).isoformat()
            row = {**record, "reference": f"EC/2026/BENCH/{n:06d}", "deadline": deadline, "job_title": titles[n % 5]}
            conn.execute("INSERT INTO calls (id, key, institution, reference, dg, units, job_title, deadline, closes,"
                         " version, latest_version_id, first_sync_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1)",
                         (n + 1, f"European Commission|{row['reference']}", row["institution"], row["reference"],
                          row["dg"], " ".join(row["units"]), row["job_title"], deadline, closes_text(deadline), n + 1))
            conn.execute("INSERT INTO versions (id, call_id, number, sha256, path, sync_id, record)"
                         " VALUES (?, ?, 1, ?, ?, 1, ?)", (n + 1, n + 1, f"{n:064x}", f"/n/{n}.pdf", json.dumps(row)))
            conn.execute("INSERT INTO calls_fts (rowid, job_title, institution, dg, units) VALUES (?, ?, ?, ?, ?)",
                         (n + 1, row["job_title"], row["institution"], row["dg"], " ".join(row["units"])))
    conn.close()


def write_bytecode() -> str:
    """Byte-compile the package being measured, as `pip install` does for an installed package: an editable
    install run with PYTHONDONTWRITEBYTECODE would otherwise compile every module's source in each run."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("vacancy_cli")
    assert spec is not None and spec.submodule_search_locations
    package = spec.submodule_search_locations[0]
    compileall.compile_dir(package, quiet=1)
    return package


def warm_cache(paths: list[str]) -> str:
    """Run once so that the compiled-pattern cache holds the vocabulary (`regex_cache`), as any run after a
    user's first does; the cache is the user's own (or `VACANCY_CACHE_DIR`), as in real use."""
    subprocess.run([*VACANCY, "parse", "--format", "jsonl", *paths], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return os.environ.get("VACANCY_CACHE_DIR", "the user's cache folder")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--calls", type=int, default=100_000, help="stored calls for the query figures")
    args = parser.parse_args()
    package = write_bytecode()
    pdfs = sorted((ROOT / "samples").glob("*.pdf"))
    seeds = ROOT.parent / "shared" / "seeds" / "pdf"
    if seeds.is_dir():  # the word-processor PDFs beside the project in development and CI
        pdfs += sorted(seeds.glob("*.pdf"))
    paths = [str(p) for p in pdfs]
    pages = pages_of(pdfs)
    real = ROOT.parent / "shared" / "real" / "pdf"
    real_paths = [str(p) for p in sorted(real.glob("*.pdf"))] if real.is_dir() else []
    cache = warm_cache(paths + real_paths)
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "inputs": {"pdfs": len(pdfs), "pages": pages, "seeds_included": seeds.is_dir()},
        "package": {"path": package, "bytecode": "written before measuring, as pip install does",
                    "pattern_cache": f"warmed before measuring ({cache}), as by a user's first run"},
    }
    parse_auto = measure([*VACANCY, "parse", *paths], args.repeat)
    parse_uncached = measure(["env", "VACANCY_CACHE_DIR=", *VACANCY, "parse", *paths], args.repeat)
    parse_plumber = measure([*VACANCY, "parse", "--engine", "pdfplumber", *paths], args.repeat)
    bare_plumber = measure([sys.executable, "-c", BARE_PDFPLUMBER, *paths], args.repeat)
    bare_pdfium = measure([sys.executable, "-c", BARE_PDFIUM, *paths], args.repeat)
    one = measure([*VACANCY, "parse", paths[0]], args.repeat)
    help_run = measure([*VACANCY, "--help"], max(args.repeat, 10))
    import_typer = measure([sys.executable, "-c", "import typer"], max(args.repeat, 10))
    results["samples"] = {
        "vacancy_parse": parse_auto,
        "vacancy_parse_without_pattern_cache": parse_uncached,
        "vacancy_parse_engine_pdfplumber": parse_plumber,
        "bare_pdfplumber": bare_plumber,
        "bare_pdfium": bare_pdfium,
        "vacancy_parse_one_notice": one,
        "pages_per_second": {
            "vacancy_parse": round(pages / parse_auto["seconds"], 1),
            "bare_pdfplumber": round(pages / bare_plumber["seconds"], 1),
            "bare_pdfium": round(pages / bare_pdfium["seconds"], 1),
        },
    }
    results["help"] = {"vacancy_help": help_run, "import_typer": import_typer}
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp)
        for n in range(args.batch):
            source = pdfs[n % len(pdfs)]
            shutil.copyfile(source, batch / f"{n:04d}-{source.name}")
        batch_pages = pages_of(sorted(batch.glob("*.pdf")))
        listed = [str(p) for p in sorted(batch.glob("*.pdf"))]
        batch_parse = measure([*VACANCY, "parse", "--format", "jsonl", *listed], 1)
        batch_bare = measure([sys.executable, "-c", BARE_PDFPLUMBER, *listed], 1)
        jobs1 = measure([*VACANCY, "export", str(batch), "--jobs", "1", "-o", str(batch / "out1.jsonl")], 1)
        jobs2 = measure([*VACANCY, "export", str(batch), "--jobs", "2", "-o", str(batch / "out2.jsonl")], 1)
        same = (batch / "out1.jsonl").read_text() == (batch / "out2.jsonl").read_text()
        store = Path(tmp) / "calls.db"
        first_sync = measure([*VACANCY, "sync", str(batch), "--jobs", "2", "--db", str(store)], 1)
        resync = measure([*VACANCY, "sync", str(batch), "--jobs", "2", "--db", str(store)], args.repeat)
        moved_batch = batch / "moved"  # every path new, every file's bytes known: nothing parsed
        moved_batch.mkdir()
        for pdf in batch.glob("*.pdf"):
            pdf.rename(moved_batch / pdf.name)
        moved = measure([*VACANCY, "sync", str(moved_batch), "--jobs", "2", "--db", str(store)], 1)
        big = Path(tmp) / "big.db"
        synthetic_store(big, args.calls, ROOT / "samples" / "multi-unit.json")
        query = [*VACANCY, "calls", "--db", str(big), "--now", "2026-06-01T00:00:00Z"]
        within = measure([*query, "--open", "--within", "7d", "--format", "jsonl"], args.repeat)
        search = measure([*query, "--search", "statistician", "--within", "30d", "--format", "json"], args.repeat)
        changes = measure([*VACANCY, "changes", "--db", str(big), "--since", "2026-06-01", "--format", "json"], args.repeat)
        dump = measure([*query, "--format", "jsonl"], 1)  # every stored call, streamed
    results["batch"] = {"notices": args.batch, "pages": batch_pages, "vacancy_parse": batch_parse,
                        "bare_pdfplumber": batch_bare, "export_jobs_1": jobs1, "export_jobs_2": jobs2,
                        "same_output": same, "pages_per_second_jobs_2": round(batch_pages / jobs2["seconds"], 1)}
    results["sync"] = {"notices": args.batch, "first_sync_jobs_2": first_sync, "resync_unchanged": resync,
                       "notices_per_second_first_sync": round(args.batch / first_sync["seconds"], 1),
                       "notices_per_second_resync": round(args.batch / resync["seconds"], 1),
                       "resync_folder_moved": moved,
                       "first_sync / export_jobs_2": round(first_sync["seconds"] / jobs2["seconds"], 2),
                       "stored_calls": args.calls, "calls_open_within_7d": within,
                       "calls_search_within_30d": search, "changes_since": changes, "calls_dump_jsonl": dump}
    if real_paths:  # the real notices' word-processor PDFs, in one process each way
        real_parse = measure([*VACANCY, "parse", "--format", "jsonl", *real_paths], args.repeat)
        real_uncached = measure(["env", "VACANCY_CACHE_DIR=", *VACANCY, "parse", "--format", "jsonl", *real_paths], args.repeat)
        real_bare = measure([sys.executable, "-c", BARE_PDFIUM, *real_paths], args.repeat)
        results["real"] = {"notices": len(real_paths), "vacancy_parse": real_parse,
                           "vacancy_parse_without_pattern_cache": real_uncached, "bare_pdfium": real_bare,
                           "parse / bare_pdfium (target <= 5)": round(real_parse["seconds"] / real_bare["seconds"], 2),
                           "without pattern cache / bare_pdfium": round(real_uncached["seconds"] / real_bare["seconds"], 2)}
    results["ratios"] = {
        "parse / bare_pdfplumber (target <= 0.2)": round(parse_auto["seconds"] / bare_plumber["seconds"], 3),
        "without pattern cache / bare_pdfplumber": round(parse_uncached["seconds"] / bare_plumber["seconds"], 3),
        "batch: parse / bare_pdfplumber": round(batch_parse["seconds"] / batch_bare["seconds"], 3),
        "parse / bare_pdfium": round(parse_auto["seconds"] / bare_pdfium["seconds"], 2),
        "help / import_typer (target <= 1.5)": round(help_run["seconds"] / import_typer["seconds"], 2),
        "jobs_1 / jobs_2 speed-up (target >= 1.8)": round(jobs1["seconds"] / jobs2["seconds"], 2),
    }
    out = ROOT / "bench" / "results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

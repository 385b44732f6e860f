"""Fuzz `vacancy parse` with mutants of the sample PDFs; report crashes, hangs and memory outliers.

Run on demand (not in CI), from the repository root:

    python scripts/fuzz.py --mutants 1000 --seed 1

Each mutant is a sample PDF with a few random edits (bytes flipped, inserted, deleted, a block
repeated, the file cut short, a number or a name in a dictionary changed, two PDFs spliced). Mutants
are parsed in chunks by `vacancy parse --format jsonl` under the default limits, two chunks at a
time. A crash is a traceback, an exit code other than 0, 3, 4 or 8, or a file with neither a record
nor one error line; a hang is a chunk that runs past the time limits it was given; a memory outlier
is a chunk whose peak resident memory (workers included, from `wait4`) is over `--outlier` MiB.
A crashing chunk is run again file by file to name the mutant, which is kept in `--keep`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = {0, 3, 4, 8}
_NUMBER = re.compile(rb"\d+")
_NAME = re.compile(rb"/[A-Za-z]+")
_NAMES = [b"/Kids", b"/Count", b"/Length", b"/Filter", b"/FlateDecode", b"/Parent", b"/Contents", b"/Font", b"/Pages",
          b"/Type", b"/MediaBox", b"/Resources", b"/XObject", b"/Annots", b"/Null", b"/Rotate"]
_NUMBERS = [b"0", b"-1", b"1", b"2147483648", b"99999999999", b"4294967295", b"65535", b"1e308", b"3"]


def mutate(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """One to four random edits of a PDF."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["flip", "insert", "delete", "repeat", "cut", "number", "name", "splice"])
        at = rng.randrange(len(out))
        if kind == "flip":
            out[at] = rng.randrange(256)
        elif kind == "insert":
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif kind == "delete":
            del out[at : at + rng.randint(1, 256)]
        elif kind == "repeat":
            out[at:at] = out[at : at + rng.randint(1, 4096)] * rng.randint(2, 50)
        elif kind == "cut":
            del out[max(at, 16):]
        elif kind == "number":
            found = list(_NUMBER.finditer(out, at, at + 4096))
            if found:
                hit = rng.choice(found)
                out[hit.start() : hit.end()] = rng.choice(_NUMBERS)
        elif kind == "name":
            found = list(_NAME.finditer(out, at, at + 4096))
            if found:
                hit = rng.choice(found)
                out[hit.start() : hit.end()] = rng.choice(_NAMES)
        else:
            out[at:] = other[rng.randrange(len(other)) :]
        if not out:
            out = bytearray(data[:16])
    return bytes(out)


@dataclass
class Chunk:
    """A run of the parser over some mutants and what came of it."""

    files: list[Path]
    code: int = 0
    seconds: float = 0.0
    peak_mib: float = 0.0
    records: int = 0
    damaged: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def run(files: list[Path], timeout: float, max_memory: int) -> Chunk:
    """Parse the files in one `vacancy parse` process; note every way it went wrong."""
    chunk = Chunk(files)
    command = [sys.executable, "-m", "vacancy_cli", "parse", "--format", "jsonl", "--timeout", str(timeout),
               "--max-memory", str(max_memory), *map(str, files)]
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        budget = len(files) * (timeout + 5) + 30
        while not (ended := os.wait4(process.pid, os.WNOHANG))[0]:
            if time.monotonic() - started > budget and not chunk.problems:
                process.kill()
                chunk.problems.append(f"hang: still running after {budget:.0f} s")
            time.sleep(0.05)
        _, status, usage = ended
        process.returncode = chunk.code = os.waitstatus_to_exitcode(status)
        chunk.seconds = time.monotonic() - started
        chunk.peak_mib = usage.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if "Traceback" in stderr or chunk.code not in EXPECTED:
        chunk.problems.append(f"crash: exit {chunk.code}: {stderr.strip()[-400:]}")
    chunk.records = sum(1 for line in stdout.splitlines() if line.startswith("{"))
    chunk.damaged = stdout.count("skipped: damaged")
    lines = [line for line in stderr.splitlines() if line.startswith("vacancy: ")]
    for line in lines:
        reason = re.sub(r"\(.*|\d+", "N", line.split(": ", 2)[-1])[:60]
        chunk.errors[reason] = chunk.errors.get(reason, 0) + 1
    if chunk.records + len(lines) != len(files):
        chunk.problems.append(f"lost: {len(files)} files gave {chunk.records} records and {len(lines)} error lines")
    return chunk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mutants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=25, help="mutants per vacancy process")
    parser.add_argument("--parallel", type=int, default=2, help="vacancy processes at a time")
    parser.add_argument("--timeout", type=float, default=5.0, help="--timeout given to vacancy")
    parser.add_argument("--max-memory", type=int, default=1024, help="--max-memory given to vacancy (MiB)")
    parser.add_argument("--outlier", type=float, default=300.0, help="peak MiB of a chunk reported as an outlier")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-findings"), help="where crashing mutants are kept")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    samples = [p.read_bytes() for p in sorted((ROOT / "samples").glob("*.pdf"))]
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n in range(args.mutants):
            path = Path(tmp) / f"mutant-{args.seed}-{n:05d}.pdf"
            path.write_bytes(mutate(rng.choice(samples), rng.choice(samples), rng))
            files.append(path)
        groups = [files[i : i + args.chunk] for i in range(0, len(files), args.chunk)]
        with ThreadPoolExecutor(args.parallel) as pool:
            chunks = list(pool.map(lambda group: run(group, args.timeout, args.max_memory), groups))
        crashes = []
        for chunk in (c for c in chunks if c.problems):
            for path in chunk.files:  # name the mutant
                alone = run([path], args.timeout, args.max_memory)
                if alone.problems:
                    args.keep.mkdir(exist_ok=True)
                    (args.keep / path.name).write_bytes(path.read_bytes())
                    crashes.append(f"{path.name}: {'; '.join(alone.problems)}")
    errors: dict[str, int] = {}
    for chunk in chunks:
        for reason, count in chunk.errors.items():
            errors[reason] = errors.get(reason, 0) + count
    report = {
        "mutants": args.mutants,
        "seed": args.seed,
        "seconds": round(time.monotonic() - started, 1),
        "records": sum(c.records for c in chunks),
        "pages_skipped_as_damaged": sum(c.damaged for c in chunks),
        "errors": dict(sorted(errors.items(), key=lambda kv: -kv[1])),
        "crashes": crashes,
        "hangs": [p for c in chunks for p in c.problems if p.startswith("hang")],
        "time_limited": sum(count for reason, count in errors.items() if "time limit" in reason),
        "peak_mib": {"median_chunk": round(statistics.median(c.peak_mib for c in chunks), 1),
                     "max_chunk": round(max(c.peak_mib for c in chunks), 1)},
        "memory_outliers": [f"{c.files[0].name}..: {c.peak_mib:.0f} MiB" for c in chunks if c.peak_mib > args.outlier],
        "slowest_chunk_seconds": round(max(c.seconds for c in chunks), 1),
    }
    print(json.dumps(report, indent=2))
    sys.exit(1 if crashes or report["hangs"] else 0)


if __name__ == "__main__":
    main()

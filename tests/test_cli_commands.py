"""validate, diff, export and check-deadline: stdout, stderr, exit codes, batches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vacancy_cli.cli.app import app
from vacancy_cli.errors import ExitCode

from .conftest import SAMPLES

NOTICE = """Call for expression of interest EC/2026/ENV/{ref}
Job title: Policy Officer
Where: Unit ENV.B.2, Brussels
Function Group: FG IV
Contract Type: 3b
Express your interest until: {deadline}
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vacancy_cli", *args], input=stdin, capture_output=True, text=True,
                          timeout=300)


def notice(folder: Path, ref: int, deadline: str = "14.10.2026 - 12.00 (Brussels time)") -> Path:
    path = folder / f"n{ref}.txt"
    path.write_text(NOTICE.format(ref=ref, deadline=deadline), encoding="utf-8")
    return path


@pytest.fixture
def batch(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "batch"
    folder.mkdir()
    paths = [notice(folder, 100 + i) for i in range(6)]
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (folder / "empty.txt").write_bytes(b"")
    return paths


def test_export_folder_jsonl_keeps_every_good_record_once_in_order(batch: list[Path]) -> None:
    for jobs in ("1", "2"):
        result = run("export", str(batch[0].parent), "--format", "jsonl", "--jobs", jobs)
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        refs = [r.get("reference") for r in lines]
        assert [r for r in refs if r] == [f"EC/2026/ENV/{100 + i}" for i in range(6)]
        errors = [r for r in lines if "error" in r]
        assert [Path(e["source"]["path"]).name for e in errors] == ["broken.pdf", "empty.txt"]
        assert errors[0]["error"]["name"] == "INPUT_ERROR"
        assert result.returncode == ExitCode.INPUT_ERROR
        assert result.stderr.count("\n") == 2 and "Traceback" not in result.stderr


def test_export_files_from_stdin_and_csv(batch: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "calls.csv"
    listing = "\n".join(str(p) for p in batch[:3]) + "\n"
    result = run("export", "--files-from", "-", "--format", "csv", "-o", str(out), stdin=listing)
    assert result.returncode == 0, result.stderr
    rows = out.read_text().splitlines()
    assert len(rows) == 4 and rows[0].startswith("schema_version,reference")


def test_export_glob(batch: list[Path]) -> None:
    result = run("export", str(batch[0].parent / "n10*.txt"), "--format", "json")
    assert len(json.loads(result.stdout)) == 6


def test_export_survives_a_symlink_loop(tmp_path: Path) -> None:
    folder = tmp_path / "loop"
    folder.mkdir()
    notice(folder, 1)
    (folder / "again").symlink_to(folder)
    result = run("export", str(folder), "--format", "jsonl")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1


def test_export_to_a_closed_pipe_exits_quietly(batch: list[Path]) -> None:
    command = f"{sys.executable} -m vacancy_cli export {batch[0].parent} --format jsonl | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=300)
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_ics_parses_back_with_stable_uids(batch: list[Path]) -> None:
    from icalendar import Calendar

    first = run("export", *map(str, batch[:2]), "--format", "ics", "--now", "2026-05-01T00:00:00+00:00").stdout
    second = run("export", *map(str, batch[:2]), "--format", "ics", "--now", "2026-05-01T00:00:00+00:00").stdout
    assert first == second
    cal = Calendar.from_ical(first)
    events = cal.walk("VEVENT")
    assert len(events) == 2 and len(cal.walk("VTIMEZONE")) == 1
    assert events[0]["summary"] == "Deadline: EC/2026/ENV/100 – Policy Officer"
    start = events[0].decoded("dtstart")
    assert start.isoformat() == "2026-10-14T12:00:00+02:00" and str(start.tzinfo) == "Europe/Brussels"


JOB_POSTING_PROPERTIES = {  # schema.org/JobPosting properties (and those inherited from Thing) used by the writer
    "@context", "@type", "identifier", "title", "hiringOrganization", "employmentUnit", "validThrough",
    "jobLocation", "employmentType", "totalJobOpenings", "qualifications", "description",
}


def test_jsonld_uses_job_posting_properties_only(batch: list[Path]) -> None:
    postings = json.loads(run("export", str(batch[0]), "--format", "jsonld").stdout)
    assert postings[0]["@type"] == "JobPosting" and postings[0]["validThrough"] == "2026-10-14T12:00:00+02:00"
    assert set(postings[0]) <= JOB_POSTING_PROPERTIES
    assert postings[0]["jobLocation"][0]["address"]["addressLocality"] == "Brussels"


def test_validate(tmp_path: Path) -> None:
    good = notice(tmp_path, 1)
    nodeadline = tmp_path / "nodeadline.txt"
    nodeadline.write_text("Job title: Analyst\nReference: EC/2026/ENV/2\nContract Type: 3b\n")
    assert run("validate", str(good)).returncode == 0
    result = run("validate", str(good), str(nodeadline))
    assert result.returncode == ExitCode.INVALID
    assert result.stdout.strip() == f"{nodeadline}: deadline: missing"
    record = tmp_path / "r.json"
    data = json.loads(run("parse", str(good)).stdout)
    data["units"] = ["HOME.A.1"]
    data["contacts"] = ["Upper@EC.EUROPA.EU"]
    record.write_text(json.dumps(data))
    report = json.loads(run("validate", str(record), "--format", "json").stdout)
    assert report[0]["valid"] is False
    assert {p["field"] for p in report[0]["problems"]} == {"contacts"}
    assert run("validate", str(tmp_path / "missing.json")).returncode == ExitCode.INPUT_ERROR


def test_diff(tmp_path: Path) -> None:
    old = notice(tmp_path, 7)
    new_folder = tmp_path / "new"
    new_folder.mkdir()
    new = notice(new_folder, 7, deadline="28.10.2026 - 12.00 (Brussels time)")
    assert run("diff", str(old), str(old)).returncode == 0
    result = run("diff", str(old), str(new), "--format", "json")
    assert result.returncode == ExitCode.ATTENTION
    fields = {c["field"] for c in json.loads(result.stdout)}
    assert fields == {"deadline", "deadline_text"}
    table = CliRunner().invoke(app, ["diff", str(old), str(new)])
    assert "2026-10-28T12:00:00+01:00" in table.stdout


def test_check_deadline_statuses_and_exit_codes(tmp_path: Path) -> None:
    open_one = notice(tmp_path, 1, "14.10.2026 - 12.00 (Brussels time)")
    soon = notice(tmp_path, 2, "03.05.2026 - 12.00 (Brussels time)")
    closed = notice(tmp_path, 3, "01.04.2026 - 12.00 (Brussels time)")
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("Job title: Analyst\nThere is no deadline for application.\n")
    now = "2026-05-01T12:00:00+02:00"
    rows = json.loads(run("check-deadline", str(open_one), str(soon), "--now", now, "--format", "json", "--tz", "UTC").stdout)
    assert [r["status"] for r in rows] == ["open", "closing soon"]
    assert rows[1]["seconds_left"] == 2 * 86400 and rows[1]["local"] == "2026-05-03T10:00:00+00:00"
    assert run("check-deadline", str(open_one), str(soon), "--now", now).returncode == ExitCode.OK
    assert run("check-deadline", str(open_one), str(closed), str(unknown), "--now", now).returncode == ExitCode.ATTENTION
    assert run("check-deadline", str(open_one), str(unknown), "--now", now).returncode == ExitCode.UNKNOWN_DEADLINE
    assert run("check-deadline", str(open_one), str(tmp_path / "nope.txt"), "--now", now).returncode == ExitCode.INPUT_ERROR
    assert run("check-deadline", str(open_one), "--within", "soon").returncode == ExitCode.USAGE


@pytest.mark.parametrize("command", ["parse", "validate", "diff", "export", "check-deadline", "schema"])
def test_every_command_has_help_with_examples(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.stdout


@pytest.mark.parametrize("now", ["2026-05-01T09:00:00Z", "2026-05-01T11:00:00+02:00", "20260501T090000Z"])
def test_now_accepts_iso_8601_with_z_or_offset(now: str) -> None:
    result = run("check-deadline", str(SAMPLES / "multi-unit.json"), "--now", now, "--format", "json")
    assert result.returncode == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)


@pytest.mark.parametrize(("now", "message"), [("yesterday", "not an ISO 8601"), ("2026-05-01T09:00", "needs a UTC offset")])
def test_now_that_is_not_an_aware_iso_moment_is_a_usage_error(now: str, message: str) -> None:
    for command in (["check-deadline", str(SAMPLES / "multi-unit.json")], ["export", str(SAMPLES / "multi-unit.txt"), "-f", "ics"]):
        result = run(*command, "--now", now)
        assert result.returncode == ExitCode.USAGE
        assert message in result.stderr and "Traceback" not in result.stderr

"""`kehoach correct`, `corrections list` and `status` through the CLI: corrections change what `tasks`,
`cites`, `docs`, `export` and Datasette return; mistakes are one line and leave the registry as it was.

The registry holds the three JSON fixtures of tests/test_registry.py (no extraction needed); the status
test uses the sample PDFs' registry (the session fixture ``samples_db``, copied).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import registry, serve
from kehoach.pipeline.cli import app

VAN_PHONG = "Văn phòng HĐND và UBND xã"
runner = CliRunner()


@pytest.fixture
def db(fixture_registry) -> Path:
    return fixture_registry


def kehoach(db: Path, *args: str) -> list | dict:
    result = runner.invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def correct(db: Path, *args: str) -> dict:
    result = runner.invoke(app, ["correct", *args[:1], *args[1:], "--db", str(db), "--format", "json",
                                 "--by", "Nguyễn Thị C"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    return rows[0]


def counts(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in (*registry.TABLES, "nodes_fts")}


def test_assignments_corrected_in_tasks_and_export(db):
    assert correct(db, "45/KH-UBND", "remove-assignment", "I.2", VAN_PHONG, "lead")["outcome"] == "applied"
    added = correct(db, "45/KH-UBND", "add-assignment", "I.2", "Công an xã", "lead", "--deadline", "20/06/2025")
    assert (added["change"], added["outcome"]) == ("#2 add Công an xã (lead) on I.2", "applied")
    tasks = [(t["node_id"], t["unit"], t["deadline"], t["corrected"])
             for t in kehoach(db, "tasks", "--doc", "45/KH-UBND") if t["node_id"] == "I.2"]
    assert tasks == [("I.2", "Công an xã", "2025-06-20", True)]
    assert kehoach(db, "tasks", "--unit", VAN_PHONG) == []
    export = runner.invoke(app, ["export", "--format", "jsonl", "--doc", "45/KH-UBND", "--db", str(db)])
    rows = [json.loads(line) for line in export.stdout.splitlines()]
    assert [(r["unit"], r["role"]) for r in rows if r["node_id"] == "I.2"] == [("Công an xã", "lead")]


def test_a_task_marked_and_a_header_fixed_show_in_docs(db):
    before = next(d for d in kehoach(db, "docs") if d["number"] == "45/KH-UBND")
    correct(db, "45/KH-UBND", "task", "I.1", "yes", "--note", "the heading is a task too")
    correct(db, str(before["id"]), "metadata", "number", "46/KH-UBND")
    after = next(d for d in kehoach(db, "docs") if d["id"] == before["id"])
    assert (after["number"], after["label"], after["tasks"], after["corrections"]) == (
        "46/KH-UBND", "46/KH-UBND", before["tasks"] + 1, 2)
    flags = {t["node_id"]: t["task"] for t in kehoach(db, "tasks", "--doc", "46/KH-UBND")}
    assert flags["I.1"] is True and flags["I.2"] is True


def test_citations_corrected_in_cites(db):
    citing = {r["document_number"] for r in kehoach(db, "cites", "33/CT-TTg")}
    assert "45/KH-UBND" in citing
    correct(db, "45/KH-UBND", "citation", "preamble", "fix", "33/CT-TTg", "--to-ref", "34/CT-TTg")
    assert "45/KH-UBND" not in {r["document_number"] for r in kehoach(db, "cites", "33/CT-TTg")}
    assert [(r["node_id"], r["corrected"]) for r in kehoach(db, "cites", "34/CT-TTg")] == [("preamble", True)]
    correct(db, "45/KH-UBND", "citation", "I.2", "add", "25-NQ/TW", "--type", "Nghị quyết")
    ours = [r for r in kehoach(db, "cites", "25-NQ/TW") if r["document_number"] == "45/KH-UBND"]
    assert [r["node_id"] for r in ours] == ["I.2"]
    correct(db, "45/KH-UBND", "citation", "I.2", "remove", "25-NQ/TW")
    assert "45/KH-UBND" not in {r["document_number"] for r in kehoach(db, "cites", "25-NQ/TW")}


def test_datasette_shows_corrected_values(db):
    correct(db, "45/KH-UBND", "remove-assignment", "I.2", VAN_PHONG, "lead")
    correct(db, "45/KH-UBND", "status", "I.1.a", "in-progress")
    ds = serve.datasette_app(db)

    async def fetch(path: str, **params):
        await ds.invoke_startup()
        return (await ds.client.get(path, params={**params, "_shape": "array"})).json()

    rows = asyncio.run(fetch(f"/{db.stem}/unit_tasks_deadlines.json", unit=VAN_PHONG, jurisdiction=""))
    assert rows == []
    log = asyncio.run(fetch(f"/{db.stem}/corrections.json"))
    assert [(r["action"], r["outcome"]) for r in log] == [("remove_assignment", "applied"), ("status", "applied")]
    units = {r["unit"] for r in asyncio.run(fetch(f"/{db.stem}/unit_tasks.json", document_number="45/KH-UBND"))}
    assert VAN_PHONG not in units


@pytest.mark.parametrize("args,message", [
    pytest.param(("99/KH-UBND", "task", "I.1", "yes"), "99/KH-UBND: no current document", id="unknown-document"),
    pytest.param(("45/KH-UBND", "task", "II.7", "yes"), "no node 'II.7'", id="unknown-node"),
    pytest.param(("45/KH-UBND", "remove-assignment", "I.2", "Sở Y tế", "lead"), "has no lead 'Sở Y tế'",
                 id="no-such-assignment"),
    pytest.param(("45/KH-UBND", "add-assignment", "I.2", "Sở Y tế", "lead", "--deadline", "2025-02-30"),
                 "is not a date", id="bad-deadline"),
    pytest.param(("45/KH-UBND", "status", "I.2", "done", "--date", "hôm qua"), "is not a date", id="bad-done-date"),
    pytest.param(("45/KH-UBND", "metadata", "number", "45/KH-UBND"), "already", id="nothing-to-change"),
])
def test_a_mistake_is_one_line_and_changes_nothing(db, args, message):
    before = counts(db)
    result = runner.invoke(app, ["correct", *args, "--db", str(db)])
    assert result.exit_code == 2
    assert message in result.output and result.output.count("\n") == 1, result.output
    assert counts(db) == before


def test_correct_on_a_missing_registry_creates_nothing(tmp_path):
    result = runner.invoke(app, ["correct", "1", "task", "I.1", "yes", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 2 and "no such registry" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_status_on_the_samples(samples_db, tmp_path):
    db = tmp_path / "samples.db"
    shutil.copy(samples_db, db)
    # Lương Minh's MTTQ plan: II.1.1 (Ban Công tác mặt trận thôn, by 2025-12-10), II.3.3 (by 2026-02-20).
    correct(db, "3", "status", "II.1.1", "done", "--date", "2025-12-01")  # on time
    correct(db, "3", "status", "II.3.3", "done", "--date", "2026-03-01")  # late
    chart = tmp_path / "status.png"
    result = runner.invoke(app, ["status", "--db", str(db), "--unit", "Ban Công tác mặt trận thôn",
                                 "--as-of", "2026-03-31", "--chart", str(chart), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["unit"], r["tasks"], r["done_on_time"], r["done_late"], r["in_progress"], r["overdue"],
             r["no_deadline"]) for r in rows] == [("Ban Công tác mặt trận thôn", 3, 1, 1, 0, 1, 0)]
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000
    # Before the late one was done, it was in progress; the third was not yet overdue either.
    early = kehoach(db, "status", "--unit", "Ban Công tác mặt trận thôn", "--as-of", "2026-01-15")
    assert [(r["done_on_time"], r["done_late"], r["in_progress"], r["overdue"]) for r in early] == [(1, 0, 2, 0)]
    table = runner.invoke(app, ["status", "--db", str(db), "--as-of", "2026-03-31", "--format", "table"])
    assert table.exit_code == 0 and "done on" in table.stdout

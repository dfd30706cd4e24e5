"""kehoach export: the task table as CSV, JSON Lines and XLSX, one row per (task, unit), on the samples."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import api, export
from kehoach.pipeline.cli import app
from kehoach.pipeline.queries import open_readonly

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pdf"
LUONG_MINH = "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"
runner = CliRunner()


@pytest.fixture(scope="module")
def rows(samples_db) -> list[dict]:
    db = open_readonly(samples_db)
    try:
        return export.task_rows(db)
    finally:
        db.conn.close()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_one_row_per_task_and_unit(rows, samples_db):
    pairs = [(r["document_id"], r["node_id"], r["unit"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    # The same rows as `kehoach tasks` (every assigned node per unit, every unassigned task).
    tasks = api.query_tasks(samples_db)
    assert sorted(pairs, key=str) == sorted(((t["document_id"], t["node_id"], t["unit"]) for t in tasks), key=str)
    assert set(rows[0]) == set(export.COLUMNS)


@pytest.mark.parametrize("node,unit,role,deadline", [
    pytest.param("II.1.1", "Ban Công tác mặt trận thôn", "lead", "2025-12-10", id="lead-with-deadline"),
    pytest.param("II.2.2", "UBND xã", "support", "2026-02-03", id="support-with-deadline"),
    pytest.param("II.3.3", "Ban Công tác mặt trận thôn", "lead", "2026-02-20", id="inherited-from-heading"),
])
def test_known_rows(rows, node, unit, role, deadline):
    found = [r for r in rows if r["document_issuer"] == LUONG_MINH and r["node_id"] == node and r["unit"] == unit]
    assert len(found) == 1
    assert (found[0]["role"], found[0]["deadline"]) == (role, deadline)


def test_cited_refs_and_unassigned_task(rows):
    row = next(r for r in rows if r["node_id"] == "II.1" and r["document_issuer"].endswith("Gia Viên"))
    assert row["unit"] is None and row["role"] is None
    assert row["cited_refs"] == ["25-NQ/TW", "43-KL/TW", "114-KL/TW", "23-QĐ/TW", "33/CT-TTg", "3177/QĐ-UBND"]
    assert row["text"].startswith("Tổ chức thực hiện nghiêm túc") and not row["text"].endswith("…")


def test_filters(samples_db):
    db = open_readonly(samples_db)
    try:
        by_unit = export.task_rows(db, unit="ban cong tac mat tran thon")
        by_doc = export.task_rows(db, doc="gia-vien-ke-hoach-dan-van-2025.pdf")
        by_number = export.task_rows(db, doc="0130/kh-ubnd")
        assert by_unit and {r["unit"] for r in by_unit} == {"Ban Công tác mặt trận thôn"}
        assert by_doc and {r["document_issuer"] for r in by_doc} == {"Ủy ban nhân dân phường Gia Viên"}
        assert by_number and {r["document_number"] for r in by_number} == {"0130/KH-UBND"}
        assert export.task_rows(db, unit="Không có đơn vị này") == []
        assert export.task_rows(db, doc="999/KH-XYZ") == []
    finally:
        db.conn.close()


def test_xlsx(samples_db, tmp_path, rows):
    from openpyxl import load_workbook

    out = tmp_path / "tasks.xlsx"
    result = run("export", "--format", "xlsx", "--db", samples_db, "-o", out)
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header == [export.HEADERS[c] for c in export.COLUMNS]
    assert ws.freeze_panes == "H2"
    assert ws.max_row == len(rows) + 1
    col = {name: i for i, name in enumerate(export.COLUMNS)}
    table = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    known = [r for r in table if r[col["node_id"]] == "II.1.1" and r[col["unit"]] == "Ban Công tác mặt trận thôn"]
    assert len(known) == 1
    row = known[0]
    assert row[col["document_issuer"]] == LUONG_MINH
    assert row[col["role"]] == "chủ trì"
    assert row[col["deadline"]].date() == dt.date(2025, 12, 10)
    assert row[col["deadline_text"]].startswith("Chậm nhất ngày 10/12/2025")
    # Widths fit the text: wide for the task text, narrow for the node id, all bounded.
    widths = {name: ws.column_dimensions[chr(ord("A") + i)].width for name, i in col.items()}
    assert widths["text"] == export.MAX_WIDTH
    assert export.MIN_WIDTH <= widths["node_id"] < 15
    assert widths["document_issuer"] >= len(LUONG_MINH) or widths["document_issuer"] == export.MAX_WIDTH


def test_csv_to_stdout(samples_db, rows):
    result = run("export", "--format", "csv", "--db", samples_db, "--unit", "UBND xã")
    assert result.exit_code == 0, result.output
    parsed = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(parsed[0]) == list(export.COLUMNS)
    assert {(r["node_id"], r["role"]) for r in parsed} >= {("II.2.2", "support")}


def test_csv_file_has_bom_for_excel(samples_db, tmp_path):
    out = tmp_path / "tasks.csv"
    assert run("export", "-f", "csv", "--db", samples_db, "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    first = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert "document_issuer" in first


def test_jsonl(samples_db, rows):
    result = run("export", "--format", "jsonl", "--db", samples_db)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == rows


@pytest.mark.parametrize("args,message", [
    pytest.param(["--format", "pdf"], "unknown format", id="bad-format"),
    pytest.param(["--db", "missing.db"], "no such registry", id="missing-db"),
])
def test_errors_are_one_line(samples_db, tmp_path, args, message):
    argv = ["export", *args] if "--db" in args else ["export", "--db", samples_db, *args]
    result = runner.invoke(app, [str(a) for a in argv], catch_exceptions=False)
    assert result.exit_code == 2
    assert message in result.output and result.output.strip().count("\n") == 0

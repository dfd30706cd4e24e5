"""CLI behaviour users rely on: help, one-line errors with exit 2, and ingest that never half-loads."""

from __future__ import annotations

import json
import sqlite3

import pytest

from .conftest import SAMPLES

GIA_VIEN_PDF = SAMPLES / "pdf" / "gia-vien-ke-hoach-dan-van-2025.pdf"
TABLES = ("documents", "nodes", "citations", "assignments", "recipients")


def _counts(db_path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def _command_names() -> list[str]:
    import typer.main

    from kehoach.pipeline.cli import app

    return sorted(typer.main.get_command(app).commands)


def test_the_cli_has_the_documented_commands():
    assert {"extract", "ingest", "eval", "summary", "cites", "tasks", "docs", "search", "implements",
            "serve", "review", "export"} <= set(_command_names())


@pytest.mark.parametrize("command", _command_names())
def test_every_command_has_help_with_an_example(run_cli, command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "Example:" in result.stdout
    assert f"kehoach {command}" in result.stdout.replace("\n", " ")


def test_every_command_is_in_the_readme():
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _command_names() if f"kehoach {c}" not in readme]
    assert not missing, f"README does not mention: {missing}"


def _bad_inputs(tmp_path):
    not_pdf = tmp_path / "renamed.pdf"
    not_pdf.write_text("this is a letter, not a PDF", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "missing": (tmp_path / "nope.pdf", "no such file"),
        "renamed-non-pdf": (not_pdf, "not a PDF"),
        "empty": (empty, "empty file"),
        "directory": (folder, "directory"),
    }


@pytest.mark.parametrize("case", ["missing", "renamed-non-pdf", "empty", "directory"])
def test_extract_bad_input_is_one_line_exit_2(run_cli, tmp_path, case):
    path, reason = _bad_inputs(tmp_path)[case]
    result = run_cli("extract", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_extract_text_of_txt(run_cli, tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text("KẾ HOẠCH\nThực hiện công tác\ndân vận năm 2025.\nI. MỤC ĐÍCH\n", encoding="utf-8")
    result = run_cli("extract", str(doc), "--format", "text")
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["KẾ HOẠCH", "Thực hiện công tác dân vận năm 2025.", "I. MỤC ĐÍCH"]


def test_ingest_mix_loads_good_reports_bad_and_exits_nonzero(run_cli, tmp_path):
    db = tmp_path / "r.db"
    good = tmp_path / "good.txt"
    good.write_text("KẾ HOẠCH\nI. NHIỆM VỤ\n1. Phòng Văn hóa - Xã hội chủ trì.\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf", encoding="utf-8")
    result = run_cli("ingest", str(good), str(bad), str(GIA_VIEN_PDF), "--db", str(db))
    assert result.returncode == 1
    assert f"{bad}: not a PDF" in result.stderr
    assert "Traceback" not in result.stderr
    counts = _counts(db)
    assert counts["documents"] == 2
    with sqlite3.connect(db) as conn:
        paths = {row[0] for row in conn.execute("select path from documents")}
        orphans = conn.execute("select count(*) from nodes where document_id not in (select id from documents)")
        assert orphans.fetchone()[0] == 0
    assert str(bad) not in paths


def test_ingest_twice_loads_nothing_twice(run_cli, tmp_path):
    db = tmp_path / "r.db"
    first = run_cli("ingest", str(SAMPLES / "pdf"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    before = _counts(db)
    assert before["documents"] == len(list((SAMPLES / "pdf").glob("*.pdf")))
    second = run_cli("ingest", str(SAMPLES / "pdf"), "--db", str(db))
    assert second.returncode == 0
    assert "0 loaded" in second.stdout
    assert _counts(db) == before


def test_ingest_into_a_non_database_file_fails_cleanly(run_cli, tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("not sqlite " * 100, encoding="utf-8")
    result = run_cli("ingest", str(GIA_VIEN_PDF), "--db", str(db))
    assert result.returncode == 2
    assert str(db) in result.stderr and "Traceback" not in result.stderr
    assert db.read_text(encoding="utf-8").startswith("not sqlite")


def test_extract_json_is_the_contract(run_cli):
    result = run_cli("extract", str(GIA_VIEN_PDF))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["source"]["format"] == "pdf"
    assert set(data) == {"schema_version", "source", "metadata", "nodes", "citations", "assignments"}

"""The query commands through the CLI: JSON and CSV parsed, never table art."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import cli_query, registry
from kehoach.pipeline.cli import app
from kehoach.schemas.models import PlanDocument

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = ("registry_fixture.json", "registry_fixture_2.json", "registry_fixture_3.json")
runner = CliRunner()


@pytest.fixture
def loaded_path(db_path):
    db = registry.open_db(db_path)
    for name in FIXTURES:
        registry.load(db, PlanDocument.model_validate(json.loads((DATA / name).read_text(encoding="utf-8"))))
    db.conn.close()
    return db_path


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def as_json(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def as_csv(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("ref", ["33/CT-TTg", "33/CT-TTG", "33/ct-ttg", "Chỉ thị 33/CT-TTg"])
def test_cites_json(loaded_path, ref):
    rows = as_json(run("cites", ref, "--db", loaded_path, "--format", "json"))
    assert [(r["document_id"], r["node_id"]) for r in rows] == [(2, "preamble"), (1, "preamble"), (1, "II.1")]
    assert rows[0]["document_number"] == "45/KH-UBND"
    assert rows[1]["document_issuer"] == "Ủy ban nhân dân phường Gia Viên"
    assert set(rows[0]) == set(cli_query.CITES_COLUMNS)


def test_cites_csv(loaded_path):
    rows = as_csv(run("cites", "33/CT-TTg", "--db", loaded_path, "-f", "csv"))
    assert [(r["document_id"], r["node_id"], r["task"]) for r in rows] == [
        ("2", "preamble", "0"), ("1", "preamble", "0"), ("1", "II.1", "1")]
    assert list(rows[0]) == list(cli_query.CITES_COLUMNS)


@pytest.mark.parametrize("fmt,parse", [("json", as_json), ("csv", as_csv)])
def test_tasks_of_a_unit(loaded_path, fmt, parse):
    rows = parse(run("tasks", "--unit", "Phòng Văn hoá – Xã hội", "--db", loaded_path, "--format", fmt))
    assert [(str(r["document_id"]), r["node_id"], r["deadline"]) for r in rows] == [
        ("2", "I.1", "2025-12-15"), ("2", "I.1.a", "2025-12-15"), ("2", "I.1.b", "2025-12-15"),
        ("1", "III.1", "2025-12-31")]
    assert {r["unit"] for r in rows} == {"Phòng Văn hóa - Xã hội"}


def test_tasks_filters(loaded_path):
    rows = as_json(run("tasks", "--doc", "45/KH-UBND", "--due-before", "2025-07-01", "--db", loaded_path, "-f", "json"))
    assert [(r["node_id"], r["unit"]) for r in rows] == [("I.2", "Văn phòng HĐND và UBND xã")]
    # Every fixture deadline (2025) is before today.
    overdue = as_json(run("tasks", "--overdue", "--db", loaded_path, "-f", "json"))
    assert len(overdue) == 7 and all(r["deadline"] for r in overdue)


def test_docs(loaded_path):
    rows = as_json(run("docs", "--db", loaded_path, "-f", "json"))
    assert [(r["id"], r["number"], r["nodes"]) for r in rows] == [(2, "45/KH-UBND", 6), (3, "33/CT-TTg", 1),
                                                                  (1, None, 9)]


@pytest.mark.parametrize("query,node", [
    ("dan van", ("1", "I.1")), ("dang uy", ("2", "I.2")), ('"dang uy"', ("1", "III.1")), ("hdnd", ("2", "I.2")),
])
@pytest.mark.parametrize("fmt,parse", [("json", as_json), ("csv", as_csv)])
def test_search(loaded_path, query, node, fmt, parse):
    rows = parse(run("search", query, "--db", loaded_path, "--format", fmt, "--limit", "50"))
    assert node in {(str(r["document_id"]), r["node_id"]) for r in rows}
    assert all(r["snippet"] for r in rows)


def test_implements(loaded_path):
    rows = as_json(run("implements", "Chỉ thị 33/CT-TTg", "--db", loaded_path, "-f", "json"))
    assert [(r["document_id"], r["cited_document_id"]) for r in rows] == [(2, 3), (1, 3)]
    rows = as_csv(run("implements", "33/ct-ttg", "--db", loaded_path, "-f", "csv"))
    assert [r["nodes"] for r in rows] == ["preamble", "II.1, preamble"]


def test_default_format_in_a_pipe_is_json(loaded_path):
    assert len(as_json(run("docs", "--db", loaded_path))) == 3


def test_table_format(loaded_path):
    result = runner.invoke(app, ["tasks", "--unit", "Phòng Văn hóa - Xã hội", "--db", str(loaded_path), "-f", "table"],
                           env={"COLUMNS": "400"})
    assert result.exit_code == 0
    assert "III.1" in result.stdout


def test_empty_result_is_an_empty_array(loaded_path):
    assert as_json(run("cites", "99/CT-TTg", "--db", loaded_path, "-f", "json")) == []


@pytest.mark.parametrize("args,message", [
    (("docs", "--db", "missing.db"), "no such registry"),
    (("tasks", "--due-before", "31/12/2025"), "not a date"),
    (("search", "/ ,"), "nothing to search for"),
    (("cites", "  "), "REF is empty"),
])
def test_errors_are_one_line_and_non_zero(loaded_path, tmp_path, args, message):
    args = [a if a != "missing.db" else str(tmp_path / "missing.db") for a in args]
    if "--db" not in args:
        args += ["--db", str(loaded_path)]
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("kehoach: ")


@pytest.mark.parametrize("name", list(cli_query.COMMANDS))
def test_every_command_has_help_with_an_example(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "--format" in result.stdout

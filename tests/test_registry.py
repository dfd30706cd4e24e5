"""The registry: schema, idempotent and versioned loading, linking, crash and concurrency safety.

Fixtures: tests/data/registry_fixture.json (the Gia Viên ward plan, corpus 00_,
abridged), registry_fixture_2.json (a commune plan 45/KH-UBND citing the same
directive, with a unit heading over items a) and b)), registry_fixture_3.json
(Chỉ thị 33/CT-TTg itself, abridged). Expected values were checked by eye
against those files.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kehoach.extractors.deadlines import mark_deadlines
from kehoach.pipeline import correction_store, readonly, registry
from kehoach.pipeline.errors import RegistryError
from kehoach.schemas.models import PlanDocument

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = ("registry_fixture.json", "registry_fixture_2.json", "registry_fixture_3.json")
KEHOACH = [sys.executable, "-m", "kehoach"]


def fixture_plan(name: str = "registry_fixture.json") -> PlanDocument:
    return PlanDocument.model_validate(json.loads((DATA / name).read_text(encoding="utf-8")))


def changed(plan: PlanDocument, sha: str, **metadata) -> PlanDocument:
    """The same plan as if its file had changed: new bytes, optionally new metadata."""
    data = plan.model_dump(mode="json")
    data["source"]["sha256"] = sha
    data["metadata"].update(metadata)
    return PlanDocument.model_validate(data)


@pytest.fixture
def registry_db(db_path):
    db = registry.open_db(db_path)
    yield db
    db.conn.close()


@pytest.fixture
def loaded_registry(registry_db):
    for name in FIXTURES:
        registry.load(registry_db, fixture_plan(name))
    return registry_db


def all_counts(db) -> dict[str, int]:
    names = [*registry.TABLES, "nodes_fts"]
    return {name: db.execute(f"select count(*) from [{name}]").fetchone()[0] for name in names}


def plan_text(i: int) -> str:
    """A small commune plan, different for each i (number, date, wording)."""
    return (
        "ỦY BAN NHÂN DÂN\nXÃ LƯƠNG MINH\n"
        f"Số: {i}/KH-UBND\nLương Minh, ngày {1 + i % 28} tháng 3 năm 2025\n\n"
        "KẾ HOẠCH\nCông tác dân vận chính quyền năm 2025\n\n"
        "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, "
        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n\n"
        "I. NHIỆM VỤ\n"
        f"1. Phòng Văn hóa - Xã hội chủ trì tổ chức hội nghị đối thoại với Nhân dân lần thứ {i}.\n"
        "2. Văn phòng HĐND và UBND xã theo dõi, đôn đốc, báo cáo Đảng ủy xã.\n"
    )


def write_plans(folder: Path, numbers) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        (folder / f"kh-{i:04d}.txt").write_text(plan_text(i), encoding="utf-8")
    return folder


def ingest(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*KEHOACH, "ingest", *map(str, args)], check=False, capture_output=True, text=True,
                          timeout=600, **kwargs)


# --- schema ------------------------------------------------------------------

def test_schema_is_created_with_wal_and_foreign_keys(registry_db):
    db = registry_db
    assert set(registry.TABLES) <= set(db.table_names())
    assert set(registry.VIEWS) <= set(db.view_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == registry.SCHEMA_VERSION


def test_open_twice_keeps_the_schema(db_path):
    registry.open_db(db_path).conn.close()
    db = registry.open_db(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == registry.SCHEMA_VERSION


def test_an_older_registry_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("create table documents (id integer primary key, sha256 text)")
    conn.commit()
    conn.close()
    with pytest.raises(RegistryError, match="schema version 0"):
        registry.open_db(db_path)


def _version_8_registry(db_path):
    """A registry as version 8 left it: children without their heading's deadline, a node_deadlines
    view, and a clerk's status on a task."""
    db = registry.open_db(db_path)
    registry.load(db, PlanDocument.model_validate({
        "source": {"path": "kh.txt", "sha256": "e" * 64, "format": "txt"},
        "metadata": {"doc_type": "Kế hoạch", "number": "12/KH-UBND", "issuer": "UBND xã"},
        "nodes": [{"id": "preamble", "kind": "pseudo", "text": "Hoàn thành trước ngày 31/12/2025."},
                  {"id": "1", "marker": "1.", "kind": "item", "text": "Văn phòng: hoàn thành trước ngày 15/12/2025.",
                   "task": True, "deadline": "2025-12-15", "deadline_text": "trước ngày 15/12/2025"},
                  {"id": "1.a", "parent": "1", "marker": "a)", "kind": "item", "text": "Rà soát.", "task": True},
                  {"id": "1.b", "parent": "1", "marker": "b)", "kind": "item", "text": "Báo cáo trong Quý I năm 2026.",
                   "task": True, "deadline": "2026-03-31", "deadline_text": "trong Quý I năm 2026"},
                  {"id": "2", "marker": "2.", "kind": "item", "text": "Tuyên truyền.", "task": True}],
    }))
    correction_store.record(db, "12/KH-UBND", "status", "1.a", status="done", date="2025-12-01")
    db.execute("CREATE VIEW node_deadlines AS SELECT id, deadline FROM nodes")
    db.execute("PRAGMA user_version = 8")
    db.conn.close()


def test_a_version_8_registry_is_upgraded_in_place_keeping_corrections(db_path):
    _version_8_registry(db_path)
    with pytest.raises(RegistryError, match="kehoach upgrade"):
        readonly.open_readonly(db_path)
    result = subprocess.run([*KEHOACH, "upgrade", "--db", str(db_path)], check=False, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert "schema 8 → 9" in result.stdout
    db = readonly.open_readonly(db_path)
    assert {r[0]: r[1] for r in db.execute("select node_id, deadline from nodes")} == {
        "preamble": None, "1": "2025-12-15", "1.a": "2025-12-15", "1.b": "2026-03-31", "2": None}
    assert "node_deadlines" not in db.view_names()
    assert set(registry.VIEWS) <= set(db.view_names())
    assert db.execute("select count(*) from corrections where action = 'status'").fetchone()[0] == 1
    again = subprocess.run([*KEHOACH, "upgrade", "--db", str(db_path)], check=False, capture_output=True,
                            text=True)
    assert again.returncode == 0 and "up to date" in again.stdout


def test_upgrading_a_file_that_is_not_a_registry_is_one_line(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database " * 100)
    result = subprocess.run([*KEHOACH, "upgrade", "--db", str(path)], check=False, capture_output=True, text=True)
    assert result.returncode != 0
    assert "not a usable registry" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database " * 100)
    with pytest.raises(RegistryError, match="not a usable registry"):
        registry.open_db(path)


# --- loading -------------------------------------------------------------------

@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_validates_against_the_contract(name):
    plan = fixture_plan(name)
    node_ids = {n.id for n in plan.nodes}
    assert {c.node for c in plan.citations} <= node_ids
    assert {a.node for a in plan.assignments} <= node_ids
    for c in plan.citations:
        text = next(n.text for n in plan.nodes if n.id == c.node)
        assert text[c.start:c.end] == c.text


def test_load_stores_every_row(loaded_registry):
    assert registry.counts(loaded_registry) == {
        "documents": 3, "nodes": 16, "node_ancestors": 27, "legal_documents": 3, "legal_document_names": 3,
        "citations": 5,
        "units": 5, "unit_aliases": 11, "assignments": 6, "recipients": 6,
        "corrections": 0, "correction_outcomes": 0, "task_status": 0,
    }
    assert loaded_registry.execute("PRAGMA foreign_key_check").fetchall() == []
    assert loaded_registry.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_load_result(registry_db):
    result = registry.load(registry_db, fixture_plan())
    assert (result.status, result.nodes, result.citations, result.assignments) == ("loaded", 9, 4, 3)
    again = registry.load(registry_db, fixture_plan())
    assert (again.status, again.document_id) == ("skipped", result.document_id)


def test_loading_the_same_plans_twice_changes_no_table(loaded_registry):
    before = all_counts(loaded_registry)
    for name in FIXTURES:
        assert registry.load(loaded_registry, fixture_plan(name)).status == "skipped"
    assert all_counts(loaded_registry) == before


def test_document_row_keeps_the_metadata(loaded_registry):
    row = loaded_registry.execute(
        "select doc_type, number, issuer, date, number_key, issuer_key, year, version, current, "
        "signer_name, text_source from documents where id = 2").fetchone()
    assert row == ("Kế hoạch", "45/KH-UBND", "Ủy ban nhân dân xã Lương Minh", "2025-03-10", "45/KH-UBND",
                   "uy ban nhan dan xa luong minh", 2025, 1, 1, None, "native")


def test_one_legal_document_per_cited_document(loaded_registry):
    rows = loaded_registry.execute(
        "select l.ref, l.doc_type, l.year, l.date, l.issuer, count(c.id) from legal_documents l "
        "join citations c on c.legal_document_id = l.id group by l.id order by l.id").fetchall()
    assert rows == [
        ("33/CT-TTg", "Chỉ thị", 2021, "2021-11-26", "Thủ tướng Chính phủ", 3),
        ("3177/QĐ-UBND", "Quyết định", 2025, "2025-08-06", "Ủy ban nhân dân thành phố Hải Phòng", 1),
        ("25-NQ/TW", "Nghị quyết", 2013, "2013-06-03", "Ban Chấp hành Trung ương Đảng", 1),
    ]


def test_a_mention_without_year_or_issuer_joins_the_known_document(loaded_registry):
    plan = fixture_plan("registry_fixture_2.json")
    bare = plan.citations[0].model_copy(update={"ref": "33/CT-TTG", "year": None, "date": None, "issuer": None,
                                                "title": "về tiếp tục tăng cường"})
    plan = changed(plan, "f" * 64, number="46/KH-UBND").model_copy(update={"citations": [bare]})
    registry.load(loaded_registry, plan)
    assert loaded_registry.execute("select count(*) from legal_documents").fetchone()[0] == 3
    assert loaded_registry.execute(
        "select title from legal_documents where ref_key = '33/CT-TTG'").fetchone()[0] == "về tiếp tục tăng cường"


def test_the_cited_directive_links_to_the_ingested_directive(loaded_registry):
    links = loaded_registry.execute(
        "select l.ref, d.number, d.issuer from legal_document_links k join legal_documents l "
        "on l.id = k.legal_document_id join documents d on d.id = k.document_id").fetchall()
    assert links == [("33/CT-TTg", "33/CT-TTg", "THỦ TƯỚNG CHÍNH PHỦ")]


@pytest.mark.parametrize("issuer,year,linked", [
    pytest.param("Thủ tướng Chính phủ", 2021, True, id="same-issuer-same-year"),
    pytest.param("Thủ tướng", 2021, True, id="issuer-prefix"),
    pytest.param("Bộ Nội vụ", 2021, False, id="other-issuer"),
    pytest.param("Thủ tướng Chính phủ", 2019, False, id="other-year"),
    pytest.param(None, None, True, id="issuer-and-year-unknown"),
])
def test_link_rule(registry_db, issuer, year, linked):
    date = None if year is None else f"{year}-11-26"
    registry.load(registry_db, changed(fixture_plan("registry_fixture_3.json"), "3" * 64, issuer=issuer, date=date))
    registry.load(registry_db, fixture_plan("registry_fixture_2.json"))
    count = registry_db.execute("select count(*) from legal_document_links").fetchone()[0]
    assert count == (1 if linked else 0)


def test_unit_heading_lead_and_deadline_reach_the_subtree(loaded_registry):
    rows = loaded_registry.execute(
        "select node_id, unit, role, deadline, depth from unit_tasks where document_id = 2 "
        "and unit_id = 'phong-van-hoa-xa-hoi' order by seq").fetchall()
    assert rows == [
        ("I.1", "Phòng Văn hóa - Xã hội", "lead", "2025-12-15", 0),
        ("I.1.a", "Phòng Văn hóa - Xã hội", "lead", "2025-12-15", 1),
        ("I.1.b", "Phòng Văn hóa - Xã hội", "lead", "2025-12-15", 1),
    ]


def test_units_keep_every_spelling(loaded_registry):
    name, aliases = loaded_registry.execute(
        "select name, aliases from units where unit_id = 'phong-van-hoa-xa-hoi'").fetchone()
    assert name == "Phòng Văn hóa - Xã hội"
    assert json.loads(aliases) == ["Phòng Văn hóa - Xã hội", "Phòng Văn hoá – Xã hội"]


def test_a_citation_on_an_unknown_node_stores_nothing(registry_db):
    plan = fixture_plan()
    bad = plan.citations[0].model_copy(update={"node": "IX.9"})
    with pytest.raises(RegistryError, match="unknown node 'IX.9'"):
        registry.load(registry_db, plan.model_copy(update={"citations": [bad]}))
    assert registry.counts(registry_db)["documents"] == 0


def test_a_node_id_twice_stores_nothing(registry_db):
    plan = fixture_plan()
    with pytest.raises(RegistryError, match="node id given twice: I"):
        registry.load(registry_db, plan.model_copy(update={"nodes": [*plan.nodes, plan.nodes[1]]}))
    assert registry.counts(registry_db)["nodes"] == 0


# --- versions ------------------------------------------------------------------

def test_a_changed_file_with_the_same_number_and_issuer_supersedes(loaded_registry):
    new = changed(fixture_plan("registry_fixture_2.json"), "a" * 64, issuer="UBND xã Lương Minh")
    result = registry.load(loaded_registry, new)
    assert (result.status, result.supersedes) == ("loaded", 2)
    rows = loaded_registry.execute(
        "select id, version, current, superseded_by from documents where number = '45/KH-UBND' order by id"
    ).fetchall()
    assert rows == [(2, 1, 0, result.document_id), (result.document_id, 2, 1, None)]
    # History stays; the views show the current version only.
    assert loaded_registry.execute("select count(*) from nodes where document_id = 2").fetchone()[0] == 6
    assert {r[0] for r in loaded_registry.execute("select distinct document_id from unit_tasks")} == {
        1, result.document_id}


def test_the_same_number_in_another_year_is_another_document(loaded_registry):
    new = changed(fixture_plan("registry_fixture_2.json"), "b" * 64, date="2026-03-02")
    assert registry.load(loaded_registry, new).supersedes is None
    assert loaded_registry.execute("select count(*) from documents where current = 1").fetchone()[0] == 4


def test_without_a_number_the_path_identifies_the_document(loaded_registry):
    result = registry.load(loaded_registry, changed(fixture_plan(), "c" * 64, title="Kế hoạch đã sửa"))
    assert (result.status, result.supersedes, result.version) == ("loaded", 1, 2)
    assert loaded_registry.execute("select current from documents where id = 1").fetchone()[0] == 0


def test_new_bytes_with_the_same_content_are_a_copy(loaded_registry):
    result = registry.load(loaded_registry, changed(fixture_plan(), "c" * 64))
    assert (result.status, result.same_as, result.supersedes) == ("copy", 1, None)
    assert result.message.startswith("same document as Kế hoạch Triển khai công tác dân vận chính quyền năm 2025 (#1")
    row = loaded_registry.execute(
        f"select current, same_as, version from documents where id = {result.document_id}").fetchone()
    assert row == (0, 1, 1)
    assert loaded_registry.execute("select current from documents where id = 1").fetchone()[0] == 1
    # Recorded, not loaded: no nodes, and the same bytes are skipped next time.
    assert loaded_registry.execute(
        f"select count(*) from nodes where document_id = {result.document_id}").fetchone()[0] == 0
    assert registry.load(loaded_registry, changed(fixture_plan(), "c" * 64)).status == "skipped"


# --- processes: ingest twice, SIGKILL, two at once -------------------------------

def test_ingesting_a_folder_twice_changes_no_table(tmp_path, db_path):
    folder = write_plans(tmp_path / "plans", range(1, 6))
    first = ingest(folder, "--db", db_path)
    assert first.returncode == 0, first.stderr
    db = registry.open_db(db_path)
    before = all_counts(db)
    assert before["documents"] == 5
    second = ingest(folder, "--db", db_path)
    assert second.returncode == 0, second.stderr
    assert all_counts(db) == before


def test_sigkill_mid_batch_leaves_a_sound_registry(tmp_path, db_path):
    folder = write_plans(tmp_path / "plans", range(1, 41))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([*KEHOACH, "ingest", str(folder), "--db", str(db_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    loaded = 0
    deadline = time.monotonic() + 300
    for line in proc.stdout:
        loaded += line.startswith("loaded")
        if loaded >= 3 or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert loaded >= 3
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = conn.execute("select count(*) from documents").fetchone()[0]
    conn.close()
    assert 3 <= partial < 40
    rerun = ingest(folder, "--db", db_path)
    assert rerun.returncode == 0, rerun.stderr
    db = registry.open_db(db_path)
    assert db.execute("select count(*), count(distinct sha256) from documents").fetchone() == (40, 40)
    assert db.execute("select count(*) from (select document_id, node_id from nodes "
                      "group by 1, 2 having count(*) > 1)").fetchone()[0] == 0
    assert db.execute("select count(*) from nodes").fetchone()[0] == db.execute(
        "select count(*) from nodes_fts").fetchone()[0]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_concurrent_ingests_both_succeed(tmp_path, db_path):
    first = write_plans(tmp_path / "a", range(1, 13))
    second = write_plans(tmp_path / "b", range(7, 19))  # 7..12 are in both (same bytes)
    procs = [subprocess.Popen([*KEHOACH, "ingest", str(folder), "--db", str(db_path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for folder in (first, second)]
    results = [p.communicate(timeout=600) + (p.returncode,) for p in procs]
    for out, err, code in results:
        assert code == 0, err
    db = registry.open_db(db_path)
    assert db.execute("select count(*), count(distinct sha256) from documents").fetchone() == (18, 18)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_unit_tasks_show_the_deadline_the_extractor_decided(registry_db):
    """A unit heading leads items a) and b); a) states its own deadline, b) takes the heading's
    (decided by mark_deadlines, stored as it is)."""
    plan = PlanDocument.model_validate({
        "source": {"path": "chi-thi.txt", "sha256": "d" * 64, "format": "txt"},
        "metadata": {"doc_type": "Chỉ thị", "number": "13/CT-TTg", "issuer": "Thủ tướng Chính phủ"},
        "nodes": [
            {"id": "1", "marker": "1.", "kind": "item", "heading": "Bộ Tài nguyên và Môi trường", "task": True,
             "deadline": "2024-12-31", "deadline_text": "trong năm 2024"},
            {"id": "1.a", "parent": "1", "marker": "a)", "kind": "item", "text": "Ban hành kế hoạch, hoàn thành "
             "trong Quý III năm 2024;", "task": True, "deadline": "2024-09-30",
             "deadline_text": "hoàn thành trong Quý III năm 2024"},
            {"id": "1.b", "parent": "1", "marker": "b)", "kind": "item", "text": "Tổng kết, đánh giá.", "task": True},
        ],
        "assignments": [{"node": "1", "unit": "Bộ Tài nguyên và Môi trường", "unit_id": "bộ tài nguyên và môi trường",
                         "role": "lead"}],
    })
    registry.load(registry_db, plan.model_copy(update={"nodes": mark_deadlines(plan.nodes, plan.assignments)}))
    rows = {r[0]: (r[1], r[2]) for r in registry_db.execute(
        "select node_id, deadline, deadline_text from unit_tasks order by node_id")}
    assert rows == {
        "1": ("2024-12-31", "trong năm 2024"),
        "1.a": ("2024-09-30", "hoàn thành trong Quý III năm 2024"),
        "1.b": ("2024-12-31", "trong năm 2024"),
    }

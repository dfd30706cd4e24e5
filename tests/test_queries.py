"""The analysts' queries (pipeline/queries.py) on the three committed fixtures.

Document ids: 1 = Gia Viên ward plan (no number), 2 = 45/KH-UBND of xã Lương
Minh, 3 = Chỉ thị 33/CT-TTg. Expected rows checked by eye against tests/data.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kehoach.pipeline import api, queries, registry
from kehoach.pipeline.errors import RegistryError
from kehoach.schemas.models import PlanDocument

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = ("registry_fixture.json", "registry_fixture_2.json", "registry_fixture_3.json")


def fixture_plan(name: str) -> PlanDocument:
    return PlanDocument.model_validate(json.loads((DATA / name).read_text(encoding="utf-8")))


@pytest.fixture
def loaded_path(db_path):
    db = registry.open_db(db_path)
    for name in FIXTURES:
        registry.load(db, fixture_plan(name))
    db.conn.close()
    return db_path


@pytest.fixture
def loaded_registry(loaded_path):
    db = queries.open_readonly(loaded_path)
    yield db
    db.conn.close()


def keys(rows, *names):
    return [tuple(r[n] for n in names) for r in rows]


# --- cites ---------------------------------------------------------------------

@pytest.mark.parametrize("ref", [
    pytest.param("33/CT-TTg", id="official"),
    pytest.param("33/CT-TTG", id="upper"),
    pytest.param("33/ct-ttg", id="lower"),
    pytest.param("Chỉ thị 33/CT-TTg", id="with-type"),
    pytest.param("Chỉ thị số 33/CT‑TTg ngày 26/11/2021", id="with-so-date-and-nb-hyphen"),
])
def test_cites_any_written_form(loaded_registry, ref):
    rows = queries.cites(loaded_registry, ref)
    assert keys(rows, "document_id", "node_id") == [(2, "preamble"), (1, "preamble"), (1, "II.1")]


def test_cites_row_fields(loaded_registry):
    row = queries.cites(loaded_registry, "25-NQ/TW")
    assert row == [{
        "ref": "25-NQ/TW", "canonical_ref": None, "relation": "implements", "document_id": 1,
        "document_label": "Kế hoạch Triển khai công tác dân vận chính quyền năm 2025", "document_type": "Kế hoạch",
        "document_number": None, "document_issuer": "Ủy ban nhân dân phường Gia Viên", "document_date": None,
        "path": "corpus/00_ubnd-phuong-gia-vien-ke-hoach-dan-van-2025.txt", "node_id": "II.1", "task": True,
        "text": "1. Tổ chức thực hiện nghiêm túc, có hiệu quả các nghị quyết, chỉ thị của Đảng, Nhà nước về "
                "công tác dân vận, trọng tâm…",
        # The sentence that cites, not the start of the node.
        "sentence": "Tổ chức thực hiện nghiêm túc, có hiệu quả các nghị quyết, chỉ thị của Đảng, Nhà nước về công "
                    "tác dân vận, trọng tâm là: Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương "
                    "Đảng khóa XI về “Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong "
                    "tình hình mới”;",
        "unit": None, "deadline": None, "corrected": False,
    }]


def test_cites_shows_the_lead_unit_of_a_unit_heading(registry_db_with_cited_item):
    rows = queries.cites(registry_db_with_cited_item, "33/CT-TTg")
    assert keys(rows, "node_id", "unit", "deadline") == [("preamble", None, None),
                                                         ("I.1.a", "Phòng Văn hoá – Xã hội", "2025-12-15")]


@pytest.fixture
def registry_db_with_cited_item(db_path):
    plan = fixture_plan("registry_fixture_2.json")
    item = next(n for n in plan.nodes if n.id == "I.1.a")
    cited = plan.citations[0].model_copy(update={"node": "I.1.a", "start": 0, "end": len(item.text),
                                                 "text": item.text})
    db = registry.open_db(db_path)
    registry.load(db, plan.model_copy(update={"citations": [*plan.citations, cited]}))
    return db


@pytest.mark.parametrize("ref", ["99/CT-TTg", "33/CT-UBND"])
def test_cites_unknown_ref_is_empty(loaded_registry, ref):
    assert queries.cites(loaded_registry, ref) == []


# --- tasks ---------------------------------------------------------------------

@pytest.mark.parametrize("unit", [
    pytest.param("Phòng Văn hóa - Xã hội", id="as-in-gia-vien"),
    pytest.param("Phòng Văn hoá – Xã hội", id="old-tone-en-dash"),
    pytest.param("phong van hoa xa hoi", id="ascii"),
    pytest.param("PHÒNG VĂN HÓA - XÃ HỘI", id="upper"),
    pytest.param("phong-van-hoa-xa-hoi", id="unit-id"),
])
def test_tasks_of_a_unit_in_any_spelling(loaded_registry, unit):
    rows = queries.tasks(loaded_registry, unit=unit)
    assert keys(rows, "document_id", "node_id", "role", "deadline", "inherited") == [
        (2, "I.1", "lead", "2025-12-15", False),
        (2, "I.1.a", "lead", "2025-12-15", True),
        (2, "I.1.b", "lead", "2025-12-15", True),
        (1, "III.1", "lead", "2025-12-31", False),
    ]


def test_tasks_of_a_unit_through_its_abbreviation(loaded_registry):
    rows = queries.tasks(loaded_registry, unit="Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã")
    assert keys(rows, "document_id", "node_id", "unit") == [(2, "I.2", "Văn phòng HĐND và UBND xã")]


def test_tasks_of_an_unknown_unit_is_empty(loaded_registry):
    assert queries.tasks(loaded_registry, unit="Sở Y tế") == []


def test_all_tasks_include_unassigned_task_nodes(loaded_registry):
    rows = queries.tasks(loaded_registry)
    assert (1, "II.1", None) in keys(rows, "document_id", "node_id", "unit")
    assert (3, "1", None) in keys(rows, "document_id", "node_id", "unit")
    assert len(rows) == 11


@pytest.mark.parametrize("filters,expected", [
    pytest.param({"doc": "45/kh-ubnd"}, 5, id="doc-number"),
    pytest.param({"doc": "1"}, 5, id="doc-id"),
    pytest.param({"doc": "99/KH-UBND"}, 0, id="unknown-doc"),
    pytest.param({"due_before": "2025-12-20"}, 5, id="due-before"),
    pytest.param({"due_before": dt.date(2025, 7, 1)}, 1, id="due-before-date"),
    pytest.param({"overdue": True, "today": dt.date(2025, 7, 1)}, 1, id="overdue"),
    pytest.param({"overdue": True, "today": dt.date(2025, 1, 1)}, 0, id="nothing-overdue"),
    pytest.param({"unit": "Thường trực HĐND xã", "doc": "45/KH-UBND"}, 1, id="unit-and-doc"),
])
def test_task_filters(loaded_registry, filters, expected):
    assert len(queries.tasks(loaded_registry, **filters)) == expected


def test_bad_date_is_a_query_error(loaded_registry):
    with pytest.raises(queries.QueryError, match="not a date"):
        queries.tasks(loaded_registry, due_before="15/12/2025")


# --- docs, search, implements --------------------------------------------------

def test_docs_with_counts(loaded_registry):
    rows = queries.docs(loaded_registry)
    assert keys(rows, "id", "number", "nodes", "tasks", "citations", "assignments") == [
        (2, "45/KH-UBND", 6, 3, 1, 3), (3, "33/CT-TTg", 1, 1, 0, 0), (1, None, 9, 4, 4, 3)]


@pytest.mark.parametrize("query,expected", [
    pytest.param('"dan van"', {(1, "preamble"), (1, "I.1"), (1, "II.1"), (1, "III.1"), (2, "preamble"),
                               (2, "I.1.b"), (3, "1")}, id="dan-van-phrase"),
    # Words are ANDed, diacritics ignored: "vấn đề" (II.4) and "Văn phòng … nhân dân" (III.2) match too.
    pytest.param("dan van", {(1, "preamble"), (1, "I.1"), (1, "II.1"), (1, "II.4"), (1, "III.1"), (1, "III.2"),
                             (2, "preamble"), (2, "I.1.b"), (3, "1")}, id="dan-van-words"),
    pytest.param('"dang uy"', {(1, "I.1"), (1, "III.1"), (2, "I.2")}, id="dang-uy-phrase-d-folded"),
    pytest.param("dang uy", {(1, "preamble"), (1, "I.1"), (1, "III.1"), (2, "I.2"), (3, "1")}, id="dang-uy-words"),
    pytest.param("Đảng ủy", {(1, "preamble"), (1, "I.1"), (1, "III.1"), (2, "I.2"), (3, "1")}, id="with-diacritics"),
    pytest.param("hdnd", {(2, "I.1.a"), (2, "I.2")}, id="hdnd"),
    pytest.param('"dân vận chính quyền"', {(1, "preamble"), (1, "I.1"), (1, "III.1"), (2, "preamble"),
                                          (2, "I.1.b")}, id="phrase"),
    pytest.param("đối thoại NOT hdnd", {(1, "II.4")}, id="not"),
    pytest.param("tiep*", {(1, "preamble"), (1, "II.1"), (1, "II.4"), (1, "III.2"), (3, "1")},
                 id="prefix"),
    pytest.param("khong co tu nay", set(), id="no-match"),
])
def test_search(loaded_registry, query, expected):
    rows = queries.search(loaded_registry, query, limit=50)
    assert set(keys(rows, "document_id", "node_id")) == expected


def test_search_snippet_marks_the_original_words(loaded_registry):
    rows = queries.search(loaded_registry, '"dang uy"')
    snippet = next(r["snippet"] for r in rows if r["node_id"] == "I.2")
    assert snippet == "…dõi, đôn đốc việc thực hiện Kế hoạch; báo cáo [Đảng ủy] xã trước ngày 20/6/2025."


def test_search_is_ranked(loaded_registry):
    ranks = [r["rank"] for r in queries.search(loaded_registry, "hdnd")]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize("query", ["", "  ", "- / ,", "OR"])
def test_search_with_nothing_to_search_is_an_error(loaded_registry, query):
    with pytest.raises(queries.QueryError):
        queries.search(loaded_registry, query)


def test_implements(loaded_registry):
    rows = queries.implements(loaded_registry, "chỉ thị 33/ct-ttg")
    assert keys(rows, "document_id", "nodes", "cited_document_id") == [(2, ["preamble"], 3),
                                                                        (1, ["II.1", "preamble"], 3)]


def test_implemented_by_works_both_ways(loaded_registry):
    directive = queries.implemented_by(loaded_registry, 3)
    assert keys(directive, "direction", "document_id") == [("implemented_by", 1), ("implemented_by", 2)]
    plan = queries.implemented_by(loaded_registry, 1)
    assert keys(plan, "direction", "ref", "document_id") == [
        ("implements", "33/CT-TTg", 3), ("implements", "3177/QĐ-UBND", None), ("implements", "25-NQ/TW", None)]


def test_superseded_versions_are_left_out(loaded_path):
    db = registry.open_db(loaded_path)
    data = fixture_plan("registry_fixture_2.json").model_dump(mode="json")
    data["source"]["sha256"] = "e" * 64
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "I.1.b"]
    new = registry.load(db, PlanDocument.model_validate(data)).document_id
    assert keys(queries.tasks(db, unit="Phòng Văn hóa - Xã hội"), "document_id", "node_id") == [
        (new, "I.1"), (new, "I.1.a"), (1, "III.1")]
    assert {r["document_id"] for r in queries.cites(db, "33/CT-TTg")} == {1, new}
    assert len(queries.docs(db)) == 3
    assert len(queries.docs(db, all_versions=True)) == 4


# --- opening and the API -------------------------------------------------------

def test_open_readonly_refuses_writes(loaded_registry):
    with pytest.raises(Exception, match="readonly"):
        loaded_registry.execute("delete from documents")


def test_open_readonly_missing_file(tmp_path):
    with pytest.raises(RegistryError, match="no such registry"):
        queries.open_readonly(tmp_path / "missing.db")


def test_api_accepts_a_path(loaded_path):
    assert len(api.query_cites(loaded_path, "33/CT-TTg")) == 3
    assert len(api.query_tasks(str(loaded_path), unit="Phòng Văn hoá – Xã hội")) == 4
    assert len(api.query_docs(loaded_path)) == 3
    assert api.query_search(loaded_path, "hdnd", limit=1)[0]["node_id"] == "I.2"
    assert len(api.query_implements(loaded_path, "33/CT-TTg")) == 2

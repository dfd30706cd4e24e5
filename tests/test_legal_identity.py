"""A law cited by name and the same law cited by number are one cited document; `cites` takes a
number, a name or a fragment, and suggests close names when nothing matches.

Plans built by hand: 15/KH-UBND cites the law by name only, with the number the citation stage found
for it (``canonical_ref``); 16/KH-UBND cites it by number; 17/KH-UBND cites another law by name with
no number known.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import queries, registry
from kehoach.pipeline.cli import app
from kehoach.schemas.models import PlanDocument

BY_NAME = "Luật Tổ chức chính quyền địa phương 2025"
BY_NUMBER = "72/2025/QH15"


def citing_plan(number: str, sha: str, text: str, citation: dict) -> PlanDocument:
    start = text.index(citation["text"])
    return PlanDocument.model_validate({
        "source": {"path": f"kh-{sha}.txt", "sha256": sha * 64, "format": "txt"},
        "metadata": {"doc_type": "Kế hoạch", "number": number, "issuer": "Ủy ban nhân dân tỉnh Nghệ An",
                     "date": "2025-08-01"},
        "nodes": [{"id": "1", "marker": "1.", "kind": "item", "heading": text[:40], "text": text, "task": True}],
        "citations": [{"node": "1", "start": start, "end": start + len(citation["text"]), **citation}],
        "assignments": [{"node": "1", "unit": "Sở Nội vụ", "unit_id": "sở nội vụ", "role": "lead",
                         "jurisdiction": "tỉnh Nghệ An"}],
    })


PLANS = [
    citing_plan("15/KH-UBND", "a", "Sở Nội vụ rà soát tổ chức bộ máy theo Luật Tổ chức chính quyền địa phương "
                "2025. Báo cáo UBND tỉnh.", {"text": "Luật Tổ chức chính quyền địa phương 2025", "ref": BY_NAME,
                                              "doc_type": "Luật", "year": 2025, "canonical_ref": BY_NUMBER,
                                              "relation": "based_on"}),
    citing_plan("16/KH-UBND", "b", "Căn cứ Luật số 72/2025/QH15 ngày 16/6/2025 của Quốc hội, Sở Nội vụ hướng dẫn "
                "các xã.", {"text": "Luật số 72/2025/QH15", "ref": BY_NUMBER, "doc_type": "Luật", "number": "72",
                            "year": 2025, "symbol": "QH15", "date": "2025-06-16", "issuer": "Quốc hội",
                            "relation": "based_on"}),
    citing_plan("17/KH-UBND", "c", "Thực hiện Luật Đất đai năm 2024, Sở Nội vụ phối hợp rà soát.",
                {"text": "Luật Đất đai năm 2024", "ref": "Luật Đất đai 2024", "doc_type": "Luật", "year": 2024,
                 "relation": "implements"}),
]


@pytest.fixture
def db(db_path):
    database = registry.open_db(db_path)
    for p in PLANS:
        registry.load(database, p)
    yield database
    database.conn.close()


def cited(db, ref: str) -> list[tuple]:
    return [(r["document_number"], r["node_id"]) for r in queries.cites(db, ref)]


def test_name_and_number_are_one_cited_document(db):
    rows = db.execute("select ref, canonical_ref, ref_key, date, issuer from legal_documents "
                      "where ref_key = '72/2025/QH15'").fetchall()
    assert rows == [(BY_NAME, BY_NUMBER, "72/2025/QH15", "2025-06-16", "Quốc hội")]
    names = {r[0] for r in db.execute("select name from legal_document_names n join legal_documents l "
                                      "on l.id = n.legal_document_id where l.ref_key = '72/2025/QH15'")}
    assert names == {BY_NAME, BY_NUMBER}


@pytest.mark.parametrize("ref", [
    pytest.param("72/2025/QH15", id="number"),
    pytest.param("Luật số 72/2025/qh15", id="number-with-type-lower-case"),
    pytest.param("Luật Tổ chức chính quyền địa phương 2025", id="name-as-cited"),
    pytest.param("Luật Tổ chức chính quyền địa phương", id="name-without-year"),
    pytest.param("luat to chuc chinh quyen dia phuong", id="name-folded"),
    pytest.param("Tổ chức chính quyền", id="fragment"),
])
def test_cites_by_name_number_or_fragment_reach_the_same_tasks(db, ref):
    assert cited(db, ref) == [("15/KH-UBND", "1"), ("16/KH-UBND", "1")]


def test_a_fragment_starts_at_a_word(db):
    assert cited(db, "2/2025/QH15") == []  # inside "72/2025/QH15"
    assert cited(db, "Đất đai") == [("17/KH-UBND", "1")]


def test_cites_rows_carry_the_sentence_relation_and_date(db):
    row = queries.cites(db, "Luật Tổ chức chính quyền địa phương")[0]
    assert (row["document_label"], row["document_date"], row["relation"], row["unit"]) == (
        "15/KH-UBND", "2025-08-01", "based_on", "Sở Nội vụ (tỉnh Nghệ An)")
    assert row["sentence"] == "Sở Nội vụ rà soát tổ chức bộ máy theo Luật Tổ chức chính quyền địa phương 2025."


def test_nothing_matches_suggests_close_names(db_path, db):
    result = CliRunner().invoke(app, ["cites", "Luật Tổ chức chính quyền đại phương", "--db", str(db_path),
                                      "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert result.stderr == ("kehoach: nothing cites 'Luật Tổ chức chính quyền đại phương'; close matches: "
                             f"{BY_NAME}\n")


def test_the_cli_by_name_and_by_number(db_path, db):
    runner = CliRunner()
    by_name = runner.invoke(app, ["cites", "Luật Tổ chức chính quyền địa phương", "--db", str(db_path), "-f", "json"])
    by_number = runner.invoke(app, ["cites", "72/2025/QH15", "--db", str(db_path), "-f", "json"])
    assert json.loads(by_name.stdout) == json.loads(by_number.stdout)
    assert [r["document_label"] for r in json.loads(by_name.stdout)] == ["15/KH-UBND", "16/KH-UBND"]

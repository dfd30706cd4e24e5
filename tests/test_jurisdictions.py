"""Units per jurisdiction, catch-all groups, and a heading's lead that stops at a child naming its own.

Plans built by hand (the units stage fills ``jurisdiction`` and ``is_group``; here they are set as it
would): Kế hoạch 12/KH-UBND of thành phố Hà Nội and 34/KH-UBND of thành phố Cần Thơ both assign
"Sở Tài chính"; Hà Nội's "Điều 2. Trách nhiệm của Sở Tài chính; UBND các xã, phường" has item 2.2 that
names its own lead (the communes), whose points a) and b) are theirs, not Sở Tài chính's.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import queries, registry
from kehoach.pipeline.cli import app
from kehoach.schemas.models import PlanDocument

HA_NOI, CAN_THO = "thành phố Hà Nội", "thành phố Cần Thơ"


def node(node_id: str, parent: str | None, heading: str, text: str = "", task: bool = True) -> dict:
    return {"id": node_id, "parent": parent, "marker": node_id.rsplit(".", 1)[-1] + ".", "kind": "item",
            "heading": heading, "text": text or heading, "task": task}


def assign(node_id: str, unit: str, role: str = "lead", jurisdiction: str | None = None, group: bool = False,
           unit_id: str | None = None) -> dict:
    return {"node": node_id, "unit": unit, "unit_id": unit_id or unit.lower(), "role": role,
            "jurisdiction": jurisdiction, "is_group": group}


def plan(number: str, issuer: str, nodes: list[dict], assignments: list[dict], sha: str) -> PlanDocument:
    return PlanDocument.model_validate({
        "source": {"path": f"{number.replace('/', '-')}.txt", "sha256": sha * 64, "format": "txt"},
        "metadata": {"doc_type": "Kế hoạch", "number": number, "issuer": issuer, "date": "2025-05-10"},
        "nodes": nodes, "assignments": assignments})


HA_NOI_PLAN = plan("12/KH-UBND", "Ủy ban nhân dân thành phố Hà Nội", [
    node("Điều 2", None, "Trách nhiệm của Sở Tài chính; UBND các xã, phường"),
    node("Điều 2.1", "Điều 2", "Bố trí kinh phí thực hiện Kế hoạch."),
    node("Điều 2.2", "Điều 2", "UBND các xã, phường chủ trì:"),
    node("Điều 2.2.a", "Điều 2.2", "Rà soát danh sách hộ nghèo."),
    node("Điều 2.2.b", "Điều 2.2", "Báo cáo kết quả trước ngày 30/11/2025."),
    node("Điều 3", None, "Tổ chức thực hiện"),
    node("Điều 3.1", "Điều 3", "Các sở, ban, ngành có liên quan phối hợp triển khai."),
], [
    assign("Điều 2", "Sở Tài chính", jurisdiction=HA_NOI),
    assign("Điều 2", "UBND các xã, phường", jurisdiction=HA_NOI, unit_id="ủy ban nhân dân các xã phường"),
    assign("Điều 2.2", "UBND các xã, phường", jurisdiction=HA_NOI, unit_id="ủy ban nhân dân các xã phường"),
    assign("Điều 3.1", "Các sở, ban, ngành có liên quan", "support", HA_NOI, group=True,
           unit_id="các sở ban ngành có liên quan"),
], "a")

CAN_THO_PLAN = plan("34/KH-UBND", "Ủy ban nhân dân thành phố Cần Thơ", [
    node("I", None, "NHIỆM VỤ", task=False),
    node("I.1", "I", "Sở Tài chính tham mưu phân bổ kinh phí năm 2026."),
    node("I.2", "I", "Các sở, ban, ngành liên quan phối hợp thực hiện."),
    node("I.3", "I", "Bộ Tài chính hướng dẫn thủ tục."),
], [
    assign("I.1", "Sở Tài chính", jurisdiction=CAN_THO),
    assign("I.2", "Các sở, ban, ngành liên quan", "support", CAN_THO, group=True,
           unit_id="các sở ban ngành liên quan"),
    assign("I.3", "Bộ Tài chính", jurisdiction="Trung ương"),
    assign("I.3", "Sở Tài chính", "support"),  # jurisdiction unknown: a unit of its own, never merged
], "b")


@pytest.fixture
def db(db_path):
    database = registry.open_db(db_path)
    for p in (HA_NOI_PLAN, CAN_THO_PLAN):
        registry.load(database, p)
    yield database
    database.conn.close()


def rows_of(found: list[dict], *names: str) -> list[tuple]:
    return [tuple(r[n] for n in names) for r in found]


def test_one_unit_per_jurisdiction(db):
    units = db.execute("select name, jurisdiction, jurisdiction_key, is_group from units "
                       "where unit_key = 'so-tai-chinh' order by id").fetchall()
    assert units == [("Sở Tài chính", HA_NOI, "ha-noi", 0), ("Sở Tài chính", CAN_THO, "can-tho", 0),
                     ("Sở Tài chính", None, None, 0)]


def test_a_name_alone_lists_every_jurisdiction_grouped(db):
    found = queries.tasks(db, unit="Sở Tài chính")
    assert rows_of(found, "jurisdiction", "document_number", "node_id", "role", "inherited") == [
        (CAN_THO, "34/KH-UBND", "I.1", "lead", False),
        (HA_NOI, "12/KH-UBND", "Điều 2", "lead", False),
        (HA_NOI, "12/KH-UBND", "Điều 2.1", "lead", True),
        (None, "34/KH-UBND", "I.3", "support", False),
    ]


@pytest.mark.parametrize("unit,jurisdiction", [
    pytest.param("Sở Tài chính thành phố Hà Nội", None, id="jurisdiction-in-the-name"),
    pytest.param("so tai chinh tp ha noi", None, id="folded-and-abbreviated"),
    pytest.param("Sở Tài chính", "Hà Nội", id="jurisdiction-option"),
    pytest.param("Sở Tài chính", "thành phố Hà Nội", id="jurisdiction-option-with-level"),
])
def test_one_jurisdiction(db, unit, jurisdiction):
    found = queries.tasks(db, unit=unit, jurisdiction=jurisdiction)
    assert rows_of(found, "jurisdiction", "node_id") == [(HA_NOI, "Điều 2"), (HA_NOI, "Điều 2.1")]


@pytest.mark.parametrize("unit,jurisdiction", [
    pytest.param("Sở Tài chính thành phố Huế", None, id="a-jurisdiction-without-it"),
    pytest.param("Sở Tài chính thành phố Hà Nội", "Cần Thơ", id="name-and-option-disagree"),
    pytest.param("Sở Xây dựng", None, id="unknown-unit"),
])
def test_no_such_unit_in_that_jurisdiction(db, unit, jurisdiction):
    assert queries.tasks(db, unit=unit, jurisdiction=jurisdiction) == []


def test_a_child_naming_its_own_lead_is_not_the_headings_units(db):
    sở = {r["node_id"] for r in queries.tasks(db, unit="Sở Tài chính", jurisdiction="Hà Nội")}
    assert "Điều 2.2" not in sở and "Điều 2.2.a" not in sở and "Điều 2.2.b" not in sở
    communes = queries.tasks(db, unit="UBND các xã, phường")
    assert rows_of(communes, "node_id", "inherited") == [
        ("Điều 2", False), ("Điều 2.1", True), ("Điều 2.2", False), ("Điều 2.2.a", True), ("Điều 2.2.b", True)]


def test_jurisdiction_alone_lists_its_units_tasks(db):
    found = queries.tasks(db, jurisdiction="Trung ương")
    assert rows_of(found, "unit", "node_id") == [("Bộ Tài chính", "I.3")]


def test_catch_all_groups_are_marked_one_group_and_listed_last(db):
    units = queries.units(db)
    assert [u["is_group"] for u in units] == sorted(u["is_group"] for u in units)
    groups = [(u["unit"], u["jurisdiction"]) for u in units if u["is_group"]]
    # "… có liên quan" and "… liên quan" are one unit per jurisdiction.
    assert groups == [("Các sở, ban, ngành có liên quan", HA_NOI), ("Các sở, ban, ngành liên quan", CAN_THO)]
    assert db.execute("select count(distinct unit_key) from units where is_group = 1").fetchone()[0] == 1
    both = queries.tasks(db, unit="các sở, ban, ngành liên quan")
    assert rows_of(both, "jurisdiction", "node_id", "is_group") == [(CAN_THO, "I.2", True), (HA_NOI, "Điều 3.1", True)]


def test_the_cli_shows_and_filters_by_jurisdiction(db_path, db):
    runner = CliRunner()
    result = runner.invoke(app, ["tasks", "--unit", "Sở Tài chính", "--db", str(db_path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [r["jurisdiction"] for r in json.loads(result.stdout)] == [CAN_THO, HA_NOI, HA_NOI, None]
    result = runner.invoke(app, ["tasks", "--unit", "Sở Tài chính", "--jurisdiction", "Hà Nội", "--db",
                                 str(db_path), "-f", "json"])
    assert {r["jurisdiction"] for r in json.loads(result.stdout)} == {HA_NOI}
    result = runner.invoke(app, ["units", "Sở Tài chính", "--db", str(db_path), "-f", "json"])
    assert [(u["jurisdiction"], u["tasks"]) for u in json.loads(result.stdout)] == [
        (HA_NOI, 2), (CAN_THO, 1), (None, 1)]


def test_an_unknown_unit_suggests_close_names(db_path, db):
    result = CliRunner().invoke(app, ["tasks", "--unit", "Sở Tài chánh", "--db", str(db_path), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert result.stderr.startswith("kehoach: no tasks for Sở Tài chánh; close matches: Sở Tài chính")


@pytest.mark.parametrize("params,expected", [
    pytest.param({"unit": "Sở Tài chính", "jurisdiction": ""}, [CAN_THO, HA_NOI, HA_NOI, None], id="every-jurisdiction"),
    pytest.param({"unit": "so tai chinh", "jurisdiction": "Hà Nội"}, [HA_NOI, HA_NOI], id="ha-noi"),
])
def test_datasette_runs_the_same_query(db_path, db, params, expected):
    import asyncio

    from kehoach.pipeline import serve

    db.conn.close()
    ds = serve.datasette_app(db_path)

    async def fetch():
        await ds.invoke_startup()
        return await ds.client.get(f"/{serve.database_name(db_path)}/unit_tasks_deadlines.json",
                                   params={**params, "_shape": "array"})

    response = asyncio.run(fetch())
    assert response.status_code == 200, response.text[:300]
    assert [r["jurisdiction"] for r in response.json()] == expected

"""Datasette over the registry: metadata against the schema, canned queries and search on the samples."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.extractors.fold import ascii_key
from kehoach.pipeline import registry, serve
from kehoach.pipeline.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pdf"
GIA_VIEN = "Ủy ban nhân dân phường Gia Viên"


@pytest.fixture(scope="module")
def datasette(samples_db):
    ds = serve.datasette_app(samples_db)
    asyncio.run(ds.invoke_startup())
    return ds


def get_json(ds, path: str, **params) -> list[dict]:
    async def fetch():
        return await ds.client.get(path, params={**params, "_shape": "array"})

    response = asyncio.run(fetch())
    assert response.status_code == 200, response.text[:500]
    return response.json()


def schema_columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'nodes_fts%' "
        "AND name NOT LIKE 'sqlite_%'")]
    out = {n: [r[1] for r in conn.execute(f"PRAGMA table_xinfo([{n}])")] for n in names}
    conn.close()
    return out


# --- metadata (pure) ---

def test_metadata_describes_every_table_and_column(db_path):
    registry.open_db(db_path).conn.close()
    tables = serve.metadata("registry")["databases"]["registry"]["tables"]
    for name, columns in schema_columns(db_path).items():
        assert tables[name]["description"], name
        assert sorted(tables[name]["columns"]) == sorted(columns), name


@pytest.mark.parametrize("table", sorted(serve.TABLES))
def test_descriptions_vietnamese_then_english(table):
    description, columns = serve.TABLES[table]
    for text in (description, *columns.values()):
        vietnamese, _, english = text.partition(" — ")
        assert vietnamese and english, text
        # English after: no Vietnamese letters there (but "đ → d" names the folding).
        assert english.translate({ord("đ"): None, ord("…"): None, ord("→"): None}).isascii(), text


def test_metadata_facets_search_and_queries():
    meta = serve.metadata("kehoach")
    assert meta["title"]
    tables = meta["databases"]["kehoach"]["tables"]
    assert tables["documents"]["facets"] == ["issuer", "doc_type"]
    assert tables["assignments"]["facets"] == ["unit", "role", "jurisdiction"]
    assert tables["documents"]["label_column"] == "label"
    for name, table in tables.items():
        for facet in table.get("facets", []):
            assert facet in serve.TABLES[name][1], (name, facet)
    assert tables["nodes"]["fts_table"] == "nodes_fts"
    assert set(meta["databases"]["kehoach"]["queries"]) == {
        "tasks_citing_document", "unit_tasks_deadlines", "overdue_tasks", "documents_implementing",
        "most_cited_documents", "task_status", "corrections"}


def test_database_name():
    assert serve.database_name("data/kehoach.db") == "kehoach"


# --- Datasette on the samples ---

def test_served_immutable_on_localhost(datasette):
    assert serve.HOST == "127.0.0.1"
    database = datasette.databases["samples"]
    assert database.is_mutable is False


@pytest.mark.parametrize("ref", [
    pytest.param("33/CT-TTg", id="as-written"),
    pytest.param("33/ct-ttg", id="lower-case"),
    pytest.param("Chỉ thị số 33/CT-TTg", id="with-type-and-so"),
])
def test_canned_tasks_citing_document(datasette, ref):
    rows = get_json(datasette, "/samples/tasks_citing_document.json", ref=ref)
    assert [(r["document_issuer"], r["node_id"]) for r in rows] == [(GIA_VIEN, "preamble"), (GIA_VIEN, "II.1")]
    assert rows[1]["task"] == 1
    assert rows[1]["text"].startswith("Tổ chức thực hiện nghiêm túc")


def test_canned_tasks_citing_unknown_ref_is_empty(datasette):
    assert get_json(datasette, "/samples/tasks_citing_document.json", ref="999/CT-TTg") == []


@pytest.mark.parametrize("unit", ["Ban Công tác mặt trận thôn", "ban cong tac mat tran thon"])
def test_canned_unit_tasks_with_deadlines(datasette, unit):
    rows = get_json(datasette, "/samples/unit_tasks_deadlines.json", unit=unit)
    assert rows and {r["unit"] for r in rows} == {"Ban Công tác mặt trận thôn"}
    assert (rows[0]["node_id"], rows[0]["deadline"]) == ("II.1.1", "2025-12-10")
    deadlines = [r["deadline"] for r in rows if r["deadline"]]
    assert deadlines == sorted(deadlines)


def test_canned_overdue_tasks(datasette):
    rows = get_json(datasette, "/samples/overdue_tasks.json")
    today = dt.date.today().isoformat()
    # The samples' deadlines run to 2026-02-20: all are overdue after that day.
    assert rows if today > "2026-02-20" else True
    assert all(r["deadline"] < today and r["days_overdue"] > 0 for r in rows)


def test_canned_documents_implementing(datasette):
    rows = get_json(datasette, "/samples/documents_implementing.json", ref="chỉ thị 33/ct-ttg")
    assert [r["document_issuer"] for r in rows] == [GIA_VIEN]
    assert "preamble" in rows[0]["nodes"]


def test_canned_most_cited_documents(datasette):
    rows = get_json(datasette, "/samples/most_cited_documents.json")
    assert len(rows) >= 18
    mentions = {r["ref"]: r["mentions"] for r in rows}
    assert mentions["33/CT-TTg"] == 2
    order = [(r["citing_documents"], r["mentions"]) for r in rows]
    assert order == sorted(order, reverse=True)


@pytest.mark.parametrize("query,expected", [
    pytest.param("dan van", "dân vận", id="no-diacritics"),
    pytest.param("dang uy", "Đảng ủy", id="d-for-dj"),
    pytest.param("dân vận", "dân vận", id="with-diacritics"),
])
def test_search_box_on_nodes(datasette, query, expected):
    rows = get_json(datasette, "/samples/nodes.json", _search=query)
    texts = [((r["heading"] or "") + " " + (r["text"] or "")) for r in rows]
    # Words are ANDed, each found without diacritics and with đ as d; the phrase is in some rows.
    for text in texts:
        folded = ascii_key(text).lower()
        assert all(word in folded for word in ascii_key(query).lower().split()), text
    assert any(expected.lower() in text.lower() for text in texts)


def test_search_without_match_is_empty(datasette):
    assert get_json(datasette, "/samples/nodes.json", _search="xyzzyq") == []


# --- CLI ---

def test_serve_missing_registry_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no such registry" in result.output


def test_serve_not_a_registry(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    result = CliRunner().invoke(app, ["serve", "--db", str(junk)])
    assert result.exit_code == 2
    assert "registry" in result.output

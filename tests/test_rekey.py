"""Key versions: a registry records what its matching keys were built with; a kehoach that builds them
differently refuses it until `kehoach rekey` rebuilds them (merging rows that now meet)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kehoach.extractors import keys
from kehoach.pipeline import api, registry
from kehoach.pipeline.errors import RegistryError
from kehoach.schemas.models import Assignment, Citation, Node, PlanDocument, Source


def _plan(sha: str, unit: str, ref: str, canonical: str | None = None) -> PlanDocument:
    return PlanDocument(
        source=Source(path=f"{sha}.txt", sha256=sha, format="txt"),
        metadata={"doc_type": "Kế hoạch", "number": f"{sha}/KH-UBND", "issuer": "Ủy ban nhân dân tỉnh Lào Cai"},
        nodes=[Node(id="1", marker="1.", kind="item", text=f"{unit} chủ trì thực hiện {ref}.", task=True)],
        citations=[Citation(node="1", text=ref, start=0, end=len(ref), ref=ref, canonical_ref=canonical,
                            doc_type="Luật")],
        assignments=[Assignment(node="1", unit=unit, unit_id=unit.casefold(), role="lead",
                                jurisdiction="tỉnh Lào Cai")],
    )


@pytest.fixture
def old_registry(db_path, monkeypatch):
    """A registry whose keys an older kehoach built: a unit abbreviation and a law's name it did not fold."""
    db = registry.open_db(db_path)
    registry.load(db, _plan("1", "Sở TN&MT", "Luật Đầu tư công", "58/2024/QH15"))
    registry.load(db, _plan("2", "Sở Tài nguyên và Môi trường", "58/2024/QH15"))
    # What the older kehoach stored: each spelling its own unit and cited document, and its key version.
    conn = db.conn
    conn.execute("UPDATE registry_settings SET value = '1.00000000' WHERE name = 'key_version'")
    old_law = conn.execute(
        "INSERT INTO legal_documents (ref, doc_type, ref_key, identity) VALUES "
        "('Luật Đầu tư công', 'Luật', 'LUAT DAU TU CONG', 'LUAT DAU TU CONG||')").lastrowid
    conn.execute("UPDATE legal_documents SET ref = '58/2024/QH15', canonical_ref = NULL WHERE id <> ?", [old_law])
    conn.execute("UPDATE legal_documents SET canonical_ref = '58/2024/QH15' WHERE id = ?", [old_law])
    conn.execute("UPDATE citations SET legal_document_id = ? WHERE document_id = 1", [old_law])
    old_unit = conn.execute(
        "INSERT INTO units (unit_id, unit_key, jurisdiction, jurisdiction_key, identity, name, aliases) VALUES "
        "('sở tn&mt', 'so-tn-mt', 'tỉnh Lào Cai', 'lao-cai', 'so-tn-mt|lao-cai', 'Sở TN&MT', '[\"Sở TN&MT\"]')"
    ).lastrowid
    conn.execute("UPDATE assignments SET unit_pk = ? WHERE unit = 'Sở TN&MT'", [old_unit])
    db.conn.close()
    return db_path


def test_a_new_registry_records_its_key_version(db_path):
    db = registry.open_db(db_path)
    assert db.execute("SELECT value FROM registry_settings WHERE name = 'key_version'").fetchone()[0] \
        == keys.key_version()


@pytest.mark.parametrize("open_", [registry.open_db, api.query_docs], ids=["writer", "reader"])
def test_keys_of_another_version_are_refused_with_one_line(old_registry, open_):
    with pytest.raises(RegistryError, match="run `kehoach rekey --db"):
        open_(old_registry)


def test_rekey_rebuilds_and_merges(old_registry):
    with sqlite3.connect(old_registry) as conn:
        assert conn.execute("SELECT count(*) FROM legal_documents").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM units").fetchone()[0] == 2
    result = api.rekey(old_registry)
    assert (result.old_version, result.new_version) == ("1.00000000", keys.key_version())
    assert result.legal_documents_merged == 1
    with sqlite3.connect(old_registry) as conn:
        assert conn.execute("SELECT count(*) FROM legal_documents").fetchone()[0] == 1
        assert conn.execute("SELECT count(DISTINCT legal_document_id) FROM citations").fetchone()[0] == 1
        # "Sở TN&MT" and "Sở Tài nguyên và Môi trường" of one province are one unit with both names
        units = conn.execute("SELECT name, aliases FROM units").fetchall()
    assert len(units) == 1 and set(json.loads(units[0][1])) == {"Sở TN&MT", "Sở Tài nguyên và Môi trường"}
    rows = api.query_tasks(old_registry, unit="Sở Tài nguyên và Môi trường")
    assert {r["document_number"] for r in rows} == {"1/KH-UBND", "2/KH-UBND"}
    assert {r["document_number"] for r in api.query_cites(old_registry, "Luật Đầu tư công")} == {"1/KH-UBND",
                                                                                             "2/KH-UBND"}


def test_rekey_of_current_keys_changes_nothing(db_path):
    db = registry.open_db(db_path)
    registry.load(db, _plan("1", "Sở Y tế", "58/2024/QH15"))
    before = registry.counts(db)
    db.conn.close()
    result = api.rekey(db_path)
    assert result.legal_documents_merged == 0 and result.units == result.units_before == 1
    assert registry.counts(registry.open_db(db_path)) == before


def test_rekey_cli_says_what_it_did(old_registry, run_cli):
    done = run_cli("rekey", "--db", str(old_registry))
    assert done.returncode == 0, done.stderr
    assert "1 cited documents merged" in done.stdout and keys.key_version() in done.stdout
    missing = run_cli("rekey", "--db", str(old_registry.parent / "none.db"))
    assert missing.returncode == 2 and "no such registry" in missing.stderr and "Traceback" not in missing.stderr

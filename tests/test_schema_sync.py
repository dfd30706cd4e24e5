"""The SQL schema agrees with the JSON contract (schemas/models.py) and its docs.

Every model field is a column of its table under the same name (the few
structural renames are listed here and in schemas/REGISTRY.md); every other
column is one the registry declares in ``registry.REGISTRY_COLUMNS``; types
agree; REGISTRY.md and GLOSSARY.md name every table and column.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path

import pytest

from kehoach.pipeline import registry
from kehoach.schemas import models

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"

# (model, table, renames {field: column}, fields stored elsewhere)
MAPPINGS = [
    (models.Source, "documents", {}, set()),
    (models.Metadata, "documents", {}, {"signer", "recipients"}),  # signers: a JSON column
    (models.Signer, "documents", {"name": "signer_name", "position": "signer_position",
                                  "authority": "signer_authority"}, set()),
    (models.PlanDocument, "documents", {}, {"source", "metadata", "nodes", "citations", "assignments"}),
    (models.Node, "nodes", {"id": "node_id"}, set()),
    (models.Citation, "citations", {"node": "node_id"},
     {"doc_type", "ref", "number", "year", "symbol", "date", "issuer", "term", "title", "canonical_ref"}),
    # A cited document's own fields live once, in legal_documents.
    (models.Citation, "legal_documents", {}, {"node", "text", "start", "end", "relation"}),
    (models.Assignment, "assignments", {"node": "node_id"}, set()),
]
SQL_TYPES = {int: "INTEGER", bool: "INTEGER", str: "TEXT", dt.date: "TEXT", list: "TEXT"}


@pytest.fixture(scope="module")
def columns(tmp_path_factory):
    db = registry.open_db(tmp_path_factory.mktemp("schema") / "registry.db")
    out = {}
    for table in registry.TABLES:
        rows = db.execute(f"PRAGMA table_xinfo([{table}])").fetchall()
        out[table] = {r[1]: r[2].upper() for r in rows}
    return out


def _base_type(annotation):
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return _base_type(args[0])
    if origin is typing.Literal:
        return type(args[0])
    if origin is list:
        return list
    return annotation


@pytest.mark.parametrize("model,table,renames,elsewhere", MAPPINGS,
                         ids=[f"{m.__name__}-{t}" for m, t, _, _ in MAPPINGS])
def test_every_model_field_is_a_column(columns, model, table, renames, elsewhere):
    for name, field in model.model_fields.items():
        if name in elsewhere:
            continue
        column = renames.get(name, name)
        assert column in columns[table], f"{model.__name__}.{name} has no column {table}.{column}"
        expected = SQL_TYPES.get(_base_type(field.annotation))
        if expected and name != "schema_version":
            assert columns[table][column] == expected, f"{table}.{column}: {columns[table][column]} != {expected}"


@pytest.mark.parametrize("table", registry.TABLES)
def test_every_column_is_a_model_field_or_declared(columns, table):
    from_models = {renames.get(name, name) for model, t, renames, elsewhere in MAPPINGS if t == table
                   for name in model.model_fields if name not in elsewhere}
    declared = set(registry.REGISTRY_COLUMNS[table])
    assert set(columns[table]) == from_models | declared, (
        f"undeclared: {set(columns[table]) - from_models - declared}, "
        f"missing: {(from_models | declared) - set(columns[table])}")


def test_recipients_hold_metadata_recipients(columns):
    assert "recipient" in columns["recipients"]
    assert "recipients" in models.Metadata.model_fields


def test_registry_md_documents_every_table_view_and_column(columns):
    text = (SCHEMAS / "REGISTRY.md").read_text(encoding="utf-8")
    for table, cols in columns.items():
        assert f"`{table}`" in text, table
        for column in cols:
            assert f"`{column}`" in text, f"{table}.{column}"
    for view in registry.VIEWS:
        assert f"`{view}`" in text, view


def test_glossary_names_every_table(columns):
    text = (SCHEMAS / "GLOSSARY.md").read_text(encoding="utf-8")
    for table in [*registry.TABLES, *registry.VIEWS]:
        assert f"`{table}`" in text, table


def test_registry_holds_what_registry_sql_declares(tmp_path):
    db = registry.open_db(tmp_path / "registry.db")
    stored = {name: sql for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'nodes_fts_%'")}
    declared = (SCHEMAS / "registry.sql").read_text(encoding="utf-8")
    for name, sql in stored.items():
        assert sql in declared, f"{name}: created otherwise than schemas/registry.sql says"
    assert {n for n, s in stored.items() if s.startswith("CREATE TABLE")} == set(registry.TABLES)
    assert {n for n, s in stored.items() if s.startswith("CREATE VIEW")} == set(registry.VIEWS)

"""Rebuild the registry's stored matching keys when the way keys are made has changed.

Keys (``extractors/keys.py``) fold names and numbers so that spellings of one thing meet;
they are stored beside the values (``number_key``, ``ref_key``, ``unit_key`` …) so that
queries use indexes. A new kehoach may fold differently (a fix in the fold chain, a new
abbreviation or body alias in the data files): ``keys.key_version()`` says so, the registry
records the version its keys were built with, and :func:`rekey` rebuilds every stored key
from the stored values, in one transaction. Rows that now share an identity become one:
two cited-document rows merge, and the units are rebuilt from the assignments.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

import sqlite_utils

from kehoach.extractors.keys import (
    extracted_unit_id,
    issuer_key,
    jurisdiction_key,
    key_version,
    name_key,
    ref_key,
    unit_key,
)
from kehoach.pipeline.errors import RegistryError

KEY_VERSION_SETTING = "key_version"


@dataclass(frozen=True)
class RekeyResult:
    old_version: str | None
    new_version: str
    documents: int  # documents whose keys were rebuilt
    legal_documents_merged: int  # cited-document rows folded into another
    units: int  # unit rows after the rebuild (before: ``units_before``)
    units_before: int


def stored_key_version(db: sqlite_utils.Database) -> str | None:
    """The key version the registry's keys were built with (None: not recorded)."""
    row = db.execute("SELECT value FROM registry_settings WHERE name = ?", [KEY_VERSION_SETTING]).fetchone()
    return row[0] if row else None


def record_key_version(db: sqlite_utils.Database) -> None:
    db.execute("INSERT OR REPLACE INTO registry_settings (name, value) VALUES (?, ?)",
               [KEY_VERSION_SETTING, key_version()])


def check_key_version(db: sqlite_utils.Database, path: str | None) -> None:
    """:raises RegistryError: the stored keys were built by another key version (run ``kehoach rekey``)"""
    stored = stored_key_version(db)
    if stored != key_version():
        raise RegistryError(path, f"its matching keys were built by another kehoach (keys {stored}, this one "
                                  f"makes {key_version()}): run `kehoach rekey --db {path}` first")


def rekey(db: sqlite_utils.Database) -> RekeyResult:
    """Rebuild every stored key with this kehoach's keys, in one transaction.

    :raises RegistryError: the registry cannot be written
    """
    conn = db.conn
    old = stored_key_version(db)
    units_before = conn.execute("SELECT count(*) FROM units").fetchone()[0]
    try:
        conn.execute("BEGIN IMMEDIATE")
        documents = _rekey_documents(conn)
        merged = _rekey_legal_documents(conn)
        _rebuild_units(conn)
        record_key_version(db)
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise RegistryError(None, f"cannot rebuild the keys ({exc})") from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    units = conn.execute("SELECT count(*) FROM units").fetchone()[0]
    return RekeyResult(old, key_version(), documents, merged, units, units_before)


def _rekey_documents(conn: sqlite3.Connection) -> int:
    rows = conn.execute("SELECT id, number, issuer FROM documents").fetchall()
    conn.executemany("UPDATE documents SET number_key = ?, issuer_key = ? WHERE id = ?",
                     [(ref_key(number), issuer_key(issuer), pk) for pk, number, issuer in rows])
    return len(rows)


def _rekey_legal_documents(conn: sqlite3.Connection) -> int:
    """New keys and identities; rows that now share an identity become the oldest of them."""
    rows = conn.execute("SELECT id, ref, canonical_ref, issuer, year FROM legal_documents ORDER BY id").fetchall()
    keep: dict[str, int] = {}
    merged = 0
    # Free the unique identities first, so rows can take each other's.
    conn.execute("UPDATE legal_documents SET identity = 'rekey:' || id")
    for pk, ref, canonical, issuer, year in rows:
        key, issuer_k = ref_key(canonical or ref), issuer_key(issuer)
        identity = f"{key}|{year if year is not None else ''}|{issuer_k or ''}"
        survivor = keep.setdefault(identity, pk)
        if survivor == pk:
            conn.execute("UPDATE legal_documents SET ref_key = ?, issuer_key = ?, identity = ? WHERE id = ?",
                         [key, issuer_k, identity, pk])
            continue
        merged += 1
        conn.execute("UPDATE citations SET legal_document_id = ? WHERE legal_document_id = ?", [survivor, pk])
        conn.execute("INSERT OR IGNORE INTO legal_document_names (legal_document_id, name, name_key) "
                     "SELECT ?, name, name_key FROM legal_document_names WHERE legal_document_id = ?", [survivor, pk])
        conn.execute("DELETE FROM legal_document_names WHERE legal_document_id = ?", [pk])
        conn.execute("DELETE FROM legal_documents WHERE id = ?", [pk])
    names = conn.execute("SELECT rowid, name FROM legal_document_names").fetchall()
    conn.executemany("UPDATE legal_document_names SET name_key = ? WHERE rowid = ?",
                     [(name_key(name), rowid) for rowid, name in names])
    return merged


def _rebuild_units(conn: sqlite3.Connection) -> None:
    """Units are what the assignments name, per jurisdiction: rebuilt from them, in the order they were
    loaded (a unit's name is the first one seen), each assignment pointing at its new row."""
    rows = conn.execute("SELECT id, unit, jurisdiction, is_group FROM assignments ORDER BY id").fetchall()
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("DELETE FROM unit_aliases")
    conn.execute("DELETE FROM units")
    units: dict[str, tuple[int, list[str]]] = {}
    for pk, name, place, is_group in rows:
        uid = extracted_unit_id(name)
        key = unit_key(uid) or uid
        place_key = jurisdiction_key(place)
        identity = f"{key}|{place_key or ''}"
        if identity not in units:
            unit_pk = conn.execute(
                "INSERT INTO units (unit_id, unit_key, jurisdiction, jurisdiction_key, identity, name, aliases, "
                "is_group) VALUES (?, ?, ?, ?, ?, ?, '[]', 0)", [uid, key, place, place_key, identity, name]).lastrowid
            units[identity] = (unit_pk, [])
        unit_pk, aliases = units[identity]
        if name not in aliases:
            aliases.append(name)
        if is_group:
            conn.execute("UPDATE units SET is_group = 1 WHERE id = ?", [unit_pk])
        conn.execute("UPDATE assignments SET unit_id = ?, unit_pk = ? WHERE id = ?", [uid, unit_pk, pk])
        for alias in (uid, name):
            conn.execute("INSERT OR IGNORE INTO unit_aliases (unit_key, alias, alias_key) VALUES (?, ?, ?)",
                         [key, alias, unit_key(alias) or alias])
    conn.executemany("UPDATE units SET aliases = ? WHERE id = ?",
                     [(json.dumps(aliases, ensure_ascii=False), unit_pk) for unit_pk, aliases in units.values()])

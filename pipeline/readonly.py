"""Opening a registry for reading, and the helpers every read-only query uses.

:func:`open_readonly` opens the file with ``mode=ro`` and registers the registry's
matching keys as SQL functions (:func:`prepare_connection`), so one SQL text serves
the CLI and Datasette's canned queries. The queries themselves are in ``pipeline/queries.py``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlite_utils

from kehoach.extractors.keys import jurisdiction_key, name_key, ref_key, unit_key
from kehoach.pipeline.errors import RegistryError
from kehoach.pipeline.lookup import QueryError
from kehoach.pipeline.registry_schema import BUSY_TIMEOUT_MS, MIGRATIONS, SCHEMA_VERSION


def prepare_connection(conn: sqlite3.Connection) -> None:
    """The registry's matching keys as SQL functions: ``ref_key``, ``name_key``, ``unit_key``,
    ``jurisdiction_key`` — so one SQL text serves the CLI and Datasette's canned queries."""
    for name, function in (("ref_key", ref_key), ("name_key", name_key), ("unit_key", unit_key),
                           ("jurisdiction_key", jurisdiction_key)):
        conn.create_function(name, 1, function, deterministic=True)


def open_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open an existing registry for reading only.

    :raises RegistryError: no such file, or not a registry of this version
    """
    path = Path(path)
    if not path.is_file():
        raise RegistryError(str(path), "no such registry (run `kehoach ingest` first)")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise RegistryError(str(path), f"not a usable registry database ({exc})") from None
    if version in MIGRATIONS:
        raise RegistryError(str(path), f"registry schema version {version}, this kehoach reads {SCHEMA_VERSION}: "
                                       f"`kehoach upgrade --db {path}` brings it up to date, corrections kept")
    if version != SCHEMA_VERSION:
        raise RegistryError(str(path), f"registry schema version {version}, this kehoach reads {SCHEMA_VERSION}: "
                                       "ingest again into a new registry file")
    prepare_connection(conn)
    db = sqlite_utils.Database(conn)
    from kehoach.pipeline.rekey import check_key_version

    check_key_version(db, str(path))
    return db


def rows(db: sqlite_utils.Database, sql: str, params: list | dict = ()) -> list[dict]:
    """The rows of a query as dicts; a query the registry cannot answer is a ``QueryError``."""
    try:
        cursor = db.execute(sql, params)
    except sqlite3.OperationalError as exc:
        raise QueryError(None, f"the registry cannot answer this ({exc})") from None
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def iso_date(value: str | dt.date | None, option: str) -> str | None:
    """A date given as text or date, as ISO text; ``option`` names it in the error."""
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(None, f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


def marks(values: list) -> str:
    """SQL placeholders for a list of values: "?, ?, ?"."""
    return ", ".join("?" * len(values))

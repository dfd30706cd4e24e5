"""The registry: validated ``PlanDocument`` models in, SQLite rows out.

The only module that writes the database. It never parses text: every value it
stores comes from the model, and every matching key from ``extractors.keys``.
One transaction per document (``BEGIN IMMEDIATE``); loading the same bytes twice
does nothing; a changed file with the same number and issuer becomes the current
version and the old one stays as history (``current = 0``, ``superseded_by``).
The schema is documented in ``schemas/REGISTRY.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from kehoach.extractors.keys import issuer_key, ref_key, unit_key
from kehoach.pipeline.errors import RegistryError
from kehoach.schemas.models import Citation, PlanDocument

BUSY_TIMEOUT_MS = 30_000
SCHEMA_VERSION = 5  # PRAGMA user_version; 1 was the foundation's minimal registry, 2 had no node deadline_text,
# 3 no fingerprint, signers, canonical_ref, jurisdiction or is_group, 4 no document symbol or date_text
BATCH_SIZE = 500

# Columns the registry adds to the model's fields (ids, keys, flags, derived
# values). tests/test_schema_sync.py checks every other column against the models.
REGISTRY_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "number_key", "issuer_key", "year", "version", "current", "superseded_by",
                  "ingested_at", "schema_version"),
    "nodes": ("id", "document_id", "node_id", "seq", "deadline", "text_folded"),
    "node_ancestors": ("node", "ancestor", "depth"),
    "legal_documents": ("id", "ref_key", "issuer_key", "identity"),
    "citations": ("id", "document_id", "node_id", "legal_document_id"),
    "units": ("unit_id", "name", "aliases"),
    "unit_aliases": ("unit_id", "alias", "alias_key"),
    "assignments": ("id", "document_id", "node_id"),
    "recipients": ("document_id", "seq", "recipient"),
}

TABLES_SQL = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT,
    pages INTEGER,
    text_source TEXT,
    warnings TEXT,                 -- JSON array
    fingerprint TEXT,              -- SimHash of the normalised text (16 hex digits)
    doc_type TEXT,
    number TEXT,
    symbol TEXT,                   -- the number's printed part after the digits, kept when they are blank
    issuer TEXT,
    parent_issuer TEXT,
    place TEXT,
    date TEXT,                     -- ISO date
    date_text TEXT,                -- the date as printed, blank or unread slots as "…"
    title TEXT,
    signer_name TEXT,
    signer_position TEXT,
    signer_authority TEXT,
    signers TEXT,                  -- JSON array of {name, position, authority}
    schema_version TEXT,
    number_key TEXT,               -- keys.ref_key(number)
    issuer_key TEXT,               -- keys.issuer_key(issuer)
    year INTEGER,                  -- year of date
    version INTEGER NOT NULL DEFAULT 1,
    current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    superseded_by INTEGER REFERENCES documents(id),
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    parent TEXT,
    marker TEXT,
    kind TEXT,
    heading TEXT,
    text TEXT,
    page INTEGER,
    task INTEGER NOT NULL DEFAULT 0 CHECK (task IN (0, 1)),
    deadline TEXT,                 -- stated on the node (its text or assignments), else the nearest ancestor's
    deadline_text TEXT,            -- that deadline as written
    text_folded TEXT GENERATED ALWAYS AS (replace(replace(text, 'đ', 'd'), 'Đ', 'D')) VIRTUAL,
    UNIQUE (document_id, node_id)
);
CREATE TABLE IF NOT EXISTS node_ancestors (
    ancestor INTEGER NOT NULL REFERENCES nodes(id),
    node INTEGER NOT NULL REFERENCES nodes(id),
    depth INTEGER NOT NULL,
    PRIMARY KEY (ancestor, node)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS legal_documents (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL,
    doc_type TEXT,
    number TEXT,
    year INTEGER,
    symbol TEXT,
    date TEXT,
    issuer TEXT,
    term TEXT,
    title TEXT,
    canonical_ref TEXT,            -- the number of a document cited by name, when known
    ref_key TEXT NOT NULL,
    issuer_key TEXT,
    identity TEXT NOT NULL UNIQUE  -- ref_key|year|issuer_key
);
CREATE TABLE IF NOT EXISTS citations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    legal_document_id INTEGER NOT NULL REFERENCES legal_documents(id),
    relation TEXT CHECK (relation IN ('implements', 'based_on', 'amends', 'replaces')),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);
CREATE TABLE IF NOT EXISTS units (
    unit_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,            -- the first name seen
    aliases TEXT NOT NULL          -- JSON array of every name seen
);
CREATE TABLE IF NOT EXISTS unit_aliases (
    unit_id TEXT NOT NULL REFERENCES units(unit_id),
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,       -- keys.unit_key(alias)
    PRIMARY KEY (unit_id, alias)
);
CREATE TABLE IF NOT EXISTS assignments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(unit_id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    deadline TEXT,
    deadline_text TEXT,
    jurisdiction TEXT,             -- the province/city/commune of a local body; 'Trung ương' for central ones
    is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),  -- a catch-all, not one body
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);
CREATE TABLE IF NOT EXISTS recipients (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);
CREATE VIRTUAL TABLE IF NOT EXISTS nodes_fts USING fts5(
    heading, text, text_folded,
    content='nodes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
"""

# One index per query in pipeline/queries.py (and per foreign key).
INDEXES_SQL = """
CREATE INDEX IF NOT EXISTS documents_identity ON documents(number_key, issuer_key);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_superseded_by ON documents(superseded_by);
CREATE INDEX IF NOT EXISTS nodes_deadline ON nodes(deadline);
CREATE INDEX IF NOT EXISTS nodes_task ON nodes(task) WHERE task = 1;
CREATE INDEX IF NOT EXISTS node_ancestors_node ON node_ancestors(node);
CREATE INDEX IF NOT EXISTS legal_documents_ref_key ON legal_documents(ref_key);
CREATE INDEX IF NOT EXISTS citations_legal_document ON citations(legal_document_id, relation);
CREATE INDEX IF NOT EXISTS citations_node ON citations(document_id, node_id);
CREATE INDEX IF NOT EXISTS unit_aliases_key ON unit_aliases(alias_key);
CREATE INDEX IF NOT EXISTS assignments_unit ON assignments(unit_id, role);
CREATE INDEX IF NOT EXISTS assignments_node ON assignments(document_id, node_id);
"""

VIEWS_SQL = """
-- Every node citing a legal document, in current documents (name kept from the
-- issue; the `task` column says whether the node is a task).
CREATE VIEW IF NOT EXISTS tasks_citing AS
SELECT
    c.id AS citation_id,
    l.id AS legal_document_id,
    l.ref, l.ref_key, l.doc_type AS cited_doc_type, l.issuer AS cited_issuer, l.date AS cited_date,
    c.relation, c.text AS citation_text,
    d.id AS document_id, d.doc_type AS document_type, d.number AS document_number,
    d.issuer AS document_issuer, d.date AS document_date, d.title AS document_title, d.path,
    n.id AS node_pk, n.node_id, n.heading, n.text, n.task, n.deadline
FROM citations c
JOIN legal_documents l ON l.id = c.legal_document_id
JOIN documents d ON d.id = c.document_id AND d.current = 1
JOIN nodes n ON n.document_id = c.document_id AND n.node_id = c.node_id;

-- A unit's work: each assignment expanded from its node to the node's whole
-- subtree (a unit heading leads every item under it); `deadline` is the node's
-- own or its nearest ancestor's; `depth` 0 = stated on the node itself.
CREATE VIEW IF NOT EXISTS unit_tasks AS
SELECT
    a.unit_id, u.name AS unit, a.unit AS unit_as_written, a.role,
    d.id AS document_id, d.doc_type AS document_type, d.number AS document_number,
    d.issuer AS document_issuer, d.date AS document_date, d.title AS document_title,
    n.id AS node_pk, n.node_id, n.heading, n.text, n.task, n.seq,
    -- On the assigned node itself the assignment's own deadline wins; below it, the
    -- node's (its own, or the nearest ancestor's, which may be the assignment's).
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline, n.deadline) ELSE coalesce(n.deadline, a.deadline) END
        AS deadline,
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline_text, n.deadline_text)
         ELSE coalesce(n.deadline_text, a.deadline_text) END AS deadline_text,
    a.node_id AS assigned_node, t.depth
FROM assignments a
JOIN documents d ON d.id = a.document_id AND d.current = 1
JOIN nodes an ON an.document_id = a.document_id AND an.node_id = a.node_id
JOIN node_ancestors t ON t.ancestor = an.id
JOIN nodes n ON n.id = t.node
JOIN units u ON u.unit_id = a.unit_id;

-- A cited document that is also an ingested (current) document: same number,
-- year where both know it, issuer where both know it (one may be a prefix of
-- the other: "Ban Chấp hành Trung ương" / "Ban Chấp hành Trung ương Đảng").
CREATE VIEW IF NOT EXISTS legal_document_links AS
SELECT l.id AS legal_document_id, d.id AS document_id
FROM legal_documents l
JOIN documents d ON d.number_key = l.ref_key AND d.current = 1
WHERE (l.year IS NULL OR d.year IS NULL OR l.year = d.year)
  AND (l.issuer_key IS NULL OR d.issuer_key IS NULL
       OR substr(d.issuer_key, 1, length(l.issuer_key)) = l.issuer_key
       OR substr(l.issuer_key, 1, length(d.issuer_key)) = d.issuer_key);
"""

TABLES = ("documents", "nodes", "node_ancestors", "legal_documents", "citations", "units",
          "unit_aliases", "assignments", "recipients")
VIEWS = ("tasks_citing", "unit_tasks", "legal_document_links")


@dataclass(frozen=True)
class LoadResult:
    status: str  # "loaded" | "skipped"
    document_id: int
    nodes: int = 0
    citations: int = 0
    assignments: int = 0
    supersedes: int | None = None  # the document id this version replaced


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a registry database with the schema in place.

    WAL mode and a busy timeout, so several ``kehoach ingest`` processes can
    write one registry: each waits for the others' transactions.

    :raises RegistryError: the file is not a usable registry
    """
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a crash loses no committed row
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn)
        ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        raise RegistryError(str(path), f"not a usable registry database ({exc})") from None
    return db


WAL_RETRIES = 100  # × 0.05 s


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. The switch needs the file to itself and SQLite answers "locked" at once
    (no busy handler) while another process opens or converts the same new file: retry."""
    for _ in range(WAL_RETRIES):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            time.sleep(0.05)
    conn.execute("PRAGMA journal_mode = WAL")  # last try: let its error speak


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and views that are missing (one write transaction).

    :raises RegistryError: the file holds an older, incompatible registry
    """
    conn = db.conn
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            if version != 0 or "documents" in db.table_names():
                raise RegistryError(None, f"registry schema version {version}, this kehoach needs "
                                          f"{SCHEMA_VERSION}: ingest again into a new registry file")
            for script in (TABLES_SQL, INDEXES_SQL, VIEWS_SQL):
                for statement in _statements(script):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> Iterable[str]:
    """Split a DDL script into statements (sqlite3.complete_statement decides where one ends)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def find_document(db: sqlite_utils.Database, sha256: str) -> int | None:
    """The id of the document with these bytes, if loaded."""
    row = db.execute("select id from documents where sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _citation_year(citation: Citation) -> int | None:
    return citation.year if citation.year is not None else (citation.date.year if citation.date else None)


def load(db: sqlite_utils.Database, plan: PlanDocument) -> LoadResult:
    """Store one document and everything extracted from it, in one transaction.

    :param db: an open registry (see :func:`open_db`)
    :param plan: the validated extraction
    :returns: ``skipped`` when the same bytes are already stored; ``loaded``
        otherwise, with ``supersedes`` set when it replaced an older version
    :raises RegistryError: the plan is inconsistent (a citation or assignment
        on a node that does not exist, a node id twice); nothing is stored
    """
    existing = find_document(db, plan.source.sha256)
    if existing is not None:
        return LoadResult("skipped", existing)
    _check_references(plan)
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        # Checked again inside the write lock: another process may have loaded it meanwhile.
        existing = find_document(db, plan.source.sha256)
        if existing is not None:
            conn.execute("ROLLBACK")
            return LoadResult("skipped", existing)
        previous = _current_version(db, plan)
        doc_id = _insert_document(db, plan, previous)
        node_pks = _insert_nodes(db, plan, doc_id)
        _insert_ancestors(db, plan, node_pks)
        conn.execute("INSERT INTO nodes_fts(rowid, heading, text, text_folded) "
                     "SELECT id, heading, text, text_folded FROM nodes WHERE document_id = ?", [doc_id])
        _insert_citations(db, plan, doc_id)
        _insert_assignments(db, plan, doc_id)
        db["recipients"].insert_all(
            ({"document_id": doc_id, "seq": i, "recipient": r} for i, r in enumerate(plan.metadata.recipients)),
            batch_size=BATCH_SIZE,
        )
        if previous is not None:
            conn.execute("UPDATE documents SET current = 0, superseded_by = ? WHERE id = ?", [doc_id, previous[0]])
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise RegistryError(plan.source.path, f"cannot store the document ({exc})") from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return LoadResult("loaded", doc_id, len(plan.nodes), len(plan.citations), len(plan.assignments),
                      previous[0] if previous else None)


def _check_references(plan: PlanDocument) -> None:
    ids = [n.id for n in plan.nodes]
    known = set(ids)
    if len(known) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise RegistryError(plan.source.path, f"node id given twice: {', '.join(twice)}")
    for kind, items in (("citation", plan.citations), ("assignment", plan.assignments)):
        for item in items:
            if item.node not in known:
                raise RegistryError(plan.source.path, f"{kind} on unknown node {item.node!r}")


def _current_version(db: sqlite_utils.Database, plan: PlanDocument) -> tuple[int, int] | None:
    """(id, version) of the current document this plan is a new version of.

    Identity: same number and issuer (keys), year compatible where both know it;
    a document without number or issuer is identified by its path instead.
    """
    number, issuer = ref_key(plan.metadata.number), issuer_key(plan.metadata.issuer)
    year = plan.metadata.date.year if plan.metadata.date else None
    if number and issuer:
        row = db.execute(
            "SELECT id, version FROM documents WHERE current = 1 AND number_key = ? AND issuer_key = ? "
            "AND (year IS NULL OR ? IS NULL OR year = ?) ORDER BY id DESC LIMIT 1",
            [number, issuer, year, year],
        ).fetchone()
    else:
        row = db.execute(
            "SELECT id, version FROM documents WHERE current = 1 AND path = ? "
            "AND (number_key IS NULL OR issuer_key IS NULL) ORDER BY id DESC LIMIT 1",
            [plan.source.path],
        ).fetchone()
    return (row[0], row[1]) if row else None


def _insert_document(db: sqlite_utils.Database, plan: PlanDocument, previous: tuple[int, int] | None) -> int:
    source, meta = plan.source, plan.metadata
    signer = meta.signer
    return db["documents"].insert({
        "sha256": source.sha256, "path": source.path, "format": source.format, "pages": source.pages,
        "text_source": source.text_source, "warnings": json.dumps(source.warnings, ensure_ascii=False),
        "fingerprint": source.fingerprint,
        "doc_type": meta.doc_type, "number": meta.number, "symbol": meta.symbol, "issuer": meta.issuer,
        "parent_issuer": meta.parent_issuer, "place": meta.place, "date": _iso(meta.date),
        "date_text": meta.date_text,
        "title": meta.title, "signer_name": signer.name if signer else None,
        "signer_position": signer.position if signer else None,
        "signer_authority": signer.authority if signer else None,
        "signers": json.dumps([s.model_dump() for s in meta.signers], ensure_ascii=False),
        "schema_version": plan.schema_version,
        "number_key": ref_key(meta.number), "issuer_key": issuer_key(meta.issuer),
        "year": meta.date.year if meta.date else None,
        "version": previous[1] + 1 if previous else 1, "current": 1,
        "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }).last_pk


def _node_deadlines(plan: PlanDocument) -> dict[str, tuple[str | None, str | None]]:
    """Each node's (deadline, as written): the one stated on it, else its nearest ancestor's."""
    own = {n.id: (n.deadline, n.deadline_text) for n in plan.nodes if n.deadline_text}
    for a in plan.assignments:  # models built by hand may carry deadlines on assignments only
        if a.deadline is not None and (a.node not in own or own[a.node][0] is None or a.deadline < own[a.node][0]):
            own[a.node] = (a.deadline, a.deadline_text)
    parents = {n.id: n.parent for n in plan.nodes}
    out: dict[str, tuple[str | None, str | None]] = {}
    for node in plan.nodes:
        found: tuple = (None, None)
        for ancestor, _depth in _ancestry(node.id, parents):
            if ancestor in own:
                found = own[ancestor]
                break
        out[node.id] = (_iso(found[0]), found[1])
    return out


def _ancestry(node_id: str, parents: dict[str, str | None]) -> Iterable[tuple[str, int]]:
    """The node itself (depth 0), its parent (1) … up to the root; stops on a loop or unknown parent."""
    seen: set[str] = set()
    current: str | None = node_id
    depth = 0
    while current is not None and current in parents and current not in seen:
        seen.add(current)
        yield current, depth
        current = parents[current]
        depth += 1


def _insert_nodes(db: sqlite_utils.Database, plan: PlanDocument, doc_id: int) -> dict[str, int]:
    deadlines = _node_deadlines(plan)
    db["nodes"].insert_all(
        ({"document_id": doc_id, "node_id": n.id, "seq": i, "parent": n.parent, "marker": n.marker,
          "kind": n.kind, "heading": n.heading, "text": n.text, "page": n.page, "task": int(n.task),
          "deadline": deadlines[n.id][0], "deadline_text": deadlines[n.id][1]}
         for i, n in enumerate(plan.nodes)),
        batch_size=BATCH_SIZE,
    )
    return dict(db.execute("SELECT node_id, id FROM nodes WHERE document_id = ?", [doc_id]).fetchall())


def _insert_ancestors(db: sqlite_utils.Database, plan: PlanDocument, node_pks: dict[str, int]) -> None:
    parents = {n.id: n.parent for n in plan.nodes}
    db["node_ancestors"].insert_all(
        ({"ancestor": node_pks[ancestor], "node": node_pks[n.id], "depth": depth}
         for n in plan.nodes for ancestor, depth in _ancestry(n.id, parents)),
        batch_size=BATCH_SIZE,
    )


def _insert_citations(db: sqlite_utils.Database, plan: PlanDocument, doc_id: int) -> None:
    rows = []
    for c in plan.citations:
        rows.append({"document_id": doc_id, "node_id": c.node, "legal_document_id": _legal_document(db, c),
                     "relation": c.relation, "text": c.text, "start": c.start, "end": c.end})
    db["citations"].insert_all(rows, batch_size=BATCH_SIZE)


def _legal_document(db: sqlite_utils.Database, c: Citation) -> int:
    """The legal_documents row of a cited document, created or completed.

    Identity is (ref, year, issuer) by key. A mention that lacks the year or the
    issuer joins the one existing row it is compatible with; otherwise it gets
    its own row.
    """
    key, issuer, year = ref_key(c.ref), issuer_key(c.issuer), _citation_year(c)
    identity = f"{key}|{year if year is not None else ''}|{issuer or ''}"
    row = db.execute("SELECT id FROM legal_documents WHERE identity = ?", [identity]).fetchone()
    if row is None and (year is None or issuer is None):
        candidates = db.execute(
            "SELECT id FROM legal_documents WHERE ref_key = ? AND (? IS NULL OR year IS NULL OR year = ?) "
            "AND (? IS NULL OR issuer_key IS NULL OR issuer_key = ?)",
            [key, year, year, issuer, issuer],
        ).fetchall()
        if len(candidates) == 1:
            row = candidates[0]
    if row is None:
        return db["legal_documents"].insert({
            "ref": c.ref, "doc_type": c.doc_type, "number": c.number, "year": year, "symbol": c.symbol,
            "date": _iso(c.date), "issuer": c.issuer, "term": c.term, "title": c.title,
            "canonical_ref": c.canonical_ref, "ref_key": key, "issuer_key": issuer, "identity": identity,
        }).last_pk
    # Later mentions complete what earlier ones left out; identity columns stay.
    db.execute(
        "UPDATE legal_documents SET doc_type = coalesce(doc_type, ?), number = coalesce(number, ?), "
        "symbol = coalesce(symbol, ?), date = coalesce(date, ?), term = coalesce(term, ?), "
        "title = coalesce(title, ?) WHERE id = ?",
        [c.doc_type, c.number, c.symbol, _iso(c.date), c.term, c.title, row[0]],
    )
    return row[0]


def _insert_assignments(db: sqlite_utils.Database, plan: PlanDocument, doc_id: int) -> None:
    for a in plan.assignments:
        _ensure_unit(db, a.unit_id, a.unit)
    db["assignments"].insert_all(
        ({"document_id": doc_id, "node_id": a.node, "unit": a.unit, "unit_id": a.unit_id, "role": a.role,
          "deadline": _iso(a.deadline), "deadline_text": a.deadline_text, "jurisdiction": a.jurisdiction,
          "is_group": int(a.is_group)}
         for a in plan.assignments),
        batch_size=BATCH_SIZE,
    )


def _ensure_unit(db: sqlite_utils.Database, unit_id: str, name: str) -> None:
    """A units row per unit_id (first name seen is canonical) and an alias row per name seen."""
    row = db.execute("SELECT aliases FROM units WHERE unit_id = ?", [unit_id]).fetchone()
    if row is None:
        db.execute("INSERT INTO units (unit_id, name, aliases) VALUES (?, ?, ?)",
                   [unit_id, name, json.dumps([name], ensure_ascii=False)])
        # The unit_id itself is a lookup key too, whatever form the extractor gives it.
        db.execute("INSERT OR IGNORE INTO unit_aliases (unit_id, alias, alias_key) VALUES (?, ?, ?)",
                   [unit_id, unit_id, unit_key(unit_id) or unit_id])
    else:
        aliases = json.loads(row[0])
        if name not in aliases:
            db.execute("UPDATE units SET aliases = ? WHERE unit_id = ?",
                       [json.dumps([*aliases, name], ensure_ascii=False), unit_id])
    db.execute("INSERT OR IGNORE INTO unit_aliases (unit_id, alias, alias_key) VALUES (?, ?, ?)",
               [unit_id, name, unit_key(name) or name])


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of the tables."""
    return {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in TABLES}


def schema_sql(db: sqlite_utils.Database) -> str:
    """The registry's DDL as stored in sqlite_master (tables, indexes, views), for schemas/registry.sql."""
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'nodes_fts_%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid"
    ).fetchall()
    return ";\n\n".join(r[0] for r in rows) + ";\n"

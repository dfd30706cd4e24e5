"""The analysts' questions, as read-only queries over the registry.

Every function takes an open registry (``sqlite_utils.Database``) and returns a
list of plain dicts, one key vocabulary throughout (the column names of
``schemas/REGISTRY.md``), ready for ``pipeline/render.py``. Nothing here writes:
:func:`open_readonly` opens the file with ``mode=ro``.

REF arguments take any written form ("33/CT-TTg", "33/ct-ttg", "Chỉ thị số
33/CT-TTg"); unit names match through ``extractors.keys.unit_key`` folding.
Superseded document versions are left out, as in the views.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlite_utils

from kehoach.extractors.keys import fts_query, ref_key, unit_key
from kehoach.pipeline.errors import KehoachError, RegistryError
from kehoach.pipeline.registry import BUSY_TIMEOUT_MS, SCHEMA_VERSION

TEXT_WIDTH = 120  # characters of node text shown in a result row
SNIPPET_BEFORE = 50
SNIPPET_AFTER = 110
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "[", "]"
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


class QueryError(KehoachError):
    """The question cannot be asked as written (a bad date, a search with nothing to search for)."""


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
    if version != SCHEMA_VERSION:
        raise RegistryError(str(path), f"registry schema version {version}, this kehoach reads {SCHEMA_VERSION}")
    return sqlite_utils.Database(conn)


def shorten(text: str | None, width: int = TEXT_WIDTH) -> str | None:
    """One line, at most ``width`` characters, cut at a word boundary with "…"."""
    if text is None:
        return None
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _rows(db: sqlite_utils.Database, sql: str, params: list | dict = ()) -> list[dict]:
    try:
        cursor = db.execute(sql, params)
    except sqlite3.OperationalError as exc:
        raise QueryError(None, f"the registry cannot answer this ({exc})") from None
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _date(value: str | dt.date | None, option: str) -> str | None:
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(None, f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


_LEADS_SQL = """(SELECT group_concat(unit, '; ') FROM (
    SELECT DISTINCT u.name AS unit FROM node_ancestors t
    JOIN nodes an ON an.id = t.ancestor
    JOIN assignments a ON a.document_id = an.document_id AND a.node_id = an.node_id AND a.role = 'lead'
    JOIN units u ON u.unit_id = a.unit_id
    WHERE t.node = {node_pk} ORDER BY t.depth, a.id))"""


def cites(db: sqlite_utils.Database, ref: str) -> list[dict]:
    """Nodes of current documents that cite ``ref``: the citing document, the
    node, its lead unit(s) (own or inherited from a unit heading) and deadline.

    :param ref: the cited document's number in any written form
    """
    key = ref_key(ref)
    if key is None:
        raise QueryError(None, "REF is empty")
    rows = _rows(db, f"""
        SELECT tc.ref, tc.relation, tc.document_id, tc.document_type, tc.document_number,
               tc.document_issuer, tc.document_date, tc.node_id, tc.task, tc.text,
               {_LEADS_SQL.format(node_pk="tc.node_pk")} AS unit, tc.deadline
        FROM tasks_citing tc
        WHERE tc.ref_key = ?
        GROUP BY tc.document_id, tc.node_id
        ORDER BY tc.document_date DESC, tc.document_id, tc.node_pk""", [key])
    for row in rows:
        row["task"] = bool(row["task"])
        row["text"] = shorten(row["text"])
    return rows


def unit_ids(db: sqlite_utils.Database, name: str) -> list[str]:
    """The unit_ids a unit name (or unit_id) matches, through unit_key folding."""
    key = unit_key(name)
    found = _rows(db, "SELECT DISTINCT unit_id FROM unit_aliases WHERE alias_key = ? OR unit_id = ? "
                      "ORDER BY unit_id", [key or name, name])
    return [r["unit_id"] for r in found]


def _document_ids(db: sqlite_utils.Database, doc: str) -> list[int]:
    key = ref_key(doc)
    params: list = [key]
    sql = "SELECT id FROM documents WHERE current = 1 AND number_key = ?"
    if doc.strip().isdigit():
        sql += " OR id = ?"
        params.append(int(doc))
    return [r["id"] for r in _rows(db, sql, params)]


def tasks(
    db: sqlite_utils.Database,
    *,
    unit: str | None = None,
    doc: str | None = None,
    due_before: str | dt.date | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
) -> list[dict]:
    """Tasks of current documents, one row per (document, node, unit).

    With ``unit``, that unit's to-do list: nodes it is assigned, and every node
    under a unit heading it leads. Without, every assigned node and every node
    flagged as a task (``unit`` null when none is assigned).

    :param unit: a unit name in any spelling ("Phòng Văn hoá – Xã hội") or a unit_id
    :param doc: a document number ("45/KH-UBND") or a document id
    :param due_before: only deadlines before this date (YYYY-MM-DD)
    :param overdue: only deadlines before ``today``
    :param today: the date ``overdue`` compares with (default: today)
    """
    # Each filter as (condition on unit_tasks ut, condition on nodes n / documents d, parameters).
    filters: list[tuple[str, str, list]] = []
    if unit is not None:
        ids = unit_ids(db, unit)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        filters.append((f"ut.unit_id IN ({marks})", "0", ids))
    if doc is not None:
        docs = _document_ids(db, doc)
        if not docs:
            return []
        marks = ", ".join("?" * len(docs))
        filters.append((f"ut.document_id IN ({marks})", f"d.id IN ({marks})", docs))
    limits = [d for d in (_date(due_before, "--due-before"),
                          (today or dt.date.today()).isoformat() if overdue else None) if d]
    if limits:
        filters.append(("ut.deadline < ?", "n.deadline < ?", [min(limits)]))
    assigned = " AND ".join(f[0] for f in filters) or "1"
    params = [p for f in filters for p in f[2]]
    unassigned = ""
    if unit is None:
        unassigned = f"""
        UNION ALL
        SELECT d.id, d.doc_type, d.number, d.issuer, d.date, n.node_id, n.id, n.task, n.text,
               NULL, NULL, NULL, n.deadline, NULL, NULL
        FROM nodes n JOIN documents d ON d.id = n.document_id AND d.current = 1
        WHERE n.task = 1
          AND NOT EXISTS (SELECT 1 FROM node_ancestors t JOIN nodes an ON an.id = t.ancestor
                          JOIN assignments a ON a.document_id = an.document_id AND a.node_id = an.node_id
                          WHERE t.node = n.id)
          AND {" AND ".join(f[1] for f in filters) or "1"}"""
        params = params + params
    sql = f"""
        SELECT * FROM (
            SELECT ut.document_id, ut.document_type, ut.document_number, ut.document_issuer,
                   ut.document_date, ut.node_id, ut.node_pk, ut.task, ut.text, ut.unit, ut.unit_id, ut.role,
                   ut.deadline, ut.deadline_text, min(ut.depth) AS depth
            FROM unit_tasks ut
            WHERE {assigned}
            GROUP BY ut.document_id, ut.node_pk, ut.unit_id{unassigned}
        ) ORDER BY deadline IS NULL, deadline, document_id, node_pk, role, unit"""
    rows = _rows(db, sql, params)
    for row in rows:
        row.pop("node_pk")
        row["task"] = bool(row["task"])
        row["text"] = shorten(row["text"])
        depth = row.pop("depth")
        row["inherited"] = bool(depth) if row["unit_id"] is not None else None
    return rows


def docs(db: sqlite_utils.Database, *, all_versions: bool = False) -> list[dict]:
    """Ingested documents with their counts; superseded versions only with ``all_versions``."""
    where = "" if all_versions else "WHERE d.current = 1"
    rows = _rows(db, f"""
        SELECT d.id, d.doc_type, d.number, d.issuer, d.date, d.title, d.path, d.version, d.current,
               d.superseded_by,
               (SELECT count(*) FROM nodes n WHERE n.document_id = d.id) AS nodes,
               (SELECT count(*) FROM nodes n WHERE n.document_id = d.id AND n.task = 1) AS tasks,
               (SELECT count(*) FROM citations c WHERE c.document_id = d.id) AS citations,
               (SELECT count(*) FROM assignments a WHERE a.document_id = d.id) AS assignments,
               d.ingested_at
        FROM documents d {where}
        ORDER BY d.date IS NULL, d.date DESC, d.id""")
    for row in rows:
        row["current"] = bool(row["current"])
        row["title"] = shorten(row["title"], 80)
    return rows


def search(db: sqlite_utils.Database, query: str, *, limit: int = 20) -> list[dict]:
    """Full-text search over node text, best first (bm25), with a snippet.

    Diacritics are optional ("dan van" finds "dân vận"), đ matches d ("dang uy"
    finds "Đảng ủy", "hdnd" finds "HĐND"); "quoted words" are a phrase; ``word*``
    a prefix; AND/OR/NOT as in FTS5.
    """
    try:
        plain, folded = fts_query(query)
    except ValueError as exc:
        raise QueryError(None, str(exc)) from None
    # The folded column decides (it matches whatever the diacritic one does, and
    # more); the diacritic columns add to the rank. With NOT, only the folded
    # column, or "NOT hdnd" would let "HĐND" through the other branch.
    if " NOT " in f" {folded} ":
        match = f"text_folded : ({folded})"
    else:
        match = f"{{heading text}} : ({plain}) OR text_folded : ({folded})"
    rows = _rows(db, f"""
        SELECT d.id AS document_id, d.doc_type AS document_type, d.number AS document_number,
               d.issuer AS document_issuer, n.node_id, n.heading, n.task, n.text,
               highlight(nodes_fts, 2, '{_MARK_OPEN}', '{_MARK_CLOSE}') AS marked,
               round(bm25(nodes_fts, 2.0, 1.0, 1.0), 3) AS rank
        FROM nodes_fts
        JOIN nodes n ON n.id = nodes_fts.rowid
        JOIN documents d ON d.id = n.document_id AND d.current = 1
        WHERE nodes_fts MATCH ?
        ORDER BY rank, n.id
        LIMIT ?""", [match, limit])
    for row in rows:
        row["snippet"] = _snippet(row.pop("text"), row.pop("marked"))
        row["task"] = bool(row["task"])
        row["heading"] = shorten(row["heading"], 60)
    return rows


def _snippet(text: str | None, marked: str | None) -> str | None:
    """The matched words marked in the *original* text (diacritics and đ kept).

    ``marked`` is the folded column with highlight marks; folding is one
    character for one (đ → d), so the marks map straight back onto ``text``.
    """
    if text is None:
        return None
    if marked is None:
        return shorten(text)
    out: list[str] = []
    first = None
    i = 0
    for ch in marked:
        if ch == _MARK_OPEN:
            first = len(out) if first is None else first
            out.append(HIGHLIGHT_OPEN)
        elif ch == _MARK_CLOSE:
            out.append(HIGHLIGHT_CLOSE)
        else:
            out.append(text[i] if i < len(text) else ch)
            i += 1
    full = "".join(out)
    start = max(0, (first or 0) - SNIPPET_BEFORE)
    end = min(len(full), (first or 0) + SNIPPET_AFTER)
    if start > 0 and " " in full[start:first]:
        start = full.index(" ", start) + 1
    if end < len(full) and " " in full[first or 0:end]:
        end = full.rindex(" ", first or 0, end)
    piece = " ".join(full[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(full) else "")


def implements(db: sqlite_utils.Database, ref: str) -> list[dict]:
    """Current documents that implement ``ref`` (cite it with relation ``implements``).

    ``cited_document_id`` is the registry's own copy of ``ref`` when it holds one.
    """
    key = ref_key(ref)
    if key is None:
        raise QueryError(None, "REF is empty")
    rows = _rows(db, """
        SELECT l.ref, d.id AS document_id, d.doc_type AS document_type, d.number AS document_number,
               d.issuer AS document_issuer, d.date AS document_date, d.title AS document_title,
               group_concat(DISTINCT c.node_id) AS nodes,
               (SELECT min(k.document_id) FROM legal_document_links k
                WHERE k.legal_document_id = l.id) AS cited_document_id
        FROM legal_documents l
        JOIN citations c ON c.legal_document_id = l.id AND c.relation = 'implements'
        JOIN documents d ON d.id = c.document_id AND d.current = 1
        WHERE l.ref_key = ?
        GROUP BY d.id
        ORDER BY d.date IS NULL, d.date DESC, d.id""", [key])
    for row in rows:
        row["document_title"] = shorten(row["document_title"], 80)
        row["nodes"] = sorted(set(row["nodes"].split(","))) if row["nodes"] else []
    return rows


def implemented_by(db: sqlite_utils.Database, document_id: int) -> list[dict]:
    """The other direction: what one ingested document implements, and which
    current documents implement it (both through the legal_document_links view).
    """
    return _rows(db, """
        SELECT 'implements' AS direction, l.ref, l.doc_type, l.issuer, l.date,
               (SELECT min(k.document_id) FROM legal_document_links k WHERE k.legal_document_id = l.id)
                   AS document_id
        FROM citations c JOIN legal_documents l ON l.id = c.legal_document_id
        WHERE c.document_id = :id AND c.relation = 'implements'
        GROUP BY l.id
        UNION ALL
        SELECT 'implemented_by', l.ref, d.doc_type, d.issuer, d.date, d.id
        FROM legal_document_links k
        JOIN legal_documents l ON l.id = k.legal_document_id
        JOIN citations c ON c.legal_document_id = l.id AND c.relation = 'implements'
        JOIN documents d ON d.id = c.document_id AND d.current = 1
        WHERE k.document_id = :id
        GROUP BY d.id""", {"id": document_id})

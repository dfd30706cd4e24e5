"""The analysts' questions, as read-only queries over the registry: the one copy of their SQL.

Every function takes an open registry (``sqlite_utils.Database``) and returns a
list of plain dicts, one key vocabulary throughout (the column names of
``schemas/REGISTRY.md``), ready for ``pipeline/render.py`` (the status report's SQL
is run by ``pipeline/status.py``, the corrections list's by ``pipeline/correction_store.py``).
Nothing here writes: :func:`open_readonly` opens the file with ``mode=ro``. The CLI, the export and
Datasette's canned queries (:func:`canned_queries`) run the SQL below.

REF arguments take any written form ("33/CT-TTg", "33/ct-ttg", "Chỉ thị số
33/CT-TTg"), a name, or a fragment; unit names match through ``unit_key``
folding, with an optional jurisdiction (``pipeline/lookup.py``). Superseded
document versions and copies are left out, as in the views.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from kehoach.extractors.keys import fts_query, ref_key
from kehoach.pipeline.identity import shorten as _shorten
from kehoach.pipeline.lookup import QueryError, legal_document_ids, unit_pks
from kehoach.pipeline.readonly import iso_date as _date
from kehoach.pipeline.readonly import marks as _marks
from kehoach.pipeline.readonly import open_readonly, prepare_connection
from kehoach.pipeline.readonly import rows as _rows
from kehoach.pipeline.snippets import MARK_CLOSE, MARK_OPEN, citing_sentence, snippet

__all__ = [
    "QueryError",
    "canned_queries",
    "cited_refs",
    "cites",
    "docs",
    "document_ids",
    "implemented_by",
    "implements",
    "most_cited",
    "open_readonly",
    "prepare_connection",
    "search",
    "shorten",
    "task_rows",
    "tasks",
    "units",
]

TEXT_WIDTH = 120  # characters of node text shown in a result row


def shorten(text: str | None, width: int = TEXT_WIDTH) -> str | None:
    """One line, at most ``width`` characters, cut at a word boundary with "…"."""
    return _shorten(text, width)


# --- cites ---------------------------------------------------------------------

# The lead unit(s) of a node, own or from a unit heading above it (unit_tasks applies the rule).
LEADS_SQL = """(SELECT group_concat(unit, '; ') FROM (
    SELECT DISTINCT ut.unit || coalesce(' (' || ut.jurisdiction || ')', '') AS unit FROM unit_tasks ut
    WHERE ut.node_pk = {node_pk} AND ut.role = 'lead' ORDER BY ut.depth, ut.unit))"""

CITES_SQL = f"""
SELECT tc.ref, tc.canonical_ref, group_concat(DISTINCT tc.relation) AS relation, tc.document_id,
       tc.document_label, tc.document_type, tc.document_number, tc.document_issuer, tc.document_date,
       tc.path, tc.node_id, tc.task, tc.heading, tc.text, tc.citation_text, tc.citation_start,
       tc.citation_end, {LEADS_SQL.format(node_pk="tc.node_pk")} AS unit, tc.deadline,
       max(tc.correction_id IS NOT NULL) AS corrected
FROM tasks_citing tc
WHERE {{legal}}
GROUP BY tc.document_id, tc.node_id
ORDER BY tc.document_date IS NULL, tc.document_date DESC, tc.document_id, tc.node_pk"""

# Datasette's form: the cited document by number (any written form) or by a name it was cited by.
LEGAL_NAMED_SQL = """tc.legal_document_id IN (
    SELECT id FROM legal_documents WHERE ref_key = ref_key(:ref)
    UNION SELECT legal_document_id FROM legal_document_names WHERE name_key = name_key(:ref))"""


def cites(db: sqlite_utils.Database, ref: str) -> list[dict]:
    """Nodes of current documents that cite ``ref``: the citing document, the node, the
    sentence that cites, the relation, the node's lead unit(s) and deadline.

    :param ref: the cited document's number in any written form, a name it is cited by
        ("Luật Tổ chức chính quyền địa phương"), or a fragment of either
    """
    ids = legal_document_ids(db, ref)
    if not ids:
        return []
    rows = _rows(db, CITES_SQL.format(legal=f"tc.legal_document_id IN ({_marks(ids)})"), ids)
    for row in rows:
        row["task"] = bool(row["task"])
        row["corrected"] = bool(row["corrected"])  # a clerk added or fixed the citation
        in_heading = (row["text"] or "")[row["citation_start"]:row["citation_end"]] != row["citation_text"]
        source = row["heading"] if in_heading else row["text"]
        row["sentence"] = citing_sentence(source, row.pop("citation_start"), row.pop("citation_end"))
        row["text"] = shorten(row["text"])
        for key in ("heading", "citation_text"):
            row.pop(key)
    return rows


# --- tasks -----------------------------------------------------------------------

# A unit's rows: one per (document, node, unit); the nearest assignment decides role and deadline.
UNIT_ROWS_SQL = """
SELECT ut.document_id, ut.document_label, ut.document_type, ut.document_number, ut.document_issuer,
       ut.document_date, ut.document_title, ut.node_id, ut.node_pk, ut.seq, ut.heading, ut.task, ut.text,
       ut.unit, ut.unit_id, ut.jurisdiction, ut.is_group, ut.role, ut.deadline, ut.deadline_text,
       min(ut.depth) AS depth, ut.correction_id, ut.unit_pk
FROM unit_tasks ut
WHERE {assigned}
GROUP BY ut.document_id, ut.node_pk, ut.unit_pk"""

# Task nodes no unit is assigned: unit columns null.
UNASSIGNED_SQL = """
SELECT d.id, d.label, d.doc_type, d.number, d.issuer, d.date, d.title, n.node_id, n.id, n.seq, n.heading,
       1, n.text, NULL, NULL, NULL, NULL, NULL, n.deadline, n.deadline_text, NULL, NULL, NULL
FROM nodes n
JOIN corrected_documents d ON d.id = n.document_id AND d.current = 1
WHERE coalesce(n.task_corrected, n.task) = 1 AND {documents}
  AND NOT EXISTS (SELECT 1 FROM unit_tasks ut WHERE ut.node_pk = n.id{roles})"""

TASKS_SQL = "SELECT * FROM ({unit_rows}{unassigned}) ORDER BY {order}"
BY_DEADLINE = "deadline IS NULL, deadline, document_id, node_pk, role, unit"
BY_JURISDICTION = "jurisdiction IS NULL, jurisdiction, " + BY_DEADLINE
BY_DOCUMENT = "document_id, seq, role IS NULL, role, unit"

# Datasette's form: a unit in any spelling, optionally with a jurisdiction ("Hà Nội").
UNIT_NAMED_SQL = """ut.unit_pk IN (SELECT u.id FROM units u
    WHERE u.unit_key IN (SELECT unit_key FROM unit_aliases WHERE alias_key = unit_key(:unit))
      AND (coalesce(:jurisdiction, '') = '' OR u.jurisdiction_key = jurisdiction_key(:jurisdiction)))"""


# A number as read or as corrected, an id, a label as read or corrected, a path or file name.
DOCUMENT_IDS_SQL = """
SELECT id FROM documents WHERE current = 1 AND (number_key = ?1 OR CAST(id AS TEXT) = ?2 OR label = ?3
    OR path = ?3 OR path LIKE '%/' || ?3
    OR (corrected IS NOT NULL AND (corrected ->> '$.number_key' = ?1 OR corrected ->> '$.label' = ?3)))
ORDER BY id"""


def document_ids(db: sqlite_utils.Database, doc: str) -> list[int]:
    """Current documents matching ``doc``: a number in any written form, an id, a label,
    or a file name or path."""
    rows = db.execute(DOCUMENT_IDS_SQL, [ref_key(doc), doc.strip(), doc]).fetchall()
    return [r[0] for r in rows]


def task_rows(
    db: sqlite_utils.Database,
    *,
    unit: str | None = None,
    jurisdiction: str | None = None,
    doc: str | None = None,
    deadline_before: str | None = None,
    order: str = BY_DEADLINE,
) -> list[dict]:
    """Tasks of current documents, one row per (document, node, unit), full text: the rows of
    ``kehoach tasks`` and ``kehoach export``. Without a unit or jurisdiction, task nodes no
    unit is assigned come too (unit columns null)."""
    assigned, documents, params, doc_params = [], ["1"], [], []
    if unit is not None or jurisdiction is not None:
        pks = unit_pks(db, unit, jurisdiction)
        if not pks:
            return []
        assigned.append(f"ut.unit_pk IN ({_marks(pks)})")
        params += pks
    if doc is not None:
        docs_ = document_ids(db, doc)
        if not docs_:
            return []
        assigned.append(f"ut.document_id IN ({_marks(docs_)})")
        documents.append(f"d.id IN ({_marks(docs_)})")
        params += docs_
        doc_params += docs_
    if deadline_before is not None:
        assigned.append("ut.deadline < ?")
        documents.append("n.deadline < ?")
        params.append(deadline_before)
        doc_params.append(deadline_before)
    unassigned = ""
    if unit is None and jurisdiction is None:
        unassigned = "\nUNION ALL" + UNASSIGNED_SQL.format(documents=" AND ".join(documents), roles="")
        params += doc_params
    sql = TASKS_SQL.format(unit_rows=UNIT_ROWS_SQL.format(assigned=" AND ".join(assigned) or "1"),
                           unassigned=unassigned, order=order)
    rows = _rows(db, sql, params)
    for row in rows:
        row["task"] = bool(row["task"])
        row["is_group"] = bool(row["is_group"]) if row["unit_id"] is not None else None
        depth = row.pop("depth")
        row["inherited"] = bool(depth) if row["unit_id"] is not None else None
        row["corrected"] = row.pop("correction_id") is not None
    return rows


def tasks(
    db: sqlite_utils.Database,
    *,
    unit: str | None = None,
    jurisdiction: str | None = None,
    doc: str | None = None,
    due_before: str | dt.date | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
) -> list[dict]:
    """Tasks of current documents, one row per (document, node, unit), text shortened.

    With ``unit``, that unit's to-do list: nodes it is assigned, and every node under a
    unit heading it leads unless the node names a lead of its own; a name that matches
    units of several jurisdictions lists them grouped by jurisdiction. Without, every
    assigned node and every node flagged as a task (``unit`` null when none is assigned).

    :param unit: a unit name in any spelling ("Phòng Văn hoá – Xã hội"), optionally with its
        jurisdiction ("Sở Tài chính thành phố Hà Nội"), or a unit_id
    :param jurisdiction: only units of this jurisdiction ("Hà Nội", "tỉnh Đắk Lắk")
    :param doc: a document number ("45/KH-UBND"), id, label or file name
    :param due_before: only deadlines before this date (YYYY-MM-DD)
    :param overdue: only deadlines before ``today``
    :param today: the date ``overdue`` compares with (default: today)
    """
    limits = [d for d in (_date(due_before, "--due-before"),
                          (today or dt.date.today()).isoformat() if overdue else None) if d]
    order = BY_JURISDICTION if unit is not None else BY_DEADLINE
    rows = task_rows(db, unit=unit, jurisdiction=jurisdiction, doc=doc,
                     deadline_before=min(limits) if limits else None, order=order)
    for row in rows:
        for key in ("node_pk", "seq", "heading", "document_title", "unit_pk"):
            row.pop(key)
        row["text"] = shorten(row["text"])
    return rows


CITED_REFS_SQL = """
SELECT n.id, l.ref FROM nodes n
JOIN citations c ON c.document_id = n.document_id AND c.node_id = n.node_id AND c.removed_by IS NULL
JOIN legal_documents l ON l.id = c.legal_document_id
WHERE n.id IN ({nodes})
ORDER BY n.id, c.start, c.id"""


def cited_refs(db: sqlite_utils.Database, node_pks: list[int]) -> dict[int, list[str]]:
    """The distinct refs each node (``nodes.id``) cites, in the order first cited."""
    out: dict[int, list[str]] = {}
    pks = sorted(set(node_pks))
    for i in range(0, len(pks), 500):  # SQLite's limit on bound parameters
        chunk = pks[i:i + 500]
        for row in _rows(db, CITED_REFS_SQL.format(nodes=_marks(chunk)), chunk):
            refs = out.setdefault(row["id"], [])
            if row["ref"] not in refs:
                refs.append(row["ref"])
    return out


# --- docs, units, search, implements ----------------------------------------------

DOCS_SQL = """
SELECT d.id, d.label, d.doc_type, d.number, d.issuer, d.date, d.title, d.path, d.text_source, d.version,
       d.current, d.superseded_by, d.same_as,
       (SELECT count(*) FROM nodes n WHERE n.document_id = d.id) AS nodes,
       (SELECT count(*) FROM nodes n WHERE n.document_id = d.id AND coalesce(n.task_corrected, n.task) = 1)
           AS tasks,
       (SELECT count(*) FROM citations c WHERE c.document_id = d.id AND c.removed_by IS NULL) AS citations,
       (SELECT count(*) FROM assignments a WHERE a.document_id = d.id AND a.removed_by IS NULL) AS assignments,
       (SELECT count(*) FROM corrections k WHERE k.chain_id = d.chain_id) AS corrections,
       d.warnings, d.ingested_at
FROM corrected_documents d {where}
ORDER BY d.date IS NULL, d.date DESC, d.id"""


def docs(db: sqlite_utils.Database, *, all_versions: bool = False) -> list[dict]:
    """Ingested documents with their counts; superseded versions and copies only with ``all_versions``."""
    rows = _rows(db, DOCS_SQL.format(where="" if all_versions else "WHERE d.current = 1"))
    for row in rows:
        row["current"] = bool(row["current"])
        row["title"] = shorten(row["title"], 80)
        row["warnings"] = json.loads(row["warnings"] or "[]")
    return rows


UNITS_SQL = """
SELECT u.id AS unit_pk, u.name AS unit, u.jurisdiction, u.is_group, u.unit_id,
       count(DISTINCT ut.node_pk) AS tasks, count(DISTINCT ut.document_id) AS documents,
       sum(ut.role = 'lead' AND ut.depth = 0) AS leads, sum(ut.role = 'support' AND ut.depth = 0) AS supports
FROM units u
JOIN unit_tasks ut ON ut.unit_pk = u.id
WHERE {units}
GROUP BY u.id
ORDER BY u.is_group, tasks DESC, u.name, u.jurisdiction IS NULL, u.jurisdiction"""


def units(db: sqlite_utils.Database, *, name: str | None = None, jurisdiction: str | None = None) -> list[dict]:
    """Units of current documents with their task counts: bodies first, catch-all groups
    ("các sở, ban, ngành") after them; each jurisdiction's unit is its own row."""
    where, params = "1", []
    if name is not None or jurisdiction is not None:
        pks = unit_pks(db, name, jurisdiction)
        if not pks:
            return []
        where, params = f"u.id IN ({_marks(pks)})", pks
    rows = _rows(db, UNITS_SQL.format(units=where), params)
    for row in rows:
        row["is_group"] = bool(row["is_group"])
    return rows


SEARCH_SQL = """
SELECT d.id AS document_id, d.label AS document_label, d.doc_type AS document_type,
       d.number AS document_number, d.issuer AS document_issuer, n.node_id, n.heading,
       coalesce(n.task_corrected, n.task) AS task, n.text, highlight(nodes_fts, 2, '{open}', '{close}') AS marked,
       round(bm25(nodes_fts, 2.0, 1.0, 1.0), 3) AS rank
FROM nodes_fts
JOIN nodes n ON n.id = nodes_fts.rowid
JOIN corrected_documents d ON d.id = n.document_id AND d.current = 1
WHERE nodes_fts MATCH ?
ORDER BY rank, n.id
LIMIT ?"""


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
    rows = _rows(db, SEARCH_SQL.format(open=MARK_OPEN, close=MARK_CLOSE), [match, limit])
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), row.pop("marked"))
        row["task"] = bool(row["task"])
        row["heading"] = shorten(row["heading"], 60)
    return rows


IMPLEMENTS_SQL = """
SELECT l.ref, d.id AS document_id, d.label AS document_label, d.doc_type AS document_type,
       d.number AS document_number, d.issuer AS document_issuer, d.date AS document_date,
       d.title AS document_title, group_concat(DISTINCT c.node_id) AS nodes,
       (SELECT min(k.document_id) FROM legal_document_links k WHERE k.legal_document_id = l.id)
           AS cited_document_id
FROM legal_documents l
JOIN citations c ON c.legal_document_id = l.id AND c.relation = 'implements' AND c.removed_by IS NULL
JOIN corrected_documents d ON d.id = c.document_id AND d.current = 1
WHERE {legal}
GROUP BY d.id
ORDER BY d.date IS NULL, d.date DESC, d.id"""


def implements(db: sqlite_utils.Database, ref: str) -> list[dict]:
    """Current documents that implement ``ref`` (cite it with relation ``implements``).

    ``cited_document_id`` is the registry's own copy of ``ref`` when it holds one.
    """
    ids = legal_document_ids(db, ref)
    if not ids:
        return []
    rows = _rows(db, IMPLEMENTS_SQL.format(legal=f"l.id IN ({_marks(ids)})"), ids)
    for row in rows:
        row["document_title"] = shorten(row["document_title"], 80)
        row["nodes"] = sorted(set(row["nodes"].split(","))) if row["nodes"] else []
    return rows


IMPLEMENTED_BY_SQL = """
SELECT 'implements' AS direction, l.ref, l.doc_type, l.issuer, l.date,
       (SELECT min(k.document_id) FROM legal_document_links k WHERE k.legal_document_id = l.id) AS document_id
FROM citations c JOIN legal_documents l ON l.id = c.legal_document_id
WHERE c.document_id = :id AND c.relation = 'implements' AND c.removed_by IS NULL
GROUP BY l.id
UNION ALL
SELECT 'implemented_by', l.ref, d.doc_type, d.issuer, d.date, d.id
FROM legal_document_links k
JOIN legal_documents l ON l.id = k.legal_document_id
JOIN citations c ON c.legal_document_id = l.id AND c.relation = 'implements' AND c.removed_by IS NULL
JOIN corrected_documents d ON d.id = c.document_id AND d.current = 1
WHERE k.document_id = :id
GROUP BY d.id"""


def implemented_by(db: sqlite_utils.Database, document_id: int) -> list[dict]:
    """The other direction: what one ingested document implements, and which
    current documents implement it (both through the legal_document_links view).
    """
    return _rows(db, IMPLEMENTED_BY_SQL, {"id": document_id})


MOST_CITED_SQL = """
SELECT l.ref, l.canonical_ref, l.doc_type, l.issuer, l.date, count(DISTINCT c.document_id) AS citing_documents,
       count(*) AS mentions, l.id AS legal_document_id
FROM legal_documents l
JOIN citations c ON c.legal_document_id = l.id AND c.removed_by IS NULL
JOIN documents d ON d.id = c.document_id AND d.current = 1
GROUP BY l.id
ORDER BY citing_documents DESC, mentions DESC, l.ref
LIMIT :limit"""


def most_cited(db: sqlite_utils.Database, *, limit: int = 100) -> list[dict]:
    """The cited documents with the most citing (current) documents."""
    return _rows(db, MOST_CITED_SQL, {"limit": limit})


# --- task status ------------------------------------------------------------------

# A task's category on a date (the Government's task-tracking reports): done on time (done on or
# before its deadline, or it has none), done late, in progress within the deadline (not done, the
# deadline not passed), overdue, or not done without a deadline. Done after the date = not done yet.
STATUS_CATEGORY_SQL = """CASE
    WHEN s.status = 'done' AND s.done_date <= {as_of} THEN
        CASE WHEN t.deadline IS NULL OR s.done_date <= t.deadline THEN 'done_on_time' ELSE 'done_late' END
    WHEN t.deadline IS NULL THEN 'no_deadline'
    WHEN t.deadline >= {as_of} THEN 'in_progress'
    ELSE 'overdue' END"""
STATUS_CATEGORIES = ("done_on_time", "done_late", "in_progress", "overdue", "no_deadline")

# Per lead unit (a unit heading's lead covers the items under it), the task nodes it leads by
# category; task nodes no unit leads are one row with the unit null.
STATUS_SQL = """
SELECT unit, jurisdiction, count(*) AS tasks, {sums}, unit_id
FROM (SELECT t.*, {category} AS category FROM ({leads}{no_lead}) t
      LEFT JOIN task_status s ON s.document_id = t.document_id AND s.node_id = t.node_id)
GROUP BY unit_pk
ORDER BY unit IS NULL, overdue DESC, tasks DESC, unit, jurisdiction"""

# Datasette's form: a unit (any spelling) and a jurisdiction, both optional; as-of blank = today.
STATUS_NAMED_SQL = """ut.unit_pk IN (SELECT u.id FROM units u
    WHERE (coalesce(:unit, '') = '' OR u.unit_key IN (SELECT unit_key FROM unit_aliases
                                                      WHERE alias_key = unit_key(:unit)))
      AND (coalesce(:jurisdiction, '') = '' OR u.jurisdiction_key = jurisdiction_key(:jurisdiction)))"""


def status_sql(units: str, as_of: str, *, no_lead: str = "1") -> str:
    """The SQL of the status report: ``units`` filters the lead units, ``no_lead`` the unled tasks."""
    leads = UNIT_ROWS_SQL.format(assigned=f"ut.role = 'lead' AND ut.task = 1 AND {units}")
    unled = "\nUNION ALL" + UNASSIGNED_SQL.format(documents=no_lead, roles=" AND ut.role = 'lead'")
    sums = ", ".join(f"sum(category = '{c}') AS {c}" for c in STATUS_CATEGORIES)
    return STATUS_SQL.format(sums=sums, leads=leads, no_lead=unled,
                             category=STATUS_CATEGORY_SQL.format(as_of=as_of))


CORRECTIONS_SQL = """
SELECT correction_id, document_id, document_label, node_id, action, old_value, new_value, outcome, reason,
       author, created_at, note, made_on
FROM correction_log
WHERE {where}
ORDER BY document_id, correction_id"""


# Current documents with a correction of what was read (a status alone corrects nothing).
CORRECTED_DOCUMENTS_SQL = """
SELECT DISTINCT d.id FROM documents d
JOIN corrections c ON c.chain_id = d.chain_id AND c.action != 'status'
WHERE d.current = 1 AND {where}
ORDER BY d.id"""


def canned_queries() -> dict[str, str]:
    """The SQL of Datasette's canned queries, built from the queries above: the form's
    parameters (``:ref``, ``:unit``, ``:jurisdiction``) are matched by the same key functions
    (:func:`prepare_connection`) the CLI uses."""
    tasks_of = UNIT_ROWS_SQL.format(assigned="{assigned}")
    return {
        "tasks_citing_document": CITES_SQL.format(legal=LEGAL_NAMED_SQL),
        "unit_tasks_deadlines": TASKS_SQL.format(unit_rows=tasks_of.format(assigned=UNIT_NAMED_SQL), unassigned="",
                                                 order=BY_JURISDICTION),
        "overdue_tasks": f"""SELECT deadline, cast(julianday(date('now', 'localtime')) - julianday(deadline) AS integer)
    AS days_overdue, * FROM ({tasks_of.format(assigned="ut.deadline < date('now', 'localtime')")})
ORDER BY deadline, document_id, seq, role, unit""",
        "documents_implementing": IMPLEMENTS_SQL.format(legal=LEGAL_NAMED_SQL.replace("tc.legal_document_id",
                                                                                      "l.id")),
        "most_cited_documents": MOST_CITED_SQL.replace(":limit", "100"),
        "task_status": status_sql(STATUS_NAMED_SQL, "coalesce(nullif(:as_of, ''), date('now', 'localtime'))",
                                  no_lead="coalesce(:unit, '') = '' AND coalesce(:jurisdiction, '') = ''"),
        "corrections": CORRECTIONS_SQL.format(where="1"),
    }

-- The registry's schema: tables, indexes and views. pipeline/registry_schema.py runs this file on a new
-- registry (one statement at a time); what the columns mean: schemas/REGISTRY.md.

CREATE TABLE registry_settings (
    name TEXT PRIMARY KEY,         -- key_version: what the stored matching keys were built with
    value TEXT NOT NULL
);
CREATE TABLE documents (
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
    label TEXT NOT NULL,           -- number, else type + title + date, else the file name
    content_hash TEXT,             -- SHA-256 of the extracted header and nodes: equal = the same document
    number_key TEXT,               -- keys.ref_key(number)
    issuer_key TEXT,               -- keys.issuer_key(issuer)
    year INTEGER,                  -- year of date
    version INTEGER NOT NULL DEFAULT 1,
    current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    superseded_by INTEGER REFERENCES documents(id),
    same_as INTEGER REFERENCES documents(id),  -- a copy of that document: recorded, not loaded again
    chain_id INTEGER,              -- the first version's id, shared by every version and copy: corrections follow it
    corrected TEXT,                -- JSON object: the header columns clerks corrected, with their values
    ingested_at TEXT NOT NULL
);
CREATE TABLE nodes (
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
    deadline TEXT,                 -- the node's own, else its nearest ancestor's (the extractor decides)
    deadline_text TEXT,            -- that deadline as written
    text_folded TEXT GENERATED ALWAYS AS (replace(replace(text, 'đ', 'd'), 'Đ', 'D')) VIRTUAL,
    task_corrected INTEGER CHECK (task_corrected IN (0, 1)),  -- a clerk's task / not a task; null: as extracted
    UNIQUE (document_id, node_id)
);
CREATE TABLE node_ancestors (
    ancestor INTEGER NOT NULL REFERENCES nodes(id),
    node INTEGER NOT NULL REFERENCES nodes(id),
    depth INTEGER NOT NULL,
    PRIMARY KEY (ancestor, node)
) WITHOUT ROWID;
CREATE TABLE legal_documents (
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
    ref_key TEXT NOT NULL,         -- keys.ref_key(canonical_ref or ref)
    issuer_key TEXT,
    identity TEXT NOT NULL UNIQUE  -- ref_key|year|issuer_key
);
CREATE TABLE legal_document_names (
    legal_document_id INTEGER NOT NULL REFERENCES legal_documents(id),
    name TEXT NOT NULL,            -- a ref, number or name the document was cited by
    name_key TEXT NOT NULL,        -- keys.name_key(name)
    PRIMARY KEY (legal_document_id, name)
);
CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    legal_document_id INTEGER NOT NULL REFERENCES legal_documents(id),
    relation TEXT CHECK (relation IN ('implements', 'based_on', 'amends', 'replaces')),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    correction_id INTEGER REFERENCES corrections(id),  -- set on a row a correction added
    removed_by INTEGER REFERENCES corrections(id),     -- set on a row a correction removed or replaced
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    unit_id TEXT NOT NULL,         -- the extractor's unit_id, as first seen
    unit_key TEXT NOT NULL,        -- keys.unit_key(unit_id)
    jurisdiction TEXT,             -- as first seen; null when unknown
    jurisdiction_key TEXT,         -- keys.jurisdiction_key(jurisdiction)
    identity TEXT NOT NULL UNIQUE, -- unit_key|jurisdiction_key
    name TEXT NOT NULL,            -- the first name seen
    aliases TEXT NOT NULL,         -- JSON array of every name seen
    is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1))
);
CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    unit_pk INTEGER NOT NULL REFERENCES units(id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    deadline TEXT,
    deadline_text TEXT,
    jurisdiction TEXT,             -- the province/city/commune of a local body; 'Trung ương' for central ones
    is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),  -- a catch-all, not one body
    correction_id INTEGER REFERENCES corrections(id),  -- set on a row a correction added
    removed_by INTEGER REFERENCES corrections(id),     -- set on a row a correction removed or replaced
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);
CREATE TABLE unit_aliases (
    unit_key TEXT NOT NULL,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,       -- keys.unit_key(alias)
    PRIMARY KEY (unit_key, alias)
);
CREATE TABLE recipients (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    chain_id INTEGER NOT NULL,     -- documents.chain_id: the document across its versions and copies
    document_id INTEGER NOT NULL REFERENCES documents(id),  -- the version it was made on
    node_id TEXT,                  -- null for a header (metadata) correction
    node_text TEXT,                -- the node's heading and text then: re-applied while they still match
    action TEXT NOT NULL CHECK (action IN ('add_assignment', 'remove_assignment', 'change_assignment', 'task',
        'add_citation', 'remove_citation', 'fix_citation', 'metadata', 'status')),
    old_value TEXT,                -- JSON object: what it changes, as the registry showed it
    new_value TEXT,                -- JSON object: the value given
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,      -- UTC, ISO
    note TEXT
);
CREATE TABLE correction_outcomes (
    correction_id INTEGER NOT NULL REFERENCES corrections(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'redundant', 'not_applying')),
    reason TEXT,                   -- why it is redundant or no longer applies
    PRIMARY KEY (correction_id, document_id)
);
CREATE TABLE task_status (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done')),
    done_date TEXT,                -- ISO; set when done
    correction_id INTEGER NOT NULL REFERENCES corrections(id),  -- the status correction (author, date, note)
    PRIMARY KEY (document_id, node_id),
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);
CREATE VIRTUAL TABLE nodes_fts USING fts5(
    heading, text, text_folded,
    content='nodes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

-- One index per query in pipeline/queries.py (and per foreign key).
CREATE INDEX documents_identity ON documents(number_key, issuer_key);
CREATE INDEX documents_issuer ON documents(issuer_key) WHERE current = 1;
CREATE INDEX documents_path ON documents(path);
CREATE INDEX documents_superseded_by ON documents(superseded_by);
CREATE INDEX nodes_deadline ON nodes(deadline);
CREATE INDEX nodes_task ON nodes(coalesce(task_corrected, task))
    WHERE coalesce(task_corrected, task) = 1;
CREATE INDEX documents_chain ON documents(chain_id);
CREATE INDEX corrections_chain ON corrections(chain_id, id);
CREATE INDEX correction_outcomes_document ON correction_outcomes(document_id);
CREATE INDEX node_ancestors_node ON node_ancestors(node, depth);
CREATE INDEX legal_documents_ref_key ON legal_documents(ref_key);
CREATE INDEX legal_document_names_key ON legal_document_names(name_key);
CREATE INDEX citations_legal_document ON citations(legal_document_id, relation);
CREATE INDEX citations_node ON citations(document_id, node_id);
CREATE INDEX units_key ON units(unit_key, jurisdiction_key);
CREATE INDEX unit_aliases_key ON unit_aliases(alias_key);
CREATE INDEX assignments_unit ON assignments(unit_pk, role);
CREATE INDEX assignments_node ON assignments(document_id, node_id, role);
CREATE INDEX assignments_correction ON assignments(correction_id) WHERE correction_id IS NOT NULL;
CREATE INDEX citations_correction ON citations(correction_id) WHERE correction_id IS NOT NULL;

-- The header columns a clerk can correct: corrected_documents shows documents.corrected's value where it
-- has one (a JSON null included), the extracted one elsewhere. Matching keys (number_key, issuer_key, year)
-- stay as read: versions and links follow the document as it was read.
-- Every document with its header as corrected (documents keeps what was extracted).
CREATE VIEW corrected_documents AS
SELECT
    d.id, d.sha256, d.path, d.format, d.pages, d.text_source, d.warnings, d.fingerprint,
    CASE WHEN json_type(d.corrected, '$.label') IS NULL THEN d.label ELSE d.corrected ->> '$.label' END AS label,
    CASE WHEN json_type(d.corrected, '$.doc_type') IS NULL THEN d.doc_type ELSE d.corrected ->> '$.doc_type' END AS doc_type,
    CASE WHEN json_type(d.corrected, '$.number') IS NULL THEN d.number ELSE d.corrected ->> '$.number' END AS number,
    CASE WHEN json_type(d.corrected, '$.issuer') IS NULL THEN d.issuer ELSE d.corrected ->> '$.issuer' END AS issuer,
    CASE WHEN json_type(d.corrected, '$.parent_issuer') IS NULL THEN d.parent_issuer ELSE d.corrected ->> '$.parent_issuer' END AS parent_issuer,
    CASE WHEN json_type(d.corrected, '$.place') IS NULL THEN d.place ELSE d.corrected ->> '$.place' END AS place,
    CASE WHEN json_type(d.corrected, '$.date') IS NULL THEN d.date ELSE d.corrected ->> '$.date' END AS date,
    CASE WHEN json_type(d.corrected, '$.title') IS NULL THEN d.title ELSE d.corrected ->> '$.title' END AS title,
    CASE WHEN json_type(d.corrected, '$.signer_name') IS NULL THEN d.signer_name ELSE d.corrected ->> '$.signer_name' END AS signer_name,
    d.signer_position, d.signer_authority, d.signers, d.schema_version, d.content_hash, d.number_key,
    d.issuer_key, d.year, d.version, d.current, d.superseded_by, d.same_as, d.chain_id, d.corrected,
    d.ingested_at
FROM documents d;

-- Every node citing a legal document, in current documents, as corrected (name kept
-- from the issue; the `task` column says whether the node is a task).
CREATE VIEW tasks_citing AS
SELECT
    c.id AS citation_id,
    l.id AS legal_document_id,
    l.ref, l.ref_key, l.canonical_ref, l.doc_type AS cited_doc_type, l.issuer AS cited_issuer,
    l.date AS cited_date, c.relation, c.text AS citation_text, c.start AS citation_start,
    c."end" AS citation_end,
    d.id AS document_id, d.label AS document_label, d.doc_type AS document_type, d.number AS document_number,
    d.issuer AS document_issuer, d.date AS document_date, d.title AS document_title, d.path,
    n.id AS node_pk, n.node_id, n.heading, n.text, coalesce(n.task_corrected, n.task) AS task, n.deadline,
    n.deadline_text, c.correction_id
FROM citations c
JOIN legal_documents l ON l.id = c.legal_document_id
JOIN corrected_documents d ON d.id = c.document_id AND d.current = 1
JOIN nodes n ON n.document_id = c.document_id AND n.node_id = c.node_id
WHERE c.removed_by IS NULL;

-- A unit's work: each assignment expanded from its node to the node's subtree
-- (a unit heading leads the items under it), except below a node that names a
-- lead of its own: there the heading's units stop. `depth` 0 = stated on the node.
-- Assignments a correction removed are left out; those it added are in.
CREATE VIEW unit_tasks AS
SELECT
    u.id AS unit_pk, u.unit_id, u.name AS unit, a.unit AS unit_as_written, u.jurisdiction, u.is_group, a.role,
    d.id AS document_id, d.label AS document_label, d.doc_type AS document_type,
    d.number AS document_number, d.issuer AS document_issuer, d.date AS document_date,
    d.title AS document_title,
    n.id AS node_pk, n.node_id, n.heading, n.text, coalesce(n.task_corrected, n.task) AS task, n.seq,
    -- On the assigned node the assignment's own deadline wins; below it, the node's
    -- (its own or an ancestor's, which may be the assigned node's).
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline, n.deadline) ELSE coalesce(n.deadline, a.deadline) END
        AS deadline,
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline_text, n.deadline_text)
         ELSE coalesce(n.deadline_text, a.deadline_text) END AS deadline_text,
    a.node_id AS assigned_node, t.depth, a.correction_id
FROM assignments a
JOIN corrected_documents d ON d.id = a.document_id AND d.current = 1
JOIN nodes an ON an.document_id = a.document_id AND an.node_id = a.node_id
JOIN node_ancestors t ON t.ancestor = an.id
JOIN nodes n ON n.id = t.node
JOIN units u ON u.id = a.unit_pk
WHERE a.removed_by IS NULL AND (t.depth = 0 OR NOT EXISTS (
    SELECT 1 FROM node_ancestors p
    JOIN nodes m ON m.id = p.ancestor
    JOIN assignments b ON b.document_id = m.document_id AND b.node_id = m.node_id AND b.role = 'lead'
        AND b.removed_by IS NULL
    WHERE p.node = t.node AND p.depth < t.depth));

-- A cited document that is also an ingested (current) document: same number,
-- year where both know it, issuer where both know it (one may be a prefix of
-- the other: "Ban Chấp hành Trung ương" / "Ban Chấp hành Trung ương Đảng").
CREATE VIEW legal_document_links AS
SELECT l.id AS legal_document_id, d.id AS document_id
FROM legal_documents l
JOIN documents d ON d.number_key = l.ref_key AND d.current = 1
WHERE (l.year IS NULL OR d.year IS NULL OR l.year = d.year)
  AND (l.issuer_key IS NULL OR d.issuer_key IS NULL
       OR substr(d.issuer_key, 1, length(l.issuer_key)) = l.issuer_key
       OR substr(l.issuer_key, 1, length(d.issuer_key)) = d.issuer_key);

-- Each correction with what became of it on the document's current version.
CREATE VIEW correction_log AS
SELECT
    c.id AS correction_id, d.id AS document_id, d.label AS document_label, c.node_id, c.action,
    c.old_value, c.new_value, c.author, c.created_at, c.note, o.outcome, o.reason,
    c.document_id AS made_on
FROM corrections c
JOIN corrected_documents d ON d.chain_id = c.chain_id AND d.current = 1
LEFT JOIN correction_outcomes o ON o.correction_id = c.id AND o.document_id = d.id;

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
    issuer TEXT,
    parent_issuer TEXT,
    place TEXT,
    date TEXT,                     -- ISO date
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
    deadline TEXT,                 -- as the model states it on this node; node_deadlines applies it below
    deadline_text TEXT,            -- that deadline as written
    text_folded TEXT GENERATED ALWAYS AS (replace(replace(text, 'đ', 'd'), 'Đ', 'D')) VIRTUAL,
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

CREATE TABLE unit_aliases (
    unit_key TEXT NOT NULL,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,       -- keys.unit_key(alias)
    PRIMARY KEY (unit_key, alias)
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
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);

CREATE TABLE recipients (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);

CREATE VIRTUAL TABLE nodes_fts USING fts5(
    heading, text, text_folded,
    content='nodes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE INDEX documents_identity ON documents(number_key, issuer_key);

CREATE INDEX documents_issuer ON documents(issuer_key) WHERE current = 1;

CREATE INDEX documents_path ON documents(path);

CREATE INDEX documents_superseded_by ON documents(superseded_by);

CREATE INDEX nodes_deadline ON nodes(deadline);

CREATE INDEX nodes_task ON nodes(task) WHERE task = 1;

CREATE INDEX node_ancestors_node ON node_ancestors(node, depth);

CREATE INDEX legal_documents_ref_key ON legal_documents(ref_key);

CREATE INDEX legal_document_names_key ON legal_document_names(name_key);

CREATE INDEX citations_legal_document ON citations(legal_document_id, relation);

CREATE INDEX citations_node ON citations(document_id, node_id);

CREATE INDEX units_key ON units(unit_key, jurisdiction_key);

CREATE INDEX unit_aliases_key ON unit_aliases(alias_key);

CREATE INDEX assignments_unit ON assignments(unit_pk, role);

CREATE INDEX assignments_node ON assignments(document_id, node_id, role);

CREATE VIEW node_deadlines AS
SELECT
    n.id AS node_pk,
    (SELECT a.deadline FROM node_ancestors t JOIN nodes a ON a.id = t.ancestor
     WHERE t.node = n.id AND a.deadline_text IS NOT NULL ORDER BY t.depth LIMIT 1) AS deadline,
    (SELECT a.deadline_text FROM node_ancestors t JOIN nodes a ON a.id = t.ancestor
     WHERE t.node = n.id AND a.deadline_text IS NOT NULL ORDER BY t.depth LIMIT 1) AS deadline_text
FROM nodes n;

CREATE VIEW tasks_citing AS
SELECT
    c.id AS citation_id,
    l.id AS legal_document_id,
    l.ref, l.ref_key, l.canonical_ref, l.doc_type AS cited_doc_type, l.issuer AS cited_issuer,
    l.date AS cited_date, c.relation, c.text AS citation_text, c.start AS citation_start,
    c."end" AS citation_end,
    d.id AS document_id, d.label AS document_label, d.doc_type AS document_type, d.number AS document_number,
    d.issuer AS document_issuer, d.date AS document_date, d.title AS document_title, d.path,
    n.id AS node_pk, n.node_id, n.heading, n.text, n.task, nd.deadline, nd.deadline_text
FROM citations c
JOIN legal_documents l ON l.id = c.legal_document_id
JOIN documents d ON d.id = c.document_id AND d.current = 1
JOIN nodes n ON n.document_id = c.document_id AND n.node_id = c.node_id
JOIN node_deadlines nd ON nd.node_pk = n.id;

CREATE VIEW unit_tasks AS
SELECT
    u.id AS unit_pk, u.unit_id, u.name AS unit, a.unit AS unit_as_written, u.jurisdiction, u.is_group, a.role,
    d.id AS document_id, d.label AS document_label, d.doc_type AS document_type,
    d.number AS document_number, d.issuer AS document_issuer, d.date AS document_date,
    d.title AS document_title,
    n.id AS node_pk, n.node_id, n.heading, n.text, n.task, n.seq,
    -- On the assigned node the assignment's own deadline wins; below it, the node's
    -- (its own or an ancestor's, which may be the assigned node's).
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline, nd.deadline) ELSE coalesce(nd.deadline, a.deadline) END
        AS deadline,
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline_text, nd.deadline_text)
         ELSE coalesce(nd.deadline_text, a.deadline_text) END AS deadline_text,
    a.node_id AS assigned_node, t.depth
FROM assignments a
JOIN documents d ON d.id = a.document_id AND d.current = 1
JOIN nodes an ON an.document_id = a.document_id AND an.node_id = a.node_id
JOIN node_ancestors t ON t.ancestor = an.id
JOIN nodes n ON n.id = t.node
JOIN node_deadlines nd ON nd.node_pk = n.id
JOIN units u ON u.id = a.unit_pk
WHERE t.depth = 0 OR NOT EXISTS (
    SELECT 1 FROM node_ancestors p
    JOIN nodes m ON m.id = p.ancestor
    JOIN assignments b ON b.document_id = m.document_id AND b.node_id = m.node_id AND b.role = 'lead'
    WHERE p.node = t.node AND p.depth < t.depth);

CREATE VIEW legal_document_links AS
SELECT l.id AS legal_document_id, d.id AS document_id
FROM legal_documents l
JOIN documents d ON d.number_key = l.ref_key AND d.current = 1
WHERE (l.year IS NULL OR d.year IS NULL OR l.year = d.year)
  AND (l.issuer_key IS NULL OR d.issuer_key IS NULL
       OR substr(d.issuer_key, 1, length(l.issuer_key)) = l.issuer_key
       OR substr(l.issuer_key, 1, length(d.issuer_key)) = d.issuer_key);

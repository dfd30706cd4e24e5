"""`kehoach corrections export`: each corrected document as corpus gold, for `kehoach eval`.

For every current document with a correction of what was read, writes
``OUT/text/<name>.txt`` (the text as written of the file it was ingested from, one
line of the document a line, as the corpus keeps a clerk's plain-text copy) and
``OUT/gold/<name>.json`` in the corpus gold
format (``../shared/corpus/README.md``): metadata, nodes, citations, mentions and
assignments of the document as corrected. ``kehoach eval OUT`` then scores the
extractor against the clerks' corrections. An assignment's ``deadline`` is added
when it has one (eval ignores it). A document whose file is gone or changed since
it was ingested is skipped, with the reason.

Why lines and not ``api.normalised_text`` (paragraphs, hard wraps undone): read back,
the lines give the extractor the same tree as the original file on every sample
(PDF and TXT), while the paragraphs join a title to the "Thực hiện …" sentence after
it in two of the six and move their citations (measured with ``kehoach extract``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from kehoach.pipeline import correction_store, queries, readers, stages
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.evaluate import PSEUDO_NODES
from kehoach.pipeline.readers import sha256_of
from kehoach.pipeline.readonly import marks
from kehoach.schemas.models import PlanDocument

_UNSAFE_RE = re.compile(r"[^\w.-]+")


@dataclass
class GoldReport:
    written: list[tuple[int, str]] = field(default_factory=list)  # (document id, name)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (document id, reason)


def gold(plan: PlanDocument, name: str) -> dict:
    """A document in the corpus gold format (one entry per distinct cited document, one mention per
    node and document, pseudo-nodes left out of ``nodes``)."""
    meta = plan.metadata
    cited: dict[str, dict] = {}
    for c in plan.citations:
        entry = cited.setdefault(c.ref, {"ref": c.ref, "doc_type": None, "date": None, "issuer": None})
        for key in ("doc_type", "issuer"):
            entry[key] = entry[key] or getattr(c, key)
        entry["date"] = entry["date"] or (c.date.isoformat() if c.date else None)
    mentions = list(dict.fromkeys((c.node, c.ref) for c in plan.citations))
    return {
        "doc": name,
        "metadata": {"doc_type": meta.doc_type, "number": meta.number, "issuer": meta.issuer, "place": meta.place,
                     "date": meta.date.isoformat() if meta.date else None,
                     "signer": meta.signer.name if meta.signer else None},
        "nodes": [{"id": n.id, "heading": n.heading} for n in plan.nodes if n.id not in PSEUDO_NODES],
        "citations": list(cited.values()),
        "mentions": [{"node": node, "ref": ref} for node, ref in mentions],
        "assignments": [{"node": a.node, "unit": a.unit, "role": a.role}
                        | ({"deadline": a.deadline.isoformat()} if a.deadline else {}) for a in plan.assignments],
    }


def written_text(path: str | Path) -> str:
    """A document's text as written, one line of it a line (NFC, spaces tidied, running headers gone)."""
    return "\n".join(line.text for line in stages.normalise(readers.read_document(path), as_written=True))


def _name(path: str, taken: set[str], document_id: int) -> str:
    name = _UNSAFE_RE.sub("-", Path(path).stem).strip("-") or f"document-{document_id}"
    if name in taken:
        name = f"{name}-{document_id}"
    taken.add(name)
    return name


def _source_problem(path: Path, sha256: str) -> str | None:
    if not path.is_file():
        return f"{path}: the file it was ingested from is gone"
    if sha256_of(path) != sha256:
        return f"{path}: the file changed since it was ingested"
    return None


def export(db: sqlite_utils.Database, out: Path, *, doc: str | None = None) -> GoldReport:
    """Write every corrected current document (or only ``doc``) under ``out``.

    :raises KehoachError: ``out`` cannot be written
    """
    where, params = "1", []
    if doc is not None:
        ids = queries.document_ids(db, doc)
        where, params = (f"d.id IN ({marks(ids)})", ids) if ids else ("0", [])
    report, taken = GoldReport(), set()
    try:
        (out / "text").mkdir(parents=True, exist_ok=True)
        (out / "gold").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KehoachError(str(out), f"cannot write ({exc.strerror or exc})") from None
    for (document_id,) in db.execute(queries.CORRECTED_DOCUMENTS_SQL.format(where=where), params).fetchall():
        plan = correction_store.corrected_state(db, document_id).corrected_plan()
        problem = _source_problem(Path(plan.source.path), plan.source.sha256)
        if problem:
            report.skipped.append((document_id, problem))
            continue
        name = _name(plan.source.path, taken, document_id)
        try:
            text = written_text(plan.source.path)
        except KehoachError as exc:
            report.skipped.append((document_id, str(exc)))
            continue
        (out / "text" / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (out / "gold" / f"{name}.json").write_text(
            json.dumps(gold(plan, name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        report.written.append((document_id, name))
    return report

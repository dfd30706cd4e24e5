"""Clerks' corrections as data, and the rules of applying them to an extraction (pure: no database).

A correction says what a clerk changed on one node of a document (or in its header):
an assignment added, removed or changed, a node marked as task or not, a citation
added, removed or fixed, a header field fixed, or a task's status set. It keeps the
value it replaced (``old``), the value given (``new``) and the node's text when it was
made. :func:`apply` plays a document's corrections, oldest first, over what the
extractor read and says what became of each:

- ``applied`` — it changed the document as read;
- ``redundant`` — the document as read already says so (the extractor, or the text,
  now agrees; nothing is lost);
- ``not_applying`` — the document changed under it: its node is gone, its node's text
  changed (see :data:`NODE_TEXT_SIMILARITY`), or the value it replaced is no longer
  there. It is kept, and listed, never dropped silently.

The same function serves the registry (``pipeline/correction_store.py``, which writes
its effects beside the extracted rows), the clerk's page and the gold export.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import cached_property

from kehoach.extractors.fold import compare_key
from kehoach.extractors.keys import ref_key, unit_key
from kehoach.extractors.units import unit_id as unit_id_of
from kehoach.pipeline.errors import KehoachError
from kehoach.schemas.models import Assignment, Citation, Node, PlanDocument

ACTIONS = ("add_assignment", "remove_assignment", "change_assignment", "task", "add_citation", "remove_citation",
           "fix_citation", "metadata", "status")
STATUSES = ("not-started", "in-progress", "done")
STATUS_NAMES = {"not-started": "chưa thực hiện", "in-progress": "đang thực hiện", "done": "hoàn thành"}
ROLES = ("lead", "support")
# Header fields a clerk can fix; "signer" is the signer's name.
METADATA_FIELDS = ("doc_type", "number", "issuer", "parent_issuer", "place", "date", "title", "signer")
CITATION_FIELDS = ("ref", "doc_type", "date", "issuer")

# A node still "matches" a correction when it has the same id and its heading and text, folded
# (case, spacing, tone placement, dashes: extractors.fold.compare_key), are at least this alike
# (difflib ratio): a fixed typo, a changed date or number, a re-wrapped line keep a correction; a
# rewritten sentence does not (a sentence of 25 words with 5 of them replaced is about 0.8).
NODE_TEXT_SIMILARITY = 0.9

APPLIED, REDUNDANT, NOT_APPLYING = "applied", "redundant", "not_applying"


class CorrectionError(KehoachError):
    """A correction that cannot be made as asked (unknown node, no such assignment, bad value)."""


@dataclass(frozen=True)
class Correction:
    """One correction, as stored in the ``corrections`` table."""

    action: str
    node: str | None = None
    old: dict | None = None
    new: dict | None = None
    node_text: str | None = None  # the node's heading and text when the correction was made
    id: int | None = None
    author: str | None = None
    created_at: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one correction on one version of its document."""

    outcome: str  # APPLIED | REDUNDANT | NOT_APPLYING
    reason: str | None = None


@dataclass
class Item:
    """An assignment or a citation in the corrected document, with where it comes from."""

    value: Assignment | Citation
    row: int | None = None  # the registry row of an extracted one
    added_by: int | None = None  # the id of the correction that added it
    extracted: bool = True  # False for one a correction added


@dataclass
class Corrected:
    """A document with its corrections played: the state :func:`apply` returns."""

    plan: PlanDocument  # as extracted
    assignments: list[Item]
    citations: list[Item]
    removed: list[tuple[Item, int | None]] = field(default_factory=list)  # extracted items, by correction id
    task: dict[str, tuple[bool, int | None]] = field(default_factory=dict)  # node → (flag, correction id)
    metadata: dict[str, tuple[object, int | None]] = field(default_factory=dict)
    status: dict[str, tuple[dict, int | None]] = field(default_factory=dict)  # node → ({status, date}, id)
    outcomes: list[Outcome] = field(default_factory=list)  # one per correction, in order

    @cached_property
    def nodes(self) -> dict[str, Node]:
        return {n.id: n for n in self.plan.nodes}

    def is_task(self, node_id: str) -> bool:
        if node_id in self.task:
            return self.task[node_id][0]
        return self.nodes[node_id].task

    def header(self, name: str):
        """A header field as corrected ("signer" is the signer's name)."""
        if name in self.metadata:
            return self.metadata[name][0]
        meta = self.plan.metadata
        if name == "signer":
            return meta.signer.name if meta.signer else None
        value = getattr(meta, name)
        return value.isoformat() if isinstance(value, dt.date) else value

    def on(self, items: list[Item], node_id: str) -> list[Item]:
        return [i for i in items if i.value.node == node_id]

    def corrected_plan(self) -> PlanDocument:
        """The document as corrected, in the JSON contract."""
        plan = self.plan
        nodes = [n.model_copy(update={"task": self.task[n.id][0]}) if n.id in self.task else n for n in plan.nodes]
        meta = plan.metadata
        updates = {k: v for k, (v, _) in self.metadata.items() if k != "signer"}
        if "signer" in self.metadata:
            name = self.metadata["signer"][0]
            if meta.signer is not None:
                updates["signer"] = meta.signer.model_copy(update={"name": name}).model_dump()
            else:
                updates["signer"] = {"name": name} if name else None
        meta = type(meta).model_validate({**meta.model_dump(), **updates}) if updates else meta
        return plan.model_copy(update={"metadata": meta, "nodes": nodes,
                                       "assignments": [i.value for i in self.assignments],
                                       "citations": [i.value for i in self.citations]})


def node_text(node: Node) -> str:
    """What a correction remembers of its node: heading and text."""
    return "\n".join(p for p in (node.heading, node.text) if p)


def text_similarity(before: str, after: str) -> float:
    """How alike two node texts are, folded: 1.0 equal, 0.0 nothing in common (difflib ratio)."""
    a, b = compare_key(before), compare_key(after)
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def start(plan: PlanDocument, rows: tuple[list[int | None], list[int | None]] | None = None) -> Corrected:
    """The uncorrected state of an extraction (``rows``: the registry rows of its assignments and citations)."""
    arows, crows = rows or ([None] * len(plan.assignments), [None] * len(plan.citations))
    return Corrected(plan, [Item(a, r) for a, r in zip(plan.assignments, arows, strict=True)],
                     [Item(c, r) for c, r in zip(plan.citations, crows, strict=True)])


def apply(plan: PlanDocument, corrections: list[Correction],
          rows: tuple[list[int | None], list[int | None]] | None = None) -> Corrected:
    """Play ``corrections`` (oldest first) over an extraction; ``outcomes`` says what became of each."""
    state = start(plan, rows)
    for correction in corrections:
        state.outcomes.append(_apply_one(state, correction))
    return state


def _apply_one(state: Corrected, c: Correction) -> Outcome:
    if c.action != "metadata":
        node = state.nodes.get(c.node)
        if node is None:
            return Outcome(NOT_APPLYING, f"node {c.node} is not in this version")
        if c.node_text is not None:
            alike = text_similarity(c.node_text, node_text(node))
            if alike < NODE_TEXT_SIMILARITY:
                return Outcome(NOT_APPLYING, f"the text of node {c.node} changed ({alike:.0%} alike)")
    return _HANDLERS[c.action](state, c)


# --- assignments ------------------------------------------------------------------

def _same_assignment(a: Assignment, node: str, unit: str, role: str) -> bool:
    return a.node == node and a.role == role and unit_key(a.unit) == unit_key(unit)


def find_assignments(state: Corrected, node: str, value: dict) -> list[Item]:
    return [i for i in state.assignments if _same_assignment(i.value, node, value["unit"], value["role"])]


def _drop(state: Corrected, items: list[Item], items_of: list[Item], cid: int | None) -> None:
    for item in items:
        items_of.remove(item)
        if item.extracted:
            state.removed.append((item, cid))


def new_assignment(state: Corrected, node: str, value: dict) -> Assignment:
    """The assignment a correction adds; its jurisdiction, when not given, that of the same unit
    elsewhere in the document (else none)."""
    jurisdiction = value.get("jurisdiction")
    same = [i.value for i in state.assignments if unit_key(i.value.unit) == unit_key(value["unit"])]
    if jurisdiction is None and same:
        jurisdiction = same[0].jurisdiction
    return Assignment(node=node, unit=value["unit"], unit_id=unit_id_of(value["unit"]) or value["unit"],
                      role=value["role"], deadline=value.get("deadline"), jurisdiction=jurisdiction,
                      is_group=bool(same and same[0].is_group))


def _add_assignment(state: Corrected, c: Correction) -> Outcome:
    present = find_assignments(state, c.node, c.new)
    wanted = new_assignment(state, c.node, c.new)
    if present and all(i.value.deadline == wanted.deadline for i in present):
        return Outcome(REDUNDANT, "the document as read has this assignment")
    _drop(state, present, state.assignments, c.id)
    state.assignments.append(Item(wanted, added_by=c.id, extracted=False))
    return Outcome(APPLIED)


def _remove_assignment(state: Corrected, c: Correction) -> Outcome:
    present = find_assignments(state, c.node, c.old)
    if not present:
        return Outcome(REDUNDANT, "the document as read does not have this assignment")
    _drop(state, present, state.assignments, c.id)
    return Outcome(APPLIED)


def _change_assignment(state: Corrected, c: Correction) -> Outcome:
    present = find_assignments(state, c.node, c.old)
    if not present:
        if find_assignments(state, c.node, c.new):
            return Outcome(REDUNDANT, "the document as read has the new assignment")
        return Outcome(NOT_APPLYING, f"{c.old['unit']} ({c.old['role']}) is no longer assigned on {c.node}")
    _drop(state, present + [i for i in find_assignments(state, c.node, c.new) if i not in present], state.assignments, c.id)
    state.assignments.append(Item(new_assignment(state, c.node, c.new), added_by=c.id, extracted=False))
    return Outcome(APPLIED)


def _task(state: Corrected, c: Correction) -> Outcome:
    if state.is_task(c.node) == c.new["task"]:
        return Outcome(REDUNDANT, "the document as read says so")
    state.task[c.node] = (c.new["task"], c.id)
    return Outcome(APPLIED)


# --- citations --------------------------------------------------------------------

def cited(state: Corrected, node: str, ref: str) -> list[Item]:
    key = ref_key(ref)
    return [i for i in state.citations if i.value.node == node and ref_key(i.value.ref) == key]


def _citation(node: Node, value: dict, base: Citation | None = None) -> Citation:
    """A citation with a clerk's values; a new one points at the ref in the node's text when it is there."""
    fields = {k: value.get(k) for k in CITATION_FIELDS}
    if base is not None:  # the mention stays where it was; what it names is the clerk's
        return Citation.model_validate(base.model_dump() | fields | {"year": None, "number": None, "symbol": None,
                                                                      "canonical_ref": None})
    text, ref = node.text or "", value["ref"]
    at = text.find(ref)
    if at < 0 and len(text.lower()) == len(text):
        at = text.lower().find(ref.lower())
    if at < 0:
        return Citation(node=node.id, text=ref, start=0, end=0, **fields)
    return Citation(node=node.id, text=text[at:at + len(ref)], start=at, end=at + len(ref), **fields)


def _add_citation(state: Corrected, c: Correction) -> Outcome:
    if cited(state, c.node, c.new["ref"]):
        return Outcome(REDUNDANT, "the document as read has this citation")
    state.citations.append(Item(_citation(state.nodes[c.node], c.new), added_by=c.id, extracted=False))
    return Outcome(APPLIED)


def _remove_citation(state: Corrected, c: Correction) -> Outcome:
    present = cited(state, c.node, c.old["ref"])
    if not present:
        return Outcome(REDUNDANT, "the document as read does not have this citation")
    _drop(state, present, state.citations, c.id)
    return Outcome(APPLIED)


def _fix_citation(state: Corrected, c: Correction) -> Outcome:
    present = cited(state, c.node, c.old["ref"])
    if not present:
        if cited(state, c.node, c.new["ref"]):
            return Outcome(REDUNDANT, "the document as read has the fixed citation")
        return Outcome(NOT_APPLYING, f"{c.old['ref']} is no longer cited on {c.node}")
    node = state.nodes[c.node]
    for item in present:
        fixed = Item(_citation(node, c.new, item.value), added_by=c.id, extracted=False)
        state.citations.insert(state.citations.index(item), fixed)
    _drop(state, present, state.citations, c.id)
    return Outcome(APPLIED)


# --- header and status --------------------------------------------------------------

def _metadata(state: Corrected, c: Correction) -> Outcome:
    (name, value), = c.new.items()
    now = state.header(name)
    if now == value:
        return Outcome(REDUNDANT, "the document as read says so")
    if now != c.old[name]:
        return Outcome(NOT_APPLYING, f"{name} now reads {now!r}, not {c.old[name]!r}")
    state.metadata[name] = (value, c.id)
    return Outcome(APPLIED)


def _status(state: Corrected, c: Correction) -> Outcome:
    state.status[c.node] = (c.new, c.id)
    return Outcome(APPLIED)


_HANDLERS = {
    "add_assignment": _add_assignment, "remove_assignment": _remove_assignment,
    "change_assignment": _change_assignment, "task": _task, "add_citation": _add_citation,
    "remove_citation": _remove_citation, "fix_citation": _fix_citation, "metadata": _metadata, "status": _status,
}


def describe(c: Correction) -> str:
    """One line for a person: "remove Sở Y tế (lead) on II.2"."""
    old, new = c.old or {}, c.new or {}
    what = {
        "add_assignment": lambda: f"add {new.get('unit')} ({new.get('role')})",
        "remove_assignment": lambda: f"remove {old.get('unit')} ({old.get('role')})",
        "change_assignment": lambda: f"change {old.get('unit')} ({old.get('role')}) to {new.get('unit')} "
                                     f"({new.get('role')}, deadline {new.get('deadline') or 'none'})",
        "task": lambda: "mark as task" if new.get("task") else "mark as not a task",
        "add_citation": lambda: f"add citation {new.get('ref')}",
        "remove_citation": lambda: f"remove citation {old.get('ref')}",
        "fix_citation": lambda: f"fix citation {old.get('ref')} to {new.get('ref')}",
        "metadata": lambda: "set " + ", ".join(f"{k} to {v!r}" for k, v in new.items()),
        "status": lambda: f"status {new.get('status')}" + (f" on {new['date']}" if new.get("date") else ""),
    }[c.action]()
    return f"#{c.id} {what}" + (f" on {c.node}" if c.node else "")

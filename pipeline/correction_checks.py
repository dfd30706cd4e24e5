"""A new correction, checked against the document as it now stands, with the value it replaces.

:func:`prepare` is what ``kehoach correct`` and the clerk's page call (through
``correction_store.record``): an unknown node, an assignment or citation the node
does not have, a bad date or role, or a change that changes nothing is one
``CorrectionError`` line, and nothing is stored.
"""

from __future__ import annotations

import datetime as dt

from kehoach.pipeline.corrections import (
    ACTIONS,
    METADATA_FIELDS,
    ROLES,
    STATUSES,
    Corrected,
    Correction,
    CorrectionError,
    Item,
    cited,
    find_assignments,
    node_text,
)
from kehoach.schemas.models import Assignment, Citation


def parse_date(value: str | dt.date | None, what: str = "date") -> str | None:
    """An ISO date from "2025-12-31" or "31/12/2025" (None and "" stay None)."""
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    text = value.strip()
    if not text or text.lower() == "none":
        return None
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return dt.date(year, month, day).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise CorrectionError(None, f"{what}: {value!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)") from None


def _text(value: str | None, what: str) -> str:
    if value is None or not value.strip():
        raise CorrectionError(None, f"{what} is empty")
    return " ".join(value.split())


def _role(value: str) -> str:
    if value not in ROLES:
        raise CorrectionError(None, f"role {value!r}: lead or support")
    return value


def _listing(items: list[Item], what) -> str:
    return "; ".join(what(i.value) for i in items) or "none"


def _assigned(state: Corrected, node: str, unit: str, role: str) -> list[Item]:
    present = find_assignments(state, node, {"unit": unit, "role": role})
    if not present:
        others = _listing(state.on(state.assignments, node), lambda a: f"{a.unit} ({a.role})")
        raise CorrectionError(None, f"node {node} has no {role} {unit!r} (its assignments: {others})")
    return present


def _assignment_value(a: Assignment) -> dict:
    return {"unit": a.unit, "role": a.role, "deadline": a.deadline.isoformat() if a.deadline else None,
            "jurisdiction": a.jurisdiction}


def _citation_value(c: Citation) -> dict:
    return {"ref": c.ref, "doc_type": c.doc_type, "date": c.date.isoformat() if c.date else None, "issuer": c.issuer}


def _cited_items(state: Corrected, node: str, ref: str) -> list[Item]:
    present = cited(state, node, _text(ref, "the reference"))
    if not present:
        others = _listing(state.on(state.citations, node), lambda c: c.ref)
        raise CorrectionError(None, f"node {node} does not cite {ref!r} (it cites: {others})")
    return present


def prepare(state: Corrected, action: str, node: str | None = None, *, today: dt.date, **given) -> Correction:
    """A new correction of the document ``state`` holds, checked, with the value it replaces.

    :param action: one of :data:`ACTIONS`
    :param node: the node id ("II.1"); none for ``metadata``
    :param given: the action's values — add_assignment: unit, role, deadline, jurisdiction;
        remove_assignment: unit, role; change_assignment: unit, role and the new to_unit, to_role,
        deadline (absent: kept; None: cleared); task: task (bool); add_citation: ref, doc_type,
        date, issuer; remove_citation: ref; fix_citation: ref and the new to_ref, doc_type, date,
        issuer; metadata: field, value; status: status, date (done: default ``today``)
    :raises CorrectionError: an unknown action, node or field, a bad value, or nothing to change
    """
    if action not in ACTIONS:
        raise CorrectionError(None, f"unknown correction {action!r} ({', '.join(ACTIONS)})")
    if action == "metadata":
        return _prepare_metadata(state, **given)
    if node not in state.nodes:
        raise CorrectionError(None, f"no node {node!r} in this document")
    old, new = _PREPARE[action](state, node, today=today, **given)
    return Correction(action, node, old, new, node_text(state.nodes[node]))


def _prepare_add_assignment(state, node, *, unit, role, deadline=None, jurisdiction=None, today=None):
    new = {"unit": _text(unit, "the unit"), "role": _role(role), "deadline": parse_date(deadline, "deadline")}
    if jurisdiction:
        new["jurisdiction"] = _text(jurisdiction, "the jurisdiction")
    present = find_assignments(state, node, new)
    if present and all((i.value.deadline.isoformat() if i.value.deadline else None) == new["deadline"]
                       for i in present):
        raise CorrectionError(None, f"node {node} already has {unit!r} as {role}")
    return None, new


def _prepare_remove_assignment(state, node, *, unit, role, today=None):
    return _assignment_value(_assigned(state, node, _text(unit, "the unit"), _role(role))[0].value), None


def _prepare_change_assignment(state, node, *, unit, role, today=None, **changes):
    old = _assignment_value(_assigned(state, node, _text(unit, "the unit"), _role(role))[0].value)
    new = dict(old)
    if changes.get("to_unit") is not None:
        new["unit"] = _text(changes["to_unit"], "the new unit")
    if changes.get("to_role") is not None:
        new["role"] = _role(changes["to_role"])
    if "deadline" in changes:
        new["deadline"] = parse_date(changes["deadline"], "deadline")
    if new == old:
        raise CorrectionError(None, f"nothing to change on {unit!r} ({role}) of node {node}")
    return old, new


def _prepare_task(state, node, *, task: bool, today=None):
    if state.is_task(node) == task:
        raise CorrectionError(None, f"node {node} is {'already' if task else 'not'} a task")
    return {"task": not task}, {"task": task}


def _prepare_add_citation(state, node, *, ref, doc_type=None, date=None, issuer=None, today=None):
    new = {"ref": _text(ref, "the reference"), "doc_type": doc_type or None, "date": parse_date(date),
           "issuer": issuer or None}
    if cited(state, node, new["ref"]):
        raise CorrectionError(None, f"node {node} already cites {ref!r}")
    return None, new


def _prepare_remove_citation(state, node, *, ref, today=None):
    return _citation_value(_cited_items(state, node, ref)[0].value), None


def _prepare_fix_citation(state, node, *, ref, today=None, **changes):
    old = _citation_value(_cited_items(state, node, ref)[0].value)
    new = dict(old)
    if changes.get("to_ref") is not None:
        new["ref"] = _text(changes["to_ref"], "the new reference")
    for name in ("doc_type", "issuer"):
        if name in changes:
            new[name] = changes[name] or None
    if "date" in changes:
        new["date"] = parse_date(changes["date"])
    if new == old:
        raise CorrectionError(None, f"nothing to change on {ref!r} in node {node}")
    return old, new


def _prepare_metadata(state: Corrected, *, field: str, value: str | None) -> Correction:
    if field not in METADATA_FIELDS:
        raise CorrectionError(None, f"unknown header field {field!r} ({', '.join(METADATA_FIELDS)})")
    new = parse_date(value, field) if field == "date" else (" ".join(value.split()) or None if value else None)
    old = state.header(field)
    if new == old:
        raise CorrectionError(None, f"{field} is already {old!r}")
    return Correction("metadata", None, {field: old}, {field: new})


def _prepare_status(state, node, *, status, date=None, today: dt.date):
    if status not in STATUSES:
        raise CorrectionError(None, f"status {status!r}: {', '.join(STATUSES)}")
    when = parse_date(date, "date") or (today.isoformat() if status == "done" else None)
    old = state.status[node][0] if node in state.status else None
    return old, {"status": status, "date": when}


_PREPARE = {
    "add_assignment": _prepare_add_assignment, "remove_assignment": _prepare_remove_assignment,
    "change_assignment": _prepare_change_assignment, "task": _prepare_task,
    "add_citation": _prepare_add_citation, "remove_citation": _prepare_remove_citation,
    "fix_citation": _prepare_fix_citation, "status": _prepare_status,
}

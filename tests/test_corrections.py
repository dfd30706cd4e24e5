"""Corrections as data: the rules of applying them (pure), and re-applying them to a new version.

The document is tests/data/registry_fixture_2.json (the commune plan 45/KH-UBND: a unit heading I.1
"Phòng Văn hoá – Xã hội" over tasks a) and b), item I.2 led by the Văn phòng, a preamble citing
33/CT-TTg). Each row makes a correction on it, then plays it over a variant of the document — the same
extraction, or a new version where something changed — and states what must become of it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kehoach.pipeline import correction_store, registry
from kehoach.pipeline.correction_checks import prepare
from kehoach.pipeline.corrections import APPLIED, NOT_APPLYING, REDUNDANT, CorrectionError, apply, start
from kehoach.schemas.models import PlanDocument

DATA = Path(__file__).resolve().parent / "data"
TODAY = dt.date(2025, 11, 30)
CHU_TRI = "Phòng Văn hoá – Xã hội"
VAN_PHONG = "Văn phòng HĐND và UBND xã"


def plan() -> PlanDocument:
    return PlanDocument.model_validate_json((DATA / "registry_fixture_2.json").read_text(encoding="utf-8"))


def edited(node: str, text: str | None = None, **fields) -> PlanDocument:
    """The plan with one node's text replaced (``text``) or its other fields changed."""
    base = plan()
    nodes = [n.model_copy(update=({"text": text} if text is not None else {}) | fields) if n.id == node else n
             for n in base.nodes]
    return base.model_copy(update={"nodes": nodes})


def without_assignment(node: str, unit: str) -> PlanDocument:
    base = plan()
    return base.model_copy(update={"assignments": [a for a in base.assignments
                                                   if not (a.node == node and a.unit == unit)]})


def typo(node: str) -> PlanDocument:
    text = next(n.text for n in plan().nodes if n.id == node)
    return edited(node, text.replace("đối thoại", "đối  thoại").replace("Nhân dân", "nhân dân"))


def rewritten(node: str) -> PlanDocument:
    return edited(node, "a) Xây dựng mô hình dân vận khéo trong cải cách hành chính, chuyển đổi số tại các thôn.")


def corrected(action: str, node: str | None, later: PlanDocument | None = None, **given):
    """Make a correction on the plan, then play it over ``later`` (default: the same plan)."""
    correction = prepare(start(plan()), action, node, today=TODAY, **given)
    return apply(later or plan(), [correction])


def assignments(state, node: str) -> list[tuple[str, str]]:
    return sorted((a.unit, a.role) for a in state.corrected_plan().assignments if a.node == node)


# fmt: off
CASES = [
    # assignments
    pytest.param("add_assignment", "I.2", {"unit": "Sở Y tế", "role": "support"}, None, APPLIED,
                 lambda s: ("Sở Y tế", "support") in assignments(s, "I.2"), id="add-assignment"),
    pytest.param("remove_assignment", "I.2", {"unit": VAN_PHONG, "role": "lead"}, None, APPLIED,
                 lambda s: assignments(s, "I.2") == [], id="remove-assignment"),
    pytest.param("remove_assignment", "I.2", {"unit": "Văn phòng HĐND và UBND  xã", "role": "lead"}, None, APPLIED,
                 lambda s: assignments(s, "I.2") == [], id="remove-assignment-any-spelling"),
    pytest.param("remove_assignment", "I.2", {"unit": VAN_PHONG, "role": "lead"},
                 without_assignment("I.2", VAN_PHONG), REDUNDANT,
                 lambda s: assignments(s, "I.2") == [], id="remove-what-the-extractor-no-longer-reads"),
    pytest.param("change_assignment", "I.1.a", {"unit": "Thường trực HĐND xã", "role": "support", "to_role": "lead"},
                 None, APPLIED, lambda s: assignments(s, "I.1.a") == [("Thường trực HĐND xã", "lead")],
                 id="change-role"),
    pytest.param("change_assignment", "I.2", {"unit": VAN_PHONG, "role": "lead", "deadline": "30/06/2025"},
                 None, APPLIED,
                 lambda s: [a.deadline for a in s.corrected_plan().assignments if a.node == "I.2"]
                 == [dt.date(2025, 6, 30)], id="change-deadline-dd-mm-yyyy"),
    pytest.param("change_assignment", "I.2", {"unit": VAN_PHONG, "role": "lead", "to_unit": "Công an xã"},
                 without_assignment("I.2", VAN_PHONG), NOT_APPLYING,
                 lambda s: assignments(s, "I.2") == [], id="change-of-an-assignment-gone"),
    # the node's text decides whether a correction still applies
    pytest.param("add_assignment", "I.1.a", {"unit": "Sở Y tế", "role": "support"}, typo("I.1.a"), APPLIED,
                 lambda s: ("Sở Y tế", "support") in assignments(s, "I.1.a"), id="node-text-with-a-typo-fixed"),
    pytest.param("add_assignment", "I.1.a", {"unit": "Sở Y tế", "role": "support"}, rewritten("I.1.a"),
                 NOT_APPLYING, lambda s: ("Sở Y tế", "support") not in assignments(s, "I.1.a"),
                 id="node-text-rewritten"),
    pytest.param("add_assignment", "I.2", {"unit": "Sở Y tế", "role": "support"},
                 plan().model_copy(update={"nodes": [n for n in plan().nodes if n.id != "I.2"], "assignments": [
                     a for a in plan().assignments if a.node != "I.2"]}),
                 NOT_APPLYING, lambda s: "I.2" not in s.nodes, id="node-gone"),
    # task flags
    pytest.param("task", "I.1", {"task": True}, None, APPLIED, lambda s: s.corrected_plan().nodes[2].task,
                 id="mark-as-task"),
    pytest.param("task", "I.1", {"task": True}, edited("I.1", task=True), REDUNDANT, lambda s: s.is_task("I.1"),
                 id="mark-as-task-the-extractor-now-agrees"),
    # citations
    pytest.param("fix_citation", "preamble", {"ref": "33/CT-TTg", "date": "2021-11-25"}, None, APPLIED,
                 lambda s: [c.date for c in s.corrected_plan().citations] == [dt.date(2021, 11, 25)],
                 id="fix-citation-date"),
    pytest.param("remove_citation", "preamble", {"ref": "33/ct-ttg"}, None, APPLIED,
                 lambda s: s.corrected_plan().citations == [], id="remove-citation-any-spelling"),
    pytest.param("add_citation", "I.2", {"ref": "25-NQ/TW", "doc_type": "Nghị quyết"}, None, APPLIED,
                 lambda s: [(c.node, c.ref, c.start, c.end) for c in s.corrected_plan().citations][-1]
                 == ("I.2", "25-NQ/TW", 0, 0), id="add-citation-not-in-the-text"),
    # the header
    pytest.param("metadata", None, {"field": "number", "value": "46/KH-UBND"}, None, APPLIED,
                 lambda s: s.corrected_plan().metadata.number == "46/KH-UBND", id="fix-number"),
    pytest.param("metadata", None, {"field": "date", "value": "11/03/2025"}, None, APPLIED,
                 lambda s: s.corrected_plan().metadata.date == dt.date(2025, 3, 11), id="fix-date"),
    pytest.param("metadata", None, {"field": "signer", "value": "Nguyễn Văn B"}, None, APPLIED,
                 lambda s: s.corrected_plan().metadata.signer.name == "Nguyễn Văn B", id="set-signer"),
    pytest.param("metadata", None, {"field": "number", "value": "46/KH-UBND"},
                 plan().model_copy(update={"metadata": plan().metadata.model_copy(update={"number": "47/KH-UBND"})}),
                 NOT_APPLYING, lambda s: s.corrected_plan().metadata.number == "47/KH-UBND",
                 id="header-changed-under-the-fix"),
    # status
    pytest.param("status", "I.2", {"status": "done"}, None, APPLIED,
                 lambda s: s.status["I.2"][0] == {"status": "done", "date": "2025-11-30"}, id="done-defaults-to-today"),
]
# fmt: on


@pytest.mark.parametrize("action,node,given,later,outcome,check", CASES)
def test_apply(action, node, given, later, outcome, check):
    state = corrected(action, node, later, **given)
    assert state.outcomes[0].outcome == outcome, state.outcomes[0].reason
    assert check(state)


def test_a_rewritten_node_says_why():
    state = corrected("add_assignment", "I.1.a", rewritten("I.1.a"), unit="Sở Y tế", role="support")
    assert state.outcomes[0].reason.startswith("the text of node I.1.a changed (")


def test_corrections_play_in_order():
    first = prepare(start(plan()), "change_assignment", "I.2", today=TODAY, unit=VAN_PHONG, role="lead",
                    to_unit="Công an xã")
    second = prepare(apply(plan(), [first]), "change_assignment", "I.2", today=TODAY, unit="Công an xã",
                     role="lead", to_role="support")
    state = apply(plan(), [first, second])
    assert [o.outcome for o in state.outcomes] == [APPLIED, APPLIED]
    assert assignments(state, "I.2") == [("Công an xã", "support")]


@pytest.mark.parametrize("action,node,given,message", [
    pytest.param("add_assignment", "I.9", {"unit": "Sở Y tế", "role": "lead"}, "no node 'I.9'", id="unknown-node"),
    pytest.param("add_assignment", "I.2", {"unit": VAN_PHONG, "role": "lead", "deadline": "2025-06-20"},
                 "already has", id="already-assigned"),
    pytest.param("add_assignment", "I.2", {"unit": "Sở Y tế", "role": "chủ trì"}, "lead or support", id="bad-role"),
    pytest.param("add_assignment", "I.2", {"unit": "Sở Y tế", "role": "lead", "deadline": "31/13/2025"},
                 "not a date", id="bad-date"),
    pytest.param("remove_assignment", "I.2", {"unit": "Sở Y tế", "role": "lead"},
                 f"its assignments: {VAN_PHONG} (lead)", id="remove-what-is-not-there"),
    pytest.param("task", "I.2", {"task": True}, "already a task", id="task-already"),
    pytest.param("remove_citation", "I.2", {"ref": "33/CT-TTg"}, "does not cite", id="citation-not-there"),
    pytest.param("metadata", None, {"field": "colour", "value": "x"}, "unknown header field", id="unknown-field"),
    pytest.param("status", "I.2", {"status": "finished"}, "not-started, in-progress, done", id="bad-status"),
])
def test_bad_corrections_are_refused(action, node, given, message):
    with pytest.raises(CorrectionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        prepare(start(plan()), action, node, today=TODAY, **given)


# --- in the registry ----------------------------------------------------------------------


@pytest.fixture
def db(db_path):
    database = registry.open_db(db_path)
    registry.load(database, plan())
    yield database
    database.conn.close()


def new_version(base: PlanDocument, sha: str) -> PlanDocument:
    return base.model_copy(update={"source": base.source.model_copy(update={"sha256": sha})})


def test_a_new_version_keeps_the_corrections_that_still_match(db):
    correction_store.record(db, "45/KH-UBND", "remove_assignment", "I.2", unit=VAN_PHONG, role="lead")
    correction_store.record(db, "45/kh-ubnd", "add_assignment", "I.1.a", unit="Sở Y tế", role="support")
    correction_store.record(db, "1", "status", "I.1.b", status="done", date="2025-12-01", today=TODAY)
    result = registry.load(db, new_version(rewritten("I.1.a"), "b" * 64))
    assert (result.status, result.supersedes, result.corrections) == ("loaded", 1, 3)
    assert len(result.not_applying) == 1
    assert re.fullmatch(r"correction #2 add Sở Y tế \(support\) on I\.1\.a no longer applies: the text of node "
                        r"I\.1\.a changed \(\d\d% alike\)", result.not_applying[0])
    assert "; 2 of 3 corrections re-applied" in result.message
    live = db.execute("SELECT node_id, unit FROM assignments WHERE document_id = ? AND removed_by IS NULL "
                      "ORDER BY id", [result.document_id]).fetchall()
    assert live == [("I.1", CHU_TRI), ("I.1.a", "Thường trực HĐND xã")]
    assert db.execute("SELECT node_id, status, done_date FROM task_status WHERE document_id = ?",
                      [result.document_id]).fetchall() == [("I.1.b", "done", "2025-12-01")]
    log = db.execute("SELECT correction_id, outcome FROM correction_log ORDER BY correction_id").fetchall()
    assert log == [(1, "applied"), (2, "not_applying"), (3, "applied")]


def test_the_extracted_rows_stay_as_extracted(db):
    correction_store.record(db, "45/KH-UBND", "remove_assignment", "I.2", unit=VAN_PHONG, role="lead")
    correction_store.record(db, "45/KH-UBND", "metadata", field="title", value="Dân vận chính quyền 2025")
    correction_store.record(db, "45/KH-UBND", "task", "I.1", task=True)
    assert db.execute("SELECT unit, removed_by FROM assignments WHERE node_id = 'I.2'").fetchall() == [(VAN_PHONG, 1)]
    assert db.execute("SELECT title, corrected ->> '$.title' FROM documents").fetchone() == (
        "Công tác dân vận chính quyền năm 2025", "Dân vận chính quyền 2025")
    assert db.execute("SELECT task, task_corrected FROM nodes WHERE node_id = 'I.1'").fetchone() == (0, 1)
    assert db.execute("SELECT title FROM corrected_documents").fetchone() == ("Dân vận chính quyền 2025",)


def test_a_refused_correction_changes_nothing(db):
    before = registry.counts(db)
    with pytest.raises(CorrectionError, match="no node 'II.1'"):
        correction_store.record(db, "45/KH-UBND", "task", "II.1", task=True)
    with pytest.raises(CorrectionError, match="99/KH-UBND: no current document"):
        correction_store.record(db, "99/KH-UBND", "task", "I.1", task=True)
    assert registry.counts(db) == before
    assert json.loads(json.dumps(registry.counts(db)))["corrections"] == 0

"""Assignments of a corpus document by name (skipped when ../shared is absent); the corpus floors are in
test_corpus_structure.py."""

from __future__ import annotations

from kehoach.pipeline import api

GIA_VIEN = "00_ubnd-phuong-gia-vien-ke-hoach-dan-van-2025.txt"


def test_gia_vien_section_iii_units(shared_corpus):
    plan = api.extract(shared_corpus / "text" / GIA_VIEN)
    leads = [(a.node, a.unit) for a in plan.assignments if a.role == "lead" and a.node.startswith("III.")]
    assert [node for node, _ in leads] == [f"III.{i}" for i in range(1, 8)]
    assert ("III.1", "Ban Xây dựng đảng Đảng ủy", "support") in {(a.node, a.unit, a.role) for a in plan.assignments}
    tasks = {n.id for n in plan.nodes if n.task}
    assert {f"III.{i}" for i in range(1, 8)} <= tasks
    assert not {"I", "I.1", "I.2", "I.3"} & tasks

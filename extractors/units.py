"""Unit assignments: who leads (chủ trì) and who supports (phối hợp) each node's work.

Public entry points:

- :func:`extract_assignments` — nodes in, ``Assignment`` list out (a whole stage);
- :func:`mark_tasks` — nodes in, new nodes with ``task`` set;
- :func:`find_units` — the unit names in a piece of text, with offsets (for spaCy spans);
- :func:`unit_id` — the folded key that makes one body one id across spellings.

Rules (corpus README, gold NOTES): a unit heading a node leads it; "X chủ trì",
"X có/chịu trách nhiệm", "Giao X", "Đề nghị X", "Đơn vị chủ trì: X", "Trách nhiệm
chỉ đạo thực hiện: X; Y" and a unit that is the subject of a task sentence lead;
"phối hợp (với) X", "cùng X", "Đơn vị phối hợp: X" support. Report recipients,
directed or mobilised units, participant lists and statements of aims are not
assignments. Assignments stay on the node where they are stated.
"""

from __future__ import annotations

import re

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.deadlines import find_deadline
from kehoach.extractors.fold import compare_key
from kehoach.extractors.unit_commitments import commitments, letter_writer
from kehoach.extractors.unit_headings import descriptive, heading_of, lineage, own_text, role_block
from kehoach.extractors.unit_keys import clean_unit, is_group, unit_id
from kehoach.extractors.unit_names import UnitSpan, find_units, scan_units
from kehoach.extractors.unit_places import issuer_jurisdiction, unit_jurisdiction
from kehoach.extractors.unit_roles import label_roles, node_roles
from kehoach.schemas.models import Assignment, Metadata, Node

_DETERMINER_RE = re.compile(r"^(?:các|những)\s+")
_PROVINCE_WORD = "tỉnh"
_PLACE_WORDS = 5  # "quảng ngãi", "bà rịa - vũng tàu"

__all__ = ["UnitSpan", "clean_unit", "extract_assignments", "find_units", "is_group", "mark_places", "mark_tasks",
           "scan_units", "unit_id"]


# --- public ----------------------------------------------------------------------

def extract_assignments(nodes: list[Node], listing: frozenset[str] = frozenset()) -> list[Assignment]:
    """Who leads and who supports each node's work, with the deadline stated there.

    Args:
        nodes: the document tree in order (numbered nodes and pseudo-nodes).
        listing: ids of the rows of data tables (a commune, a procedure, a score): their cells name
            bodies but assign them nothing, so only a labelled field is read there (a published procedure's
            "Cơ quan thực hiện: X", tests/gold NOTES-175 call 2).
    Returns:
        One ``Assignment`` per (node, unit, role), in document order.
    """
    by_id = {n.id: n for n in nodes}
    known = tuple(sorted({m.group("name").strip() for n in nodes for m in P.ESTABLISHED_RE.finditer(n.text or "")},
                         key=len, reverse=True))
    out: list[Assignment] = []
    headed: dict[str, set[str]] = {}  # node id → the units its heading names
    writer = letter_writer(nodes)
    for node in nodes:
        roles = label_roles(own_text(node), known) if node.id in listing else node_roles(node, by_id, known)
        if writer and node.kind != "pseudo" and node.id not in listing:
            roles = [(name, "lead", "subject") for name in commitments(own_text(node), writer)] + roles
        headed[node.id] = {unit_id(clean_unit(name)) for name, _role, rule in roles if rule == "heading"}
        if roles:
            out.extend(_node_assignments(node, roles, _headed_above(node, by_id, headed)))
    return out


def _node_assignments(node: Node, roles: list[tuple[str, str, str]], above: set[str]) -> list[Assignment]:
    """One assignment per (unit, role) of the node's roles; ``above`` are the units the headings above it name."""
    deadline = find_deadline(own_text(node))
    seen: set[tuple[str, str]] = set()
    ids = {(unit_id(clean_unit(n)), r) for n, r, _rule in roles}
    out: list[Assignment] = []
    for name, role, rule in roles:
        unit = clean_unit(name)
        uid = unit_id(unit)
        if not unit or any(r == role and other.startswith(uid + " ") for other, r in ids):
            continue  # "Tổ tiếp công dân" inside "Tổ tiếp công dân, xử lý khiếu nại, …": one body
        if rule == "subject" and (uid in above or _named_by_its_place(uid, above)
                                  or (is_group(unit) and any(a.startswith(uid + " ") for a in above))):
            # "Ủy ban nhân dân xã, phường cung cấp danh sách …" under the heading "Ủy ban nhân dân xã, phường"; "các
            # cơ quan, đơn vị xây dựng báo cáo" under "Trách nhiệm các cơ quan, đơn vị cấp thành phố …": restated
            continue
        if rule == "subject" and (uid, "support") in ids:
            # "phối hợp Ban Quản lý …; các doanh nghiệp và các đơn vị liên quan rà soát …": the
            # units named after "phối hợp" support; they do not also lead the same node.
            continue
        key = (_DETERMINER_RE.sub("", uid), role)  # "các sở, ban, ngành" and "sở, ban, ngành" are one group
        if key in seen:
            continue
        seen.add(key)
        out.append(Assignment(node=node.parent if role_block(node) and node.parent else node.id, unit=unit, unit_id=uid,
                              role=role, deadline=deadline.date if deadline else None,
                              deadline_text=deadline.text if deadline else None, is_group=is_group(unit)))
    return out


def _named_by_its_place(uid: str, above: set[str]) -> bool:
    """ "Kho bạc Nhà nước tỉnh" under the heading "Sở Tài chính và Kho bạc Nhà nước Quảng Ngãi": the body the heading
    names by its province's name, restated with the level word ("tỉnh") instead (tests/gold NOTES-101-104, 103 item 5)."""
    base, _sep, level = uid.rpartition(" ")
    if level != _PROVINCE_WORD or not base:
        return False
    return any(a.startswith(base + " ") and 1 <= len(a[len(base) + 1:].split()) <= _PLACE_WORDS
               and not P.ADMIN_LEVEL_RE.match(a, len(base) + 1) for a in above)


def _headed_above(node: Node, by_id: dict[str, Node], headed: dict[str, set[str]]) -> set[str]:
    """The units the headings above ``node`` name: a child that restates one as its subject adds nothing (tests/gold
    NOTES-70-72 call 4; the heading is not copied down either)."""
    return {uid for above in list(lineage(node, by_id))[1:] for uid in headed.get(above.id, ())}


def mark_places(assignments: list[Assignment], metadata: Metadata | None) -> list[Assignment]:
    """New assignments with ``jurisdiction`` and ``is_group`` set (those of appendix tables too).

    Args:
        assignments: of any source (text, task tables).
        metadata: the document's header: its issuer places the local bodies it names without a place.
    Returns:
        The same assignments, in order, each with where its unit belongs and whether it is a catch-all.
    """
    issuer_place = issuer_jurisdiction(metadata.issuer, metadata.parent_issuer, metadata.place) if metadata else None
    return [a.model_copy(update={"jurisdiction": unit_jurisdiction(a.unit, issuer_place), "is_group": is_group(a.unit)})
            for a in assignments]


def mark_tasks(nodes: list[Node], assignments: list[Assignment] | None = None) -> list[Node]:
    """New nodes with ``task`` set: numbered nodes that ask for work.

    A node is a task when it has an assignment, or when it sits (at any depth) under a
    task section ("NHIỆM VỤ", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG …") and is not
    under MỤC ĐÍCH / YÊU CẦU / MỤC TIÊU. Articles count only through their assignments.
    """
    if assignments is None:
        assignments = extract_assignments(nodes)
    assigned = {a.node for a in assignments}
    by_id = {n.id: n for n in nodes}
    out: list[Node] = []
    for node in nodes:
        task = False
        if node.kind != "pseudo" and not descriptive(node, by_id):
            if node.id in assigned:
                task = True
            elif node.kind != "article":
                task = any(P.TASK_HEADING_RE.search(compare_key(heading_of(above, own_text(above)))[:80])
                           for above in list(lineage(node, by_id))[1:])
        out.append(node.model_copy(update={"task": task}))
    return out


"""Expected objects for table-driven tests (eyecite's ``test_factories.py``).

A row states the fields it expects; every field it does not state is ``ANY`` (not checked). A field
stated as ``None`` is checked to be absent: "impossible-date-dropped" says ``date=None``.
"""

from __future__ import annotations

import datetime as dt

from kehoach.extractors.citations import FoundCitation
from kehoach.extractors.units import extract_assignments
from kehoach.schemas.models import Node


class _Any:
    """A field a row does not care about."""

    def __repr__(self) -> str:
        return "ANY"


ANY = _Any()

# The fields a row compares (offsets and text aside, which tests check on the text itself).
COMPARED = ("ref", "doc_type", "number", "year", "symbol", "date", "issuer", "term", "title", "relation",
            "canonical_ref")


def citation(ref: str, **fields) -> FoundCitation:
    """An expected citation: ``ref`` plus the fields a row states; the others are ``ANY``.

    ``date`` may be given as an ISO string.
    """
    unknown = set(fields) - set(COMPARED) - {"text", "start", "end"}
    if unknown:
        raise TypeError(f"citation() got unknown fields {sorted(unknown)}")
    if isinstance(fields.get("date"), str):
        fields["date"] = dt.date.fromisoformat(fields["date"])
    values = {name: fields.get(name, ANY) for name in COMPARED if name != "ref"}
    return FoundCitation(text=fields.get("text", ""), start=fields.get("start", -1), end=fields.get("end", -1),
                         ref=ref, **values)


def drop_offsets(found: FoundCitation, expected: FoundCitation | None = None) -> dict:
    """The compared fields of ``found``, without offsets and text; with ``expected``, without the fields
    ``expected`` leaves as ``ANY``."""
    return {name: getattr(found, name) for name in COMPARED
            if expected is None or getattr(expected, name) is not ANY}


def assert_found(line: str, found: list[FoundCitation], expected: list[FoundCitation]) -> None:
    """A table row's check: the refs in order, the fields each expected citation states, offsets into ``line``,
    and the text where the row gives it."""
    assert [c.ref for c in found] == [c.ref for c in expected]
    assert [drop_offsets(f, e) for f, e in zip(found, expected)] == [drop_offsets(e, e) for e in expected]
    for f, e in zip(found, expected):
        assert line[f.start:f.end] == f.text
        assert not e.text or f.text == e.text


# --- unit assignments: the nodes a row's line is read in ------------------------------------------------------

TASK_SECTION = "TỔ CHỨC THỰC HIỆN"


def task_nodes(text: str | None, heading: str | None = None, section: str = TASK_SECTION) -> list[Node]:
    """A plan's item "III.1" (with ``heading`` as its title line) under a section headed ``section``."""
    return [Node(id="III", marker="III.", kind="section", heading=section, text=""),
            Node(id="III.1", parent="III", marker="1.", kind="item", heading=heading, text=text)]


def task_roles(text: str | None, heading: str | None = None, section: str = TASK_SECTION) -> list[tuple[str, str]]:
    """(unit, role) of the item read by :func:`task_nodes`."""
    return [(a.unit, a.role) for a in extract_assignments(task_nodes(text, heading, section)) if a.node == "III.1"]


def article_roles(text: str, heading: str = "Tổ chức thực hiện", title: str | None = None) -> list[tuple[str, str]]:
    """(unit, role) of a decision's article "Điều 3" titled ``heading``, in a decision titled ``title``."""
    nodes = [Node(id="Điều 3", marker="Điều 3.", kind="article", heading=heading, text=text)]
    if title is not None:
        nodes.insert(0, Node(id="title", kind="pseudo", text=title))
    return [(a.unit, a.role) for a in extract_assignments(nodes) if a.node == "Điều 3"]


def regulation_roles(text: str, heading: str | None, article: str, chapter: str) -> list[tuple[str, str]]:
    """(unit, role) of item "1" (titled ``heading``) of the article titled ``article`` in the chapter titled ``chapter``
    of a regulation attached to a decision."""
    nodes = [Node(id="Chương II", marker="Chương II", kind="section", heading=chapter, text=""),
             Node(id="Chương II.Điều 5", parent="Chương II", marker="Điều 5.", kind="article", heading=article, text=""),
             Node(id="Chương II.Điều 5.1", parent="Chương II.Điều 5", marker="1.", kind="item", heading=heading, text=text)]
    return [(a.unit, a.role) for a in extract_assignments(nodes) if a.node == "Chương II.Điều 5.1"]


def pseudo_roles(node_id: str, text: str) -> list[tuple[str, str]]:
    """(unit, role) of a pseudo-node ("preamble", "closing")."""
    return [(a.unit, a.role) for a in extract_assignments([Node(id=node_id, kind="pseudo", text=text)])]


def letter_roles(preamble: str, answer: str, heading: str | None = None) -> list[tuple[str, str]]:
    """(unit, role) of a reply letter's numbered answer "1" (titled ``heading``) after its ``preamble``."""
    nodes = [Node(id="preamble", kind="pseudo", text=preamble),
             Node(id="1", marker="1.", kind="item", heading=heading, text=answer)]
    return [(a.unit, a.role) for a in extract_assignments(nodes) if a.node == "1"]

"""Expected objects for table-driven tests (eyecite's ``test_factories.py``).

A row states the fields it expects; every field it does not state is ``ANY`` (not checked). A field
stated as ``None`` is checked to be absent: "impossible-date-dropped" says ``date=None``.
"""

from __future__ import annotations

import datetime as dt

from kehoach.extractors.citations import FoundCitation


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

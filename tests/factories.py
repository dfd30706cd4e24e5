"""Expected objects for table-driven tests (eyecite's ``test_factories.py``).

Defaults describe the common case, so a row states only what differs.
"""

from __future__ import annotations

import datetime as dt

from kehoach.extractors.citations import FoundCitation


def citation(ref: str, **fields) -> FoundCitation:
    """An expected citation: ``ref`` plus the fields a row cares about.

    ``date`` may be given as an ISO string. Offsets and ``text`` default to
    ``None``/"" and are ignored by :func:`drop_offsets`.
    """
    date = fields.pop("date", None)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return FoundCitation(text=fields.pop("text", ""), start=fields.pop("start", -1),
                         end=fields.pop("end", -1), ref=ref, date=date, **fields)


# The fields a row compares; a field left out of the expectation is not checked.
COMPARED = ("ref", "doc_type", "number", "year", "symbol", "date", "issuer", "term", "title", "relation", "canonical_ref")


def drop_offsets(found: FoundCitation, expected: FoundCitation | None = None) -> dict:
    """The fields of ``found`` to compare, without offsets and text.

    With ``expected``, only the fields ``expected`` sets (not None) are kept, so a
    row need not spell out every field.
    """
    values = {name: getattr(found, name) for name in COMPARED}
    if expected is None:
        return values
    return {name: value for name, value in values.items() if getattr(expected, name) is not None}

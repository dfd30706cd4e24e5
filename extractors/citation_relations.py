"""What the citing document does with a cited one: bases itself on it, implements, amends or
replaces it (``Citation.relation``), read from the words before the citation."""

from __future__ import annotations

from kehoach.extractors import citation_patterns as P

_RELATION_LOOKBACK = 160


def relation(text: str, start: int) -> str | None:
    """The relation word of the clause the citation at ``start`` stands in, or None."""
    window_start = max(0, start - _RELATION_LOOKBACK)
    window = text[window_start:start]
    last_break = None
    for last_break in P.CLAUSE_BREAK_RE.finditer(window):
        pass
    if last_break is not None:
        window = window[last_break.end():]
    word = None
    for match in P.RELATION_RE.finditer(window):
        word = match.lastgroup
    return word

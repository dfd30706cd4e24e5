"""Search snippets: the matched words marked in a node's original text."""

from __future__ import annotations

SNIPPET_BEFORE = 50
SNIPPET_AFTER = 110
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "[", "]"
# What SQLite's highlight() puts around a match: control characters no document contains.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def snippet(text: str | None, marked: str | None) -> str | None:
    """The matched words marked in the *original* text (diacritics and đ kept).

    ``marked`` is the folded column with highlight marks; folding is one
    character for one (đ → d), so the marks map straight back onto ``text``.
    """
    from kehoach.pipeline.identity import shorten

    if text is None:
        return None
    if marked is None:
        return shorten(text, 120)
    out: list[str] = []
    first = None
    i = 0
    for ch in marked:
        if ch == MARK_OPEN:
            first = len(out) if first is None else first
            out.append(HIGHLIGHT_OPEN)
        elif ch == MARK_CLOSE:
            out.append(HIGHLIGHT_CLOSE)
        else:
            out.append(text[i] if i < len(text) else ch)
            i += 1
    full = "".join(out)
    start = max(0, (first or 0) - SNIPPET_BEFORE)
    end = min(len(full), (first or 0) + SNIPPET_AFTER)
    if start > 0 and " " in full[start:first]:
        start = full.index(" ", start) + 1
    if end < len(full) and " " in full[first or 0:end]:
        end = full.rindex(" ", first or 0, end)
    piece = " ".join(full[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(full) else "")

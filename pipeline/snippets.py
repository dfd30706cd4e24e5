"""Pieces of a node's text for a result row: a search snippet with the matched words marked,
the sentence that cites a document."""

from __future__ import annotations

from kehoach.pipeline.identity import shorten as _shorten

SNIPPET_BEFORE = 50
SNIPPET_AFTER = 110
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "[", "]"
# What SQLite's highlight() puts around a match: control characters no document contains.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SENTENCE_WIDTH = 300  # characters of a citing sentence


def snippet(text: str | None, marked: str | None) -> str | None:
    """The matched words marked in the *original* text (diacritics and đ kept).

    ``marked`` is the folded column with highlight marks; folding is one
    character for one (đ → d), so the marks map straight back onto ``text``.
    """
    if text is None:
        return None
    if marked is None:
        return _shorten(text, 120)
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


def citing_sentence(text: str | None, start: int, end: int, width: int = SENTENCE_WIDTH) -> str | None:
    """The sentence of ``text`` around ``text[start:end]``: from the end of the sentence before
    (". ", "; ", a line break) to the end of its own, at most ``width`` characters."""
    if text is None or not 0 <= start <= end <= len(text):
        return _shorten(text, width)
    stops = (". ", "; ", "! ", "? ", ".\n", ";\n", "\n")
    before = max((text.rfind(s, 0, start) + len(s) for s in stops if text.rfind(s, 0, start) != -1), default=0)
    after = min((i + 1 for s in stops if (i := text.find(s, end)) != -1), default=len(text))
    sentence = " ".join(text[before:after].split())
    if len(sentence) <= width:
        return sentence
    # Too long: keep the citation in view, cut both sides at words.
    lead = max(0, start - before - width // 3)
    return ("…" if lead else "") + (_shorten(" ".join(text[before + lead:after].split()), width) or "")

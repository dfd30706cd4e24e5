"""Footnotes: the text of footnote [n] joins the node whose text carries the marker [n].

Corpus README ("Footnotes"): its citations are then mentions in that node.
"""

from __future__ import annotations

import re

from kehoach.schemas.models import Node

# "[1] Thông báo kết luận của …": a footnote's text, at a page foot or gathered after the signature.
_FOOTNOTE_TEXT_RE = re.compile(r"^\[(\d{1,3})\]\s*\S")
_FOOTNOTE_MARK = r"(?<!^)\[{}\]"
# A line that opens a footnote's text, its number maybe alone on the line ("[1]" ⏎ "Trong đó: …").
FOOTNOTE_LINE_RE = re.compile(r"^\[\d{1,3}\](?:\s|$)")


def attach_footnotes(nodes: list[Node]) -> list[Node]:
    """Move the text of footnote [n] into the node whose text carries the marker [n].

    A footnote whose marker no node carries stays where it was."""
    notes: list[tuple[str, str, str]] = []  # (number, holder node id, paragraph)
    for node in nodes:
        for para in (node.text or "").split("\n"):
            match = _FOOTNOTE_TEXT_RE.match(para)
            if match:
                notes.append((match.group(1), node.id, para))
    if not notes:
        return nodes
    moves: dict[str, list[str]] = {}  # target node id → paragraphs to append
    taken: set[tuple[str, str]] = set()  # (holder, paragraph) moved away
    for number, holder, para in notes:
        mark = re.compile(_FOOTNOTE_MARK.format(number), re.MULTILINE)
        target = next((n.id for n in nodes if mark.search(n.text or "") or mark.search(n.heading or "")), None)
        if target is None or target == holder:
            continue
        moves.setdefault(target, []).append(para)
        taken.add((holder, para))
    out = []
    for node in nodes:
        paras = [p for p in (node.text or "").split("\n") if (node.id, p) not in taken]
        paras += moves.get(node.id, [])
        text = "\n".join(paras) or None
        out.append(node if text == node.text else node.model_copy(update={"text": text}))
    return out

"""Document tree: numbered nodes and the pseudo-nodes title / preamble / closing.

Placeholder of the foundation issue: Roman sections only.
"""

from __future__ import annotations

import re

from kehoach.schemas.layout import Paragraph
from kehoach.schemas.models import Node

_ROMAN_RE = re.compile(r"^(?P<marker>[IVXLC]{1,6})\.\s*(?P<rest>.*)$")


def extract_nodes(paragraphs: list[Paragraph], *, title_count: int = 0) -> list[Node]:
    """Nodes in document order; the first ``title_count`` paragraphs are the title block."""
    nodes: list[Node] = []
    if title_count:
        title = paragraphs[:title_count]
        nodes.append(Node(id="title", kind="pseudo", text="\n".join(p.text for p in title), page=title[0].page))
    current: Node | None = None
    preamble: list[Paragraph] = []
    for para in paragraphs[title_count:]:
        match = _ROMAN_RE.match(para.text)
        if match:
            current = Node(id=match.group("marker"), marker=match.group("marker") + ".", kind="section",
                           heading=match.group("rest") or None, text=para.text, page=para.page)
            nodes.append(current)
        elif current is None:
            preamble.append(para)
        else:
            current.text = f"{current.text}\n{para.text}"
    if preamble:
        nodes.insert(1 if title_count else 0, Node(id="preamble", kind="pseudo",
                                                   text="\n".join(p.text for p in preamble), page=preamble[0].page))
    return nodes

"""A letter's writer and its own commitments: "Cục Thuế sẽ cập nhật …" in a numbered answer.

A reply letter (Công văn) names its writer where it opens its answer: "Về vấn đề này, Cục Thuế có ý kiến như sau:".
In the numbered answers that follow, the writer as the subject of a future act ("Theo đó, Cục Thuế sẽ cập nhật …",
"Cục Thuế ghi nhận vướng mắc … và sẽ bổ sung chỉ tiêu này …") commits itself to work: it leads that item
(tests/gold NOTES-80-82 call 5). What it states of the present ("Cục Thuế trả lời để … biết") commits it to nothing.
"""

from __future__ import annotations

import re

from kehoach.extractors.unit_names import scan_units
from kehoach.schemas.models import Node

# "… có ý kiến như sau:", "… trả lời như sau:", "… có ý kiến trả lời như sau:": the writer opens its answer.
_ANSWER_RE = re.compile(r"\s+(?:xin\s+)?(?:có\s+ý\s+kiến(?:\s+trả\s+lời)?|trả\s+lời|hướng\s+dẫn)\s+như\s+sau\s*:")
# Where the writer may open a clause: the text's start, a sentence or line start, a linking lead-in ("Theo đó,").
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[.;:!?]\s*|\n\s*(?=[-+•]))(?:[-+•]\s+)?"
                             r"(?:(?:Theo\s+đó|Do\s+đó|Vì\s+vậy|Vì\s+thế|Đồng\s+thời|Ngoài\s+ra|Tuy\s+nhiên|Trên\s+cơ\s+sở\s+đó)"
                             r"\s*,\s*)?$")
_FUTURE_RE = re.compile(r"(?<![\w])sẽ\s+(?=[a-zđà-ỹ])")
_SENTENCE_END_RE = re.compile(r"\.(?:\s|$)|;|\n\s*[-+•]")
_LOOK_BACK = 80


def letter_writer(nodes: list[Node]) -> str | None:
    """The body that writes a letter, as its preamble names it before its answer ("Cục Thuế có ý kiến như sau:")."""
    preamble = next((n for n in nodes if n.id == "preamble"), None)
    text = preamble.text or "" if preamble else ""
    answer = _ANSWER_RE.search(text)
    if not answer:
        return None
    clause = re.split(r"[.,;:]", text[:answer.start()])[-1].strip()
    spans = scan_units(clause, 0)
    if len(spans) != 1 or spans[0].start != 0 or spans[0].end != len(clause):
        return None
    return spans[0].text


def commitments(body: str, writer: str) -> list[str]:
    """The writer, once, when it opens a clause of ``body`` whose sentence says what it will do ("sẽ")."""
    name_re = re.compile(r"\s+".join(map(re.escape, writer.split())) + r"(?![\w])")
    for m in name_re.finditer(body):
        if not _CLAUSE_OPEN_RE.search(body[max(0, m.start() - _LOOK_BACK):m.start()]):
            continue
        end = _SENTENCE_END_RE.search(body, m.end())
        if _FUTURE_RE.search(body, m.end(), end.start() if end else len(body)):
            return [body[m.start():m.end()]]
    return []

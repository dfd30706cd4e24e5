"""Delegation and decentralisation: the bodies a document hands a power to, each of whom leads.

A decision on phân cấp or ủy quyền (Luật Tổ chức chính quyền địa phương 72/2025/QH15, Điều 13-14) names its
delegates in three ways, and the gold reads each as a lead (tests/gold NOTES-53-55 call 11, NOTES-60-63 call 2,
NOTES-64-67 call 4, NOTES-73-76 call 1):

- "Phân cấp cho X quyết định …", "Ủy quyền cho X …" opening a sentence: read with the requests
  (``unit_patterns.REQUEST_RE``);
- "Ủy ban nhân dân thành phố phân cấp thẩm quyền quyết định … cho X": the body after "cho" (:func:`delegate_units`);
- "X quyết định tiêu chuẩn, định mức …" inside an article about phân cấp: X holds the power the article confers
  (:func:`delegation_context` tells the subject rule that "quyết định" is then a task, not a petition upwards).
"""

from __future__ import annotations

import re

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.fold import compare_key
from kehoach.extractors.unit_headings import lineage
from kehoach.extractors.unit_names import scan_category, scan_units
from kehoach.extractors.unit_scan import scan_name
from kehoach.schemas.models import Node

# Headings of an article or a section that confers powers (on compare keys: lower case, new tone placement).
# Not a power already handed down ("Thu hồi … thẩm quyền đã phân cấp"): that article governs the delegation itself.
_DELEGATION_HEADING_RE = re.compile(r"(?<![\w])(?<!đã )(?<!được )(?:phân cấp|ủy quyền|phân quyền)(?![\w])")
# The power a delegate holds: "X quyết định tiêu chuẩn …", "X quyết định việc trang bị …".
DECIDES_RE = re.compile(r"quyết\s+định(?![\w])")
# The verb of a body handing its power down: "… phân cấp thẩm quyền …", "… ủy quyền …" (not "được phân cấp"); the
# lookahead holds the verbs' first letters, so that a scan tries the rest only where one stands.
_DELEGATING_VERB_RE = re.compile(r"(?=[pủu])(?<![\w])(?<!được\s)(?<!không\s)(?<!việc\s)(?:phân\s+cấp|[ủu][yỷ]\s+quyền)(?![\w])")
_TO_RE = re.compile(r"(?<![\w])cho\s+")
_AND_RE = re.compile(r"\s*(?:,\s*và|,|;|và)\s+")
_SENTENCE_START_RE = re.compile(r"(?:^|\n|[.!?]\s)\s*(?:[-+•]\s+)?")
# A sentence runs over wrapped lines; it ends at a full stop or at a bullet line.
_SENTENCE_END_RE = re.compile(r"\.(?:\s|$)|\n\s*[-+•]")


def delegation_context(node: Node, by_id: dict[str, Node]) -> bool:
    """The node or a node above it is headed as conferring powers ("Phân cấp thẩm quyền quyết định …"), or the
    whole document is a decision that does ("QUYẾT ĐỊNH Phân cấp thẩm quyền quyết định …": its title)."""
    title = by_id.get("title")
    return any(_DELEGATION_HEADING_RE.search(compare_key(current.heading or "")) for current in lineage(node, by_id)) or (
        title is not None and _DELEGATION_HEADING_RE.match(compare_key(title.text or "")) is not None)


def delegate_units(body: str, known: tuple[str, ...] = ()) -> list[str]:
    """The delegates of "<body> phân cấp/ủy quyền … cho X" sentences: the verb follows its subject, a body's
    name, and X is the first body after "cho" in the same sentence."""
    found: list[str] = []
    for verb in _DELEGATING_VERB_RE.finditer(body):
        start = max((m.end() for m in _SENTENCE_START_RE.finditer(body, 0, verb.start())), default=0)
        subject_end = scan_name(body, start, known)
        if subject_end is None or body[subject_end:verb.start()].strip():
            continue  # "Quyết định này quy định phân cấp …": the verb has no body for its subject
        stop = _SENTENCE_END_RE.search(body, verb.end())
        to = _TO_RE.search(body, verb.end(), stop.start() if stop else len(body))
        if to and P.UNIT_START_RE.match(body, to.end()):
            found.extend(span.text for span in scan_units(body, to.end(), known))
        elif to:
            found.extend(_categories_then_units(body, to.end(), known))
    return found


def _categories_then_units(body: str, pos: int, known: tuple[str, ...]) -> list[str]:
    """Delegates named as a collective without a determiner, perhaps with bodies after it: "phân cấp cho cơ quan nhà
    nước, đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân thành phố và Chủ tịch Ủy ban nhân dân cấp xã …"."""
    category = scan_category(body, pos, known)
    if not category:
        return []
    more = _AND_RE.match(body, category[0].end)
    rest = scan_units(body, more.end(), known) if more and P.UNIT_START_RE.match(body, more.end()) else []
    return [span.text for span in category + rest]

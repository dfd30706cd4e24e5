"""Roles stated in one node's text: who leads (chủ trì) and who supports (phối hợp).

:func:`node_roles` reads a node's heading (``unit_headings``), its labelled fields ("Đơn vị chủ trì: X"), the
subjects of its task sentences, its requests ("Giao X", "Đề nghị X") and its supports ("phối hợp với X",
"cùng X"); the names come from ``unit_names``.
"""

from __future__ import annotations

import re

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.closing import REQUEST_START_RE
from kehoach.extractors.markers import BULLET_LEAD_RE, strip_marker
from kehoach.extractors.unit_addressees import execution_roles
from kehoach.extractors.unit_delegation import delegate_units, delegation_context
from kehoach.extractors.unit_headings import (
    descriptive,
    heading_of,
    heading_roles,
    in_article,
    kept_heading,
    own_text,
    role_block,
    rules_kind,
    title_kept_out,
)
from kehoach.extractors.unit_keys import unit_id
from kehoach.extractors.unit_names import scan_units
from kehoach.extractors.unit_subjects import (
    Reading,
    Role,
    asked_on_a_condition,
    clause_starts,
    conditional_route,
    line_at,
    named_body,
    subject_roles,
)
from kehoach.schemas.models import Node

# Where a sentence ends inside a paragraph: a full stop before the next word (not "./." at the very end).
_SENTENCE_SPLIT_RE = re.compile(r"(?<=\.)\s+(?=[A-ZĐ])")


# --- roles in one node ----------------------------------------------------------

def _block_value(body: str, pos: int) -> str:
    """The dash lines under a role sub-heading ("Cơ quan chủ trì⏎- Sở Tài chính;⏎- Sở Nội vụ."), one per item."""
    items = []
    for line in body[pos:].split("\n"):
        bullet = BULLET_LEAD_RE.match(line)
        if not bullet or not line.strip():
            break
        items.append(line[bullet.end():].strip().rstrip(";."))
    return "; ".join(items)


def _label_value(body: str, pos: int) -> str:
    """The value of a labelled field up to "." or the line end; a value wrapped over lines
    ("Đơn vị chủ trì thực hiện: *Các⏎Sở, ngành, đơn vị") goes on while the next line
    starts in lower case or the value so far is one or two words."""
    out = ""
    while True:
        stop = re.compile(r"[.\n]").search(body, pos)
        out += body[pos: stop.start() if stop else len(body)]
        if not stop or body[stop.start()] == ".":
            return out
        nxt = body[stop.end():stop.end() + 1]
        if not nxt or not (nxt.islower() or len(out.replace("*", " ").split()) <= 2) or nxt in "-+•*" \
                or re.match(r"[a-zđ]\)|\d+[.)]", body[stop.end():stop.end() + 3]):
            return out
        out += " "
        pos = stop.end()


def node_roles(node: Node, by_id: dict[str, Node], known: tuple[str, ...] = ()) -> list[Role]:
    """(unit, role, rule) triples stated in one node's own text, in order.

    Rules: ``heading`` (a unit heading the node), ``execution`` (the addressees of "… chịu trách nhiệm thi
    hành"), ``label`` ("Đơn vị chủ trì: X"), ``subject`` (the subject of a task sentence), ``request`` ("Giao X",
    "Đề nghị X"), ``support`` ("phối hợp với X").
    """
    body = own_text(node)
    if not body.strip() and not node.heading:
        return []
    if node.id == "title":
        return []
    if node.id == "preamble":
        return _preamble_roles(body, known)
    pseudo = node.kind == "pseudo"
    if not pseudo and descriptive(node, by_id):
        return []
    found: list[Role] = []
    skip_to = 0
    if role_block(node):
        # "a) Cơ quan chủ trì⏎- Sở A⏎- Sở B": the sub-heading is the label of the lines under it.
        heading = (node.heading or "").strip().rstrip(":")
        joiner = "\n" if BULLET_LEAD_RE.match(body.lstrip()) else ": "
        return label_roles(heading + joiner + body.lstrip(), known)
    names: list[str] = []
    delegated = not pseudo and delegation_context(node, by_id)
    # A delegation's articles ("Thẩm quyền quyết định …" under "PHÂN CẤP …") hand powers: their holders lead.
    kind = None if pseudo or delegated else rules_kind(node, by_id)
    rules, named_duties = kind is not None, kind == "regulation"
    if not pseudo:
        names, body, skip_to = _heading_names(node, body, rules, named_duties)
    label = P.PROPOSAL_LABEL_RE.match(body)
    label_end = label.end() if label and not pseudo else 0  # "Về đề nghị X …: <answer>": the answer assigns
    skip_to = max(skip_to, label_end)
    addressees, lists = _execution(node, body, known)
    if names and any(start <= 1 for start, _end in lists):
        names, skip_to = [], 0  # the heading is the start of the addressee list: the list names them all
    found.extend((name, "lead", "heading") for name in names)
    title = title_kept_out(node, body)  # a title line the text does not repeat, read for what it states too
    if title and not names:
        # a title line that is a request or a delegation: "3. Trong thời gian tới, yêu cầu các bộ, ngành tập trung …",
        # "1. Ủy ban nhân dân tỉnh phân cấp thẩm quyền cho Sở Tư pháp …"
        found.extend((name, "lead", "request")
                     for name in _request_units(title, 0, False, known) + delegate_units(title, known))
    found.extend((name, "lead", "execution") for name in addressees)
    found.extend((name, "lead", "heading") for name in _duty_lines(body, known))
    found.extend(label_roles(body, known))
    reading = Reading(known=known, pseudo=pseudo, lists=tuple(lists),
                      levels=not in_article(node, by_id),  # "Thành phố hỗ trợ 50% thuế …" in a regulation is a policy
                      delegated=delegated, explicit=rules, named_duties=named_duties)
    found.extend(_not_directed(subject_roles(body, skip_to, reading), body, known))
    found.extend((name, "lead", "request") for name in _request_units(body, skip_to, pseudo, known))
    found.extend((name, "lead", "request") for name in delegate_units(body[skip_to:], known))
    found.extend((name, "lead", "subject") for name in ([] if pseudo else _funded_units(body, known)))
    if not pseudo:
        found.extend((name, "support", "support")
                     for name in _support_units(title, known) + _support_units(body[label_end:], known))
    elif node.id == "closing":
        found.extend((name, "support", "support") for name in _requested_supports(body, known))
    return found


def _requested_supports(body: str, known: tuple[str, ...]) -> list[str]:
    """In a closing, the partners of a sentence that hands out work: a letter's last request ("Đề nghị Thuế tỉnh
    Nghệ An phối hợp với các cơ quan chức năng của địa phương …"), a request a leader makes ("…, Chủ tịch UBND tỉnh
    giao Sở X chủ trì, phối hợp với …"), or the addressees' own task ("Căn cứ Chỉ thị này, Thủ trưởng các sở …
    xây dựng kế hoạch cụ thể, phối hợp chặt chẽ với Sở Giáo dục và Đào tạo …"); a reporting route on a condition
    ("nếu có vướng mắc, … phối hợp …") is not."""
    found: list[str] = []
    for paragraph in body.split("\n"):
        for sentence in _SENTENCE_SPLIT_RE.split(paragraph.strip()):
            if REQUEST_START_RE.match(sentence) and not conditional_route(sentence, len(sentence) - 1):
                found.extend(_support_units(sentence, known))
            elif (_request_units(sentence, 0, True, known, subject_first=True)
                  or subject_roles(sentence, 0, Reading(known=known, pseudo=True))):
                found.extend(name for name in _support_units(sentence, known)
                             if not conditional_route(sentence, sentence.find(name)))
    return found


def _led_supports(body: str, known: tuple[str, ...]) -> list[str]:
    """In a preamble, the partners of a request a body or a title makes: "…, Chủ tịch UBND tỉnh giao Sở Thông tin
    và Truyền thông chủ trì, phối hợp với các cơ quan, đơn vị, địa phương liên quan …" (a letter with no numbered
    items states its one task there)."""
    found: list[str] = []
    for sentence in _SENTENCE_SPLIT_RE.split(body):
        if _request_units(sentence, 0, True, known, subject_first=True):
            found.extend(_support_units(sentence, known))
    return found


def _heading_names(node: Node, body: str, rules: bool, named_duties: bool) -> tuple[list[str], str, int]:
    """The units the node's heading names (``heading_roles``); none where the text states rules, unless the heading
    itself has a lead marker: "Ủy ban nhân dân xã, phường: Xét tối đa 15 tập thể" is a quota, not a task. In a
    regulation's chapter that is no contest's rules, an article titled by one named body ("Điều 8. Hội đồng Thi đua
    - Khen thưởng tỉnh") sets out that body's duties (tests/gold NOTES-163 call 2)."""
    names, body, skip_to = heading_roles(node, body)
    if rules and names and not P.LEAD_VERB_RE.search(heading_of(node, body)) \
            and not (skip_to and P.LEAD_VERB_RE.match(body.lstrip()[skip_to:].lstrip(" ,"))) \
            and not (named_duties and node.kind == "article" and all(named_body(n) for n in names)):
        return [], body, 0  # not "Các cơ quan, đơn vị … có liên quan đến việc thoát nước | có trách nhiệm phối hợp"
    return names, body, skip_to


# A unit the node directs, the direction opening its sentence: "Chỉ đạo các Ngân hàng thương mại …".
_DIRECTS_RE = re.compile(r"(?=[Cc]hỉ)(?:^|(?<=\n)|(?<=[.;:]\s)|(?<=[-+•]\s))[Cc]hỉ\s+đạo\s+")


def _not_directed(subjects: list[Role], body: str, known: tuple[str, ...]) -> list[Role]:
    """The subjects that are not units the node directs: "Chỉ đạo các Ngân hàng thương mại … cụ thể như sau: - Các
    ngân hàng thương mại tham gia …" spells out the directed unit's part, which is not its own assignment (tests/gold
    NOTES-50-52 call 5, NOTES-70-72 call 5)."""
    directed = {unit_id(span.text) for m in _DIRECTS_RE.finditer(body) for span in scan_units(body, m.end(), known)}
    if not directed:
        return subjects
    return [role for role in subjects if not any(_same_or_within(unit_id(role[0]), d) for d in directed)]


_PLACE_QUALIFIER_RE = re.compile(r"(?:trên\s+địa\s+bàn|thuộc|trực\s+thuộc|tại|của|ở|có\s+liên\s+quan|liên\s+quan)(?![\w])")


def _same_or_within(a: str, b: str) -> bool:
    """One unit, perhaps with a qualifier: "các ngân hàng thương mại" and "… trên địa bàn" (not "Ban Chỉ đạo" and "Ban
    Chỉ đạo phát triển du lịch")."""
    shorter, longer = sorted((a, b), key=len)
    return a == b or (longer.startswith(shorter + " ") and _PLACE_QUALIFIER_RE.match(longer, len(shorter) + 1) is not None)


# The lead-in of a letter's opinion or direction: "… có ý kiến như sau:", "… ý kiến chỉ đạo như sau:".
_OPINION_RE = re.compile(r"(?:ý\s+kiến(?:\s+chỉ\s+đạo)?|chỉ\s+đạo|kết\s+luận)\s+như\s+sau\s*:\s*\n")
# The leaders whose opinion a letter conveys as direction (Quy chế làm việc của Chính phủ: the Prime Minister and
# Deputy Prime Ministers; a committee's chair; a minister).
_LEADER_RE = re.compile(r"(?:Thủ\s+tướng|Chủ\s+tịch|Bộ\s+trưởng|Bí\s+thư)[^.;:\n]*$")
_QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")


def _preamble_roles(body: str, known: tuple[str, ...]) -> list[Role]:
    """A preamble's requests made by a body or a title ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …"), and,
    in a letter whose body has no numbered items, every rule over the opinion after its lead-in ("Phó Thủ tướng
    Chính phủ có ý kiến như sau:" ⏎ "Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Quốc phòng …"): that
    text is the letter's direction, though it sits in the preamble (tests/gold NOTES-60-63 call 1)."""
    found = [(name, "lead", "request") for name in _request_units(body, 0, True, known, subject_first=True)]
    found.extend((name, "lead", "request") for name in _directed_addressees(body, known))
    found.extend((name, "support", "support") for name in _led_supports(body, known))
    lead_in = _OPINION_RE.search(body)
    if not lead_in:
        return found
    # Provisions quoted in the opinion ("Tại khoản 7 Điều 39 Nghị định … quy định: “…”") are the law's, not tasks.
    opinion = _QUOTED_RE.sub(lambda m: " " * len(m.group(0)), body[lead_in.end():])
    found.extend((name, "lead", "request") for name in _request_units(opinion, 0, False, known))
    if _LEADER_RE.search(body, max(0, lead_in.start() - 120), lead_in.start()):
        # a leader's direction ("Phó Thủ tướng Chính phủ … có ý kiến như sau:"), not a body's reading of the law
        found.extend(subject_roles(opinion, 0, Reading(known=known)))
        found.extend((name, "support", "support") for name in _support_units(opinion, known))
    return found


def _funded_units(body: str, known: tuple[str, ...]) -> list[str]:
    """The bodies funds are laid out for, to do the work: "Bố trí kinh phí … để Ủy ban nhân dân huyện An Hòa thực hiện
    khắc phục hậu quả thiên tai" — the subject of the task clause, before its verb."""
    found: list[str] = []
    for m in P.FUNDED_RE.finditer(body):
        spans = scan_units(body, m.end(), known)
        verb = P.PREDICATE_RE.match(body[spans[-1].end:].lstrip()) if spans else None
        if verb and verb.group(0) not in P.PREPOSITIONS:
            found.extend(sp.text for sp in spans)
    return found


def _directed_addressees(body: str, known: tuple[str, ...]) -> list[str]:
    """The addressees of a directive's instruction in its lead-in, made by a body or a title ("Để …, Ủy ban nhân dân
    tỉnh chỉ thị các sở, ban ngành; Ủy ban nhân dân các huyện, thành phố; … triển khai thực hiện …"): the same speech
    act as "yêu cầu X"."""
    found: list[str] = []
    for m in P.DIRECTIVE_VERB_RE.finditer(body):
        if P.CLAUSE_SUBJECT_RE.search(body[max(0, m.start() - 120):m.start()]):
            found.extend(sp.text for sp in scan_units(body, m.end(), known))
    return found


def _execution(node: Node, body: str, known: tuple[str, ...]) -> tuple[list[str], list[tuple[int, int]]]:
    """The addressees of the node's execution sentences and the spans of their lists; a list that begins in
    the heading is read from there."""
    addressees, lists = execution_roles(body, known)
    head = kept_heading(node, body)
    if head and any(start == 0 for start, _end in lists):
        # The structure stage drops the heading's final ";": a text that opens with another addressee
        # ("Chánh Văn phòng UBND tỉnh" | "Giám đốc Sở …") is a new item, one that does not goes on with it.
        rest = body.lstrip()
        joiner = "; " if P.UNIT_START_RE.match(rest) else " "
        addressees = execution_roles(head + joiner + rest, known)[0] or addressees
    return addressees, lists


def _duty_lines(body: str, known: tuple[str, ...]) -> list[str]:
    """The bodies of sub-heading lines inside the text that give a body its duties ("2. Trách nhiệm của Ủy ban
    nhân dân cấp xã" in an amendment's quoted article, tests/gold NOTES-53-55 call 11; "Nhiệm vụ của Tổ công
    tác:"), as a unit heading a node does."""
    found: list[str] = []
    for line in body.split("\n")[1:]:
        line = strip_marker(line.strip().lstrip("“\"").strip()).rstrip(" :.”\"")
        duty = P.HEADING_OF_RE.match(line)
        if not duty:
            continue
        spans = scan_units(line, duty.end(), known)
        if spans and spans[-1].end >= len(line):
            found.extend(sp.text for sp in spans)
    return found


def label_roles(body: str, known: tuple[str, ...]) -> list[Role]:
    """Labelled fields: "Đơn vị chủ trì: X", "Cơ quan phối hợp: X; Y"."""
    found: list[Role] = []
    for m in P.LABEL_RE.finditer(body):
        role = "lead" if m.group("lead") else "support"
        value = _block_value(body, m.end()) if m.group("block") else _label_value(body, m.end())
        for item in re.split(r"\s*;\s*", value):
            item = item.strip().lstrip("*").strip()
            spans = scan_units(item, 0, known)
            if spans:
                found.extend((s.text, role, "label") for s in spans)
            elif P.UNIT_START_RE.match(item):
                found.append((P.TRAILING_RE.sub("", item), role, "label"))
    return found


# A request that goes on from the one before it, by the same speaker: "…; đồng thời giao Sở Nội vụ …".
_SAME_SPEAKER_RE = re.compile(r"[;,]\s*(?:đồng\s+thời|và)\s*,?\s*$")


def _request_units(body: str, skip_to: int, pseudo: bool, known: tuple[str, ...],
                   subject_first: bool = False) -> list[str]:
    """Requests: "Đề nghị X …", "Giao X …"; with ``subject_first`` (a preamble) only those a body or a
    title makes ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …")."""
    found: list[str] = []
    lead_ins: set[int] | None = None  # found when a "yêu cầu" needs them: most bodies have none
    for m in P.REQUEST_RE.finditer(body):
        if m.start() < skip_to and not pseudo:
            continue
        if subject_first and not P.CLAUSE_SUBJECT_RE.search(body[max(0, m.start() - 120):m.start()]) and not (
                found and _SAME_SPEAKER_RE.search(body, max(0, m.start() - 20), m.start())):
            continue  # "…, UBND tỉnh giao Sở A …; đồng thời giao Sở B …": the second request is the same body's
        if m.group(0).startswith("yêu") and not pseudo:
            if lead_ins is None:
                lead_ins = {s for s, group in clause_starts(body) if group >= 0}
            if not (_asked_after_lead_in(body, m.start(), lead_ins) or asked_on_a_condition(body, m.start())):
                continue  # "hướng dẫn, yêu cầu các đơn vị khắc phục" inside a task: directed units
        if pseudo and conditional_route(body, m.start()):
            continue
        before = body[max(0, m.start() - 12): m.start()]
        if P.REQUEST_NOT_RE.search(before) or P.REQUEST_OBJECT_NOT_RE.match(body, m.end()):
            continue
        if m.group(0).lower().startswith("yêu") and P.REGULATED_PARTY_RE.match(body, m.end()):
            continue
        if P.NOT_ASSIGNMENT_LINE_RE.match(line_at(body, m.start())):
            continue
        honorific = P.HONORIFIC_RE.match(body[m.end():])
        spans = scan_units(body, m.end() + (honorific.end() if honorific else 0), known)
        if spans and P.PETITION_RE.match(body, spans[-1].end) and not m.group(0).lower().startswith("giao"):
            # "đề nghị Bộ trưởng … xem xét, quyết định": a petition upwards, not work handed down; "giao X xem xét
            # đề xuất …" hands it down
            continue
        found.extend(sp.text for sp in spans)
    return found


def _asked_after_lead_in(body: str, pos: int, lead_ins: set[int]) -> bool:
    """ "Để bảo đảm tiến độ …, yêu cầu Bộ Y tế, … tiếp tục", "Trong thời gian tới, yêu cầu các bộ, ngành …": the
    request opens the main clause after a lead-in clause, in the document's own voice (tests/gold NOTES-60-63
    call 5) — not a verb in a list of the unit's own tasks ("hướng dẫn, yêu cầu các đơn vị khắc phục")."""
    if pos not in lead_ins:
        return _asked_after_purpose(body, pos)
    chunk = body[body.rfind(",", 0, pos - 2) + 1:pos].strip(" ,")
    return not P.PREDICATE_RE.match(chunk)


_PURPOSE_RE = re.compile(r"(?<![\w])(?:Để|Nhằm)\s")  # a purpose lead-in opening a sentence


def _asked_after_purpose(body: str, pos: int) -> bool:
    """ "Để đẩy nhanh tiến độ …; đảm bảo giải ngân …; yêu cầu Thủ trưởng các sở …": a purpose lead-in whose clauses
    run over semicolons, then the request in the document's own voice, in the same sentence."""
    start = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos)) + 1
    return body[:pos].rstrip().endswith(";") and _PURPOSE_RE.search(body, start, pos) is not None


def _support_units(body: str, known: tuple[str, ...]) -> list[str]:
    """Supports: "phối hợp (với) X", "cùng X"."""
    found: list[str] = []
    for m in P.SUPPORT_RE.finditer(body):
        if P.NOT_ASSIGNMENT_LINE_RE.match(line_at(body, m.start())):
            continue
        if m.group(0).lower().startswith("cùng") and body[:m.start()].rstrip().endswith(("phối hợp", "Phối hợp")):
            continue
        found.extend(sp.text for sp in scan_units(body, m.end(), known))
    return found

"""Roles stated in one node's text: who leads (chủ trì) and who supports (phối hợp).

:func:`node_roles` reads a node's heading (``unit_headings``), its labelled fields ("Đơn vị chủ trì: X"), the
subjects of its task sentences, its requests ("Giao X", "Đề nghị X") and its supports ("phối hợp với X",
"cùng X"); the names come from ``unit_names``.
"""

from __future__ import annotations

import re

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.markers import BULLET_LEAD_RE, strip_marker
from kehoach.extractors.unit_addressees import execution_roles
from kehoach.extractors.unit_delegation import DECIDES_RE, delegate_units, delegation_context
from kehoach.extractors.unit_headings import (
    descriptive,
    heading_roles,
    in_article,
    kept_heading,
    own_text,
    role_block,
    title_kept_out,
)
from kehoach.extractors.unit_keys import is_group
from kehoach.extractors.unit_names import UnitSpan, scan_category, scan_units
from kehoach.schemas.models import Node

# A run-in subject: a colon, then the task in lower case starting with its verb.
_RUN_IN_RE = re.compile(rf":\s*(?:{P.PREDICATE_WORDS})(?![\w])", re.VERBOSE)
_OBJECT_VERB_END_RE = re.compile(r"(?<![\w])(?:trình|gửi|báo\s+cáo|tham\s+mưu|đề\s+nghị|giao|cho|của|với|và)$")
# What may stand between a subject and its "chịu trách nhiệm": a qualifier, not a clause
# ("các ông (bà) có tên tại Điều 1 chịu trách nhiệm", not "Các Bộ thống nhất chỉ có một cơ quan chủ trì").
_QUALIFIER_RE = re.compile(r"\s*(?:có\s+tên|được\s+(?:giao|phân\s+công|nêu)|nêu\s+tại|tại|thuộc|trực\s+thuộc|có\s+liên\s+quan|liên\s+quan|(?:tới|đến)\s+việc|được)(?![\w])")
# A qualifier that describes the group rather than names it: the name stays as scanned
# ("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm").
# The lead-in of a letter's opinion or direction: "… có ý kiến như sau:", "… ý kiến chỉ đạo như sau:".
_OPINION_RE = re.compile(r"(?:ý\s+kiến(?:\s+chỉ\s+đạo)?|chỉ\s+đạo|kết\s+luận)\s+như\s+sau\s*:\s*\n")
# The leaders whose opinion a letter conveys as direction (Quy chế làm việc của Chính phủ: the Prime Minister and
# Deputy Prime Ministers; a committee's chair; a minister).
_LEADER_RE = re.compile(r"(?:Thủ\s+tướng|Chủ\s+tịch|Bộ\s+trưởng|Bí\s+thư)[^.;:\n]*$")
_QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
_DESCRIBING_RE = re.compile(r"\s*(?:tới|đến)\s+việc(?![\w])")
_RESPONSIBLE_RE = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm(?![\w])")
_COMPETENT_RE = re.compile(r"có\s+thẩm\s+quyền(?![\w])")
# A subject that was handed a power or a task: "… được phân cấp thẩm quyền …", "… được giao quản lý …".
_LONG_QUALIFIER = 160
_PASSIVE_RE = re.compile(r"\s*được\s+(?:giao|phân\s+cấp|phân\s+công|[ủu][yỷ]\s+quyền)(?![\w])")


# --- roles in one node ----------------------------------------------------------

_SENTENCE_START_RE = re.compile(r"(?:\n|[.;:!?]\s)\s*(?:[-+•*–]\s+)?")
_SEGMENT_END_RE = re.compile(r"[.;:\n]")
_SPACES_RE = re.compile(r"\s*")


def _clause_starts(text: str) -> list[tuple[int, int]]:
    """(offset, group) where a clause may begin with its subject.

    Group -1: a sentence or bullet start. After a lead-in clause ("Căn cứ …, X lập",
    "Trên cơ sở đề nghị của Y, X chủ trì") each comma is a candidate of one group, named by
    where the lead-in starts; the first candidate that yields a subject ends the group.
    """
    # A line after one that ends on a verb wanting its object ("Ký phê duyệt kết quả, trình⏎UBND tỉnh phê
    # duyệt") goes on with that sentence: no clause starts there.
    plain = {0} | {m.end() for m in _SENTENCE_START_RE.finditer(text)
                   if not (m.group(0).startswith("\n") and _OBJECT_VERB_END_RE.search(text, 0, m.start()))}
    plain |= {m.end() for m in re.finditer(r"\sthì\s+", text)}
    out = [(p, -1) for p in plain if p < len(text)]
    for s in sorted(plain):
        intro = P.INTRO_RE.match(text, s)
        if not intro:
            continue
        nxt = _SEGMENT_END_RE.search(text, s)
        seg_end = nxt.start() if nxt else len(text)
        # "Sau khi Bộ trưởng Bộ Y tế, Bộ trưởng Bộ Giáo dục và Đào tạo quy định …, Sở Y tế … quyết định": the
        # lead-in's own subjects are listed with commas too; those commas open no clause
        listed = {span.start for span in scan_units(text, _SPACES_RE.match(text, intro.end()).end())[1:]}
        out.extend((s + c.end(), s) for c in re.finditer(r",\s+", text[s:seg_end]) if s + c.end() not in listed)
    return sorted(out)


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


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


Role = tuple[str, str, str]  # (unit as written, lead | support, the rule that found it)


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
        return _label_roles(heading + joiner + body.lstrip(), known)
    names: list[str] = []
    if not pseudo:
        names, body, skip_to = heading_roles(node, body)
    label = P.PROPOSAL_LABEL_RE.match(body)
    label_end = label.end() if label and not pseudo else 0  # "Về đề nghị X …: <answer>": the answer assigns
    skip_to = max(skip_to, label_end)
    addressees, lists = _execution(node, body, known)
    if names and any(start <= 1 for start, _end in lists):
        names, skip_to = [], 0  # the heading is the start of the addressee list: the list names them all
    found.extend((name, "lead", "heading") for name in names)
    title = title_kept_out(node, body)  # a title line the text does not repeat, read for what it states too
    if title and not names:
        # a title line that is a request: "3. Trong thời gian tới, yêu cầu các bộ, ngành tập trung …"
        found.extend((name, "lead", "request") for name in _request_units(title, 0, False, known))
    found.extend((name, "lead", "execution") for name in addressees)
    found.extend((name, "lead", "heading") for name in _duty_lines(body, known))
    found.extend(_label_roles(body, known))
    levels = not in_article(node, by_id)  # "Thành phố hỗ trợ 50% thuế …" in a regulation states a policy
    delegated = not pseudo and delegation_context(node, by_id)
    found.extend(_subject_roles(body, skip_to, pseudo, known, lists, levels, delegated))
    found.extend((name, "lead", "request") for name in _request_units(body, skip_to, pseudo, known))
    found.extend((name, "lead", "request") for name in delegate_units(body[skip_to:], known))
    if not pseudo:
        found.extend((name, "support", "support")
                     for name in _support_units(title, known) + _support_units(body[label_end:], known))
    return found


def _preamble_roles(body: str, known: tuple[str, ...]) -> list[Role]:
    """A preamble's requests made by a body or a title ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …"), and,
    in a letter whose body has no numbered items, every rule over the opinion after its lead-in ("Phó Thủ tướng
    Chính phủ có ý kiến như sau:" ⏎ "Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Quốc phòng …"): that
    text is the letter's direction, though it sits in the preamble (tests/gold NOTES-60-63 call 1)."""
    found = [(name, "lead", "request") for name in _request_units(body, 0, True, known, subject_first=True)]
    lead_in = _OPINION_RE.search(body)
    if not lead_in:
        return found
    # Provisions quoted in the opinion ("Tại khoản 7 Điều 39 Nghị định … quy định: “…”") are the law's, not tasks.
    opinion = _QUOTED_RE.sub(lambda m: " " * len(m.group(0)), body[lead_in.end():])
    found.extend((name, "lead", "request") for name in _request_units(opinion, 0, False, known))
    if _LEADER_RE.search(body, max(0, lead_in.start() - 120), lead_in.start()):
        # a leader's direction ("Phó Thủ tướng Chính phủ … có ý kiến như sau:"), not a body's reading of the law
        found.extend(_subject_roles(opinion, 0, False, known))
        found.extend((name, "support", "support") for name in _support_units(opinion, known))
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


def _label_roles(body: str, known: tuple[str, ...]) -> list[Role]:
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


def _subject_roles(body: str, skip_to: int, pseudo: bool, known: tuple[str, ...],
                   lists: list[tuple[int, int]] = (), levels: bool = True, delegated: bool = False) -> list[Role]:
    """Subjects: "X chủ trì", "X có trách nhiệm", and a unit opening a task sentence; not inside the
    addressee ``lists`` of execution sentences, which name their own; with ``levels``, a level word alone
    ("Tỉnh căn cứ …") too; with ``delegated`` (the node confers powers), "X quyết định …"."""
    found: list[Role] = []
    done_groups: set[int] = set()
    # Addressees listed one per ";" before a shared "chịu trách nhiệm thi hành" ("Chánh Văn phòng …;
    # Giám đốc các sở; Chủ tịch UBND cấp xã … chịu trách nhiệm"): held until the marker comes.
    pending: list[UnitSpan] = []
    starts = _clause_starts(body)
    lead_ins = {s for s, group in starts if group >= 0}
    asked = [m.start() for m in P.REQUEST_RE.finditer(body)  # "Để …, yêu cầu X, Y"; not "…, giao thông"
             if (m.start() in lead_ins or _asked_on_a_condition(body, m.start())) and P.UNIT_START_RE.match(body, m.end())]
    for s, group in starts:
        if group == -1 and pending and not body[:s].rstrip().endswith((";", ":")):
            pending = []
        if s < skip_to or group in done_groups or any(a <= s < b for a, b in lists):
            continue
        if group >= 0 and not (body[s:s + 1].isupper() or body.startswith("các ", s)):
            continue  # after a lead-in clause the subject is a named body or "các …"
        if group >= 0 and any(group <= a < s for a in asked):
            continue  # "Để …, yêu cầu Bộ Y tế, | Ban Quản lý dự án …": the request's own list, read by that rule
        if P.NOT_ASSIGNMENT_LINE_RE.match(_line_at(body, s)):
            continue
        p = BULLET_LEAD_RE.match(body, s).end() if BULLET_LEAD_RE.match(body, s) else s
        hon = P.HONORIFIC_RE.match(body[p:])
        if hon:
            p += hon.end()
        spans = scan_units(body, p, known) or (_level_subject(body, p) if levels else [])
        if not spans or _bare_party(body, p):
            # "Doanh nghiệp, tổ chức nộp hồ sơ": a bare category opening a rule, not a body handed work, unless an
            # explicit marker follows it ("Tổ chức, cá nhân có trách nhiệm tuân thủ …", tests/gold NOTES-73-76 call 6)
            if not spans or not _marked(body, spans[-1].end, delegated):
                spans = scan_category(body, p, known)  # "Doanh nghiệp, tổ chức có trách nhiệm": one collective
            if not spans or not _marked(body, spans[-1].end, delegated) or _COMPETENT_RE.search(spans[-1].text):
                continue  # "Cơ quan có thẩm quyền tuyển dụng có trách nhiệm …": a role in a procedure
        names, pending, held = _subject_of(body, p, spans, group, pending, pseudo, delegated)
        found.extend((name, "lead", "subject") for name in names)
        if names and group >= 0 and not held:
            done_groups.add(group)
    return found


def _marked(body: str, end: int, delegated: bool) -> bool:
    """An explicit lead marker follows the subject: "có/chịu trách nhiệm", or "quyết định" where the node confers
    powers (``delegated``); not "chủ trì", which after a category names a role ("Đơn vị chủ trì thực hiện: …")."""
    after = body[end:].lstrip(" ,")
    marker = _RESPONSIBLE_RE.match(after) or (delegated and DECIDES_RE.match(after))
    # "Cá nhân … chịu trách nhiệm trước pháp luật về hồ sơ": a liability, not work handed out
    return bool(marker) and not after.startswith("trước", marker.end() + 1)


def _bare_party(body: str, p: int) -> bool:
    start = P.UNIT_START_RE.match(body, p)
    return bool(start and start.group("party"))


def _level_subject(body: str, p: int) -> list[UnitSpan]:
    """ "Tỉnh căn cứ …", "Trường hợp còn thiếu, Tỉnh tổng hợp …": a level word alone standing for the place's
    authorities, at the start of a sentence or after a lead-in (not a name's end wrapped to a new line)."""
    word = P.LEVEL_SUBJECT_RE.match(body, p)
    if not word or not (p == 0 or body[:p].rstrip()[-1:] in ".;:,"):
        return []
    return [UnitSpan(p, word.end(), word.group(0))]


def _subject_of(body: str, p: int, spans: list[UnitSpan], group: int, pending: list[UnitSpan],
                pseudo: bool, delegated: bool = False) -> tuple[list[str], list[UnitSpan], bool]:
    """The leads a clause's subject gives: (names, addressees still held, whether the names are held ones)."""
    after = body[spans[-1].end:]
    after_stripped = after.lstrip(" ,")
    if group == -1 and after.startswith(";") and spans[0].start == p:
        return [], pending + spans, True  # a whole segment of names: an addressee, if a marker follows
    if group == -1 and spans[0].start == p and _RUN_IN_RE.match(after) and not pending:
        return [sp.text for sp in spans], pending, False  # "- Đồng chí Phó Chủ tịch …: chỉ đạo công tác …"
    if group == -1 and (pending or (len(spans) > 1 and spans[0].start == p)) and after.startswith(":") and re.fullmatch(
            rf"(?:{P.TITLE_HEAD})", spans[-1].text, re.VERBOSE):
        return [], pending + spans[:-1], True  # "…; Giám đốc: Trung tâm A, Trung tâm B; …": the title is shared
    tail = P.LEAD_VERB_RE.search(after[:60])
    if P.LEAD_VERB_RE.match(after_stripped) or (
            pending and tail and _QUALIFIER_RE.match(after) and not re.search(r"[.;\n]", after[:tail.start()])):
        names = [sp.text for sp in pending]
        if P.LEAD_VERB_RE.match(after_stripped):
            return names + [sp.text for sp in spans], [], False
        return names + _up_to_marker(body, spans, tail), [], True
    describing = _DESCRIBING_RE.match(after)
    tail = P.LEAD_VERB_RE.search(after[:80])
    if tail and not re.search(r"[.;:\n]", after[:tail.start()]) and _QUALIFIER_RE.match(after):
        if describing:
            return [sp.text for sp in spans], pending, True
        # "các ông (bà) có tên tại Điều 1 chịu trách nhiệm": the subject runs up to the marker.
        return _up_to_marker(body, spans, tail), pending, True
    passive = _PASSIVE_RE.match(after) and P.LEAD_VERB_RE.search(after, 0, _sentence_end(after))
    if passive:
        if is_group(spans[-1].text) and passive.start() <= _LONG_QUALIFIER and ";" not in after[:passive.start()]:
            # "Các cơ quan, đơn vị được giao quản lý các sông, hồ … có trách nhiệm": the clause says which members
            return _up_to_marker(body, spans, passive), pending, True
        # "Ủy ban nhân dân cấp xã được phân cấp thẩm quyền …; xử lý … có trách nhiệm tổ chức thực hiện": the body
        # a power was handed to answers for it, however long the power's description
        return [sp.text for sp in spans], pending, True
    if pseudo and (_conditional_route(body, p) or not P.CLOSING_PREDICATE_RE.match(after_stripped)):
        return [], pending, True
    adverbial = P.ADVERBIAL_RE.match(after_stripped)
    if adverbial:
        # "X theo chức năng, nhiệm vụ được giao, chủ động …": the predicate comes after.
        after_stripped = after_stripped[adverbial.end():].lstrip(" ,")
        if P.LEAD_VERB_RE.match(after_stripped):
            return [sp.text for sp in spans], pending, True
    if P.ASSIGNING_VERB_RE.match(after_stripped):
        return [], pending, True  # the subject hands the work on; the object is read by the request rule
    pred = P.PREDICATE_RE.match(after_stripped)
    if pred and pred.group(0) not in P.PREPOSITIONS and (
            not P.PETITION_RE.match(after_stripped) or (delegated and DECIDES_RE.match(after_stripped))):
        return [sp.text for sp in spans], pending, False
    return [], pending, True


def _sentence_end(text: str) -> int:
    stop = re.search(r"[.\n]", text)
    return stop.start() if stop else len(text)


def _conditional_route(body: str, pos: int) -> bool:
    """Inside a conditional reporting route ("nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về …"),
    which outside a numbered item is not an assignment."""
    start = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos)) + 1
    return bool(P.CONDITIONAL_ROUTE_RE.search(body, start, pos + 1))


def _up_to_marker(body: str, spans: list[UnitSpan], tail: re.Match) -> list[str]:
    last = spans[-1]
    return [sp.text for sp in spans[:-1]] + [body[last.start: last.end + tail.start()].rstrip(" ,")]


def _request_units(body: str, skip_to: int, pseudo: bool, known: tuple[str, ...],
                   subject_first: bool = False) -> list[str]:
    """Requests: "Đề nghị X …", "Giao X …"; with ``subject_first`` (a preamble) only those a body or a
    title makes ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …")."""
    found: list[str] = []
    lead_ins = {s for s, group in _clause_starts(body) if group >= 0}
    for m in P.REQUEST_RE.finditer(body):
        if m.start() < skip_to and not pseudo:
            continue
        if subject_first and not P.CLAUSE_SUBJECT_RE.search(body[max(0, m.start() - 120):m.start()]):
            continue
        if m.group(0).startswith("yêu") and not pseudo and not (
                _asked_after_lead_in(body, m.start(), lead_ins) or _asked_on_a_condition(body, m.start())):
            continue  # "hướng dẫn, yêu cầu các đơn vị khắc phục" inside a task: directed units
        if pseudo and _conditional_route(body, m.start()):
            continue
        before = body[max(0, m.start() - 12): m.start()]
        if P.REQUEST_NOT_RE.search(before) or P.REQUEST_OBJECT_NOT_RE.match(body, m.end()):
            continue
        if m.group(0).lower().startswith("yêu") and P.REGULATED_PARTY_RE.match(body, m.end()):
            continue
        if P.NOT_ASSIGNMENT_LINE_RE.match(_line_at(body, m.start())):
            continue
        honorific = P.HONORIFIC_RE.match(body[m.end():])
        spans = scan_units(body, m.end() + (honorific.end() if honorific else 0), known)
        if spans and P.PETITION_RE.match(body, spans[-1].end):
            continue  # "đề nghị Bộ trưởng … xem xét, quyết định": a petition upwards, not work handed down
        found.extend(sp.text for sp in spans)
    return found


def _asked_after_lead_in(body: str, pos: int, lead_ins: set[int]) -> bool:
    """ "Để bảo đảm tiến độ …, yêu cầu Bộ Y tế, … tiếp tục", "Trong thời gian tới, yêu cầu các bộ, ngành …": the
    request opens the main clause after a lead-in clause, in the document's own voice (tests/gold NOTES-60-63
    call 5) — not a verb in a list of the unit's own tasks ("hướng dẫn, yêu cầu các đơn vị khắc phục")."""
    if pos not in lead_ins:
        return False
    chunk = body[body.rfind(",", 0, pos - 2) + 1:pos].strip(" ,")
    return not P.PREDICATE_RE.match(chunk)


_CONDITION_END_RE = re.compile(r"(?:vướng\s+mắc|khó\s+khăn)\s*,?\s*$")


def _asked_on_a_condition(body: str, pos: int) -> bool:
    """ "Trong quá trình thực hiện, nếu có phát sinh vướng mắc yêu cầu các Sở, ban, ngành … phản ánh kịp thời về …":
    the request a numbered item makes on a condition (tests/gold NOTES-73-76 call 3)."""
    start = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos)) + 1
    return bool(P.CONDITIONAL_ROUTE_RE.search(body, start, pos) and _CONDITION_END_RE.search(body, start, pos))


def _support_units(body: str, known: tuple[str, ...]) -> list[str]:
    """Supports: "phối hợp (với) X", "cùng X"."""
    found: list[str] = []
    for m in P.SUPPORT_RE.finditer(body):
        if P.NOT_ASSIGNMENT_LINE_RE.match(_line_at(body, m.start())):
            continue
        if m.group(0).lower().startswith("cùng") and body[:m.start()].rstrip().endswith(("phối hợp", "Phối hợp")):
            continue
        found.extend(sp.text for sp in scan_units(body, m.end(), known))
    return found

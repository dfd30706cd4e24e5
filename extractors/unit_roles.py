"""Roles stated in one node's text: who leads (chủ trì) and who supports (phối hợp).

:func:`node_roles` reads a node's heading, its labelled fields ("Đơn vị chủ trì: X"), the
subjects of its task sentences, its requests ("Giao X", "Đề nghị X") and its supports
("phối hợp với X", "cùng X"); the names come from ``unit_names``.
"""

from __future__ import annotations

import re

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.fold import compare_key
from kehoach.extractors.unit_keys import clean_unit
from kehoach.extractors.unit_names import (
    UnitSpan,
    ambiguous_is_verb,
    find_units,
    scan_units,
    starts_known_body,
)
from kehoach.schemas.models import Node

# A heading naming a group and its members in brackets, or a body and its role in brackets.
_MEMBERS_RE = re.compile(r"^(?P<group>[^()]+?)\s*\((?P<members>[^()]+)\)\s*[:.]?$")
# A heading that is a subject and its marker: "Các tổ chức, cá nhân … trên địa bàn có trách nhiệm:".
_RESPONSIBLE_HEADING_RE = re.compile(r"^(?P<subject>.+?)\s+(?:có|chịu)\s+trách\s+nhiệm\s*:?$")
_ROLE_HEAD_RE = re.compile(r"(?:Đơn\s+vị|Cơ\s+quan|Bộ\s+phận)\s")
# A run-in subject: a colon, then the task in lower case starting with its verb.
_RUN_IN_RE = re.compile(rf":\s*(?:{P.PREDICATE_WORDS})(?![\w])", re.VERBOSE)
_OBJECT_VERB_END_RE = re.compile(r"(?<![\w])(?:trình|gửi|báo\s+cáo|tham\s+mưu|đề\s+nghị|giao|cho|của|với|và)$")
# A heading that ends on a title without its body ("Chánh Văn phòng", "Chánh", "Giám đốc").
_BARE_TITLE_END_RE = re.compile(
    r"(?:^|[;,]\s*)(?:Chánh(?:\s+[Vv]ăn\s+phòng|\s+Thanh\s+tra)?|(?:Phó\s+)?(?:Giám\s+đốc|Chủ\s+tịch|Thủ\s+trưởng))\s*$")
_BULLET_RE = re.compile(r"^\s*[-+•*–]\s*")
_VAGUE_RE = re.compile(r"^các\s+(?:tổ\s+chức|cơ\s+quan|đơn\s+vị)\s+khác$")
_GLUED_BULLET_RE = re.compile(r"\s[-+•]\s+(?=(?:Đồng\s+chí|Đ/c)\s)")
_CUT_HEADING = 50
_TITLE_MAX = 120  # headings cut from running text are ~60 characters long
_DESCRIPTIVE_MAX_WORDS = 4  # "Mục đích", "Yêu cầu chung": a sub-heading of aims, not "Yêu cầu về kỹ thuật …"
# Predicate words that are prepositions: they end a name but do not make its holder a subject.
_PREPOSITIONS = {"để", "nhằm", "trong", "về", "theo", "tại", "với", "cho", "từ", "trước", "sau", "khi", "nếu",
                 "bằng", "do", "bởi", "như", "gồm", "trên", "là", "được", "có", "sẽ", "đã", "đang", "bao gồm", "nơi",
                 "thống nhất"}
# Verbs by which a subject hands work to another body: the object leads, not the subject
# ("Chủ tịch UBND Thành phố đề nghị các cơ quan …", "UBND Thành phố giao cơ quan chuyên môn …").
_ASSIGNING_VERB_RE = re.compile(r"(?:đề\s+nghị|giao|yêu\s+cầu|thông\s+báo\s+(?:để|cho|đến))(?![\w])")
# Bare heads that cannot end a name: "Văn phòng đăng ký đất đai", "Ban quản lý Khu kinh tế".
# What may stand between a subject and its "chịu trách nhiệm": a qualifier, not a clause
# ("các ông (bà) có tên tại Điều 1 chịu trách nhiệm", not "Các Bộ thống nhất chỉ có một cơ quan chủ trì").
_QUALIFIER_RE = re.compile(r"\s*(?:có\s+tên|được\s+(?:giao|phân\s+công|nêu)|nêu\s+tại|tại|thuộc|trực\s+thuộc|có\s+liên\s+quan|liên\s+quan|(?:tới|đến)\s+việc|được)(?![\w])")
# A qualifier that describes the group rather than names it: the name stays as scanned
# ("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm").
_DESCRIBING_RE = re.compile(r"\s*(?:tới|đến)\s+việc(?![\w])")
# An adverbial between a subject and its predicate.
_ADVERBIAL_RE = re.compile(
    r"(?:theo|căn\s+cứ|trên\s+cơ\s+sở|trong\s+phạm\s+vi)\s+(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền|lĩnh\s+vực)[^.;:\n]{0,60}"
    r"(?:được\s+giao|của\s+mình|quản\s+lý|quy\s+định)\s*,?")


# --- node context --------------------------------------------------------------

def own_text(node: Node) -> str:
    """The node's own text without its marker ("1.", "III.", "Điều 3.") when the text repeats it."""
    text = node.text or ""
    if node.kind != "pseudo":
        stripped = text.lstrip()
        if node.marker and stripped.startswith(node.marker):
            return stripped[len(node.marker):].lstrip()
        if not node.marker:
            text = P.NODE_MARKER_RE.sub("", text, count=1)
    return text


def _title_line(node: Node, body: str) -> tuple[str, bool]:
    """The node's heading and whether it is a title line (not the first words of running text).

    The structure stage gives a title, or the first ~60 characters of the text
    when the marker line is not a heading; only a title names a heading unit.
    """
    line = body.split("\n", 1)[0].strip()
    heading = (node.heading or "").strip()
    if not heading:
        # No heading from the structure stage: a short line without final punctuation is a title.
        return line, len(line) <= _TITLE_MAX and not line.endswith((".", ";", "./."))
    if not line.startswith(heading):
        # The structure stage kept the title line out of the text: a title.
        return heading, True
    rest = line[len(heading):].lstrip()
    # A cut at ~60 characters is the first words of running text, even before a capital.
    return heading, (not rest or rest[0] in ":.-+" or (rest[0].isupper() and len(heading) < _CUT_HEADING))


def heading_of(node: Node, body: str) -> str:
    return _title_line(node, body)[0]


def descriptive(node: Node, by_id: dict[str, Node]) -> bool:
    """Inside MỤC ĐÍCH / YÊU CẦU / MỤC TIÊU … (aims, not tasks)."""
    current: Node | None = node
    while current is not None:
        heading = compare_key(heading_of(current, own_text(current)))
        if P.DESCRIPTIVE_HEADING_RE.match(heading):
            is_root = current.parent is None or current.parent not in by_id
            if is_root or len(heading.split()) <= _DESCRIPTIVE_MAX_WORDS or ":" in heading[:25]:
                return True
        current = by_id.get(current.parent) if current.parent else None
    return False


# --- roles in one node ----------------------------------------------------------

def _heading_units(heading: str, is_title: bool = True) -> tuple[list[str], int]:
    """Units named by a heading line and how much of the heading they use (0: none).

    "Phòng Văn hóa - Xã hội", "Đối với Ủy ban nhân dân các cấp", "Đề nghị Ban …",
    run-in "Trung tâm sự nghiệp công: Chủ động …", "Các Bộ: Công Thương, Xây dựng".
    """
    head = heading.strip()
    if P.SHARED_LIST_RE.match(head):
        spans = scan_units(head, 0)
        return ([s.text for s in spans], spans[-1].end) if is_title and spans else ([], 0)
    members = _MEMBERS_RE.match(head)
    if members and is_title:
        # "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế …)": the members named.
        spans = scan_units(members.group("members"), 0)
        if spans and spans[-1].end >= len(members.group("members").rstrip(" .")):
            return [s.text for s in spans], len(heading)
        head = members.group("group")  # "Sở Nội vụ (Cơ quan thường trực Ban …)": the body, not its role
    responsible = _RESPONSIBLE_HEADING_RE.match(head)
    if responsible and is_title and P.UNIT_START_RE.match(responsible.group("subject")):
        # "Các đơn vị cấp nước sạch trên địa bàn thành phố có trách nhiệm:": the subject up to the marker.
        subject = responsible.group("subject")
        spans = scan_units(subject, 0)
        names = [s.text for s in spans] if spans and spans[-1].end >= len(subject) else [subject]
        return names, len(heading)
    shared = P.SHARED_HEAD_RE.match(head)
    if shared:
        items = re.split(r"\s*,\s*", shared.group("items"))
        word = " ".join(shared.group("head").split())
        return [f"{word} {item.strip()}" for item in items if item.strip()], len(heading)
    level = P.SHARED_LEVEL_RE.match(head)
    if level and P.UNIT_START_RE.match(level.group("head")):
        items = [i.strip() for i in re.split(r"\s*,\s*|\s+và\s+", level.group("items")) if i.strip()]
        if all(i[:1].isupper() for i in items):
            lvl = " ".join(level.group("level").split())
            return [f"{level.group('head').strip()} {lvl} {item}" for item in items], len(heading)
    head = P.HONORIFIC_RE.sub("", P.LEADING_VERB_RE.sub("", head, count=1), count=1) if P.HONORIFIC_RE.match(
        P.LEADING_VERB_RE.sub("", head, count=1)) else head  # "Đ/c Trưởng Ban …", "Giao đồng chí …"
    lead_in = P.LEADING_VERB_RE.match(head) or P.HEADING_OF_RE.match(head)
    offset = lead_in.end() if lead_in else 0
    title, colon, _rest = head[offset:].partition(":")
    title = P.TRAILING_RE.sub("", title)
    if not title or len(title) > 160 or not (is_title or colon):
        return [], 0
    spans = scan_units(title, 0)
    if P.FIELD_HOLDER_RE.match(title):
        names = [title]  # "Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng": one person, many fields
    elif spans and spans[-1].end >= len(title):
        names = [s.text for s in spans]
    elif spans and spans[0].start == 0 and (sentence := _heading_predicate(title[spans[-1].end:])) is not None:
        # A heading that is a sentence: "Sở Xây dựng - Đánh giá sự phù hợp …", "Chủ tịch UBND thành phố
        # quyết định …" name their subject; "Hội đồng … là cơ quan tham mưu …" names none.
        if not sentence:
            return [], 0
        names = [s.text for s in spans]
        return names, offset + spans[-1].end
    elif P.UNIT_START_RE.match(title) and "." not in title and not P.LEAD_VERB_RE.search(title):
        # A heading line that is one long name: "Tổ tiếp công dân, xử lý khiếu nại, …".
        names = [title]
    else:
        return [], 0
    names = [n for n in names if not _VAGUE_RE.match(compare_key(clean_unit(n)))]
    used = offset + len(head[offset:].partition(":")[0]) + (1 if colon else 0)
    return names, used


def _heading_predicate(rest: str) -> bool | None:
    """What follows the units of a heading: None when not a predicate (the heading may be one
    long name), True for a task verb, False for a copula or a preposition ("là", "bao gồm")."""
    rest = rest.lstrip(" -–—")
    if not rest or rest[0] in ",;(":
        return None
    head = rest[:1].lower() + rest[1:40]
    adverbial = _ADVERBIAL_RE.match(head)
    if adverbial:
        return True
    pred = P.PREDICATE_RE.match(head)
    cont = P.NAME_CONTINUATION_RE.match(head)
    if not pred or (cont and not (head[:cont.end()] in P.AMBIGUOUS_WORDS and ambiguous_is_verb(head, 0, cont.end()))):
        return None  # "quản lý hồ sơ" is a verb with its object, "quản lý các khu" part of a name
    return pred.group(0) not in _PREPOSITIONS and not _ASSIGNING_VERB_RE.match(head)


_SENTENCE_START_RE = re.compile(r"(?:\n|[.;:!?]\s)\s*(?:[-+•*–]\s+)?")
_SEGMENT_END_RE = re.compile(r"[.;:\n]")


def _clause_starts(text: str) -> list[tuple[int, int]]:
    """(offset, group) where a clause may begin with its subject.

    Group -1: a sentence or bullet start. After a lead-in clause ("Căn cứ …, X lập",
    "Trên cơ sở đề nghị của Y, X chủ trì") each comma is a candidate of one group;
    the first candidate that yields a subject ends the group.
    """
    # A line after one that ends on a verb wanting its object ("Ký phê duyệt kết quả, trình⏎UBND tỉnh phê
    # duyệt") goes on with that sentence: no clause starts there.
    plain = {0} | {m.end() for m in _SENTENCE_START_RE.finditer(text)
                   if not (m.group(0).startswith("\n") and _OBJECT_VERB_END_RE.search(text, 0, m.start()))}
    plain |= {m.end() for m in re.finditer(r"\sthì\s+", text)}
    out = [(p, -1) for p in plain if p < len(text)]
    for group, s in enumerate(sorted(plain)):
        if not P.INTRO_RE.match(text, s):
            continue
        nxt = _SEGMENT_END_RE.search(text, s)
        seg_end = nxt.start() if nxt else len(text)
        out.extend((s + c.end(), group) for c in re.finditer(r",\s+", text[s:seg_end]))
    return sorted(out)


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _block_value(body: str, pos: int) -> str:
    """The dash lines under a role sub-heading ("Cơ quan chủ trì⏎- Sở Tài chính;⏎- Sở Nội vụ."), one per item."""
    items = []
    for line in body[pos:].split("\n"):
        bullet = _BULLET_RE.match(line)
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

    Rules: ``heading`` (a unit heading the node), ``label`` ("Đơn vị chủ trì: X"), ``subject`` (the subject
    of a task sentence), ``request`` ("Giao X", "Đề nghị X"), ``support`` ("phối hợp với X").
    """
    body = own_text(node)
    if not body.strip() and not node.heading:
        return []
    if node.id == "title":
        return []
    if node.id == "preamble":
        return [(name, "lead", "request") for name in _request_units(body, 0, True, known, subject_first=True)]
    pseudo = node.kind == "pseudo"
    if not pseudo and descriptive(node, by_id):
        return []
    found: list[Role] = []
    skip_to = 0
    if role_block(node):
        # "a) Cơ quan chủ trì⏎- Sở A⏎- Sở B": the sub-heading is the label of the lines under it.
        heading = (node.heading or "").strip().rstrip(":")
        joiner = "\n" if _BULLET_RE.match(body.lstrip()) else ": "
        return _label_roles(heading + joiner + body.lstrip(), known)
    if not pseudo:
        names, body, skip_to = _heading_roles(node, body)
        found.extend((name, "lead", "heading") for name in names)
    found.extend(_label_roles(body, known))
    found.extend(_subject_roles(body, skip_to, pseudo, known))
    found.extend((name, "lead", "request") for name in _request_units(body, skip_to, pseudo, known))
    if not pseudo:
        found.extend((name, "support", "support") for name in _support_units(body, known))
    return found


def role_block(node: Node) -> bool:
    """A node that is only a role sub-heading ("a) Cơ quan chủ trì", "Đơn vị phối hợp") over the bodies it
    lists: its units belong to the task above it."""
    heading = (node.heading or "").strip().rstrip(":")
    label = P.LABEL_RE.match(heading + ":")
    return (node.kind == "item" and label is not None and label.end() >= len(heading)
            and _ROLE_HEAD_RE.match(heading) is not None)


def _heading_roles(node: Node, body: str) -> tuple[list[str], str, int]:
    """Units the node's heading names, the body to read on (a glued bullet line put back), and how much of
    the body the heading units used (the subject rule starts after it)."""
    heading, is_title = _title_line(node, body)
    if is_title and _broken_name(heading, body):
        # "Giao Sở Công⏎Thương chủ trì …": a title line cut inside a name; read heading and text as one.
        return [], body if body.lstrip().startswith(heading) else heading + " " + body.lstrip(), 0
    glued = _GLUED_BULLET_RE.search(heading)
    if glued and is_title and not body.lstrip().startswith(heading):
        # A bullet line glued to its title line by the paragraph joiner: read it as text.
        body = heading[glued.end():] + "\n" + body
        heading = heading[:glued.start()]
    first = body.lstrip().split("\n", 1)[0].strip()
    if first.startswith(heading) and first[len(heading):].startswith(",") and (
            P.SHARED_LEVEL_RE.match(first) or P.SHARED_HEAD_RE.match(first)):
        heading = first  # a shared-head list cut at ~60 characters: "UBND các xã: A, B, C, D"
    names, used = _heading_units(heading, is_title)
    line = body.lstrip().split("\n", 1)[0]
    if names and heading and line.startswith(heading) and re.match(r"\s+[\w(]", line[len(heading):]) \
            and used >= len(heading.rstrip(" :")):
        # A heading cut from running text in the middle of a name ("…, Hội Liên hiệp| Phụ nữ …"):
        # read the whole sentence as text instead.
        names, used = [], 0
    skip_to = used if names and body.lstrip().startswith(heading) else 0
    return names, body, skip_to


def _broken_name(heading: str, body: str) -> bool:
    """The heading ends inside a name that the first line of the text finishes ("…, Hội Liên hiệp⏎Phụ nữ
    Thành phố"): the line goes on with a capitalised word that is neither a new body nor a verb."""
    rest = body.lstrip()
    if heading and rest.startswith(heading):
        rest = rest[len(heading):]
        if not rest.startswith("\n"):
            return False
    line = rest.lstrip().split("\n", 1)[0]
    if not line or not heading or heading.rstrip()[-1:] in ".:;,)":
        return False
    if _BARE_TITLE_END_RE.search(heading) and P.UNIT_START_RE.match(line):
        return True  # "Chánh Văn phòng⏎Ủy ban nhân dân tỉnh, Giám đốc …": the title's body is on the next line
    word = line.split(maxsplit=1)[0]
    if not word[:1].isupper() or P.UNIT_START_RE.match(line):
        return False
    last = [span for span in find_units(heading) if span.end >= len(heading.rstrip())]
    # The name goes on into a body the lexicon knows ("Sở Công" + "Thương", "Hội Liên hiệp" + "Phụ nữ").
    return bool(last) and starts_known_body(f"{last[-1].text} {word}")


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


def _subject_roles(body: str, skip_to: int, pseudo: bool, known: tuple[str, ...]) -> list[Role]:
    """Subjects: "X chủ trì", "X có trách nhiệm", and a unit opening a task sentence."""
    found: list[Role] = []
    done_groups: set[int] = set()
    # Addressees listed one per ";" before a shared "chịu trách nhiệm thi hành" ("Chánh Văn phòng …;
    # Giám đốc các sở; Chủ tịch UBND cấp xã … chịu trách nhiệm"): held until the marker comes.
    pending: list[UnitSpan] = []
    for s, group in _clause_starts(body):
        if group == -1 and pending and not body[:s].rstrip().endswith((";", ":")):
            pending = []
        if s < skip_to or group in done_groups:
            continue
        if group >= 0 and not (body[s:s + 1].isupper() or body.startswith("các ", s)):
            continue  # after a lead-in clause the subject is a named body or "các …"
        if P.NOT_ASSIGNMENT_LINE_RE.match(_line_at(body, s)):
            continue
        p = _BULLET_RE.match(body, s).end() if _BULLET_RE.match(body, s) else s
        hon = P.HONORIFIC_RE.match(body[p:])
        if hon:
            p += hon.end()
        spans = scan_units(body, p, known)
        if not spans:
            continue
        names, pending, held = _subject_of(body, p, spans, group, pending, pseudo)
        found.extend((name, "lead", "subject") for name in names)
        if names and group >= 0 and not held:
            done_groups.add(group)
    return found


def _subject_of(body: str, p: int, spans: list[UnitSpan], group: int, pending: list[UnitSpan],
                pseudo: bool) -> tuple[list[str], list[UnitSpan], bool]:
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
    if pseudo and (_conditional_route(body, p) or not P.CLOSING_PREDICATE_RE.match(after_stripped)):
        return [], pending, True
    adverbial = _ADVERBIAL_RE.match(after_stripped)
    if adverbial:
        # "X theo chức năng, nhiệm vụ được giao, chủ động …": the predicate comes after.
        after_stripped = after_stripped[adverbial.end():].lstrip(" ,")
        if P.LEAD_VERB_RE.match(after_stripped):
            return [sp.text for sp in spans], pending, True
    if _ASSIGNING_VERB_RE.match(after_stripped):
        return [], pending, True  # the subject hands the work on; the object is read by the request rule
    pred = P.PREDICATE_RE.match(after_stripped)
    if pred and pred.group(0) not in _PREPOSITIONS and not P.PETITION_RE.match(after_stripped):
        return [sp.text for sp in spans], pending, False
    return [], pending, True


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
    for m in P.REQUEST_RE.finditer(body):
        if m.start() < skip_to and not pseudo:
            continue
        if subject_first and not P.CLAUSE_SUBJECT_RE.search(body[max(0, m.start() - 120):m.start()]):
            continue
        if m.group(0).startswith("yêu") and not pseudo:
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

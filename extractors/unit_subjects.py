"""Clauses and their subjects: where a clause may begin, and the unit that opens a task sentence and leads it.

:func:`subject_roles` reads "X chủ trì", "X có/chịu trách nhiệm", a unit opening a task sentence, a level word alone
("Tỉnh căn cứ …"), a collective without a determiner before an explicit marker ("Tổ chức, cá nhân có trách nhiệm …")
and, where the node confers powers, "X quyết định …"; :func:`clause_starts` gives where a subject may stand (also
used by the request rule of ``unit_roles``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.extractors import lexicon
from kehoach.extractors import unit_patterns as P
from kehoach.extractors.closing import LETTER_CLOSING_RE
from kehoach.extractors.markers import BULLET_LEAD_RE
from kehoach.extractors.unit_delegation import DECIDES_RE
from kehoach.extractors.unit_keys import is_group
from kehoach.extractors.unit_names import UnitSpan, find_units, scan_category, scan_units

Role = tuple[str, str, str]  # (unit as written, lead | support, the rule that found it)

OBJECT_VERB_WINDOW = 40  # characters before a line end that may hold one of those verbs
# What may stand between a subject and its "chịu trách nhiệm": a qualifier, not a clause
# ("các ông (bà) có tên tại Điều 1 chịu trách nhiệm", not "Các Bộ thống nhất chỉ có một cơ quan chủ trì").
_QUALIFIER_RE = re.compile(r"\s*(?:có\s+tên|được\s+(?:giao|phân\s+công|nêu)|nêu\s+tại|tại|thuộc|trực\s+thuộc|có\s+liên\s+quan|liên\s+quan|(?:tới|đến)\s+việc|được)(?![\w])")
_RESPONSIBLE_RE = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm(?![\w])")
# A subject that was handed a power or a task: "… được phân cấp thẩm quyền …", "… được giao quản lý …".
_LONG_QUALIFIER = 160
_PASSIVE_RE = re.compile(r"\s*được\s+(?:giao|phân\s+cấp|phân\s+công|[ủu][yỷ]\s+quyền)(?![\w])")
# A sentence or an item of a run-in enumeration: "…: (1) Thanh tra Chính phủ ban hành …; (2) Bộ Công an chủ trì …".
_SENTENCE_START_RE = re.compile(r"(?:\n|[.;:!?]\s)\s*(?:[-+•*–]\s+)?(?:\(\d{1,2}\)\s*)?")


_OBJECT_VERB_END_RE = re.compile(r"(?<![\w])(?:trình|gửi|báo\s+cáo|tham\s+mưu|đề\s+nghị|giao|cho|của|với|và)$")


def _ends_on_object_verb(text: str, end: int) -> bool:
    # the verbs are short: the window keeps the test from scanning the whole text before each line
    return bool(_OBJECT_VERB_END_RE.search(text, max(0, end - OBJECT_VERB_WINDOW), end))


_SEGMENT_END_RE = re.compile(r"[.;:\n]")
_SPACES_RE = re.compile(r"\s*")


def clause_starts(text: str) -> list[tuple[int, int]]:
    """(offset, group) where a clause may begin with its subject.

    Group -1: a sentence or bullet start. After a lead-in clause ("Căn cứ …, X lập",
    "Trên cơ sở đề nghị của Y, X chủ trì") each comma is a candidate of one group, named by
    where the lead-in starts; the first candidate that yields a subject ends the group.
    """
    # A line after one that ends on a verb wanting its object ("Ký phê duyệt kết quả, trình⏎UBND tỉnh phê
    # duyệt") goes on with that sentence: no clause starts there.
    plain = {0} | {m.end() for m in _SENTENCE_START_RE.finditer(text)
                   if not (m.group(0).startswith("\n") and _ends_on_object_verb(text, m.start()))}
    plain |= {m.end() for m in re.finditer(r"\sthì\s+", text)}
    plain |= _marked_after_comma(text)
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


def _marked_after_comma(text: str) -> set[int]:
    """Commas after which a unit and its explicit marker come: whatever the clause before says ("Chậm nhất là 15 ngày,
    trước ngày khai mạc kỳ họp, Văn phòng UBND tỉnh chịu trách nhiệm …", "… kể từ ngày hoàn thành việc chấm thi, Hội
    đồng tuyển dụng có trách nhiệm …"), the unit is the subject of what the marker says. Not a comma inside a list of
    subjects ("Giám đốc sở, Thủ trưởng …, Chủ tịch … có trách nhiệm"), which its first name opens. An opening bracket
    too: "… báo cáo kịp thời cho UBND tỉnh hằng tháng (Sở Kế hoạch và Đầu tư chịu trách nhiệm tổng hợp báo cáo chung)"."""
    out: set[int] = set()
    if not P.LEAD_VERB_RE.search(text):
        return out  # no marker anywhere: most bodies end here, before any name is read
    listed: list[tuple[int, int]] | None = None  # the text's names, read once a comma needs them
    for comma in re.finditer(r",\s+|\(\s*", text):
        p = comma.end()
        if not (text[p:p + 1].isupper() or text.startswith("các ", p)):
            continue
        spans = scan_units(text, p)
        marker = P.LEAD_VERB_RE.match(text[spans[-1].end:].lstrip(" ,")) if spans and spans[0].start == p else None
        if not marker or marker.group(0).startswith("chủ") and is_group(spans[-1].text):
            continue  # not "…, các cơ quan chủ trì sự kiện phải có trách nhiệm": a role term
        if listed is None:
            listed = [(span.start, span.end) for span in find_units(text)]
        if not _in_a_list(text, comma.start(), listed):
            out.add(p)
    return out


_OBJECT_BEFORE_RE = re.compile(r"(?<![\w])(?:của|với|cho|tại|đến|tới|gửi|trình|từ)\s+$")


def _in_a_list(text: str, comma: int, listed: list[tuple[int, int]]) -> bool:
    """The comma is inside a unit name or ends one that is not an object ("kỳ họp của HĐND tỉnh, …" is one)."""
    for start, end in listed:
        if start < comma < end:
            return True
        if end == comma:
            return not _OBJECT_BEFORE_RE.search(text, 0, start)
    return False


def line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


@dataclass(frozen=True)
class Reading:
    """How the sentences of one node are read: where the node stands and what it does."""

    known: tuple[str, ...] = ()  # names the document set up ("Ban Chỉ đạo thực hiện …"), read whole
    pseudo: bool = False  # a preamble or a closing paragraph
    lists: tuple[tuple[int, int], ...] = ()  # the execution rule's addressee lists, which name their own
    levels: bool = True  # a level word alone ("Tỉnh căn cứ …") may be a subject: not in a regulation's article
    delegated: bool = False  # the node confers powers: "X quyết định …" names the delegate
    explicit: bool = False  # the node states rules: only "X chủ trì", "X có trách nhiệm" lead …
    named_duties: bool = False  # … and, outside a contest's rules, the duty a procedure puts on a named body


_ENUMERATOR_RE = re.compile(r"\(\d{1,2}\)\s*")


def subject_roles(body: str, skip_to: int, reading: Reading = Reading()) -> list[Role]:
    """Subjects: "X chủ trì", "X có trách nhiệm", and a unit opening a task sentence, as ``reading`` allows."""
    found: list[Role] = []
    done_groups: set[int] = set()
    # Addressees listed one per ";" before a shared "chịu trách nhiệm thi hành" ("Chánh Văn phòng …;
    # Giám đốc các sở; Chủ tịch UBND cấp xã … chịu trách nhiệm"): held until the marker comes.
    pending: list[UnitSpan] = []
    starts = clause_starts(body)
    lead_ins = {s for s, group in starts if group >= 0}
    asked = [m.start() for m in P.REQUEST_RE.finditer(body)  # "Để …, yêu cầu X, Y"; not "…, giao thông"
             if (m.start() in lead_ins or asked_on_a_condition(body, m.start())) and P.UNIT_START_RE.match(body, m.end())]
    for s, group in starts:
        if group == -1 and pending and not body[:s].rstrip().endswith((";", ":")):
            pending = []
        if s < skip_to or group in done_groups or any(a <= s < b for a, b in reading.lists):
            continue
        if group >= 0 and not (body[s:s + 1].isupper() or body.startswith("các ", s) or P.NAMED_SECTOR_RE.match(body, s)):
            continue  # after a lead-in clause the subject is a named body or "các …"
        if group >= 0 and any(group <= a < s for a in asked):
            continue  # "Để …, yêu cầu Bộ Y tế, | Ban Quản lý dự án …": the request's own list, read by that rule
        if P.NOT_ASSIGNMENT_LINE_RE.match(body[body.rfind("\n", 0, s) + 1:s + 400]) or LETTER_CLOSING_RE.match(body[s:s + 400]):
            continue  # "Cục Hải quan trả lời để Công ty biết./.": a letter's last sentence, left inside its last item
        p = BULLET_LEAD_RE.match(body, s).end() if BULLET_LEAD_RE.match(body, s) else s
        p = _ENUMERATOR_RE.match(body, p).end() if _ENUMERATOR_RE.match(body, p) else p
        hon = P.HONORIFIC_RE.match(body[p:])
        if hon:
            p += hon.end()
        spans = _subject_spans(body, p, reading)
        if not spans or (reading.explicit and not _explicit_marker(body[spans[-1].end:])
                         and not (reading.named_duties and named_body(spans[-1].text))):
            continue  # "Hội đồng thi đua họp xét đánh giá …" states a contest's rule
        names, pending, held = _subject_of(body, p, spans, group, pending, reading)
        found.extend((name, "lead", "subject") for name in names)
        if names and group >= 0 and not held:
            done_groups.add(group)
    return found


_COMPETENT_RE = re.compile(r"có\s+thẩm\s+quyền(?![\w])")
_TITLE_START_RE = re.compile(rf"(?:{P.TITLE_HEAD})", re.VERBOSE)
_DETERMINER_START_RE = re.compile(rf"(?i:{lexicon.alternation(lexicon.body_words('groups', 'determiners'))})\s")


def named_body(unit: str) -> bool:
    """One body the text names ("Trung tâm Chuyển đổi số", "Giám đốc Sở Tài chính"), not a group, a category ("Các
    đối tượng") or a title with no body of its own ("Người đứng đầu cơ quan", "Thủ trưởng đơn vị", "Cục trưởng")."""
    if is_group(unit) or _DETERMINER_START_RE.match(unit):
        return False
    title = _TITLE_START_RE.match(unit)
    return title is None or re.search(r"(?<![\w])[A-ZĐ]", unit[title.end():]) is not None


def _subject_spans(body: str, p: int, reading: Reading) -> list[UnitSpan]:
    """The units that open a clause at ``p``; a bare category ("Doanh nghiệp, tổ chức nộp hồ sơ") opens a rule, not
    a body handed work, unless an explicit marker follows it ("Tổ chức, cá nhân có trách nhiệm tuân thủ …",
    tests/gold NOTES-73-76 call 6)."""
    spans = scan_units(body, p, reading.known) or (_level_subject(body, p) if reading.levels else [])
    if spans and not _bare_party(body, p):
        return spans
    if not spans or not _marked(body, spans[-1].end, reading.delegated):
        spans = scan_category(body, p, reading.known)  # "Doanh nghiệp, tổ chức có trách nhiệm": one collective
    if spans:
        spans = spans[:-1] + [_with_having_clause(body, spans[-1])]
    if not spans or not _marked(body, spans[-1].end, reading.delegated) or _COMPETENT_RE.search(spans[-1].text):
        return []  # "Cơ quan có thẩm quyền tuyển dụng có trách nhiệm …": a role in a procedure
    return spans


def _with_having_clause(body: str, span: UnitSpan) -> UnitSpan:
    """A category with a restrictive "có …" clause up to its marker: "Doanh nghiệp có hạ tầng mạng viễn thông | có trách
    nhiệm …" names which firms."""
    having = P.HAVING_RE.match(body, span.end + 1) if body[span.end:span.end + 1] == " " else None
    marker = _RESPONSIBLE_RE.search(body, having.end(), having.end() + _LONG_QUALIFIER) if having else None
    if not marker or re.search(r"[.;:,]", body[span.end:marker.start()]):
        return span
    end = marker.start() - 1
    return UnitSpan(span.start, end, body[span.start:end])


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


# The markers that assign even where the text states rules: "X chủ trì", "X phối hợp với Y", "X có trách nhiệm".
_EXPLICIT_RE = re.compile(r"(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)(?![\w])")


def _explicit_marker(after: str) -> bool:
    """An explicit marker follows the subject, perhaps after the words that say which members ("Các cơ quan, đơn vị
    được giao quản lý các sông, hồ … có trách nhiệm phối hợp"): where the text states rules only these assign."""
    if _EXPLICIT_RE.match(after.lstrip(" ,")):
        return True
    end = _sentence_end(after)
    return bool((_QUALIFIER_RE.match(after) or _PASSIVE_RE.match(after)) and P.LEAD_VERB_RE.search(after, 0, end)
                and not re.search(r"[;:\n]", after[:end]))


# A run-in subject: a colon, then the task in lower case starting with its verb.
_RUN_IN_RE = re.compile(rf":\s*(?:{P.PREDICATE_WORDS})(?![\w])", re.VERBOSE)
# A qualifier that describes the group rather than names it: the name stays as scanned
# ("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm").
_DESCRIBING_RE = re.compile(r"\s*(?:tới|đến)\s+việc(?![\w])")
# A group named only by the role the text hands it: "Các cơ quan, đơn vị được phân công nhiệm vụ có trách nhiệm …",
# "Các cơ quan, đơn vị, cá nhân có thẩm quyền quyết định được phân cấp tại Quyết định này có trách nhiệm" (whoever got a
# task or a power, not a body: tests/gold NOTES-83-86 call 1), unlike "… được giao quản lý các sông, hồ …", which
# says which members.
_ROLE_TERM_RE = re.compile(r"\s*(?:được\s+(?:giao|phân\s+công)(?:\s+(?:nhiệm\s+vụ|chủ\s+trì|phối\s+hợp|thực\s+hiện)(?![\w]))+"
                           r"|(?:có\s+thẩm\s+quyền\s+)?(?:quyết\s+định\s+)?được\s+(?:phân\s+cấp|[ủu][yỷ]\s+quyền))"
                           r"(?:\s+(?:tại|trong|theo)\s+[^,;.\n]{0,40}?\s+này)?\s*,?\s*(?:có|chịu)\s+trách\s+nhiệm(?![\w])")
# "có" before the work it makes: "X … có kế hoạch triển khai thực hiện Chỉ thị này" (a verb, not "having");
# "X là cơ quan chủ trì kiểm tra, giám sát …", "X là cơ quan thường trực, chủ trì theo dõi …", "X là đơn vị đầu mối
# …": the copula names X's role, and the role (the chair, the standing body, the focal point) is the lead.
_HAVING_WORK_RE = re.compile(r"có\s+(?:kế\s+hoạch|phương\s+án|biện\s+pháp|giải\s+pháp)(?![\w])"
                             r"|là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|(?:thường\s+trực|đầu\s+mối)(?!\s+của))(?![\w])")


def _subject_of(body: str, p: int, spans: list[UnitSpan], group: int, pending: list[UnitSpan],
                reading: Reading) -> tuple[list[str], list[UnitSpan], bool]:
    """The leads a clause's subject gives: (names, addressees still held, whether the names are held ones)."""
    after = body[spans[-1].end:]
    after_stripped = after.lstrip(" ,")
    if _ROLE_TERM_RE.match(after) and is_group(spans[-1].text):
        return [], pending, True
    if group == -1 and after.startswith(";") and spans[0].start == p:
        return [], pending + spans, True  # a whole segment of names: an addressee, if a marker follows
    # An item that opens with its addressees may start their task after the colon with a capital, as a new sentence
    # ("c) Bưu điện Quảng Ngãi, Viễn thông Quảng Ngãi: Đảm bảo thông tin liên lạc …"); not a bullet inside a description.
    run_in = _RUN_IN_RE.match(after) or (p == 0 and _RUN_IN_RE.match(after.lower()))
    if group == -1 and spans[0].start == p and run_in and not pending:
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
    if reading.pseudo and (conditional_route(body, p) or not P.CLOSING_PREDICATE_RE.match(after_stripped)):
        return [], pending, True
    adverbial = P.ADVERBIAL_RE.match(after_stripped)
    if adverbial:
        # "X theo chức năng, nhiệm vụ được giao, chủ động …": the predicate comes after; where the bases run on past
        # the adverbial ("X căn cứ chức năng, nhiệm vụ được giao, thực trạng, … khẩn trương đăng ký"), "căn cứ" is the
        # subject's own verb.
        rest = after_stripped[adverbial.end():].lstrip(" ,")
        if P.LEAD_VERB_RE.match(rest):
            return [sp.text for sp in spans], pending, True
        if P.PREDICATE_RE.match(rest) or not after_stripped.startswith("căn cứ"):
            after_stripped = rest
    if P.ASSIGNING_VERB_RE.match(after_stripped):
        return [], pending, True  # the subject hands the work on; the object is read by the request rule
    pred = P.PREDICATE_RE.match(after_stripped)
    if _HAVING_WORK_RE.match(after_stripped):
        return [sp.text for sp in spans], pending, False
    if pred and pred.group(0) not in P.PREPOSITIONS and (
            not P.PETITION_RE.match(after_stripped) or (reading.delegated and DECIDES_RE.match(after_stripped))):
        return [sp.text for sp in spans], pending, False
    return [], pending, True


def _sentence_end(text: str) -> int:
    stop = re.search(r"[.\n]", text)
    return stop.start() if stop else len(text)


def conditional_route(body: str, pos: int) -> bool:
    """Inside a conditional reporting route ("nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về …"),
    which outside a numbered item is not an assignment."""
    start = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos)) + 1
    return bool(P.CONDITIONAL_ROUTE_RE.search(body, start, pos + 1))


def _up_to_marker(body: str, spans: list[UnitSpan], tail: re.Match) -> list[str]:
    last = spans[-1]
    return [sp.text for sp in spans[:-1]] + [body[last.start: last.end + tail.start()].rstrip(" ,")]


_CONDITION_END_RE = re.compile(r"(?:vướng\s+mắc|khó\s+khăn)\s*,?\s*$")


def asked_on_a_condition(body: str, pos: int) -> bool:
    """ "Trong quá trình thực hiện, nếu có phát sinh vướng mắc yêu cầu các Sở, ban, ngành … phản ánh kịp thời về …":
    the request a numbered item makes on a condition (tests/gold NOTES-73-76 call 3)."""
    start = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos)) + 1
    return bool(P.CONDITIONAL_ROUTE_RE.search(body, start, pos) and _CONDITION_END_RE.search(body, start, pos))

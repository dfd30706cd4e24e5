"""Headings that name units: a node's title line, the unit heading a node, the sections of aims.

- :func:`own_text` — a node's text without its marker;
- :func:`heading_of` / :func:`descriptive` — a node's heading, and whether it sits under MỤC ĐÍCH / YÊU CẦU …;
- :func:`heading_roles` — the units a node's heading names ("Sở Tài chính", "Đề nghị Ban …", "Các Bộ: Công
  Thương, Xây dựng", "Trách nhiệm của Sở …"), which lead the node;
- :func:`role_block` — a node that is only a role sub-heading ("a) Cơ quan chủ trì").

The clause rules are in ``unit_subjects`` (subjects) and ``unit_roles`` (requests, supports, labelled fields).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.fold import compare_key
from kehoach.extractors.markers import strip_marker
from kehoach.extractors.unit_keys import clean_unit, is_group
from kehoach.extractors.unit_names import find_units, scan_units
from kehoach.extractors.unit_words import SPACE_RE, ambiguous_is_verb, starts_known_body
from kehoach.schemas.models import Node

# A heading naming a group and its members in brackets, or a body and its role in brackets.
_MEMBERS_RE = re.compile(r"^(?P<group>[^()]+?)\s*\((?P<members>[^()]+)\)\s*[:.]?$")
# A heading that is a subject and its marker: "Các tổ chức, cá nhân … trên địa bàn có trách nhiệm:".
_RESPONSIBLE_HEADING_RE = re.compile(r"^(?P<subject>.+?)\s+(?:có|chịu)\s+trách\s+nhiệm\s*:?$")
_ROLE_HEAD_RE = re.compile(r"(?:Đơn\s+vị|Cơ\s+quan|Bộ\s+phận)\s")
# A heading that ends on a title without its body ("Chánh Văn phòng", "Chánh", "Giám đốc").
_BARE_TITLE_END_RE = re.compile(
    r"(?:^|[;,]\s*)(?:Chánh(?:\s+[Vv]ăn\s+phòng|\s+Thanh\s+tra)?|(?:Phó\s+)?(?:Giám\s+đốc|Chủ\s+tịch|Thủ\s+trưởng))\s*$")
_VAGUE_RE = re.compile(r"^các\s+(?:tổ\s+chức|cơ\s+quan|đơn\s+vị)\s+khác$")
_LIST_GAP_RE = re.compile(r"\s*(?:,|;|,?\s+và)\s*")
_GLUED_BULLET_RE = re.compile(r"\s[-+•]\s+(?=(?:Đồng\s+chí|Đ/c)\s)")
_CUT_HEADING = 50
_TITLE_MAX = 120  # headings cut from running text are ~60 characters long
_DESCRIPTIVE_MAX_WORDS = 4  # "Mục đích", "Yêu cầu chung": a sub-heading of aims, not "Yêu cầu về kỹ thuật …"


# --- node context --------------------------------------------------------------

def own_text(node: Node) -> str:
    """The node's own text without its marker ("1.", "III.", "Điều 3.") when the text repeats it."""
    text = node.text or ""
    if node.kind != "pseudo":
        stripped = text.lstrip()
        if node.marker and stripped.startswith(node.marker):
            return stripped[len(node.marker):].lstrip()
        if not node.marker:
            text = strip_marker(text)
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


def lineage(node: Node, by_id: dict[str, Node]) -> Iterator[Node]:
    """The node, then each node above it up to the root."""
    current: Node | None = node
    while current is not None:
        yield current
        current = by_id.get(current.parent) if current.parent else None


def in_article(node: Node, by_id: dict[str, Node]) -> bool:
    """The node is an article of a legal text or inside one (its rules, not a plan's tasks)."""
    return any(current.kind == "article" for current in lineage(node, by_id))


def descriptive(node: Node, by_id: dict[str, Node]) -> bool:
    """Inside MỤC ĐÍCH / YÊU CẦU / MỤC TIÊU … (aims, not tasks)."""
    for current in lineage(node, by_id):
        line = heading_of(current, own_text(current))
        heading = compare_key(line)
        if P.DESCRIPTIVE_HEADING_RE.match(heading) and not _opens_a_request(current, line):
            is_root = current.parent is None or current.parent not in by_id
            if is_root or len(heading.split()) <= _DESCRIPTIVE_MAX_WORDS or ":" in heading[:25]:
                return True
    return False


def _opens_a_request(node: Node, line: str) -> bool:
    """The "heading" is the opening of the item's own sentence, and that sentence hands work to a body: "Yêu cầu UBND
    các huyện … chỉ đạo …" (a request, not the heading "Yêu cầu", requirements), "Căn cứ quy định tại … Nghị định
    số 161/2024/NĐ-CP …; giao Sở Nông nghiệp và Phát triển nông thôn rà soát …" (not a heading "Căn cứ", bases)."""
    text = (node.text or "").lstrip()
    if not line.strip() or not text.startswith(line.strip()):
        return False
    stop = re.search(r"\.(?:\s|$)|\n", text)
    sentence = text[:stop.start() if stop else len(text)]
    return any(P.UNIT_START_RE.match(sentence, SPACE_RE.match(sentence, m.end()).end())
               for m in P.REQUEST_RE.finditer(sentence))


def rules_kind(node: Node, by_id: dict[str, Node]) -> str | None:
    """Whether the node states rules, and which: "contest" under a heading that states a contest's or an award
    scheme's rules ("Tiêu chí đánh giá, xếp loại", "Cách thức xếp hạng", "Số lượng đề nghị khen thưởng"),
    "regulation" in a chapter of an attached regulation that is not its task chapter ("Chương I NHỮNG QUY ĐỊNH
    CHUNG", not "TỔ CHỨC THỰC HIỆN"), None elsewhere. In both a bare subject or a unit heading states a rule and
    only an explicit trigger assigns (tests/gold NOTES-70-72 call 3, NOTES-87-89 call 6); in a regulation's chapter
    the duty a procedure puts on a named body assigns too (NOTES-64-67 call 5, NOTES-149-150 call 3). The nearest
    title line that tells decides: "Phương án triển khai" under "NỘI DUNG THI ĐUA, PHƯƠNG ÁN TRIỂN KHAI, …" is a
    task section."""
    # A unit heading ("a) Các cơ quan, đơn vị cấp tỉnh …:") names whom the lines under it concern, not the topic.
    titles = [(current, compare_key(heading)) for current in lineage(node, by_id)
              for heading, is_title in [_title_line(current, own_text(current))]
              if is_title and heading and not P.UNIT_START_RE.match(heading)]
    if not titles:
        return None
    if P.RULES_HEADING_RE.match(titles[0][1]):
        return "contest"
    if any(P.TASK_SECTION_RE.search(key) for _current, key in titles):
        return None
    in_chapter = any(current is not node and current.kind == "section" and current.id.startswith("Chương")
                     for current, _key in titles)
    return "regulation" if in_chapter else None


# --- units a heading names ----------------------------------------------------

def _heading_units(heading: str, is_title: bool = True) -> tuple[list[str], int]:
    """Units named by a heading line and how much of the heading they use (0: none).

    "Phòng Văn hóa - Xã hội", "Đối với Ủy ban nhân dân các cấp", "Đề nghị Ban …",
    run-in "Trung tâm sự nghiệp công: Chủ động …", "Các Bộ: Công Thương, Xây dựng".
    """
    head = heading.strip()
    if P.NOT_ASSIGNMENT_LINE_RE.match(head):
        return [], 0  # "Thành viên: Giám đốc Sở Y tế, …": a list of members, not a unit heading
    if P.SHARED_LIST_RE.match(head):
        spans = scan_units(head, 0)
        return ([s.text for s in spans], spans[-1].end) if is_title and spans else ([], 0)
    members = _MEMBERS_RE.match(head)
    if members and is_title and not P.LEAD_VERB_RE.search(members.group("group")):
        # "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế …)": the members named.
        spans = scan_units(members.group("members"), 0)
        if spans and spans[-1].end >= len(members.group("members").rstrip(" .")):
            return [s.text for s in spans], len(heading)
        head = members.group("group")  # "Sở Nội vụ (Cơ quan thường trực Ban …)": the body, not its role
    # (not "Sở Tài chính chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm …)": a sentence, its bracket a gloss)
    listed = _listed_units(head, is_title)
    if listed is not None:
        return listed, len(heading)
    return _named_units(head, is_title)


def _listed_units(head: str, is_title: bool) -> list[str] | None:
    """A heading that is a subject with its marker ("Các đơn vị cấp nước … có trách nhiệm:") or a head
    shared by a list ("Các Sở: Tài chính, Nội vụ", "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền")."""
    responsible = _RESPONSIBLE_HEADING_RE.match(head)
    if responsible and is_title and P.UNIT_START_RE.match(responsible.group("subject")):
        subject = responsible.group("subject")
        spans = scan_units(subject, 0)
        return [s.text for s in spans] if spans and spans[-1].end >= len(subject) else [subject]
    shared = _shared_head_items(head)
    if shared:
        word, items = shared
        return [f"{word} {item}" for item in items]
    level = P.SHARED_LEVEL_RE.match(head)
    if level and P.UNIT_START_RE.match(level.group("head")):
        items = [i.strip() for i in re.split(r"\s*,\s*|\s+và\s+", level.group("items")) if i.strip()]
        if all(w[:1].isupper() for i in items for w in i.split()):  # places, not "Bình Tây chủ trì rà soát …"
            lvl = " ".join(level.group("level").split())
            return [f"{level.group('head').strip()} {lvl} {item}" for item in items]
    return None


def _named_units(head: str, is_title: bool) -> tuple[list[str], int]:
    """The units a heading names after its lead-in ("Giao", "Đề nghị", "Nhiệm vụ của"), and how much of
    the heading they use: a heading of names, a run-in "X: …", or a sentence whose subject they are."""
    bare = P.LEADING_VERB_RE.sub("", head, count=1)
    if P.HONORIFIC_RE.match(bare):
        head = P.HONORIFIC_RE.sub("", bare, count=1)  # "Đ/c Trưởng Ban …", "Giao đồng chí …"
    duties = P.HEADING_OF_RE.match(head)
    lead_in = P.LEADING_VERB_RE.match(head) or duties
    offset = lead_in.end() if lead_in else 0
    title, colon, _rest = head[offset:].partition(":")
    title = P.TRAILING_RE.sub("", title)
    if not title or len(title) > 160 or not (is_title or colon):
        return [], 0
    if not is_title and P.SHARED_LIST_RE.search(head, offset):
        return [], 0  # "…, Giám đốc các Sở: Tư| pháp, …": the colon opens a shared-head list, not a run-in task
    start = P.UNIT_START_RE.match(title)
    if start and start.group("party"):
        return [], 0  # "Doanh nghiệp số": a bare category heads a topic, not the body doing it
    spans = scan_units(title, 0)
    if duties and spans and _names_a_role(title[spans[-1].end:]):
        return [], 0  # "Trách nhiệm của các cơ quan phối hợp": a role in a procedure, not a body (corpus NOTES)
    if P.FIELD_HOLDER_RE.match(title):
        names = [title]  # "Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng": one person, many fields
    elif spans and spans[-1].end >= len(title):
        names = [s.text for s in spans]
    elif is_title and spans and _having_group(title, spans):
        names = [title]  # "Các doanh nghiệp có cửa hàng bán lẻ xăng dầu": the clause says which members
    elif spans and spans[0].start == 0 and not duties and (sentence := _heading_predicate(title[spans[-1].end:])) is not None:
        # A heading that is a sentence: "Sở Xây dựng - Đánh giá sự phù hợp …", "Chủ tịch UBND thành phố
        # quyết định …" name their subject; "Hội đồng … là cơ quan tham mưu …" names none.
        return ([s.text for s in spans], offset + spans[-1].end) if sentence else ([], 0)
    elif P.UNIT_START_RE.match(title) and "." not in title and not P.LEAD_VERB_RE.search(title) and not (
            spans and _verb_soon(title[spans[-1].end:])):
        # A heading line that is one long name: "Tổ tiếp công dân, xử lý khiếu nại, …"; not a sentence whose verb
        # the scanner did not reach ("Các trường học tuyên truyền, khuyến khích …"). A list of bodies whose last
        # name the scanner did not finish is the list, the rest of the line the last name's ("Các sở ngành liên
        # quan, Viện Nghiên cứu phát triển Thành phố").
        names = _listed_to_the_end(title, spans) or [title]
    else:
        return [], 0
    names = [n for n in names if not _VAGUE_RE.match(compare_key(clean_unit(n)))]
    used = offset + len(head[offset:].partition(":")[0]) + (1 if colon else 0)
    return names, used


def _listed_to_the_end(title: str, spans: list) -> list[str] | None:
    """The names of a heading that lists bodies, the last running to the end of the line; None when not a list."""
    if len(spans) < 2 or spans[0].start or not title[spans[-1].start].isupper() or any(
            not _LIST_GAP_RE.fullmatch(title[a.end:b.start]) for a, b in pairwise(spans)):
        return None  # "… tỉnh và các cơ quan báo chí đóng trên địa bàn": a group's qualifier, not a named body's rest
    return [s.text for s in spans[:-1]] + [P.TRAILING_RE.sub("", title[spans[-1].start:])]


def _verb_soon(rest: str) -> bool:
    """One of the first two words after the units opens a predicate; a preposition first opens a qualifier ("trong
    quản lý lớp học"), whose verbs are nouns."""
    for word in list(re.finditer(r"\S+", rest.split(",", 1)[0]))[:2]:
        pred = P.PREDICATE_RE.match(rest, word.start())
        if pred:
            return pred.group(0) not in P.PREPOSITIONS
    return False


def _having_group(title: str, spans: list) -> bool:
    """The heading is one group and a restrictive "có …" clause without a verb of its own."""
    rest = title[spans[-1].end:].lstrip()
    if len(spans) > 1 or spans[0].start or not is_group(spans[0].text) or not P.HAVING_RE.match(rest):
        return False
    return not any(P.PREDICATE_RE.fullmatch(word) for word in rest.split()[1:])


def _names_a_role(rest: str) -> bool:
    """What follows a group's name in "Trách nhiệm của …" is a verb that makes it a role ("phối hợp", "đề nghị
    cung cấp thông tin", "được giao chủ trì"), not a qualifier ("trong quản lý lớp học", "thuộc tỉnh")."""
    pred = P.PREDICATE_RE.match(rest.lstrip())
    return bool(pred) and (pred.group(0) not in P.PREPOSITIONS or pred.group(0) == "được")


def _heading_predicate(rest: str) -> bool | None:
    """What follows the units of a heading: None when not a predicate (the heading may be one
    long name), True for a task verb, False for a copula or a preposition ("là", "bao gồm")."""
    rest = rest.lstrip(" -–—")
    if not rest or rest[0] in ",;(":
        return None
    head = rest[:1].lower() + rest[1:40]
    adverbial = P.ADVERBIAL_RE.match(head)
    if adverbial:
        return True
    pred = P.PREDICATE_RE.match(head)
    cont = P.NAME_CONTINUATION_RE.match(head)
    if not pred or (cont and cont.end() >= pred.end()
                    and not (head[:cont.end()] in P.AMBIGUOUS_WORDS and ambiguous_is_verb(head, 0, cont.end()))):
        # "quản lý hồ sơ" is a verb with its object, "quản lý các khu" part of a name; the longer word wins
        # ("công bố" is a verb, not "công" of "công lập")
        return None
    return pred.group(0) not in P.PREPOSITIONS and not P.ASSIGNING_VERB_RE.match(head)


def title_kept_out(node: Node, body: str) -> str:
    """The node's heading when the structure stage kept it out of the text (a title line), else ""."""
    heading = " ".join((node.heading or "").split())
    if node.kind == "pseudo" or not heading or " ".join(body[:len(heading) * 2].split()).startswith(heading):
        return ""
    return heading


def kept_heading(node: Node, body: str) -> str:
    """The node's title line when a sentence of the text begins in it ("Điều 4. Chánh Văn phòng Ủy ban nhân
    dân⏎Thành phố, Giám đốc Sở …"): a unit's name not closed by "." or ":"; else ""."""
    heading = title_kept_out(node, body)
    return heading if P.UNIT_START_RE.match(heading) and not heading.endswith((".", ":")) else ""


def role_block(node: Node) -> bool:
    """A node that is only a role sub-heading ("a) Cơ quan chủ trì", "Đơn vị phối hợp") over the bodies it
    lists: its units belong to the task above it."""
    heading = (node.heading or "").strip().rstrip(":")
    label = P.LABEL_RE.match(heading + ":")
    return (node.kind == "item" and label is not None and label.end() >= len(heading)
            and _ROLE_HEAD_RE.match(heading) is not None)


def heading_roles(node: Node, body: str) -> tuple[list[str], str, int]:
    """Units the node's heading names, the body to read on (a glued bullet line put back), and how much of
    the body the heading units used (the subject rule starts after it)."""
    heading, is_title = _title_line(node, body)
    wrapped = _wrapped_duties(heading, body) if is_title else None
    if wrapped:
        return wrapped
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
    shared = _shared_list_below(heading, first) if is_title else None
    if shared:
        return shared, body.lstrip().partition("\n")[2], 0
    names, used = _heading_units(heading, is_title)
    line = body.lstrip().split("\n", 1)[0]
    if names and heading and line.startswith(heading) and re.match(r"\s+[\w(]", line[len(heading):]) \
            and used >= len(heading.rstrip(" :")):
        # A heading cut from running text in the middle of a name ("…, Hội Liên hiệp| Phụ nữ …"):
        # read the whole sentence as text instead.
        names, used = [], 0
    skip_to = used if names and body.lstrip().startswith(heading) else 0
    return names, body, skip_to


def _shared_head_items(head: str) -> tuple[str, list[str]] | None:
    """The head and the items of a list that shares it ("Các Sở: Tài chính, Nội vụ", also after "Trách nhiệm của"):
    ("Sở", ["Tài chính", "Nội vụ"]); None when ``head`` is no such list."""
    duties = P.HEADING_OF_RE.match(head)
    shared = P.SHARED_HEAD_RE.match(head[duties.end():] if duties else head)
    if not shared:
        return None
    items = [item.strip() for item in re.split(r"\s*,\s*", shared.group("items")) if item.strip()]
    return " ".join(shared.group("head").split()), items


def _shared_list_below(heading: str, first: str) -> list[str] | None:
    """A shared head cut from its list at the colon, the list on the text's first line ("2. Trách nhiệm của các
    Sở:" ⏎ "Xây dựng, Tài chính, Nội vụ."): one body per item; None when the line is no list of names."""
    shared = _shared_head_items(f"{heading}: {first}")
    if not shared or not shared[1] or not all(item[:1].isupper() for item in shared[1]):
        return None
    word, items = shared
    return [f"{word} {item}" for item in items]


def _wrapped_duties(heading: str, body: str) -> tuple[list[str], str, int] | None:
    """A duties title wrapped inside its body's name, the text's first line finishing it ("Điều 3. Trách nhiệm của
    Sở⏎Công Thương"): the whole name leads; None when the title is not one."""
    duties = P.HEADING_OF_RE.match(heading)
    rest = body.lstrip()
    line = rest.split("\n", 1)[0].strip()
    if not duties or not line[:1].isupper() or rest.startswith(heading) or P.UNIT_START_RE.match(line) \
            or not starts_known_body(f"{heading[duties.end():]} {line.split()[0]}"):
        return None
    names = _heading_units(f"{heading} {line}")[0]
    return (names, rest.partition("\n")[2], 0) if names else None


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

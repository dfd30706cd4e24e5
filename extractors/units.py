"""Unit assignments: who leads (chủ trì) and who supports (phối hợp) each node's work.

Public entry points:

- :func:`extract_assignments` — nodes in, ``Assignment`` list out (a whole stage);
- :func:`mark_tasks` — nodes in, new nodes with ``task`` set;
- :func:`find_units` — the unit names in a piece of text, with offsets (for spaCy spans);
- :func:`unit_id` — the folded key that makes one body one id across spellings.

Rules (corpus README, gold NOTES): a unit heading a node leads it; "X chủ trì",
"X có/chịu trách nhiệm", "Giao X", "Đề nghị X", "Đơn vị chủ trì: X", "Trách nhiệm
chỉ đạo thực hiện: X; Y" and a unit that is the subject of a task sentence lead;
"phối hợp (với) X", "cùng X", "Đơn vị phối hợp: X" support. Report recipients,
directed or mobilised units, participant lists and statements of aims are not
assignments. Assignments stay on the node where they are stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.deadlines import find_deadline
from kehoach.extractors.fold import compare_key
from kehoach.schemas.models import Assignment, Node

_WORD_RE = re.compile(r"[\w&/]+(?:-[\w&]+)*")
_SPACE_RE = re.compile(r"\s*")
_LIST_SEP_RE = re.compile(r"\s*(?:,\s*và|;\s*và|,|;|và)\s+")
_PAREN_RE = re.compile(r"\(\s*([^()]{1,40}?)\s*\)")
_CLAUSE_SPLIT_RE = re.compile(r"(?:\n\s*(?:[-+•*–]\s+)?|[.;:!?]\s+(?:[-+•*–]\s+)?|(?<=[.;:])$|^\s*(?:[-+•*–]\s+)?)")
_BULLET_RE = re.compile(r"^\s*[-+•*–]\s*")
_TRAIL_RE = re.compile(r"[\s,;:.…]+$|\s*\.{2,}$")
_VAGUE_RE = re.compile(r"^các\s+(?:tổ\s+chức|cơ\s+quan|đơn\s+vị)\s+khác$")
_GLUED_BULLET_RE = re.compile(r"\s[-+•]\s+(?=(?:Đồng\s+chí|Đ/c)\s)")
_CUT_HEADING = 50
_TITLE_MAX = 120  # headings cut from running text are ~60 characters long
_DESCRIPTIVE_MAX_WORDS = 4  # "Mục đích", "Yêu cầu chung": a sub-heading of aims, not "Yêu cầu về kỹ thuật …"

# Words that can be a noun in a name or the verb after it ("các cơ quan, tổ chức" /
# "các thôn ấp, tổ dân phố, tổ chức phổ biến"): a verb when another predicate follows.
_AMBIGUOUS = {"tổ chức", "cấp", "quản lý", "tổng hợp", "tham mưu", "phụ trách", "trực tiếp", "công an"}
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
_QUALIFIER_RE = re.compile(r"\s*(?:có\s+tên|được\s+(?:giao|phân\s+công|nêu)|nêu\s+tại|tại|thuộc|trực\s+thuộc|có\s+liên\s+quan|liên\s+quan|(?:tới|đến)\s+việc)(?![\w])")
# A qualifier that describes the group rather than names it: the name stays as scanned
# ("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm").
_DESCRIBING_RE = re.compile(r"\s*(?:tới|đến)\s+việc(?![\w])")
# An adverbial between a subject and its predicate.
_ADVERBIAL_RE = re.compile(
    r"(?:theo|căn\s+cứ|trên\s+cơ\s+sở|trong\s+phạm\s+vi)\s+(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền|lĩnh\s+vực)[^.;:\n]{0,60}?"
    r"(?:được\s+giao|của\s+mình|quản\s+lý|theo\s+quy\s+định)\s*,?")
_BARE_HEADS = {"Văn phòng", "Ban", "Trung tâm", "Chi nhánh", "Hội đồng", "Cục", "Chi cục", "Ngân hàng", "Kho bạc"}
# A capitalised word that opens a deadline cell, not part of a name ("UBND các phường, xã Quý III Năm 2026").
# After a person's title, a group of bodies: "Thủ trưởng các sở, ban, ngành", "Người đứng đầu cơ quan, đơn vị".
_TITLE_GROUP_RE = re.compile(rf"(?:(?:các|những)\s+(?:{P.GROUP_NOUN})|cơ\s+quan|đơn\s+vị|tổ\s+chức)(?![\w])", re.VERBOSE)
# Heads that open a new body even without a separator (table cells joined on one line).
_PLURAL_GROUP_RE = re.compile(rf"(?:các|những)\s+(?:{P.GROUP_NOUN})(?![\w])", re.VERBOSE)  # "thuộc các bộ, ngành"
_NEW_BODY_HEADS = {"Sở", "Ủy ban", "Uỷ ban", "UBND", "Bộ", "Phòng", "Công an", "Trung tâm"}
_CAPITAL_STOP_RE = re.compile(r"(?:Quý|Quí|Năm|Tháng|Trước|Thường\s+xuyên|Hằng|Hàng|Tỷ\s+lệ|Tỉ\s+lệ)(?:\s|$)")


@dataclass(frozen=True, slots=True)
class UnitSpan:
    """One unit name found in a text: offsets and the name as written."""

    start: int
    end: int
    text: str


# --- keys --------------------------------------------------------------------

def expand_unit(unit: str) -> str:
    """Abbreviations written out: "UBND các xã" → "Ủy ban nhân dân các xã"."""
    return P.ABBREVIATION_RE.sub(lambda m: P.ABBREVIATIONS[m.group(0)], unit)


def clean_unit(unit: str) -> str:
    """The unit as written, minus honorifics, leading request verbs and trailing punctuation."""
    unit = " ".join(unit.split())
    unit = P.HONORIFIC_RE.sub("", unit)
    unit = P.LEADING_VERB_RE.sub("", unit)
    unit = P.HONORIFIC_RE.sub("", unit)
    return _TRAIL_RE.sub("", unit)


def unit_id(unit: str) -> str:
    """Stable folded key: abbreviations expanded, tone placement, dashes, case and spaces unified.

    "Phòng Văn hoá - Xã hội", "Phòng Văn hóa – Xã hội" and "Phòng VHXH" give one id.
    """
    key = compare_key(expand_unit(clean_unit(unit)))
    key = key.replace("ủy ban mặt trận tổ quốc việt nam", "ủy ban mặt trận tổ quốc")
    key = key.replace("mặt trận tổ quốc việt nam", "mặt trận tổ quốc")
    key = re.sub(r"[,;]", "", key)
    return re.sub(r"\s+", " ", key).strip()


# --- names ---------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _pos_noun_len(context: str) -> int:
    """Length of the first word of ``context`` when underthesea tags it a noun, else 0.

    For lower-case words the lexicons do not know ("bệnh tật", "triệu tập"): word
    segmentation decides where the word ends, the tag whether a name goes on.
    Loaded lazily and called only on such words, so the text stage stays fast.
    """
    try:
        from underthesea import pos_tag
    except ImportError:  # pragma: no cover - underthesea is a dependency
        return 0
    tagged = pos_tag(context)
    if not tagged or tagged[0][1] not in {"N", "Np", "Nc", "Nu", "Ny"} or not context.startswith(tagged[0][0]):
        return 0
    return len(tagged[0][0])


@lru_cache(maxsize=4096)
def _first_word_len(context: str) -> int:
    """Length of the first word of ``context`` per underthesea's word segmentation:
    a capitalised syllable and the lower-case syllables of the same word
    ("Tài chính", "Giao thông") form one word of a name."""
    try:
        from underthesea import word_tokenize
    except ImportError:  # pragma: no cover - underthesea is a dependency
        return 0
    tokens = word_tokenize(context)
    if not tokens:
        return 0
    first = tokens[0]
    return len(first) if context.startswith(first) else 0


def _capital_word_end(text: str, j: int, word: re.Match) -> int:
    """End of the capitalised word at ``j`` with the lower-case syllables that belong to it."""
    end = word.end()
    nxt = _SPACE_RE.match(text, end).end()
    after = _WORD_RE.match(text, nxt)
    if after and not _is_upper(after.group(0)) and not P.PREDICATE_RE.match(text, nxt):
        span = _first_word_len(text[j:j + 30].split("\n", 1)[0])
        if span > len(word.group(0)):
            end = j + span
            # The segmenter may glue a verb to a name ("Tôn giáo chịu", "Tôn giáo khẩn trương"): stop before it.
            for syl in re.finditer(r"\s+", text[nxt:end]):
                k = nxt + syl.end()
                if P.PREDICATE_RE.match(text, k) and not P.NAME_CONTINUATION_RE.match(text, k):
                    end = nxt + syl.start()
                    break
    return end


def _is_upper(word: str) -> bool:
    return word[:1].isupper()


def _match_at(regex: re.Pattern, text: str, pos: int) -> re.Match | None:
    return regex.match(text, pos)


def _ambiguous_is_verb(text: str, pos: int, word_end: int) -> bool:
    """An ambiguous word is a verb when a predicate or an object follows, a noun before , ; . và."""
    nxt = _SPACE_RE.match(text, word_end).end()
    if nxt >= len(text) or text[nxt] in ";.:)…":
        return False
    if text.startswith("và ", nxt) or P.LEAD_VERB_RE.match(text, nxt) or P.SUPPORT_RE.match(text, nxt):
        return False  # "các cơ quan, tổ chức chủ trì …": the verb is the next word
    if text[nxt] == ",":
        k = _SPACE_RE.match(text, nxt + 1).end()
        return bool(P.PREDICATE_RE.match(text, k)) and not P.NAME_CONTINUATION_RE.match(text, k)
    cont = P.NAME_CONTINUATION_RE.match(text, nxt)
    return not (cont and text[nxt:cont.end()] not in _AMBIGUOUS)


def _scan_name(text: str, pos: int, known: tuple[str, ...] = ()) -> int | None:
    """End offset of the single unit name that starts at ``pos``, or None.

    ``known`` are names the document itself set up ("thành lập Ban Chỉ đạo thực hiện
    hỗ trợ nhà ở …"): such a name is taken whole, verbs inside it included.
    """
    start = P.UNIT_START_RE.match(text, pos)
    if not start:
        return None
    plural = start.group("plural") is not None
    end = start.end()
    for name in known:
        if text.startswith(name, pos):
            end = pos + len(name)
            break
    closed = False
    bare_end = end if start.group("org") and " ".join(start.group("org").split()) in _BARE_HEADS else -1
    while True:
        j = _SPACE_RE.match(text, end).end()
        if j >= len(text):
            break
        if end == bare_end and j == end + 1:
            bare_end = -1
            word = _WORD_RE.match(text, j)
            if word and not _is_upper(word.group(0)) and word.group(0) not in {"các", "những", "và", "của"} and (
                    not P.PREDICATE_RE.match(text, j) or text[j:j + 7] in {"quản lý", "đăng ký"}):
                # "Văn phòng đăng ký đất đai", "Ban quản lý Khu Kinh tế": the head needs its next word.
                span = _first_word_len(text[j:j + 30].split("\n", 1)[0]) or len(word.group(0))
                end = j + span
                continue
        if start.group("title") and end == start.end():
            group = _TITLE_GROUP_RE.match(text, j)
            if group:
                end = group.end()  # "Thủ trưởng các Sở, ban, ngành", "Giám đốc các sở"
                plural = True
                continue
        if _CAPITAL_STOP_RE.match(text, j):
            break
        fixed = P.FIXED_NAME_RE.match(text, j)
        if fixed:
            end = fixed.end()
            continue
        ch = text[j]
        if ch in "-–—" and j > end:
            # "Lao động - Thương binh": a dash between capitalised parts of one name.
            k = _SPACE_RE.match(text, j + 1).end()
            word = _WORD_RE.match(text, k)
            if (word and _is_upper(word.group(0)) and not P.HONORIFIC_RE.match(text[k:])
                    and not P.PREDICATE_RE.match(text[k:k + 20].lower())):
                end = _capital_word_end(text, k, word)
                continue
            break
        if ch == "(":
            paren = _PAREN_RE.match(text, j)
            inner = paren.group(1) if paren else ""
            # "các ông (bà)", "(MTTQ)" continue a name; "(Chủ trì)", "(b/c)" do not.
            if paren and (inner.isupper() or inner in {"bà", "ông", "bà)", "nếu có"}) and not P.LEAD_VERB_RE.search(inner.lower()):
                end = paren.end()
                continue
            break
        if ch == ",":
            k = _SPACE_RE.match(text, j + 1).end()
            if P.FIXED_NAME_RE.match(text, k):
                break
            word = _WORD_RE.match(text, k)
            if not word:
                break
            w = word.group(0)
            admin = P.ADMIN_LEVEL_RE.match(text, k)
            if admin and P.ADMIN_LEVEL_RE.search(text[max(0, j - 12):j]) and text[max(0, j - 12):j].rstrip().endswith(
                    ("xã", "phường", "khu", "trấn", "huyện", "quận", "tỉnh", "phố", "thôn", "ấp")):
                end = admin.end()  # "xã, phường, thị trấn"
                continue
            if plural and not closed and not _is_upper(w) and w not in {"các", "những"}:
                cont = P.NAME_CONTINUATION_RE.match(text, k) or _match_at(
                    re.compile(rf"(?:{P.GROUP_NOUN})(?![\w])", re.VERBOSE), text, k)
                if cont:
                    seg = text[k:cont.end()]
                    if seg in _AMBIGUOUS and _ambiguous_is_verb(text, k, cont.end()):
                        break
                    if P.PREDICATE_RE.fullmatch(seg) and seg not in _AMBIGUOUS and seg not in {"cấp"}:
                        break
                    end = cont.end()  # "các sở, ban, ngành"
                    continue
            if plural and not closed and _is_upper(w) and w in {"Bộ", "Sở", "Ban", "Ngành"}:
                end = word.end()  # "các Sở, Ban, ngành" written with capitals
                continue
            break
        if text.startswith("và ", j) or text.startswith("và\n", j):
            k = _SPACE_RE.match(text, j + 2).end()
            word = _WORD_RE.match(text, k)
            if not word:
                break
            w = word.group(0)
            if _is_upper(w):
                if P.UNIT_START_RE.match(text, k):
                    break  # "… và Ủy ban nhân dân tỉnh": a second body
                end = _capital_word_end(text, k, word)  # "Thương binh và Xã hội"
                continue
            if w in {"các", "những"}:
                break
            if plural and not closed:
                cont = P.ADMIN_LEVEL_RE.match(text, k) or P.NAME_CONTINUATION_RE.match(text, k)
                if cont and (text[k:cont.end()] not in _AMBIGUOUS or not _ambiguous_is_verb(text, k, cont.end())):
                    end = cont.end()  # "các sở, ban, ngành và địa phương"
                    continue
            break
        word = _WORD_RE.match(text, j)
        if not word:
            break
        w = word.group(0)
        if _is_upper(w):
            inner = P.UNIT_START_RE.match(text, j)
            if inner and inner.group("org"):
                if " ".join(inner.group("org").split()) in _NEW_BODY_HEADS and text[end - 1:end].islower() \
                        and P.ADMIN_LEVEL_RE.search(text[max(pos, end - 10):end]):
                    break  # "UBND xã, phường, đặc khu | Sở Tài chính": two table cells
                if start.group("org") and inner.group("org").split()[0] == start.group("org").split()[0] \
                        and " ".join(inner.group("org").split()) in _NEW_BODY_HEADS:
                    break  # "Sở Khoa học và Công nghệ | Sở Công Thương": the same head again is a new body
                end = inner.end()  # "Chủ tịch Ủy ban …", "Đảng ủy Hội đồng …": a body inside the name
                if " ".join(inner.group("org").split()) in _BARE_HEADS:
                    bare_end = end  # "Chi nhánh Văn phòng đăng ký đất đai"
                continue
            # "Tài chính", "Giao thông": the lower-case syllables of a capitalised word.
            end = _capital_word_end(text, j, word)
            continue
        if w in {"các", "những"}:
            group = _PLURAL_GROUP_RE.match(text, j)
            if group and re.search(r"(?:thuộc|của)\s*$", text[pos:end]):
                end = group.end()  # "các cơ quan chuyên môn thuộc các bộ, ngành Trung ương"
                plural, closed = True, False
                continue
            khu = re.compile(r"các\s+khu\s").match(text, j) and P.NAME_CONTINUATION_RE.match(text, j)
            if khu:
                end = khu.end()  # "Ban Quản lý các khu công nghệ cao và khu công nghiệp"
                continue
            level = P.ADMIN_LEVEL_RE.match(text, _SPACE_RE.match(text, word.end()).end())
            if level:
                end = level.end()  # "Ủy ban nhân dân các xã", "Ban công tác Mặt trận các thôn"
                plural = True
                continue
            if text.startswith("cấp", _SPACE_RE.match(text, word.end()).end()):
                end = _SPACE_RE.match(text, word.end()).end() + 3  # "Ủy ban nhân dân các cấp"
                continue
            break
        cont = P.NAME_CONTINUATION_RE.match(text, j)
        pred = P.PREDICATE_RE.match(text, j)
        if cont and (not pred or cont.end() > pred.end() or (
                text[j:cont.end()] in _AMBIGUOUS and not _ambiguous_is_verb(text, j, cont.end()))):
            seg = text[j:cont.end()]
            if seg in {"của", "thuộc", "ở"}:
                # "của X" / "thuộc X" continue only into a named body or a level.
                k = _SPACE_RE.match(text, cont.end()).end()
                nxt = _WORD_RE.match(text, k)
                if not nxt or not (_is_upper(nxt.group(0)) or P.ADMIN_LEVEL_RE.match(text, k)
                                   or P.NAME_CONTINUATION_RE.match(text, k) or _PLURAL_GROUP_RE.match(text, k)):
                    break
            if seg == "trên địa bàn":
                k = _SPACE_RE.match(text, cont.end()).end()
                if not P.ADMIN_LEVEL_RE.match(text, k):
                    break
            end = cont.end()
            if P.GROUP_CLOSER_RE.search(text[pos:end]):
                closed = True
            continue
        if pred:
            break
        if w in {"tỉnh", "xã", "phường"}:
            end = word.end()
            continue
        noun_len = _pos_noun_len(text[j:j + 40].split("\n", 1)[0])
        if noun_len:
            end = j + noun_len
            continue
        break
    return end


def _scan_units(text: str, pos: int, known: tuple[str, ...] = ()) -> list[UnitSpan]:
    """A list of units from ``pos``: "Sở Tài chính; Sở Nội vụ", "X, Y và các đơn vị liên quan"."""
    out: list[UnitSpan] = []
    while True:
        end = _scan_name(text, pos, known)
        if end is None:
            break
        name = _TRAIL_RE.sub("", text[pos:end])
        if name:
            out.append(UnitSpan(pos, pos + len(name), name))
        sep = _LIST_SEP_RE.match(text, end)
        if not sep:
            break
        nxt = sep.end()
        if not P.UNIT_START_RE.match(text, nxt):
            break
        pos = nxt
    return out


def find_units(text: str) -> list[UnitSpan]:
    """Every unit name in ``text`` (not only assigned ones), left to right, not overlapping."""
    out: list[UnitSpan] = []
    pos = 0
    while pos < len(text):
        m = P.UNIT_START_RE.search(text, pos)
        if not m:
            break
        if m.start() > 0 and (text[m.start() - 1].isalnum()):
            pos = m.start() + 1
            continue
        end = _scan_name(text, m.start())
        if end is None or end <= m.start():
            pos = m.end()
            continue
        name = _TRAIL_RE.sub("", text[m.start():end])
        out.append(UnitSpan(m.start(), m.start() + len(name), name))
        pos = max(end, m.start() + 1)
    return out


# --- node context --------------------------------------------------------------

def _own_text(node: Node) -> str:
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


def _heading_of(node: Node, body: str) -> str:
    return _title_line(node, body)[0]


def _descriptive(node: Node, by_id: dict[str, Node]) -> bool:
    """Inside MỤC ĐÍCH / YÊU CẦU / MỤC TIÊU … (aims, not tasks)."""
    current: Node | None = node
    while current is not None:
        heading = compare_key(_heading_of(current, _own_text(current)))
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
    lead_in = P.LEADING_VERB_RE.match(head) or P.HEADING_OF_RE.match(head)
    offset = lead_in.end() if lead_in else 0
    title, colon, _rest = head[offset:].partition(":")
    title = _TRAIL_RE.sub("", title)
    if not title or len(title) > 160 or not (is_title or colon):
        return [], 0
    spans = _scan_units(title, 0)
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
    if not pred or (cont and not (head[:cont.end()] in _AMBIGUOUS and _ambiguous_is_verb(head, 0, cont.end()))):
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
    plain = {0} | {m.end() for m in _SENTENCE_START_RE.finditer(text)}
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
        if not nxt or not (nxt.islower() or len(out.replace("*", " ").split()) <= 2) or nxt in "-+•*":
            return out
        out += " "
        pos = stop.end()


def _node_roles(node: Node, by_id: dict[str, Node], known: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(unit, role) pairs stated in one node's own text, in order."""
    body = _own_text(node)
    if not body.strip() and not node.heading:
        return []
    found: list[tuple[str, str]] = []
    pseudo = node.kind == "pseudo"
    if node.id in {"title", "preamble"}:
        return []
    if not pseudo and _descriptive(node, by_id):
        return []

    skip_to = 0
    if not pseudo:
        heading, is_title = _title_line(node, body)
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
        for name in names:
            found.append((name, "lead"))
        if names and body.lstrip().startswith(heading):
            skip_to = used

    # Labelled fields.
    for m in P.LABEL_RE.finditer(body):
        role = "lead" if m.group("lead") else "support"
        value = _label_value(body, m.end())
        for item in re.split(r"\s*;\s*", value):
            item = item.strip().lstrip("*").strip()
            spans = _scan_units(item, 0, known)
            if spans:
                found.extend((s.text, role) for s in spans)
            elif P.UNIT_START_RE.match(item):
                found.append((_TRAIL_RE.sub("", item), role))

    # Subjects: "X chủ trì", "X có trách nhiệm", and a unit opening a task sentence.
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
        line = _line_at(body, s)
        if P.NOT_ASSIGNMENT_LINE_RE.match(line):
            continue
        p = _BULLET_RE.match(body, s).end() if _BULLET_RE.match(body, s) else s
        hon = P.HONORIFIC_RE.match(body[p:])
        if hon:
            p += hon.end()
        spans = _scan_units(body, p, known)
        if not spans:
            continue
        after = body[spans[-1].end:]
        after_stripped = after.lstrip(" ,")
        if group == -1 and after.startswith(";") and spans[0].start == p:
            pending.extend(spans)  # a whole segment of names: an addressee, if a marker follows
            continue
        if group == -1 and (pending or (len(spans) > 1 and spans[0].start == p)) and after.startswith(":") and re.fullmatch(rf"(?:{P.TITLE_HEAD})", spans[-1].text, re.VERBOSE):
            pending.extend(spans[:-1])  # "…; Giám đốc: Trung tâm A, Trung tâm B; …": the title is shared
            continue
        if P.LEAD_VERB_RE.match(after_stripped) or (
                pending and (tail := P.LEAD_VERB_RE.search(after[:60])) and _QUALIFIER_RE.match(after)
                and not re.search(r"[.;\n]", after[:tail.start()])):
            found.extend((sp.text, "lead") for sp in pending)
            pending = []
            if not P.LEAD_VERB_RE.match(after_stripped):
                last = spans[-1]
                found.extend((sp.text, "lead") for sp in spans[:-1])
                found.append((body[last.start: last.end + tail.start()].rstrip(" ,"), "lead"))
                continue
            found.extend((sp.text, "lead") for sp in spans)
            if group >= 0:
                done_groups.add(group)
            continue
        describing = _DESCRIBING_RE.match(after)
        tail = P.LEAD_VERB_RE.search(after[:70 if describing else 40])
        if tail and not re.search(r"[.;:\n]", after[:tail.start()]) and _QUALIFIER_RE.match(after):
            if describing:
                found.extend((sp.text, "lead") for sp in spans)
                continue
            # "các ông (bà) có tên tại Điều 1 chịu trách nhiệm": the subject runs up to the marker.
            last = spans[-1]
            found.extend((sp.text, "lead") for sp in spans[:-1])
            found.append((body[last.start: spans[-1].end + tail.start()].rstrip(" ,"), "lead"))
            continue
        if pseudo:
            continue
        adverbial = _ADVERBIAL_RE.match(after_stripped)
        if adverbial:
            # "X theo chức năng, nhiệm vụ được giao, chủ động …": the predicate comes after.
            after_stripped = after_stripped[adverbial.end():].lstrip(" ,")
            if P.LEAD_VERB_RE.match(after_stripped):
                found.extend((sp.text, "lead") for sp in spans)
                continue
        if _ASSIGNING_VERB_RE.match(after_stripped):
            continue  # the subject hands the work on; the object is read by the request rule
        pred = P.PREDICATE_RE.match(after_stripped)
        if pred and pred.group(0) not in _PREPOSITIONS:
            found.extend((sp.text, "lead") for sp in spans)
            if group >= 0:
                done_groups.add(group)

    # Requests: "Đề nghị X …", "Giao X …".
    for m in P.REQUEST_RE.finditer(body):
        if m.start() < skip_to and not pseudo:
            continue
        before = body[max(0, m.start() - 12): m.start()]
        if P.REQUEST_NOT_RE.search(before):
            continue
        if P.REQUEST_OBJECT_NOT_RE.match(body, m.end()):
            continue
        if m.group(0).startswith("Yêu") and P.REGULATED_PARTY_RE.match(body, m.end()):
            continue
        if P.NOT_ASSIGNMENT_LINE_RE.match(_line_at(body, m.start())):
            continue
        spans = _scan_units(body, m.end(), known)
        if spans and P.PETITION_RE.match(body, spans[-1].end):
            continue  # "đề nghị Bộ trưởng … xem xét, quyết định": a petition upwards, not work handed down
        found.extend((sp.text, "lead") for sp in spans)

    # Supports: "phối hợp (với) X", "cùng X".
    if not pseudo:
        for m in P.SUPPORT_RE.finditer(body):
            if P.NOT_ASSIGNMENT_LINE_RE.match(_line_at(body, m.start())):
                continue
            if m.group(0).lower().startswith("cùng"):
                prev = body[:m.start()].rstrip()
                if prev.endswith(("phối hợp", "Phối hợp")):
                    continue
            found.extend((sp.text, "support") for sp in _scan_units(body, m.end(), known))
    return found


# --- public ----------------------------------------------------------------------

def extract_assignments(nodes: list[Node]) -> list[Assignment]:
    """Who leads and who supports each node's work, with the deadline stated there.

    Args:
        nodes: the document tree in order (numbered nodes and pseudo-nodes).
    Returns:
        One ``Assignment`` per (node, unit, role), in document order.
    """
    by_id = {n.id: n for n in nodes}
    known = tuple(sorted({m.group("name").strip() for n in nodes for m in P.ESTABLISHED_RE.finditer(n.text or "")},
                         key=len, reverse=True))
    out: list[Assignment] = []
    for node in nodes:
        roles = _node_roles(node, by_id, known)
        if not roles:
            continue
        deadline = find_deadline(_own_text(node))
        seen: set[tuple[str, str]] = set()
        ids = {(unit_id(clean_unit(n)), r) for n, r in roles}
        heading_id = unit_id(clean_unit(node.heading or ""))
        for name, role in roles:
            uid = unit_id(clean_unit(name))
            if any(r == role and other.startswith(uid + " ") for other, r in ids):
                continue  # "Tổ tiếp công dân" inside "Tổ tiếp công dân, xử lý khiếu nại, …": one body
            if role == "lead" and (uid, "support") in ids and not heading_id.startswith(uid):
                # "phối hợp Ban Quản lý …; các doanh nghiệp và các đơn vị liên quan rà soát …": the
                # units named after "phối hợp" support; they do not also lead the same node.
                continue
            unit = clean_unit(name)
            if not unit:
                continue
            key = (unit_id(unit), role)
            if key in seen:
                continue
            seen.add(key)
            out.append(Assignment(node=node.id, unit=unit, unit_id=key[0], role=role,
                                  deadline=deadline.date if deadline else None,
                                  deadline_text=deadline.text if deadline else None))
    return out


def mark_tasks(nodes: list[Node], assignments: list[Assignment] | None = None) -> list[Node]:
    """New nodes with ``task`` set: numbered nodes that ask for work.

    A node is a task when it has an assignment, or when it sits (at any depth) under a
    task section ("NHIỆM VỤ", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG …") and is not
    under MỤC ĐÍCH / YÊU CẦU / MỤC TIÊU. Articles count only through their assignments.
    """
    if assignments is None:
        assignments = extract_assignments(nodes)
    assigned = {a.node for a in assignments}
    by_id = {n.id: n for n in nodes}
    out: list[Node] = []
    for node in nodes:
        task = False
        if node.kind != "pseudo" and not _descriptive(node, by_id):
            if node.id in assigned:
                task = True
            elif node.kind != "article":
                parent = by_id.get(node.parent) if node.parent else None
                while parent is not None:
                    heading = compare_key(_heading_of(parent, _own_text(parent)))
                    if P.TASK_HEADING_RE.search(heading[:80]):
                        task = True
                        break
                    parent = by_id.get(parent.parent) if parent.parent else None
        out.append(node.model_copy(update={"task": task}))
    return out

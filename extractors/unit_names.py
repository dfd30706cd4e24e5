"""Unit names: where a body's name begins and ends in running text, and its comparison key.

- :func:`scan_units` — the list of names that starts at an offset ("Sở Tài chính; Sở Nội vụ");
- :func:`find_units` — every name in a text, with offsets (for spaCy spans);

Keys and groups are in ``unit_keys``, jurisdictions in ``unit_places``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kehoach.extractors import lexicon
from kehoach.extractors import unit_patterns as P
from kehoach.extractors.fold import compare_key

_WORD_RE = re.compile(r"[\w&/]+(?:-[\w&]+)*")
_SPACE_RE = re.compile(r"\s*")
_LIST_SEP_RE = re.compile(r"\s*(?:,\s*và|;\s*và|,|;|và)\s+")
_PAREN_RE = re.compile(r"\(\s*([^()]{1,40}?)\s*\)")
_BARE_HEADS = {"Văn phòng", "Ban", "Trung tâm", "Chi nhánh", "Hội đồng", "Cục", "Chi cục", "Ngân hàng", "Kho bạc"}
# A capitalised word that opens a deadline cell, not part of a name ("UBND các phường, xã Quý III Năm 2026").
# After a person's title, a group of bodies: "Thủ trưởng các sở, ban, ngành", "Người đứng đầu cơ quan, đơn vị".
_TITLE_GROUP_RE = re.compile(rf"(?:(?:các|những)\s+(?:{P.GROUP_NOUN})|cơ\s+quan|đơn\s+vị|tổ\s+chức|sở|cấp\s+[ủu][yỷ])(?![\w])",
                             re.VERBOSE)
# Titles that name no body by themselves ("Giám đốc", unlike "Bộ trưởng"): one before another shares its object.
_OBJECT_TITLE_RE = re.compile(r"(?:[Pp]hó\s+)?(?:[Gg]iám\s+đốc|[Tt]hủ\s+trưởng|[Nn]gười\s+đứng\s+đầu|[Cc]hủ\s+tịch|Trưởng)")
_TITLE_PAIR_RE = re.compile(rf",\s*(?:{P.TITLE_HEAD})(?![\w])", re.VERBOSE)
# Heads that open a new body even without a separator (table cells joined on one line).
_PLURAL_GROUP_RE = re.compile(rf"(?:các|những)\s+(?:{P.GROUP_NOUN})(?![\w])", re.VERBOSE)  # "thuộc các bộ, ngành"
_NEW_BODY_HEADS = {"Sở", "Ủy ban", "Uỷ ban", "UBND", "Bộ", "Phòng", "Công an", "Trung tâm"}
# A group closed by its place: "các sở, ban, ngành, đoàn thể Thành phố | và đơn vị có liên quan" is two units.
_PLACE_CLOSED_RE = re.compile(r"(?<!các\s)(?<!những\s)(?<!,\s)(?:[Tt]ỉnh|[Tt]hành\s+phố|[Tt]rung\s+ương)\s*$")
# The fields a person holds, after the title: ", phụ trách lĩnh vực …", "phụ trách công tác …".
_FIELD_RE = re.compile(r",?\s*(?:[Tt]hường\s+trực,?\s*)?phụ\s+trách\s+")
_CAPITAL_STOP_RE = re.compile(r"(?:Quý|Quí|Năm|Tháng|Trước|Thường\s+xuyên|Hằng|Hàng|Tỷ\s+lệ|Tỉ\s+lệ)(?:\s|$)")


@dataclass(frozen=True, slots=True)
class UnitSpan:
    """One unit name found in a text: offsets and the name as written."""

    start: int
    end: int
    text: str


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


def ambiguous_is_verb(text: str, pos: int, word_end: int) -> bool:
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
    return not (cont and text[nxt:cont.end()] not in P.AMBIGUOUS_WORDS)


@lru_cache(maxsize=1)
def _known_names() -> tuple[str, ...]:
    return tuple(compare_key(n) for b in lexicon.bodies() for n in (b.name, *b.aliases, *b.merged_from))


def starts_known_body(text: str) -> bool:
    """``text`` is the beginning of a body the lexicon knows ("Sở Công Thương", "Hội Liên hiệp Phụ" of
    "Hội Liên hiệp Phụ nữ tỉnh"), ending at a word boundary of the text."""
    key = compare_key(text)
    return any(name == key or name.startswith(key + " ") for name in _known_names())


def _org_head(start: re.Match) -> str | None:
    """The head of a body's name ("Sở", "Ủy ban", "Văn phòng"), of a known name too; None for titles and groups."""
    if start.group("org"):
        return " ".join(start.group("org").split())
    if start.group("known"):
        head = P.ORG_HEAD_RE.match(start.group("known"))
        return " ".join(head.group(0).split()) if head else start.group("known").split()[0]
    return None


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
    title_end = start.end()
    start_head = _org_head(start)
    bare_end = end if start.group("org") and start_head in _BARE_HEADS else -1
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
        if start.group("title") and end == title_end:
            paired = _TITLE_PAIR_RE.match(text, end)
            if paired and _OBJECT_TITLE_RE.fullmatch(text, start.start(), start.end()):
                end = title_end = paired.end()  # "Giám đốc, Thủ trưởng các sở": two titles over one object
                continue
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
                    if seg in P.AMBIGUOUS_WORDS and ambiguous_is_verb(text, k, cont.end()):
                        break
                    if P.PREDICATE_RE.fullmatch(seg) and seg not in P.AMBIGUOUS_WORDS and seg not in {"cấp"}:
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
            if plural and not closed and not _PLACE_CLOSED_RE.search(text, pos, end):
                cont = P.ADMIN_LEVEL_RE.match(text, k) or P.NAME_CONTINUATION_RE.match(text, k)
                if cont and (text[k:cont.end()] not in P.AMBIGUOUS_WORDS or not ambiguous_is_verb(text, k, cont.end())):
                    end = cont.end()  # "các sở, ban, ngành và địa phương"
                    continue
            break
        word = _WORD_RE.match(text, j)
        if not word:
            break
        w = word.group(0)
        if _is_upper(w):
            inner = P.UNIT_START_RE.match(text, j)
            inner_head = _org_head(inner) if inner else None
            if inner_head:
                if inner_head in _NEW_BODY_HEADS and text[end - 1:end].islower() \
                        and P.ADMIN_LEVEL_RE.search(text[max(pos, end - 10):end]):
                    break  # "UBND xã, phường, đặc khu | Sở Tài chính": two table cells
                if start_head and inner_head.split()[0] == start_head.split()[0] and inner_head in _NEW_BODY_HEADS:
                    break  # "Sở Khoa học và Công nghệ | Sở Công Thương": the same head again is a new body
                if start.group("known") and inner.group("known") and end == start.end():
                    break  # two known bodies back to back: two table cells
                end = inner.end()  # "Chủ tịch Ủy ban …", "Đảng ủy Hội đồng …": a body inside the name
                if inner.group("org") and inner_head in _BARE_HEADS:
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
            khu = re.compile(r"các\s+[Kk]hu\s").match(text, j) and P.NAME_CONTINUATION_RE.match(text, j)
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
                text[j:cont.end()] in P.AMBIGUOUS_WORDS and not ambiguous_is_verb(text, j, cont.end()))):
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
        if noun_len and not (_PLACE_CLOSED_RE.search(text, pos, end) and not text.startswith(("ủy", "uỷ"), j)):
            # a name closed by its place takes no further noun: "… Thành phố | cấu hình thủ tục hành chính"
            end = j + noun_len
            continue
        break
    return _position_end(text, end) if start.group("title") else end


def _position_end(text: str, end: int) -> int:
    """A person's whole position: "Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế", "Phó Chủ tịch UBND xã
    phụ trách văn hóa - xã hội" — the fields run to a punctuation mark or the next verb."""
    tail = re.search(r"\s+phụ\s+trách$", text[:end])
    field = _FIELD_RE.match(text, tail.start() if tail else end)  # "phụ trách" may already be inside the name
    if not field:
        return end
    k = field.end()
    for word in _WORD_RE.finditer(text, k):
        gap = text[k:word.start()]
        if any(ch in gap for ch in ",:;.\n(") or (word.start() > field.end() and P.PREDICATE_RE.match(text, word.start())):
            break
        k = word.end()
    return k if k > field.end() else end


def _shared_list(text: str, pos: int, known: tuple[str, ...]) -> tuple[list[UnitSpan], int] | None:
    """A head shared by a list ("Các Bộ, cơ quan: Tài chính, Xây dựng, Tập đoàn Điện lực Việt Nam"):
    one unit per item, the head put before each item that is not a body of its own; None when not one."""
    shared = P.SHARED_LIST_RE.match(text, pos)
    if not shared:
        return None
    title = " ".join((shared.group("title") or "").split())
    head = " ".join(shared.group("head").split())
    out: list[UnitSpan] = []
    k = shared.end()
    while k < len(text) and text[k].isupper():
        own = _scan_name(text, k, known)
        if own is not None:
            end = own  # an item that is a body by itself
            name = text[k:end]
        else:
            composed = f"{head} {text[k:]}"
            end = k + (_scan_name(composed, 0, known) or len(head)) - len(head) - 1
            name = f"{head} {text[k:end]}"
        name = P.TRAILING_RE.sub("", name)
        if end <= k:
            break
        out.append(UnitSpan(pos if not out else k, end, f"{title} {name}".strip()))
        sep = re.compile(r"\s*(?:,\s*và|,|và)\s+").match(text, end)
        if not sep or not text[sep.end():sep.end() + 1].isupper():
            break
        k = sep.end()
    return (out, out[-1].end) if out else None


def scan_units(text: str, pos: int, known: tuple[str, ...] = ()) -> list[UnitSpan]:
    """A list of units from ``pos``: "Sở Tài chính; Sở Nội vụ", "X, Y và các đơn vị liên quan",
    "Các Bộ: Công Thương, Xây dựng" (a shared head)."""
    out: list[UnitSpan] = []
    while True:
        shared = _shared_list(text, pos, known)
        if shared:
            out.extend(shared[0])
            end = shared[1]
        else:
            end = _scan_name(text, pos, known)
            if end is None:
                break
            name = P.TRAILING_RE.sub("", text[pos:end])
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
        name = P.TRAILING_RE.sub("", text[m.start():end])
        out.append(UnitSpan(m.start(), m.start() + len(name), name))
        pos = max(end, m.start() + 1)
    return out


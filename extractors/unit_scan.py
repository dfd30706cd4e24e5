"""Where one unit name ends: a scanner that reads a name word by word from where it starts.

:func:`scan_name` gives the end offset of the one name that starts at an offset ("Sở Lao động - Thương
binh và Xã hội", "các sở, ban, ngành và địa phương", "Giám đốc, Thủ trưởng các sở"); each kind of next
token (a dash, a bracket, a comma, "và", a capitalised word, "các", a lower-case word) has its own step,
which returns the new end or None when the name stops before it. Lists of names are ``unit_names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.extractors import lexicon
from kehoach.extractors import unit_patterns as P
from kehoach.extractors.unit_words import (
    SPACE_RE,
    WORD_RE,
    ambiguous_is_verb,
    capital_word_end,
    first_word_len,
    is_upper,
    org_head,
    pos_noun_len,
)

BARE_HEADS = {"Văn phòng", "Ban", "Trung tâm", "Chi nhánh", "Hội đồng", "Cục", "Chi cục", "Ngân hàng", "Kho bạc"}
_PLURAL_GROUP_RE = re.compile(rf"(?:các|những)\s+(?:{P.GROUP_NOUN})(?![\w])", re.VERBOSE)  # "thuộc các bộ, ngành"
GROUP_NOUN_RE = re.compile(rf"(?:{P.GROUP_NOUN})(?![\w])", re.VERBOSE)
# Heads that open a new body even without a separator (table cells joined on one line).
_NEW_BODY_HEADS = {"Sở", "Ủy ban", "Uỷ ban", "UBND", "Bộ", "Phòng", "Công an", "Trung tâm"}
# A group closed by its place: "các sở, ban, ngành, đoàn thể Thành phố | và đơn vị có liên quan" is two units.
_PLACE_CLOSED_RE = re.compile(r"(?<!các\s)(?<!những\s)(?<!,\s)(?:[Tt]ỉnh|[Tt]hành\s+phố|[Tt]rung\s+ương)\s*$")
_NOUNS = lexicon.alternation(lexicon.body_words("groups", "nouns"))
# Lower-case words that end a firm's own name: links to what follows, not words of the name.
_NOT_IN_A_FIRM_NAME = {"và", "các", "những", "của", "theo", "về"}
# A firm's type in its name (Luật Doanh nghiệp 2020, Điều 38; data: bodies.json company_forms).
_COMPANY_HEADS = {"Công ty", "Tổng Công ty", "Tổng công ty"}
_PROPER_AFTER_HEAD_RE = re.compile(r"\s+[A-ZĐ]")  # "Bộ Quốc phòng", "Sở Y tế": a head and its proper name
_LEVEL_ENDS = ("xã", "phường", "khu", "trấn", "huyện", "quận", "tỉnh", "phố", "thôn", "ấp")
_DETERMINERS = {"các", "những"}
_VERB_AFTER_LEVEL = P.AMBIGUOUS_WORDS - {"cấp", "công an"}


# --- the scanner -----------------------------------------------------------------

@dataclass
class _Name:
    """A name being read: where it starts, where it ends so far, and what kind of name it is."""

    text: str
    pos: int
    start: re.Match
    end: int
    plural: bool  # a group under "các"/"những": a comma may go on with another group noun
    levels: bool = False  # the group is one of administrative levels ("các xã, phường"): "và" adds only levels
    closed: bool = False  # a closing qualifier ("liên quan") was read: the group takes no more members
    title_end: int = -1  # where a person's title ends (a group of bodies may follow it)
    bare_end: int = -1  # where a head that needs its next word ends ("Văn phòng" | "đăng ký đất đai")
    head: str | None = None
    owner: int = -1  # where the body after "thuộc" starts: a list of its kind goes on ("thuộc Bộ A, Bộ B")


def scan_name(text: str, pos: int, known: tuple[str, ...] = ()) -> int | None:
    """End offset of the single unit name that starts at ``pos``, or None.

    ``known`` are names the document itself set up ("thành lập Ban Chỉ đạo thực hiện
    hỗ trợ nhà ở …"): such a name is taken whole, verbs inside it included.
    """
    start = P.UNIT_START_RE.match(text, pos)
    if not start:
        return None
    end = next((pos + len(name) for name in known if text.startswith(name, pos)), start.end())
    name = _Name(text, pos, start, end, plural=start.group("plural") is not None, title_end=start.end(),
                 head=org_head(start))
    name.bare_end = end if start.group("org") and name.head in BARE_HEADS else -1
    while True:
        j = SPACE_RE.match(text, name.end).end()
        if j >= len(text):
            break
        new_end = _step(name, j)
        if new_end is None:
            break
        name.end = new_end
    return _position_end(text, name.end) if start.group("title") else name.end


# A capitalised word that opens a deadline cell, not part of a name ("UBND các phường, xã Quý III Năm 2026").
_CAPITAL_STOP_RE = re.compile(r"(?:Quý|Quí|Năm|Tháng|Trước|Thường\s+xuyên|Hằng|Hàng|Tỷ\s+lệ|Tỉ\s+lệ)(?:\s|$)")


def _step(name: _Name, j: int) -> int | None:
    """The name's new end after the token at ``j``, or None when the name stops before it."""
    text = name.text
    if name.end == name.bare_end and j == name.end + 1:
        name.bare_end = -1
        completed = _bare_head_word(text, j)
        if completed is not None:
            return completed
    if name.start.group("title") and name.end == name.title_end:
        after_title = _after_title(name, j)
        if after_title is not None:
            return after_title
    if _CAPITAL_STOP_RE.match(text, j):
        return None
    fixed = P.FIXED_NAME_RE.match(text, j)
    if fixed:
        return fixed.end()
    ch = text[j]
    # a dash stands between spaces, or, typed from a scan, right after a word with a space after ("thanh- Truyền")
    if ch in "-–—" and (j > name.end or text[j + 1:j + 2].isspace()):
        return _after_dash(text, j)
    if ch == "(":
        return _after_paren(text, j)
    if ch == ",":
        return _after_comma(name, j)
    if text.startswith("và ", j) or text.startswith("và\n", j):
        return _after_and(name, j)
    word = WORD_RE.match(text, j)
    if not word:
        return None
    if is_upper(word.group(0)):
        return _capital(name, j, word)
    if word.group(0) in _DETERMINERS:
        return _determiner(name, j, word)
    return _lower_word(name, j, word)


def _bare_head_word(text: str, j: int) -> int | None:
    """"Văn phòng đăng ký đất đai", "Ban quản lý Khu Kinh tế": a head that needs its next word."""
    word = WORD_RE.match(text, j)
    if word and not is_upper(word.group(0)) and word.group(0) not in {"các", "những", "và", "của"} and (
            not P.PREDICATE_RE.match(text, j) or text[j:j + 7] in {"quản lý", "đăng ký"}):
        return j + (first_word_len(text[j:j + 30].split("\n", 1)[0]) or len(word.group(0)))
    return None


# After a person's title, a group of bodies: "Thủ trưởng các sở, ban, ngành", "Người đứng đầu cơ quan, đơn vị",
# "Thủ trưởng ban, ngành cấp tỉnh".
_TITLE_GROUP_RE = re.compile(rf"(?:(?:các|những)\s+(?:{P.GROUP_NOUN})|cơ\s+quan|đơn\s+vị|tổ\s+chức|sở|ban,?\s+ngành|cấp\s+[ủu][yỷ])(?![\w])",
                             re.VERBOSE)
# Titles that name no body by themselves ("Giám đốc", unlike "Bộ trưởng"): one before another shares its object.
_OBJECT_TITLE_RE = re.compile(r"(?:[Pp]hó\s+)?(?:[Gg]iám\s+đốc|[Tt]hủ\s+trưởng|[Nn]gười\s+đứng\s+đầu|[Cc]hủ\s+tịch|Trưởng)")
_TITLE_PAIR_RE = re.compile(rf",\s*(?:{P.TITLE_HEAD})(?![\w])", re.VERBOSE)


def _after_title(name: _Name, j: int) -> int | None:
    """What a person's title takes next: a second title over one object, or a group of bodies."""
    text, start = name.text, name.start
    paired = _TITLE_PAIR_RE.match(text, name.end)
    if paired and _OBJECT_TITLE_RE.fullmatch(text, start.start(), start.end()):
        name.title_end = paired.end()  # "Giám đốc, Thủ trưởng các sở": two titles over one object
        return paired.end()
    group = _TITLE_GROUP_RE.match(text, j)
    if group:
        name.plural = True  # "Thủ trưởng các Sở, ban, ngành", "Giám đốc các sở"
        return group.end()
    return None


def _after_dash(text: str, j: int) -> int | None:
    """"Lao động - Thương binh": a dash between capitalised parts of one name."""
    k = SPACE_RE.match(text, j + 1).end()
    word = WORD_RE.match(text, k)
    lower = text[k:k + 20].lower()
    pred = P.PREDICATE_RE.match(lower)
    cont = P.NAME_CONTINUATION_RE.match(lower)
    # "Ngân hàng Nhà nước - Chi nhánh Quảng Ngãi": a word of names ("chi nhánh") is not the verb it begins ("chi")
    if (word and is_upper(word.group(0)) and not P.HONORIFIC_RE.match(text[k:])
            and (not pred or (cont is not None and cont.end() > pred.end()))):
        return capital_word_end(text, k, word)
    return None


_PAREN_RE = re.compile(r"\(\s*([^()]{1,40}?)\s*\)")


def _after_paren(text: str, j: int) -> int | None:
    """"các ông (bà)", "(MTTQ)" continue a name; "(Chủ trì)", "(b/c)" do not."""
    paren = _PAREN_RE.match(text, j)
    inner = paren.group(1) if paren else ""
    if paren and (inner.isupper() or inner in {"bà", "ông", "bà)", "nếu có"}) and not P.LEAD_VERB_RE.search(inner.lower()):
        return paren.end()
    return None


_TITLE_RE = re.compile(rf"(?:{P.TITLE_HEAD})(?![\w])", re.VERBOSE)
_BARE_NOUN_RE = re.compile(rf"(?:{_NOUNS})")
# A list of bare group nouns under one qualifier: ", chính quyền các cấp", ", địa phương có liên quan".
_SHARED_QUALIFIER_LIST_RE = re.compile(rf"(?:,\s+(?:{_NOUNS}))+\s+(?:các\s+cấp|(?:có\s+)?liên\s+quan)(?![\w])")


def _after_comma(name: _Name, j: int) -> int | None:
    """A comma goes on with administrative levels ("xã, phường, thị trấn") and, in an open group, with
    another group noun ("các sở, ban, ngành"); else it ends the name."""
    text = name.text
    k = SPACE_RE.match(text, j + 1).end()
    if P.FIXED_NAME_RE.match(text, k):
        return None
    word = WORD_RE.match(text, k)
    if not word:
        return None
    w = word.group(0)
    admin = P.ADMIN_LEVEL_RE.match(text, k)
    before = text[max(0, j - 12):j]
    if admin and P.ADMIN_LEVEL_RE.search(before) and before.rstrip().endswith(_LEVEL_ENDS):
        return admin.end()  # "xã, phường, thị trấn"
    owners = _more_owners(name, k)
    if owners is not None:
        return owners
    shared = _SHARED_QUALIFIER_LIST_RE.match(text, j)
    if shared and name.start.group("lower") and _BARE_NOUN_RE.fullmatch(text, name.pos, name.end):
        return shared.end()  # "cấp ủy, chính quyền các cấp": one qualifier over the list (NOTES-53-55 call 9)
    if is_upper(w) and _company_named(name) and not P.UNIT_START_RE.match(text, k):
        return capital_word_end(text, k, word)  # "Công ty TNHH MTV Đầu tư, | Xây dựng và Kinh doanh dịch vụ …"
    if not name.plural or name.closed:
        return None
    if not is_upper(w) and w not in _DETERMINERS:
        cont = P.NAME_CONTINUATION_RE.match(text, k) or GROUP_NOUN_RE.match(text, k)
        if not cont:
            return None
        seg = text[k:cont.end()]
        if seg in P.AMBIGUOUS_WORDS and ambiguous_is_verb(text, k, cont.end()):
            return None
        if P.PREDICATE_RE.fullmatch(seg) and seg not in P.AMBIGUOUS_WORDS and seg not in {"cấp"}:
            return None
        return cont.end()  # "các sở, ban, ngành"
    if is_upper(w) and w in {"Bộ", "Sở", "Ban", "Ngành"} and not _TITLE_RE.match(text, k) \
            and _BARE_GROUP_LIST_RE.fullmatch(text, name.pos, j):
        # "các Sở, Ban, ngành" written with capitals; not "…, Bộ trưởng" (a person), nor "các Sở quản lý công trình
        # …, Ban quản lý các khu …" (a group already qualified: the next body is one of its own)
        return word.end()
    return None


# A plural group of bare nouns so far, perhaps after a title: "các Sở", "các sở, ban", "Giám đốc các Ban".
_BARE_GROUP_LIST_RE = re.compile(rf"(?:(?:{P.TITLE_HEAD})\s+)?(?i:các|những)\s+(?:{P.GROUP_NOUN})(?:\s*,\s*(?:{P.GROUP_NOUN}))*",
                                 re.VERBOSE)


_COMPANY_FORM_RE = re.compile(rf"(?<![\w])(?:{lexicon.alternation(lexicon.body_words('company_forms', 'forms'))})(?![\w])")


def _company_named(name: _Name) -> bool:
    """The name so far is a firm's type and the start of its own name ("Công ty TNHH MTV Đầu tư"), whose own name
    may go on past a comma (``bodies.json`` company_forms)."""
    return name.head in _COMPANY_HEADS and _COMPANY_FORM_RE.search(name.text, name.pos, name.end) is not None


def _more_owners(name: _Name, k: int) -> int | None:
    """After "thuộc Bộ Xây dựng", another body of the same kind at ``k`` is a second owner, not a second unit
    ("các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc phòng": tests/gold NOTES-60-63 call 8)."""
    if name.owner < 0:
        return None
    owner, other = P.UNIT_START_RE.match(name.text, name.owner), P.UNIT_START_RE.match(name.text, k)
    head = org_head(owner) if owner else None
    if not head or not other or org_head(other) != head or not all(
            _PROPER_AFTER_HEAD_RE.match(name.text, at + len(head)) for at in (name.owner, k)):
        return None  # "thuộc Uỷ ban nhân dân tỉnh, | Uỷ ban nhân dân các xã": a level, not a second owner
    end = scan_name(name.text, k)
    if end is not None:
        name.owner = k
    return end


# Zones a management board runs: after one in its name, "và (các) khu …" goes on with the name.
_ZONE_IN_RE = re.compile(rf"(?<![\w])(?:{P.ZONE})(?![\w])")
_ZONE_AFTER_RE = re.compile(rf"(?:các\s+)?(?:{P.ZONE})(?![\w])")


def _after_and(name: _Name, j: int) -> int | None:
    """"và" joins the parts of one name ("Thương binh và Xã hội") or the members of an open group
    ("các sở, ban, ngành và địa phương"); before another body it ends the name."""
    text = name.text
    k = SPACE_RE.match(text, j + 2).end()
    word = WORD_RE.match(text, k)
    if not word:
        return None
    w = word.group(0)
    zone = _ZONE_AFTER_RE.match(text, k)
    if zone and _ZONE_IN_RE.search(text, name.pos, name.end):
        return zone.end()  # "Ban quản lý Khu kinh tế Dung Quất và các KCN Quảng Ngãi": one board over both
    if is_upper(w):
        second = P.UNIT_START_RE.match(text, k)
        if second and not second.group("party"):
            return None  # "… và Ủy ban nhân dân tỉnh": a second body
        return capital_word_end(text, k, word)  # "Thương binh và Xã hội", "Cục Khởi nghiệp và Doanh nghiệp công nghệ"
    if w not in _DETERMINERS and _company_named(name):
        cont = P.NAME_CONTINUATION_RE.match(text, k)
        if cont:
            return cont.end()  # "Công ty Cổ phần Xây dựng và thoát nước đô thị": the firm's own name, typed in lower case
    if w in _DETERMINERS or not name.plural or name.closed or _PLACE_CLOSED_RE.search(text, name.pos, name.end) \
            or P.NAMED_PERSON_RE.match(text, k):
        return None  # not "… và ông Nguyễn Văn An": a person named, not a member of the group
    cont = P.ADMIN_LEVEL_RE.match(text, k) or (None if name.levels else P.NAME_CONTINUATION_RE.match(text, k))
    if cont and (text[k:cont.end()] not in P.AMBIGUOUS_WORDS or not ambiguous_is_verb(text, k, cont.end())):
        return cont.end()  # "các sở, ban, ngành và địa phương"; "các xã, phường | và tổ chức, cá nhân …"
    return None


def _capital(name: _Name, j: int, word: re.Match) -> int | None:
    """A capitalised word: a body inside the name ("Chủ tịch Ủy ban …"), a new body, or a syllable of it."""
    text, start, end = name.text, name.start, name.end
    inner = P.UNIT_START_RE.match(text, j)
    inner_head = org_head(inner) if inner else None
    if not inner_head:
        # "Tài chính", "Giao thông": the lower-case syllables of a capitalised word.
        return capital_word_end(text, j, word)
    if inner_head in _NEW_BODY_HEADS and text[end - 1:end].islower() \
            and P.ADMIN_LEVEL_RE.search(text[max(name.pos, end - 10):end]):
        return None  # "UBND xã, phường, đặc khu | Sở Tài chính": two table cells
    if name.head and inner_head.split()[0] == name.head.split()[0] and inner_head in _NEW_BODY_HEADS:
        return None  # "Sở Khoa học và Công nghệ | Sở Công Thương": the same head again is a new body
    if start.group("known") and inner.group("known") and end == start.end():
        return None  # two known bodies back to back: two table cells
    if inner.group("org") and inner_head in BARE_HEADS:
        name.bare_end = inner.end()  # "Chi nhánh Văn phòng đăng ký đất đai"
    return inner.end()  # "Chủ tịch Ủy ban …", "Đảng ủy Hội đồng …": a body inside the name


_WORKS_SERVED_RE = re.compile(rf"{P.WORKS_SERVED}(?![\w])")


def _determiner(name: _Name, j: int, word: re.Match) -> int | None:
    """"các"/"những" inside a name: the bodies a group belongs to, the zones or levels a body serves."""
    text = name.text
    group = _PLURAL_GROUP_RE.match(text, j)
    if group and re.search(r"(?:thuộc|của)\s*$", text[name.pos:name.end]):
        name.plural, name.closed = True, False
        return group.end()  # "các cơ quan chuyên môn thuộc các bộ, ngành Trung ương"
    if group and name.head and not name.plural:
        name.plural = True  # "Hội đồng Thi đua - Khen thưởng các cơ quan, đơn vị": the body of each member
        return group.end()
    khu = re.compile(r"các\s+[Kk]hu\s").match(text, j) and P.NAME_CONTINUATION_RE.match(text, j)
    if khu:
        return khu.end()  # "Ban Quản lý các khu công nghệ cao và khu công nghiệp"
    works = _WORKS_SERVED_RE.match(text, j)
    if works:
        return works.end()  # "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"
    nxt = SPACE_RE.match(text, word.end()).end()
    level = P.ADMIN_LEVEL_RE.match(text, nxt)
    if level:
        name.plural = name.levels = True
        return level.end()  # "Ủy ban nhân dân các xã", "Ban công tác Mặt trận các thôn"
    if text.startswith("cấp", nxt):
        name.levels = True
        return nxt + 3  # "Ủy ban nhân dân các cấp"
    return None


# A body named with its level ("Ủy ban nhân dân cấp xã", "Công an tỉnh") is whole: an ambiguous word after it is its verb.
_LEVEL_CLOSED_RE = re.compile(r"(?<![\w])(?:xã|phường|đặc\s+khu|thị\s+trấn|thị\s+xã|huyện|quận|tỉnh)\s*$")
_LEVEL_NAMED_RE = re.compile(r"(?<![\w])cấp\s+(?:xã|huyện|tỉnh|trung\s+ương)\s*$")


def _lower_word(name: _Name, j: int, word: re.Match) -> int | None:
    """A lower-case word: a word that continues names ("chuyên môn", "có liên quan"), a level, or a noun
    the tagger knows; a predicate ends the name."""
    text, pos, end = name.text, name.pos, name.end
    if _company_named(name) and word.group(0) not in _NOT_IN_A_FIRM_NAME:
        # "Công ty TNHH MTV Khai thác | công trình thủy lợi Quảng Ngãi": the firm's own name goes on, word by word as
        # the segmenter cuts them, up to a verb
        seg = first_word_len(text[j:j + 30].split("\n", 1)[0]) or len(word.group(0))
        verb = P.PREDICATE_RE.match(text, j) and (seg == len(word.group(0)) or P.PREDICATE_RE.fullmatch(text, j, j + seg))
        return None if verb else j + seg
    cont = P.NAME_CONTINUATION_RE.match(text, j)
    pred = P.PREDICATE_RE.match(text, j)
    if cont and text[j:cont.end()] in _VERB_AFTER_LEVEL and (_LEVEL_CLOSED_RE.search(text, pos, end) or _proper(name)):
        # "đã giao Ủy ban nhân dân cấp xã | quản lý.", "giao Bộ Xây dựng | quản lý.": a body closed by its level or
        # named by its proper name takes the verb after it
        return None
    if cont and (not pred or cont.end() > pred.end() or (
            text[j:cont.end()] in P.AMBIGUOUS_WORDS and not ambiguous_is_verb(text, j, cont.end()))):
        return _continuation(name, j, cont)
    if pred:
        return None
    if word.group(0) in {"tỉnh", "xã", "phường"}:
        return word.end()
    if _LEVEL_NAMED_RE.search(text, pos, end):
        return None  # "Chủ tịch Ủy ban nhân dân cấp xã | thẩm quyền quyết định": the level closes the body's name
    if _PLACE_CLOSED_RE.search(text, pos, end) and not text.startswith(("ủy", "uỷ"), j):
        return None  # a name closed by its place takes no further noun: "… Thành phố | cấu hình thủ tục hành chính"
    # the tagger, the costly part, only where its noun would go on the name
    noun_len = pos_noun_len(text[j:j + 40].split("\n", 1)[0])
    return j + noun_len if noun_len else None


def _proper(name: _Name) -> bool:
    """One body named by its head and a proper name ("Bộ Xây dựng", "Sở Tài chính"), not a group or a title."""
    return bool(name.head) and not name.plural and _PROPER_AFTER_HEAD_RE.match(name.text, name.pos + len(name.head)) is not None


# What a related group is related to, when its own duty follows: "… có liên quan đến công tác bầu cử | có trách
# nhiệm …" names which members (a restrictive qualifier is part of the name, tests/gold NOTES-93-95 call 6); without
# the duty after it the qualifier may be the sentence's object, and the name ends at "liên quan".
_ABOUT_RE = re.compile(r"(?:đến|tới)\s+[^,;:.()\[\]]{3,80}?(?=\s+(?:có|chịu)\s+trách\s+nhiệm(?![\w]))")


def _continuation(name: _Name, j: int, cont: re.Match) -> int | None:
    """A lower-case word that may continue a name; "của", "thuộc", "ở" and "trên địa bàn" only into what
    they attach the name to."""
    text = name.text
    seg = text[j:cont.end()]
    k = SPACE_RE.match(text, cont.end()).end()
    if seg in {"của", "thuộc", "ở"}:
        # "của X" / "thuộc X" continue only into a named body or a level.
        nxt = WORD_RE.match(text, k)
        if not nxt or not (is_upper(nxt.group(0)) or P.ADMIN_LEVEL_RE.match(text, k)
                           or P.NAME_CONTINUATION_RE.match(text, k) or _PLURAL_GROUP_RE.match(text, k)):
            return None
        if seg == "thuộc" and is_upper(nxt.group(0)):
            name.owner = k  # "các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc phòng": the owners may be listed
    if seg == "trên địa bàn" and not P.ADMIN_LEVEL_RE.match(text[k:k + 12].lower()) and not (
            name.plural and (text[k:k + 1] in ":;" or text[name.pos:j].endswith("đóng "))):
        # "trên địa bàn tỉnh", "trên địa bàn Thành phố"; a group's "… trên địa bàn:" and "… đóng trên địa bàn" (the
        # document's area)
        return None
    if P.GROUP_CLOSER_RE.search(text[name.pos:cont.end()]):
        name.closed = True
        about = _ABOUT_RE.match(text, k) if seg.endswith("liên quan") else None
        if about:
            return about.end()  # "các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này | có trách nhiệm"
    return cont.end()


# The fields a person holds, after the title: ", phụ trách lĩnh vực …", "phụ trách công tác …".
_FIELD_RE = re.compile(r",?\s*(?:[Tt]hường\s+trực,?\s*)?phụ\s+trách\s+")


def _position_end(text: str, end: int) -> int:
    """A person's whole position: "Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế", "Phó Chủ tịch UBND xã
    phụ trách văn hóa - xã hội" — the fields run to a punctuation mark or the next verb."""
    tail = re.search(r"\s+phụ\s+trách$", text[:end])
    field = _FIELD_RE.match(text, tail.start() if tail else end)  # "phụ trách" may already be inside the name
    if not field:
        return end
    k = field.end()
    for word in WORD_RE.finditer(text, k):
        gap = text[k:word.start()]
        if any(ch in gap for ch in ",:;.\n(") or (word.start() > field.end() and P.PREDICATE_RE.match(text, word.start())):
            break
        k = word.end()
    return k if k > field.end() else end

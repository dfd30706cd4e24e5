"""The addressees of an execution sentence, each of whom leads.

A decision, resolution or decree ends its last article with the people and bodies who carry it out:
"Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Tư pháp, Nội vụ; Thủ trưởng cơ quan Kho bạc nhà nước,
cơ quan Thuế tại tỉnh Đồng Tháp; Chủ tịch Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan
chịu trách nhiệm thi hành Quyết định này" (Nghị định 30/2020/NĐ-CP, Phụ lục I: the article on implementation).
Everything before "chịu trách nhiệm thi hành" is a list of addressees, so an addressee runs up to the next
separator that opens another one; a qualifier the name scanner does not read ("cấp Tỉnh", "tại tỉnh Đồng Tháp",
"Vụ Kế hoạch, Tài chính") stays in the addressee, and a title before a colon is each member's ("Giám đốc: Trung
tâm A, Trung tâm B" → "Giám đốc Trung tâm A", "Giám đốc Trung tâm B"). Corpus gold: 09 Điều 3, 15 Điều 3,
tests/gold NOTES-53-55 call 12, NOTES-60-63 call 3.
"""

from __future__ import annotations

import re

from kehoach.extractors import lexicon
from kehoach.extractors import unit_patterns as P
from kehoach.extractors.unit_names import scan_units
from kehoach.extractors.unit_scan import BARE_HEADS, GROUP_NOUN_RE

# "chịu trách nhiệm thi hành", "có trách nhiệm tổ chức thi hành Nghị quyết này", "chịu trách nhiệm tổ chức thực hiện
# Quyết định này", "căn cứ Quyết định thi hành" (Nghị định 30/2020/NĐ-CP, Phụ lục I: the article on implementation).
_THIS_DOCUMENT = r"(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Thông\s+tư|Quy\s+chế|Quy\s+định)(?:\s+này)?"
EXECUTION_RE = re.compile(
    r"(?:(?:chịu|có)\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+|triển\s+khai\s+)?"
    rf"(?:thi\s+hành|thực\s+hiện(?=\s+{_THIS_DOCUMENT}))"
    rf"|căn\s+cứ\s+{_THIS_DOCUMENT}\s+(?:để\s+)?thi\s+hành)(?![\w])")
# Where the sentence before the marker begins: after a full stop, or after a line that ends a heading (":").
_SENTENCE_START_RE = re.compile(r"[.!?]\s+|:[ \t]*\n")
# "Các ông, bà:", "Các Ông/bà:", "Các ông (bà):" before the list.
_PREFIX_RE = re.compile(r"(?:[Cc]ác\s+)?(?:[Ôô]ng|[Bb]à)\s*(?:,|/|\()\s*(?:[Bb]à|[Ôô]ng)\s*\)?\s*:\s*")
_SEPARATOR_RE = re.compile(r",\s*(?:và\s+)?|\s+và\s+")
# "Giám đốc: Trung tâm Công báo - Tin học tỉnh, Trung tâm Phục vụ hành chính công": a title shared by a list.
_TITLE_COLON_RE = re.compile(rf"(?P<title>{P.TITLE_HEAD})\s*:\s*(?=[A-ZĐ])", re.VERBOSE)
# Words a qualifier may open with: a place, the body it belongs to, a level ("cấp Tỉnh", "tại tỉnh …", "thuộc …").
_QUALIFIER_WORD_RE = re.compile(r"(?:tại|thuộc|trực\s+thuộc|trên|về|của|ở|trong|cấp|và|được)(?![\w])")
_MAX_BARE_WORDS = 12
# A name that ends on a head without its own words ("thành viên Hội đồng"): the verb after it in an addressee list
# names what the council does ("Hội đồng thẩm định …", "Hội đồng xét …"), not a predicate.
_BARE_HEAD_END_RE = re.compile(rf"(?<![\w])(?:{lexicon.alternation(BARE_HEADS)})$")
# A group under a determiner, and a member of it that has none ("các tổ chức, | cá nhân có liên quan").
_GROUP_RE = re.compile(r"(?:[Cc]ác|[Nn]hững)\s")
_GROUP_IN_RE = re.compile(r"(?<![\w])(?:[Cc]ác|[Nn]hững|[Mm]ọi)\s")
_BARE_MEMBER_RE = re.compile(r"(?!các\s|những\s)[a-zđà-ỹ]")
# A title over a group without a determiner ("Thủ trưởng cơ quan Trung ương …"), and a piece that is such a group.
_TITLE_OVER_BARE_RE = re.compile(rf"(?P<title>{P.TITLE_HEAD})\s+(?=[a-zđà-ỹ])(?=(?:{P.GROUP_NOUN})(?![\w]))", re.VERBOSE)
_BARE_GROUP_RE = re.compile(rf"(?!các\s|những\s)(?=[a-zđà-ỹ])(?:{P.GROUP_NOUN})(?![\w])", re.VERBOSE)


def execution_roles(body: str, known: tuple[str, ...] = ()) -> tuple[list[str], list[tuple[int, int]]]:
    """The addressees of each execution sentence in ``body`` and the spans of their lists (the other
    rules leave those spans to this one). A sentence whose subject is not a plain list of addressees
    ("Sở Tư pháp hướng dẫn và chịu trách nhiệm thi hành …") is left to the other rules."""
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    for marker in EXECUTION_RE.finditer(body):
        start = max((m.end() for m in _SENTENCE_START_RE.finditer(body, 0, marker.start())), default=0)
        prefix = _PREFIX_RE.match(body, _skip(body, start))
        found = _addressees(body.replace("\n", " "), prefix.end() if prefix else start, marker.start(), known)
        if found:
            names.extend(found)
            spans.append((start, marker.end()))
    return names, spans


def _skip(text: str, pos: int, end: int | None = None) -> int:
    """``pos`` moved past spaces, list punctuation and a leading "và"."""
    end = len(text) if end is None else end
    while pos < end:
        if text[pos] in " \t,;":
            pos += 1
        elif text.startswith("và ", pos):
            pos += 3
        else:
            break
    return pos


def _addressees(text: str, start: int, end: int, known: tuple[str, ...]) -> list[str] | None:
    """The addressees between ``start`` and ``end``, one ";"-piece after another; None when a piece is
    not a list of addressees."""
    out: list[str] = []
    piece_start = start
    title = ""  # a title over a bare group, shared by the ";"-pieces of bare groups after it
    for piece_end in [*(m.start() for m in re.finditer(";", text[start:end])), end - start]:
        piece_end += start
        pos = _skip(text, piece_start, piece_end)
        shared = _titled_piece(text[:piece_end], pos, title)
        if shared:
            out.append(shared[0])
            pos = _skip(text, shared[1], piece_end)
        found = _piece_addressees(text[:piece_end], pos, known)
        if found is None:
            return None
        out.extend(found)
        if found or shared:
            last = _TITLE_OVER_BARE_RE.match(out[-1])
            title = " ".join(last.group("title").split()) if last else ""
        piece_start = piece_end + 1
    return out


def _titled_piece(text: str, pos: int, title: str) -> tuple[str, int] | None:
    """A ";"-piece that opens with bare groups, without a title or determiner of its own, after a piece that ended
    on a title over a bare group: the title is its too, and its groups up to the next capitalised addressee or
    determiner are one ("Thủ trưởng cơ quan Trung ương trên địa bàn thành phố; cơ quan chuyên môn, đơn vị sự nghiệp
    công lập thuộc Ủy ban nhân dân thành phố; ban ngành thành phố và Chủ tịch …": tests/gold NOTES-87-89 call 4).
    Returns the addressee and where it ends; None when the piece is not one."""
    if not title or not _BARE_GROUP_RE.match(text, pos):
        return None
    end = len(text)
    for sep in _SEPARATOR_RE.finditer(text, pos):
        if text[sep.end():sep.end() + 1].isupper() or _GROUP_RE.match(text, sep.end()):
            end = sep.start()  # "… và Chủ tịch …", "… và các tổ chức, cá nhân …": an addressee of its own
            break
    return f"{title} {P.TRAILING_RE.sub('', text[pos:end])}", end


def _piece_addressees(text: str, pos: int, known: tuple[str, ...]) -> list[str] | None:
    """The addressees of one ";"-piece (``text`` ends where the piece ends)."""
    out: list[str] = []
    title = ""
    shared = _TITLE_COLON_RE.match(text, pos)
    if shared:
        title, pos = " ".join(shared.group("title").split()) + " ", shared.end()
    while pos < len(text):
        spans = scan_units(text, pos, known)
        nxt = _next_addressee(text, spans[-1].end if spans else pos, _GROUP_RE.match(text, pos) is not None)
        if spans:
            qualifier = text[spans[-1].end:nxt]
            adverbial = P.ADVERBIAL_RE.search(qualifier)
            if adverbial:  # "… trong phạm vi chức năng, nhiệm vụ của mình chịu trách nhiệm": how, not who
                qualifier = qualifier[:adverbial.start()]
            if qualifier.strip(" ,") and not _is_qualifier(qualifier, _GROUP_IN_RE.search(spans[-1].text) is not None) \
                    and not _BARE_HEAD_END_RE.search(spans[-1].text):
                return None  # a verb after a whole name; not "thành viên Hội đồng | thẩm định địa bàn …" (its purpose)
            last = P.TRAILING_RE.sub("", spans[-1].text + qualifier)
            out.extend(title + name for name in [*(s.text for s in spans[:-1]), last])
        else:
            bare = P.TRAILING_RE.sub("", text[pos:nxt].strip())
            if bare and not _bare_addressee(bare):
                return None
            if bare:
                out.append(title + bare)
        pos = _skip(text, nxt)
    return out


def _next_addressee(text: str, pos: int, group: bool) -> int:
    """Where the addressee that goes on at ``pos`` ends: at the first separator that opens another
    addressee (a body, a title or a group), else at the end of the piece. Under one determiner a bare
    lower-case noun goes on with the group ("các tổ chức, hộ gia đình, cá nhân có liên quan")."""
    for sep in _SEPARATOR_RE.finditer(text, pos):
        if (P.UNIT_START_RE.match(text, sep.end()) and not (group and _BARE_MEMBER_RE.match(text, sep.end()))) \
                or P.NAMED_PERSON_RE.match(text, sep.end()):
            return sep.start()
    return len(text)


def _is_qualifier(qualifier: str, group: bool = False) -> bool:
    """What follows a scanned name inside an addressee: a further part of the name or a qualifier
    (", Tài chính", " cấp Tỉnh", " tại tỉnh Đồng Tháp", after a ``group`` " có tài sản …"), not a predicate
    ("hướng dẫn và")."""
    rest = qualifier.lstrip()
    if qualifier.startswith(",") or not rest:
        return True
    if group and P.HAVING_RE.match(rest):  # tests/gold NOTES-73-76 call 6
        return True
    return not P.PREDICATE_RE.match(rest) or bool(_QUALIFIER_WORD_RE.match(rest))


def _bare_addressee(text: str) -> bool:
    """A name the scanner does not know ("Chính phủ", "Lãnh đạo Bộ", "Thành viên Hội đồng Thi đua - Khen
    thưởng tỉnh", "ban ngành thành phố"): capitalised or a group noun, short, and without a verb of its own."""
    words = text.split()
    if not (text[:1].isupper() or GROUP_NOUN_RE.match(text)) or len(words) > _MAX_BARE_WORDS:
        return False
    return not any(P.PREDICATE_RE.fullmatch(w) and not _QUALIFIER_WORD_RE.fullmatch(w) for w in words)

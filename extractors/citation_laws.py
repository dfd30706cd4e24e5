"""Laws, codes and ordinances cited by name ("Luật Đất đai năm 2024", "Bộ luật Lao động"), amending laws
by their title ("Luật sửa đổi, bổ sung một số điều của Luật A và Luật B"), and the Constitution.

A name's boundary comes from the law lexicon (``data/laws.json`` through ``law_lexicon``): "Luật Việc
làm về bảo hiểm thất nghiệp" cites "Luật Việc làm". A name the lexicon does not know is read word by
word until a word that cannot belong to it; ``citation_resolve`` later cuts such a name back to one the
document states with a year or a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.citation_models import FoundCitation
from kehoach.extractors.citation_parts import WS_RE, canonical_type, covered, date_of, starts_type_word
from kehoach.extractors.fold import compare_key
from kehoach.extractors.law_lexicon import LawMatch, match_law

_MAX_LAW_NAME_WORDS = 16
_MAX_LISTED_LAWS = 12
_ABBREVIATION_AFTER_RE = re.compile(r"\s*\(\s*[A-ZĐ][A-ZĐ&\-]{1,11}\s*\)")


def name_words(name: str) -> tuple[str, ...]:
    """A law's name as folded words ("Luật Đất đai" → ("luật", "đất", "đai"))."""
    return tuple(compare_key(name).replace(",", " ").split())


def written_name(text: str) -> str:
    """A name as the text writes it, spaces collapsed and none before a comma ("Luật Phòng , chống" →
    "Luật Phòng, chống")."""
    return " ".join(text.split()).replace(" ,", ",")


# --- names the lexicon does not know: word by word -----------------------------------------


def _read_law_name(text: str, pos: int) -> tuple[list[str], int]:
    """Words of a law's name from ``pos``; returns (words, end offset)."""
    words: list[str] = []
    ends: list[int] = []  # where each word ends
    end = pos
    commas = 0
    tokens = list(P.WORD_RE.finditer(text, pos, min(len(text), pos + 400)))
    i = 0
    while i < len(tokens) and len(words) < _MAX_LAW_NAME_WORDS:
        token = tokens[i]
        word = token.group()
        lower = word.casefold()
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        gap = text[end:token.start()]
        if words and "\n" in gap and not word[:1].islower() and not _name_goes_on(text, gap, token.start(), word):
            break
        phrase = next((ph for ph in P.LAW_NAME_INNER_PHRASES if words and text.startswith(ph, token.start())), None)
        if phrase:
            words.extend(phrase.split())
            end = token.start() + len(phrase)
            ends.extend([end] * len(phrase.split()))
            while i < len(tokens) and tokens[i].start() < end:
                i += 1
            continue
        if word == ",":
            nxt_ok = nxt[:1].islower() or (nxt[:1].isupper() and i + 1 < len(tokens)
                                            and not starts_type_word(text, tokens[i + 1].start())
                                            and nxt.casefold() not in P.LIST_ITEM_HEADS)
            if commas < 2 and nxt_ok and nxt.casefold() not in P.LAW_NAME_STOP_WORDS and nxt != "và":
                commas += 1
                words.append(",")
                end = token.end()
                ends.append(end)
                i += 1
                continue
            break
        if not word[:1].isalpha():
            break
        next_start = tokens[i + 1].start() if i + 1 < len(tokens) else end
        if words and lower == "và":
            # "và" joins two names ("… và Luật …") or ends one ("… và các …"), else it is inside one.
            if not nxt[:1].isalpha() or nxt.casefold() in P.LAW_NAME_STOP_WORDS or starts_type_word(
                    text, next_start):
                break
        elif words and _ends_law_name(text, token.start(), word, nxt):
            break
        words.append(word)
        end = token.end()
        ends.append(end)
        i += 1
    while words and words[-1] in (",", "và"):
        # "Luật An toàn, vệ sinh lao động và quy định …": a joining word ends no name.
        words.pop()
        ends.pop()
        end = ends[-1] if ends else pos
    return words, end


def _name_goes_on(text: str, gap: str, pos: int, word: str) -> bool:
    """A capitalised word after a wrapped line ("Luật Tổ chức⏎Chính phủ") goes on with the name;
    a blank line, a word in capitals, a clause opener or another document's type word ends it."""
    return (gap.count("\n") == 1 and word[:1].isupper() and not word.isupper()
            and word.casefold() not in P.LINE_START_WORDS and word.casefold() not in P.LIST_ITEM_HEADS
            and not starts_type_word(text, pos))


def _ends_law_name(text: str, pos: int, word: str, nxt: str) -> bool:
    lower = word.casefold()
    if lower in P.LAW_NAME_STOP_WORDS or f"{lower} {nxt.casefold()}" in P.LAW_NAME_STOP_PAIRS:
        return True
    # Another cited document starts here ("Luật Đất đai Nghị định …").
    return word[:1].isupper() and starts_type_word(text, pos)


# --- one name ------------------------------------------------------------------------------------


def read_name(text: str, head: re.Match) -> tuple[int, LawMatch | None] | None:
    """Where the name after a law head ends, and the lexicon's law when it knows the name.

    The lexicon decides where it can; a name it does not know is read word by word, and only when it
    is written as names are (a capital after "Luật", the head not in capitals: a title in capitals
    names other words too).
    """
    doc_type = head.group("doc_type")
    if doc_type.isupper() and not text[text.rfind("\n", 0, head.start()) + 1:head.start()].strip():
        return None  # "LUẬT⏎ĐẤT ĐAI" opening a line: a law's own type line, not a citation
    found = match_law(text, head.end(), doc_type)
    if found is not None:
        return found.end, found
    if doc_type.isupper() or not text[head.end():head.end() + 1].isupper():
        return None
    words, end = _read_law_name(text, head.end())
    if not words or words[0].casefold() in ("sửa", "bổ", "số") or words[0].casefold() in P.LINE_START_WORDS:
        return None  # "… của Pháp lệnh Căn cứ Luật …": a clause opener names no law
    return end, None


def _year_or_date(text: str, end: int, found: FoundCitation) -> int:
    """The date ("ngày 26 tháng 11 năm 2003") or year ("năm 2022", "2019") after a name, maybe after the
    abbreviation the text gives it ("(BMNN) năm 2018"); returns where it ends."""
    abbreviation = _ABBREVIATION_AFTER_RE.match(text, end)
    if abbreviation and (P.LAW_DATE_RE.match(text, abbreviation.end()) or P.LAW_YEAR_RE.match(text, abbreviation.end())):
        end = abbreviation.end()
    match = P.LAW_DATE_RE.match(text, end)
    if match:
        found.date = date_of(match)
        found.year = found.date.year if found.date else None
        return match.end()
    match = P.LAW_YEAR_RE.match(text, end)
    if match:
        found.year = int(match.group("year"))
        return match.end()
    return end


def _name_citation(text: str, head: re.Match, end: int, law: LawMatch | None, *, dated: bool) -> FoundCitation:
    doc_type = WS_RE.sub(" ", head.group("doc_type"))
    doc_type = doc_type[:1].upper() + doc_type[1:]  # "luật kế toán" in a lower-case title: the ref's type word
    name = written_name(text[head.end():end])
    found = FoundCitation(
        text="", start=head.start(), end=end, ref="", doc_type=canonical_type(doc_type), title=name,
        law=law.law if law else None, short_form=bool(law and law.short),
    )
    if dated:
        end = _year_or_date(text, end, found)
    found.end = found.tail_end = end
    found.text = text[head.start():end]
    found.ref = f"{doc_type} {name}" + (f" {found.year}" if found.year else "")
    return found


# --- amending laws ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Listed:
    """One law an amending title names: its head ("Luật", "luật"), where its name ends, the lexicon's law."""

    head: re.Match
    end: int
    law: LawMatch | None


# Inside one amending title: a wrapped line, never a blank one, never across a clause end.
_TITLE_CHAR = r"(?:[^;:.()\n“”\"]|\n(?![ \t]*\n))"
# Between the laws an amending title lists: "Luật A, Luật B và Luật C".
_LIST_MEMBER_HEAD = r"(?:[Bb]ộ\s+[Ll]uật|[Ll]uật|[Pp]háp\s+[Ll]ệnh)\s"
# A name in a lower-case list runs to the next member or to the end of the title (its date, year or number, a
# clause mark): "luật quản lý, sử dụng tài sản công, luật quản lý thuế" names "quản lý, sử dụng tài sản công".
_LISTED_NAME_RE = re.compile(
    rf"{_TITLE_CHAR}{{1,150}}?(?=\s*(?:,\s*(?:(?i:và)\s+)?|(?i:và)\s+){_LIST_MEMBER_HEAD}"
    rf"|\s*,?\s*(?i:ngày)\s+\d|\s+(?i:năm)\s+\d{{4}}|\s*,?\s*(?i:số)\s*[:.]?\s*\d|\s*[;:.()“”\"]|\n[ \t]*\n|\s*$)")


def _listed_name(text: str, head: re.Match) -> tuple[int, LawMatch | None] | None:
    """A name in an amending title's list: a capitalised one as any law's; one in lower case ("luật kế toán")
    runs to the next member or the title's end, the lexicon's law when its name ends there too."""
    if head.group("doc_type")[:1].isupper():
        return read_name(text, head)
    name = _LISTED_NAME_RE.match(text, head.end())
    words = name.group().split() if name else []
    if not words or words[0].casefold() in P.LAW_NAME_STOP_WORDS:
        return None  # "… của luật này": the law itself, no name
    end = head.end() + len(name.group().rstrip())
    known = match_law(text, head.end(), head.group("doc_type"))
    return end, known if known is not None and known.end == end else None


# What an amending title says before the laws it amends: "một số điều của", "Điều 6 và Phụ lục 4 về … của". A
# title in lower case names its laws in lower case after "của": "… một số điều của luật chứng khoán, luật kế
# toán, …" ("pháp luật", "các luật" are no law's head).
_LISTED_HEAD = r"(?:Bộ\s+[Ll]uật|Luật|Pháp\s+[Ll]ệnh|(?<=của\s)(?:bộ\s+luật|luật|pháp\s+lệnh))"
_AMENDING_OBJECT_GAP_RE = re.compile(rf"{_TITLE_CHAR}{{0,200}}?(?<![\w])(?={_LISTED_HEAD}\s)")
# An amending title over laws it does not name: "… của các luật liên quan đến đầu tư xây dựng cơ bản ngày …", "… của
# 37 luật có liên quan đến quy hoạch ngày …".
_AMENDING_GENERIC_RE = re.compile(
    rf"{_TITLE_CHAR}{{0,120}}?(?i:của)\s+(?i:các|một\s+số|\d{{1,3}})\s+(?i:bộ\s+luật|luật|pháp\s+lệnh)(?!\w){_TITLE_CHAR}{{0,150}}?"
    r"(?=\s*(?:,?\s*(?i:ngày)\s|(?i:năm)\s+\d|(?i:số)\s|[;:.()]|\n[ \t]*\n|$))")
# The head of one law an amending title lists, in either case: "Luật Đấu thầu", "luật kế toán".
_LISTED_LAW_HEAD_RE = re.compile(r"(?P<doc_type>[Bb]ộ\s+[Ll]uật|[Ll]uật|[Pp]háp\s+[Ll]ệnh)\s+(?=\w)")
# A listed law's own number inside an amending title: "… của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15
# và …" (the title keeps it; the numbered citation is read on its own too).
_LISTED_LAW_NUMBER_RE = re.compile(rf"\s+(?i:số)\s*{P.NUMBER_RE}{P.SLASH_RE}{P.YEAR_RE}{P.SLASH_RE}{P.SYMBOL_PART_RE}")
_LAW_LIST_SEP_RE = re.compile(rf"\s*(?:,\s*(?:(?i:và)\s+)?|(?i:và)\s+)(?={_LIST_MEMBER_HEAD})")


def _amended_names(text: str, pos: int) -> tuple[int, list[_Listed]] | None:
    """The laws an amending title names from ``pos`` ("một số điều của Luật A, Luật B và Luật C"):
    where the last name ends and each law; None when it names none."""
    gap = _AMENDING_OBJECT_GAP_RE.match(text, pos)
    if gap is None:
        generic = _AMENDING_GENERIC_RE.match(text, pos)
        return (generic.end(), []) if generic else None
    at, end, laws = gap.end(), None, []
    numbered = False  # the first member carries its own number, a list goes on after it: so do the others
    while len(laws) < _MAX_LISTED_LAWS:
        head = _LISTED_LAW_HEAD_RE.match(text, at)
        name = _listed_name(text, head) if head else None
        if name is None:
            break
        end, law = name
        laws.append(_Listed(head, end, law))
        number = _LISTED_LAW_NUMBER_RE.match(text, end)
        if number and len(laws) == 1:
            numbered = _LAW_LIST_SEP_RE.match(text, number.end()) is not None
        if number and numbered:
            end = number.end()  # each member with its own number; else a number after the last is the amending law's
        sep = _LAW_LIST_SEP_RE.match(text, end)
        if sep is None:
            break
        at = sep.end()
    return (end, laws) if end is not None else None


# The verb of an amending law's title right after its head: "Luật sửa đổi, bổ sung một số điều của Luật …",
# "Pháp lệnh sửa đổi Điều 10 của Pháp lệnh Dân số", "Luật Sửa đổi, bổ sung …".
_AMENDING_VERB_RE = re.compile(r"(?i:sửa\s+đổi\s*,?\s*bổ\s+sung|sửa\s+đổi|bổ\s+sung)(?!\w)")
# Words that make an amending law a draft, not a cited document: "Xây dựng Luật sửa đổi, bổ sung …",
# "dự thảo Luật sửa đổi …", "trình Quốc hội dự án Luật sửa đổi …".
_DRAFT_BEFORE_RE = re.compile(r"(?<![\w])(?i:xây\s+dựng|soạn\s+thảo|dự\s+thảo|dự\s+án|đề\s+nghị\s+xây\s+dựng)\s+(?:các\s+)?$")


def _amending_citations(text: str, head: re.Match) -> list[FoundCitation] | None:
    """"Luật sửa đổi, bổ sung một số điều của Luật A và luật B ngày …": a citation of its own (unless its number
    follows: the numbered citation has it) and the laws it names in lower case (those in capitals are read as
    any law's name); None when ``head`` opens no amending title."""
    verb = _AMENDING_VERB_RE.match(text, head.end())
    if verb is None or _DRAFT_BEFORE_RE.search(text, max(0, head.start() - 30), head.start()):
        return None  # "Xây dựng Luật sửa đổi, bổ sung …": a law still to be drafted
    named = _amended_names(text, verb.end())
    if named is None:
        return None
    end, listed = named
    found = [_name_citation(text, m.head, m.end, m.law, dated=False) for m in listed
             if m.head.group("doc_type")[:1].islower()]
    if not P.NUMBER_AFTER_LAW_RE.match(text, end):
        amending = _name_citation(text, head, end, None, dated=True)
        amending.amended_laws = tuple(m.law.law for m in listed if m.law is not None)
        found.insert(0, amending)
    return found


def scan_law_names(text: str, found: list[FoundCitation]) -> None:
    """Laws and ordinances cited by name, and amending laws by their title."""
    spans = [(c.start, c.end) for c in found if c.amended_laws is None]
    for head in P.LAW_HEAD_RE.finditer(text):
        if covered(spans, head.start()) or P.PLURAL_BEFORE_RE.search(text, max(0, head.start() - 8), head.start()):
            continue
        amending = _amending_citations(text, head)
        if amending is not None:
            found.extend(amending)
            continue
        name = read_name(text, head)
        if name is None:
            continue
        end, law = name
        listed = inside_amending_title(text, head.start())
        number = P.NUMBER_AFTER_LAW_RE.match(text, end)
        if number and (not listed or any(c.start <= head.start() and number.end() <= c.end for c in found
                                         if c.amended_laws is not None and c.number is None)):
            continue  # "Luật X số 85/2015/QH13": the numbered citation has it (also as a member of an amending title)
        found.append(_name_citation(text, head, end, law, dated=not listed))


def amending_head_before(text: str, pos: int) -> int | None:
    """Where the amending title ends at ``pos`` starts ("Luật sửa đổi, bổ sung … của Luật A, Luật B" before
    "số 90/2025/QH15"), or None when the name at ``pos`` is no amending law's."""
    window_start = max(0, pos - 400)
    match = P.AMENDING_LAW_BEFORE_RE.search(text, window_start, pos)
    if match is None or re.search(r"\d{4}|\d/", match.group()[-200:]):
        return None
    return match.start()


def inside_amending_title(text: str, pos: int) -> bool:
    """Whether the law name at ``pos`` is one of those an amending law's title lists."""
    return amending_head_before(text, pos) is not None


def scan_constitution(text: str, found: list[FoundCitation]) -> None:
    """"Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam": cited by name."""
    spans = [(c.start, c.end) for c in found]
    for match in P.CONSTITUTION_RE.finditer(text):
        if covered(spans, match.start()):
            continue
        name = " ".join(match.group("name").split()) if match.group("name") else None
        year = int(match.group("year")) if match.group("year") else None
        ref = " ".join(part for part in ("Hiến pháp", name, str(year) if year else None) if part)
        found.append(FoundCitation(
            text=match.group(), start=match.start(), end=match.end(), ref=ref, doc_type="Hiến pháp",
            year=year, title=name, tail_end=match.end(),
        ))


def is_generic_constitution(found: FoundCitation) -> bool:
    """"phù hợp với Hiến pháp, pháp luật": the bare word, with neither name nor year, outside a "Căn cứ"
    clause, is the set phrase, not a citation ("Căn cứ Hiến pháp;" is one)."""
    return found.doc_type == "Hiến pháp" and found.title is None and found.year is None and found.relation != "based_on"

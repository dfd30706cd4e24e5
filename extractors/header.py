"""Header block parser: issuer, số/ký hiệu, place, date, document type, title.

The layout follows Nghị định 30/2020/NĐ-CP (Phụ lục I): a two-column band
(``header_band``) with the issuing body and "Số" on the left, the motto and the
place-date line on the right; then the type word ("KẾ HOẠCH", "QUYẾT ĐỊNH")
centred with the title under it. The type comes from the type line, else from
a "V/v" subject line (a Công văn has no type word; its symbol names the issuer,
as "5348/CT-CS" of Cục Thuế, so the subject line is the stronger sign), else
from the number's symbol ("…/BB-…" → Biên bản).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kehoach.extractors import lexicon
from kehoach.extractors.header_band import (
    PLACEHOLDER_RE,
    TRAILING_RULE_RE,
    Band,
    read_band,
)
from kehoach.extractors.header_fields import (
    NUMBER_LINE_RE,
    DateField,
    date_warning,
    number_warning,
    parse_date,
    parse_place_date,
)
from kehoach.extractors.issuer_names import find_issuer_in_text, names_a_body, proper_case, split_issuer
from kehoach.extractors.markers import ocr_readings, parse_marker
from kehoach.extractors.normalize import is_upper_line
from kehoach.schemas.layout import Line
from kehoach.schemas.models import Metadata

__all__ = ["DOC_TYPE_WORDS", "SYMBOL_TYPES", "Header", "doc_type_of_line", "find_adoption_date",
           "find_issuer_in_text", "parse_header", "title_block_end"]

# Type lines as written ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG") → the type they report, from the lexicon; a word
# that also heads parts inside a document ("PHỤ LỤC") starts no document of its own in the body.
DOC_TYPE_WORDS = {word.upper(): t.name for t in lexicon.doc_types() if not t.heads_body_parts for word in t.words}
# In the header, under the number or date line, such a word is the document's type: an appendix issued alone.
_HEADER_TYPE_WORDS = {word.upper(): t.name for t in lexicon.doc_types() for word in t.words}
# Symbol part of "Số" (KH in 12/KH-UBND) → type, for a header whose type line is lost.
SYMBOL_TYPES = lexicon.symbol_types()
HEADER_SCAN_LINES = 60  # the type word sits well within the first page
TITLE_MAX_LINES = 10
ATTACHED_BAND_MAX_LINES = 10  # lines of an attached document's own header band, down to its type line
SUBJECT_MAX_LINES = 6  # a letter's subject under its date wraps over this many lines at most
TITLE_MAX_CHARS = 400  # a lower-case title's lines after a blank line never run longer than this
PARENTHESIS_MAX_LINES = 3  # an attachment's "(Kèm theo …)" line wraps over this many lines at most


def _type_alternatives(words: dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "QUYẾT ĐỊNH" alone on the line ("QUYẾT ĐỊNH:" opens articles).
_TYPE_LINE = r"^(?P<type>{})(?:\s*[-_*]*\s*$|\s*(?=Về\s|V/v\s))"
# "NGHỊ ĐỊNHQuy định về chính sách …": the type word glued to a mixed-case title by the copy.
_GLUED_TYPE_RE = re.compile(rf"^(?P<type>{_type_alternatives(DOC_TYPE_WORDS)})(?P<title>[A-ZĐ][a-zđà-ỹ].*)$")
# Type words of two words or more that end no body's name: a caps line ending in one after a body's name is
# the issuer and the type line read into one ("PHÒNG QLCN PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC").
_TAIL_TYPE_WORDS = {word.upper(): t.name for t in lexicon.doc_types() if not t.in_body_names for word in t.words
                    if len(word.split()) >= 2}
_RULE_RE = re.compile(r"^[\s\-–—_*=.~•]*$")
_ADDRESSEE_RE = re.compile(r"^Kính(?:\s+gửi\b|\s*$)")  # "Kính gửi:", also "Kính" ⏎ "gửi:"
_PREAMBLE_START_RE = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Xét\b|Theo\s+đề\s+nghị|Để\b|Nhằm\b|Kính\s+gửi|Trên\s+cơ\s+sở|Sau\s+khi|Ngày\s+\d)")


_MARKER_START_RE = re.compile(r"^(?:[IVXLC]+\.|\d{1,3}[.)]|[a-zđ]\)|Điều\s+\d|[-+•])\s")


def _starts_item(line: Line) -> bool:
    """The line opens a numbered item or a bullet, its marker read through the usual OCR confusions on an
    OCR'd line ("l. MỤC ĐÍCH" is "I. MỤC ĐÍCH")."""
    if _MARKER_START_RE.match(line.text):
        return True
    return line.ocr and any(_MARKER_START_RE.match(reading) for reading in ocr_readings(line.text))


@dataclass
class Header:
    metadata: Metadata = field(default_factory=Metadata)
    title_start: int | None = None  # index of the type-word line
    title_end: int | None = None  # index after the title block
    body_start: int = 0  # index of the first line after the header and title block
    title_text: str | None = None  # the title block as written (type word excluded)
    warnings: list[str] = field(default_factory=list)  # what a clerk should check: values not read


@dataclass(frozen=True, slots=True)
class _TypeLine:
    index: int
    doc_type: str
    glued_title: str | None = None  # a title on the type line itself
    glued_issuer: str | None = None  # the issuer's last line read into the type line


_TYPE_LINE_RE = re.compile(_TYPE_LINE.format(_type_alternatives(DOC_TYPE_WORDS)))


def doc_type_of_line(text: str) -> str | None:
    """ "KẾ HOẠCH" → "Kế hoạch"; "CHƯƠNG TRÌNH HÀNH ĐỘNG" → "Chương trình"; else None."""
    match = _TYPE_LINE_RE.match(" ".join(text.split()))
    return DOC_TYPE_WORDS[match.group("type")] if match else None


_HEADER_TYPE_LINE_RE = re.compile(_TYPE_LINE.format(_type_alternatives(_HEADER_TYPE_WORDS)))
# "KẾ HOẠCH HOẠT ĐỘNG TỔ CHUYÊN MÔN", "QUYẾT: ĐỊNH CHẤP THUẬN …" (OCR colon): a caps title on the type
# line itself; read only below the number or date line, where no body name can start with a type word.
_CAPS_TITLE_TYPE_RE = re.compile(
    rf"^(?P<type>{_type_alternatives(_HEADER_TYPE_WORDS)})\s+(?P<title>[A-ZĐÀ-Ỹ]{{2,}}\b.*)$")


def _type_line_at(text: str, below_band: bool) -> tuple[str, str | None] | None:
    """(type, title on the same line) when ``text`` is the header's type line."""
    text = " ".join(TRAILING_RULE_RE.sub("", text).split())
    if not below_band:
        doc_type = doc_type_of_line(text)
        glued = None if doc_type else _GLUED_TYPE_RE.match(text)
        if glued:
            return DOC_TYPE_WORDS[glued.group("type")], glued.group("title")
        return (doc_type, None) if doc_type else None
    match = _HEADER_TYPE_LINE_RE.match(text)
    if match:
        return _HEADER_TYPE_WORDS[match.group("type")], None
    glued = _GLUED_TYPE_RE.match(text)
    if glued:
        return DOC_TYPE_WORDS[glued.group("type")], glued.group("title")
    if is_upper_line(text):
        caps = _CAPS_TITLE_TYPE_RE.match(re.sub(r"^(\S+):(?=\s)", r"\1", text))
        if caps:
            return _HEADER_TYPE_WORDS[caps.group("type")], caps.group("title")
    return None


_ISSUER_THEN_TYPE_RE = re.compile(
    rf"^(?P<issuer>\S+(?:\s+\S+)+?)\s+(?P<type>{_type_alternatives(_TAIL_TYPE_WORDS)})\s*$")


def _find_type_line(lines: list[Line]) -> _TypeLine | None:
    """The header's type line, before the preamble or the first numbered item."""
    below_band = False
    for i, line in enumerate(lines):
        if _PREAMBLE_START_RE.match(line.text) or _starts_item(line):
            return None
        found = _type_line_at(line.text, below_band)
        if found:
            return _TypeLine(i, *found)
        glued = _ISSUER_THEN_TYPE_RE.match(" ".join(line.text.split())) if is_upper_line(line.text) else None
        if glued and names_a_body(glued.group("issuer")):
            return _TypeLine(i, _TAIL_TYPE_WORDS[glued.group("type")], glued_issuer=glued.group("issuer"))
        below_band = below_band or bool(NUMBER_LINE_RE.match(line.text) or parse_date(line.text).text)
    return None


# The body that issues a decision, on its own line before "Căn cứ": "CHỦ TỊCH ỦY BAN NHÂN DÂN …".
_AUTHORITY_LINE_RE = re.compile(
    r"^(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|CHÁNH\s+|TRƯỞNG\s+BAN|"
    r"BAN\s+|ỦY\s+BAN|HỘI\s+ĐỒNG|CHÍNH\s+PHỦ|BỘ\s+|TỈNH\s+ỦY|THÀNH\s+ỦY|ĐẢNG\s+ỦY|HUYỆN\s+ỦY|THƯỜNG\s+TRỰC)")
_ATTACHED_RE = re.compile(r"^\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\b")


def title_block_end(lines: list[Line], start: int) -> int:
    """Index after the title lines that follow a type line at ``start - 1``."""
    i = start
    end = min(len(lines), start + TITLE_MAX_LINES)
    upper_title = None
    while i < end:
        text = lines[i].text
        if _RULE_RE.match(text):
            i += 1
            break  # the short rule drawn under the title
        if i > start and (_PREAMBLE_START_RE.match(text) or _starts_item(lines[i])):
            break
        if i > start and _ATTACHED_RE.match(text):
            # "(Kèm theo Quyết định số … của Chủ tịch" ⏎ "Ủy ban … tỉnh Lào Cai)" closes the title block
            i = _parenthesis_end(lines, i)
            return i + 1 if i < len(lines) and _RULE_RE.match(lines[i].text) else i
        upper = is_upper_line(text)
        if i > start and upper_title is False and lines[i].blank_before and _prose_run(lines, i):
            break  # "Trong thời gian qua, công tác … đã đạt kết quả. Tuy nhiên, …": the body, after a blank line
        if upper_title is None:
            upper_title = upper
        elif upper and not upper_title:
            break  # "BAN THƯỜNG TRỰC …" after a lower-case title: the authority line
        elif upper and upper_title and _AUTHORITY_LINE_RE.match(text) and _authority_before_preamble(lines, i) \
                or not upper and upper_title and not text.startswith("("):
            break
        if i > start and doc_type_of_line(text):
            break  # "QUYẾT ĐỊNH:" of the articles
        i += 1
    return i


# A sentence ends and the next begins: a word's last letter in lower case, the stop, a capital ("… tích cực. Tuy
# nhiên"); never an abbreviation's stop ("TP. Hồ Chí Minh").
_SENTENCE_BREAK_RE = re.compile(r"[a-zà-ỹđ][.!?]\s+(\w)")


def _prose_run(lines: list[Line], i: int) -> bool:
    """Whether the lines from ``i`` to the next blank line are running prose, not more of a title: a
    sentence ends inside them, or they run longer than any title."""
    run = [lines[i].text]
    for line in lines[i + 1:i + TITLE_MAX_LINES]:
        if line.blank_before:
            break
        run.append(line.text)
    text = " ".join(run)
    return any(m.group(1).isupper() for m in _SENTENCE_BREAK_RE.finditer(text)) or len(text) > TITLE_MAX_CHARS


def attached_type_line(lines: list[Line], at: int) -> int | None:
    """The type line of a document attached after a signature that opens with its own header band (a draft
    resolution under its submission: "HỘI ĐỒNG NHÂN DÂN / TỈNH X / … / Số: /NQ-HĐND / …, ngày … / DỰ THẢO /
    NGHỊ QUYẾT"), or None when no band with a number line stands before a type line."""
    numbered = False
    for i in range(at, min(len(lines), at + ATTACHED_BAND_MAX_LINES)):
        text = lines[i].text
        if doc_type_of_line(text):
            return i if numbered else None
        numbered = numbered or bool(NUMBER_LINE_RE.match(text))
        if _PREAMBLE_START_RE.match(text) or _starts_item(lines[i]):
            return None
    return None


def _parenthesis_end(lines: list[Line], i: int) -> int:
    """Index after the line that closes the parenthesis line ``i`` opens: its wrapped lines, never across a
    blank line or a numbered line (a copy may lose the ")": "(Ban hành kèm theo … của" ⏎ "Ủy ban … tỉnh")."""
    depth = 0
    for j in range(i, min(len(lines), i + PARENTHESIS_MAX_LINES)):
        if j > i and (lines[j].blank_before or _starts_item(lines[j]) or parse_marker(lines[j].text)):
            return j
        depth += lines[j].text.count("(") - lines[j].text.count(")")
        if depth <= 0:
            return j + 1
    return i + 1


def _preamble_at(lines: list[Line], j: int) -> bool:
    """ "Căn cứ …" starts at line ``j``, also when the copy wraps it ("Căn⏎cứ Luật …")."""
    if j >= len(lines):
        return False
    text = lines[j].text
    return bool(_PREAMBLE_START_RE.match(text) or j + 1 < len(lines) and len(text.split()) == 1
                and _PREAMBLE_START_RE.match(f"{text} {lines[j + 1].text}"))


def _authority_before_preamble(lines: list[Line], i: int) -> bool:
    """The enacting authority's line, possibly wrapped ("CỤC TRƯỞNG CỤC⏎HẢI QUAN"), right above "Căn cứ"."""
    j = i + 1
    while j < min(len(lines), i + 3) and is_upper_line(lines[j].text) and len(lines[j].text.split()) <= 4:
        j += 1
    return _preamble_at(lines, j)


_SUBJECT_RE = re.compile(r"^(?:V/v|V/V|Về\s+việc)\b")


def _header_region_end(lines: list[Line]) -> int:
    """Without a type line: the header ends at the addressee or the first body paragraph."""
    seen_number = False
    for i, line in enumerate(lines):
        text = line.text
        if NUMBER_LINE_RE.match(text):
            seen_number = True
        if _ADDRESSEE_RE.match(text) or _starts_item(line) or _PREAMBLE_START_RE.match(text):
            return i
        if seen_number and parse_date(text).text and re.search(r"năm\s*\d{4}\s*\*?$", text):
            # "…, ngày 20 tháng 11 năm 2025" ends the band of a Công văn (with its subject under it).
            nxt = i + 1
            while nxt < len(lines) and (_RULE_RE.match(lines[nxt].text) or _SUBJECT_RE.match(lines[nxt].text)):
                nxt += 1
                if _SUBJECT_RE.match(lines[nxt - 1].text):
                    nxt = _subject_end(lines, nxt)
            return nxt
    return 0 if not seen_number else min(len(lines), 12)


def _subject_end(lines: list[Line], i: int) -> int:
    """Index after the wrapped lines of a subject that ends the band ("V/v góp ý dự thảo Quyết định sửa" ⏎
    "đổi, bổ sung một số điều của" ⏎ "Quyết định số 2269/QĐ-TTg về" …): they run to a blank line, the addressee or
    the body's first paragraph."""
    for j in range(i, min(len(lines), i + SUBJECT_MAX_LINES)):
        line = lines[j]
        if line.blank_before or _ADDRESSEE_RE.match(line.text) or _PREAMBLE_START_RE.match(line.text) \
                or _starts_item(line) or is_upper_line(line.text):
            return j
    return i


# The adoption clause of a resolution or law whose copy has no place-date line:
# "Nghị quyết này được Ủy ban Thường vụ Quốc hội … khóa XV thông qua ngày 16 tháng 6 năm 2025."
_ADOPTED_RE = re.compile(
    r"\b(?:Nghị\s+quyết|Luật|Bộ\s+luật|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được\s+[^.;]{0,240}?\bthông\s+qua\s+"
    r"(?P<date>ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})", re.IGNORECASE)


def find_adoption_date(lines: list[Line]) -> dt.date | None:
    """The date of the adoption clause, for a copy without a place-date line: "Nghị quyết này được
    Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025." → 2025-06-16; None when absent."""
    found = None
    for match in _ADOPTED_RE.finditer(" ".join(line.text for line in lines)):
        found = match  # the last one: the clause closes the text, before the signature
    return parse_date(found.group("date")).date if found else None


def _band_metadata(band: Band, after: list[Line]) -> tuple[Metadata, list[str]]:
    """The band's fields, and warnings for the values it holds that could not be read."""
    number = band.number
    place, date = parse_place_date(" ".join(band.date_lines)) if band.date_lines else (None, DateField())
    issuer, parent = split_issuer(band.issuer_lines)
    meta = Metadata(number=number.number if number else None, symbol=number.symbol if number else None,
                    issuer=issuer, parent_issuer=parent, place=place,
                    date=date.date if band.date_lines else find_adoption_date(after), date_text=date.text)
    warnings = [w for w in (number_warning(number) if number else None, date_warning(date)) if w]
    return meta, warnings


def _with_title(header: Header, lines: list[Line], found: _TypeLine) -> None:
    """The title block under the type line; an issuer standing above "Căn cứ" when the band named none."""
    end = title_block_end(lines, found.index + 1)
    header.title_start, header.title_end, header.body_start = found.index, end, end
    title = [t.text for t in lines[found.index + 1:end] if not _RULE_RE.match(t.text)]
    if found.glued_title:
        title.insert(0, found.glued_title)
    header.title_text = "\n".join(title) or None
    update: dict = {"doc_type": found.doc_type, "title": " ".join(" ".join(title).split()) or None}
    if header.metadata.issuer is None and end + 1 < len(lines) and is_upper_line(lines[end].text) and \
            _PREAMBLE_START_RE.match(lines[end + 1].text) and not PLACEHOLDER_RE.search(lines[end].text):
        # No header band, but the enacting body stands above "Căn cứ": "ỦY BAN THƯỜNG VỤ QUỐC HỘI".
        update["issuer"] = proper_case(" ".join(lines[end].text.split()))
    header.metadata = header.metadata.model_copy(update=update)


def _type_without_type_line(band: Band) -> tuple[str | None, str | None]:
    """(type, title) of a header without a type line: a Công văn by its subject, else the symbol's type."""
    if band.subject:
        return "Công văn", " ".join(" ".join(band.subject).split()) or None
    symbol = band.number.symbol if band.number else None
    if symbol:
        return SYMBOL_TYPES.get(next((p for p in re.split(r"[-/]", symbol) if not p.isdigit()), "")), None
    return None, None


def parse_header(lines: list[Line]) -> Header:
    """Read the header block at the top of ``lines``."""
    scan = lines[:HEADER_SCAN_LINES]
    found = _find_type_line(scan)
    region_end = found.index if found else _header_region_end(scan)
    band = read_band(lines[:region_end])
    if found and found.glued_issuer:
        band.issuer_lines.append(found.glued_issuer)
    metadata, warnings = _band_metadata(band, lines[region_end:])
    header = Header(metadata=metadata, body_start=region_end, warnings=warnings)
    if found:
        _with_title(header, lines, found)
    else:
        doc_type, title = _type_without_type_line(band)
        header.metadata = metadata.model_copy(update={"doc_type": doc_type, "title": title})
    return header


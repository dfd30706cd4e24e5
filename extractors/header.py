"""Header block parser: issuer, số/ký hiệu, place, date, document type, title.

The layout follows Nghị định 30/2020/NĐ-CP (Phụ lục I): a two-column band with
the issuing body (parent body above) on the left and the national motto on the
right; "Số: …/…" under the body, "<place>, ngày … tháng … năm …" under the
motto; then the type word ("KẾ HOẠCH", "QUYẾT ĐỊNH") centred with the title
under it. A Công văn has no type word: its subject "V/v …" sits under "Số:".
Plain-text copies flatten the columns in any order and wrap lines anywhere, so
every line is classified on its own rather than by position.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from kehoach.extractors import lexicon
from kehoach.extractors.normalize import is_upper_line
from kehoach.schemas.layout import Line
from kehoach.schemas.models import Metadata

# Type lines as written ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG") → the type they report, from the lexicon; a word
# that also heads parts inside a document ("PHỤ LỤC") starts no document of its own.
DOC_TYPE_WORDS = {word.upper(): t.name for t in lexicon.doc_types() if not t.heads_body_parts for word in t.words}
# Symbol part of "Số" (KH in 12/KH-UBND) → type, for a header whose type line is lost.
SYMBOL_TYPES = lexicon.symbol_types()
HEADER_SCAN_LINES = 60  # the type word sits well within the first page
TITLE_MAX_LINES = 10

_TYPE_ALT = "|".join(sorted(DOC_TYPE_WORDS, key=len, reverse=True))
# "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "QUYẾT ĐỊNH" alone on the line ("QUYẾT ĐỊNH:" opens articles).
_TYPE_LINE_RE = re.compile(
    rf"^(?P<type>{_TYPE_ALT})(?:\s*[-_*]*\s*$|\s*(?=Về\s|V/v\s))")
# "NGHỊ ĐỊNHQuy định về chính sách …": the type word glued to a mixed-case title by the copy.
_GLUED_TYPE_RE = re.compile(rf"^(?P<type>{_TYPE_ALT})(?P<title>[A-ZĐ][a-zđà-ỹ].*)$")
# "KẾ HOẠCH HOẠT ĐỘNG TỔ CHUYÊN MÔN", "QUYẾT: ĐỊNH CHẤP THUẬN …" (OCR colon): a caps title on the type
# line itself; read only below the number or date line, where no body name can start with a type word.
_CAPS_TITLE_TYPE_RE = re.compile(rf"^(?P<type>{_TYPE_ALT})\s+(?P<title>[A-ZĐÀ-Ỹ]{{2,}}\b.*)$")
_NUMBER_LINE_RE = re.compile(r"^Số\b\s*:?\s*(?P<rest>.*)$")
# "134 /KH-UBND", "84/2025/QĐ-UBND", "/KH-MTTQ-BTT" (blank number), "-CTr/TU", "3210/QĐ - UBND".
_NUMBER_VALUE_RE = re.compile(
    r"^(?P<number>\d[\d.]*)?\s*(?P<symbol>(?:[/-]\s*[0-9A-Za-zĐđ&.]+(?:\s*-\s*[0-9A-Za-zĐđ&.]+)*)+)")
# Slash look-alikes of PDF text layers and OCR: "1105⁄KH-ĐKT" (U+2044), "∕" (U+2215).
_SLASHES = str.maketrans({"\u2044": "/", "\u2215": "/"})
# A number whose digits OCR split with a space: "Số: 4 46 /QĐ-UBND" → "446/QĐ-UBND".
_SPLIT_DIGITS_RE = re.compile(r"^\d{1,3}(?: \d{1,3})+(?=\s*[/-])")
_DATE_RE = re.compile(
    r"ngày\s*(?P<day>\d{1,2})?\s*[/.]?\s*tháng\s*(?P<month>\d{1,2})?\s*[/.]?\s*năm\s*(?P<year>\d{4})?",
    re.IGNORECASE)
# The day may be blank or garbled by OCR ("ngày U6_ tháng 3", "ngày 0Â tháng"): the line is still the date line.
_DATE_START_RE = re.compile(r"(?:^|[,\s])ngày\b(?:\s*(?:\d{1,2}|\w{1,3}(?=\s+tháng)))?\s*(?:tháng|$)", re.IGNORECASE)
_YEAR_RE = re.compile(r"năm\s*\d{4}")
_DATE_CONTINUATION_RE = re.compile(r"^(?:\d{1,2}\s*)?(?:tháng|năm)\b|^\d{4}\b")
_PLACE_FRAGMENT_RE = re.compile(
    r"^(?:[A-ZĐ][^\s\d,;:/()]*|phố)(?:\s+(?:[A-ZĐÂĂÔƠƯ][^\s\d,;:/()]*|phố)){0,4},?$")
_MOTTO_START_RE = re.compile(r"^(?:CỘNG(?:\s+HÒA\b|\s*$)|ĐẢNG\s+CỘNG\s+SẢN\b|Độc\s+lập\b)", re.IGNORECASE)
_MOTTO_WORDS = "cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc đảng cộng sản"
_MOTTO_INLINE_RE = re.compile(r"(?<=\S)\s+(?:[-–—_]+\s*)?(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)")
_RULE_RE = re.compile(r"^[\s\-–—_*=.~•]*$")
# Columns glued by the copy: "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP", "CHÍNH PHỦ-------".
_BAND_RULE_SPLIT_RE = re.compile(r"\s*[-–—_]{3,}\s*")
_BAND_NUMBER_SPLIT_RE = re.compile(r"(?<=\S)\s*(?=\bSố\s*:)")
# The motto's last line and the place-date read into one row: "Độc lập - Tự do - Hạnh phúc Lào Cai, ngày …".
_MOTTO_DATE_SPLIT_RE = re.compile(r"(?i)(?<=hạnh phúc)[\s\-–—_]*(?=[^\s\-–—_][^\n]*\bngày\b)")
# A form template's placeholder, not a body: "TÊN CQ, TC CHỦ QUẢN(1)", "THẨM QUYỀN BAN HÀNH (3)", "UBND ……".
_PLACEHOLDER_RE = re.compile(r"^TÊN\b|\(\d{1,2}\)\s*$|\.{3}|…")
# A wrapped subject line that is a document number: "136/2025/NĐ-CP".
_REF_LINE_RE = re.compile(r"^\d+[/-]\S*$")
# The symbol's tail wrapped after its dash: "Số: 3783/QĐ-⏎UBND".
_SYMBOL_TAIL_RE = re.compile(r"^[0-9A-ZĐ&.]+(?:[-/][0-9A-ZĐa-z&.]+)*$")
# The adoption clause of a resolution or law whose copy has no place-date line:
# "Nghị quyết này được Ủy ban Thường vụ Quốc hội … khóa XV thông qua ngày 16 tháng 6 năm 2025."
_ADOPTED_RE = re.compile(
    r"\b(?:Nghị\s+quyết|Luật|Bộ\s+luật|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được\s+[^.;]{0,240}?\bthông\s+qua\s+"
    r"(?P<date>ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})", re.IGNORECASE)
_TRAILING_RULE_RE = re.compile(r"\s*[-–—_=*]{3,}\s*$|\s+\*$")
_SUBJECT_RE = re.compile(r"^(?:V/v|V/V|Về\s+việc)\b\s*:?\s*(?P<rest>.*)$")
_ADDRESSEE_RE = re.compile(r"^Kính\s+gửi\b")
_PREAMBLE_START_RE = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Xét\b|Theo\s+đề\s+nghị|Để\b|Nhằm\b|Kính\s+gửi|Trên\s+cơ\s+sở|Sau\s+khi|Ngày\s+\d)")
# The body that issues a decision, on its own line before "Căn cứ": "CHỦ TỊCH ỦY BAN NHÂN DÂN …".
_AUTHORITY_LINE_RE = re.compile(
    r"^(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|CHÁNH\s+|TRƯỞNG\s+BAN|"
    r"BAN\s+|ỦY\s+BAN|HỘI\s+ĐỒNG|CHÍNH\s+PHỦ|BỘ\s+|TỈNH\s+ỦY|THÀNH\s+ỦY|ĐẢNG\s+ỦY|HUYỆN\s+ỦY|THƯỜNG\s+TRỰC)")
_ATTACHED_RE = re.compile(r"^\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\b")
_MARKER_START_RE = re.compile(r"^(?:[IVXLC]+\.|\d{1,3}[.)]|[a-zđ]\)|Điều\s+\d|[-+•])\s")

# --- issuer names ------------------------------------------------------------

# A header line starting with one of these names a body of its own (the issuer,
# under its parent body on the line above): "BỘ TÀI CHÍNH / CỤC THUẾ".
_BODY_HEAD_RE = re.compile(
    r"^(?:SỞ|BAN|PHÒNG|CỤC|CHI\s+CỤC|TỔNG\s+CỤC|VỤ|VĂN\s+PHÒNG|TRUNG\s+TÂM|ĐẢNG\s+ỦY|ĐẢNG\s+BỘ|TỔ|CHI\s+BỘ|"
    r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)|"
    r"THANH\s+TRA|KHO\s+BẠC|CÔNG\s+AN|BỘ\s+CHỈ\s+HUY|TRƯỜNG|BỆNH\s+VIỆN|VIỆN|HỘI\s+ĐỒNG|ỦY\s+BAN|"
    r"THƯỜNG\s+TRỰC|BCĐ|BCH|UBND|HĐND|ĐOÀN|HỘI|THUẾ|BẢO\s+HIỂM)\b(?!\s*,)")
# Party organisations and committees (Hướng dẫn 36-HD/VPTW): "ĐẢNG BỘ TỈNH QUẢNG NINH" above "TỈNH ỦY".
_PARTY_LEVELS = r"TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|ĐẶC\s+KHU"
_PARTY_BODY_RE = re.compile(rf"^ĐẢNG\s+BỘ(?:\s+(?P<level>{_PARTY_LEVELS})\s+(?P<name>\S.*))?")
_COMMITTEE = r"(?P<head>(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)|ĐẢNG\s+(?:ỦY|UỶ))"
# A committee word without its place: "TỈNH ỦY", "ĐẢNG ỦY", "ĐẢNG ỦY PHƯỜNG".
_BARE_COMMITTEE_RE = re.compile(rf"^{_COMMITTEE}(?:\s+(?P<level>{_PARTY_LEVELS}))?$")
_COMMITTEE_TAIL_RE = re.compile(rf"(?:^|\s){_COMMITTEE}(?:\s+(?P<level>{_PARTY_LEVELS}))?$")
# Organs that have no name of their own: the issuer is "<organ> <parent>".
_ORGAN_ONLY_RE = re.compile(
    r"^(?:BAN\s+THƯỜNG\s+TRỰC|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|THƯỜNG\s+TRỰC|VĂN\s+PHÒNG|BAN\s+BÍ\s+THƯ|"
    r"BAN\s+CHỈ\s+HUY|ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ\s+ĐẢNG)$")

# Known names in their written case; keys are lower case.
_KNOWN_FORMS = [
    ("ủy ban mặt trận tổ quốc việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("ủy ban mặt trận tổ quốc", "Ủy ban Mặt trận Tổ quốc"),
    ("ủy ban mttq việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("ủy ban mttq", "Ủy ban Mặt trận Tổ quốc"),
    ("ubmttq việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("mttq việt nam", "Mặt trận Tổ quốc Việt Nam"),
    ("mặt trận tổ quốc việt nam", "Mặt trận Tổ quốc Việt Nam"),
    ("mttq", "Mặt trận Tổ quốc"),
    ("ủy ban nhân dân", "Ủy ban nhân dân"),
    ("ubnd", "Ủy ban nhân dân"),
    ("hội đồng nhân dân", "Hội đồng nhân dân"),
    ("hđnd", "Hội đồng nhân dân"),
    ("ủy ban thường vụ quốc hội", "Ủy ban Thường vụ Quốc hội"),
    ("ban thường trực", "Ban Thường trực"),
    ("ban thường vụ", "Ban Thường vụ"),
    ("ban chấp hành", "Ban Chấp hành"),
    ("ban chỉ đạo", "Ban Chỉ đạo"),
    ("thủ tướng chính phủ", "Thủ tướng Chính phủ"),
    ("văn phòng chính phủ", "Văn phòng Chính phủ"),
    ("chính phủ", "Chính phủ"),
    ("quốc hội", "Quốc hội"),
    ("bộ chính trị", "Bộ Chính trị"),
    ("tỉnh ủy", "Tỉnh ủy"),
    ("thành ủy", "Thành ủy"),
    ("huyện ủy", "Huyện ủy"),
    ("đảng ủy", "Đảng ủy"),
    ("quận ủy", "Quận ủy"),
    ("thị ủy", "Thị ủy"),
    ("đảng bộ", "Đảng bộ"),
    ("chi bộ", "Chi bộ"),
    ("ủy ban kiểm tra", "Ủy ban Kiểm tra"),
    ("trung ương", "Trung ương"),
    ("phó chủ tịch thường trực", "Phó Chủ tịch Thường trực"),
    ("phó chủ tịch", "Phó Chủ tịch"),
    ("chủ tịch", "Chủ tịch"),
    ("phó thủ tướng", "Phó Thủ tướng"),
    ("phó bí thư thường trực", "Phó Bí thư Thường trực"),
    ("phó bí thư", "Phó Bí thư"),
    ("bí thư", "Bí thư"),
    ("bộ trưởng", "Bộ trưởng"),
    ("thứ trưởng", "Thứ trưởng"),
    ("cục trưởng", "Cục trưởng"),
    ("vụ trưởng", "Vụ trưởng"),
    ("phó trưởng ban", "Phó Trưởng ban"),
    ("trưởng ban", "Trưởng ban"),
    ("phó giám đốc", "Phó Giám đốc"),
    ("giám đốc", "Giám đốc"),
    ("chánh văn phòng", "Chánh Văn phòng"),
    ("phó chủ nhiệm", "Phó Chủ nhiệm"),
    ("chủ nhiệm", "Chủ nhiệm"),
]
_PLACE_NAMED = {"tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy"}
# Administrative level words: lower case, and the place name after them is capitalised.
_LEVEL_RE = re.compile(r"^(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)$")
_LEVEL_WORDS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường", "thôn", "ấp")
_GENERIC_HEADS = ("văn phòng", "trung tâm", "chi cục", "tổng cục", "bệnh viện", "kho bạc", "thanh tra",
                  "bộ", "sở", "cục", "vụ", "ban", "phòng", "viện", "trường", "tổ", "hội", "đoàn")


@dataclass
class Header:
    metadata: Metadata = field(default_factory=Metadata)
    title_start: int | None = None  # index of the type-word line
    title_end: int | None = None  # index after the title block
    body_start: int = 0  # index of the first line after the header and title block
    title_text: str | None = None  # the title block as written (type word excluded)


# --- letter-spacing repair ---------------------------------------------------

_VOWELS = set("aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_ONSETS = {"b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
           "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"}
_CODAS = {"c", "ch", "m", "n", "ng", "nh", "p", "t"}


def _has_vowel(token: str) -> bool:
    return any(ch in _VOWELS for ch in token.lower())


def _is_onset_part(token: str) -> bool:
    low = token.lower()
    return any(onset.startswith(low) for onset in _ONSETS)


def looks_letter_spaced(text: str) -> bool:
    """Two or more lone consonants or syllable splinters: "ỦY B AN NHÂN D Â N"."""
    tokens = text.split()
    lone = sum(1 for t in tokens if t.isalpha() and not _has_vowel(t) and len(t) <= 2)
    return lone >= 2 or (lone >= 1 and any(len(t) == 1 and t.isalpha() and t.islower() for t in tokens))


def fix_letter_spacing(text: str) -> str:
    """Rejoin syllables split by letter-spacing: "ỦY B AN NHÂN D Â N" → "ỦY BAN NHÂN DÂN".

    A splinter without a vowel is an onset of the next syllable, or the coda
    of the previous one when it cannot start one ("D Â N T HÀNH" → "DÂN THÀNH").
    In mixed case a lower-case splinter continues the previous syllable
    ("Ngu y ễn" → "Nguyễn"), since names capitalise every syllable.
    """
    tokens = text.split()
    out: list[str] = []
    carry = ""
    mixed = any(ch.islower() for ch in text) and any(ch.isupper() for ch in text)
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if not token.isalpha():
            if carry:
                out.append(carry)
                carry = ""
            out.append(token)
            continue
        if carry:
            token = carry + token
            carry = ""
        if not _has_vowel(token) and len(token) <= 3:
            prev_open = bool(out) and out[-1].isalpha() and out[-1][-1].lower() in _VOWELS
            nxt_starts_consonant = nxt is None or not nxt[:1].lower() in _VOWELS
            if prev_open and token.lower() in _CODAS and nxt_starts_consonant and not (
                    nxt and _is_onset_part(token + nxt[:1])):
                out[-1] += token
            elif nxt is not None and _is_onset_part(token):
                carry = token
            else:
                out.append(token)
            continue
        if mixed and out and token[0].islower() and out[-1].isalpha() and out[-1][0].isupper() and (
                len(token) <= 3 or len(out[-1]) <= 3) and token not in ("phố", "và"):
            out[-1] += token
            continue
        out.append(token)
    if carry:
        out.append(carry)
    return " ".join(out)


# --- names -------------------------------------------------------------------

def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def proper_case(name: str) -> str:
    """An all-caps body name in its written form: "ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN" →
    "Ủy ban nhân dân phường Gia Viên", "BỘ TÀI CHÍNH" → "Bộ Tài chính". Mixed case is kept."""
    if not is_upper_line(name) and not any(k in name.lower().split() for k in ("mttq", "ubnd", "hđnd")):
        return name
    if not is_upper_line(name):
        words = name.split()
        return " ".join(_expand_abbreviation(w) for w in words)
    low = " ".join(name.lower().split())
    out: list[str] = []
    i = 0
    words = low.split()
    after_level = False
    after_head = False
    while i < len(words):
        rest = " ".join(words[i:])
        known = next(((k, v) for k, v in _KNOWN_FORMS
                      if rest == k or rest.startswith((k + " ", k + ","))), None)
        if known:
            i += len(known[0].split())
            # "BỘ TRƯỞNG, CHỦ NHIỆM": the comma after a known name is kept.
            out.append(known[1] + ("," if words[i - 1].endswith(",") else ""))
            # "Tỉnh ủy Lào Cai": a Party committee is named by its place.
            after_level = known[0] in _PLACE_NAMED
            after_head = False
            continue
        level = next((lv for lv in _LEVEL_WORDS if rest == lv or rest.startswith(lv + " ")), None)
        if level and not after_level:
            out.append(level if out else _cap(level))
            i += len(level.split())
            after_level, after_head = True, False
            continue
        head = next((h for h in _GENERIC_HEADS if rest == h or rest.startswith(h + " ")), None)
        if head and not after_level and not after_head:
            out.append(_cap(head))
            i += len(head.split())
            after_head = True
            # The name after a generic head: its first syllable capitalised ("Sở Y tế").
            if i < len(words):
                out.append(_cap(words[i]))
                i += 1
            continue
        word = words[i]
        original = name.split()[i] if len(name.split()) == len(words) else word
        if re.search(r"[\d/]", original) and re.search(r"[A-ZĐ]", original):
            out.append(original)  # "1050/QĐ-SCT": a document number keeps its capitals
            i += 1
            continue
        if original.isalpha() and not _has_vowel(original) and len(original) >= 2:
            out.append(original)  # "HQ", "TNHH": an abbreviation has no vowel and keeps its capitals
            i += 1
            continue
        if after_level:
            out.append(_cap(word))
        elif word in ("và",) or word.startswith("-"):
            out.append(word)
            if i + 1 < len(words):
                out.append(_cap(words[i + 1]))
                i += 1
        else:
            out.append(word if out else _cap(word))
        i += 1
    return " ".join(out)


def _expand_abbreviation(word: str) -> str:
    return {"MTTQ": "Mặt trận Tổ quốc", "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}.get(word, word)


def split_issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent_issuer) from the header's body lines, top to bottom."""
    lines = [_TRAILING_RULE_RE.sub("", t).strip(" -*") for t in lines]
    lines = [t for t in lines if t]
    if not lines:
        return None, None
    # Group wrapped lines into bodies: a new body starts at a line naming one.
    groups: list[list[str]] = [[lines[0]]]
    for prev, text in itertools.pairwise(lines):
        # "ỦY⏎BAN NHÂN DÂN", "BỘ KHOA HỌC VÀ⏎CÔNG NGHỆ": a name wrapped, not a second body.
        # "BAN TUYÊN GIÁO VÀ DÂN VẬN⏎TỈNH ỦY": a bare committee word ends a department's name,
        # unless it follows the Party organisation ("ĐẢNG BỘ TỈNH X⏎TỈNH ỦY", Hướng dẫn 36-HD/VPTW).
        bare_tail = _BARE_COMMITTEE_RE.match(" ".join(text.split())) and not _PARTY_BODY_RE.match(groups[-1][0])
        wrapped = (len(" ".join(groups[-1]).split()) == 1 or prev.rstrip().endswith((" VÀ", ",", "-", " CỦA"))
                   or not _BODY_HEAD_RE.match(text) or bool(bare_tail))
        if wrapped:
            groups[-1].append(text)
        else:
            groups.append([text])
    names = [" ".join(g) for g in groups]
    # Letter-spacing is repaired on the joined name: a syllable may be split across lines ("THÀNH P⏎HỐ").
    names = [fix_letter_spacing(n) if looks_letter_spaced(n) else n for n in names]
    own = names[-1]
    parent = " ".join(names[:-1]) or None
    if parent and _ORGAN_ONLY_RE.match(" ".join(own.split())):
        # Each part in its own case: "VĂN PHÒNG" + "BỘ TÀI CHÍNH" → "Văn phòng Bộ Tài chính".
        own = f"{proper_case(' '.join(own.split()))} {proper_case(' '.join(parent.split()))}"
    elif parent:
        own = _party_full_name(" ".join(own.split()), " ".join(names[-2].split()))
    issuer = proper_case(" ".join(own.split()))
    return issuer, (proper_case(" ".join(parent.split())) if parent else None)


def _party_full_name(own: str, parent: str) -> str:
    """A Party committee or department named in full from the organisation above it (Hướng dẫn
    36-HD/VPTW): "ĐẢNG BỘ TỈNH QUẢNG NINH / TỈNH ỦY" → "TỈNH ỦY QUẢNG NINH"; "ĐẢNG BỘ XÃ X / ĐẢNG ỦY"
    → "ĐẢNG ỦY XÃ X"; "ĐẢNG BỘ TỈNH X / BAN TUYÊN GIÁO TỈNH ỦY" → "BAN TUYÊN GIÁO TỈNH ỦY X";
    "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TỔ CHỨC" → "BAN TỔ CHỨC TRUNG ƯƠNG". Anything else is kept."""
    party = _PARTY_BODY_RE.match(parent)
    if party and party.group("level"):
        committee = _COMMITTEE_TAIL_RE.search(own)
        if committee:
            level, name = party.group("level"), party.group("name")
            if committee.group("level"):  # "ĐẢNG ỦY PHƯỜNG": the level is already written
                return f"{own} {name}"
            if committee.group("head").startswith("ĐẢNG"):  # "ĐẢNG ỦY": the commune's or ward's
                return f"{own} {level} {name}"
            return f"{own} {name}"  # "TỈNH ỦY" already says the level
    if re.fullmatch(r"BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG(?:\s+ĐẢNG)?", parent) and \
            re.match(r"^(?:BAN|VĂN\s+PHÒNG|ỦY\s+BAN\s+KIỂM\s+TRA)\b", own) and "TRUNG ƯƠNG" not in own:
        return f"{own} TRUNG ƯƠNG"
    return own


# --- fields ------------------------------------------------------------------

def parse_number(text: str) -> tuple[str | None, str | None]:
    """ "Số: 134 /KH-UBND" → ("134/KH-UBND", "KH-UBND"); "Số:   /KH-UBND" → (None, "KH-UBND")."""
    match = _NUMBER_LINE_RE.match(text.strip())
    value = (match.group("rest") if match else text).translate(_SLASHES)
    value = _SPLIT_DIGITS_RE.sub(lambda m: m.group(0).replace(" ", ""), value.strip())
    found = _NUMBER_VALUE_RE.match(value.strip())
    if not found:
        return None, None
    symbol = re.sub(r"\s+", "", found.group("symbol")).strip("/-")
    if not found.group("number"):
        return None, symbol or None
    return found.group("number") + re.sub(r"\s+", "", found.group("symbol")), symbol


def parse_date(text: str) -> dt.date | None:
    """ "ngày 02 tháng 5 năm 2024" → 2024-05-02; blanks or an impossible date → None."""
    match = _DATE_RE.search(text)
    if not match or not all(match.group(k) for k in ("day", "month", "year")):
        return None
    try:
        return dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None


def parse_place_date(text: str) -> tuple[str | None, dt.date | None]:
    """ "Hà Nội, ngày 02 tháng 5 năm 2024" → ("Hà Nội", 2024-05-02)."""
    text = " ".join(text.split())
    idx = re.search(r"\bngày\b", text, re.IGNORECASE)
    if not idx:
        return None, None
    place = text[: idx.start()].strip(" ,.-*")
    if looks_letter_spaced(place):
        place = fix_letter_spacing(place)
    return (place or None), parse_date(text[idx.start():])


def doc_type_of_line(text: str) -> str | None:
    """ "KẾ HOẠCH" → "Kế hoạch"; "CHƯƠNG TRÌNH HÀNH ĐỘNG" → "Chương trình"; else None."""
    match = _TYPE_LINE_RE.match(" ".join(text.split()))
    return DOC_TYPE_WORDS[match.group("type")] if match else None


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
        if i > start and (_PREAMBLE_START_RE.match(text) or _MARKER_START_RE.match(text)):
            break
        if i > start and _ATTACHED_RE.match(text):
            i += 1
            continue
        upper = is_upper_line(text)
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


def parse_header(lines: list[Line]) -> Header:
    """Read the header block at the top of ``lines``."""
    header = Header()
    meta = header.metadata
    scan = lines[:HEADER_SCAN_LINES]
    type_at = None
    glued_title: str | None = None
    band_seen = False
    for i, line in enumerate(scan):
        if _PREAMBLE_START_RE.match(line.text) or _MARKER_START_RE.match(line.text):
            break
        doc_type = doc_type_of_line(_TRAILING_RULE_RE.sub("", line.text))
        glued = None if doc_type else _GLUED_TYPE_RE.match(" ".join(line.text.split()))
        if not doc_type and not glued and band_seen and is_upper_line(line.text):
            glued = _CAPS_TITLE_TYPE_RE.match(re.sub(r"^(\S+):(?=\s)", r"\1", " ".join(line.text.split())))
        band_seen = band_seen or bool(_NUMBER_LINE_RE.match(line.text) or _DATE_RE.search(line.text))
        if glued:
            doc_type, glued_title = DOC_TYPE_WORDS[glued.group("type")], glued.group("title")
        if doc_type:
            type_at, meta.doc_type = i, doc_type
            break
    region_end = type_at if type_at is not None else _header_region_end(scan)
    band = [(piece, line) for line in lines[:region_end] for piece in _split_band_line(line.text)]
    issuer_lines: list[str] = []
    subject: list[str] = []
    symbol: str | None = None
    in_motto = False
    motto_done = False
    i = 0
    date_lines: list[str] = []
    date_seen = False
    n_band = len(band)
    while i < n_band:
        text = _TRAILING_RULE_RE.sub("", band[i][0]).strip()
        line = band[i][1]
        nxt = band[i + 1][0].strip() if i + 1 < n_band else ""
        i += 1
        inline = _MOTTO_INLINE_RE.search(text)
        if inline:
            # Both columns read into one line: "THỦ TƯỚNG CHÍNH PHỦ ------- CỘNG HÒA XÃ HỘI …".
            in_motto = not re.search(r"hạnh\s+phúc", text[inline.start():], re.IGNORECASE)
            text = _TRAILING_RULE_RE.sub("", text[: inline.start()]).strip()
            if (is_upper_line(text) or looks_letter_spaced(text)) and not _PLACEHOLDER_RE.search(text):
                issuer_lines.append(text)
            continue
        if not text or _RULE_RE.match(text):
            continue
        if _MOTTO_START_RE.match(text) or (in_motto and _is_motto_fragment(text)):
            in_motto = True
            if re.search(r"hạnh\s+phúc|đảng\s+cộng\s+sản\s+việt\s+nam", text, re.IGNORECASE):
                in_motto, motto_done = False, True
            continue
        if _NUMBER_LINE_RE.match(text) and meta.number is None:
            value = _NUMBER_LINE_RE.match(text).group("rest")
            if not value.strip() and i < n_band:
                value = band[i][0]
                i += 1
            if value.strip().endswith(("-", "/")) and i < n_band and _SYMBOL_TAIL_RE.match(band[i][0].strip()):
                value = value.strip() + band[i][0].strip()  # "3783/QĐ-⏎UBND"
                i += 1
            meta.number, symbol = parse_number(value)
            continue
        if _DATE_START_RE.search(text) and not date_seen:
            date_seen = True
            date_lines.append(text)
            # "Đắk Lắk, ngày 21⏎tháng 11 năm 2025": the date wraps onto the next line.
            while i < n_band and not _YEAR_RE.search(" ".join(date_lines)) and \
                    _DATE_CONTINUATION_RE.match(band[i][0].strip()):
                date_lines.append(band[i][0].strip())
                i += 1
            continue
        if _SUBJECT_RE.match(text):
            subject.append(_SUBJECT_RE.match(text).group("rest"))
            continue
        if _ADDRESSEE_RE.match(text) or _ADDRESSEE_RE.match(f"{text} {nxt}"):
            break  # "Kính gửi:", also "Kính⏎gửi:"
        if subject and (not is_upper_line(text) or _REF_LINE_RE.match(text)) and not _DATE_START_RE.search(text) \
                and not (_DATE_START_RE.search(nxt) and _PLACE_FRAGMENT_RE.match(text)):
            subject.append(text)
            continue
        if not is_upper_line(text) and _DATE_START_RE.search(nxt) and _PLACE_FRAGMENT_RE.match(text):
            date_lines.append(text)  # "Thành phố Hồ⏎Chí Minh, ngày …"
            continue
        if line.column == "right" or motto_done and not is_upper_line(text):
            continue
        if (is_upper_line(text) or looks_letter_spaced(text) and not date_lines) and not _is_motto_fragment(text) \
                and not _PLACEHOLDER_RE.search(text):
            issuer_lines.append(text)
    if date_lines:
        meta.place, meta.date = parse_place_date(" ".join(date_lines))
    else:
        meta.date = find_adoption_date(lines[region_end:])
    meta.issuer, meta.parent_issuer = split_issuer(issuer_lines)
    if type_at is not None:
        end = title_block_end(lines, type_at + 1)
        header.title_start, header.title_end, header.body_start = type_at, end, end
        title = [t.text for t in lines[type_at + 1:end] if not _RULE_RE.match(t.text)]
        if glued_title:
            title.insert(0, glued_title)
        header.title_text = "\n".join(title) or None
        meta.title = " ".join(" ".join(title).split()) or None
        if meta.issuer is None and end + 1 < len(lines) and is_upper_line(lines[end].text) and \
                _PREAMBLE_START_RE.match(lines[end + 1].text) and not _PLACEHOLDER_RE.search(lines[end].text):
            # No header band, but the enacting body stands above "Căn cứ": "ỦY BAN THƯỜNG VỤ QUỐC HỘI".
            meta.issuer = proper_case(" ".join(lines[end].text.split()))
    else:
        header.body_start = region_end
        if subject:
            meta.doc_type = "Công văn"
            meta.title = " ".join(" ".join(subject).split()) or None
        elif symbol:
            meta.doc_type = SYMBOL_TYPES.get(next((p for p in re.split(r"[-/]", symbol) if not p.isdigit()), ""))
    return header


def _split_band_line(text: str) -> list[str]:
    """One header line as the columns it holds: "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP" →
    ["CHÍNH PHỦ", "Số: 170/2025/NĐ-CP"]. A line without glued columns comes back whole."""
    if _MOTTO_DATE_SPLIT_RE.search(text):
        return [p for piece in _MOTTO_DATE_SPLIT_RE.split(text, maxsplit=1) for p in _split_band_line(piece) if p]
    pieces = [p for p in _BAND_RULE_SPLIT_RE.split(text) if p.strip()]
    if len(pieces) <= 1 and not _BAND_NUMBER_SPLIT_RE.search(text):
        return [text]
    out: list[str] = []
    for piece in pieces:
        head, _, rest = piece.partition("Số")
        if rest and head.strip() and is_upper_line(head) and _BAND_NUMBER_SPLIT_RE.search(piece):
            out.extend([head.strip(), "Số" + rest])
        else:
            out.append(piece.strip())
    return out


def find_adoption_date(lines: list[Line]) -> dt.date | None:
    """The date of the adoption clause, for a copy without a place-date line: "Nghị quyết này được
    Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025." → 2025-06-16; None when absent."""
    found = None
    for match in _ADOPTED_RE.finditer(" ".join(line.text for line in lines)):
        found = match  # the last one: the clause closes the text, before the signature
    return parse_date(found.group("date")) if found else None


def _is_motto_fragment(text: str) -> bool:
    words = re.sub(r"[-–—]", " ", text.lower()).split()
    return bool(words) and all(w in _MOTTO_WORDS.split() for w in words)


def _header_region_end(lines: list[Line]) -> int:
    """Without a type line: the header ends at the addressee or the first body paragraph."""
    seen_number = False
    for i, line in enumerate(lines):
        text = line.text
        if _NUMBER_LINE_RE.match(text):
            seen_number = True
        if _ADDRESSEE_RE.match(text) or _MARKER_START_RE.match(text) or _PREAMBLE_START_RE.match(text):
            return i
        if seen_number and _DATE_RE.search(text) and re.search(r"năm\s*\d{4}\s*\*?$", text):
            # "…, ngày 20 tháng 11 năm 2025" ends the band of a Công văn.
            nxt = i + 1
            while nxt < len(lines) and (_RULE_RE.match(lines[nxt].text) or _SUBJECT_RE.match(lines[nxt].text)):
                nxt += 1
            if not any(_SUBJECT_RE.match(t.text) for t in lines[:i]):
                return nxt
            return nxt
    return 0 if not seen_number else min(len(lines), 12)


# "Ủy ban nhân dân phường Gia Viên ban hành Kế hoạch …": the issuer named in the preamble
# of a text whose header block is missing.
_ISSUES_RE = re.compile(
    r"(?:^|[;:.,]\s*|\n)(?P<body>(?:Ủy\s+ban|UBND|Hội\s+đồng|HĐND|Ban|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|Đảng\s+ủy|"
    r"Sở|Bộ|Chính\s+phủ|Thủ\s+tướng)[^;:.,\n]{0,80}?)\s+ban\s+hành\s+(?:các\s+|bản\s+)?"
    r"(?:kế\s+hoạch|chương\s+trình|quyết\s+định|chỉ\s+thị|hướng\s+dẫn|nghị\s+quyết|quy\s+định|thông\s+báo|"
    r"nghị\s+định|thông\s+tư)",
    re.IGNORECASE)


def find_issuer_in_text(text: str) -> str | None:
    """The issuing body named as the subject of "… ban hành Kế hoạch …", expanded; None when absent."""
    match = _ISSUES_RE.search(" ".join(text.split()))
    if not match:
        return None
    body = match.group("body").strip()
    if len(body.split()) > 14:
        return None
    return " ".join(_expand_abbreviation(w) for w in body.split())

"""Patterns for cited legal documents (eyecite's ``regexes.py``): patterns only.

Every pattern is built from named parts. The grammar comes from the official
formats, not from one corpus file:

- Nghị định 30/2020/NĐ-CP, Phụ lục I and III (administrative documents):
  ``number/TYPE-ISSUER`` ("3177/QĐ-UBND", "165/KH-UBND"); a Công văn carries no
  type abbreviation ("193/UBND-KT", "6676/BYT-CDS").
- Luật Ban hành văn bản quy phạm pháp luật (legal normative documents):
  ``number/year/TYPE-ISSUER`` ("178/2024/NĐ-CP"), laws and National Assembly
  resolutions ``number/year/QHnn`` ("64/2025/QH15", "35/2023/UBTVQH15").
- Hướng dẫn 36-HD/VPTW (Party documents): ``number-TYPE/ISSUER`` ("25-NQ/TW",
  "2449-CV/ĐU", "08-QĐi/TW"), numbered within a term ("khóa XI").

Group names are the schema field names (``doc_type``, ``number``, ``year``,
``symbol``, ``date``, ``issuer``, ``term``, ``title``).
"""

from __future__ import annotations

import re

from kehoach.extractors import lexicon

# --- small wrappers ------------------------------------------------------------


def _group(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def _icase(pattern: str) -> str:
    # Type words are written "Nghị quyết", "nghị quyết" or "NGHỊ QUYẾT" (titles).
    return f"(?i:{pattern})"


# --- letters and separators ------------------------------------------------------

# Upper-case letters of symbols: A–Z, Đ and its OCR look-alike Ð (U+00D0), Ư (the Party's older "TƯ"), and the
# Cyrillic capitals that look like Latin ones (a copied text layer mixes them in: "NĐ-СР").
CYRILLIC_LOOKALIKES = {"А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O",
                       "Р": "P", "Т": "T", "Х": "X"}
UPPER = "A-ZĐÐƯ" + "".join(CYRILLIC_LOOKALIKES)
LOWER_VI = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER_VI = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

# Space inside a symbol: a few spaces, possibly a line break (or two, where a
# plain-text copy puts a blank line after every visual line) ("3177/QĐ-⏎UBND",
# "144/2021/NĐ- CP", "3210/QĐ - UBND").
_GAP = r"[ \t]{0,3}(?:\n[ \t]{0,3}){0,2}"
DASH = r"\-‐‑‒–—"  # for character classes: the hyphen escaped so it is never a range
SLASH_RE = rf"{_GAP}/{_GAP}"
DASH_SEP_RE = rf"{_GAP}[{DASH}]{_GAP}"

# --- parts of the number/symbol ------------------------------------------------------

NUMBER_RE = r"\d{1,6}"
YEAR_RE = r"(?:19|20)\d{2}"

# One part of a symbol: an upper-case abbreviation, with the official mixed-case
# forms (TTg, QĐi, CTr, TTr, QyĐ: one lower-case letter at a time, never a
# lower-case word), digits of a legislature (QH15) and "&" (QLN&CS, with a space after it as some copies
# have it: "QLN& TTBĐS").
SYMBOL_PART_RE = rf"[{UPPER}](?:[{UPPER}0-9&]|(?<=&)[ ](?=[{UPPER}])|[a-zđ](?![{LOWER_VI}]))*"

# A type abbreviation written with a space instead of the dash before the issuer ("1234/QĐ UBND",
# "01/2021/NĐ CP"): only after a known type and before a part in capitals standing alone, never
# before a word ("12/KH Sở …").
_SPACED_TYPES_RE = "NQ|NĐ|QĐ|CT|TT|KH|HD|TB|BC|CV|KL|CTr|TTr|ĐA|PA"
_SPACED_HEAD_RE = rf"(?:{_SPACED_TYPES_RE})[ ](?=[{UPPER}]{{2,}}[0-9]*(?![\w&]))"

# TYPE-ISSUER(-UNIT…): "QĐ-UBND", "KH-MTTQ-BTT", "UBND-KT", "SXD-QLN&CS"; a unit's parts joined by a dot, as some
# offices write them ("CCTKV.XII-NVDTPC.HUE": the dot before two capitals, not a sentence's full stop).
_DOT_SEP_RE = rf"\.(?=[{UPPER}]{{2}})"
STATE_SYMBOL_RE = rf"(?:{_SPACED_HEAD_RE})?{SYMBOL_PART_RE}(?:(?:{DASH_SEP_RE}|{_DOT_SEP_RE}){SYMBOL_PART_RE})*"
# A joint resolution written with a slash after the type ("NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN"); the
# official form has a dash there.
NORMATIVE_SYMBOL_RE = rf"(?:{_SPACED_HEAD_RE}|{SYMBOL_PART_RE}/(?=[{UPPER}]))?{SYMBOL_PART_RE}(?:{DASH_SEP_RE}{SYMBOL_PART_RE})*"

# The issuer alone after the number, as documents before the 1997 rules wrote it: "94-CP", "235-HĐBT";
# a citation only right after its type word ("Nghị định số 94-CP").
OLD_SYMBOL_RE = SYMBOL_PART_RE

# TYPE/ISSUER of the Party: "NQ/TW", "HD/UBKTTW", "CV/ĐU", "KL/TW".
PARTY_SYMBOL_RE = rf"{SYMBOL_PART_RE}{SLASH_RE}{SYMBOL_PART_RE}(?:[{DASH}]{SYMBOL_PART_RE})*"

# A number with a letter ("30a/2008/NQ-CP", "09b/2013/TT-BTP"): a document inserted after another.
_NUMBER_LETTER_RE = r"(?:[a-z](?=\s*/))?"

# A number with a dotted part, before its year only ("66.2/2025/NQ-CP"): a resolution of a Government meeting
# numbered under another one's number.
_NUMBER_DOT_RE = rf"(?:\.\d{{1,2}}(?={SLASH_RE}{YEAR_RE}{SLASH_RE}))?"

# A number with a dashed part, before a symbol only ("0825-05/HW-TCHQ", "25-2303/PBHC-KD", "01-10/2025/CV-TKV"):
# a company's paper numbered within its month or year.
_NUMBER_DASH_RE = rf"(?:-\d{{1,4}}(?={SLASH_RE}(?:{YEAR_RE}{SLASH_RE})?[{UPPER}]))?"

# Not inside another token: a date ("12/12/2013"), a standard ("QCVN 01:2021/BXD"),
# a decimal ("1,5"); but "số31-QĐ/TW" (no space after "số") is fine. The digit is looked at first: a scan checks
# the characters before only where a number stands.
_NUMBER_START = r"(?=\d)(?:(?<=số)|(?<=Số)|(?<=SỐ)|(?<![\w/\-–—]))(?<!\d[.,:])"

CITATION_RE = re.compile(
    rf"""
    {_NUMBER_START}
    {_group("number", NUMBER_RE + _NUMBER_LETTER_RE + _NUMBER_DOT_RE + _NUMBER_DASH_RE)}
    (?:
        # legal normative: 178/2024/NĐ-CP   85/2015/QH13   101/2025/UBTVQH15   30a/2008/NQ-CP
        {SLASH_RE}{_group("year", YEAR_RE)}{SLASH_RE}{_group("symbol", NORMATIVE_SYMBOL_RE)}
      | # administrative: 3177/QĐ-UBND   193/UBND-KT   16/KH-MTTQ-BTT   183/KL-TW
        {SLASH_RE}{_group("state_symbol", STATE_SYMBOL_RE)}
      | # Party: 25-NQ/TW   2449-CV/ĐU   08-QĐi/TW   19-HD/UBKTTW
        {DASH_SEP_RE}{_group("party_symbol", PARTY_SYMBOL_RE)}
      | # before 1997, the issuer alone after a dash: 94-CP   235-HĐBT (only after a type word)
        [{DASH}]{_group("old_symbol", OLD_SYMBOL_RE)}
    )
    (?![\w/])
    """,
    re.VERBOSE,
)

# --- type words ----------------------------------------------------------------

# Type words: the lexicon's (data/doc_types.json) and two that only citations use: "văn bản" (any
# document; its symbol tells the type) and "Nghị quyết Đại hội" (a Party congress resolution).
_CITATION_ONLY_TYPES = {"Văn bản": "Công văn", "Nghị quyết Đại hội": "Nghị quyết"}
DOC_TYPES = tuple(sorted({*lexicon.type_words(), *_CITATION_ONLY_TYPES}, key=len, reverse=True))
# What a longer type word stands for in the contract ("Chương trình hành động" is a Chương trình).
DOC_TYPE_CANONICAL = {word.casefold(): name for word, name in {**lexicon.type_words(), **_CITATION_ONLY_TYPES}.items()
                      if word != name}
# Type words that name no type: the symbol's abbreviation gives it ("văn bản số 308/BC-BXD" is a
# Báo cáo); without one it is a Công văn.
GENERIC_TYPES = frozenset({"văn bản"})

_TYPE_WORDS_RE = lexicon.alternation(DOC_TYPES)
# The first letters of the type words, either case: a scan tries the long alternation only where one stands
# (several times faster over running text, where few positions start a type word).
TYPE_WORD_AHEAD = "(?=[" + "".join(sorted({c for t in DOC_TYPES for c in (t[0].lower(), t[0].upper())})) + "])"

# "Nghị quyết số ", "Quyết định số: ", "Luật số", "Kết luận " — right before a number.
TYPE_PREFIX_RE = re.compile(
    rf"""
    (?<![\w]){TYPE_WORD_AHEAD}
    {_group("doc_type", _icase(_TYPE_WORDS_RE))}
    \s*(?:{_icase("số")}\s*[:.]?\s*)?
    $
    """,
    re.VERBOSE,
)

_LAW_NAME_SPAN = rf"[{UPPER_VI}](?:(?!Luật\s|Bộ\s+luật\s|Pháp\s+lệnh\s|\s(?i:số)\s*\d)[^;:.()\n“”\"]){{0,150}}?"

_LAW_HEADS = r"Bộ\s+[Ll]uật|Luật|Pháp\s+[Ll]ệnh"

# "Luật Bầu cử … số " — the law's name stands between the type word and the number.
LAW_BEFORE_NUMBER_RE = re.compile(
    rf"""
    (?<![\w])
    {_group("doc_type", _LAW_HEADS)}
    \s+{_group("name", _LAW_NAME_SPAN)}
    \s+{_icase("số")}\s*[:.]?\s*
    $
    """,
    re.VERBOSE,
)

# A type word followed by a bare number and no symbol: "Chỉ thị 11", "Nghị quyết số 24,"
# (list shorthand "Nghị quyết số 24, 25-NQ/TW") — resolved later or dropped.
SHORT_REF_RE = re.compile(
    rf"""
    (?<![\w]){TYPE_WORD_AHEAD}
    {_group("doc_type", _icase(_TYPE_WORDS_RE))}
    \s*(?:{_group("so", _icase("số"))}\s*[:.]?\s*)?
    {_group("number", NUMBER_RE)}
    (?![\w/{DASH}]|[.,:]\d|\s*[/{DASH}]\s*[{UPPER}\d])
    """,
    re.VERBOSE,
)

# A list under one type word: "các Nghị quyết của Quốc hội: số 55/2010/QH12 …; số 28/2016/QH14 …",
# "các Nghị định của Chính⏎phủ: số 78/2025/NĐ-CP …". The head ends at the colon.
LIST_HEAD_RE = re.compile(
    rf"""
    (?<![\w]){_icase('các')}\s+{_group("doc_type", _icase(_TYPE_WORDS_RE))}
    (?:\s+{_icase('của')}\s+(?P<issuer>[^:;.()\n“”"]{{2,80}}(?:\n[^:;.()\n“”"]{{1,40}})?))?
    \s*:\s*
    """,
    re.VERBOSE,
)
# What may stand between the head and a later member: other members ("số 55/2010/QH12 ngày …
# về …;"), never a sentence end, a blank line or another type word with a number.
LIST_MEMBER_GAP_RE = re.compile(
    rf"^(?:(?!\n[ \t]*\n|\.\s|(?:{_TYPE_WORDS_RE})\s+(?i:số)).){{0,600}}?(?:^|[;,]\s*(?:(?i:và)\s+)?|\s(?i:và)\s+)(?i:số)\s*:?\s*$",
    re.DOTALL,
)

# Between list members: "24, 25-NQ/TW", "217-QĐ/TW, Quyết định số 218-QĐ/TW", "… và …".
LIST_SEP_RE = re.compile(r"\s*(?:,|và|;)?\s*(?:(?i:và)\s+)?$")
LIST_NUMBER_TAIL_RE = re.compile(rf"^\s*(?:,|và)\s*(?:{NUMBER_RE}\s*(?:,|và)\s*)*$")

# --- what follows the number -----------------------------------------------------

# Space between the words of a date, with the emphasis marks a converted copy leaves in it ("ngày 13 tháng* *11").
_DATE_SPACE = r"[\s*]"
# "ngày 03/6/2013", "ngày 1/2/2019", "ngày 01-10-1997", "ngày 17 tháng 6 năm 2026", "ngày 01.10.1997"
DATE_RE = rf"""
    (?:{_icase("ngày")}{_DATE_SPACE}*)
    (?:
        (?P<day>\d{{1,2}})\s*(?P<sep>[/.{DASH}])\s*(?P<month>\d{{1,2}})\s*(?P=sep)\s*(?P<year_d>{YEAR_RE})
      | (?P<day_w>\d{{1,2}}){_DATE_SPACE}+{_icase("tháng")}{_DATE_SPACE}+(?P<month_w>\d{{1,2}}){_DATE_SPACE}+
        {_icase("năm")}{_DATE_SPACE}+(?P<year_w>{YEAR_RE})
    )
"""
# The date stands right after the symbol, maybe after a comma or emphasis marks: "85/2015/QH13, ngày 25/6/2015",
# "52/TTr-STC* *ngày 23 tháng 10 năm 2025"; a letter's "đề ngày" (dated): "0825-05/HW-TCHQ đề ngày 05/9/2025".
AFTER_DATE_RE = re.compile(rf"{_DATE_SPACE}*,?{_DATE_SPACE}*(?:{_icase('đề')}\s+)?{DATE_RE}", re.VERBOSE)

# "khóa XI", "(khóa XII)", "khoá XIV"
TERM_RE = rf"\(?\s*{_icase('khóa|khoá')}\s+(?P<term>[IVXLC]+|\d{{1,2}})\s*\)?"
AFTER_TERM_RE = re.compile(rf"\s*{TERM_RE}", re.VERBOSE)

# "của Bộ Chính trị", "của UBND thành phố", "của Ban Chấp hành Trung ương Đảng khóa XI"
# A wrapped line goes on ("của Bộ Chính⏎trị"); a blank line or a bullet ends the name.
_ISSUER_LINE_BREAK = rf"\n(?=[ \t]*[{LOWER_VI}{UPPER_VI}])"
AFTER_ISSUER_RE = re.compile(
    rf"\s*,?\s*{_icase('của')}\s+(?P<issuer>(?:[^\n;:()“”\"]|{_ISSUER_LINE_BREAK}){{2,160}})")

# Words that end an issuer's name: what the clause says next (any case: a title may start
# "Quy định …", "Ban hành …", "Về …"), a footnote marker "[1]" or emphasis "*", and "và" before a
# lower-case word ("của HĐND Thành phố và kinh phí …"; "Bộ Khoa học và Công nghệ" stays whole).
ISSUER_STOP_RE = re.compile(
    rf"""
    \s+(?i:về|vể|hướng\s+dẫn|quy\s+định|ban\s+hành|tại|theo|phê\s+duyệt|thực\s+hiện|triển\s+khai|
          đã|được|trong|đối\s+với|giai\s+đoạn|nhiệm\s+kỳ|năm|sửa\s+đổi|bổ\s+sung|và\s+các|và\s+(?:{_TYPE_WORDS_RE})|
          và\s+(?:số\s+)?\d|khóa|khoá|ngày|số|(?:{_TYPE_WORDS_RE})\s+số|nhằm|để|cho|như|có|là|trên|với|
          đề\s+nghị|quy\s+chế|công\s+bố|phân\s+cấp|phân\s+định|gửi)\b
    | \s+và\s+(?=[{LOWER_VI}])
    | \s*[,.;:(“”"\[*]
    | \s+\d
    | \s*\n[ \t]*(?:Điều|Chương|Mục|Phần|Căn\s+cứ|Theo|Xét|Thực\s+hiện|[{UPPER_VI}]{{2,}}\s+[{UPPER_VI}]{{2,}})\b
    """,
    re.VERBOSE,
)

# Bodies whose name is complete as it stands: an issuer that starts with one ends there
# ("của Chính phủ Chống tin nhắn rác" → "Chính phủ").
FIXED_ISSUERS = ("Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Bộ Chính trị", "Ủy ban Thường vụ Quốc hội",
                 "Văn phòng Chính phủ", "Chủ tịch nước")
# An administrative level ends a body's name when a lower-case word follows it: a place name is
# capitalised ("Ủy ban nhân dân tỉnh Kon Tum"), a verb is not ("Ủy ban nhân dân tỉnh phân cấp …").
ISSUER_LEVEL_STOP_RE = re.compile(
    rf"(?<=\s)(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã(?!\s+hội)|phường|thị\s+trấn)"
    rf"(?=\s+[{LOWER_VI}])(?!\s+(?i:ủy|uỷ|đoàn|đội|hội)\b)"
)

# The issuer written before the citation: "Xét đề nghị của Sở Xây dựng tại Công văn số …",
# "Theo đề nghị của Giám đốc Sở Tài chính tại các Tờ trình: số …", "được Sở Tư pháp thẩm định tại
# Báo cáo số …", "theo chỉ đạo của Tổng cục Thuế (trước đây) tại công văn số …".
ISSUER_BEFORE_RE = re.compile(
    rf"""
    (?:(?i:đề\s+nghị|ý\s+kiến|chỉ\s+đạo|hướng\s+dẫn|kiến\s+nghị|thông\s+báo)\s+(?i:của)|(?i:được))\s+
    (?P<issuer>[{UPPER_VI}](?:[^;:.()\n“”"]|{_ISSUER_LINE_BREAK}){{1,120}}?)
    \s*(?:\([^()\n]{{1,40}}\)\s*)?
    (?:(?i:thẩm\s+định|thẩm\s+tra|trình|đề\s+xuất)\s+)?
    (?i:tại)\s+(?:(?i:các)\s+)?
    (?:(?:{_icase(_TYPE_WORDS_RE)})\s*:?\s*)?(?:{_icase("số")}\s*:?\s*)?
    $
    """,
    re.VERBOSE,
)

# The date written before the number. A sentence that opens with the day a body issued the document it names:
# "Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số …", "Ngày 05/11/2025,
# VPCP có VB số …" (not "… có nhận được Công văn số …": that day is the receipt's).
DATE_OPENS_SENTENCE_RE = re.compile(
    rf"""
    (?:^|(?<=[.;:]\s)|(?<=\n))(?=Ngày)
    {DATE_RE}\s*,\s*
    (?P<issuer>[{UPPER_VI}](?:[^,;:.()\n“”"]|\n(?![ \t]*\n)){{1,120}}?)\s*(?:\([^()\n]{{1,80}}\)\s*)?
    (?:(?i:đã)\s+)?(?i:ban\s+hành|ký\s+ban\s+hành|ký|có|gửi)\s+
    (?:(?:{_icase(_TYPE_WORDS_RE)}|VB)\s*)?(?:{_icase("số")}\s*[:.]?\s*)?
    $
    """,
    re.VERBOSE,
)
# The type word, then its date, then the number: "văn bản đề ngày 29 tháng 10 năm 2025 số 16/CV-HHTACN".
DATE_BEFORE_NUMBER_RE = re.compile(
    rf"""
    (?<![\w]){TYPE_WORD_AHEAD}{_icase(_TYPE_WORDS_RE)}\s+(?:{_icase("đề")}\s+)?{DATE_RE}\s*,?\s*{_icase("số")}\s*[:.]?\s*$
    """,
    re.VERBOSE,
)

# 'về “Tăng cường …”', 'về việc tổ chức …', '“Kế hoạch …”'
AFTER_TITLE_RE = re.compile(
    rf"""\s*,?\s*
    (?:
        (?:{_icase('về')}\s+(?:{_icase('việc')}\s+)?)?[“"](?P<title_q>[^”"\n]{{3,300}})[”"]
      | {_icase('về')}\s+(?:{_icase('việc')}\s+)?(?P<title>[^;:\n“”"()]{{3,200}}?)(?=\s*(?:[;:\n()]|\.(?:\s|$)|$|,\s*(?:{_TYPE_WORDS_RE})\s))
    )
    """,
    re.VERBOSE,
)

# --- aliases ---------------------------------------------------------------------

_SAU_DAY = _icase(r"sau\s+đây")

# "(sau đây gọi tắt là Chỉ thị 11)", "(gọi tắt là Nghị định số 35/2022/NĐ-CP)", "(sau đây gọi là Bộ chỉ số 766)"
ALIAS_RE = re.compile(
    rf"""
    \(\s*(?:{_SAU_DAY}\s+)?(?:{_icase('được')}\s+)?(?:{_icase('gọi|viết')})\s+(?:{_icase('tắt')}\s+)?
    {_icase('là')}\s*:?\s*[“"]?
    (?P<alias>[^()“”"\n]{{2,80}}?)
    [”"]?\s*\)
    """,
    re.VERBOSE,
)

# --- laws and codes by name ----------------------------------------------------------

# "Luật Thực hiện dân chủ ở cơ sở năm 2022", "Bộ luật Lao động 2019", "Bộ Luật dân sự", "Pháp lệnh Ưu đãi …",
# "LUẬT PHÒNG THỦ DÂN SỰ" (a title in capitals). Only the head; the name is read from the law lexicon or word by
# word (see citation_laws). Never "luật" in lower case: "pháp luật", "các luật" name no law.
LAW_HEAD_RE = re.compile(  # the lookahead holds the heads' first letters: a scan tries them only there
    r"(?=[BLP])(?<![\w])(?P<doc_type>Bộ\s+[Ll]uật|BỘ\s+LUẬT|Luật|LUẬT|Pháp\s+[Ll]ệnh|PHÁP\s+LỆNH)\s+(?=\w|[“\"])")
# "Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013", "Hiến pháp".
CONSTITUTION_RE = re.compile(
    rf"(?=H)(?<![\w])Hiến\s+pháp(?:\s+(?P<name>nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s*Nam))?"
    rf"(?:\s+(?i:năm)\s+(?P<year>{YEAR_RE}))?(?:(?<=Nam)|(?![\w]))"
)
# An amending law's title before a law's name: "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B
# và " — a date after the last name is the amending law's, not B's.
AMENDING_LAW_BEFORE_RE = re.compile(
    r"(?:Luật|Pháp\s+lệnh)\s+(?i:sửa\s+đổi|bổ\s+sung)(?:[^;:()\n]|\n(?![ \t]*\n)){0,400}$"
)
# "các Luật sửa đổi …", "những Luật …": a plural names no one law.
PLURAL_BEFORE_RE = re.compile(r"(?<![\w])(?i:các|những|mọi)\s+$")

WORD_RE = re.compile(r"[^\s,;:.()\[\]“”\"!?…]+|[,;:.()\[\]“”\"!?…]")

# Lower-case words that end a law's name ("Luật Bảo vệ môi trường và các văn bản").
LAW_NAME_STOP_WORDS = frozenset(
    """số ngày năm của được đã đang sẽ tại theo các những mọi hoặc về để trong với cho từ đến khi thì là
    không này đó nay nhằm trình ước do bởi vào sau trước như cũng cùng sửa gồm khoản điểm điều chương
    mục phần bao hoặc họăc kèm làm mà nhưng nếu thuộc đóng bị bằng nộp vừa trừ phải cần nên đủ tham
    đối""".split()  # noqa: SIM905 - a word list reads better as text
)
# Words that open a clause or a line of their own: after a line break they end a law's name
# ("Luật Đất đai⏎Căn cứ …"); another capitalised word goes on with it ("Luật Tổ chức⏎Chính phủ").
LINE_START_WORDS = frozenset(
    """căn theo xét thực triển điều chương mục phần các những trên đề giao nay để trong tại ngoài
    đối sau trước khi nếu ngày năm tháng lưu nơi kính như đồng""".split()  # noqa: SIM905
)
# Capitalised heads of another item after a comma: "Luật Phòng chống bạo lực gia đình, Bộ tiêu chí …".
LIST_ITEM_HEADS = frozenset("bộ sở ban ủy uỷ đề kế chiến chương quy điều".split())  # noqa: SIM905
# Two-word verbs that end a name but whose words may stand inside one ("Luật Thực hiện dân chủ …",
# "Luật Ban hành văn bản quy phạm pháp luật").
LAW_NAME_STOP_PAIRS = frozenset(
    {"quy định", "hướng dẫn", "thực hiện", "triển khai", "hiện hành", "ban hành", "liên quan", "bổ sung",
     "sửa đổi", "áp dụng", "có hiệu", "có trách", "có thẩm", "có liên", "có quy", "có nhiệm"}
)
# Phrases inside names that hold a stop word ("Pháp lệnh Ưu đãi người có công với cách mạng").
LAW_NAME_INNER_PHRASES = ("có công với cách mạng", "theo phương thức đối tác công tư")

# Law name after the year or date: "năm 2022", "2019", "ngày 26 tháng 11 năm 2003".
LAW_YEAR_RE = re.compile(rf"\s*(?:{_icase('năm')}\s+)?(?P<year>{YEAR_RE})(?![\d/])")
# "Luật Khiếu nại số 02/2011/QH13", also without "số" ("Luật Thuế xuất khẩu, thuế nhập khẩu 107/2016/QH13"): the
# name belongs to the numbered citation.
NUMBER_AFTER_LAW_RE = re.compile(rf"\s*,?\s*(?:{_icase('số')}\s*[:.]?\s*\d|{NUMBER_RE}{SLASH_RE}{YEAR_RE}{SLASH_RE})")
LAW_DATE_RE = re.compile(rf"\s*,?\s*{DATE_RE}", re.VERBOSE)

# --- what the citing text does (relation) --------------------------------------------

RELATION_RE = re.compile(
    r"""
      (?P<based_on>(?i:căn\s+cứ))
    | (?P<implements>(?i:thực\s+hiện|triển\s+khai|thi\s+hành|quán\s+triệt))
    | (?P<amends>(?i:sửa\s+đổi|bổ\s+sung))
    | (?P<replaces>(?i:thay\s+thế|bãi\s+bỏ))
    """,
    re.VERBOSE,
)
# A clause ends at ";", a sentence end or a line start: relation words before it do not count.
# A wrapped line ("Căn⏎cứ", "được sửa đổi, bổ sung bởi⏎Luật số …") is no break; a blank line, a
# bullet or a clause opener at the line start is.
CLAUSE_BREAK_RE = re.compile(
    rf"[;:]|\.(?:\s|$)|\n[ \t]*(?=\n|[-+•*]|\d{{1,2}}[.)]|[a-zđ]\)|[IVX]+\.|(?i:{'|'.join(LINE_START_WORDS)})\b"
    rf"|[{UPPER_VI}]{{2,}}\b)")

# --- not citations -----------------------------------------------------------------

# Standards and forms: "QCVN 01:2021/BXD", "TCVN 5574:2018", "Mẫu số 01/HNMT", "Phụ lục số 02/KH".
NOT_CITATION_BEFORE_RE = re.compile(
    r"(?:(?i:QCVN|TCVN|ISO)|(?i:mẫu|biểu\s+mẫu|biểu|phụ\s+lục|mẫu\s+biểu)(?:\s+(?i:số))?)\s*[:.]?\s*(?:\d+\s*(?:,|và)\s*)*$"
)

# Mixed-case abbreviations as the official rules write them, from an all-caps title ("QĐ-TTG"),
# and the type abbreviations of a copy that lost its "Đ" ("ND-CP", "QD-UBND").
MIXED_CASE_PARTS = {"TTG": "TTg", "CTR": "CTr", "TTR": "TTr", "QĐI": "QĐi", "QYĐ": "QyĐ"}
ASCII_TYPE_PARTS = {"ND": "NĐ", "QD": "QĐ"}

# Party issuers (Hướng dẫn 36-HD/VPTW): a state-form symbol ending in one of them
# ("183/KL-TW") is written back in the Party form ("183-KL/TW").
PARTY_ISSUERS = frozenset({"TW", "TU", "HU", "QU", "ĐU", "ĐUK", "BCSĐ", "ĐĐ", "TƯ"})
PARTY_TYPES = frozenset({"NQ", "QĐ", "CT", "KL", "QĐi", "QC", "TB", "HD", "BC", "KH", "CTr", "TTr",
                         "CV", "ĐA", "TT", "TC", "CĐ", "QyĐ"})

# Type abbreviations of a symbol → type word (data/doc_types.json: Phụ lục III NĐ 30/2020, the law on legal
# documents, HD 36-HD/VPTW). In Party documents TT is a Thông tri, not a Thông tư.
TYPE_ABBREVIATIONS = lexicon.symbol_types()
PARTY_TYPE_ABBREVIATIONS = lexicon.symbol_types(party=True)

# Laws and resolutions of the National Assembly: "85/2015/QH13" (issuer part QHnn).
LEGISLATURE_RE = re.compile(r"^QH\d{1,2}$")

"""The marker grammar: how Vietnamese official texts number their parts.

One place for every numbering form the readers meet (Nghị định 30/2020/NĐ-CP, Phụ lục I;
Hướng dẫn 36-HD/VPTW; Luật Ban hành văn bản quy phạm pháp luật for Phần > Chương > Mục > Điều):

- sections: "PHỤ LỤC I", "PHẦN I", "Chương II", "Mục 1", "Điều 5.", Roman "II.", upper-case parts "B.";
- items: Arabic "1." / "1)", decimal "3.2." and "2.1.a.", letters "a)" / "a.", parenthesised "(1)";
- bullets: "-", "+", "•" (not nodes: their text belongs to the item above).

The paragraph joiner (``normalize.py``) asks :data:`NEW_BLOCK_RE` whether a line may open a
paragraph; the tree (``structure.py``) reads a paragraph's marker with :func:`parse_marker`;
the task-table reader (``tables.py``) reads row numbers with :data:`ROW_MARKER_RE`. Sequences
(what comes after "II", "b", "9") and the OCR misreadings of markers live here too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

# Vietnamese capitals, for "a marker followed by a capitalised word" checks.
UPPER_CHARS = "A-Z" + "".join(
    ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isalpha() and ch.isupper() and ch not in "×"
)

ROMAN_VALID_RE = re.compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_DIGITS = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))

# --- paragraph starts (the joiner) -------------------------------------------------

# A share that opens a target's text: "100% số người …", "85 % số hộ", "99,5% …".
_SHARE = r"\d{1,3}(?:[.,]\d+)?\s?%"

# The label words of a form or table attached like an appendix: "Mẫu biểu số 01", "Biểu số 02", "Mẫu số 03"
# (Nghị định 30/2020/NĐ-CP, Phụ lục III: forms attached to a document carry their own number).
_FORM_WORDS = r"(?:MẪU\s+BIỂU|Mẫu\s+biểu|BIỂU|Biểu|MẪU|Mẫu)"
# The word of a procedure's numbered step ("Bước 1", a row of a procedure table or a line of its own): a marker
# kept with its word in the id, as "Điều 1" is.
_STEP_WORDS = r"(?:Bước|BƯỚC)"

# A line that begins a new block: a structural marker or a bullet. Patterns
# are strict on purpose: a wrapped line that merely starts with a number or
# with "Điều 5 Nghị định ..." must not open a block.
NEW_BLOCK_RE = re.compile(
    rf"""^\s*(?:
        [IVXLC]{{1,6}}\s?\.(?=\s|$)                     # I.  II.  XIV.
      | (?:[IVXLC]{{1,6}}|\d{{1,2}}|[a-zđ])[-/](?=\s+[{UPPER_CHARS}])  # I- / 1- / a/ (older and OCR'd copies)
      | [A-ZĐ]\.(?=\s+[{UPPER_CHARS}])                      # A. NHIỆM VỤ  (parts)
      | \d{{1,3}}(?:\.\d{{1,3}})*[.)](?=\s|$)            # 1.  1)  3.2.  2.1.3.
      | \d{{1,2}}(?:\.\d{{1,2}})+(?=\s+[^\W\d_])         # 3.2 Nội dung (no final dot; not "1.000 hộ")
      | \d{{1,3}}(?:\.\d{{1,3}})+\.[a-zđ][.)](?=\s|$)    # 2.1.a.
      | [a-zđ]\)(?=\s|$)                            # a)  đ)
      | \(\d{{1,2}}\)(?=\s+(?:[^\W\d_]|{_SHARE}))       # (1) Về việc phê duyệt …  (5) 100% số người …
      | [a-zđ]\.(?=\s+[{UPPER_CHARS}])                     # a. Nội dung (less common letter item)
      | Điều\s+\d{{1,3}}[a-zđ]?\s*(?:[.:]|$)            # Điều 1.   (not "Điều 5 Nghị định")
      | {_STEP_WORDS}\s+\d{{1,2}}\s*(?:[.:]|$)             # Bước 1: Tiếp nhận hồ sơ / Bước 1 (a procedure's step)
      | (?:CHƯƠNG|Chương)\s+[IVXLC\d]+\b\s*[.:]?\s*(?:$|[{UPPER_CHARS}])   # Chương II
      | (?:PHẦN|Phần)\s+(?:[IVXLC]+|\d{{1,2}}|(?:THỨ|thứ)\s+\w+)\b\s*[.:]?\s*(?:$|[{UPPER_CHARS}]{{2}})  # PHẦN I. DANH MỤC
      | (?:MỤC|Mục)\s+(?:[IVXLC]+|\d{{1,2}})\b\s*[.:]?\s*(?:$|[{UPPER_CHARS}]{{2}})  # Mục 1. CHẾ ĐỘ HƯU TRÍ
      | (?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s*$   # the word alone: its number wraps to the next line
      | PHỤ\s+LỤC\b                                  # appendix heading
      | {_FORM_WORDS}\s+(?:SỐ|số|Số)\s*\d{{1,3}}\s*:?\s*$   # Mẫu biểu số 01 (an attached form, alone on its line)
      | Nơi\s+nhận\b                                 # recipients
      | [-+•*–—](?=\s|$|[^\W\d_])                   # bullets ("- xã hội" handled by the caller)
    )""",
    re.VERBOSE,
)
# A line holding only a marker ("1.", "II.", "a)"): its text follows on the next line.
BARE_MARKER_RE = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[A-ZĐ]|Điều\s+\d{1,3}|" + _STEP_WORDS
                            + r"\s+\d{1,2}"
                            r"|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d{1,2}))\s*[.):]?$")
# The bare word of a numbered division, its number wrapped: "Điều" ⏎ "1. Phạm vi điều chỉnh", "Chương" ⏎ "I".
BARE_WORD_RE = re.compile(r"^(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)$")
# What completes a bare division word on the next line: "1.", "I", "THỨ HAI".
BARE_WORD_NUMBER_RE = re.compile(r"\d|[IVXLC]+\b|THỨ\b|thứ\b")
# A line that ends on a word of a reference still wanting its number: "… tại khoản 3 Điều" ⏎ "15." (the "15." is
# the article's number, no item). The word alone on its line is a division's wrapped marker (BARE_WORD_RE).
REFERENCE_WORD_END_RE = re.compile(r"\S\s+(?:[Đđ]iều|(?<!tài\s)khoản|điểm|[Cc]hương|[Mm]ục|[Pp]hần|[Pp]hụ\s+lục)\s*$")
# "N)" or "a)" closing a parenthesis the line above opened: "(lần" ⏎ "2) đến Sở …" is not an item.
PAREN_ITEM_RE = re.compile(r"^\s*(?:\d{1,3}|[a-zđ])\)")
# Dash, plus and dot bullets: text of the item above, never a node.
BULLET_RE = re.compile(r"^[-+•*–—]")
# A bullet with the spaces around it, to take off a line: "  - Bộ Y tế" → "Bộ Y tế".
BULLET_LEAD_RE = re.compile(r"^\s*[-+•*–—]\s*")

# --- paragraph markers (the tree) --------------------------------------------------

_AFTER_MARKER = rf"(?:\s+|$|(?=[{UPPER_CHARS}\"“(]))"
# The dash or slash of older and OCR'd copies ("I- MỤC ĐÍCH", "1- Sở Y tế", "a/ Tuyên truyền"), before a capital only
# ("1-2 ngày", "1/2025" are no markers).
_OLD_PUNCT = rf"[-/]\s+(?=[{UPPER_CHARS}])"
MARKER_PATTERNS: list[tuple[str, re.Pattern]] = [
    # Điều 1. Ban hành …   /  Điều 2: …
    # (the official form always has the dot: "Điều 5 Nghị định …" opening a line is a reference)
    ("article", re.compile(r"^Điều\s+(?P<label>\d{1,3}[a-zđ]?)\s*(?:[.:]\s*|$)(?P<rest>.*)$", re.DOTALL)),
    # Bước 1: Tiếp nhận hồ sơ / Bước 1 (alone: a procedure table's row, its cells on the lines after)
    ("step", re.compile(rf"^{_STEP_WORDS}\s+(?P<label>\d{{1,2}})(?:\s*[.:]\s*|\s*$|\s+(?=[{UPPER_CHARS}\"“(]))(?P<rest>.*)$",
                        re.DOTALL)),
    # CHƯƠNG II / Chương 2
    ("chapter", re.compile(r"^(?:CHƯƠNG|Chương)\s+(?P<label>[IVXLC]+|\d{1,2})\b\s*[.:]?\s*(?P<rest>.*)$", re.DOTALL)),
    # PHẦN I. DANH MỤC … / Phần II / PHẦN THỨ HAI (Luật Ban hành VBQPPL: Phần > Chương > Mục > Điều);
    # not "Phần V của Phụ lục I", "Phần mềm …"
    ("book", re.compile(
        rf"^(?:PHẦN|Phần)\s+(?P<label>[IVXLC]+|\d{{1,2}}|(?:THỨ|thứ)\s+[{UPPER_CHARS}a-zà-ỹđ]+)"
        rf"(?:\s*[.:]\s*|\s*$|\s+(?=[{UPPER_CHARS}]{{2}}))(?P<rest>.*)$", re.DOTALL)),
    # Mục 1. CHẾ ĐỘ HƯU TRÍ / MỤC 2 (a section of a chapter); not "MỤC ĐÍCH", "Mục 2 Phần XI của …"
    ("division", re.compile(
        rf"^(?:MỤC|Mục)\s+(?P<label>\d{{1,2}}|[IVXLC]+)(?:\s*[.:]\s*|\s*$|\s+(?=[{UPPER_CHARS}]{{2}}))(?P<rest>.*)$",
        re.DOTALL)),
    # PHỤ LỤC / PHỤ LỤC I / Phụ lục số 02
    ("appendix", re.compile(
        r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:SỐ|số|Số)?\s*(?P<label>[IVXLC]+|\d{1,3}|[A-Z])\b)?\s*[.:]?\s*(?P<rest>.*)$",
        re.DOTALL)),
    # Mẫu biểu số 01 / Biểu số 02 / MẪU SỐ 03: an attached form or table, alone on its line (in a sentence,
    # "Mẫu số 01 ban hành kèm theo …" names a template)
    ("appendix", re.compile(rf"^(?P<word>{_FORM_WORDS})\s+(?:SỐ|số|Số)\s*(?P<label>\d{{1,3}})\s*:?\s*(?P<rest>)$")),
    # 2.1.a. Thành lập …
    ("decimal_letter", re.compile(rf"^(?P<label>\d{{1,3}}(?:\.\d{{1,2}})+\.[a-zđ])\s*[.)]{_AFTER_MARKER}(?P<rest>.*)$",
                                  re.DOTALL)),
    # 3.2. Nội dung / 3.2 Nội dung / 2.1.3.
    ("decimal", re.compile(rf"^(?P<label>\d{{1,3}}(?:\.\d{{1,2}})+)(?:\.|\s*\)|(?=\s+[^\W\d_]))"
                           rf"{_AFTER_MARKER}(?P<rest>.*)$", re.DOTALL)),
    # II. NHIỆM VỤ
    ("roman", re.compile(rf"^(?P<label>[IVXLC]{{1,6}})(?:\s?[.)]{_AFTER_MARKER}|{_OLD_PUNCT})(?P<rest>.*)$", re.DOTALL)),
    # A. PHẦN CHUNG
    ("part", re.compile(rf"^(?P<label>[A-ZĐ])\.\s+(?P<rest>[{UPPER_CHARS}].*)$", re.DOTALL)),
    # 1. / 01. / 1)
    ("arabic", re.compile(rf"^(?P<label>\d{{1,3}})(?:\s*(?P<punct>[.)]){_AFTER_MARKER}|(?P<old>{_OLD_PUNCT}))(?P<rest>.*)$",
                          re.DOTALL)),
    # (1) Về việc phê duyệt …, (1) 100% số người … (the main points of a node; structure.py decides when they count)
    ("paren", re.compile(rf"^\((?P<label>\d{{1,2}})\)\s+(?P<rest>(?:[^\W\d_]|{_SHARE}).*)$", re.DOTALL)),
    # a) / đ) / a.
    ("letter", re.compile(rf"^(?P<label>[a-zđ])\s*(?P<punct>\)|\.(?=\s+[{UPPER_CHARS}])|{_OLD_PUNCT})\s*(?P<rest>.*)$",
                          re.DOTALL)),
]
# Section styles and their fixed ranks: a section closes everything of its rank or below.
# An appendix holds its own parts and sections ("Phụ lục II.A"); a chapter its divisions, a division its articles.
RANKS = {"appendix": -1, "book": 0, "part": 0, "chapter": 1, "roman": 1, "division": 1.5, "article": 2}
# Item styles whose label is a number chain ("3", "3.2", "2.1.a").
CHAIN_STYLES = {"arabic", "decimal", "decimal_letter"}
_LABEL_WORDS = {"article": "Điều", "chapter": "Chương", "division": "Mục", "step": "Bước"}


@dataclass(frozen=True)  # parse_marker hands the same one to every caller that asks of a text
class Marker:
    style: str  # article, step, chapter, division, book, appendix, decimal_letter, decimal, roman, part, arabic,
    # paren, letter; "arabic)" and "letter." for the other punctuation
    label: str  # the id component: "II", "3", "a", "3.2", "Điều 1", "Chương II", "Mục 1", "Phần I", "Phụ lục 2"
    marker: str  # as written: "II.", "a)", "3.2.", "Điều 1."
    rest: str  # the paragraph text after the marker


# The tree, tables, quotations and the closing ask of the same paragraphs: each is read once. A document's
# paragraphs fit; more would keep the long texts of documents already done.
@lru_cache(maxsize=4096)
def parse_marker(text: str) -> Marker | None:
    """The structural marker that opens ``text``, or None ("Quý IV", "năm 2025." are not markers)."""
    text = text.lstrip()
    for style, pattern in MARKER_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        label = match.group("label") or ""
        rest = match.group("rest").strip()
        written = text[: match.start("rest")].strip() if match.group("rest") else text.strip()
        if style == "roman" and not ROMAN_VALID_RE.match(label):
            continue
        if style == "appendix" and not _is_appendix_heading(text, rest):
            continue
        label = _id_label(style, label, match.groupdict().get("word"))
        if style == "arabic" and (match.group("punct") == ")" or match.group("old")):
            style = "arabic)"  # "1)" and "1-" both number a list of their own under "1."
        if style == "letter" and match.group("punct") != ")":
            style = "letter."
        return Marker(style=style, label=label, marker=written, rest=rest)
    return None


def strip_marker(text: str) -> str:
    """``text`` without the structural marker that opens it: "III. NHIỆM VỤ" → "NHIỆM VỤ",
    "Điều 3. Thi hành" → "Thi hành"; a text without one as it is."""
    marker = parse_marker(text)
    return marker.rest if marker else text.strip()


def _is_appendix_heading(text: str, rest: str) -> bool:
    """ "PHỤ LỤC …" always; "Phụ lục 2 …" only as a short heading, not "Phụ lục 2 kèm theo …" in a sentence."""
    return text.startswith("PHỤ") or len(rest.split()) <= 8 and not re.search(r"\bkèm\s+theo\b", rest)


def _id_label(style: str, label: str, word: str | None = None) -> str:
    """The label as an id component: "Phụ lục 2" for "Phụ lục số 02", "Mẫu biểu 1" for "Mẫu biểu số 01",
    "Điều 1", "3.2" for "03.2"."""
    if style == "appendix":
        head = " ".join(word.split()).capitalize() if word else "Phụ lục"
        return head + (f" {strip_zeros(label)}" if label else "")
    if style in _LABEL_WORDS:
        return f"{_LABEL_WORDS[style]} {strip_zeros(label)}"
    if style == "book":
        return "Phần " + (strip_zeros(label) if label[:1].isdigit() or ROMAN_VALID_RE.match(label) else label.lower())
    if style in CHAIN_STYLES or style == "paren":
        return ".".join(strip_zeros(part) for part in label.split("."))
    return label


def strip_zeros(label: str) -> str:
    """ "01" → "1"; anything not all digits as it is."""
    return str(int(label)) if label.isdigit() else label


def base_style(style: str) -> str:
    """The style without its punctuation variant: "arabic)" → "arabic", "letter." → "letter"."""
    return style.rstrip(").")


# --- attachments ---------------------------------------------------------------------

# The title of a list attached after the signature without an appendix marker: "DANH MỤC ⏎ THỦ TỤC HÀNH CHÍNH
# ĐƯỢC SỬA ĐỔI, BỔ SUNG … ⏎ (Kèm theo Quyết định số …)". Its numbered rows are top-level nodes.
ATTACHMENT_TITLE_RE = re.compile(rf"^DANH\s+MỤC(?:\s+[{UPPER_CHARS}]|\s*$)")


# --- table rows --------------------------------------------------------------------

# A row's number alone on its line: "1", "01.", "I", "II.", "A", "a)"; never "0" (a figure cell).
ROW_MARKER_RE = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})+|(?!0+\b)\d{1,3}|[IVXLC]{1,6}|[A-ZĐ]|[a-zđ])\s*[.):]?$")
# A group row's numeral with its title on the same line: "II. HOÀN" ⏎ "THIỆN CƠ CHẾ …".
GROUP_ROW_RE = re.compile(rf"^(?P<label>[IVXLC]{{1,6}}|[A-ZĐ])\s*(?P<punct>[.)])?\s+(?P<rest>[{UPPER_CHARS}].*)$")


# --- sequences ---------------------------------------------------------------------

def roman_value(label: str) -> int | None:
    """ "XIV" → 14; None when ``label`` is not made of Roman digits."""
    if not re.fullmatch(r"[IVXLC]+", label):
        return None
    total = 0
    for k, ch in enumerate(label):
        value = _ROMAN_VALUES[ch]
        total += -value if k + 1 < len(label) and _ROMAN_VALUES[label[k + 1]] > value else value
    return total


def to_roman(value: int) -> str:
    """14 → "XIV" (1 ≤ value < 400)."""
    out = ""
    for amount, digits in _ROMAN_DIGITS:
        while value >= amount:
            out += digits
            value -= amount
    return out


def next_letter(letter: str) -> str:
    """The upper-case part after ``letter``: "A" → "B", "Đ" → "E" (Vietnamese order)."""
    return "E" if letter == "Đ" else chr(ord(letter) + 1)


# Vietnamese letter items run a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y.
LETTERS = "abcdđeghiklmnopqrstuvxy"
_FIRST_LABELS = {"roman": ("I",), "arabic": ("1",), "paren": ("1",), "letter": ("a",), "part": ("A",),
                 "article": ("Điều 1",), "step": ("Bước 1",), "chapter": ("Chương I", "Chương 1"), "division": ("Mục 1",),
                 "book": ("Phần I", "Phần 1", "Phần thứ nhất"), "appendix": ("Phụ lục", "Phụ lục I", "Phụ lục 1",
                                                             "Mẫu biểu 1", "Biểu 1", "Mẫu 1")}
_WORD_LABEL_RE = re.compile(r"^(?P<word>Điều|Bước|Chương|Mục|Phần|Phụ lục|Mẫu biểu|Biểu|Mẫu) (?P<number>[IVXLC]+|\d+)$")


def first_labels(style: str) -> tuple[str, ...]:
    """The labels that open a run of ``style``: ("I",), ("1",), ("Chương I", "Chương 1") …"""
    return _FIRST_LABELS.get(base_style(style), ())


def next_label(style: str, label: str) -> str | None:
    """The label after ``label`` in a run of ``style``: "II" → "III", "9" → "10", "đ" → "e", "2.1" → "2.2",
    "Điều 5" → "Điều 6", "Chương II" → "Chương III"."""
    base = base_style(style)
    if word := _WORD_LABEL_RE.match(label):
        number = next_label("arabic" if word.group("number").isdigit() else "roman", word.group("number"))
        return f"{word.group('word')} {number}" if number else None
    if base == "roman":
        value = roman_value(label)
        return to_roman(value + 1) if value else None
    if base in ("arabic", "paren") and label.isdigit():
        return str(int(label) + 1)
    if base in ("decimal", "decimal_letter") and label.rpartition(".")[2].isdigit():
        head, _, last = label.rpartition(".")
        return f"{head}.{int(last) + 1}"
    if base == "letter" and label in LETTERS[:-1]:
        return LETTERS[LETTERS.index(label) + 1]
    if base == "part" and len(label) == 1:
        return next_letter(label)
    return None


# --- OCR misreadings of markers ----------------------------------------------------

# Tesseract reads a Roman I as "l", "|", "!" or "í", a digit 1 as "l", "I", "|" or "!", a 0 as
# "O" or "o", and loses one stroke of "III".
_OCR_AS_ROMAN_I = str.maketrans({ch: "I" for ch in "l|!íì"})
_OCR_AS_DIGIT = str.maketrans({**{ch: "1" for ch in "lI|!"}, "O": "0", "o": "0"})
_OCR_MARKER_RE = re.compile(
    r"^(?P<word>(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Phụ\s+lục|PHỤ\s+LỤC)\s+)?"
    r"(?P<token>[IVXLCl|!íì\dOo]{1,6}(?:\.[\dlI|!Oo]{1,3})*)(?P<after>(?:\s?[.):]|\s*$)(?:\s.*)?)$", re.DOTALL)


# Letters of an item marker Tesseract reads as another round letter: "c)" and "đ)" as "o)", "đ)" as
# "d)" (its stroke lost), "e)" as "c)" or "o)"; with a mark from a speck of dust, "ó)".
# A capital for the small letter of the same shape ("C)", "O)", "S)"); "8)" or "ø)" for "g)".
_OCR_AS_LETTERS = {"o": "cđea", "d": "đ", "c": "eđ", "e": "c", "ø": "gđ", "8": "ga", "9": "g",
                   **{ch: "cđe" for ch in "óòỏõọôơö"}, **{ch: ch.lower() for ch in "CĐKOSUVXY"}}
_OCR_LETTER_RE = re.compile(r"^(?P<letter>[a-zđóòỏõọôơöø89CĐKOSUVXY])(?P<after>\s?\)(?:\s.*)?)$", re.DOTALL)
# Item numbers of one or two digits read as look-alike letters in bold type ("5." as "o.", "9." as
# "g."), their full stop as a comma ("1, Sở Y tế"), a Roman "II." as "H.".
_DIGIT_LOOKALIKES = {"o": "0569", "O": "0", "Q": "0", "s": "5", "S": "5", "g": "9", "q": "9", "B": "8", "ö": "8", "Z": "2",
                     "z": "2", "G": "6", "b": "6", "A": "4", "l": "1", "I": "1", "|": "1", "!": "1"}
_LOOKALIKE_ITEM_RE = re.compile(
    rf"^(?P<token>[\d{re.escape(''.join(_DIGIT_LOOKALIKES))}H]{{1,2}})(?P<punct>[.,)])(?P<rest>\s+\S.*)$", re.DOTALL)


def _lookalike_readings(text: str) -> list[str]:
    """An item number read as look-alike letters, or with a comma for its full stop: "o. Hậu cần" →
    "5. Hậu cần" (and the other digits an "o" may be), "1, Sở Y tế" → "1. Sở Y tế", "H. Trách nhiệm" →
    "II. Trách nhiệm"."""
    match = _LOOKALIKE_ITEM_RE.match(text.lstrip())
    if not match:
        return []
    token, punct, rest = match.group("token"), match.group("punct"), match.group("rest")
    if punct == "," and not rest.lstrip()[:1].isupper():
        return []  # "1, 2 và 3": a list of numbers, no item
    punct = "." if punct == "," else punct
    if token == "H":
        return [f"II{punct}{rest}"]
    if len(token) > 1 and not any(ch.isdigit() for ch in token):
        return []  # "So. …", "Ab) …": a word, not a number read through its look-alikes
    options = [_DIGIT_LOOKALIKES.get(ch, ch if ch.isdigit() else "") for ch in token]
    return [f"{''.join(digits)}{punct}{rest}" for digits in itertools.product(*options)]


def ocr_readings(text: str, *, alone: bool = False) -> list[str]:
    """``text`` with its leading marker read the ways a usual OCR confusion explains:
    "l. MỤC ĐÍCH" → "I. MỤC ĐÍCH" / "1. MỤC ĐÍCH", "II. …" → "III. …", "1O. …" → "10. …",
    "Điều l. …" → "Điều 1. …", "o) …" → "c) …" / "đ) …"; with ``alone``, a table's row number alone
    on its line too ("l" → "I")."""
    letter = _OCR_LETTER_RE.match(text.lstrip())
    if letter:
        return [ch + letter.group("after") for ch in _OCR_AS_LETTERS.get(letter.group("letter"), "")]
    lookalikes = [] if alone else _lookalike_readings(text)
    readings = _numeral_readings(text, alone=alone)
    return [r for r in dict.fromkeys(readings + lookalikes) if r != text.lstrip()]


def _numeral_readings(text: str, *, alone: bool) -> list[str]:
    """The readings of a Roman numeral or an Arabic number chain through the I/l/1 and O/0 confusions."""
    match = _OCR_MARKER_RE.match(text.lstrip())
    if not match:
        return []
    word, token, after = match.group("word") or "", match.group("token"), match.group("after")
    if not (word or alone or after.lstrip()[:1] in (".", ")")):
        return []  # a bare number or numeral opens a paragraph only after a division word
    readings: list[str] = []
    roman = token.translate(_OCR_AS_ROMAN_I)
    if roman != token and re.fullmatch(r"[IVXLC]+", roman):
        readings.append(roman)  # "l." → "I."
    elif re.fullmatch(r"[IVXLC]*I", token):  # a stroke lost: "II." for "III."
        readings.append(token + "I")
    digits = token.translate(_OCR_AS_DIGIT)
    if re.fullmatch(r"\d+(?:\.\d+)*", digits):
        readings.append(digits)  # "1O." → "10.", "2.l." → "2.1."
    return [word + r + after for r in dict.fromkeys(readings) if r != token]

"""The two-column band above the type line, read line by line.

Nghị định 30/2020/NĐ-CP (Phụ lục I) puts the issuing body (parent body above)
on the left with "Số: …/…" under it, and the national motto on the right with
"<place>, ngày … tháng … năm …" under it; a Công văn's subject "V/v …" sits
under "Số". Plain-text copies flatten the columns in any order, glue them into
one line ("CHÍNH PHỦ_____ Số: 170/2025/NĐ-CP"), leave table separators ("| |")
or wrap anywhere, so every piece is classified on its own rather than by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.extractors.header_fields import NUMBER_LINE_RE, NumberField, parse_number
from kehoach.extractors.letter_spacing import looks_letter_spaced
from kehoach.extractors.normalize import is_upper_line
from kehoach.schemas.layout import Line

# The day may be blank, glued or garbled by OCR ("ngày U6_ tháng 3", "ngày0ÿ tháng"): still the date line.
# A line may end after the day: "Đắk Lắk, ngày 21⏎tháng 11 năm 2025".
DATE_START_RE = re.compile(r"(?:^|[,\s])ngày(?:.{0,8}?tháng\b|\s*\S{0,3}$)", re.IGNORECASE)
DATE_IN_LINE_RE = re.compile(r"ngày.{0,14}?tháng.{0,14}?năm\s*\d{4}", re.IGNORECASE)
_YEAR_RE = re.compile(r"năm\s*\d{4}")
_DATE_CONTINUATION_RE = re.compile(r"^(?:\d{1,2}\s*)?(?:tháng|năm)\b|^\d{4}\b")
_PLACE_FRAGMENT_RE = re.compile(
    r"^(?:[A-ZĐ][^\s\d,;:/()]*|phố)(?:\s+(?:[A-ZĐÂĂÔƠƯ][^\s\d,;:/()]*|phố)){0,4},?$")
_MOTTO_START_RE = re.compile(r"^(?:CỘNG(?:\s+HÒA\b|\s*$)|ĐẢNG\s+CỘNG\s+SẢN\b|Độc\s+lập\b)", re.IGNORECASE)
_MOTTO_WORDS = {"cộng", "hòa", "xã", "hội", "chủ", "nghĩa", "việt", "nam", "độc", "lập", "tự", "do", "hạnh", "phúc",
                "đảng", "sản"}
_MOTTO_END_RE = re.compile(r"hạnh\s+phúc|đảng\s+cộng\s+sản\s+việt\s+nam", re.IGNORECASE)
_MOTTO_INLINE_RE = re.compile(r"(?<=\S)\s+(?:[-–—_]+\s*)?(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)")
RULE_RE = re.compile(r"^[\s\-–—_*=.~•|]*$")
TRAILING_RULE_RE = re.compile(r"\s*[-–—_=*]{3,}\s*$|\s+\*$")
# Columns glued by the copy: "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP", "CHÍNH PHỦ-------", table cells "A | B".
# A pipe splits only with space around it: "ngày |2" is OCR's reading of a handwritten digit, no separator.
_BAND_RULE_SPLIT_RE = re.compile(r"\s*[-–—_]{3,}\s*|\s*(?<!\S)\|(?!\S)\s*")
_BAND_NUMBER_SPLIT_RE = re.compile(r"(?<=\S)\s*(?=\bSố\s*:)")
# The motto's last line and the place-date read into one row: "Độc lập - Tự do - Hạnh phúc Lào Cai, ngày …".
_MOTTO_DATE_SPLIT_RE = re.compile(r"(?i)(?<=hạnh phúc)[\s\-–—_]*(?=[^\s\-–—_][^\n]*\bngày\b)")
# A form template's placeholder, not a body: "TÊN CQ, TC CHỦ QUẢN(1)", "THẨM QUYỀN BAN HÀNH (3)", "UBND ……".
PLACEHOLDER_RE = re.compile(r"^TÊN\b|\(\d{1,2}\)\s*$|\.{3}|…")
# A wrapped subject line that is a document number: "136/2025/NĐ-CP".
_REF_LINE_RE = re.compile(r"^\d+[/-]\S*$")
# The symbol's tail wrapped after its dash: "Số: 3783/QĐ-⏎UBND".
_SYMBOL_TAIL_RE = re.compile(r"^[0-9A-ZĐ&.]+(?:[-/][0-9A-ZĐa-z&.]+)*$")
SUBJECT_RE = re.compile(r"^(?:V/v|V/V|Về\s+việc)\b\s*:?\s*(?P<rest>.*)$")
ADDRESSEE_RE = re.compile(r"^Kính\s+gửi\b")


@dataclass
class Band:
    """What the band holds, as read."""

    issuer_lines: list[str] = field(default_factory=list)
    number: NumberField | None = None
    date_lines: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)


def split_band_line(text: str) -> list[str]:
    """One header line as the columns it holds: "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP" →
    ["CHÍNH PHỦ", "Số: 170/2025/NĐ-CP"]; "| | Hà Nội, ngày 5 tháng 3 năm 2025 |" → ["Hà Nội, …"].
    A line without glued columns comes back whole."""
    if _MOTTO_DATE_SPLIT_RE.search(text):
        return [p for piece in _MOTTO_DATE_SPLIT_RE.split(text, maxsplit=1) for p in split_band_line(piece) if p]
    pieces = [p for p in _BAND_RULE_SPLIT_RE.split(text) if p.strip()]
    if len(pieces) <= 1 and not _BAND_NUMBER_SPLIT_RE.search(text):
        return pieces[:1] or [text]
    out: list[str] = []
    for piece in pieces:
        head, _, rest = piece.partition("Số")
        if rest and head.strip() and is_upper_line(head) and _BAND_NUMBER_SPLIT_RE.search(piece):
            out.extend([head.strip(), "Số" + rest])
        else:
            out.append(piece.strip())
    return out


def is_motto_fragment(text: str) -> bool:
    words = re.sub(r"[-–—]", " ", text.lower()).split()
    return bool(words) and all(w in _MOTTO_WORDS for w in words)


def _is_issuer_line(text: str, date_seen: bool) -> bool:
    return (is_upper_line(text) or looks_letter_spaced(text) and not date_seen) and not is_motto_fragment(text) \
        and not PLACEHOLDER_RE.search(text)


class _BandReader:
    """One pass over the band's pieces; each ``_take_*`` step reads the piece at ``i`` or declines."""

    def __init__(self, lines: list[Line]):
        self.pieces = [(piece, line) for line in lines for piece in split_band_line(line.text)]
        self.band = Band()
        self.i = 0
        self.in_motto = self.motto_done = False

    def peek(self, offset: int = 0) -> str:
        k = self.i + offset
        return self.pieces[k][0].strip() if k < len(self.pieces) else ""

    def read(self) -> Band:
        while self.i < len(self.pieces):
            text = TRAILING_RULE_RE.sub("", self.pieces[self.i][0]).strip()
            line = self.pieces[self.i][1]
            self.i += 1
            if ADDRESSEE_RE.match(text) or ADDRESSEE_RE.match(f"{text} {self.peek()}"):
                break  # "Kính gửi:", also "Kính⏎gửi:"
            if not (self._take_inline_motto(text) or not text or RULE_RE.match(text) or self._take_motto(text)
                    or self._take_number(text) or self._take_date(text) or self._take_subject(text)):
                self._take_issuer(text, line)
        return self.band

    def _take_inline_motto(self, text: str) -> bool:
        """Both columns read into one line: "THỦ TƯỚNG CHÍNH PHỦ ------- CỘNG HÒA XÃ HỘI …"."""
        inline = _MOTTO_INLINE_RE.search(text)
        if not inline:
            return False
        self.in_motto = not _MOTTO_END_RE.search(text[inline.start():])
        own = TRAILING_RULE_RE.sub("", text[: inline.start()]).strip()
        if (is_upper_line(own) or looks_letter_spaced(own)) and not PLACEHOLDER_RE.search(own):
            self.band.issuer_lines.append(own)
        return True

    def _take_motto(self, text: str) -> bool:
        if not (_MOTTO_START_RE.match(text) or self.in_motto and is_motto_fragment(text)):
            return False
        self.in_motto = True
        if _MOTTO_END_RE.search(text):
            self.in_motto, self.motto_done = False, True
        return True

    def _take_number(self, text: str) -> bool:
        match = NUMBER_LINE_RE.match(text)
        if not match or self.band.number is not None:
            return False
        value = match.group("rest")
        if not value.strip() and self.i < len(self.pieces):
            value = self.peek()  # "Số:⏎2820/QĐ-UBND"
            self.i += 1
        if value.strip().endswith(("-", "/")) and _SYMBOL_TAIL_RE.match(self.peek()):
            value = value.strip() + self.peek()  # "3783/QĐ-⏎UBND"
            self.i += 1
        self.band.number = parse_number(value)
        if DATE_START_RE.search(self.band.number.tail):
            self.band.date_lines.append(self.band.number.tail)  # "Số: 13/CT-TTg Hà Nội, ngày …"
        return True

    def _take_date(self, text: str) -> bool:
        if not DATE_START_RE.search(text) or self.band.date_lines and _YEAR_RE.search(" ".join(self.band.date_lines)):
            return False
        self.band.date_lines.append(text)
        # "Đắk Lắk, ngày 21⏎tháng 11 năm 2025": the date wraps onto the next line.
        while self.i < len(self.pieces) and not _YEAR_RE.search(" ".join(self.band.date_lines)) and \
                _DATE_CONTINUATION_RE.match(self.peek()):
            self.band.date_lines.append(self.peek())
            self.i += 1
        return True

    def _take_subject(self, text: str) -> bool:
        subject = SUBJECT_RE.match(text)
        if subject:
            self.band.subject.append(subject.group("rest"))
            return True
        before_date = DATE_START_RE.search(self.peek()) and _PLACE_FRAGMENT_RE.match(text)
        if self.band.subject and (not is_upper_line(text) or _REF_LINE_RE.match(text)) \
                and not DATE_START_RE.search(text) and not before_date:
            self.band.subject.append(text)  # the subject wrapped
            return True
        if not is_upper_line(text) and before_date:
            self.band.date_lines.append(text)  # "Thành phố Hồ⏎Chí Minh, ngày …"
            return True
        return False

    def _take_issuer(self, text: str, line: Line) -> None:
        if line.column == "right" or self.motto_done and not is_upper_line(text):
            return
        if _is_issuer_line(text, bool(self.band.date_lines)):
            self.band.issuer_lines.append(text)


def read_band(lines: list[Line]) -> Band:
    """The issuer lines, number, date lines and subject of the header band ``lines``."""
    return _BandReader(lines).read()

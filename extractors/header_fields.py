"""The number ("Số: 134/KH-UBND") and the place-date line ("Hà Nội, ngày 02 tháng 5 năm 2024").

Each has slots: the number before the symbol, the day and the month before the
printed year. A slot is blank on a draft or an e-signed page (the signing
system draws the value in its own layer, which the PDF reader merges), holds
digits, or holds something else: handwriting or a stamp as OCR reads it
("Số: 4 46 /QĐ-UBND" for a handwritten 2336, "ngày 0Â tháng + năm 2026").
Such a slot is not read — no digit is ever guessed — and the printed part is
kept (the symbol, the month and year) with a warning that says what was not read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kehoach.extractors import lexicon
from kehoach.extractors.letter_spacing import fix_letter_spacing, looks_letter_spaced

# Slash look-alikes of PDF text layers and OCR: "1105⁄KH-ĐKT" (U+2044), "∕" (U+2215).
_SLASHES = str.maketrans({"\u2044": "/", "\u2215": "/"})
# "Số:", also as OCR reads its accent ("Só:", "Sô:") — then only with its colon.
NUMBER_LINE_RE = re.compile(r"^(?:Số\b\s*:?|S[ôóòỏõọồổỗộơớ]\s*:)\s*(?P<rest>.*)$")
# The symbol after the number's slot: "/KH-UBND", "/2025/QĐ-UBND", "-CTr/TU", "/QĐ - UBND";
# it starts at a separator followed by a capital (after the year of a normative document).
_SYMBOL_RE = re.compile(
    r"[/-]\s*(?:\d{4}\s*/\s*)?[A-ZĐ][0-9A-Za-zĐđ&.]*(?:\s*[-/]\s*[0-9A-Za-zĐđ&.]+)*")
# What a blank slot holds: nothing, dots, a leader line.
_BLANK_SLOT_RE = re.compile(r"^[\s._…\-–—]*$")
_DIGITS_RE = re.compile(r"^\d+$")
_DATE_SLOTS_RE = re.compile(
    r"ngày(?P<day>.{0,12}?)tháng(?P<month>.{0,12}?)năm\s*(?P<year>\d{4})", re.IGNORECASE)
UNREAD = "…"  # how an unread or blank slot shows in the printed form
MAX_SLOT_WORDS = 3  # a number slot with more words than this is prose, not handwriting


@dataclass(frozen=True, slots=True)
class NumberField:
    """The "Số" line read: the number, its symbol, and the slot's text when it could not be read."""

    number: str | None = None  # "134/KH-UBND"; None when blank or not read
    symbol: str | None = None  # "KH-UBND", also when the number itself is blank or not read
    unread: str | None = None  # the slot as OCR gave it, when it holds something other than digits
    tail: str = ""  # what the line goes on with after the symbol (the other column read into it)


@dataclass(frozen=True, slots=True)
class DateField:
    """A "ngày … tháng … năm …" phrase read slot by slot."""

    date: dt.date | None = None
    text: str | None = None  # as printed, a blank or unread slot shown as "…": "ngày … tháng 7 năm 2026"
    unread: tuple[str, ...] = ()  # the slots that hold something other than digits: ("day", "month")


def _slot(text: str) -> tuple[str | None, bool]:
    """(digits, unread) of one slot: ("02", False), (None, False) when blank, (None, True) otherwise."""
    text = text.strip()
    if _BLANK_SLOT_RE.match(text):
        return None, False
    if _DIGITS_RE.match(text):
        return text, False
    return None, True


def _type_part_fixed(symbol: str) -> str:
    """OCR reads the crossbar of Đ as a second letter ("1050/QĐĐ-SCT"): the double goes when the
    abbreviation as written is no known type and without it is one. Other doubles stay: "CCT" is
    Chi cục Thuế, not a Chỉ thị."""
    types = lexicon.symbol_types()
    parts = re.split(r"([-/])", symbol)
    for k, part in enumerate(parts):
        if not part or part in "-/" or part.isdigit():
            continue
        if part not in types:
            single = part.replace("ĐĐ", "Đ")
            if single != part and single in types:
                parts[k] = single
        break  # only the first letter part names the type
    return "".join(parts)


def parse_number(text: str) -> NumberField:
    """ "Số: 134 /KH-UBND" → 134/KH-UBND (symbol KH-UBND); "Số:   /KH-UBND" → no number, symbol
    KH-UBND; "Số: 4 46 /QĐ-UBND" → no number, symbol QĐ-UBND, slot "4 46" not read."""
    match = NUMBER_LINE_RE.match(text.strip())
    value = (match.group("rest") if match else text).translate(_SLASHES).strip()
    symbol_at = _SYMBOL_RE.search(value)
    if not symbol_at:
        return NumberField()
    symbol = _type_part_fixed(re.sub(r"\s+", "", symbol_at.group(0)))
    slot, tail = value[: symbol_at.start()], value[symbol_at.end():].strip()
    digits, unread = _slot(slot)
    if unread and len(slot.split()) > MAX_SLOT_WORDS:
        return NumberField()  # a sentence, not a number line
    bare = symbol.strip("/-")
    if unread:
        return NumberField(symbol=bare, unread=slot.strip(), tail=tail)
    return NumberField(number=f"{digits}{symbol}" if digits else None, symbol=bare, tail=tail)


def parse_date(text: str) -> DateField:
    """ "ngày 02 tháng 5 năm 2024" → 2024-05-02; a blank or unread slot or an impossible date → no date,
    with the printed form kept ("ngày … tháng 5 năm 2024") and the unread slots named."""
    match = _DATE_SLOTS_RE.search(text)
    if not match:
        return DateField()
    (day, day_unread), (month, month_unread) = _slot(match.group("day")), _slot(match.group("month"))
    year = match.group("year")
    printed = f"ngày {day or UNREAD} tháng {month or UNREAD} năm {year}"
    unread = tuple(name for name, flag in (("day", day_unread), ("month", month_unread)) if flag)
    date = None
    if day and month:
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            date = None
    return DateField(date=date, text=printed, unread=unread)


def parse_place_date(text: str) -> tuple[str | None, DateField]:
    """ "Hà Nội, ngày 02 tháng 5 năm 2024" → ("Hà Nội", 2024-05-02 …)."""
    text = " ".join(text.split())
    idx = re.search(r"(?:^|(?<=[\s,.]))ngày", text, re.IGNORECASE)
    if not idx:
        return None, DateField()
    place = text[: idx.start()].strip(" ,.-*|")
    if not re.search(r"[^\W\d_]", place):
        place = ""  # a template's placeholder: "(2)……., ngày.... tháng.... năm……."
    elif looks_letter_spaced(place):
        place = fix_letter_spacing(place)
    return (place or None), parse_date(text[idx.start():])


def number_warning(field: NumberField) -> str | None:
    """What a clerk should know about a number slot that was not read."""
    if not field.unread:
        return None
    return (f"header: the number before /{field.symbol} is handwritten or unclear and not read "
            f"(printed: {UNREAD}/{field.symbol})")


def date_warning(field: DateField) -> str | None:
    """What a clerk should know about date slots that were not read."""
    if not field.unread:
        return None
    slots = " and ".join(field.unread)
    verb = "are" if len(field.unread) > 1 else "is"
    return f"header: the {slots} of the date {verb} handwritten or unclear and not read (printed: {field.text})"

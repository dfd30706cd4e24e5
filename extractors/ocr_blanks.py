"""The header's blanks a clerk fills in — the number before the symbol, the day and month of the
date — read again alone where the PDF types them, or left blank where OCR gave no clean digits.

A page here is ``ocr._Page``: its images, ``read(box, psm)``, the boxes it types (``typed``) and
its ``warnings``.
"""

from __future__ import annotations

import re

from kehoach.extractors.ocr_layout import Box, centre_inside

WORD_PSM = 8  # Tesseract's segmentation for one word read again on its own
MIN_SLOT_CONF = 90  # confidence a header blank's value read again alone needs to stand as typed digits
SLOT_PAD = 5  # pixels of paper kept around a word read again alone

# The header's blanks a clerk fills in, by pen or by typing: the number before the symbol ("Số: 2336 /QĐ-UBND",
# "Số: 25-NQ/TW") and the day and month of the date line ("ngày 02 tháng 7 năm 2026").
_NUMBER_SLOT_RE = re.compile(r"^(?P<lead>Số\s*:?\s*)(?P<slot>[^/\-–]*?)(?P<rest>\s*[/\-–]\S.*)$", re.IGNORECASE)
_DATE_SLOT_RE = re.compile(r"(?P<a>\bngày\s*)(?P<day>[^\s]*(?:\s+[^\s]+)*?)(?P<b>\s*tháng\s*)"
                           r"(?P<month>[^\s]*(?:\s+[^\s]+)*?)(?P<c>\s*năm\b)", re.IGNORECASE)
_TOKEN_DATE_SLOT_RE = re.compile(r"(?P<a>\bngày\s+)(?P<day>\S+)(?P<b>\s+tháng\s+)(?P<month>\S+)(?P<c>\s+năm\b)",
                                 re.IGNORECASE)
_SLOT_DIGITS_RE = re.compile(r"\d{1,6}")
# A day written by pen over the printed "ngày" garbles both into one token ("ngàW/‡ tháng 5 năm 2021"):
# the word is still there, its day is not.
_GARBLED_DAY_WORD_RE = re.compile(r"\b(?P<word>[Nn]g[aàáạảã][^\s\d]*\S*)(?=\s+tháng\b)")
# "tháng" with a wrong mark ("thẳng", "thàng") before the month's digits and "năm": the printed word.
_MISREAD_MONTH_WORD_RE = re.compile(r"\b[Tt]h[aàáạảãăằắặẳẵâầấậẩẫ]ng(?=\s+\d{1,2}\s+năm\s+\d{4}\b)")


_SLOT_OPENERS = {"ngày": "tháng", "tháng": "năm"}  # a date's blank lies between these words


def reread_slots(page, words: list[dict]) -> list[dict]:
    """A header column's words with the day or month of its date read again alone where the line's
    reading gave no clean digits there and the PDF draws it as text: a typed value set apart (raised,
    smaller: "ngày ⁰⁶ tháng") that Tesseract garbles in the line ("U6_") reads clean as a word of its
    own. On a scan the blank stays: pen in black ink reads as clean digits just as well, so only
    the page's own text is read again. Clean digits read with ``MIN_SLOT_CONF`` replace it."""
    out = list(words)
    for k in range(1, len(out) - 1):
        before, word, after = out[k - 1], out[k], out[k + 1]
        if not (before["line"] == word["line"] == after["line"]
                and _SLOT_OPENERS.get(before["text"].lower()) == after["text"].lower()):
            continue
        box = word["box"]
        if _SLOT_DIGITS_RE.fullmatch(word["text"]) or not any(centre_inside(word, t) for t in page.typed):
            continue
        height, width = page.rgb.shape[:2]
        region = Box(max(0, box.left - SLOT_PAD), max(0, box.top - SLOT_PAD),
                     min(width, box.right + SLOT_PAD), min(height, box.bottom + SLOT_PAD))
        again = page.read(region, psm=WORD_PSM)
        if len(again) == 1 and _SLOT_DIGITS_RE.fullmatch(again[0]["text"]) and again[0]["conf"] >= MIN_SLOT_CONF:
            page.warnings.append(f"page {page.number}: header date value \"{word['text']}\" read again alone as "
                                 f"\"{again[0]['text']}\"")
            out[k] = {**word, "text": again[0]["text"]}
    return out


def blank_unread(text: str, page, *, header: bool = True) -> str:
    """A header line with its filled-in blanks left blank where OCR gave no clean digits there
    (handwriting, a stamp): the printed part stays, digits are never guessed, a warning says so.
    Outside the header (``header=False``) only a date whose day or month is one token, neither
    digits nor a word, is so left blank: "(Cấp lần đầu: Ngày 0À tháng ‡ năm 2026)".

    "Số: j5 46 /QĐ-UBND" → "Số: /QĐ-UBND"; "Lào Cai, ngày 0Â tháng † năm 2026" → "Lào Cai, ngày tháng năm 2026".
    """
    unread = []

    def blank(match: re.Match, slots: tuple[str, ...]) -> str:
        parts = match.groupdict()
        for slot in slots:
            value = parts[slot].strip()
            if value and not _SLOT_DIGITS_RE.fullmatch(value) and (header or not value.isalpha()):
                unread.append({"slot": "number", "day": "day", "month": "month"}[slot])
                parts[slot] = " " if slot != "slot" else ""
        return "".join(parts.values())

    def garbled_day(match: re.Match) -> str:
        word = match["word"]
        if word.lower() == "ngày":
            return word
        unread.append("day")
        return ("Ngày" if word[0] == "N" else "ngày") + " "

    if header:
        text = _NUMBER_SLOT_RE.sub(lambda m: blank(m, ("slot",)), text)
        text = _MISREAD_MONTH_WORD_RE.sub(lambda m: m[0][0] + "háng", text)
        text = _GARBLED_DAY_WORD_RE.sub(garbled_day, text)
    text = (_DATE_SLOT_RE if header else _TOKEN_DATE_SLOT_RE).sub(lambda m: blank(m, ("day", "month")), text)
    if unread:
        where = "in the header" if header else "in a date"
        page.warnings.append(f"page {page.number}: handwritten or unreadable {' and '.join(unread)} {where} "
                             f"not read, the printed part kept: '{text}'")
    return text

"""Vietnamese text normalisation: done once, early; later stages assume it.

Named cleaning steps run by :func:`clean_text` (as eyecite's ``clean.py``), the
line filters that drop page furniture and the paragraph joiner that undoes hard
wraps. Comparison and search keys are built in ``fold.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache

from kehoach.extractors.fold import KEY_CACHE, fix_d_lookalikes, fix_tone_placement, nfc
from kehoach.extractors.markers import (
    BARE_MARKER_RE,
    BARE_WORD_NUMBER_RE,
    BARE_WORD_RE,
    NEW_BLOCK_RE,
    PAREN_ITEM_RE,
    REFERENCE_WORD_END_RE,
    ocr_readings,
)
from kehoach.schemas.layout import Line, Paragraph

# --- character-level steps -------------------------------------------------

# Spaces that are not U+0020 (NBSP, thin, ideographic…) and invisible marks.
_ODD_SPACES_RE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACE_RUN_RE = re.compile(r" {2,}")


def collapse_spaces(text: str) -> str:
    """Odd spaces to U+0020, invisible marks dropped, runs of spaces collapsed, per line."""
    text = _INVISIBLE_RE.sub("", _ODD_SPACES_RE.sub(" ", text))
    return "\n".join(_SPACE_RUN_RE.sub(" ", line).strip() for line in text.split("\n"))


def unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


STEPS: dict[str, Callable[[str], str]] = {
    "newlines": unify_newlines,
    "nfc": nfc,
    "d_lookalikes": fix_d_lookalikes,
    "tone_placement": fix_tone_placement,
    "spaces": collapse_spaces,
}
# The text as written: what is stored and printed (NFC and whitespace only).
WRITTEN_STEPS = ("newlines", "nfc", "spaces")
# The match view the parsers read: the written text with old tone placement and Đ look-alikes folded,
# letter for letter (each line keeps its length), so that fidelity.SpellingMap can give the written
# spelling back to whatever the parsers output.
DEFAULT_STEPS = ("newlines", "nfc", "d_lookalikes", "tone_placement", "spaces")


def clean_text(text: str, steps: Sequence[str] = DEFAULT_STEPS) -> str:
    """Run the named cleaning steps in order."""
    return _clean_text(text, tuple(steps))


@lru_cache(maxsize=KEY_CACHE)  # the spelling map cleans every line again, in both views
def _clean_text(text: str, steps: tuple[str, ...]) -> str:
    for name in steps:
        text = STEPS[name](text)
    return text


def clean_lines(lines: Iterable[Line], steps: Sequence[str] = DEFAULT_STEPS) -> list[Line]:
    """Clean each line's text; blank lines are dropped and remembered as ``blank_before``."""
    out: list[Line] = []
    pending_blank = False
    for line in lines:
        text = clean_text(line.text, steps)
        if not text:
            pending_blank = True
            continue
        cleaned = line.with_text(text)
        cleaned.blank_before = line.blank_before or pending_blank
        cleaned.line_no = len(out)
        out.append(cleaned)
        pending_blank = False
    return out


# --- page furniture ----------------------------------------------------------

_PAGE_NUMBER_RE = re.compile(r"^(?:-\s*)?(?:Trang\s+)?(\d{1,4})(?:\s*-)?(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)


def parse_page_number(text: str) -> int | None:
    """ "12", "- 12 -", "Trang 12", "12/30" → 12; anything else → None."""
    match = _PAGE_NUMBER_RE.match(text.strip())
    return int(match.group(1)) if match else None


MIN_PAGE_LINES = 15  # non-blank lines on a page of plain text, at the least (an A4 page holds 30-45)


def drop_page_numbers(lines: Sequence[Line], *, keep: Collection[int] = ()) -> list[Line]:
    """Drop lone page-number lines.

    Readers with layout drop page numbers by their position on the page, so a
    lone number that reaches here with layout is text (a year wrapped onto its
    own line, a table cell). Without layout (TXT), a lone number line is taken
    as a page number only when it continues the page sequence (2, 3, 4 …) at
    least a page's worth of lines after the previous page break: the row
    numbers of a table ("1", "2", "3" a few cells apart) stay, and so do the
    lines at the indexes in ``keep`` (the rows of a table, however long) and the
    number of a division whose word stands alone above it ("CHƯƠNG" ⏎ "2").
    """
    out: list[Line] = []
    expected = 2
    since_break = 0
    for index, line in enumerate(lines):
        number = parse_page_number(line.text)
        if number is not None and line.top is None and number == expected and since_break >= MIN_PAGE_LINES \
                and index not in keep and not (out and BARE_WORD_RE.match(out[-1].text)):
            expected += 1
            since_break = 0
            continue
        since_break += 1
        out.append(line)
    return out


# --- paragraphs --------------------------------------------------------------

_DASH_START_RE = re.compile(r"^\s*[-–—]\s*(\S)")
_YEAR_END_RE = re.compile(r"\b(?:19|20)\d\d$")
_DASH_YEAR_RE = re.compile(r"^\s*[-–—]\s*(?:19|20)\d\d\b")


def _continues_at_dash(prev: str, line: str) -> bool:
    """ "kinh tế⏎- xã hội" (a compound split at its dash) and "giai đoạn 2026⏎- 2030" (a range):
    the dash line continues the line above; a bullet starts with a capital or a digit."""
    start = _DASH_START_RE.match(line)
    if start is None:
        return False
    if start.group(1).islower():
        return True
    return bool(_YEAR_END_RE.search(prev.rstrip()) and _DASH_YEAR_RE.match(line))
# A line ending like this cannot end a paragraph, however short: "Nghị quyết số 25-", "… của".
_OPEN_END_RE = re.compile(
    r"(?:[-–,(/&]|\b(?:và|của|các|số|tại|theo|với|về|cho|trong|đến|từ|là|được|ngày|tháng|năm|do|như))\s*$")
_SENTENCE_END_RE = re.compile(r"""[.;:!?…](?:\s*[”"'»)\]])*$|\./\.$""")
INDENT_SHARE = 0.02  # a first-line indent of at least this share of the page width (about 12 pt on A4)
_WRAP_SLACK = 0.12  # a line ending this far (share of page width) short of the right edge ends its paragraph
# TXT without layout: a line shorter than this share of the usual line length ends its paragraph.
SHORT_LINE_SHARE = 0.55
MIN_TYPICAL_LENGTH = 60  # a short sample says little about the wrap width; A4 text runs 60–100 characters
# Blank lines carry paragraph information when they are neither absent nor after every line.
BLANK_BREAK_RANGE = (0.04, 0.6)


def is_upper_line(text: str) -> bool:
    # str.isupper() rejects nearly every line in C; only the rare upper line pays for the letter count
    return text.isupper() and sum(ch.isalpha() for ch in text) >= 2


def _ends_short(line: Line, right_edge: float | None) -> bool:
    if line.x1 is None or right_edge is None or not line.page_width:
        return False
    return line.x1 < right_edge - _WRAP_SLACK * line.page_width


def _indented(line: Line, left_edge: float | None) -> bool:
    """A first-line indent: the line starts clearly right of the body's left margin."""
    if line.x0 is None or left_edge is None or not line.page_width:
        return False
    return line.x0 > left_edge + INDENT_SHARE * line.page_width


def _left_edges(lines: Sequence[Line]) -> dict[int | None, float]:
    """The body's left margin per page: the smallest x0 outside the two-column bands, over all
    pages of the same width."""
    by_width: dict[float | None, float] = {}
    for line in lines:
        if line.x0 is not None and line.column is None:
            by_width[line.page_width] = min(by_width.get(line.page_width, line.x0), line.x0)
    return {line.page: by_width[line.page_width] for line in lines if line.page_width in by_width}


def _right_edges(lines: Sequence[Line]) -> dict[int | None, float]:
    """The body's right margin per page: the largest x1 over all pages of the same width
    (a page holding only a short heading and a page break still has the body's margin)."""
    by_width: dict[float | None, float] = {}
    for line in lines:
        if line.x1 is not None:
            by_width[line.page_width] = max(by_width.get(line.page_width, 0.0), line.x1)
    return {line.page: by_width[line.page_width] for line in lines if line.x1 is not None}


def _blank_lines_mean_breaks(lines: Sequence[Line]) -> bool:
    # Some plain-text exports put a blank line after every visual line; there
    # a blank line carries no paragraph information at all. Where there are
    # (almost) none, they carry none either.
    blanks = sum(1 for line in lines[1:] if line.blank_before)
    if len(lines) < 8:
        return blanks > 0
    low, high = BLANK_BREAK_RANGE
    return low * (len(lines) - 1) <= blanks < high * (len(lines) - 1)


def _typical_length(lines: Sequence[Line]) -> int | None:
    """The usual length of a full (wrapped) line in a TXT without layout; None with layout."""
    if not lines or any(line.x1 is not None for line in lines[:50]):
        return None
    lengths = sorted(len(line.text) for line in lines)
    return max(lengths[int(0.8 * (len(lengths) - 1))], MIN_TYPICAL_LENGTH)


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if not (ch in "\"“‘'(" or ch.isspace()):
            return False
    return False


def _opens_parenthesis(text: str) -> bool:
    """The line leaves a "(" open (its own "a)" / "1)" marker aside)."""
    text = PAREN_ITEM_RE.sub("", text, count=1)
    return text.count("(") > text.count(")")


def _has_letters(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 2


def _wrapped_in_body(prev: Line, line: Line, right_edge: float | None, left_edge: float | None) -> bool:
    """Laid-out body text: ``prev`` runs to the right margin without ending a sentence and ``line``
    starts at the left margin on the same page, so ``line`` is the paragraph's wrap whatever it
    starts with. Headings (bold) and the two-column bands are left to the other rules."""
    if prev.x1 is None or line.x0 is None or right_edge is None or left_edge is None or not prev.page_width:
        return False
    return (prev.page == line.page and prev.column is None and line.column is None
            and not (prev.bold or line.bold) and not line.blank_before
            and not _ends_short(prev, right_edge) and not _indented(line, left_edge)
            and not _SENTENCE_END_RE.search(prev.text))


def starts_new_paragraph(prev: Line, line: Line, *, blank_is_break: bool, right_edge: float | None,
                         typical_length: int | None = None, left_edge: float | None = None) -> bool:
    """Whether ``line`` begins a new paragraph after ``prev``."""
    if line.hard_break:
        return True
    readings = [line.text, *(ocr_readings(line.text) if line.ocr else ())]  # an OCR'd "l." may be "1."
    if BARE_WORD_RE.match(prev.text) and any(BARE_WORD_NUMBER_RE.match(t) for t in readings):
        return False  # "Điều⏎1. Phạm vi điều chỉnh": the number completes the marker
    if line.text[:1].isdigit() and REFERENCE_WORD_END_RE.search(prev.text) \
            and not (blank_is_break and line.blank_before):
        return False  # "… tại khoản 3 Điều⏎15.": the reference's number, no item
    if any(NEW_BLOCK_RE.match(t) for t in readings):
        if _wrapped_in_body(prev, line, right_edge, left_edge):
            return False  # "… của “Phần" ⏎ "C. TRÌNH TỰ …": a justified line wrapped before a marker-like word
        if _continues_at_dash(prev.text, line.text) and not _SENTENCE_END_RE.search(prev.text):
            return False  # "kinh tế⏎- xã hội", "2026⏎- 2030": a compound or range split at its dash
        # "(lần⏎2) đến Sở": the "2)" closes the parenthesis, it is no item
        return not (PAREN_ITEM_RE.match(line.text) and _opens_parenthesis(prev.text))
    if BARE_MARKER_RE.match(prev.text):
        return False  # "1." alone on its line, the heading follows: "1.⏎Nguy cơ ..."
    if _starts_lower(line.text):
        # A paragraph never starts in lower case: the line continues the one
        # above even across a blank line or a page break.
        return False
    laid_out = prev.x1 is not None and right_edge is not None and bool(prev.page_width)
    if laid_out and prev.column is None and line.column is None and not (prev.bold or line.bold):
        # Justified body text: a paragraph ends on a short line or the next one is
        # indented; a full-width line ending in ";" or "." is only a wrap.
        if _ends_short(prev, right_edge) or _indented(line, left_edge):
            return True
        if prev.page != line.page or not (blank_is_break and line.blank_before):
            return False
    if prev.page is not None and line.page is not None and prev.page != line.page:
        # A page break wraps like a line break: judge by punctuation alone.
        return bool(_SENTENCE_END_RE.search(prev.text))
    if blank_is_break and line.blank_before:
        return True
    if is_upper_line(prev.text) != is_upper_line(line.text) and _has_letters(line.text) and (
        is_upper_line(prev.text) or prev.bold != line.bold
    ):
        return True
    if prev.bold != line.bold and (prev.x0 is not None):
        return True
    if _SENTENCE_END_RE.search(prev.text):
        return True
    if _ends_short(prev, right_edge):
        return True
    if typical_length and not blank_is_break and len(prev.text) < SHORT_LINE_SHARE * typical_length \
            and not _OPEN_END_RE.search(prev.text):
        return True
    return prev.column != line.column


def join_paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """Undo hard line wraps: consecutive lines of one paragraph become one ``Paragraph``."""
    blank_is_break = _blank_lines_mean_breaks(lines)
    edges = _right_edges(lines)
    lefts = _left_edges(lines)
    typical = _typical_length(lines)
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        if current and starts_new_paragraph(
            current[-1], line, blank_is_break=blank_is_break, right_edge=edges.get(current[-1].page),
            typical_length=typical, left_edge=lefts.get(line.page),
        ):
            paragraphs.append(_make_paragraph(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(_make_paragraph(current))
    return paragraphs


def join_wrapped(texts: Iterable[str]) -> str:
    """Join wrapped line texts with one space, mending words hyphen-split across lines."""
    out = ""
    for text in texts:
        if not out:
            out = text
        elif out.endswith(("-", "–")) and re.search(r"\d[-–]$|[/-][A-ZĐ]{1,6}[-–]$|[A-ZĐ][-–]$", out):
            # "3177/QĐ-" ⏎ "UBND" and "25-" ⏎ "NQ/TW": a symbol split at its hyphen.
            out += text
        else:
            out += " " + text
    return out


def _make_paragraph(lines: list[Line]) -> Paragraph:
    return Paragraph(text=join_wrapped(line.text for line in lines), lines=lines, page=lines[0].page)

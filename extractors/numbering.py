"""Numbering sequences, and markers read through OCR.

A marker fits the numbering when it continues a run that is open ("III." after "II.", "b)"
after "a)", "2.2." after "2.1.") or opens a new one with its first label ("I.", "1.", "a)").
Numbering is kept as written (a repeated marker gets "#2", a skipped number stays skipped);
the one exception is a marker of OCR'd text that breaks the sequence where a usual OCR
confusion explains it ("II." where "III." is due, "l." or "|." for "I.", "1O." for "10."):
it is read as the marker the sequence expects, with a warning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kehoach.extractors.markers import (
    RANKS,
    Marker,
    base_style,
    first_labels,
    next_label,
    ocr_readings,
    parse_marker,
)
from kehoach.extractors.normalize import is_upper_line
from kehoach.schemas.layout import Paragraph

OpenRun = tuple[str, str]  # (style, label) of a node open on the tree's stack, outermost first
# Styles numbered through the whole text, whatever closes them: articles run on across chapters
# (Luật Ban hành văn bản quy phạm pháp luật), chapters across parts.
CONTINUOUS_STYLES = {"article", "chapter", "book", "appendix"}
LOOKAHEAD_MARKERS = 40  # marked paragraphs searched for the next marker of a style


def fits(marker: Marker, open_runs: Sequence[OpenRun], last_seen: Mapping[str, str] | None = None) -> bool:
    """Whether ``marker`` continues a run open in ``open_runs`` (or, for an article or a chapter,
    the last one of ``last_seen``: style → label) or opens a new run with its first label."""
    base = base_style(marker.style)
    if base in CONTINUOUS_STYLES and last_seen and base in last_seen \
            and marker.label == next_label(base, last_seen[base]):
        return True
    if base in ("decimal", "decimal_letter"):
        head = marker.label.rpartition(".")[0]
        sibling = next((label for style, label in reversed(open_runs)
                        if base_style(style) == base and label.rpartition(".")[0] == head), None)
        if sibling is not None:
            return marker.label == next_label(base, sibling)
        return marker.label.rpartition(".")[2] in ("1", "a") and any(label == head for _, label in open_runs)
    same = next((label for style, label in reversed(open_runs) if base_style(style) == base), None)
    if same is not None:
        return marker.label == next_label(base, same)
    return marker.label in first_labels(base)


def read_through_ocr(paragraphs: Sequence[Paragraph], index: int, literal: Marker | None,
                     open_runs: Sequence[OpenRun], last_seen: Mapping[str, str] | None = None) -> Marker | None:
    """The marker the numbering expects for OCR'd paragraph ``index`` whose marker as read
    (``literal``, None when it reads as none) does not fit, or None when no OCR confusion explains one.

    A literal marker whose own run goes on ("II." then "III." below) was written so: a repeat
    kept as written, not an OCR slip. Of several readings that fit, the one whose run the
    following markers confirm wins ("l." then "II." is "I."); then, before the same unreadable
    marker, the section; then the one its title's case suits; then the one that stays inside the
    open node."""
    if literal is not None and next_of_style(paragraphs, index, literal.style) == next_label(literal.style,
                                                                                              literal.label):
        return None
    readings = [m for text in ocr_readings(paragraphs[index].text)
                if (m := parse_marker(text)) is not None and fits(m, open_runs, last_seen)]
    if len(readings) > 1:
        confirmed = [m for m in readings if next_of_style(paragraphs, index, m.style) == next_label(m.style, m.label)]
        twin = _next_starts_alike(paragraphs, index)
        readings = sorted(confirmed or readings,
                          key=lambda m: (twin and m.style not in RANKS, _unlike(m), _closes(m, open_runs)))
    return readings[0] if readings else None


def _next_starts_alike(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """The next paragraph opens with the same unreadable marker ("l." ⏎ … ⏎ "l."): of a section
    and its first item ("I." then "1."), the first is the section."""
    token = paragraphs[index].text.split()[:1]
    following = next((p for p in paragraphs[index + 1:] if parse_marker(p.text) or ocr_readings(p.text)), None)
    return following is not None and following.text.split()[:1] == token


def _unlike(marker: Marker) -> bool:
    """A section numeral before a title in lower case, or an item number before one in capitals, is
    the unlikelier reading: sections take capitals ("I. MỤC ĐÍCH"), items not ("1. Mục đích")."""
    return (base_style(marker.style) == "roman") != is_upper_line(marker.rest)


def _closes(marker: Marker, open_runs: Sequence[OpenRun]) -> int:
    """How many open nodes ``marker`` would close: a reading that stays inside the open node
    ("1." under "Điều 2") is likelier than one that ends it ("I.")."""
    if marker.style in RANKS:
        rank = RANKS[marker.style]
        return sum(1 for style, _ in open_runs if style not in RANKS or RANKS[style] >= rank)
    same = [k for k, (style, _) in enumerate(open_runs) if style == marker.style]
    return len(open_runs) - same[-1] if same else 0


def next_of_style(paragraphs: Sequence[Paragraph], index: int, style: str) -> str | None:
    """The label of the next marker of ``style`` after paragraph ``index`` (within a reach)."""
    base = base_style(style)
    seen = 0
    for para in paragraphs[index + 1:]:
        found = parse_marker(para.text)
        if found is None:
            continue
        if base_style(found.style) == base:
            return found.label
        seen += 1
        if seen >= LOOKAHEAD_MARKERS:
            break
    return None


def ocr_warning(para: Paragraph, written: Marker | None, expected: Marker) -> str:
    """The warning that says which OCR'd marker was read as which."""
    as_written = written.marker if written else para.text.split()[0]
    page = f"page {para.page}: " if para.page else ""
    return f"{page}OCR'd marker \"{as_written}\" read as \"{expected.marker}\", the marker the numbering expects"

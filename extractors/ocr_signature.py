"""The closing band of a scanned page: where the "Nơi nhận" list ends and the signature block begins.

Read as one page, the two columns of the band mix on each line; found here, each is read on its own
(``ocr._read_page``). A page here is ``ocr._Page``: its grey image and its dpi.
"""

from __future__ import annotations

import itertools

from kehoach.extractors.ocr_correct import skeleton
from kehoach.extractors.ocr_layout import Box
from kehoach.schemas.layout import Line

SIGNATURE_LOOKUP = 0.04  # share of the page height above "Nơi nhận" where the signature block may start
_RECIPIENTS = "noinhan"  # "Nơi nhận" without marks or spaces, as OCR may give it ("Noinhận:")
MARGIN_SHARE = 0.2  # of the page's width: a word this far from the left edge starts its line at the margin
COLUMN_GAP_SHARE = 0.04  # of the page's width: a gap between words this wide is the gutter between two columns


def _runs_across(boxes: list[Box], width: int) -> bool:
    """A line of running text across the page's middle, not two columns side by side: it reaches
    both sides and no gap between its words is as wide as the gutter between columns."""
    boxes = sorted(boxes, key=lambda b: b.left)
    gaps = [b.left - a.right for a, b in itertools.pairwise(boxes)]
    return (boxes[0].left < width * 0.4 and boxes[-1].right > width * 0.6
            and max(gaps, default=0) < width * COLUMN_GAP_SHARE)


def signature_box(page, words: list[dict]) -> Box | None:
    """The signature block: right of the "Nơi nhận" list, from a little above its first line
    (never above the body's last line) down to the page's foot or to where running text resumes
    (a decision signed above the plan it issues)."""
    width, height = page.grey.shape[1], page.grey.shape[0]
    anchor = next((w["box"] for w, n in itertools.pairwise(words) if w["box"].right < width * 0.5
                   and opens_recipients(skeleton(w["text"] + n["text"]), w["box"].left < width * MARGIN_SHARE)),
                  None)
    if anchor is None:
        return None
    top, bottom = anchor.top - int(SIGNATURE_LOOKUP * height), height
    rows: dict[tuple, list[Box]] = {}
    for word in words:
        rows.setdefault(word["line"], []).append(word["box"])
    for boxes in rows.values():
        line_top, line_bottom = min(b.top for b in boxes), max(b.bottom for b in boxes)
        if min(b.left for b in boxes) < width * 0.4 and line_bottom <= anchor.top:
            top = max(top, line_bottom)
        elif line_top > anchor.bottom and _runs_across(boxes, width):
            bottom = min(bottom, line_top)
    left = _recipients_right(words, width, anchor.top, bottom) or int(width * 0.4)
    return Box(left + int(page.dpi * 0.05), top, width, bottom)


def _recipients_right(words: list[dict], width: int, top: int, bottom: int) -> int | None:
    """Where the "Nơi nhận" list ends on the right: each of its lines runs from the left margin over
    word gaps narrower than the gutter; a word after a wider gap is the signature block's. A long
    recipient ("- Các Bộ: Công an, Tài chính, Công Thương (b/c);") may pass the page's middle."""
    rows: dict[tuple, list[Box]] = {}
    for word in words:
        if top <= word["box"].top < bottom:
            rows.setdefault(word["line"], []).append(word["box"])
    right = None
    for boxes in rows.values():
        boxes.sort(key=lambda b: b.left)
        if boxes[0].left >= width * 0.4:
            continue
        end = boxes[0].right
        for box in boxes[1:]:
            if box.left - end >= width * COLUMN_GAP_SHARE:
                break
            end = box.right
        right = max(right or 0, end)
    return right


def opens_recipients(letters: str, at_margin: bool) -> bool:
    """Whether two words read "Nơi nhận" — at the left margin also with its capital misread or lost
    ("\\ơi nhận", "ơi nhận"), which a seal or the signature's stroke often does."""
    if letters.startswith(_RECIPIENTS):
        return True
    tail = _RECIPIENTS[1:]
    return at_margin and (letters.startswith(tail) or (letters[1:].startswith(tail) and not letters[0].isalpha()))


def named_recipients(lines: list[Line]) -> list[Line]:
    """The recipients' list with its opening words as printed where OCR misread them: the block was
    found by them, and the parsers look for "Nơi nhận"."""
    if not lines or skeleton(lines[0].text.replace(" ", "")).startswith(_RECIPIENTS):
        return lines
    words = lines[0].text.split(" ")
    at = next((k for k in range(1, len(words)) if skeleton(words[k]).startswith("nhan")), None)
    if at is None:
        return lines
    return [lines[0].with_text(" ".join(["Nơi", *words[at:]])), *lines[1:]]

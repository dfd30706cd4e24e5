"""Quoted provisions: "… quy định: “Điều 26. … 1. … a) …”" keeps its numbering to itself.

A quotation's markers belong to the quoted text, not to the document's tree; the tree
stage asks :func:`quoted_paragraphs` which paragraphs sit inside one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kehoach.extractors.markers import RANKS, parse_marker
from kehoach.schemas.layout import Paragraph

# Emphasis marks a converted copy leaves before the opening mark ("* “Người khai hải quan …") do not count.
_EMPHASIS = " *_\t"
_OPENS_QUOTE_RE = re.compile(r"^[\s*_]*[“”\"]")
_COLON_QUOTE_RE = re.compile(r":\s*[“\"]")
_AMENDING_RE = re.compile(r"(?:Sửa\s+đổi|Bổ\s+sung|Bãi\s+bỏ|Thay\s+thế|Thay\s+cụm\s+từ)(?![\w])")
QUOTE_SPAN_MAX = 40  # paragraphs a quotation may run over; an opening mark never closed quotes nothing


def _quote_balance(text: str) -> tuple[int, bool]:
    """(curly opening minus closing marks, whether straight quotes are left unpaired).

    A closing mark opening a paragraph ("”5. Sửa đổi …") is a mistyped opening mark."""
    text = text.lstrip()
    if text.startswith("”"):
        text = "“" + text[1:]
    return text.count("“") - text.count("”"), text.count('"') % 2 == 1


def quoted_paragraphs(paragraphs: Sequence[Paragraph]) -> set[int]:
    """Indexes of paragraphs that begin inside a quotation opened by an earlier paragraph.

    A quotation opens where a paragraph leaves a quote mark open at its start or after a colon
    ("… quy định:" ⏎ "“Điều 26. …", "quy định: “1. …"), and closes at the paragraph holding a
    closing mark, within ``QUOTE_SPAN_MAX`` paragraphs (else it quotes nothing). The quoting text
    takes over again, a quote left unclosed, at a paragraph that introduces the next quotation
    ("3. Sửa đổi điểm a khoản 2 như sau:" ⏎ "“a) …"), at the amending text's next item ("4. Bổ sung …")
    and at a section marker ("Điều 2.", "III.").
    """
    inside: set[int] = set()
    open_until = -1
    for index, para in enumerate(paragraphs):
        text = para.text
        curly, straight = _quote_balance(text)
        if index <= open_until:
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            if not _OPENS_QUOTE_RE.match(text) and (
                    _OPENS_QUOTE_RE.match(following) and text.rstrip().endswith(":")
                    or _COLON_QUOTE_RE.search(text) and (curly > 0 or straight) or _amending_item(text)):
                open_until = index - 1  # "… như sau:" of the quoting text, its quote follows
            else:
                inside.add(index)
                if index == open_until or not _OPENS_QUOTE_RE.match(text) or not (curly > 0 or straight):
                    continue
        opener = "“" if curly > 0 else '"' if straight else None
        if opener is None:
            continue
        at = max(text.rfind(opener), 0 if text.lstrip().startswith("”") else -1)
        if text[:at].strip(_EMPHASIS) and not text[:at].rstrip(_EMPHASIS).endswith(":"):
            continue
        end = _quote_end(paragraphs, index)
        if end >= 0:
            open_until = end
    return inside


def _amending_item(text: str) -> bool:
    """ "4. Bổ sung Điều 14a …", "5. Sửa đổi khoản 2 …": the next item of the amending text, which ends a
    quotation left unclosed (tests/gold NOTES-53-55 call 1)."""
    marker = parse_marker(text)
    return bool(marker and marker.style.startswith("arabic") and _AMENDING_RE.match(marker.rest))


def _quote_end(paragraphs: Sequence[Paragraph], opened: int) -> int:
    """The paragraph closing the quotation opened at ``opened``, or -1 when none does in time."""
    for later in range(opened + 1, min(opened + 1 + QUOTE_SPAN_MAX, len(paragraphs))):
        if (m := parse_marker(paragraphs[later].text)) and m.style in RANKS:
            return -1  # "Điều 2." of the quoting text: the quote was never closed
        later_curly, later_straight = _quote_balance(paragraphs[later].text)
        if later_curly < 0 or later_straight:  # typed quotes are often mixed: "… ”
            return later
    return -1

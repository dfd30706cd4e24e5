"""Signature blocks and the "Nơi nhận" list (Nghị định 30/2020/NĐ-CP, Phụ lục I), and who signed.

At the foot of a document two columns sit side by side: on the left "Nơi nhận:"
with a dash list ending in "- Lưu: VT, …"; on the right the authority
("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the position ("PHÓ CHỦ TỊCH"), stamps,
and the signer's name. Plain-text copies put the columns one after the other
in either order, sometimes on one line, sometimes as table rows ("| - Lưu: VT. | CHỦ TỊCH |").
Neither column is node text. OCR of a scan adds the seal's and signature's marks as
stray lines ("/", "J", "Ầ"); they are passed over.

A decision with an attached plan signs in the middle: the text goes on after
the block, so every block is returned with its line span. Minutes (Biên bản) and
joint documents sign several times in a row: blocks with nothing between them are
one sign-off with several signers. ``read_sign_off`` is the one place that says
who signed a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.extractors.header import doc_type_of_line
from kehoach.extractors.normalize import is_upper_line
from kehoach.extractors.recipients import RECIPIENTS_RE, read_recipients
from kehoach.extractors.signer_lines import (
    AUTHORITY_RE,
    NAME_MAX_WORDS,
    NAME_WORD_RE,
    STAMP_PREFIX_RE,
    is_position,
    is_signature_line,
    parse_name,
    signer_of,
    split_caps_and_name,
    split_glued_signature,
    table_cells,
)
from kehoach.schemas.layout import Line
from kehoach.schemas.models import Signer

__all__ = ["SignOff", "SignatureBlock", "find_signature_blocks", "parse_name", "parse_signature", "read_sign_off",
           "split_glued_signature"]

BLOCK_LOOKBACK = 8  # signature lines written before "Nơi nhận" (right column first)
MAX_NOISE_LINES = 6  # stray marks of a seal or a signature passed over inside one block
_NOISE_RE = re.compile(r"[^\W\d_]{2,}")  # a line with no two letters in a row is a mark, not text
_TABLE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$|\S\s+\|\s+\S")
MAX_TABLE_ROWS = 20  # a signature band left as a table is a few rows; a longer table is body text


@dataclass
class SignatureBlock:
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    start: int | None = None  # index of the first line of the block; body lines end before it
    end: int | None = None  # index after the last line of the block
    skip: set[int] = field(default_factory=set)  # other line indexes that belong to the block


@dataclass
class SignOff:
    """Who signed a document, and to whom it goes."""

    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)

    @property
    def signer(self) -> Signer | None:
        return self.signers[0] if self.signers else None


def _is_noise(text: str) -> bool:
    return bool(text) and not _NOISE_RE.search(text)


def _is_table_row(text: str) -> bool:
    # every form holds a "|": the search runs only on the few lines that have one, not along every line
    return "|" in text and bool(_TABLE_ROW_RE.search(text))


class _Scanner:
    """Signature lines and the name from line ``i``: authority and position lines, then the name.

    ``open_start``: right after a Nơi nhận list any short caps line is a position
    ("TỔNG KIỂM TOÁN NHÀ NƯỚC"), not only the known ones.
    """

    def __init__(self, lines: list[Line], i: int, stop: int, open_start: bool):
        self.lines, self.i, self.stop, self.open_start = lines, i, stop, open_start
        self.sig: list[str] = []
        self.name: str | None = None
        self.noise = 0

    def scan(self) -> tuple[list[str], str | None, int]:
        while self.i < self.stop and not self.name:
            text = self.lines[self.i].text.strip()
            if not (self._take_glued(text) or self._take_stamped_name(text) or self._take_caps(text)
                    or self._take_noise(text)):
                self._take_name(text)
                break
        return self.sig, self.name, self.i

    def _take_glued(self, text: str) -> bool:
        """A block the copy ran into one line, or a row of table cells."""
        if not (self.sig or AUTHORITY_RE.match(text) or is_upper_line(text) or "|" in text):
            return False
        pieces = split_glued_signature(text)
        if len(pieces) <= 1 or not (self.sig or is_signature_line(pieces[0])):
            return False
        inner, inner_name, _ = _Scanner([Line(text=p) for p in pieces], 0, len(pieces), False).scan()
        if not inner:
            return False
        self.sig.extend(inner)
        self.name = inner_name
        self.i += 1
        return True

    def _take_stamped_name(self, text: str) -> bool:
        """ "(Đã ký) Lê Thành Long"; "THỦ TƯỚNG Phạm Minh Chính": the name on a signature line."""
        stamp = STAMP_PREFIX_RE.match(text)
        if stamp and parse_name(text[stamp.end():]):
            self.sig.append(text[: stamp.end()].strip())
            self.name = parse_name(text[stamp.end():])
            self.i += 1
            return True
        caps, inline_name = split_caps_and_name(text)
        if inline_name and (self.sig or is_signature_line(caps)):
            self.sig.append(caps)
            self.name = inline_name
            self.i += 1
            return True
        return False

    def _take_caps(self, text: str) -> bool:
        """An authority or position line, or a caps line that wraps one ("TM. ỦY BAN NHÂN⏎DÂN")."""
        short_caps = is_upper_line(text) and not doc_type_of_line(text) and not RECIPIENTS_RE.match(text)
        # "Thứ Trưởng": a position OCR gave in title case is the position, never the name.
        if is_signature_line(text) or self.sig and is_position(text) and len(text.split()) <= 8 or short_caps and (
                self.open_start and not self.sig and len(text.split()) <= 8 or self.sig and len(text.split()) <= 6):
            self.sig.append(text)
            self.i += 1
            return True
        return False

    def _take_noise(self, text: str) -> bool:
        if (self.sig or self.open_start) and _is_noise(text) and self.noise < MAX_NOISE_LINES:
            self.noise += 1
            self.i += 1
            return True
        return False

    def _take_name(self, text: str) -> None:
        """The name under the block, also wrapped: "Bùi⏎Xuân Cường", "Lê Hải⏎Hòa"."""
        if not self.sig:
            return
        lines, i = self.lines, self.i
        candidate = parse_name(text)
        if not candidate and i + 1 < self.stop and len(text.split()) <= 2:
            candidate = parse_name(f"{text} {lines[i + 1].text}")
            i += 1 if candidate else 0
        if not candidate:
            return
        i += 1
        if i < self.stop and len(candidate.split()) < NAME_MAX_WORDS and NAME_WORD_RE.match(lines[i].text.strip()):
            candidate = f"{candidate} {lines[i].text.strip()}"
            i += 1
        self.name, self.i = candidate, i


def _scan_signature(lines: list[Line], i: int, stop: int, *, open_start: bool = False
                    ) -> tuple[list[str], str | None, int]:
    """Signature lines and name from ``i``; returns (caps lines, name, index after)."""
    return _Scanner(lines, i, stop, open_start).scan()


def _recipients(lines: list[Line], i: int, stop: int, first: str) -> tuple[list[str], int]:
    return read_recipients(lines, i, stop, first, ends_list=is_signature_line,
                           is_name=lambda t: parse_name(t) is not None, is_caps=is_upper_line)


def _signs_off_here(lines: list[Line], i: int) -> bool:
    """A bare position line ("THỦ TƯỚNG", "THƯ KÝ") starts a block only near the end, before Nơi nhận,
    or when all that follows it is signature blocks (the stacked signatures of minutes)."""
    tail = lines[i + 1: i + 4]
    if len(lines) - i <= 4 or any(RECIPIENTS_RE.match(t.text.strip()) for t in tail):
        return True
    rest = [t.text.strip() for t in lines[i + 1:] if t.text.strip()]
    return len(rest) <= 3 * BLOCK_LOOKBACK and all(
        is_signature_line(t) or parse_name(t) or _is_noise(t) or is_upper_line(t) and len(t.split()) <= 8
        for t in rest)


def _block_at_signature(lines: list[Line], i: int) -> SignatureBlock | None:
    """A block that starts with its authority or position line (Nơi nhận, if any, after it)."""
    n = len(lines)
    sig, name, end = _scan_signature(lines, i, n)
    # A copy whose stamp stands for the name ("CHỦ TỊCH⏎(Đã ký)") at the end of the text:
    # the block is kept with the authority and position it states.
    if not (name or sig and is_signature_line(sig[0]) and all(not t.text.strip() for t in lines[end:])):
        return None
    block = SignatureBlock(signer=signer_of(sig, name), start=i, end=end)
    # "Nơi nhận" written after the signature: part of the same block.
    if end < n and RECIPIENTS_RE.match(lines[end].text.strip()):
        rest = RECIPIENTS_RE.match(lines[end].text.strip()).group("rest")
        block.recipients, block.end = _recipients(lines, end + 1, n, rest)
    return block


def _table_block(lines: list[Line], i: int) -> SignatureBlock | None:
    """A block a copy left as table rows, read row by row ("| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |",
    "| - Như trên; | CHỦ TỊCH |", "| | Nguyễn Văn A |"): its left cells, then its right cells."""
    j = i
    while j < len(lines) and j - i < MAX_TABLE_ROWS and (_is_table_row(lines[j].text)
                                                         or not lines[j].text.strip()):
        j += 1
    rows = [table_cells(t.text) for t in lines[i:j] if t.text.strip()]
    if not any(RECIPIENTS_RE.match(c) or AUTHORITY_RE.match(c) for row in rows for c in row):
        return None
    columns = [[row[k] for row in rows if len(row) > k and row[k]] for k in range(max(len(r) for r in rows))]
    cells = [Line(text=text) for column in columns for text in column]
    found = [b for b in find_signature_blocks(cells) if b.signer or b.recipients]
    if not found:
        return None
    signed = next((b for b in found if b.signer), found[0])
    recipients = next((b.recipients for b in found if b.recipients), [])
    return SignatureBlock(signer=signed.signer, recipients=recipients, start=i, end=j)


def _starts_block(text: str) -> bool:
    return bool(RECIPIENTS_RE.match(text) or AUTHORITY_RE.match(text) or is_signature_line(text)
                or STAMP_PREFIX_RE.match(text))


def _block_at(lines: list[Line], i: int, floor: int) -> SignatureBlock | None:
    text = lines[i].text.strip()
    if _is_table_row(text) and _starts_block(next((c for c in table_cells(text) if c), "")):
        return _table_block(lines, i)
    match = RECIPIENTS_RE.match(text)
    if match:
        return _block_at_recipients(lines, i, match.group("rest"), floor)
    if AUTHORITY_RE.match(text) or ((is_signature_line(text) or STAMP_PREFIX_RE.match(text))
                                    and _signs_off_here(lines, i)):
        return _block_at_signature(lines, i)
    return None


def find_signature_blocks(lines: list[Line], start: int = 0) -> list[SignatureBlock]:
    """Every signature / Nơi nhận block in ``lines[start:]``, in order."""
    blocks: list[SignatureBlock] = []
    i = start
    while i < len(lines):
        block = _block_at(lines, i, start if not blocks else blocks[-1].end)
        if block is None:
            i += 1
            continue
        blocks.append(block)
        i = max(block.end, i + 1)
    return blocks


def _signature_before(lines: list[Line], at: int, lowest: int) -> tuple[list[str], str | None, int]:
    """The signature written just above "Nơi nhận" (right column read first): (caps lines, name, start)."""
    back = at - 1
    if back < lowest:
        return [], None, at
    caps, inline = split_caps_and_name(lines[back].text.strip())
    name = parse_name(lines[back].text) or (inline if inline and is_signature_line(caps) else None)
    first_sig = back
    while first_sig - 1 >= lowest and is_signature_line(lines[first_sig - 1].text):
        first_sig -= 1
    sig = [lines[k].text.strip() for k in range(first_sig, back)]
    if name and inline and not parse_name(lines[back].text):
        sig.append(caps)
    elif not name and is_signature_line(lines[back].text):
        # Authority and position above the list, the name below it (a table read row by row).
        sig.append(lines[back].text.strip())
        return sig, None, first_sig
    if not sig:
        return [], None, at
    return sig, name, first_sig


def _block_at_recipients(lines: list[Line], at: int, first: str, floor: int | None) -> SignatureBlock:
    n = len(lines)
    recipients, after = _recipients(lines, at + 1, n, first)
    sig, name, end = _scan_signature(lines, after, n, open_start=True)
    block_start = at
    if not name:
        before, before_name, before_start = _signature_before(lines, at, max(floor or 0, at - BLOCK_LOOKBACK))
        if before_name:
            sig, name, block_start, end = before, before_name, before_start, after
        elif before and not sig and after < n and parse_name(lines[after].text):
            sig, name, block_start, end = before, parse_name(lines[after].text), before_start, after + 1
        elif not sig and after < n and parse_name(lines[after].text) and \
                all(not t.text.strip() for t in lines[after + 1:]):
            # A scan whose position line was lost: only the signer's name closes the document.
            name, end = parse_name(lines[after].text), after + 1
        if not name:
            end = max(end, after)
    signer = signer_of(sig, name) if (sig or name) else None
    return SignatureBlock(signer=signer, recipients=recipients, start=block_start, end=max(end, after))


def read_sign_off(blocks: list[SignatureBlock]) -> SignOff:
    """Who signed and the Nơi nhận list, from a document's blocks: the first block with a named
    signer (else the first block) and the blocks right after it with nothing between (co-signers)."""
    if not blocks:
        return SignOff()
    first = next((k for k, b in enumerate(blocks) if b.signer and b.signer.name), 0)
    group = [blocks[first]]
    for block in blocks[first + 1:]:
        if block.start is None or group[-1].end is None or block.start > group[-1].end or not block.signer:
            break
        group.append(block)
    recipients = next((b.recipients for b in blocks if b.recipients), [])
    return SignOff(signers=[b.signer for b in group if b.signer], recipients=recipients)


def parse_signature(lines: list[Line]) -> SignatureBlock:
    """The document's (first) signature block with its Nơi nhận list; empty when there is none."""
    blocks = find_signature_blocks(lines)
    if not blocks:
        return SignatureBlock()
    sign_off = read_sign_off(blocks)
    return SignatureBlock(signer=sign_off.signer, recipients=sign_off.recipients, start=blocks[0].start,
                          end=blocks[0].end)

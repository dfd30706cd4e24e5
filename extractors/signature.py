"""Signature block and "Nơi nhận" list (Nghị định 30/2020/NĐ-CP, Phụ lục I).

At the foot of a document two columns sit side by side: on the left "Nơi nhận:"
with a dash list ending in "- Lưu: VT, …"; on the right the authority
("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the position ("PHÓ CHỦ TỊCH"), stamps,
and the signer's name. Plain-text copies put the columns one after the other
in either order, sometimes on one line. Neither column is node text.

A decision with an attached plan signs in the middle: the text goes on after
the block, so every block is returned with its line span.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from kehoach.extractors.header import doc_type_of_line
from kehoach.extractors.issuer_names import proper_case
from kehoach.extractors.letter_spacing import fix_letter_spacing, looks_letter_spaced
from kehoach.extractors.normalize import is_upper_line
from kehoach.schemas.layout import Line
from kehoach.schemas.models import Signer

_RECIPIENTS_RE = re.compile(r"^Nơi\s+nhận\s*(?::|$)\s*(?P<rest>.*)$", re.IGNORECASE)
# "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG", "T/M BAN THƯỜNG VỤ", "Q. GIÁM ĐỐC".
_AUTHORITY_RE = re.compile(
    r"^(?P<kind>TM|T/M|KT|K/T|TL|T/L|TUQ|Q|PP|P/P)\s*(?:(?:[./]?\s+|[./](?=[A-ZĐÀ-Ỹ]))(?P<rest>\S.*)|\.\s*$)")
_POSITION_RE = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|"
    r"CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|CHÁNH\s+THANH\s+TRA|BÍ\s+THƯ|TRƯỞNG\s+BAN|TRƯỞNG\s+PHÒNG|"
    r"CHỦ\s+NHIỆM|TỔ\s+TRƯỞNG|TRƯỞNG\s+ĐOÀN|CHI\s+CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|"
    r"THỦ\s+TRƯỞNG|TRƯỞNG\s+CÔNG\s+AN|CHỈ\s+HUY\s+TRƯỞNG|KIỂM\s+TOÁN\s+TRƯỞNG|TỔNG\s+BÍ\s+THƯ|CHỦ\s+TỊCH\s+NƯỚC)\b")
_POSITION_ANY_RE = re.compile(r"(?<!\w)" + _POSITION_RE.pattern[1:])
_POSITION_SEARCH_RE = re.compile(_POSITION_RE.pattern[1:])  # also glued to the word before: "QUỐC HỘICHỦ TỊCH"
_STAMP_RE = re.compile(r"^[\[(]?\s*(?:Đã\s+ký|đã\s+ký|Ký\s+tên|ký\s+tên|daky|Chữ\s+ký|Ký,\s*ghi)[^\n]*[\])]?$")
# "(Đã ký) Lê Thành Long": the stamp and the name on one line.
_STAMP_PREFIX_RE = re.compile(r"^[\[(]\s*(?:Đã|đã)\s+ký\s*[\])]\s*")
_ITEM_RE = re.compile(r"^[-–+•*]\s*")
_ITEM_SPLIT_RE = re.compile(r"(?:^|(?<=[;:,.]))\s*[-–•+]\s+")
_FILE_COPY_RE = re.compile(r"^[-–+•]?\s*Lưu\b")
_NAME_WORD_RE = re.compile(r"^[A-ZĐÀ-ỸÂĂÊÔƠƯ][a-zđà-ỹâăêôơư]+$")
_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|Chuẩn\s+đô\s+đốc|Phó\s+Đô\s+đốc|Đô\s+đốc|"
    r"(?:GS|PGS|TS|ThS|BS|KS|Ths|NGƯT|NGND|TTƯT)\.?(?:\s*,?\s*(?:GS|PGS|TS|ThS|BS|BSCKII|BSCKI)\.?)*)\s+")
NAME_MAX_WORDS = 6
BLOCK_LOOKBACK = 8  # signature lines written before "Nơi nhận" (right column first)


@dataclass
class SignatureBlock:
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    start: int | None = None  # index of the first line of the block; body lines end before it
    end: int | None = None  # index after the last line of the block
    skip: set[int] = field(default_factory=set)  # other line indexes that belong to the block


_GLUED_PREFIX_RE = re.compile(r"(?:TM|KT|TL|TUQ)\.\s")
_GLUED_STAMP_RE = re.compile(r"[\[(]\s*(?:Đã|đã)\s+ký\s*[\])]")


def split_glued_signature(text: str) -> list[str]:
    """A signature block the copy ran into one line, as its lines:
    "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc" →
    ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Hồ Đức Phớc"].
    Breaks go only where a prefix, position or stamp touches the caps word before it."""
    text = text.strip()
    cuts: set[int] = set()
    for regex in (_GLUED_PREFIX_RE, _POSITION_SEARCH_RE, _GLUED_STAMP_RE):
        for match in regex.finditer(text):
            at = match.start()
            if at > 0 and text[at - 1].isalpha() and text[at - 1].isupper():
                cuts.add(at)
    for match in _GLUED_STAMP_RE.finditer(text):
        if match.end() < len(text) and text[match.end()].isupper():
            cuts.add(match.end())  # "(Đã ký)Hồ Đức Phớc"
    if not cuts:
        return [text]
    bounds = [0, *sorted(cuts), len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _is_signature_line(text: str) -> bool:
    text = text.strip()
    if _AUTHORITY_RE.match(text) or _STAMP_RE.match(text):
        return True
    if not is_upper_line(text) or len(text.split()) > 10:
        return False
    fixed = fix_letter_spacing(text) if looks_letter_spaced(text) else text
    return bool(_POSITION_RE.match(fixed) or _AUTHORITY_RE.match(fixed))


def parse_name(text: str) -> str | None:
    """A signer's name: 2–6 capitalised words ("Nguyễn Hữu Tín", also "Ngu y ễn Hữu Tín");
    a rank or degree before it is dropped ("Thượng tướng Vũ Hải Sản" → "Vũ Hải Sản")."""
    text = _TITLE_PREFIX_RE.sub("", " ".join(text.strip().split()))
    if not all(_NAME_WORD_RE.match(w) for w in text.split()):
        text = fix_letter_spacing(text)
    words = text.split()
    if not 2 <= len(words) <= NAME_MAX_WORDS:
        return None
    return text if all(_NAME_WORD_RE.match(w) for w in words) else None


def split_caps_and_name(text: str) -> tuple[str, str | None]:
    """ "THỦ TƯỚNG Phạm Minh Chính" → ("THỦ TƯỚNG", "Phạm Minh Chính")."""
    words = text.split()
    for i, word in enumerate(words):
        if any(ch.islower() for ch in word):
            caps = " ".join(words[:i])
            name = parse_name(" ".join(words[i:])) if i and is_upper_line(caps) else None
            if name:
                return caps, name
            break
    return text, None


def _segments(sig_lines: list[str]) -> list[str]:
    """The caps lines of a block regrouped into authority and position lines.

    A line opens a segment when it starts with an authority prefix or a known
    position ("PHÓ …" included); any other line continues the one above, as
    does every line after a comma: "TM. ỦY BAN NHÂN⏎DÂN", "KT. BỘ TRƯỞNG,⏎CHỦ NHIỆM",
    "KT. TRƯỞNG THUẾ⏎TỈNH⏎PHÓ TRƯỞNG THUẾ TỈNH".
    """
    segments: list[str] = []
    for line in sig_lines:
        for part in re.split(r"(?=\b(?:TM|T/M|KT|TL|TUQ|PP)\s*[./]\s)", line.strip()):
            part = part.strip()
            if not part or _STAMP_RE.match(part):
                continue
            opens = _AUTHORITY_RE.match(part) or _POSITION_RE.match(part) or part.split()[0] == "PHÓ"
            # "KT.⏎CHỦ TỊCH", "PHÓ⏎TRƯỞNG BAN": a bare prefix is completed by the next line.
            bare = bool(segments) and re.fullmatch(r"(?:TM|T/M|KT|K/T|TL|T/L|TUQ|Q|PP|P/P)[./]?|PHÓ", segments[-1])
            if segments and (segments[-1].endswith(",") or bare or not opens):
                segments[-1] = f"{segments[-1]} {part}"
            else:
                segments.append(part)
    return segments


def _signer(sig_lines: list[str], name: str | None) -> Signer | None:
    authority = None
    positions: list[str] = []
    caps = " ".join(sig_lines)
    if looks_letter_spaced(caps):
        # Splinters cross line ends: repair the joined text, then re-split at each authority prefix.
        caps = fix_letter_spacing(caps)
        parts = [p.strip() for p in re.split(r"(?=\b(?:TM|T/M|KT|TL|TUQ|PP)\s*[./]\s)", caps) if p.strip()]
    else:
        parts = _segments(sig_lines)
    for part in parts:
        if _STAMP_RE.match(part):
            continue
        match = _AUTHORITY_RE.match(part)
        if match:
            rest = (match.group("rest") or "").rstrip(",")
            pos = _POSITION_ANY_RE.search(rest, 1) if rest else None
            # "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" on one line: the second position is the signer's own
            # (not after a comma: "BỘ TRƯỞNG, CHỦ NHIỆM" is one title).
            if pos and not rest[: pos.start()].rstrip().endswith(","):
                body, own = rest[: pos.start()].strip(), rest[pos.start():].strip()
            else:
                body, own = rest, None
            label = f"{match.group('kind').replace('/', '')}. {proper_case(body)}"
            authority = f"{authority}, {label}" if authority else label
            if own:
                positions.append(own)
        else:
            positions.append(part)
    position = proper_case(_own_position(positions)) if positions else None
    if not (name or authority or position):
        return None
    return Signer(name=name, position=position or None, authority=authority)


def _own_position(positions: list[str]) -> str:
    """The signer's position: the last one, unless it is a second title of another office
    ("TRƯỞNG BAN⏎PHÓ THỦ TƯỚNG" → "TRƯỞNG BAN"); a deputy of the office above stays
    ("TRƯỞNG BAN NGHIỆP VỤ⏎PHÓ TRƯỞNG BAN" → "PHÓ TRƯỞNG BAN")."""
    last = " ".join(positions[-1].split())
    if len(positions) >= 2 and last.startswith("PHÓ ") and _POSITION_RE.match(positions[-2]):
        office = last[4:].split()[:2]
        if " ".join(office) not in " ".join(positions[-2].split()):
            return " ".join(positions[-2].split())
    return last


def _scan_signature(lines: list[Line], i: int, stop: int, *, open_start: bool = False
                    ) -> tuple[list[str], str | None, int]:
    """Signature lines and name from ``i``; returns (caps lines, name, index after).

    ``open_start``: right after a Nơi nhận list any short caps line is a position
    ("TỔNG KIỂM TOÁN NHÀ NƯỚC"), not only the known ones.
    """
    sig: list[str] = []
    name = None
    while i < stop:
        text = lines[i].text.strip()
        pieces = split_glued_signature(text) if (sig or _AUTHORITY_RE.match(text) or is_upper_line(text)) else [text]
        if len(pieces) > 1 and (sig or _is_signature_line(pieces[0])):
            inner, inner_name, _ = _scan_signature([Line(text=p) for p in pieces], 0, len(pieces))
            if inner:
                sig.extend(inner)
                name = inner_name
                i += 1
                if name:
                    break
                continue
        stamp = _STAMP_PREFIX_RE.match(text)
        if stamp and parse_name(text[stamp.end():]):
            name = parse_name(text[stamp.end():])
            sig.append(text[: stamp.end()].strip())
            i += 1
            break
        if open_start and not sig and is_upper_line(text) and len(text.split()) <= 8 \
                and not doc_type_of_line(text) and not _RECIPIENTS_RE.match(text):
            sig.append(text)
            i += 1
            continue
        caps, inline_name = split_caps_and_name(text)
        if inline_name and (sig or _is_signature_line(caps)):
            sig.append(caps)  # "THỦ TƯỚNG Phạm Minh Chính" on one line
            name = inline_name
            i += 1
            break
        if _is_signature_line(text):
            sig.append(text)
            i += 1
            continue
        if sig and is_upper_line(text) and len(text.split()) <= 6 and not _RECIPIENTS_RE.match(text) \
                and not doc_type_of_line(text):
            sig.append(text)  # "TM. ỦY BAN NHÂN⏎DÂN": a wrapped authority line
            i += 1
            continue
        if sig:
            candidate = parse_name(text)
            if not candidate and i + 1 < stop and len(text.split()) <= 2:
                candidate = parse_name(f"{text} {lines[i + 1].text}")  # "Bùi⏎Xuân Cường"
                if candidate:
                    i += 1
            if candidate:
                name = candidate
                i += 1
                # "Lê Hải⏎Hòa": the last syllable wrapped onto a line of its own.
                if i < stop and len(candidate.split()) < NAME_MAX_WORDS and \
                        _NAME_WORD_RE.match(lines[i].text.strip()):
                    name = f"{candidate} {lines[i].text.strip()}"
                    i += 1
        break
    return sig, name, i


def _recipients(lines: list[Line], i: int, stop: int, first: str) -> tuple[list[str], int]:
    """The dash list after "Nơi nhận:"; returns (items, index after the list)."""
    items: list[str] = []
    after_file_copy = False

    def add(text: str) -> None:
        nonlocal after_file_copy
        for piece in _ITEM_SPLIT_RE.split(text):
            piece = piece.strip()
            if not piece:
                continue
            if _ITEM_RE.match(text) or not items or _ITEM_SPLIT_RE.search(text):
                items.append(piece)
            else:
                items[-1] = f"{items[-1]} {piece}"
            after_file_copy = after_file_copy or bool(_FILE_COPY_RE.match(piece))

    if first:
        add(first if first.lstrip().startswith(("-", "–", "+", "•")) else "- " + first)
    while i < stop:
        text = lines[i].text.strip()
        if _is_signature_line(text) or _RECIPIENTS_RE.match(text):
            break
        if _ITEM_RE.match(text) and not (after_file_copy and not _FILE_COPY_RE.match(text)):
            if after_file_copy and not text[1:].strip():
                break
            items.append(_ITEM_RE.sub("", text).strip())
            after_file_copy = after_file_copy or bool(_FILE_COPY_RE.match(text))
            i += 1
            continue
        if not items:
            break
        last = items[-1]
        continues = text[:1].islower() or not last.endswith((";", ".")) or after_file_copy and (
            re.search(r"[\d()]", text) or text[:1].islower())
        if continues and not parse_name(text) and not (after_file_copy and is_upper_line(text)):
            items[-1] = f"{last} {text}".strip()
            i += 1
            continue
        if after_file_copy and re.search(r"[\d()]", text) and not parse_name(text):
            items[-1] = f"{last} {text}".strip()  # "Huy (23 bản)": the clerk's initials and copies
            i += 1
            continue
        break
    cleaned = [re.sub(r"\s+", " ", item).strip(" ;,") for item in items]
    return [item for item in cleaned if item and not item.startswith("-")], i


def find_signature_blocks(lines: list[Line], start: int = 0) -> list[SignatureBlock]:
    """Every signature / Nơi nhận block in ``lines[start:]``, in order."""
    blocks: list[SignatureBlock] = []
    i = start
    n = len(lines)
    while i < n:
        text = lines[i].text.strip()
        match = _RECIPIENTS_RE.match(text)
        if match:
            block = _block_at_recipients(lines, i, match.group("rest"), start if not blocks else blocks[-1].end)
            blocks.append(block)
            i = block.end
            continue
        if _AUTHORITY_RE.match(text) or ((_is_signature_line(text) or _STAMP_PREFIX_RE.match(text))
                                         and _ends_document(lines, i)):
            sig, name, end = _scan_signature(lines, i, n)
            # A copy whose stamp stands for the name ("CHỦ TỊCH⏎(Đã ký)") at the end of the text:
            # the block is kept with the authority and position it states.
            if name or sig and _is_signature_line(sig[0]) and all(not t.text.strip() for t in lines[end:]):
                block = SignatureBlock(signer=_signer(sig, name), start=i, end=end)
                # "Nơi nhận" written after the signature: part of the same block.
                if end < n and _RECIPIENTS_RE.match(lines[end].text.strip()):
                    rest = _RECIPIENTS_RE.match(lines[end].text.strip()).group("rest")
                    block.recipients, block.end = _recipients(lines, end + 1, n, rest)
                blocks.append(block)
                i = block.end
                continue
        i += 1
    return blocks


def _ends_document(lines: list[Line], i: int) -> bool:
    """A bare position line ("THỦ TƯỚNG") counts only within the last few lines or before Nơi nhận."""
    tail = lines[i + 1: i + 4]
    return len(lines) - i <= 4 or any(_RECIPIENTS_RE.match(t.text.strip()) for t in tail)


def _block_at_recipients(lines: list[Line], at: int, first: str, floor: int | None) -> SignatureBlock:
    n = len(lines)
    recipients, after = _recipients(lines, at + 1, n, first)
    sig, name, end = _scan_signature(lines, after, n, open_start=True)
    block_start = at
    if not name:
        # The signature may come first (right column read before the left one).
        back = at - 1
        lowest = max(floor or 0, at - BLOCK_LOOKBACK)
        if back >= lowest and parse_name(lines[back].text):
            first_sig = back
            while first_sig - 1 >= lowest and _is_signature_line(lines[first_sig - 1].text):
                first_sig -= 1
            if first_sig < back:
                sig = [lines[k].text.strip() for k in range(first_sig, back)]
                name = parse_name(lines[back].text)
                block_start, end = first_sig, after
        elif back >= lowest:
            caps, inline = split_caps_and_name(lines[back].text.strip())
            if inline and _is_signature_line(caps):
                first_sig = back
                while first_sig - 1 >= lowest and _is_signature_line(lines[first_sig - 1].text):
                    first_sig -= 1
                sig = [lines[k].text.strip() for k in range(first_sig, back)] + [caps]
                name, block_start, end = inline, first_sig, after
        if not name and not sig and after < n and parse_name(lines[after].text) and \
                all(not t.text.strip() for t in lines[after + 1:]):
            # A scan whose position line was lost: only the signer's name closes the document.
            name, end = parse_name(lines[after].text), after + 1
        if not name:
            end = max(end, after)
    signer = _signer(sig, name) if (sig or name) else None
    return SignatureBlock(signer=signer, recipients=recipients, start=block_start, end=max(end, after))


def parse_signature(lines: list[Line]) -> SignatureBlock:
    """The document's (first) signature block with its Nơi nhận list; empty when there is none."""
    blocks = find_signature_blocks(lines)
    if not blocks:
        return SignatureBlock()
    signed = next((b for b in blocks if b.signer and b.signer.name), blocks[0])
    recipients = next((b.recipients for b in blocks if b.recipients), [])
    return SignatureBlock(signer=signed.signer, recipients=recipients, start=blocks[0].start, end=blocks[0].end)

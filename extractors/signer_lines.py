"""The lines of a signature block: authority, position, stamp and the signer's name.

"TM. ỦY BAN NHÂN DÂN" (the authority: thay mặt, ký thay, thừa lệnh …), "KT. CHỦ TỊCH",
"PHÓ CHỦ TỊCH" (the position, from ``data/positions.json``), "(Đã ký)" (the stamp of a
copy), then the name ("Nguyễn Hữu Tín"). A position line is never the name.
"""

from __future__ import annotations

import itertools
import re

from kehoach.extractors import lexicon
from kehoach.extractors.fold import compare_key
from kehoach.extractors.issuer_names import proper_case
from kehoach.extractors.letter_spacing import fix_letter_spacing, looks_letter_spaced
from kehoach.extractors.normalize import is_upper_line
from kehoach.schemas.models import Signer

# "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG", "T/M BAN THƯỜNG VỤ", "Q. GIÁM ĐỐC".
AUTHORITY_RE = re.compile(
    r"^(?P<kind>TM|T/M|KT|K/T|TL|T/L|TUQ|Q|PP|P/P)\s*(?:(?:[./]?\s+|[./](?=[A-ZĐÀ-Ỹ]))(?P<rest>\S.*)|\.\s*$)")
_POSITIONS = "|".join(r"\s+".join(p.caps.split()) for p in lexicon.positions())
# "PHÓ CHỦ TỊCH", "GIÁM ĐỐC SỞ TÀI CHÍNH": a position, possibly deputy, possibly with its office after it.
POSITION_RE = re.compile(rf"^(?:PHÓ\s+)?(?:{_POSITIONS})\b")
_POSITION_ANY_RE = re.compile(rf"(?<!\w)(?:PHÓ\s+)?(?:{_POSITIONS})\b")
_POSITION_SEARCH_RE = re.compile(rf"(?:PHÓ\s+)?(?:{_POSITIONS})\b")  # also glued to the word before: "QUỐC HỘICHỦ TỊCH"
_POSITION_KEYS = {compare_key(p.name) for p in lexicon.positions()}
STAMP_RE = re.compile(r"^[\[(]?\s*(?:Đã\s+ký|đã\s+ký|Ký\s+tên|ký\s+tên|daky|Chữ\s+ký|Ký,\s*ghi)[^\n]*[\])]?$")
# "(Đã ký) Lê Thành Long": the stamp and the name on one line.
STAMP_PREFIX_RE = re.compile(r"^[\[(]\s*(?:Đã|đã)\s+ký\s*[\])]\s*")
NAME_WORD_RE = re.compile(r"^[A-ZĐÀ-ỸÂĂÊÔƠƯ][a-zđà-ỹâăêôơư]+$")
_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|Chuẩn\s+đô\s+đốc|Phó\s+Đô\s+đốc|Đô\s+đốc|"
    r"(?:GS|PGS|TS|ThS|BS|KS|Ths|NGƯT|NGND|TTƯT)\.?(?:\s*,?\s*(?:GS|PGS|TS|ThS|BS|BSCKII|BSCKI)\.?)*)\s+")
NAME_MAX_WORDS = 6
# Quotes, colons and marks OCR leaves around a name under a seal: "“Đặng Văn Minh", "Trần Ngọc Căng :".
# Only marks apart from the name go: "hội;" ends a list item, not a name.
_NAME_EDGE_RE = re.compile(r"^[\"'“”‘’«»]+|\s+[^\w\s]+$")

_GLUED_PREFIX_RE = re.compile(r"(?:TM|KT|TL|TUQ)\.\s")
_GLUED_STAMP_RE = re.compile(r"[\[(]\s*(?:Đã|đã)\s+ký\s*[\])]")
# Marks OCR puts before a caps line under a seal: "<=—— CHỦ TỊCH".
_LEADING_MARKS_RE = re.compile(r"^[^\w(\[]+")
_CELL_SPLIT_RE = re.compile(r"\s*(?<!\S)\|(?!\S)\s*")  # a table separator, not a stroke OCR read as "|"


def table_cells(text: str) -> list[str]:
    """The cells of a row a copy left as a table: "| - Như trên; | CHỦ TỊCH |" → ["- Như trên;", "CHỦ TỊCH"];
    empty cells kept in place ("| | Nguyễn Văn An |" → ["", "Nguyễn Văn An"])."""
    cells = _CELL_SPLIT_RE.split(text.strip())
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1] and text.rstrip().endswith("|"):
        cells = cells[:-1]
    return [c.strip() for c in cells]


def split_glued_signature(text: str) -> list[str]:
    """A signature block the copy ran into one line, as its lines:
    "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc" →
    ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Hồ Đức Phớc"].
    Breaks go where a table separator stands ("| CHỦ TỊCH | Nguyễn Văn A |") and where a prefix,
    position or stamp touches the caps word before it."""
    cells = [cell for cell in _CELL_SPLIT_RE.split(text) if cell.strip()]
    if len(cells) > 1 or cells and cells[0].strip() != text.strip():
        return [piece for cell in cells for piece in split_glued_signature(cell)]
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


def is_signature_line(text: str) -> bool:
    text = text.strip()
    if AUTHORITY_RE.match(text) or STAMP_RE.match(text):
        return True
    if not is_upper_line(text) or len(text.split()) > 10:
        return False
    fixed = fix_letter_spacing(text) if looks_letter_spaced(text) else text
    return bool(POSITION_RE.match(fixed) or AUTHORITY_RE.match(fixed))


def is_position(text: str) -> bool:
    """ "Thứ Trưởng", "PHÓ CHỦ TỊCH", "Giám đốc Sở Y tế": the text starts with a position."""
    key = re.sub(r"^phó\s+", "", compare_key(text))
    return any(key == k or key.startswith(k + " ") for k in _POSITION_KEYS)


def parse_name(text: str) -> str | None:
    """A signer's name: 2–6 capitalised words ("Nguyễn Hữu Tín", also "Ngu y ễn Hữu Tín");
    a rank or degree before it is dropped ("Thượng tướng Vũ Hải Sản" → "Vũ Hải Sản"), marks OCR
    leaves around it too ("“Đặng Văn Minh"); a position ("Thứ Trưởng") is no name."""
    text = _TITLE_PREFIX_RE.sub("", _NAME_EDGE_RE.sub("", " ".join(text.strip().split())))
    if is_position(text):
        return None
    if not all(NAME_WORD_RE.match(w) for w in text.split()):
        text = fix_letter_spacing(text)
    words = text.split()
    if not 2 <= len(words) <= NAME_MAX_WORDS:
        return None
    return text if all(NAME_WORD_RE.match(w) for w in words) else None


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
        line = _LEADING_MARKS_RE.sub("", line.strip())
        for part in re.split(r"(?=\b(?:TM|T/M|KT|TL|TUQ|PP)\s*[./]\s)", line):
            part = part.strip()
            if not part or STAMP_RE.match(part):
                continue
            opens = AUTHORITY_RE.match(part) or POSITION_RE.match(part) or part.split()[0] == "PHÓ" or (
                not is_upper_line(part) and is_position(part))
            # "KT.⏎CHỦ TỊCH", "PHÓ⏎TRƯỞNG BAN": a bare prefix is completed by the next line.
            bare = bool(segments) and re.fullmatch(r"(?:TM|T/M|KT|K/T|TL|T/L|TUQ|Q|PP|P/P)[./]?|PHÓ", segments[-1])
            if segments and (segments[-1].endswith(",") or bare or not opens):
                segments[-1] = f"{segments[-1]} {part}"
            else:
                segments.append(part)
    return segments


def signer_of(sig_lines: list[str], name: str | None) -> Signer | None:
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
        if STAMP_RE.match(part):
            continue
        match = AUTHORITY_RE.match(part)
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
    if len(positions) >= 2 and last.startswith("PHÓ ") and POSITION_RE.match(positions[-2]):
        office = last[4:].split()[:2]
        if " ".join(office) not in " ".join(positions[-2].split()):
            return " ".join(positions[-2].split())
    return last

"""Header block parser: issuer, số/ký hiệu, place, date, document type, title.

Placeholder of the foundation issue: finds the type word line and the "Số:" line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.schemas.layout import Line
from kehoach.schemas.models import Metadata

DOC_TYPE_WORDS = {
    "KẾ HOẠCH": "Kế hoạch",
    "CHỈ THỊ": "Chỉ thị",
    "QUYẾT ĐỊNH": "Quyết định",
    "CHƯƠNG TRÌNH": "Chương trình",
    "CÔNG VĂN": "Công văn",
    "NGHỊ QUYẾT": "Nghị quyết",
    "THÔNG BÁO": "Thông báo",
    "HƯỚNG DẪN": "Hướng dẫn",
    "BÁO CÁO": "Báo cáo",
    "KẾT LUẬN": "Kết luận",
    "QUY ĐỊNH": "Quy định",
    "THÔNG TƯ": "Thông tư",
    "NGHỊ ĐỊNH": "Nghị định",
    "TỜ TRÌNH": "Tờ trình",
    "ĐỀ ÁN": "Đề án",
    "PHƯƠNG ÁN": "Phương án",
}
_TYPE_LINE_RE = re.compile(r"^(" + "|".join(DOC_TYPE_WORDS) + r")\b")
_NUMBER_RE = re.compile(r"^Số\s*:?\s*(?P<value>[^\n]*)$", re.IGNORECASE)


@dataclass
class Header:
    metadata: Metadata = field(default_factory=Metadata)
    title_start: int | None = None  # index of the type-word line
    body_start: int = 0  # index of the first line after the title block


def parse_header(lines: list[Line]) -> Header:
    """Read the header block at the top of ``lines``."""
    header = Header()
    for i, line in enumerate(lines[:40]):
        match = _TYPE_LINE_RE.match(line.text)
        if match:
            header.metadata.doc_type = DOC_TYPE_WORDS[match.group(1)]
            header.title_start = i
            header.body_start = i + 1
            break
    return header

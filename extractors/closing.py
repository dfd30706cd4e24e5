"""Where a text's closing begins: "Trên đây là Kế hoạch …", a letter's last sentence, a final request.

The closing pseudo-node (corpus README) holds what follows the last numbered node: the
standard closing sentence, a request that speaks of the whole text, the reporting route.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kehoach.extractors import lexicon
from kehoach.extractors.markers import BULLET_RE, parse_marker
from kehoach.schemas.layout import Paragraph

# The standard last sentence of a letter (Công văn): "Cục Thuế trả lời để Công ty biết./.",
# "Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.".
LETTER_CLOSING_RE = re.compile(
    r"^[^.;:]{0,120}?\b(?:trả\s+lời|thông\s+báo|phúc\s+đáp|hướng\s+dẫn|có\s+ý\s+kiến)\s+(?:để|cho)\s+"
    r"[^.;]{0,200}?\bbiết\b")
LETTER_CLOSING_MAX_CHARS = 400
# A request opening a paragraph: "Đề nghị Thuế tỉnh …", "Yêu cầu các đơn vị …", "Giao …".
REQUEST_START_RE = re.compile(r"^(?:Kính\s+)?(?:Đề\s+nghị|Yêu\s+cầu|Giao)\s+\S")
MAX_LETTER_REQUESTS = 3  # request paragraphs a letter's closing may take back from its body


CLOSING_RE = re.compile(
    r"^(?:Trên\s+đây\b|(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Thông\s+tư|Quy\s+định)\s+này\s+có\s+hiệu\s+lực)")
# A request or a reporting route that speaks of the whole text, once the items are done:
# "Đề nghị Công ty nghiên cứu các văn bản dẫn trên …", "Yêu cầu Giám đốc các sở … thực hiện nghiêm
# túc Chỉ thị này./.", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, …". It closes the text
# only when the run up to the next marker ends the text ("./."). "Theo đề nghị của Bộ X, …" names the
# proposal the text answers, not a request of its own.
REQUEST_CLOSING_RE = re.compile(
    r"^(?:[^.;:]{0,80}?\s)?(?<![Tt]heo\s)(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\b.*?(?:\b(?:nêu|dẫn|kể)\s+trên|\btrên\s+đây"
    r"|\b(?:Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Thông\s+báo|Chương\s+trình|[Vv]ăn\s+bản)\s+này)"
    r"|^Trong\s+quá\s+trình\s+(?:triển\s+khai\s+)?(?:tổ\s+chức\s+)?thực\s+hiện\b.{0,120}?\bnếu\s+có\b",
    re.DOTALL)
_TEXT_END_RE = re.compile(r"\./\.\s*$")
# The text speaking of itself: "Chỉ thị này", "Kế hoạch này" (the type words of the lexicon).
_THIS_TEXT_RE = re.compile(
    rf"(?<![\w])(?:{lexicon.alternation(lexicon.type_words())})\s+này(?![\w])", re.IGNORECASE)


def starts_closing(para: Paragraph, previous: str | None, following: Sequence[Paragraph] = (), *,
                   in_article: bool = False) -> bool:
    """Whether ``para`` (no marker) opens the closing.

    Args:
        para: the paragraph.
        previous: the last paragraph of the open numbered node, None outside any node.
        following: the paragraphs after ``para``.
        in_article: an article ("Điều 3") is open; its own text may end the document ("… chịu trách
            nhiệm thi hành Quyết định này./.").
    """
    text = para.text
    if CLOSING_RE.match(text):
        return True
    if len(text) <= LETTER_CLOSING_MAX_CHARS and LETTER_CLOSING_RE.match(text):
        return True
    if REQUEST_START_RE.match(text) and _TEXT_END_RE.search(text):
        return True  # "Yêu cầu các sở, ban, ngành … thực hiện nghiêm túc./.": the last request
    if REQUEST_CLOSING_RE.match(text):
        # it ends the text: no marker follows before the final "./."
        for later in [para, *following]:
            if later is not para and parse_marker(later.text):
                return False
            if _TEXT_END_RE.search(later.text) or later is not para and LETTER_CLOSING_RE.match(later.text):
                return True
        return False
    # The last paragraph, of the whole text: "Căn cứ Chỉ thị này, Thủ trưởng các sở … xây dựng kế hoạch …,
    # báo cáo kết quả thực hiện về UBND tỉnh theo đúng quy định./." after the last item's text.
    ends_text = bool(_TEXT_END_RE.search(text)) or not following  # OCR often loses the "/." of "./."
    if previous is not None and not in_article and ends_text and _THIS_TEXT_RE.search(text):
        return True
    # A plain paragraph ending the text ("…chỉ đạo./.") after a bullet list.
    if text.rstrip().endswith("./.") and not BULLET_RE.match(text) and previous is not None:
        return bool(BULLET_RE.match(previous))
    return False

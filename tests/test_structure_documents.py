"""Whole documents through the pipeline's structure stage: the title block of a letter, attachments after the
signature. One row per layout, ASCII ids."""

from __future__ import annotations

import pytest

from kehoach.pipeline.api import extract_string

LETTER = ("VĂN PHÒNG CHÍNH PHỦ\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 11306/VPCP-NN\nV/v\nđề xuất giải pháp triển khai Nghị định\n136/2025/NĐ-CP\n"
          "Hà Nội, ngày 18 tháng 11 năm 2025\nKính gửi: Bộ Nông nghiệp và Môi trường.\n"
          "Phó Thủ tướng Trần Hồng Hà có ý kiến như sau:\nGiao Bộ Nông nghiệp và Môi trường nghiên cứu.\n"
          "Văn phòng Chính phủ thông báo để Bộ Nông nghiệp và Môi trường biết, thực hiện./.\n"
          "Nơi nhận:\n- Như trên;\n- Lưu: VT, NN.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường\n")
PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Triển khai Nghị định số 136/2025/NĐ-CP\nI. MỤC ĐÍCH\n1. Quán triệt.\n")


# fmt: off
TITLE_CASES = [
    # (document, the title node's text, its citations)
    pytest.param(LETTER, "đề xuất giải pháp triển khai Nghị định 136/2025/NĐ-CP", ["136/2025/NĐ-CP"],
                 id="letter-subject-is-the-title"),
    pytest.param(PLAN, "Triển khai Nghị định số 136/2025/NĐ-CP", ["136/2025/NĐ-CP"], id="type-line-title-block"),
]
# fmt: on


@pytest.mark.parametrize("text,title,refs", TITLE_CASES)
def test_title_node(text, title, refs):
    plan = extract_string(text)
    (node,) = [n for n in plan.nodes if n.id == "title"]
    assert " ".join(node.text.split()) == title
    assert [c.ref for c in plan.citations if c.node == "title"] == refs

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


DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 2020/QĐ-UBND\nLào Cai, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc công bố Danh mục thủ tục hành chính\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính.\n"
            "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này./.\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNgô Hạnh Phúc\n")
ROWS = ("STT\nMã số TTHC\nTên thủ tục hành chính\nThời hạn giải quyết\nCăn cứ pháp lý\n"
        "1\n1.014390\nThay đổi, bổ sung, cấp lại\ngiấy chứng nhận đăng ký\nMười (10) ngày làm việc\n"
        "- Thông tư số 10/2025/TT-\nBKHCN ngày 27/6/2025 của Bộ trưởng Bộ Khoa học và Công nghệ.\n"
        "2\n1.014391\nCấp Giấy chứng nhận văn phòng đại diện\nMười (10) ngày làm việc\n"
        "- Thông tư số 10/2025/TT-BKHCN ngày 27/6/2025.\n"
        "__Ghi chú:__\n- Những bộ phận còn lại được tích hợp với Quyết định số\n3659/QĐ-BKHCN ngày 13 tháng 11 năm 2025.\n")


# fmt: off
ATTACHMENT_CASES = [
    # (document, numbered nodes, (node, ref) mentions outside the preamble)
    # A list attached after the signature under its own "DANH MỤC" title: the title block (its wrapped "(Kèm theo
    # …)" line too) is the title; the rows are top-level nodes; the note after the last row is that row's.
    pytest.param(DECISION + "DANH MỤC\nTHỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG TRONG LĨNH VỰC KHOA HỌC\n"
                 "(Kèm theo Quyết định số 2020/QĐ-UBND ngày 20 tháng 11 năm 2025 của Chủ tịch\n"
                 "Ủy ban nhân dân tỉnh Lào Cai)\n" + ROWS,
                 ["Điều 1", "Điều 2", "1", "2"],
                 [("1", "10/2025/TT-BKHCN"), ("2", "10/2025/TT-BKHCN"), ("2", "3659/QĐ-BKHCN")],
                 id="danh-muc-rows-top-level"),
    # Under "PHỤ LỤC" the rows are the appendix's children; its garbled own number is no citation.
    pytest.param(DECISION.replace("2020/QĐ-UBND", "103/2025/QĐ-UBND") + "PHỤ LỤC\nTỔNG HỢP CÁC THỦ TỤC\n"
                 "(Ban hành kèm theo Quyết định số 10325/QĐ-UBND)\n" + ROWS,
                 ["Điều 1", "Điều 2", "Phụ lục", "Phụ lục.1", "Phụ lục.2"],
                 [("Phụ lục.1", "10/2025/TT-BKHCN"), ("Phụ lục.2", "10/2025/TT-BKHCN"), ("Phụ lục.2", "3659/QĐ-BKHCN")],
                 id="phu-luc-data-table"),
    # The same rows in the body of the decision stay text: no appendix over them.
    pytest.param(DECISION.replace("Điều 2. Chánh", ROWS + "Điều 2. Chánh"), ["Điều 1", "Điều 2"],
                 [("Điều 1", "10/2025/TT-BKHCN"), ("Điều 1", "3659/QĐ-BKHCN")], id="table-in-the-body-stays-text"),
]
# fmt: on


@pytest.mark.parametrize("text,node_ids,mentions", ATTACHMENT_CASES)
def test_attached_table_rows(text, node_ids, mentions):
    plan = extract_string(text)
    assert [n.id for n in plan.nodes if n.kind != "pseudo"] == node_ids
    assert sorted({(c.node, c.ref) for c in plan.citations if c.node != "preamble"}) == mentions
    rows = [n for n in plan.nodes if n.id in ("1", "2", "Phụ lục.1", "Phụ lục.2")]
    assert all(not n.task for n in rows)
    assert not [a for a in plan.assignments if a.node in {n.id for n in rows}]


def test_attached_title_keeps_its_wrapped_attachment_line():
    plan = extract_string(DECISION + "DANH MỤC\nTHỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI\n(Kèm theo Quyết định số 2020/QĐ-UBND"
                          " của Chủ tịch\nỦy ban nhân dân tỉnh Lào Cai)\n" + ROWS)
    (title,) = [n for n in plan.nodes if n.id == "title"]
    assert "Ủy ban nhân dân tỉnh Lào Cai)" in title.text and "DANH MỤC" in title.text
    assert "STT" not in title.text

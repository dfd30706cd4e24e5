"""Delegation and decentralisation: "Ủy quyền cho X …", "Phân cấp cho X …", "<body> phân cấp … cho X", and "X quyết
định …" in an article that confers powers; the delegate leads. Negatives: a power a regulation describes, the
matter of a proposal.
"""

from __future__ import annotations

import pytest

from tests.factories import article_roles

# fmt: off
DELEGATION_CASES = [
    # tests/gold 62 (0a5a51958af8e293), 27009faffc98b8aa: the article hands its powers to the delegate.
    pytest.param("Ủy quyền cho Chánh Văn phòng Ủy ban nhân dân tỉnh công bố thủ tục hành chính trên địa bàn tỉnh",
                 "Thời hạn ủy quyền: Từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2030.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead")], id="delegation-in-the-article-title"),
    pytest.param("Tổ chức thực hiện", "Ủy quyền Giám đốc Sở Nông nghiệp và Môi trường thực hiện nhiệm vụ trong lĩnh vực "
                 "quản lý chất lượng nông lâm sản và thủy sản, cụ thể:",
                 [("Giám đốc Sở Nông nghiệp và Môi trường", "lead")], id="delegation-without-cho"),
    # tests/gold 62 Điều 2: the bodies the delegate answers to are not assignees.
    pytest.param("Trách nhiệm", "Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm trước Ủy ban nhân dân tỉnh, Chủ tịch Ủy "
                 "ban nhân dân tỉnh và trước pháp luật về việc thực hiện nhiệm vụ được ủy quyền nêu trên.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead")], id="answers-to-are-not-assignees"),
    # 322358d6040a153b: a power a regulation describes, inside its sentence.
    pytest.param("Nhiệm vụ của Trưởng Ban", "Triệu tập, chủ trì hoặc ủy quyền cho Phó Trưởng Ban Chỉ đạo chủ trì các cuộc "
                 "họp thường kỳ, bất thường.", [("Trưởng Ban", "lead")], id="neg-delegation-inside-a-regulation"),
    # tests/gold 51 (296e373d796986f4): "việc giao X" is the matter of a proposal, not work the document hands out.
    pytest.param("Kiến nghị của tỉnh", "Tỉnh chủ động làm việc với Bộ Xây dựng về việc giao Ủy ban nhân dân tỉnh Điện Biên là "
                 "cơ quan chủ quản dự án theo quy định.", [], id="neg-viec-giao-is-a-proposal"),
    # 90cfa0f24fcb05de
    pytest.param("Nội dung", "Xét Tờ trình số 123/TTr-UBND của Ủy ban nhân dân Thành phố về việc đề nghị Hội đồng nhân dân "
                 "Thành phố ban hành Nghị quyết.", [], id="neg-ve-viec-de-nghi-names-a-paper"),
]
# fmt: on


@pytest.mark.parametrize("heading,text,expected", DELEGATION_CASES)
def test_delegation(heading, text, expected):
    assert article_roles(text, heading) == expected

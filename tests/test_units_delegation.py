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
    # tests/gold 54 (1cde9b907469c65b), 208bf7c0b7e8f27c: a body hands a power down "cho X".
    pytest.param("Nội dung phân cấp", "Ủy ban nhân dân tỉnh phân cấp thẩm quyền cho Sở Tư pháp tỉnh Đồng Nai có ý kiến và ký "
                 "văn bản đồng ý việc cho con nuôi nước ngoài.", [("Sở Tư pháp tỉnh Đồng Nai", "lead")],
                 id="body-phan-cap-cho-x"),
    # tests/gold 76 (7bcbaa914bb254d9) Điều 2.1: the power's description runs over ";" before "cho X"; the assets
    # "đã giao X quản lý" were handed over before, which is no request.
    pytest.param("Phân cấp thẩm quyền quyết định thanh lý tài sản", "Ủy ban nhân dân thành phố phân cấp thẩm quyền\nquyết "
                 "định thanh lý tài sản kết cấu hạ tầng cấp nước sạch nông thôn tập trung;\nxử lý tài sản trong trường hợp "
                 "bị mất, bị hủy hoại cho Ủy ban nhân dân cấp xã đối với tài sản đã giao Ủy ban nhân dân cấp xã quản lý.",
                 [("Ủy ban nhân dân cấp xã", "lead")], id="phan-cap-cho-x-after-a-long-object"),
    # 1cde9b907469c65b, ef57df9384270c6e: the sentence opens with the delegation.
    pytest.param("Chủ sở hữu công trình thoát nước", "Phân cấp cho Ủy ban nhân dân các phường thực hiện nhiệm vụ, quyền hạn "
                 "của chủ sở hữu tài sản đối với hệ thống thoát nước đô thị.", [("Ủy ban nhân dân các phường", "lead")],
                 id="phan-cap-cho-opening-the-sentence"),
    # tests/gold 65 (150d48a05ed57aa3) Điều 3, 73 (2dd703fa6cbbc87b) Điều 3-4, NOTES-64-67 call 4, NOTES-73-76 calls 1 and 4:
    # in an article that confers powers, "X quyết định …" names the delegate.
    pytest.param("Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị", "Cơ quan, tổ chức, đơn vị "
                 "quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị tại cơ quan, tổ chức, đơn vị thuộc phạm vi quản "
                 "lý.", [("Cơ quan, tổ chức, đơn vị", "lead")], id="delegate-collective-decides"),
    pytest.param("Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng diện tích chuyên dùng", "Cơ quan chuyên môn, "
                 "đơn vị sự nghiệp công lập, tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh quyết định tiêu chuẩn, định "
                 "mức diện tích chuyên dùng quy định tại điểm đ khoản 2 Điều 7 Nghị định số 155/2025/NĐ-CP.",
                 [("Cơ quan chuyên môn, đơn vị sự nghiệp công lập, tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh", "lead")],
                 id="delegate-categories-under-one-qualifier"),
    pytest.param("Phân cấp thẩm quyền quyết định tiêu chuẩn định mức diện tích công trình sự nghiệp", "Đối với diện tích "
                 "công trình sự nghiệp trong lĩnh vực y tế, giáo dục và đào tạo: Sở Y tế, Sở Giáo dục và Đào tạo quyết định "
                 "tiêu chuẩn, định mức diện tích công trình sự nghiệp.", [("Sở Y tế", "lead"), ("Sở Giáo dục và Đào tạo", "lead")],
                 id="delegates-after-a-run-in-label"),
    # tests/gold 65 Điều 3.3.a: the ministers inside the lead-in clause only condition the power.
    pytest.param("Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng", "Sau khi Bộ "
                 "trưởng Bộ Y tế, Bộ trưởng Bộ Giáo dục và Đào tạo quy định chi tiết hướng dẫn về tiêu chuẩn, định mức, Sở Y "
                 "tế, Sở Giáo dục và Đào tạo quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng.",
                 [("Sở Y tế", "lead"), ("Sở Giáo dục và Đào tạo", "lead")], id="delegates-after-a-lead-in-with-its-own-list"),
    # tests/gold 76 Điều 3.1: the body a power was handed to answers for it, after the power's long description.
    pytest.param("Tổ chức thực hiện", "Ủy ban nhân dân cấp xã được phân cấp thẩm quyền quyết định thanh lý tài sản kết cấu "
                 "hạ tầng cấp nước sạch nông thôn tập trung; xử lý tài sản trong trường hợp bị mất, bị hủy hoại trên địa bàn "
                 "thành phố tại Quyết định này căn cứ chức năng, nhiệm vụ được giao có trách nhiệm tổ chức thực hiện và chịu "
                 "trách nhiệm toàn diện trước Ủy ban nhân dân thành phố.", [("Ủy ban nhân dân cấp xã", "lead")],
                 id="delegate-answers-for-the-power"),
    # 208bf7c0b7e8f27c: the whole clause is its title line, over lettered cases.
    pytest.param("Ủy ban nhân dân tỉnh phân cấp thẩm quyền cho Sở Tư pháp tỉnh Đồng Nai ký Quyết định việc nuôi con nuôi có "
                 "yếu tố nước ngoài đối với các trường hợp sau", "", [("Sở Tư pháp tỉnh Đồng Nai", "lead")],
                 id="delegation-in-a-title-line-over-its-cases"),
    # 8d9779edcdd6c422: a chapter on phân cấp; the delegate holds the power to approve.
    pytest.param("Phân cấp một số nội dung thuộc lĩnh vực xây dựng, giao thông", "Sở Xây dựng chấp thuận phương án bảo đảm an "
                 "toàn giao thông đối với công trình trên đường thủy nội địa địa phương.", [("Sở Xây dựng", "lead")],
                 id="delegate-approves"),
    pytest.param("Phân cấp thẩm quyền quyết định", "Những nội dung về thanh lý tài sản trên địa bàn thành phố không phân cấp "
                 "tại Quyết định này được thực hiện theo quy định của pháp luật hiện hành.", [],
                 id="neg-what-is-not-delegated"),
    pytest.param("Phạm vi điều chỉnh", "Quyết định này quy định phân cấp thẩm quyền quyết định cho Ủy ban nhân dân cấp xã "
                 "trên địa bàn tỉnh.", [], id="neg-the-decision-states-its-scope"),
    # 6f76eaad0b5b95d8: an article on revoking powers already handed down governs the delegation, it confers none.
    pytest.param("Thu hồi hoặc tạm dừng thực hiện thẩm quyền đã phân cấp", "Bộ trưởng Bộ Tư pháp quyết định thu hồi nội "
                 "dung đã phân cấp trong các trường hợp sau:", [], id="neg-revoking-a-power-already-handed-down"),
    # outside an article that confers powers, "X quyết định" is the body that decides (d469759e6fcdc805).
    pytest.param("Tổ chức thực hiện", "Chủ tịch Ủy ban nhân dân tỉnh quyết định việc điều chỉnh kế hoạch.", [],
                 id="neg-quyet-dinh-outside-a-delegation"),
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
    # tests/gold 83 (317a61c94fc776ca) Điều 3-4: delegates named as a collective without a determiner, then a title;
    # the level closes the title's body ("cấp xã | thẩm quyền quyết định").
    pytest.param("Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị",
                 "Ủy ban nhân dân thành phố phân cấp cho cơ quan nhà nước, đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân "
                 "dân thành phố và Chủ tịch Ủy ban nhân dân cấp xã thẩm quyền quyết định:",
                 [("cơ quan nhà nước, đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân thành phố", "lead"),
                  ("Chủ tịch Ủy ban nhân dân cấp xã", "lead")], id="delegates-collective-then-title"),
    pytest.param("Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị",
                 "Ủy ban nhân dân thành phố phân cấp cho các cơ quan nhà nước, đơn vị sự nghiệp công lập trực thuộc Ủy ban "
                 "nhân dân thành phố và Chủ tịch Ủy ban nhân dân cấp xã thẩm quyền quyết định:",
                 [("các cơ quan nhà nước, đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân thành phố", "lead"),
                  ("Chủ tịch Ủy ban nhân dân cấp xã", "lead")], id="delegates-group-then-title-level-closed"),
    # Not a delegate: what the power is given for.
    pytest.param("Phân cấp quản lý tài sản", "Ủy ban nhân dân tỉnh phân cấp thẩm quyền quản lý tài sản cho phù hợp với "
                 "thực tế.", [], id="neg-cho-phu-hop-is-no-delegate"),
]
# fmt: on


@pytest.mark.parametrize("heading,text,expected", DELEGATION_CASES)
def test_delegation(heading, text, expected):
    assert article_roles(text, heading) == expected


DECISION_TITLE = "PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH XÁC LẬP QUYỀN SỞ HỮU TOÀN DÂN VÀ QUYẾT ĐỊNH PHÊ DUYỆT PHƯƠNG ÁN XỬ LÝ TÀI SẢN"

# fmt: off
# A decision whose title hands powers down: every article confers them, whatever its own heading says
# (tests/gold 147 Điều 3–7, "Thẩm quyền quyết định phê duyệt phương án xử lý tài sản …").
DECISION_CASES = [
    pytest.param("Thẩm quyền quyết định phê duyệt phương án xử lý tài sản",
                 "Sở Tài chính quyết định phê duyệt phương án xử lý tài sản đã tiếp nhận.", DECISION_TITLE,
                 [("Sở Tài chính", "lead")], id="holder-of-a-power-in-a-delegating-decision"),
    pytest.param("Thẩm quyền quyết định phê duyệt phương án xử lý tài sản",
                 "Sở Tài chính quyết định phê duyệt phương án xử lý tài sản đã tiếp nhận.", "BAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ TÀI SẢN",
                 [], id="neg-a-power-a-regulation-describes"),
    # tests/gold 83 Điều 6: whoever holds a power handed down, a role term, not a body (NOTES-83-86 call 1).
    pytest.param("Trách nhiệm tổ chức thực hiện",
                 "Các cơ quan, đơn vị, cá nhân có thẩm quyền quyết định được phân cấp tại Quyết định này có trách nhiệm:",
                 DECISION_TITLE, [], id="neg-role-term-of-delegates"),
]
# fmt: on


@pytest.mark.parametrize("heading,text,title,expected", DECISION_CASES)
def test_delegating_decision(heading, text, title, expected):
    assert article_roles(text, heading, title) == expected

"""Enterprises and bodies named in a directive's items: a State group's unit by its brand and place ("VNPT Quảng Ngãi"),
a firm's own name typed in lower case, a name with a dash typed from a scan ("Đài Phát thanh- Truyền hình tỉnh"), and
a list of subjects whose task follows a colon. One real-shaped line per row, negatives included.
"""

from __future__ import annotations

import pytest

from kehoach.extractors import lexicon
from kehoach.extractors.units import extract_assignments, find_units
from kehoach.schemas.models import Node
from tests.factories import task_roles

# fmt: off
ENTERPRISE_CASES = [
    pytest.param("Chủ trì, phối hợp với các Ngân hàng thương mại trên địa bàn tỉnh, VNPT Quảng Ngãi xây dựng Kế hoạch triển khai.",
                 None, [("các Ngân hàng thương mại trên địa bàn tỉnh", "support"), ("VNPT Quảng Ngãi", "support")],
                 id="brand-and-place-in-a-support-list"),
    pytest.param("VNPT Quảng Ngãi chủ động phối hợp với Cục Thuế tỉnh để triển khai thực hiện nộp thuế điện tử.", None,
                 [("VNPT Quảng Ngãi", "lead"), ("Cục Thuế tỉnh", "support")], id="brand-and-place-as-subject"),
    pytest.param("Chủ trì, phối hợp với các ngân hàng, VNPT\nQuảng Ngãi triển khai.", None,
                 [("các ngân hàng", "support"), ("VNPT Quảng Ngãi", "support")], id="brand-and-place-wrapped"),
    pytest.param("Viettel Quảng Ngãi bảo đảm hạ tầng mạng viễn thông thông suốt.", None,
                 [("Viettel Quảng Ngãi", "lead")], id="another-brand"),
    pytest.param("Bưu điện văn hóa xã phục vụ người dân tra cứu thủ tục.", None, [], id="neg-trade-word-before-lower-case"),
    pytest.param("Tăng cường sử dụng dịch vụ Viễn thông trong thanh toán.", None, [], id="neg-trade-word-not-before-a-name"),
]

DASH_CASES = [
    pytest.param("Sở Thông tin và Truyền thông chủ trì, phối hợp với Đài Phát thanh- Truyền hình tỉnh, Báo Quảng Ngãi, "
                 "Cục Thuế tỉnh tiếp tục tuyên truyền.", None,
                 [("Sở Thông tin và Truyền thông", "lead"), ("Đài Phát thanh- Truyền hình tỉnh", "support"),
                  ("Báo Quảng Ngãi", "support"), ("Cục Thuế tỉnh", "support")], id="dash-after-a-word-typed-from-a-scan"),
    pytest.param("Sở Thông tin và Truyền thông chủ trì, phối hợp với Đài Phát thanh-\nTruyền hình tỉnh tuyên truyền.", None,
                 [("Sở Thông tin và Truyền thông", "lead"), ("Đài Phát thanh- Truyền hình tỉnh", "support")],
                 id="dash-at-a-line-end"),
    pytest.param("Sở Lao động - Thương binh và Xã hội chủ trì thực hiện.", None,
                 [("Sở Lao động - Thương binh và Xã hội", "lead")], id="dash-between-spaces"),
    pytest.param("Phối hợp với Ban Chỉ đạo tỉnh- thường trực tuyên truyền.", None,
                 [("Ban Chỉ đạo tỉnh", "support")], id="neg-dash-before-a-lower-case-word"),
]

FIRM_CASES = [
    pytest.param("Công ty Điện lực Quảng Ngãi, Công ty Cổ phần Xây dựng và thoát nước đô thị khẩn trương rà soát kế hoạch "
                 "cung ứng điện, nước.", None,
                 [("Công ty Điện lực Quảng Ngãi", "lead"), ("Công ty Cổ phần Xây dựng và thoát nước đô thị", "lead")],
                 id="firm-name-typed-in-lower-case-after-va"),
    pytest.param("Công ty Cổ phần Xây dựng và thoát nước đô thị, Sở Xây dựng bảo đảm cấp nước.", None,
                 [("Công ty Cổ phần Xây dựng và thoát nước đô thị", "lead"), ("Sở Xây dựng", "lead")],
                 id="firm-name-then-a-body"),
    pytest.param("Công ty Cổ phần Môi trường đô thị và các đơn vị liên quan tăng cường vệ sinh.", None,
                 [("Công ty Cổ phần Môi trường đô thị", "lead"), ("các đơn vị liên quan", "lead")],
                 id="neg-va-cac-after-a-firm-is-a-second-party"),
]

# Firms named by their trade: "các đơn vị kinh doanh vận tải, thương mại dịch vụ" is one group over its trades.
TRADE_CASES = [
    pytest.param("Công ty Điện lực Quảng Ngãi, Công ty Cổ phần Xây dựng và thoát nước đô thị, các đơn vị kinh doanh vận "
                 "tải, thương mại dịch vụ, khẩn trương rà soát kế hoạch cung ứng điện, nước, hàng hóa.", None,
                 [("Công ty Điện lực Quảng Ngãi", "lead"), ("Công ty Cổ phần Xây dựng và thoát nước đô thị", "lead"),
                  ("các đơn vị kinh doanh vận tải, thương mại dịch vụ", "lead")], id="firms-by-their-trades"),
    pytest.param("Phối hợp với các doanh nghiệp kinh doanh xăng dầu bảo đảm nguồn cung.", None,
                 [("các doanh nghiệp kinh doanh xăng dầu", "support")], id="firms-by-one-trade"),
    pytest.param("Sở Công Thương kiểm tra hoạt động kinh doanh, thương mại dịch vụ trên địa bàn.", None,
                 [("Sở Công Thương", "lead")], id="neg-trade-words-after-a-named-body"),
]

RUN_IN_CASES = [
    pytest.param("Bưu điện Quảng Ngãi, Viễn thông Quảng Ngãi, các đơn vị cung cấp dịch vụ viễn thông trên địa bàn: Đảm bảo "
                 "thông tin liên lạc thông suốt.", None,
                 [("Bưu điện Quảng Ngãi", "lead"), ("Viễn thông Quảng Ngãi", "lead"),
                  ("các đơn vị cung cấp dịch vụ viễn thông trên địa bàn", "lead")], id="subjects-then-capitalised-task"),
    pytest.param("Sở Y tế, Sở Tài chính: Bảo đảm đủ thuốc, vật tư y tế.", None,
                 [("Sở Y tế", "lead"), ("Sở Tài chính", "lead")], id="bodies-then-capitalised-task"),
    pytest.param("Mời đại diện Sở Y tế, Sở Tài chính: Đúng 14 giờ ngày 05/01/2022 tại hội trường.", None, [],
                 id="neg-invited-bodies-before-a-colon"),
    pytest.param("Cơ quan thực hiện thủ tục hành chính:\n- Công an cấp xã: Thực hiện cấp Giấy chứng nhận đủ điều kiện về an "
                 "ninh, trật tự.", None, [], id="neg-capitalised-run-in-on-a-bullet-of-a-description"),
    pytest.param("Tổ chức kiểm tra các doanh nghiệp trên địa bàn: hồ sơ, giấy phép.", None, [],
                 id="neg-group-as-object-before-a-colon"),
]
# A system of bodies named by its function in lower case (Luật Quản lý thuế, Điều 2).
FUNCTIONAL_CASES = [
    pytest.param("- Phối hợp chặt chẽ với cơ quan thuế hướng dẫn người nộp thuế các thủ tục liên quan.", None,
                 [("cơ quan thuế", "support")], id="tax-authority-as-partner"),
    pytest.param("Ngân hàng thương mại phối hợp với cơ quan hải quan, cơ quan thuế trao đổi thông tin.", None,
                 [("Ngân hàng thương mại", "lead"), ("cơ quan hải quan", "support"), ("cơ quan thuế", "support")],
                 id="customs-and-tax-authorities"),
    pytest.param("Cơ quan thuế có trách nhiệm hướng dẫn người nộp thuế.", None, [("Cơ quan thuế", "lead")],
                 id="tax-authority-as-subject"),
    pytest.param("Người nộp thuế nộp hồ sơ khai thuế tại cơ quan thuế quản lý trực tiếp.", None, [],
                 id="neg-where-a-file-is-lodged"),
]

# "đóng trên địa bàn": where the bodies are seated, part of which of them are meant.
SEATED_CASES = [
    pytest.param("Các sở, ban ngành, địa phương, đơn vị, các tổ chức và doanh nghiệp đóng trên địa bàn tỉnh chủ động bố trí "
                 "kế hoạch trực Tết.", None,
                 [("Các sở, ban ngành, địa phương, đơn vị", "lead"),
                  ("các tổ chức và doanh nghiệp đóng trên địa bàn tỉnh", "lead")], id="seated-in-the-province"),
    pytest.param("Chủ trì, phối hợp với Chi cục Thuế, các Phòng Giao dịch của các Ngân hàng thương mại đóng trên địa bàn tổ "
                 "chức triển khai.", None,
                 [("Chi cục Thuế", "support"),
                  ("các Phòng Giao dịch của các Ngân hàng thương mại đóng trên địa bàn", "support")], id="seated-in-the-area"),
    pytest.param("Phối hợp với các cơ quan Trung ương đóng trên địa bàn tỉnh triển khai.", None,
                 [("các cơ quan Trung ương đóng trên địa bàn tỉnh", "support")], id="central-bodies-seated"),
    pytest.param("Các doanh nghiệp đóng cửa trên địa bàn tỉnh phải báo cáo.", None, [], id="neg-dong-cua-is-a-verb"),
]

# An item whose first line the structure took for its heading (the text repeats it) and whose sentence hands work to a
# body: "Yêu cầu <body> …" is a request, "Căn cứ …; giao <body> …" a task on a basis; "Yêu cầu" and "Căn cứ" standing
# alone as headings are requirements and bases (aims, not tasks).
REQUEST_ITEM_CASES = [
    pytest.param("Yêu cầu UBND các huyện, thị xã, thành phố chỉ đạo các phòng, ban liên quan phối hợp với Chi cục Thuế "
                 "tổ chức triển khai.", "Yêu cầu UBND các huyện, thị xã, thành phố chỉ đạo các phòng",
                 [("UBND các huyện, thị xã, thành phố", "lead"), ("Chi cục Thuế", "support")], id="request-item"),
    pytest.param("Căn cứ quy định tại khoản 4 Điều 14 Nghị định số 161/2024/NĐ-CP ngày 18/12/2024 của Chính phủ; giao Sở "
                 "Nông nghiệp và Phát triển nông thôn rà soát Danh mục TTHC, phối hợp với Sở Giao thông vận tải tham mưu "
                 "công bố đúng thời hạn./.", "Căn cứ quy định tại khoản 4 Điều 14 Nghị định số",
                 [("Sở Nông nghiệp và Phát triển nông thôn", "lead"), ("Sở Giao thông vận tải", "support")],
                 id="task-on-a-basis"),
    pytest.param("Căn cứ quy định tại khoản 4 Điều 14 Nghị định số 161/2024/NĐ-CP, các tổ chức nộp hồ sơ trực tuyến.",
                 "Căn cứ quy định tại khoản 4 Điều 14 Nghị định số", [], id="neg-basis-without-a-request"),
    pytest.param("Yêu cầu bố trí 01 lô đất tái định cư cho gia đình ông, bà theo quy định.",
                 "Yêu cầu bố trí 01 lô đất tái định cư cho gia đình", [], id="neg-a-citizens-demand"),
    pytest.param("Các sở, ngành phối hợp chặt chẽ với Ủy ban nhân dân các xã trong quá trình thực hiện.", "Yêu cầu", [],
                 id="neg-requirements-heading"),
    pytest.param("Yêu cầu các sở, ngành phối hợp chặt chẽ trong quá trình thực hiện.", "Yêu cầu chung", [],
                 id="neg-general-requirements-then-a-request-below"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", ENTERPRISE_CASES + DASH_CASES + FIRM_CASES + TRADE_CASES
                         + RUN_IN_CASES)
def test_enterprises_and_their_items(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("example", lexicon.load("bodies")["enterprise_units"]["examples"],
                         ids=lambda e: e[:30].encode("ascii", "replace").decode())
def test_enterprise_unit_examples_are_found(example):
    found = [u.text for u in find_units(example)]
    assert any(u.split()[0] in {h.split()[0] for h in lexicon.body_words("enterprise_units", "heads")} for u in found), found


@pytest.mark.parametrize("text,heading,expected", FUNCTIONAL_CASES)
def test_bodies_named_by_their_function(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("example", lexicon.load("bodies")["functional_bodies"]["examples"],
                         ids=lambda e: e[:30].encode("ascii", "replace").decode())
def test_functional_body_examples_are_found(example):
    found = [u.text for u in find_units(example)]
    assert any(u in lexicon.body_words("functional_bodies", "names") for u in found), found


@pytest.mark.parametrize("text,heading,expected", SEATED_CASES)
def test_bodies_seated_in_the_area(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected", REQUEST_ITEM_CASES)
def test_an_item_opening_with_a_request(text, heading, expected):
    node = Node(id="5", marker="5.", kind="item", heading=heading, text=text)
    assert [(a.unit, a.role) for a in extract_assignments([node])] == expected

"""A letter's own commitments and its last sentence: the writer named where the answer opens ("Cục Thuế có ý kiến
như sau:") leads a numbered answer in which it says what it will do ("Cục Thuế sẽ cập nhật …"); its closing formula
("Cục Hải quan trả lời để Công ty biết./.") left inside the last item assigns nothing.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.unit_commitments import commitments, letter_writer
from kehoach.extractors.units import extract_assignments
from kehoach.schemas.models import Node
from tests.factories import letter_roles, pseudo_roles

TAX_PREAMBLE = ("Cục Thuế nhận được Công văn số 3374/CCTKV02-NVDTPC của Thuế thành phố Hồ Chí Minh. Về vấn đề này, "
                "Cục Thuế có ý kiến như sau:")
FINANCE_PREAMBLE = "Trả lời Công văn số 12/UBND-KT ngày 02/10/2025 của Ủy ban nhân dân xã, Sở Tài chính có ý kiến như sau:"
CUSTOMS_PREAMBLE = ("Trả lời công văn số 107/2025 ngày 05/11/2025 của Công ty TNHH Hanesbrands Việt Nam, Cục Hải quan "
                    "có ý kiến như\nsau:")

# fmt: off
WRITER_CASES = [
    pytest.param(TAX_PREAMBLE, "Cục Thuế", id="after-a-lead-in"),
    pytest.param(FINANCE_PREAMBLE, "Sở Tài chính", id="after-the-reply-clause"),
    pytest.param(CUSTOMS_PREAMBLE, "Cục Hải quan", id="answer-wrapped-over-lines"),
    pytest.param("Sở Tài chính trả lời như sau:", "Sở Tài chính", id="tra-loi-nhu-sau"),
    # negatives: no answer opened; the answer's subject not a body alone
    pytest.param("Cục Thuế nhận được Công văn số 3374/CCTKV02-NVDTPC của Thuế thành phố.", None, id="no-answer"),
    pytest.param("Xét Tờ trình của Bộ Khoa học và Công nghệ, Phó Thủ tướng Chính phủ Nguyễn Chí Dũng có ý kiến như sau:",
                 None, id="a-leader-opinion-is-no-body"),
]

COMMITMENT_CASES = [
    # tests/gold 82 (03890575449f6e05) items 1 and 2
    pytest.param(TAX_PREAMBLE, "Loại thu nhập này chưa có trong danh mục. Theo đó, Cục Thuế sẽ cập nhật loại thu nhập "
                 "được miễn thuế vào danh mục để NNT thuận tiện.", [("Cục Thuế", "lead")], id="theo-do-writer-se"),
    pytest.param(TAX_PREAMBLE, "Vì vậy hiện nay tờ khai không có chỉ tiêu này.\nCục Thuế ghi nhận vướng mắc của Thuế "
                 "thành phố Hồ\nChí Minh và sẽ bổ sung chỉ tiêu này khi xây dựng Thông tư.", [("Cục Thuế", "lead")],
                 id="writer-then-se-later-in-its-sentence"),
    pytest.param(FINANCE_PREAMBLE, "- Sở Tài chính sẽ phối hợp với Sở Xây dựng rà soát định mức.",
                 [("Sở Tài chính", "lead"), ("Sở Xây dựng", "support")], id="bullet-writer-se-phoi-hop"),
    # negatives: the writer's present statement; another body's future; the writer not opening the clause
    pytest.param(TAX_PREAMBLE, "Cục Thuế ghi nhận vướng mắc của Thuế thành phố Hồ Chí Minh.", [], id="no-future"),
    pytest.param(TAX_PREAMBLE, "Thuế thành phố Hồ Chí Minh tổng hợp hồ sơ. Trường hợp này Bộ Tài chính sẽ hướng dẫn "
                 "sau.", [("Thuế thành phố Hồ Chí Minh", "lead")], id="another-body-future-is-not-the-writer-s"),
    pytest.param(TAX_PREAMBLE, "Doanh nghiệp gửi hồ sơ đến Cục Thuế; hồ sơ sẽ được xử lý trong 10 ngày.", [],
                 id="writer-as-object"),
    pytest.param(TAX_PREAMBLE, "Cục Thuế đã cập nhật danh mục. Hệ thống sẽ hỗ trợ kê khai từ tháng 12/2025.", [],
                 id="future-in-the-next-sentence"),
    # a letter's last sentence left inside the last item (6a73c878c777ca23 item 2)
    pytest.param(CUSTOMS_PREAMBLE, "Căn cứ quy định trên, thực hiện thủ tục theo Điều 47a Luật số 90/2025/QH15.\n"
                 "Cục Hải quan trả lời để\nCông ty biết./.", [], id="closing-formula-inside-the-item"),
    pytest.param(CUSTOMS_PREAMBLE, "Văn phòng Chính phủ thông báo để Bộ Khoa học và Công nghệ biết, thực hiện./.", [],
                 id="closing-formula-thong-bao"),
]
# fmt: on


@pytest.mark.parametrize(("preamble", "expected"), WRITER_CASES)
def test_letter_writer(preamble, expected):
    assert letter_writer([Node(id="preamble", kind="pseudo", text=preamble)]) == expected


@pytest.mark.parametrize(("preamble", "answer", "expected"), COMMITMENT_CASES)
def test_writer_commitments(preamble, answer, expected):
    assert letter_roles(preamble, answer) == expected


def test_commitment_only_in_numbered_answers():
    """The preamble itself ("Cục Thuế sẽ trả lời sau") is the letter's frame, not an answer."""
    nodes = [Node(id="preamble", kind="pseudo", text=TAX_PREAMBLE + " Cục Thuế sẽ trả lời sau.")]
    assert [a.unit for a in extract_assignments(nodes)] == []
    assert commitments("Theo đó, Cục Thuế sẽ cập nhật.", "Cục Thuế") == ["Cục Thuế"]


# fmt: off
CLOSING_REQUEST_CASES = [
    # c8549ab2b220c20d: a letter with no numbered items ends with its request, which the closing takes
    pytest.param("Đề nghị Thuế tỉnh Nghệ An phối hợp với các cơ quan chức năng của địa phương, căn cứ quy định của pháp "
                 "luật và hồ sơ cụ thể để thực hiện cho phù hợp.\nCục Thuế trả lời để Thuế tỉnh Nghệ An biết và thực hiện./.",
                 [("Thuế tỉnh Nghệ An", "lead"), ("các cơ quan chức năng của địa phương", "support")],
                 id="letter-last-request-with-its-partner"),
    # a94e2ffb8c7ea677: the request's own sentence decides, not a conditional one after it in the paragraph
    pytest.param("Đề nghị Thuế thành phố Huế đối chiếu với quy định của pháp luật để phối hợp với các cơ quan liên quan "
                 "của thành phố Huế báo cáo Ủy ban nhân dân thành phố Huế. Trường hợp phát sinh vướng mắc, đề nghị Thuế "
                 "thành phố Huế liên hệ với Bộ Nông nghiệp và Môi trường để được hướng dẫn.\nCục Thuế trả lời để Thuế "
                 "thành phố Huế được biết./.",
                 [("Thuế thành phố Huế", "lead"), ("các cơ quan liên quan của thành phố Huế", "support")],
                 id="request-then-a-conditional-sentence"),
    # negatives: a reporting route on a condition; a partner not in a request
    pytest.param("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phối hợp với Sở Tài chính để "
                 "được hướng dẫn./.", [], id="conditional-route-partner-is-no-support"),
    pytest.param("Trên đây là Kế hoạch phối hợp với Sở Y tế triển khai công tác phòng dịch./.", [],
                 id="partner-outside-a-request"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CLOSING_REQUEST_CASES)
def test_closing_request_partners(text, expected):
    assert pseudo_roles("closing", text) == expected

"""Signature block and Nơi nhận: signer name / position / authority, recipients, block span."""

from __future__ import annotations

import pytest

from kehoach.extractors.normalize import clean_lines
from kehoach.extractors.signature import (
    find_signature_blocks,
    parse_name,
    parse_signature,
    read_sign_off,
    split_glued_signature,
)
from kehoach.schemas.layout import Line


def lines_of(text: str) -> list[Line]:
    return clean_lines(Line(text=t) for t in text.split("\n"))


BODY = "3. Sở Tài chính tham mưu kinh phí.\nTrên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.\n"

# fmt: off
SIGNATURE_CASES = [
    # (text, name, position, authority)
    pytest.param(BODY + "Nơi nhận:\n- Bộ Y tế (b/c);\n- Lưu: VT, KGVX.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHồ Thị Nguyên Thảo",
                 "Hồ Thị Nguyên Thảo", "Phó Chủ tịch", "KT. Chủ tịch", id="recipients-then-signature"),
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nVõ Tấn Đức",
                 "Võ Tấn Đức", "Chủ tịch", "TM. Ủy ban nhân dân", id="authority-wrapped"),
    pytest.param(BODY + "Nơi nhận: - Ban Bí thư Trung ương Đảng; - Thủ tướng, các Phó Thủ tướng Chính phủ;\n"
                 "THỦ TƯỚNG     Phạm Minh Chính",
                 "Phạm Minh Chính", "Thủ tướng", None, id="one-line-list-and-name-on-position-line"),
    pytest.param(BODY + "Nơi nhận: - Như Điều 3;\nKT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Hữu Tín",
                 "Nguyễn Hữu Tín", "Phó Chủ tịch", "KT. Chủ tịch", id="letter-spaced-one-line"),
    pytest.param(BODY + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Hải Hòa\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.",
                 "Lê Hải Hòa", "Chủ tịch", "TM. Ủy ban nhân dân", id="signature-before-recipients"),
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi\nXuân Cường",
                 "Bùi Xuân Cường", "Phó Chủ tịch", "KT. Chủ tịch", id="name-wrapped"),
    pytest.param(BODY + "Nơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nThượng tướng Vũ Hải Sản",
                 "Vũ Hải Sản", "Thứ trưởng", "KT. Bộ trưởng", id="military-rank-dropped"),
    pytest.param(BODY + "Nơi nhận:\n-\nNhư Điều 3;\n- Lưu:\nVT, Vụ TCCB.\nTỔNG KIỂM TOÁN NHÀ\nNƯỚC\nNgô\nVăn Tuấn",
                 "Ngô Văn Tuấn", "Tổng kiểm toán nhà nước", None, id="unlisted-position-after-list"),
    pytest.param(BODY + "KT.\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Nam\nPHỤ LỤC\nDANH MỤC THỦ TỤC",
                 "Hoàng Nam", "Phó Chủ tịch", "KT. Chủ tịch", id="bare-authority-no-recipients"),
    pytest.param(BODY + "- Chính phủ; - Ban Tổ chức Trung ương;\n( Đã ký) Lê Thành Long",
                 "Lê Thành Long", None, None, id="stamp-and-name"),
    pytest.param(BODY, None, None, None, id="no-signature"),
    pytest.param(BODY + "- Thủ tướng, các Phó Thủ tướng Chính phủ; - Lưu: VT, NN (2).\n"
                 "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc",
                 "Hồ Đức Phớc", "Phó Thủ tướng", "TM. Chính phủ, KT. Thủ tướng", id="whole-block-glued-on-one-line"),
    pytest.param(BODY + "- Chính phủ; - Ban Tổ chức Trung ương; - Lưu: HC, PLTP.\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH",
                 None, "Chủ tịch", "TM. Ủy ban Thường vụ Quốc hội", id="position-glued-no-name-at-end"),
    pytest.param(BODY + "- Chính phủ; - Ban Tổ chức Trung ương;\nCHỦ TỊCH\n(Đã ký)",
                 None, "Chủ tịch", None, id="stamp-instead-of-name-at-end"),
    pytest.param(BODY + "- Chính phủ; - Ban Tổ chức Trung ương;\n(đã ký)", None, None, None, id="bare-stamp-states-nothing"),
    pytest.param(BODY + "Nơi nhận:\n- Lưu VT, NN (03). Hg.\nKT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường",
                 "Phạm Mạnh Cường", "Phó Chủ nhiệm", "KT. Bộ trưởng, Chủ nhiệm", id="double-title-after-comma"),
    pytest.param(BODY + "Nơi nhận:\n- Lưu: VT, BCĐNNDL (2b).\nTRƯỞNG BAN\nPHÓ THỦ TƯỚNG\nMai Văn Chính",
                 "Mai Văn Chính", "Trưởng ban", None, id="concurrent-title-of-another-office"),
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\nTL. CỤC\nTRƯỞNG\nKT.\nTRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ\nPHÓ\nTRƯỞNG BAN\n"
                 "Đào Thu Hương",
                 "Đào Thu Hương", "Phó Trưởng ban", "TL. Cục trưởng, KT. Trưởng ban giám sát quản lý về HQ",
                 id="every-part-wrapped"),
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\nKT. TRƯỞNG THUẾ\nTỈNH\nPHÓ TRƯỞNG THUẾ TỈNH\nHuỳnh Minh Giám",
                 "Huỳnh Minh Giám", "Phó trưởng thuế tỉnh", "KT. Trưởng thuế tỉnh", id="unlisted-deputy-position"),
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\nTM.ỦY BAN\nNHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Anh Quân",
                 "Lê Anh Quân", "Phó Chủ tịch", "TM. Ủy ban nhân dân, KT. Chủ tịch", id="no-space-after-prefix"),
    pytest.param(BODY + "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Hải\nHòa\n \nFILE ĐƯỢC ĐÍNH\nKÈM THEO VĂN BẢN",
                 "Lê Hải Hòa", "Chủ tịch", "TM. Ủy ban nhân dân", id="last-syllable-wrapped"),
    # Hướng dẫn 36-HD/VPTW: "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", Party positions.
    pytest.param(BODY + "Nơi nhận:\n- Ban Bí thư (để b/c),\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nVũ Đại Thắng",
                 "Vũ Đại Thắng", "Bí thư", "TM. Ban Thường vụ", id="party-standing-board"),
    pytest.param(BODY + "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nHoàng Nghĩa Hiếu\nNơi nhận:\n- Như trên,\n- Lưu VPTU.",
                 "Hoàng Nghĩa Hiếu", "Phó Bí thư Thường trực", "TM. Ban Thường vụ", id="party-signature-before-recipients"),
    pytest.param(BODY + "Nơi nhận:\n- Các chi bộ,\n- Lưu VP.\nK/T BÍ THƯ\nPHÓ BÍ THƯ\nNguyễn Văn An",
                 "Nguyễn Văn An", "Phó Bí thư", "KT. Bí thư", id="party-deputy-secretary"),
    pytest.param(BODY + "Nơi nhận:\n- Đảng ủy xã (b/c),\n- Lưu.\nT/M CHI BỘ\nBÍ THƯ\nLê Thị Hoa",
                 "Lê Thị Hoa", "Bí thư", "TM. Chi bộ", id="party-cell-secretary"),
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\n- Lưu VT.\nTM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH\nNguyễn Thị Lan",
                 "Nguyễn Thị Lan", "Phó Chủ tịch", "TM. Ban Thường trực", id="front-standing-board"),
    pytest.param(BODY + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nNguyễn Thanh Việt\n",
                 "Nguyễn Thanh Việt", None, None, id="scan-lost-position-name-closes-document"),
    pytest.param(BODY + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nNguyễn Thanh Việt\nPHỤ LỤC\nDanh mục",
                 None, None, None, id="name-like-line-before-appendix-is-not-a-signer"),
    # The position is never the name, also when OCR gives it in title case.
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nThứ Trưởng\nNguyễn Văn Sơn",
                 "Nguyễn Văn Sơn", "Thứ Trưởng", "KT. Bộ trưởng", id="title-case-position-is-no-name"),
    pytest.param(BODY + "KT. BỘ TRƯỞNG\nThứ Trưởng\n(Đã ký)", None, "Thứ Trưởng", "KT. Bộ trưởng",
                 id="position-alone-gives-no-name"),
    # OCR of a scan: the seal and the signature leave marks between the position and the name.
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT, KTN.\nKT. CHỦ TỊCH\n/\nJ\n|\nPHÓ CHỦ TỊCH\n“Đặng Văn Minh",
                 "Đặng Văn Minh", "Phó Chủ tịch", "KT. Chủ tịch", id="seal-marks-and-quote-passed-over"),
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n=>\nNguyễn Hoàng Giang",
                 "Nguyễn Hoàng Giang", None, "TM. Ủy ban nhân dân", id="mark-under-the-authority"),
    # Tables read row by row: the name in a cell, or under the Nơi nhận list.
    pytest.param(BODY + "| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n| - Như trên; | CHỦ TỊCH |\n| - Lưu: VT. | |\n"
                 "| | Nguyễn Văn An |", "Nguyễn Văn An", "Chủ tịch", "TM. Ủy ban nhân dân", id="signature-band-as-table-rows"),
    pytest.param(BODY + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nNguyễn Văn An",
                 "Nguyễn Văn An", "Chủ tịch", "TM. Ủy ban nhân dân", id="name-after-the-recipients"),
]

# Several signers: minutes and joint documents sign block after block; the first is ``signer``.
SIGNERS_CASES = [
    pytest.param(BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC SỞ Y TẾ\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n"
                 "KT. GIÁM ĐỐC SỞ TÀI CHÍNH\nPHÓ GIÁM ĐỐC\nTrần Thị Bình",
                 [("Nguyễn Văn An", "Phó Giám đốc", "KT. Giám đốc Sở Y tế"),
                  ("Trần Thị Bình", "Phó Giám đốc", "KT. Giám đốc Sở Tài chính")], id="joint-guidance"),
    pytest.param("Cuộc họp kết thúc lúc 11 giờ cùng ngày./.\nTHƯ KÝ\n(Ký, ghi rõ họ tên)\nLê Văn Cường\n"
                 "CHỦ TRÌ CUỘC HỌP\n(Ký, ghi rõ họ tên)\nPhạm Thị Dung",
                 [("Lê Văn Cường", "Thư ký", None), ("Phạm Thị Dung", "Chủ trì cuộc họp", None)], id="minutes"),
    pytest.param("Điều 3. Các sở thi hành./.\nNơi nhận:\n- Như Điều 3;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Hữu Tín\n"
                 "KẾ HOẠCH\nTRIỂN KHAI\nI. MỤC ĐÍCH\nNội dung.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Hữu Tín",
                 [("Nguyễn Hữu Tín", "Phó Chủ tịch", "KT. Chủ tịch")], id="attached-plan-signed-again-is-one-signer"),
]

RECIPIENT_CASES = [
    pytest.param("Nơi nhận:\n- Thường trực Đảng ủy;\n- Bí thư Chi bộ, Trưởng thôn, Ban công\ntác MT thôn;\n- Lưu: MTTQ\n"
                 "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\nLan Thị Vân",
                 ["Thường trực Đảng ủy", "Bí thư Chi bộ, Trưởng thôn, Ban công tác MT thôn", "Lưu: MTTQ"],
                 id="item-wrapped-lower-case"),
    pytest.param("Nơi nhận: - Như Điều 3; - Sở Lao động - Thương binh và Xã hội;\nCHỦ TỊCH\nNguyễn Văn A",
                 ["Như Điều 3", "Sở Lao động - Thương binh và Xã hội"], id="one-line-dash-inside-name-kept"),
    pytest.param("Nơi nhận:\n- Lưu: VT, HCC, HCTC, NC.\nHuy (23 bản)\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nVõ Tấn Đức",
                 ["Lưu: VT, HCC, HCTC, NC. Huy (23 bản)"], id="clerk-initials-after-file-copy"),
]

NAME_CASES = [
    pytest.param("Thứ Trưởng", None, id="title-case-position"),
    pytest.param("Phó Giám Đốc", None, id="title-case-deputy-position"),
    pytest.param("“Đặng Văn Minh", "Đặng Văn Minh", id="ocr-quote-before"),
    pytest.param("Trần Phước Hiên :", "Trần Phước Hiên", id="ocr-colon-after"),
    pytest.param("Ủy ban Thường vụ Quốc hội;", None, id="list-item-is-no-name"),
    pytest.param("Chu Thanh Lương", "Chu Thanh Lương", id="plain"),
    pytest.param("Ngu y ễn Hữu Tín", "Nguyễn Hữu Tín", id="letter-spaced"),
    pytest.param("- Lưu: VT.", None, id="list-item"),
    pytest.param("Huy (23 bản)", None, id="clerk-note"),
    pytest.param("CHỦ TỊCH", None, id="caps-position"),
    pytest.param("Thủ tướng", None, id="lower-case-word"),
]

GLUED_CASES = [
    pytest.param("TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc",
                 ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Hồ Đức Phớc"], id="whole-block"),
    pytest.param("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH", ["TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH"],
                 id="position-glued"),
    pytest.param("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH"], id="spaced-line-kept-whole"),
    pytest.param("TM. ỦY BAN NHÂN DÂN", ["TM. ỦY BAN NHÂN DÂN"], id="plain-authority-unchanged"),
]
# fmt: on


@pytest.mark.parametrize("text,name,position,authority", SIGNATURE_CASES)
def test_signer(text, name, position, authority):
    signer = parse_signature(lines_of(text)).signer
    got = (signer.name, signer.position, signer.authority) if signer else (None, None, None)
    assert got == (name, position, authority)


@pytest.mark.parametrize("text,expected", SIGNERS_CASES)
def test_signers(text, expected):
    sign_off = read_sign_off(find_signature_blocks(lines_of(text)))
    assert [(s.name, s.position, s.authority) for s in sign_off.signers] == expected
    assert sign_off.signer == sign_off.signers[0]


@pytest.mark.parametrize("text,expected", RECIPIENT_CASES)
def test_recipients(text, expected):
    assert parse_signature(lines_of(text)).recipients == expected


@pytest.mark.parametrize("text,expected", NAME_CASES)
def test_parse_name(text, expected):
    assert parse_name(text) == expected


def test_block_in_the_middle_lets_the_text_go_on():
    lines = lines_of("Điều 3. Các sở thi hành./.\nNơi nhận:\n- Như Điều 3;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
                     "Nguyễn Hữu Tín\nKẾ HOẠCH\nTRIỂN KHAI\nI. MỤC ĐÍCH")
    (block,) = find_signature_blocks(lines)
    assert lines[block.start].text == "Nơi nhận:"
    assert lines[block.end].text == "KẾ HOẠCH"


@pytest.mark.parametrize("text,expected", GLUED_CASES)
def test_split_glued_signature(text, expected):
    assert split_glued_signature(text) == expected

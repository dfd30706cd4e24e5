"""The date and the issuer of a cited document: after the symbol ("số N ngày … của …"), before it ("Xét đề
nghị của X tại Tờ trình số …"), over wrapped lines, and where an issuer's name ends. One row per variant,
ASCII ids (eyecite's test_FindTest.py)."""

from __future__ import annotations

import pytest

from kehoach.extractors.citations import find_citations
from tests.factories import assert_found, citation

# fmt: off
DATE_CASES = [
    # "ngày …" after the symbol: written out, with slashes, dashes or dots, spaces, a comma
    pytest.param("Luật số 97/2025/QH15, ngày 27/6/2025 về sửa đổi",
                 [citation("97/2025/QH15", date="2025-06-27")], id="date-after-comma"),
    pytest.param("Kế hoạch số 33/KH-MTTQ-BTT, ngày 14/11/2025 của Ban Thường trực",
                 [citation("33/KH-MTTQ-BTT", date="2025-11-14", issuer="Ban Thường trực")], id="comma-before-date"),
    pytest.param("Quyết định số 3041/QĐ-UBND ngày  26/7/2025 của UBND thành phố về",
                 [citation("3041/QĐ-UBND", date="2025-07-26", issuer="Ủy ban nhân dân thành phố")], id="double-space-before-date"),
    pytest.param("Kết luận số 114-KL/TW  ngày 14/7/2015", [citation("114-KL/TW", date="2015-07-14")], id="double-space-after-symbol"),
    pytest.param("Thông tư số 09/2013/TT-BXD\u00a0ngày 01/7/2013", [citation("09/2013/TT-BXD")], id="nbsp-before-date"),
    pytest.param("Quyết định số 1847/QĐ-TTg ngày 27.12.2018", [citation("1847/QĐ-TTg", date="2018-12-27")], id="dotted-date"),
    pytest.param("Công văn số 2449-CV/ĐU ngày 01-10-1997", [citation("2449-CV/ĐU", doc_type="Công văn", date="1997-10-01")],
                 id="cv-du-dash-date"),
    pytest.param("Nghị quyết số 34-NQ/TU ngày 1/2/2019 của Tỉnh ủy",
                 [citation("34-NQ/TU", doc_type="Nghị quyết", date="2019-02-01", issuer="Tỉnh ủy")], id="nq-tu-single-digit-date"),
    pytest.param("Nghị quyết số 25-NQ/TW ngày 31/2/2013", [citation("25-NQ/TW", date=None)], id="impossible-date-dropped"),
    # emphasis marks a converted copy leaves around and inside the date
    pytest.param("Tài chính tại Tờ trình số 52/TTr-STC* *ngày 23 tháng 10 năm 2025, Công văn\nsố 3976/STC-QLGCS ngày "
                 "13 tháng* *11 năm 2025;",
                 [citation("52/TTr-STC", date="2025-10-23"), citation("3976/STC-QLGCS", date="2025-11-13")],
                 id="date-through-emphasis-marks"),
    # before the number: "<type> (đề) ngày … số …", a sentence opening with the day a body issued it
    pytest.param("Văn phòng Chính phủ nhận văn bản đề ngày 29 tháng 10 năm 2025 số\n16/CV-HHTACN của Hội Chăn nuôi Việt "
                 "Nam - Hiệp hội Thức ăn Chăn nuôi gửi Thủ tướng",
                 [citation("16/CV-HHTACN", doc_type="Công văn", date="2025-10-29",
                           issuer="Hội Chăn nuôi Việt Nam - Hiệp hội Thức ăn Chăn nuôi")], id="date-between-type-and-number"),
    pytest.param("Ngày 28 tháng 10 năm 2025, Chủ\ntịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX về",
                 [citation("3280/UBND-VX", doc_type="Công văn", date="2025-10-28",
                           issuer="Chủ tịch Ủy ban nhân dân Thành phố")], id="date-opens-the-sentence"),
    pytest.param("Ngày 05/11/2025, VPCP có VB số 10781/VPCP-CN gửi các Bộ.",
                 [citation("10781/VPCP-CN", date="2025-11-05", issuer="VPCP")], id="date-opens-the-sentence-vb"),
    pytest.param("Ngày 10/01/2025, Bộ Nông nghiệp và Phát triển nông thôn (nay là Bộ Nông nghiệp và Môi trường) đã có "
                 "Văn bản số 375/BNN-TC",
                 [citation("375/BNN-TC", date="2025-01-10", issuer="Bộ Nông nghiệp và Phát triển nông thôn")],
                 id="date-opens-the-sentence-body-renamed"),
    pytest.param("Ngày 18/11/2025, Thuế tỉnh Vĩnh Long có nhận được Công văn số 144/2025/CV-BSGBTr",
                 [citation("144/2025/CV-BSGBTr", date=None)], id="date-of-receipt-is-not-the-documents"),
    pytest.param("ngày 21/10/2025, NHNN đã chủ trì họp với các Bộ, trên cơ sở kết quả cuộc họp, NHNN đã có Tờ trình số "
                 "195/TTr-NHNN", [citation("195/TTr-NHNN", date=None)], id="date-of-another-clause"),
    pytest.param("theo Quyết định số 1/QĐ-UBND\nngày 2/3/2025, UBND tỉnh có Công văn số 5/UBND-VX",
                 [citation("1/QĐ-UBND", date="2025-03-02"), citation("5/UBND-VX", date=None)],
                 id="wrapped-date-of-the-citation-before"),
    # after the issuer
    pytest.param("Căn cứ Quyết định số 411/QĐ-TTg của Thủ tướng Chính\nphủ ngày 31/3/2022 phê duyệt Chiến lược",
                 [citation("411/QĐ-TTg", date="2022-03-31", issuer="Thủ tướng Chính phủ")], id="date-after-wrapped-issuer"),
]

ISSUER_CASES = [
    # "của X" after the symbol (and its date), abbreviations expanded
    pytest.param("Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của chính  phủ về",
                 [citation("178/2024/NĐ-CP", issuer="Chính phủ")], id="lower-case-issuer"),
    pytest.param("Nghị định số 06/2022/NĐ-CP của Chính phủ (Phụ lục IV)", [citation("06/2022/NĐ-CP", issuer="Chính phủ")],
                 id="issuer-ends-at-parenthesis"),
    pytest.param("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ\nChính trị về đột phá phát triển khoa học",
                 [citation("57-NQ/TW", date="2024-12-22", issuer="Bộ Chính trị", relation="based_on")], id="issuer-wrapped"),
    pytest.param("theo Quyết định số 1855/QĐ-TTg ngày 11 tháng 11 năm 2009 của Thủ\ntướng Chính phủ về việc",
                 [citation("1855/QĐ-TTg", issuer="Thủ tướng Chính phủ")], id="issuer-wrapped-mid-title"),
    pytest.param("17/2025/TT-BNNMT ngày 19 tháng 6 năm 2025 của Bộ Nông nghiệp và Môi trường quy\nđịnh về",
                 [citation("17/2025/TT-BNNMT", issuer="Bộ Nông nghiệp và Môi trường")], id="issuer-stop-word-wrapped"),
    pytest.param("(Ban hành kèm theo Quyết định số 12/QĐ-UBND của UBND tỉnh\nĐiều 1. Phạm vi điều chỉnh",
                 [citation("12/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh")], id="issuer-not-into-next-article"),
    pytest.param("Nghị quyết số 05-NQ/TU ngày 1/2/2019 của Ban Thường vụ Tỉnh ủy",
                 [citation("05-NQ/TU", issuer="Ban Thường vụ Tỉnh ủy")], id="issuer-tinh-uy-whole"),
    pytest.param("QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ VÀ QUYẾT ĐỊNH SỐ 3103/QĐ-BTC",
                 [citation("06/QĐ-TTg", issuer="THỦ TƯỚNG CHÍNH PHỦ"), citation("3103/QĐ-BTC")], id="issuer-all-caps-title"),
    # where the name ends: the title after it, a footnote marker, emphasis, "và" + lower case, a level word
    pytest.param("Căn cứ Nghị định số 165/2024/NĐ-CP ngày 26/12/2024 của Chính phủ Quy định chi tiết, hướng dẫn thi hành",
                 [citation("165/2024/NĐ-CP", issuer="Chính phủ")], id="issuer-stops-at-capital-quy-dinh"),
    pytest.param("Căn cứ Nghị định số 91/2020/NĐ-CP của Chính phủ Chống tin nhắn rác, thư điện tử rác",
                 [citation("91/2020/NĐ-CP", issuer="Chính phủ")], id="issuer-fixed-body-ends-name"),
    pytest.param("Căn cứ Thông tư số 39/2017/TT-BTTTT của Bộ trưởng Bộ Thông tin và Truyền thông Ban hành Danh mục",
                 [citation("39/2017/TT-BTTTT", issuer="Bộ trưởng Bộ Thông tin và Truyền thông")], id="issuer-stops-at-ban-hanh"),
    pytest.param("Căn cứ Chỉ thị số 34/2008/CT-TTg của Thủ tướng Chính phủ Về việc tăng cường",
                 [citation("34/2008/CT-TTg", issuer="Thủ tướng Chính phủ")], id="issuer-stops-at-capital-ve"),
    pytest.param("Nghị định số 72/2020/NĐ-CP ngày 30/06/2020 của Chính phủ[1] quy định chi tiết",
                 [citation("72/2020/NĐ-CP", issuer="Chính phủ")], id="issuer-stops-at-footnote-marker"),
    pytest.param("theo Quyết định số 26/2020/QĐ-TTg ngày 14/9/2020 của Thủ tướng Chính phủ *(Quy định chi tiết",
                 [citation("26/2020/QĐ-TTg", issuer="Thủ tướng Chính phủ")], id="issuer-stops-at-emphasis"),
    pytest.param("theo Nghị quyết số 47/2025/NQ-HĐND ngày 13/11/2025 của HĐND Thành phố và kinh phí hỗ trợ chi phí học tập",
                 [citation("47/2025/NQ-HĐND", issuer="Hội đồng nhân dân Thành phố")], id="issuer-stops-at-va-lower-case"),
    pytest.param("Căn cứ Quyết định số 59/2024/QĐ-UBND ngày 9/12/2024 của Ủy ban nhân dân tỉnh phân cấp thẩm quyền",
                 [citation("59/2024/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh")], id="issuer-stops-after-level-word"),
    pytest.param("Căn cứ Quyết định số 29/2024/QĐ-UBND ngày 31/5/2024 của Ủy ban nhân dân tỉnh Kon Tum Ban hành tiêu chuẩn",
                 [citation("29/2024/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh Kon Tum")], id="issuer-place-name-kept"),
    pytest.param("Thông tư số 12/2024/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội về",
                 [citation("12/2024/TT-BLĐTBXH", issuer="Bộ Lao động - Thương binh và Xã hội")], id="issuer-xa-hoi-not-a-level"),
    # the issuer before the citation: "Xét đề nghị của X tại …", "được X thẩm định tại …"
    pytest.param("Xét đề nghị của Sở Xây dựng tại Công văn số 4236/SXD-QLN&CS ngày 22 tháng 5 năm 2014,",
                 [citation("4236/SXD-QLN&CS", doc_type="Công văn", issuer="Sở Xây dựng")], id="issuer-before-cong-van"),
    pytest.param("Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch tại Tờ trình số 370/TTr-SVHTTDL ngày 19/11/2025.",
                 [citation("370/TTr-SVHTTDL", issuer="Giám đốc Sở Văn hóa, Thể thao và Du lịch")], id="issuer-before-with-commas"),
    pytest.param("theo chỉ đạo của Tổng cục Thuế (trước đây) tại công văn số 5029/TCT-PC ngày 09/11/2023 về",
                 [citation("5029/TCT-PC", doc_type="Công văn", issuer="Tổng cục Thuế")], id="issuer-before-parenthesis"),
    pytest.param("(được Sở Tư pháp thẩm định tại Báo cáo số 1853/BC-STP ngày 05/11/2025);",
                 [citation("1853/BC-STP", doc_type="Báo cáo", issuer="Sở Tư pháp")], id="issuer-before-duoc-tham-dinh"),
    pytest.param("Theo đề nghị của Thống đốc\nNgân hàng Nhà nước Việt Nam tại Tờ trình số 207/TTr-NHNN ngày 21 tháng 11 năm\n2025.",
                 [citation("207/TTr-NHNN", doc_type="Tờ trình", date="2025-11-21",
                           issuer="Thống đốc Ngân hàng Nhà nước Việt Nam")], id="issuer-before-wrapped"),
    pytest.param("Căn cứ Quyết định số 12/QĐ-UBND của UBND tỉnh; Theo đề nghị của Sở Tài chính tại Tờ trình số 8195/TTr-STC",
                 [citation("12/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh"), citation("8195/TTr-STC", issuer="Sở Tài chính")],
                 id="issuer-after-wins-per-citation"),
    pytest.param("Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung tại Luật số 43/2024/QH15",
                 [citation("31/2024/QH15"), citation("43/2024/QH15", issuer=None)], id="duoc-sua-doi-tai-is-no-issuer"),
]
# fmt: on


@pytest.mark.parametrize("line,expected", DATE_CASES + ISSUER_CASES)
def test_date_and_issuer(line, expected):
    assert_found(line, find_citations(line), expected)

"""Numbers and symbols as older or shorter texts write them: the issuer alone after a dash ("Nghị định số 94-CP",
before the 1997 rules), a number with a letter ("Nghị quyết số 30a/2008/NQ-CP", a document inserted after
another), the Party's older "TƯ", a space after "&" in a symbol, a number with "số" whose symbol the text
never gives ("Thông tư số 59").
One row per variant, ASCII ids; rows expecting [] pin down non-matches."""

from __future__ import annotations

import pytest

from kehoach.extractors.citations import find_citations
from tests.factories import citation, drop_offsets

# fmt: off
OLD_FORM_CASES = [
    pytest.param("Căn cứ Nghị định số 94-CP ngày 25 tháng 8 năm 1994 của Chính phủ",
                 [citation("94-CP", doc_type="Nghị định", number="94", symbol="CP", date="1994-08-25", issuer="Chính phủ")],
                 id="old-symbol-cp"),
    pytest.param("Nghị định số 235-HĐBT ngày 18 tháng 9 năm 1985",
                 [citation("235-HĐBT", doc_type="Nghị định", date="1985-09-18")], id="old-symbol-hdbt"),
    pytest.param("theo Nghị định số 06-HĐBT ngày 7-1-1991", [citation("06-HĐBT", number="06", date="1991-01-07")],
                 id="old-symbol-leading-zero-dashed-date"),
    pytest.param("Quyết định số 69-QĐ/TƯ ngày 17 tháng 5 năm 1993", [citation("69-QĐ/TƯ", doc_type="Quyết định")],
                 id="party-tu-with-u-horn"),
    pytest.param("Nghị quyết số 30a/2008/NQ-CP ngày 27/12/2008 của Chính phủ",
                 [citation("30a/2008/NQ-CP", doc_type="Nghị quyết", number="30a", year=2008, date="2008-12-27")],
                 id="number-with-letter"),
    pytest.param("Thông tư số 09b/2013/TT-BTP", [citation("09b/2013/TT-BTP", doc_type="Thông tư", number="09b")],
                 id="number-with-letter-b"),
    # a number with a dashed part before an administrative symbol; a letter's "đề ngày" (dated)
    pytest.param("Trên cơ sở Đơn đề nghị xác định mã số số 0825-02/HW-TCHQ đề ngày 05/9/2025 (nhận ngày 15/9/2025)",
                 [citation("0825-02/HW-TCHQ", number="0825-02", date="2025-09-05")], id="number-with-dashed-part"),
    pytest.param("Công văn số 12-3/UBND-VX ngày 3/2/2025", [citation("12-3/UBND-VX", number="12-3", date="2025-02-03")],
                 id="number-with-dashed-part-ubnd"),
    pytest.param("Trả lời công văn số 25-2303/PBHC-KD của Tổng Công ty", [citation("25-2303/PBHC-KD", number="25-2303")],
                 id="number-with-four-digit-dashed-part"),
    pytest.param("Trả lời công văn số\n01-10/2025/CV-TKV của Công ty TNHH Tokokosen",
                 [citation("01-10/2025/CV-TKV", number="01-10", year=2025)], id="dashed-number-before-year"),
    pytest.param("trong giai đoạn 2021-2025/năm của", [], id="year-range-is-no-dashed-number"),
    # a symbol whose unit parts are joined by a dot; a full stop after a symbol is no part of it
    pytest.param("Cục Thuế nhận được công văn số 838/CCTKV.XII-NVDTPC.HUE ngày 1/3/2025 của Chi cục",
                 [citation("838/CCTKV.XII-NVDTPC.HUE", date="2025-03-01")], id="dotted-symbol"),
    pytest.param("theo Công văn số 12/UBND-KT. Các sở thực hiện", [citation("12/UBND-KT")], id="full-stop-after-symbol"),
    pytest.param("theo Công văn số 12/UBND-KT.Sở Y tế chủ trì", [citation("12/UBND-KT")],
                 id="full-stop-without-space-before-a-word"),
    # a copy that puts a space after "&" inside the symbol
    pytest.param("Xét đề nghị của Sở Xây dựng tại Công văn số 15972/SXD-QLN& TTBĐS ngày 14 tháng 11 năm 2025",
                 [citation("15972/SXD-QLN&TTBĐS", doc_type="Công văn", date="2025-11-14")], id="ampersand-then-space"),
    pytest.param("Công văn số 12/SXD-QLN& các đơn vị", [citation("12/SXD-QLN&")], id="ampersand-then-word-ends-symbol"),
    # "số" says the number is a document's even when the text never gives its symbol
    pytest.param("được thực hiện theo quy định tại Thông tư số 59 và các văn bản",
                 [citation("Thông tư số 59", doc_type="Thông tư", number="59")], id="number-without-symbol-so"),
    pytest.param("Nghị định số 107 quy định; sau đó Nghị định số 107/2018/NĐ-CP được ban hành",
                 [citation("107/2018/NĐ-CP"), citation("107/2018/NĐ-CP")], id="number-without-symbol-resolved"),
    pytest.param("Kế hoạch 5 năm và hằng năm", [], id="number-without-so-not-cited"),
    pytest.param("xây dựng kế hoạch số 5 của tổ", [], id="lower-case-type-word-not-cited"),
    # not citations: an old-style symbol needs its type word
    pytest.param("lúc 12-CP không có", [], id="old-symbol-without-type-word"),
    pytest.param("xe mang biển 29-LD đỗ tại", [], id="plate-number"),
    pytest.param("khoản 3a/2020 của mục", [], id="letter-number-without-symbol"),
]
# fmt: on


@pytest.mark.parametrize("line,expected", OLD_FORM_CASES)
def test_old_forms(line, expected):
    found = find_citations(line)
    assert [c.ref for c in found] == [c.ref for c in expected]
    assert [drop_offsets(f, e) for f, e in zip(found, expected)] == [drop_offsets(e, e) for e in expected]

"""The marker grammar (extractors/markers.py): sequences, OCR readings, stripping a marker."""

from __future__ import annotations

import pytest

from kehoach.extractors.markers import (
    NEW_BLOCK_RE,
    first_labels,
    next_label,
    ocr_readings,
    parse_marker,
    strip_marker,
)

# fmt: off
NEXT_CASES = [
    pytest.param("roman", "II", "III", id="roman"),
    pytest.param("roman", "IX", "X", id="roman-ix"),
    pytest.param("arabic)", "9", "10", id="arabic-paren"),
    pytest.param("letter", "d", "đ", id="letter-d-stroke"),
    pytest.param("letter.", "đ", "e", id="letter-after-d-stroke"),
    pytest.param("letter", "e", "g", id="no-f-in-vietnamese-items"),
    pytest.param("decimal", "2.1", "2.2", id="decimal"),
    pytest.param("article", "Điều 9", "Điều 10", id="article"),
    pytest.param("chapter", "Chương II", "Chương III", id="chapter-roman"),
    pytest.param("paren", "3", "4", id="parenthesised"),
    pytest.param("appendix", "Mẫu biểu 1", "Mẫu biểu 2", id="attached-form"),
    pytest.param("appendix", "Biểu 4", "Biểu 5", id="attached-table"),
]

READING_CASES = [
    pytest.param("l. MỤC ĐÍCH, YÊU CẦU", ["I. MỤC ĐÍCH, YÊU CẦU", "1. MỤC ĐÍCH, YÊU CẦU"], id="l-for-one"),
    pytest.param("|. MỤC ĐÍCH", ["I. MỤC ĐÍCH", "1. MỤC ĐÍCH"], id="pipe-for-one"),
    pytest.param("II. TỔ CHỨC THỰC HIỆN", ["III. TỔ CHỨC THỰC HIỆN", "11. TỔ CHỨC THỰC HIỆN"], id="lost-stroke"),
    pytest.param("1O. Sở Y tế chủ trì", ["10. Sở Y tế chủ trì"], id="capital-o-for-zero"),
    pytest.param("2.l. Nội dung", ["2.1. Nội dung"], id="decimal"),
    pytest.param("Điều l. Phạm vi điều chỉnh", ["Điều I. Phạm vi điều chỉnh", "Điều 1. Phạm vi điều chỉnh"],
                 id="article-word"),
    pytest.param("o) Sở Y tế chủ trì", ["c) Sở Y tế chủ trì", "đ) Sở Y tế chủ trì", "e) Sở Y tế chủ trì",
                                        "a) Sở Y tế chủ trì"], id="round-letter-o"),
    pytest.param("d) Chỉ đạo", ["đ) Chỉ đạo"], id="d-stroke-lost"),
    pytest.param("ó) Sở Nội vụ", ["c) Sở Nội vụ", "đ) Sở Nội vụ", "e) Sở Nội vụ"], id="o-with-a-speck"),
    pytest.param("b) Bộ Y tế", [], id="no-confusion-explains-b"),
    pytest.param("ø) UBND các xã", ["g) UBND các xã", "đ) UBND các xã"], id="g-read-as-slashed-o"),
    pytest.param("C) Thúc đẩy ứng dụng", ["c) Thúc đẩy ứng dụng"], id="capital-for-small-c"),
    pytest.param("8) Xây dựng Kế hoạch", ["g) Xây dựng Kế hoạch", "a) Xây dựng Kế hoạch"], id="g-or-a-read-as-eight"),
    pytest.param("o. Hậu cần", ["0. Hậu cần", "5. Hậu cần", "6. Hậu cần", "9. Hậu cần"], id="bold-five-read-as-o"),
    pytest.param("ö. Tỉnh đoàn Quảng Ngãi:", ["8. Tỉnh đoàn Quảng Ngãi:"], id="bold-eight-read-as-o-umlaut"),
    pytest.param("1, Sở Y tế:", ["1. Sở Y tế:"], id="full-stop-read-as-comma"),
    pytest.param("1, 2 và 3 tháng", [], id="list-of-numbers-no-item"),
    pytest.param("H. Trách nhiệm phối hợp", ["II. Trách nhiệm phối hợp"], id="roman-two-read-as-H"),
    pytest.param("So. abc", [], id="two-letter-word-no-number"),
    pytest.param("o Sở Y tế", [], id="letter-without-bracket-is-no-marker"),
    pytest.param("IV. KINH PHÍ", [], id="no-confusion-explains-iv"),
    pytest.param("Quý IV năm 2025", [], id="not-a-marker"),
    pytest.param("l", [], id="lone-letter-is-no-paragraph-marker"),
]
# fmt: on


@pytest.mark.parametrize("style,label,expected", NEXT_CASES)
def test_next_label(style, label, expected):
    assert next_label(style, label) == expected


def test_first_labels():
    assert first_labels("roman") == ("I",) and first_labels("letter)") == ("a",)
    assert "Chương 1" in first_labels("chapter") and first_labels("decimal") == ()


@pytest.mark.parametrize("text,expected", READING_CASES)
def test_ocr_readings(text, expected):
    assert ocr_readings(text) == expected


def test_a_row_number_alone_has_readings_in_a_table():
    assert ocr_readings("l", alone=True) == ["I", "1"]


@pytest.mark.parametrize("text,expected", [
    pytest.param("III. NHIỆM VỤ", "NHIỆM VỤ", id="roman"),
    pytest.param("Điều 3. Thi hành", "Thi hành", id="article"),
    pytest.param("(2) Về triển khai Chương trình", "Về triển khai Chương trình", id="parenthesised"),
    pytest.param("Trên đây là Kế hoạch", "Trên đây là Kế hoạch", id="no-marker"),
])
def test_strip_marker(text, expected):
    assert strip_marker(text) == expected


# fmt: off
# Letter items read through OCR: (text, ids when the text came from OCR, ids when typed, OCR warnings).
LETTER_RUNS = [
    pytest.param("1. Nhiệm vụ:\na) Một;\nb) Hai;\no) Ba;\nd) Bốn.", ["1", "1.a", "1.b", "1.c", "1.d"],
                 ["1", "1.a", "1.b", "1.o", "1.d"], 1, id="o-where-c-is-due"),
    pytest.param("1. Nhiệm vụ:\na) Một;\nb) Hai;\nc) Ba;\nd) Bốn;\no) Năm;\ne) Sáu.",
                 ["1", "1.a", "1.b", "1.c", "1.d", "1.đ", "1.e"], ["1", "1.a", "1.b", "1.c", "1.d", "1.o", "1.e"], 1,
                 id="o-where-d-stroke-is-due"),
    pytest.param("1. Nhiệm vụ:\na) Một;\nb) Hai;\nc) Ba;\nd) Bốn;\nd) Năm;\ne) Sáu.",
                 ["1", "1.a", "1.b", "1.c", "1.d", "1.đ", "1.e"], ["1", "1.a", "1.b", "1.c", "1.d", "1.d#2", "1.e"], 1,
                 id="d-where-d-stroke-is-due"),
    pytest.param("IV. NỘI DUNG\n4. Truyền thông\no. Hậu cần\n6. Phối hợp", ["IV", "IV.4", "IV.5", "IV.6"],
                 ["IV", "IV.4", "IV.4.o", "IV.6"], 1, id="bold-five-read-as-o"),
    pytest.param("V. TỔ CHỨC\n1, Sở Y tế:\n- Chủ trì.\n2. Sở Tài chính", ["V", "V.1", "V.2"], ["V", "V.2"], 1,
                 id="comma-for-full-stop"),
    pytest.param("3. Nội dung:\na) Một;\nb) Hai;\nC) Ba.\n4. Hợp tác", ["3", "3.a", "3.b", "3.c", "4"],
                 ["3", "3.a", "3.b", "C", "C.4"], 1, id="capital-c-where-c-is-due"),
    pytest.param("1. Nhiệm vụ:\ne) Một;\n8) Hai;\nh) Ba.", ["1", "1.e", "1.g", "1.h"],
                 ["1", "1.e", "1.e.8", "1.h"], 1, id="eight-where-g-is-due"),
    pytest.param("1. Nhiệm vụ:\n7) Bảy;\n8) Tám.", ["1", "1.7", "1.8"], ["1", "1.7", "1.8"], 0,
                 id="eight-in-its-number-run-kept"),
    # A marker that fits its run is never read otherwise.
    pytest.param("1. Nhiệm vụ:\nm) Một;\nn) Hai;\no) Ba;\np) Bốn.", ["1", "1.m", "1.n", "1.o", "1.p"],
                 ["1", "1.m", "1.n", "1.o", "1.p"], 0, id="o-in-its-run-kept"),
    pytest.param("1. Nhiệm vụ:\na) Một;\nb) Hai;\nc) Ba;\nd) Bốn.", ["1", "1.a", "1.b", "1.c", "1.d"],
                 ["1", "1.a", "1.b", "1.c", "1.d"], 0, id="d-in-its-run-kept"),
    pytest.param("1. Nhiệm vụ:\na) Một;\nb) Hai;\nb) Hai lần nữa;\nc) Ba.", ["1", "1.a", "1.b", "1.b#2", "1.c"],
                 ["1", "1.a", "1.b", "1.b#2", "1.c"], 0, id="repeat-no-confusion-explains-kept"),
]
# fmt: on


@pytest.mark.parametrize("text,from_ocr,typed,warnings", LETTER_RUNS)
def test_letter_items_read_through_ocr(text, from_ocr, typed, warnings):
    from kehoach.extractors.normalize import clean_lines, join_paragraphs
    from kehoach.extractors.structure import extract_tree
    from kehoach.schemas.layout import Line

    def ids(ocr: bool):
        tree = extract_tree(join_paragraphs(clean_lines([Line(text=t, ocr=ocr) for t in text.split("\n")])))
        return [n.id for n in tree.nodes if n.kind != "pseudo"], tree.warnings

    found, notes = ids(True)
    assert found == from_ocr and len(notes) == warnings and all("OCR'd marker" in w for w in notes)
    assert ids(False) == (typed, [])


# fmt: off
FORM_CASES = [
    pytest.param("Mẫu biểu số 01", "Mẫu biểu 1", id="form-label"),
    pytest.param("MẪU BIỂU SỐ 02", "Mẫu biểu 2", id="form-label-capitals"),
    pytest.param("Biểu số 3", "Biểu 3", id="table-label"),
    pytest.param("Mẫu số 05:", "Mẫu 5", id="template-label-colon"),
    pytest.param("Mẫu biểu  số  04", "Mẫu biểu 4", id="double-spaces"),
    # In a sentence the words name a form, they head nothing.
    pytest.param("Mẫu biểu số 04 đính kèm.", None, id="form-named-in-a-sentence"),
    pytest.param("Mẫu số 01 ban hành kèm theo Thông tư số 69/2017/TT-BTC", None, id="template-named"),
    pytest.param("Mẫu số 01.", None, id="sentence-ending-on-a-form"),
    pytest.param("Mẫu biểu số 02, 03", None, id="forms-listed"),
    pytest.param("Biểu mẫu báo cáo", None, id="no-number"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", FORM_CASES)
def test_attached_form_labels_are_appendix_markers(text, expected):
    marker = parse_marker(text)
    assert (marker.label if marker and marker.style == "appendix" else None) == expected
    assert bool(NEW_BLOCK_RE.match(text)) == (expected is not None)


# fmt: off
# The dash and slash of older and OCR'd copies: markers before a capital only.
OLD_PUNCTUATION_CASES = [
    pytest.param("I- MỤC ĐÍCH, YÊU CẦU", ("roman", "I"), id="roman-dash"),
    pytest.param("II/ NHIỆM VỤ", ("roman", "II"), id="roman-slash"),
    pytest.param("1- Sở Y tế chủ trì", ("arabic)", "1"), id="arabic-dash"),
    pytest.param("2/ Sở Tài chính phối hợp", ("arabic)", "2"), id="arabic-slash"),
    pytest.param("a- Tuyên truyền", ("letter.", "a"), id="letter-dash"),
    pytest.param("b/ Kiểm tra", ("letter.", "b"), id="letter-slash"),
    pytest.param("1-2 ngày làm việc", None, id="range-is-no-marker"),
    pytest.param("1/2025 là năm", None, id="month-year-is-no-marker"),
    pytest.param("1 - 3 tháng", None, id="spaced-range-is-no-marker"),
    pytest.param("a- không rõ", None, id="lower-case-after-dash"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", OLD_PUNCTUATION_CASES)
def test_old_punctuation_markers(text, expected):
    marker = parse_marker(text)
    assert ((marker.style, marker.label) if marker else None) == expected
    assert bool(NEW_BLOCK_RE.match(text)) == (expected is not None)

"""The marker grammar (extractors/markers.py): sequences, OCR readings, stripping a marker."""

from __future__ import annotations

import pytest

from kehoach.extractors.markers import first_labels, next_label, ocr_readings, strip_marker

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
]

READING_CASES = [
    pytest.param("l. MỤC ĐÍCH, YÊU CẦU", ["I. MỤC ĐÍCH, YÊU CẦU", "1. MỤC ĐÍCH, YÊU CẦU"], id="l-for-one"),
    pytest.param("|. MỤC ĐÍCH", ["I. MỤC ĐÍCH", "1. MỤC ĐÍCH"], id="pipe-for-one"),
    pytest.param("II. TỔ CHỨC THỰC HIỆN", ["III. TỔ CHỨC THỰC HIỆN", "11. TỔ CHỨC THỰC HIỆN"], id="lost-stroke"),
    pytest.param("1O. Sở Y tế chủ trì", ["10. Sở Y tế chủ trì"], id="capital-o-for-zero"),
    pytest.param("2.l. Nội dung", ["2.1. Nội dung"], id="decimal"),
    pytest.param("Điều l. Phạm vi điều chỉnh", ["Điều I. Phạm vi điều chỉnh", "Điều 1. Phạm vi điều chỉnh"],
                 id="article-word"),
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

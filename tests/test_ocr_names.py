"""A scanned signer's family name read again from the common family names (extractors/data/surnames.json)."""

from __future__ import annotations

import pytest

from kehoach.extractors import lexicon
from kehoach.extractors.ocr_names import fix_family_name

# fmt: off
CASES = [
    pytest.param("Trân Ngọc Căng", "Trần Ngọc Căng", id="tran-lost-its-grave"),
    pytest.param("Trân Phước Hiên", "Trần Phước Hiên", id="given-names-left-as-read"),
    pytest.param("Lễ Quang Tiến", "Lê Quang Tiến", id="le-with-a-wrong-tone"),
    pytest.param("Dang Văn Minh", "Đặng Văn Minh", id="dang-without-marks"),
    pytest.param("Nguyên Văn Hiếu", "Nguyễn Văn Hiếu", id="nguyen-with-a-wrong-tone"),
    pytest.param("Đặng Văn Minh", "Đặng Văn Minh", id="right-name-kept"),
    pytest.param("Hà Nội", "Hà Nội", id="a-family-name-is-never-changed"),
    pytest.param("Phó Chủ tịch", "Phó Chủ tịch", id="position-not-a-family-name"),
    pytest.param("CHỦ TỊCH", "CHỦ TỊCH", id="capitals-are-a-title"),
    pytest.param("Trân trọng cảm ơn", "Trân trọng cảm ơn", id="lower-case-words-not-a-name"),
    pytest.param("Trân", "Trân", id="one-word-not-a-name"),
    pytest.param("Trân Văn A B C D", "Trân Văn A B C D", id="six-words-not-a-name"),
    pytest.param("Trân Ngọc Căng 2021", "Trân Ngọc Căng 2021", id="digits-not-a-name"),
]
# fmt: on


@pytest.mark.parametrize("read,expected", CASES)
def test_a_misread_family_name_is_read_as_the_name(read, expected):
    assert fix_family_name(read) == expected


@pytest.mark.parametrize("name", lexicon.surnames())
def test_every_example_of_every_family_name_stays_as_printed(name):
    entries = {e["name"]: e for e in lexicon.load("surnames")["surnames"]}
    assert entries[name]["source"] in lexicon.load("surnames")["sources"]
    for example in entries[name]["examples"]:
        assert example.startswith(name + " ")
        assert fix_family_name(example) == example

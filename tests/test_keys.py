"""Registry matching keys (extractors/keys.py): every written form of one thing gives one key."""

from __future__ import annotations

import pytest

from kehoach.extractors.keys import jurisdiction_key, name_key, ref_key, unit_key

UNIT_KEY_CASES = [
    pytest.param("Phòng Văn hóa - Xã hội", "phong-van-hoa-xa-hoi", id="as-written"),
    pytest.param("Phòng Văn hoá – Xã hội", "phong-van-hoa-xa-hoi", id="old-tone-and-en-dash"),
    pytest.param("Phòng VHXH", "phong-van-hoa-xa-hoi", id="abbreviation-the-units-stage-knows"),
    pytest.param("UBND các xã, phường", "uy-ban-nhan-dan-cac-xa-phuong", id="ubnd"),
    pytest.param("Đề nghị Sở Y tế", "so-y-te", id="leading-request-verb-dropped"),
    pytest.param("các cơ quan, đơn vị có liên quan", "cac-co-quan-don-vi-lien-quan", id="co-lien-quan-is-lien-quan"),
    pytest.param("các cơ quan, đơn vị liên quan", "cac-co-quan-don-vi-lien-quan", id="lien-quan"),
    pytest.param("Cơ quan có liên quan khác", "co-quan-lien-quan-khac", id="co-lien-quan-inside"),
    pytest.param("   ", None, id="blank"),
]


@pytest.mark.parametrize("name,key", UNIT_KEY_CASES)
def test_unit_key(name, key):
    assert unit_key(name) == key


@pytest.mark.parametrize("ref,key", [
    pytest.param("Chỉ thị số 33/CT-TTg", "33/CT-TTG", id="type-word-and-so"),
    pytest.param("33/ct-ttg", "33/CT-TTG", id="lower-case"),
    pytest.param("25- NQ/TW", "25-NQ/TW", id="space-in-party-symbol"),
    pytest.param("3177/QĐ-UBND", "3177/QD-UBND", id="d-with-stroke-folded"),
])
def test_ref_key(ref, key):
    assert ref_key(ref) == key


@pytest.mark.parametrize("name,key", [
    pytest.param("thành phố Hà Nội", "ha-noi", id="city"),
    pytest.param("TP. Hà Nội", "ha-noi", id="tp-abbreviation"),
    pytest.param("Hà Nội", "ha-noi", id="bare-name"),
    pytest.param("Thủ đô Hà Nội", "ha-noi", id="thu-do"),
    pytest.param("tỉnh Đắk Lắk", "dak-lak", id="province-d-with-stroke"),
    pytest.param("TP.HCM", "ho-chi-minh", id="hcm"),
    pytest.param("Thành phố Hồ Chí Minh", "ho-chi-minh", id="ho-chi-minh"),
    pytest.param("xã Lương Minh", "luong-minh", id="commune"),
    pytest.param("Trung ương", "trung-uong", id="central"),
    pytest.param("ha-noi", "ha-noi", id="a-key-is-its-own-key"),
    pytest.param("Quảng Trị", "quang-tri", id="no-level-word"),
    pytest.param(" ", None, id="blank"),
])
def test_jurisdiction_key(name, key):
    assert jurisdiction_key(name) == key


@pytest.mark.parametrize("name,key", [
    pytest.param("Luật Đất đai năm 2024", "luat dat dai 2024", id="nam-before-year-dropped"),
    pytest.param("Luật Đất đai 2024", "luat dat dai 2024", id="without-nam"),
    pytest.param("33/CT‑TTg", "33/ct-ttg", id="number-nb-hyphen"),
    pytest.param("Luật Tổ chức chính quyền địa phương", "luat to chuc chinh quyen dia phuong", id="name"),
    pytest.param("Nghị quyết (số 25-NQ/TW)", "nghi quyet so 25-nq/tw", id="punctuation"),
    pytest.param("Năm 2024", "2024", id="leading-nam"),
    pytest.param("", None, id="empty"),
])
def test_name_key(name, key):
    assert name_key(name) == key

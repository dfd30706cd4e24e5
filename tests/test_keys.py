"""Registry matching keys (extractors/keys.py): every written form of one thing gives one key."""

from __future__ import annotations

import pytest

from kehoach.extractors.keys import ref_key, unit_key

UNIT_KEY_CASES = [
    pytest.param("Phòng Văn hóa - Xã hội", "phong-van-hoa-xa-hoi", id="as-written"),
    pytest.param("Phòng Văn hoá – Xã hội", "phong-van-hoa-xa-hoi", id="old-tone-and-en-dash"),
    pytest.param("Phòng VHXH", "phong-van-hoa-xa-hoi", id="abbreviation-the-units-stage-knows"),
    pytest.param("UBND các xã, phường", "uy-ban-nhan-dan-cac-xa-phuong", id="ubnd"),
    pytest.param("Đề nghị Sở Y tế", "so-y-te", id="leading-request-verb-dropped"),
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

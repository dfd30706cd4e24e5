"""Where a unit belongs (jurisdiction) and whether it is a catch-all group: one real-shaped unit per row."""

from __future__ import annotations

import pytest

from kehoach.extractors.unit_keys import is_group, unit_id
from kehoach.extractors.unit_places import issuer_jurisdiction, unit_jurisdiction
from kehoach.extractors.units import extract_assignments, mark_places
from kehoach.schemas.models import Metadata, Node

# fmt: off
ISSUER_CASES = [
    pytest.param("Ủy ban nhân dân tỉnh Đắk Lắk", None, None, "tỉnh Đắk Lắk", id="provincial-committee"),
    pytest.param("Ủy ban nhân dân phường Gia Viên", None, "Hải Phòng", "phường Gia Viên", id="ward-committee"),
    pytest.param("Ủy ban nhân dân thành phố Hồ Chí Minh", None, None, "thành phố Hồ Chí Minh", id="city-committee"),
    pytest.param("Tỉnh ủy Lào Cai", None, None, "tỉnh Lào Cai", id="party-province-named-by-its-place"),
    pytest.param("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh", None, None, "xã Lương Minh",
                 id="commune-front"),
    pytest.param("Sở Y tế", "Ủy ban nhân dân tỉnh Cao Bằng", None, "tỉnh Cao Bằng", id="department-takes-its-parent"),
    pytest.param("Ủy ban nhân dân tỉnh", None, "Quảng Trị", "tỉnh Quảng Trị", id="unnamed-level-takes-the-place-line"),
    pytest.param("Thủ tướng Chính phủ", None, "Hà Nội", "Trung ương", id="prime-minister"),
    pytest.param("Văn phòng Chính phủ", None, None, "Trung ương", id="government-office"),
    pytest.param("Bộ Văn hóa, Thể thao và Du lịch", None, None, "Trung ương", id="ministry"),
    pytest.param(None, None, None, None, id="neg-no-issuer"),
    pytest.param("Hội đồng thi", None, None, None, id="neg-unplaced-body"),
]

UNIT_CASES = [
    pytest.param("Sở Tài chính", "tỉnh Đắk Lắk", "tỉnh Đắk Lắk", id="local-body-of-the-issuer"),
    pytest.param("Sở Tài chính thành phố Hà Nội", "tỉnh Đắk Lắk", "thành phố Hà Nội", id="place-named-with-the-body"),
    pytest.param("Ủy ban nhân dân tỉnh Điện Biên", "Trung ương", "tỉnh Điện Biên", id="province-in-a-central-text"),
    pytest.param("UBND TP. Hồ Chí Minh", None, "thành phố Hồ Chí Minh", id="tp-abbreviation"),
    pytest.param("Thuế tỉnh Ninh Bình", "tỉnh Ninh Bình", "tỉnh Ninh Bình", id="tax-office-named"),
    pytest.param("Bộ Tài chính", "tỉnh Đắk Lắk", "Trung ương", id="ministry-in-a-provincial-text"),
    pytest.param("Bộ trưởng Bộ Tư pháp", "Trung ương", "Trung ương", id="minister"),
    pytest.param("Văn phòng Chính phủ", "tỉnh Đắk Lắk", "Trung ương", id="government-office"),
    pytest.param("Ban Tuyên giáo và Dân vận Trung ương", "tỉnh Lào Cai", "Trung ương", id="central-party-body"),
    pytest.param("các bộ, ngành Trung ương", "tỉnh Nghệ An", "Trung ương", id="central-group"),
    pytest.param("Cục trưởng Cục Quản lý Thi hành án dân sự", "Trung ương", "Trung ương", id="department-of-a-ministry"),
    pytest.param("Bộ Chỉ huy Quân sự tỉnh", "tỉnh Quảng Trị", "tỉnh Quảng Trị", id="provincial-military-is-local"),
    pytest.param("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Trung ương", None,
                 id="local-bodies-of-no-one-place"),
    pytest.param("các cơ quan, đơn vị liên quan", "phường Gia Viên", "phường Gia Viên", id="group-of-the-issuer"),
    pytest.param("Sở Y tế", None, None, id="neg-unknown-issuer"),
]

GROUP_CASES = [
    pytest.param("các sở, ban, ngành", True, id="departments-group"),
    pytest.param("Các cơ quan, đơn vị có liên quan", True, id="related-bodies"),
    pytest.param("cơ quan, đơn vị liên quan", True, id="related-without-determiner"),
    pytest.param("Thủ trưởng các sở, ban, ngành", True, id="title-over-a-group"),
    pytest.param("các tổ chức, cá nhân có liên quan", True, id="organisations-and-people"),
    pytest.param("lực lượng chức năng", True, id="forces"),
    pytest.param("Sở Tài chính", False, id="neg-one-department"),
    pytest.param("Ủy ban nhân dân tỉnh", False, id="neg-committee"),
    pytest.param("Ban Chỉ đạo", False, id="neg-steering-committee"),
    pytest.param("Giám đốc Sở Y tế", False, id="neg-head-of-a-department"),
    pytest.param("Cơ quan Thường trực Ban Chỉ đạo", False, id="neg-named-standing-body"),
    pytest.param("Hội đồng tuyển dụng công chức", False, id="neg-hoi-dong-is-one-body"),
]
# fmt: on


@pytest.mark.parametrize("issuer,parent,place,expected", ISSUER_CASES)
def test_issuer_jurisdiction(issuer, parent, place, expected):
    assert issuer_jurisdiction(issuer, parent, place) == expected


@pytest.mark.parametrize("unit,issuer_place,expected", UNIT_CASES)
def test_unit_jurisdiction(unit, issuer_place, expected):
    assert unit_jurisdiction(unit, issuer_place) == expected


@pytest.mark.parametrize("unit,expected", GROUP_CASES)
def test_is_group(unit, expected):
    assert is_group(unit) is expected


def test_related_and_having_related_are_one_group():
    assert unit_id("các cơ quan, đơn vị có liên quan") == unit_id("Các cơ quan, đơn vị liên quan")
    assert unit_id("các đơn vị có liên quan") != unit_id("các cơ quan có liên quan")


def test_mark_places_on_a_document():
    nodes = [Node(id="1", marker="1.", kind="item", text="Sở Y tế chủ trì, phối hợp với Bộ Y tế và các đơn vị liên quan "
                                                          "giám sát dịch bệnh.")]
    meta = Metadata(issuer="Ủy ban nhân dân tỉnh Đắk Lắk")
    placed = mark_places(extract_assignments(nodes), meta)
    assert [(a.unit, a.jurisdiction, a.is_group) for a in placed] == [
        ("Sở Y tế", "tỉnh Đắk Lắk", False), ("Bộ Y tế", "Trung ương", False),
        ("các đơn vị liên quan", "tỉnh Đắk Lắk", True)]

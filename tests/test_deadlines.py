"""Deadlines: each written form, its ISO last day, and the phrases that are not deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.extractors.deadlines import find_deadline, parse_deadline

D = dt.date

# fmt: off
PARSE_CASES = [
    pytest.param("trước ngày 15/12/2025", D(2025, 12, 15), id="truoc-ngay-slash"),
    pytest.param("trước ngày 30 tháng 7 năm 2024", D(2024, 7, 30), id="truoc-ngay-words"),
    pytest.param("chậm nhất ngày 10/12/2025", D(2025, 12, 10), id="cham-nhat"),
    pytest.param("hoàn thành trong tháng 11/2025", D(2025, 11, 30), id="thang-slash"),
    pytest.param("trong tháng 2 năm 2024", D(2024, 2, 29), id="thang-leap-year"),
    pytest.param("Quý IV/2025", D(2025, 12, 31), id="quy-iv-slash"),
    pytest.param("Quý III năm 2024", D(2024, 9, 30), id="quy-iii-words"),
    pytest.param("quý 1/2026", D(2026, 3, 31), id="quy-arabic"),
    pytest.param("Quý II năm 2025", D(2025, 6, 30), id="quy-ii"),
    pytest.param("năm 2026", D(2026, 12, 31), id="nam"),
    pytest.param("2026", D(2026, 12, 31), id="bare-year-cell"),
    pytest.param("6 tháng cuối năm 2025", D(2025, 12, 31), id="six-months-last"),
    pytest.param("6 tháng đầu năm 2026", D(2026, 6, 30), id="six-months-first"),
    pytest.param("Thường xuyên", None, id="thuong-xuyen-open"),
    pytest.param("Hằng năm", None, id="hang-nam-open"),
    pytest.param("hàng quý", None, id="hang-quy-open"),
]
# fmt: on


@pytest.mark.parametrize("phrase,expected", PARSE_CASES)
def test_parse_deadline(phrase, expected):
    found = parse_deadline(phrase)
    assert found is not None
    assert found.date == expected
    assert found.text == phrase


@pytest.mark.parametrize("phrase", [
    pytest.param("", id="empty"),
    pytest.param("theo quy định", id="no-period"),
    pytest.param("trước ngày 15/13/2025", id="impossible-date-kept-without-iso"),
])
def test_parse_deadline_without_date(phrase):
    found = parse_deadline(phrase)
    assert found is None or found.date is None


# fmt: off
FIND_CASES = [
    pytest.param("Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014.", "trước ngày 27 tháng 6 năm 2014", D(2014, 6, 27),
                 id="label-thoi-gian-hoan-tat"),
    pytest.param("- Thời gian: Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử).",
                 "Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử", D(2025, 12, 10), id="label-cham-nhat-wins"),
    pytest.param("Thời gian thực hiện: Thường xuyên.", "Thường xuyên", None, id="label-open"),
    pytest.param("tổ chức thực hiện nhằm đảm bảo đạt mục tiêu, hoàn thành trong Quý III năm 2024;",
                 "hoàn thành trong Quý III năm 2024", D(2024, 9, 30), id="prose-hoan-thanh-quy"),
    pytest.param("xây dựng Nghị định sửa đổi, trình Chính phủ trước ngày 30 tháng 7 năm 2024.",
                 "trước ngày 30 tháng 7 năm 2024", D(2024, 7, 30), id="prose-trinh-truoc-ngay"),
    pytest.param("Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2025.", "trước ngày 15/12/2025", D(2025, 12, 15),
                 id="prose-truoc-ngay"),
    pytest.param("Thời gian thực hiện: *Thường xuyên.", "Thường xuyên", None, id="label-bold-marker-dropped"),
    pytest.param("Thời gian thực hiện: *Hằng năm.", "Hằng năm", None, id="label-bold-marker-hang-nam"),
]
# fmt: on


@pytest.mark.parametrize("text,expected_text,expected_date", FIND_CASES)
def test_find_deadline(text, expected_text, expected_date):
    found = find_deadline(text)
    assert found is not None
    assert (found.text, found.date) == (expected_text, expected_date)


# fmt: off
NOT_DEADLINE_CASES = [
    pytest.param("Triển khai công tác dân vận chính quyền năm 2025 với chủ đề …", id="year-in-title"),
    pytest.param("danh mục nhiệm vụ thực hiện công tác dân vận 6 tháng cuối năm 2025 của các cơ quan", id="period-as-scope"),
    pytest.param("Ủy ban Kiểm tra thường xuyên kiểm tra, giám sát các cấp ủy", id="thuong-xuyen-adverb"),
    pytest.param("Mục tiêu tổng quát đến năm 2030: nâng cao năng lực quản trị môi trường", id="target-year"),
    pytest.param("Căn cứ Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ", id="citation-date"),
]
# fmt: on


@pytest.mark.parametrize("text", NOT_DEADLINE_CASES)
def test_not_a_deadline(text):
    assert find_deadline(text) is None


# --- deadlines stated on nodes -------------------------------------------------------------

def _node(node_id, text, *, parent=None, kind="item"):
    from kehoach.schemas.models import Node

    return Node(id=node_id, parent=parent, kind=kind, text=text)


def _assignment(node_id, deadline_text, deadline):
    import datetime as dt

    from kehoach.schemas.models import Assignment

    return Assignment(node=node_id, unit="Sở Y tế", unit_id="sở y tế", role="lead",
                      deadline=dt.date.fromisoformat(deadline) if deadline else None, deadline_text=deadline_text)


MARK_CASES = [
    pytest.param([_node("1.a", "Khẩn trương ban hành kế hoạch giảm phát thải, hoàn thành trong Quý III năm 2024;")],
                 [], {"1.a": ("2024-09-30", "hoàn thành trong Quý III năm 2024")},
                 id="item-under-a-unit-heading-states-its-own-deadline"),
    pytest.param([_node("2", "Rà soát, báo cáo trước ngày 15/12/2025.")],
                 [_assignment("2", "trước ngày 10/12/2025", "2025-12-10"),
                  _assignment("2", "trước ngày 20/12/2025", "2025-12-20")],
                 {"2": ("2025-12-10", "trước ngày 10/12/2025")},
                 id="earliest-assignment-deadline-wins-over-text"),
    pytest.param([_node("preamble", "Thực hiện Kế hoạch năm 2025, hoàn thành trước ngày 31/12/2025.", kind="pseudo")],
                 [], {"preamble": (None, None)}, id="pseudo-nodes-get-none"),
    pytest.param([_node("I.1", "Nâng cao nhận thức của cán bộ về công tác dân vận năm 2025.")],
                 [], {"I.1": (None, None)}, id="a-year-in-prose-is-no-deadline"),
    pytest.param([_node("3", "Thực hiện thường xuyên việc kiểm tra. Thời gian thực hiện: Thường xuyên.")],
                 [], {"3": (None, "Thường xuyên")}, id="open-deadline-keeps-its-text"),
    pytest.param([_node("1", "Sở Y tế: hoàn thành trước ngày 31/12/2024."), _node("1.a", "Ban hành kế hoạch, "
                  "hoàn thành trong Quý III năm 2024;", parent="1"), _node("1.b", "Tổng kết, đánh giá.", parent="1"),
                  _node("1.b.1", "Báo cáo kết quả.", parent="1.b"), _node("2", "Tuyên truyền.")],
                 [], {"1": ("2024-12-31", "hoàn thành trước ngày 31/12/2024"),
                      "1.a": ("2024-09-30", "hoàn thành trong Quý III năm 2024"),
                      "1.b": ("2024-12-31", "hoàn thành trước ngày 31/12/2024"),
                      "1.b.1": ("2024-12-31", "hoàn thành trước ngày 31/12/2024"), "2": (None, None)},
                 id="a-child-without-its-own-takes-the-nearest-ancestors"),
    pytest.param([_node("preamble", "Hoàn thành trước ngày 31/12/2025.", kind="pseudo"),
                  _node("1", "Tuyên truyền.", parent="preamble")],
                 [], {"preamble": (None, None), "1": (None, None)}, id="nothing-flows-from-a-pseudo-node"),
]


@pytest.mark.parametrize("nodes,assignments,expected", MARK_CASES)
def test_mark_deadlines(nodes, assignments, expected):
    from kehoach.extractors.deadlines import mark_deadlines

    marked = {n.id: (n.deadline.isoformat() if n.deadline else None, n.deadline_text)
              for n in mark_deadlines(nodes, assignments)}
    assert marked == expected

"""Procedure steps ("Bước N" rows of a "Quy trình nội bộ" table): the performer cell of a step leads that step, one
unit per cell, written as the cell writes it, title included (tests/gold NOTES-87-89 call 3).

The rows are built by hand as the structure stage hands them on (``TableRow`` with the performer in ``leads``); the
column title "Đơn vị/người thực hiện" is read as the lead column by the table stage (extractors/data/table_columns.json,
not the unit stage's): until it is, document 88 keeps its misses.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.table_cells import split_units
from kehoach.extractors.tables import TableRow, table_assignments

# fmt: off
# tests/gold 88 (a9e3b1619c1d3512) I.Bước 1–7: the performer cells as the text writes them, wrapped lines joined
PERFORMER_CASES = [
    pytest.param("Công chức, viên chức tại Trung tâm Phục vụ hành chính công tỉnh, cấp xã",
                 ["Công chức, viên chức tại Trung tâm Phục vụ hành chính công tỉnh, cấp xã"], id="officers-at-a-centre"),
    pytest.param("Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị",
                 ["Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị"], id="head-of-a-department-slash-name"),
    pytest.param("Chuyên viên phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị",
                 ["Chuyên viên phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị"], id="officer-of-a-department"),
    pytest.param("Lãnh đạo UBND cấp xã", ["Lãnh đạo UBND cấp xã"], id="commune-leaders"),
    pytest.param("Văn thư UBND cấp xã", ["Văn thư UBND cấp xã"], id="clerk-of-the-commune"),
    pytest.param("Trung tâm Phục vụ hành chính công tỉnh, cấp xã", ["Trung tâm Phục vụ hành chính công tỉnh, cấp xã"],
                 id="centre-of-two-levels"),
]
# fmt: on


@pytest.mark.parametrize(("cell", "expected"), PERFORMER_CASES)
def test_a_performer_cell_is_one_unit(cell, expected):
    assert split_units(cell) == expected


def test_a_step_row_gives_its_performer_a_lead():
    step = TableRow(label="Bước 2", group="I", text="Nhận hồ sơ, phân công công chức xử lý hồ sơ",
                    leads=tuple(split_units("Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị")),
                    deadline_text="04 giờ")
    got = [(a.node, a.unit, a.role) for a in table_assignments({"I.Bước 2": step})]
    assert got == [("I.Bước 2", "Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị", "lead")]

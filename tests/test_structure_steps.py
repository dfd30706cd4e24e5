"""Numbered steps of a procedure ("Bước 1", "Bước 2" …): nodes with the step word kept in the id, and the performer's
cell of a procedure table handed on as the step row's lead (extractors/structure_steps.py)."""

from __future__ import annotations

import pytest

from kehoach.extractors import lexicon
from kehoach.extractors.fold import ascii_key
from kehoach.extractors.markers import NEW_BLOCK_RE, next_label, parse_marker
from kehoach.extractors.normalize import clean_lines, join_paragraphs
from kehoach.extractors.structure import extract_tree
from kehoach.extractors.structure_steps import PerformerColumn, join_cells, performer_offset, step_column_role
from kehoach.schemas.layout import Line


def tree_of(text: str):
    return extract_tree(join_paragraphs(clean_lines(Line(text=t) for t in text.split("\n"))))


# fmt: off
STEP_MARKERS = [
    pytest.param("Bước 1: Tiếp nhận hồ sơ", ("step", "Bước 1"), id="colon"),
    pytest.param("Bước 2. Lựa chọn hình thức tư vấn", ("step", "Bước 2"), id="full-stop"),
    pytest.param("Bước 3", ("step", "Bước 3"), id="alone-on-its-line"),
    pytest.param("BƯỚC 01: THẨM ĐỊNH", ("step", "Bước 1"), id="capitals-leading-zero"),
    pytest.param("Bước 1 Công chức tại Trung tâm Phục vụ hành chính công", ("step", "Bước 1"), id="joined-to-its-cell"),
    pytest.param("Bước 3 (Giảng bài mới)", ("step", "Bước 3"), id="joined-to-a-bracketed-cell"),
    pytest.param("Bước 2 của quy trình được rút ngắn", None, id="in-a-sentence"),
    pytest.param("Bước đầu hoàn thành việc sắp xếp", None, id="word-bước-without-number"),
]

STEP_TREES = [
    pytest.param("I. Khấu trừ kinh phí bồi thường\nBước 1: Tiếp nhận hồ sơ.\nBước 2: Thẩm định hồ sơ.\n"
                 "II. Cấp giấy chứng nhận\nBước 1: Tiếp nhận.", ["I", "I.Bước 1", "I.Bước 2", "II", "II.Bước 1"],
                 id="steps-under-their-procedure"),
    pytest.param("1. Trình tự thực hiện:\nBước 1: Tiếp nhận hồ sơ\na) Nộp hồ sơ trực tuyến;\nb) Nộp trực tiếp.\n"
                 "Bước 2: Xử lý hồ sơ\n2. Thành phần hồ sơ", ["1", "1.Bước 1", "1.Bước 1.a", "1.Bước 1.b",
                                                            "1.Bước 2", "2"], id="items-inside-a-step"),
    pytest.param("1. Quy trình cấp phép\nBước 1\n1. Nộp hồ sơ:\n- Nộp trực tuyến.\n2. Kiểm tra hồ sơ.\nBước 2\n"
                 "Thẩm định\n2. Quy trình gia hạn", ["1", "1.Bước 1", "1.Bước 1.1", "1.Bước 1.2", "1.Bước 2", "2"],
                 id="numbered-list-inside-a-step-under-a-numbered-item"),
    pytest.param("I. Quy trình\nBước 1\nKiểm tra hồ sơ\nBước 1\nPhân công thụ lý", ["I", "I.Bước 1", "I.Bước 1#2"],
                 id="repeated-step-gets-#2"),
]

# A procedure table as a clerk's copy gives it: the header's titles, then each step with its cells, one per line.
TABLE = ("I. Khấu trừ kinh phí bồi\nthường, hỗ trợ, tái định cư (mã số 1.012994)\n"
         "Thứ tự công việc\nĐơn vị/người\nthực hiện\nNội dung công\nviệc\nThời gian thực\nhiện\n"
         "Bước 1\nCông chức, viên chức tại Trung tâm Phục vụ hành chính\ncông tỉnh, cấp xã\n"
         "Kiểm tra, hướng dẫn, tiếp nhận hồ sơ:\n- Trường hợp hồ sơ đầy đủ thì chuyển hồ sơ tới Phòng Kinh tế;\n"
         "04 giờ\nBước 2\nLãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và\nĐô thị\n"
         "Nhận hồ sơ, phân công công chức xử lý hồ sơ\n04 giờ\n"
         "Bước 3\nVăn thư UBND cấp xã\n- Vào số văn bản;\n- Chuyển kết quả đến cơ quan Thuế.\n08 giờ")
# The same steps with the content column before the performer's.
TABLE_CONTENT_FIRST = ("Thứ tự công việc\nNội dung công việc\nĐơn vị thực hiện\nThời gian thực hiện\n"
                       "Bước 1\nKiểm tra, xem xét tính chính xác,\nđầy đủ của hồ sơ.\n"
                       "Bộ phận tiếp nhận và trả kết quả của Sở tại TTPVHCC tỉnh;\nTTPVHCC các xã, phường\n"
                       "0,25 ngày làm việc\n"
                       "Bước 2\nPhân công chuyên viên thụ lý\nhồ sơ\nLãnh đạo phòng Quản lý Báo chí\n"
                       "0,25 ngày làm việc")
# Content cells wrapped at a capital ("… trình lãnh đạo" ⏎ "Sở phê duyệt", "… kết quả giải quyết" ⏎ "TTHC"): the
# performer is the cell before the time cell.
TABLE_WRAPPED_AT_CAPITALS = ("Thứ tự công việc\nNội dung công việc\nĐơn vị thực hiện\nThời gian thực hiện\n"
                             "Bước 4\nXem xét hồ sơ, trình lãnh đạo\nSở phê duyệt\nLãnh đạo Phòng BTXH và Trẻ em\n"
                             "0,5 ngày làm việc\nBước 5\nPhê duyệt kết quả giải quyết\nTTHC\nLãnh đạo Sở Y tế\n"
                             "01 ngày làm việc\nBước 6\nTrả kết quả cho tổ chức, cá nhân\nBộ phận tiếp nhận và trả kết quả\n"
                             "Không tính thời gian")
# fmt: on


@pytest.mark.parametrize("text,expected", STEP_MARKERS)
def test_step_marker(text, expected):
    marker = parse_marker(text)
    assert ((marker.style, marker.label) if marker else None) == expected


def test_step_line_opens_a_block_and_steps_run_on():
    assert NEW_BLOCK_RE.match("Bước 1") and NEW_BLOCK_RE.match("Bước 2: Xử lý hồ sơ")
    assert not NEW_BLOCK_RE.match("Bước 2 của quy trình")
    assert next_label("step", "Bước 9") == "Bước 10"


@pytest.mark.parametrize("text,expected", STEP_TREES)
def test_step_nodes(text, expected):
    assert [n.id for n in tree_of(text).nodes if n.kind != "pseudo"] == expected


@pytest.mark.parametrize("title,role", [
    pytest.param("Thứ tự công việc", "step", id="order-of-work"),
    pytest.param("TRÌNH TỰ THỰC HIỆN", "step", id="sequence-capitals"),
    pytest.param("Đơn vị/người thực hiện", "performer", id="unit-or-person"),
    pytest.param("ĐƠN VỊ GIẢI QUYẾT", "performer", id="unit-that-settles"),
    pytest.param("Thời gian thực hiện (tính mỗi ngày 08 giờ làm việc)", "other", id="time"),
    pytest.param("Căn cứ pháp lý", None, id="unknown-title"),
])
def test_step_column_roles(title, role):
    assert step_column_role(title) == role


def test_cells_are_joined_back_from_wrapped_lines():
    assert join_cells(["Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và", "Đô thị", "- Nhận hồ sơ;",
                       "- Dự thảo kết quả", "04 giờ"]) == [
        "Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị", "- Nhận hồ sơ; - Dự thảo kết quả", "04 giờ"]
    assert join_cells(["Kiểm tra hồ sơ:", "- Trường hợp một;", "Văn thư"]) == [
        "Kiểm tra hồ sơ: - Trường hợp một;", "Văn thư"]
    # tests/gold 176 B.I.1.Bước 1: a cell wrapped after "tại" goes on, its next line in capitals.
    centre = "Trung tâm Phục vụ Hành chính công"
    assert join_cells(["Công chức, viên chức tại", f"{centre} tỉnh hoặc {centre}", "xã, phường",
                       "- Kiểm tra, hướng dẫn, tiếp nhận hồ sơ"]) == [
        f"Công chức, viên chức tại {centre} tỉnh hoặc {centre} xã, phường", "- Kiểm tra, hướng dẫn, tiếp nhận hồ sơ"]


def test_performer_offset_reads_the_header():
    assert performer_offset(["Thứ tự công việc", "Đơn vị/người", "thực hiện", "Nội dung công", "việc"]).offset == 0
    assert performer_offset(["Thứ tự công việc", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian"]) == PerformerColumn(1, True)
    assert performer_offset(["Thứ tự công việc", "Nội dung công việc", "Thời gian"]) is None  # no performer column
    assert performer_offset(["1. Tiếp nhận hồ sơ", "2. Thẩm định"]) is None  # no header


@pytest.mark.parametrize("text,expected", [
    pytest.param(TABLE, {"I.Bước 1": "Công chức, viên chức tại Trung tâm Phục vụ hành chính công tỉnh, cấp xã",
                         "I.Bước 2": "Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị",
                         "I.Bước 3": "Văn thư UBND cấp xã"}, id="performer-first"),
    pytest.param(TABLE_CONTENT_FIRST, {"Bước 1": "Bộ phận tiếp nhận và trả kết quả của Sở tại TTPVHCC tỉnh; "
                                                 "TTPVHCC các xã, phường",
                                       "Bước 2": "Lãnh đạo phòng Quản lý Báo chí"}, id="content-first"),
    pytest.param(TABLE_WRAPPED_AT_CAPITALS, {"Bước 4": "Lãnh đạo Phòng BTXH và Trẻ em", "Bước 5": "Lãnh đạo Sở Y tế",
                                             "Bước 6": "Bộ phận tiếp nhận và trả kết quả"},
                 id="content-wrapped-at-a-capital"),
    pytest.param("I. NHIỆM VỤ\nBước 1: Sở Tài chính tiếp nhận hồ sơ.\nBước 2: Sở Nội vụ thẩm định.", {},
                 id="steps-outside-a-table-have-no-row"),
])
def test_step_rows_hand_on_the_performer(text, expected):
    tree = tree_of(text)
    assert {node_id: row.leads[0] for node_id, row in tree.table_rows.items()} == expected
    assert all(row.step and row.is_task and row.cells == (("lead", row.leads[0]),) for row in tree.table_rows.values())


@pytest.mark.parametrize("role,example", [(e.role, x) for e in lexicon.step_column_titles() for x in e.examples],
                         ids=lambda v: ascii_key(str(v)))
def test_step_column_examples_get_their_role(role, example):
    assert step_column_role(example) == role

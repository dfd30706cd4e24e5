"""What is not an assignment, whatever its shape: participants and recipients, report routes, directed and
mobilised units, descriptions and definitions, and every statement under MỤC ĐÍCH, YÊU CẦU or a forecast.
"""

from __future__ import annotations

import pytest

from tests.factories import task_roles

# fmt: off
NEGATIVE_CASES = [
    pytest.param("- Thành phần: Ban Thường trực Ủy ban MTTQ xã; Thường trực HĐND, UBND xã; Ban Công tác mặt trận thôn (Chủ trì).",
                 None, [], id="neg-participants"),
    pytest.param("- Báo cáo tổng hợp hàng ngày gửi UBND tỉnh, Ban Chỉ huy Phòng chống thiên tai.", None, [],
                 id="neg-report-recipient"),
    pytest.param("- Khi xuất hiện ca bệnh bất thường, báo cáo ngay về Trung tâm Kiểm soát bệnh tật tỉnh và Sở Y tế.", None, [],
                 id="neg-bao-cao-ve"),
    pytest.param("- Lãnh đạo, chỉ đạo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức triển khai phong trào.", None, [],
                 id="neg-directed-unit"),
    pytest.param("vận động các tổ chức, đoàn thể như Mặt trận Tổ quốc, Hội Phụ nữ giúp đỡ các hộ gia đình.", None, [],
                 id="neg-mobilised-units"),
    pytest.param("- Hướng dẫn các cơ quan, đơn vị triển khai, tổ chức thực hiện công tác dân vận.", None, [],
                 id="neg-object-of-huong-dan"),
    pytest.param("Nâng cao vai trò, trách nhiệm của người đứng đầu cơ quan, đơn vị trong thực hiện công tác dân vận.", None, [],
                 id="neg-vai-tro-nguoi-dung-dau"),
    pytest.param("- Tổ kiểm phiếu sẽ thực hiện kiểm đếm và công bố kết quả biểu quyết.", None, [],
                 id="neg-future-description"),
    pytest.param("Rà soát lượng hóa chất tại Trung tâm Kiểm soát bệnh tật tỉnh và các Trung tâm Y tế.", None, [],
                 id="neg-location-not-actor"),
    pytest.param("Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.", None, [],
                 id="neg-thong-bao-formula"),
    pytest.param("(1) Về việc phê duyệt Chương trình: Các Bộ, cơ quan thống nhất chỉ có một cơ quan chủ trì.", None, [],
                 id="neg-agreement-not-subject-of-chu-tri"),
    pytest.param("- Ủy ban nhân dân cấp xã bao gồm: Lãnh đạo Ủy ban nhân dân, công chức tham mưu.", None, [],
                 id="neg-bao-gom-membership"),
]

# Sections of aims and forecasts state no tasks.
SECTION_CASES = [
    pytest.param("Thủ trưởng, người đứng đầu các phòng, đơn vị sự nghiệp phải xác định công tác dân vận là nhiệm vụ trọng tâm.",
                 "Thủ trưởng, người đứng đầu các phòng", [], "MỤC ĐÍCH, YÊU CẦU", id="neg-aims-section"),
    pytest.param("Ủy ban nhân dân tỉnh xác định khung cân đối ngân sách 03 năm như các Mẫu biểu kèm theo.", None, [],
                 "DỰ BÁO TÌNH HÌNH KINH TẾ - XÃ HỘI", id="neg-forecast-section"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", NEGATIVE_CASES)
def test_not_assignments(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected,section", SECTION_CASES)
def test_sections_without_tasks(text, heading, expected, section):
    assert task_roles(text, heading, section) == expected

"""What the citing document does with a cited one (``relation``): only its own words count.

The implements table: positive rows (the document's title, preamble, "Thực hiện / Triển khai" phrases)
and negative rows (words inside another cited document's title, "theo quy định của", a document
amended by another). One row per case, ASCII ids; each row names the ref whose relation it checks.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.citations import extract_citations, find_citations
from kehoach.schemas.models import Node

# fmt: off
IMPLEMENTS_CASES = [
    # (line, ref, relation expected)
    # --- positive: the document's own words
    pytest.param("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ,",
                 "33/CT-TTg", "implements", id="yes-preamble-thuc-hien"),
    pytest.param("Triển khai thực hiện có hiệu quả Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
                 "57-NQ/TW", "implements", id="yes-trien-khai-thuc-hien-co-hieu-qua"),
    pytest.param("Kế hoạch triển khai thi hành Luật Đất đai năm 2024 trên địa bàn tỉnh",
                 "Luật Đất đai 2024", "implements", id="yes-own-title-law-by-name"),
    pytest.param("Quán triệt, triển khai Kết luận số 75-KL/TW và Chương trình hành động số 31-CTr/TW",
                 "31-CTr/TW", "implements", id="yes-second-member-of-list"),
    pytest.param("THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ",
                 "1899/QĐ-TTg", "implements", id="yes-title-in-capitals"),
    pytest.param("Thực hiện Công văn số 6676/BYT-CDS ngày 10/10/2024 của Bộ Y tế, Sở Y tế ban hành",
                 "6676/BYT-CDS", "implements", id="yes-letter"),
    pytest.param("Thực hiện Chỉ thị số 11-CT/TW ngày 1/2/2022 (sau đây gọi tắt là Chỉ thị 11), các cấp",
                 "11-CT/TW", "implements", id="yes-with-alias"),
    # --- negative: words inside another cited document's title
    pytest.param("Căn cứ Thông tư số 12/2021/TT-BTC ngày 8/2/2021 của Bộ Tài chính hướng dẫn thi hành Nghị định số "
                 "118/2020/NĐ-CP", "118/2020/NĐ-CP", None, id="no-inside-cited-circular-title"),
    pytest.param("Thực hiện Thông tư số 12/2021/TT-BTC hướng dẫn thi hành Nghị định số 118/2020/NĐ-CP",
                 "118/2020/NĐ-CP", None, id="no-implemented-circulars-title"),
    pytest.param("Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai "
                 "thi hành Nghị định số 200/2025/NĐ-CP", "200/2025/NĐ-CP", None, id="no-inside-decision-title"),
    pytest.param("Kết luận số 06-KL/TW về tiếp tục thực hiện Chỉ thị số 40-CT/TW", "40-CT/TW", None,
                 id="no-inside-conclusion-title"),
    pytest.param("Căn cứ Nghị định số 12/2006/NĐ-CP ngày 23 tháng 01 năm 2006 của Chính phủ quy định chi tiết thi hành Luật "
                 "Thương mại", "Luật Thương mại", None, id="no-law-named-in-decree-title"),
    pytest.param("Căn cứ Kế hoạch số 12/KH-UBND của UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW", "57-NQ/TW", None,
                 id="no-inside-plan-title"),
    # --- negative: following a rule is not implementing it
    pytest.param("tổ chức thực hiện việc thu hồi đất theo đúng quy định của Luật Đất đai", "Luật Đất đai", None,
                 id="no-theo-dung-quy-dinh"),
    pytest.param("Thực hiện chế độ báo cáo theo Thông tư số 10/2022/TT-BNV", "10/2022/TT-BNV", None, id="no-theo"),
    pytest.param("triển khai các nội dung theo quy định tại Nghị định số 178/2024/NĐ-CP", "178/2024/NĐ-CP", None,
                 id="no-theo-quy-dinh-tai"),
    pytest.param("thực hiện các quy định của Luật Bảo vệ môi trường", "Luật Bảo vệ môi trường", None,
                 id="no-quy-dinh-cua"),
    # --- negative: a clause of its own
    pytest.param("Thực hiện tốt công tác tuyên truyền. Quyết định số 12/QĐ-UBND giao nhiệm vụ", "12/QĐ-UBND", None,
                 id="no-after-sentence-end"),
]

CLAUSE_CASES = [
    # the relation word of the citation's own clause: "Căn cứ", "Thực hiện", "sửa đổi", "thay thế"
    pytest.param("Căn cứ Nghị định số 30/2020/NĐ-CP", "30/2020/NĐ-CP", "based_on", id="relation-can-cu"),
    pytest.param("căn cứ Nghị định số 30/2020/NĐ-CP", "30/2020/NĐ-CP", "based_on", id="relation-can-cu-lower"),
    pytest.param("Căn\ncứ Nghị định số 88/2024/NĐ-CP ngày 15 tháng 7 năm 2024 của Chính phủ", "88/2024/NĐ-CP", "based_on",
                 id="relation-wrapped"),
    pytest.param("Thực hiện Kế hoạch số 16/KH-MTTQ-BTT", "16/KH-MTTQ-BTT", "implements", id="relation-thuc-hien"),
    pytest.param("Triển khai Thông tư số 09/2013/TT-BXD", "09/2013/TT-BXD", "implements", id="relation-trien-khai"),
    pytest.param("sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP", "178/2024/NĐ-CP", "amends",
                 id="relation-sua-doi"),
    pytest.param("bổ sung Quyết định số 12/QĐ-UBND", "12/QĐ-UBND", "amends", id="relation-bo-sung"),
    pytest.param("Quyết định này thay thế Quyết định số 12/QĐ-UBND", "12/QĐ-UBND", "replaces", id="relation-thay-the"),
    pytest.param("theo Quyết định số 12/QĐ-UBND", "12/QĐ-UBND", None, id="relation-none"),
    # a list shares its clause's word; the next clause has its own
    pytest.param("Căn cứ Quyết định số 22/2013/QĐ-TTg và Thông tư số 09/2013/TT-BXD", "09/2013/TT-BXD", "based_on",
                 id="relation-shared-in-list"),
    pytest.param("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi\nLuật số "
                 "87/2025/QH15;", "87/2025/QH15", "based_on", id="relation-amended-by-wrapped"),
    pytest.param("Căn cứ Luật Đất đai; Theo Quyết định số 12/QĐ-UBND", "Luật Đất đai", "based_on",
                 id="relation-before-clause-end"),
    pytest.param("Căn cứ Luật Đất đai; Theo Quyết định số 12/QĐ-UBND", "12/QĐ-UBND", None, id="relation-stops-at-clause"),
    pytest.param("Căn cứ Luật Tổ chức chính quyền địa phương\nXét đề nghị của Giám đốc Sở Y tế tại Tờ trình số 12/TTr-SYT "
                 "ngày 2/3/2025.", "12/TTr-SYT", None, id="relation-not-over-clause-line"),
]

OTHER_RELATION_CASES = [
    # based_on over "Căn cứ A; B; C"
    pytest.param("Căn cứ Luật Khiếu nại số 02/2011/QH13; Luật Tố cáo số 25/2018/QH14;", "25/2018/QH14", "based_on",
                 id="based-on-goes-on-after-semicolon"),
    pytest.param("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
                 "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
                 "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương 2019",
                 "based_on", id="based-on-amending-law-in-list"),
    pytest.param("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
                 "ngày 22 tháng 11 năm 2019;", "Luật Tổ chức Chính phủ", None, id="law-named-in-amending-title-none"),
    # amends only when the citing document itself amends
    pytest.param("Sửa đổi, bổ sung một số điều của Quyết định số 12/2024/QĐ-UBND ngày 1/3/2024 của UBND tỉnh",
                 "12/2024/QĐ-UBND", "amends", id="amends-own-title"),
    pytest.param("Điều 1. Sửa đổi, bổ sung Điều 3 Quyết định số 12/2024/QĐ-UBND như sau:", "12/2024/QĐ-UBND", "amends",
                 id="amends-own-article"),
    pytest.param("Điều 1. Sửa\nđổi, bổ sung một số điều của Quy định ban hành kèm theo Nghị quyết số 10/2022/NQ-HĐND",
                 "10/2022/NQ-HĐND", "amends", id="amends-kem-theo-is-no-rule-followed"),
    pytest.param("Căn cứ Thông tư số 10/2020/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 20/2022/TT-BTC;",
                 "20/2022/TT-BTC", "based_on", id="amended-by-another-is-based-on"),
    pytest.param("Căn cứ Thông tư số 10/2020/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 20/2022/TT-BTC;",
                 "10/2020/TT-BTC", "based_on", id="amended-one-is-based-on"),
    pytest.param("Thông tư số 10/2020/TT-BTC đã được sửa đổi tại Thông tư số 20/2022/TT-BTC", "20/2022/TT-BTC", None,
                 id="amended-by-another-no-relation"),
    pytest.param("Nghị định sửa đổi, bổ sung Nghị định số 46/2016/NĐ-CP sẽ được trình", "46/2016/NĐ-CP", None,
                 id="amends-inside-unnumbered-title"),
    pytest.param("Căn cứ Luật số 97/2025/QH15 về sửa đổi, bổ sung một số điều của Luật Công đoàn", "Luật Công đoàn", None,
                 id="amends-inside-cited-law-title"),
    # replaces
    pytest.param("Quyết định này thay thế Quyết định số 12/QĐ-UBND ngày 1/2/2020", "12/QĐ-UBND", "replaces",
                 id="replaces-own-words"),
    pytest.param("Bãi bỏ Quyết định số 09/2006/QĐ-BTP ngày 30 tháng 11 năm 2006 của Bộ trưởng Bộ Tư pháp", "09/2006/QĐ-BTP",
                 "replaces", id="replaces-bai-bo"),
    pytest.param("Nghị định số 100/2019/NĐ-CP thay thế Nghị định số 46/2016/NĐ-CP", "46/2016/NĐ-CP", None,
                 id="replaces-between-two-others"),
]
# fmt: on


@pytest.mark.parametrize("line,ref,expected", CLAUSE_CASES + IMPLEMENTS_CASES + OTHER_RELATION_CASES)
def test_relation(line, ref, expected):
    found = [c for c in find_citations(line) if c.ref == ref]
    assert found, [c.ref for c in find_citations(line)]
    assert found[0].relation == expected


def test_implements_table_has_both_kinds():
    relations = [p.values[2] for p in IMPLEMENTS_CASES]
    assert relations.count("implements") >= 5 and relations.count(None) >= 5


def test_a_short_reference_takes_its_own_clauses_relation():
    nodes = [Node(id="preamble", kind="pseudo", text="Căn cứ Chỉ thị số 11-CT/TW ngày 1/2/2022 (sau đây gọi tắt là "
                                                     "Chỉ thị 11);"),
             Node(id="I.1", kind="item", text="Triển khai Chỉ thị 11 đến toàn thể cán bộ.")]
    found = extract_citations(nodes)
    assert [(c.node, c.ref, c.relation) for c in found] == [("preamble", "11-CT/TW", "based_on"),
                                                           ("I.1", "11-CT/TW", "implements")]

"""The families of assignments that unseen documents showed missed (role blocks, execution articles and
addressee paragraphs, people named by position, lists, names broken by a line end): one real-shaped line per
row, negatives included. Rows marked with a bulk stem come from that document of ../shared/corpus/bulk; the
others are shapes from the issue and the official formats.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.units import extract_assignments
from kehoach.schemas.models import Node

TASK_SECTION = "TỔ CHỨC THỰC HIỆN"


def _task(text: str, heading: str | None = None) -> list[Node]:
    return [Node(id="III", marker="III.", kind="section", heading=TASK_SECTION, text=""),
            Node(id="III.1", parent="III", marker="1.", kind="item", heading=heading, text=text)]


def roles(text: str, heading: str | None = None) -> list[tuple[str, str]]:
    return [(a.unit, a.role) for a in extract_assignments(_task(text, heading)) if a.node == "III.1"]


def article_roles(text: str, heading: str = "Tổ chức thực hiện") -> list[tuple[str, str]]:
    nodes = [Node(id="Điều 3", marker="Điều 3.", kind="article", heading=heading, text=text)]
    return [(a.unit, a.role) for a in extract_assignments(nodes)]


def pseudo_roles(node_id: str, text: str) -> list[tuple[str, str]]:
    return [(a.unit, a.role) for a in extract_assignments([Node(id=node_id, kind="pseudo", text=text)])]


# fmt: off
ROLE_BLOCK_CASES = [
    pytest.param("Rà soát quy hoạch.\nCơ quan chủ trì\n- Sở Tài chính;\n- Sở Nội vụ.\nCơ quan phối hợp\n"
                 "- Ủy ban nhân dân các xã, phường;\n- Công an tỉnh.", None,
                 [("Sở Tài chính", "lead"), ("Sở Nội vụ", "lead"), ("Ủy ban nhân dân các xã, phường", "support"),
                  ("Công an tỉnh", "support")], id="role-subheadings-over-dash-lines"),
    pytest.param("Rà soát văn bản.\nĐơn vị chủ trì (tham mưu) thực hiện: Sở Tư pháp.", None,
                 [("Sở Tư pháp", "lead")], id="lead-label-with-bracketed-tham-muu"),
    pytest.param("Tổ chức tập huấn.\na) Cơ quan chủ trì: Sở Y tế\nb) Cơ quan phối hợp: Các sở, ban, ngành liên quan", None,
                 [("Sở Y tế", "lead"), ("Các sở, ban, ngành liên quan", "support")], id="lettered-role-lines"),
    # 71153021e3559f5e: the body's name wraps after its head.
    pytest.param("- Cơ quan thực hiện: Sở\nKhoa học và Công nghệ tỉnh Lạng Sơn. Địa chỉ: số 01 đường Mai Thế Chuẩn.", None,
                 [("Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "lead")], id="co-quan-thuc-hien-wrapped"),
    # 30 (09daab284f92e2dd): a lead in one bullet and a support in another stay both.
    pytest.param("- Tổ chức tập huấn.\nĐơn vị chủ trì tham mưu thực hiện: *Sở Tư pháp.\n- Cập nhật cơ sở dữ liệu.\n"
                 "Đơn vị chủ trì thực hiện: *Sở Khoa học và Công nghệ.\nĐơn vị phối hợp thực hiện: *Sở Tư pháp.", None,
                 [("Sở Tư pháp", "lead"), ("Sở Khoa học và Công nghệ", "lead"), ("Sở Tư pháp", "support")],
                 id="labelled-lead-and-support-of-one-body"),
    # 994dfbc3967e5ebf: a regulation naming roles, not bodies.
    pytest.param("a) Cơ quan chủ trì có văn bản đề nghị gửi đến các cơ quan phối hợp, trong văn bản phải có thời hạn trả lời.",
                 None, [], id="neg-role-words-in-a-regulation"),
    pytest.param("Cơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành", None, [], id="neg-table-header-cells"),
]

ADDRESSEE_CASES = [
    pytest.param("Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Giáo dục và Đào tạo, Tài chính, Nội vụ; Chủ tịch UBND các "
                 "huyện, thành phố; Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("Giám đốc Sở Giáo dục và Đào tạo", "lead"),
                  ("Giám đốc Sở Tài chính", "lead"), ("Giám đốc Sở Nội vụ", "lead"),
                  ("Chủ tịch UBND các huyện, thành phố", "lead"), ("Thủ trưởng các cơ quan, đơn vị liên quan", "lead")],
                 id="execution-article-shared-title"),
    # 001c610b2efdcf0c
    pytest.param("Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc các Sở, Thủ trưởng các cơ quan, đơn vị trực thuộc Ủy "
                 "ban nhân dân Thành phố, Chủ tịch Ủy ban nhân dân phường, xã, đặc khu và các đơn vị có liên quan chịu "
                 "trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân Thành phố", "lead"), ("Giám đốc các Sở", "lead"),
                  ("Thủ trưởng các cơ quan, đơn vị trực thuộc Ủy ban nhân dân Thành phố", "lead"),
                  ("Chủ tịch Ủy ban nhân dân phường, xã, đặc khu", "lead"), ("các đơn vị có liên quan", "lead")],
                 id="execution-article-commas"),
    # 27009faffc98b8aa
    pytest.param("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Tư pháp, Nông nghiệp và Môi trường; Chủ tịch Ủy ban "
                 "nhân dân các xã, phường và đặc khu Lý Sơn; Thủ trưởng các cơ quan, đơn vị và các tổ chức, cá nhân có "
                 "liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc Sở Tư pháp", "lead"),
                  ("Giám đốc Sở Nông nghiệp và Môi trường", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu Lý Sơn", "lead"),
                  ("Thủ trưởng các cơ quan, đơn vị", "lead"), ("các tổ chức, cá nhân có liên quan", "lead")],
                 id="execution-article-shared-title-after-comma"),
    # tests/gold 54 (1cde9b907469c65b)
    pytest.param("Các ông, bà: Chánh văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân cấp xã; Thủ trưởng các "
                 "ngành, đơn vị liên quan và các đối tượng được bồi thường, hỗ trợ và tái định cư chịu trách nhiệm thi "
                 "hành Quyết định này./.",
                 [("Chánh văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Chủ tịch Ủy ban nhân dân cấp xã", "lead"),
                  ("Thủ trưởng các ngành, đơn vị liên quan", "lead"),
                  ("các đối tượng được bồi thường, hỗ trợ và tái định cư", "lead")], id="execution-article-cac-ong-ba"),
    # 448306af3d3a91f7: a ministry's own units; a name's comma part the scanner does not read stays in it.
    pytest.param("Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch, Tài chính, Viện trưởng Viện Văn hóa, Nghệ thuật, Thể thao và Du "
                 "lịch Việt Nam và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Bộ", "lead"), ("Vụ trưởng Vụ Kế hoạch, Tài chính", "lead"),
                  ("Viện trưởng Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam", "lead"),
                  ("Thủ trưởng các cơ quan liên quan", "lead")], id="execution-ministry-units"),
    # 3da36bfda85c0a44: a resolution of the Ủy ban Thường vụ Quốc hội; a name no pattern knows ("Chính phủ").
    pytest.param("Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Phú Thọ, chính quyền địa phương các đơn vị hành chính "
                 "liên quan đến việc thực hiện sắp xếp và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi "
                 "hành Nghị quyết này; sắp xếp, ổn định bộ máy các cơ quan, tổ chức ở địa phương.",
                 [("Chính phủ", "lead"), ("Hội đồng nhân dân", "lead"), ("Ủy ban nhân dân tỉnh Phú Thọ", "lead"),
                  ("chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp", "lead"),
                  ("các cơ quan, tổ chức khác có liên quan", "lead")], id="execution-resolution-bare-names"),
    # a16f8b41d34cc524: qualifiers kept ("tại tỉnh Đồng Tháp", "cấp Tỉnh"); one determiner over the last list.
    pytest.param("Chánh Văn phòng Uỷ ban nhân dân Tỉnh, Giám đốc các Sở: Tài chính, Nông nghiệp và Môi trường; Thủ trưởng "
                 "cơ quan Kho bạc nhà nước, cơ quan Thuế tại tỉnh Đồng Tháp; Thủ trưởng các Sở, ban, ngành cấp Tỉnh; Chủ "
                 "tịch Ủy ban nhân dân xã, phường; các tổ chức, hộ gia đình, cá nhân có liên quan chịu trách nhiệm thi "
                 "hành Quyết định này.",
                 [("Chánh Văn phòng Uỷ ban nhân dân Tỉnh", "lead"), ("Giám đốc Sở Tài chính", "lead"),
                  ("Giám đốc Sở Nông nghiệp và Môi trường", "lead"),
                  ("Thủ trưởng cơ quan Kho bạc nhà nước, cơ quan Thuế tại tỉnh Đồng Tháp", "lead"),
                  ("Thủ trưởng các Sở, ban, ngành cấp Tỉnh", "lead"), ("Chủ tịch Ủy ban nhân dân xã, phường", "lead"),
                  ("các tổ chức, hộ gia đình, cá nhân có liên quan", "lead")], id="execution-qualifiers-kept"),
    # adc1d34379e9829f: a title before a colon is each member's.
    pytest.param("Giám đốc Sở Nông nghiệp và Môi trường; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo "
                 "- Tin học tỉnh; Chủ tịch UBND cấp xã và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
                 "Quyết định này./.",
                 [("Giám đốc Sở Nông nghiệp và Môi trường", "lead"),
                  ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh", "lead"),
                  ("Giám đốc Trung tâm Công báo - Tin học tỉnh", "lead"), ("Chủ tịch UBND cấp xã", "lead"),
                  ("các tổ chức, cá nhân có liên quan", "lead")], id="execution-title-over-a-colon-list"),
    # 322358d6040a153b, 750314c2c5666d56
    pytest.param("Các thành viên Ban Chỉ đạo, Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các cấp và "
                 "tổ chức, cá nhân khác có liên quan chịu trách nhiệm thi hành Quyết định này.",
                 [("Các thành viên Ban Chỉ đạo", "lead"), ("Bộ trưởng", "lead"), ("Thủ trưởng cơ quan ngang bộ", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các cấp", "lead"), ("tổ chức, cá nhân khác có liên quan", "lead")],
                 id="execution-a-title-after-a-group"),
    # tests/gold 62 (0a5a51958af8e293): the list after the effect sentence of Điều 3.
    pytest.param("Quyết định này có hiệu lực thi hành kể từ ngày ký.\nChánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở; "
                 "Thủ trưởng các ban, ngành, đơn vị cấp tỉnh chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc các sở", "lead"),
                  ("Thủ trưởng các ban, ngành, đơn vị cấp tỉnh", "lead")], id="execution-after-the-effect-sentence"),
    pytest.param("Sở Tư pháp hướng dẫn và chịu trách nhiệm thi hành Quyết định này.", [("Sở Tư pháp", "lead")],
                 id="neg-a-subject-with-its-verb-is-no-addressee-list"),
]

# d3d459d0a856471f, e7cd8d423108e103, ca83e7689c9fc610: the article's first line, read as its title, begins the list.
HEADED_ADDRESSEE_CASES = [
    pytest.param("Chánh Văn phòng Ủy ban nhân dân", "Thành phố, Giám đốc Sở Khoa học và Công nghệ và các tổ chức, cá nhân có "
                 "liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân Thành phố", "lead"), ("Giám đốc Sở Khoa học và Công nghệ", "lead"),
                  ("các tổ chức, cá nhân có liên quan", "lead")], id="title-line-inside-a-name"),
    pytest.param("Sở Tài chính", "Trung tâm Phục vụ hành chính công Thành phố; Các Sở, ban, ngành chịu trách nhiệm thi hành "
                 "Quyết định này./.",
                 [("Sở Tài chính", "lead"), ("Trung tâm Phục vụ hành chính công Thành phố", "lead"),
                  ("Các Sở, ban, ngành", "lead")], id="title-line-is-the-first-addressee"),
]

DELEGATION_CASES = [
    # tests/gold 62 (0a5a51958af8e293), 27009faffc98b8aa: the article hands its powers to the delegate.
    pytest.param("Ủy quyền cho Chánh Văn phòng Ủy ban nhân dân tỉnh công bố thủ tục hành chính trên địa bàn tỉnh",
                 "Thời hạn ủy quyền: Từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2030.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead")], id="delegation-in-the-article-title"),
    pytest.param("Tổ chức thực hiện", "Ủy quyền Giám đốc Sở Nông nghiệp và Môi trường thực hiện nhiệm vụ trong lĩnh vực "
                 "quản lý chất lượng nông lâm sản và thủy sản, cụ thể:",
                 [("Giám đốc Sở Nông nghiệp và Môi trường", "lead")], id="delegation-without-cho"),
    # tests/gold 62 Điều 2: the bodies the delegate answers to are not assignees.
    pytest.param("Trách nhiệm", "Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm trước Ủy ban nhân dân tỉnh, Chủ tịch Ủy "
                 "ban nhân dân tỉnh và trước pháp luật về việc thực hiện nhiệm vụ được ủy quyền nêu trên.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead")], id="answers-to-are-not-assignees"),
    # 322358d6040a153b: a power a regulation describes, inside its sentence.
    pytest.param("Nhiệm vụ của Trưởng Ban", "Triệu tập, chủ trì hoặc ủy quyền cho Phó Trưởng Ban Chỉ đạo chủ trì các cuộc "
                 "họp thường kỳ, bất thường.", [("Trưởng Ban", "lead")], id="neg-delegation-inside-a-regulation"),
    # tests/gold 51 (296e373d796986f4): "việc giao X" is the matter of a proposal, not work the document hands out.
    pytest.param("Kiến nghị của tỉnh", "Tỉnh chủ động làm việc với Bộ Xây dựng về việc giao Ủy ban nhân dân tỉnh Điện Biên là "
                 "cơ quan chủ quản dự án theo quy định.", [], id="neg-viec-giao-is-a-proposal"),
    # 90cfa0f24fcb05de
    pytest.param("Nội dung", "Xét Tờ trình số 123/TTr-UBND của Ủy ban nhân dân Thành phố về việc đề nghị Hội đồng nhân dân "
                 "Thành phố ban hành Nghị quyết.", [], id="neg-ve-viec-de-nghi-names-a-paper"),
]

PSEUDO_CASES = [
    # 31 (6bac4a0d92da936d)
    pytest.param("preamble", "Nhằm khắc phục những tồn tại, hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, "
                 "ban, ngành và Chủ tịch UBND các xã, phường nâng cao trách nhiệm, tập trung thực hiện các nội dung sau:",
                 [("Thủ trưởng các sở, ban, ngành", "lead"), ("Chủ tịch UBND các xã, phường", "lead")],
                 id="preamble-chairman-asks"),
    # tests/gold 50 (2847e16133f7b987)
    pytest.param("closing", "Trên đây là Chỉ thị về tăng cường công tác quản lý, yêu cầu Giám đốc sở, Thủ trưởng cơ quan, ban, "
                 "ngành thành phố, Chủ tịch Ủy ban nhân dân xã, phường và các tổ chức, cá nhân có liên quan có trách nhiệm "
                 "tổ chức triển khai thực hiện nghiêm túc Chỉ thị này.",
                 [("Giám đốc sở", "lead"), ("Thủ trưởng cơ quan, ban, ngành thành phố", "lead"),
                  ("Chủ tịch Ủy ban nhân dân xã, phường", "lead"), ("các tổ chức, cá nhân có liên quan", "lead")],
                 id="closing-asks-addressees"),
    # tests/gold 53 (556b2fb4a0149576)
    pytest.param("closing", "Trên đây là Kế hoạch phát động Đợt thi đua; các cơ quan, đơn vị, địa phương, doanh nghiệp "
                 "nghiêm túc tổ chức, triển khai thực hiện./.",
                 [("các cơ quan, đơn vị, địa phương, doanh nghiệp", "lead")], id="closing-subject-carries-it-out"),
    pytest.param("preamble", "Căn cứ Nghị định số 30/2020/NĐ-CP; theo yêu cầu của Bộ Nội vụ tại Công văn số 12/BNV-VP;", [],
                 id="neg-preamble-theo-yeu-cau"),
    pytest.param("preamble", "Thời gian qua, một số đơn vị chưa đáp ứng yêu cầu các cơ quan đề ra.", [],
                 id="neg-preamble-without-a-subject-asking"),
    # 36 (8718801c503045f9)
    pytest.param("closing", "Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị các cơ quan, đơn vị, địa phương "
                 "phản ánh về Sở Khoa học và Công nghệ để phối hợp giải quyết./.", [], id="neg-conditional-reporting-route"),
]

# Letters without numbered items: their body is the preamble (tests/gold NOTES-60-63 call 1).
LETTER_CASES = [
    # 06690fd4027d01c8: a Deputy Prime Minister's direction conveyed by Văn phòng Chính phủ.
    pytest.param("Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.\nXét Tờ trình số 226/TTr-BKHCN của Bộ Khoa học và Công nghệ, "
                 "Phó Thủ tướng Chính phủ Nguyễn Chí Dũng có ý kiến như sau:\nBộ Khoa học và Công nghệ chủ trì, phối hợp với "
                 "Bộ Quốc phòng, Bộ Nội vụ và các bộ, cơ quan liên quan rà soát, làm rõ mô hình tổ chức.",
                 [("Bộ Khoa học và Công nghệ", "lead"), ("Bộ Quốc phòng", "support"), ("Bộ Nội vụ", "support"),
                  ("các bộ, cơ quan liên quan", "support")], id="leaders-direction-in-a-letter"),
    # 2c71d790ecdeb8d1: a level's body over a list of places, in running text.
    pytest.param("Phó Thủ tướng Chính phủ Trần Hồng Hà có ý kiến như sau:\nỦy ban nhân dân các tỉnh: Ninh Bình, Bắc Ninh, "
                 "Phú Thọ đẩy nhanh các thủ tục theo quy định của pháp luật.",
                 [("Ủy ban nhân dân tỉnh Ninh Bình", "lead"), ("Ủy ban nhân dân tỉnh Bắc Ninh", "lead"),
                  ("Ủy ban nhân dân tỉnh Phú Thọ", "lead")], id="shared-level-in-running-text"),
    # 005d8820eb95c1cb, f74ec909344a3ab3: a body's reading of the law asks its addressee; the law it quotes
    # and explains hands out nothing.
    pytest.param("Kính gửi: Thuế tỉnh Quảng Trị.\nVề vấn đề này, Cục Thuế có ý kiến như sau:\nTại khoản 7 Điều 39 Nghị định "
                 "số 126/2020/NĐ-CP quy định: “Thủ trưởng cơ quan quản lý thuế được chỉ định thầu. Bộ Tài chính hướng dẫn "
                 "cụ thể nội dung chi.”\nCơ quan thuế kiểm tra hồ sơ theo quy định. Do vậy, đề nghị Thuế tỉnh Quảng Trị "
                 "trao đổi với cơ quan có thẩm quyền trên địa bàn.",
                 [("Thuế tỉnh Quảng Trị", "lead")], id="a-bodys-opinion-asks-its-addressee"),
    # tests/gold 63 (edfc0349ad13b2bf): a reply that reports, with no request, assigns nothing.
    pytest.param("Kính gửi: Ủy ban Dân nguyện và Giám sát Quốc hội.\nVề kiến nghị này, Bộ Nông nghiệp và Môi trường xin "
                 "báo cáo như sau:\n- Để tránh gián đoạn, Bộ Nông nghiệp và Phát triển nông thôn đã có Văn bản số "
                 "375/BNN-TC về việc tạm thời áp dụng khung giá.", [], id="neg-a-reply-that-reports"),
]


@pytest.mark.parametrize("text,expected", LETTER_CASES)
def test_letters_without_numbered_items(text, expected):
    assert pseudo_roles("preamble", text) == expected


PERSON_CASES = [
    pytest.param("Chỉ đạo chung.", "Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế",
                 [("Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế", "lead")], id="heading-vice-chair-with-field"),
    pytest.param("Phụ trách chung.", "Đ/c Trưởng Ban Xây dựng Đảng - Trưởng Tiểu ban",
                 [("Trưởng Ban Xây dựng Đảng - Trưởng Tiểu ban", "lead")], id="heading-two-posts-never-a-fragment"),
    pytest.param("- Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế: chỉ đạo công tác thu ngân sách.", None,
                 [("Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế", "lead")], id="run-in-person-with-colon"),
    pytest.param("Đồng chí Chủ tịch UBND xã chịu trách nhiệm chung; đồng chí Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội "
                 "trực tiếp chỉ đạo.", None,
                 [("Chủ tịch UBND xã", "lead"), ("Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội", "lead")],
                 id="persons-with-field-in-running-text"),
    pytest.param("Giao đồng chí Trưởng Công an xã chủ trì bảo đảm an ninh.", None, [("Trưởng Công an xã", "lead")],
                 id="request-to-a-person"),
    # tests/gold 60 (75a0867a09525909) item (2), NOTES-60-63 call 9
    pytest.param("Đồng chí Bộ trưởng Bộ Y tế, Thứ trưởng Bộ Y tế phụ trách lĩnh vực tiếp tục bám sát tình hình thực tế.", None,
                 [("Bộ trưởng Bộ Y tế", "lead"), ("Thứ trưởng Bộ Y tế phụ trách lĩnh vực", "lead")],
                 id="minister-and-deputy-with-field"),
    pytest.param("Đồng chí Bí thư Đảng ủy xã làm việc với Ban Thường vụ.", "Lịch làm việc", [],
                 id="neg-person-outside-a-task-verb"),
    # d469759e6fcdc805: the body that decides is not handed work.
    pytest.param("Trên cơ sở Đề án số 397/ĐA-CP của Chính phủ, Ủy ban Thường vụ Quốc hội quyết định sắp xếp các đơn vị "
                 "hành chính cấp xã như sau:", None, [], id="neg-the-deciding-body"),
]

LIST_CASES = [
    pytest.param("Ban Quản lý Khu kinh tế và Ban Quản lý các khu công nghiệp tỉnh chủ trì rà soát.", None,
                 [("Ban Quản lý Khu kinh tế", "lead"), ("Ban Quản lý các khu công nghiệp tỉnh", "lead")],
                 id="two-management-boards"),
    pytest.param("Các sở, ban ngành, chủ đầu tư dự án có trách nhiệm báo cáo tiến độ.", None,
                 [("Các sở, ban ngành", "lead"), ("chủ đầu tư dự án", "lead")], id="bodies-and-project-owners"),
    # tests/gold 51 (296e373d796986f4)
    pytest.param("Các Bộ, cơ quan: Tài chính, Xây dựng, Văn hóa, Thể thao và Du lịch, Tập đoàn Điện lực Việt Nam theo chức "
                 "năng, nhiệm vụ được giao khẩn trương rà soát.", None,
                 [("Bộ Tài chính", "lead"), ("Bộ Xây dựng", "lead"), ("Bộ Văn hóa, Thể thao và Du lịch", "lead"),
                  ("Tập đoàn Điện lực Việt Nam", "lead")], id="shared-head-in-running-text"),
    # 33 (31fb08f34535fce3)
    pytest.param("- Chủ trì, phối hợp với các sở, ban, ngành, đoàn thể Thành phố và đơn vị có liên quan rà soát nhân sự.",
                 "Sở Nội vụ (Cơ quan thường trực Ban Vì sự tiến bộ phụ nữ Thành phố)",
                 [("Sở Nội vụ", "lead"), ("các sở, ban, ngành, đoàn thể Thành phố", "support"),
                  ("đơn vị có liên quan", "support")], id="group-closed-by-its-place-then-va"),
    # 31 (6bac4a0d92da936d)
    pytest.param("", "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban Quản lý các Khu công "
                 "nghiệp tỉnh)",
                 [("Sở Tài chính", "lead"), ("Ban quản lý Khu Kinh tế Phú Yên", "lead"),
                  ("Ban Quản lý các Khu công nghiệp tỉnh", "lead")], id="group-heading-with-members"),
    pytest.param("Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện.", None,
                 [("các sở, ban, ngành và địa phương", "lead")], id="neg-one-determiner-over-a-list-stays-whole"),
    pytest.param("Phối hợp với các cơ quan, đơn vị có liên quan triển khai.", "Công an tỉnh",
                 [("Công an tỉnh", "lead"), ("các cơ quan, đơn vị có liên quan", "support")],
                 id="neg-related-group-stays-whole"),
]

# tests/gold NOTES-50-52 call 6, NOTES-60-63 call 4: "phối hợp, hướng dẫn Z" makes Z a support.
GUIDED_SUPPORT_CASES = [
    # tests/gold 60 (75a0867a09525909) item (3)
    pytest.param("Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế, Ban Quản lý dự án và các nhà thầu để thực hiện "
                 "hiệu quả các phương án.", None,
                 [("Bộ Công an", "lead"), ("Bộ Y tế", "support"), ("Ban Quản lý dự án", "support"),
                  ("các nhà thầu", "support")], id="phoi-hop-comma-huong-dan"),
    # tests/gold 52 (717159673033f644) 1.2: the directed unit is not recorded, the guided one supports.
    pytest.param("Chỉ đạo Công an các phường, xã, đặc khu phối hợp và hướng dẫn Ủy ban nhân dân các phường, xã, đặc khu "
                 "trong công tác rà soát.", "Giao Công an Thành phố",
                 [("Công an Thành phố", "lead"), ("Ủy ban nhân dân các phường, xã, đặc khu", "support")],
                 id="phoi-hop-va-huong-dan"),
    # tests/gold 61 (31786b0833a4130d) V.1: "hướng dẫn" alone directs.
    pytest.param("Phối hợp với Sở Khoa học và Công nghệ, Sở Xây dựng và các cơ quan liên quan hướng dẫn các doanh nghiệp "
                 "viễn thông thực hiện.", "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
                 [("Ban Quản lý các khu công nghệ cao và khu công nghiệp", "lead"), ("Sở Khoa học và Công nghệ", "support"),
                  ("Sở Xây dựng", "support"), ("các cơ quan liên quan", "support")], id="neg-huong-dan-alone-directs"),
]

# Heads and words the bulk texts showed missing.
HEAD_CASES = [
    # 32bf80ce6d1e997e
    pytest.param("Hằng năm, Liên hiệp các hội Khoa học và Kỹ thuật tỉnh có trách nhiệm chủ trì, đề xuất danh sách dự án.",
                 None, [("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "lead")], id="lien-hiep-cac-hoi"),
    # adf53d885efc1c23
    pytest.param("Lực lượng Kiểm lâm sở tại chủ trì, phối hợp với lực lượng Công an cấp xã tuần tra.", None,
                 [("Lực lượng Kiểm lâm sở tại", "lead"), ("lực lượng Công an cấp xã", "support")],
                 id="luc-luong-opening-a-sentence"),
    # 350a122d2613c4d6: a time adverb ends the name.
    pytest.param("Đề nghị Sở Y tế hằng năm tổng hợp kinh phí nuôi dưỡng.", None, [("Sở Y tế", "lead")],
                 id="hang-nam-ends-a-name"),
]

# A title line that is a sentence: its supports count, and its bracket glosses a body, not members of a group.
TITLE_SENTENCE_CASES = [
    # 80bb1f677e7d4d75
    pytest.param("Xây dựng quy trình điện tử trong giải quyết thủ tục hành chính.",
                 "Sở Tài chính chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)",
                 [("Sở Tài chính", "lead"), ("Văn phòng UBND tỉnh", "support")], id="title-sentence-with-a-gloss"),
    pytest.param("", "Giao Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng và các bộ, cơ quan liên quan rà soát hồ sơ",
                 [("Bộ Tài chính", "lead"), ("Bộ Xây dựng", "support"), ("các bộ, cơ quan liên quan", "support")],
                 id="title-sentence-names-supports"),
    # 994dfbc3967e5ebf: a title ending in "phối hợp" does not reach into the text.
    pytest.param("Các cơ quan Thanh tra, Tòa án đề nghị cung cấp hồ sơ phải có nội dung cụ thể.",
                 "Trách nhiệm của các cơ quan phối hợp", [], id="neg-title-ending-on-phoi-hop"),
]

# Parties tasked by category (data: bodies.json groups.parties).
PARTY_CASES = [
    # tests/gold 61 III.4.b
    pytest.param("Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện các nhiệm vụ được giao.", None,
                 [("Doanh nghiệp viễn thông", "lead")], id="category-with-its-trade-leads"),
    # 046d4a5b8d446144: a body's proper name holds the word.
    pytest.param("Cục trưởng Cục Khởi nghiệp và Doanh nghiệp công nghệ chủ trì triển khai.", None,
                 [("Cục trưởng Cục Khởi nghiệp và Doanh nghiệp công nghệ", "lead")], id="category-word-inside-a-name"),
    # d3d459d0a856471f: a procedure's step names the applicant, not a body handed work.
    pytest.param("Bước 1: Tiếp nhận hồ sơ\nDoanh nghiệp, tổ chức nộp 01 bộ hồ sơ theo quy định đến Bộ phận một cửa.", None,
                 [], id="neg-bare-category-in-a-procedure"),
    # ad5aff6c13929815: a topic heading.
    pytest.param("Phát triển các doanh nghiệp số là lực đẩy chủ đạo để chuyển đổi mô hình tăng trưởng.", "Doanh nghiệp số", [],
                 id="neg-category-heading-is-a-topic"),
]

# tests/gold NOTES-53-55 call 11: a body's duties inside an amendment's quoted article give it a lead on the item.
DUTY_LINE_CASES = [
    # tests/gold 54 (1cde9b907469c65b) Điều 1.4
    pytest.param("Bổ sung Điều 14a vào sau Điều 14 như sau:\n“14a. Phân cấp thực hiện một số nội dung.\n1. Nội dung phân cấp\n"
                 "Ủy ban nhân dân tỉnh phân cấp cho Ủy ban nhân dân cấp xã quyết định một số khoản hỗ trợ như sau:\n"
                 "2. Trách nhiệm của Ủy ban nhân dân cấp xã\na) Thực hiện các nhiệm vụ, quyền hạn được phân cấp.”", None,
                 [("Ủy ban nhân dân cấp xã", "lead")], id="duties-in-quoted-text"),
    pytest.param("Thành lập Tổ công tác.\nNhiệm vụ của Tổ công tác:\n- Rà soát hồ sơ.", None, [("Tổ công tác", "lead")],
                 id="duties-line-in-running-text"),
    pytest.param("Rà soát quy định về trách nhiệm của các cơ quan.\nTrách nhiệm của cơ quan chủ trì được quy định rõ.", None,
                 [], id="neg-duties-named-in-a-sentence"),
]


# tests/gold NOTES-50-52 call 11: a place's level word alone stands for its authorities (data: groups.level_subjects).
LEVEL_SUBJECT_CASES = [
    # tests/gold 51 (296e373d796986f4) II.2
    pytest.param("Về việc hỗ trợ 20 xe ô tô chuyên dùng cứu thương: Tỉnh căn cứ các quy định hiện hành để sắp xếp bố trí "
                 "xe ô tô phục vụ công tác.", None, [("Tỉnh", "lead")], id="level-word-after-a-run-in-label"),
    pytest.param("Trường hợp còn thiếu, Tỉnh tổng hợp nhu cầu, báo cáo Bộ Tài chính.", None, [("Tỉnh", "lead")],
                 id="level-word-after-a-lead-in"),
    # a line that does not end a sentence: "Thành phố" there is no subject of its own
    pytest.param("Hội đồng nhân dân\nThành phố ban hành Nghị quyết.", None, [("Hội đồng nhân dân", "lead")],
                 id="neg-level-word-ending-a-wrapped-name"),
]


def test_level_word_in_a_regulation_states_a_policy():
    # 06c6f91f5c3b4c21: "Thành phố hỗ trợ 50% thuế …" is an article's rule, not a task.
    assert article_roles("Thành phố hỗ trợ 50% thuế thu nhập cá nhân đối với thu nhập từ tiền lương.") == []


# Qualifiers inside the noun phrase (tests/gold NOTES-50-52 call 4, NOTES-53-55 call 9, NOTES-60-63 calls 7-8).
QUALIFIER_CASES = [
    # tests/gold 50 (2847e16133f7b987) 5.b
    pytest.param("Chủ trì, phối hợp với các đơn vị cấp nước thuộc phạm vi quản lý xây dựng phương án thay thế.", "Sở Xây dựng",
                 [("Sở Xây dựng", "lead"), ("các đơn vị cấp nước thuộc phạm vi quản lý", "support")],
                 id="thuoc-pham-vi-quan-ly"),
    # tests/gold 61 (31786b0833a4130d) IV: a funding section's subjects with their place and zones.
    pytest.param("Các doanh nghiệp viễn thông trên địa bàn Thành phố, các nhà đầu tư trong các khu công nghệ cao, khu công "
                 "nghiệp, cụm công nghiệp chủ động bố trí kinh phí.", None,
                 [("Các doanh nghiệp viễn thông trên địa bàn Thành phố", "lead"),
                  ("các nhà đầu tư trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp", "lead")],
                 id="place-and-zones-kept"),
    # tests/gold 60 (75a0867a09525909) 2.1: the ministries are where the agencies belong.
    pytest.param("Bộ Y tế chỉ đạo Ban Quản lý dự án phối hợp chặt chẽ với các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc "
                 "phòng chỉ đạo các nhà thầu tập trung nguồn lực.", None,
                 [("Bộ Y tế", "lead"), ("các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc phòng", "support")],
                 id="owners-listed-after-thuoc"),
    # 32bf80ce6d1e997e: a level body after "thuộc …" is another addressee.
    pytest.param("Thủ trưởng các sở, cơ quan thuộc Uỷ ban nhân dân tỉnh, Uỷ ban nhân dân các xã, phường chịu trách nhiệm "
                 "triển khai.", None,
                 [("Thủ trưởng các sở, cơ quan thuộc Uỷ ban nhân dân tỉnh", "lead"),
                  ("Uỷ ban nhân dân các xã, phường", "lead")], id="neg-a-level-body-is-no-second-owner"),
    # tests/gold 53 (556b2fb4a0149576) IV.2
    pytest.param("Phối hợp chặt chẽ với cấp ủy, chính quyền các cấp, phát huy khối đại đoàn kết toàn dân.", "Mặt trận Tổ quốc "
                 "Việt Nam tỉnh", [("Mặt trận Tổ quốc Việt Nam tỉnh", "lead"), ("cấp ủy, chính quyền các cấp", "support")],
                 id="one-qualifier-over-bare-nouns"),
    # tests/gold 11: without a shared qualifier the bare nouns are two units.
    pytest.param("Phối hợp với lực lượng quân đội, công an hỗ trợ người dân.", "Ủy ban nhân dân các xã",
                 [("Ủy ban nhân dân các xã", "lead"), ("lực lượng quân đội", "support"), ("công an", "support")],
                 id="neg-bare-nouns-without-a-shared-qualifier"),
    # tests/gold 60 (75a0867a09525909) 2.6, adf53d885efc1c23
    pytest.param("Ủy ban nhân dân tỉnh Ninh Bình theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo các cơ quan liên quan thúc đẩy "
                 "tiến độ.", None, [("Ủy ban nhân dân tỉnh Ninh Bình", "lead")], id="powers-listed-before-the-verb"),
]

LINE_BREAK_CASES = [
    pytest.param("Giao Sở Công\nThương chủ trì, phối hợp với Bộ Công an, Bộ\nKhoa học và Công nghệ triển khai.", None,
                 [("Sở Công Thương", "lead"), ("Bộ Công an", "support"), ("Bộ Khoa học và Công nghệ", "support")],
                 id="names-wrapped-in-the-text"),
    pytest.param("Thương chủ trì, phối hợp với các sở liên quan triển khai.", "Giao Sở Công",
                 [("Sở Công Thương", "lead"), ("các sở liên quan", "support")], id="title-line-cut-inside-a-name"),
    pytest.param("Chủ trì thẩm định văn bản.", "Sở Tư pháp", [("Sở Tư pháp", "lead")], id="unit-heading-then-its-task"),
    # 33 (31fb08f34535fce3)
    pytest.param("Phụ nữ Thành phố và các tổ chức thành viên của Mặt trận\n- Tham gia phối hợp triển khai Kế hoạch.",
                 "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp",
                 [("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "lead"), ("Hội Liên hiệp Phụ nữ Thành phố", "lead"),
                  ("các tổ chức thành viên của Mặt trận", "lead")], id="request-heading-wrapped"),
    # 8bb6ac57ee7b4c5d: a procedure table whose step wraps after "trình".
    pytest.param("Bước 5\nKý phê duyệt kết quả, trình\nUBND tỉnh phê duyệt\nLãnh đạo Sở Y tế\n0,5 ngày làm việc", None, [],
                 id="neg-line-after-a-verb-wanting-its-object"),
    # a3b56e35d1c2d0d2: the name ends at its place; the verb after it is not part of it.
    pytest.param("Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính trên Hệ thống.", None,
                 [("Trung tâm Chuyển đổi số Thành phố", "lead")], id="name-closed-by-its-place"),
    # b1bac569be973504: an execution article whose title line stops at the title.
    pytest.param("Ủy ban nhân dân tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch và các cơ quan, tổ chức, cá nhân có liên "
                 "quan chịu trách nhiệm thi hành Quyết định này./.", "Chánh Văn phòng",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "lead"),
                  ("các cơ quan, tổ chức, cá nhân có liên quan", "lead")], id="title-line-stops-at-the-title"),
    pytest.param("Bệnh viện Đa khoa tỉnh chủ trì tiếp nhận bệnh nhân.", "Sở Y tế",
                 [("Sở Y tế", "lead"), ("Bệnh viện Đa khoa tỉnh", "lead")], id="neg-new-body-on-the-next-line"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", ROLE_BLOCK_CASES)
def test_role_blocks(text, heading, expected):
    assert roles(text, heading) == expected


def test_role_subheading_node_gives_its_units_to_the_task():
    nodes = [*_task("Rà soát quy hoạch.", "Rà soát quy hoạch"),
             Node(id="III.1.a", parent="III.1", marker="a)", kind="item", heading="Cơ quan chủ trì",
                  text="- Sở Tài chính;\n- Sở Nội vụ."),
             Node(id="III.1.b", parent="III.1", marker="b)", kind="item", heading="Cơ quan phối hợp",
                  text="Các sở, ban, ngành liên quan.")]
    assert [(a.node, a.unit, a.role) for a in extract_assignments(nodes)] == [
        ("III.1", "Sở Tài chính", "lead"), ("III.1", "Sở Nội vụ", "lead"),
        ("III.1", "Các sở, ban, ngành liên quan", "support")]


@pytest.mark.parametrize("text,expected", ADDRESSEE_CASES)
def test_execution_articles(text, expected):
    assert article_roles(text) == expected


@pytest.mark.parametrize("heading,text,expected", HEADED_ADDRESSEE_CASES + DELEGATION_CASES)
def test_articles_read_with_their_title(heading, text, expected):
    assert article_roles(text, heading) == expected


@pytest.mark.parametrize("node_id,text,expected", PSEUDO_CASES)
def test_addressee_paragraphs(node_id, text, expected):
    assert pseudo_roles(node_id, text) == expected


# tests/gold NOTES-60-63 call 5: the lead-in sentence of a numbered node that addresses units.
LEAD_IN_REQUEST_CASES = [
    # tests/gold 60 (75a0867a09525909) item 2
    pytest.param("Để đảm bảo chất lượng, tiến độ hoàn thành 02 công trình dự án, phấn đấu hoàn thành xây dựng trước ngày 30 "
                 "tháng 11 năm 2025, yêu cầu Bộ Y tế, Ban Quản lý dự án, các nhà thầu và các bộ, cơ quan liên quan theo "
                 "chức năng, nhiệm vụ, thẩm quyền tiếp tục quyết tâm, nỗ lực, trong đó lưu ý một số nội dung như sau:", None,
                 [("Bộ Y tế", "lead"), ("Ban Quản lý dự án", "lead"), ("các nhà thầu", "lead"),
                  ("các bộ, cơ quan liên quan", "lead")], id="yeu-cau-after-a-purpose-clause"),
    # 35 (05729ab54fc07c39) item 3: the whole sentence is the title line.
    pytest.param("", "Trong thời gian tới, yêu cầu các bộ, ngành tập trung thực hiện một số nhiệm vụ như sau",
                 [("các bộ, ngành", "lead")], id="yeu-cau-in-a-title-line"),
    pytest.param("Nếu không đạt, phải hướng dẫn, yêu cầu các đơn vị có biện pháp khắc phục.", None, [],
                 id="neg-yeu-cau-after-another-task-verb"),
]


@pytest.mark.parametrize("text,heading,expected", LEAD_IN_REQUEST_CASES)
def test_requests_after_a_lead_in(text, heading, expected):
    assert roles(text, heading) == expected


def test_request_inside_a_task_directs():
    # tests/gold 50: "hướng dẫn, yêu cầu các đơn vị có biện pháp khắc phục" names directed units.
    assert roles("Kiểm tra chất lượng nước; nếu không đạt, phải hướng dẫn, yêu cầu các đơn vị có biện pháp khắc phục.") == []


@pytest.mark.parametrize("text,heading,expected", PERSON_CASES)
def test_people_by_position(text, heading, expected):
    assert roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected", LIST_CASES + GUIDED_SUPPORT_CASES + PARTY_CASES + QUALIFIER_CASES
                         + LEVEL_SUBJECT_CASES + DUTY_LINE_CASES + HEAD_CASES + TITLE_SENTENCE_CASES)
def test_lists(text, heading, expected):
    assert roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected", LINE_BREAK_CASES)
def test_names_broken_by_a_line_end(text, heading, expected):
    assert roles(text, heading) == expected

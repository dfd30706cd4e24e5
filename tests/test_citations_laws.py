"""Laws, codes and ordinances cited by name: boundaries from the law lexicon, amending laws, short names and
abbreviations, and the number a name stands for (``canonical_ref``). One row per variant, ASCII ids."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.extractors.citations import extract_citations, find_citations
from kehoach.schemas.models import Node
from tests.factories import assert_found, citation

# fmt: off
BOUNDARY_CASES = [
    # a law's name right before its number, "số" left out: the numbered citation has it
    pytest.param("quy định tại khoản 6 Điều 16 Luật\nThuế xuất khẩu, thuế nhập khẩu 107/2016/QH13, khoản 1 Điều 11",
                 [citation("107/2016/QH13", text="107/2016/QH13")], id="name-then-number-without-so"),
    pytest.param("theo Luật Đất đai 2024 và Luật Nhà ở 2023", [citation("Luật Đất đai 2024"), citation("Luật Nhà ở 2023")],
                 id="name-then-year-is-no-number"),
    # the name ends where the lexicon's name ends, not at the next stop word
    pytest.param("thực hiện chính sách theo quy định của Luật Việc làm về bảo hiểm thất nghiệp",
                 [citation("Luật Việc làm", text="Luật Việc làm")], id="name-not-cut-at-viec"),
    pytest.param("theo quy định của Luật Đầu tư công và pháp luật có liên quan",
                 [citation("Luật Đầu tư công", text="Luật Đầu tư công")], id="name-stops-before-va-phap-luat"),
    pytest.param("được cấp ngân sách theo quy định của Luật Ngân sách nhà nước, nguồn chi thường xuyên",
                 [citation("Luật Ngân sách nhà nước", text="Luật Ngân sách nhà nước")], id="name-stops-before-comma-clause"),
    pytest.param("theo quy định của Luật Ngân sách\nnhà nước, hoặc được giao biên chế",
                 [citation("Luật Ngân sách nhà nước", text="Luật Ngân sách\nnhà nước")], id="name-over-line-break"),
    pytest.param("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;",
                 [citation("Bộ luật Lao động 2019", doc_type="Bộ luật", date="2019-11-20")], id="code-keeps-bo"),
    pytest.param("theo Luật Đầu tư theo phương thức đối tác công tư và Luật Đầu tư",
                 [citation("Luật Đầu tư theo phương thức đối tác công tư"), citation("Luật Đầu tư")],
                 id="longest-name-wins"),
    pytest.param("theo Luật Giáo dục đại học, Luật Giáo dục nghề nghiệp",
                 [citation("Luật Giáo dục đại học"), citation("Luật Giáo dục nghề nghiệp")], id="names-sharing-a-start"),
    # how older texts write names: lower case after the type word, "Bộ Luật", "về", a hyphen for the comma
    pytest.param("theo quy định của Luật sở hữu trí tuệ và Bộ luật dân sự",
                 [citation("Luật sở hữu trí tuệ", doc_type="Luật"), citation("Bộ luật dân sự", doc_type="Bộ luật")],
                 id="lower-case-names"),
    pytest.param("quy định tại Điều 93 của Bộ Luật Lao động", [citation("Bộ Luật Lao động", doc_type="Bộ luật")],
                 id="bo-luat-capital-l"),
    pytest.param("Căn cứ Pháp lệnh về phí và lệ phí ngày 28 tháng 8 năm 2001;",
                 [citation("Pháp lệnh về phí và lệ phí 2001", doc_type="Pháp lệnh", date="2001-08-28")], id="ordinance-ve"),
    pytest.param("Căn cứ Luật Thi đua-khen thưởng năm 2003;", [citation("Luật Thi đua-khen thưởng 2003", year=2003)],
                 id="hyphen-for-comma"),
    pytest.param("Căn cứ Luật Phòng chống bạo lực gia đình năm 2022;", [citation("Luật Phòng chống bạo lực gia đình 2022")],
                 id="comma-left-out"),
    pytest.param("Căn cứ Luật Giao thông đường thuỷ nội địa ngày 15 tháng 6 năm 2004;",
                 [citation("Luật Giao thông đường thuỷ nội địa 2004")], id="ocr-old-tone-placement"),
    pytest.param("Căn cứ Luật người cao tuổi số 39/2009/QH12 ngày 23/11/2009;",
                 [citation("39/2009/QH12", doc_type="Luật", date="2009-11-23", text="Luật người cao tuổi số 39/2009/QH12")],
                 id="lower-case-name-before-number"),
    pytest.param("Căn cứ Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14;",
                 [citation("69/2020/QH14", doc_type="Luật")], id="type-word-inside-name-before-number"),
    pytest.param("Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019;",
                 [citation("45/2019/QH14", doc_type="Bộ luật", date="2019-11-20",
                           text="Bộ luật Lao động số 45/2019/QH14")], id="code-with-number"),
    # a title in capitals names the law; the law's own type line does not
    pytest.param("KẾ HOẠCH TRIỂN KHAI THI HÀNH NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT\nPHÒNG THỦ DÂN SỰ",
                 [citation("LUẬT PHÒNG THỦ DÂN SỰ", doc_type="Luật")], id="capitals-inside-a-title"),
    pytest.param("LUẬT\nBẢO HIỂM XÃ HỘI", [], id="capitals-type-line-not-cited"),
    # names in running text: where they end
    pytest.param("đảm bảo các quy định của Luật Thực hiện dân chủ ở cơ sở năm 2022.",
                 [citation("Luật Thực hiện dân chủ ở cơ sở 2022", doc_type="Luật", year=2022)], id="law-name-year"),
    pytest.param("Căn cứ Bộ luật Lao động 2019;", [citation("Bộ luật Lao động 2019", doc_type="Bộ luật", year=2019)], id="code-year-no-nam"),
    pytest.param("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
                 [citation("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân 2003", date="2003-11-26", year=2003)],
                 id="law-name-date"),
    pytest.param("phù hợp với Luật Bảo vệ môi trường và các quy định", [citation("Luật Bảo vệ môi trường")], id="law-name-no-year"),
    pytest.param("Luật Công đoàn, Luật Thanh niên, Luật Thực hiện dân chủ ở cơ sở;",
                 [citation("Luật Công đoàn"), citation("Luật Thanh niên"), citation("Luật Thực hiện dân chủ ở cơ sở")],
                 id="law-name-list"),
    pytest.param("Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;", [citation("Luật Phí và lệ phí 2015")], id="va-inside-name"),
    pytest.param("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo năm 2025;",
                 [citation("Luật Khoa học, công nghệ và đổi mới sáng tạo 2025")], id="comma-inside-name"),
    pytest.param("Căn cứ Luật Phòng, chống thiên tai năm 2013;", [citation("Luật Phòng, chống thiên tai 2013")], id="phong-chong"),
    pytest.param("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19/02/2025;",
                 [citation("Luật Ban hành văn bản quy phạm pháp luật 2025", date="2025-02-19")], id="quy-inside-name"),
    pytest.param("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng năm 2020;",
                 [citation("Pháp lệnh Ưu đãi người có công với cách mạng 2020", doc_type="Pháp lệnh")], id="phap-lenh"),
    pytest.param("theo quy định của Luật Đất đai có hiệu lực", [citation("Luật Đất đai")], id="law-name-stops-at-verb"),
    pytest.param("tại Điều 2 Luật Bảo hiểm xã hội và Điều 3", [citation("Luật Bảo hiểm xã hội")], id="law-name-stops-at-dieu"),
    pytest.param("theo quy định của Luật Di sản đối với các di tích", [citation("Luật Di sản")], id="law-name-stops-at-doi-voi"),
    pytest.param("tại Mục 3 của Luật An toàn, vệ sinh lao động và quy định tại Nghị định này",
                 [citation("Luật An toàn, vệ sinh lao động")], id="law-name-drops-trailing-va"),
    pytest.param("Luật Thuế giá trị gia tăng ước tăng thu khoảng 200 tỷ đồng", [citation("Luật Thuế giá trị gia tăng")],
                 id="law-name-in-running-text"),
    pytest.param("Luật Thủ đô[2] và một số văn bản", [citation("Luật Thủ đô")], id="footnote-marker-ends-law-name"),
    pytest.param("tuyên truyền, phổ biến, giáo dục pháp luật về phòng chống bạo lực gia đình, thông Luật Phòng chống bạo lực gia đình, Bộ tiêu chí xây dựng gia đình hạnh phúc",
                 [citation("Luật Phòng chống bạo lực gia đình")], id="law-name-stops-at-comma-body"),
    pytest.param("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;",
                 [citation("64/2025/QH15", doc_type="Luật", relation="based_on"),
                  citation("87/2025/QH15", relation="based_on")], id="lower-case-luat-inside-name"),
    # over a line break
    pytest.param("Luật Tổ chức chính quyền địa phương\nngày 19 tháng 6 năm 2015", [citation("Luật Tổ chức chính quyền địa phương 2015")],
                 id="law-name-line-break"),
    pytest.param("Luật Thực hiện dân chủ\nở cơ sở năm 2022", [citation("Luật Thực hiện dân chủ ở cơ sở 2022")], id="law-name-wrapped"),
    pytest.param("Căn cứ Luật Tổ chức\nChính phủ ngày 18 tháng 2 năm 2025;",
                 [citation("Luật Tổ chức Chính phủ 2025", date="2025-02-18", relation="based_on")], id="law-name-wrapped-capital"),
    pytest.param("doanh nghiệp theo Luật Căn cước\nBộ Khoa học và Công nghệ\n30/11/2025",
                 [citation("Luật Căn cước")], id="law-name-not-into-body-line"),
    pytest.param("Căn cứ Luật Đất đai\nCăn cứ Nghị định số 102/2024/NĐ-CP;",
                 [citation("Luật Đất đai"), citation("102/2024/NĐ-CP", relation="based_on")], id="law-name-not-into-next-clause"),
    # not laws
    pytest.param("theo quy định của pháp luật về đất đai", [], id="luat-lower-case-generic"),
    pytest.param("LUẬT ĐẤT ĐAI", [], id="all-caps-law-title-not-cited"),
    pytest.param("Luật sửa đổi, bổ sung một số điều", [], id="amending-law-without-name"),
    pytest.param("Luật này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.", [], id="luat-nay"),
    pytest.param("Xây dựng các Luật sửa đổi, bổ sung các Luật chuyên ngành", [], id="plural-names-no-law"),
    pytest.param("các Luật: Đất đai, Nhà ở", [], id="plural-list-head"),
]

AMENDING_CASES = [
    # each member with its own number: the title keeps them, each number is cited too, no name-only member beside it
    pytest.param("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở\n"
                 "số 27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15;",
                 [citation("31/2024/QH15"),
                  citation("Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số "
                           "27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15", year=None),
                  citation("27/2023/QH15"), citation("32/2024/QH15")],
                 id="amending-title-members-with-their-numbers"),
    # an amending title over a count of laws it does not name
    pytest.param("Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có\nliên quan đến quy hoạch ngày 20/11/2018;",
                 [citation("Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch 2018",
                           doc_type="Luật", date="2018-11-20")], id="amending-title-over-a-count-of-laws"),
    # a number after the last member only: the amending law's own
    pytest.param("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều số "
                 "60/2020/QH14;", [citation("60/2020/QH14", doc_type="Luật"), citation("Luật Phòng, chống thiên tai"),
                                   citation("Luật Đê điều")], id="amending-title-number-after-the-last-member"),
    # "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y": a citation of its own, and X and Y by name
    pytest.param("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
                 "địa phương ngày 22 tháng 11 năm 2019;",
                 [citation("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
                           "phương 2019", doc_type="Luật", date="2019-11-22", canonical_ref="47/2019/QH14"),
                  citation("Luật Tổ chức Chính phủ", year=None), citation("Luật Tổ chức chính quyền địa phương", year=None)],
                 id="amending-law-and-its-laws"),
    pytest.param("Căn cứ Luật Sửa đổi, bổ\nsung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;",
                 [citation("87/2025/QH15", doc_type="Luật"), citation("Luật Ban hành văn bản quy phạm pháp luật")],
                 id="amending-title-over-line-break-has-the-number"),
    pytest.param("theo Luật sửa đổi, bổ sung một số điều của các luật liên quan đến đầu tư xây dựng cơ bản ngày 19 tháng 6 "
                 "năm 2009",
                 [citation("Luật sửa đổi, bổ sung một số điều của các luật liên quan đến đầu tư xây dựng cơ bản 2009",
                           date="2009-06-19")], id="amending-law-over-unnamed-laws"),
    pytest.param("Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ngoại hối ngày 18 tháng 3 năm 2013",
                 [citation("Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ngoại hối 2013", doc_type="Pháp lệnh",
                           canonical_ref="06/2013/UBTVQH13"),
                  citation("Pháp lệnh Ngoại hối", year=None)], id="amending-ordinance"),
    pytest.param("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Hải quan, Luật Quản lý, sử dụng tài sản công số 90/2025/QH15;",
                 [citation("90/2025/QH15", doc_type="Luật", relation="based_on"), citation("Luật Đấu thầu", year=None),
                  citation("Luật Hải quan"), citation("Luật Quản lý, sử dụng tài sản công")],
                 id="amending-law-number-not-an-inner-name"),
    pytest.param("Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017 được sửa đổi, bổ sung tại Luật sửa đổi, bổ sung một số điều của Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu ngày 29 tháng 11 năm 2024;",
                 [citation("Luật Quy hoạch 2017", date="2017-11-24"),
                  citation("Luật sửa đổi, bổ sung một số điều của Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư "
                           "và Luật Đấu thầu 2024", doc_type="Luật", date="2024-11-29", year=2024),
                  citation("Luật Đầu tư", year=None), citation("Luật Đầu tư theo phương thức đối tác công tư"),
                  citation("Luật Đấu thầu", year=None)],
                 id="amending-law-date-is-the-amending-laws"),
    pytest.param("Căn cứ Luật Xây dựng số 50/2014/QH13; Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14;",
                 [citation("50/2014/QH13"), citation("52/2019/QH14", doc_type="Luật"), citation("Luật Cán bộ, công chức"),
                  citation("Luật Viên chức")],
                 id="amending-law-two-inner-names"),
    # a title in lower case: each law after "của" and each ", luật" is a name-only citation, its name running to
    # the next member or to the title's end
    pytest.param("Căn cứ Luật sửa đổi,\nbổ sung một số điều của luật chứng khoán, luật kế toán, luật kiểm toán độc lập,\n"
                 "luật ngân sách nhà nước, luật quản lý, sử dụng tài sản công, luật quản lý thuế,\nluật thuế thu nhập cá "
                 "nhân, luật dự trữ quốc gia, luật xử lý vi phạm hành chính\nsố 56/2024/QH15 ngày 29 tháng 11 năm 2024;",
                 [citation("56/2024/QH15", doc_type="Luật", date="2024-11-29"),
                  citation("Luật chứng khoán", doc_type="Luật", year=None, text="luật chứng khoán"),
                  citation("Luật kế toán"), citation("Luật kiểm toán độc lập"), citation("Luật ngân sách nhà nước"),
                  citation("Luật quản lý, sử dụng tài sản công", date=None), citation("Luật quản lý thuế"),
                  citation("Luật thuế thu nhập cá nhân", text="luật thuế thu nhập cá nhân"),
                  citation("Luật dự trữ quốc gia"), citation("Luật xử lý vi phạm hành chính", date=None)],
                 id="lower-case-title-with-number"),
    pytest.param("Luật sửa đổi, bổ sung một số điều của luật chứng\nkhoán, luật kế toán ngày 29 tháng 11 năm 2024;",
                 [citation("Luật sửa đổi, bổ sung một số điều của luật chứng khoán, luật kế toán 2024", doc_type="Luật",
                           date="2024-11-29", year=2024),
                  citation("Luật chứng khoán", date=None, text="luật chứng\nkhoán"), citation("Luật kế toán", date=None)],
                 id="lower-case-title-dated"),
    pytest.param("Luật sửa đổi, bổ sung một số điều của luật thuế xuất khẩu, thuế nhập khẩu và luật quản lý thuế ngày "
                 "12 tháng 6 năm 2025;",
                 [citation("Luật sửa đổi, bổ sung một số điều của luật thuế xuất khẩu, thuế nhập khẩu và luật quản lý "
                           "thuế 2025"),
                  citation("Luật thuế xuất khẩu, thuế nhập khẩu"), citation("Luật quản lý thuế")],
                 id="lower-case-member-with-a-comma-is-one-law"),
    pytest.param("Căn cứ Luật sửa đổi, bổ\nsung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều số\n"
                 "60/2020/QH14;\nCăn cứ Nghị định số 66/2021/NĐ-CP quy định chi tiết thi hành một số điều của Luật sửa "
                 "đổi, bổ sung một số điều\ncủa Luật Phòng, chống thiên tai và Luật Đê điều;",
                 [citation("60/2020/QH14"), citation("Luật Phòng, chống thiên tai"), citation("Luật Đê điều"),
                  citation("66/2021/NĐ-CP"),
                  citation("60/2020/QH14", text="Luật sửa đổi, bổ sung một số điều\ncủa Luật Phòng, chống thiên tai và "
                                                "Luật Đê điều"),
                  citation("Luật Phòng, chống thiên tai"), citation("Luật Đê điều")],
                 id="amending-title-alone-is-the-numbered-law"),
    # not a law's name: "pháp luật", the law itself, a draft
    pytest.param("sửa đổi các quy định của pháp luật về đất đai và luật khác", [], id="phap-luat-no-listed-law"),
    pytest.param("Luật sửa đổi, bổ sung một số điều của luật này", [], id="luat-nay-no-listed-law"),
    pytest.param("dự thảo Luật sửa đổi, bổ sung một số điều của luật chứng khoán, luật kế toán", [],
                 id="lower-case-title-of-a-draft"),
]

AMENDING_2019 = ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
                 "2019")
MENTION_CASES = [
    # a name resolves to the number or the year the document states for it
    pytest.param("Căn cứ Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13 và sửa đổi một số điều của Luật Mặt trận Tổ quốc Việt Nam",
                 [citation("75/2015/QH13", doc_type="Luật"), citation("75/2015/QH13", doc_type="Luật")], id="law-name-resolves-to-number"),
    pytest.param("Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014; theo Luật Bảo hiểm xã hội đóng bảo hiểm",
                 [citation("Luật Bảo hiểm xã hội 2014"), citation("Luật Bảo hiểm xã hội 2014")], id="law-name-resolves-to-year"),
    pytest.param("khoản 3 Điều 122 của Luật Bảo hiểm xã hội số 58/2014/QH13 và Điều 41 của Luật Bảo hiểm xã hội số 41/2024/QH15; theo Luật Bảo hiểm xã hội",
                 [citation("58/2014/QH13"), citation("41/2024/QH15"), citation("Luật Bảo hiểm xã hội")],
                 id="law-name-with-two-numbers-not-resolved"),
    # a short name or an abbreviation of a law already cited is a mention of that document
    pytest.param("Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13;\n"
                 "Tuyên truyền Luật Bầu cử năm 2015",
                 [citation("85/2015/QH13"), citation("85/2015/QH13", text="Luật Bầu cử năm 2015")], id="short-name-after-number"),
    pytest.param("Luật Bảo vệ bí mật nhà nước (BMNN) năm 2018; phổ biến Luật Bảo vệ BMNN đến cán bộ",
                 [citation("Luật Bảo vệ bí mật nhà nước 2018"),
                  citation("Luật Bảo vệ bí mật nhà nước 2018", text="Luật Bảo vệ BMNN")], id="abbreviation-after-full-name"),
    pytest.param("Căn cứ Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13; tuyên truyền Luật MTTQ Việt Nam",
                 [citation("75/2015/QH13"), citation("75/2015/QH13", text="Luật MTTQ Việt Nam")], id="mttq-after-number"),
    pytest.param("Luật Đất đai năm 2024 ... theo Luật đất đai", [citation("Luật Đất đai 2024"), citation("Luật Đất đai 2024")],
                 id="same-law-other-case"),
    pytest.param("Luật Đất đai năm 2013 và Luật Đất đai năm 2024; theo Luật Đất đai",
                 [citation("Luật Đất đai 2013"), citation("Luật Đất đai 2024"), citation("Luật Đất đai")],
                 id="two-versions-name-stays"),
    # a tone mark typed wrong: the lexicon's name still read, the text's spelling kept in the ref
    pytest.param("Căn cứ Luật Đầu tư theo phướng thức đối tác\ncông tư ngày 18 tháng 6 năm 2020;",
                 [citation("Luật Đầu tư theo phướng thức đối tác công tư 2020", date="2020-06-18")],
                 id="tone-typo-name-read-whole"),
    pytest.param("Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019; theo quy định của Luật Quản lý thuê;",
                 [citation("Luật Quản lý thuế 2019"), citation("Luật Quản lý thuế 2019", text="Luật Quản lý thuê")],
                 id="tone-typo-mention-of-the-cited-law"),
    pytest.param("của luật đầu tư theo phương thức đối tác công tư, luật quán lý, sử dụng tài sản công ngày 25 tháng 6",
                 [], id="tone-typo-lower-case-outside-a-title"),
    # a name cited again with a mark lost is the same document, under the first spelling
    pytest.param("Căn cứ Luật Thủy lợi ngày 19 tháng 6 năm 2017; theo Luật Thuy loi năm 2017",
                 [citation("Luật Thủy lợi 2017"), citation("Luật Thủy lợi 2017", text="Luật Thuy loi năm 2017")],
                 id="marks-lost-mention-of-the-cited-name"),
    pytest.param("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
                 "phương ngày 22 tháng 11 năm 2019;\nXét dự thảo căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức "
                 "Chính phủ và Luật Tổ chức chinh quyền địa phương ngày 22 tháng 11 năm 2019;",
                 [citation(AMENDING_2019), citation("Luật Tổ chức Chính phủ"),
                  citation("Luật Tổ chức chính quyền địa phương"), citation(AMENDING_2019),
                  citation("Luật Tổ chức Chính phủ"), citation("Luật Tổ chức chính quyền địa phương")],
                 id="amending-title-typed-with-a-mark-lost"),
    # abbreviations alone stay as written
    pytest.param("Căn cứ Luật Ban hành văn bản QPPL;", [citation("Luật Ban hành văn bản QPPL")], id="qppl-as-written"),
    pytest.param("triển khai Luật KH, CN&ĐMST năm 2025", [citation("Luật KH, CN&ĐMST 2025", canonical_ref="93/2025/QH15")],
                 id="abbreviated-name-with-ampersand"),
]

CONSTITUTION_CASES = [
    # the Constitution: the set phrase is no citation; a "Căn cứ" clause, a name or a year makes one
    pytest.param("bảo đảm phù hợp với Hiến\npháp, pháp luật và thực tiễn", [], id="constitution-set-phrase"),
    pytest.param("Căn cứ Hiến pháp;", [citation("Hiến pháp", doc_type="Hiến pháp", relation="based_on")],
                 id="constitution-based-on"),
    pytest.param("theo quy định tại Điều 87 của Hiến pháp năm 1992", [citation("Hiến pháp 1992", year=1992)],
                 id="constitution-with-year"),
    pytest.param("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;",
                 [citation("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", doc_type="Hiến pháp", relation="based_on"),
                  citation("203/2025/QH15", doc_type="Nghị quyết")], id="constitution-by-name"),
    pytest.param("Căn cứ Hiến pháp năm 2013;", [citation("Hiến pháp 2013", doc_type="Hiến pháp", year=2013)], id="constitution-year"),
    pytest.param("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Namđã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;",
                 [citation("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"), citation("203/2025/QH15", doc_type="Nghị quyết")],
                 id="constitution-glued-word"),
    pytest.param("phù hợp với quy định của Hiến pháp và pháp luật", [], id="constitution-bare-set-phrase"),
    pytest.param("Hiến pháp nước ta quy định", [], id="constitution-bare-no-citation"),
    pytest.param("các hiến pháp của nhiều nước", [], id="constitution-lower-case-generic"),
]

# (line, the citing document's date, canonical refs expected)
CANONICAL_CASES = [
    pytest.param("theo quy định của Luật Đầu tư công", "2025-03-01", ["58/2024/QH15"], id="version-in-force"),
    pytest.param("theo quy định của Luật Đầu tư công", "2024-12-15", ["39/2019/QH14"], id="passed-not-in-force-yet"),
    pytest.param("theo quy định của Luật Đầu tư công", None, [None], id="no-date-several-versions"),
    pytest.param("Căn cứ Luật Tổ chức chính quyền địa phương 2025;", None, ["72/2025/QH15"], id="year-given"),
    pytest.param("Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;", None, ["10/2022/QH15"], id="year-given-one-version"),
    pytest.param("Căn cứ Luật Đất đai số 31/2024/QH15; theo Luật Đất đai", "2025-01-01", [None, None],
                 id="numbered-in-text-ref-is-number"),
    pytest.param("theo Luật Hành chính công và các văn bản", "2026-01-01", [None], id="law-not-in-lexicon"),
    pytest.param("Căn cứ Luật số 72/2025/QH15", "2025-08-01", [None], id="number-needs-none"),
]
# fmt: on


@pytest.mark.parametrize("line,expected", BOUNDARY_CASES + AMENDING_CASES + MENTION_CASES + CONSTITUTION_CASES)
def test_find_law_citations(line, expected):
    assert_found(line, find_citations(line), expected)


@pytest.mark.parametrize("line,date,expected", CANONICAL_CASES)
def test_canonical_ref(line, date, expected):
    found = find_citations(line, date=dt.date.fromisoformat(date) if date else None)
    assert [c.canonical_ref for c in found] == expected


def test_canonical_ref_reaches_the_contract():
    nodes = [Node(id="preamble", kind="pseudo", text="Căn cứ Luật Đầu tư công và Luật Đất đai số 31/2024/QH15;")]
    found = extract_citations(nodes, date=dt.date(2025, 11, 20))
    assert [(c.ref, c.canonical_ref) for c in found] == [("Luật Đầu tư công", "58/2024/QH15"), ("31/2024/QH15", None)]

"""Patterns and lexicons for organisational units and their roles.

Only constants live here (as eyecite's ``regexes.py``); the logic is in ``unit_names.py``,
``unit_subjects.py`` and ``unit_roles.py``. Lexicons are lists of words from administrative Vietnamese, not
from one document: the heads of the bodies named in Nghị định 10/2016/NĐ-CP,
Luật Tổ chức chính quyền địa phương and the Party / Front statutes, plus the
verbs that open a task sentence in plans and directives.
"""

from __future__ import annotations

import re

from kehoach.extractors import lexicon

# Honorifics and request verbs that precede a unit but are not part of it.
HONORIFIC_RE = re.compile(r"^(?:(?:[Cc]ác\s+)?(?:Đồng|đồng)\s+chí|Đ/c|đ/c)\s+")  # "Các đồng chí Bộ trưởng, …"
LEADING_VERB_RE = re.compile(
    r"^(?:Đề\s+nghị|đề\s+nghị|Giao|giao|Đối\s+với|đối\s+với|(?:Ủy|Uỷ|ủy|uỷ)\s+quyền(?:\s+cho)?|[Pp]hân\s+cấp\s+cho)(?:\s*:)?\s+")

# --- where a unit name begins ------------------------------------------------

# Heads of bodies, capitalised as the official style writes them.
ORG_HEAD = r"""
    Ủy\s+ban|Uỷ\s+ban|UBND|UBMTTQ(?:VN)?|HĐND|Hội\s+đồng|Mặt\s+trận|MTTQ
  | Thường\s+trực(?=\s+(?:Hội\s+đồng|HĐND|Ủy\s+ban|Uỷ\s+ban|UBND|Tỉnh|Thành|Huyện|Đảng))          # Thường trực Hội đồng nhân dân
  | Kiểm\s+toán\s+nhà\s+nước|Kiểm\s+toán\s+Nhà\s+nước
  | Thuế(?=\s+(?:tỉnh|thành\s+phố|cơ\s+sở)\s)                                                 # Thuế tỉnh Ninh Bình (tax offices since 2025)
  | Văn\s+phòng|VP\s+(?=HĐND|UBND|Đảng)
  | Sở(?=\s+[A-ZĐ])|Phòng(?=\s+[A-ZĐ]|\s+chuyên\s+môn)|Ban(?=\s+[A-ZĐ]|\s+công\s+tác|\s+chỉ\s+đạo|\s+quản\s+lý)
  | Bộ\s+Chỉ\s+huy|Bộ\s+đội|Bộ(?=\s+[A-ZĐ])|Bộ(?=\s*[,;.:]|\s+(?:trưởng))|Cục(?=\s+[A-ZĐ])|Chi\s+cục|Vụ(?=\s+[A-ZĐ])|Tổng\s+cục
  | Trung\s+tâm|Công\s+an|Công\s+An(?=\s+[A-ZĐtx])|Quân\s+sự|Kho\s+bạc|Ngân\s+hàng|Thanh\s+tra(?=\s+(?:[A-ZĐ]|tỉnh|thành\s+phố|xã|phường|đặc\s+khu|cấp))|Viện(?=\s+[A-ZĐ])|Tòa\s+án|Toà\s+án
  | Đảng\s+ủy|Đảng\s+uỷ|Đảng\s+đoàn|Đảng\s+bộ|Chi\s+bộ|ĐU|Tỉnh\s+ủy|Tỉnh\s+uỷ|Thành\s+ủy|Thành\s+uỷ|Huyện\s+ủy|Huyện\s+uỷ
  | Hội(?=\s+[A-ZĐ])|Hiệp\s+hội(?=\s+[A-ZĐ])|Đoàn(?=\s+[A-ZĐ])|Đoàn\s+đại\s+biểu(?=\s+(?:Quốc\s+hội|HĐND|Hội\s+đồng))|Thành\s+Đoàn|Thành\s+đoàn|Tỉnh\s+Đoàn|Tỉnh\s+đoàn|Liên\s+đoàn|Công\s+đoàn
  | Tổ(?=\s+(?:công\s+tác|tiếp|giúp\s+việc|chuyên|thường\s+trực|kiểm|dân\s+phố|Trưởng|trưởng|đại\s+biểu))
  | Đội(?=\s+[A-ZĐ])|Chi\s+nhánh|Đài|Báo(?=\s+[A-ZĐ])|Trường(?=\s+[A-ZĐ])|Bệnh\s+viện|Trạm\s+y\s+tế
  | Cơ\s+quan(?=\s+[A-ZĐ])|Văn\s+phòng\s+Chính\s+phủ|Chính\s+phủ(?=\s+(?:chủ\s+trì|giao))
  | Ban\s+Chỉ\s+đạo|Ban\s+Chỉ\s+huy|Hạt\s+Kiểm\s+lâm|Kiểm\s+lâm|Bảo\s+hiểm\s+xã\s+hội
  | Báo\s+và\s+Phát\s+thanh,\s*Truyền\s+hình|Báo,\s+[Đđ]ài(?=\s|$)                     # Báo và Phát thanh, Truyền hình tỉnh; Báo, Đài tỉnh
  | Liên\s+minh(?=\s+[A-ZĐ])|Tổng\s+[Cc]ông\s+ty|Công\s+ty(?=\s+[A-ZĐ]|\s+(?:nghiên\s+cứu|thực\s+hiện|liên\s+hệ|căn\s+cứ)(?![\w]))  # Tổng Công ty; "đề nghị Công ty nghiên cứu …" (the addressee)
  | Liên\s+hiệp(?:\s+các\s+[Hh]ội)?(?=\s+[A-ZĐ])                                       # Liên hiệp các hội Khoa học và Kỹ thuật
  | Bộ(?=\s+ngành)|Doanh\s+nghiệp(?=\s+(?:viễn\s+thông|bưu\s+chính|công\s+nghệ\s+số|nhà\s+nước)\s+[a-zđ])                                            # Bộ ngành Trung ương; Doanh nghiệp viễn thông
"""


def _words_alternation(words: tuple[str, ...], capital: bool = False) -> str:
    """Words of a data file as one alternation, longest first, spaces as ``\\s+``; with ``capital``, the first
    letter in either case."""
    def one(word: str) -> str:
        first, rest = word[0], r"\s+".join(map(re.escape, word[1:].split(" ")))
        head = f"[{first.upper()}{first}]" if capital else re.escape(first)
        return head + rest
    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


# A State group's unit named by the group's brand or trade and its place: "VNPT Quảng Ngãi", "Bưu điện Quảng Ngãi" (data).
ORG_HEAD += r"  | (?:" + _words_alternation(lexicon.body_words("enterprise_units", "heads")) + r")(?=\s+[A-ZĐ])" + "\n"

# Person titles that stand for the body they head ("Giám đốc Sở Xây dựng").
TITLE_HEAD = r"""
    (?:Phó\s+)?(?:Giám\s+đốc|Chủ\s+tịch|Chánh\s+[Vv]ăn\s+phòng|Chánh\s+Thanh\s+tra|Chánh\s+án|Viện\s+trưởng|Bí\s+thư)
  | (?:Phó\s+)?(?:Trưởng|Thủ\s+trưởng|Bộ\s+trưởng|Tổng\s+cục\s+trưởng|Cục\s+trưởng|Chi\s+cục\s+trưởng|Tổ\s+[Tt]rưởng|Vụ\s+trưởng
                |Chỉ\s+huy\s+trưởng|Tổng\s+Giám\s+đốc|Tổng\s+Kiểm\s+toán\s+nhà\s+nước|Tổng\s+Thanh\s+tra)
  | Cán\s+bộ\s+(?:phụ\s+trách|chuyên\s+trách|đầu\s+mối)|Chuyên\s+viên(?=\s+phụ\s+trách)|Công\s+chức(?=\s+phụ\s+trách)
  | Người\s+đứng\s+đầu
  | (?:thủ\s+trưởng|người\s+đứng\s+đầu|giám\s+đốc|chủ\s+tịch)(?=\s+(?:các|những|cơ\s+quan|đơn\s+vị|cấp|sở|[A-ZĐ]))  # "; thủ trưởng cơ quan, đơn vị"
"""
TITLE_HEAD += r"  | (?:Phó\s+)?(?:" + _words_alternation(lexicon.body_words("titles", "heads")) + ")\n"  # Thứ trưởng, Thống đốc (data)
# Written in lower case inside a list, before the body it is of: "…; thành viên Ban Chỉ đạo 138 tỉnh; …".
TITLE_HEAD += (r"  | (?:" + _words_alternation(tuple(t[:1].lower() + t[1:] for t in lexicon.body_words("titles", "heads")))
               + r")(?=\s+[A-ZĐ])" + "\n")
# Lower-case bodies and plural groups ("các sở, ban, ngành", "lực lượng công an").
GROUP_NOUN = r"""
    sở|ban|ngành|phòng|bộ(?!\s+(?:phận|máy))|cơ\s+quan|đơn\s+vị|tổ\s+chức|địa\s+phương|cấp\s+ủy|cấp\s+uỷ|đoàn\s+thể
  | hội|đoàn|đối\s+tượng|chủ\s+rừng|xã|phường|thị\s+trấn|huyện|quận|tỉnh|thành\s+phố|thôn|ấp|tổ\s+dân\s+phố|bộ\s+phận|trường(?:\s+học)?(?!\s+hợp)|trung\s+tâm
  | cá\s+nhân|doanh\s+nghiệp|lực\s+lượng|chi\s+bộ|đảng\s+bộ|ông|bà|thành\s+viên|[Ủủ]y\s+viên|[Uu]ỷ\s+viên|ủy\s+ban|uỷ\s+ban
  | ngân\s+hàng|Ngân\s+hàng|[Vv]iện(?:\s+nghiên\s+cứu)?|cơ\s+sở\s+(?:đào\s+tạo|giáo\s+dục|y\s+tế|khám\s+bệnh|sản\s+xuất|kinh\s+doanh)
  | Sở|Ban|Bộ|Phòng|Trung\s+tâm|Hội|Đoàn|Cơ\s+quan|Đơn\s+vị|Ủy\s+ban|Uỷ\s+ban|Tổ|Cục|Chi\s+cục|Vụ|Trạm|Trường(?!\s+hợp)|ĐVSN|cấp
  | Tổ\s+đại\s+biểu|tổ\s+đại\s+biểu|đại\s+biểu(?=\s+(?:Hội\s+đồng|HĐND|Quốc\s+hội|dân\s+cử))
"""


# The parties of the data (``bodies.json``: "nhà thầu", "nhà đầu tư") are group nouns too: "các nhà thầu".
GROUP_NOUN += "  | " + _words_alternation(lexicon.body_words("groups", "parties")) + "\n"
# Collectives of several words ("các cụm, khối thi đua"; data: groups.collectives), before the one-word nouns.
GROUP_NOUN = "    " + _words_alternation(lexicon.body_words("groups", "collectives")) + "\n  |" + GROUP_NOUN
# A place's level word alone as a sentence's subject, before its verb: "Tỉnh căn cứ các quy định …" (data).
LEVEL_SUBJECT_RE = re.compile(r"(?:" + _words_alternation(lexicon.body_words("groups", "level_subjects")) + r")(?=\s+[a-zđà-ỹ])")
# Parties a document tasks by category, without a determiner ("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư").
PARTY = _words_alternation(lexicon.body_words("groups", "parties"), capital=True)
# A collective opening a sentence without a determiner ("Tổ chức, cá nhân có trách nhiệm …"; data: groups.categories).
CATEGORY_START_RE = re.compile(r"(?:" + _words_alternation(lexicon.body_words("groups", "categories"), capital=True) + r")(?![\w])")

LOWER_BODY = r"""
    [Ll]ực\s+lượng\s+(?:vũ\s+trang|công\s+an|quân\s+đội|chức\s+năng|xung\s+kích|dân\s+quân)|[Ll]ực\s+lượng(?=\s+[a-zđA-ZĐ])
  | công\s+an(?=\s|,|$)|quân\s+đội|cấp\s+[ủu]y(?:\s+đảng)?|cấp\s+uỷ|doanh\s+nghiệp|báo,\s+đài(?=\s|,|$)     # phối hợp với cấp ủy, chính quyền các cấp
  | đại\s+biểu(?=\s+(?:Hội\s+đồng|HĐND|Quốc\s+hội))
  | chủ\s+đầu\s+tư(?:\s+(?:các\s+)?dự\s+án)?(?=\s*(?:[,;.:]|$|và\s|có\s|liên\s))  # "các sở, ban ngành, | chủ đầu tư dự án": a party of its own
  | cán\s+bộ,\s+công\s+chức(?:,\s+viên\s+chức)?(?:\s+và\s+người\s+lao\s+động)?(?=\s+(?:của|thuộc|có\s+liên\s+quan|liên\s+quan))|chính\s+quyền\s+(?:các\s+cấp|địa\s+phương|cơ\s+sở|cấp\s+xã)
  | ngành\s+(?:y\s+tế|giáo\s+dục|chức\s+năng|tài\s+chính|công\s+an|văn\s+hóa|[a-zđ]+)
  | [Nn]gành(?=\s+[A-ZĐ])                                           # a sector by its proper name: "ngành Thuế"
  | tổ\s+chức\s+chính\s+trị\s*[-–]\s*xã\s+hội                       # "phối hợp tổ chức chính trị - xã hội tại địa phương"
  | (?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị|[Tt]ổ\s+chức|[Cc]á\s+nhân|[Đđ]ịa\s+phương)(?:,\s+(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|cá\s+nhân|địa\s+phương))*
    (?=\s+(?:khác\s+)?(?:có\s+)?liên\s+quan)                                                   # đơn vị có liên quan; cơ quan, địa phương liên quan
  | địa\s+phương(?=\s+(?:có|liên\s+quan|lân\s+cận))|đơn\s+vị\s+sự\s+nghiệp|cơ\s+quan\s+(?:chuyên\s+môn|liên\s+quan|có\s+liên\s+quan|Trung\s+ương|thông\s+tấn|báo\s+chí)
"""


# A system of bodies named by its function: "phối hợp chặt chẽ với cơ quan thuế" (data: bodies.json functional_bodies).
LOWER_BODY += "  | (?:" + _words_alternation(lexicon.body_words("functional_bodies", "names"), capital=True) + r")(?![\w])" + "\n"


def _known_bodies() -> str:
    """Every body of ``data/bodies.json`` by its name, aliases and former names, longest first:
    a known name is read whole ("Ban Chính sách, chiến lược Trung ương", "Tòa án nhân dân tối cao")."""
    names = {n for b in lexicon.bodies() for n in (b.name, *b.aliases, *b.merged_from)}
    # a comma inside a name may stand after a space, as texts typed from scans write it ("thông tấn , báo chí")
    return "|".join(r"\s+".join(map(re.escape, n.split())).replace(",", r"\s*,")
                    for n in sorted(names, key=len, reverse=True))


KNOWN_BODY = _known_bodies()
ORG_HEAD_RE = re.compile(rf"(?:{ORG_HEAD})(?![\w])", re.VERBOSE)

# A unit begins here: a known body, or an optional plural marker, then a head.
UNIT_START_RE = re.compile(
    rf"""(?:
        (?P<known>{KNOWN_BODY})                                      # Bộ Tài chính, Thanh tra tỉnh …
      | (?P<plural>(?:[Cc]ác|[Nn]hững|[Mm]ọi)\s+(?:{GROUP_NOUN})    # các phòng, các Sở
          | [Ss]ở,\s*[Bb]an,?\s*[Nn]gành)                              # "phối hợp với Sở, ban ngành liên quan": no "các"
      | (?P<title>{TITLE_HEAD})                                      # Giám đốc Sở …
      | (?P<org>{ORG_HEAD})                                          # Sở Y tế, UBND …
      | (?P<lower>{LOWER_BODY})                                      # lực lượng quân đội, công an
      | (?P<party>{PARTY})                                           # Doanh nghiệp, nhà đầu tư
    )(?![\w])""",
    re.VERBOSE,
)
# The same where no letter or digit stands just before (no name starts inside a word): a scan over running text
# tries the long alternation only at the starts of words, a few times faster.
UNIT_WORD_START_RE = re.compile(rf"(?<![^\W_])(?:{UNIT_START_RE.pattern})", re.VERBOSE)

# Fixed names whose inner "và" or comma joins parts of one body, not two bodies.
FIXED_NAME_RE = re.compile(
    r"""(?:
        (?:Văn\s+phòng\s+)?(?:Hội\s+đồng\s+nhân\s+dân|HĐND)\s*(?:và|,)\s*(?:Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND)
      | Mặt\s+trận\s+Tổ\s+quốc,\s+các\s+đoàn\s+thể                   # Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh
      | MTTQ,\s+các\s+đoàn\s+thể
      | Kinh\s+tế,\s+Hạ\s+tầng\s+và\s+Đô\s+thị
      | Thi\s+đua\s*[-–]\s*Khen\s+thưởng                           # Ban Thi đua - Khen thưởng ("khen thưởng" is also a verb)
      | Văn\s+hóa,\s+Thể\s+thao\s+và\s+Du\s+lịch|Văn\s+hoá,\s+Thể\s+thao\s+và\s+Du\s+lịch
      | Văn\s+hóa,\s+Khoa\s+học\s+và\s+Thông\s+tin
    )""",
    re.VERBOSE,
)

# Administrative levels that continue a list inside one body ("UBND xã, phường, thị trấn").
ADMIN_LEVEL_RE = re.compile(r"(?:xã|phường|đặc\s+khu|thị\s+trấn|thị\s+xã|huyện|quận|tỉnh|thành\s+phố|thôn|ấp|bản|[Tt]ổ\s+dân\s+phố)(?![\w])")

# --- where a unit name ends ---------------------------------------------------

# Words that can be a noun in a name or the verb after it ("các cơ quan, tổ chức" /
# "các thôn ấp, tổ dân phố, tổ chức phổ biến"): a verb when another predicate follows.
AMBIGUOUS_WORDS = {"tổ chức", "cấp", "quản lý", "tổng hợp", "tham mưu", "phụ trách", "trực tiếp", "công an"}
# Punctuation and ellipses that trail a name cut from running text.
TRAILING_RE = re.compile(r"[\s,;:.…]+$|\s*\.{2,}$")

# Words that open the predicate: a unit name stops before them (lower case only;
# capitalised "Xây dựng" in "Sở Xây dựng" is part of a name).
PREDICATE_WORDS = r"""
    chủ\s+trì|phối\s+hợp|tham\s+mưu|thực\s+hiện|triển\s+khai|tổ\s+chức|hướng\s+dẫn|chỉ\s+đạo|xây\s+dựng|hỗ\s+trợ
  | giám\s+sát|kiểm\s+tra|rà\s+soát|lập|thẩm\s+định|nghiên\s+cứu|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|theo\s+dõi
  | báo\s+cáo|tổng\s+hợp|ban\s+hành|bố\s+trí|tuyên\s+truyền|phổ\s+biến|quán\s+triệt|đôn\s+đốc|trình|đề\s+xuất|phát\s+động
  | huy\s+động|vận\s+động|triệu\s+tập|tiếp\s+nhận|xử\s+lý|giải\s+quyết|cung\s+cấp|thống\s+kê|đánh\s+giá|tiếp\s+tục|tăng\s+cường
  | đẩy\s+mạnh|nâng\s+cao|bảo\s+đảm|đảm\s+bảo|cử|tham\s+gia|là|có|được|phải|cần|sẽ|đã|đang|căn\s+cứ|thường\s+xuyên
  | khẩn\s+trương|chủ\s+động|tích\s+cực|kịp\s+thời|nghiêm\s+túc|khẩn\s+cấp|sớm|trực\s+tiếp|hoàn\s+thành|hoàn\s+thiện|quyết\s+liệt
  | lãnh\s+đạo|quản\s+lý|điều\s+phối|điều\s+hành|chuẩn\s+bị|thành\s+lập|phê\s+duyệt|thông\s+báo|công\s+bố|niêm\s+yết
  | sửa\s+đổi|bổ\s+sung|cập\s+nhật|gửi|chuyển|mời|họp|khảo\s+sát|điều\s+tra|xác\s+định|lựa\s+chọn|cân\s+đối|dự\s+toán
  | giao|yêu\s+cầu|đề\s+nghị|xem\s+xét|quyết\s+định|quy\s+định|thi\s+hành|tiến\s+hành|thu\s+gom|vệ\s+sinh|phun|cấp|chi|trả|nộp
  | ký|in|phát\s+hành|tập\s+huấn|bồi\s+dưỡng|đào\s+tạo|thẩm\s+tra|thanh\s+tra|tra\s+cứu|duy\s+trì|nhân\s+rộng|biểu\s+dương
  | khen\s+thưởng|phát\s+huy|ưu\s+tiên|tiên\s+phong|vận\s+hành|ứng\s+dụng|số\s+hóa|kết\s+nối|chia\s+sẻ|bàn\s+giao
  | định\s+kỳ|đăng\s+tải|phân\s+loại|bao\s+gồm|thống\s+nhất|nơi|tập\s+trung|kiện\s+toàn
  | soạn\s+thảo|dự\s+thảo|giải\s+ngân|liên\s+hệ|đẩy\s+nhanh|thúc\s+đẩy|tiếp\s+thu|hoàn\s+chỉnh|phân\s+bổ|hằng\s+năm|hàng\s+năm|phản\s+ánh|phản\s+hồi|phân\s+cấp|[ủu][yỷ]\s+quyền|chấp\s+thuận|công\s+nhận|đáp\s+ứng
  | để|nhằm|trong|về|theo|tại|với|cho|từ|trước|sau|khi|nếu|bằng|do|bởi|như|gồm|trên(?!\s+địa\s+bàn)|nhân\s+dịp
"""
PREDICATE_RE = re.compile(rf"(?:{PREDICATE_WORDS})(?![\w])", re.VERBOSE)

# Zones a body or a party belongs to: "khu công nghệ cao", "cụm công nghiệp" (Luật Đầu tư, Nghị định 35/2022/NĐ-CP).
_ZONE = r"(?:[Kk]hu|[Cc]ụm)\s+(?:[Cc]ông\s+nghệ\s+cao|[Cc]ông\s+nghiệp|[Kk]inh\s+tế|[Cc]hế\s+xuất)"
# A zone by its words or by the abbreviation offices write (data: bodies.json abbreviations, "KCN", "KKT").
ZONE = _ZONE + "|" + "|".join(
    re.escape(e["abbreviation"]) for e in lexicon.load("bodies")["abbreviations"]
    if e["expansion"].split()[0] in {"khu", "cụm"})
# Lower-case words that may continue a unit name ("các phòng chuyên môn",
# "Trung tâm sự nghiệp công", "các địa phương lân cận").
NAME_CONTINUATION = rf"""
    trong\s+(?:các\s+)?{_ZONE}(?:(?:,|\s+và)\s+(?:các\s+)?{_ZONE})*   # các nhà đầu tư trong các khu công nghệ cao, cụm công nghiệp
  | phạm\s+vi\s+quản\s+lý                                               # các đơn vị cấp nước thuộc phạm vi quản lý
  | đóng(?=\s+trên\s+địa\s+bàn(?![\w]))                                # các tổ chức và doanh nghiệp đóng trên địa bàn tỉnh
  | tại\s+(?:địa\s+phương|cơ\s+sở)                                       # các tổ chức chính trị - xã hội tại địa phương
  | chính\s+trị\s*[-–]\s*xã\s+hội(?:\s*[-–]\s*nghề\s+nghiệp)?|xã\s+hội\s*[-–]\s*nghề\s+nghiệp  # các tổ chức chính trị - xã hội
  | cấp\s+(?:nước|điện|thoát\s+nước)|thoát\s+nước|viễn\s+thông|bưu\s+chính                 # các đơn vị cấp nước
  | công\s+trình\s+xây\s+dựng(?:\s+chuyên\s+ngành)?|chuyên\s+ngành   # Sở quản lý công trình xây dựng chuyên ngành
  | chi\s+nhánh(?:\s+khu\s+vực(?:\s+\d+)?)?|khu\s+vực(?:\s+\d+)?          # Ngân hàng Nhà nước chi nhánh khu vực 14
  | (?:cung\s+cấp|chi\s+trả)\s+dịch\s+vụ(?:\s+chi\s+trả)?                # các tổ chức cung cấp dịch vụ chi trả
  |     có\s+liên\s+quan|liên\s+quan|thuộc,\s+trực\s+thuộc|trực\s+thuộc(?:\s+trung\s+ương|\s+Trung\s+ương)?|thuộc|của|trên\s+địa\s+bàn|ở|các\s+cấp
  | cấp(?=\s+(?:xã|phường|huyện|quận|tỉnh|thành\s+phố|trung\s+ương|Trung\s+ương|cơ\s+sở|trên|dưới|có\s+thẩm\s+quyền|ủy|uỷ|[IV]+\b))
  | chuyên\s+môn|sự\s+nghiệp|công\s+lập|ngoài\s+công\s+lập|giáo\s+dục|y\s+tế|đảng|công|quân\s+đội|nhân\s+dân|lân\s+cận|sở\s+tại
  | thông\s+tấn|báo\s+chí|ngành|cơ\s+quan|đơn\s+vị|tổ\s+chức|đoàn\s+thể|xã\s+hội|chính\s+trị|thành\s+viên|khác|ngang\s+bộ
  | có\s+rừng|có\s+tên|chức\s+năng|có\s+thẩm\s+quyền|giúp\s+việc|chuyên\s+trách|ấp|thôn|bản
  | xã|phường|đặc\s+khu|thị\s+trấn|thị\s+xã|huyện|quận|tỉnh|thành\s+phố|tổ\s+dân\s+phố|địa\s+phương|cơ\s+sở|trung\s+ương|nhà\s+nước
  | khoa\s+học(?:\s+và\s+công\s+nghệ)?|trong\s+và\s+ngoài\s+nước|trong\s+nước|nước\s+ngoài   # các tổ chức khoa học trong và ngoài nước
  | trong\s+(?:toàn\s+)?tỉnh(?![\w])                                  # Ủy ban nhân dân các huyện, thành phố trong tỉnh
  | vận\s+tải|nông\s+thôn|môi\s+trường|đô\s+thị|hạ\s+tầng|bệnh\s+tật
  | kinh\s+doanh|thương\s+mại|dịch\s+vụ                           # các đơn vị kinh doanh vận tải, thương mại dịch vụ
  | (?:các\s+)?[Kk]hu\s+(?:[Cc]ông\s+nghệ\s+cao|[Cc]ông\s+nghiệp|[Kk]inh\s+tế|[Cc]hế\s+xuất)(?:\s+và\s+(?:các\s+)?(?:[Kk]hu\s+)?(?:[Cc]ông\s+nghệ\s+cao|[Cc]ông\s+nghiệp|[Kk]inh\s+tế|[Cc]hế\s+xuất))*
  | ứng\s+dụng\s+[Cc]ông\s+nghệ\s+cao                                   # Khu nông nghiệp ứng dụng công nghệ cao (Luật Công nghệ cao)
  | chủ\s+rừng
  | (?<=[Bb]an\s)nhân(?=\s+(?:[A-ZĐ]|tỉnh|xã|phường|thành\s+phố))                      # "Ủy ban nhân Thành phố": "dân" dropped
  | dân\s+sự|hình\s+sự                                                 # Chi cục Thi hành án dân sự, Cảnh sát hình sự
  | hành\s+chính|phụ\s+trách|lĩnh\s+vực|thường\s+trực|trực\s+tiếp|quản\s+lý|cá\s+nhân|doanh\s+nghiệp|vũ\s+trang|an\s+ninh|quốc\s+phòng
  | hội|đoàn|lực\s+lượng|chức\s+năng|mặt\s+trận|cựu\s+chiến\s+binh|phụ\s+nữ|thanh\s+niên|nông\s+dân|công\s+an
"""
# The works a project management board serves: "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh" (data),
# before the one-word continuations ("công").
WORKS_SERVED = r"(?:các\s+)?(?:" + _words_alternation(tuple(lexicon.load("bodies")["works_served"]["names"])) + ")"
NAME_CONTINUATION = "    " + WORKS_SERVED + "\n  |" + NAME_CONTINUATION
NAME_CONTINUATION_RE = re.compile(rf"(?:{NAME_CONTINUATION})(?![\w])", re.VERBOSE)

# A restrictive relative clause after a group: "Chủ tịch Ủy ban nhân dân các xã, phường có tài sản kết cấu hạ tầng …",
# "Các doanh nghiệp có cửa hàng bán lẻ xăng dầu" names which members; not the group's own duty ("có trách nhiệm").
HAVING_RE = re.compile(r"có\s+(?!trách\s+nhiệm|nhiệm\s+vụ|nghĩa\s+vụ|quyền|liên\s+quan|thẩm\s+quyền)[a-zđà-ỹ]")

# The qualifier that closes a group: after it a "và X" is a new body.
GROUP_CLOSER_RE = re.compile(r"(?:liên\s+quan|lân\s+cận|khác|trực\s+thuộc\s+trung\s+ương)\s*$", re.IGNORECASE)

# --- roles --------------------------------------------------------------------

# "X chủ trì", "X có trách nhiệm", "X chịu trách nhiệm": explicit lead markers after a subject.
LEAD_VERB_RE = re.compile(r"(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)(?![\w])")
# Words that stand between a subject and its verb (modals, aspect, manner): after one of them an ambiguous word is the
# subject's last noun, a verb needing its object right after it ("Các cơ quan, đơn vị, tổ chức | chủ động đặt hàng …").
SUBJECT_ADVERB_RE = re.compile(r"(?:có|phải|cần|sẽ|đã|đang|chủ\s+động|tích\s+cực|khẩn\s+trương|kịp\s+thời)\s+"
                               r"(?!(?:trách\s+nhiệm|kế\s+hoạch|biện\s+pháp)(?![\w]))")

# Predicate words that are prepositions: they end a name but do not make its holder a subject.
PREPOSITIONS = {"để", "nhằm", "trong", "về", "theo", "tại", "với", "cho", "từ", "trước", "sau", "khi", "nếu",
                "bằng", "do", "bởi", "như", "gồm", "trên", "là", "được", "có", "sẽ", "đã", "đang", "bao gồm", "nơi",
                "thống nhất", "nhân dịp", "đáp ứng"}
# Verbs by which a subject hands work to another body: the object leads, not the subject
# ("Chủ tịch UBND Thành phố đề nghị các cơ quan …", "UBND Thành phố giao cơ quan chuyên môn …").
ASSIGNING_VERB_RE = re.compile(r"(?:đề\s+nghị|giao|yêu\s+cầu|thông\s+báo\s+(?:để|cho|đến)|phân\s+cấp|[ủu][yỷ]\s+quyền)(?![\w])")
# An adverbial between a subject and its predicate: "theo chức năng, nhiệm vụ được giao,", "trên cơ sở nhiệm vụ được giao
# tại các văn bản nêu trên,", or a bare list of the
# powers it acts by ("Ủy ban nhân dân tỉnh Ninh Bình theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo …").
_POWER = r"(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền|quyền\s+hạn|lĩnh\s+vực|phạm\s+vi)"
ADVERBIAL_RE = re.compile(
    r"(?:theo|căn\s+cứ|trên\s+cơ\s+sở|trong\s+phạm\s+vi)\s+(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền|lĩnh\s+vực)"
    r"(?:[^.;:\n]{0,60}(?:được\s+giao|của\s+mình|quản\s+lý|quy\s+định)(?:\s+(?:tại|trong|theo|của)\s[^.;:\n,]{0,60},)?"
    rf"|(?:\s*(?:,|và)\s*{_POWER})*(?![\w]))\s*,?")

# "phối hợp (chặt chẽ) với X", "Phối hợp X", "cùng X", "phối hợp cùng X". The lookahead holds the words' first letters:
# a scan tries the alternatives only where one stands.
SUPPORT_RE = re.compile(
    r"""(?=[PpCc])(?:
        [Pp]hối\s+hợp(?:\s+(?:chặt\s+chẽ|thường\s+xuyên|tốt|đồng\s+bộ))?
        (?:(?:,|\s+và)\s+(?:hỗ\s+trợ|hướng\s+dẫn))?         # "phối hợp, hướng dẫn X", "phối hợp và hướng dẫn X": X supports
        (?:\s+(?:với|cùng(?:\s+với)?))?\s+
      | (?<![\w])[Cc]ùng(?:\s+với)?\s+
    )""",
    re.VERBOSE,
)

# "Giao X", "Đề nghị X": the document asks X to do the work.
# Delegation is handed down like "Giao X" when the document itself opens the sentence with it ("Điều 1. Ủy quyền
# cho Chánh Văn phòng …", "Phân cấp cho Ủy ban nhân dân cấp xã quyết định …"); inside a regulation's sentence
# ("Trưởng Ban chủ trì hoặc ủy quyền cho Phó Trưởng Ban chủ trì") it is a power the regulation describes.
# "Giao cho X" opening a sentence hands X the work as "Giao X" does.
# The lookahead holds the first letters of the words: the places a request may stand are checked only there.
REQUEST_RE = re.compile(r"(?=[ĐđYyGgỦUP])(?<![\w])(?<!được\s)(?<!Bộ\s)(?:[Đđ]ề\s+nghị|(?<![,;]\s)Yêu\s+cầu|(?<!ứng\s)(?<!các\s)(?<!đúng\s)(?<!mọi\s)yêu\s+cầu|(?:(?<![\s\S])|(?<=\n)|(?<=[.;:]\s))Giao\s+cho|(?<!chuyển\s)(?<!bàn\s)(?<!trao\s)(?<!giao\s)(?<!đã\s)[Gg]iao"
                        r"|(?:(?<![\s\S])|(?<=\n)|(?<=[.;:]\s)|(?<=[-+•]\s))(?:(?:Ủy|Uỷ)\s+quyền(?:\s+cho)?|Phân\s+cấp\s+cho))(?:\s*:)?\s+")
# Not a request: "đề nghị của X" (the proposer), "Đơn đề nghị", "đề nghị cơ quan có thẩm quyền".
# "việc giao X", "về việc đề nghị X" name the matter of a proposal or a paper, not work this document hands out.
REQUEST_NOT_RE = re.compile(
    r"""(?:của|xét|Xét|cơ\s+sở|Đơn|đơn|theo|Theo|có|văn\s+bản|[Tt]ờ\s+trình|hồ\s+sơ|[Cc]ông\s+văn|[Kk]ính|xin|[Dd]anh\s+sách
       |[Vv]iệc)\s+$""",
    re.VERBOSE)
# A petition to a higher body ("đề nghị Bộ trưởng … xem xét, quyết định"): not work handed down.
PETITION_RE = re.compile(r"\s*(?:xem\s+xét|quyết\s+định|phê\s+duyệt|cho\s+phép|tặng|khen\s+thưởng|công\s+nhận|cho\s+ý\s+kiến)(?![\w])")
REQUEST_OBJECT_NOT_RE = re.compile(r"(?:cơ\s+quan|cấp)\s+có\s+thẩm\s+quyền|của\s")
# "Yêu cầu" hands work to bodies of the administration ("Yêu cầu các sở, ban, ngành … thực hiện nghiêm túc");
# put to regulated parties it is the content of a task ("Yêu cầu các cơ sở sản xuất, kinh doanh … lập hồ sơ").
REGULATED_PARTY_RE = re.compile(
    r"(?:(?:các|những|mọi)\s+)?(?:cơ\s+sở|tổ\s+chức|doanh\s+nghiệp|cá\s+nhân|hộ|chủ|người|nhà\s+đầu\s+tư)(?![\w])")

# Labelled fields: "Đơn vị chủ trì: X", "Cơ quan phối hợp: X", "Trách nhiệm chỉ đạo thực hiện: X; Y".
LABEL_RE = re.compile(
    r"""(?=[ĐCBTP])  # the labels' first letters: the places a label may stand are checked only there
        (?:^|(?<=[\n.;]\s)|(?<=^-\s)|(?<=\n-\s)|(?<=\n)|(?<=[-+]\s)|(?<=^[a-zđ]\)\s)|(?<=\n[a-zđ]\)\s))
        (?:
          (?P<lead>(?:Đơn\s+vị|Cơ\s+quan|Bộ\s+phận)\s+(?:trực\s+tiếp\s+)?(?:chủ\s+trì|thực\s+hiện|chịu\s+trách\s+nhiệm
                                                                   |(?:tổ\s+chức\s+)?lập(?:\s+quy\s+hoạch)?|thẩm\s+định)  # a regulation's competences
              (?:\s+(?:TTHC|thủ\s+tục\s+hành\s+chính)(?:\s+(?:NB|nội\s+bộ))?)?                 # Cơ quan thực hiện TTHC:
              (?:\s*\(\s*tham\s+mưu\s*\))?                                                   # Đơn vị chủ trì (tham mưu) thực hiện:
              (?:\s+(?:tham\s+mưu(?:\s+thực\s+hiện)?|thực\s+hiện|triển\s+khai))?     # Đơn vị chủ trì thực hiện:
            | Trách\s+nhiệm(?:\s+(?:chỉ\s+đạo|chủ\s+trì|tổ\s+chức))?(?:\s+(?:thực\s+hiện|triển\s+khai))?
            | Chủ\s+trì|Đơn\s+vị\s+thực\s+hiện)
        | (?P<support>(?:Đơn\s+vị|Cơ\s+quan|Bộ\s+phận)\s+phối\s+hợp(?:\s+(?:thực\s+hiện|triển\s+khai))?|Phối\s+hợp)
        )(?:\s*:\s*|[ \t]*(?P<block>\n)(?=\s*[-+•]))     # "Cơ quan chủ trì:" or a block of dash lines below""",
    re.VERBOSE,
)

# Shared-head list: "Các Bộ: Công Thương, Xây dựng" → "Bộ Công Thương", "Bộ Xây dựng".
# A head shared by a list in running text: "Các Bộ, cơ quan: Tài chính, Xây dựng, …", "Giám đốc các Sở: Giáo dục
# và Đào tạo, Tài chính, Nội vụ" → one unit per body ("Bộ Tài chính", "Giám đốc Sở Tài chính").
# The kinds of body a shared head names ("Giám đốc các Sở: …") and the levels a shared level lists ("các xã: …").
_LIST_HEADS = r"Bộ|Sở|Ban|Phòng|Cục|Vụ|Hội|Trung\s+tâm|Ủy\s+ban|Đảng\s+ủy"
# … and the generic heads, whose items are bodies named in full ("Thủ trưởng các cơ quan: Sở Xây dựng, …").
GENERIC_LIST_HEADS = ("cơ quan", "đơn vị")
LIST_LEVELS = r"xã|phường|thị\s+trấn|thị\s+xã|huyện|quận|tỉnh|thôn|bản|ấp"

SHARED_LIST_RE = re.compile(
    rf"(?P<title>(?:{TITLE_HEAD})\s+)?[Cc]ác\s+(?P<head>{_LIST_HEADS}|cơ\s+quan|đơn\s+vị)"
    r"(?:,\s*(?:cơ\s+quan|ngành|đơn\s+vị))?\s*:\s*(?=[A-ZĐ])", re.VERBOSE)

SHARED_HEAD_RE = re.compile(
    rf"^(?:Các|các)\s+(?P<head>{_LIST_HEADS})\s*:\s*(?P<items>[^:;.]+?)\s*[:.]?\s*$")

# The same in running text, up to its colon: "Ủy ban nhân dân các tỉnh: Ninh Bình, Bắc Ninh … đẩy nhanh …"; the
# count may stand for "các" ("Ủy ban nhân dân 04 xã: Gia Thuận, …"): the list names the bodies, the count none.
SHARED_LEVEL_START_RE = re.compile(
    rf"(?P<head>[^:;,()\n]{{3,60}}?)\s+(?:các|\d{{1,3}})\s+(?P<level>{LIST_LEVELS})\s*:\s*(?=[A-ZĐ])")

# Shared-level list: "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền" → "Ủy ban nhân dân xã Gia Thuận", …
SHARED_LEVEL_RE = re.compile(
    rf"^(?P<head>[^:;,()]{{3,60}}?)\s+(?:các|\d{{1,3}})\s+(?P<level>{LIST_LEVELS})\s*:\s*"
    r"(?P<items>[A-ZĐ][^:;.]*?)\s*[:.]?\s*$")

# A body or a person's title opening a clause: the subject of a request in a preamble ("…, Chủ tịch
# UBND tỉnh yêu cầu Thủ trưởng các sở …").
# A directive's own instruction in its lead-in: "Ủy ban nhân dân tỉnh chỉ thị các sở, ban ngành; …" — the verb in
# lower case before its addressees (not "Chỉ thị này", the document; tests/gold NOTES-105-108 call 2).
DIRECTIVE_VERB_RE = re.compile(r"(?=c)(?<![\w])chỉ\s+thị\s+(?=(?:các|những|mọi)\s|[A-ZĐ])")
# Funds laid out for a body to do the work: "Bố trí … kinh phí … để Ủy ban nhân dân huyện X thực hiện …" — the body
# funded is the subject of the task clause (tests/gold NOTES-109-112 call 6), unlike "để hướng dẫn … cho X". The funds
# are named ("kinh phí", "vốn") or given as a sum ("Bố trí 10.522,6 triệu đồng từ nguồn dự phòng ngân sách tỉnh để …").
# The lookahead holds the verbs' first letters, as in SUPPORT_RE.
FUNDED_RE = re.compile(r"(?=[BbPp])(?:(?<![\s\S])|(?<=\n)|(?<=[.;:]\s))(?:[Bb]ố\s+trí|[Pp]hân\s+bổ)\s(?:[^.;\n]|(?<=\d)\.(?=\d)){0,250}?"
                       r"(?:kinh\s+phí|vốn|(?:nghìn|ngàn|triệu|tỷ)\s+đồng)(?![\w])[^.;\n]{0,250}?\sđể\s+(?=\w)")
# A person named among addressees: "… và ông Nguyễn Văn An chịu trách nhiệm thi hành" (NOTES-109-112 call 5).
NAMED_PERSON_RE = re.compile(r"(?:[Ôô]ng|[Bb]à)\s+(?=[A-ZĐ][\w]*\s+[A-ZĐ])")
CLAUSE_SUBJECT_RE = re.compile(rf"(?:^|[,;:.\n])\s*(?:{TITLE_HEAD}|{ORG_HEAD})[^,;:.\n]*$", re.VERBOSE)

# A conditional reporting route: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, …".
CONDITIONAL_ROUTE_RE = re.compile(r"(?:[Nn]ếu|[Tt]rường\s+hợp|[Kk]hi)\s+(?:có\s+)?(?:phát\s+sinh\s+)?(?:khó\s+khăn|vướng\s+mắc)")
# What the subject of a closing sentence is asked to do: carry the document out ("các cơ quan, đơn vị nghiêm túc
# tổ chức, triển khai thực hiện").
CLOSING_PREDICATE_RE = re.compile(
    r"(?:nghiêm\s+túc|khẩn\s+trương|chủ\s+động|tập\s+trung|triển\s+khai|tổ\s+chức\s+(?:triển\s+khai|thực\s+hiện)|thực\s+hiện"
    r"|(?:xây\s+dựng|có)\s+kế\s+hoạch)(?![\w])")

# A lead-in clause before a subject: "Căn cứ …, X lập", "Sau khi kiểm tra, X lập"; after ";" the linking ones
# go on in lower case ("…; đồng thời, ngành Thuế phối hợp …").
INTRO_RE = re.compile(
    r"(?:Căn\s+cứ|Trên\s+cơ\s+sở|Sau\s+khi|Khi|Trong|Để|[Đđ]ồng\s+thời|[Nn]goài\s+ra|Trường\s+hợp|Nếu|Định\s+kỳ|Hằng|Hàng|Sau)\b")

# Lines that list participants or recipients, never assignees.
# "Thành viên Ban Chỉ đạo có trách nhiệm tham gia …" states the members' duty, not a list of them, also where a name
# wraps over a line ("Thành viên Hội đồng Thi đua⏎- Khen thưởng tỉnh, … có trách nhiệm"): given the text from the line's
# start, the marker is looked for up to the clause's end.
NOT_ASSIGNMENT_LINE_RE = re.compile(
    r"^\s*[-+•]?\s*(?:(?:Thành\s+phần|Thành\s+viên|Đại\s+biểu|Khách\s+mời)(?![^:;.]{0,160}(?:có|chịu)\s+trách\s+nhiệm)"
    r"|Mời|Kính\s+gửi|Nơi\s+nhận)\b", re.IGNORECASE)

# A body the document sets up names itself: "thành lập Ban Chỉ đạo thực hiện …, gồm".
ESTABLISHED_RE = re.compile(
    r"[Tt]hành\s+lập\s+(?P<name>(?:Ban|Tổ|Hội\s+đồng|Tiểu\s+ban|Đoàn|Nhóm)\s+[^,:;.()\n]{3,120}?)\s*(?=[,:;.(\n]|$)")

# A Thông báo kết luận's answer to a proposal opens with the proposal as its label: "Về đề nghị Bộ Nội vụ tham mưu …:
# Bộ Nội vụ nghiên cứu …". The label states what the locality asked for, not work the document hands out.
PROPOSAL_LABEL_RE = re.compile(r"\s*Về\s+(?:việc\s+)?(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất)(?![\w])[^:\n]*:")

# Headings that name a unit: "Nhiệm vụ của Tổ …:", "Trách nhiệm của Sở …".
# "của" may be left out before the body ("Trách nhiệm các cơ quan, đơn vị cấp thành phố và Ủy ban nhân dân xã, phường").
HEADING_OF_RE = re.compile(r"^(?:Nhiệm\s+vụ(?:\s*(?:,|và)\s*quyền\s+hạn)?|Trách\s+nhiệm|Chức\s+năng,\s*nhiệm\s+vụ(?:\s*(?:,|và)\s*quyền\s+hạn)?)\s+"
                           r"(?:(?:của|cụ\s+thể\s+của)\s+|(?=(?:các|những)\s|[A-ZĐ]))")

# A person in charge of fields: the fields listed after "lĩnh vực" are not bodies.
FIELD_HOLDER_RE = re.compile(r"^(?:Cán\s+bộ|Chuyên\s+viên|Công\s+chức|Lãnh\s+đạo)\s+phụ\s+trách\s")

# Descriptive sections: statements there state aims, not tasks.
DESCRIPTIVE_HEADING_RE = re.compile(
    r"^(?:mục\s+đích|yêu\s+cầu|mục\s+tiêu|chỉ\s+tiêu|quan\s+điểm|đánh\s+giá|sự\s+cần\s+thiết|căn\s+cứ|tình\s+hình|kết\s+quả"
    r"|phạm\s+vi|đối\s+tượng|nguyên\s+tắc|giải\s+thích"
    r"|dự\s+báo(?!.*(?:giải\s+pháp|nhiệm\s+vụ|tổ\s+chức\s+thực\s+hiện)))(?![\w])")
# Sections that state a contest's rules (Luật Thi đua, khen thưởng 2022; Kế hoạch thi đua): criteria, scoring, ranking.
RULES_HEADING_RE = re.compile(
    r"(?:tiêu\s+chí|tiêu\s+chuẩn\s+thi\s+đua|cách\s+thức\s+(?:xếp\s+hạng|đánh\s+giá|chấm\s+điểm|tính\s+điểm)|thang\s+điểm"
    r"|cách\s+tính\s+điểm|xếp\s+hạng|xếp\s+loại|nội\s+dung\s+thi\s+đua"
    # an award scheme's rules (Luật Thi đua, khen thưởng 2022, Điều 73-80): who awards, how many, on what standard
    r"|(?:số\s+lượng(?:\s+đề\s+nghị)?|hình\s+thức|tiêu\s+chuẩn(?:\s+xét)?|xét\s+tặng)\s+khen\s+thưởng|khen\s+thưởng$"
    r"|xét\s+tặng|(?:bằng|giấy)\s+khen|thẩm\s+quyền\s+(?:quyết\s+định|đánh\s+giá|khen\s+thưởng|xét)|nguyên\s+tắc)(?![\w])")
# The task chapter or section of a regulation: its items assign by their subjects.
TASK_SECTION_RE = re.compile(r"(?:tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm|nhiệm\s+vụ|phân\s+công|điều\s+khoản\s+thi\s+hành)(?![\w])")
# Sections whose items are tasks.
TASK_HEADING_RE = re.compile(
    r"(?:nhiệm\s+vụ|giải\s+pháp|nội\s+dung|tổ\s+chức\s+thực\s+hiện|phân\s+công|trách\s+nhiệm|triển\s+khai|hoạt\s+động"
    r"|công\s+tác|chương\s+trình|kế\s+hoạch|lộ\s+trình|tiến\s+độ)")

# A sector by its proper name opening a clause in lower case: "…; đồng thời, ngành Thuế phối hợp …".
NAMED_SECTOR_RE = re.compile(r"[Nn]gành\s+[A-ZĐ]")

"""OCR: post-OCR fixes (pure), TSV parsing (pure), and page-1 accuracy on the corpus scans.

The accuracy tests OCR one page each (about 2 s) and skip when ../shared or
tesseract with the Vietnamese model is missing. Transcriptions in
tests/data/ocr/*.p1.txt were checked by eye against the page rendered at 300 dpi;
their line order is the reader's (left header cell, right header cell, body).
Handwritten values are marked ⟦…⟧: the reader must not read them (it leaves the
blank and warns), so they are left out of the reference.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from kehoach.extractors import ocr, ocr_signature
from kehoach.extractors.ocr_blanks import blank_unread, reread_slots
from kehoach.extractors.ocr_glyphs import fix_ocr_text
from kehoach.extractors.quality import score_text

from .conftest import DATA, SHARED_CORPUS
from .test_synthetic_scans import synthetic

MAX_CER = 0.010  # reached: 0.94%, 0.54%, 0.84%, 0.27% (garbled 1050, 1105, scanned 2336, phê duyệt)
_HANDWRITTEN_RE = re.compile(r"⟦[^⟧]*⟧")
OCR_PAGES = sorted((DATA / "ocr").glob("*.p1.txt"))

# fmt: off
FIX_CASES = [
    pytest.param("ÐẢNG ỦY XÃ", "ĐẢNG ỦY XÃ", id="icelandic-eth-to-d-stroke"),
    pytest.param("HI. NHIỆM VỤ VÀ GIẢI PHÁP", "III. NHIỆM VỤ VÀ GIẢI PHÁP", id="roman-three-read-as-HI"),
    pytest.param("Chỉ thị số 33/CT-'TTg ngày", "Chỉ thị số 33/CT-TTg ngày", id="quote-inside-symbol"),
    pytest.param("Số: 1105⁄KH-ĐKT", "Số: 1105/KH-ĐKT", id="fraction-slash-in-symbol"),
    pytest.param("Văn bản số 11654/ANKT- ANTCĐT ngày", "Văn bản số 11654/ANKT-ANTCĐT ngày", id="space-in-symbol"),
    pytest.param("Báo cáo số 202/BC- -BQL ngày", "Báo cáo số 202/BC-BQL ngày", id="hyphen-read-twice-in-symbol"),
    pytest.param("Sở Tài chính - Kế hoạch", "Sở Tài chính - Kế hoạch", id="dash-between-words-no-symbol"),
    pytest.param("số 12/UBND- và", "số 12/UBND- và", id="symbol-gap-only-before-capitals"),
    pytest.param("QUYÉT ĐỊNH", "QUYÉT ĐỊNH", id="marks-are-left-to-the-language-model"),
    pytest.param("HIỆU QUẢ", "HIỆU QUẢ", id="valid-word-untouched"),
    pytest.param("CHI. tiết", "CHI. tiết", id="HI-only-at-line-start-as-whole-marker"),
    pytest.param("ông Hà", "ông Hà", id="lower-case-untouched"),
]
# fmt: on


# fmt: off
BLANK_CASES = [
    pytest.param("Số: j5 46 /QĐ-UBND", "Số:  /QĐ-UBND", ["number"], id="handwritten-number-left-blank"),
    pytest.param("Số: 4 46 /QĐ-UBND", "Số:  /QĐ-UBND", ["number"], id="split-digits-are-no-number"),
    pytest.param("Lào Cai, ngày 0Â tháng † năm 2026", "Lào Cai, ngày   tháng   năm 2026", ["day", "month"],
                 id="handwritten-day-and-month"),
    pytest.param("Số:1050 /QĐ-SCT", "Số:1050 /QĐ-SCT", [], id="typed-number-kept"),
    pytest.param("Số: 25-NQ/TW", "Số: 25-NQ/TW", [], id="party-number-kept"),
    pytest.param("Số:      /UBND-KT", "Số:      /UBND-KT", [], id="blank-draft-number-stays-blank"),
    pytest.param("Lào Cai, ngày 06 tháng 3 năm 2026", "Lào Cai, ngày 06 tháng 3 năm 2026", [], id="printed-date-kept"),
    pytest.param("Lào Cai, ngày     tháng 4 năm 2026", "Lào Cai, ngày     tháng 4 năm 2026", [], id="blank-day-kept"),
    pytest.param("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", [], id="motto-untouched"),
    # the pen's day over the printed word: "ngày" and the day read as one token
    pytest.param("Quảng Ngãi, ngàW/‡ tháng 5 năm 2021", "Quảng Ngãi, ngày  tháng 5 năm 2021", ["day"],
                 id="day-written-over-ngay"),
    pytest.param("Quảng Ngãi, ngà27 tháng 5 năm 2021", "Quảng Ngãi, ngày  tháng 5 năm 2021", ["day"],
                 id="day-glued-to-ngay"),
    pytest.param("Hà Nội, Ngàyl tháng 12 năm 2024", "Hà Nội, Ngày  tháng 12 năm 2024", ["day"],
                 id="capital-ngay-with-a-stroke"),
    pytest.param("Quảng Ngãi, ngày 27 tháng 5 năm 2021", "Quảng Ngãi, ngày 27 tháng 5 năm 2021", [],
                 id="clean-day-kept"),
    pytest.param("Quảng Ngãi, ngày thẳng 4 năm 2020", "Quảng Ngãi, ngày tháng 4 năm 2020",
                 [], id="month-word-with-a-wrong-mark"),
    pytest.param("Quảng Ngãi, ngày 15 Thàng 4 năm 2020", "Quảng Ngãi, ngày 15 Tháng 4 năm 2020", [],
                 id="capital-month-word-with-a-wrong-mark"),
    pytest.param("Nga Sơn, ngày 03 tháng 5 năm 2021", "Nga Sơn, ngày 03 tháng 5 năm 2021", [],
                 id="place-starting-nga-kept"),
]
# fmt: on


# fmt: off
BODY_BLANK_CASES = [
    pytest.param("(Cấp lần đầu: Ngày 0À tháng ‡ năm 2026)", "(Cấp lần đầu: Ngày   tháng   năm 2026)", True,
                 id="pen-day-and-month-in-a-subtitle"),
    pytest.param("ngày 15 tháng 3 năm 2026", "ngày 15 tháng 3 năm 2026", False, id="typed-date-kept"),
    pytest.param("trong ngày làm việc tháng này năm sau", "trong ngày làm việc tháng này năm sau", False,
                 id="words-between-kept"),
    pytest.param("ngày ký tháng 5 năm 2026", "ngày ký tháng 5 năm 2026", False, id="word-as-day-kept"),
]
# fmt: on


@pytest.mark.parametrize("line,expected,warned", BODY_BLANK_CASES)
def test_unreadable_date_values_outside_the_header(line, expected, warned):
    page = ocr._Page(binary="", number=1, rgb=None, grey=None, dpi=300, width=595, height=842, timeout=1)
    assert blank_unread(line, page, header=False) == expected
    assert bool(page.warnings) == warned


@pytest.mark.parametrize("line,expected,unread", BLANK_CASES)
def test_unreadable_header_values_are_left_blank(line, expected, unread):
    page = ocr._Page(binary="", number=1, rgb=None, grey=None, dpi=300, width=595, height=842, timeout=1)
    assert blank_unread(line, page) == expected
    assert len(page.warnings) == bool(unread)
    assert all(field in page.warnings[0] for field in unread) if unread else True


@pytest.mark.parametrize("raw,expected", FIX_CASES)
def test_fix_ocr_text(raw, expected):
    assert fix_ocr_text(raw) == expected


def test_parse_tsv_words_share_their_line_top():
    tsv = "\n".join([  # noqa: FLY002
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "4\t1\t1\t1\t1\t0\t300\t400\t900\t60\t-1\t",
        "5\t1\t1\t1\t1\t1\t300\t410\t200\t50\t96\tSở",
        "5\t1\t1\t1\t1\t2\t520\t400\t300\t60\t95\tThương",
        "5\t1\t1\t1\t2\t1\t300\t500\t100\t50\t95\t ",
    ])
    words = ocr.parse_tsv(tsv, dpi=300)
    assert [w["text"] for w in words] == ["Sở", "Thương"]
    assert {w["top"] for w in words} == {400 * 72 / 300}
    assert words[0]["x0"] == pytest.approx(72.0)


def cer(hypothesis: str, reference: str) -> float:
    """Character error rate: Levenshtein distance / reference length, whitespace collapsed."""
    a, b = (re.sub(r"\s+", " ", t).strip() for t in (hypothesis, reference))
    return synthetic.edit_distance(a, b) / max(1, len(b))


@pytest.fixture(scope="module")
def tesseract():
    reason = ocr.ocr_unavailable_reason()
    if reason:
        pytest.skip(reason)


@pytest.mark.parametrize("transcription", OCR_PAGES, ids=[p.name.split(".")[0] for p in OCR_PAGES])
def test_first_page_ocr_accuracy(tesseract, transcription):
    pdf = SHARED_CORPUS / "pdf" / (transcription.name.split(".")[0] + ".pdf")
    if not pdf.exists():
        pytest.skip("../shared/corpus/pdf is not present beside the project")
    read = ocr.ocr_pages(pdf.read_bytes(), [1])
    text = "\n".join(line.text for line in read.pages[1])
    reference = transcription.read_text(encoding="utf-8")
    assert cer(text, _HANDWRITTEN_RE.sub("", reference)) <= MAX_CER
    assert score_text(text).syllable_share >= 0.9
    if _HANDWRITTEN_RE.search("\n".join(reference.splitlines()[:8])):
        assert any("handwritten" in w for w in read.warnings)


# fmt: off
NUMERALS = [
    pytest.param("II.", "NHIỆM", 3, "III.", id="bold-III-read-as-II"),
    pytest.param("IL.", "MỤC", 1, "I.", id="bold-I-read-as-IL"),
    pytest.param("II.", "NHIỆM", 2, "II.", id="II-right-stays"),
    pytest.param("II.", "Làm", 3, "II.", id="not-a-heading-no-recount"),
    pytest.param("II", "NỘI", 2, "II.", id="full-stop-lost"),
    pytest.param("1.", "MỤC", 1, "1.", id="arabic-heading-stays"),
]
# fmt: on


@pytest.mark.parametrize("text,after,stems,expected", NUMERALS)
def test_heading_numerals_recounted_from_their_strokes(text, after, stems, expected):
    from .test_ocr_layout import _numeral

    grey = np.full((200, 800), 255, dtype=np.uint8)
    numeral = _numeral(stems)
    grey[100:160, 40:40 + numeral.shape[1]] = numeral
    page = ocr._Page(binary="", number=2, rgb=None, grey=grey, dpi=300, width=595, height=842, timeout=1)
    box = ocr.Box(40, 108, 40 + numeral.shape[1], 152)
    words = [{"text": text, "line": (1, 1, 1), "box": box}, {"text": after, "line": (1, 1, 1), "box": box}]
    assert ocr._check_markers(page, words)[0]["text"] == expected


@pytest.mark.parametrize("loop,expected", [(True, "9."), (False, "5.")], ids=["nine-stays", "five-read-as-nine"])
def test_nine_without_its_loop_is_five(loop, expected):
    from .test_ocr_layout import _digit

    grey = np.full((200, 800), 255, dtype=np.uint8)
    grey[100:160, 40:96] = _digit(loop)
    page = ocr._Page(binary="", number=3, rgb=None, grey=grey, dpi=300, width=595, height=842, timeout=1)
    words = [{"text": "9.", "line": (1, 1, 1), "box": ocr.Box(40, 100, 96, 160)},
             {"text": "Đẩy", "line": (1, 1, 1), "box": ocr.Box(120, 100, 200, 160)}]
    assert ocr._check_markers(page, words)[0]["text"] == expected


# fmt: off
SLOT_CASES = [
    pytest.param("U6_", True, ("06", 94.0), "06", id="typed-raised-day-read-again"),
    pytest.param("U6_", False, ("06", 94.0), "U6_", id="scan-no-second-reading-pen-looks-typed"),
    pytest.param("U6_", True, ("0ó", 92.0), "U6_", id="second-reading-no-digits"),
    pytest.param("U6_", True, ("06", 70.0), "U6_", id="second-reading-unsure"),
    pytest.param("06", True, ("08", 99.0), "06", id="clean-digits-never-read-again"),
]
# fmt: on


@pytest.mark.parametrize("text,typed,again,expected", SLOT_CASES)
def test_header_date_value_read_again_only_where_the_pdf_types_it(text, typed, again, expected):
    """The day between "ngày" and "tháng" read again alone only on a page that draws it as text:
    a scan's blank may hold black pen that reads as clean digits."""
    box = ocr.Box(100, 100, 160, 140)

    def word(t, left):
        return {"text": t, "line": (1, 1, 1), "conf": 95.0, "box": ocr.Box(left, 100, left + 60, 140)}

    page = ocr._Page(binary="", number=1, rgb=np.full((400, 400, 3), 255, np.uint8), grey=None, dpi=300,
                     width=595, height=842, timeout=1, typed=[ocr.Box(90, 90, 170, 150)] if typed else [])
    asked = []
    page.read = lambda region, psm: asked.append(region) or [{**word(again[0], 100), "conf": again[1]}]
    words = [word("ngày", 20), {**word(text, 100), "box": box}, word("tháng", 180)]
    assert [w["text"] for w in reread_slots(page, words)] == ["ngày", expected, "tháng"]
    assert bool(asked) == (typed and text != "06")
    assert any("read again" in w for w in page.warnings) == (expected != text)



def test_page_render_gives_the_boxes_of_the_text_it_draws():
    """Where the PDF draws text (not an image), a header value is typed: no pen can be there."""
    import io

    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=(300, 200))
    sheet.drawString(20, 150, "So:")
    sheet.save()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    rgb, dpi, typed = ocr._render(pdf, 0, 72)
    pdf.close()
    assert dpi == 72 and rgb.shape == (200, 300, 3)
    assert typed == [ocr.Box(20, 41, 37, 51)]


# fmt: off
RECIPIENT_OPENERS = [
    pytest.param("Nơi nhận:", True, True, id="printed"),
    pytest.param("Noinhận:", True, False, id="joined-without-marks-anywhere"),
    pytest.param("\\ơi nhận", True, True, id="capital-misread-at-margin"),
    pytest.param("ơi nhận:", True, True, id="capital-lost-at-margin"),
    pytest.param("\\ơi nhận", False, False, id="capital-misread-away-from-margin"),
    pytest.param("Lời nhắn", False, True, id="another-word-with-the-same-letters"),
    pytest.param("Nội dung", False, True, id="other-words"),
]
# fmt: on


@pytest.mark.parametrize("words,opens,at_margin", RECIPIENT_OPENERS)
def test_the_recipients_list_is_found_by_its_opening_words(words, opens, at_margin):
    from kehoach.extractors.ocr_correct import skeleton

    assert ocr_signature.opens_recipients(skeleton(words.replace(" ", "")), at_margin) == opens


@pytest.mark.parametrize("first,expected", [
    pytest.param("\\ơi nhận:", "Nơi nhận:", id="misread-capital-restored"),
    pytest.param("Nơi nhận:", "Nơi nhận:", id="printed-kept"),
    pytest.param("ơi nhận:", "Nơi nhận:", id="lost-capital-restored"),
    pytest.param("\\ơinhận:", "\\ơinhận:", id="one-word-left-as-read"),
])
def test_the_recipients_list_opens_with_its_printed_words(first, expected):
    from kehoach.schemas.layout import Line

    lines = ocr_signature.named_recipients([Line(first), Line("- Văn phòng Chính phủ;")])
    assert [line.text for line in lines] == [expected, "- Văn phòng Chính phủ;"]

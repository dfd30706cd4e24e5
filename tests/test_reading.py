"""Reading: the sample PDFs give back their source text; the header columns stay apart."""

from __future__ import annotations

import re

import pytest

from kehoach.extractors.normalize import WRITTEN_STEPS, clean_text
from kehoach.pipeline import api, readers

from .conftest import SAMPLES

SAMPLE_STEMS = sorted(p.stem for p in (SAMPLES / "source").glob("*.txt"))


def _fold_whitespace(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_pdf_text_equals_source_text(stem):
    source = clean_text((SAMPLES / "source" / f"{stem}.txt").read_text(encoding="utf-8"), WRITTEN_STEPS)
    extracted = api.normalised_text(SAMPLES / "pdf" / f"{stem}.pdf")
    a, b = _fold_whitespace(source), _fold_whitespace(extracted)
    first_diff = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    assert a == b, f"differs at {first_diff}: {a[first_diff - 20:first_diff + 20]!r} vs {b[first_diff - 20:first_diff + 20]!r}"


def test_header_columns_come_out_left_then_right():
    lines = [line.text for line in readers.read_document(SAMPLES / "pdf" / "gia-vien-ke-hoach-dan-van-2025.pdf").lines]
    top = [clean_text(t) for t in lines[:6]]
    assert top == [
        "ỦY BAN NHÂN DÂN", "PHƯỜNG GIA VIÊN", "Số: /KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hải Phòng, ngày tháng năm 2025",
    ]


def test_signature_band_keeps_recipients_apart_from_signature():
    text = api.normalised_text(SAMPLES / "pdf" / "gia-vien-ke-hoach-dan-van-2025.pdf")
    tail = text[text.index("Nơi nhận"):]
    assert tail.index("- Lưu: VT.") < tail.index("TM. ỦY BAN NHÂN DÂN") < tail.index("Chu Thanh Lương")


def test_page_numbers_are_not_text():
    lines = readers.read_document(SAMPLES / "pdf" / "gia-vien-ke-hoach-dan-van-2025.pdf").lines
    assert not [line for line in lines if re.fullmatch(r"\d{1,3}", line.text.strip())]


@pytest.mark.parametrize(
    "data,expected",
    [
        pytest.param("Kế hoạch\n".encode(), "Kế hoạch", id="utf8"),
        pytest.param("\ufeffKế hoạch\n".encode("utf-8"), "Kế hoạch", id="utf8-bom"),
        pytest.param("Kế hoạch\n".encode("utf-16"), "Kế hoạch", id="utf16-bom"),
        pytest.param("Ke\u0302\u0301 hoa\u0323ch\n".encode("utf-8"), "Kế hoạch", id="decomposed-to-nfc"),
    ],
)
def test_txt_encodings(tmp_path, data, expected):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert api.normalised_text(path) == expected


@pytest.mark.parametrize("pdf", sorted((SAMPLES / "pdf").glob("*.pdf")), ids=lambda p: p.stem)
def test_pdfium_engine_matches_pdfplumber_reference(pdf):
    """The fast engine gives the same lines, columns and bold marks as the pdfplumber reference."""
    from kehoach.extractors import pdf as pdf_reader

    data = pdf.read_bytes()
    fast, pages_fast = pdf_reader.extract_lines(data, engine="pdfium")
    reference, pages_ref = pdf_reader.extract_lines(data, engine="pdfplumber")
    assert pages_fast == pages_ref
    assert [(x.text, x.page, x.column, x.bold) for x in fast] == [(x.text, x.page, x.column, x.bold) for x in reference]


def test_pdfium_engine_splits_footnote_marks_and_keeps_line_end_hyphens(shared_corpus):
    from kehoach.extractors import pdf as pdf_reader

    lines, _ = pdf_reader.extract_lines((shared_corpus / "pdf" / "native_3686-UBND-XD_cong-van-kien-nghi.pdf").read_bytes())
    text = "\n".join(line.text for line in lines)
    assert "số 42/2024/QH15 [1] ngày 29/6/2024" in text  # superscript footnote mark kept apart from the symbol
    lines, _ = pdf_reader.extract_lines((shared_corpus / "pdf" / "native_1696-QD-UBND_quyet-dinh-uy-quyen.pdf").read_bytes())
    assert any(line.text.endswith("105/2025/NĐ-") for line in lines)


def _word(text, x0, top, size=13.0):
    return {"text": text, "x0": x0, "x1": x0 + 6.5 * len(text), "top": top, "bottom": top + size,
            "size": size, "fontname": "Times"}


def test_addressee_row_ends_the_header_band():
    """Công văn: "Kính gửi:" on the left beside its list on the right comes after the date line,
    not inside the issuer column (the header band ends where the addressee block starts)."""
    from kehoach.extractors.pdf import words_to_lines

    words = [
        _word("ỦY BAN NHÂN DÂN", 90, 60), _word("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60),
        _word("TỈNH LÀO CAI", 100, 76), _word("Độc lập - Tự do - Hạnh phúc", 330, 76),
        _word("Số: /UBND-KT", 100, 92), _word("Lào Cai, ngày tháng năm 2026", 320, 110),
        _word("Kính gửi:", 150, 160), _word("- Các Sở, ngành tỉnh;", 260, 160),
        _word("- UBND các xã, phường.", 260, 176),
        _word("Công tác quản lý nhà nước về vật liệu nổ công nghiệp thời gian qua đã đạt", 90, 210),
    ]
    texts = [line.text for line in words_to_lines(words, 595.0, 842.0, 1)]
    assert texts == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: /UBND-KT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày tháng năm 2026",
        "Kính gửi:", "- Các Sở, ngành tỉnh;", "- UBND các xã, phường.",
        "Công tác quản lý nhà nước về vật liệu nổ công nghiệp thời gian qua đã đạt",
    ]


def test_type_word_under_the_date_leaves_the_header_band():
    """Typeset bulk text: the type word, centred a wide gap under the date, is body text, not a
    wrapped line of the date's column."""
    from kehoach.extractors.pdf import words_to_lines

    words = [
        _word("BỘ VĂN HÓA, THỂ THAO", 120, 66), _word("CỘNG HÒA XÃ HỘI", 359, 66),
        _word("VÀ DU LỊCH", 146, 81), _word("CHỦ NGHĨA VIỆT NAM", 348, 81),
        _word("Số: 4385/QĐ-BVHTTDL", 120, 96), _word("Độc lập - Tự do - Hạnh phúc", 341, 96),
        _word("Hà Nội, ngày 18", 374, 111), _word("tháng 11 năm 2025", 367, 126),
        _word("QUYẾT ĐỊNH", 275, 171),
    ]
    lines = words_to_lines(words, 595.0, 842.0, 1)
    assert [(line.text, line.column) for line in lines][-3:] == [
        ("Hà Nội, ngày 18", "right"), ("tháng 11 năm 2025", "right"), ("QUYẾT ĐỊNH", None)]


def test_footnote_refs_and_page_foot_notes():
    """A small digit after a word is a footnote reference "[n]"; small-type numbered lines at the
    page foot leave the running text and follow the document as "[n] …"."""
    from kehoach.extractors.pdf import move_footnotes, words_to_lines
    from kehoach.schemas.layout import Line

    words = [_word("theo Luật số 42/2024/QH15", 90, 100), _word("1", 260, 98, size=8.0),
             _word("ngày 29/6/2024 của Quốc hội", 275, 100)]
    assert [line.text for line in words_to_lines(words, 595.0, 842.0, 1)] == \
        ["theo Luật số 42/2024/QH15 [1] ngày 29/6/2024 của Quốc hội"]

    def line(text, page, top, size):
        return Line(text=text, page=page, top=top, size=size, x0=90, x1=500, page_width=595.0)

    lines = [line(f"Dòng {k} của đoạn văn bản chính, cỡ chữ của phần lớn văn bản trên trang.", 1, 600 + 17 * k, 13)
             for k in range(4)]
    lines += [line("Đoạn văn bản chính trên trang một kéo dài đến cuối trang và", 1, 700, 13),
             line("1 Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", 1, 760, 10),
             line("số 42/2024/QH15 ngày 29/6/2024", 1, 772, 10),
             line("tiếp tục ở trang hai.", 2, 60, 13)]
    assert [x.text for x in move_footnotes(lines)][4:] == [
        "Đoạn văn bản chính trên trang một kéo dài đến cuối trang và", "tiếp tục ở trang hai.",
        "[1] Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", "số 42/2024/QH15 ngày 29/6/2024"]


def test_footnotes_of_a_real_letter_cite_from_the_marked_item(shared_corpus):
    from kehoach.pipeline import api

    plan = api.extract(shared_corpus / "pdf" / "native_3686-UBND-XD_cong-van-kien-nghi.pdf")
    item = next(n for n in plan.nodes if n.id == "1")
    assert "[1] Luật Quản lý, sử dụng vũ khí" in item.text
    assert "chưa có quy định cụ thể" in item.text  # the paragraph runs on across the page break
    assert ("1", "48/2024/TT-BGTVT") in {(c.node, c.ref) for c in plan.citations}  # cited only in footnote [3]

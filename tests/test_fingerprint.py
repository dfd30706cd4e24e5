"""The content fingerprint (extractors/fingerprint.py) and the figures its thresholds rest on."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest

from kehoach.extractors.fingerprint import NEAR_TEXT_BITS, RELATED_TEXT_BITS, distance, fingerprint, near_text
from kehoach.pipeline import readers, stages

from .conftest import SAMPLES, SHARED_CORPUS

WORDS = ("Ủy ban nhân dân xã tổ chức hội nghị đối thoại với Nhân dân về công tác dân vận chính quyền năm "
         "2025, Phòng Văn hóa - Xã hội chủ trì, phối hợp với Ban Xây dựng đảng Đảng ủy tham mưu thực hiện. ")


def normalised(path, ocr: bool = False) -> str:
    return "\n".join(line.text for line in stages.normalise(readers.read_document(path, readers.ReadOptions(ocr=ocr))))


@pytest.mark.parametrize("a,b,same", [
    pytest.param(WORDS * 3, WORDS * 3, True, id="same-text"),
    pytest.param(WORDS * 3, (WORDS * 3).upper(), True, id="case"),
    pytest.param(WORDS * 3, (WORDS * 3).replace("hóa", "hoá").replace("Đảng", "Ðảng"), True, id="tone-and-d-lookalike"),
    pytest.param(WORDS * 3, "  ".join((WORDS * 3).split()), True, id="spacing"),
    pytest.param(WORDS * 3, "Sở Tài chính chủ trì lập dự toán ngân sách, thẩm định phương án tài chính của các dự án "
                 "đầu tư công trên địa bàn tỉnh, báo cáo Ủy ban nhân dân tỉnh trước ngày 30 tháng 6 năm 2026. " * 3,
                 False, id="another-text"),
])
def test_fingerprint_sees_words_not_spelling(a, b, same):
    assert (distance(fingerprint(a), fingerprint(b)) == 0) is same
    assert len(fingerprint(a)) == 16 and int(fingerprint(a), 16) >= 0


def test_short_text_has_no_fingerprint():
    assert fingerprint("Kính gửi: Sở Xây dựng") is None
    assert near_text(None, fingerprint(WORDS * 3)) is False


def test_distance_counts_bits():
    assert distance("0000000000000000", "000000000000000f") == 4
    assert distance("ffffffffffffffff", "0000000000000000") == 64


@pytest.mark.parametrize("stem", sorted(p.stem for p in (SAMPLES / "source").glob("*.txt")))
def test_a_sample_as_txt_and_as_pdf_is_the_same_text(stem):
    """The samples' PDFs are typeset from their TXT: 0 bits apart (module docstring)."""
    txt = fingerprint(normalised(SAMPLES / "source" / f"{stem}.txt"))
    pdf = fingerprint(normalised(SAMPLES / "pdf" / f"{stem}.pdf"))
    assert distance(txt, pdf) == 0


@pytest.fixture(scope="module")
def bulk() -> dict[str, tuple[str | None, str]]:
    """Each bulk text: (issuer key, normalised text)."""
    from kehoach.extractors.header import parse_header
    from kehoach.extractors.keys import issuer_key

    files = sorted((SHARED_CORPUS / "bulk").glob("*.txt"))
    if not files:
        pytest.skip("../shared/corpus/bulk is not present beside the project")
    out = {}
    for path in files:
        lines = stages.normalise(readers.read_document(path))
        out[path.name] = (issuer_key(parse_header(lines).metadata.issuer), "\n".join(line.text for line in lines))
    return out


def test_distinct_documents_of_one_issuer_are_not_near(bulk):
    """810 pairs of 31 issuers, templated resolutions among them: 9 bits apart at the closest."""
    by_issuer = defaultdict(list)
    for issuer, text in bulk.values():
        by_issuer[issuer].append(fingerprint(text))
    distances = [distance(a, b) for prints in by_issuer.values() for a, b in itertools.combinations(prints, 2)]
    assert len(distances) >= 800
    assert min(distances) > NEAR_TEXT_BITS
    assert sorted(distances)[len(distances) // 2] > RELATED_TEXT_BITS  # the median


def test_one_paragraph_rewritten_stays_near(bulk):
    """The longest paragraph of each bulk text replaced: at most 8 bits for 204 of 215."""
    near = 0
    for _issuer, text in bulk.values():
        lines = text.split("\n")
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        lines[longest] = "Nội dung đoạn này đã được viết lại hoàn toàn bằng những câu chữ khác hẳn so với bản trước."
        near += distance(fingerprint(text), fingerprint("\n".join(lines))) <= NEAR_TEXT_BITS
    assert near >= 0.9 * len(bulk)


def test_an_ocr_reading_of_a_native_pdf_is_near():
    """The native text layer and Tesseract's reading of the same 4-page letter: 2 bits apart."""
    from kehoach.extractors import ocr

    pdf = SHARED_CORPUS / "pdf" / "native_193-UBND-KT_cong-van-chi-dao.pdf"
    if not pdf.exists():
        pytest.skip("../shared/corpus/pdf is not present beside the project")
    if ocr.ocr_unavailable_reason():
        pytest.skip(ocr.ocr_unavailable_reason())
    from kehoach.extractors.normalize import clean_lines

    data = pdf.read_bytes()
    read = ocr.ocr_pages(data, [1, 2, 3, 4], jobs=2)
    ocr_text = "\n".join(line.text for page in sorted(read.pages) for line in clean_lines(read.pages[page]))
    assert distance(fingerprint(normalised(pdf)), fingerprint(ocr_text)) <= NEAR_TEXT_BITS

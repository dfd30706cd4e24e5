"""The "is this Vietnamese" score that decides which PDF pages are re-read by OCR."""

from __future__ import annotations

import pytest

from kehoach.extractors.quality import is_syllable, score_text

from .conftest import SHARED_CORPUS

# fmt: off
SYLLABLES = [
    pytest.param("Thương", True, id="onset-th-rhyme-uong"),
    pytest.param("quyết", True, id="qu-onset-yet"),
    pytest.param("giữa", True, id="gi-onset-ua"),
    pytest.param("nghiệp", True, id="ngh-onset-stop-coda-nang"),
    pytest.param("khuya", True, id="medial-u-ya"),
    pytest.param("Đắk", True, id="highland-k-coda"),
    pytest.param("ĐỊNH", True, id="upper-case"),
    pytest.param("hoà", True, id="old-tone-placement"),
    pytest.param("chấp", True, id="stop-coda-sac"),
    pytest.param("chàp", False, id="stop-coda-huyen-is-invalid"),
    pytest.param("nghà", False, id="ngh-before-a-is-invalid-rhyme"),
    pytest.param("QUYÉT", False, id="ocr-e-acute-for-e-circumflex"),
    pytest.param("7+ѬѪ1*", False, id="garbled-cyrillic"),
    pytest.param("Ӣ", False, id="cyrillic-letter"),
    pytest.param("decree", False, id="english"),
    pytest.param("", False, id="empty"),
]
# fmt: on


@pytest.mark.parametrize("token,expected", SYLLABLES)
def test_is_syllable(token, expected):
    assert is_syllable(token) is expected


# fmt: off
PAGES = [
    pytest.param("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 193/UBND-KT\nV/v tăng cường công tác quản lý, giám sát "
                 "hoạt động VLNCN, TCTN trên địa bàn tỉnh", True, id="native-header-with-abbreviations"),
    pytest.param("6Ӣ CÔNG 7+ѬѪ1* &Ӝ1* HÒA XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM Ĉӝc lұp - 7ӵ do - +ҥnh phúc "
                 "Ĉӕi vӟi các cѫ quan, ÿѫn vӏ", False, id="garbled-pdfium-text-layer"),
    pytest.param("UBND (cid:55)(cid:1228)(cid:49)(cid:43) LÀO CAI (cid:38)(cid:1244)(cid:49)(cid:42) HÒA XÃ "
                 "(cid:43)(cid:1244)(cid:44) (cid:38)(cid:43)(cid:1258) NAM", False, id="pdfminer-cid-codes"),
    pytest.param("", False, id="no-text-layer"),
    pytest.param("Trang 3", False, id="too-little-text"),
    pytest.param("Pursuant to the Law on Organization of Local Government dated June 16, 2025 and the "
                 "Decree of the Government", False, id="english-page"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", PAGES)
def test_page_is_vietnamese(text, expected):
    quality = score_text(text)
    assert quality.is_vietnamese is expected
    assert bool(quality.reason) is not expected


def test_reasons_name_the_problem():
    assert "cid" in score_text("(cid:55)" * 10 + " chữ tiếng Việt").reason
    assert score_text("").reason == "no text layer"


def test_corpus_texts_score_as_vietnamese():
    texts = sorted((SHARED_CORPUS / "text").glob("*.txt"))
    if not texts:
        pytest.skip("../shared/corpus is not present beside the project")
    for path in texts:
        quality = score_text(path.read_text(encoding="utf-8"))
        assert quality.syllable_share >= 0.9, path.name
        assert quality.is_vietnamese, path.name
